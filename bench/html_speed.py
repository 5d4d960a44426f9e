"""CPU cost of HTML -> text (htmltext.html_to_text, clean_text included), against a baseline.

    .venv/bin/python bench/html_speed.py [--runs N] [--baseline REV] [--trim]

The baseline is htmltext.py and sanitize.py as they were at git revision REV (default: the
commit before the HTML speed pass), exported with `git show` into a temporary package, so old
and new run in the same process on the same inputs.  Two input sets:
* the fetch benchmark's items (bench/fetch/gen_feeds.py: 200 feeds x 50 items, ~1.9 KB of
  <p>, <a href>, <ul><li> each), with the entry link as base URL as feeds/parse.py passes it;
* every HTML body and summary feedparser yields from the shared feedparser corpus (skipped when
  /work/shared/corpus/feedparser is absent).
Times are CPU time (process_time), median of N runs (default 7), old and new alternating; the
table also says whether both versions gave identical text for every input.

Allocator noise: every Lexbor parse allocates and frees its tokenizer (a few hundred KB).  When
that lands at the top of glibc's heap, free() trims it and the next parse faults the pages back
in (2-20 page faults a document, +30-150 % CPU), or not, depending on what else is on the heap,
which made old/new comparisons swing with unrelated changes.  So the bench switches trimming off
(mallopt M_TRIM_THRESHOLD/M_TOP_PAD) unless --trim; the 'faults' column shows page faults per item.
"""

from __future__ import annotations

import argparse
import ctypes
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

import feedparser

from briefing_tui.htmltext import html_to_text

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path("/work/shared/corpus/feedparser")
BASELINE = "ce094cc949f1fc4cd6d6af571e5d70ae459c4452"
"""The last commit before the HTML speed pass (walker shortcuts, link fast path)."""

sys.path.insert(0, str(ROOT / "bench" / "fetch"))
from gen_feeds import _items  # noqa: E402

Case = tuple[str, str, bool]  # html, base URL, base_checked


def baseline_module(rev: str, folder: Path) -> types.ModuleType:
    """htmltext at `rev`, importing the sanitize module of the same revision."""
    pkg = folder / "baseline_html"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    for name in ("htmltext", "sanitize"):
        src = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{rev}:src/briefing_tui/{name}.py"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        src = src.replace("from briefing_tui.sanitize import", "from baseline_html.sanitize import")
        (pkg / f"{name}.py").write_text(src)
    sys.path.insert(0, str(folder))
    import baseline_html.htmltext as old

    return old


def bench_items(feeds: int = 200, per_feed: int = 50) -> list[Case]:
    return [
        (html, f"https://news{feed}.example/a/{n}", True)
        for feed in range(feeds)
        for n, _title, html, _date in _items(feed, per_feed, 0)
    ]


def corpus_items() -> list[Case]:
    out: list[Case] = []
    for path in sorted(CORPUS.rglob("*.xml")):
        data = feedparser.parse(path.read_bytes(), sanitize_html=False)
        for entry in data.get("entries", []):
            details = [*entry.get("content", []), entry.get("summary_detail") or {}]
            for detail in details:
                if "html" in (detail.get("type") or "") and detail.get("value"):
                    out.append((detail["value"], "https://corpus.example/feed/", True))
    return out


def no_heap_trim() -> None:
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return  # not glibc
    libc.mallopt(-1, 256 << 20)  # M_TRIM_THRESHOLD
    libc.mallopt(-2, 64 << 20)  # M_TOP_PAD


def cpu(fn, cases: list[Case]) -> float:  # noqa: ANN001
    start = time.process_time()
    for html, base, checked in cases:
        fn(html, base, base_checked=checked)
    return time.process_time() - start


def measure(old, cases: list[Case], runs: int) -> tuple[float, float, float, bool]:  # noqa: ANN001
    """Median CPU seconds (old, new), page faults per item, identical output."""
    same = all(
        old.html_to_text(h, b, base_checked=c) == html_to_text(h, b, base_checked=c)
        for h, b, c in cases
    )
    olds, news = [], []
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(runs):
        olds.append(cpu(old.html_to_text, cases))
        news.append(cpu(html_to_text, cases))
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults
    per_item = faults / (2 * runs * len(cases))
    return statistics.median(olds), statistics.median(news), per_item, same


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--baseline", default=BASELINE, help="git revision to compare against")
    ap.add_argument("--trim", action="store_true", help="leave glibc's heap trimming on")
    args = ap.parse_args()
    if not args.trim:
        no_heap_trim()
    sets = [("bench items (gen_feeds)", bench_items())]
    if CORPUS.is_dir():
        sets.append(("feedparser corpus HTML", corpus_items()))
    with tempfile.TemporaryDirectory() as tmp:
        old = baseline_module(args.baseline, Path(tmp))
        trim = "on" if args.trim else "off"
        print(
            f"baseline {args.baseline[:10]} vs working tree; CPU time, median of {args.runs}; ",
            end="",
        )
        print(f"heap trimming {trim}")
        head = f"{'input':24} {'items':>6} {'old it/s':>9} {'new it/s':>9}"
        print(f"{head} {'old s/10k':>9} {'new s/10k':>9} {'new/old':>7} {'faults':>6} same")
        for label, cases in sets:
            t_old, t_new, faults, same = measure(old, cases, args.runs)
            n = len(cases)
            print(
                f"{label:24} {n:6d} {n / t_old:9.0f} {n / t_new:9.0f} {t_old * 1e4 / n:9.3f} "
                f"{t_new * 1e4 / n:9.3f} {t_new / t_old:7.2f} {faults:6.2f} "
                f"{'yes' if same else 'NO'}"
            )


if __name__ == "__main__":
    main()
