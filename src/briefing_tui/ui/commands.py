"""Command palette (ctrl+p): every key action, searchable by name, with its key shown.

One provider over the key table, so the palette always offers exactly what the keys do.
Actions run on the main screen (or the app, for app-wide ones).
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from briefing_tui.ui.keys import KEY_ACTIONS, KeyAction, keys_for
from briefing_tui.ui.screens.help import pretty_keys

_SKIP = {"command-palette", "move-down", "move-up", "page-down", "page-up", "clear"}


class BriefingCommands(Provider):
    def _entries(self) -> list[tuple[str, str, KeyAction]]:
        keymap = getattr(self.app, "keymap", {})
        entries = []
        for key in KEY_ACTIONS:
            if key.id in _SKIP:
                continue
            title = f"{key.description} ({pretty_keys(keys_for(key.id, keymap))})"
            entries.append((title, key.tooltip, key))
        return entries

    async def _run(self, key: KeyAction) -> None:
        target = self.app if key.scope == "app" else self.app.main_screen
        await target.run_action(key.action)

    async def discover(self) -> Hits:
        for title, help_text, key in self._entries():
            yield DiscoveryHit(title, partial(self._run, key), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, key in self._entries():
            score = max(matcher.match(title), matcher.match(help_text) * 0.8)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self._run, key), help=help_text)
