"""Sentence offsets from sentencex's ``segment`` strings are the ones its
``get_sentence_boundaries`` reports (facts/sentences.py uses the cheaper call).

Checked on every gold text and bundled sample article and on random text full of the things
that move offsets: paragraph breaks of every kind, carriage returns, astral characters,
combining marks, abbreviations and quotes."""

from __future__ import annotations

from corpus_texts import every_text
from hypothesis import given, settings
from hypothesis import strategies as st
from sentencex import get_sentence_boundaries

from briefing_tui.facts.sentences import segment_bounds, split_sentences

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


def test_sentences_are_trimmed_slices_split_at_line_breaks():
    text = "First one.  Second one?\nA headline\n\nThird, after a break. "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "First one.",
        "Second one?",
        "A headline",
        "Third, after a break.",
    ]
