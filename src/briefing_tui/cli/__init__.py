"""The `briefing` command. CONTRACT STUB — the CLI helper implements it."""

from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    raise NotImplementedError
