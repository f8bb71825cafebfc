"""Never lose work, never crash on hostile input: recovery, conflicts, bad files, markup."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from test_app_support import (
    chain_line,
    make_app,
    panel_text,
    run_async,
    workspace,
)
from textual.message import Message
from textual.widgets import Static

from tui.app import AnnotationsChanged, Opened, ReaderApp, run_reader
from tui.articles import load_article
from tui.model import AnnotationSet, Claim, Hop, Note, Source, Span, Status
from tui.store import load_annotations, recovery_path_for, save_annotations
from tui.widgets.dialogs import ConflictDialog, RestoreRecovery

SIZE = (120, 40)


def annotation_file(tmp_path: Path) -> Path:
    return tmp_path / "annotations" / "coree-du-nord-russie.yaml"


# --- recovery -------------------------------------------------------------------------------


async def _leave_unsaved_work(path: Path) -> str:
    """Make changes and stop without saving, as a crash or a closed terminal would."""
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        cid = app.claim_id
        await pilot.press("a", "4", "n", *"kept", "ctrl+s")
        await pilot.pause()
        assert app.session.recovery_path.exists()
    return cid


@run_async
async def test_recovery_offered_and_restored(tmp_path: Path) -> None:
    path = workspace(tmp_path)
    cid = await _leave_unsaved_work(path)
    recovery = recovery_path_for(annotation_file(tmp_path))
    assert recovery.exists() and not annotation_file(tmp_path).exists()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RestoreRecovery)
        await pilot.press("r")
        await pilot.pause()
        claim = app.session.current.claim(cid)
        assert claim.status is Status.CONFIRMED and claim.credibility == 4
        assert claim.notes[0].text == "kept"
        assert app.session.dirty  # restored, not yet saved
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not recovery.exists()
    assert load_annotations(annotation_file(tmp_path)).annotations.claim(cid).credibility == 4


@run_async
async def test_recovery_discarded(tmp_path: Path) -> None:
    path = workspace(tmp_path)
    cid = await _leave_unsaved_work(path)
    recovery = recovery_path_for(annotation_file(tmp_path))
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert not recovery.exists()
        assert app.session.current.claim(cid).credibility is None
        assert not app.session.dirty


@run_async
async def test_recovery_escape_restores_undoably(tmp_path: Path) -> None:
    path = workspace(tmp_path)
    cid = await _leave_unsaved_work(path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.current.claim(cid).credibility == 4
        await pilot.press("u")
        await pilot.pause()
        assert app.session.current.claim(cid).credibility is None


@run_async
async def test_unreadable_recovery_is_kept_aside(tmp_path: Path) -> None:
    path = workspace(tmp_path)
    recovery = recovery_path_for(annotation_file(tmp_path))
    recovery.parent.mkdir(parents=True)
    recovery.write_text("sourcecrit: [not, valid")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, RestoreRecovery)
        assert recovery.with_name(recovery.name + ".unreadable").exists()
        await pilot.press("a")  # new work goes to a fresh recovery file
        assert recovery.exists()


# --- conflicts ------------------------------------------------------------------------------


async def _conflict(tmp_path: Path, choice: str) -> tuple[ReaderApp, str, AnnotationSet]:
    """Save, let "someone else" change the file, change something, save: the dialog."""
    path = workspace(tmp_path)
    app = make_app(path)
    target = annotation_file(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        cid = app.claim_id
        await pilot.press("ctrl+s")
        await pilot.pause()
        theirs = replace(app.session.current, claims=app.session.current.claims[:1])
        save_annotations(theirs, app.article.body, target)
        await pilot.press("x")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press(choice)
        await pilot.pause()
    return app, cid, theirs


@run_async
async def test_conflict_overwrite(tmp_path: Path) -> None:
    app, cid, _ = await _conflict(tmp_path, "o")
    on_disk = load_annotations(annotation_file(tmp_path)).annotations
    assert on_disk.claim(cid).status is Status.REJECTED
    assert len(on_disk.claims) == len(app.session.current.claims)


@run_async
async def test_conflict_reload_theirs(tmp_path: Path) -> None:
    app, cid, _ = await _conflict(tmp_path, "r")
    assert len(app.session.current.claims) == 1
    assert not app.session.dirty
    assert app.session.undo() == "reload from disk"  # mine is one undo away
    assert app.session.current.claim(cid).status is Status.REJECTED


@run_async
async def test_conflict_copy_and_cancel(tmp_path: Path) -> None:
    app, cid, _ = await _conflict(tmp_path, "k")
    copy = tmp_path / "annotations" / "coree-du-nord-russie.mine.yaml"
    assert load_annotations(copy).annotations.claim(cid).status is Status.REJECTED
    assert len(load_annotations(annotation_file(tmp_path)).annotations.claims) == 1
    assert app.session.dirty


@run_async
async def test_conflict_cancel_leaves_file(tmp_path: Path) -> None:
    app, _, _ = await _conflict(tmp_path, "c")
    assert len(load_annotations(annotation_file(tmp_path)).annotations.claims) == 1
    assert app.session.dirty


@run_async
async def test_conflict_on_quit_save(tmp_path: Path) -> None:
    path = workspace(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        annotation_file(tmp_path).parent.mkdir(exist_ok=True)
        annotation_file(tmp_path).write_text("written meanwhile")
        await pilot.press("q", "s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)  # not quit, not overwritten
        assert annotation_file(tmp_path).read_text() == "written meanwhile"
        await pilot.press("o")
        await pilot.pause()
    assert app.return_code == 0
    assert load_annotations(annotation_file(tmp_path)).annotations.reviewed_count() == 1


# --- malformed files ------------------------------------------------------------------------


def test_malformed_annotation_file_refuses_to_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workspace(tmp_path)
    target = annotation_file(tmp_path)
    target.parent.mkdir()
    target.write_text("sourcecrit: 1\narticle: [oops\n")
    article = load_article(path)
    assert run_reader(article) == 2
    err = capsys.readouterr().err
    assert str(target) in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert target.read_text() == "sourcecrit: 1\narticle: [oops\n"


# --- hostile text ---------------------------------------------------------------------------

HOSTILE_BODY = (
    "Selon [@click=app.quit] la source, [/bold] tout va bien. "
    "D'après [link=http://x]x[/link], rien. [bold red]Fin[/] \x1b[31m."
)


def hostile_opened(tmp_path: Path) -> tuple[object, Opened]:
    folder = tmp_path / "articles"
    folder.mkdir()
    path = folder / "hostile.txt"
    path.write_text(HOSTILE_BODY, encoding="utf-8")
    article = load_article(path)
    body = article.body
    at = body.index("[@click")
    link = body.index("[link")
    sources = (
        Source("s1", "[@click=app.quit]", "unknown", reliability="B"),
        Source("s2", "[/bold]", "media"),
        Source("s3", "[link=http://x]x[/link]", "media"),
    )
    claims = (
        Claim(
            "c1",
            Span(at, body.index("bien.") + 5),
            chain=(Hop("s1", Span(at, at + 17)), Hop("s2")),
            notes=(Note("[/bold] and [@click=app.quit]", "t", "t"),),
        ),
        Claim("c2", Span(link, len(body)), chain=(Hop("s3", Span(link, link + 23)), Hop("s2"))),
    )
    ann = AnnotationSet(str(path), article.meta, article.sha256, sources, claims)
    return article, Opened(ann, tmp_path / "annotations" / "hostile.yaml", False, None)


@run_async
async def test_markup_in_article_sources_and_notes_is_literal(tmp_path: Path) -> None:
    article, opened = hostile_opened(tmp_path)
    app = ReaderApp(article, opened, clock=lambda: "t")
    seen: list[Message] = []
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        text = panel_text(app)
        assert "[@click=app.quit] (B) → [/bold]" in chain_line(app)
        assert "[/bold] and [@click=app.quit]" in text
        # Every dialog that shows article text, opened and closed.
        for keys in (("c",), ("r",), ("N",), ("question_mark",), ("v", "enter")):
            await pilot.press(*keys)
            await pilot.pause()  # rendered (headless still draws every frame)
            await pilot.press("escape")
            await pilot.press("escape")
        await pilot.press("j")
        assert "[link=http://x]x[/link]" in chain_line(app)
        # A note typed with markup, through the dialog.
        await pilot.press("n", *"[/bold] [@click=app.quit]", "ctrl+s")
        await pilot.pause()
        assert "[/bold] [@click=app.quit]" in panel_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.save_screenshot(str(tmp_path / "shot.svg"))  # a full export of the screen too
        assert app.is_running and app.return_code is None
    assert any(isinstance(m, AnnotationsChanged) for m in seen)
    saved = load_annotations(opened.path, body=article.body).annotations
    assert saved.claim("c2").notes[0].text == "[/bold] [@click=app.quit]"
    assert saved.source("s1").name == "[@click=app.quit]"


@run_async
async def test_header_with_markup_title(tmp_path: Path) -> None:
    article, opened = hostile_opened(tmp_path)
    article = replace(
        article, meta=replace(article.meta, title="[/bold]", outlet="[@click=app.quit]")
    )
    app = ReaderApp(article, opened)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = str(app.query_one("#header", Static).content)
        assert "[/bold]" in header and "[@click=app.quit]" in header


# --- a storm of keys ------------------------------------------------------------------------

STORM_LENGTH = int(os.environ.get("SOURCECRIT_STORM", "80"))  # more, to hunt locally
STORM_KEYS = [
    *"jkaxhlrnNDcvewWsSbBKJidyo123456ABCDEF",
    "left_square_bracket",
    "right_square_bracket",
    "left_parenthesis",
    "enter",
    "escape",
    "escape",
    "u",
    "ctrl+r",
    "ctrl+s",
    "slash",
    "f3",
    "shift+f3",
    "question_mark",
    "p",
    "tab",
    "up",
    "down",
    "space",
    "delete",
]


@pytest.mark.parametrize("seed", [7])
@run_async
async def test_random_keys_never_crash_or_corrupt(tmp_path: Path, seed: int) -> None:
    """Seeded random key presses (no q): no exception, a savable model, undo to the start."""
    import random

    from tui.store import dump_annotations

    app = make_app(workspace(tmp_path))
    start = app.session.current
    rng = random.Random(seed)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(STORM_LENGTH):
            await pilot.press(rng.choice(STORM_KEYS))
        # Back to the main screen, whatever dialog or mode the storm left open.
        for _ in range(6):
            await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
        dump_annotations(app.session.current, app.article.body)  # still a valid model
        while app.session.can_undo:
            app.session.undo()
        assert app.session.current == start


# --- a changed article ----------------------------------------------------------------------


@run_async
async def test_changed_article_reports_orphans(tmp_path: Path) -> None:
    path = workspace(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "ctrl+s")
        await pilot.pause()
        first = app.session.current.claims[0]
        lost = first.span.text(app.article.body)
    # The claimed passage disappears from the article.
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(lost, "une phrase toute différente"), encoding="utf-8")
    again = make_app(path)
    assert any("not found" in m or "orphan" in m.lower() for m in again.opened.messages)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        claim = again.session.current.claim(first.id)
        assert claim.span.orphan is not None
        if again.claim_id != first.id:
            again._select_claim(first.id)
        assert "not found in the changed article" in panel_text(again)
        assert lost[:40] in " ".join(panel_text(again).split())
        await pilot.press("e")  # adjusting an orphan starts from a fresh selection
        await pilot.press("enter")
        await pilot.pause()
        assert again.session.current.claim(first.id).span.orphan is None


def test_malformed_annotation_file_from_the_command_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    from test_app_support import REPO

    path = workspace(tmp_path)
    target = annotation_file(tmp_path)
    target.parent.mkdir()
    target.write_bytes(b"sourcecrit: 1\nclaims: {\xff\n")
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "read", str(path)],
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
    )
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "coree-du-nord-russie.yaml" in err
    assert target.read_bytes() == b"sourcecrit: 1\nclaims: {\xff\n"
