"""The reader's dialogs, each a modal screen that dismisses with a plain value.

Dialogs never touch the app or the session: they get the data they show, and return what the
user chose (a string, an index, a new AnnotationSet built with the pure functions of
`tui.editing`). The app decides what to do with it. Every dialog is usable from the keyboard
alone, shows its keys, and treats article text as data (`Content`, never markup).

Each dialog carries its own styles (`DEFAULT_CSS`, parsed when it is first shown, not at
launch); what the help screen shares with them (`.dialog`, `.dialog-title`, `ModalScreen`)
is in `reader.tcss`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from tui import editing
from tui.model import RELIABILITY_LABELS, SOURCE_KINDS, AnnotationSet, Hop, Source
from tui.widgets.claim_panel import INFERRED

# The key hints under a dialog (several dialogs).
KEYS_CSS = """
    .dialog-keys {
        color: $text-muted;
        margin-top: 1;
    }
"""

# --- notes --------------------------------------------------------------------------------


class NoteDialog(ModalScreen[str | None]):
    """A multi-line note: ctrl+s keeps it, escape throws it away."""

    DEFAULT_CSS = (
        KEYS_CSS
        + """
    #note-text {
        height: 10;
    }
    """
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "keep", "Keep note", priority=True),
        Binding("escape", "cancel", "Cancel", priority=True),
    ]

    def __init__(self, title: str, text: str = "") -> None:
        super().__init__()
        self._title = title
        self._text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog", classes="dialog"):
            yield Static(Content(self._title), classes="dialog-title")
            yield TextArea(self._text, id="note-text", soft_wrap=True, tab_behavior="focus")
            yield Static(
                Content.assemble(("ctrl+s", "bold"), " keep  ", ("escape", "bold"), " cancel"),
                classes="dialog-keys",
            )

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_keep(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)


# --- choices ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    key: str
    value: str
    label: str
    variant: str = "default"


class ChoiceDialog(ModalScreen[str]):
    """A question with a few answers, each a button and a key; escape gives `CANCEL`."""

    DEFAULT_CSS = """
    .dialog-buttons {
        height: auto;
        margin-top: 1;
        align: center middle;
    }
    .dialog-buttons Button {
        margin: 0 1;
        min-width: 8;
    }
    """

    CHOICES: ClassVar[tuple[Choice, ...]] = ()
    CANCEL: ClassVar[str] = "cancel"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose('cancel')", "Cancel"),
        Binding("left", "app.focus_previous", "Previous", show=False),
        Binding("right", "app.focus_next", "Next", show=False),
    ]

    def __init__(self, title: str, message: str | Content) -> None:
        super().__init__()
        self._title = title
        self._message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog choice-dialog"):
            yield Static(Content(self._title), classes="dialog-title")
            message = self._message
            yield Static(message if isinstance(message, Content) else Content(message))
            with Horizontal(classes="dialog-buttons"):
                for choice in self.CHOICES:
                    yield Button(
                        Content.assemble((choice.key, "bold underline"), " ", choice.label),
                        id=f"choice-{choice.value}",
                        variant=choice.variant,  # type: ignore[arg-type]
                    )

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_key(self, event) -> None:
        # A choice's key picks it (case-insensitive); no per-subclass bindings to keep in step.
        for choice in self.CHOICES:
            if event.key in (choice.key, choice.key.lower(), choice.key.upper()):
                event.stop()
                self.dismiss(choice.value)
                return

    def action_choose(self, value: str) -> None:
        self.dismiss(self.CANCEL if value == "cancel" else value)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        button_id = event.button.id or ""
        self.dismiss(button_id.removeprefix("choice-"))


class ConfirmQuit(ChoiceDialog):
    CHOICES = (
        Choice("s", "save", "Save and quit", "primary"),
        Choice("d", "discard", "Discard and quit", "error"),
        Choice("c", "cancel", "Cancel"),
    )

    def __init__(self) -> None:
        super().__init__("Unsaved changes", "Save your changes before quitting?")


class ConfirmLeave(ChoiceDialog):
    """Escape from the reader back to the library, with unsaved changes."""

    CHOICES = (
        Choice("s", "save", "Save and go back", "primary"),
        Choice("d", "discard", "Discard", "error"),
        Choice("c", "cancel", "Cancel"),
    )

    def __init__(self) -> None:
        super().__init__("Unsaved changes", "Save your changes before going back to the library?")


class RestoreRecovery(ChoiceDialog):
    CHOICES = (
        Choice("r", "restore", "Restore", "primary"),
        Choice("d", "discard", "Discard", "error"),
    )
    # Escape restores: the one answer that loses nothing (the restore is undoable with u),
    # where "decide later" would let the next edit overwrite the recovery file.
    CANCEL = "restore"

    def __init__(self, path: str) -> None:
        super().__init__(
            "Unsaved work found",
            f"Changes that were never saved were kept in {path}.\n"
            "Restore them (u undoes the restore), or discard them for good?",
        )


class ConflictDialog(ChoiceDialog):
    CHOICES = (
        Choice("o", "overwrite", "Overwrite", "error"),
        Choice("r", "reload", "Reload theirs", "warning"),
        Choice("k", "copy", "Keep mine as copy", "primary"),
        Choice("c", "cancel", "Cancel"),
    )

    def __init__(self, path: str) -> None:
        super().__init__(
            "The annotation file changed on disk",
            f"{path} was changed by something else since it was opened or saved.\n"
            "Overwrite it with your version, reload theirs (yours stays one undo away: u), "
            "or save yours beside it as a copy?",
        )


class ConfirmDelete(ChoiceDialog):
    CHOICES = (
        Choice("y", "yes", "Delete", "error"),
        Choice("n", "cancel", "Keep"),
    )

    def __init__(self, what: str) -> None:
        super().__init__("Delete?", Content(f"Delete {what}?"))


# --- rating ---------------------------------------------------------------------------------


class RatePrompt(ModalScreen[str | None]):
    """After `r`: one key A–F (either case) rates the selected hop's source."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, source_name: str, current: str | None) -> None:
        super().__init__()
        self._name = source_name
        self._current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="rate-prompt", classes="dialog"):
            yield Static(
                Content.assemble("Reliability of ", (self._name, "bold"), " (A–F, escape cancels)"),
                classes="dialog-title",
            )
            rows = [
                Content.assemble(
                    (f" {grade} ", "bold reverse" if grade == self._current else "bold"),
                    f" {label}",
                )
                for grade, label in RELIABILITY_LABELS.items()
            ]
            yield Static(Content("\n").join(rows))

    def on_key(self, event) -> None:
        key = (event.character or "").upper()
        if key in RELIABILITY_LABELS:
            event.stop()
            self.dismiss(key)

    def action_cancel(self) -> None:
        self.dismiss(None)


# --- pickers --------------------------------------------------------------------------------


class _FilterInput(Input):
    """The filter box of a picker: up/down move in the list below without leaving it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "screen.cursor(1)", "Next", show=False),
        Binding("up", "screen.cursor(-1)", "Previous", show=False),
    ]


@dataclass(frozen=True)
class PickedSource:
    """The picker's answer: an existing source, a new one, or none (the article's own claim)."""

    source_id: str | None = None
    new_name: str | None = None
    new_kind: str = "unknown"


def source_prompt(source: Source) -> Content:
    grade = f" ({source.reliability})" if source.reliability else ""
    return Content.assemble((source.name, "bold"), grade, (f"  {source.kind}", "$text-muted"))


class SourcePicker(ModalScreen[PickedSource | None]):
    """Pick a source by typing part of its name, or create one (name, then kind)."""

    DEFAULT_CSS = (
        KEYS_CSS
        + """
    #picker-options {
        height: auto;
        max-height: 14;
    }
    #source-picker Input {
        margin-bottom: 1;
    }
    """
    )

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, sources: tuple[Source, ...], title: str, allow_none: bool = False) -> None:
        super().__init__()
        self._sources = sorted(sources, key=lambda s: s.name.casefold())
        self._title = title
        self._allow_none = allow_none
        self._new_name: str | None = None  # set while choosing the kind of a new source

    def compose(self) -> ComposeResult:
        with Vertical(id="source-picker", classes="dialog"):
            yield Static(Content(self._title), classes="dialog-title")
            yield _FilterInput(placeholder="type to filter, or a new source's name")
            yield OptionList(id="picker-options")
            yield Static(
                Content.assemble(
                    ("enter", "bold"),
                    " pick  ",
                    ("↑↓", "bold"),
                    " move  ",
                    ("escape", "bold"),
                    " cancel",
                ),
                classes="dialog-keys",
            )

    def on_mount(self) -> None:
        self._refill("")
        self.query_one(Input).focus()

    def _refill(self, text: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        needle = text.strip().casefold()
        if self._new_name is not None:
            for kind in SOURCE_KINDS:
                if needle in kind:
                    options.add_option(Option(Content(kind), id=f"kind:{kind}"))
        else:
            for i, source in enumerate(self._sources):
                names = (source.name, *source.aliases)
                if not needle or any(needle in n.casefold() for n in names):
                    options.add_option(Option(source_prompt(source), id=f"src:{i}"))
            if needle:
                label = Content.assemble(("+ new source ", "$text-success"), (text.strip(), "bold"))
                options.add_option(Option(label, id="new"))
            if self._allow_none and not needle:
                options.add_option(
                    Option(
                        Content.styled("no source: the article's own claim", "italic"), id="none"
                    )
                )
        if options.option_count:
            options.highlighted = 0

    @on(Input.Changed)
    def _filter(self, event: Input.Changed) -> None:
        self._refill(event.value)

    def action_cursor(self, step: int) -> None:
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        self._pick(options.get_option_at_index(options.highlighted).id or "", event.value)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._pick(event.option.id or "", self.query_one(Input).value)

    def _pick(self, option_id: str, typed: str) -> None:
        if option_id.startswith("src:"):
            self.dismiss(PickedSource(source_id=self._sources[int(option_id[4:])].id))
        elif option_id == "none":
            self.dismiss(PickedSource())
        elif option_id == "new":
            self._new_name = " ".join(typed.split())
            field = self.query_one(Input)
            field.placeholder = "kind of source (type to filter)"
            self.query_one(".dialog-title", Static).update(
                Content.assemble("Kind of ", (self._new_name, "bold"))
            )
            field.value = ""
            self._refill("")
        elif option_id.startswith("kind:") and self._new_name:
            self.dismiss(PickedSource(new_name=self._new_name, new_kind=option_id[5:]))

    def action_cancel(self) -> None:
        self.dismiss(None)


class NotePicker(ModalScreen[int | None]):
    """Choose one of a claim's notes (to edit or delete it)."""

    DEFAULT_CSS = """
    #note-options {
        height: auto;
        max-height: 14;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, notes: list[str]) -> None:
        super().__init__()
        self._title = title
        self._notes = notes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self._title), classes="dialog-title")
            yield OptionList(
                *(
                    Option(Content.assemble((f"{i}. ", "bold"), " ".join(text.split())))
                    for i, text in enumerate(self._notes, 1)
                ),
                id="note-options",
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_key(self, event) -> None:
        if event.character and event.character.isdigit():
            index = int(event.character) - 1
            if 0 <= index < len(self._notes):
                event.stop()
                self.dismiss(index)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)


# --- chain editor ---------------------------------------------------------------------------


class ChainEditor(ModalScreen[AnnotationSet | None]):
    """Edit a claim's chain: add, remove, move, mark inferred. The article hop stays last.

    Works on its own copy of the annotations (new sources included) and returns the result,
    which the app records as one undoable change.
    """

    DEFAULT_CSS = (
        KEYS_CSS
        + """
    #hops {
        height: auto;
        max-height: 14;
    }
    """
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add hop"),
        Binding("d,delete", "remove", "Remove hop"),
        Binding("K,shift+up", "move(-1)", "Move up"),
        Binding("J,shift+down", "move(1)", "Move down"),
        Binding("i", "toggle_inferred", "Inferred/stated"),
        Binding("ctrl+s", "apply", "Apply", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, annotations: AnnotationSet, claim_id: str, body: str) -> None:
        super().__init__()
        claim = annotations.claim(claim_id)
        assert claim is not None
        self._ann = annotations
        self._claim_id = claim_id
        self._body = body
        self._near = claim.span.start
        self._hops: list[Hop] = list(claim.chain)
        self._fixed_last = editing.article_hop(claim) is not None

    def compose(self) -> ComposeResult:
        with Vertical(id="chain-editor", classes="dialog"):
            yield Static(
                Content("Chain of the claim (first: the origin; last: the article)"),
                classes="dialog-title",
            )
            yield OptionList(id="hops")
            yield Static(
                Content.assemble(
                    ("a", "bold"),
                    " add  ",
                    ("d", "bold"),
                    " remove  ",
                    ("K/J", "bold"),
                    " move up/down  ",
                    ("i", "bold"),
                    " inferred/stated  ",
                    ("ctrl+s", "bold"),
                    " apply  ",
                    ("escape", "bold"),
                    " cancel",
                ),
                classes="dialog-keys",
            )

    def on_mount(self) -> None:
        self._refresh(0)
        self.query_one(OptionList).focus()

    def _prompt(self, index: int, hop: Hop) -> Content:
        source = self._ann.source(hop.source)
        name = source_prompt(source) if source is not None else Content(hop.source)
        marks: list[str | tuple[str, str]] = [(f"{index + 1}. ", "bold")]
        marks.append((INFERRED + " ", "$text-warning") if hop.inferred else "  ")
        tail = ""
        if hop.mention is None:
            tail = "  (the article itself)"
        elif hop.inferred:
            tail = "  (inferred)"
        return Content.assemble(*marks, name, (tail, "italic $text-muted"))

    def _refresh(self, highlight: int | None = None) -> None:
        options = self.query_one(OptionList)
        current = options.highlighted if highlight is None else highlight
        options.clear_options()
        options.add_options([Option(self._prompt(i, h)) for i, h in enumerate(self._hops)])
        if self._hops:
            options.highlighted = max(0, min(current or 0, len(self._hops) - 1))

    def _movable(self, index: int | None) -> bool:
        if index is None or not 0 <= index < len(self._hops):
            return False
        return not (self._fixed_last and index == len(self._hops) - 1)

    @property
    def _cursor(self) -> int | None:
        return self.query_one(OptionList).highlighted

    def action_add(self) -> None:
        picker = SourcePicker(self._ann.sources, "Add a source to the chain")
        self.app.push_screen(picker, self._added)

    def _added(self, picked: PickedSource | None) -> None:
        if picked is None:
            return
        source_id = picked.source_id
        if source_id is None and picked.new_name:
            try:
                self._ann, source_id = editing.add_source(
                    self._ann, picked.new_name, picked.new_kind
                )
            except editing.EditError as err:
                self.notify(str(err), severity="error", markup=False)
                return
        if source_id is None:
            return
        hop = editing.hop_for(self._ann, self._body, source_id, self._claim_span())
        cursor = self._cursor
        at = len(self._hops) - 1 if self._fixed_last else len(self._hops)
        if cursor is not None and self._movable(cursor):
            at = cursor + 1
        self._hops.insert(max(at, 0), hop)
        self._refresh(max(at, 0))

    def _claim_span(self):
        claim = self._ann.claim(self._claim_id)
        assert claim is not None
        return claim.span

    def action_remove(self) -> None:
        cursor = self._cursor
        if not self._movable(cursor):
            self.notify("the article itself stays in the chain", severity="warning")
            return
        assert cursor is not None
        del self._hops[cursor]
        self._refresh(cursor)

    def action_move(self, step: int) -> None:
        cursor = self._cursor
        target = (cursor or 0) + step
        if not self._movable(cursor) or not self._movable(target):
            return
        assert cursor is not None
        self._hops[cursor], self._hops[target] = self._hops[target], self._hops[cursor]
        self._refresh(target)

    def action_toggle_inferred(self) -> None:
        cursor = self._cursor
        if not self._movable(cursor):
            return
        assert cursor is not None
        hop = self._hops[cursor]
        self._hops[cursor] = replace(hop, inferred=not hop.inferred)
        self._refresh(cursor)

    def action_apply(self) -> None:
        try:
            result = editing.set_chain(self._ann, self._claim_id, self._hops)
        except editing.EditError as err:
            self.notify(str(err), severity="error", markup=False)
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)
