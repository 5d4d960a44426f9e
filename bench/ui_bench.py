"""UI benchmark: the reader on a 100k-article cache, against newsboat on an equivalent cache.

    .venv/bin/python bench/ui_bench.py [--feeds 200] [--items 500] [--runs 5] [--work DIR]

Builds (once, reused from --work) a cache of feeds x items through the Store API (the same
builder as bench/store_bench.py), then measures, as medians of --runs:
  first screen   launch of the real `briefing` command in tmux until headlines are on screen
                 (capture-pane polled every 10 ms); newsboat the same on an equivalent
                 cache.db until its feed list shows (newsboat loads the whole cache at start)
  peak RSS       VmHWM of that process after moving 20 rows and opening an article
  move one row   headless: cursor move + redraw of every visible list line; and a Pilot
                 key press "j" end to end (includes Pilot's own waiting)
  open article   headless: from the cursor move until the article and its figures are shown
                 (message, I/O thread: store read + fact extraction, then wrapping the body)
Targets: first screen <= 1 s and <= 0.2x newsboat, move <= 50 ms, open <= 100 ms, peak <= 150 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from store_bench import build  # noqa: E402  (the shared 100k-article builder)

from briefing_tui.models import HeadlineQuery  # noqa: E402
from briefing_tui.services.settings import load_settings  # noqa: E402

BRIEFING = ROOT / ".venv" / "bin" / "briefing"
HEADLINE = re.compile(r"Feed \d{3}")


def prepare(work: Path, feeds: int, items: int) -> Path:
    home = work / "home"
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text("[general]\nauto_refresh = false\n")
    db = home / "briefing.db"
    if not db.exists():
        print(f"building {feeds * items:,} articles in {db} (once) ...", flush=True)
        t0 = time.perf_counter()
        build(db, feeds, items)
        print(f"  built in {time.perf_counter() - t0:.1f} s", flush=True)
    return home


# --- tmux: real launches ---------------------------------------------------------------------
def tmux_launch(command: str, ready: re.Pattern[str], session: str) -> tuple[float, int]:
    """Seconds from launch until `ready` matches the pane, and the process id."""
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    t0 = time.perf_counter()
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "36", f"exec {command}"],
        check=True,
    )
    pid = int(_tmux("display-message", "-p", "-t", session, "#{pane_pid}"))
    while time.perf_counter() - t0 < 60:
        if ready.search(_tmux("capture-pane", "-p", "-t", session)):
            return time.perf_counter() - t0, pid
        time.sleep(0.01)
    raise RuntimeError(f"{command!r} did not show its first screen within 60 s")


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True).stdout


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def briefing_launch(home: Path) -> tuple[float, float]:
    session = "uibench"
    seconds, pid = tmux_launch(f"{BRIEFING} --home {home}", HEADLINE, session)
    for _ in range(20):
        _tmux("send-keys", "-t", session, "j")
    _tmux("send-keys", "-t", session, "Enter", "]")
    time.sleep(1.0)
    rss = peak_rss_mb(pid)
    _tmux("send-keys", "-t", session, "q")
    time.sleep(0.3)
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    return seconds, rss


# --- newsboat on an equivalent cache ---------------------------------------------------------
def newsboat_cache(work: Path, db: Path) -> Path:
    nb = work / "newsboat"
    cache = nb / "cache.db"
    if cache.exists():
        return nb
    nb.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(db)
    feeds = src.execute("SELECT id, url, title FROM feeds ORDER BY id").fetchall()
    (nb / "urls").write_text("".join(f"{url}\n" for _, url, _ in feeds))
    (nb / "config").write_text("show-read-feeds yes\n")
    # let newsboat create its own schema (a reload that fails fast: nothing listens on .test)
    subprocess.run(
        [
            "newsboat",
            "-x",
            "print-unread",
            "-C",
            str(nb / "config"),
            "-c",
            str(cache),
            "-u",
            str(nb / "urls"),
        ],
        capture_output=True,
        env={**os.environ, "HOME": str(nb)},
        timeout=120,
    )
    dst = sqlite3.connect(cache)
    cols = {row[1]: row for row in dst.execute("PRAGMA table_info(rss_item)")}
    titles = {fid: (url, title) for fid, url, title in feeds}
    dst.executemany(
        "INSERT OR REPLACE INTO rss_feed (rssurl, url, title) VALUES (?, ?, ?)",
        [(url, url, title) for url, title in titles.values()],
    )
    fields = ["guid", "title", "author", "url", "feedurl", "pubDate", "content", "unread"]
    extra = [
        c for c, row in cols.items() if row[3] and row[4] is None and c not in fields and c != "id"
    ]
    sql = (
        f"INSERT INTO rss_item ({', '.join(fields + extra)}) VALUES "
        f"({', '.join('?' * (len(fields) + len(extra)))})"
    )
    rows = src.execute(
        "SELECT guid, title, author, link, feed_id, COALESCE(published, 0), body, 1 - read"
        " FROM articles"
    )
    batch = []
    for guid, title, author, link, feed_id, published, body, unread in rows:
        batch.append(
            (
                guid,
                title,
                author or "",
                link,
                titles[feed_id][0],
                int(published),
                body,
                unread,
                *([""] * len(extra)),
            )
        )
        if len(batch) >= 5000:
            dst.executemany(sql, batch)
            batch.clear()
    dst.executemany(sql, batch)
    dst.commit()
    return nb


def newsboat_launch(nb: Path) -> tuple[float, float]:
    session = "nbbench"
    command = f"env HOME={nb} newsboat -C {nb / 'config'} -c {nb / 'cache.db'} -u {nb / 'urls'}"
    seconds, pid = tmux_launch(command, re.compile(r"\(\d+/500\)"), session)
    time.sleep(0.5)
    rss = peak_rss_mb(pid)
    _tmux("send-keys", "-t", session, "q")
    time.sleep(0.3)
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    return seconds, rss


# --- headless: move and open --------------------------------------------------------------
async def headless(home: Path, runs: int) -> dict[str, float]:
    from textual.worker import WorkerCancelled

    from briefing_tui.services.library import Library
    from briefing_tui.ui.app import BriefingApp

    settings = load_settings(home / "config.toml")
    library = Library(home / "briefing.db", settings)
    app = BriefingApp(library, settings, auto_refresh=False)
    out: dict[str, list[float]] = {"first": [], "move": [], "press": [], "open": []}
    t0 = time.perf_counter()
    async with app.run_test(size=(120, 36)) as pilot:
        lst = app.main_screen.headlines
        while not lst.ids or lst.headline(lst.ids[0]) is None:
            await asyncio.sleep(0.002)
        out["first"].append(time.perf_counter() - t0)
        with contextlib.suppress(WorkerCancelled):  # a load superseded by a newer one
            await app.workers.wait_for_complete()
        await pilot.pause()
        height = lst.size.height
        for _ in range(runs * 6):
            t = time.perf_counter()
            lst.move(1)
            for y in range(height):
                lst.render_line(y)
            out["move"].append(time.perf_counter() - t)
            await pilot.pause()
        for _ in range(runs * 4):
            t = time.perf_counter()
            await pilot.press("j")
            out["press"].append(time.perf_counter() - t)
        for _ in range(runs * 4):
            target = lst.ids[lst.cursor + 1]
            t = time.perf_counter()
            lst.move(1)  # what "j" does; the article follows through messages and a worker
            view = app.main_screen.article_view
            while view.article is None or view.article.id != target:
                await asyncio.sleep(0.001)
            out["open"].append(time.perf_counter() - t)
            with contextlib.suppress(WorkerCancelled):
                await app.workers.wait_for_complete()
    assert len(library.headline_ids(HeadlineQuery())) == len(lst.ids)
    library.close()
    return {k: statistics.median(v) for k, v in out.items()}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--items", type=int, default=500)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", type=Path, default=Path("/tmp/briefing-ui-bench"))
    ap.add_argument("--no-newsboat", action="store_true")
    args = ap.parse_args(argv)
    home = prepare(args.work, args.feeds, args.items)
    if shutil.which("tmux") is None:
        sys.exit("tmux is needed to time real launches")

    ours = [briefing_launch(home) for _ in range(args.runs)]
    first, rss = statistics.median(o[0] for o in ours), max(o[1] for o in ours)
    theirs = None
    if not args.no_newsboat and shutil.which("newsboat"):
        nb = newsboat_cache(args.work, home / "briefing.db")
        theirs = [newsboat_launch(nb) for _ in range(max(1, min(args.runs, 3)))]
    inproc = asyncio.run(headless(home, args.runs))

    print(f"\n{args.feeds * args.items:,} articles, medians of {args.runs} runs\n")
    print(f"{'measure':<34}{'briefing':>12}{'newsboat':>12}{'ratio':>8}{'target':>12}")
    nb_first = statistics.median(t[0] for t in theirs) if theirs else None
    nb_rss = max(t[1] for t in theirs) if theirs else None
    _row("first screen, tmux (s)", first, nb_first, "<= 1 s")
    _row("first headlines, headless (s)", inproc["first"], None, "")
    _row("peak RSS (MB)", rss, nb_rss, "<= 150")
    _row("move one row + redraw (ms)", inproc["move"] * 1000, None, "<= 50")
    _row("key 'j' via Pilot, end to end (ms)", inproc["press"] * 1000, None, "")
    _row("open article with figures (ms)", inproc["open"] * 1000, None, "<= 100")


def _row(name: str, ours: float, theirs: float | None, target: str) -> None:
    nb = f"{theirs:12.2f}" if theirs is not None else f"{'-':>12}"
    ratio = f"{ours / theirs:8.2f}" if theirs else f"{'':>8}"
    print(f"{name:<34}{ours:12.2f}{nb}{ratio}{target:>12}")


if __name__ == "__main__":
    main()
