#!/usr/bin/env bash
# Set up (scripts/bootstrap.sh), then check the demo county and build its site
# and board PDFs into site/.
#
# Usage: bash scripts/demo.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/bootstrap.sh"
cd "$ROOT"
.venv/bin/gongkai check .
.venv/bin/gongkai build .
echo
echo "Demo built in $ROOT/site/"
echo "  website:     site/index.html  (preview: .venv/bin/gongkai serve .)"
echo "  board PDFs:  site/boards/<board>/<quarter>/"
