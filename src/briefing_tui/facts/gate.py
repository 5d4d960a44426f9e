"""A cheap test that a sentence may yield a fact at all, so that most sentences with a figure
skip the per-figure matching (the extractor's largest cost on ordinary news).

Every way ``extract`` gives a figure a category needs a phrase of one of the category
patterns somewhere in the sentence: a verb after the subject (AFTER_TRIGGERS) or before the
figure (BEFORE_TRIGGERS), "of them" / "of the ..." (OF_GROUP_RE), a count noun, "-strong", a
list label, "bringing to", an adjective trigger, "bodies", a force's size ("has", "numbering"),
"forced", "treated", a toll word (TOLL_HINT, NUMBER_OF_RE), "refugees" / "evacuees".  The
remaining ways ("including ...", shared verbs) need a figure of the same sentence accepted
already.  So a sentence matching none of ``_ALTERNATIVES`` yields no fact: skipping it is
exact.  The alternatives are the patterns' own fragments without anchors or word boundaries,
each a superset of what its full pattern needs.

One alternation of all of them is far slower than the matching it would save, so each
alternative is searched only when a literal that every match of it contains (worked out from
the parsed pattern) is in the lower-cased sentence, and then searched in the lower-cased
sentence too (see ``_compiled``).  The test is made on ASCII text only, where IGNORECASE and
``str.lower`` agree.  tests/facts/test_facts_gate.py checks the literals, the case-blind
searches, and that results with and without the gate are the same.
"""

from __future__ import annotations

import functools
import re
import re._constants as C  # noqa: PLC2701 - the stdlib's own parse tree, to derive literals
import re._parser as sre  # noqa: PLC2701

from . import patterns as P
from .lexicon import AFTER_TRIGGERS, BEFORE_TRIGGERS, COUNT_NOUNS, TOLL_NOUNS
from .who import ADJECTIVE_TRIGGERS


def _source(pattern) -> str:  # noqa: ANN001 - a LazyPattern, or re.Pattern once compiled
    return pattern.pattern if isinstance(pattern, re.Pattern) else pattern._source


def _alternatives() -> tuple[str, ...]:
    return (
        *(fragment for _, fragment in AFTER_TRIGGERS),  # AFTER_RE, also after a relative clause
        *(fragment for _, fragment in BEFORE_TRIGGERS),  # BEFORE_RE (object, breakdowns)
        *(fragment for _, fragment in TOLL_NOUNS),  # TOLL_RE
        _source(P.TOLL_HINT),  # TOLL_RE's branch needs it
        r"number\s+of",  # NUMBER_OF_RE
        r"of\s+(?:them|whom|those|the)",  # OF_GROUP_RE: every breakdown
        *COUNT_NOUNS,  # COUNT_NOUN_RE
        r"-(?:strong|member|man|person|troop|soldier)",  # STRONG_RE
        r"dead|deaths|killed|fatalities|injured|wounded|injuries|missing|arrested|arrests"
        r"|detained|displaced|evacuated|homeless",  # LABEL_RE
        r"(?:bringing|brings|brought|taking|takes|raising)\s+to",  # BRINGING_LEFT_RE
        *ADJECTIVE_TRIGGERS,  # "80,000 displaced people"
        r"bodies|corpses|refugees|evacuees",  # who nouns that are a category by themselves
        r"(?:has|have|had|numbers|numbering|comprises|comprising)\s"  # TROOPS_LEFT_RE
        r"|reinforced|bolstered|strengthened",
        r"forced|forcing|driven|drove|driving|ordered|ordering|told",  # FORCED_LEFT_RE
        r"treated",  # TREATED_LEFT_RE
    )


def required_literals(items) -> frozenset[str] | None:  # noqa: ANN001 - a parsed pattern
    """Lower-case strings one of which every match of the parsed ``items`` contains (None
    when no such set is found).  Only mandatory parts count: optional groups, classes and
    assertions are passed over, so the answer is never too strict."""
    clauses: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is C.LITERAL:
            run.append(chr(av).lower())
            continue
        if run:
            clauses.append(frozenset(["".join(run)]))
            run = []
        sub = None
        if op is C.SUBPATTERN:
            sub = required_literals(av[-1])
        elif op is C.BRANCH:
            branches = [required_literals(b) for b in av[1]]
            if all(branches):
                sub = frozenset().union(*branches)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            sub = required_literals(av[2])
        if sub:
            clauses.append(sub)
    if not clauses:
        return None
    return max(clauses, key=lambda c: (min(map(len, c)), -len(c)))


def _branches(source: str) -> list[str]:
    """The top-level alternatives of a pattern: 'a|b(?:c|d)' -> ['a', 'b(?:c|d)']."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 1
        elif char == "[":  # a class: to its closing bracket ('[]x]' and '[^]x]' hold one)
            i += 2 if source.startswith("[^", i) else 1
            i += source[i] == "]"
            while source[i] != "]":
                i += 2 if source[i] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            out.append(source[start:i])
            start = i + 1
        i += 1
    return [*out, source[start:]]


_PLAIN = re.compile(r"[A-Za-z]+")


# no upper-case letter, no inline flag ('(?-i:'), and escapes only of \s \w \d \b or of
# punctuation (not '\x41')
_CASE_BLIND = re.compile(r"(?:[^A-Z\\(]|\((?!\?[a-z-])|\\[swdb]|\\[^A-Za-z0-9])*")


@functools.cache
def _compiled(source: str) -> tuple[re.Pattern[str], bool]:
    """The branch compiled on first need (most are never needed on a given feed), and whether
    it is to be searched in the lower-cased sentence.  On ASCII text, a pattern with no
    upper-case letter finds case-sensitively in the lower-cased text exactly what it finds with
    IGNORECASE in the text: only letters have case, and every letter of such a pattern (in a
    literal or a class) is lower-case.  The case-sensitive search is the faster: ``re`` can skip
    to a literal first character."""
    if _CASE_BLIND.fullmatch(source):
        return re.compile(source), True
    return re.compile(source, re.I), False


@functools.cache
def _table() -> tuple[re.Pattern[str], dict[str, tuple[str | None, ...]]]:
    """A pattern finding, at every position of a lower-cased sentence, the literal that starts
    there (the longest, if one is a prefix of another), and for each literal what to search
    when it is found: the branches needing it or a literal it starts with, None for a branch
    that is that literal alone (found = matched)."""
    by_literal: dict[str, list[str | None]] = {}
    for branch in (b for source in _alternatives() for b in _branches(source)):
        if _PLAIN.fullmatch(branch):  # most are: no need to parse them
            literals, plain = frozenset([branch.lower()]), True
        else:
            parsed = sre.parse(branch, re.I)
            literals = required_literals(parsed) or frozenset([""])  # "": stay exact
            plain = all(op is C.LITERAL for op, _ in parsed) and len(literals) == 1
        for literal in literals:
            by_literal.setdefault(literal, []).append(None if plain else branch)
    to_search = {
        found: tuple(
            dict.fromkeys(
                p for lit, pats in by_literal.items() if found.startswith(lit) for p in pats
            )
        )
        for found in by_literal
    }
    if "" in by_literal:
        return re.compile(""), {"": tuple(dict.fromkeys(p for v in to_search.values() for p in v))}
    # a lookahead, to see literals overlapping each other; a trie, five times faster in ``re``
    # than an alternation of the literals (their first characters are tried once)
    return re.compile(f"(?=({trie(by_literal)}))"), to_search


def trie(words) -> str:  # noqa: ANN001 - an iterable of non-empty strings
    """An alternation of ``words`` as a trie; at a word that another one continues, the longer
    is tried first (a greedy optional tail), so a match is the longest word found there."""
    tails: dict[str, list[str]] = {}
    for word in words:
        tails.setdefault(word[0], []).append(word[1:])
    parts = []
    for first, rest in sorted(tails.items()):
        longer = [r for r in rest if r]
        if not longer:
            parts.append(re.escape(first))
        else:
            optional = "?" if "" in rest else ""
            parts.append(f"{re.escape(first)}(?:{trie(longer)}){optional}")
    return "|".join(parts)


def may_hold_fact(sentence: str) -> bool:
    """False only when no figure of ``sentence`` can become a fact."""
    if not sentence.isascii():
        return True
    finder, to_search = _table()
    low = sentence.lower()
    for found in set(finder.findall(low)):
        for branch in to_search[found]:
            if branch is None:
                return True
            pattern, on_lower = _compiled(branch)
            if pattern.search(low if on_lower else sentence):
                return True
    return False
