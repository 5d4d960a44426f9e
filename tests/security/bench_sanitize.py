"""Sanitizer speed on 200 kB bodies and 10k titles: `python tests/security/bench_sanitize.py`.

Prints the median of 7 runs per input and its ratio to a baseline measured in the same run:
one C-level regex pass that only strips ASCII controls (the least any sanitizer must do).
Not a test (no timings are asserted); the numbers go in the report.
"""

from __future__ import annotations

import random
import re
import statistics
import time

from briefing_tui.sanitize import clean_line, clean_text

_BASELINE = re.compile("[\x00-\x08\x0b-\x1f\x7f]+")


def _median(fn, arg, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn(arg)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    rng = random.Random(1)
    words = "the quick brown fox police said at least 18 people were killed".split()
    size = 200_000
    bodies = {
        "ascii prose": " ".join(rng.choice(words) for _ in range(size // 4))[:size],
        "cyrillic": ("Полиция сообщила, что погибли по меньшей мере 18 человек. " * 4000)[:size],
        "hindi": ("पुलिस ने कहा कि कम से कम 18 लोगों की मौत हो गई। " * 5000)[:size],
        "vietnamese": ("Cảnh sát cho biết ít nhất 18 người đã thiệt mạng. " * 5000)[:size],
        "emoji": ("😀👍🏽🎉 " * 60000)[:size],
        "zalgo": (("e" + "\u0301" * 99) * 2000)[:size],
        "escape soup": (("\x1b[2J\x9b31m\u202eok\u200b" + "x\ud800\U000e0041") * 20000)[:size],
    }
    print(f"{'input (200 kB)':<16}{'clean_text ms':>15}{'baseline ms':>13}{'ratio':>8}")
    for name, body in bodies.items():
        ours = _median(clean_text, body)
        base = _median(lambda b: _BASELINE.sub("", b), body)
        print(f"{name:<16}{ours * 1e3:>15.2f}{base * 1e3:>13.2f}{ours / base:>8.1f}")
    for name, titles in (
        ("10k ascii titles", [f"Title number {i} with some words" for i in range(10_000)]),
        ("10k cyr. titles", [f"Заголовок номер {i} — слова" for i in range(10_000)]),
    ):
        ours = _median(lambda ts: [clean_line(t) for t in ts], titles)
        base = _median(lambda ts: [_BASELINE.sub("", t) for t in ts], titles)
        print(f"{name:<16}{ours * 1e3:>15.2f}{base * 1e3:>13.2f}{ours / base:>8.1f}")


if __name__ == "__main__":
    main()
