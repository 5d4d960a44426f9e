"""The core must not know there is a terminal: importing it must not pull in Textual or Rich."""

import subprocess
import sys

CORE = [
    "briefing_tui.models",
    "briefing_tui.sanitize",
    "briefing_tui.store",
    "briefing_tui.facts",
    "briefing_tui.feeds",
    "briefing_tui.services.settings",
]


def test_core_imports_no_ui_libraries():
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        + "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
