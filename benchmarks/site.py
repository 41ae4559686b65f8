"""Website build speed on a generated county, next to plain MkDocs on the same Markdown.

For each scale (1×, 2×, 4× the base number of offices) a county is generated
with ``benchmarks/county.py``, then built twice, each in a fresh process:

- ``gongkai``: ``gongkai build --no-boards`` (load, validate, generate, MkDocs);
- ``plain``: the very pages gongkai generates, written as Markdown files, built
  by MkDocs with the same theme, nav and search but without the plugin.

It prints pages, seconds, ms per page and peak memory. Linear growth shows as a
flat ms-per-page column down the scales.

    python benchmarks/site.py                       # 300, 600, 1200 offices (long)
    python benchmarks/site.py --offices 75          # 75, 150, 300 offices
    python benchmarks/site.py --offices 300 --scales 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from county import generate_county  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 21)


def child_gongkai(root: Path, out: Path) -> dict:
    from generator.cli import main

    start = time.perf_counter()
    code = main(["build", str(root), "--out", str(out), "--no-boards", "--date", TODAY.isoformat()])
    seconds = time.perf_counter() - start
    assert code == 0, code
    return {"seconds": seconds, "pages": sum(1 for _ in out.rglob("index.html"))}


def plain_project(root: Path, docs: Path) -> Path:
    """Write gongkai's pages and downloads as plain files and a plugin-free mkdocs.yml."""
    from generator.content import load_project
    from generator.site import generate

    project, report = load_project(root, TODAY)
    assert not report.has_errors()
    output = generate(project, TODAY)
    for page in output.pages:
        path = docs / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.markdown(), encoding="utf-8")
    for download in output.downloads:
        path = docs / download.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(download.content)
    config = {  # gongkai's mkdocs.yml without the plugin: same theme, Markdown and search
        "INHERIT": str(REPO / "mkdocs.yml"), "site_name": project.site.title,
        "docs_dir": str(docs), "theme": {"custom_dir": str(REPO / "theme" / "overrides")},
        "plugins": [{"search": {"lang": "zh"}}], "nav": output.nav,
    }
    config_file = docs.parent / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return config_file


def child_plain(config_file: Path, out: Path) -> dict:
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    start = time.perf_counter()
    build(load_config(config_file=str(config_file), site_dir=str(out)))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "pages": sum(1 for _ in out.rglob("index.html"))}


def measure(*args: str) -> dict:
    """Run one build in a fresh process; its result plus its peak memory."""
    result = subprocess.run([sys.executable, __file__, "--child", *args],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offices", type=int, default=300, help="offices at 1× (default 300)")
    parser.add_argument("--quarters", type=int, default=8)
    parser.add_argument("--scales", default="1,2,4", help="multiples of --offices (default 1,2,4)")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "INPUT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, source, out = args.child
        result = (child_gongkai if kind == "gongkai" else child_plain)(Path(source), Path(out))
        result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return 0

    print(f"{'offices':>7} {'build':>8} {'pages':>7} {'seconds':>8} {'ms/page':>8} {'peak MB':>8}")
    for scale in (int(s) for s in args.scales.split(",")):
        offices = args.offices * scale
        with tempfile.TemporaryDirectory(prefix="gongkai-site-bench-") as tmp:
            root = Path(tmp) / "county"
            generate_county(root, offices=offices, quarters=args.quarters, today=TODAY)
            config_file = plain_project(root, Path(tmp) / "plain" / "docs")
            for kind, source in (("gongkai", root), ("plain", config_file)):
                r = measure(kind, str(source), str(Path(tmp) / f"site-{kind}"))
                print(f"{offices:>7} {kind:>8} {r['pages']:>7} {r['seconds']:>8.1f} "
                      f"{1000 * r['seconds'] / r['pages']:>8.1f} {r['peak_mb']:>8.0f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
