#!/usr/bin/env bash
# Set up everything gongkai needs on this machine; fast and silent when nothing changed.
#
# 1. Debian/Ubuntu packages that are missing (checked with dpkg), listed below
#    with what needs them, and python3 / python3-venv when `python3 -m venv`
#    cannot work. `apt-get update` runs only when something must be installed;
#    `sudo` is used when not root.
# 2. A virtual environment in .venv with gongkai installed editable, with its
#    test dependencies. pip runs again only when pyproject.toml changes.
# 3. The browser editor's interface (Decap CMS, npm package decap-cms, pinned
#    below) in generator/editor/vendor/ (git-ignored), fetched with `npm pack`
#    (no node_modules) only when that version is not there; npm itself comes
#    from apt when missing.
#
# Usage: bash scripts/bootstrap.sh   (scripts/demo.sh and scripts/test.sh call it)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
STAMP="$VENV/.gongkai-installed"
UNAVAILABLE="$VENV/.gongkai-unavailable"  # optional packages apt did not have: not asked for again
MIN_PYTHON="3.10"

REQUIRED_PACKAGES=(
    fonts-noto-cjk fontconfig   # the board fonts, found with fc-list
    libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0  # WeasyPrint: text layout, font subsetting
    libgs-common                # the CMYK output profile of print PDFs
    poppler-utils               # pdftoppm: board proofs
    git                         # the site's history pages
    libatomic1                  # Playwright's driver (browser tests)
)
OPTIONAL_PACKAGES=(chromium)    # browser tests; skipped where apt has no chromium (Ubuntu)
DECAP_VERSION="3.16.3"          # gongkai edit: the editor interface (npm decap-cms)
DECAP_INTEGRITY="sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw=="
DECAP_DIR="$ROOT/generator/editor/vendor/decap-cms"

say() { printf 'bootstrap: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

# Print the tail of a log after a failed step, then stop.
fail_with_log() {
    local what="$1" log="$2"
    say "error: $what failed; last lines of $log:"
    tail -n 40 "$log" >&2 || true
    exit 1
}

is_installed() {
    [[ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null)" == "ii "* ]]  # one "ii " per architecture
}

venv_works() {
    "$VENV/bin/python" -c "import sys; sys.exit(sys.version_info < (${MIN_PYTHON/./, }))" 2>/dev/null
}

python_can_make_venv() {
    command -v python3 >/dev/null 2>&1 && python3 -c 'import ensurepip, venv' 2>/dev/null
}

has_candidate() {
    local policy
    policy="$(LC_ALL=C apt-cache policy "$1" 2>/dev/null)"
    [[ "$policy" == *"Candidate: "[!\(]* ]]
}

unavailable=()

install_system_packages() {
    local missing=() package
    if ! venv_works && ! python_can_make_venv; then
        command -v python3 >/dev/null 2>&1 || missing+=(python3)
        missing+=(python3-venv)
    fi
    if ! command -v dpkg-query >/dev/null 2>&1; then
        [ ${#missing[@]} -eq 0 ] || die "python3 with the venv module is needed; install it first"
        say "not a Debian/Ubuntu system: make sure these (or your system's equivalents) are installed:"
        say "  ${REQUIRED_PACKAGES[*]} ${OPTIONAL_PACKAGES[*]}"
        return
    fi
    for package in "${REQUIRED_PACKAGES[@]}" "${OPTIONAL_PACKAGES[@]}"; do
        is_installed "$package" || grep -qsx "$package" "$UNAVAILABLE" || missing+=("$package")
    done
    editor_installed || command -v npm >/dev/null 2>&1 || missing+=(npm)  # fetches the editor interface
    [ ${#missing[@]} -eq 0 ] && return

    local as_root=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 \
            || die "missing system packages (${missing[*]}) and no sudo: run as root: apt-get install ${missing[*]}"
        as_root=(sudo)
        [ -t 0 ] || as_root+=(-n)  # no terminal (CI): fail rather than wait for a password
    fi
    local apt=(${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get)
    local log
    log="$(mktemp -t gongkai-apt.XXXXXX)"

    say "installing system packages: ${missing[*]}"
    "${apt[@]}" update >"$log" 2>&1 || fail_with_log "apt-get update" "$log"

    local wanted=()
    for package in "${missing[@]}"; do
        if has_candidate "$package"; then
            wanted+=("$package")
        elif [[ " ${OPTIONAL_PACKAGES[*]} " == *" $package "* ]]; then
            say "warning: no Debian package '$package' here (Ubuntu ships Chromium as a snap); browser tests will be skipped"
            unavailable+=("$package")
        else
            die "no package '$package' in this system's apt sources (Debian 12 or Ubuntu 22.04 or newer is needed)"
        fi
    done
    if [ ${#wanted[@]} -gt 0 ]; then
        "${apt[@]}" install -y --no-install-recommends "${wanted[@]}" >>"$log" 2>&1 \
            || fail_with_log "apt-get install ${wanted[*]}" "$log"
    fi
    rm -f "$log"
}

make_venv() {
    venv_works && return
    command -v python3 >/dev/null 2>&1 || die "python3 not found"
    python3 -c "import sys; sys.exit(sys.version_info < (${MIN_PYTHON/./, }))" \
        || die "Python $MIN_PYTHON or newer is needed; python3 is $(python3 -V 2>&1)"
    say "creating $VENV"
    local log
    log="$(mktemp -t gongkai-venv.XXXXXX)"
    python3 -m venv --clear "$VENV" >"$log" 2>&1 || fail_with_log "python3 -m venv" "$log"
    rm -f "$log"
}

install_python_packages() {
    local want
    want="$(sha256sum <"$ROOT/pyproject.toml" | cut -d' ' -f1) $("$VENV/bin/python" -V 2>&1)"
    if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ] && [ -x "$VENV/bin/gongkai" ]; then
        return
    fi
    say "installing Python packages into .venv (the first time takes a few minutes)"
    local log="$VENV/pip.log"
    (cd "$ROOT" && "$VENV/bin/python" -m pip install --progress-bar off -e ".[test]") >"$log" 2>&1 \
        || fail_with_log "pip install -e .[test]" "$log"
    printf '%s\n' "$want" >"$STAMP"
}

editor_installed() {
    [ "$(cat "$DECAP_DIR/VERSION" 2>/dev/null)" = "$DECAP_VERSION" ]
}

# decap-cms's dist/ (the bundle, its lazy chunks and wasm; no source maps) into $DECAP_DIR.
install_editor() {
    editor_installed && return
    if ! command -v npm >/dev/null 2>&1; then  # not Debian/Ubuntu: everything else still works
        say "warning: npm not found: install Node.js/npm and run bootstrap again for the browser editor (gongkai edit)"
        return
    fi
    say "installing the editor interface (npm decap-cms@$DECAP_VERSION)"
    local tmp log integrity
    tmp="$(mktemp -d -t gongkai-decap.XXXXXX)"
    log="$tmp/npm.log"
    (cd "$tmp" && npm pack "decap-cms@$DECAP_VERSION" --json --silent >pack.json 2>"$log") \
        || fail_with_log "npm pack decap-cms@$DECAP_VERSION" "$log"
    integrity="$(sed -n 's/.*"integrity": *"\([^"]*\)".*/\1/p' "$tmp/pack.json" | head -n 1)"
    [ "$integrity" = "$DECAP_INTEGRITY" ] || die "decap-cms@$DECAP_VERSION: unexpected integrity $integrity"
    tar -xzf "$tmp/decap-cms-$DECAP_VERSION.tgz" -C "$tmp" --wildcards 'package/dist/*' \
        || die "could not unpack decap-cms-$DECAP_VERSION.tgz"
    rm -rf "$DECAP_DIR"
    mkdir -p "$DECAP_DIR"
    find "$tmp/package/dist" -maxdepth 1 -type f \( -name '*decap-cms.js' -o -name '*.wasm' \
        -o -name 'decap-cms.js.LICENSE.txt' \) -exec cp {} "$DECAP_DIR/" \;
    printf '%s\n' "$DECAP_VERSION" >"$DECAP_DIR/VERSION"
    rm -rf "$tmp"
}

# One bootstrap at a time per checkout (demo.sh and test.sh may run together).
if command -v flock >/dev/null 2>&1; then
    exec 9>"${TMPDIR:-/tmp}/gongkai-bootstrap-$(printf '%s' "$ROOT" | sha256sum | cut -c1-12).lock"
    flock 9
fi
install_system_packages
make_venv
[ ${#unavailable[@]} -eq 0 ] || printf '%s\n' "${unavailable[@]}" >"$UNAVAILABLE"
install_python_packages
install_editor
