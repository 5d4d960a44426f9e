"""Headline rows with wide characters (CJK, emoji) keep their columns and their badges.

Found while feeding odd titles to the list: widths were counted in characters, not terminal
cells, so a Chinese title took twice its room, the row was cut at the edge and the figure
badge vanished; a CJK feed name pushed the age column out of line.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from rich.cells import cell_len

from briefing_tui.models import FactBadge, Headline
from briefing_tui.ui.render import headline_row

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def _headline(feed: str, title: str) -> Headline:
    badge = FactBadge("deaths", 18, "at_least", "at least 18")
    return Headline(1, 1, feed, title, "", NOW, False, False, False, (badge,))


@pytest.mark.parametrize("width", [48, 61, 80, 119])
@pytest.mark.parametrize(
    ("feed", "title"),
    [
        ("新华社新闻通讯社", "东京发生大地震造成至少十八人死亡数十人受伤救援工作仍在进行中"),
        ("World Desk", "地震 🙂🙂🙂 earthquake kills at least 18 in the mountain villages"),
        ("Ｆｕｌｌｗｉｄｔｈ Ｗｉｒｅ", "ASCII title that is long enough to be cut somewhere"),
    ],
)
def test_wide_titles_keep_the_badge_and_the_columns(feed, title, width):
    row = headline_row(_headline(feed, title), width, NOW, {}, 14)
    plain = row.plain
    assert row.cell_len == width
    assert plain.endswith("dead 18+")
    ascii_row = headline_row(_headline("World Desk", "x"), width, NOW, {}, 14).plain
    # the age column ends at the same cell in every row
    assert cell_len(plain[: plain.index("now") + 3]) == ascii_row.index("now") + 3
