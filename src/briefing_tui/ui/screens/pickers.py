"""Small modal pickers: which feed or tag to show, which figures to require.

They get their data as arguments and return the choice through `dismiss`; they never read the
store.  Feed titles and tags are shown as plain `Text`.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from briefing_tui.models import CATEGORIES, FactCategory, Feed
from briefing_tui.ui.render import CATEGORY_TITLE, safe
from briefing_tui.ui.widgets.pick_list import PickList

FeedChoice = tuple[str, str, str]
"""(kind, value, title): kind is 'all', 'tag' or 'feed'."""


class FeedPicker(ModalScreen[FeedChoice | None]):
    BINDINGS = [Binding("escape,q", "dismiss(None)", "Cancel", id="picker-cancel")]

    def __init__(self, feeds: list[Feed], tags: list[str]) -> None:
        super().__init__()
        self.feeds = feeds
        self.tags = tags
        self._choices: dict[str, FeedChoice] = {}

    def compose(self) -> ComposeResult:
        options: list[Option | None] = [self._add(("all", "", "All feeds"), Text("All feeds"))]
        if self.tags:
            options.append(None)
        for tag in self.tags:
            options.append(self._add(("tag", tag, tag), Text.assemble(("#", "dim"), safe(tag))))
        if self.feeds:
            options.append(None)
        for feed in self.feeds:
            prompt = Text(safe(feed.display_title))
            prompt.append(f"  {feed.unread_count:,}/{feed.article_count:,}", style="dim")
            if feed.last_error:
                prompt.append("  ⚠ failing", style="bold")
            options.append(self._add(("feed", str(feed.id), feed.display_title), prompt))
        with Vertical(classes="picker"):
            yield Label("Show feed or tag (enter to choose, escape to cancel)")
            yield PickList(*options, markup=False, id="feed-options")

    def _add(self, choice: FeedChoice, prompt: Text) -> Option:
        key = f"choice-{len(self._choices)}"
        self._choices[key] = choice
        return Option(prompt, id=key)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._choices.get(event.option.id or ""))


class FactFilterPicker(ModalScreen[tuple[FactCategory | None, int] | None]):
    """Choose a category (or none) and an optional minimum: 'deaths ≥ 10'."""

    BINDINGS = [Binding("escape,q", "dismiss(None)", "Cancel", id="picker-cancel")]

    def __init__(self, category: FactCategory | None, minimum: int) -> None:
        super().__init__()
        self.category = category
        self.minimum = minimum

    def compose(self) -> ComposeResult:
        options = [Option(Text("Any story (no figures filter)"), id="none")]
        options += [Option(Text(CATEGORY_TITLE[c]), id=c) for c in CATEGORIES]
        with Vertical(classes="picker"):
            yield Label("Only stories with this figure (tab: minimum, enter: apply)")
            yield PickList(*options, markup=False, id="fact-options")
            yield Input(
                str(self.minimum) if self.minimum else "",
                placeholder="at least (e.g. 10); empty = any",
                type="integer",
                id="fact-min",
            )

    def on_mount(self) -> None:
        options = self.query_one("#fact-options", OptionList)
        if self.category is not None:
            options.highlighted = options.get_option_index(self.category)

    def _choice(self) -> tuple[FactCategory | None, int]:
        option = self.query_one("#fact-options", OptionList).highlighted_option
        category = None if option is None or option.id == "none" else option.id
        text = self.query_one("#fact-min", Input).value.strip()
        minimum = max(0, int(text)) if text.lstrip("-").isdigit() else 0
        return category, minimum if category else 0  # type: ignore[return-value]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._choice())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(self._choice())
