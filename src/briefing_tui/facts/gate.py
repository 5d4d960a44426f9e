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
the parsed pattern) is in the lower-cased sentence.  The test is made on ASCII text only,
where IGNORECASE and ``str.lower`` agree.  tests/facts/test_facts_gate.py checks the literals
and that results with and without the gate are the same.
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


@functools.cache
def _table() -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    """(literal, the alternatives that need it), for every literal of every alternative."""
    by_literal: dict[str, list[re.Pattern[str]]] = {}
    for source in _alternatives():
        literals = required_literals(sre.parse(source, re.I))
        if not literals:  # cannot happen with the sources above; stay exact if it does
            literals = frozenset([""])
        compiled = re.compile(source, re.I)
        for literal in literals:
            by_literal.setdefault(literal, []).append(compiled)
    return tuple((lit, tuple(dict.fromkeys(pats))) for lit, pats in sorted(by_literal.items()))


def may_hold_fact(sentence: str) -> bool:
    """False only when no figure of ``sentence`` can become a fact."""
    if not sentence.isascii():
        return True
    low = sentence.lower()
    for literal, patterns in _table():
        if literal in low:
            for pattern in patterns:
                if pattern.search(sentence):
                    return True
    return False
