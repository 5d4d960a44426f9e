"""The article body: header, then the plain-text paragraphs, wrapped to the pane.

A Line API widget: the article is wrapped once per width into strips, and the strip index of
each paragraph is remembered, so a fact's sentence (known by character offsets into the body)
can be highlighted and scrolled to exactly.  All feed text enters as plain `Text`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass

from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing_tui.models import Article, Fact
from briefing_tui.sanitize import ascii_url
from briefing_tui.ui.render import body_paragraph, display_url, format_date, safe

_PARAGRAPH = re.compile(r"[^\n](?:.|\n(?![ \t]*\n))*")
_STYLE_NAMES = ("title", "meta", "link", "quote", "highlight", "figure", "rule", "empty")


BLOCK_LINES = 40
"""Source lines laid out together: a paragraph of 100k lines is wrapped a block at a time."""
BUDGET = 0.25
"""Seconds of layout per jump to the end of a huge body."""


def _blocks(body: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, ends_paragraph) spans of the body, at most BLOCK_LINES lines each."""
    for match in _PARAGRAPH.finditer(body):
        start, end = match.span()
        while True:
            cut = start
            for _ in range(BLOCK_LINES):
                newline = body.find("\n", cut, end)
                if newline < 0:
                    cut = end
                    break
                cut = newline + 1
            if cut >= end:
                yield start, end, True
                break
            yield start, cut - 1, False
            start = cut


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    first_line: int = 0


class ArticleView(ScrollView, can_focus=True):
    """Shows one article; `highlight(fact)` marks the fact's sentence and scrolls to it."""

    COMPONENT_CLASSES = {f"article-view--{name}" for name in _STYLE_NAMES}

    DEFAULT_CSS = """
    ArticleView {
        background: $surface; padding: 0 0 0 1; overflow-x: hidden; scrollbar-gutter: stable;
    }
    ArticleView > .article-view--title { text-style: bold; color: $text-primary; }
    ArticleView > .article-view--meta { color: $text-muted; }
    ArticleView > .article-view--link { color: $text-accent; text-style: underline; }
    ArticleView > .article-view--quote { text-style: italic; color: $text-muted; }
    ArticleView > .article-view--highlight { background: $accent-muted; color: $text; }
    ArticleView > .article-view--figure { text-style: bold underline reverse; }
    ArticleView > .article-view--rule { color: $panel-lighten-2; }
    ArticleView > .article-view--empty { color: $text-disabled; }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.article: Article | None = None
        self.highlighted: Fact | None = None
        self._paragraphs: list[Paragraph] = []
        self._lines: list[Strip] = []
        self._width = 0
        self._blocks: Iterator[tuple[int, int, bool]] = iter(())
        self._done = True
        self._built_to = 0
        """Body offset up to which blocks are laid out."""

    def show(self, article: Article | None) -> None:
        self.article = article
        self.highlighted = None
        self._width = 0
        self._rebuild()
        self.scroll_to(y=0, animate=False, immediate=True)

    def highlight(self, fact: Fact | None) -> None:
        """Mark the sentence of `fact` (None clears) and bring it into view."""
        self.highlighted = fact
        self._width = 0
        self._rebuild()
        if fact is not None and (line := self.line_of(fact.sentence_start)) is not None:
            height = self.scrollable_content_region.height
            if not self.scroll_y <= line < self.scroll_y + height - 1:
                self.scroll_to(y=max(0, line - 2), animate=False, immediate=True)

    def line_of(self, offset: int) -> int | None:
        """The strip index showing body character `offset` (laying out up to it if needed)."""
        if self.article is None:
            return None
        while not self._done and self._built_to <= offset:
            self._extend(len(self._lines) + 200)
        for para in self._paragraphs:
            if para.start <= offset < para.end or offset < para.start:
                head = self.article.body[para.start : max(para.start, offset)]
                return para.first_line + max(0, len(self._wrap(Text(head + "x"))) - 1)
        return None

    @property
    def line_count(self) -> int:
        return len(self._lines)

    def page_down(self) -> bool:
        """Scroll one page; False when already at the end."""
        if self._done and self.scroll_y >= self.max_scroll_y:
            return False
        self._extend(round(self.scroll_y) + 3 * self.scrollable_content_region.height)
        self.scroll_page_down(animate=False)
        return True

    def scroll_to_bottom(self) -> None:
        """The end of the article; a huge body is laid out for at most BUDGET seconds per call."""
        deadline = time.perf_counter() + BUDGET
        while not self._done and time.perf_counter() < deadline:
            self._extend(len(self._lines) + 500)
        self.scroll_to(y=max(0, len(self._lines) - 1), animate=False, immediate=True)

    # --- building ------------------------------------------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        self._rebuild()

    def _content_width(self) -> int:
        return max(10, self.scrollable_content_region.width)

    def _console(self) -> Console:
        return self.app.console

    def _wrap(self, text: Text) -> list[list]:
        options = self._console().options.update_width(self._content_width())
        return self._console().render_lines(text, options, pad=False, new_lines=False)

    def _rebuild(self) -> None:
        """Lay out the header and the first screens of the body; the rest follows on demand,
        so a 200 kB body of 100k one-word lines costs no more to open than a short one."""
        if not self.is_mounted:
            return
        width = self._content_width()
        if width == self._width and self._lines:
            return
        self._width = width
        self._paragraphs = []
        self._built_to = 0
        if self.article is None:
            lines = self._strips(Text("Select a headline: j/k to move, enter to open.", end=""))
            self._lines = [s.apply_style(self._style("empty")) for s in lines]
            self._blocks, self._done = iter(()), True
        else:
            self._lines = self._header(self.article)
            self._blocks, self._done = _blocks(self.article.body), False
        target = round(self.scroll_y) + 3 * max(10, self.scrollable_content_region.height)
        self._extend(target)
        self.refresh()

    def _extend(self, target: int) -> None:
        """Lay out body blocks until there are `target` lines (or the body ends)."""
        if self._done or self.article is None:
            return
        styles = {name: self._style(name) for name in _STYLE_NAMES}
        while len(self._lines) < target:
            block = next(self._blocks, None)
            if block is None:
                self._done = True
                break
            start, end, last = block
            self._paragraphs.append(Paragraph(start, end, len(self._lines)))
            self._lines.extend(self._strips(self._styled(self.article.body, start, end, styles)))
            if last:
                self._lines.append(Strip([]))
            self._built_to = end
        rest = 0
        if not self._done:  # estimate the rest from the density of what is laid out
            laid = len(self._lines) - (self._paragraphs[0].first_line if self._paragraphs else 0)
            left = len(self.article.body) - self._built_to
            rest = max(10, laid * left // max(1, self._built_to))
        self.virtual_size = Size(self._width, len(self._lines) + rest)

    def _strips(self, text: Text) -> list[Strip]:
        return [Strip(line) for line in self._wrap(text)]

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"article-view--{name}", partial=True)

    def _header(self, article: Article) -> list[Strip]:
        lines = self._strips(Text(safe(article.title) or "(untitled)", style=self._style("title")))
        meta = " · ".join(
            safe(part)
            for part in (article.feed_title, article.author, format_date(article.published))
            if part
        )
        lines += self._strips(Text(meta, style=self._style("meta")))
        url = ascii_url(article.link)
        if article.link:
            link_style = self._style("link") + Style(link=url) if url else self._style("meta")
            lines += self._strips(Text(safe(display_url(article.link)), style=link_style))
        lines += self._strips(Text("─" * self._content_width(), style=self._style("rule")))
        lines.append(Strip([]))
        return lines

    def _styled(self, body: str, start: int, end: int, styles: dict[str, Style]) -> Text:
        para = body_paragraph(body[start:end], styles)
        fact = self.highlighted
        if fact is not None and fact.sentence_start < end and fact.sentence_end > start:
            para.stylize(
                styles["highlight"],
                max(0, fact.sentence_start - start),
                min(end, fact.sentence_end) - start,
            )
            if start <= fact.start < end:
                para.stylize(styles["figure"], fact.start - start, min(end, fact.end) - start)
        return para

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if width != self._width:
            self._rebuild()
        index = round(self.scroll_y) + y
        if index >= len(self._lines) - 1 and not self._done:
            self._extend(index + 2 * max(10, self.scrollable_content_region.height))
        base = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        return self._lines[index].adjust_cell_length(width, base).apply_style(base)
