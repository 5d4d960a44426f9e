"""Hostile feed text through the real app: what reaches the terminal has no sequence from it.

The rows are written straight into the store (bypassing the fetch-time sanitizer) to prove the
display holds on its own: the screen is rendered as the terminal would receive it and every
escape sequence left must be one the renderer itself emits (SGR colours, cursor moves, OSC 8
hyperlinks to http(s) URLs).
"""

from __future__ import annotations

import io
import re

from rich.console import Console

from briefing_tui.models import ParsedEntry
from briefing_tui.services.library import Library
from briefing_tui.services.settings import Settings

from .conftest import NOW, SIZE, make_app, settle

EVIL_TITLE = "evil \x1b]52;c;aGFja2Vk\x07 \x1b[2J\x9b31m [@click=app.quit]x[/] \u202egnp.exe"
EVIL_BODY = (
    "First \x1b]8;;https://evil.test\x1b\\click\x1b]8;;\x1b\\ paragraph.\n\n"
    "Clipboard \x1b]52;c;aGFja2Vk\x07 and title \x1b]0;pwned\x07 and [link=https://x]y[/link].\n\n"
    "Bell \x07 backspace \x08 DEL \x7f C1 \x85\x90\x9d."
)
OWN = re.compile(
    r"\x1b\[[0-9;?]*[A-Za-z]"  # CSI: colours, cursor moves, modes
    r"|\x1b\]8;[^\x1b\x07]*;(?:https?://[^\x1b\x07]*)?\x1b\\"  # OSC 8 hyperlinks (http(s) only)
)


async def test_no_control_sequence_from_content_reaches_the_terminal(db_path):
    lib = Library(db_path, Settings())
    feed = lib.store.add_feed("https://example.org/evil.xml", "Evil \x1b[31mFeed")
    lib.store.upsert_entries(
        feed.id,
        [
            ParsedEntry(
                guid="evil",
                link="https://example.org/e",
                title=EVIL_TITLE,
                author="\x1b]0;x\x07Mallory",
                published=NOW,
                body=EVIL_BODY,
            )
        ],
        NOW,
    )
    app = make_app(lib)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.main_screen.article_view.article.guid == "evil"
        update = app.screen._compositor.render_update(full=True)
        console = Console(
            file=io.StringIO(),
            force_terminal=True,
            color_system="truecolor",
            width=SIZE[0],
            height=SIZE[1],
            legacy_windows=False,
        )
        console.print(update, end="")
        out = console.file.getvalue()
        assert app.is_running
    lib.close()
    rest = OWN.sub("", out)
    assert "\x1b" not in rest, repr(rest[rest.index("\x1b") - 20 : rest.index("\x1b") + 20])
    for char in "\x07\x08\x7f\x85\x90\x9b\x9d\u202e":
        assert char not in out, repr(char)
    # the smuggled hyperlink is visible text, never a link
    assert not re.search(r"\x1b\]8;[^;]*;https://evil", out)
    assert "[@click=app.quit]x[/]" in out  # markup-looking text is shown literally
