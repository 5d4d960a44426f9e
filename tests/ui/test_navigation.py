"""Moving around: first paint, j/k/arrows, g/G, n/N, enter, space, tab, [ ], x, persistence."""

from __future__ import annotations

from briefing_tui.models import HeadlineQuery
from briefing_tui.ui.widgets.article_view import ArticleView
from briefing_tui.ui.widgets.fact_sidebar import FactSidebar

from .conftest import SIZE, make_app, settle


def titles(app) -> list[str]:
    lst = app.main_screen.headlines
    return [lst.headline(i).title for i in lst.ids if lst.headline(i) is not None]


async def test_first_paint_lists_cached_headlines_newest_first(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.main_screen
        assert screen.headlines.ids == library.headline_ids(HeadlineQuery())
        assert titles(app)[:2] == [
            "Ferry capsizes in Port Ellis harbour",
            "Council debates the harbour budget",
        ]
        assert screen.status.unread == library.unread_count() == 8
        # the highlighted article is shown in the body, with its figures beside it
        assert screen.article_view.article.guid == "harbour"
        assert screen.sidebar.fact_count == 3


async def test_j_k_and_arrows_move_and_preview(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        lst = app.main_screen.headlines
        await pilot.press("j")
        await settle(app, pilot)
        assert lst.cursor == 1
        assert app.main_screen.article_view.article.guid == "council"
        await pilot.press("down", "down")
        assert lst.cursor == 3
        await pilot.press("k")
        assert lst.cursor == 2
        await pilot.press("up", "up", "up")
        assert lst.cursor == 0
        # previewing does not mark read
        await settle(app, pilot)
        assert library.unread_count() == 8


async def test_g_and_G_go_to_top_and_bottom(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        lst = app.main_screen.headlines
        await pilot.press("G")
        assert lst.cursor == len(lst.ids) - 1
        await pilot.press("g")
        assert lst.cursor == 0


async def test_n_and_N_jump_over_read_items(library):
    ids = library.headline_ids(HeadlineQuery())
    library.set_read(ids[1:3], True)
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        lst = app.main_screen.headlines
        await pilot.press("n")
        assert lst.cursor == 3
        await pilot.press("N")
        assert lst.cursor == 0


async def test_enter_opens_and_marks_read(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first = app.main_screen.headlines.current_id
        await pilot.press("enter")
        await settle(app, pilot)
        assert library.article(first).read
        assert app.main_screen.article_view.article.id == first
        assert app.main_screen.status.unread == 7


async def test_space_pages_the_body_then_moves_to_next_unread(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("j")  # the long council story
        await settle(app, pilot)
        view = app.main_screen.article_view
        assert view.article.guid == "council"
        await pilot.press("space")  # opens (marks read)
        await settle(app, pilot)
        await pilot.press("space")
        assert view.scroll_y > 0
        for _ in range(30):
            if view.scroll_y >= view.max_scroll_y:
                break
            await pilot.press("space")
        await pilot.press("space")  # at the end: the next unread story opens
        await settle(app, pilot)
        assert app.main_screen.headlines.cursor == 2
        assert view.article.guid == "arrests"


async def test_tab_cycles_panes(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.main_screen
        assert app.focused is screen.headlines
        await pilot.press("tab")
        assert isinstance(app.focused, ArticleView)
        await pilot.press("j")  # keys act on the focused pane: the body scrolls
        assert screen.headlines.cursor == 0
        await pilot.press("tab")
        assert isinstance(app.focused, FactSidebar)
        await pilot.press("tab")
        assert app.focused is screen.headlines


async def test_brackets_step_through_facts_and_highlight_the_sentence(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = app.main_screen.article_view
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert view.highlighted is not None and view.highlighted.category == "deaths"
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert view.highlighted.category == "injuries"
        await pilot.press("right_square_bracket", "left_square_bracket")
        await settle(app, pilot)
        assert view.highlighted.category == "injuries"
        # the highlighted sentence is drawn with the highlight style
        line = view.line_of(view.highlighted.start)
        strip = view._lines[line]
        highlight = view.get_component_rich_style("article-view--highlight", partial=True)
        assert any(seg.style and seg.style.bgcolor == highlight.bgcolor for seg in strip)
        assert "About 40" in "".join(s.text for s in view._lines[line : line + 2])


async def test_figures_pane_says_plainly_when_there_are_none(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("j")
        await settle(app, pilot)
        sidebar = app.main_screen.sidebar
        assert sidebar.fact_count == 0
        assert "No casualty, arrest or deployment figures" in str(
            sidebar.get_option_at_index(0).prompt
        )


async def test_x_toggles_the_figures_pane_and_80x24_starts_collapsed(library):
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        sidebar = app.main_screen.sidebar
        assert app.main_screen.has_class("-narrow")
        assert not sidebar.display
        await pilot.press("x")
        assert sidebar.display
        await pilot.press("x")
        assert not sidebar.display


async def test_last_article_and_read_state_survive_a_restart(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "j", "j")
        await settle(app, pilot)
        chosen = app.main_screen.headlines.current_id
        await pilot.press("m")
        await settle(app, pilot)
    again = make_app(library)
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        assert again.main_screen.headlines.current_id == chosen
        assert again.main_screen.headlines.headline(chosen).read


async def test_clicking_a_row_selects_it_and_double_click_opens(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        lst = app.main_screen.headlines
        await pilot.click(lst, offset=(10, 2))
        await settle(app, pilot)
        assert lst.cursor == 2
        assert app.main_screen.article_view.article.id == lst.current_id
        await pilot.double_click(lst, offset=(10, 2))
        await settle(app, pilot)
        assert library.article(lst.current_id).read


async def test_a_mention_shows_its_sentence_once_with_the_figure_in_place():
    from textual.app import App

    from briefing_tui.models import CategorySummary, FactSummary

    from .conftest import HARBOUR_BODY, fact

    total = fact(HARBOUR_BODY, "deaths", "at least 18", 18, "at_least", "people")
    other = fact(HARBOUR_BODY, "deaths", "up to 12", 12, "up_to")  # a second mention
    summary = FactSummary(categories=(CategorySummary("deaths", total, (total, other)),))

    class Host(App):
        def compose(self):
            yield FactSidebar()

    host = Host()
    async with host.run_test(size=(60, 20)):
        sidebar = host.query_one(FactSidebar)
        sidebar.show(summary)
        prompts = [sidebar.get_option_at_index(i).prompt.plain for i in range(sidebar.option_count)]
        (mention,) = [p for p in prompts if p.startswith("  • ")]
        assert mention.count("up to 12") == 1  # the figure stands once, inside its sentence
        assert "coastguard said up to 12 remain missing" in mention
