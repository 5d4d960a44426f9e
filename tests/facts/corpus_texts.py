"""Every text the extractor's speed shortcuts are checked against: hand-picked phrases, every
gold text and every bundled sample article (title and body, through the real parser)."""

from __future__ import annotations

import json
from pathlib import Path

from briefing_tui.feeds.parse import parse_feed

ROOT = Path(__file__).resolve().parents[2]


def every_text(phrases: tuple[str, ...]) -> list[str]:
    texts = list(phrases)
    for path in sorted((ROOT / "tests" / "facts" / "gold").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    for path in sorted((ROOT / "src" / "briefing_tui" / "sample").glob("*.xml")):
        parsed = parse_feed(path.read_bytes(), {}, "https://example.org/")
        texts += [f"{e.title}\n\n{e.body}" for e in parsed.entries]
    return texts
