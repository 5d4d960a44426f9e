"""The article body: header, then the plain-text paragraphs, wrapped to the pane.

A Line API widget: the article is wrapped once per width into strips, and the strip index of
each paragraph is remembered, so a fact's sentence (known by character offsets into the body)
can be highlighted and scrolled to exactly.  All feed text enters as plain `Text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing_tui.models import Article, Fact
from briefing_tui.sanitize import openable_url
from briefing_tui.ui.render import body_paragraph, display_url, format_date, safe

_PARAGRAPH = re.compile(r"[^\n](?:.|\n(?![ \t]*\n))*")
_STYLE_NAMES = ("title", "meta", "link", "quote", "highlight", "figure", "rule", "empty")


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
        """The strip index showing body character `offset`."""
        if self.article is None:
            return None
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
        if self.scroll_y >= self.max_scroll_y:
            return False
        self.scroll_page_down(animate=False)
        return True

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
        if not self.is_mounted:
            return
        width = self._content_width()
        if width == self._width and self._lines:
            return
        self._width = width
        lines: list[Strip] = []
        self._paragraphs = []
        if self.article is None:
            lines = self._strips(Text("Select a headline: j/k to move, enter to open.", end=""))
            lines = [s.apply_style(self._style("empty")) for s in lines]
        else:
            lines = self._header(self.article)
            lines.extend(self._body(self.article, len(lines)))
        self._lines = lines
        self.virtual_size = Size(width, len(lines))
        self.refresh()

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
        url = openable_url(article.link)
        if article.link:
            link_style = self._style("link") + Style(link=url) if url else self._style("meta")
            lines += self._strips(Text(safe(display_url(article.link)), style=link_style))
        lines += self._strips(Text("─" * self._content_width(), style=self._style("rule")))
        lines.append(Strip([]))
        return lines

    def _body(self, article: Article, first: int) -> list[Strip]:
        styles = {name: self._style(name) for name in _STYLE_NAMES}
        lines: list[Strip] = []
        fact = self.highlighted
        for match in _PARAGRAPH.finditer(article.body):
            start, end = match.span()
            para = body_paragraph(match.group(), styles)
            if fact is not None and fact.sentence_start < end and fact.sentence_end > start:
                para.stylize(
                    styles["highlight"],
                    max(0, fact.sentence_start - start),
                    min(end, fact.sentence_end) - start,
                )
                if start <= fact.start < end:
                    para.stylize(styles["figure"], fact.start - start, min(end, fact.end) - start)
            self._paragraphs.append(Paragraph(start, end, first + len(lines)))
            lines.extend(self._strips(para))
            lines.append(Strip([]))
        return lines

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if width != self._width:
            self._rebuild()
        index = round(self.scroll_y) + y
        base = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        return self._lines[index].adjust_cell_length(width, base).apply_style(base)
