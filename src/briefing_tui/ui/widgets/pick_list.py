"""The option list of the feeds view and the pickers, with the reader's own moving keys.

A newsboat user moves with j/k and jumps with g/G everywhere; Textual's OptionList only knows
the arrows, home and end, so in a picker j did nothing and enter chose the first entry.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class PickList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]
