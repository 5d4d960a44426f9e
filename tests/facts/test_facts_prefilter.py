"""The extractor's figure prefilter (extract._Figures) never changes a result.

It skips sentences holding no digit and no number word; these tests check that every figure
NUMBER_RE finds, in every gold text and every bundled sample article, is inside a span the
filter keeps, and that extraction with the filter equals extraction without it."""

from __future__ import annotations

import importlib

import pytest
from corpus_texts import every_text

from briefing_tui.facts import extract_facts, numbers

X = importlib.import_module("briefing_tui.facts.extract")
PHRASES = (
    "Tens of thousands fled.", "HUNDREDS of thousands", "Scores were hurt.", "a Dozen men",
    "Half a million people", "half a dozen", "A hundred soldiers", "Twenty-one dead",
    "one hundred and twelve", "Seventeen arrested", "1.2m displaced", "4,000-strong force",
    "١٢ people were killed", "Millions fled", "Nineteen missing", "eleven of them",
)  # fmt: skip


TEXTS = every_text(PHRASES)


def test_the_corpus_has_the_gold_and_sample_texts():
    assert len(TEXTS) > 300


def test_every_figure_is_inside_a_span_the_filter_keeps():
    for text in TEXTS:
        figures = X._Figures(text)
        for m in numbers.NUMBER_RE.finditer(text):
            assert figures.within(m.start(), m.end()), (m.group(), text[:80])


def test_extraction_is_the_same_without_the_filter(monkeypatch):
    with_filter = [extract_facts(t) for t in TEXTS]
    monkeypatch.setattr(X._Figures, "within", lambda self, start, end: True)
    monkeypatch.setattr(X._Figures, "__bool__", lambda self: True)
    assert [extract_facts(t) for t in TEXTS] == with_filter
    assert sum(map(len, with_filter)) > 300


@pytest.mark.parametrize(
    ("text", "kept"),
    [("İstanbul: 12 people were killed.", True), ("no figure at all", False), ("", False)],
)
def test_offset_changing_case_and_figureless_texts(text, kept):
    """'İ'.lower() is two characters: offsets would shift, so nothing is filtered."""
    figures = X._Figures(text)
    assert figures.within(0, len(text)) is kept and bool(figures) is kept
    assert (extract_facts(text) != ()) is kept
