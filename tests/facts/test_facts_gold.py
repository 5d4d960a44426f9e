"""Regression guard: the extractor on the hand-annotated gold set must keep the issue's targets
(precision >= 0.95, recall >= 0.90 overall; approx and who right on >= 0.90 of matches), and
must never report a fact from a trap text that has none."""

import importlib.util
from pathlib import Path

from briefing_tui.facts import extract_facts

ROOT = Path(__file__).resolve().parents[2]


def _scorer():
    spec = importlib.util.spec_from_file_location("facts_score", ROOT / "bench" / "facts_score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_set_is_big_enough_and_well_formed():
    gold = _scorer().load_gold()
    assert len(gold) >= 60
    assert sum(a["trap"] for a in gold) * 4 >= len(gold)
    for article in gold:
        text = article["text"]
        for f in article["facts"]:
            assert text[f["start"] : f["end"]] == f["raw"]
            assert text[f["sentence_start"] : f["sentence_end"]] == f["sentence"]


def test_gold_targets():
    scorer = _scorer()
    result = scorer.score(scorer.load_all())
    overall = result["rows"]["overall"]
    assert overall["precision"] >= 0.95, result["errors"]
    assert overall["recall"] >= 0.90, result["errors"]
    assert result["approx_accuracy"] >= 0.90, result["errors"]
    assert result["who_accuracy"] >= 0.90, result["errors"]
    assert result["part_of_accuracy"] >= 0.90, result["errors"]


def test_no_fact_from_trap_texts_without_facts():
    for article in _scorer().load_all():
        if article["trap"] and not article["facts"]:
            assert extract_facts(article["text"]) == (), article["id"]
