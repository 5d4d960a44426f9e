"""The one-line header: app name, active filters, unread count, refresh state.

Attributes are pushed down by the screen; the line is rebuilt as plain `Text` (filter text
may contain a search string or a feed title, which must not be read as markup).
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class StatusBar(Widget):
    DEFAULT_CSS = """
    StatusBar {
        dock: top; height: 1; background: $panel; color: $foreground;
    }
    """

    unread: reactive[int] = reactive(0)
    total: reactive[int] = reactive(0)
    filters: reactive[str] = reactive("")
    progress: reactive[str] = reactive("")
    """'' when idle, else e.g. 'refreshing 12/40'."""
    last_refresh: reactive[str] = reactive("never")

    def _left(self, name: bool) -> Text:
        left = Text(" briefing  " if name else " ", style="bold")
        left.append(f"{self.total:,} shown", style="")
        if self.filters:
            left.append("  [", style="dim")
            left.append(self.filters)
            left.append("]", style="dim")
        return left

    def render(self) -> Text:
        left = self._left(name=True)
        right = Text()
        right.append(f"{self.unread:,} unread", style="bold")
        right.append("  ")
        if self.progress:
            right.append(f"⟳ {self.progress}", style="reverse")
        else:
            right.append(f"refreshed {self.last_refresh}", style="dim")
        right.append("  ? keys ", style="dim")
        width = self.size.width
        if left.cell_len + right.cell_len + 1 > width:  # the counts matter more than the name
            left = self._left(name=False)
        gap = max(1, width - left.cell_len - right.cell_len)
        if left.cell_len + right.cell_len + 1 > width:
            left.truncate(max(1, width - right.cell_len - 1), overflow="ellipsis")
            gap = max(1, width - left.cell_len - right.cell_len)
        return Text.assemble(left, " " * gap, right, no_wrap=True, overflow="ellipsis")
