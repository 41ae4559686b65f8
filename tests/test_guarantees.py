"""Hard guarantees found broken by an audit: sources are never replaced or written into,
a killed build leaves nothing behind, and commands misused get a message, not a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "site-project"


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    return root


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("target", ["content", "content/site-copy", "boards", "boards/print"])
def test_build_never_replaces_or_writes_into_the_sources(project, target, capsys):
    before = tree(project)
    assert main(["build", str(project), "--out", str(project / target), "--no-boards"]) == 2
    assert "refusing to replace" in capsys.readouterr().err
    assert tree(project) == before


def test_build_refuses_to_replace_a_folder_it_did_not_build(project, tmp_path, capsys):
    folder = tmp_path / "desktop"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    assert main(["build", str(project), "--out", str(folder), "--no-boards"]) == 2
    assert "refusing to replace" in capsys.readouterr().err
    assert tree(folder) == {"notes.txt": b"keep me"}


def test_build_into_a_path_under_a_file_is_a_usage_error(project, tmp_path, capsys):
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    assert main(["build", str(project), "--out", str(tmp_path / "a-file/site"), "--no-boards"]) == 2
    assert "a file is in the way" in capsys.readouterr().err


def test_build_replaces_its_own_site_and_a_boards_only_folder(project, tmp_path):
    out = tmp_path / "site"
    (out / "boards").mkdir(parents=True)  # what `gongkai boards` alone leaves
    assert main(["build", str(project), "--out", str(out), "--no-boards", "--date", "2026-11-21"]) == 0
    assert main(["build", str(project), "--out", str(out), "--no-boards", "--date", "2026-11-21"]) == 0
    assert (out / "index.html").is_file()


@pytest.mark.parametrize("target", ["a-file", "a-file/print", "project/content/print", "project/boards"])
def test_boards_refuses_a_file_or_the_sources_as_output(project, tmp_path, target, capsys):
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    before = tree(project)
    assert main(["boards", str(project), "--out", str(tmp_path / target)]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert tree(project) == before


def test_next_build_clears_the_scratch_folder_of_a_killed_build(project, tmp_path):
    fcntl = pytest.importorskip("fcntl")
    out = tmp_path / "site"
    killed, running = tmp_path / ".site-build-killed", tmp_path / ".site-build-running"
    for scratch in (killed, running):
        (scratch / "site").mkdir(parents=True)
        (scratch / ".lock").touch()
    fd = os.open(running / ".lock", os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # a build still at work holds its lock
        assert main(["build", str(project), "--out", str(out), "--no-boards", "--date", "2026-11-21"]) == 0
    finally:
        os.close(fd)
    assert not killed.exists()
    assert running.is_dir()


KILLED_POOL = """
import os, signal
from concurrent.futures import ProcessPoolExecutor
from generator.boards.build import end_with_parent
with ProcessPoolExecutor(1, initializer=end_with_parent) as pool:
    print(pool.submit(os.getpid).result(), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux only")
def test_render_workers_end_with_a_killed_build():
    done = subprocess.run([sys.executable, "-c", KILLED_POOL], capture_output=True, text=True, timeout=60)
    worker = int(done.stdout.split()[0])
    deadline = time.monotonic() + 10
    while running(worker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not running(worker)
