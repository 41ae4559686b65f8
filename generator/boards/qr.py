"""QR codes as one small image each, in process black (CMYK).

A code is drawn as a CMYK JPEG with each module exactly one 8 × 8 pixel block:
JPEG codes each block on its own, so a flat block comes back exact (the code
is lossless), and the renderer places one image instead of hundreds of paths.
"""

from __future__ import annotations

import base64
import io
from functools import lru_cache

import qrcode
from PIL import Image
from qrcode.constants import ERROR_CORRECT_M

QUIET_ZONE = 2  # modules of white around the code (printed on a white plate)
MODULE_PX = 8  # one JPEG block per module


@lru_cache(maxsize=512)
def qr_jpeg(url: str) -> bytes:
    """The QR code of ``url`` as a CMYK JPEG (white paper, black K modules)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(url)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix)
    modules = Image.new("L", (size, size), 0)
    modules.putdata([255 if dark else 0 for row in matrix for dark in row])
    black = modules.resize((size * MODULE_PX, size * MODULE_PX), Image.NEAREST)
    empty = Image.new("L", black.size, 0)
    out = io.BytesIO()
    Image.merge("CMYK", (empty, empty, empty, black)).save(out, format="JPEG", quality=100, subsampling=0)
    return out.getvalue()


def qr_html(url: str, css_class: str = "qr") -> str:
    """An ``<img>`` of the QR code of ``url`` that scales to its box (size it with CSS)."""
    data = base64.b64encode(qr_jpeg(url)).decode()
    return f'<img class="{css_class}" alt="" src="data:image/jpeg;base64,{data}">'
