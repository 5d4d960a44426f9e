"""Score the fact extractor on the hand-annotated gold set.

    .venv/bin/python bench/facts_score.py [--errors] [GOLD.jsonl]

A predicted fact matches a gold fact when category and value are equal and it comes from the
same sentence (its sentence span holds the gold figure).  Matching is one-to-one per article.
Prints precision / recall / F1 per category and overall, and on matched facts how often
``approx`` and ``who`` (case-insensitive) agree.  Without a path it scores every gold file
(gold, heldout*, blind*) one by one and together.
tests/facts/test_facts_gold.py asserts the targets.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from briefing_tui.facts import extract_facts
from briefing_tui.models import CATEGORIES

GOLD_DIR = Path(__file__).resolve().parents[1] / "tests" / "facts" / "gold"
GOLD = GOLD_DIR / "gold.jsonl"
GOLD_NAMES = ("gold", "heldout", "heldout2", "blind", "blind2", "blind3", "blind4", "blind5")
GOLD_FILES = tuple(GOLD_DIR / f"{n}.jsonl" for n in GOLD_NAMES)


def load_gold(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def load_all() -> list[dict]:
    return [article for path in GOLD_FILES for article in load_gold(path)]


def score(gold: list[dict]) -> dict:
    tp, fp, fn = Counter(), Counter(), Counter()
    approx_ok = who_ok = matched = 0
    errors: list[str] = []
    for article in gold:
        predicted = list(extract_facts(article["text"]))
        for g in article["facts"]:
            hit = next(
                (
                    p
                    for p in predicted
                    if p.category == g["category"]
                    and p.value == g["value"]
                    and p.sentence_start <= g["start"] < p.sentence_end
                ),
                None,
            )
            if hit is None:
                fn[g["category"]] += 1
                errors.append(f"MISS {article['id']}: {g['category']} {g['value']} {g['raw']!r}")
                continue
            predicted.remove(hit)
            tp[g["category"]] += 1
            matched += 1
            approx_ok += hit.approx == g["approx"]
            who_ok += hit.who.lower() == g["who"].lower()
            if hit.approx != g["approx"] or hit.who.lower() != g["who"].lower():
                errors.append(
                    f"ATTR {article['id']}: {g['category']} {g['value']} approx "
                    f"{hit.approx}/{g['approx']} who {hit.who!r}/{g['who']!r}"
                )
        for p in predicted:
            fp[p.category] += 1
            errors.append(
                f"FALSE {article['id']}: {p.category} {p.value} {p.raw!r} in {p.sentence!r}"
            )
    rows = {c: _prf(tp[c], fp[c], fn[c]) for c in CATEGORIES}
    rows["overall"] = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return {
        "rows": rows,
        "approx_accuracy": approx_ok / matched if matched else 0.0,
        "who_accuracy": who_ok / matched if matched else 0.0,
        "matched": matched,
        "errors": errors,
    }


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}


def main(argv: list[str]) -> int:
    show_errors = "--errors" in argv
    paths = [Path(a) for a in argv if not a.startswith("--")]
    sets = [(p.name, load_gold(p)) for p in paths or GOLD_FILES]
    if len(sets) > 1:
        sets.append(("all", [a for _, articles in sets for a in articles]))
    for name, gold in sets:
        print_table(name, gold, show_errors)
    return 0


def print_table(name: str, gold: list[dict], show_errors: bool) -> None:
    result = score(gold)
    facts = sum(len(a["facts"]) for a in gold)
    traps = sum(a["trap"] for a in gold)
    print(f"\n{name}: {len(gold)} texts ({traps} trap texts), {facts} facts")
    print(f"{'category':<10} {'TP':>4} {'FP':>4} {'FN':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for name, r in result["rows"].items():
        print(
            f"{name:<10} {r['tp']:>4} {r['fp']:>4} {r['fn']:>4} "
            f"{r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f}"
        )
    print(f"approx right on matches: {result['approx_accuracy']:.3f} ({result['matched']} matches)")
    print(f"who right on matches:    {result['who_accuracy']:.3f}")
    if show_errors:
        print("\n".join(result["errors"]))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
