"""Sentence offsets from sentencex's ``segment`` strings are the ones its
``get_sentence_boundaries`` reports (facts/sentences.py uses the cheaper call), and the
sentences split_sentences makes from them (trimmed with the strings' own ``strip``) are the
ones it makes from the reported boundaries.

Checked on every gold text and bundled sample article and on random text full of the things
that move offsets: paragraph breaks of every kind, carriage returns, astral characters,
combining marks, abbreviations and quotes."""

from __future__ import annotations

from itertools import accumulate

from corpus_texts import every_text
from hypothesis import given, settings
from hypothesis import strategies as st
from sentencex import get_sentence_boundaries

from briefing_tui.facts import sentences as S
from briefing_tui.facts.figures import Figures
from briefing_tui.facts.sentences import split_sentences

PIECES = [
    "Dr.", "Mr. Smith", "U.S.", "e.g.", "12.5", "said.", "What?", "No!", '"Stop."', "(see p. 4.)",
    "\n", "\n\n", "\r\n", "\n\r\n", "\r\r\n\n", "\n \n", "\u2028", "\u0085", "😀", "é", "e\u0301",
    "İ", "日本語。", "…", " ", "  ", "\t", "12 people were killed", "word", "A", "1.", "-",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join) | st.text(max_size=200)


def _reported(text: str) -> list[tuple[int, int]]:
    return [
        (b["start_index"], b["end_index"])
        for b in get_sentence_boundaries("en", text)
        if b["end_index"] > b["start_index"]
    ]


def segment_bounds(text: str) -> list[tuple[int, int]]:
    """The offsets split_sentences gives sentencex's segments: running lengths."""
    parts = S._segments(text)
    assert parts is not None, text  # the strings put end to end are the text
    ends = list(accumulate(map(len, parts)))
    return list(zip([0, *ends], ends, strict=False))


def _non_empty(bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(s, e) for s, e in bounds if e > s]


def test_segment_offsets_are_the_reported_boundaries_on_every_test_text():
    corpus = every_text(())
    assert len(corpus) > 300
    for text in corpus:
        assert _non_empty(segment_bounds(text)) == _reported(text), text[:80]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_segment_offsets_are_the_reported_boundaries_on_random_text(text):
    assert _non_empty(segment_bounds(text)) == _reported(text)


def _keeps(text: str):
    """No filter, the extractor's figure filter, and an arbitrary one."""
    return [None, Figures(text).within, lambda start, end: (start * 7 + end) % 3 != 0]


def _from_boundaries(text, keep):  # noqa: ANN001, ANN202
    return S._split_bounds(text, S._boundaries(text), keep)


LONG = [  # cut into windows: at a space, or anywhere when there is none
    "a" * 2500, "word " * 700 + "12 people were killed.", "Start. " + "y" * 4100 + "\n z 12",
    " \u00a0" + "b" * 2001 + " ", "x\n" + "w " * 1500,
]  # fmt: skip


def test_sentences_from_segments_are_those_from_boundaries_on_every_test_text():
    for text in every_text(()) + LONG:
        for keep in _keeps(text):
            assert split_sentences(text, keep) == _from_boundaries(text, keep), text[:80]


@settings(max_examples=300, deadline=None)
@given(texts | st.text(alphabet="ab. \n\r\t\u00a0", max_size=2500))
def test_sentences_from_segments_are_those_from_boundaries_on_random_text(text):
    for keep in _keeps(text):
        assert split_sentences(text, keep) == _from_boundaries(text, keep)


def test_sentences_are_trimmed_slices_split_at_line_breaks():
    text = "First one.  Second one?\nA headline\n\nThird, after a break. "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "First one.",
        "Second one?",
        "A headline",
        "Third, after a break.",
    ]
