"""The main screen: headline list, article, figures; it coordinates everything between them.

Widgets only post messages up (highlighted, rows needed, fact chosen); this screen asks the
Library in workers (through the app's single I/O thread, so reads see earlier writes in
order) and pushes the answers down as attributes.  Triage keys live in `TriageActions`,
filters in `FilterActions`, refresh, links and start-up in `RefreshActions`.
"""

from __future__ import annotations

from dataclasses import replace

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input
from textual.worker import Worker

from briefing_tui.models import FactSummary, Headline
from briefing_tui.ui.keys import bindings
from briefing_tui.ui.messages import ArticleLoaded, ListLoaded, RowsLoaded, UnreadCounted
from briefing_tui.ui.render import plural
from briefing_tui.ui.screens.filters import FilterActions
from briefing_tui.ui.screens.refreshing import RefreshActions
from briefing_tui.ui.screens.triage import TriageActions
from briefing_tui.ui.state import ListFilters, UndoStack
from briefing_tui.ui.widgets.article_view import ArticleView
from briefing_tui.ui.widgets.fact_sidebar import FactSidebar
from briefing_tui.ui.widgets.headline_list import PAGE, HeadlineList
from briefing_tui.ui.widgets.status_bar import StatusBar

FIRST_PAGE = 100
"""Rows fetched with a LIMIT query for the first paint, before the full id list."""
NARROW = 110
"""Below this width the list goes above the article and the figures pane is hidden."""
WIDE = 160
"""From this width the figures pane gets wider."""


class MainScreen(TriageActions, FilterActions, RefreshActions, Screen):
    BINDINGS = bindings("main")

    def __init__(self) -> None:
        super().__init__()
        self.filters = ListFilters()
        self.undo_stack = UndoStack()
        self.generation = 0
        self._partial_generation = -1
        self.sidebar_wanted: bool | None = None
        """None: follow the terminal width; True/False: the user chose with `x`."""
        self._refreshing = False
        self._live_reload_at = 0.0
        self._live_timer: Timer | None = None
        self._queued_refresh: tuple[bool, list[int] | None] | None = None
        """A refresh asked for while one ran: (force, feed ids or None for all)."""

    @property
    def library(self):
        return self.app.library

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield HeadlineList(clock=self.app.clock, id="headlines")
                yield Input(
                    placeholder="search title and text; enter to run, escape to clear", id="search"
                )
            with Horizontal(id="reader"):
                yield ArticleView(id="article")
                yield FactSidebar(id="facts")
        yield Footer()

    @property
    def headlines(self) -> HeadlineList:
        return self.query_one(HeadlineList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def sidebar(self) -> FactSidebar:
        return self.query_one(FactSidebar)

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.app.on_worker_state_changed(event)

    def on_mount(self) -> None:
        self.query_one("#list-pane").border_title = "Headlines"
        self.article_view.border_title = "Article"
        self.sidebar.border_title = "Figures"
        self.sidebar.show(None)
        self.headlines.focus()
        self.start()

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")
        self.set_class(event.size.width >= WIDE, "-wide")
        self._apply_sidebar()

    def _apply_sidebar(self) -> None:
        visible = self.sidebar_wanted
        if visible is None:
            visible = not self.has_class("-narrow")
        self.sidebar.display = visible
        if not visible and self.sidebar.has_focus:
            self.headlines.focus()

    # --- loading the list ----------------------------------------------------------------
    def reload(
        self, keep_cursor: bool = True, restore: bool = False, keep_current: bool = False
    ) -> None:
        """Re-query the list; `restore`: the cursor on the article selected last time;
        `keep_current` (reloads the user did not ask for) keeps the highlighted article
        listed where it is, e.g. once read in the unread-only list."""
        self.generation += 1
        cursor_id = self.headlines.current_id if keep_cursor else None
        keep_at = self.headlines.cursor if keep_current and cursor_id is not None else None
        self.status.filters = self.filters.describe()
        self._load_list(self.filters, cursor_id, self.generation, restore, keep_at)

    @work(exclusive=True, group="list", exit_on_error=False, description="load headlines")
    async def _load_list(
        self, filters: ListFilters, cursor_id: int | None, gen: int, restore: bool, keep_at=None
    ) -> None:
        """First the top of the list (a LIMIT query: on screen at once), then every id."""
        height = max(40, self.size.height)
        query = filters.query()

        def first() -> tuple[list[int], list[Headline], int | None]:
            nonlocal cursor_id
            if restore:
                last = self.library.get_state("last_article") or ""
                cursor_id = int(last) if last.isdigit() else None
            ids = self.library.headline_ids(replace(query, limit=FIRST_PAGE))
            if cursor_id is not None and cursor_id not in ids:
                return [], [], cursor_id
            return ids, self.library.headlines_by_ids(ids), cursor_id

        def full() -> tuple[list[int], list[Headline]]:
            ids = self.library.headline_ids(query)
            if keep_at is not None and cursor_id not in ids:
                if self.library.headlines_by_ids([cursor_id]):  # not deleted meanwhile
                    ids.insert(min(keep_at, len(ids)), cursor_id)
            try:
                at = ids.index(cursor_id) if cursor_id is not None else 0
            except ValueError:
                at = 0
            return ids, self.library.headlines_by_ids(ids[max(0, at - PAGE) : at + height + PAGE])

        ids, rows, cursor_id = await self.app.io(first)
        complete = 0 < len(ids) < FIRST_PAGE  # a background reload skips the first page:
        if ids and (complete or keep_at is None):  # '100+ shown' would flicker every 2 s
            self.post_message(ListLoaded(ids, rows, cursor_id, gen, partial=not complete))
        if not complete:
            ids, rows = await self.app.io(full)
            self.post_message(ListLoaded(ids, rows, cursor_id, gen))
        self.post_message(UnreadCounted(await self.app.io(self.library.unread_count)))

    def on_list_loaded(self, message: ListLoaded) -> None:
        if message.generation != self.generation:
            return
        cursor_id = message.cursor_id
        if self._partial_generation == message.generation:
            cursor_id = self.headlines.current_id  # the user may have moved meanwhile
        self._partial_generation = message.generation if message.partial else -1
        self.headlines.set_ids(message.ids, message.headlines, cursor_id)
        self.show_count(partial=message.partial)
        if not message.ids:
            self._show_article(None, None)

    def show_count(self, partial: bool = False) -> None:
        """'N shown' in the status bar and under the list (after a load, a dismiss, an undo)."""
        total = len(self.headlines.ids)
        self.status.total = total
        self.query_one("#list-pane").border_subtitle = f"{total:,}" + ("+" if partial else "")

    def on_unread_counted(self, message: UnreadCounted) -> None:
        self.status.unread = message.unread

    @on(HeadlineList.RowsNeeded)
    def _rows_needed(self, message: HeadlineList.RowsNeeded) -> None:
        self._load_rows(message.ids)

    @work(group="rows", exit_on_error=False, description="load rows")
    async def _load_rows(self, ids: list[int]) -> None:
        self.post_message(RowsLoaded(await self.app.io(self.library.headlines_by_ids, ids)))

    def on_rows_loaded(self, message: RowsLoaded) -> None:
        self.headlines.add_headlines(message.headlines)

    # --- the article -----------------------------------------------------------------------
    @on(HeadlineList.Highlighted)
    def _highlighted(self, message: HeadlineList.Highlighted) -> None:
        if message.article_id is None:
            self._show_article(None, None)
        elif message.article_id != self.shown_id:
            self._load_article(message.article_id)

    @on(HeadlineList.Selected)
    def _selected(self, message: HeadlineList.Selected) -> None:
        """A double click on a row: open it, as enter does."""
        self.action_open()

    @property
    def shown_id(self) -> int | None:
        article = self.article_view.article
        return article.id if article is not None else None

    @work(exclusive=True, group="article", exit_on_error=False, description="load article")
    async def _load_article(self, article_id: int) -> None:
        def load():
            article = self.library.article(article_id)
            summary = self.library.facts(article) if article is not None else FactSummary()
            self.library.set_state("last_article", str(article_id))
            return article, summary

        article, summary = await self.app.io(load)
        self.post_message(ArticleLoaded(article, summary, article_id))

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        if message.article_id == self.headlines.current_id:
            self._show_article(message.article, message.summary)

    def _show_article(self, article, summary) -> None:
        self.article_view.show(article)
        self.sidebar.show(summary if article is not None else None)
        self.article_view.border_title = "Article"
        if summary is not None and summary.categories:
            self.sidebar.border_subtitle = plural(self.sidebar.fact_count, "figure")
        else:
            self.sidebar.border_subtitle = ""

    @on(FactSidebar.FactChosen)
    def _fact_chosen(self, message: FactSidebar.FactChosen) -> None:
        self.article_view.highlight(message.fact)

    # --- moving ------------------------------------------------------------------------
    def _focused_pane(self) -> str:
        focused = self.focused
        if focused is self.article_view:
            return "article"
        if focused is self.sidebar:
            return "facts"
        return "list"

    def action_move(self, delta: int) -> None:
        pane = self._focused_pane()
        if pane == "article":
            self.article_view.scroll_relative(y=delta, animate=False)
        elif pane == "facts":
            self.sidebar.step(delta)
        else:
            self.headlines.move(delta)

    def action_page(self, direction: int) -> None:
        if self._focused_pane() == "article":
            self.article_view.scroll_relative(
                y=direction * self.article_view.scrollable_content_region.height, animate=False
            )
        else:
            self.headlines.move(direction * self.headlines.page_size())

    def action_top(self) -> None:
        if self._focused_pane() == "article":
            self.article_view.scroll_home(animate=False)
        else:
            self.headlines.move_to(0)

    def action_bottom(self) -> None:
        if self._focused_pane() == "article":
            self.article_view.scroll_to_bottom()
        else:
            self.headlines.move_to(len(self.headlines.ids) - 1)

    def action_cycle_panes(self) -> None:
        panes = [self.headlines, self.article_view]
        if self.sidebar.display:
            panes.append(self.sidebar)
        current = self.focused
        index = panes.index(current) if current in panes else -1
        panes[(index + 1) % len(panes)].focus()

    def action_step_fact(self, delta: int) -> None:
        if not self.sidebar.display and self.sidebar.fact_count:
            self.sidebar_wanted = True
            self._apply_sidebar()
        self.sidebar.step(delta)

    def action_toggle_sidebar(self) -> None:
        self.sidebar_wanted = not self.sidebar.display
        self._apply_sidebar()
