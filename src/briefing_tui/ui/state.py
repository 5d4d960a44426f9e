"""What the main screen remembers between key presses: the list filters and the undo stack.

Kept free of widgets so the rules (how filters become a HeadlineQuery, what undoing a triage
action restores) can be tested directly and read in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from briefing_tui.models import FactCategory, HeadlineQuery, SortOrder

SORTS: tuple[SortOrder, ...] = ("newest", "feed", "severity")
SORT_LABEL: dict[SortOrder, str] = {
    "newest": "newest first",
    "feed": "by feed",
    "severity": "most severe first",
}


@dataclass(frozen=True, slots=True)
class ListFilters:
    """The user's choices for the headline list; `query()` turns them into a HeadlineQuery."""

    unread_only: bool = False
    search: str = ""
    feed_id: int | None = None
    feed_title: str = ""
    tag: str | None = None
    fact_category: FactCategory | None = None
    fact_min: int = 0
    sort: SortOrder = "newest"

    def query(self) -> HeadlineQuery:
        return HeadlineQuery(
            unread_only=self.unread_only,
            search=self.search or None,
            feed_ids=(self.feed_id,) if self.feed_id is not None else (),
            tag=self.tag,
            fact_category=self.fact_category,
            fact_min=self.fact_min,
            sort=self.sort,
        )

    def next_sort(self) -> ListFilters:
        return replace(self, sort=SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)])

    def describe(self) -> str:
        """A short plain description for the status line ('' when nothing is filtered)."""
        parts: list[str] = []
        if self.unread_only:
            parts.append("unread")
        if self.feed_id is not None:
            parts.append(f"feed: {self.feed_title or self.feed_id}")
        if self.tag:
            parts.append(f"tag: {self.tag}")
        if self.fact_category:
            least = f" ≥ {self.fact_min:,}" if self.fact_min else ""
            parts.append(f"{self.fact_category}{least}")
        if self.search:
            parts.append(f"search: {self.search}")
        if self.sort != "newest":
            parts.append(SORT_LABEL[self.sort])
        return " · ".join(parts)


Field = Literal["read", "starred", "dismissed"]


@dataclass(frozen=True, slots=True)
class TriageAction:
    """One undoable change: `field` was set to `value` on `ids`, which all had `not value`.

    `positions` remembers where dismissed rows sat in the list so undo puts them back.
    """

    label: str
    field: Field
    ids: tuple[int, ...]
    value: bool
    positions: tuple[int, ...] = ()

    def inverse(self) -> TriageAction:
        return replace(self, value=not self.value)


@dataclass(slots=True)
class UndoStack:
    """The last few triage actions, newest last."""

    limit: int = 50
    _items: list[TriageAction] = field(default_factory=list)

    def push(self, action: TriageAction) -> None:
        if not action.ids:
            return
        self._items.append(action)
        del self._items[: -self.limit]

    def pop(self) -> TriageAction | None:
        return self._items.pop() if self._items else None

    def __len__(self) -> int:
        return len(self._items)
