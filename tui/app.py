"""The reader: `ReaderApp` and `run_reader`, the function `sourcecrit read` calls.

The app owns a `Session` (history of immutable AnnotationSets) and a little view state (the
current claim, the selected hop, the search, the keyboard selection). Key presses become pure
edits from `tui.editing`; each accepted edit posts `AnnotationsChanged`, and one handler
re-renders the article, the panel and the header from the session. Dialogs return values;
they never reach into the app.

Keys (the help screen, `?`, lists them from the bindings themselves):
  j/k next/previous claim · a confirm · x reject · 1–6 credibility · h/l select a hop ·
  r then A–F rate the selected hop's source (everywhere) · n add a note · N edit a note ·
  D delete a note · c edit the chain · v select text for a new claim · e adjust the span ·
  / search (enter or ↓ next, ↑ previous, escape closes; F3 / shift+F3 afterwards; escape
  clears) · u undo · ctrl+r redo · ctrl+s save · p hide/show the panel · ? help ·
  ctrl+p every action · q quit.
  While selecting: w/W grow/shrink the end by a word, s/S by a sentence, b/B grow/shrink
  the start by a word, ( ) by a sentence, ] [ select the next/previous sentence, enter done.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from tui import editing
from tui.commands import ReaderCommands
from tui.model import (
    CREDIBILITY_LABELS,
    RELIABILITY_LABELS,
    AnnotationSet,
    Article,
    Hop,
    Span,
)
from tui.screens.help import HelpScreen
from tui.session import ConflictError, Session, file_fingerprint
from tui.widgets.article_view import ArticleView
from tui.widgets.claim_panel import ClaimPanel, ClaimView
from tui.widgets.dialogs import (
    ChainEditor,
    ConfirmDelete,
    ConfirmQuit,
    ConflictDialog,
    NoteDialog,
    NotePicker,
    PickedSource,
    RatePrompt,
    RestoreRecovery,
    SourcePicker,
)
from tui.widgets.footer import KeyFooter

if TYPE_CHECKING:
    from tui.corroboration import Group
    from tui.registry import Conflict, Registry, RegistrySource

NARROW_WIDTH = 100  # below this many columns the claim panel goes under the article
EXIT_OK = 0
EXIT_ERROR = 2

Clock = Callable[[], str]


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# --- opening ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Opened:
    """What the reader starts from: annotations, where they live, what to tell the user."""

    annotations: AnnotationSet
    path: Path
    from_file: bool
    fingerprint: str | None
    messages: tuple[str, ...] = ()


def _orphan_message(annotations: AnnotationSet) -> str | None:
    orphans = annotations.orphans()
    if not orphans:
        return None
    claims = sorted({claim_id for claim_id, _ in orphans})
    shown = ", ".join(claims[:8]) + (" …" if len(claims) > 8 else "")
    return (
        f"{len(orphans)} annotated passage(s) were not found in the changed article "
        f"(claims {shown}); they are marked ⚠ in the claim panel."
    )


def open_annotations(article: Article, path: Path | None = None, rules: Any = None) -> Opened:
    """The saved annotations of an article (re-anchored), or the extractor's suggestions.

    Raises `store.StoreError` for an annotation file that cannot be read: the reader then
    refuses to open rather than risk overwriting it.
    """
    from tui.store import annotation_path_for, load_annotations

    path = Path(path) if path is not None else annotation_path_for(Path(article.path))
    if path.exists():
        fingerprint = file_fingerprint(path)
        result = load_annotations(path, body=article.body)
        messages: list[str] = []
        report = result.report
        if report.sha_changed or report.moved:
            # Per-span detail is `sourcecrit check`'s job; here, one line of what happened.
            moved = (
                f"; {len(report.moved)} passage(s) found again elsewhere" if report.moved else ""
            )
            messages.append(f"{path.name}: the article changed since it was annotated{moved}.")
        if orphans := _orphan_message(result.annotations):
            messages.append(orphans)
        return Opened(result.annotations, path, True, fingerprint, tuple(messages))
    from tui.attribution import extract_claims
    from tui.workspace import article_path_for_file

    annotations = extract_claims(article, rules)
    # The file names its article relative to the workspace, so the folder can move.
    annotations = replace(annotations, article_path=article_path_for_file(article.path, path))
    count = len(annotations.claims)
    return Opened(annotations, path, False, None, (f"{count} suggested claim(s) found.",))


def run_reader(article: Article, annotations_path: Path | None = None, rules: Any = None) -> int:
    """Open the reader on an article; the exit code for the command line."""
    from tui.store import StoreError

    try:
        opened = open_annotations(article, annotations_path, rules)
    except StoreError as err:
        print(f"sourcecrit: {err}", file=sys.stderr)
        return EXIT_ERROR
    app = ReaderApp(article, opened)
    app.run()
    return app.return_code or EXIT_OK


# --- messages and small widgets -----------------------------------------------------------


class AnnotationsChanged(Message):
    """The session's current AnnotationSet changed (an edit, an undo, a reload)."""

    def __init__(self, label: str | None = None) -> None:
        super().__init__()
        self.label = label


@dataclass
class Selection:
    """A keyboard selection in progress: for a new claim, or to adjust a claim's span."""

    span: Span
    claim_id: str | None = None  # None: a new claim


class SearchInput(Input):
    """The search box: enter / ↓ next match, ↑ previous, escape closes (matches stay lit)."""

    HELP_TITLE = "Search box"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "app.next_match", "Next match"),
        Binding("up", "app.previous_match", "Previous match"),
        Binding("escape", "app.close_search", "Close search"),
    ]


class SelectionBar(Static, can_focus=True):
    """Has focus while a selection is made; its keys move the selection's edges."""

    HELP_TITLE = "Selecting text"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w", "move('end+word')", "+word"),
        Binding("W", "move('end-word')", "-word"),
        Binding("s", "move('end+sentence')", "+sentence"),
        Binding("S", "move('end-sentence')", "-sentence"),
        Binding("b", "move('start-word')", "start -word"),
        Binding("B", "move('start+word')", "start +word"),
        Binding("left_parenthesis", "move('start-sentence')", "start -sentence", show=False),
        Binding("right_parenthesis", "move('start+sentence')", "start +sentence", show=False),
        Binding("right_square_bracket", "move('next-sentence')", "next sentence", key_display="]"),
        Binding("left_square_bracket", "move('prev-sentence')", "prev sentence", key_display="["),
        Binding("enter", "done", "Done"),
        Binding("escape", "cancel", "Cancel"),
    ]

    class Moved(Message):
        def __init__(self, move: str) -> None:
            super().__init__()
            self.move = move

    class Finished(Message):
        def __init__(self, accepted: bool) -> None:
            super().__init__()
            self.accepted = accepted

    def action_move(self, move: str) -> None:
        self.post_message(self.Moved(move))

    def action_done(self) -> None:
        self.post_message(self.Finished(True))

    def action_cancel(self) -> None:
        self.post_message(self.Finished(False))


# Actions that need a current claim; disabled (shown dimmed) when there is none.
CLAIM_ACTIONS = frozenset(
    {
        "confirm",
        "reject",
        "credibility",
        "previous_hop",
        "next_hop",
        "rate_source",
        "set_reliability",
        "add_note",
        "edit_note",
        "delete_note",
        "edit_chain",
        "adjust_span",
    }
)
# What still works while a selection is being made (everything else would move the claim
# or edit it underneath the selection).
SELECTION_ACTIONS = frozenset({"help", "quit", "save", "command_palette", "toggle_panel"})


class ReaderApp(App[int]):
    CSS_PATH = "reader.tcss"
    TITLE = "sourcecrit"
    COMMANDS: ClassVar = App.COMMANDS | {ReaderCommands}
    ENABLE_COMMAND_PALETTE = True

    # Short descriptions for the footer; the tooltip is the long form the help screen and
    # the command palette show.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "next_claim", "Next", tooltip="Next claim (the article scrolls to it)"),
        Binding("k", "previous_claim", "Prev", tooltip="Previous claim"),
        Binding("a", "confirm", "Confirm", tooltip="Confirm the claim"),
        Binding("x", "reject", "Reject", tooltip="Reject the claim (not a claim, or wrong)"),
        *(
            Binding(
                str(n),
                f"credibility({n})",
                "Credibility",
                show=n == 1,
                key_display="1-6" if n == 1 else None,
                tooltip=f"Credibility {n} — {CREDIBILITY_LABELS[n]}",
            )
            for n in CREDIBILITY_LABELS
        ),
        Binding("h", "previous_hop", "Hop ←", show=False, tooltip="Select the previous hop"),
        Binding("l", "next_hop", "Hop →", show=False, tooltip="Select the next hop"),
        Binding(
            "r",
            "rate_source",
            "Rate",
            tooltip="Rate the selected hop's source (then A–F; on every claim)",
        ),
        Binding("n", "add_note", "Note", tooltip="Add a note to the claim"),
        Binding("N", "edit_note", "Edit note", show=False, tooltip="Edit one of the notes"),
        Binding("D", "delete_note", "Del note", show=False, tooltip="Delete one of the notes"),
        Binding("c", "edit_chain", "Chain", tooltip="Edit the claim's chain of sources"),
        Binding("ctrl+s", "save", "Save", tooltip="Save the annotations"),
        Binding("u", "undo", "Undo", tooltip="Undo the last change"),
        Binding("ctrl+r", "redo", "Redo", show=False, tooltip="Redo what was undone"),
        Binding("question_mark", "help", "Help", tooltip="Keys, highlight legend, scales"),
        Binding("q", "quit", "Quit", tooltip="Quit (asks if there are unsaved changes)"),
        Binding("p", "toggle_panel", "Panel", show=False, tooltip="Hide or show the claim panel"),
        Binding("v", "select_new", "New", tooltip="Select text to make a new claim"),
        Binding("e", "adjust_span", "Span", show=False, tooltip="Adjust the claim's text span"),
        Binding("slash", "search", "Search", tooltip="Search the text"),
        Binding("f3", "next_match", "Next match", show=False, tooltip="Next search match"),
        Binding(
            "shift+f3", "previous_match", "Prev match", show=False, tooltip="Previous search match"
        ),
        Binding("escape", "clear_search", "Clear", show=False, tooltip="Clear the search"),
        Binding(
            "S",
            "sources",
            "Sources",
            show=False,
            tooltip="The workspace's sources: rate and annotate them everywhere",
        ),
    ]

    def __init__(
        self,
        article: Article | None,
        opened: Opened | None,
        *,
        clock: Clock = utc_now,
        saver: Callable[[AnnotationSet, str, Path], None] | None = None,
    ) -> None:
        super().__init__()
        self.clock = clock
        self._saver = saver
        # The screen holding the reader's widgets; None: the default screen (one article).
        # The library app pushes one `ReaderScreen` per article it opens.
        self._reader_screen: Screen | None = None
        # The workspace's source registry, read after the first frame (None until then), and
        # the changes made to it in this session, written to sources.yaml on save:
        # (registry id, field, value) from the sources screen, and the article's sources the
        # user rated or annotated here (source id -> {field: value}).
        self.registry: Registry | None = None
        self._registry_ops: list[tuple[str, str, Any]] = []
        self._rated: dict[str, dict[str, Any]] = {}
        # Claims linked across the workspace's articles (computed once, in a worker).
        self.groups: list[Group] | None = None
        if article is not None and opened is not None:
            self._load(article, opened)

    def _load(self, article: Article, opened: Opened) -> None:
        """Start reading an article: a new session and a fresh view state."""
        from tui.store import recovery_path_for, save_annotations
        from tui.workspace import workspace_of

        self.article = article
        self.opened = opened
        self.workspace = workspace_of(opened.path)
        self.session = Session(
            opened.annotations,
            article.body,
            opened.path,
            saver=self._saver or save_annotations,
            recovery_path=recovery_path_for(opened.path),
            fingerprint=opened.fingerprint,
        )
        self._rated = {}
        self._registry_ops = []
        self.claim_id: str | None = None
        self.hop = 0
        self.search_query = ""
        self.matches: list[Span] = []
        self.match_index: int | None = None
        self.selection: Selection | None = None
        self._sentence_cache: list[Span] | None = None  # built on first use (selections)
        self._recovery_warned = False
        self._last_binding_state: tuple[object, ...] | None = None
        self._last_index = 0  # where the current claim was, should it disappear (undo)
        for name in ("-searching", "-selecting"):
            self.remove_class(name)

    @property
    def _sentences(self) -> list[Span]:
        if self._sentence_cache is None:
            self._sentence_cache = editing.sentence_spans(self.article.body, self.article.sentences)
        return self._sentence_cache

    # --- layout -------------------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        screen = super().get_default_screen()
        screen.add_class("-reader")  # lays the article and the panel out (reader.tcss)
        return screen

    @property
    def reader_root(self) -> Screen:
        """The screen the reader's widgets are on (the queries below look there)."""
        return self._reader_screen or self.default_screen

    def compose(self) -> ComposeResult:
        if getattr(self, "article", None) is None:
            return  # the library app: the reader's widgets come with each ReaderScreen
        yield from self.reader_widgets()

    def reader_widgets(self) -> ComposeResult:
        # As few widgets as the first frame needs: no container (the screen lays out the
        # article and the panel; the bars are `split` off its edges, bottom-most first), and
        # the search field and selection bar are mounted when first used.
        yield Static(id="header")
        yield ArticleView(self.article.body, self.session.current, id="article")
        yield ClaimPanel(id="claim-panel")
        yield KeyFooter()
        yield Horizontal(id="search-bar")

    @property
    def article_view(self) -> ArticleView:
        return self.reader_root.query_one("#article", ArticleView)

    def on_mount(self) -> None:
        if self._reader_screen is None and getattr(self, "article", None) is not None:
            self._start_reader()

    def _start_reader(self) -> None:
        """Once the reader's widgets are mounted: show the first claim, then the rest."""
        self.title = self.article.meta.title or Path(self.article.path).name
        self._set_narrow(self.size.width)
        claims = self.session.current.claims
        if claims:
            self._select_claim(claims[0].id, scroll=False)  # renders everything
        else:
            self._render_all()
        # Focus now, not with `focus()` (after a refresh): a later focus restyles the article
        # pane and draws it a second time.
        self.reader_root.set_focus(self.article_view)
        # Before any key: an edit would write the recovery file this looks for.
        self._offer_recovery()
        # Toasts after the first frame: the article comes first; so does the workspace work.
        self.call_after_refresh(self._show_opening_messages)
        self.call_after_refresh(self._start_workspace_work)

    def _show_opening_messages(self) -> None:
        for message in self.opened.messages:
            self.notify(message, timeout=8, markup=False)

    def on_resize(self, event: events.Resize) -> None:
        self._set_narrow(event.size.width)

    def _set_narrow(self, width: int) -> None:
        narrow = width < NARROW_WIDTH
        self.set_class(narrow, "-narrow")

    # --- rendering ----------------------------------------------------------------------

    def _claim_index(self) -> int | None:
        for i, claim in enumerate(self.session.current.claims):
            if claim.id == self.claim_id:
                return i
        return None

    def claim_view(self) -> ClaimView | None:
        ann = self.session.current
        index = self._claim_index()
        if index is None:
            return None
        claim = ann.claims[index]
        group = None
        if self.groups:
            group = next(
                (
                    g
                    for g in self.groups
                    if any(
                        c.article == ann.article_path and c.claim_id == claim.id for c in g.claims
                    )
                ),
                None,
            )
        return ClaimView(
            ann, claim, index, len(ann.claims), self.article.body, self.hop, group=group
        )

    def _render_all(self) -> None:
        self._render_header()
        self.reader_root.query_one(ClaimPanel).show(self.claim_view())
        # Only when a binding's state moves (the footer and check_action depend on it).
        state = self._binding_state()
        if state != self._last_binding_state:
            self._last_binding_state = state
            self.refresh_bindings()

    def _binding_state(self) -> tuple[object, ...]:
        """Everything `check_action` looks at."""
        return (
            self.selection is not None,
            self.claim_id is None,
            self.session.can_undo,
            self.session.can_redo,
            bool(self.matches),
        )

    def _render_header(self) -> None:
        ann = self.session.current
        meta = self.article.meta
        parts: list[str | tuple[str, str]] = [(self.title, "bold")]
        if meta.outlet:
            parts += [("  ·  ", "$text-muted"), meta.outlet]
        parts += [
            ("  ·  ", "$text-muted"),
            f"{ann.reviewed_count()} of {len(ann.claims)} reviewed",
        ]
        if self._has_unsaved():
            parts += [("  ● unsaved", "bold $text-warning")]
        self.reader_root.query_one("#header", Static).update(Content.assemble(*parts))

    @on(AnnotationsChanged)
    def _annotations_changed(self, event: AnnotationsChanged) -> None:
        if getattr(self, "article", None) is None:
            return  # the library app, back from the reader
        ann = self.session.current
        self.article_view.set_annotations(ann)
        if self.claim_id is None or ann.claim(self.claim_id) is None:
            # The claim went away (an undone "new claim"): stay near where we were.
            near = min(self._last_index, len(ann.claims) - 1)
            self.claim_id = ann.claims[near].id if ann.claims else None
            self.article_view.current_claim = self.claim_id
        claim = ann.claim(self.claim_id) if self.claim_id else None
        if claim is not None:
            self.hop = max(0, min(self.hop, len(claim.chain) - 1))
        self._render_all()
        if self.session.recovery_error and not self._recovery_warned:
            self._recovery_warned = True  # once: it would repeat on every key otherwise
            self.notify(self.session.recovery_error, severity="warning", timeout=10, markup=False)

    def _apply(self, new: AnnotationSet, label: str) -> bool:
        if not self.session.apply(new, label):
            return False
        self.post_message(AnnotationsChanged(label))
        return True

    def _edit(self, label: str, edit: Callable[[AnnotationSet], AnnotationSet]) -> bool:
        """Run a pure edit on the current state; an EditError becomes a notification."""
        try:
            new = edit(self.session.current)
        except editing.EditError as err:
            self.notify(str(err), severity="warning", markup=False)
            return False
        return self._apply(new, label)

    # --- state-dependent bindings -------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if getattr(self, "article", None) is None:
            return action in ("quit", "help", "command_palette")  # the library, no article yet
        if self.selection is not None:
            return action in SELECTION_ACTIONS
        if action in CLAIM_ACTIONS and self.claim_id is None:
            return None
        if action == "undo":
            return self.session.can_undo  # hidden when there is nothing to undo
        if action == "redo":
            return self.session.can_redo
        if action in ("next_match", "previous_match", "clear_search"):
            return bool(self.matches) or None
        return True

    # --- claims -------------------------------------------------------------------------

    def _select_claim(self, claim_id: str | None, *, scroll: bool = True) -> None:
        if claim_id != self.claim_id:
            self.hop = 0
        self.claim_id = claim_id
        self._last_index = self._claim_index() or 0
        view = self.article_view
        view.current_claim = claim_id
        if scroll and claim_id is not None:
            view.scroll_to_claim(claim_id)
        self._render_all()

    def _step_claim(self, step: int) -> None:
        claims = self.session.current.claims
        if not claims:
            self.notify("No claims yet: press v to make one.")
            return
        index = self._claim_index()
        target = 0 if index is None else index + step
        if not 0 <= target < len(claims):
            self.bell()
            self.notify("Last claim." if step > 0 else "First claim.", timeout=2)
            return
        self._select_claim(claims[target].id)

    def action_next_claim(self) -> None:
        self._step_claim(1)

    def action_previous_claim(self) -> None:
        self._step_claim(-1)

    @on(ArticleView.ClaimClicked)
    def _claim_clicked(self, event: ArticleView.ClaimClicked) -> None:
        if self.selection is None:
            self._select_claim(event.claim_id, scroll=False)

    # --- review -------------------------------------------------------------------------

    def _current_label(self) -> str:
        index = self._claim_index()
        return f"claim {index + 1}" if index is not None else "claim"

    def action_confirm(self) -> None:
        cid = self.claim_id
        if cid is not None:
            self._edit(f"confirm {self._current_label()}", lambda a: editing.confirm(a, cid))

    def action_reject(self) -> None:
        cid = self.claim_id
        if cid is not None:
            self._edit(f"reject {self._current_label()}", lambda a: editing.reject(a, cid))

    def action_credibility(self, value: int) -> None:
        cid = self.claim_id
        if cid is not None:
            self._edit(
                f"credibility {value} on {self._current_label()}",
                lambda a: editing.set_credibility(a, cid, int(value)),
            )

    def _step_hop(self, step: int) -> None:
        view = self.claim_view()
        if view is None or not view.claim.chain:
            return
        self.hop = max(0, min(self.hop + step, len(view.claim.chain) - 1))
        self._render_all()

    def action_previous_hop(self) -> None:
        self._step_hop(-1)

    def action_next_hop(self) -> None:
        self._step_hop(1)

    def _selected_source_id(self) -> str | None:
        view = self.claim_view()
        if view is None or not view.claim.chain:
            self.notify("This claim has no source to rate (c edits the chain).")
            return None
        return view.claim.chain[min(self.hop, len(view.claim.chain) - 1)].source

    def action_rate_source(self) -> None:
        source_id = self._selected_source_id()
        if source_id is None:
            return
        source = self.session.current.source(source_id)
        name = source.name if source is not None else source_id
        current = source.reliability if source is not None else None
        self.push_screen(RatePrompt(name, current), self.action_set_reliability)

    def action_set_reliability(self, grade: str | None) -> None:
        source_id = self._selected_source_id()
        if grade is None or source_id is None:
            return
        source = self.session.current.source(source_id)
        name = source.name if source is not None else source_id
        if self._edit(
            f"reliability {grade} for {name}",
            lambda a: editing.set_source_reliability(a, source_id, grade),
        ):
            # Saved to the registry too, so the new rating is not taken for a conflict.
            self._rated.setdefault(source_id, {})["reliability"] = grade
            self.notify(
                f"{name} is now {grade} — {RELIABILITY_LABELS[grade]}, on every claim citing it.",
                timeout=3,
                markup=False,
            )

    # --- notes --------------------------------------------------------------------------

    def action_add_note(self) -> None:
        cid = self.claim_id
        if cid is None:
            return

        def done(text: str | None) -> None:
            if text is not None:
                self._edit("add note", lambda a: editing.add_note(a, cid, text, self.clock()))

        self.push_screen(NoteDialog(f"New note on {self._current_label()}"), done)

    def _pick_note(self, purpose: str, then: Callable[[str, int], None]) -> None:
        view = self.claim_view()
        if view is None:
            return
        notes = view.claim.notes
        cid = view.claim.id
        if not notes:
            self.notify("This claim has no notes (n adds one).")
            return
        if len(notes) == 1:
            then(cid, 0)
            return

        def picked(index: int | None) -> None:
            if index is not None:
                then(cid, index)

        self.push_screen(
            NotePicker(f"Which note to {purpose}? (1–9 or enter)", [n.text for n in notes]), picked
        )

    def action_edit_note(self) -> None:
        def edit(cid: str, index: int) -> None:
            claim = self.session.current.claim(cid)
            if claim is None:
                return

            def done(text: str | None) -> None:
                if text is not None:
                    self._edit(
                        "edit note",
                        lambda a: editing.edit_note(a, cid, index, text, self.clock()),
                    )

            self.push_screen(NoteDialog(f"Note {index + 1}", claim.notes[index].text), done)

        self._pick_note("edit", edit)

    def action_delete_note(self) -> None:
        def delete(cid: str, index: int) -> None:
            def done(answer: str) -> None:
                if answer == "yes":
                    self._edit("delete note", lambda a: editing.delete_note(a, cid, index))

            self.push_screen(ConfirmDelete(f"note {index + 1}"), done)

        self._pick_note("delete", delete)

    # --- chain --------------------------------------------------------------------------

    def action_edit_chain(self) -> None:
        cid = self.claim_id
        if cid is None:
            return

        def done(result: AnnotationSet | None) -> None:
            if result is not None:
                self._apply(result, f"edit chain of {self._current_label()}")

        self.push_screen(ChainEditor(self.session.current, cid, self.article.body), done)

    # --- keyboard selection: new claims and span adjustment -----------------------------

    def _start_selection(self, selection: Selection) -> None:
        self.selection = selection
        self.add_class("-selecting")
        bar = self._selection_bar()
        bar.focus()
        self._show_selection()

    def _show_selection(self) -> None:
        selection = self.selection
        if selection is None:
            return
        self.article_view.set_selection(selection.span)
        self.article_view.scroll_to_offset(selection.span.end)
        text = " ".join(selection.span.text(self.article.body).split())
        if len(text) > 60:
            text = text[:28] + " … " + text[-28:]
        what = "New claim" if selection.claim_id is None else "Span of the claim"
        self._selection_bar().update(
            Content.assemble(
                (f"{what}: ", "bold"),
                ("“", "$text-muted"),
                text,
                ("”", "$text-muted"),
                ("  enter done · escape cancel · ? keys", "$text-muted"),
            )
        )
        self.refresh_bindings()

    def _selection_bar(self) -> SelectionBar:
        bars = self.reader_root.query(SelectionBar)
        if bars:
            return bars.first()
        bar = SelectionBar(id="selection-bar")
        self.reader_root.mount(bar, before="#search-bar")  # bottom splits stack upwards: under it
        return bar

    def _end_selection(self) -> None:
        self.selection = None
        self.remove_class("-selecting")
        self.article_view.set_selection(None)
        self.article_view.focus()
        self.refresh_bindings()

    def _selection_start(self) -> Span:
        """Where `v` starts: the current search match, else the current claim's sentence."""
        body = self.article.body
        if self.matches and self.match_index is not None:
            return self.matches[self.match_index]
        claim = self.session.current.claim(self.claim_id) if self.claim_id else None
        anchor = claim.span.start if claim is not None and claim.span.orphan is None else 0
        sentence = editing.sentence_at(self._sentences, anchor) or Span(0, len(body))
        end = editing.next_word_end(body, sentence.start)
        return editing.trim(body, Span(sentence.start, max(end, sentence.start + 1)))

    def action_select_new(self) -> None:
        if not self.article.body.strip():
            self.notify("The article is empty.", severity="warning")
            return
        self._start_selection(Selection(self._selection_start()))

    def action_adjust_span(self) -> None:
        claim = self.session.current.claim(self.claim_id) if self.claim_id else None
        if claim is None:
            return
        span = claim.span
        if span.orphan is not None or span.end > len(self.article.body) or not len(span):
            span = self._selection_start()
        self._start_selection(Selection(Span(span.start, span.end), claim.id))

    @on(SelectionBar.Moved)
    def _selection_moved(self, event: SelectionBar.Moved) -> None:
        if self.selection is None:
            return
        self.selection.span = editing.adjust_selection(
            self.article.body, self._sentences, self.selection.span, event.move
        )
        self._show_selection()

    @on(SelectionBar.Finished)
    def _selection_finished(self, event: SelectionBar.Finished) -> None:
        selection = self.selection
        if selection is None:
            return
        if not event.accepted:
            self._end_selection()
            return
        if selection.claim_id is not None:
            cid, span = selection.claim_id, selection.span
            self._end_selection()
            self._edit(
                f"adjust span of {self._current_label()}",
                lambda a: editing.set_claim_span(a, cid, span, len(self.article.body)),
            )
            self.article_view.scroll_to_claim(cid)
            return
        picker = SourcePicker(
            self.session.current.sources, "Who says it? (the first link of the chain)", True
        )
        self.push_screen(picker, self._make_claim)

    def _article_name(self) -> str:
        # The extractor's name for the article's own source, so both find the same one.
        meta = self.article.meta
        return meta.outlet or meta.title or "this article"

    def _make_claim(self, picked: PickedSource | None) -> None:
        selection = self.selection
        if selection is None:
            return
        if picked is None:
            return  # back to the selection: escape there leaves it
        span = selection.span
        body = self.article.body

        def build(ann: AnnotationSet) -> AnnotationSet:
            source_id = picked.source_id
            if picked.new_name:
                ann, source_id = editing.add_source(ann, picked.new_name, picked.new_kind)
            ann, own = editing.article_source(ann, self._article_name())
            chain: list[Hop] = []
            if source_id is not None and source_id != own:
                chain.append(editing.hop_for(ann, body, source_id, span))
            chain.append(Hop(own))
            ann, self._new_claim_id = editing.add_claim(ann, span, chain, len(body))
            return ann

        self._new_claim_id: str | None = None
        self._end_selection()
        if self._edit("new claim", build) and self._new_claim_id:
            self._select_claim(self._new_claim_id)

    # --- search -------------------------------------------------------------------------

    def _search_field(self) -> SearchInput | None:
        fields = self.reader_root.query(SearchInput)
        return fields.first() if fields else None

    def _set_search_count(self, text: str) -> None:
        counts = self.reader_root.query("#search-count")
        if counts:
            counts.first(Static).update(Content(text))

    def action_search(self) -> None:
        self.add_class("-searching")
        field = self._search_field()
        if field is None:
            field = SearchInput(
                self.search_query,
                placeholder="search the text (enter: next, ↑↓, escape)",
                id="search",
            )
            self.reader_root.query_one("#search-bar").mount(field, Static(id="search-count"))
        else:
            field.value = self.search_query
        field.focus()

    def action_close_search(self) -> None:
        self.remove_class("-searching")
        self.article_view.focus()

    def action_clear_search(self) -> None:
        self.matches, self.match_index, self.search_query = [], None, ""
        self.article_view.set_search([], None)
        self._set_search_count("")
        self.refresh_bindings()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        query = event.value
        if query == self.search_query and self.matches:
            self._step_match(1)
            return
        self.search_query = query
        self.matches = editing.find_all(self.article.body, query)
        if not self.matches:
            self.match_index = None
            self.article_view.set_search([], None)
            self._set_search_count("no match")
            self.refresh_bindings()
            return
        claim = self.session.current.claim(self.claim_id) if self.claim_id else None
        here = claim.span.start if claim is not None else 0
        self.match_index = next((i for i, m in enumerate(self.matches) if m.start >= here), 0)
        self._show_match()

    def _show_match(self) -> None:
        if self.match_index is None:
            return
        match = self.matches[self.match_index]
        self.article_view.set_search(self.matches, self.match_index)
        self.article_view.scroll_to_offset(match.start)
        self._set_search_count(f"{self.match_index + 1} / {len(self.matches)}")
        self.refresh_bindings()

    def _step_match(self, step: int) -> None:
        if not self.matches:
            return
        index = 0 if self.match_index is None else self.match_index + step
        self.match_index = index % len(self.matches)  # wrap, like most editors
        self._show_match()

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    # --- history ------------------------------------------------------------------------

    def action_undo(self) -> None:
        self._travel(self.session.undo, "Undone", "Nothing to undo.")

    def action_redo(self) -> None:
        self._travel(self.session.redo, "Redone", "Nothing to redo.")

    def _travel(self, step: Callable[[], str | None], done: str, nothing: str) -> None:
        """Undo or redo, then show the claim that changed (it may be far from here)."""
        before = self.session.current
        label = step()
        if label is None:
            self.notify(nothing, timeout=2)
            return
        after = self.session.current
        changed = _changed_claim(before, after)
        if changed is not None and changed != self.claim_id:
            self.article_view.set_annotations(after)
            self._select_claim(changed)
        self.post_message(AnnotationsChanged(label))
        self.notify(f"{done}: {label}", timeout=2, markup=False)

    # --- saving, conflicts, quitting ----------------------------------------------------

    def action_save(self) -> None:
        self._save()

    def action_export(self, fmt: str) -> None:
        """Export the current annotations (saved or not) beside the annotation file."""
        from tui.exports import ExportError, export_to_file

        try:
            path = export_to_file(self.session.current, self.article.body, fmt, self.opened.path)
        except (ExportError, OSError) as err:
            self.notify(f"Export failed: {err}", severity="error", markup=False)
            return
        self.notify(f"Exported {fmt} to {path}", markup=False)

    def _save(self, then: Callable[[], None] | None = None, *, force: bool = False) -> None:
        """Save; on a conflict, ask. `then` runs only once the work is safely on disk."""
        from tui.store import StoreError

        try:
            self.session.save(force=force)
        except ConflictError:
            self.push_screen(
                ConflictDialog(str(self.session.path)), lambda c: self._resolve_conflict(c, then)
            )
            return
        except (StoreError, OSError) as err:
            self.notify(f"Not saved: {err}", severity="error", timeout=10, markup=False)
            return
        self.notify(f"Saved {self.session.path}", timeout=3, markup=False)
        self._save_registry()
        self.post_message(AnnotationsChanged(None))
        if then is not None:
            then()

    def _resolve_conflict(self, choice: str, then: Callable[[], None] | None) -> None:
        from tui.store import StoreError, load_annotations

        if choice == "overwrite":
            self._save(then, force=True)
        elif choice == "reload":
            path = self.session.path
            try:
                fingerprint = file_fingerprint(path)
                if fingerprint is None:
                    raise StoreError(f"{path}: the file is gone")
                theirs = load_annotations(path, body=self.article.body).annotations
            except (StoreError, OSError) as err:
                self.notify(f"Cannot reload: {err}", severity="error", timeout=10, markup=False)
                return
            self.session.reload(theirs, fingerprint)
            self.post_message(AnnotationsChanged("reload from disk"))
            self.notify("Reloaded from disk; u brings your version back.", timeout=6)
        elif choice == "copy":
            copy = _copy_path(self.session.path)
            try:
                self.session.save_copy(copy)
            except (StoreError, OSError) as err:
                self.notify(f"Not saved: {err}", severity="error", timeout=10, markup=False)
                return
            self.notify(f"Your version was saved as {copy}", timeout=8, markup=False)

    async def action_quit(self) -> None:
        if getattr(self, "article", None) is None or not self._has_unsaved():
            self.exit(EXIT_OK)
            return

        def answer(choice: str) -> None:
            if choice == "save":
                self._save(lambda: self.exit(EXIT_OK))
            elif choice == "discard":
                self.session.discard_recovery()
                self.exit(EXIT_OK)

        self.push_screen(ConfirmQuit(), answer)

    # --- recovery -----------------------------------------------------------------------

    def _offer_recovery(self) -> None:
        from tui.store import StoreError, load_annotations

        path = self.session.recovery_path
        if path is None or not path.exists():
            return
        try:
            recovered = load_annotations(path, body=self.article.body).annotations
        except (StoreError, OSError) as err:
            # Keep the bytes: move the unreadable file aside instead of overwriting it later.
            aside = path.with_name(path.name + ".unreadable")
            try:
                path.replace(aside)
            except OSError:
                aside = path
            self.notify(
                f"The recovery file could not be read ({err}); kept as {aside}.",
                severity="warning",
                timeout=10,
                markup=False,
            )
            return
        if recovered == self.session.current:
            self.session.discard_recovery()
            return

        def answer(choice: str) -> None:
            if choice == "restore":
                self._apply(recovered, "restore unsaved work")
                self.notify("Unsaved work restored (not saved yet: ctrl+s).", timeout=5)
            elif choice == "discard":
                self.session.discard_recovery()

        self.push_screen(RestoreRecovery(str(path)), answer)

    def action_toggle_panel(self) -> None:
        self.toggle_class("-panel-hidden")

    # --- the workspace: source registry, corroboration ---------------------------------

    def _in_workspace(self) -> bool:
        """A workspace is a folder holding articles/: only there is there a registry."""
        return (self.workspace / "articles").is_dir()

    def _has_unsaved(self) -> bool:
        return self.session.dirty or bool(self._registry_ops)

    def _start_workspace_work(self) -> None:
        """After the first frame: read the registry and link claims across articles."""
        if not self._in_workspace():
            return
        self.run_worker(
            partial(self._workspace_work, self.workspace, self.groups is None),
            thread=True,
            group="workspace",
            exclusive=True,
        )

    def _workspace_work(self, workspace: Path, link: bool) -> None:
        from tui.batch import list_articles
        from tui.registry import load_registry, registry_path
        from tui.store import StoreError

        registry = None
        error = None
        if registry_path(workspace).exists():
            try:
                registry = load_registry(workspace)
            except StoreError as err:
                error = f"The source registry could not be read: {err}"
        groups = None
        if link and len(list_articles(workspace / "articles")) > 1:
            from tui.corroboration import link_claims
            from tui.library import load_workspace

            _, entries = load_workspace(workspace)
            groups = link_claims(
                [
                    (e.meta, e.annotations, e.article.body)
                    for e in entries
                    if e.annotations is not None and e.article is not None
                ],
                registry=registry,
            )
        with suppress(RuntimeError):  # the app closed meanwhile
            self.call_from_thread(self._workspace_ready, workspace, registry, groups, error)

    def _workspace_ready(
        self,
        workspace: Path,
        registry: Registry | None,
        groups: list[Group] | None,
        error: str | None,
    ) -> None:
        if getattr(self, "article", None) is None or workspace != self.workspace:
            return
        if error:
            self.notify(error, severity="warning", timeout=10, markup=False)
        if groups is not None:
            self.groups = groups
        if registry is not None:
            self.registry = registry
            self._propose_registry(registry)
        if groups is not None:
            self._render_all()

    def _propose_registry(self, registry: Registry) -> None:
        """The registry's ratings and notes for the article's sources that have none: one
        undoable change (u takes them back); a disagreement is listed, never overridden."""
        from tui.registry import apply_registry

        before = self.session.current
        after, conflicts = apply_registry(before, registry)
        taken = [
            s.name
            for s in after.sources
            if (old := before.source(s.id)) is not None
            and (old.reliability, old.note) != (s.reliability, s.note)
        ]
        applied = after != before and self._apply(after, "ratings from the source registry")
        if applied and taken:
            shown = ", ".join(taken[:6]) + (" …" if len(taken) > 6 else "")
            self.notify(
                f"Ratings or notes of {len(taken)} source(s) taken from the workspace "
                f"registry: {shown} (u undoes).",
                timeout=8,
                markup=False,
            )
        self._notify_conflicts(conflicts, "kept this article's value")

    def _notify_conflicts(self, conflicts: list[Conflict], what: str) -> None:
        if not conflicts:
            return
        lines = [c.line() for c in conflicts[:8]]
        if len(conflicts) > 8:
            lines.append(f"… and {len(conflicts) - 8} more")
        self.notify(
            "\n".join(lines) + f"\n({what}; S opens the sources to settle it)",
            title=f"{len(conflicts)} registry conflict(s)",
            severity="warning",
            timeout=15,
            markup=False,
        )

    def workspace_registry(self, base: Registry | None = None) -> tuple[Registry, list[Conflict]]:
        """The registry with this session's changes and this article's sources merged in."""
        from tui.registry import Registry, match_source, set_source, update_registry

        registry = base if base is not None else self.registry or Registry()
        for source_id, name, value in self._registry_ops:
            if registry.source(source_id) is not None:
                registry = set_source(registry, source_id, **{name: value})
        ann = self.session.current
        for source_id, fields in self._rated.items():
            source = ann.source(source_id)
            found = match_source(registry, source.name, source.aliases) if source else None
            if source is None or found is None:
                continue
            # Only what the article still says (an undone rating is not pushed).
            changes = {k: v for k, v in fields.items() if getattr(source, k) == v}
            if changes:
                registry = set_source(registry, found.id, **changes)
        return update_registry(registry, ann)

    def _save_registry(self) -> None:
        """After the article is saved: merge it into annotations/sources.yaml."""
        from tui.registry import load_registry, save_registry
        from tui.store import StoreError

        if not self._in_workspace():
            return
        try:
            base = load_registry(self.workspace)  # fresh: another article may have saved
            registry, conflicts = self.workspace_registry(base)
            save_registry(registry, self.workspace)
        except (StoreError, OSError) as err:
            self.notify(
                f"The source registry was not updated: {err}",
                severity="error",
                timeout=10,
                markup=False,
            )
            return
        self.registry = registry
        self._registry_ops = []
        self._rated = {}
        self._notify_conflicts(conflicts, "the registry kept its value")

    def article_sources_for(self, source: RegistrySource) -> list[str]:
        """Ids of this article's sources that are this registry source."""
        from tui.registry import Registry, match_source

        one = Registry((source,))
        return [
            s.id
            for s in self.session.current.sources
            if match_source(one, s.name, s.aliases) is not None
        ]

    def set_registry_field(self, source: RegistrySource, name: str, value: Any) -> None:
        """Rate or annotate a source workspace-wide (the sources screen): the registry on
        save, and the article's matching sources now (an undoable change)."""
        self._registry_ops.append((source.id, name, value))
        ids = self.article_sources_for(source)
        if not ids:
            self._render_header()  # unsaved: the registry alone changed
            return

        def edit(ann: AnnotationSet) -> AnnotationSet:
            for source_id in ids:
                if name == "reliability":
                    ann = editing.set_source_reliability(ann, source_id, value)
                else:
                    mine = ann.source(source_id)
                    if mine is not None:
                        ann = ann.replace_source(replace(mine, note=value))
            return ann

        what = f"reliability {value}" if name == "reliability" else "note"
        if self._edit(f"{what} for {source.name}", edit):
            for source_id in ids:
                self._rated.setdefault(source_id, {})[name] = value

    def action_sources(self) -> None:
        from tui.screens.sources import SourcesScreen

        self.push_screen(SourcesScreen())

    # --- help and the palette -----------------------------------------------------------

    def action_help(self) -> None:
        from tui.highlight import GUTTER_LEGEND

        # The view's own styles (theme applied), then the margin marks.
        legend = [
            *self.article_view.legend_styles(),
            *((mark, text, "bold") for mark, text in GUTTER_LEGEND),
        ]
        self.push_screen(HelpScreen.for_app(self, self.focused, legend))


def _changed_claim(before: AnnotationSet, after: AnnotationSet) -> str | None:
    """The first claim of `after` that is not the very same object in `before`.

    Edits replace only the claims they touch, so identity finds them without deep compares.
    """
    old = {claim.id: claim for claim in before.claims}
    for claim in after.claims:
        if old.get(claim.id) is not claim:
            return claim.id
    return None


def _copy_path(path: Path) -> Path:
    """`x.yaml` → `x.mine.yaml` (or `x.mine-2.yaml`, …): never overwrites anything."""
    candidate = path.with_name(f"{path.stem}.mine{path.suffix}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.mine-{n}{path.suffix}")
        n += 1
    return candidate
