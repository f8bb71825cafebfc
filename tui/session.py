"""The reader's editing session: undo/redo history, the dirty flag, the recovery file, conflicts.

No Textual. The model is immutable, so the history is a list of references to whole
AnnotationSets and an undo is a pointer move. File writes go through an injected `saver`
(the store's atomic `save_annotations` in the app), so this module is testable without disk
tricks and the policy lives in one place:

- every change writes the pending state to the recovery file (beside the annotation file);
- a save, or getting back to the saved state by undo, removes it;
- a save refuses to overwrite an annotation file that changed on disk since it was read or
  written (`ConflictError`), unless forced.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tui.model import AnnotationSet

Saver = Callable[[AnnotationSet, str, Path], None]

HISTORY_LIMIT = 1000  # steps kept for undo; references are cheap, but not unbounded


class ConflictError(Exception):
    """The annotation file changed on disk since this session read or wrote it."""


def file_fingerprint(path: Path) -> str | None:
    """The sha256 of a file's bytes, None when there is none (mtime can lie; content cannot)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


@dataclass(frozen=True)
class Step:
    label: str
    before: AnnotationSet
    after: AnnotationSet


class Session:
    def __init__(
        self,
        annotations: AnnotationSet,
        body: str,
        path: Path,
        *,
        saver: Saver,
        recovery_path: Path | None = None,
        fingerprint: str | None = None,
    ) -> None:
        """`fingerprint` is that of the file the annotations were read from (None: no file)."""
        self.body = body
        self.path = path
        self.recovery_path = recovery_path
        self._saver = saver
        self._current = annotations
        self._saved = annotations
        self._fingerprint = fingerprint
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self.recovery_error: str | None = None

    # --- state ----------------------------------------------------------------------------

    @property
    def current(self) -> AnnotationSet:
        return self._current

    @property
    def dirty(self) -> bool:
        """Unsaved changes: the current state differs from what was last read or saved."""
        return self._current is not self._saved and self._current != self._saved

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str | None:
        return self._undo[-1].label if self._undo else None

    @property
    def redo_label(self) -> str | None:
        return self._redo[-1].label if self._redo else None

    # --- changes --------------------------------------------------------------------------

    def apply(self, new: AnnotationSet, label: str) -> bool:
        """Record a change; False (and nothing recorded) when `new` is the current state."""
        if new is self._current or new == self._current:
            return False
        self._undo.append(Step(label, self._current, new))
        del self._undo[:-HISTORY_LIMIT]
        self._redo.clear()
        self._current = new
        self._sync_recovery()
        return True

    def undo(self) -> str | None:
        """Step back; returns the label of the undone change, None when there is nothing."""
        if not self._undo:
            return None
        step = self._undo.pop()
        self._redo.append(step)
        self._current = step.before
        self._sync_recovery()
        return step.label

    def redo(self) -> str | None:
        if not self._redo:
            return None
        step = self._redo.pop()
        self._undo.append(step)
        self._current = step.after
        self._sync_recovery()
        return step.label

    # --- disk -----------------------------------------------------------------------------

    def disk_changed(self) -> bool:
        """Whether the annotation file is no longer the one this session read or wrote."""
        return file_fingerprint(self.path) != self._fingerprint

    def save(self, *, force: bool = False) -> None:
        """Write the current state atomically; raises ConflictError if the file moved on."""
        if not force and self.disk_changed():
            raise ConflictError(f"{self.path} changed on disk since it was opened")
        self._saver(self._current, self.body, self.path)
        self._fingerprint = file_fingerprint(self.path)
        self._saved = self._current
        self.remove_recovery()

    def save_copy(self, path: Path) -> None:
        """Write the current state elsewhere (a conflict's "keep mine as a copy"); still dirty."""
        self._saver(self._current, self.body, path)

    def reload(self, annotations: AnnotationSet, fingerprint: str | None) -> None:
        """Take the file's state as the saved one ("theirs"); mine stays one undo away."""
        self._fingerprint = fingerprint
        self._saved = annotations
        if annotations != self._current:
            self._undo.append(Step("reload from disk", self._current, annotations))
            self._redo.clear()
            self._current = annotations
        self._sync_recovery()

    # --- recovery -------------------------------------------------------------------------

    def _sync_recovery(self) -> None:
        """Pending work goes to the recovery file; no pending work, no recovery file."""
        if self.dirty:
            self.write_recovery()
        else:
            self.remove_recovery()

    def write_recovery(self) -> None:
        if self.recovery_path is None:
            return
        try:
            self._saver(self._current, self.body, self.recovery_path)
        except Exception as err:  # never let a full disk or a read-only folder break an edit
            self.recovery_error = f"cannot write the recovery file {self.recovery_path}: {err}"
        else:
            self.recovery_error = None

    def remove_recovery(self) -> None:
        if self.recovery_path is None:
            return
        try:
            self.recovery_path.unlink(missing_ok=True)
        except OSError as err:
            self.recovery_error = f"cannot remove the recovery file {self.recovery_path}: {err}"

    def discard_recovery(self) -> None:
        """The user chose not to restore: forget the recovery file."""
        self.remove_recovery()
