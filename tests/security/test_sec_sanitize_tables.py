"""The Unicode tables written out in sanitize.py agree with the running Python's unicodedata."""

from __future__ import annotations

import sys
import unicodedata

from briefing_tui.sanitize import FORMAT_RANGES, MARK_RANGES, NONCHAR_RANGES

TABLE_VERSION = "14.0.0"


def _expand(spec: str) -> set[int]:
    out: set[int] = set()
    for item in spec.split():
        lo, _, hi = item.partition("-")
        out.update(range(int(lo, 16), int(hi or lo, 16) + 1))
    return out


def _category(prefixes: tuple[str, ...]) -> set[int]:
    return {
        cp for cp in range(sys.maxunicode + 1) if unicodedata.category(chr(cp)).startswith(prefixes)
    }


def test_mark_table_matches_unicodedata():
    table, actual = _expand(MARK_RANGES), _category(("M",))
    if unicodedata.unidata_version == TABLE_VERSION:
        assert table == actual
    else:  # newer Unicode only adds marks; the new ones are simply not capped
        assert table <= actual


def test_every_format_character_is_in_the_drop_table():
    assert _category(("Cf",)) <= _expand(FORMAT_RANGES)


def test_noncharacter_table_is_exactly_the_66_noncharacters():
    expected = set(range(0xFDD0, 0xFDF0)) | {
        p * 0x10000 + n for p in range(17) for n in (0xFFFE, 0xFFFF)
    }
    assert _expand(NONCHAR_RANGES) == expected and len(expected) == 66
