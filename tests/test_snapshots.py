"""SVG snapshots of the reader (pytest-textual-snapshot). Regenerate with --snapshot-update.

Deterministic by construction: a fixed clock for note timestamps, a fixed workspace copy of
the seed article, and nothing random on screen.
"""

from __future__ import annotations

from pathlib import Path

from test_app_support import goto_chain, make_app, workspace


def _at_nis_claim(app):
    async def run_before(pilot) -> None:
        await goto_chain(pilot, app, "NIS", "Newsweek")
        app.clear_notifications()  # the toast on open is timing-dependent; keep it out
        await pilot.pause()

    return run_before


def test_main_screen_wide(snap_compare, tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    assert snap_compare(app, terminal_size=(120, 40), run_before=_at_nis_claim(app))


def test_main_screen_80x24(snap_compare, tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    assert snap_compare(app, terminal_size=(80, 24), run_before=_at_nis_claim(app))


def test_help_screen(snap_compare, tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))

    async def run_before(pilot) -> None:
        app.clear_notifications()
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


def test_note_dialog(snap_compare, tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))

    async def run_before(pilot) -> None:
        await goto_chain(pilot, app, "NIS", "Newsweek")
        app.clear_notifications()
        await pilot.press("n", *"Cross-check with NIS")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


def test_library_screen(snap_compare, tmp_path: Path, monkeypatch) -> None:
    import itertools

    import rich.style
    from test_app_support import library_workspace, make_library, wait_workers

    # The table's cell styles carry ids from a process-wide counter, which the SVG's id
    # hashes: start it at a fixed value so the snapshot does not depend on earlier tests.
    monkeypatch.setattr(rich.style, "_id_generator", itertools.count(1))

    folder = tmp_path / "newsroom"
    folder.mkdir()
    app = make_library(library_workspace(folder))

    async def run_before(pilot) -> None:
        await wait_workers(app, pilot)
        app.library.action_focus_table()
        app.clear_notifications()
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 30), run_before=run_before)
