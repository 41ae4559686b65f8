"""Markdown as every medium renders it (site, boards, booklet): one set of extensions.

Chinese text has no spaces between words, so a line break inside a sentence
in the source (an editor's wrap) must not become a space: ``CjkLineBreaks``
joins two lines without one when the first ends and the next begins with a
CJK character or punctuation. Code is left alone. ``sane_lists`` keeps a
``1.`` list and a following ``-`` list apart, the same everywhere.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

_CJK = ("\u2e80-\u2eff\u2f00-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff"
        "\u3200-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f")
_JOIN = re.compile(f"(?<=[{_CJK}])[ \\t]*\\n[ \\t]*(?=[{_CJK}])")
_ENDS_CJK = re.compile(f"[{_CJK}]$")
_STARTS = re.compile(f"^[ \\t]*\\n[ \\t]*(?=[{_CJK}])")
_SKIP = {"code", "pre", "script", "style"}


def join_cjk_lines(text: str) -> str:
    """``中文\\n句子`` -> ``中文句子``; other line breaks stay (they render as spaces)."""
    return _JOIN.sub("", text)


_WRAPPED = re.compile(f"(?<=[{_CJK}])(?<![。；！？：;:!?])[ \\t]*\\n[ \\t]*(?=[{_CJK}])")


def join_wrapped_lines(text: str) -> str:
    """Plain multi-line text (a YAML ``|`` block): join lines wrapped inside a sentence.

    A line that ends a sentence or a clause (。；！？：) keeps its break: in such
    text a break after one is meant (one law per line, one condition per line).
    """
    return _WRAPPED.sub("", text)


class _Joiner(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in _SKIP:
            return
        if element.text:
            element.text = join_cjk_lines(element.text)
        for child in element:
            self._walk(child)
            if child.tail:
                child.tail = join_cjk_lines(child.tail)
                inner = "".join(child.itertext())
                if _ENDS_CJK.search(inner):  # 中文**强调**\n中文
                    child.tail = _STARTS.sub("", child.tail)


class CjkLineBreaks(Extension):
    """Join source lines inside Chinese sentences without a space."""

    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(_Joiner(md), "gongkai_cjk_lines", 5)  # after inline patterns


# Numbers a reader can call: area code + number, mobiles, 400/800 lines, the 123xx hotlines.
PHONE_IN_TEXT = re.compile(r"(?<![\d-])(?:\(?0\d{2,3}\)?-?\d{7,8}(?:-\d{1,5})?|1[3-9]\d{9}"
                           r"|[48]00-?\d{3}-?\d{4}|123(?:45|15|66|88|69))(?![\d-])")


class _Phones(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        self._walk(root)

    def _links(self, text: str) -> tuple[str, list[etree.Element]]:
        """``text`` up to the first number, and a link per number (its tail the text after it)."""
        parts = PHONE_IN_TEXT.split(text)
        numbers = PHONE_IN_TEXT.findall(text)
        links = []
        for number, after in zip(numbers, parts[1:]):
            link = etree.Element("a", {"class": "gk-tel", "href": "tel:" + re.sub(r"\D", "", number)})
            link.text, link.tail = number, after
            links.append(link)
        return parts[0], links

    def _walk(self, element: etree.Element) -> None:
        if element.tag in _SKIP or element.tag == "a":
            return
        for child in list(element):
            self._walk(child)
            if child.tail and PHONE_IN_TEXT.search(child.tail):
                child.tail, links = self._links(child.tail)
                at = list(element).index(child) + 1
                for i, link in enumerate(links):
                    element.insert(at + i, link)
        if element.text and PHONE_IN_TEXT.search(element.text):
            element.text, links = self._links(element.text)
            for i, link in enumerate(links):
                element.insert(i, link)


class PhoneLinks(Extension):
    """Phone numbers in the text become tap-to-call links (the site; boards print them plain)."""

    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(_Phones(md), "gongkai_phone_links", 4)


def makeExtension(**kwargs) -> CjkLineBreaks:  # noqa: N802 (Python-Markdown's entry point name)
    return CjkLineBreaks(**kwargs)


def extensions() -> list:
    """The extensions boards and booklets render item bodies with (mkdocs.yml lists the same)."""
    return ["tables", "sane_lists", CjkLineBreaks()]
