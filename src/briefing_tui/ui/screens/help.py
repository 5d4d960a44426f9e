"""The help screen: every key, what it does, and the id to rebind it in config.toml.

Built from the same table as the bindings (ui/keys.py) and showing the keys after the
user's `[keys]` overrides, so it cannot drift from what the keys really do.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing_tui.ui.keys import KEY_ACTIONS, keys_for

_KEY_NAMES = {
    "slash": "/",
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "pagedown": "PgDn",
    "pageup": "PgUp",
}


def pretty_keys(keys: str) -> str:
    return " ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(",") if k.strip())


def help_table(keymap: dict[str, str]) -> Table:
    table = Table(box=None, pad_edge=False, expand=True, show_header=True, header_style="bold")
    table.add_column(Text("Keys"), no_wrap=True)
    table.add_column(Text("Action"))
    table.add_column(Text("config id ([keys])"), style="dim", no_wrap=True)
    for key in KEY_ACTIONS:
        table.add_row(
            Text(pretty_keys(keys_for(key.id, keymap)), style="bold"),
            Text.assemble(key.description, " — ", (key.tooltip, "dim")),
            Text(key.id),
        )
    return table


class HelpScroll(VerticalScroll):
    """The key table scrolls with the reader's keys too (at 80x24 it is taller than the
    screen, and Textual's scroll container knows only the arrows and page keys)."""

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
        Binding("space", "page_down", "Page down", show=False),
    ]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close", id="help-close"),
    ]

    def compose(self) -> ComposeResult:
        with HelpScroll(classes="picker wide", id="help"):
            yield Static(
                Text(
                    'Keys — escape to close. Rebind in config.toml: [keys] star = "ctrl+s"',
                    style="bold",
                )
            )
            self.table = help_table(self.app.keymap)
            yield Static(self.table, id="help-table")
