"""A synthetic county: a valid gongkai project of any size, for benchmarks.

``generate_county(root, offices=300, quarters=8, today=date(2026, 11, 21))``
writes under ``root``:

- ``content/site.yml``;
- ``content/offices/<office>/`` for each office (one town in ten, two
  departments in ten, the rest villages): ``office.yml``; ``fixed/`` with one
  item of every fixed type (procedure, pledge, rules, duties, fees); and
  ``quarters/<YYYY>-Q<n>/`` for the ``quarters`` quarters ending with the one
  containing ``today``, each with one item of every rotating type (finance,
  subsidy-list, projects, notice, table). The subsidy list has about 40
  households with masked ID numbers, inline for towns and departments and
  in a UTF-8 CSV (``rows_from``) for villages, as clerks export it;
- ``boards/<office>.yml``: one A0 board per office showing every item.

Every item is reviewed, totals add up exactly, phone numbers are landlines,
and only common characters are used, so ``gongkai check`` reports nothing.
The same arguments write the same bytes (a seeded generator; no clock).

Other benchmarks import it from this folder::

    sys.path.insert(0, str(Path(__file__).parent))
    from county import generate_county

Command line: ``python benchmarks/county.py DIR [--offices N] [--quarters Q]``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
from decimal import Decimal
from pathlib import Path

import yaml

from generator.model import Quarter

COUNTY = "云溪县"
AREA_CODE = "0738"
ID_REGION = "431322"  # masked IDs keep the first six digits
PLACE_CHARS = "青山河林石桥东西南北上下新安平乐和兴长春丰杨柳松竹梅花田湖泉溪"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤"
GIVEN = "建国军华明海平秀兰英芳玉珍桂红丽霞志强伟刚勇春梅凤云山水生林福祥德金宝成文忠良荣有富贵顺利"
NUMERALS = "一二三四五六七八九十"
DEPARTMENT_UNITS = ("财政所", "司法所", "市场监督管理所", "自然资源所", "农业农村服务中心",
                    "林业站", "水利站", "卫生院", "退役军人服务站", "社会保障服务中心")
CATEGORY = {
    "procedure": "服务类", "pledge": "服务类", "rules": "政务类", "duties": "政务类",
    "fees": "财务类", "finance": "财务类", "subsidy-list": "财务类", "projects": "政务类",
    "notice": "政务类", "table": "服务类",
}
CENT = Decimal("0.01")


class _Dumper(yaml.CSafeDumper if hasattr(yaml, "CSafeDumper") else yaml.SafeDumper):
    """YAML as a clerk writes it: money as plain decimals (``1520.00``), long text as blocks."""


class _Row(list):
    """A table row, written on one line: ``[一组, '15', '35']``."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(
    Decimal, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:float", str(value))
)
_Dumper.add_representer(str, _text)
_Dumper.add_representer(
    _Row, lambda dumper, value: dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)
)


def _yaml(data: dict) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1000)


def _markdown(front: dict, body: str) -> str:
    return f"---\n{_yaml(front)}---\n{body}"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def _place(i: int) -> str:
    """A distinct two- or more-character place name for every index."""
    n = len(PLACE_CHARS)
    chars = [PLACE_CHARS[i % n], PLACE_CHARS[(i // n) % n]]
    i //= n * n
    while i:
        chars.append(PLACE_CHARS[i % n])
        i //= n
    return "".join(reversed(chars))


def _money(value) -> Decimal:
    return Decimal(value).quantize(CENT)


class _Office:
    """One generated office: its names, phones and staff, drawn from a seeded generator."""

    def __init__(self, index: int, width: int, rng: random.Random):
        self.rng = rng
        self.kind = "town" if index % 10 == 0 else "department" if index % 10 in (1, 2) else "village"
        self.place = _place(index)
        prefix = {"town": "town", "village": "village", "department": "dept"}[self.kind]
        self.id = f"{prefix}-{index + 1:0{width}d}"
        self.name = {
            "town": f"{self.place}镇人民政府",
            "village": f"{self.place}村民委员会",
            "department": f"{COUNTY}{self.place}{DEPARTMENT_UNITS[index % len(DEPARTMENT_UNITS)]}",
        }[self.kind]
        self.short = {"town": f"{self.place}镇", "village": f"{self.place}村", "department": self.name}[self.kind]
        self.exchange = 6000 + index  # first digits of the office's landlines
        self.staff = [self.person() for _ in range(rng.randint(4, 6))]

    def phone(self, extension: int) -> str:
        return f"{AREA_CODE}-{self.exchange:04d}{extension:04d}"

    def person(self) -> str:
        rng = self.rng
        return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))

    def review(self, published: dt.date) -> dict:
        return {
            "reviewed_by": self.staff[-1],
            "checked_by": self.staff[1],
            "approved_by": self.staff[0],
            "approved_on": published - dt.timedelta(days=self.rng.randint(1, 3)),
        }

    def common(self, item_type: str, title: str, published: dt.date, summary: str) -> dict:
        return {"type": item_type, "title": title, "category": CATEGORY[item_type],
                "summary": summary, "published": published}


# --- fixed items ------------------------------------------------------------

def _procedure(o: _Office, published: dt.date) -> str:
    front = o.common("procedure", f"{o.short}农村最低生活保障申请", published,
                     "低保的申请条件、所需材料、办理流程和时限")
    front |= {
        "basis": "《社会救助暂行办法》；《最低生活保障审核确认办法》\n",
        "conditions": f"持有{COUNTY}户籍，共同生活的家庭成员人均月收入低于当地低保标准，"
                      "且家庭财产状况符合规定的，可以申请。\n",
        "materials": ["最低生活保障申请书", "家庭成员居民身份证和户口簿",
                      "家庭经济状况声明及核对授权书", "其他能证明家庭困难的材料"],
        "steps": ["申请人提出书面申请", "受理并一次性告知需补充的材料", "入户调查和经济状况核对",
                  "在村务公开栏公示7天", "审核确认并书面告知结果", "按月发放低保金"],
        "time_limit": "30个工作日",
        "fee": "不收费",
        "place": f"{o.short}便民服务窗口",
        "phone": o.phone(23),
        "review": o.review(published),
    }
    return _markdown(front, "**温馨提示**：家庭人口、收入或财产发生变化的，请在一个月内告知。\n")


def _pledge(o: _Office, published: dt.date) -> str:
    front = o.common("pledge", f"{o.short}服务承诺", published, "对办事群众的服务承诺")
    front["review"] = o.review(published)
    body = "".join(f"{i}. {text}\n" for i, text in enumerate((
        "首问负责：第一个接待的工作人员负责解答或引导办理。",
        "一次告知：材料不全的，一次性告知需要补充的全部材料。",
        "限时办结：在公开的时限内办结，不能办理的说明理由。",
        "公开收费：只收取公示的费用，公示以外的收费群众有权拒绝。",
        f"接受监督：对服务不满意的，请拨打监督电话 {o.phone(12)}。",
    ), start=1))
    return _markdown(front, body)


def _rules(o: _Office, published: dt.date) -> str:
    front = o.common("rules", f"{o.short}政务公开制度", published, "公开内容、时间、审核和监督")
    front["review"] = o.review(published)
    body = (
        "## 公开内容\n\n办事程序、服务承诺、岗位职责和收费项目长期公开；"
        "财务收支、补贴名单和重点项目每季度更新。\n\n"
        "## 审核程序\n\n公开前经经办人审核、负责人复核、主要领导审批。\n\n"
        "## 监督\n\n群众对公开内容有疑问的，可以到办公室查询或拨打监督电话。\n"
    )
    return _markdown(front, body)


def _duties(o: _Office, published: dt.date) -> str:
    posts = ("主要负责人", "分管负责人", "财务人员", "政务公开专员", "便民服务窗口", "网格员")
    work = ("主持全面工作", "分管财务、审计和政务公开", "负责财务收支和资金发放",
            "负责公开栏和网站内容更新", "负责群众办事的受理和答复", "负责走访群众、收集意见")
    data = o.common("duties", f"{o.short}工作人员岗位职责", published, "人员、岗位、职责和办公电话")
    data["review"] = o.review(published)
    data["people"] = [{"name": name, "post": posts[i], "duties": work[i], "phone": o.phone(2 + i)}
                      for i, name in enumerate(o.staff)]
    return _yaml(data)


def _fees(o: _Office, published: dt.date) -> str:
    data = o.common("fees", f"{o.short}收费项目公示", published, "行政事业性收费项目、标准和依据")
    data["review"] = o.review(published)
    data["items"] = [
        {"name": "不动产登记费（住宅类）", "standard": _money(80), "unit": "元/件",
         "basis": "发改价格规〔2016〕2559号"},
        {"name": "居民身份证工本费", "standard": _money(20), "unit": "元/证",
         "basis": "发改价格〔2003〕2322号"},
        {"name": "低保申请", "standard": _money(0), "unit": "元/次", "basis": "《社会救助暂行办法》"},
    ]
    return _yaml(data)


FIXED = {"dibao-application.md": _procedure, "service-pledge.md": _pledge,
         "disclosure-rules.md": _rules, "staff-duties.yml": _duties, "fees.yml": _fees}


# --- rotating items ---------------------------------------------------------

def _finance(o: _Office, q: Quarter, published: dt.date) -> str:
    rng = o.rng
    unit = "万元" if o.kind == "town" else "元"
    scale = 100 if unit == "万元" else 1_000_000

    def lines(names):
        return [{"name": name, "amount": _money(Decimal(rng.randint(scale, 50 * scale)) / 100)}
                for name in names]

    income = lines(("上级转移支付收入", "集体经营收入", "非税收入", "上年结转"))
    spending = lines(("一般公共服务支出", "社会保障和就业支出", "农林水支出",
                      "城乡社区支出", "卫生健康支出", "交通运输支出"))
    data = o.common("finance", f"{o.short}{q.year}年第{NUMERALS[q.number - 1]}季度财务收支情况",
                    published, "本季度收入和支出明细")
    data |= {
        "period": f"{q.year}年第{NUMERALS[q.number - 1]}季度",
        "unit": unit,
        "income": income,
        "expenditure": spending,
        "total_income": sum((line["amount"] for line in income), Decimal(0)),
        "total_expenditure": sum((line["amount"] for line in spending), Decimal(0)),
        "review": o.review(published),
    }
    return _yaml(data)


def _recipients(o: _Office) -> list[dict]:
    rng = o.rng
    standard = Decimal(rng.choice((380, 420, 455, 525)))
    out = []
    for _ in range(rng.randint(36, 44)):
        persons = rng.randint(1, 5)
        out.append({
            "name": o.person(),
            "group": f"{o.place}村{NUMERALS[rng.randrange(8)]}组",
            "persons": persons,
            "amount": _money(standard * persons - Decimal(rng.randrange(0, 2000)) / 100),
            "id": f"{ID_REGION}********{rng.randrange(10000):04d}",
        })
    return out


def _subsidy(o: _Office, q: Quarter, published: dt.date, folder: Path) -> str:
    recipients = _recipients(o)
    data = o.common("subsidy-list", f"{o.short}{q.year}年第{NUMERALS[q.number - 1]}季度低保金发放名单",
                    published, f"{len(recipients)}户低保对象及发放金额")
    data |= {
        "program": "农村最低生活保障",
        "unit": "元",
        "objection_phone": o.phone(23),
        "expires": published + dt.timedelta(days=7),
        "total_amount": sum((r["amount"] for r in recipients), Decimal(0)),
        "review": o.review(published),
    }
    if o.kind == "village":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(("姓名", "村组", "人数", "金额", "身份证号"))
        writer.writerows((r["name"], r["group"], r["persons"], r["amount"], r["id"]) for r in recipients)
        _write(folder / "dibao.csv", buffer.getvalue())
        data["rows_from"] = "dibao.csv"
    else:
        data["recipients"] = recipients
    return _yaml(data)


def _projects(o: _Office, q: Quarter, published: dt.date) -> str:
    rng = o.rng
    kinds = ("道路硬化", "饮水安全", "高标准农田", "河道清淤", "路灯安装", "文化广场")
    data = o.common("projects", f"{o.short}{q.year}年第{NUMERALS[q.number - 1]}季度重点项目进展",
                    published, "项目预算、承建单位和进度")
    data |= {
        "unit": "元",
        "projects": [{"name": f"{o.place}{kind}工程",
                      "budget": _money(rng.randint(50, 900) * 1000),
                      "contractor": f"{COUNTY}{_place(rng.randrange(900))}建设有限公司",
                      "progress": rng.choice(("已完工", "已验收", "30%", "60%", "90%"))}
                     for kind in rng.sample(kinds, 3)],
        "review": o.review(published),
    }
    return _yaml(data)


def _notice(o: _Office, q: Quarter, published: dt.date) -> str:
    front = o.common("notice", f"关于征集{q.year}年第{NUMERALS[q.number - 1]}季度民生实事建议的通知",
                     published, "征集群众对民生实事的意见建议")
    front |= {"expires": published + dt.timedelta(days=30), "review": o.review(published)}
    body = (f"各位群众：\n\n为办好民生实事，现向社会征集意见建议。请于公告期内到{o.short}办公室"
            f"提交，或拨打 {o.phone(6)}。\n\n{o.name}\n")
    return _markdown(front, body)


def _table(o: _Office, q: Quarter, published: dt.date) -> str:
    rng = o.rng
    rows, totals = [], [0] * 6
    for group in range(6):
        households = rng.randint(5, 15)
        counts = [households, households * 2 + rng.randint(0, 5)] + [rng.randint(0, 2) for _ in range(4)]
        totals = [a + b for a, b in zip(totals, counts)]
        rows.append([f"{NUMERALS[group]}组", *counts])
    rows.append(["合计", *totals])
    data = o.common("table", f"{o.short}{q.year}年第{NUMERALS[q.number - 1]}季度低保动态管理情况",
                    published, "低保户数、人数和新增、停保、提标、降标情况")
    data |= {
        "columns": _Row(("村组", "总户数", "总人数", "新增", "停保", "提标", "降标", "动态率")),
        "rows": [_Row([str(cell) for cell in row] + [f"{Decimal(sum(row[3:7]) * 100) / row[1]:.2f}%"])
                 for row in rows],
        "review": o.review(published),
    }
    return _yaml(data)


# --- the project ------------------------------------------------------------

def _quarters(count: int, today: dt.date) -> list[Quarter]:
    out = [Quarter.containing(today)]
    while len(out) < count:
        out.append(out[-1].previous())
    return sorted(out)


def _published(rng: random.Random, q: Quarter, today: dt.date) -> dt.date:
    return min(q.start + dt.timedelta(days=rng.randint(5, 20)), today)


def _generate_office(root: Path, o: _Office, quarters: list[Quarter], today: dt.date) -> None:
    folder = root / "content" / "offices" / o.id
    _write(folder / "office.yml", _yaml({
        "name": o.name, "kind": o.kind,
        "address": f"{COUNTY}{o.place}{'路' if o.kind == 'department' else '大道'}{o.rng.randint(1, 99)}号",
        "phone": o.phone(1), "supervision_phone": o.phone(12),
        "hours": "周一至周五 上午8:30—12:00，下午14:30—17:30",
    }))
    first = _published(o.rng, quarters[0], today)
    for name, make in FIXED.items():
        _write(folder / "fixed" / name, make(o, first))
    for q in quarters:
        qdir = folder / "quarters" / str(q)
        published = _published(o.rng, q, today)
        _write(qdir / "finance.yml", _finance(o, q, published))
        _write(qdir / "dibao.yml", _subsidy(o, q, published, qdir))
        _write(qdir / "projects.yml", _projects(o, q, published))
        _write(qdir / "suggestions-notice.md", _notice(o, q, published))
        _write(qdir / "dibao-dynamics.yml", _table(o, q, published))
    panels = [f"fixed/{Path(name).stem}" for name in FIXED]
    panels += [f"quarter/{stem}" for stem in
               ("finance", "dibao", "projects", "suggestions-notice", "dibao-dynamics")]
    _write(root / "boards" / f"{o.id}.yml", _yaml({
        "office": o.id, "size": "A0", "orientation": "portrait",
        "profile": "offset" if o.kind == "town" else "inkjet", "columns": 3, "panels": panels,
    }))


def generate_county(root: Path, offices: int = 300, quarters: int = 8,
                    today: dt.date = dt.date(2026, 11, 21), seed: int = 2026) -> None:
    """Write a valid project of ``offices`` offices and ``quarters`` quarters under ``root``
    (a new or empty folder: files already there are overwritten or left as they are)."""
    root = Path(root)
    rng = random.Random(seed)
    _write(root / "content" / "site.yml", _yaml({
        "title": f"{COUNTY}政务公开", "language": "zh", "url": "https://gk.yunxi.test/",
        "supervision_phone": f"{AREA_CODE}-12345678",
    }))
    width = max(3, len(str(offices)))
    periods = _quarters(quarters, today)
    for index in range(offices):
        _generate_office(root, _Office(index, width, rng), periods, today)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a synthetic county project for benchmarks.")
    parser.add_argument("root", type=Path, help="directory to write into (created if missing)")
    parser.add_argument("--offices", type=int, default=300)
    parser.add_argument("--quarters", type=int, default=8)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date(2026, 11, 21))
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    generate_county(args.root, args.offices, args.quarters, args.today, args.seed)
    files = sum(1 for path in args.root.rglob("*") if path.is_file())
    print(f"{args.root}: {args.offices} offices, {args.quarters} quarters, {files} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
