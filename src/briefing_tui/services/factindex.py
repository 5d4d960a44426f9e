"""Keep each article's headline figures in the store, so the list can show badges, sort by
severity and filter by facts without re-reading every body.

Runs after each refresh on what is new or changed, and again over everything when
EXTRACTOR_VERSION changes.
"""

from __future__ import annotations

from briefing_tui.facts import EXTRACTOR_VERSION, extract_facts, summarize
from briefing_tui.store import Store


def index_facts(store: Store, batch: int = 500) -> int:
    """Extract and store badges for every article not yet indexed by this extractor version."""
    done = 0
    while rows := store.articles_needing_facts(EXTRACTOR_VERSION, batch):
        # The body only, so the badges agree with the sidebar of the opened article.
        items = [
            (article_id, summarize(extract_facts(body)).badges()) for article_id, _, body in rows
        ]
        store.set_badges_many(items, EXTRACTOR_VERSION)
        done += len(items)
    return done
