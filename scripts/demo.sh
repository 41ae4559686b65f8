#!/usr/bin/env bash
# Set up (scripts/bootstrap.sh), then check the demo county and build its
# website, board PDFs and booklets into site/.
#
# Usage: bash scripts/demo.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/bootstrap.sh"
cd "$ROOT"
.venv/bin/gongkai check .
.venv/bin/gongkai build .
echo
echo "Built into $ROOT/site/:"
echo "  website: site/index.html (to browse it: .venv/bin/gongkai serve . and open http://127.0.0.1:8000/)"
find site/boards site/booklets -name '*.pdf' 2>/dev/null | sort | sed 's/^/  print: /'
