"""An item appears only from its ``published`` date: on the site and on the boards."""

from __future__ import annotations

import datetime as dt

from checkfixtures import TODAY, write_project
from generator.boards.edition import printable
from generator.content import load_project
from generator.site import generate


def test_item_is_not_published_before_its_date(tmp_path):
    project, report = load_project(write_project(tmp_path), TODAY)
    assert not report.has_errors()
    item = project.offices["test-town"].find("quarter/low-income")
    assert item.published == dt.date(2026, 11, 18)

    def uris(on):
        output = generate(project, on)
        return {page.src_uri for page in output.pages}, b"".join(
            d.content if isinstance(d.content, bytes) else d.content.encode() for d in output.downloads)

    before, downloads_before = uris(dt.date(2026, 11, 17))
    after, downloads_after = uris(dt.date(2026, 11, 18))
    assert not any("low-income" in uri for uri in before)
    assert any("low-income" in uri for uri in after)
    assert "李四".encode() not in downloads_before and "李四".encode() in downloads_after
    assert not printable(item, dt.date(2026, 11, 17))
    assert printable(item, dt.date(2026, 11, 18))
