"""The set-up scripts and the benchmark county.

scripts/bootstrap.sh runs here against stand-ins for dpkg, apt, sudo and
Python that record what they are asked, so its fresh-machine logic is tested
without root or a network. The generated county must check clean.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.content import load_project
from generator.model import FIXED_TYPES, ROTATING_TYPES, Quarter

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
from county import generate_county  # noqa: E402

TODAY = dt.date(2026, 11, 21)
PACKAGES = ("python3-venv", "fonts-noto-cjk", "fontconfig", "libpango-1.0-0", "libpangoft2-1.0-0",
            "libharfbuzz-subset0", "libgs-common", "poppler-utils", "git", "libatomic1", "chromium")

# Stand-ins: each appends what it was asked to $STATE/log. Packages "installed"
# are listed in $STATE/installed; those apt has no candidate for in $STATE/unavailable.
STUBS = {
    "dpkg-query": """
        grep -qx "${@: -1}" "$STATE/installed" && printf 'ii ' || exit 1
    """,
    "apt-cache": """
        grep -qx "$2" "$STATE/unavailable" && echo "  Candidate: (none)" || echo "  Candidate: 1.0"
    """,
    "apt-get": """
        echo "apt-get $* DEBIAN_FRONTEND=$DEBIAN_FRONTEND" >>"$STATE/log"
        if [ "$1" = install ]; then
            for arg in "$@"; do case "$arg" in -*|install) ;; *) echo "$arg" >>"$STATE/installed";; esac; done
        fi
    """,
    "id": "echo 1000",
    "sudo": """
        echo "sudo $1" >>"$STATE/log"
        [ "$1" = -n ] && shift
        exec "$@"
    """,
    "python3": """
        case "$*" in
            *ensurepip*) grep -qx python3-venv "$STATE/installed" ;;
            "-m venv "*)
                venv="${@: -1}"; mkdir -p "$venv/bin"
                cp "$STATE/venv-python" "$venv/bin/python" ;;
            *) exit 0 ;;
        esac
    """,
    "venv-python": """
        case "$*" in
            -V) echo "Python 3.11.7" ;;
            "-m pip install"*)
                echo "pip $*" >>"$STATE/log"
                printf '#!/bin/sh\\n' >"$(dirname "$0")/gongkai"; chmod +x "$(dirname "$0")/gongkai" ;;
        esac
    """,
}


@pytest.fixture
def machine(tmp_path):
    """A repository copy with scripts/bootstrap.sh and a machine of stand-ins; returns run()."""
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    (repo / "scripts" / "bootstrap.sh").write_bytes((REPO / "scripts" / "bootstrap.sh").read_bytes())
    (repo / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    state = tmp_path / "state"
    bin_dir = state / "bin"
    bin_dir.mkdir(parents=True)
    for name, body in STUBS.items():
        target = state / name if name == "venv-python" else bin_dir / name
        target.write_text("#!/bin/bash\n" + textwrap.dedent(body).strip() + "\n")
        target.chmod(0o755)
    for name in ("installed", "unavailable", "log"):
        (state / name).write_text("")
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "STATE": str(state), "TMPDIR": str(tmp_path), "CI": "true"}

    def run() -> tuple[subprocess.CompletedProcess, list[str]]:
        before = len((state / "log").read_text().splitlines())
        done = subprocess.run(["bash", str(repo / "scripts" / "bootstrap.sh")], env=env,
                              stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
        return done, (state / "log").read_text().splitlines()[before:]

    run.repo, run.state = repo, state
    return run


def test_bootstrap_on_a_fresh_machine_installs_once_then_does_nothing(machine):
    (machine.state / "unavailable").write_text("chromium\n")  # as on Ubuntu

    first, calls = machine()

    assert first.returncode == 0, first.stderr
    apt = [c for c in calls if c.startswith("apt-get")]
    assert apt == [
        "apt-get update DEBIAN_FRONTEND=noninteractive",
        "apt-get install -y --no-install-recommends python3-venv fonts-noto-cjk fontconfig libpango-1.0-0 "
        "libpangoft2-1.0-0 libharfbuzz-subset0 libgs-common poppler-utils git libatomic1 "
        "DEBIAN_FRONTEND=noninteractive",
    ]
    assert calls.count("sudo -n") == 2  # not root, no terminal: never waits for a password
    assert [c for c in calls if c.startswith("pip")] == ["pip -m pip install --progress-bar off -e .[test]"]
    assert "browser tests will be skipped" in first.stderr
    assert (machine.repo / ".venv" / "bin" / "gongkai").exists()

    second, calls = machine()

    assert second.returncode == 0
    assert (calls, second.stdout, second.stderr) == ([], "", "")


def test_bootstrap_reinstalls_python_packages_only_when_pyproject_changes(machine):
    (machine.state / "installed").write_text("\n".join(PACKAGES) + "\n")
    _, calls = machine()
    assert [c.split()[0] for c in calls] == ["pip"]  # nothing for apt

    (machine.repo / "pyproject.toml").write_text("[project]\nname = 'x'\nversion = '2'\n")
    _, calls = machine()

    assert [c.split()[0] for c in calls] == ["pip"]


def test_bootstrap_reports_a_package_apt_does_not_have(machine):
    (machine.state / "unavailable").write_text("libharfbuzz-subset0\n")

    done, calls = machine()

    assert done.returncode == 1
    assert "no package 'libharfbuzz-subset0'" in done.stderr
    assert not any(c.startswith("apt-get install") for c in calls)


def test_scripts_are_executable_and_never_download_a_browser():
    scripts = [*sorted((REPO / "scripts").glob("*.sh")), REPO / ".ci" / "run"]
    for script in scripts:
        assert os.access(script, os.X_OK), script
        assert subprocess.run(["bash", "-n", str(script)]).returncode == 0, script
        assert "playwright install" not in script.read_text()
    assert "bash scripts/test.sh" in (REPO / ".ci" / "run").read_text()


def test_generated_county_checks_clean_with_every_type(tmp_path):
    generate_county(tmp_path, offices=10, quarters=3, today=TODAY)

    project, report = load_project(tmp_path, today=TODAY)

    assert [d.format() for d in report.sorted()] == []
    assert {o.kind for o in project.offices.values()} == {"town", "village", "department"}
    assert len(project.offices) == len(project.boards) == 10
    quarters = [Quarter(2026, 2), Quarter(2026, 3), Quarter(2026, 4)]
    for office in project.offices.values():
        assert sorted(item.type for item in office.fixed) == sorted(FIXED_TYPES)
        assert sorted(office.quarters) == quarters
        for items in office.quarters.values():
            assert sorted(item.type for item in items) == sorted(ROTATING_TYPES)
    lists = [item for item in project.items() if item.type == "subsidy-list"]
    assert all(36 <= len(item.fields["recipients"]) <= 44 for item in lists)
    assert all("*" * 8 in r["id"] for item in lists for r in item.fields["recipients"])


def test_generated_county_is_deterministic(tmp_path):
    generate_county(tmp_path / "a", offices=4, quarters=2, today=TODAY)
    generate_county(tmp_path / "b", offices=4, quarters=2, today=TODAY)

    def files(root):
        return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    assert files(tmp_path / "a") == files(tmp_path / "b")
