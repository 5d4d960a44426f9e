"""Fast paths that must not change output.

clean_text skips its regex passes when a quick scan finds nothing they could change: sound only
if the quick class holds every BMP character the passes act on (astral text always takes the
passes), checked here over the whole BMP.  htmltext skips urljoin for absolute links that
urljoin would return unchanged: the links it must not skip are checked against urljoin itself.
"""

from __future__ import annotations

from urllib.parse import urljoin

from briefing_tui import sanitize
from briefing_tui.htmltext import html_to_text
from briefing_tui.sanitize import ascii_url, clean_text


def test_quick_check_covers_every_bmp_character_the_passes_change() -> None:
    quick = sanitize._marks()[2]
    mark_run = sanitize._marks()[1]
    missed = [
        hex(c)
        for c in range(0x10000)
        if (sanitize._SPECIAL.match(chr(c)) or mark_run.match(chr(c) * 5))
        and not quick.match(chr(c))
    ]
    assert missed == []


def test_ascii_quick_check_matches_the_characters_fix_changes() -> None:
    changed = {c for c in range(128) if chr(c).translate(sanitize._FIX) != chr(c)}
    assert changed == set(sanitize._SPECIAL_ASCII)


def test_fast_and_slow_paths_give_the_same_text() -> None:
    plain = "Caf\u00e9 \u2019quoted\u2019 \u4e2d\u6587\n\n\n\nnext  line"
    assert clean_text(plain) == "Caf\u00e9 \u2019quoted\u2019 \u4e2d\u6587\n\nnext  line"
    assert clean_text("ok\x1b[31m red\r\nx\ry") == "ok[31m red\nx\ny"
    assert clean_text("bidi \u202eevil\u202c e" + "\u0301" * 9) == "bidi evil e" + "\u0301" * 4
    assert clean_text("emoji \U0001f600 tag\U000e0041") == "emoji \U0001f600 tag"
    assert clean_text("filler\u3164here \ud800") == "filler here \ufffd"


def test_links_skipping_urljoin_resolve_as_urljoin_would() -> None:
    base = "https://base.example/dir/page"
    hrefs = [
        "https://e.example/a?q=1#f",  # taken as it is
        "https://e.example/a;p",  # the rest go through urljoin (it rewrites or resolves them)
        "https://e.example/a?",
        "https://e.example/a#",
        "https://e.example/a?#x",
        "https:///x",
        "HTTPS://E.example/b",
        "http://[::1",
    ]
    for href in hrefs:
        try:
            want = ascii_url(urljoin(base, href))
        except ValueError:
            want = None
        shown = html_to_text(f'<a href="{href}">go</a>', base)
        assert shown == (f"go <{want}>" if want else "go"), href
