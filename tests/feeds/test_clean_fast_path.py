"""clean_text skips its regex passes when a quick scan finds nothing they could change.

That is only sound if the quick class holds every BMP character the passes act on (astral text
always takes the passes): checked here over the whole BMP, plus the end-to-end effect.
"""

from __future__ import annotations

from briefing_tui import sanitize
from briefing_tui.sanitize import clean_text


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
