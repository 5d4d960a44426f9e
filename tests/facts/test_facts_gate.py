"""The sentence gate (facts/gate.py) only skips sentences that cannot yield a fact.

Results with the gate and without it must be identical on every gold text, every bundled
sample article and hard phrasings; the literals it derives from the patterns must be ones
every match contains."""

from __future__ import annotations

import importlib
import random
import re
import re._parser as sre

import pytest
from corpus_texts import every_text

from briefing_tui.facts import extract_facts
from briefing_tui.facts.sentences import split_sentences

G = importlib.import_module("briefing_tui.facts.gate")
X = importlib.import_module("briefing_tui.facts.extract")
PHRASES = (
    "Nine of them were children.", "Police said 23 of those held were released.",
    "A 4,000-strong force crossed the border.", "Officials made 45 arrests overnight.",
    "Dead: 23. Injured: 40.", "The attack took to 58 the number of troops killed.",
    "The army, which has about 12,000 personnel, moved north.", "They treated 1,500 people for "
    "heatstroke.", "The floods forced 3,000 people from their homes.", "12 refugees arrived.",
    "Rescuers found 5 bodies.", "The toll rose to 45.", "Two soldiers and three militants "
    "were killed.", "Police arrested eight men and two women.", "80,000 displaced people",
)  # fmt: skip


TEXTS = every_text(PHRASES)


def test_extraction_is_the_same_without_the_gate(monkeypatch):
    with_gate = [extract_facts(t) for t in TEXTS]
    monkeypatch.setattr(X, "may_hold_fact", lambda sentence: True)
    assert [extract_facts(t) for t in TEXTS] == with_gate
    assert sum(map(len, with_gate)) > 300


def test_every_fact_sentence_passes_the_gate():
    for text in TEXTS:
        for fact in extract_facts(text):
            assert G.may_hold_fact(fact.sentence), fact.sentence


def test_the_gate_skips_figures_that_count_nothing():
    assert not G.may_hold_fact("The bridge is 300 metres long and opened on Monday.")
    assert not G.may_hold_fact("Shares rose 12 percent in early trading.")
    assert G.may_hold_fact("At least 12 people were killed.")
    assert G.may_hold_fact("Ünïcode 12 figures are never skipped.")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"(?:placed\s+)?under\s+arrest", {"arrest"}),
        (r"hospitali[sz]ed", {"hospitali"}),
        (r"killings?\s+of|murders?\s+of", {"killing", "murder"}),
        (r"in\s+(?:the\s+)?(?:city|town)", {"city", "town"}),
        (r"(?:a|b)?", None),
    ],
)
def test_required_literals(source, expected):
    found = G.required_literals(sre.parse(source, re.I))
    assert (set(found) if found is not None else None) == expected


def test_every_alternative_has_literals_every_match_contains():
    """Sample strings that match each alternative, built from its own branches, contain one
    of its literals."""
    rng = random.Random(7)
    tried = matched = 0
    for source in G._alternatives():
        literals = G.required_literals(sre.parse(source, re.I))
        assert literals, source
        pattern = re.compile(source, re.I)
        for branch in G._branches(source):
            text = _instance(branch, rng)
            tried += 1
            if pattern.search(text):
                matched += 1
                assert any(lit in text.lower() for lit in literals), (source, text)
    assert matched > 0.9 * tried  # the crude instances do exercise the alternatives


def test_branches_split_each_alternative_exactly():
    for source in (*G._alternatives(), r"[(|]a|b(?:c|d)|\|x|[]|]y"):
        branches = G._branches(source)
        assert "|".join(branches) == source
        for branch in branches:
            re.compile(branch)  # a wrong split leaves an unbalanced group or class
    assert G._branches(r"[(|]a|b(?:c|d)|\|x|[]|]y") == [r"[(|]a", "b(?:c|d)", r"\|x", "[]|]y"]


def test_a_plain_literal_is_found_without_a_search():
    finder, to_search = G._table()
    assert None in to_search["killed"] and None not in to_search["the"]
    assert G.may_hold_fact("Twelve people were KILLED on 12 May.")


def test_branches_search_the_lower_cased_sentence_as_they_would_the_sentence():
    """Case-blind branches (every one today) find in the lower-cased ASCII sentence, without
    IGNORECASE, what they find with it in the sentence, here in every ASCII sentence of the
    corpus, in its upper-case and in a random mix of cases."""
    _, to_search = G._table()
    branches = sorted({b for found in to_search.values() for b in found if b})
    assert branches and all(G._compiled(b)[1] for b in branches)
    rng = random.Random(3)
    sentences = [t[s:e] for t in TEXTS for s, e in split_sentences(t) if t[s:e].isascii()]
    assert len(sentences) > 500
    for branch in branches:
        ignoring, blind = re.compile(branch, re.I), G._compiled(branch)[0]
        for sentence in sentences[:: max(1, len(sentences) // 400)]:
            mixed = "".join(c.upper() if rng.random() < 0.5 else c for c in sentence)
            for text in (sentence, sentence.upper(), mixed):
                expected = ignoring.search(text)
                found = blind.search(text.lower())
                assert (found and found.span()) == (expected and expected.span()), branch


@pytest.mark.parametrize(
    ("source", "blind"),
    [
        (r"of\s+(?:them|whom)", True), (r"held(?!\s+by)", True), (r"\.x|[sz]", True),
        (r"[A-Z]x", False), (r"\Sx", False), (r"\x41", False), (r"(?-i:ab)", False),
        (r"(?i)ab", False),
    ],
)  # fmt: skip
def test_only_case_blind_branches_are_searched_lower_cased(source, blind):
    assert G._compiled(source)[1] is blind


def _instance(branch: str, rng: random.Random) -> str:
    """A crude text for a branch: whitespace classes as one space, optional groups dropped,
    first alternative of a group kept."""
    text = re.sub(r"\\s[+*]?", " ", branch)
    text = re.sub(r"\(\?[!=<][^)]*\)", "", text)
    text = re.sub(r"\(\?:[^()]*\)\?", "", text)
    text = re.sub(r"\(\?:([^|()]*)[^()]*\)", r"\1", text)
    text = re.sub(r"\[(.)[^\]]*\]", r"\1", text)
    text = re.sub(r"\\w\+?", "x", text)
    text = text.replace("?", "").replace("\\", "")
    return f"{rng.randint(2, 99)} {text} x"
