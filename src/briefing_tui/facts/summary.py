"""The sidebar's view of one article: a headline figure per category, then every mention.

The headline is the largest current figure.  Superseded figures mostly never reach this point
(the extractor keeps only the newer side of "rose to 45 from 18" and "from 19 to 34"), so the
largest remaining figure respects updates.  The exception is a downward revision stated on
its own ("later revised the figure to 30"): the last such revision in the text is the current
figure, even when an earlier, larger one is still mentioned.  Breakdowns ("including 12
children") are never the headline while their total is present, and ties go to the earlier,
usually the lede's, mention.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lazyre import lazy

if TYPE_CHECKING:
    from briefing_tui.models import Fact, FactSummary

_REVISION = lazy(
    __name__,
    "_REVISION",
    r"\b(?:revised|revising|corrected|correcting|lowered|lowering|downgraded|cut|reduced)\b"
    r"[^.;]{0,60}\b(?:to|at)\s+$",
    re.IGNORECASE,
)


def summarize(facts: tuple[Fact, ...]) -> FactSummary:
    from briefing_tui.models import CATEGORIES, CategorySummary, FactSummary

    if not facts:  # most texts: no figure of any category
        return FactSummary(categories=(), facts=tuple(facts))
    by_category: dict[str, list[Fact]] = {}
    for f in facts:  # one pass, not one per category
        by_category.setdefault(f.category, []).append(f)
    categories = []
    for category in CATEGORIES:
        if category not in by_category:
            continue
        mentions = tuple(by_category[category])
        totals = [f for f in mentions if f.part_of is None] or list(mentions)
        revisions = [f for f in totals if _is_revision(f)]
        if revisions:
            headline = revisions[-1]
        else:
            headline = max(totals, key=lambda f: (f.value, -f.start))
        categories.append(CategorySummary(category, headline, mentions))
    return FactSummary(categories=tuple(categories), facts=tuple(facts))


def _is_revision(fact: Fact) -> bool:
    before = fact.sentence[
        max(0, fact.start - fact.sentence_start - 90) : fact.start - fact.sentence_start
    ]
    return bool(_REVISION.search(before))
