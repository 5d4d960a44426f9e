"""Extraction never hangs or crashes, and its offsets always point at what it reports.

Random and adversarial text (long digit runs, 100k-character runs with no punctuation, nested
brackets, thousands of numbers, the '..[111 111 …]' input that hangs pysbd) must return quickly
with facts whose offsets are valid.  Timing here is a generous guard against a hang, not a
benchmark (bench/facts_speed.py measures speed).
"""

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_tui.facts import extract_facts, summarize
from briefing_tui.models import CATEGORIES

WORDS = [
    "at least", "killed", "were", "injured", "people", "troops", "deployed", "1,200", "dozens",
    "of", "no one", "not", "2019", "hundred", "and", "twenty-five", "including", "children",
    "toll", "rose to", "from", "to", "between", ",", ".", ";", "(", ")", "-", "5-", "3.2m",
    "arrested", "missing", "fled", "could", "half a million", "a dozen", "%", "$", "\n",
]  # fmt: skip
news_like = st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join)


def check(text: str) -> None:
    facts = extract_facts(text)
    for f in facts:
        assert f.category in CATEGORIES
        assert f.value >= 0
        assert 0 <= f.sentence_start <= f.start < f.end <= f.sentence_end <= len(text)
        assert text[f.sentence_start : f.sentence_end] == f.sentence
        assert text[f.start : f.end] == f.raw
        assert f.part_of is None or 0 <= f.part_of < len(facts)
    summarize(facts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_random_text(text):
    check(text)


@settings(max_examples=400, deadline=None)
@given(news_like)
def test_news_like_word_salad(text):
    check(text)


ADVERSARIAL = [
    "9" * 50_000,
    "1," * 20_000 + "000 people were killed",
    "a a a " * 17_000,
    "(" * 5_000 + "12 people were killed" + ")" * 5_000,
    ".." + "[111 111 ]" * 5_000,
    " ".join(str(i) for i in range(20_000)) + " people were killed",
    "at least " * 5_000 + "18 people were killed",
    "one hundred and " * 3_000 + "ten people were killed",
    "killed " * 10_000 + "12",
    "<div>" * 10_000 + "12 people were killed",
    "twenty-" * 10_000 + "five people died",
    "\n" * 50_000 + "3 dead",
    "Mr. " * 20_000,
]


def test_adversarial_inputs_return_fast():
    for text in ADVERSARIAL:
        t0 = time.perf_counter()
        check(text)
        assert time.perf_counter() - t0 < 2.0, text[:40]
