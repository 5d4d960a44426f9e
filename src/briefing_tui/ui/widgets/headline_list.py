"""The headline list: a virtual list that draws only the rows on screen.

It holds the article ids of the whole list (cheap ints, 100k is fine) and a small cache of
`Headline` rows.  When a row it must draw is not cached it asks for a page around the
viewport with a `RowsNeeded` message (it never reads the store itself) and draws a
placeholder until the screen pushes the rows down with `add_headlines`.  Moving the cursor
redraws two lines, whatever the length of the list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing_tui.models import Headline
from briefing_tui.ui.render import headline_row

PAGE = 60
"""Rows fetched beyond the viewport on each side, so moving rarely waits on a fetch."""
CACHE_LIMIT = 4_000

_STYLE_NAMES = (
    "unread-marker",
    "star",
    "feed",
    "time",
    "unread",
    "read",
    "badge",
    "badge-deaths",
    "badge-injuries",
    "badge-missing",
)


class HeadlineList(ScrollView, can_focus=True):
    """Rows of headlines with a cursor; posts Highlighted/Selected/RowsNeeded."""

    COMPONENT_CLASSES = {f"headline-list--{name}" for name in _STYLE_NAMES} | {
        "headline-list--cursor",
        "headline-list--placeholder",
    }

    DEFAULT_CSS = """
    HeadlineList { background: $surface; overflow-x: hidden; scrollbar-gutter: stable; }
    HeadlineList > .headline-list--cursor { background: $block-cursor-blurred-background; }
    HeadlineList:focus > .headline-list--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
    }
    HeadlineList > .headline-list--unread-marker { color: $accent; text-style: bold; }
    HeadlineList > .headline-list--star { color: $warning; }
    HeadlineList > .headline-list--feed { color: $text-muted; }
    HeadlineList > .headline-list--time { color: $text-muted; }
    HeadlineList > .headline-list--unread { text-style: bold; }
    HeadlineList > .headline-list--read { color: $text-muted; }
    HeadlineList > .headline-list--badge { color: $text-secondary; }
    HeadlineList > .headline-list--badge-deaths { color: $text-error; text-style: bold; }
    HeadlineList > .headline-list--badge-injuries { color: $text-warning; }
    HeadlineList > .headline-list--badge-missing { color: $text-warning; }
    HeadlineList > .headline-list--placeholder { color: $text-disabled; }
    """

    @dataclass
    class Highlighted(Message):
        headline_list: HeadlineList
        article_id: int | None
        index: int

    @dataclass
    class Selected(Message):
        headline_list: HeadlineList
        article_id: int

    @dataclass
    class RowsNeeded(Message):
        ids: list[int]

        def can_replace(self, message: Message) -> bool:
            return False

    def __init__(
        self,
        *,
        clock: Callable[[], datetime] | None = None,
        id: str | None = None,  # noqa: A002
        empty_text: str = "No headlines.",
    ) -> None:
        super().__init__(id=id)
        self._clock = clock or (lambda: datetime.now(UTC))
        self._ids: list[int] = []
        self._index: dict[int, int] = {}
        self._cache: dict[int, Headline] = {}
        self._pending: set[int] = set()
        self.cursor = 0
        self.empty_text = empty_text

    # --- attributes pushed down by the screen -------------------------------------------
    @property
    def ids(self) -> list[int]:
        return self._ids

    @property
    def current_id(self) -> int | None:
        return self._ids[self.cursor] if 0 <= self.cursor < len(self._ids) else None

    def headline(self, article_id: int) -> Headline | None:
        return self._cache.get(article_id)

    def set_ids(
        self, ids: Sequence[int], headlines: Iterable[Headline] = (), cursor_id: int | None = None
    ) -> None:
        """Replace the list; keep the cursor on `cursor_id` when it is still listed."""
        self._ids = list(ids)
        self._index = {article_id: i for i, article_id in enumerate(self._ids)}
        self._cache = {}
        self._pending.clear()
        self.add_headlines(headlines)
        self.virtual_size = Size(self.size.width, len(self._ids))
        index = self._index.get(cursor_id, 0) if cursor_id is not None else 0
        self.cursor = -1
        self.move_to(index, center=True)
        # The new virtual size only bounds scrolling after the next layout: until then a
        # scroll to a row beyond the old list's end is clamped, leaving the cursor off screen.
        self.call_after_refresh(self._scroll_to_cursor, True)
        self.refresh()

    def add_headlines(self, headlines: Iterable[Headline]) -> None:
        for headline in headlines:
            self._pending.discard(headline.id)
            if headline.id in self._index:
                self._cache[headline.id] = headline
        self.refresh()

    def update(self, ids: Iterable[int], **changes: bool) -> None:
        """Change cached rows in place (optimistic triage display)."""
        for article_id in ids:
            if (headline := self._cache.get(article_id)) is not None:
                self._cache[article_id] = replace(headline, **changes)
        self.refresh()

    def remove(self, ids: Iterable[int]) -> list[int]:
        """Drop rows (dismiss); returns their former positions for `restore`."""
        gone = set(ids)
        positions = [i for i, article_id in enumerate(self._ids) if article_id in gone]
        keep_id = self.current_id
        self._ids = [article_id for article_id in self._ids if article_id not in gone]
        self._reindex(keep_id, fallback=self.cursor)
        return positions

    def restore(self, ids: Sequence[int], positions: Sequence[int]) -> None:
        """Put rows back where they were (undo of a dismiss)."""
        for article_id, position in sorted(zip(ids, positions, strict=False), key=lambda p: p[1]):
            if article_id not in self._index:
                self._ids.insert(min(position, len(self._ids)), article_id)
        self._reindex(ids[0] if ids else self.current_id, fallback=self.cursor)

    def _reindex(self, keep_id: int | None, fallback: int) -> None:
        self._index = {article_id: i for i, article_id in enumerate(self._ids)}
        self.virtual_size = Size(self.size.width, len(self._ids))
        target = self._index.get(keep_id, fallback) if keep_id is not None else fallback
        self.cursor = -1
        self.move_to(min(target, len(self._ids) - 1))
        self.call_after_refresh(self._scroll_to_cursor, False)
        self.refresh()

    # --- cursor ---------------------------------------------------------------------------
    def move(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def move_to(self, index: int, center: bool = False) -> None:
        if not self._ids:
            changed = self.cursor != 0
            self.cursor = 0
            if changed or index >= 0:
                self.post_message(self.Highlighted(self, None, 0))
            return
        index = max(0, min(index, len(self._ids) - 1))
        if index == self.cursor:
            return
        old, self.cursor = self.cursor, index
        self._scroll_to_cursor(center)
        self.refresh_line(old)
        self.refresh_line(index)
        self.post_message(self.Highlighted(self, self._ids[index], index))

    def _scroll_to_cursor(self, center: bool) -> None:
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        if center and not top <= self.cursor < top + height:
            self.scroll_to(y=max(0, self.cursor - height // 2), animate=False, immediate=True)
        elif self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def page_size(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def select_current(self) -> None:
        if (article_id := self.current_id) is not None:
            self.post_message(self.Selected(self, article_id))

    # --- drawing --------------------------------------------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self._ids))
        self._scroll_to_cursor(center=False)

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._ids):
            if index == 0 and y == 0:
                return self._plain(self.empty_text, width, "placeholder")
            return Strip.blank(width, base)
        article_id = self._ids[index]
        headline = self._cache.get(article_id)
        if headline is None:
            self._request_rows(index)
            return self._plain("…", width, "placeholder")
        row = headline_row(headline, width, self._clock(), self._styles(), self._feed_width(width))
        style = base
        if index == self.cursor:
            style = base + self.get_component_rich_style("headline-list--cursor")
            row.stylize_before(style)
        segments = list(row.render(self.app.console))
        return Strip(segments).adjust_cell_length(width, style).apply_style(base)

    def _plain(self, text: str, width: int, kind: str) -> Strip:
        style = self.rich_style + self.get_component_rich_style(f"headline-list--{kind}")
        segments = list(Text(text, style=style, end="").render(self.app.console))
        strip = Strip(segments).crop(0, width).adjust_cell_length(width, self.rich_style)
        return strip.apply_style(self.rich_style)  # no unstyled segment (NO_COLOR filter)

    def _feed_width(self, width: int) -> int:
        if width < 44:
            return 0
        return 9 if width < 70 else 13 if width < 100 else 18

    def _styles(self) -> dict[str, Style]:
        return {
            name: self.get_component_rich_style(f"headline-list--{name}", partial=True)
            for name in _STYLE_NAMES
        }

    def _request_rows(self, index: int) -> None:
        height = self.scrollable_content_region.height
        start = max(0, round(self.scroll_y) - PAGE)
        stop = min(len(self._ids), round(self.scroll_y) + height + PAGE)
        wanted = [
            i for i in self._ids[start:stop] if i not in self._cache and i not in self._pending
        ]
        if not wanted:
            return
        if len(self._cache) > CACHE_LIMIT:
            keep = set(self._ids[start:stop])
            self._cache = {k: v for k, v in self._cache.items() if k in keep}
        self._pending.update(wanted)
        self.post_message(self.RowsNeeded(wanted))

    # --- mouse ----------------------------------------------------------------------------
    def on_click(self, event: events.Click) -> None:
        index = round(self.scroll_y) + event.y
        if 0 <= index < len(self._ids):
            self.move_to(index)
            if event.chain >= 2:
                self.select_current()
