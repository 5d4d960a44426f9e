"""BriefingApp: holds the Library and the settings, applies theme and keymap, runs I/O.

The CLI builds the Library and Settings and passes them in (tests do the same with a
temporary database).  All Library calls from the UI except refresh go through one
dedicated thread (`io`), so SQLite work never blocks the event loop, one connection serves
the UI, and reads see the writes made before them.  Worker failures are handled here, in
one place: a notification, never a crash.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from textual.app import App
from textual.worker import Worker, WorkerState

from briefing_tui.services.library import Library
from briefing_tui.services.settings import Settings
from briefing_tui.ui.commands import BriefingCommands
from briefing_tui.ui.keys import bindings, keymap_from_settings
from briefing_tui.ui.screens.main import MainScreen

T = TypeVar("T")


class BriefingApp(App[None]):
    CSS_PATH = Path(__file__).parent / "briefing.tcss"
    TITLE = "briefing"
    BINDINGS = bindings("app")
    COMMANDS = App.COMMANDS | {BriefingCommands}
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        library: Library,
        settings: Settings,
        *,
        clock: Callable[[], datetime] | None = None,
        auto_refresh: bool | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.settings = settings
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))
        if auto_refresh is None:
            auto_refresh = settings.general.auto_refresh
        self.background_refresh = auto_refresh
        self.keymap, self.unknown_keys = keymap_from_settings(dict(settings.keys))
        self._io = ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefing-io")
        self.main_screen = MainScreen()

    async def io(self, fn: Callable[..., T], *args: Any) -> T:
        """Run a blocking Library call on the UI's I/O thread and wait for it."""
        return await asyncio.get_running_loop().run_in_executor(self._io, fn, *args)

    def on_mount(self) -> None:
        self._apply_theme(self.settings.general.theme)
        if self.keymap:
            self.set_keymap(self.keymap)
        if self.unknown_keys:
            self.notify(
                "Unknown ids in [keys]: " + ", ".join(self.unknown_keys) + " (see ? for ids)",
                severity="warning",
                markup=False,
            )
        self.push_screen(self.main_screen)

    def _apply_theme(self, name: str) -> None:
        if name in self.available_themes:
            self.theme = name
        else:
            self.notify(
                f"Unknown theme {name!r}; using {self.theme}", severity="warning", markup=False
            )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Every worker failure ends here (screens forward theirs, as the message does not
        bubble): one notification, the app keeps running."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        what = event.worker.description or event.worker.name or "background task"
        message = f"{type(error).__name__}: {error}" if error is not None else "failed"
        self.log.error(f"worker {what} failed", error)
        self.notify(message, title=f"Could not {what}", severity="error", markup=False)

    def action_help(self) -> None:
        from briefing_tui.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def on_unmount(self) -> None:
        self._io.shutdown(wait=False, cancel_futures=True)
