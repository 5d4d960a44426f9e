"""Every key the app understands, in one table.

The table builds the `BINDINGS` of the app and the main screen, the help screen and the
command palette, so a key cannot exist in one and be missing from another.  Each entry has a
kebab-case id: `[keys]` in config.toml maps these ids to keys (`App.set_keymap`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.binding import Binding

Scope = Literal["app", "main"]


@dataclass(frozen=True, slots=True)
class KeyAction:
    id: str
    keys: str
    action: str
    description: str
    tooltip: str
    scope: Scope = "main"
    show: bool = False
    priority: bool = False


KEY_ACTIONS: tuple[KeyAction, ...] = (
    KeyAction("move-down", "j,down", "move(1)", "Down", "Next headline (or scroll the pane)"),
    KeyAction("move-up", "k,up", "move(-1)", "Up", "Previous headline (or scroll the pane)"),
    KeyAction("page-down", "pagedown", "page(1)", "Page down", "One page down in the focused pane"),
    KeyAction("page-up", "pageup", "page(-1)", "Page up", "One page up in the focused pane"),
    KeyAction("top", "g,home", "top", "Top", "First headline (or top of the article)"),
    KeyAction("bottom", "G,end", "bottom", "Bottom", "Last headline (or end of the article)"),
    KeyAction("next-unread", "n", "next_unread(1)", "Next unread", "Jump to the next unread"),
    KeyAction("prev-unread", "N", "next_unread(-1)", "Prev unread", "Jump to the previous unread"),
    KeyAction("open", "enter", "open", "Open", "Open the headline and mark it read", show=True),
    KeyAction("page-body", "space", "page_body", "Page", "Page the article, then next unread"),
    KeyAction("cycle-panes", "tab", "cycle_panes", "Pane", "Cycle list, article and figures"),
    KeyAction("toggle-read", "m", "toggle_read", "Read", "Toggle read/unread", show=True),
    KeyAction("star", "s", "toggle_star", "Star", "Star or unstar", show=True),
    KeyAction("dismiss", "d", "dismiss", "Dismiss", "Hide from the list (undo with u)", show=True),
    KeyAction("undo", "u", "undo", "Undo", "Undo the last triage action", show=True),
    KeyAction("mark-all-read", "A", "mark_all_read", "All read", "Mark every listed item read"),
    KeyAction("unread-only", "U", "unread_only", "Unread only", "Show only unread", show=True),
    KeyAction("search", "slash", "search", "Search", "Full-text search of the cache", show=True),
    KeyAction("filter-feed", "f", "filter_feed", "Feed/tag", "Show one feed or tag", show=True),
    KeyAction("filter-facts", "F", "filter_facts", "Figures", "Only stories with a figure ≥ N"),
    KeyAction("sort", "S", "cycle_sort", "Sort", "Newest first, by feed, most severe first"),
    KeyAction("next-fact", "right_square_bracket", "step_fact(1)", "Next figure", "Highlight next"),
    KeyAction("prev-fact", "left_square_bracket", "step_fact(-1)", "Prev figure", "Highlight prev"),
    KeyAction("toggle-sidebar", "x", "toggle_sidebar", "Figures pane", "Show or hide the figures"),
    KeyAction("refresh", "r", "refresh", "Refresh", "Fetch feeds in the background", show=True),
    KeyAction("open-link", "o", "open_link", "Open link", "Open in the browser (http/https only)"),
    KeyAction("copy-link", "y", "copy_link", "Copy link", "Copy the link (OSC 52 clipboard)"),
    KeyAction("feeds", "e", "feeds", "Feeds", "Feeds with their errors and backoff"),
    KeyAction("clear", "escape", "clear", "Clear", "Clear the search and filters"),
    KeyAction("help", "question_mark", "help", "Help", "All keys", scope="app", show=True),
    KeyAction(
        "command-palette",
        "ctrl+p",
        "command_palette",
        "Commands",
        "Search every command",
        scope="app",
        priority=True,
    ),
    KeyAction("quit", "q", "quit", "Quit", "Quit briefing", scope="app", show=True),
)


def bindings(scope: Scope) -> list[Binding]:
    return [
        Binding(
            k.keys,
            k.action,
            k.description,
            show=k.show,
            tooltip=k.tooltip,
            id=k.id,
            priority=k.priority,
        )
        for k in KEY_ACTIONS
        if k.scope == scope
    ]


def keymap_from_settings(keys: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """The user's `[keys]` table as a keymap, plus the ids it names that do not exist."""
    known = {k.id for k in KEY_ACTIONS}
    keymap = {action: key for action, key in keys.items() if action in known and key.strip()}
    unknown = sorted(set(keys) - known)
    return keymap, unknown


def keys_for(action_id: str, keymap: dict[str, str]) -> str:
    """The keys bound to an id after the user's keymap."""
    for k in KEY_ACTIONS:
        if k.id == action_id:
            return keymap.get(action_id, k.keys)
    return ""
