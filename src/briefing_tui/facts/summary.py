"""The sidebar's view of one article: a headline figure per category, then every mention.

The headline is the largest current figure.  Superseded figures never reach this point (the
extractor keeps only the newer side of "rose to 45 from 18" and "from 19 to 34"), so the
largest remaining figure respects updates.  Breakdowns ("including 12 children") are never the
headline while their total is present, and ties go to the earlier, usually the lede's, mention.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing_tui.models import Fact, FactSummary


def summarize(facts: tuple[Fact, ...]) -> FactSummary:
    from briefing_tui.models import CATEGORIES, CategorySummary, FactSummary

    categories = []
    for category in CATEGORIES:
        mentions = tuple(f for f in facts if f.category == category)
        if not mentions:
            continue
        totals = [f for f in mentions if f.part_of is None] or list(mentions)
        headline = max(totals, key=lambda f: (f.value, -f.start))
        categories.append(CategorySummary(category, headline, mentions))
    return FactSummary(categories=tuple(categories), facts=tuple(facts))
