"""Fact extraction: text in, figures out (pure, deterministic, no I/O).

``extract_facts`` finds explicit figures of people killed, injured, arrested, deployed,
displaced or missing, each with its hedge, subject and source sentence; ``summarize`` picks the
headline figure per category for the sidebar and the badges.

Conventions (each one tested in tests/facts/):

* numbers, hedges, vague words ("dozens" = 24 ...), ranges: see ``numbers.py``;
* left out on purpose: negations, hypotheticals and plans ("will deploy 3,000 troops next
  month"), denials, background figures tied to an earlier year: see ``context.py``;
* only explicit figures: "a 34-year-old man was arrested" is not one arrest, "six passengers
  had their throats cut" is not six deaths (we abstain rather than guess);
* updates keep the newer figure only ("rose to 45 from 18", "from 19 to 34" -> 45, 34);
  increments are facts of their own ("five more bodies were found" -> 5, who "more bodies");
* breakdowns ("including 12 children", "three of them", "five of the victims") are facts of
  the same category with ``part_of`` = index of their total in the returned tuple;
* troops = soldiers, police or other forces deployed, sent, stationed, massed or numbering N
  ("a 4,000-strong force"); a decision already taken counts ("voted to send 2,500
  peacekeepers"), a withdrawal does not; "killed or wounded" is not split into either.
* crowd sizes, counts of things, countries or organisations are never facts: a figure must be
  followed by a person noun (or nothing) and tied to a category by a local pattern.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .extract import extract
from .summary import summarize as _summarize

if TYPE_CHECKING:  # models is imported on first use, keeping this package cheap to import
    from briefing_tui.models import Fact, FactSummary

EXTRACTOR_VERSION = 4
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
