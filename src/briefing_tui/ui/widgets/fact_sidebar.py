"""The fact sidebar: per category the headline figure, then every mention.

Each figure is an option; highlighting one posts `FactChosen` so the screen can mark its
sentence in the article.  Prompts are plain `Text` (OptionList is also told markup=False),
so a quoted sentence can never act as markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing_tui.models import Fact, FactSummary
from briefing_tui.ui.render import (
    CATEGORY_TITLE,
    NO_FIGURES,
    fact_excerpt,
    hedge_phrase,
    hedged_figure,
    safe,
)


class FactSidebar(OptionList):
    """Figures of the open article; `step(+1/-1)` walks through them."""

    DEFAULT_CSS = """
    FactSidebar { background: $surface; }
    """

    @dataclass
    class FactChosen(Message):
        sidebar: FactSidebar
        fact: Fact

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, markup=False)
        self._facts: dict[str, Fact] = {}
        self.summary: FactSummary | None = None

    def show(self, summary: FactSummary | None) -> None:
        """Replace the content; None means no article is open."""
        self.summary = summary
        self._facts = {}
        options: list[Option | None] = []
        if summary is None:
            options.append(Option(Text("Open an article to see its figures."), disabled=True))
        elif not summary.categories:
            options.append(Option(Text(NO_FIGURES), disabled=True))
        for number, category in enumerate(summary.categories if summary else ()):
            if number:
                options.append(None)
            options.append(self._option(category.headline, headline=True))
            for mention in category.mentions:
                if mention.start != category.headline.start:
                    options.append(self._option(mention, headline=False))
        self.set_options(options)
        self.highlighted = None

    @property
    def fact_count(self) -> int:
        return len(self._facts)

    @property
    def current_fact(self) -> Fact | None:
        option = self.highlighted_option
        return self._facts.get(option.id) if option is not None and option.id else None

    def step(self, delta: int) -> None:
        if not self._facts:
            return
        if self.highlighted is None:
            self.action_first() if delta > 0 else self.action_last()
        elif delta > 0:
            self.action_cursor_down()
        else:
            self.action_cursor_up()

    def _option(self, fact: Fact, headline: bool) -> Option:
        key = f"fact-{len(self._facts)}"
        self._facts[key] = fact
        if headline:
            prompt = Text(no_wrap=False)
            prompt.append(f"{CATEGORY_TITLE[fact.category]} ", style="bold")
            prompt.append(hedged_figure(fact.value, fact.approx), style="bold reverse")
            detail = [hedge_phrase(fact)] if fact.approx != "exact" else []
            if fact.who:
                detail.append(safe(fact.who))
            if detail:
                prompt.append("\n" + " · ".join(detail), style="italic")
        else:
            # The excerpt already shows the figure in bold where it stands in the sentence.
            prompt = Text("  • ")
            prompt.append_text(fact_excerpt(fact, 80))
        return Option(prompt, id=key)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        fact = self._facts.get(event.option.id or "")
        if fact is not None:
            self.post_message(self.FactChosen(self, fact))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        fact = self._facts.get(event.option.id or "")
        if fact is not None:
            self.post_message(self.FactChosen(self, fact))
