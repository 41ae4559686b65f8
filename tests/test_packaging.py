"""gongkai as an installed package, and `gongkai init`.

The wheel carries mkdocs.yml, the theme and the templates (generator/share.py);
installed into a fresh virtual environment, it makes, checks and builds a new
content-only project outside the repository. The slow tests build the wheel
and install it with pip (its dependencies come from pip's cache or the index).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from generator import share
from generator.cli import main
from generator.content import load_project
from generator.workflow import new_project

REPO = Path(__file__).resolve().parents[1]
BIN = "Scripts" if os.name == "nt" else "bin"


def tracked(*folders: str) -> list[str]:
    """Files git tracks (or would: new, not ignored) under ``folders`` of the repository."""
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", *folders],
                         cwd=REPO, capture_output=True, check=True).stdout
    return sorted(name for name in out.decode("utf-8").split("\0") if name and (REPO / name).is_file())


# --- where gongkai's own files come from --------------------------------------------

def test_a_checkout_uses_its_own_files():
    assert share.share_dir() == REPO
    assert share.mkdocs_config_file(REPO / "tests/fixtures/site-project") == REPO / "mkdocs.yml"


def test_a_project_with_its_own_mkdocs_yml_builds_with_it(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: fork\n", encoding="utf-8")
    assert share.mkdocs_config_file(tmp_path) == tmp_path / "mkdocs.yml"


def test_setup_copies_what_share_names():
    text = (REPO / "setup.py").read_text(encoding="utf-8")
    assert f"SHARED = {share.SHARED!r}".replace("'", '"') in text
    manifest = (REPO / "MANIFEST.in").read_text(encoding="utf-8")
    for name in share.SHARED:
        assert (f"graft {name}" if (REPO / name).is_dir() else f"include {name}") in manifest


# --- gongkai init ------------------------------------------------------------------

def init(*args: str) -> int:
    return main(["init", *args])


def test_init_makes_a_project_that_checks_as_drafts(tmp_path, capsys):
    root = tmp_path / "liuxi-village"
    assert init(str(root)) == 0
    printed = capsys.readouterr().out
    assert "content/site.yml" in printed and "boards/liuxi-village-main.yml" in printed
    project, report = load_project(root)
    assert not report.has_errors(), [d.format() for d in report.sorted()]
    # what is left to do is said, in the files the clerk fills in
    warned = {d.path for d in report.diagnostics}
    assert {"content/site.yml", "content/offices/liuxi-village/office.yml"} <= warned
    assert warned <= {"content/site.yml", "content/offices/liuxi-village/office.yml",
                      "boards/liuxi-village-main.yml"}
    office = project.offices["liuxi-village"]
    assert office.fixed and all(item.draft for item in office.items())
    board = project.boards["liuxi-village-main"]
    assert board.office_id == "liuxi-village"
    assert [p.key for p in board.panels] == [f"fixed/{item.id}" for item in office.fixed]


def test_init_writes_git_ci_editor_and_hook_files(tmp_path):
    root = tmp_path / "p"
    assert init(str(root), "--office", "qingshan-town", "--kind", "town", "--title", "青山镇政务公开",
                "--url", "https://gk.qingshan.gov.cn/", "--gongkai", "gongkai==9.9") == 0
    site = yaml.safe_load((root / "content/site.yml").read_text(encoding="utf-8"))
    assert site["title"] == "青山镇政务公开" and site["url"] == "https://gk.qingshan.gov.cn/"
    assert "/site/" in (root / ".gitignore").read_text(encoding="utf-8").splitlines()
    hook = yaml.safe_load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hook["repos"][0]["hooks"][0]["entry"] == "gongkai check"
    for ci in (".github/workflows/gongkai.yml", ".gitlab-ci.yml"):
        text = (root / ci).read_text(encoding="utf-8")
        assert "GONGKAI: gongkai==9.9" in text and 'GONGKAI: "."' not in text
        yaml.safe_load(text)
    assert sorted(p.name for p in (root / "docs/schema").iterdir()) == sorted(
        ["site.schema.json", "office.schema.json", "item.schema.json", "board.schema.json", "catalogue.schema.json"])
    first = (root / "content/offices/qingshan-town/office.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../../docs/schema/office.schema.json"
    assert (root / "README.md").read_text(encoding="utf-8").startswith("# 青山镇政务公开\n")


def test_init_without_ci_and_into_an_existing_git_folder(tmp_path):
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    assert init(str(root), "--no-ci") == 0
    assert not (root / ".github").exists() and not (root / ".gitlab-ci.yml").exists()
    assert (root / "content/offices/repo/office.yml").is_file()  # the folder's name is the office id
    assert init(str(tmp_path / "柳溪"), "--no-ci") == 0
    assert (tmp_path / "柳溪/content/offices/office/office.yml").is_file()  # not an id: the default

def test_init_refuses_to_overwrite(tmp_path, capsys):
    root = tmp_path / "p"
    assert init(str(root)) == 0
    assert init(str(root)) == 2
    assert "已经是 gongkai 项目" in capsys.readouterr().err
    other = tmp_path / "q"
    other.mkdir()
    (other / ".gitignore").write_text("mine\n", encoding="utf-8")
    assert init(str(other)) == 2
    assert ".gitignore 已经存在，不会覆盖" in capsys.readouterr().err
    assert (other / ".gitignore").read_text(encoding="utf-8") == "mine\n"
    assert not (other / "content").exists()


def test_init_refuses_a_bad_office_id_and_a_file(tmp_path, capsys):
    assert init(str(tmp_path / "p"), "--office", "柳溪村") == 2
    assert "编号 柳溪村 无效" in capsys.readouterr().err
    (tmp_path / "f").write_text("", encoding="utf-8")
    assert init(str(tmp_path / "f")) == 2


def test_installed_from_names_a_pip_requirement():
    requirement = new_project.installed_from()
    assert requirement.startswith("gongkai")  # editable here: this version from the index


# --- the wheel, installed ---------------------------------------------------------------

@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel built from a copy of the repository's files (what a clone has)."""
    source = tmp_path_factory.mktemp("source")
    for name in tracked("."):
        if not name.startswith(("tests/", "benchmarks/", "docs/")):
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(source)],
                   check=True, capture_output=True)
    (built,) = out.glob("gongkai-*.whl")
    return built


@pytest.mark.slow
def test_the_wheel_carries_the_theme_configuration_and_templates(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(archive.read(n).decode() for n in names if n.endswith(".dist-info/entry_points.txt"))
    shipped = tracked(*share.SHARED)
    assert shipped and "mkdocs.yml" in shipped
    assert [n for n in shipped if f"generator/_share/{n}" not in names] == []
    packaged = [n for n in tracked("generator") if not n.endswith(".py")]
    assert [n for n in packaged if n not in names] == []
    assert "gongkai = generator.cli:main" in entry_points
    assert "gongkai = generator.plugin:GongkaiPlugin" in entry_points


@pytest.mark.slow
def test_installed_wheel_inits_checks_and_builds_a_project(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / BIN / "python"
    done = subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    gongkai = venv / BIN / "gongkai"
    outside = tmp_path / "工作 目录"  # not the repository; a Chinese name with a space
    outside.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(gongkai), *args], cwd=outside, env=env, capture_output=True, text=True,
                              encoding="utf-8")

    where = subprocess.run([str(python), "-c", "from generator.share import share_dir; print(share_dir())"],
                           cwd=outside, env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where).is_relative_to(venv), where
    done = run("init", "柳溪村", "--office", "liuxi-village", "--title", "柳溪村村务公开")
    assert done.returncode == 0, done.stderr
    assert run("check", "柳溪村").returncode == 0
    done = run("build", "柳溪村")
    assert done.returncode == 0, done.stdout + done.stderr
    site = outside / "柳溪村/site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "柳溪村村务公开" in home
    assert (site / "assets/stylesheets/gongkai.css").is_file()  # the theme's overrides, from the wheel
    assert list((site / "boards/liuxi-village-main").rglob("*.pdf"))
