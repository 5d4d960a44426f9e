"""The extractor's figure prefilter (facts/figures.py) never changes a result.

It skips sentences holding no digit and no number word at the start of a word.  These tests
check the invariant it rests on: every figure NUMBER_RE can find in a slice of a text (as the
extractor slices it: from a span's start or after whitespace, ending anywhere) lies in a span
the filter keeps, and that extraction with the filter equals extraction without it on every
gold text, every bundled sample article and random text."""

from __future__ import annotations

import importlib

import pytest
from corpus_texts import every_text
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.facts import extract_facts, numbers
from briefing_tui.facts.sentences import MAX_SENTENCE

F = importlib.import_module("briefing_tui.facts.figures")
X = importlib.import_module("briefing_tui.facts.extract")
PHRASES = (
    "Tens of thousands fled.", "HUNDREDS of thousands", "Scores were hurt.", "a Dozen men",
    "Half a million people", "half a dozen", "A hundred soldiers", "Twenty-one dead",
    "one hundred and twelve", "Seventeen arrested", "1.2m displaced", "4,000-strong force",
    "١٢ people were killed", "Millions fled", "Nineteen missing", "eleven of them",
    "(twelve) were hurt", '"Seventy" died', "x12 people were killed", "often ten",
)  # fmt: skip


TEXTS = every_text(PHRASES)

# text rich in what the filter is about: figures glued to letters, digits and punctuation,
# figure words inside other words, non-ASCII digits and letters, all kinds of whitespace
PIECES = [
    "12", "1,200", "٣", "twenty", "Seventeen", "seven", "teen", "dozen", "a", "half", "Tens",
    "of", "thousands", "hundred", "often", "one", "some", "x", "_", "é", "İ", "K", "-", ".",
    ",", "(", "$", "£", "€", "/", ":", " ", " ", "\n", "\t", "\u00a0", "\u2028", "people", "killed",
]  # fmt: skip
glued = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def test_the_corpus_has_the_gold_and_sample_texts():
    assert len(TEXTS) > 300


def test_every_figure_is_inside_a_span_the_filter_keeps():
    for text in TEXTS:
        figures = F.Figures(text)
        for m in numbers.NUMBER_RE.finditer(text):
            assert figures.within(m.start(), m.end()), (m.group(), text[:80])


def _slice_starts(text: str, start: int, end: int) -> list[int]:
    """Where the extractor may start a sentence within text[start:end]: at ``start`` (a
    splitter or line boundary) or after whitespace (trimming, a window cut at a space)."""
    return [start] + [p for p in range(start + 1, end) if text[p - 1].isspace()]


@settings(max_examples=300, deadline=None)
@given(glued, st.data())
def test_no_slice_of_a_skipped_span_holds_a_figure(text, data):
    figures = F.Figures(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    if figures.within(start, end):
        return
    for s in _slice_starts(text, start, end):
        for e in range(s, end + 1):
            assert not numbers.NUMBER_RE.search(text[s:e]), (text, start, end, s, e)


def test_long_spans_and_spans_after_a_word_character_are_kept():
    """A window cut or a boundary inside a word may start a sentence with a figure."""
    text = "a" * MAX_SENTENCE + "12 people were killed"
    figures = F.Figures(text)
    assert not figures.within(0, MAX_SENTENCE)
    assert figures.within(0, len(text))  # longer than a window: may be cut before '12'
    assert figures.within(MAX_SENTENCE, len(text))  # after 'a': '12' may start a sentence
    assert extract_facts(text)[0].value == 12


def test_the_glue_characters_are_what_number_re_refuses_before_a_figure():
    assert f"(?<![\\w{F.GLUE}])" in numbers.NUMBER_RE.pattern
    text = "See https://x.example/a/49, $12, 3.5 and v2 (or 7)."
    assert F.Figures(text).starts == [text.index("3.5"), text.index("7")]


def test_figure_words_start_no_other_and_cover_the_number_words():
    words = F.figure_words()
    assert not [(a, b) for a in words for b in words if a != b and b.startswith(a)]
    for word in [*numbers.UNITS, *numbers.TENS, *numbers.SCALES, "dozens", "thousands"]:
        assert any(word.startswith(w) for w in words), word


def test_extraction_is_the_same_without_the_filter(monkeypatch):
    with_filter = [extract_facts(t) for t in TEXTS]
    monkeypatch.setattr(F.Figures, "within", lambda self, start, end: True)
    assert [extract_facts(t) for t in TEXTS] == with_filter
    assert sum(map(len, with_filter)) > 300


@settings(max_examples=200, deadline=None)
@given(glued)
def test_random_extraction_is_the_same_without_the_filter(text):
    with_filter = extract_facts(text)
    kept = F.Figures.within
    try:
        F.Figures.within = lambda self, start, end: True
        assert extract_facts(text) == with_filter
    finally:
        F.Figures.within = kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [("İstanbul: 12 people were killed.", True), ("no figure at all", False), ("", False)],
)
def test_offset_changing_case_and_figureless_texts(text, kept):
    """'İ'.lower() is two characters: offsets would shift, so nothing is filtered."""
    assert F.Figures(text).within(0, len(text)) is kept
    assert (extract_facts(text) != ()) is kept
