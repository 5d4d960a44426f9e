"""Fact extraction: text in, figures out (pure, deterministic, no I/O).

PLACEHOLDER — the facts helper replaces these with the real extractor; until then they
find nothing, so the rest of the app can be built against the interface.
"""

from __future__ import annotations

from briefing_tui.models import Fact, FactSummary

EXTRACTOR_VERSION = 0
"""Bump when extraction changes, so stored badges are recomputed."""


def extract_facts(text: str) -> tuple[Fact, ...]:
    return ()


def summarize(facts: tuple[Fact, ...]) -> FactSummary:
    return FactSummary()
