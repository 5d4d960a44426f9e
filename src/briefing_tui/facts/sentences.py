"""Sentences with their character offsets.

sentencex (Wikimedia, Rust) was the most accurate and by far the fastest offline splitter we
measured (FACTS.md §3.5) and its boundaries are character offsets into the input.  We split
each of its segments again at line breaks, because feed text often has a headline line with no
final full stop, and trim surrounding whitespace so ``text[start:end]`` is the sentence.

The offsets come from sentencex's ``segment`` (the sentences as strings) when the strings put
end to end are the text, so that each one's offset is the sum of the lengths before it: that
is what ``get_sentence_boundaries`` reports, without building a dict of five entries per
sentence, which costs more than the splitting itself (0.17 s against 0.07 s per 10k feed
bodies).  Otherwise (a paragraph break other than two line feeds, which sentencex reports as
two line feeds) the boundaries are asked for.  tests/facts/test_facts_sentences.py compares
the two on every test text and random text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import accumulate

from sentencex import get_sentence_boundaries, segment

_LINE = re.compile(r"[^\n]+")
MAX_SENTENCE = 2_000
"""Longer runs without a boundary are cut into windows, so no sentence costs more than this."""


def split_sentences(
    text: str, keep: Callable[[int, int], bool] | None = None
) -> list[tuple[int, int]]:
    """(start, end) offsets of every non-blank sentence of ``text``, in order.

    With ``keep``, only the sentences for which ``keep(start, end)`` holds.  It is asked
    about the splitter's segment and then each line of it, before trimming, so a ``keep``
    that is true for every span containing some sub-span it is true for (e.g. "holds a
    digit") drops only sentences it would reject, and those cost no trimming."""
    spans: list[tuple[int, int]] = []
    bounds = segment_bounds(text)
    size = len(text)
    find = text.find
    for start, end in bounds:
        if not 0 <= start <= size:
            start = max(0, min(start, size))
        if not 0 <= end <= size:
            end = max(0, min(end, size))
        if keep is not None and not keep(start, end):
            continue
        if find("\n", start, end) < 0:  # one line, already kept (most segments)
            if end > start:
                _add_trimmed(text, start, end, spans)
            continue
        for line in _LINE.finditer(text, start, end):
            if keep is None or keep(line.start(), line.end()):
                _add_trimmed(text, line.start(), line.end(), spans)
    return spans


def segment_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each of sentencex's segments, as ``get_sentence_boundaries`` gives them
    (leaving out empty ones, which hold no sentence)."""
    try:
        parts = segment("en", text)
    except Exception:
        parts = None
    if parts is not None and "".join(parts) == text:
        ends = list(accumulate(map(len, parts)))
        return list(zip([0, *ends], ends, strict=False))
    try:
        return [(b["start_index"], b["end_index"]) for b in get_sentence_boundaries("en", text)]
    except Exception:  # a splitter failure must never lose the article's facts
        return [(0, len(text))]


def _add_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))
