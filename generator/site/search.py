"""Search that finds the project's own words: a jieba user dictionary built from content.

jieba cuts unknown proper nouns apart (青山镇 -> 青 / 山镇), and Material's
search can then only match fragments. The dictionary lists the names the
public types: the short names of offices (青山镇, 柳溪村), villages and
groups (柳溪村 and 三组 of 柳溪村三组), and short fee and project names.
Long names and titles are left out: Material matches a word by its start,
so a title cut as one word could no longer be found by a word inside it.
"""

from __future__ import annotations

import json
import re

from ..model import Project
from .order import _NUMBER

_SHORT_NAME = re.compile(r"^(.{2,8}?(?:街道|社区|县|区|镇|乡|村))")
_BRACKETS = re.compile(r"[（(][^）)]*[）)]")
_HAN = re.compile(r"^[\u4e00-\u9fff]{2,}$")
LONGEST_ITEM_NAME = 5  # characters


DOMAIN_WORDS = ("低保", "低保金", "低保户", "特困", "五保", "临时救助", "宅基地", "公示期", "工本费",
                "村务公开", "政务公开", "财务收支", "收费标准", "办理时限", "申报材料")


def _clean(text: str) -> str:
    return _BRACKETS.sub("", text or "").strip()


def user_words(project: Project) -> list[str]:
    """Words for jieba's user dictionary, sorted (the build stays deterministic)."""
    words: set[str] = set(DOMAIN_WORDS)
    for office in project.offices.values():
        short = _SHORT_NAME.match(office.name)
        if short:
            words.add(short.group(1))
        for item in office.items():
            f = item.fields
            for group in {r.get("group") or "" for r in f.get("recipients") or []}:
                match = _NUMBER.search(group)
                if match:
                    words.update((group[:match.start()], group[match.start():match.end() + 1]))
                else:
                    words.add(group)
            names = [_clean(x.get("name", "")) for x in (f.get("items") or []) + (f.get("projects") or [])]
            words.update(n for n in names if len(n) <= LONGEST_ITEM_NAME)
    return sorted(w for w in words if _HAN.match(w))


def user_dictionary(project: Project) -> str:
    """The dictionary file's text: one word a line (jieba suggests each word's frequency)."""
    return "".join(f"{word}\n" for word in user_words(project))


def whole_pages(index: str) -> str:
    """Material's search index with each page as one entry, titled by the page's title.

    Material indexes every heading as a section with its own title, so "名单" or
    "三、公开时间" would rank as titles. Merged, a page's title is the only
    title: a query matching an item's title finds the item first.
    """
    data = json.loads(index)
    pages: dict[str, dict] = {}
    for doc in data["docs"]:
        page = doc["location"].split("#", 1)[0]
        if page not in pages:
            pages[page] = {"location": page, "title": doc["title"], "text": doc["text"]}
            continue
        merged = pages[page]
        heading = "" if doc["title"] == merged["title"] else f"<p>{doc['title']}</p>"
        merged["text"] = " ".join(t for t in (merged["text"], heading, doc["text"]) if t)
    data["docs"] = list(pages.values())
    return json.dumps(data, separators=(",", ":"), default=str)


# Material splits a Chinese query into the index's words, but never lets a word end
# the query (the reader may still be typing it): 低保金发放 became 低保金 + 发*, and
# 发* ranked 发展党员 first. Letting the last word be whole keeps the prefix match for
# a word still being typed (低保金发 -> 低保金 + 发*). It also joined the words with
# "* ", so every word but the last was searched as 低保金** and listed as 缺少 (missing)
# on the very results that contain it.
_PATCHES = (
    ("for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)",
     "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"),
    ('[...fe(s,this.index.invertedIndex)].join("* ")', '[...fe(s,this.index.invertedIndex)].join(" ")'),
)


def whole_last_word(worker: str) -> str | None:
    """Material's search worker with Chinese queries split as above; None if its code changed."""
    for old, new in _PATCHES:
        if new in worker:
            continue
        if worker.count(old) != 1:
            return None
        worker = worker.replace(old, new)
    return worker
