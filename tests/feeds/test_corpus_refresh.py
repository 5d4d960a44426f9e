"""feedparser's ~2,100 corpus files through the full refresh path: served on 127.0.0.1,
fetched, parsed in worker processes, stored in a real SQLite file, read back."""

from __future__ import annotations

import pytest
from test_corpus import CORPUS, FILES

from briefing_tui.models import HeadlineQuery
from briefing_tui.services.refresh import refresh_feeds
from briefing_tui.services.settings import FetchSettings, Settings
from briefing_tui.store import Store

pytestmark = pytest.mark.skipif(not FILES, reason=f"feedparser corpus not found at {CORPUS}")


async def test_every_corpus_file_survives_the_refresh_path(http_server, tmp_path):
    db = tmp_path / "corpus.db"
    with Store(db) as store:
        for i, path in enumerate(FILES):
            http_server.add(f"/c/{i}", path.read_bytes())
            store.add_feed(http_server.url(f"/c/{i}"))
    settings = Settings(fetch=FetchSettings(concurrency=16, per_host=16, deadline=20.0))
    report = await refresh_feeds(db, settings, parse_processes=True)
    assert len(report.outcomes) == len(FILES)
    assert {o.status for o in report.outcomes} <= {"updated", "failed"}
    failed = report.failed
    assert len(failed) <= 20, [(o.url, o.error) for o in failed[:5]]
    for outcome in failed:
        assert outcome.error and "\n" not in outcome.error and "Traceback" not in outcome.error
    with Store(db) as store:
        headlines = store.headlines(HeadlineQuery())
        assert len(headlines) > 1000
        for headline in headlines:
            assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in headline.title)
            article = store.article(headline.id)
            assert article is not None
            assert not any(
                (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F for c in article.body
            )
        _render_as_shown(headlines, store)


def _render_as_shown(headlines, store) -> None:
    """Every stored row and body through the UI's own renderers: a plain console adds no
    escape codes of its own, so any ESC/C1 in its output would have come from a feed."""
    import io
    from datetime import UTC, datetime

    from rich.console import Console

    from briefing_tui.ui.render import body_paragraph, headline_row

    out = io.StringIO()
    console = Console(file=out, width=120, force_terminal=False, color_system=None)
    now = datetime(2026, 11, 26, tzinfo=UTC)
    for headline in headlines:
        console.print(headline_row(headline, 100, now, {}))
        article = store.article(headline.id)
        for paragraph in article.body.split("\n\n")[:50]:
            console.print(body_paragraph(paragraph, {}))
    shown = out.getvalue()
    assert len(shown) > 10_000
    assert not any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F for c in shown)
