"""Fact extraction: text in, figures out (pure, deterministic, no I/O).

``extract_facts`` finds explicit figures of people killed, injured, arrested, deployed,
displaced or missing, each with its hedge, subject and source sentence; ``summarize`` picks the
headline figure per category for the sidebar and the badges.  Conventions (vague words,
hedges, ranges) are documented in ``numbers.py``; what is left out on purpose (negations,
hypotheticals and plans, denials, background years) in ``context.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .extract import extract
from .summary import summarize as _summarize

if TYPE_CHECKING:  # models is imported on first use, keeping this package cheap to import
    from briefing_tui.models import Fact, FactSummary

EXTRACTOR_VERSION = 1
"""Bump when extraction changes, so stored badges are recomputed."""

MAX_INPUT = 1_000_000
"""Characters looked at per text; beyond this an article is not news prose any more."""


def extract_facts(text: str) -> tuple[Fact, ...]:
    """Every figure the text states, in text order; breakdowns point to their total."""
    if not text:
        return ()
    return extract(text[:MAX_INPUT])


def summarize(facts: tuple[Fact, ...]) -> FactSummary:
    """Per category (in models.CATEGORIES order) the headline figure and every mention."""
    return _summarize(facts)


__all__ = ["EXTRACTOR_VERSION", "extract_facts", "summarize"]
