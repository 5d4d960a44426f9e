"""Hostile titles and bodies through the real Textual app: what reaches the terminal.

A frame is captured the way Textual writes it (compositor full update -> the exact escape
stream for the terminal).  Two checks: every Segment's *text* (the content part) is free of
control characters, and the raw stream holds nothing but the app's own sequences (SGR, cursor
moves, OSC 8 hyperlinks whose targets are validated http(s) URLs).  Markup strings from the
feed must be on screen literally, and the app must survive all of it.
"""

from __future__ import annotations

import contextlib
import re
import webbrowser
from datetime import UTC, datetime

from secutil import ESCAPES, is_forbidden
from textual.worker import WorkerCancelled

from briefing_tui.feeds.parse import parse_feed
from briefing_tui.models import HeadlineQuery, ParsedEntry
from briefing_tui.sanitize import openable_url
from briefing_tui.services.library import Library
from briefing_tui.services.settings import Settings
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.screens import refreshing

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
SIZE = (200, 50)
MARKUP = ["[/bold]", "[link=https://evil.invalid]y[/link]", "[@click=app.quit]x[/]"]
LOOKALIKE = "https://\u0430\u0440\u0440\u04cf\u0435.com/login"  # Cyrillic 'apple'

# The app's own sequences: SGR, cursor position, OSC 8 open/close (target checked separately).
_APP_SEQ = re.compile(r"\x1b\[[0-9;]*m|\x1b\[[0-9]+;[0-9]+H|\x1b\]8;[^\x1b\x07]*\x1b\\")
_OSC8 = re.compile(r"\x1b\]8;[^;\x1b\x07]*;([^\x1b\x07]*)\x1b\\")


def _hostile_rss() -> bytes:
    esc = "".join(ESCAPES.values())
    items = [
        (MARKUP[0] + " \x1b[2J cleared", f"<p>one {esc}</p>", "https://site.example/1"),
        (MARKUP[1], "<p>two &#27;]52;c;aWQ=&#7; &amp;amp;#27;[5m</p>", "javascript:alert(1)"),
        (MARKUP[2], "<p>three \u202egnp.exe \U000e0041 Z" + "\u0301" * 200 + "</p>", LOOKALIKE),
    ]
    xml = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>g{i}</guid>"
        f"<author>e@x (\x1b]52;c;aWQ=\x07Mallory [bold]x)</author>"
        f"<description><![CDATA[{b}]]></description></item>"
        for i, (t, b, link) in enumerate(items)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel>'
        f"<title>\x1b]0;pwned\x07[reverse blink]Feed</title><link>https://site.example/</link>"
        f"{xml}</channel></rss>"
    ).encode()


def _library_through_the_parser(tmp_path) -> Library:
    library = Library(tmp_path / "briefing.db", Settings())
    parsed = parse_feed(_hostile_rss(), {"content-type": "application/rss+xml"}, "https://f.ex/")
    feed = library.store.add_feed("https://f.ex/", parsed.title, ["[bold]tag"])
    library.store.upsert_entries(feed.id, parsed.entries, NOW)
    library.store.record_failure(
        feed.id, when=NOW, error="HTTP 500 [/bold] [@click=app.quit]x[/]", retry_after=None
    )
    return library


def _library_with_raw_rows(tmp_path) -> Library:
    """Rows written without the sanitizer (an older database, another writer, a future bug)."""
    library = Library(tmp_path / "briefing.db", Settings())
    store = library.store
    feed = store.add_feed("https://f.ex/", "\x1b]0;pwned\x07Feed\x9b2J", ["t\x1b[5m"])
    entries = [
        ParsedEntry(
            guid=f"g{i}",
            link=f"https://site.example/{i}\x1b]8;;https://evil.invalid\x1b\\",
            title=f"T{i} {seq} \u202egnp.exe\u2067x",
            author=f"A {seq}",
            published=NOW,
            body=f"Body {seq} end",
        )
        for i, seq in enumerate(ESCAPES.values())
    ]
    store.upsert_entries(feed.id, entries, NOW)
    store.record_failure(feed.id, when=NOW, error="HTTP 500 \x1b[5m\x9d0;x\x9c", retry_after=None)
    return library


async def _settle(app, pilot) -> None:
    # a list reload superseded by a newer one (start-up, then the fact index pass) is
    # cancelled by design: that is not a failure to wait on
    for _ in range(4):
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        await pilot.pause()


def _frame(app) -> tuple[str, str]:
    """(raw terminal stream, visible text) of a full repaint of the current screen."""
    update = app.screen._compositor.render_full_update()
    segments = [seg for line in update.strips for strip in line for seg in strip]
    bad = [seg.text for seg in segments if any(is_forbidden(c) for c in seg.text)]
    assert not bad, f"control characters in drawn text: {bad[:5]!r}"
    for seg in segments:
        link = seg.style.link if seg.style is not None else None
        assert not link or openable_url(link) == link, f"hyperlink to {link!r}"
    stream = update.render_segments(app.console)
    for target in _OSC8.findall(stream):
        assert not target or openable_url(target) == target, f"OSC 8 to {target!r}"
    rest = _APP_SEQ.sub("", stream)
    leaked = sorted({f"U+{ord(c):04X}" for c in rest if c != "\n" and is_forbidden(c)})
    assert not leaked, f"terminal stream carries content control characters: {leaked}"
    lines = "\n".join("".join(s.text for strip in line for s in strip) for line in update.strips)
    return stream, lines


async def _walk_every_screen(app, pilot, count: int) -> str:
    """Frame after frame: each article previewed in turn, then the feeds screen."""
    await _settle(app, pilot)
    seen = [_frame(app)[1]]
    for _ in range(count):
        await pilot.press("j")
        await _settle(app, pilot)
        seen.append(_frame(app)[1])
    await pilot.press("e")
    await _settle(app, pilot)
    seen.append(_frame(app)[1])
    return "\n".join(seen)


async def test_hostile_feed_through_parser_store_and_app_draws_no_content_sequences(tmp_path):
    library = _library_through_the_parser(tmp_path)
    try:
        app = BriefingApp(library, Settings(), clock=lambda: NOW, auto_refresh=False)
        async with app.run_test(size=SIZE) as pilot:
            text = await _walk_every_screen(app, pilot, 3)
            assert app.is_running  # '[@click=app.quit]' did nothing, no MarkupError
            for markup in MARKUP:
                assert markup in text, f"{markup!r} not shown literally"
            assert "[reverse blink]Feed" in text
    finally:
        library.close()


async def test_open_link_uses_webbrowser_with_only_validated_urls(tmp_path, monkeypatch):
    library = _library_through_the_parser(tmp_path)
    opened: list[object] = []
    monkeypatch.setattr(refreshing, "has_browser", lambda: True)
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    try:
        app = BriefingApp(library, Settings(), clock=lambda: NOW, auto_refresh=False)
        async with app.run_test(size=SIZE) as pilot:
            await _settle(app, pilot)
            ids = library.headline_ids(HeadlineQuery())
            for _ in ids:
                await pilot.press("o")
                await _settle(app, pilot)
                await pilot.press("j")
                await _settle(app, pilot)
        # javascript: is never opened; what is opened is exactly a validated http(s) URL
        assert opened and all(isinstance(u, str) and openable_url(u) == u for u in opened)
        assert not any("javascript" in u for u in opened)
    finally:
        library.close()


async def test_raw_rows_in_the_store_still_draw_no_content_sequences(tmp_path):
    # defence in depth (ui/render.py safe): rows that never went through the sanitizer
    library = _library_with_raw_rows(tmp_path)
    try:
        app = BriefingApp(library, Settings(), clock=lambda: NOW, auto_refresh=False)
        async with app.run_test(size=SIZE) as pilot:
            await _walk_every_screen(app, pilot, 4)
    finally:
        library.close()


async def test_lookalike_unicode_host_is_shown_with_its_ascii_form(tmp_path):
    library = _library_through_the_parser(tmp_path)
    try:
        app = BriefingApp(library, Settings(), clock=lambda: NOW, auto_refresh=False)
        async with app.run_test(size=SIZE) as pilot:
            text = await _walk_every_screen(app, pilot, 3)
            assert LOOKALIKE in text or "\u0430\u0440\u0440" in text
            assert "xn--80ak6aa92e.com" in text
    finally:
        library.close()
