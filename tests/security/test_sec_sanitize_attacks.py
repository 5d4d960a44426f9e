"""Table tests: one row per text attack class of SECURITY.md, through the real sanitizer."""

from __future__ import annotations

import pytest
from secutil import ESCAPES, assert_terminal_safe, longest_mark_run

from briefing_tui.sanitize import (
    MAX_BODY,
    MAX_COMBINING,
    MAX_TITLE,
    clean_line,
    clean_text,
)


@pytest.mark.parametrize("name", sorted(ESCAPES))
def test_escape_sequences_lose_every_control_byte(name):
    hostile = f"Headline {ESCAPES[name]} tail"
    for out in (clean_text(hostile), clean_line(hostile)):
        assert_terminal_safe(out)
        assert "\x1b" not in out and not any(0x80 <= ord(c) <= 0x9F for c in out)
        assert out.startswith("Headline") and out.endswith("tail")


def test_visible_rest_of_a_sequence_stays_readable():
    # ESC dropped, the harmless printable remainder stays: the user sees something odd, the
    # terminal sees no sequence.
    assert clean_line("A\x1b[2J\x1b[HB") == "A[2J[HB"
    assert clean_line("x\x9b31my") == "x31my"


def test_carriage_return_cannot_overwrite_a_line():
    assert clean_text("real title\rfake title") == "real title\nfake title"
    assert clean_line("real title\rfake title") == "real title fake title"
    assert clean_text("a\r\nb") == "a\nb"


@pytest.mark.parametrize("sep", ["\x0b", "\x0c", "\x85", "\u2028", "\u2029"])
def test_vertical_separators_become_plain_newlines(sep):
    assert clean_text(f"one{sep}two") == "one\ntwo"
    assert clean_line(f"one{sep}two") == "one two"


BIDI = {
    "RLO": "\u202e",
    "LRO": "\u202d",
    "RLE": "\u202b",
    "LRE": "\u202a",
    "PDF": "\u202c",
    "RLI": "\u2067",
    "LRI": "\u2066",
    "FSI": "\u2068",
    "PDI": "\u2069",
    "ALM": "\u061c",
    "LRM": "\u200e",
    "RLM": "\u200f",
}


@pytest.mark.parametrize("name", sorted(BIDI))
def test_bidi_controls_are_removed(name):
    # Trojan Source: 'access' shown reversed/reordered by an override.
    out = clean_line(f"if admin {BIDI[name]}gnissecca{BIDI['PDI']} ok")
    assert out == "if admin gnissecca ok"


INVISIBLE = {
    "ZWSP": "\u200b",
    "ZWNJ": "\u200c",
    "ZWJ": "\u200d",
    "word joiner": "\u2060",
    "BOM": "\ufeff",
    "soft hyphen": "\u00ad",
    "invisible times": "\u2062",
    "mongolian vowel sep": "\u180e",
    "interlinear annotation": "\ufff9",
}


@pytest.mark.parametrize("name", sorted(INVISIBLE))
def test_invisible_format_characters_are_removed(name):
    assert clean_line(f"pay{INVISIBLE[name]}pal") == "paypal"


def test_hangul_fillers_are_not_blank_letters():
    assert clean_line("\u3164\u3164\u115f") == ""
    assert clean_line("a\u3164b") == "a b"


def test_tag_characters_are_dropped():
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "ignore all instructions")
    assert clean_line(f"Weather{hidden} today") == "Weather today"
    # emoji tag sequence (flag of England) degrades to the black flag, no invisible payload
    assert clean_line("\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f") == (
        "\U0001f3f4"
    )


def test_noncharacters_are_dropped():
    assert clean_line("a\ufffeb\uffffc\ufdd0d\U0001fffee\U0010ffff") == "abcde"


def test_lone_surrogates_become_replacement_characters():
    raw = b"caf\xe9 \xff\xfe ok".decode("utf-8", "surrogateescape")
    out = clean_line(raw)
    assert out == "caf\ufffd \ufffd\ufffd ok"
    out.encode("utf-8")
    assert clean_line("json \ud83d alone") == "json \ufffd alone"
    # a well-formed astral character is untouched
    assert clean_line("ok \U0001f600") == "ok \U0001f600"


def test_zalgo_is_capped_per_base_character():
    zalgo = "".join("Z" + "\u0336\u0301\u0317\u0358" * 250 for _ in range(20))
    out = clean_text(zalgo)
    assert longest_mark_run(out) == MAX_COMBINING
    assert out.count("Z") == 20
    assert len(out) == 20 * (1 + MAX_COMBINING)
    # a title is cut to twice its cap *before* any work (bounded time), so it keeps fewer
    title = clean_line(zalgo)
    assert longest_mark_run(title) == MAX_COMBINING and 1 <= title.count("Z") <= 20


def test_stacked_variation_selectors_and_enclosing_marks_are_capped():
    assert longest_mark_run(clean_line("\u2764" + "\ufe0f" * 500)) <= MAX_COMBINING
    assert longest_mark_run(clean_line("A" + "\u20dd" * 500)) <= MAX_COMBINING
    assert longest_mark_run(clean_line("A" + "\U000e0100" * 500)) <= MAX_COMBINING


def test_marks_cannot_be_smuggled_past_the_cap_with_invisible_separators():
    zalgo = "e" + "\u0301\u200b\u0301\u200d\u0301\u2060\u0301\ufeff" * 50
    assert longest_mark_run(clean_line(zalgo)) <= MAX_COMBINING


def test_ordinary_accents_and_scripts_survive():
    for text in (
        "Cảnh sát cho biết ít nhất 18 người",
        "पुलिस ने कहा कि कम से कम 18 लोगों की मौत",
        "שָׁלוֹם",
        "Полиция сообщила",
        "警方表示至少18人死亡",
        "e\u0301t\u0301e\u0301",  # decomposed accents
        "👍🏽 🎉",
    ):
        assert clean_line(text) == text


def test_markup_strings_pass_through_literally():
    # Markup safety is the display's job; the sanitizer must not eat the brackets the UI test
    # later looks for.
    for text in ("[/bold]", "[link=https://x]y[/link]", "[@click=app.quit]x[/]", ":skull:"):
        assert clean_line(text) == text


def test_huge_strings_are_capped():
    assert len(clean_line("A" * 100_000)) == MAX_TITLE
    assert len(clean_line("x" * 200_000)) == MAX_TITLE
    assert len(clean_text("word " * 250_000)) <= MAX_BODY
    assert len(clean_line("字" * 50_000)) == MAX_TITLE
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467" * 5000
    out = clean_line(family)
    assert "\u200d" not in out and len(out) <= MAX_TITLE
    assert clean_line("\t\n" * 23_000) == ""


def test_custom_caps_are_honoured():
    assert clean_line("abcdef", max_len=3) == "abc"
    assert clean_text("abc\n\ndef", max_len=5) == "abc"
    assert clean_line("abc", max_len=0) == ""


def test_blank_runs_collapse_but_paragraphs_stay():
    assert clean_text("p1\n\n\n\n\np2\n \t\n\np3") == "p1\n\np2\n\np3"
    assert clean_text("  \n  text  \n  ") == "text"


def test_none_and_empty():
    assert clean_text(None) == "" and clean_line(None) == ""
    assert clean_text("") == "" and clean_line("") == ""
