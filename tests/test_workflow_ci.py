"""CI templates and the pre-commit hook: check on every push, build and publish on main."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import yaml

from generator.cli import build_parser

REPO = Path(__file__).resolve().parents[1]
GITHUB = REPO / "templates/ci/github-actions.yml"
GITLAB = REPO / "templates/ci/gitlab-ci.yml"


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def gongkai_commands(text: str) -> list[list[str]]:
    """Every ``gongkai …`` command line a template runs, as argv after ``gongkai``."""
    out = []
    for line in text.splitlines():
        match = re.search(r"(?:^|[\s/])gongkai (check|build|schema)\b([^#\n]*)", line)
        if match and not line.lstrip().startswith("#") and "name:" not in line:
            argv = shlex.split(match.group(1) + match.group(2).replace('"$(date +%F)"', "2026-11-21"))
            out.append(argv)
    return out


def test_github_checks_every_push_and_publishes_main():
    workflow = load(GITHUB)
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "push" in triggers and "pull_request" in triggers
    steps = workflow["jobs"]["check-and-build"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    check = next(s for s in steps if s.get("run", "").endswith("gongkai check"))
    assert "if" not in check
    main_only = "github.ref == 'refs/heads/main'"
    build = next(s for s in steps if "gongkai build" in s.get("run", ""))
    assert build["if"] == main_only
    artifact = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact"))
    assert artifact["if"] == main_only
    assert "public/boards/**/*.pdf" in artifact["with"]["path"]
    assert "public/boards/**/manifest.json" in artifact["with"]["path"]
    pages = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert pages["with"]["path"] == "public"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["if"] == main_only and deploy["steps"][0]["uses"].startswith("actions/deploy-pages")


def test_gitlab_checks_every_push_and_publishes_the_default_branch():
    pipeline = load(GITLAB)
    assert pipeline["variables"]["GIT_DEPTH"] == "0"
    assert "rules" not in pipeline["check"] and pipeline["check"]["script"] == [".venv/bin/gongkai check"]
    default_branch = [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert pipeline["pages"]["rules"] == default_branch
    assert pipeline["pages"]["artifacts"]["paths"] == ["public"]
    assert pipeline["boards"]["rules"] == default_branch
    assert "public/boards/**/manifest.json" in pipeline["boards"]["artifacts"]["paths"]


def test_templates_install_debian_fonts_and_use_no_cdn():
    for path in (GITHUB, GITLAB):
        text = path.read_text(encoding="utf-8")
        for package in ("fonts-noto-cjk", "libharfbuzz-subset0", "poppler-utils"):
            assert package in text, (path.name, package)
        code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
        assert not re.search(r"cdn|googleapis|jsdelivr|unpkg", code, re.I), path.name


def test_template_commands_match_the_command_line():
    parser = build_parser()
    for path in (GITHUB, GITLAB):
        commands = gongkai_commands(path.read_text(encoding="utf-8"))
        assert {argv[0] for argv in commands} == {"check", "build"}, path.name
        for argv in commands:
            parser.parse_args(argv)  # exits (fails the test) on an unknown option


def test_pre_commit_runs_gongkai_check_on_content_changes():
    for path in (REPO / ".pre-commit-hooks.yaml", REPO / ".pre-commit-config.yaml"):
        data = load(path)
        hook = data[0] if isinstance(data, list) else data["repos"][0]["hooks"][0]
        assert hook["id"] == "gongkai-check"
        assert hook["entry"].endswith("gongkai check") and hook["pass_filenames"] is False
        files = re.compile(hook["files"])
        assert files.search("content/offices/town/quarters/2026-Q4/finance.yml")
        assert files.search("boards/town-main.yml")
        assert not files.search("README.md")
