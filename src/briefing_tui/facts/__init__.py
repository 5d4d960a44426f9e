"""Fact extraction: text in, figures out (pure, deterministic, no I/O).

CONTRACT STUB — the facts helper implements these.
"""

from __future__ import annotations

from briefing_tui.models import Fact, FactSummary

EXTRACTOR_VERSION = 0
"""Bump when extraction changes, so stored badges are recomputed."""


def extract_facts(text: str) -> tuple[Fact, ...]:
    raise NotImplementedError


def summarize(facts: tuple[Fact, ...]) -> FactSummary:
    raise NotImplementedError
