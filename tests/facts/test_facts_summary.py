"""summarize(): categories in models.CATEGORIES order, headline = largest current figure,
breakdowns never the headline, every mention kept in text order."""

from briefing_tui.facts import EXTRACTOR_VERSION, extract_facts, summarize
from briefing_tui.models import CATEGORIES, FactSummary

TEXT = (
    "Floods have displaced 30,000 people. At least 12 people were killed and 40 injured, "
    "including 15 children. Police arrested 7 looters. The death toll later rose to 19, "
    "officials said, and 5 people are missing."
)


def test_summary_order_headlines_and_mentions():
    facts = extract_facts(TEXT)
    summary = summarize(facts)
    assert [c.category for c in summary.categories] == [
        c for c in CATEGORIES if c in {"deaths", "injuries", "arrests", "displaced", "missing"}
    ]
    by_cat = {c.category: c for c in summary.categories}
    assert by_cat["deaths"].headline.value == 19
    assert [f.value for f in by_cat["deaths"].mentions] == [12, 19]
    assert by_cat["injuries"].headline.value == 40
    assert [f.value for f in by_cat["injuries"].mentions] == [40, 15]
    assert summary.facts == facts
    assert [(b.category, b.value) for b in summary.badges()] == [
        ("deaths", 19),
        ("injuries", 40),
        ("arrests", 7),
        ("displaced", 30000),
        ("missing", 5),
    ]


def test_breakdown_is_not_headline_even_if_larger():
    facts = extract_facts("Two dozen people were hurt, including 20 children.")
    assert summarize(facts).categories[0].headline.value == 24


def test_empty():
    assert summarize(()) == FactSummary()
    assert extract_facts("") == ()
    assert EXTRACTOR_VERSION >= 1


def test_downward_revision_is_the_current_figure():
    text = (
        "The ministry first said 45 people had died. "
        "It later revised the death toll to 30, citing double counting."
    )
    summary = summarize(extract_facts(text))
    deaths = summary.categories[0]
    assert deaths.headline.value == 30
    assert [f.value for f in deaths.mentions] == [45, 30]
