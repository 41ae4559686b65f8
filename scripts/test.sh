#!/usr/bin/env bash
# Set up (scripts/bootstrap.sh), then run the test suite. Arguments go to pytest.
#
# Usage: bash scripts/test.sh [pytest arguments, e.g. tests/test_money.py -x]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/bootstrap.sh"
cd "$ROOT"
exec .venv/bin/python -m pytest -q "$@"
