"""UI test fixtures: a REAL Library on a temporary SQLite file, filled with hand-made feeds.

Figures come from hand-made Fact objects (FixedFactsLibrary.facts), so the sidebar tests and
the snapshots do not move when the extractor improves; stored badges are set through the
Store like the fact index does.  The clock is fixed so relative times are stable.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.worker import WorkerCancelled, WorkerFailed

from briefing_tui.facts import EXTRACTOR_VERSION
from briefing_tui.models import (
    Article,
    CategorySummary,
    Fact,
    FactBadge,
    FactSummary,
    ParsedEntry,
)
from briefing_tui.services.library import Library
from briefing_tui.services.settings import Settings
from briefing_tui.ui.app import BriefingApp

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
SIZE = (120, 36)

HOSTILE_TITLES = ("[/bold]", "[link=https://x]y[/link]", "[@click=app.quit]x[/]")

HARBOUR_BODY = (
    "Officials in Port Ellis said at least 18 people were killed when a ferry capsized in "
    "the harbour on Tuesday night.\n\n"
    "Rescue teams worked through the night. About 40 passengers were injured, and the "
    "coastguard said up to 12 remain missing.\n\n"
    "> We are still searching, a coastguard officer said.\n\n"
    "Full statement <https://example.org/statement> and background <javascript:alert(1)>."
)

LONG_BODY = "\n\n".join(
    f"Paragraph {n}: the council met again to discuss the harbour budget and the plans for "
    "the new bridge, and nothing much was decided."
    for n in range(1, 40)
)


def fact(body: str, category: str, phrase: str, value: int, approx: str, who: str = "") -> Fact:
    """A Fact for `phrase` in `body`, with its sentence bounds found in the text."""
    start = body.index(phrase)
    stop = body.rfind(". ", 0, start)
    s_start = max(stop + 2 if stop >= 0 else 0, body.rfind("\n", 0, start) + 1)
    s_end = body.find(".", start) + 1
    return Fact(
        category,
        value,
        approx,
        phrase,
        who,
        body[s_start:s_end],
        s_start,
        s_end,
        start,
        start + len(phrase),
    )


def harbour_summary() -> FactSummary:
    deaths = fact(HARBOUR_BODY, "deaths", "at least 18", 18, "at_least", "people")
    hurt = fact(HARBOUR_BODY, "injuries", "About 40", 40, "about", "passengers")
    missing = fact(HARBOUR_BODY, "missing", "up to 12", 12, "up_to")
    return FactSummary(
        categories=(
            CategorySummary("deaths", deaths, (deaths,)),
            CategorySummary("injuries", hurt, (hurt,)),
            CategorySummary("missing", missing, (missing,)),
        ),
        facts=(deaths, hurt, missing),
    )


class FixedFactsLibrary(Library):
    """The real Library, with the sidebar figures fixed by hand for the harbour story."""

    def facts(self, article: Article) -> FactSummary:
        return harbour_summary() if article.guid == "harbour" else FactSummary()


def entry(guid: str, title: str, hours_ago: float, body: str = "", link: str = "") -> ParsedEntry:
    return ParsedEntry(
        guid=guid,
        link=link or f"https://example.org/{guid}",
        title=title,
        author="Desk Editor",
        published=NOW - timedelta(hours=hours_ago),
        body=body or f"{title}. A short plain report with no figures in it.",
    )


def fill(library: Library) -> None:
    store = library.store
    world = store.add_feed("https://example.org/world.xml", "World Desk", ["world"])
    metro = store.add_feed("https://example.org/metro.xml", "Metro Wire", ["local"])
    broken = store.add_feed("https://example.org/broken.xml", "Broken Feed", ["local"])
    store.upsert_entries(
        world.id,
        [
            entry("harbour", "Ferry capsizes in Port Ellis harbour", 1, HARBOUR_BODY),
            entry("summit", "Leaders meet for a quiet summit", 5),
            entry("hostile-1", HOSTILE_TITLES[0], 30),
            entry("hostile-2", HOSTILE_TITLES[1], 31),
            entry("hostile-3", HOSTILE_TITLES[2], 32),
        ],
        NOW,
    )
    store.upsert_entries(
        metro.id,
        [
            entry("council", "Council debates the harbour budget", 2, LONG_BODY),
            entry(
                "arrests", "Police arrest 300 after stadium clashes", 3, link="javascript:alert(1)"
            ),
            entry("bridge", "New bridge opens to traffic", 26),
        ],
        NOW,
    )
    store.record_failure(
        broken.id,
        when=NOW - timedelta(minutes=5),
        error="HTTP 503 Service Unavailable",
        retry_after=NOW + timedelta(hours=1),
    )
    ids = {a.guid: a.id for a in (store.article(i) for i in store.headline_ids(_all()))}
    store.set_badges(
        ids["harbour"],
        [
            FactBadge("deaths", 18, "at_least", "at least 18"),
            FactBadge("injuries", 40, "about", "About 40"),
        ],
        EXTRACTOR_VERSION,
    )
    store.set_badges(ids["arrests"], [FactBadge("arrests", 300, "exact", "300")], EXTRACTOR_VERSION)
    library.set_state("last_refresh", (NOW - timedelta(minutes=10)).isoformat())


def _all():
    from briefing_tui.models import HeadlineQuery

    return HeadlineQuery(include_dismissed=True)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "briefing.db"


@pytest.fixture
def library(db_path: Path):
    lib = FixedFactsLibrary(db_path, Settings())
    fill(lib)
    yield lib
    lib.close()


def make_app(library: Library, settings: Settings | None = None) -> BriefingApp:
    return BriefingApp(library, settings or Settings(), clock=lambda: NOW, auto_refresh=False)


async def settle(app, pilot, rounds: int = 6) -> None:
    """Let workers finish and the messages they post be handled (a few hops deep)."""

    def busy() -> list:
        # picker workers wait for a modal screen to close: they are not "work" to wait for
        return [w for w in app.workers if w.group != "pickers" and not w.is_finished]

    for _ in range(rounds):
        waiting = busy()
        for worker in waiting:
            with contextlib.suppress(WorkerCancelled, WorkerFailed):
                await worker.wait()
        await pilot.pause()
        if not waiting and not busy():
            break
