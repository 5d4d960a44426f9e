"""parse_feed: hand-written RSS/Atom fixtures with their expected dataclasses, hostile XML."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing_tui.errors import FeedError
from briefing_tui.feeds.parse import NotAFeed, parse_feed, strip_doctype
from briefing_tui.models import ParsedEntry

DATA = Path(__file__).parent / "data"
HEADERS = {"content-type": "application/xml"}


def parse(name: str, url: str = "https://gazette.example/feed.xml"):
    return parse_feed((DATA / name).read_bytes(), HEADERS, url)


def test_rss_fixture_becomes_expected_dataclasses():
    feed = parse("full.rss")
    assert (feed.title, feed.site_url) == ("Harbour & Hill Gazette", "https://gazette.example/")
    first, second, third = feed.entries
    march_4 = datetime(2025, 3, 4, 8, 30, tzinfo=UTC)
    assert first == ParsedEntry(
        guid="gazette-1001",
        link="https://gazette.example/news/ferry-strike",
        title="Ferry strike enters third day",
        author="Mira Okafor",
        published=march_4,
        updated=march_4,
        body=(
            "Crews walked off at dawn.\n\n"
            "See the timetable <https://gazette.example/timetable> for details.\n\n"
            "- Route A cancelled\n- Route B delayed"
        ),
    )
    # relative link resolved against the feed; year-0 date -> None; escaped script dropped
    assert second == ParsedEntry(
        guid="",
        link="https://gazette.example/relative/library",
        title="Library reopens",
        body="Doors open at nine.",
    )
    # javascript: link refused, ESC from &#27; removed, year-10000 date -> None
    assert (third.link, third.title, third.published) == ("", "Bad link [2J", None)
    assert "\x1b" not in third.title
    assert feed.warning and feed.warning.startswith("malformed feed")


def test_atom_fixture_becomes_expected_dataclasses():
    feed = parse("full.atom")
    assert (feed.title, feed.site_url, feed.warning) == ("Wire Desk", "https://wire.example/", None)
    storm, plain, base_attack = feed.entries
    eleven = datetime(2025, 3, 5, 11, 0, tzinfo=UTC)
    assert storm == ParsedEntry(
        guid="urn:uuid:entry-1",
        link="https://wire.example/2025/storm",
        title="Storm closes the coast road",
        author="J. Tanaka",
        published=eleven,
        updated=eleven,
        body="Winds reached 120 km/h.\n\n> Stay home.\n\nMap <https://wire.example/2025/map>",
    )
    assert plain == ParsedEntry(
        guid="urn:uuid:entry-2",
        link="https://wire.example/plain",
        title="Plain text entry",
        published=datetime(2025, 3, 4, 6, 0, tzinfo=UTC),
        updated=datetime(2025, 3, 4, 7, 0, tzinfo=UTC),
        body="Line one <not a tag>\nLine two",
    )
    # xml:base="file:///etc/" must not produce a file: link
    assert base_attack.link == ""


def rss_doc(items: str, doctype: str = "") -> bytes:
    return (
        f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><title>T</title>'
        f"{items}</channel></rss>"
    ).encode()


def test_quadratic_entity_blowup_is_stripped_fast():
    big = "x" * 20_000
    doc = rss_doc(
        "<item><title>a</title><description>" + "&big;" * 2000 + "</description></item>",
        f'\n<!DOCTYPE rss [\n<!ENTITY big "{big}">\n]>\n',  # feedparser alone: 40 MB summary
    )
    tricky = doc.replace(b"[\n", b'[\n<!ENTITY q "]>">\n<!ENTITY z "a>b">\n')
    for variant in (doc, tricky):
        started = time.monotonic()
        feed = parse_feed(variant, {}, "https://x.example/")
        assert time.monotonic() - started < 5.0
        assert all(len(e.body) < 20_000 for e in feed.entries)  # never expanded


def test_billion_laughs_and_external_entities_stay_inert(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    laughs = "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i else "lol"}">' for i in range(10)
    )
    for doctype in (
        f"<!DOCTYPE rss [{laughs}]>",
        f'<!DOCTYPE rss [<!ENTITY s SYSTEM "file://{secret}">]>',
        f'<!DOCTYPE rss SYSTEM "file://{secret}">',
        '<!DOCTYPE rss [<!ENTITY % ext SYSTEM "http://127.0.0.1:9/x.dtd"> %ext;]>',
    ):
        doc = rss_doc("<item><title>&lol9; &s; ok</title></item>", doctype)
        feed = parse_feed(doc, {}, "https://x.example/")
        assert "TOP-SECRET" not in repr(feed) and "lollol" not in repr(feed)


def test_stray_entity_declarations_are_stripped_and_quoted_ones_kept():
    assert strip_doctype(b'<?xml version="1.0"?><!ENTITY x "y"><rss/>') == (
        b'<?xml version="1.0"?><rss/>'
    )
    quoted = rss_doc(
        "<item><title>XML 101</title><description><![CDATA[<pre>&lt;!DOCTYPE x&gt;</pre>"
        '<!DOCTYPE html> <!ENTITY e "v">]]></description></item>'
    )
    assert strip_doctype(quoted) == quoted
    assert parse_feed(quoted, {}, "https://x.example/").entries[0].title == "XML 101"


def test_utf16_document_with_doctype_is_transcoded_and_stripped():
    doc = '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE rss [<!ENTITY e "boom">]>'
    doc += '<rss version="2.0"><channel><title>Wide</title><item><title>é</title></item>'
    doc += "</channel></rss>"
    feed = parse_feed(doc.encode("utf-16"), {}, "https://x.example/")
    assert feed.title == "Wide" and feed.entries[0].title == "é"


def test_body_that_is_a_local_path_is_not_opened(tmp_path):
    secret = tmp_path / "feed.xml"
    secret.write_bytes(rss_doc("<item><title>from disk</title></item>"))
    with pytest.raises(NotAFeed):
        parse_feed(str(secret).encode(), {}, "https://x.example/")


def test_html_page_is_reported_as_such():
    with pytest.raises(NotAFeed) as info:
        parse_feed(
            b"<!DOCTYPE html><html><head><title>Hi</title></head><body>x</body></html>",
            {"content-type": "text/html"},
            "https://x.example/",
        )
    assert info.value.looks_like_html
    with pytest.raises(NotAFeed, match="empty"):
        parse_feed(b"  \n", {}, "https://x.example/")


def test_size_cap_before_parsing():
    with pytest.raises(FeedError, match="larger"):
        parse_feed(b" " * 2000, {}, "https://x.example/", max_bytes=1000)


def test_deep_nesting_does_not_raise_recursion_error():
    nested = "<div>" * 50_000 + "x" + "</div>" * 50_000
    item = f"<item><title>deep</title><description><![CDATA[{nested}]]></description></item>"
    doc = rss_doc(item)
    feed = parse_feed(doc, {}, "https://x.example/")
    assert feed.entries[0].title == "deep"
    xml_nested = rss_doc("<item><title>t</title>" + "<x>" * 5_000 + "</x>" * 5_000 + "</item>")
    assert parse_feed(xml_nested, {}, "https://x.example/").entries


@pytest.mark.parametrize(
    "date",
    [
        "0000-00-00T00:00:00Z",
        "9999-12-31T23:59:60Z",
        "25:61:61 +9999",
        "1e309",
        "-1",
        "now",
        "30 Feb 2024",
        "٢٠٢٤-٠١-٠١",
        "9" * 5000,
        "",
    ],
)
def test_bad_dates_never_crash(date):
    doc = rss_doc(f"<item><title>d</title><pubDate>{date}</pubDate></item>")
    entry = parse_feed(doc, {}, "https://x.example/").entries[0]
    assert entry.published is None or entry.published.tzinfo is not None


def test_control_characters_and_hostile_links_are_cleaned():
    doc = (
        '<rss version="2.0"><channel><title>\x1b]52;c;Y3VybA==\x07Evil\x9b2J</title>'
        "<item><title>A\x1b[2J&#27;[31m\u202etxt</title><author>\x1b]0;pwn\x07Bob</author>"
        "<link>  JaVaScRiPt:alert(1)</link><guid>g\x00uid</guid>"
        "<description>&lt;p&gt;x &amp;amp;#27; &amp;#x1b; y&lt;/p&gt;"
        "&lt;a href='data:text/html,x'&gt;d&lt;/a&gt;</description></item></channel></rss>"
    ).encode()
    feed = parse_feed(doc, {}, "https://x.example/")
    entry = feed.entries[0]
    for text in (feed.title, entry.title, entry.author, entry.body, entry.guid):
        assert not any(ord(c) < 32 and c not in "\n\t" or 0x7F <= ord(c) <= 0x9F for c in text)
        assert "\u202e" not in text
    assert entry.link == "" and "data:" not in entry.body
    assert "&#27;" in entry.body  # double-escaped reference stays visible text, not ESC


def test_ten_thousand_items_and_huge_title():
    items = "".join(f"<item><guid>g{i}</guid><title>t{i}</title></item>" for i in range(10_000))
    feed = parse_feed(rss_doc(items), {}, "https://x.example/")
    assert len(feed.entries) == 10_000
    huge = parse_feed(rss_doc(f"<item><title>{'T' * 1_000_000}</title></item>"), {}, "https://x/")
    assert len(huge.entries[0].title) <= 1_000


def test_invalid_utf8_and_lying_charset_parse():
    doc = rss_doc("<item><title>caf\xe9 \x80\xbf</title></item>").replace(b"\xc3\xa9", b"\xe9")
    feed = parse_feed(doc, {"content-type": "text/xml; charset=utf-8"}, "https://x.example/")
    assert feed.entries and feed.entries[0].title.startswith("caf")
    latin = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
    latin += "<item><title>Gr\xfc\xdfe</title></item></channel></rss>"
    assert parse_feed(latin.encode("latin-1"), {}, "https://x.example/").entries


@pytest.mark.parametrize(
    ("codec", "headers"),
    [
        ("cp037", {"content-type": "application/xml"}),
        ("cp500", {"content-type": "application/xml; charset=cp500"}),
        ("utf-16-le", {"content-type": "application/xml; charset=utf-16le"}),
        ("utf-32-be", {"content-type": "text/xml; charset=utf-32be"}),
        ("utf-7", {"content-type": "application/xml"}),
    ],
)
def test_entity_blowup_is_stripped_in_non_ascii_compatible_encodings(codec, headers):
    big = "A" * 20_000
    doc = (
        f"<?xml version='1.0' encoding='{codec.replace('-', '')}'?>\n"
        f'<!DOCTYPE rss [\n<!ENTITY big "{big}">\n]>\n'
        '<rss version="2.0"><channel><title>T</title><item><title>a</title><description>'
        + "&big;" * 2000
        + "</description></item></channel></rss>"
    )
    feed = parse_feed(doc.encode(codec), headers, "https://x.example/")
    assert feed.entries and len(feed.entries[0].body) < 20_000


@pytest.mark.parametrize(
    "decoy",
    ["<!-- <rss> -->\n", "<?pi <rss?>\n", "< \n", "<1>\n", '<?xml version="1.0"?>\n<!-- <a -->\n'],
)
def test_doctype_behind_a_prolog_decoy_is_still_stripped(decoy):
    head = f'<!DOCTYPE rss [\n<!ENTITY big "{"A" * 20_000}">\n]>\n'
    doc = (decoy + head).encode() + rss_doc(
        "<item><title>a</title><description>" + "&big;" * 500 + "</description></item>"
    ).replace(b'<?xml version="1.0"?>', b"")
    assert b"<!DOCTYPE" not in strip_doctype(doc)
    try:
        feed = parse_feed(doc, {}, "https://x.example/")
    except FeedError:
        return
    assert all("A" * 1_000 not in e.body for e in feed.entries)
