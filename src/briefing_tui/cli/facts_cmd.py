"""`briefing facts [--json] [PATH|-]`: run the fact extractor over one text from the shell.

This is a public interface for scripts: ``--json`` prints an array of objects with exactly the
fields category, value, approx, raw, who, sentence, sentence_start, sentence_end, start, end
(offsets into the text the extractor saw: the plain text, after HTML conversion if the input
looked like HTML).  Without ``--json`` it prints plain aligned columns.  A missing or
unreadable file is one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import re
import sys

JSON_FIELDS = (
    "category",
    "value",
    "approx",
    "raw",
    "who",
    "sentence",
    "sentence_start",
    "sentence_end",
    "start",
    "end",
)
_HTML_HINT = re.compile(r"<(?:!doctype|html|body|p|div|br|span|a|article|h[1-6])\b", re.I)
MAX_READ = 10_000_000


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    sub = subparsers.add_parser(
        "facts",
        help="extract the figures (killed, injured, arrested...) from a text or HTML file",
        description="Print the facts the extractor finds in PATH (or stdin when PATH is - or "
        "omitted): category, figure with its hedge, who, and the source sentence.",
    )
    sub.add_argument("path", nargs="?", default="-", metavar="PATH", help="file, or - for stdin")
    sub.add_argument("--json", action="store_true", help="print a JSON array of facts")
    sub.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from briefing_tui.facts import extract_facts

    try:
        raw = _read(args.path)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        print(f"briefing: error: cannot read {args.path}: {reason}", file=sys.stderr)
        return 2
    text = to_plain_text(raw)
    facts = extract_facts(text)
    if args.json:
        json.dump([{k: getattr(f, k) for k in JSON_FIELDS} for f in facts], sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print(format_table(facts))
    return 0


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read(MAX_READ)
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read(MAX_READ)


def to_plain_text(raw: str) -> str:
    """HTML (if it looks like HTML) to readable text; plain text as it is."""
    if not _HTML_HINT.search(raw[:5000]):
        return raw
    try:
        from briefing_tui.htmltext import html_to_text
    except ImportError:  # pragma: no cover - the feeds side ships htmltext
        return re.sub(r"<[^<>]{0,2000}>", " ", raw)
    return html_to_text(raw)


def format_table(facts) -> str:  # noqa: ANN001 - tuple[Fact, ...]
    from briefing_tui.sanitize import clean_line

    if not facts:
        return "no facts found"
    rows = [("category", "figure", "who", "sentence")]
    for f in facts:
        rows.append((f.category, _figure(f), clean_line(f.who), clean_line(_shorten(f))))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(r[:3], widths, strict=True)) + "  " + r[3]
        for r in rows
    )


def _figure(fact) -> str:  # noqa: ANN001
    shown = " ".join(fact.raw.split())
    digits = re.sub(r"\D", "", shown)
    if digits != str(fact.value):
        shown += (
            f" (≥{fact.value:,})" if fact.approx in ("vague", "at_least") else f" (={fact.value:,})"
        )
    if fact.part_of is not None:
        shown += f" [part of #{fact.part_of + 1}]"
    return shown


def _shorten(fact, width: int = 90) -> str:  # noqa: ANN001
    sentence = " ".join(fact.sentence.split())
    if len(sentence) <= width:
        return sentence
    at = max(0, fact.start - fact.sentence_start - width // 3)
    piece = sentence[at : at + width]
    return ("…" if at else "") + piece + ("…" if at + width < len(sentence) else "")
