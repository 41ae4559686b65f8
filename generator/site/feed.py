"""The Atom feed of newly published items (``feed.xml``)."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from .. import urls
from .indexes import FEED_PATH, latest_items
from ..labels import label, type_name
from .outputs import Context, Download

FEED_SIZE = 50


def feed(ctx: Context) -> Download:
    site, lang = ctx.project.site, ctx.language
    base = site.url.rstrip("/") + "/"
    items = latest_items(ctx, FEED_SIZE)
    dates = [i.published or i.review.approved_on for i in items]
    updated = f"{max(dates, default=ctx.on).isoformat()}T00:00:00Z"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(lang)}>',
        f"<title>{escape(label(lang, 'feed_title', site=site.title))}</title>",
        f"<id>{escape(base)}</id>",
        f"<link rel=\"self\" href={quoteattr(base + FEED_PATH)}/>",
        f"<link href={quoteattr(base)}/>",
        f"<updated>{updated}</updated>",
        f"<author><name>{escape(site.title)}</name></author>",
    ]
    for item, day in zip(items, dates):
        office = ctx.project.offices[item.office_id]
        url = urls.item_url(site.url, item)
        summary = " · ".join(x for x in (office.name, type_name(lang, item.type), item.summary_on(ctx.on)) if x)
        lines += [
            "<entry>",
            f"<title>{escape(item.title)}</title>",
            f"<id>{escape(url)}</id>",
            f"<link href={quoteattr(url)}/>",
            f"<updated>{day.isoformat()}T00:00:00Z</updated>",
            f"<summary>{escape(summary)}</summary>",
            "</entry>",
        ]
    lines.append("</feed>")
    return Download(FEED_PATH, ("\n".join(lines) + "\n").encode("utf-8"))
