"""What a Windows machine with only Python from python.org needs, simulated here.

No Noto font installed (the glyph check uses the shipped coverage data), no
WeasyPrint native libraries and no fcntl (every command but the boards works,
the boards say why not), project paths with Chinese characters and spaces,
CRLF files, and no text read or written in the locale's encoding (GBK on a
Chinese Windows).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from checkfixtures import BASE_FILES, TODAY, diagnostics, write_project
from generator.cli import main
from generator.content import fonts

REPO = Path(__file__).resolve().parents[1]
LOW_INCOME = "content/offices/test-town/quarters/2026-Q4/low-income.yml"
RARE = "\U0002B820"  # 𫠠: Noto Sans CJK lacks it
WINDOWS = r"""
import multiprocessing, sys, warnings
multiprocessing.set_start_method("spawn", force=True)  # Windows has no fork
warnings.filterwarnings("error", category=EncodingWarning, module=r"generator(\.|$)")  # GBK on Chinese Windows
sys.modules["weasyprint"] = None  # as when Pango's DLLs are missing: WeasyPrint cannot load
sys.modules["fcntl"] = None       # POSIX only
from generator.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture
def no_board_font(monkeypatch):
    """Noto Sans CJK is installed nowhere this process looks."""
    monkeypatch.setattr(fonts, "DEFAULT_BOARD_FONTS", ("/nonexistent/R.ttc", "/nonexistent/B.ttc"))
    monkeypatch.setattr(fonts, "_FONT_DIRS", ())
    monkeypatch.setattr(fonts, "_fontconfig_file", lambda weight: None)
    monkeypatch.setattr(fonts, "_memory", {})
    fonts._default_files.cache_clear()
    yield
    fonts._default_files.cache_clear()


def windows_gongkai(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``gongkai ARGS`` without WeasyPrint and fcntl, text checked for the locale's encoding."""
    env = {**os.environ, "PYTHONWARNDEFAULTENCODING": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-c", WINDOWS, *args],
        cwd=cwd or REPO, env=env, capture_output=True, text=True, encoding="utf-8",
    )


# --- the board font check without the font -------------------------------------------

@pytest.mark.skip_by_design  # on Windows
def test_shipped_coverage_is_the_installed_fonts():
    """The data matches Noto Sans CJK SC as installed here: re-made with scripts/font_coverage.py."""
    installed = fonts.board_font_files(Path("/nonexistent-project"), [])
    if not installed:
        pytest.skip("Noto Sans CJK is not installed here")
    assert fonts.shipped_coverage() == fonts.covered_codepoints(installed)
    assert fonts.COVERAGE_FILE.read_text(encoding="utf-8") == fonts.coverage_text(installed[0])


def test_check_finds_a_rare_character_without_the_font(tmp_path, no_board_font):
    assert not fonts.default_fonts_found()
    text = BASE_FILES[LOW_INCOME].replace("name: 李四", f"name: 李{RARE}")
    found = diagnostics(write_project(tmp_path, {LOW_INCOME: text}))
    assert [(d.path, d.line, d.code) for d in found] == [(LOW_INCOME, 9, "missing-glyph")]
    assert "U+2B820" in found[0].message


def test_common_text_passes_without_the_font(tmp_path, no_board_font):
    assert diagnostics(write_project(tmp_path)) == []
    assert fonts.board_coverage(tmp_path, []) == fonts.shipped_coverage()
    text = "村务公开栏 Board 2025-Q4：低保名单（¥1,200.00）。王秀英、覃、啰"
    assert fonts.missing_characters(text, fonts.shipped_coverage()) == []


def test_a_project_font_still_adds_to_the_shipped_coverage(tmp_path, no_board_font):
    from test_fonts import build_font

    build_font(tmp_path / "rare.ttf", RARE)
    covered = fonts.board_coverage(tmp_path, ["rare.ttf"])
    assert ord(RARE) in covered and ord("公") in covered


@pytest.mark.skip_by_design  # on Windows
def test_boards_without_the_font_say_so(tmp_path, no_board_font):
    from generator.commands.common import NoPrintLibraries, import_boards
    from generator.content import load_project

    try:
        boards = import_boards()
    except NoPrintLibraries:
        pytest.skip("WeasyPrint cannot load here (Windows without GTK)")
    PrintSetupError, build_boards = boards.PrintSetupError, boards.build_boards

    project, _ = load_project(write_project(tmp_path / "p"), TODAY)
    with pytest.raises(PrintSetupError, match="fonts-noto-cjk"):
        build_boards(project, tmp_path / "out", today=TODAY)


# --- commands without WeasyPrint or fcntl, in a Chinese path with a space ---------------

@pytest.fixture(scope="module")
def chinese_project(tmp_path_factory) -> Path:
    """A project at …/柳溪 村务/项目, its files written with CRLF line ends (as Windows editors do)."""
    root = tmp_path_factory.mktemp("windows") / "柳溪 村务" / "项目"
    write_project(root)
    for path in root.rglob("*"):
        if path.suffix in (".yml", ".md", ".csv"):
            path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    return root


def test_check_on_crlf_files_in_a_chinese_path(chinese_project):
    done = windows_gongkai("check", str(chinese_project), "--date", TODAY.isoformat())
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_build_without_boards_and_without_weasyprint(chinese_project, tmp_path):
    out = tmp_path / "网站 输出"
    done = windows_gongkai("build", str(chinese_project), "--no-boards", "--out", str(out),
                           "--date", TODAY.isoformat())
    assert done.returncode == 0, done.stdout + done.stderr
    assert (out / "index.html").is_file() and (out / "test-town" / "index.html").is_file()


def test_boards_without_weasyprint_say_why_and_what_to_do(chinese_project, tmp_path):
    for command in ("build", "boards"):
        done = windows_gongkai(command, str(chinese_project), "--out", str(tmp_path / command),
                               "--date", TODAY.isoformat())
        assert done.returncode == 1
        assert "Traceback" not in done.stderr
        assert "WeasyPrint" in done.stderr and "--no-boards" in done.stderr and "WSL" in done.stderr


def test_new_schema_and_init_without_weasyprint(tmp_path):
    project = tmp_path / "新 项目"
    done = windows_gongkai("init", str(project), "--office", "liuxi-village")
    assert done.returncode == 0, done.stderr
    done = windows_gongkai("new", "office", "qingshan-town", str(project), "--kind", "town")
    assert done.returncode == 0, done.stderr
    done = windows_gongkai("schema", "--out", str(project / "docs" / "schema"), "--link", str(project))
    assert done.returncode == 0, done.stderr
    done = windows_gongkai("check", str(project))
    assert done.returncode == 0, done.stdout + done.stderr


def test_import_without_weasyprint(chinese_project, tmp_path):
    csv = tmp_path / "财务 收支.csv"
    csv.write_bytes("收支,项目,金额（元）\r\n收入,村集体经营收入,1200.00\r\n支出,办公费,300.00\r\n".encode("gbk"))
    target = chinese_project / "content/offices/test-town/quarters/2026-Q4/imported-finance.yml"
    done = windows_gongkai("import", str(csv), "--type", "finance", "--to", str(target))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1200.00" in target.read_text(encoding="utf-8")
    target.unlink()


def test_a_large_project_loads_in_spawned_workers(tmp_path):
    """Large projects load in a process pool; on Windows its workers are spawned, not forked."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from county import generate_county

    root = tmp_path / "清河 县"
    generate_county(root, offices=34, quarters=1, today=TODAY)  # 2 workers on 2 cores
    done = windows_gongkai("check", str(root), "--date", TODAY.isoformat())
    assert done.returncode == 0, done.stdout + done.stderr
    assert "34 个单位" in done.stdout


def test_no_posix_only_calls_in_the_generator():
    """fork, POSIX signals and shells are not on Windows: where used, they are guarded."""
    unguarded = []
    for path in sorted((REPO / "generator").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for needle in ("os.fork(", "os.killpg(", "preexec_fn", '"bash"', "'bash'", "shell=True", "/bin/sh"):
            if needle in text:
                unguarded.append(f"{path.relative_to(REPO).as_posix()}: {needle}")
    assert unguarded == []


def test_setup_script_is_readable_by_windows_powershell():
    """Windows PowerShell 5.1 reads a .ps1 without a BOM in the ANSI code page: the Chinese would break."""
    data = (REPO / "scripts/setup.ps1").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    assert "\n" not in text.replace("\r\n", "")
    code = "".join(line.split("#")[0] for line in text.splitlines() if not line.lstrip().startswith("#"))
    assert code.count("{") == code.count("}") and code.count("(") == code.count(")")
    for step in ("-m venv", "pip install", "check $Root"):
        assert step in text
