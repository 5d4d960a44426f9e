"""Start-up, refresh, links and the pickers of the main screen.

Start-up paints from the cache first, then (in the background) subscribes the bundled sample
when there are no feeds, extracts the badges of articles a `briefing fetch` stored meanwhile,
and refreshes when the last refresh is older than the configured interval.  A refresh runs in
its own thread worker (the Library's refresh is blocking), then the fact index pass, so the
list reloads with badges; progress comes through coalescing messages, and failures become
one notification pointing at the feeds view, never a modal per feed.
"""

from __future__ import annotations

import os
import sys
import time
import webbrowser
from dataclasses import replace
from datetime import datetime, timedelta

from textual import work
from textual.worker import get_current_worker

from briefing_tui.sanitize import ascii_url
from briefing_tui.ui.messages import FactsIndexed, RefreshFinished, RefreshProgressed
from briefing_tui.ui.render import display_url, plural

LIVE_RELOAD_SECONDS = 2.0
"""During a refresh the list reloads at most this often, to show the feeds stored so far."""


def has_browser() -> bool:
    """False over ssh or without a display, where a browser would open on the wrong machine."""
    if os.environ.get("SSH_CONNECTION") or os.environ.get("SSH_TTY"):
        return False
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


class RefreshActions:
    """Mixed into MainScreen."""

    def start(self) -> None:
        self.reload(restore=True)
        self._startup()
        app = self.app
        minutes = app.settings.general.refresh_interval_minutes
        if app.background_refresh and minutes > 0:
            self.set_interval(minutes * 60, self._auto_refresh, name="auto-refresh")

    @work(group="startup", exit_on_error=False, description="start-up checks")
    async def _startup(self) -> None:
        library = self.library

        def check() -> tuple[bool, str | None]:
            added = library.ensure_sample() if not library.feeds() else False
            return added, library.last_refresh()

        added, last = await self.app.io(check)
        self.status.last_refresh = _short_time(last, self.app.clock())
        if not added:
            self._index_facts()
        minutes = self.app.settings.general.refresh_interval_minutes
        if added:
            self.notify("No feeds yet: showing the bundled sample briefing.", timeout=4)
            self.action_refresh()
        elif self.app.background_refresh and minutes > 0:
            if _older_than(last, minutes, self.app.clock()):
                self.action_refresh()

    @work(thread=True, exclusive=True, group="facts", exit_on_error=False, description="figures")
    def _index_facts(self) -> None:
        """The passes over what is stored without its indexes (a cron `briefing fetch`, a
        new extractor version, this app's own refresh): fact badges, then search.  One
        worker group, exclusive: a pass started after a refresh replaces one still running
        from start-up (which stops after its batch) instead of extracting beside it."""
        worker = get_current_worker()  # quitting cancels it: stop after the batch
        try:
            if not self.library.facts_pending():
                self.library.index_search()  # before the next search has to wait for it
                return
            self.post_message(RefreshProgressed(0, 0, "", note="indexing figures…"))
            done, _searchable = self.library.index_all(lambda: worker.is_cancelled)
        except Exception:  # the next refresh or start-up tries again; never crash
            done = 0
        self.post_message(FactsIndexed(done))

    def on_facts_indexed(self, message: FactsIndexed) -> None:
        if self.status.progress == "indexing figures…":
            self.status.progress = ""
        if message.count:
            self.reload(keep_current=True)

    def _auto_refresh(self) -> None:
        if not self._refreshing:
            self.action_refresh()

    def action_refresh(self, force: bool = False, feed_ids: list[int] | None = None) -> bool:
        """Start a refresh (True); while one runs, never cancel it (that would skip the feeds
        it has not started): a request for named feeds or a forced one waits for it to end."""
        if self._refreshing:
            self._queue_refresh(force, feed_ids)
            return False
        self._refreshing = True
        self._live_reload_at = 0.0
        self.status.progress = "refreshing…"
        self._refresh(force, feed_ids)
        return True

    def _queue_refresh(self, force: bool, feed_ids: list[int] | None) -> None:
        if not force and not feed_ids:
            self.notify("Already refreshing", timeout=2)
            return
        queued = self._queued_refresh
        if queued is not None:  # merge: all feeds wins over some, force over not
            feed_ids = None if queued[1] is None or not feed_ids else [*queued[1], *feed_ids]
            force = force or queued[0]
        self._queued_refresh = (force, feed_ids)
        what = "these feeds" if feed_ids else "every feed"
        self.notify(f"A refresh is running: {what} will be fetched when it ends", timeout=3)

    @work(thread=True, exclusive=True, group="refresh", exit_on_error=False, description="refresh")
    def _refresh(self, force: bool, feed_ids: list[int] | None) -> None:
        def progress(report: object) -> None:
            self.post_message(
                RefreshProgressed(
                    int(getattr(report, "done", 0)),
                    int(getattr(report, "total", 0)),
                    str(getattr(report, "feed_title", "")),
                )
            )

        worker = get_current_worker()  # quitting cancels it: feeds not started are skipped
        try:  # whatever fails, RefreshFinished is posted: it ends the "refreshing" state
            report = self.library.refresh(
                feed_ids,
                force=force,
                on_progress=progress,
                should_stop=lambda: worker.is_cancelled,
            )
            failed = tuple(getattr(report, "failed", ()))
            finished = RefreshFinished(
                new=int(getattr(report, "new_total", 0)),
                failed=len(failed),
                errors=[f"{o.title or o.url}: {o.error}" for o in failed],
                finished_at=self.library.last_refresh(),
            )
        except Exception as exc:  # the store itself failed: say so, keep the app running
            error = str(exc) or type(exc).__name__
            self.post_message(RefreshFinished(new=0, failed=0, error=error))
            return
        self.post_message(finished)  # its handler starts the index passes

    def on_refresh_progressed(self, message: RefreshProgressed) -> None:
        if message.note:
            self.status.progress = message.note
        elif message.total:
            self.status.progress = f"refreshing {message.done}/{message.total}"
            self._live_reload_soon()

    def _live_reload_soon(self) -> None:
        """Each feed is stored as it arrives: show what is in, without waiting for the
        slowest feed (its deadline can be most of a minute); at most every few seconds,
        and once more after the last feed that came in."""
        if self._live_timer is not None:
            return
        wait = self._live_reload_at + LIVE_RELOAD_SECONDS - time.monotonic()
        if wait <= 0:
            self._live_reload()
        else:
            self._live_timer = self.set_timer(wait, self._live_reload, name="live-reload")

    def _live_reload(self) -> None:
        self._live_timer = None
        if self._refreshing:
            self._live_reload_at = time.monotonic()
            self.reload(keep_current=True)

    def on_refresh_finished(self, message: RefreshFinished) -> None:
        self._refreshing = False
        if self._live_timer is not None:  # the reload below shows everything
            self._live_timer.stop()
            self._live_timer = None
        self.status.progress = ""
        queued, self._queued_refresh = self._queued_refresh, None
        if queued is not None:
            self.action_refresh(*queued)
        if message.error is not None:
            self.notify(message.error, title="Refresh failed", severity="error", markup=False)
            return
        self.status.last_refresh = _short_time(message.finished_at, self.app.clock())
        if message.new:
            self.notify(plural(message.new, "new article"), timeout=4)
        else:
            self.notify("No new articles", timeout=2)
        if message.failed:
            self.notify(
                f"{plural(message.failed, 'feed')} failed — press e to see why",
                severity="warning",
                timeout=6,
            )
        self.reload(keep_current=True)
        self._index_facts()  # the new headlines are shown now; their badges follow
        from briefing_tui.ui.screens.feeds import FeedsScreen

        if isinstance(self.app.screen, FeedsScreen):
            self.app.screen.load()

    # --- links ----------------------------------------------------------------------------
    def _link(self) -> str | None:
        article = self.article_view.article
        link = article.link if article is not None else ""
        if not link and (headline := self._current()) is not None:
            link = headline.link
        url = ascii_url(link)  # exactly what the browser will request
        if url is None:
            self.notify("This article has no http(s) link to open.", severity="warning")
        return url

    def action_open_link(self) -> None:
        url = self._link()
        if url is None:
            return
        if not has_browser():
            self.app.copy_to_clipboard(url)
            self.notify(
                display_url(url), title="No browser here: link copied", markup=False, timeout=8
            )
            return
        self.notify(display_url(url), title="Opening", markup=False, timeout=4)
        self._open_browser(url)

    @work(thread=True, group="browser", exit_on_error=False, description="open browser")
    def _open_browser(self, url: str) -> None:
        if not webbrowser.open(url, new=2):
            self.app.call_from_thread(self.app.copy_to_clipboard, url)
            self.notify(display_url(url), title="No browser found: link copied", markup=False)

    def action_copy_link(self) -> None:
        url = self._link()
        if url is not None:
            self.app.copy_to_clipboard(url)
            self.notify(display_url(url), title="Link copied", markup=False, timeout=4)

    def action_feeds(self) -> None:
        from briefing_tui.ui.screens.feeds import FeedsScreen

        def chosen(choice: tuple[int, str] | None) -> None:
            if choice is not None:
                feed_id, title = choice
                self.set_filters(replace(self.filters, feed_id=feed_id, feed_title=title, tag=None))

        self.app.push_screen(FeedsScreen(), chosen)


def _parse(when: str | None) -> datetime | None:
    if not when:
        return None
    try:
        return datetime.fromisoformat(when)
    except ValueError:
        return None


def _older_than(when: str | None, minutes: int, now: datetime) -> bool:
    parsed = _parse(when)
    return parsed is None or now - parsed > timedelta(minutes=minutes)


def _short_time(when: str | None, now: datetime) -> str:
    parsed = _parse(when)
    if parsed is None:
        return "never"
    local = parsed.astimezone(now.tzinfo) if now.tzinfo else parsed
    return (
        local.strftime("%H:%M")
        if now - parsed < timedelta(hours=20)
        else local.strftime("%b %d %H:%M")
    )
