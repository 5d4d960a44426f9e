"""Sentences with their character offsets.

sentencex (Wikimedia, Rust) was the most accurate and by far the fastest offline splitter we
measured (FACTS.md §3.5) and its boundaries are character offsets into the input.  We split
each of its segments again at line breaks, because feed text often has a headline line with no
final full stop, and trim surrounding whitespace so ``text[start:end]`` is the sentence.

The offsets come from sentencex's ``segment`` (the sentences as strings) when the strings put
end to end are the text, so that each one's offset is the sum of the lengths before it: that
is what ``get_sentence_boundaries`` reports, without building a dict of five entries per
sentence, which costs more than the splitting itself (0.17 s against 0.07 s per 10k feed
bodies); the strings also give each segment's line breaks and whitespace without looking
into the text again.  When they are not the text (never seen, but not promised either) the
boundaries are asked for.  tests/facts/test_facts_sentences.py compares both ways on every
test text and on random text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

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
    parts = _segments(text)
    if parts is None:
        return _split_bounds(text, _boundaries(text), keep)
    spans: list[tuple[int, int]] = []
    start = 0
    for part in parts:
        end = start + len(part)
        if keep is None or keep(start, end):
            if "\n" not in part:  # one line (most segments): trim by the string's own strip
                left = part.lstrip()
                lead = start + len(part) - len(left)
                size = len(left.rstrip())
                if size > MAX_SENTENCE:
                    _add_trimmed(text, lead, lead + size, spans)
                elif size:
                    spans.append((lead, lead + size))
            else:
                _add_lines(text, start, end, keep, spans)
        start = end
    return spans


def _segments(text: str) -> list[str] | None:
    """sentencex's segments, or None unless they put end to end are the text."""
    try:
        parts = segment("en", text)
    except Exception:
        return None
    return parts if "".join(parts) == text else None


def _boundaries(text: str) -> list[tuple[int, int]]:
    try:
        found = get_sentence_boundaries("en", text)
    except Exception:  # a splitter failure must never lose the article's facts
        return [(0, len(text))]
    size = len(text)  # offsets past the end are cut to it
    return [(max(0, min(b["start_index"], size)), max(0, min(b["end_index"], size))) for b in found]


def _split_bounds(
    text: str, bounds: list[tuple[int, int]], keep: Callable[[int, int], bool] | None
) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for start, end in bounds:
        if keep is not None and not keep(start, end):
            continue
        if text.find("\n", start, end) < 0:
            if end > start:
                _add_trimmed(text, start, end, spans)
        else:
            _add_lines(text, start, end, keep, spans)
    return spans


def _add_lines(
    text: str,
    start: int,
    end: int,
    keep: Callable[[int, int], bool] | None,
    spans: list[tuple[int, int]],
) -> None:
    for line in _LINE.finditer(text, start, end):
        if keep is None or keep(line.start(), line.end()):
            _add_trimmed(text, line.start(), line.end(), spans)


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
