"""The library: a workspace's articles in a table; `enter` reads one, `escape` comes back.

`LibraryApp` is the reader app (`ReaderApp`) started without an article: its first screen is
the `LibraryScreen`, and each article opened is read on a `ReaderScreen` pushed on top, with
all the reader's keys and logic unchanged (the app's queries look at the reader screen).
Leaving the reader asks to save, discard or cancel when there are unsaved changes, like `q`.

The articles are read (and, without an annotation file, extracted in memory) in a worker,
behind a loading indicator; claims are linked across articles at the same time, for the
reader's "also reported in".
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Input, Static

from tui.app import EXIT_ERROR, EXIT_OK, Clock, ReaderApp, open_annotations, utc_now
from tui.library import Entry, LibraryRow, filter_rows, library_row, load_entry, sort_rows
from tui.widgets.footer import KeyFooter

# (column title, sort key of tui.library, width); `s` cycles the sort column, `o` reverses.
COLUMNS: tuple[tuple[str, str, int | None], ...] = (
    ("Title", "title", None),
    ("Outlet", "outlet", None),
    ("Date", "date", 10),
    ("Lang", "language", 4),
    ("Claims", "claims", 6),
    ("Reviewed", "reviewed", 8),
    ("Unsourced hedged", "unsourced", 9),
    ("Anonymous", "anonymous", 9),
)
TITLE_WIDTH = 48


def _cells(row: LibraryRow) -> tuple[Any, ...]:
    # Rich `Text`, never a str: the table would read a str as markup, and this is article data.
    title = row.title if len(row.title) <= TITLE_WIDTH else row.title[: TITLE_WIDTH - 1] + "…"
    if row.error:
        error = Text.assemble((row.path.name, "bold"), ("  ⚠ ", "red"), row.error[:60])
        return (error, *(Text("") for _ in COLUMNS[1:]))
    reviewed = Text(f"{row.reviewed_pct:.0f}%", "bold green" if row.reviewed_pct >= 100 else "")
    return (
        Text(title) if row.annotated else Text.assemble(title, (" ∗", "dim")),
        Text(row.outlet),
        Text(row.date[:10]),
        Text(row.language),
        Text(str(row.claims), justify="right"),
        reviewed,
        Text(str(row.unsourced_hedged), justify="right"),
        Text(f"{row.anonymous_share:.0f}%"),
    )


class LibraryTable(DataTable):
    """The articles; enter opens the one under the cursor (the table's own enter would select
    the row, and a second `enter` on the screen would show twice in the footer)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "screen.open", "Open", tooltip="Read the selected article"),
    ]


class LibraryFilter(Input):
    """The filter box: down, enter or escape go back to the table."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,enter,escape", "screen.focus_table", "To the table", show=False),
    ]


class LibraryScreen(ModalScreen[None]):
    """The workspace's articles. Modal, so the reader's single-letter keys do nothing here."""

    HELP_TITLE = "Library"
    OWN_PALETTE = True
    AUTO_FOCUS = "#library-table"

    DEFAULT_CSS = """
    LibraryScreen {
        align: left top;
        background: $background;
    }
    LibraryScreen #library-title {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    LibraryScreen #library-filter {
        height: 1;
        border: none;
        padding: 0 1;
    }
    LibraryScreen DataTable {
        height: 1fr;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "sort", "Sort", tooltip="Sort by the next column"),
        Binding("o", "reverse", "Reverse", tooltip="Reverse the sort order"),
        Binding("slash", "filter", "Filter", tooltip="Filter the articles (title, outlet, …)"),
        Binding("question_mark", "help", "Help", tooltip="Keys"),
        Binding("q", "app.quit", "Quit", tooltip="Quit"),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = Path(folder)
        self.workspace = self.folder
        self.entries: dict[Path, Entry] = {}
        self.rows: dict[Path, LibraryRow] = {}
        self.sort_index = 0
        self.reverse = False
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Static(Content.styled("Library", "bold"), id="library-title")
        yield LibraryFilter(
            placeholder="/ filter: title, outlet, date, language", id="library-filter"
        )
        yield LibraryTable(id="library-table", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    @property
    def table(self) -> DataTable:
        return self.query_one("#library-table", DataTable)

    def on_mount(self) -> None:
        table = self.table
        for title, key, width in COLUMNS:
            table.add_column(title, key=key, width=width)
        table.loading = True
        self.run_worker(self._load, thread=True, group="library", exclusive=True)

    def _load(self) -> None:
        from tui.corroboration import link_claims
        from tui.library import load_workspace
        from tui.registry import load_registry
        from tui.store import StoreError

        app: Any = self.app
        workspace, entries = load_workspace(self.folder, app.rules_path)
        try:
            registry = load_registry(workspace)
        except StoreError:
            registry = None  # the reader says so when an article is opened
        groups = link_claims(
            [
                (e.meta, e.annotations, e.article.body)
                for e in entries
                if e.annotations is not None and e.article is not None
            ],
            registry=registry,
        )
        with suppress(RuntimeError):  # closed meanwhile
            self.app.call_from_thread(self._loaded, workspace, entries, groups)

    def _loaded(self, workspace: Path, entries: list[Entry], groups: list) -> None:
        app: Any = self.app
        app.groups = groups
        self.workspace = workspace
        self.entries = {e.article_path: e for e in entries}
        self.rows = {e.article_path: library_row(e) for e in entries}
        self.loaded = True
        self.table.loading = False
        self.refresh_rows()
        if not self.query_one(LibraryFilter).value:  # unless the user is typing a filter
            self.call_after_refresh(self.action_focus_table)  # once the loading indicator is gone

    def refresh_entry(self, path: Path) -> None:
        """Read one article again (after the reader): its row shows what was saved."""
        app: Any = self.app
        entry = load_entry(self.workspace, path, app.rules_path)
        self.entries[path] = entry
        self.rows[path] = library_row(entry)
        self.refresh_rows()

    def visible_rows(self) -> list[LibraryRow]:
        rows = filter_rows(list(self.rows.values()), self.query_one(LibraryFilter).value)
        return sort_rows(rows, COLUMNS[self.sort_index][1], self.reverse)

    def refresh_rows(self) -> None:
        table = self.table
        selected = self.selected_path()
        rows = self.visible_rows()
        table.clear()
        for row in rows:
            table.add_row(*_cells(row), key=str(row.path))
        keys = [str(r.path) for r in rows]
        if selected is not None and str(selected) in keys:
            table.move_cursor(row=keys.index(str(selected)), animate=False)
        title, _, _ = COLUMNS[self.sort_index]
        arrow = "↓" if self.reverse else "↑"
        text = self.query_one(LibraryFilter).value.strip()
        where = f" · filter “{text}”" if text else ""
        self.query_one("#library-title", Static).update(
            Content.assemble(
                ("Library", "bold"),
                "  ",
                (self.workspace.resolve().name, "$text-muted"),
                (f"  {len(rows)} of {len(self.rows)} articles", "$text-muted"),
                (f" · sorted by {title.lower()} {arrow}{where}", "$text-muted"),
                ("  ∗ not annotated yet", "$text-muted"),
            )
        )

    def selected_path(self) -> Path | None:
        table = self.table
        if not table.row_count:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        except Exception:
            return None
        return Path(key) if key else None

    # --- actions ------------------------------------------------------------------------

    def action_sort(self) -> None:
        self.sort_index = (self.sort_index + 1) % len(COLUMNS)
        self.refresh_rows()

    def action_reverse(self) -> None:
        self.reverse = not self.reverse
        self.refresh_rows()

    def action_filter(self) -> None:
        self.query_one(LibraryFilter).focus()

    def action_focus_table(self) -> None:
        self.table.focus()
        self.refresh_bindings()  # the footer shows the table's keys (enter) at once

    @on(Input.Changed, "#library-filter")
    def _filter_changed(self) -> None:
        if self.loaded:
            self.refresh_rows()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        path = self.selected_path()
        if path is None:
            return
        app: Any = self.app
        app.open_article(path)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen, binding_rows

        self.app.push_screen(HelpScreen([("Library", binding_rows(self.app, self))], []))


class ReaderScreen(Screen):
    """One article in the reader: the app's reader widgets, and escape back to the library."""

    HELP_TITLE = "Library"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "app.back_to_library",
            "Library",
            show=False,
            tooltip="Back to the library (asks if there are unsaved changes)",
        ),
    ]

    def __init__(self) -> None:
        super().__init__(classes="-reader")

    def compose(self) -> ComposeResult:
        app: Any = self.app
        yield from app.reader_widgets()

    def on_mount(self) -> None:
        app: Any = self.app
        app._start_reader()


class LibraryApp(ReaderApp):
    """`sourcecrit FOLDER`: the library first, the reader for each article opened."""

    CSS_PATH = str(Path(__file__).resolve().parent.parent / "reader.tcss")

    def __init__(
        self,
        folder: Path,
        *,
        clock: Clock = utc_now,
        saver: Any = None,
        rules_path: Path | None = None,
    ) -> None:
        super().__init__(None, None, clock=clock, saver=saver)
        self.folder = Path(folder)
        self.rules_path = rules_path
        self.article = None  # type: ignore[assignment]

    def get_default_screen(self) -> Screen:
        return LibraryScreen(self.folder)

    @property
    def library(self) -> LibraryScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, LibraryScreen)
        return screen

    def on_mount(self) -> None:
        self.title = "sourcecrit — library"

    def open_article(self, path: Path) -> None:
        from tui.articles import ArticleError, load_article
        from tui.attribution import RulesError, load_rules
        from tui.store import StoreError, annotation_path_for

        entry = self.library.entries.get(path)
        target = entry.annotation_path if entry is not None else annotation_path_for(path)
        try:
            article = load_article(path)
            opened = open_annotations(
                article, target, load_rules(article.language, self.rules_path)
            )
        except (ArticleError, StoreError, RulesError) as err:
            self.notify(f"Cannot open {path.name}: {err}", severity="error", markup=False)
            return
        self._load(article, opened)
        self._reader_screen = ReaderScreen()
        self.push_screen(self._reader_screen)

    def action_back_to_library(self) -> None:
        if self._reader_screen is None:
            return
        if self.matches:  # escape clears a search first, as in the plain reader
            self.action_clear_search()
            return
        if not self._has_unsaved():
            self._leave_reader()
            return
        from tui.widgets.dialogs import ConfirmLeave

        def answer(choice: str) -> None:
            if choice == "save":
                self._save(self._leave_reader)
            elif choice == "discard":
                self.session.discard_recovery()
                self._leave_reader()

        self.push_screen(ConfirmLeave(), answer)

    def _leave_reader(self) -> None:
        path = Path(self.article.path)
        self._reader_screen = None
        self.pop_screen()
        self.article = None  # type: ignore[assignment]
        self.title = "sourcecrit — library"
        self.library.refresh_entry(path)


def run_library(folder: Path, rules_path: Path | None = None) -> int:
    app = LibraryApp(folder, rules_path=rules_path)
    app.run()
    return app.return_code or EXIT_OK


__all__ = ["EXIT_ERROR", "LibraryApp", "LibraryScreen", "ReaderScreen", "run_library"]
