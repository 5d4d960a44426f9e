"""Score the fact extractor on the hand-annotated gold set.

    .venv/bin/python bench/facts_score.py [--errors] [GOLD.jsonl]

A predicted fact matches a gold fact when category and value are equal and it comes from the
same sentence (its sentence span holds the gold figure).  Matching is one-to-one per article.
Prints precision / recall / F1 per category and overall, and on matched facts how often
``approx``, ``who`` (case-insensitive) and ``part_of`` (the breakdown's total) agree.
Without a path it scores every gold file (gold, heldout*, blind*) one by one and together.
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
GOLD_NAMES = (
    "gold", "heldout", "heldout2", "blind", "blind2", "blind3", "blind4", "blind5", "blind6",
    "blind7",
)  # fmt: skip
GOLD_FILES = tuple(GOLD_DIR / f"{n}.jsonl" for n in GOLD_NAMES)


def load_gold(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def load_all() -> list[dict]:
    return [article for path in GOLD_FILES for article in load_gold(path)]


def score(gold: list[dict]) -> dict:
    tp, fp, fn = Counter(), Counter(), Counter()
    ok = Counter()  # approx / who / part_of right on matched facts
    errors: list[str] = []
    for article in gold:
        facts = extract_facts(article["text"])
        unmatched = list(range(len(facts)))
        pairs: dict[int, int] = {}  # gold index -> predicted index
        for gi, g in enumerate(article["facts"]):
            pi = next((i for i in unmatched if _same(facts[i], g)), None)
            if pi is None:
                fn[g["category"]] += 1
                errors.append(f"MISS {article['id']}: {g['category']} {g['value']} {g['raw']!r}")
                continue
            unmatched.remove(pi)
            pairs[gi] = pi
            tp[g["category"]] += 1
            hit = facts[pi]
            ok["approx"] += hit.approx == g["approx"]
            ok["who"] += hit.who.lower() == g["who"].lower()
            if hit.approx != g["approx"] or hit.who.lower() != g["who"].lower():
                errors.append(
                    f"ATTR {article['id']}: {g['category']} {g['value']} approx "
                    f"{hit.approx}/{g['approx']} who {hit.who!r}/{g['who']!r}"
                )
        for gi, pi in pairs.items():
            want = article["facts"][gi].get("part_of")
            if facts[pi].part_of == (pairs.get(want, -1) if want is not None else None):
                ok["part_of"] += 1
            else:
                errors.append(
                    f"PART {article['id']}: {facts[pi].value} part_of {facts[pi].part_of}"
                )
        for i in unmatched:
            p = facts[i]
            fp[p.category] += 1
            errors.append(
                f"FALSE {article['id']}: {p.category} {p.value} {p.raw!r} in {p.sentence!r}"
            )
    rows = {c: _prf(tp[c], fp[c], fn[c]) for c in CATEGORIES}
    rows["overall"] = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    matched = sum(tp.values())
    return {
        "rows": rows,
        "approx_accuracy": ok["approx"] / matched if matched else 0.0,
        "who_accuracy": ok["who"] / matched if matched else 0.0,
        "part_of_accuracy": ok["part_of"] / matched if matched else 0.0,
        "matched": matched,
        "errors": errors,
    }


def _same(fact, g: dict) -> bool:  # noqa: ANN001 - a Fact
    return (
        fact.category == g["category"]
        and fact.value == g["value"]
        and fact.sentence_start <= g["start"] < fact.sentence_end
    )


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
    print(f"part_of right on matches: {result['part_of_accuracy']:.3f}")
    if show_errors:
        print("\n".join(result["errors"]))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
