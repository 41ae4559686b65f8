"""PNG proofs of board PDFs: every sheet side by side, rendered by poppler's pdftoppm."""

from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

from PIL import Image

PROOF_HEIGHT_PX = 1000  # a sheet's height in the proof, whatever its size
GUTTER_PX = 16


def proof_png(pdf: bytes, height_mm: float) -> bytes:
    """A low-resolution PNG of all sheets of ``pdf`` (media box: crop marks show)."""
    dpi = max(10, round(PROOF_HEIGHT_PX / (height_mm / 25.4)))
    with tempfile.TemporaryDirectory(prefix="gongkai-proof-") as tmp:
        source = Path(tmp) / "board.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(source), str(Path(tmp) / "sheet")],
                       check=True, capture_output=True)
        sheets = [Image.open(p).convert("RGB") for p in sorted(Path(tmp).glob("sheet*.png"))]
    width = sum(s.width for s in sheets) + GUTTER_PX * (len(sheets) - 1)
    height = max(s.height for s in sheets)
    proof = Image.new("RGB", (width, height), (128, 128, 128))
    x = 0
    for sheet in sheets:
        proof.paste(sheet, (x, 0))
        x += sheet.width + GUTTER_PX
    out = io.BytesIO()
    proof.save(out, format="PNG", optimize=True)
    return out.getvalue()
