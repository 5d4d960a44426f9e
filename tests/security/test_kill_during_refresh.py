"""`kill -9` of a real `briefing fetch` halfway through (issue 5): the database passes
integrity_check, holds no half-written article, and the next fetch carries on normally."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from httpserver import serve
from test_concurrent_use import rss

from briefing_tui.models import HeadlineQuery
from briefing_tui.store import Store

FEEDS, ITEMS = 40, 60


def fetch(home) -> subprocess.Popen:
    env = {**os.environ, "BRIEFING_HOME": str(home)}
    return subprocess.Popen(
        [sys.executable, "-m", "briefing_tui", "fetch", "--json"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: the parse workers die with it
    )


def stored(db) -> int:
    with Store(db) as store:
        return len(store.headline_ids(HeadlineQuery(include_dismissed=True)))


def test_kill_9_mid_refresh_then_the_next_fetch_completes(_isolated_home):
    home = _isolated_home
    home.mkdir(parents=True, exist_ok=True)
    db = home / "briefing.db"
    with serve() as srv:
        with Store(db) as store:
            for n in range(FEEDS):
                srv.add(f"/f{n}.xml", rss(f"f{n}", ITEMS, 1))
                store.add_feed(srv.url(f"/f{n}.xml"), f"Feed {n}")
        srv.latency = 0.15  # slow enough that the kill lands while feeds are still arriving
        proc = fetch(home)
        deadline = time.monotonic() + 60
        while stored(db) == 0 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert proc.poll() is None, "the fetch finished before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        partial = stored(db)
        assert 0 < partial < FEEDS * ITEMS
        with Store(db) as store:
            assert store.integrity_check()
            for guid, title, body in store.conn.execute("SELECT guid, title, body FROM articles"):
                feed, n = guid.rsplit("/", 1)[-1].rsplit("-", 1)  # feedparser resolves bare guids
                assert title == f"{feed} story {n}"  # no half-written article
                assert body == f"Version 1 of story {n}: 12 people were injured."
        srv.latency = 0.0
        again = fetch(home)
        _out, err = again.communicate(timeout=120)
        assert again.returncode == 0, err
        assert stored(db) == FEEDS * ITEMS  # everything, each once
