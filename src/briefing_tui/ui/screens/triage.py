"""Triage keys of the main screen: open, read, star, dismiss, mark all read, undo.

Each action changes the list display at once (optimistically), records how to undo itself,
and sends the write to the Library through the app's single I/O thread, so writes and the
reads after them happen in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual import work

from briefing_tui.ui.messages import UnreadCounted
from briefing_tui.ui.state import TriageAction


class TriageActions:
    """Mixed into MainScreen (which provides headlines, article_view, library, undo_stack)."""

    def _current(self):
        article_id = self.headlines.current_id
        if article_id is None:
            return None
        return self.headlines.headline(article_id)

    def _apply(self, action: TriageAction, record: bool = True) -> None:
        """Show `action` in the list and write it; push it on the undo stack if `record`."""
        if action.field == "dismissed":
            if action.value:
                positions = self.headlines.remove(action.ids)
                action = replace(action, positions=tuple(positions))
            else:
                self.headlines.restore(action.ids, action.positions)
            self.show_count(partial=self._partial_generation == self.generation)
        else:
            self.headlines.update(action.ids, **{action.field: action.value})
        if action.field == "read":
            change = -len(action.ids) if action.value else len(action.ids)
            self.status.unread = max(0, self.status.unread + change)
        if record:
            self.undo_stack.push(action)
        self._write(action)

    @work(group="triage", exit_on_error=False, description="save triage")
    async def _write(self, action: TriageAction) -> None:
        setter = {
            "read": self.library.set_read,
            "starred": self.library.set_starred,
            "dismissed": self.library.set_dismissed,
        }[action.field]
        await self.app.io(setter, list(action.ids), action.value)
        self.post_message(UnreadCounted(await self.app.io(self.library.unread_count)))

    def action_toggle_read(self) -> None:
        if (headline := self._current()) is not None:
            label = "marked unread" if headline.read else "marked read"
            self._apply(TriageAction(label, "read", (headline.id,), not headline.read))

    def action_toggle_star(self) -> None:
        if (headline := self._current()) is not None:
            label = "unstarred" if headline.starred else "starred"
            self._apply(TriageAction(label, "starred", (headline.id,), not headline.starred))

    def action_dismiss(self) -> None:
        if (headline := self._current()) is not None:
            self._apply(TriageAction("dismissed", "dismissed", (headline.id,), True))
            self.notify("Dismissed — u to undo", timeout=2)

    def action_undo(self) -> None:
        action = self.undo_stack.pop()
        if action is None:
            self.notify("Nothing to undo", timeout=2)
            return
        self._apply(action.inverse(), record=False)
        if action.field == "dismissed" and action.ids:
            self.headlines.move_to(self.headlines.ids.index(action.ids[0]))
        self.notify(f"Undone: {action.label} ({len(action.ids):,})", timeout=2)

    def action_mark_all_read(self) -> None:
        self._mark_all_read(self.filters)

    @work(group="triage", exit_on_error=False, description="mark all read")
    async def _mark_all_read(self, filters) -> None:
        query = replace(filters.query(), unread_only=True)
        listed = list(self.headlines.ids)  # never articles a refresh stored after this list

        def mark() -> list[int]:
            unread = set(self.library.headline_ids(query))
            ids = [article_id for article_id in listed if article_id in unread]
            self.library.set_read(ids, True)
            return ids

        ids = await self.app.io(mark)
        if not ids:
            self.notify("Nothing unread here", timeout=2)
            return
        action = TriageAction("marked all read", "read", tuple(ids), True)
        self.undo_stack.push(action)
        self.headlines.update(ids, read=True)
        self.notify(f"Marked {len(ids):,} read — u to undo", timeout=3)
        self.post_message(UnreadCounted(await self.app.io(self.library.unread_count)))

    def action_open(self) -> None:
        """Open the highlighted article: show it (if not shown yet) and mark it read."""
        headline = self._current()
        if headline is None:
            return
        if self.shown_id != headline.id:
            self._load_article(headline.id)
        if not headline.read:
            self._apply(TriageAction("opened", "read", (headline.id,), True))

    def action_page_body(self) -> None:
        """Space: page the article; at its end, go on to the next unread one."""
        headline = self._current()
        if headline is None:
            return
        if self.shown_id != headline.id or not headline.read:
            self.action_open()
        elif not self.article_view.page_down():
            self.action_next_unread(1, open_it=True)

    def action_next_unread(self, direction: int, open_it: bool = False) -> None:
        def cached(article_id: int) -> bool | None:
            headline = self.headlines.headline(article_id)
            return None if headline is None else not headline.read

        if not self._go_to_unread(direction, open_it, cached):
            self._find_unread(direction, open_it)  # rows not loaded yet: ask the store

    @work(group="triage", exit_on_error=False, description="find unread")
    async def _find_unread(self, direction: int, open_it: bool) -> None:
        query = replace(self.filters.query(), unread_only=True)
        unread = set(await self.app.io(self.library.headline_ids, query))

        def known(article_id: int) -> bool:
            cached = self.headlines.headline(article_id)
            return article_id in unread and (cached is None or not cached.read)

        self._go_to_unread(direction, open_it, known)

    def _go_to_unread(
        self, direction: int, open_it: bool, is_unread: Callable[[int], bool | None]
    ) -> bool:
        """Move to the next row `is_unread` accepts; False if it cannot tell for some row."""
        ids = self.headlines.ids
        index = self.headlines.cursor + direction
        while 0 <= index < len(ids):
            verdict = is_unread(ids[index])
            if verdict is None:
                return False
            if verdict:
                self.headlines.move_to(index)
                if open_it:
                    self.action_open()
                return True
            index += direction
        self.notify("No more unread in this list", timeout=2)
        return True
