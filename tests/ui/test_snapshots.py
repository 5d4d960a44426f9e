"""Snapshots of the main layouts with fixed data and a fixed clock (pytest-textual-snapshot).

Update only after looking at the report: pytest tests/ui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from .conftest import make_app, settle


def _settled(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot.app, pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot.app, pilot)

    return run_before


def test_main_wide(snap_compare, library):
    assert snap_compare(make_app(library), terminal_size=(120, 36), run_before=_settled())


def test_main_80x24(snap_compare, library):
    assert snap_compare(make_app(library), terminal_size=(80, 24), run_before=_settled())


def test_fact_highlighted(snap_compare, library):
    app = make_app(library)
    keys = ("right_square_bracket", "right_square_bracket")
    assert snap_compare(app, terminal_size=(120, 36), run_before=_settled(*keys))


def test_80x24_with_figures(snap_compare, library):
    app = make_app(library)
    keys = ("x", "right_square_bracket")
    assert snap_compare(app, terminal_size=(80, 24), run_before=_settled(*keys))


def test_help(snap_compare, library):
    app = make_app(library)
    assert snap_compare(app, terminal_size=(120, 36), run_before=_settled("question_mark"))


def test_feeds_view(snap_compare, library):
    assert snap_compare(make_app(library), terminal_size=(120, 36), run_before=_settled("e"))
