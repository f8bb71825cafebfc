"""The library screen (`sourcecrit FOLDER`): the table, sort, filter, open and come back."""

from __future__ import annotations

from pathlib import Path

from test_app_support import (
    chain_line,
    goto_chain,
    library_workspace,
    make_library,
    panel_text,
    run_async,
    wait_workers,
    workspace,
)
from textual.widgets import DataTable

from tui.screens.library import LibraryScreen, ReaderScreen
from tui.widgets.dialogs import ConfirmLeave

SIZE = (140, 40)


def table_rows(app) -> list[list[str]]:
    table = app.library.table
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def titles(app) -> list[str]:
    return [row[0].removesuffix(" ∗") for row in table_rows(app)]


@run_async
async def test_library_lists_the_workspace_articles(tmp_path: Path) -> None:
    app = make_library(library_workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await wait_workers(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        table = app.library.table
        assert [str(c.label) for c in table.columns.values()] == [
            "Title",
            "Outlet",
            "Date",
            "Lang",
            "Claims",
            "Reviewed",
            "Unsourced hedged",
            "Anonymous",
        ]
        rows = {row[0].removesuffix(" ∗"): row for row in table_rows(app)}
        assert set(rows) == {
            "coree-du-nord-russie",
            "Des ouvriers nord-coréens en Russie",
            "Weather in Lyon",
        }
        second = rows["Des ouvriers nord-coréens en Russie"]
        assert second[1:4] == ["Le Quotidien", "2025-04-20", "fr"]
        assert int(second[4]) >= 1 and second[5] == "0%"
        assert int(rows["coree-du-nord-russie"][4]) > 5


@run_async
async def test_sort_and_filter_change_the_rows(tmp_path: Path) -> None:
    app = make_library(library_workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await wait_workers(app, pilot)
        by_title = titles(app)
        assert by_title == sorted(by_title, key=str.casefold)
        await pilot.press("o")  # reverse
        assert titles(app) == by_title[::-1]
        await pilot.press("o", "s", "s")  # by date, ascending (the seed has none: first)
        assert titles(app) == [
            "coree-du-nord-russie",
            "Weather in Lyon",
            "Des ouvriers nord-coréens en Russie",
        ]
        await pilot.press("slash", *"lyon")
        await pilot.pause()
        assert titles(app) == ["Weather in Lyon"]
        await pilot.press("escape")  # back to the table, the filter stays
        assert titles(app) == ["Weather in Lyon"]
        assert isinstance(app.focused, DataTable)
        await pilot.press("slash", *["backspace"] * 4, "enter")
        await pilot.pause()
        assert len(titles(app)) == 3


@run_async
async def test_enter_opens_the_reader_and_escape_comes_back(tmp_path: Path) -> None:
    folder = library_workspace(tmp_path)
    app = make_library(folder)
    async with app.run_test(size=SIZE) as pilot:
        await wait_workers(app, pilot)
        assert titles(app)[0] == "coree-du-nord-russie"
        await pilot.press("enter")
        await wait_workers(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert "Claim 1 / " in panel_text(app)
        await pilot.press("a")  # confirm claim 1: unsaved
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmLeave)
        await pilot.press("s")  # save and go back
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert (
            folder / "annotations" / "coree-du-nord-russie.txt".replace(".txt", ".yaml")
        ).exists()
        row = table_rows(app)[0]
        assert row[0] == "coree-du-nord-russie"  # annotated now: no ∗
        assert row[5] != "0%"
        # q in the reader still quits; escape with nothing unsaved goes straight back
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


@run_async
async def test_also_reported_in_shows_the_linked_claim(tmp_path: Path) -> None:
    app = make_library(library_workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await wait_workers(app, pilot)
        await pilot.press("enter")  # the seed
        await wait_workers(app, pilot)
        await goto_chain(pilot, app, "NIS")
        text = panel_text(app)
        assert "Also reported in" in text, text
        assert "Des ouvriers nord-coréens en Russie" in text
        assert "circular" in text and "1 origin" in text
        await pilot.press("1")  # credibility 1 on a circular report: warned
        await pilot.pause()
        assert "circular reporting is not confirmation" in panel_text(app)
        assert "NIS" in chain_line(app)


def test_the_command_line_opens_the_library_only_for_several_articles(
    tmp_path: Path, monkeypatch
) -> None:
    from argparse import Namespace

    from tui.cli import _library_folder

    def args(article=None) -> Namespace:
        return Namespace(article=article, annotations=None)

    (tmp_path / "ws").mkdir()
    folder = library_workspace(tmp_path / "ws")
    assert _library_folder(args(str(folder / "articles"))) == folder / "articles"
    assert _library_folder(args(str(folder / "articles" / "weather.txt"))) is None
    monkeypatch.chdir(folder)
    assert _library_folder(args()) == folder
    single = tmp_path / "single"
    single.mkdir()
    workspace(single)
    monkeypatch.chdir(single)
    assert _library_folder(args()) is None  # one article: the reader, as before
