"""Write generator/content/noto-sans-cjk-sc.txt: the code points of the board font, for machines without it.

Usage: .venv/bin/python scripts/font_coverage.py [FONT_FILE]   (default: the installed Noto Sans CJK SC Regular)
Run it when the board font changes version; tests/test_fonts.py compares the file with the installed font.
"""

import sys
from pathlib import Path

from generator.content.fonts import COVERAGE_FILE, board_font_files, coverage_text

font = Path(sys.argv[1]) if len(sys.argv) > 1 else board_font_files(Path("."), [])[0]
COVERAGE_FILE.write_text(coverage_text(font), encoding="utf-8", newline="\n")
print(COVERAGE_FILE)
