"""Hostile and careless content: personal data hidden in how it is typed, files from outside
the project, oversized or malformed input. Each is refused by ``check`` at its file:line, or
neutralised in every output (site pages, search index, CSV, JSON, feed, sitemap, board and
booklet PDFs with their attachments)."""

from __future__ import annotations

import json
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest

from checkfixtures import BASE_FILES, TODAY, codes, diagnostics, luhn_number, resident_id, write_project
from generator.cli import main
from generator.content import load_project

OFFICE_DIR = "content/offices/test-town"
NOTICE = f"{OFFICE_DIR}/quarters/2026-Q4/notice.md"
NOTICE_YML = f"{OFFICE_DIR}/quarters/2026-Q4/notice.yml"
LOW_INCOME = f"{OFFICE_DIR}/quarters/2026-Q4/low-income.yml"
TABLE = f"{OFFICE_DIR}/quarters/2026-Q4/contacts.yml"
REVIEW = "review: {reviewed_by: 张丽, checked_by: 王强, approved_by: 李明, approved_on: 2026-11-17}"
ID = resident_id("11010119900307123")  # a fictional person, valid check digit
CARD = luhn_number("622202", 19)
MOBILE = "13812345678"


def notice_md(body: str, front: str = "") -> str:
    return (f"---\ntype: notice\ntitle: 通知\nexpires: 2026-12-31\n{front}{REVIEW}\n---\n{body}\n")


def notice_yml(line: str) -> str:
    return f"type: notice\ntitle: 通知\nexpires: 2026-12-31\n{REVIEW}\n{line}\n"


def project(tmp_path: Path, changes: dict) -> Path:
    return write_project(tmp_path / "p", changes)


def found(root: Path) -> list[tuple[str, int, int, str]]:
    return [(d.path, d.line, d.col, d.code) for d in diagnostics(root)]


def spaced(number: str, sizes, sep: str) -> str:
    parts, at = [], 0
    for size in sizes:
        parts.append(number[at:at + size])
        at += size
    return sep.join(parts)


# --- personal data on the published text ------------------------------------------------------

HIDDEN_ID = {
    "full-width digits": ID.translate({ord(d): 0xFF10 + int(d) for d in "0123456789"}),
    "zero-width space": ID[:6] + "\u200b" + ID[6:14] + "\u2060" + ID[14:],
    "soft hyphen": ID[:9] + "\u00ad" + ID[9:],
    "emphasis splitting it": f"{ID[:6]}**{ID[6:10]}**{ID[10:]}",
    "underscore emphasis": f"{ID[:6]}_{ID[6:14]}_{ID[14:]}",
    "inline tag": f"{ID[:6]}<b>{ID[6:14]}</b>{ID[14:]}",
    "decimal references": "".join(f"&#{ord(c)};" for c in ID),
    "hex references": ID[:6] + "".join(f"&#x{ord(c):x};" for c in ID[6:]),
    "6-8-4 spaces": spaced(ID, (6, 8, 4), " "),
    "6-8-4 no-break spaces": spaced(ID, (6, 8, 4), "\u00a0"),
    "6-8-4 ideographic spaces": spaced(ID, (6, 8, 4), "\u3000"),
    "6-8-4 hyphens": spaced(ID, (6, 8, 4), "-"),
    "6-8-4 full-width hyphens": spaced(ID, (6, 8, 4), "－"),
    "6-4-4-4 spaces": spaced(ID, (6, 4, 4, 4), " "),
    "4-4-4-4-2 spaces": spaced(ID, (4, 4, 4, 4, 2), " "),
    "3-3-4-4-4 hyphens": spaced(ID, (3, 3, 4, 4, 4), "-"),
    "6-4-2-2-4 no-break": spaced(ID, (6, 4, 2, 2, 4), "\u00a0"),
}


@pytest.mark.parametrize("form", HIDDEN_ID)
def test_id_hidden_in_a_markdown_body_is_found_where_written(tmp_path, form):
    written = HIDDEN_ID[form]
    root = project(tmp_path, {NOTICE: notice_md(f"第一行。\n\n申请人证件：{written}。")})
    line = notice_md("").count("\n") + 2
    assert found(root) == [(NOTICE, line, len("申请人证件：") + 1, "personal-id")]
    assert all(ID not in d.message for d in diagnostics(root))


@pytest.mark.parametrize("escaped", ['"\\u0031' + ID[1:] + '"', '"' + ID[:6] + '\\u200b' + ID[6:] + '"',
                                     '"\\x31' + ID[1:] + '"'])
def test_id_in_yaml_escapes_is_found_at_its_value(tmp_path, escaped):
    root = project(tmp_path, {NOTICE_YML: notice_yml(f"summary: {escaped}")})
    assert found(root) == [(NOTICE_YML, 5, 10, "personal-id")]


def test_id_in_a_folded_yaml_value_is_found(tmp_path):
    root = project(tmp_path, {NOTICE_YML: notice_yml(f"summary: >-\n  申请人 {ID[:6]}\n  {ID[6:14]} {ID[14:]}")})
    assert found(root) == [(NOTICE_YML, 5, 10, "personal-id")]


@pytest.mark.parametrize("text", [
    "合计 1,234,567.89 元，预算 12345678.00 元，金额 110101199003071233.50",
    "发布于 2026-11-21，2026年11月21日，20261121，2026 11 21",
    "办公电话 0371-63451234、(0371)63451234、0371 6345 1234，监督电话 12345",
    "清政发〔2026〕12号，统一社会信用代码 91410523MA44ABCD1X，项目编号 2026112100001234",
    "面积 ２０２６ 平方米，第１２３４５６组",
    "1234 5678 9012 3456 7890",
    "遮盖后的 110101********1233、6222 **** **** 0128、138****5678",
])
def test_ordinary_numbers_are_not_personal_data(tmp_path, text):
    root = project(tmp_path, {NOTICE: notice_md(text)})
    assert found(root) == []


def test_card_with_no_break_spaces_and_old_id_are_found(tmp_path):
    card = "\u00a0".join(CARD[i:i + 4] for i in range(0, 19, 4))
    root = project(tmp_path, {NOTICE: notice_md(f"卡号 {card}\n\n旧证 110101900307123\n")})
    line = notice_md("").count("\n")
    assert found(root) == [(NOTICE, line, 4, "personal-bank-card"), (NOTICE, line + 2, 4, "personal-old-id")]
    assert [d.severity for d in diagnostics(root)] == ["error", "warning"]


# --- mobile numbers outside official contact fields ----------------------------------------------

def test_mobiles_are_allowed_only_in_contact_fields(tmp_path):
    office = textwrap.dedent(BASE_FILES[f"{OFFICE_DIR}/office.yml"]).replace("0371-12345670", MOBILE)
    guide = textwrap.dedent(BASE_FILES[f"{OFFICE_DIR}/fixed/birth-registration.yml"]) + f"phone: {MOBILE}\n"
    duties = ("type: duties\ntitle: 分工\n" + REVIEW + "\npeople:\n"
              f"  - {{name: 张丽, post: 镇长, duties: 全面工作, phone: '138 1234 5678'}}\n")
    low = textwrap.dedent(BASE_FILES[LOW_INCOME]).replace("objection_phone: 0371-12345679",
                                                          "objection_phone: 13912345678")
    root = project(tmp_path, {f"{OFFICE_DIR}/office.yml": office,
                              f"{OFFICE_DIR}/fixed/birth-registration.yml": guide,
                              f"{OFFICE_DIR}/fixed/duties.yml": duties, LOW_INCOME: low})
    assert found(root) == []


def test_mobiles_anywhere_else_are_errors_at_the_cell(tmp_path):
    table = ("type: table\ntitle: 联系表\n" + REVIEW + "\ncolumns: [姓名, 电话]\n"
             f"rows:\n  - [王五, {MOBILE}]\n")
    low = textwrap.dedent(BASE_FILES[LOW_INCOME]).replace("group: 二组", "group: 二组 +86 139-8765-4321")
    projects = ("type: projects\ntitle: 项目\n" + REVIEW + "\nprojects:\n"
                f"  - {{name: 修路, budget: 10, contractor: 李四 {MOBILE}, progress: 完工}}\n")
    csv_item = ("type: subsidy-list\ntitle: 名单\nprogram: 低保\nobjection_phone: 0371-12345679\n"
                "published: 2026-11-18\nexpires: 2026-11-25\nrows_from: people.csv\n" + REVIEW + "\n")
    root = project(tmp_path, {
        TABLE: table, LOW_INCOME: low, f"{OFFICE_DIR}/quarters/2026-Q4/projects.yml": projects,
        NOTICE: notice_md(f"联系人王五，电话{MOBILE}。"),
        f"{OFFICE_DIR}/quarters/2026-Q4/csv-list.yml": csv_item,
        f"{OFFICE_DIR}/quarters/2026-Q4/people.csv": f"姓名,人数,金额\n张三,2,600\n李四,1,300 {MOBILE}\n",
    })
    assert [(p, line, col, code) for p, line, col, code in found(root) if code == "personal-phone"] == [
        (f"{OFFICE_DIR}/quarters/2026-Q4/contacts.yml", 6, 10, "personal-phone"),
        (LOW_INCOME, 9, 26, "personal-phone"),
        (NOTICE, 7, 9, "personal-phone"),
        (f"{OFFICE_DIR}/quarters/2026-Q4/people.csv", 3, 10, "personal-phone"),
        (f"{OFFICE_DIR}/quarters/2026-Q4/projects.yml", 5, 43, "personal-phone"),
    ]


# --- file and folder names become URLs --------------------------------------------------------------

@pytest.mark.parametrize("name", [f"zhang-{ID.lower()}", f"list-{MOBILE}", f"card-{CARD}",
                                  "list-138-1234-5678"])
def test_personal_data_in_item_and_office_names(tmp_path, name):
    item = textwrap.dedent(BASE_FILES[f"{OFFICE_DIR}/fixed/pledge.md"])
    office = textwrap.dedent(BASE_FILES[f"{OFFICE_DIR}/office.yml"])
    root = project(tmp_path, {f"{OFFICE_DIR}/fixed/{name}.md": item,
                              f"content/offices/{name}/office.yml": office})
    got = [(p, code) for p, _, _, code in found(root) if code == "personal-in-name"]
    assert sorted(got) == sorted([(f"content/offices/{name}", "personal-in-name"),
                                  (f"{OFFICE_DIR}/fixed/{name}.md", "personal-in-name")])
    assert all(ID.lower() not in d.message and MOBILE not in d.message for d in diagnostics(root))


# --- paths and files -----------------------------------------------------------------------------

def test_symlinked_item_office_and_csv_outside_content_are_refused(tmp_path):
    outside = tmp_path / "outside"
    (outside / "office").mkdir(parents=True)
    (outside / "secret.md").write_text(notice_md("机器上的文件"), encoding="utf-8")
    (outside / "office" / "office.yml").write_text(
        textwrap.dedent(BASE_FILES[f"{OFFICE_DIR}/office.yml"]), encoding="utf-8")
    (outside / "people.csv").write_text("姓名,人数,金额\n张三,1,1\n", encoding="utf-8")
    csv_item = ("type: subsidy-list\ntitle: 名单\nprogram: 低保\nobjection_phone: 0371-12345679\n"
                "published: 2026-11-18\nexpires: 2026-11-25\nrows_from: people.csv\n" + REVIEW + "\n")
    root = project(tmp_path, {f"{OFFICE_DIR}/quarters/2026-Q4/csv-list.yml": csv_item})
    q4 = root / OFFICE_DIR / "quarters/2026-Q4"
    (q4 / "leak.md").symlink_to(outside / "secret.md")
    (q4 / "people.csv").symlink_to(outside / "people.csv")
    (root / "content/offices/linked").symlink_to(outside / "office", target_is_directory=True)
    got = found(root)
    assert (f"{OFFICE_DIR}/quarters/2026-Q4/leak.md", 1, 1, "symlink-outside") in got
    assert ("content/offices/linked", 1, 1, "symlink-outside") in got
    assert (f"{OFFICE_DIR}/quarters/2026-Q4/csv-list.yml", 7, 12, "symlink-outside") in got
    project_, _ = load_project(root, TODAY)
    assert "linked" not in project_.offices
    assert "leak" not in [i.id for i in project_.offices["test-town"].items()]


def test_symlink_inside_content_is_read(tmp_path):
    root = project(tmp_path, {})
    (root / OFFICE_DIR / "fixed/pledge-copy.md").symlink_to(root / OFFICE_DIR / "fixed/pledge.md")
    assert found(root) == []


def crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


def test_crlf_files_check_exactly_like_lf(tmp_path):
    """The same broken files, saved with LF and with CRLF: the same problems at the same places."""
    csv_item = ("type: subsidy-list\ntitle: 名单\nprogram: 低保\nobjection_phone: 0371-12345679\n"
                "published: 2026-11-18\nexpires: 2026-11-25\nrows_from: people.csv\n" + REVIEW + "\n")
    broken = {
        NOTICE: notice_md(f"第一段。\n\n- 一\n  - 二\n\n身份证 {ID}，电话 {MOBILE}", front="colour: red\n"),
        f"{OFFICE_DIR}/quarters/2026-Q4/csv-list.yml": csv_item,
        f"{OFFICE_DIR}/quarters/2026-Q4/people.csv":
            f'姓名,人数,金额,身份证号\n张三,2,600,{ID}\n"李,四",x,300,\n王五,1,-5,\n',
        LOW_INCOME: textwrap.dedent(BASE_FILES[LOW_INCOME]).replace("persons: 2", "persons: -2"),
    }
    lf = found(project(tmp_path / "lf", {k: v.encode("utf-8") for k, v in broken.items()}))
    cr = found(project(tmp_path / "crlf", {k: crlf(v) for k, v in broken.items()}))
    assert cr == lf
    assert {code for *_, code in lf} >= {"unknown-field", "list-indent", "personal-id", "personal-phone",
                                         "bad-number", "negative-value"}


def test_crlf_base_project_is_clean_and_loads_the_same(tmp_path):
    files = {k: crlf(textwrap.dedent(v)) for k, v in BASE_FILES.items()}
    root = write_project(tmp_path, files)
    project_, report = load_project(root, TODAY)
    assert report.sorted() == []
    lf_project, _ = load_project(write_project(tmp_path / "lf"), TODAY)
    assert [(i.id, i.fields, i.body.replace("\r\n", "\n")) for i in project_.items()] == \
        [(i.id, i.fields, i.body) for i in lf_project.items()]


def run_check(root: Path, capsys) -> tuple[int, str]:
    code = main(["check", str(root)])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out + out.err


def test_malformed_and_oversized_input_is_reported_never_a_traceback(tmp_path, capsys):
    csv_item = ("type: subsidy-list\ntitle: 名单\nprogram: 低保\nobjection_phone: 0371-12345679\n"
                "published: 2026-11-18\nexpires: 2026-11-25\nrows_from: {name}\n" + REVIEW + "\n")
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{b}: &{b} [{', '.join([f'*{a}'] * 10)}]\n" for a, b in zip("abcdef", "bcdefg"))
    root = project(tmp_path, {
        f"{OFFICE_DIR}/quarters/2026-Q4/long-cell.yml": csv_item.replace("{name}", "long.csv"),
        f"{OFFICE_DIR}/quarters/2026-Q4/long.csv": "姓名,人数,金额\n张三,1,1\n\"" + "长" * 200_000 + "\",1,1\n",
        f"{OFFICE_DIR}/quarters/2026-Q4/binary.yml": bytes(range(256)) * 4,
        f"{OFFICE_DIR}/quarters/2026-Q4/latin1.md": "---\ntype: notice\ntitle: caf\xe9\n---\n".encode("latin-1"),
        f"{OFFICE_DIR}/quarters/2026-Q4/deep.yml": "title: " + "[" * 5000 + "]" * 5000 + "\n",
        f"{OFFICE_DIR}/quarters/2026-Q4/bomb.yml": "type: notice\n" + bomb,
        f"{OFFICE_DIR}/quarters/2026-Q4/recursive.yml": "type: table\ntitle: 表\nrows: &r [*r]\n",
        f"{OFFICE_DIR}/quarters/2026-Q4/negative.yml":
            textwrap.dedent(BASE_FILES[LOW_INCOME]).replace("amount: 300", "amount: -300"),
    })
    huge = root / OFFICE_DIR / "quarters/2026-Q4/huge.md"
    with open(huge, "wb") as f:
        f.truncate(40 * 1024 * 1024)  # sparse: no disk used
    code, output = run_check(root, capsys)
    assert code == 1
    got = {(p.rsplit("/", 1)[-1], line, c) for p, line, _, c in found(root)}
    q4 = ""
    assert {("long.csv", 3, "csv-syntax"), ("binary.yml", 2, "not-text"), ("latin1.md", 3, "not-text"),
            ("deep.yml", 1, "yaml-syntax"), ("bomb.yml", 1, "yaml-too-deep"),
            ("recursive.yml", 1, "yaml-too-deep"), ("huge.md", 1, "file-too-large"),
            ("negative.yml", 9, "negative-value")} <= got, got - {q4}
    for line in output.splitlines()[:-1]:
        assert ": error[" in line or ": warning[" in line, line


def test_negative_persons_and_amounts_in_a_csv(tmp_path):
    csv_item = ("type: subsidy-list\ntitle: 名单\nprogram: 低保\nobjection_phone: 0371-12345679\n"
                "published: 2026-11-18\nexpires: 2026-11-25\nrows_from: people.csv\n" + REVIEW + "\n")
    root = project(tmp_path, {f"{OFFICE_DIR}/quarters/2026-Q4/csv-list.yml": csv_item,
                              f"{OFFICE_DIR}/quarters/2026-Q4/people.csv":
                                  "姓名,人数,金额\n张三,-1,600\n李四,1,-300.50\n"})
    assert [(p.rsplit("/", 1)[-1], line, code) for p, line, _, code in found(root)] == [
        ("people.csv", 2, "negative-value"), ("people.csv", 3, "negative-value")]


def test_unmasked_id_field_is_refused(tmp_path):
    low = textwrap.dedent(BASE_FILES[LOW_INCOME]).replace("410523********1234", "张三的证件")
    root = project(tmp_path, {LOW_INCOME: low})
    assert [(line, code) for _, line, _, code in found(root)] == [(8, "id-not-masked")]


# --- --out: only a folder gongkai built ---------------------------------------------------------------

def test_out_refuses_a_web_root_with_an_index_html(tmp_path, capsys):
    root = project(tmp_path, {})
    www = tmp_path / "www"
    www.mkdir()
    (www / "index.html").write_text("<h1>另一个网站</h1>", encoding="utf-8")
    (www / "upload.php").write_text("<?php", encoding="utf-8")
    assert main(["build", str(root), "--out", str(www), "--no-boards", "--date", "2026-11-21"]) == 2
    assert "refusing to replace" in capsys.readouterr().err
    assert sorted(p.name for p in www.iterdir()) == ["index.html", "upload.php"]


def test_out_keeps_files_gongkai_did_not_write(tmp_path, capsys):
    root = project(tmp_path, {})
    out = tmp_path / "site"
    args = ["build", str(root), "--out", str(out), "--no-boards", "--date", "2026-11-21"]
    assert main(args) == 0
    marker = (out / ".gongkai-site").read_text(encoding="utf-8").splitlines()
    assert "index.html" in marker and ".gongkai-site" not in marker
    (out / "boards").mkdir(exist_ok=True)  # the site's board pages are there too
    (out / "boards" / "from-gongkai-boards.pdf").write_bytes(b"%PDF")  # what `gongkai boards` writes
    assert main(args) == 0
    (out / "catalogue" / "notes.txt").write_text("keep me", encoding="utf-8")
    capsys.readouterr()
    assert main(args) == 2
    assert "catalogue/notes.txt" in capsys.readouterr().err
    assert (out / "catalogue" / "notes.txt").read_text(encoding="utf-8") == "keep me"


# --- outputs: what a subsidy list publishes, before and after its window ---------------------------------

class Text(HTMLParser):
    """The text and attribute values of a page: everything a reader or a script could see."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.parts.extend(v for _, v in attrs if v)

    def handle_data(self, data):
        self.parts.append(data)


def outputs(site: Path) -> dict[str, str]:
    """Every output file as text: HTML parsed, JSON decoded (search index too), CSV, XML."""
    out = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            parser = Text()
            parser.feed(path.read_text(encoding="utf-8"))
            out[rel] = "\n".join(parser.parts)
        elif path.suffix == ".json":
            out[rel] = json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)
        elif path.suffix in (".csv", ".xml", ".txt"):
            out[rel] = path.read_text(encoding="utf-8-sig")
    assert {"index.html", "sitemap.xml", "feed.xml", "search/search_index.json",
            "catalogue/catalogue.csv", "catalogue/catalogue.json"} <= set(out)
    return out


MASKED = ("410523********1234", "410523********5678")
LIST_SUMMARY = "本月新增两户，摘要里的隐私"


def subsidy_project(tmp_path: Path, site_extra: str = "") -> Path:
    low = (textwrap.dedent(BASE_FILES[LOW_INCOME])
           .replace("{name: 李四, group: 二组, persons: 1, amount: 300}",
                    "{name: 李四, group: 二组, persons: 1, amount: 300, id: 410523********5678}")
           .replace("program:", f"summary: {LIST_SUMMARY}\nbasis: 低保审核确认办法\nprogram:"))
    site = textwrap.dedent(BASE_FILES["content/site.yml"]) + site_extra
    return project(tmp_path, {LOW_INCOME: low, "content/site.yml": site})


def build_site(root: Path, out: Path, date: str) -> dict[str, str]:
    assert main(["build", str(root), "--out", str(out), "--no-boards", "--date", date]) == 0
    return outputs(out)


def test_masked_ids_are_not_published_by_default(tmp_path):
    root = subsidy_project(tmp_path)
    assert found(root) == []
    files = build_site(root, tmp_path / "site", "2026-11-21")
    page = files["test-town/2026-Q4/low-income/index.html"]
    assert "张三" in page and "李四" in page
    leaks = {rel for rel, text in files.items() for masked in MASKED if masked in text or masked[-4:] in text
             and "********" in text}
    assert leaks == set()
    csv_files = [rel for rel in files if rel.startswith("test-town/2026-Q4/low-income/") and rel.endswith(".csv")]
    assert csv_files and all("身份证" not in files[rel] for rel in csv_files)


def test_masked_ids_are_published_with_the_site_switch(tmp_path):
    root = subsidy_project(tmp_path, "publish_masked_ids: true\n")
    assert found(root) == []
    files = build_site(root, tmp_path / "site", "2026-11-21")
    page = files["test-town/2026-Q4/low-income/index.html"]
    [download] = [rel for rel in files if rel.startswith("test-town/2026-Q4/low-income/") and rel.endswith(".csv")]
    for masked in MASKED:
        assert masked in page and masked in files[download]
    assert all(masked not in files[rel] for rel in ("catalogue/catalogue.json", "feed.xml") for masked in MASKED)


def test_after_the_window_only_title_window_and_expired_remain(tmp_path):
    root = subsidy_project(tmp_path)
    files = build_site(root, tmp_path / "site", "2026-11-26")
    for rel, text in files.items():
        for secret in ("张三", "李四", LIST_SUMMARY, "低保审核确认办法", *MASKED):
            assert secret not in text, (rel, secret)
    assert "2026年11月低保名单" in files["test-town/2026-Q4/low-income/index.html"]
    assert "公示期已满" in files["test-town/2026-Q4/low-income/index.html"]
    [row] = [r for r in json.loads(files["catalogue/catalogue.json"]) if r["item"] == "2026年11月低保名单"]
    assert (row["content"], row["basis"], row["expired"]) == ("公示期已满", "", True)


# --- boards and booklets: only the project's own files ----------------------------------------------------

SECRET = "MACHINE-SECRET-0451"


def pdf_texts_and_files(path: Path) -> tuple[str, dict, list[str]]:
    """(all page text, embedded files, annotation subtypes) of a PDF."""
    import pdfplumber
    from pypdf import PdfReader

    reader = PdfReader(path)
    annots = [a.get_object().get("/Subtype") for page in reader.pages for a in (page.get("/Annots") or [])]
    with pdfplumber.open(path) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    return text, dict(reader.attachments), annots


@pytest.fixture(scope="module")
def hostile_boards(tmp_path_factory):
    """One small board and booklet built from content that tries to embed a file of the machine."""
    from generator.boards import build_boards

    tmp = tmp_path_factory.mktemp("hostile-boards")
    secret = tmp / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    body = (f'机器文件：<img src="file://{secret}"> <img src="http://127.0.0.1:9/x.png">\n\n'
            f'<a rel="attachment" href="file://{secret}">附件</a> '
            f'<link rel="attachment" href="file://{secret}">\n\n'
            f'<object data="file://{secret}" type="text/plain"></object>\n\n'
            f'<base href="file://{tmp}/"><img src="secret.txt">')
    root = project(tmp, {
        NOTICE: notice_md(body),
        "boards/main.yml": "office: test-town\nsize: A4\ncolumns: 1\npanels:\n  - quarter/notice\n"
                           "  - quarter/low-income\n",
    })
    project_, report = load_project(root, TODAY)
    refused = sorted({(d.line, d.code) for d in report.sorted() if d.path == NOTICE})
    editions = build_boards(project_, tmp / "out", jobs=1, today=TODAY, cache_dir=tmp / "cache")
    return refused, editions


def test_check_refuses_local_files_and_attachments(hostile_boards):
    refused, _ = hostile_boards
    body = notice_md("").count("\n")  # the body's first line
    assert refused == [(body, "external-resource"), (body, "local-resource"),
                       (body + 2, "local-resource"), (body + 2, "unsafe-html"),  # rel=attachment, file:, <link>
                       (body + 4, "local-resource"), (body + 4, "unsafe-html"),  # file:, <object>
                       (body + 6, "local-resource")]  # <base>


def test_board_and_booklet_embed_nothing_from_the_machine(hostile_boards):
    _, editions = hostile_boards
    [edition] = editions
    for pdf in (edition.pdf, edition.booklet):
        text, attachments, annots = pdf_texts_and_files(pdf)
        assert attachments == {}
        assert "/FileAttachment" not in annots
        assert SECRET not in text and SECRET.encode() not in pdf.read_bytes()
        assert "机器文件" in text  # the panel itself is printed
        for masked in ("410523********1234", "********"):
            assert masked not in text


def test_project_fetcher_serves_only_theme_profile_fonts_and_data_images(tmp_path):
    from generator.boards.document import CMYK_PROFILE, THEME
    from generator.boards.fetch import ProjectFetcher, RefusedURL

    fetcher = ProjectFetcher()
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    fake_font = tmp_path / "fake.ttf"
    fake_font.write_text(SECRET, encoding="utf-8")
    (tmp_path / "link.css").symlink_to(secret)
    for url in (secret.as_uri(), fake_font.as_uri(), "http://127.0.0.1:9/", "https://example.com/a.png",
                "ftp://example.com/x", f"file://otherhost{secret}", "data:text/plain,hi",
                (THEME / ".." / ".." / "pyproject.toml").as_uri()):
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)
    assert fetcher.allows(CMYK_PROFILE.as_uri())
    assert fetcher.allows((THEME / "board.css").as_uri())
    assert fetcher.allows("data:image/png;base64,iVBORw0KGgo=")
    assert not fetcher.allows((THEME / "missing.css").as_uri())
    assert len(fetcher.refused) == 8


def test_subsidy_panel_shows_masked_ids_only_with_the_switch():
    from decimal import Decimal

    from generator.boards.forms import panel
    from generator.model import Item, Site

    item = Item(id="l", office_id="o", type="subsidy-list", title="名单", source="x.yml",
                fields={"recipients": [{"name": "张三", "persons": 1, "amount": Decimal(1),
                                        "id": "410523********1234"}], "program": "低保"})
    off, on = (panel(item, Site(title="t", publish_masked_ids=flag)) for flag in (False, True))
    assert "410523********1234" not in repr(off.tables)
    assert on.tables[0].columns[-1] == "身份证号" and on.tables[0].rows[0][-1] == "410523********1234"
    assert len(on.tables[0].footer) == len(on.tables[0].columns)


def test_scanner_keeps_its_api_for_the_importer():
    """``find_personal_data`` offsets are those of the text given, whatever normalisation found it."""
    from generator.content.personal import find_personal_data

    text = f"备注：{ID[:6]}**{ID[6:]}；电话 {MOBILE}"
    found_ = find_personal_data(text, in_subsidy_list=True)
    assert [(f.kind, text[f.start:f.end]) for f in found_] == [("id", f"{ID[:6]}**{ID[6:]}"), ("phone", MOBILE)]


def test_an_imported_table_of_mobiles_is_refused_at_each_row(tmp_path, capsys):
    """Excel keeps mobiles as numbers: import leaves the phone column out, and where a clerk
    types the mobiles into the table by hand, check stops them at their row."""
    import openpyxl

    root = project(tmp_path, {})
    book = openpyxl.Workbook()
    book.active.append(["2026年第四季度临时救助"])
    book.active.append(["姓名", "联系电话", "救助金额"])
    book.active.append(["王秀英", 13812345678, 2000])
    book.active.append(["李建国", "139 8765 4321", 1000])
    book.save(tmp_path / "relief.xlsx")
    target = root / OFFICE_DIR / "quarters/2026-Q4/relief.yml"
    assert main(["import", str(tmp_path / "relief.xlsx"), "--type", "table", "--to", str(target)]) == 0
    assert "import-private-column" in capsys.readouterr().err  # the note on the column left out
    text = target.read_text(encoding="utf-8")
    assert "13812345678" not in text and "8765" not in text
    assert not [code for p, _, _, code in found(root) if p.endswith("relief.yml") and code == "personal-phone"]

    typed = text.replace("columns:\n", "columns:\n  - 联系电话\n", 1)
    typed = typed.replace("- [王秀英", "- ['13812345678', 王秀英").replace("- [李建国", "- [139 8765 4321, 李建国")
    target.write_text(typed, encoding="utf-8")
    lines = typed.splitlines()
    expected = [(i + 1, "personal-phone") for i, line in enumerate(lines) if "138" in line or "139 " in line]
    got = [(line, code) for p, line, _, code in found(root) if p.endswith("relief.yml") and code == "personal-phone"]
    assert len(expected) == 2 and got == expected


@pytest.mark.parametrize("body", ["附件file:///etc/passwd", "![图](FILE:///etc/hostname)",
                                  '<a rel="nofollow attachment" href="a.pdf">附件</a>',
                                  '<BASE HREF="http://example.com/">', '<p style="background:url(file:///x)">x</p>'])
def test_local_files_and_attachments_are_refused_in_any_spelling(tmp_path, body):
    root = project(tmp_path, {NOTICE: notice_md(body)})
    assert (NOTICE, notice_md("").count("\n"), "local-resource") in [(p, line, c) for p, line, _, c in found(root)]


def test_without_the_project_fetcher_weasyprint_would_embed_the_file(tmp_path):
    """The leak this suite guards against is real: plain WeasyPrint attaches any file named."""
    import weasyprint
    from pypdf import PdfReader

    from generator.boards.fetch import print_html

    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    html = (f'<link rel="attachment" href="{secret.as_uri()}"><p>x <a rel="attachment" '
            f'href="{secret.as_uri()}">附件</a><img src="{secret.as_uri()}"></p>')
    plain, closed = tmp_path / "plain.pdf", tmp_path / "closed.pdf"
    plain.write_bytes(weasyprint.HTML(string=html).write_pdf())
    closed.write_bytes(print_html(html).write_pdf())
    assert [data for files in PdfReader(plain).attachments.values() for data in files] == [SECRET.encode()]
    assert PdfReader(closed).attachments == {}
