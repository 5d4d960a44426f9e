"""Model objects -> Rich `Text`, with no widget or app in sight.

Everything a feed supplied (titles, feed names, authors, bodies, links) enters a `Text` as a
plain string, so nothing it contains is ever read as Rich or Textual markup; styles are
applied by span.  The functions take the styles they use as arguments (widgets pass their
theme-derived component styles), so they can be tested by rendering to a Rich Console.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text

from briefing_tui.models import Approx, Fact, FactBadge, FactCategory, Headline
from briefing_tui.sanitize import ascii_url, display_url

__all__ = ["display_url"]  # the one URL display rule, re-exported for the widgets

NO_STYLE = Style()

CATEGORY_LABEL: dict[FactCategory, str] = {
    "deaths": "dead",
    "injuries": "hurt",
    "arrests": "arrested",
    "troops": "troops",
    "displaced": "displaced",
    "missing": "missing",
}
"""Short words for the list badges: readable without colour, unlike symbols."""

CATEGORY_TITLE: dict[FactCategory, str] = {
    "deaths": "Deaths",
    "injuries": "Injuries",
    "arrests": "Arrests",
    "troops": "Troops",
    "displaced": "Displaced",
    "missing": "Missing",
}

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe(text: str) -> str:
    """Defence in depth: control characters become U+FFFD (same length, so fact offsets
    into a body stay valid).  The store already holds sanitized text; this guards against a
    row written by anything else, since Rich and Textual pass ESC through to the terminal."""
    return _CONTROL.sub("\ufffd", text) if _CONTROL.search(text) else text


NO_FIGURES = "No casualty, arrest or deployment figures in this article."

_HEDGE_WORDS: dict[Approx, str] = {
    "exact": "",
    "at_least": "at least ",
    "more_than": "more than ",
    "about": "about ",
    "up_to": "up to ",
    "vague": "",
}


def plural(count: int, noun: str) -> str:
    """'1 figure', '3 figures', '1,200 new articles'."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def compact_number(value: int) -> str:
    """2000 -> '2k', 1500 -> '1.5k', 1200000 -> '1.2M'; small numbers unchanged."""
    if value < 1_000:
        return str(value)
    for limit, suffix in ((1_000_000_000, "B"), (1_000_000, "M"), (1_000, "k")):
        if value >= limit:
            scaled = value / limit
            text = f"{scaled:.1f}" if scaled < 10 else f"{scaled:.0f}"
            return text.removesuffix(".0") + suffix
    return str(value)  # pragma: no cover - the loop always returns


def hedged_figure(value: int, approx: Approx) -> str:
    """The figure with its hedge as a compact mark: '18+', '~2k', '≤50', '18'."""
    number = compact_number(value)
    if approx in ("at_least", "more_than", "vague"):
        return number + "+"
    if approx == "about":
        return "~" + number
    if approx == "up_to":
        return "≤" + number
    return number


def hedge_phrase(fact: Fact) -> str:
    """The figure as words: 'at least 18', 'about 2,000', or the raw phrase for vague ones."""
    if fact.approx == "vague":
        return f"{fact.raw} (≥{fact.value:,})" if fact.raw else f"≥{fact.value:,}"
    return f"{_HEDGE_WORDS[fact.approx]}{fact.value:,}"


def badge_text(badge: FactBadge) -> str:
    return f"{CATEGORY_LABEL[badge.category]} {hedged_figure(badge.value, badge.approx)}"


def relative_time(when: datetime | None, now: datetime) -> str:
    """Age in at most four cells: 'now', '12m', '3h', '2d', '5w', '11mo', '3y'."""
    if when is None:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = (now - when).total_seconds()
    if seconds < 60:
        return "now"
    minutes = seconds / 60
    for limit, divisor, unit in (
        (60, 1, "m"),
        (60 * 24, 60, "h"),
        (60 * 24 * 14, 60 * 24, "d"),
        (60 * 24 * 61, 60 * 24 * 7, "w"),
        (60 * 24 * 365, 60 * 24 * 30, "mo"),
    ):
        if minutes < limit:
            return f"{int(minutes // divisor)}{unit}"
    return f"{int(minutes // (60 * 24 * 365))}y"


def headline_row(
    headline: Headline,
    width: int,
    now: datetime,
    styles: Mapping[str, Style],
    feed_width: int = 14,
) -> Text:
    """One list row: marker, feed, age, title, badges; exactly `width` cells."""
    get = styles.get
    marker = "●" if not headline.read else " "
    star = "★" if headline.starred else " "
    row = Text(no_wrap=True, overflow="ellipsis", end="")
    row.append(marker, get("unread-marker", NO_STYLE) if not headline.read else NO_STYLE)
    row.append(star, get("star", NO_STYLE))
    row.append(" ")
    if feed_width > 0:
        feed = _fit(safe(headline.feed_title), feed_width)
        row.append(set_cell_size(feed, feed_width), get("feed", NO_STYLE))
        row.append(" ")
    row.append(relative_time(headline.published, now).rjust(4), get("time", NO_STYLE))
    row.append(" ")
    title_style = get("unread" if not headline.read else "read", NO_STYLE)
    most = 1 if width < 90 else 2 if width < 130 else 4
    badges = _badges(headline.badges[:most], (width - row.cell_len) // 2 - 1, styles)
    room = max(1, width - row.cell_len - (badges.cell_len + 1 if badges else 0))
    row.append(_fit(safe(headline.title) or "(untitled)", room), title_style)
    if badges:
        row.pad_right(width - row.cell_len - badges.cell_len)
        row.append_text(badges)
    row.truncate(width, overflow="ellipsis", pad=True)
    return row


def _badges(badges: tuple[FactBadge, ...], room: int, styles: Mapping[str, Style]) -> Text:
    """As many badges as fit in `room` cells, most severe (first) kept."""
    out = Text(end="")
    for badge in badges:
        piece = badge_text(badge)
        extra = len(piece) + (1 if out else 0)
        if out.cell_len + extra > room:
            break
        if out:
            out.append(" ")
        out.append(piece, styles.get(f"badge-{badge.category}", styles.get("badge", NO_STYLE)))
    return out


def _fit(text: str, width: int) -> str:
    """`text` in at most `width` terminal cells (CJK and emoji take two), '…' when cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(0, width - 1)) + "…"


_URL_IN_TEXT = re.compile(r"<(https?://[^\s<>]+)>")


def body_paragraph(text: str, styles: Mapping[str, Style]) -> Text:
    """A paragraph of the plain-text body; '<url>' links are styled and made hyperlinks."""
    text = safe(text)
    style = NO_STYLE
    if text.startswith(">"):
        style = styles.get("quote", NO_STYLE)
    para = Text(text, style=style, end="")
    link_style = styles.get("link", NO_STYLE)
    for match in _URL_IN_TEXT.finditer(text):
        url = ascii_url(match.group(1))
        span_style = link_style + Style(link=url) if url else link_style
        para.stylize(span_style, match.start(1), match.end(1))
    return para


def format_date(when: datetime | None) -> str:
    if when is None:
        return "undated"
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def fact_excerpt(fact: Fact, width: int = 90) -> Text:
    """The sentence around the figure, the figure itself emphasised, clipped to `width`."""
    sentence = safe(fact.sentence.replace("\n", " ").replace("\t", " "))
    start, end = fact.start - fact.sentence_start, fact.end - fact.sentence_start
    if not 0 <= start <= end <= len(sentence):
        found = sentence.find(fact.raw) if fact.raw else -1
        start, end = (found, found + len(fact.raw)) if found >= 0 else (0, 0)
    lo = max(0, min(start - width // 3, len(sentence) - width))
    hi = min(len(sentence), lo + width)
    prefix = "…" if lo else ""
    text = Text(prefix + sentence[lo:hi].strip() + ("…" if hi < len(sentence) else ""), end="")
    lead = len(sentence[lo:hi]) - len(sentence[lo:hi].lstrip())
    if end > start:
        offset = len(prefix) - lo - lead
        text.stylize("bold", max(0, start + offset), max(0, end + offset))
    return text
