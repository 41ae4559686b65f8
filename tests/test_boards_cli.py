"""``gongkai boards`` on the demo project: outputs where the site links them, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.cli import main

REPO = Path(__file__).resolve().parents[1]
MM = 72 / 25.4


@pytest.fixture
def demo(tmp_path) -> Path:
    root = tmp_path / "demo"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "boards", root / "boards")
    return root


def test_renders_the_demo_village_board_into_site(demo, capsys):
    code = main(["boards", str(demo), "--board", "liuxi-village-main", "--date", "2026-11-21"])
    assert code == 0, capsys.readouterr()
    folder = demo / "site/boards/liuxi-village-main/2026-Q4"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["profile"] == "offset" and manifest["trim_mm"] == [1189.0, 841.0]  # A0 landscape
    page = PdfReader(folder / "liuxi-village-main-2026-Q4.pdf").pages[0]
    assert [round(float(v) / MM) for v in page.trimbox] == [0, 0, 1189, 841]
    assert (folder / "liuxi-village-main-2026-Q4.png").is_file()
    assert (demo / "site/booklets/liuxi-village/2026-Q4/liuxi-village-2026-Q4-booklet.pdf").is_file()
    assert "liuxi-village-main-2026-Q4.pdf" in capsys.readouterr().out


def test_unknown_board_is_a_usage_error(demo, capsys):
    assert main(["boards", str(demo), "--board", "nowhere"]) == 2
    assert "nowhere" in capsys.readouterr().err


def test_bad_quarter_is_a_usage_error(demo):
    with pytest.raises(SystemExit) as exited:
        main(["boards", str(demo), "--quarter", "2026-Q5"])
    assert exited.value.code == 2


def test_content_errors_print_every_diagnostic_and_exit_1(demo, capsys):
    board = demo / "boards/qingshan-town-main.yml"
    board.write_text(board.read_text(encoding="utf-8").replace("quarter/key-projects", "quarter/no-such-item"),
                     encoding="utf-8")
    assert main(["boards", str(demo), "--date", "2026-11-21", "--out", str(demo / "out")]) == 1
    out = capsys.readouterr().out
    assert "boards/qingshan-town-main.yml:" in out and "error[missing-item]" in out
    assert not (demo / "out").exists()
