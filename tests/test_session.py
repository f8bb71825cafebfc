"""Unit tests for the editing session: history, dirty flag, recovery file, conflicts."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from tui import editing
from tui.model import AnnotationSet, Claim, Source, Span
from tui.session import ConflictError, Session, file_fingerprint


def fake_save(ann: AnnotationSet, body: str, path: Path) -> None:
    """A stand-in for the store: enough to see what was written where."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(ann), default=str))


def make() -> AnnotationSet:
    return AnnotationSet(
        article_path="a.txt",
        sources=(Source("nis", "NIS"),),
        claims=(Claim("c1", Span(0, 4)), Claim("c2", Span(5, 9))),
    )


@pytest.fixture
def session(tmp_path: Path) -> Session:
    return Session(
        make(),
        "body text",
        tmp_path / "ann.yaml",
        saver=fake_save,
        recovery_path=tmp_path / ".ann.yaml.recovery",
    )


def test_apply_undo_redo(session: Session) -> None:
    start = session.current
    assert not session.dirty and not session.can_undo
    assert session.apply(editing.confirm(start, "c1"), "confirm c1")
    confirmed = session.current
    assert session.dirty and session.undo_label == "confirm c1"
    assert session.undo() == "confirm c1"
    assert session.current is start and not session.dirty
    assert session.redo() == "confirm c1"
    assert session.current is confirmed
    assert session.redo() is None
    session.undo()
    session.apply(editing.reject(start, "c2"), "reject c2")
    assert not session.can_redo  # a new change forgets the redo branch


def test_no_op_change_is_not_recorded(session: Session) -> None:
    assert not session.apply(session.current, "nothing")
    assert not session.can_undo


def test_recovery_written_on_change_removed_when_clean(session: Session) -> None:
    rec = session.recovery_path
    assert rec is not None
    session.apply(editing.confirm(session.current, "c1"), "confirm")
    assert rec.exists()
    session.undo()  # back at the saved state: nothing pending
    assert not rec.exists()
    session.redo()
    assert rec.exists()
    session.save()
    assert not rec.exists() and session.path.exists() and not session.dirty


def test_recovery_error_is_reported_not_raised(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    s = Session(make(), "b", tmp_path / "a.yaml", saver=fake_save, recovery_path=blocker / "rec")
    assert s.apply(editing.confirm(s.current, "c1"), "confirm")
    assert s.recovery_error and "recovery" in s.recovery_error


def test_conflict_detected_then_forced(session: Session) -> None:
    session.save()
    session.apply(editing.confirm(session.current, "c1"), "confirm")
    session.path.write_text("someone else's edit")
    assert session.disk_changed()
    with pytest.raises(ConflictError):
        session.save()
    assert session.path.read_text() == "someone else's edit"  # not overwritten
    session.save(force=True)
    assert not session.disk_changed() and not session.dirty


def test_conflict_when_file_appears(session: Session) -> None:
    session.path.write_text("created meanwhile")
    with pytest.raises(ConflictError):
        session.save()


def test_save_copy_keeps_dirty(session: Session, tmp_path: Path) -> None:
    session.apply(editing.confirm(session.current, "c1"), "confirm")
    session.save_copy(tmp_path / "mine.yaml")
    assert (tmp_path / "mine.yaml").exists() and session.dirty


def test_reload_theirs_keeps_mine_one_undo_away(session: Session) -> None:
    session.save()
    mine = editing.confirm(session.current, "c1")
    session.apply(mine, "confirm")
    theirs = editing.reject(make(), "c2")
    fake_save(theirs, "", session.path)
    session.reload(theirs, file_fingerprint(session.path))
    assert session.current == theirs and not session.dirty and not session.disk_changed()
    assert session.recovery_path is not None and not session.recovery_path.exists()
    session.undo()
    assert session.current == mine and session.dirty


def test_fingerprint_missing_file(tmp_path: Path) -> None:
    assert file_fingerprint(tmp_path / "none") is None
