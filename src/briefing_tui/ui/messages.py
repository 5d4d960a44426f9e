"""Messages the workers post back to the main screen (past-tense events).

Thread workers never touch widgets: they build one of these and `post_message` it (which is
thread-safe); the screen changes widgets in its handlers.  Progress coalesces through
`can_replace` so a fast refresh cannot flood the message queue.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message

from briefing_tui.models import Article, FactSummary, Headline


@dataclass
class ListLoaded(Message):
    """The ids of the list for the current filters, plus the rows around the cursor."""

    ids: list[int]
    headlines: list[Headline]
    cursor_id: int | None
    generation: int
    """Which request this answers; stale answers (filters changed since) are dropped."""
    partial: bool = False
    """Only the top of the list (the full id list follows)."""


@dataclass
class RowsLoaded(Message):
    headlines: list[Headline]


@dataclass
class ArticleLoaded(Message):
    article: Article | None
    summary: FactSummary
    article_id: int


@dataclass
class UnreadCounted(Message):
    unread: int


@dataclass
class RefreshProgressed(Message):
    done: int
    total: int
    label: str = ""
    note: str = ""
    """Shown instead of done/total (a step after the fetch, e.g. the fact index pass)."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, RefreshProgressed)


@dataclass
class RefreshFinished(Message):
    new: int
    failed: int
    errors: list[str] = field(default_factory=list)
    finished_at: str | None = None
    error: str | None = None
    """Set when the refresh as a whole could not run (the store failed)."""


@dataclass
class FactsIndexed(Message):
    """The fact index pass stored the badges of `count` articles."""

    count: int


@dataclass
class TriageDone(Message):
    """A triage write reached the store; `reload` asks for the list to be re-queried."""

    reload: bool = False
