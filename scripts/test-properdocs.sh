#!/usr/bin/env bash
# The site tests again on ProperDocs, the maintained continuation of MkDocs 1.x
# (generator/engine.py). ProperDocs goes into .cache/properdocs, on top of
# .venv (which already holds everything it needs: tests/test_engine.py checks);
# .venv itself keeps building with MkDocs 1.6. Arguments go to pytest.
#
# Usage: bash scripts/test-properdocs.sh   (after scripts/test.sh or bootstrap.sh)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TARGET=.cache/properdocs
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade --no-deps \
    --target "$TARGET" "properdocs>=1.6.5,<2"
export PYTHONPATH="$ROOT/$TARGET${PYTHONPATH:+:$PYTHONPATH}" GONGKAI_ENGINE=properdocs
# The engine is chosen before pytest imports anything from mkdocs.
exec .venv/bin/python -c 'import sys
from generator import engine
engine.select()
import pytest
sys.exit(pytest.main(sys.argv[1:]))' -q tests/test_engine.py tests/test_site.py tests/test_site_build.py \
    tests/test_browser.py "$@"
