"""Where a figure may be in a text, found in one pass, so sentences without one are skipped.

Every fact starts from a match of ``numbers.NUMBER_RE`` in a sentence, and every such match
starts with a digit or contains a figure word ('twenty', 'dozen', 'thousands': the pattern's
own words) at the start of a word: NUMBER_RE's look-behind refuses a figure right after a
letter, digit, '_' or one of ``.,:$£€/-`` ('v2', '3.5', '/49', '$12'), and its inner words
('a dozen', 'half a million') follow a space.  So one regular expression looking, after each
character that is none of those (lower-cased), for a digit or a figure word finds a place in
every match.  That is about twice as cheap as ``str.find`` for each of ~30 words through the
whole text (the old prefilter), because ``re`` skips word characters in its tight scan loop
and tries the words only at word starts.  It is also tighter: 'often', 'someone' and the
digits of a link ('https://x.example/a/49') no longer count as figures.

A sentence is a slice of the text, and NUMBER_RE sees nothing before a slice's start, so a
span without a figure start is still kept when it starts with a non-space character right
after one of those characters (a splitter boundary there would let a figure start the
sentence), or when it is long enough to be cut into windows (``sentences.MAX_SENTENCE``),
whose cuts may fall inside a word.  Both are rare in ordinary text, so skipping stays exact.
tests/facts/test_facts_prefilter.py checks these invariants on the gold texts, the samples
and random text, and compares results with and without the filter.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left

from . import numbers
from .gate import trie
from .sentences import MAX_SENTENCE


@functools.cache
def figure_words() -> tuple[str, ...]:
    """Lower-case words one of which starts every non-digit match of NUMBER_RE or one of its
    inner words, none of them the start of another (so at most one is found at a place, and
    it lies inside the word it starts)."""
    words = {*numbers.UNITS, *numbers.TENS, *numbers.SCALES, "dozen", "score"}
    words.update(w for phrase in numbers.VAGUE for w in phrase.split() if w != "of")
    words = {w.lower() for w in words}
    return tuple(sorted(w for w in words if not any(o != w and w.startswith(o) for o in words)))


@functools.cache
def _finder(ascii_only: bool) -> re.Pattern[str]:
    """A figure start and the character before it.  A leading class: ``re`` scans for its
    characters in C and tries the rest only there; the words as a trie, so each first letter
    is tried once; '[0-9]' is a little cheaper than '\\d' where only ASCII digits can occur."""
    digit = "[0-9]" if ascii_only else r"\d"
    return re.compile(rf"[^a-z0-9_{re.escape(GLUE)}](?:{trie(figure_words())}|{digit})")


GLUE = ".,:$£€/-"
"""Besides word characters, what NUMBER_RE refuses right before a figure."""


class Figures:
    """Spans of a text holding a digit or figure word at the start of a word."""

    __slots__ = ("starts", "ends", "everywhere", "_padded")

    def __init__(self, text: str) -> None:
        low = text.lower()
        self.everywhere = len(low) != len(text)  # lower() changed offsets: filter nothing
        self._padded = padded = " " + low  # a start of text counts as a start of word
        # offsets in ``padded`` are one more than in ``text``: a match's start (the character
        # before the figure) is the figure's offset in ``text``
        found = [] if self.everywhere else list(_finder(text.isascii()).finditer(padded))
        self.starts = [m.start() for m in found]
        self.ends = [m.end() - 1 for m in found]

    def within(self, start: int, end: int) -> bool:
        """False only when no slice of text[start:end] whose start is ``start`` or follows
        whitespace can hold a match of NUMBER_RE."""
        if self.everywhere:
            return True
        starts = self.starts
        i = bisect_left(starts, start)
        size = len(starts)
        while i < size and starts[i] < end:
            if self.ends[i] <= end:
                return True
            i += 1
        if end - start > MAX_SENTENCE:
            return True  # may be cut into windows anywhere
        before = self._padded[start]  # the character before ``start``: mostly a space
        if before <= " " or not (before.isalnum() or before == "_" or before in GLUE):
            return False
        # glued to what precedes it, unless it starts with whitespace (a paragraph break after
        # a full stop): then every sentence in it starts after whitespace
        return start < end and not self._padded[start + 1].isspace()
