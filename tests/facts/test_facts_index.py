"""The extractor behind the headline badges: index_facts stores each article's headline
figures through the real Store, and list filters/sorts can use them."""

from datetime import UTC, datetime

from briefing_tui.facts import EXTRACTOR_VERSION
from briefing_tui.models import HeadlineQuery, ParsedEntry
from briefing_tui.services.factindex import index_facts
from briefing_tui.store import Store

BODIES = {
    "quake": "At least 18 people were killed in the quake. The death toll later rose to 45.",
    "protest": "Police arrested 37 demonstrators, and 12 officers were injured.",
    "summit": "Leaders of the G7 met on March 14, 2026 at 10:30 a.m. in six countries.",
}


def test_index_facts_stores_headline_badges(tmp_path):
    store = Store.open(tmp_path / "briefing.sqlite3")
    try:
        feed = store.add_feed("https://news.invalid/feed.xml", "Wire")
        now = datetime(2026, 11, 26, tzinfo=UTC)
        entries = [
            ParsedEntry(guid=k, link=f"https://news.invalid/{k}", title=k, published=now, body=b)
            for k, b in BODIES.items()
        ]
        store.upsert_entries(feed.id, entries, now)
        assert index_facts(store) == 3
        assert index_facts(store) == 0  # all indexed by this EXTRACTOR_VERSION
        assert store.articles_needing_facts(EXTRACTOR_VERSION) == []
        badges = {h.title: h.badges for h in store.headlines(HeadlineQuery())}
        assert [(b.category, b.value, b.approx) for b in badges["quake"]] == [
            ("deaths", 45, "exact")
        ]
        assert [(b.category, b.value) for b in badges["protest"]] == [
            ("injuries", 12),
            ("arrests", 37),
        ]
        assert badges["summit"] == ()
        deadly = store.headlines(HeadlineQuery(fact_category="deaths", fact_min=40))
        assert [h.title for h in deadly] == ["quake"]
    finally:
        store.close()
