"""RSS/Atom (safe parsing, linked pages only when asked) and WARC."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from read_warc_helpers import build_warc

from diplograph.model import Rejected
from diplograph.read import RawRecord, iter_records
from diplograph.settings import Options

STORY = "Japan and Vietnam agreed on Monday to deepen their security cooperation, officials said."

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Asia desk</title><link>https://example.org/</link>
<item><title>Japan, Vietnam upgrade ties</title><link>https://example.org/a</link>
<guid>https://example.org/a</guid><pubDate>Tue, 28 Nov 2023 08:00:00 GMT</pubDate>
<description>{STORY}</description></item>
<item><title>Second item</title><link>https://example.org/b</link>
<description>&lt;p&gt;{STORY} Again.&lt;/p&gt;</description></item>
<item><title>Empty item</title></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title><id>urn:desk</id><updated>2023-11-28T00:00:00Z</updated>
<entry><title>Atom entry</title><id>urn:entry:1</id><link href="https://example.org/atom1"/>
<updated>2023-11-27T12:00:00Z</updated><content type="html">&lt;p&gt;{STORY}&lt;/p&gt;</content></entry>
</feed>"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0"><channel><title>x</title><item><title>&lol4;</title><description>&lol4;</description></item></channel></rss>"""


def test_rss_items_become_records(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(RSS, encoding="utf-8")
    first, second, third = iter_records([str(path)], Options())
    assert isinstance(first, RawRecord)
    assert (first.title, first.url, first.published, first.text) == (
        "Japan, Vietnam upgrade ties", "https://example.org/a", dt.date(2023, 11, 28), STORY)
    assert first.input == f"{path}#item 1"
    assert isinstance(second, RawRecord) and second.html is not None and "Again." in second.html
    assert isinstance(third, Rejected) and third.reason == "no-text"


def test_atom_entry(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    path.write_text(ATOM, encoding="utf-8")
    (entry,) = iter_records([str(path)], Options())
    assert isinstance(entry, RawRecord)
    assert entry.record_id == "urn:entry:1" and entry.published == dt.date(2023, 11, 27)
    assert entry.html is not None and STORY in entry.html


def test_rss_entity_expansion_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.rss"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    ok = tmp_path / "ok.rss"
    ok.write_text(RSS, encoding="utf-8")
    items = list(iter_records([str(path), str(ok)], Options()))
    assert isinstance(items[0], Rejected) and items[0].reason == "unsafe-xml"
    assert sum(isinstance(i, RawRecord) for i in items[1:]) == 2  # the batch goes on


def test_feed_links_followed_only_when_asked(tmp_path: Path, local_server: str, pages: dict) -> None:
    pages["/story"] = (200, "text/html; charset=utf-8",
                       f"<html><body><article><p>{STORY} Full page.</p></article></body></html>".encode(), {})
    feed = RSS.replace("https://example.org/a", f"{local_server}/story").replace(
        "https://example.org/b", f"{local_server}/missing")
    path = tmp_path / "feed.rss"
    path.write_text(feed, encoding="utf-8")
    plain = next(iter(iter_records([str(path)], Options())))
    assert isinstance(plain, RawRecord) and plain.html is None and plain.text == STORY
    followed = list(iter_records([str(path)], Options(follow_feed_links=True, allow_private=True)))
    assert isinstance(followed[0], RawRecord) and followed[0].html is not None and "Full page." in followed[0].html
    # the second item's page is missing (HTTP 404): rejected, and the batch goes on
    assert isinstance(followed[1], Rejected) and followed[1].reason == "fetch-failed"
    refused = next(iter(iter_records([str(path)], Options(follow_feed_links=True))))
    assert isinstance(refused, Rejected) and refused.reason == "private-address"


def test_warc_html_responses_only(tmp_path: Path) -> None:
    responses = [
        ("https://example.org/a", f"<html><body><p>{STORY}</p></body></html>".encode(), "text/html; charset=utf-8"),
        ("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        ("https://example.org/b", "<html><body><p>Café accord signed.</p></body></html>".encode("cp1252"),
         "text/html; charset=windows-1252"),
    ]
    for compress in (False, True):
        path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
        path.write_bytes(build_warc(responses, compress=compress))
        records = list(iter_records([str(path)], Options()))
        assert [r.url for r in records if isinstance(r, RawRecord)] == ["https://example.org/a", "https://example.org/b"]
        assert all(isinstance(r, RawRecord) for r in records)
        assert "Café" in (records[1].html or "")


def test_warc_without_html_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "images.warc"
    path.write_bytes(build_warc([("https://example.org/x.png", b"\x89PNG", "image/png")]))
    (rejected,) = iter_records([str(path)], Options())
    assert isinstance(rejected, Rejected) and rejected.reason == "no-html"
