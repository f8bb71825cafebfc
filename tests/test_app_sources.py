"""The source registry in the reader: the sources screen, and ratings shared across articles."""

from __future__ import annotations

from pathlib import Path

from test_app_support import (
    chain_line,
    goto_chain,
    library_workspace,
    make_app,
    run_async,
    wait_workers,
    workspace,
)

from tui.registry import load_registry, match_source
from tui.screens.sources import SourcesScreen

SIZE = (120, 40)


def source_rows(screen: SourcesScreen) -> list[list[str]]:
    table = screen.table
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


@run_async
async def test_sources_screen_rates_a_source_everywhere(tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await wait_workers(app, pilot)
        await goto_chain(pilot, app, "NIS", "Newsweek")
        await pilot.press("S")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SourcesScreen)
        names = [row[0] for row in source_rows(screen)]
        assert "NIS" in " ".join(names) and "Newsweek" in names
        await pilot.press("slash", *"newsweek", "enter")
        await pilot.pause()
        assert [row[0] for row in source_rows(screen)] == ["Newsweek"]
        await pilot.press("C")  # rate directly
        await pilot.pause()
        assert source_rows(screen)[0][2] == "C"
        await pilot.press("s")  # sort cycles: the title says by what
        assert "sorted by kind" in str(screen.query_one("#sources-title").content)
        await pilot.press("n", *"Relays the NIS", "ctrl+s")  # note dialog: ctrl+s keeps it
        await pilot.pause()
        assert "Relays the NIS" in source_rows(screen)[0][6]
        await pilot.press("escape")
        await pilot.pause()
        assert "Newsweek (C)" in chain_line(app)
        await pilot.press("u")  # the article part is undoable
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert "Newsweek (C)" not in chain_line(app)
        await pilot.press("ctrl+r", "ctrl+r")
        await pilot.press("ctrl+s")
        await pilot.pause()
    registry = load_registry(tmp_path)
    newsweek = match_source(registry, "Newsweek")
    assert newsweek is not None
    assert newsweek.reliability == "C" and newsweek.note == "Relays the NIS"


@run_async
async def test_a_rating_in_one_article_is_seen_in_another(tmp_path: Path) -> None:
    folder = library_workspace(tmp_path)
    first = make_app(folder / "articles" / "coree-du-nord-russie.txt")
    async with first.run_test(size=SIZE) as pilot:
        await wait_workers(first, pilot)
        await goto_chain(pilot, first, "NIS", "Newsweek")
        await pilot.press("r", "B", "ctrl+s")
        await pilot.pause()
    nis = match_source(load_registry(folder), "NIS")
    assert nis is not None and nis.reliability == "B"

    second = make_app(folder / "articles" / "ouvriers-nis.txt")
    async with second.run_test(size=SIZE) as pilot:
        await wait_workers(second, pilot)
        await goto_chain(pilot, second, "NIS")
        assert "(NIS) (B)" in chain_line(second) or "NIS (B)" in chain_line(second)
        assert second.session.dirty  # proposed from the registry: one undoable change
        await pilot.press("u")
        await pilot.pause()
        assert "(B)" not in chain_line(second)
        await pilot.press("ctrl+r")
        await pilot.pause()
        # Rating it here again updates the registry on save (a user's rating is no conflict).
        await pilot.press("r", "D")
        await pilot.pause()
        second.clear_notifications()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert match_source(load_registry(folder), "NIS").reliability == "D"


@run_async
async def test_a_conflict_is_shown_not_resolved(tmp_path: Path) -> None:
    from tui.registry import save_registry, set_source

    folder = library_workspace(tmp_path)
    first = make_app(folder / "articles" / "coree-du-nord-russie.txt")
    async with first.run_test(size=SIZE) as pilot:
        await wait_workers(first, pilot)
        await goto_chain(pilot, first, "NIS", "Newsweek")
        await pilot.press("r", "B", "ctrl+s")
        await pilot.pause()
    # Someone else rates NIS E in the registry: the article's B now disagrees.
    registry = load_registry(folder)
    nis = match_source(registry, "NIS")
    save_registry(set_source(registry, nis.id, reliability="E"), folder)
    app = make_app(folder / "articles" / "coree-du-nord-russie.txt")
    async with app.run_test(size=SIZE) as pilot:
        await wait_workers(app, pilot)
        await goto_chain(pilot, app, "NIS", "Newsweek")
        assert "(B)" in chain_line(app)  # the file's value stays
        shown = [n.message for n in app._notifications]
        assert any("NIS: reliability E in the registry, B in" in m for m in shown), shown
