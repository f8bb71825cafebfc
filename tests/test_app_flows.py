"""The reader's main flows, driven with the keyboard through Textual's Pilot."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from test_app_support import (
    FIXED_NOW,
    chain_line,
    fixed_clock,
    goto_chain,
    header_text,
    make_app,
    panel_text,
    run_async,
    workspace,
)
from textual.widgets import Input, TextArea

from tui.app import ReaderApp
from tui.model import Status
from tui.widgets.dialogs import ChainEditor, ConfirmQuit, NoteDialog, SourcePicker

SIZE = (120, 40)


@run_async
async def test_open_and_walk_to_the_nis_chain(tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        assert "Claim 1 / " in panel_text(app)
        assert "reviewed" in header_text(app)
        await goto_chain(pilot, app, "NIS", "Newsweek", "L'Express")
        assert "NIS → Newsweek → L'Express" in chain_line(app).replace("⋯", "").replace("▸", "")
        assert app.article_view.current_claim == app.claim_id
        await pilot.press("k")
        assert (
            app.claim_id != app.session.current.claims[-1].id
            or len(app.session.current.claims) == 1
        )


@run_async
async def test_confirm_reject_and_credibility(tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        first = app.claim_id
        await pilot.press("a")
        await pilot.pause()
        assert app.session.current.claim(first).status is Status.CONFIRMED
        assert "confirmed" in panel_text(app)
        assert "1 of" in header_text(app) and "●" in header_text(app)
        await pilot.press("3")
        await pilot.pause()
        assert "3 — possibly true" in panel_text(app)
        await pilot.press("x")
        await pilot.pause()
        assert app.session.current.claim(first).status is Status.REJECTED


@run_async
async def test_source_reliability_applies_to_every_claim(tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await goto_chain(pilot, app, "NIS", "Newsweek")
        await pilot.press("r", "b")  # hop 1 is NIS; lower case works
        await pilot.pause()
        await pilot.press("l", "r", "C")  # hop 2: Newsweek
        await pilot.pause()
        assert "NIS (B) → Newsweek (C) → L'Express" in chain_line(app)
        assert "Chain rating  C — fairly reliable" in panel_text(app)
        ann = app.session.current
        nis = ann.claim(app.claim_id).chain[0].source
        await pilot.press(*["k"] * app._claim_index())  # back to the first claim
        seen = 0
        for _ in ann.claims:  # every claim citing NIS shows its new rating
            if any(h.source == nis for h in ann.claim(app.claim_id).chain):
                assert "NIS (B)" in chain_line(app)
                seen += 1
            await pilot.press("j")
        assert seen >= 1


@run_async
async def test_note_dialog_keeps_and_cancels(tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"Yonhap", "enter", *"[/b] ok")
        await pilot.press("ctrl+s")
        await pilot.pause()
        claim = app.session.current.claim(app.claim_id)
        assert claim.notes[0].text == "Yonhap\n[/b] ok"
        assert claim.notes[0].created == FIXED_NOW
        assert " 1. Yonhap" in panel_text(app)
        assert "[/b] ok" in panel_text(app)
        await pilot.press("n", *"no", "escape")
        await pilot.pause()
        assert len(app.session.current.claim(app.claim_id).notes) == 1


@run_async
async def test_edit_and_delete_notes(tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        for text in ("one", "two"):
            await pilot.press("n", *text, "ctrl+s")
        await pilot.press("N", "2")  # pick note 2 in the picker
        area = app.screen.query_one(TextArea)
        area.text = "two, edited"
        await pilot.press("ctrl+s")
        await pilot.pause()
        notes = app.session.current.claim(app.claim_id).notes
        assert [n.text for n in notes] == ["one", "two, edited"]
        await pilot.press("D", "1", "y")
        await pilot.pause()
        assert [n.text for n in app.session.current.claim(app.claim_id).notes] == ["two, edited"]
        await pilot.press("D", "n")  # one note left: straight to the confirmation; n keeps it
        await pilot.pause()
        assert len(app.session.current.claim(app.claim_id).notes) == 1


@run_async
async def test_undo_redo(tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        cid = app.claim_id
        await pilot.press("a", "2")
        await pilot.press("u")
        await pilot.pause()
        assert app.session.current.claim(cid).credibility is None
        assert app.session.current.claim(cid).status is Status.CONFIRMED
        await pilot.press("u")
        await pilot.pause()
        assert not app.session.dirty
        assert "●" not in header_text(app)
        await pilot.press("ctrl+r", "ctrl+r")
        await pilot.pause()
        assert app.session.current.claim(cid).credibility == 2


@run_async
async def test_chain_editor(tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await goto_chain(pilot, app, "NIS", "Newsweek")
        cid = app.claim_id
        await pilot.press("c")
        assert isinstance(app.screen, ChainEditor)
        # Remove NIS (hop 1), then add a brand-new source after Newsweek.
        await pilot.press("d")
        await pilot.press("a")
        assert isinstance(app.screen, SourcePicker)
        await pilot.press(*"Yonhap", "enter")  # only "+ new source Yonhap" matches
        await pilot.press(*"news", "enter")  # the only kind matching: news-agency
        assert isinstance(app.screen, ChainEditor)
        await pilot.press("K")  # move it above Newsweek
        await pilot.press("i")  # and mark it stated/inferred
        await pilot.press("ctrl+s")
        await pilot.pause()
        claim = app.session.current.claim(cid)
        names = [app.session.current.source(h.source).name for h in claim.chain]
        assert names == ["Yonhap", "Newsweek", "L'Express"]
        assert app.session.current.source(claim.chain[0].source).kind == "news-agency"
        assert "Yonhap" in chain_line(app)
        # The article hop cannot be moved or removed.
        await pilot.press("c", "end", "d", "K", "ctrl+s")
        await pilot.pause()
        assert app.session.current.claim(cid).chain == claim.chain
        await pilot.press("u")
        await pilot.pause()
        assert "NIS" in chain_line(app)


@run_async
async def test_new_claim_by_keyboard_selection(tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        before = len(app.session.current.claims)
        await pilot.press("slash", *"wall", "enter", "escape")
        await pilot.press("v")
        assert app.selection is not None
        assert app.selection.span.text(app.article.body) == "Wall"
        await pilot.press("w", "w", "W", "w", "s")  # grow, shrink, to the end of the sentence
        text = app.selection.span.text(app.article.body)
        assert text.startswith("Wall Street Journal, la Russie") and text.endswith("2022.")
        await pilot.press("j")  # ignored while selecting
        await pilot.press("enter")
        assert isinstance(app.screen, SourcePicker)
        await pilot.press(*"WSJ", "enter", *"med", "enter")  # a new source, kind: media
        await pilot.pause()
        ann = app.session.current
        assert len(ann.claims) == before + 1
        claim = ann.claim(app.claim_id)
        assert claim.status is Status.CONFIRMED
        assert claim.span.text(app.article.body) == text
        assert [ann.source(h.source).name for h in claim.chain] == [
            "WSJ",
            "L'Express",
        ]
        assert app.selection is None
        # Claims stay in reading order.
        starts = [c.span.start for c in ann.claims]
        assert starts == sorted(starts)


@run_async
async def test_adjust_span(tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        cid = app.claim_id
        old = app.session.current.claim(cid).span
        await pilot.press("e", "W", "enter")
        await pilot.pause()
        new = app.session.current.claim(cid).span
        assert old.start <= new.start < new.end < old.end
        await pilot.press("e", "w", "escape")  # cancelled: no change
        await pilot.pause()
        assert app.session.current.claim(cid).span == new


@run_async
async def test_search_next_previous(tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        bar = app.query_one("#search-bar")
        assert not bar.display
        await pilot.press("slash")
        assert isinstance(app.focused, Input) and bar.display
        await pilot.press(*"coreens", "enter")  # accents and case ignored
        count = len(app.matches)
        assert count >= 3 and app.match_index is not None
        first = app.match_index
        await pilot.press("enter")
        assert app.match_index == (first + 1) % count
        await pilot.press("up")
        assert app.match_index == first
        await pilot.press("escape")
        assert app.focused is app.article_view and not bar.display
        await pilot.press("f3")
        assert app.match_index == (first + 1) % count
        await pilot.press("shift+f3")
        assert app.match_index == first
        await pilot.press("escape")  # clears the search
        assert app.matches == []


@run_async
async def test_save_and_reopen_finds_everything(tmp_path: Path) -> None:
    path = workspace(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto_chain(pilot, app, "NIS", "Newsweek")
        cid = app.claim_id
        await pilot.press("a", "2", "r", "b", "n", *"a note", "ctrl+s")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.session.dirty
        saved = tmp_path / "annotations" / "coree-du-nord-russie.yaml"
        assert saved.exists()
        assert not app.session.recovery_path.exists()
    again = make_app(path)
    async with again.run_test(size=SIZE) as pilot:
        ann = again.session.current
        claim = ann.claim(cid)
        assert claim.status is Status.CONFIRMED and claim.credibility == 2
        assert claim.notes[0].text == "a note"
        assert ann.source(claim.chain[0].source).reliability == "B"
        assert not again.session.dirty


@run_async
async def test_quit_without_changes_exits(tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


@run_async
async def test_quit_cancel_keeps_running(tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "q")
        assert isinstance(app.screen, ConfirmQuit)
        await pilot.press("escape")
        assert not isinstance(app.screen, ConfirmQuit)
        await pilot.press("q", "c")
        assert app.is_running and app.session.dirty


@run_async
async def test_quit_save(tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "q", "s")
        await pilot.pause()
    assert (tmp_path / "annotations" / "coree-du-nord-russie.yaml").exists()
    assert not app.session.dirty and not app.session.recovery_path.exists()


@run_async
async def test_quit_discard(tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        assert app.session.recovery_path.exists()
        await pilot.press("q", "d")
        await pilot.pause()
    assert not (tmp_path / "annotations" / "coree-du-nord-russie.yaml").exists()
    assert not app.session.recovery_path.exists()


@run_async
async def test_help_screen_lists_bindings_legend_and_scales(tmp_path: Path) -> None:
    from textual.widgets import Static

    from tui.screens.help import HelpScreen

    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(str(s.content) for s in app.screen.query(Static))
        for needle in (
            "Next claim",
            "Credibility 3 — possibly true",
            "Page down",  # the article view's own keys
            "usually reliable",
            "truth cannot be judged",
            "search match",
        ):
            assert needle in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@run_async
async def test_palette_offers_every_action(tmp_path: Path) -> None:
    from tui.commands import palette_commands

    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        actions = {c.action for c in palette_commands(app)}
        bound = {b.action for _, b in app._bindings if b.description}
        assert bound <= actions
        assert "set_reliability('A')" in actions
        await pilot.press("ctrl+p")
        await pilot.press(*"confirm")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.current.claim(app.claim_id).status is Status.CONFIRMED


@run_async
async def test_narrow_layout_class(tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.has_class("-narrow")
        panel = app.query_one("#claim-panel")
        article = app.article_view
        assert panel.region.y > article.region.y  # under the article
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        assert not app.has_class("-narrow")
        assert panel.region.x > article.region.x  # beside it
        await pilot.press("p")
        assert not panel.display
        await pilot.press("p")
        assert panel.display


@run_async
async def test_click_on_a_claim_selects_it(tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        view = app.article_view
        claims = app.session.current.claims
        target = claims[min(2, len(claims) - 1)]
        middle = (target.span.start + target.span.end) // 2
        view.scroll_to_offset(middle)
        await pilot.pause()
        spot = next(
            (x, y)
            for y in range(view.scrollable_content_region.height)
            for x in range(view.scrollable_content_region.width)
            if view.offset_at(x, y) == middle
        )
        await pilot.click(view, offset=spot)
        await pilot.pause()
        assert app.claim_id in {c.id for c in claims if c.span.contains(middle)}
        assert f"Claim {claims.index(app.session.current.claim(app.claim_id)) + 1} /" in (
            panel_text(app)
        )


@run_async
async def test_article_without_claims(tmp_path: Path) -> None:
    source = tmp_path / "plain.txt"
    source.write_text("Le ciel est bleu. Il fera beau demain matin.\n", encoding="utf-8")
    app = make_app(workspace(tmp_path, source))
    # Whatever the extractor found, start from no claims at all.
    opened = replace(app.opened, annotations=replace(app.opened.annotations, claims=()))
    app = ReaderApp(app.article, opened, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "No claims" in panel_text(app)
        await pilot.press("j", "a", "3")  # nothing to move to or rate: no crash, no change
        assert not app.session.dirty
        await pilot.press("v", "s", "enter")
        # The last option, after the sources: "no source: the article's own claim".
        await pilot.press(*["down"] * len(app.session.current.sources), "enter")
        await pilot.pause()
        ann = app.session.current
        assert len(ann.claims) == 1
        claim = ann.claims[0]
        assert claim.span.text(app.article.body) == "Le ciel est bleu."
        assert len(claim.chain) == 1 and claim.chain[0].mention is None
        assert "Claim 1 / 1" in panel_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.session.dirty


@run_async
async def test_undo_shows_the_claim_it_changes(tmp_path: Path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        first = app.claim_id
        await pilot.press("a", "j", "j")
        assert app.claim_id != first
        await pilot.press("u")
        await pilot.pause()
        assert app.claim_id == first
        await pilot.press("j", "ctrl+r")
        await pilot.pause()
        assert app.claim_id == first


@run_async
async def test_palette_exports_beside_the_annotation_file(tmp_path: Path) -> None:
    import csv

    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")  # an unsaved change: the export shows the current state
        await pilot.press("ctrl+p")
        await pilot.press(*"export csv")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        exported = tmp_path / "annotations" / "coree-du-nord-russie.csv"
        assert exported.is_file()
        rows = list(csv.DictReader(exported.open(encoding="utf-8", newline="")))
        assert len(rows) == len(app.session.current.claims)
        assert rows[0]["status"] == "confirmed"
        assert any(str(exported) in n.message for n in app._notifications)
