"""Speed of the fact extractor, on one core.

    .venv/bin/python bench/facts_speed.py [--runs N] [--baseline REF|none]

Prints a table of medians over N runs (default 7), in CPU time (process_time, and getrusage
for the child interpreters), so that other jobs on a shared machine do not skew the figures:
* sentences per second through extract_facts (target >= 10,000), with sentencex's own
  splitting speed on the same text as the baseline (ratio = how much the extractor adds);
* milliseconds per typical 800-word article (target <= 5 ms);
* milliseconds per 1,000 bodies of the fetch benchmark's feeds (bench/fetch/gen_feeds.py:
  filler prose with a figure in 1 sentence of 5 and a fact in 1 of 25), what a cold
  ``briefing fetch`` of those feeds spends on facts (badges are extracted for every entry);
* CPU seconds per 10k of those bodies as a refresh gets them (feeds written by gen_feeds and
  parsed by the real parser), through ``summarize(extract_facts(body)).badges()`` as the
  refresh workers call it, for this tree and for the extractor at git REF (default
  BASELINE, the extractor before its word-start prefilter pass), timed alternately in the same
  process, so the ratio holds on a busy machine;
* import time of briefing_tui.facts in a fresh interpreter (target <= 50 ms), against a bare
  ``python -c pass`` start in the same run.
The text is the gold set's articles (wire-style prose, many figures), each copy made unique
with a random token so nothing can be served from a cache.
"""

from __future__ import annotations

import importlib
import io
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from sentencex import segment

from briefing_tui.facts import extract_facts, summarize
from briefing_tui.facts.sentences import split_sentences
from briefing_tui.feeds.parse import parse_feed

sys.path.insert(0, str(Path(__file__).resolve().parent / "fetch"))
from gen_feeds import _sentence, write_feeds  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "facts" / "gold" / "gold.jsonl"
BASELINE = "806e5c7"
"""The facts package before the 2026-11 pass (one-pass figure finder, segment offsets)."""


def pin_one_core() -> str:
    try:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
        return "pinned to one core"
    except (AttributeError, OSError):
        return "not pinned (no sched_setaffinity)"


def corpus(copies: int) -> list[str]:
    texts = [json.loads(line)["text"] for line in GOLD.read_text("utf-8").splitlines() if line]
    rng = random.Random(1)
    return [f"{t} Ref {rng.randrange(10**9):x}." for _ in range(copies) for t in texts]


def article_800_words() -> str:
    words: list[str] = []
    paragraphs = []
    for text in corpus(1):
        paragraphs.append(text)
        words += text.split()
        if len(words) >= 800:
            break
    return "\n\n".join(paragraphs)


def feed_bodies(count: int) -> list[str]:
    """Plain text like the bench feeds' item bodies: paragraphs of three sentences."""
    bodies = []
    for n in range(count):
        rng = random.Random(n)
        paragraphs: list[str] = []
        while sum(map(len, paragraphs)) < 1150:
            paragraphs.append(" ".join(_sentence(rng) for _ in range(3)))
        bodies.append("\n\n".join(paragraphs))
    return bodies


def parsed_bodies(feeds: int) -> list[str]:
    """Entry bodies of the fetch benchmark's feeds (50 items each) through the real parser."""
    with tempfile.TemporaryDirectory() as folder:
        write_feeds(Path(folder), feeds, 50)
        return [
            entry.body
            for path in sorted(Path(folder).glob("*.xml"))
            for entry in parse_feed(path.read_bytes(), {}, "https://bench.example/").entries
        ]


def baseline_package(ref: str, folder: Path):  # noqa: ANN201 - a module, or None
    """The facts package as of git ``ref``, imported as ``facts_baseline`` (None if git cannot
    give it, e.g. in a shallow clone)."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "src/briefing_tui/facts"],
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        return None
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(folder, filter="data")
    (folder / "src" / "briefing_tui" / "facts").rename(folder / "facts_baseline")
    sys.path.insert(0, str(folder))
    return importlib.import_module("facts_baseline")


def badges_per_10k(modules: dict, bodies: list[str], runs: int) -> dict[str, float]:
    """Median CPU seconds per 10k bodies for each module, the modules timed in turn."""
    samples: dict[str, list[float]] = {name: [] for name in modules}
    for _ in range(runs):
        for name, mod in modules.items():
            t0 = time.process_time()
            for body in bodies:
                mod.summarize(mod.extract_facts(body)).badges()
            samples[name].append((time.process_time() - t0) * 10_000 / len(bodies))
    return {name: statistics.median(times) for name, times in samples.items()}


def timed(fn, runs: int) -> float:
    """Median CPU seconds of this process: robust when other jobs share the machine."""
    samples = []
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        samples.append(time.process_time() - t0)
    return statistics.median(samples)


def import_time(module: str | None, runs: int) -> float:
    """Median CPU seconds (user + system) of a fresh interpreter that imports ``module``."""
    code = "pass" if module is None else f"import {module}".replace("; ", "\n")
    samples = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-c", code], check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        samples.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(samples)


def main(argv: list[str]) -> int:
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 7
    ref = argv[argv.index("--baseline") + 1] if "--baseline" in argv else BASELINE
    note = pin_one_core()
    texts = corpus(20)
    n_sentences = sum(len(split_sentences(t)) for t in texts)
    n_words = sum(len(t.split()) for t in texts)
    extract_facts(texts[0])  # warm up (regex compilation happens at import, this is cheap)
    t_extract = timed(lambda: [extract_facts(t) for t in texts], runs)
    t_split = timed(lambda: [list(segment("en", t)) for t in texts], runs)
    article = article_800_words()
    t_article = timed(lambda: extract_facts(article), runs * 20)
    bodies = feed_bodies(1000)
    t_bodies = timed(lambda: [summarize(extract_facts(b)) for b in bodies], runs)
    parsed = parsed_bodies(20)
    with tempfile.TemporaryDirectory() as folder:
        old = None if ref == "none" else baseline_package(ref, Path(folder))
        modules = {"this tree": sys.modules["briefing_tui.facts"]}
        if old is not None:
            modules = {f"baseline {ref}": old, **modules}
        per_10k = badges_per_10k(modules, parsed, runs)
    imp_bare = import_time(None, runs)
    imp_facts = import_time("briefing_tui.facts", runs)
    first_call = import_time("briefing_tui.facts; briefing_tui.facts.extract_facts('9 died')", runs)
    print(f"facts speed: {len(texts)} texts, {n_sentences} sentences, {n_words} words; {note}")
    print(f"{'measure':<44} {'median':>12} {'target':>10}")
    print(f"{'extract_facts sentences/s':<44} {n_sentences / t_extract:>12,.0f} {'>= 10,000':>10}")
    print(f"{'  baseline: sentencex split only, sentences/s':<44} {n_sentences / t_split:>12,.0f}")
    print(f"{'  ratio extract / split time':<44} {t_extract / t_split:>12.1f}")
    words = len(article.split())
    print(f"{f'ms per article ({words} words)':<44} {t_article * 1000:>12.2f} {'<= 5':>10}")
    label = "ms per 1,000 fetch-bench bodies (+summarize)"
    print(f"{label:<44} {t_bodies * 1000:>12.1f}")
    for name, seconds in per_10k.items():
        print(f"{f'CPU s per 10k bench bodies, {name}':<44} {seconds:>12.3f}")
    if len(per_10k) == 2:
        before, after = per_10k.values()
        print(f"{'  ratio this tree / baseline':<44} {after / before:>12.2f}")
    elif ref != "none":
        print(f"  (baseline {ref} not available from git: not measured)")
    extra = (imp_facts - imp_bare) * 1000
    print(f"{'import briefing_tui.facts, ms (over bare)':<44} {extra:>12.1f} {'<= 50':>10}")
    first = (first_call - imp_bare) * 1000
    print(f"{'  import + first call (loads models), ms':<44} {first:>12.1f}")
    print(f"{'  baseline: python -c pass, ms':<44} {imp_bare * 1000:>12.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
