"""Load a project tree into the model, reporting every problem on the way.

``content/site.yml``, ``content/offices/<office>/office.yml``,
``…/fixed/<item>.md|.yml``, ``…/quarters/<YYYY-Qn>/<item>.md|.yml`` and
``boards/<board>.yml``. Invalid files are left out of the model; the report
says why.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path

import yaml

from ..diagnostics import Report
from ..model import (
    ID_PATTERN, Board, Change, Correction, Item, Location, Office, PanelRef, Project, Quarter, Review, Site,
)
from ..urls import RESERVED
from . import rules
from .catalogue import check_references, load_catalogue
from .fonts import FontError, board_coverage, covered_codepoints
from .htmlscan import scan_body, site_url_problem
from .schema import (BOARD, BOARD_SIZES, CSV_HEADERS, FOOTER_FIELDS, OFFICE, REVIEW, ROWS_FIELD, SITE, Field,
                     item_fields)
from .source import CsvSyntaxError, compose_yaml, csv_rows, read_text, split_front_matter
from .textscan import TextScanner, placeholders, shallow_list_items
from .validate import Reader, suggestion

ITEM_SUFFIXES = (".md", ".yml", ".yaml")
MAX_FILE_BYTES = 32 * 1024 * 1024  # a county's subsidy CSV is a few MB; larger is a mistake or an attack
PARALLEL_MIN_OFFICES = 16  # below this many offices per worker, a process pool costs more than it saves
# Drafts may leave the review empty; the rules require it once an item is not a draft.
_LAX_REVIEW = dataclasses.replace(
    REVIEW, fields=tuple(dataclasses.replace(f, required=False) for f in REVIEW.fields)
)
_DEFAULT_CATEGORY = {
    "procedure": "服务类", "fees": "财务类", "finance": "财务类",
    "subsidy-list": "财务类", "projects": "财务类",
}


def load_project(root: Path, today: dt.date | None = None) -> tuple[Project, Report]:
    """Load and validate ``root``; never raises on bad content."""
    return ProjectLoader(Path(root), today or dt.date.today()).load()


class ProjectLoader:
    def __init__(self, root: Path, today: dt.date):
        self.root = root
        self.today = today
        self.report = Report()
        self.broken: set[tuple[str, str]] = set()  # (office, panel key) of items that failed to load
        self.site_text = ""
        self.font_locations: dict[int, Location] = {}  # site.yml ``fonts`` index -> where written

    # --- helpers ------------------------------------------------------------

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def inside(self, path: Path, folder: str = "content") -> bool:
        """Whether ``path``, links followed, is inside the project's ``folder``; reported if not."""
        if (self.root / folder).resolve() in path.resolve().parents:
            return True
        self.report.error(Location(self.rel(path)), "symlink-outside", file=self.rel(path))
        return False

    def read(self, path: Path, rel: str | None = None) -> str | None:
        """The text of a content file; None (reported) when too large or not UTF-8."""
        rel = rel or self.rel(path)
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            self.report.error(Location(rel), "file-too-large", size=f"{size / 2**20:.1f}",
                              limit=MAX_FILE_BYTES // 2**20)
            return None
        return read_text(path.read_bytes(), rel, self.report)

    def compose(self, path: Path, folder: str = "content") -> tuple[yaml.Node | None, str]:
        """Read and compose a YAML file; ``(None, text)`` when unreadable or empty."""
        rel = self.rel(path)
        text = self.read(path) if self.inside(path, folder) else None
        if text is None:
            return None, ""
        node = compose_yaml(text, rel, self.report)
        if node is None and not text.strip():
            self.report.error(Location(rel), "empty-file")
        return node, text

    # --- project -----------------------------------------------------------

    def load(self) -> tuple[Project, Report]:
        site = self.load_site()
        self.scanner = TextScanner(self.report, self.board_font_coverage(site, self.font_locations))
        if self.site_node is not None:
            self.scan_yaml("content/site.yml", self.site_text, self.site_node, SITE.fields)
        project = Project(self.root, site)
        offices_dir = self.root / "content" / "offices"
        folders = sorted(p for p in offices_dir.iterdir() if p.is_dir()) if offices_dir.is_dir() else []
        for office, diagnostics, broken in self.load_offices(folders, site):
            self.report.diagnostics.extend(diagnostics)
            self.broken |= broken
            if office:
                project.offices[office.id] = office
        self.report_stray_files(self.root / "content", allowed={"site.yml", "offices", "catalogue.yml"})
        project.catalogue = load_catalogue(self)
        boards_dir = self.root / "boards"
        if boards_dir.is_dir():
            for path in self.item_files(boards_dir, suffixes=(".yml", ".yaml"), within="."):
                board = self.load_board(path)
                if board:
                    project.boards[board.id] = board
        rules.check_project(project, self.report, self.today, self.broken)
        check_references(project, self.report)
        return project, self.report

    def scan_yaml(self, rel: str, text: str, node: yaml.Node, fields, offset: int = 0, line_offset: int = 0,
                  glyphs: bool = True, markdown: bool = False) -> None:
        """Scan a YAML file (or an item with its body) as written and its values as parsed;
        mobiles are allowed only in the official contact fields (kind ``phone``)."""
        public = phone_spans(node, fields, offset)
        found = self.scanner.scan(rel, text, phones=True, public_spans=public, glyphs=glyphs, markdown=markdown)
        self.scanner.scan_values(rel, node, text, found, offset, line_offset, phones=True, public_spans=public)

    def load_site(self) -> Site:
        self.site_node = None
        path = self.root / "content" / "site.yml"
        if not path.is_file():
            self.report.error(Location("content/site.yml"), "missing-file", file="content/site.yml")
            return Site(title="")
        node, text = self.compose(path)
        reader = Reader(self.report, self.rel(path))
        if not isinstance(node, yaml.MappingNode):
            if node is not None:
                reader.mapping(node, SITE.fields)  # reports the wrong type
            return Site(title="")
        language = next((v.value for k, v in node.value if getattr(k, "value", None) == "language"), "zh")
        self.report.language = language if language in ("zh", "en") else "zh"
        values = reader.mapping(node, SITE.fields)
        self.site_text, self.site_node = text, node
        self.report_placeholders(self.rel(path), text)
        site = Site(title=values.get("title") or "")
        site.language = values.get("language") or "zh"
        site.url = values.get("url") or ""
        if site_url_problem(site.url):
            self.report.error(reader.locations.get(("url",), Location(self.rel(path))), "bad-url", value=site.url)
            site.url = ""
        site.supervision_phone = values.get("supervision_phone") or ""
        if values.get("categories"):
            site.categories = [c for c in values["categories"] if c]
        site.fonts = [f for f in values.get("fonts") or [] if f]
        site.publish_masked_ids = bool(values.get("publish_masked_ids"))
        site.requests, site.feedback = values.get("requests") or {}, values.get("feedback") or {}
        for i, font in enumerate(site.fonts):
            self.font_locations[i] = reader.locations.get(("fonts", i), Location(self.rel(path)))
            if not (self.root / font).is_file():
                self.report.error(self.font_locations[i], "missing-font", file=font)
        site.palette = values.get("palette") or "red"
        site.logo = values.get("logo") or ""
        if site.logo and not (self.root / site.logo).is_file():
            self.report.error(reader.locations.get(("logo",), Location(self.rel(path))), "missing-file",
                              file=site.logo)
            site.logo = ""
        footer = values.get("footer") or {}
        site.footer = {k: str(footer[k]).strip() for k in FOOTER_FIELDS if footer.get(k)}
        rules.check_site_leftovers(site, reader.locations, self.report, self.rel(path))
        return site

    def board_font_coverage(self, site: Site, fonts_at: dict[int, Location] | None = None) -> frozenset[int]:
        """Code points the board fonts cover; a font file that cannot be read is reported."""
        usable = []
        for i, font in enumerate(site.fonts):
            path = self.root / font
            if not path.is_file():
                continue  # reported as missing-font by load_site
            try:
                covered_codepoints([path])
                usable.append(font)
            except FontError as exc:
                where = (fonts_at or {}).get(i, Location("content/site.yml"))
                self.report.error(where, "bad-font", file=font, reason=exc.reason)
        return board_coverage(self.root, usable)

    def report_stray_files(self, folder: Path, allowed: set[str]) -> None:
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            if path.name not in allowed and path.suffix in ITEM_SUFFIXES and not path.name.startswith("."):
                self.report.warning(Location(self.rel(path)), "misplaced-file",
                                    hint=", ".join(sorted(allowed)))

    def report_placeholders(self, rel: str, text: str, severity: str = "warning") -> None:
        """Template placeholders left in a file: errors in an item that will be published."""
        for line, col in placeholders(text):
            self.report.add(severity, Location(rel, line, col), "placeholder")

    def item_files(self, folder: Path, suffixes=ITEM_SUFFIXES, within: str = "content") -> list[Path]:
        """Item files of a folder, sorted; ids checked and duplicates reported, links to
        files outside ``within`` refused."""
        seen: dict[str, Path] = {}
        out = []
        for path in sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in suffixes):
            if not ID_PATTERN.match(path.stem):
                self.report.error(Location(self.rel(path)), "bad-id", value=path.stem)
                continue
            self.scanner.scan_name(Location(self.rel(path)), path.stem)
            if not self.inside(path, within):
                continue
            if path.stem in seen:
                self.report.error(Location(self.rel(path)), "duplicate-id", id=path.stem,
                                  other=self.rel(seen[path.stem]))
                continue
            seen[path.stem] = path
            out.append(path)
        return out

    # --- offices -----------------------------------------------------------

    def load_offices(self, folders: list[Path], site: Site):
        """``(office, diagnostics, broken)`` per folder, in order; large projects load in parallel."""
        jobs = min(os.cpu_count() or 1, len(folders) // PARALLEL_MIN_OFFICES)
        if jobs < 2:
            return [self.load_office_alone(folder, site) for folder in folders]
        chunks = [folders[i::jobs] for i in range(jobs)]
        tasks = [(self.root, self.today, self.report.language, site, chunk) for chunk in chunks]
        with ProcessPoolExecutor(jobs) as pool:
            loaded = dict(pair for chunk in pool.map(_load_offices_worker, tasks) for pair in chunk)
        return [loaded[folder.name] for folder in folders]

    def load_office_alone(self, folder: Path, site: Site):
        """Load one office into a fresh report; returns ``(office, diagnostics, broken)``."""
        outer, outer_broken = self.report, self.broken
        self.report, self.broken = Report(outer.language), set()
        self.scanner.report = self.report
        try:
            office = self.load_office(folder, site)
            return office, self.report.diagnostics, self.broken
        finally:
            self.report, self.broken = outer, outer_broken
            self.scanner.report = outer

    def load_office(self, folder: Path, site: Site) -> Office | None:
        rel_folder = self.rel(folder)
        if not ID_PATTERN.match(folder.name):
            self.report.error(Location(rel_folder), "bad-id", value=folder.name)
            return None
        self.scanner.scan_name(Location(rel_folder), folder.name)
        if not self.inside(folder):
            return None
        if folder.name in RESERVED:
            self.report.error(Location(rel_folder), "reserved-id", value=folder.name,
                              reserved=", ".join(sorted(RESERVED)))
            return None
        path = folder / "office.yml"
        if not path.is_file():
            self.report.error(Location(f"{rel_folder}/office.yml"), "missing-file", file=f"{rel_folder}/office.yml")
            return None
        node, text = self.compose(path)
        if node is None:
            return None
        reader = Reader(self.report, self.rel(path))
        values = reader.mapping(node, OFFICE.fields)
        if values is None:
            return None
        self.scan_yaml(self.rel(path), text, node, OFFICE.fields)
        self.report_placeholders(self.rel(path), text)
        office = Office(
            id=folder.name, name=values.get("name") or folder.name, kind=values.get("kind") or "town",
            source=self.rel(path), address=values.get("address") or "", phone=values.get("phone") or "",
            supervision_phone=values.get("supervision_phone") or "", hours=values.get("hours") or "",
            requests=values.get("requests") or {}, feedback=values.get("feedback") or {},
        )
        self.report_stray_files(folder, allowed={"office.yml", "fixed", "quarters"})
        fixed = folder / "fixed"
        if fixed.is_dir():
            office.fixed = self.load_items(fixed, office.id, None, site)
        quarters = folder / "quarters"
        if quarters.is_dir():
            self.report_stray_files(quarters, allowed={"YYYY-Qn/"})
            for qdir in sorted(p for p in quarters.iterdir() if p.is_dir()):
                try:
                    quarter = Quarter.parse(qdir.name)
                except ValueError:
                    self.report.error(Location(self.rel(qdir)), "bad-quarter", value=qdir.name)
                    continue
                office.quarters[quarter] = self.load_items(qdir, office.id, quarter, site)
        return office

    def load_items(self, folder: Path, office_id: str, quarter: Quarter | None, site: Site) -> list[Item]:
        items = []
        for path in self.item_files(folder):
            item = self.load_item(path, office_id, quarter, site)
            if item is None:
                self.broken.add((office_id, f"{'fixed' if quarter is None else 'quarter'}/{path.stem}"))
            else:
                items.append(item)
        return items

    # --- items ---------------------------------------------------------------

    def load_item(self, path: Path, office_id: str, quarter: Quarter | None, site: Site) -> Item | None:
        rel = self.rel(path)
        text = self.read(path)
        if text is None:
            return None
        body, line_offset, source, source_offset = "", 0, text, 0
        if path.suffix == ".md":
            parts = split_front_matter(text)
            if parts is None:
                self.report.error(Location(rel), "bad-front-matter")
                return None
            source, source_offset, body = parts
            line_offset = text.count("\n", 0, source_offset)
        if not source.strip():
            self.report.error(Location(rel), "empty-file")
            return None
        node = compose_yaml(source, rel, self.report, line_offset)
        if node is None:
            return None
        reader = Reader(self.report, rel, line_offset)
        item_type = self._item_type(node, reader)
        fields = tuple(_LAX_REVIEW if f.name == "review" else f for f in item_fields(item_type or ""))
        values = reader.mapping(node, fields, known_only=item_type is not None)
        if values is None:
            return None
        printed = not values.get("draft")  # drafts are never printed
        self.scan_yaml(rel, text, node, fields, source_offset, line_offset, glyphs=printed, markdown=True)
        if printed:
            self.report_placeholders(rel, text, "error")
        scan_body(self.report, rel, text, body)
        body_line = text.count("\n", 0, len(text) - len(body))
        for line, indent in shallow_list_items(body):
            self.report.warning(Location(rel, body_line + line, indent + 1), "list-indent", found=indent)
        rows = self.rows_from(values, item_type, path, reader, printed)
        if rows is not None:
            values[ROWS_FIELD[item_type]] = rows
        if item_type is None:
            return None
        item = self.build_item(path.stem, office_id, quarter, item_type, values, body, rel, reader, site)
        rules.check_item(item, reader.money_units, self.report, site)
        return item

    def _item_type(self, node: yaml.Node, reader: Reader) -> str | None:
        if not isinstance(node, yaml.MappingNode):
            return None
        type_field = item_fields("")[0]
        for key, value in node.value:
            if getattr(key, "value", None) == "type" and isinstance(value, yaml.ScalarNode):
                return value.value if value.value in type_field.choices else None
        return None

    def rows_from(self, values: dict, item_type: str | None, path: Path, reader: Reader,
                  printed: bool) -> list | None:
        """The validated rows of a ``rows_from`` CSV, shaped like the field they fill."""
        name = values.get("rows_from")
        if not name or item_type is None:
            return None
        where = reader.locations[("rows_from",)]
        target = ROWS_FIELD.get(item_type)
        if target is None:
            self.report.error(where, "rows-from-type", type=item_type)
            return None
        if values.get(target):
            self.report.error(where, "rows-conflict", field=target)
            return None
        csv_path = (path.parent / name).resolve()
        content = (self.root / "content").resolve()
        if not csv_path.is_file() or content not in csv_path.parents:
            linked = csv_path.is_file() and (path.parent / name).is_symlink()
            self.report.error(where, "symlink-outside" if linked else "missing-file", file=name)
            return None
        rel = csv_path.relative_to(self.root.resolve()).as_posix()
        text = self.read(csv_path, rel)
        if text is None:
            return None
        self.scanner.scan(rel, text, phones=True, glyphs=printed)
        try:
            rows = csv_rows(text)
        except CsvSyntaxError as error:
            self.report.error(Location(rel, error.line, 1), "csv-syntax", detail=error.detail)
            return None
        if not rows:
            self.report.error(Location(rel), "empty-file")
            return None
        (header_line, header), records = rows[0], rows[1:]
        for i, (line, _) in enumerate(records):
            reader.locations[(target, i)] = Location(rel, line, 1)
        if item_type == "table":
            columns = [cell for cell, _ in header]
            declared = values.get("columns")
            if declared and declared != columns:
                self.report.error(Location(rel, header_line, 1), "csv-header",
                                  column=",".join(columns), hint="", choices=",".join(declared))
            values["columns"] = declared or columns
            return [[cell for cell, _ in cells] for _, cells in records]
        keys = self.csv_keys(header, rel)
        if keys is None:
            return None
        for _, cells in records:
            extra = [mark for cell, mark in cells[len(keys):] if cell]
            if extra:
                self.report.error(Location(rel, extra[0].line + 1, extra[0].column + 1), "row-width",
                                  found=len(cells), expected=len(keys))
        spec = next(f for f in item_fields(item_type) if f.name == target).item.fields
        return reader.records(
            [(Location(rel, line, 1),
              [(key, cell, Location(rel, mark.line + 1, mark.column + 1))
               for key, (cell, mark) in zip(keys, cells) if key])
             for line, cells in records],
            spec, (target,))

    def csv_keys(self, header, rel: str) -> list[str | None] | None:
        """Map CSV headers (English or Chinese) to field names."""
        aliases = {alias.lower(): key for key, names in CSV_HEADERS.items() for alias in names}
        keys, ok = [], True
        for cell, mark in header:
            key = aliases.get(cell.strip().lower())
            if key is None:
                ok = False
                self.report.error(Location(rel, mark.line + 1, mark.column + 1), "csv-header", column=cell,
                                  hint=suggestion(cell, aliases, self.report.language),
                                  choices=", ".join(names[1] for names in CSV_HEADERS.values()))
            keys.append(key)
        return keys if ok else None

    def build_item(self, item_id, office_id, quarter, item_type, values, body, rel, reader, site) -> Item:
        review_values = values.get("review") or {}
        review = None
        if all(review_values.get(f.name) for f in REVIEW.fields):
            review = Review(**{f.name: review_values[f.name] for f in REVIEW.fields})
        corrections = [Correction(**c) for c in values.get("corrections") or [] if c and all(c.values())
                       and len(c) == 3]
        changes = [Change(c["date"], c["text"]) for c in values.get("changes") or []
                   if c and c.get("date") and c.get("text")]
        category = values.get("category")
        if category is None:
            default = _DEFAULT_CATEGORY.get(item_type, "政务类")
            category = default if default in site.categories else (site.categories or [None])[0]
        type_specific = {f.name: normalize(values.get(f.name), f) for f in item_fields(item_type)[len(item_fields("")):]}
        return Item(
            id=item_id, office_id=office_id, type=item_type, title=values.get("title") or item_id,
            source=rel, quarter=quarter, category=category, summary=values.get("summary"),
            basis=values.get("basis"), published=values.get("published") or (review.approved_on if review else None),
            expires=values.get("expires"), draft=bool(values.get("draft")), review=review,
            corrections=corrections, changes=changes, body=body, rows_from=values.get("rows_from"), fields=type_specific,
            locations=reader.locations, catalogue=values.get("catalogue"),
            disclosure=values.get("disclosure") or {}, formed=values.get("formed"),
        )

    # --- boards --------------------------------------------------------------

    def load_board(self, path: Path) -> Board | None:
        node, text = self.compose(path, ".")
        if node is None:
            return None
        rel = self.rel(path)
        reader = Reader(self.report, rel)
        values = reader.mapping(node, BOARD.fields)
        if values is None:
            return None
        self.scan_yaml(rel, text, node, BOARD.fields)
        board = Board(id=path.stem, office_id=values.get("office") or "", source=rel, locations=reader.locations)
        board.title = values.get("title")
        board.orientation = values.get("orientation") or "portrait"
        board.profile = values.get("profile") or "inkjet"
        board.margin_mm = Decimal(values.get("margin") if values.get("margin") is not None else 50)
        board.columns = values.get("columns") or 3
        for name, low, high in (("columns", 1, 12), ("margin", 0, 300)):
            value = values.get(name)
            if value is not None and not low <= value <= high:
                self.report.error(reader.locations[(name,)], "out-of-range", field=name, value=value,
                                  low=low, high=high)
        board.size = values.get("size") or "A0"
        size = parse_size(board.size)
        if size is None:
            self.report.error(reader.locations[("size",)], "bad-size", value=board.size)
            size = BOARD_SIZES["A0"]
        width, height = size
        if ("orientation" in values) and (board.orientation == "landscape") != (width > height):
            width, height = height, width
        board.width_mm, board.height_mm = Decimal(width), Decimal(height)
        for i, key in enumerate(values.get("panels") or []):
            if key:
                board.panels.append(PanelRef(key, reader.locations.get(("panels", i), Location(rel))))
        return board


def _load_offices_worker(task):
    """Load some offices in a worker process: ``[(folder name, (office, diagnostics, broken))]``."""
    root, today, language, site, folders = task
    loader = ProjectLoader(root, today)
    loader.report.language = language
    loader.scanner = TextScanner(loader.report, loader.board_font_coverage(site))
    return [(folder.name, loader.load_office_alone(folder, site)) for folder in folders]


def phone_spans(node: yaml.Node, fields, offset: int = 0) -> list[tuple[int, int]]:
    """Offsets (in the file, YAML starting at ``offset``) of the values of contact fields
    (kind ``phone``): the only places a mobile number may be published."""
    spans, stack = [], [(node, fields)]
    while stack:
        current, spec = stack.pop()
        if not isinstance(current, yaml.MappingNode):
            continue
        by_name = {f.name: f for f in spec}
        for key, value in current.value:
            f = by_name.get(getattr(key, "value", None))
            if f is None:
                continue
            if f.kind == "list" and f.item is not None and isinstance(value, yaml.SequenceNode):
                f, elements = f.item, value.value
            else:
                elements = [value]
            for element in elements:
                if f.kind == "phone" and isinstance(element, yaml.ScalarNode):
                    spans.append((offset + element.start_mark.index, offset + element.end_mark.index))
                elif f.kind == "object":
                    stack.append((element, f.fields))
    return spans


def parse_size(text: str) -> tuple[int, int] | None:
    """``A0``–``A4`` or ``WxH`` (mm) → (width, height) in portrait as written."""
    text = text.strip()
    if text.upper() in BOARD_SIZES:
        return BOARD_SIZES[text.upper()]
    parts = text.lower().replace("×", "x").replace("*", "x").split("x")
    if len(parts) == 2 and all(p.strip().isdigit() and int(p) > 0 for p in parts):
        return int(parts[0]), int(parts[1])
    return None


def normalize(value, f: Field):
    """Fill absent optional members so later stages can index without guessing."""
    if f.kind == "list":
        return [normalize(v, f.item) for v in value or [] if v is not None]
    if f.kind == "object":
        value = value or {}
        return {m.name: normalize(value.get(m.name), m) for m in f.fields}
    return f.default if value is None else value
