"""The reader's key bar (`KeyFooter`): what it shows, when it changes, clicks."""

from __future__ import annotations

from pathlib import Path

from test_app_support import make_app, run_async, workspace

from tui.app import Opened, ReaderApp
from tui.articles import load_article
from tui.model import AnnotationSet
from tui.widgets.footer import KeyFooter

SIZE = (120, 40)


def footer(app: ReaderApp) -> KeyFooter:
    return app.query_one(KeyFooter)


def footer_text(app: ReaderApp) -> str:
    return str(footer(app).render())


def shown_actions(app: ReaderApp) -> list[str]:
    return [entry.description for _start, _end, entry in footer(app)._spans]


@run_async
async def test_footer_shows_the_main_keys_and_the_palette(tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = footer_text(app)
        for shown in ("j Next", "k Prev", "a Confirm", "x Reject", "1-6 Credibility", "q Quit"):
            assert shown in text
        assert text.rstrip().endswith("^p palette")
        assert len(text) == SIZE[0]
        # show=False bindings and a hidden action (nothing to undo yet) are not offered.
        assert "Hop" not in text and "Redo" not in text and "Undo" not in text
        assert len(app.query(KeyFooter)) == 1 and not footer(app).children


@run_async
async def test_undo_appears_after_an_edit_and_goes_after_undoing(tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Undo" not in shown_actions(app)
        await pilot.press("a")
        await pilot.pause()
        assert "Undo" in shown_actions(app)
        assert "u Undo" in footer_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert "Undo" not in shown_actions(app)


@run_async
async def test_claim_keys_are_dimmed_without_a_claim(tmp_path: Path) -> None:
    path = workspace(tmp_path)
    article = load_article(str(path))
    empty = AnnotationSet(str(path), claims=())
    opened = Opened(empty, tmp_path / "empty.annotations.yaml", False, None)
    app = ReaderApp(article, opened)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        entries = {entry.description: entry for entry in footer(app).entries}
        assert not entries["Confirm"].enabled and not entries["Note"].enabled
        assert entries["Next"].enabled and entries["Quit"].enabled
        # Dimmed, not hidden: the key is still listed.
        assert "a Confirm" in footer_text(app)
        content = footer(app).render()
        start = str(content).index("a Confirm")
        dimmed = [span for span in content.spans if span.start <= start < span.end]
        assert dimmed and all("dim" in str(span.style) for span in dimmed)


@run_async
async def test_selection_keys_replace_the_reader_keys(tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        shown = shown_actions(app)
        assert shown[:2] == ["+word", "-word"] and "Done" in shown  # the focused bar's first
        offered = [entry.description for entry in footer(app).entries]
        assert "Cancel" in offered and "Save" in offered  # (past the edge at 120 columns)
        assert "Next" not in offered and "Confirm" not in offered  # disabled while selecting
        await pilot.press("escape")
        await pilot.pause()
        assert "Next" in shown_actions(app) and "+word" not in shown_actions(app)


@run_async
async def test_narrow_footer_keeps_whole_entries(tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = footer_text(app)
        assert len(text) == 80
        assert text.startswith("j Next k Prev")  # compact: no padding around the keys
        assert text.rstrip().endswith("^p palette")
        for start, end, entry in footer(app)._spans:
            assert text[start:end].strip().endswith(entry.description)  # never cut
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        assert footer_text(app).startswith(" j Next  k Prev ")  # room for the full form


@run_async
async def test_clicking_a_key_presses_it(tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = app.claim_id
        start = next(s for s, _e, entry in footer(app)._spans if entry.description == "Next")
        await pilot.click(KeyFooter, offset=(start + 1, 0))
        await pilot.pause()
        assert app.claim_id != first
