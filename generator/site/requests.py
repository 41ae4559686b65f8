"""How the public asks for what is not published (依申请公开) and gives feedback (意见箱).

From ``site.yml`` for the home page; an office page shows its ``office.yml``
values, anything it leaves out taken from ``site.yml``. The 20-working-day
reply rule (政府信息公开条例 第三十三条) is always stated.
"""

from __future__ import annotations

from html import escape

from ..model import Item, Office, Site
from ..workdays import REPLY_WORKING_DAYS
from .html import facts, md_text
from ..labels import label


def _merged(own: dict, fallback: dict) -> dict:
    return {key: own.get(key) or fallback.get(key) for key in {*own, *fallback}}


def access_blocks(language: str, site: Site, office: Office | None = None) -> list[str]:
    """The 依申请公开 and 意见建议 sections; the request rule even when nothing is configured."""
    requests = _merged(office.requests, site.requests) if office else dict(site.requests)
    feedback = _merged(office.feedback, site.feedback) if office else dict(site.feedback)
    supervision = (office.supervision_phone if office else "") or site.supervision_phone
    lang = language
    out = [f"## {md_text(label(lang, 'requests_title'))}",
           f'<p class="gk-rule">{escape(label(lang, "requests_rule", days=REPLY_WORKING_DAYS))}</p>',
           facts([(label(lang, "requests_where"), requests.get("where") or ""),
                  (label(lang, "requests_how"), requests.get("how") or ""),
                  (label(lang, "requests_phone"), requests.get("phone") or ""),
                  (label(lang, "email"), requests.get("email") or "")])]
    out += [f"## {md_text(label(lang, 'feedback_title'))}",
            facts([(label(lang, "feedback_box"), feedback.get("box") or ""),
                   (label(lang, "feedback_how"), feedback.get("how") or ""),
                   (label(lang, "feedback_phone"), feedback.get("phone") or ""),
                   (label(lang, "email"), feedback.get("email") or ""),
                   (label(lang, "supervision_phone"), supervision or "")])]
    return [block for block in out if block]


def reply_blocks(language: str, item: Item) -> tuple[list[tuple[str, str]], list[str]]:
    """A reply's facts (where it came from, dates) and its question and answer sections."""
    f, lang = item.fields, language
    about = [(label(lang, "reply_channel"), label(lang, f"reply_{f.get('channel') or 'feedback'}")),
             (label(lang, "reply_received"), f["received"].isoformat() if f.get("received") else ""),
             (label(lang, "reply_answered"), f["answered"].isoformat() if f.get("answered") else "")]
    sections = []
    for key in ("question", "answer"):
        if (f.get(key) or "").strip():
            paragraphs = "".join(f"<p>{escape(line.strip())}</p>" for line in f[key].splitlines() if line.strip())
            sections.append(f'<section class="gk-reply-{key}"><h2>{escape(label(lang, "reply_" + key))}</h2>'
                            f"{paragraphs}</section>")
    return about, sections
