"""Two `briefing fetch` processes and an open TUI on one database at the same time (issue 5):
no "database is locked", no lost or duplicated articles, and triage done in the TUI while the
refreshes run survives them."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import UTC, datetime

from httpserver import serve

from briefing_tui.models import HeadlineQuery
from briefing_tui.services.library import Library
from briefing_tui.services.settings import Settings
from briefing_tui.ui.app import BriefingApp

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def rss(name: str, count: int, version: int) -> bytes:
    items = "".join(
        f"<item><title>{name} story {n}</title><guid>{name}-{n}</guid>"
        f"<link>https://example.org/{name}/{n}</link>"
        f"<description>Version {version} of story {n}: 12 people were injured.</description>"
        f"<pubDate>Wed, 25 Nov 2026 {n % 24:02d}:00:00 GMT</pubDate></item>"
        for n in range(count)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name}</title>{items}'.encode()
        + b"</channel></rss>"
    )


def start_fetch(home) -> subprocess.Popen:
    env = {**os.environ, "BRIEFING_HOME": str(home)}
    cmd = [sys.executable, "-m", "briefing_tui", "fetch", "--force", "--json"]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


async def test_two_fetches_and_the_tui_share_the_database(_isolated_home):
    home = _isolated_home
    home.mkdir(parents=True, exist_ok=True)
    with serve() as srv:
        for name in ("alpha", "beta", "gamma"):
            srv.add(f"/{name}.xml", rss(name, 40, 1))
        library = Library(home / "briefing.db", Settings())
        for name in ("alpha", "beta", "gamma"):
            library.add_feed(srv.url(f"/{name}.xml"), name.title())
        await asyncio.to_thread(library.refresh)
        first = library.headline_ids(HeadlineQuery())
        assert len(first) == 120
        # The feeds change (every story updated, ten new each) and answer slowly, so both
        # fetch processes are writing while the TUI triages.
        for name in ("alpha", "beta", "gamma"):
            srv.add(f"/{name}.xml", rss(name, 50, 2))
        srv.latency = 0.3
        app = BriefingApp(library, Settings(), clock=lambda: NOW, auto_refresh=False)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            fetches = [start_fetch(home), start_fetch(home)]
            read, starred = first[:5], first[5:8]
            library.set_read(read, True)  # as the `m` key does, through the same Library
            await pilot.press("s")  # star the selected headline through the real key
            await pilot.pause(0.2)
            library.set_starred(starred, True)
            results = [await asyncio.to_thread(p.communicate, timeout=60) for p in fetches]
            await pilot.pause()
        for process, (_out, err) in zip(fetches, results, strict=True):
            assert process.returncode == 0, err
            assert b"locked" not in err
        ids = library.headline_ids(HeadlineQuery(include_dismissed=True))
        assert len(ids) == 150 == len(set(ids))  # 3 feeds x 50, nothing lost or doubled
        rows = {h.id: h for h in library.headlines_by_ids(ids)}
        assert all(rows[i].read for i in read)
        assert all(rows[i].starred for i in starred)
        assert sum(h.starred for h in rows.values()) >= len(starred) + 1  # the key's star too
        assert library.store.integrity_check()
        library.close()
