"""The sources screen (`S` in the reader): the workspace's source registry, rated and annotated.

It shows the registry as the next save would write it (the saved file, this session's changes
and the open article's sources merged in), so a source the article just met is listed too.
A rating or a note set here goes to every article through the registry, and to the open
article at once when it cites the source (an undoable change there; u in the reader).

The screen is modal so the reader's single-letter keys stay in the reader.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Static

from tui.model import RELIABILITY_LABELS
from tui.registry import Registry, RegistrySource, name_key
from tui.widgets.footer import KeyFooter

# (column title, sort key); `s` cycles through them.
SOURCE_SORTS: tuple[tuple[str, Any], ...] = (
    ("name", lambda s, here: name_key(s.name)),
    ("kind", lambda s, here: (s.kind, name_key(s.name))),
    ("reliability", lambda s, here: (s.reliability or "Z", name_key(s.name))),
    ("articles", lambda s, here: (-s.articles, name_key(s.name))),
    ("claims", lambda s, here: (-s.claims, name_key(s.name))),
    ("here", lambda s, here: (not here, name_key(s.name))),
)
NOTE_WIDTH = 40


def filter_sources(sources: tuple[RegistrySource, ...], text: str) -> list[RegistrySource]:
    """Sources whose name, an alias, the kind or the note contain `text` (any case, accents)."""
    needle = name_key(text)
    if not needle:
        return list(sources)
    return [
        s
        for s in sources
        if any(needle in name_key(f) for f in (s.name, *s.aliases, s.kind, s.note))
    ]


class SourceFilter(Input):
    """The filter box: down (or enter) goes back to the table."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,enter", "screen.focus_table", "To the table", show=False),
        Binding("escape", "screen.focus_table", "To the table", show=False),
    ]


class SourcesScreen(ModalScreen[None]):
    HELP_TITLE = "Sources"
    AUTO_FOCUS = "#sources-table"
    OWN_PALETTE = True  # the command palette lists this screen's actions

    DEFAULT_CSS = """
    SourcesScreen {
        align: left top;
        background: $background;
    }
    SourcesScreen #sources-title {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    SourcesScreen #sources-filter {
        height: 1;
        border: none;
        padding: 0 1;
    }
    SourcesScreen DataTable {
        height: 1fr;
    }
    SourcesScreen #sources-detail {
        height: auto;
        max-height: 6;
        padding: 0 1;
        border-top: hkey $primary-darken-2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "rate", "Rate", tooltip="Rate the selected source (then A–F), everywhere"),
        *(
            Binding(
                grade,
                f"set_reliability('{grade}')",
                "Rate A–F",
                show=grade == "A",
                key_display="A-F" if grade == "A" else None,
                tooltip=f"Reliability {grade} — {label}, for the selected source",
            )
            for grade, label in RELIABILITY_LABELS.items()
        ),
        Binding("n", "note", "Note", tooltip="Edit the selected source's note"),
        Binding("s", "sort", "Sort", tooltip="Sort by the next column"),
        Binding("slash", "filter", "Filter", tooltip="Filter the sources (type a name)"),
        Binding("ctrl+s", "save", "Save", tooltip="Save the article and the registry"),
        Binding("escape", "close", "Back", tooltip="Back to the reader"),
        Binding("question_mark", "help", "Help", tooltip="Keys"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sort_index = 0
        self.registry = Registry()
        self.here: set[str] = set()  # registry ids of the open article's sources

    def compose(self) -> ComposeResult:
        yield Static(id="sources-title")
        yield SourceFilter(
            placeholder="/ filter: type a name, alias, kind or note", id="sources-filter"
        )
        yield DataTable(id="sources-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="sources-detail")
        yield KeyFooter()

    @property
    def table(self) -> DataTable:
        return self.query_one("#sources-table", DataTable)

    def on_mount(self) -> None:
        table = self.table
        table.add_column("Name", key="name")
        table.add_column("Kind", key="kind")
        table.add_column("Rel.", key="reliability")
        table.add_column("Articles", key="articles")
        table.add_column("Claims", key="claims")
        table.add_column("Here", key="here")
        table.add_column("Note", key="note")
        self.refresh_rows()
        table.focus()

    # --- rows ---------------------------------------------------------------------------

    def refresh_rows(self) -> None:
        """Rebuild the table from the app's registry (the cursor stays on its source)."""
        app: Any = self.app
        self.registry, conflicts = app.workspace_registry()
        self.here = {s.id for s in self.registry.sources if app.article_sources_for(s)}
        filter_text = self.query_one("#sources-filter", Input).value
        rows = filter_sources(self.registry.sources, filter_text)
        title, key = SOURCE_SORTS[self.sort_index]
        rows.sort(key=lambda s: key(s, s.id in self.here))
        table = self.table
        selected = self.selected_id()
        table.clear()
        for s in rows:
            grade = s.reliability or ""
            note = " ".join(s.note.split())
            if len(note) > NOTE_WIDTH:
                note = note[: NOTE_WIDTH - 1] + "…"
            table.add_row(  # Rich `Text`: a str cell would be read as markup
                Text(s.name),
                Text(s.kind),
                Text(grade, "bold") if grade else Text("–", "dim"),
                Text(str(s.articles), justify="right"),
                Text(str(s.claims), justify="right"),
                Text("●" if s.id in self.here else ""),
                Text(note),
                key=s.id,
            )
        if selected is not None and selected in {s.id for s in rows}:
            table.move_cursor(row=table.get_row_index(selected), animate=False)
        where = f" · filter “{filter_text}”" if filter_text.strip() else ""
        conflict = f" · {len(conflicts)} conflict(s)" if conflicts else ""
        self.query_one("#sources-title", Static).update(
            Content.assemble(
                ("Sources", "bold"),
                (f"  {len(rows)} of {len(self.registry.sources)}", "$text-muted"),
                (f" · sorted by {title}{where}", "$text-muted"),
                (conflict, "bold $text-warning"),
                ("  ● cited by this article", "$text-muted"),
            )
        )
        self._show_detail()

    def selected_id(self) -> str | None:
        table = self.table
        if not table.row_count:
            return None
        try:
            return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        except Exception:  # no row under the cursor
            return None

    def selected(self) -> RegistrySource | None:
        source_id = self.selected_id()
        return self.registry.source(source_id) if source_id else None

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        source = self.selected()
        detail = self.query_one("#sources-detail", Static)
        if source is None:
            detail.update(Content.styled("No source matches.", "italic $text-muted"))
            return
        grade = source.reliability
        parts: list[Any] = [
            (source.name, "bold"),
            (f" ({source.kind})  ", "$text-muted"),
            f"{grade} — {RELIABILITY_LABELS[grade]}" if grade else ("not rated (r)", "italic"),
        ]
        if source.aliases:
            parts += [("\naliases: ", "$text-muted"), ", ".join(source.aliases)]
        parts += [("\nnote: ", "$text-muted"), source.note or ("none (n adds one)", "italic")]
        detail.update(Content.assemble(*parts))

    # --- actions ------------------------------------------------------------------------

    def action_sort(self) -> None:
        self.sort_index = (self.sort_index + 1) % len(SOURCE_SORTS)
        self.refresh_rows()

    def action_filter(self) -> None:
        self.query_one("#sources-filter", Input).focus()

    def action_focus_table(self) -> None:
        self.table.focus()

    @on(Input.Changed, "#sources-filter")
    def _filter_changed(self) -> None:
        self.refresh_rows()

    def action_rate(self) -> None:
        from tui.widgets.dialogs import RatePrompt

        source = self.selected()
        if source is not None:
            self.app.push_screen(RatePrompt(source.name, source.reliability), self._rated)

    def _rated(self, grade: str | None) -> None:
        if grade is not None:
            self.action_set_reliability(grade)

    def action_set_reliability(self, grade: str) -> None:
        source = self.selected()
        if source is None:
            return
        app: Any = self.app
        app.set_registry_field(source, "reliability", grade)
        self.refresh_rows()
        here = " (and in this article; u undoes there)" if source.id in self.here else ""
        self.notify(
            f"{source.name} is now {grade} — {RELIABILITY_LABELS[grade]} in every article{here}; "
            "ctrl+s saves.",
            timeout=4,
            markup=False,
        )

    def action_note(self) -> None:
        from tui.widgets.dialogs import NoteDialog

        source = self.selected()
        if source is None:
            return

        def done(text: str | None) -> None:
            if text is not None and text != source.note:
                app: Any = self.app
                app.set_registry_field(source, "note", text)
                self.refresh_rows()

        self.app.push_screen(
            NoteDialog(f"Note on {source.name} (every article)", source.note), done
        )

    def action_save(self) -> None:
        app: Any = self.app
        app.action_save()
        self.call_after_refresh(self.refresh_rows)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen, binding_rows

        self.app.push_screen(HelpScreen([("Sources", binding_rows(self.app, self))], []))
