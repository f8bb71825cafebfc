"""The help screen, built from the live bindings so it never drifts from the keys.

It lists the app's bindings and those of the widget that had focus (the article view's scroll
keys, say), then the legend of highlight styles and both Admiralty scales.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any, ClassVar

from rich.style import Style as RichStyle
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.style import Style
from textual.widgets import Static

from tui.model import CREDIBILITY_LABELS, RELIABILITY_LABELS

KEY_WIDTH = 16


def binding_rows(app: Any, node: DOMNode) -> list[tuple[str, str]]:
    """(keys, description) for each described binding of `node`, keys of one action merged."""
    merged: dict[tuple[str, str], list[str]] = {}
    for _key, binding in node._bindings:  # the node's bindings, keymap applied
        if not binding.description or binding.system:
            continue
        # The tooltip is the long form; the description is the footer's short one.
        text = binding.tooltip or binding.description
        keys = merged.setdefault((binding.action, text), [])
        shown = app.get_key_display(replace(binding, key_display=None))
        if shown not in keys:
            keys.append(shown)
    return [("/".join(keys), description) for (_action, description), keys in merged.items()]


def _legend_sample(name: str, style: object) -> Content:
    if isinstance(style, RichStyle):
        return Content.styled(name, Style.from_rich_style(style))
    if isinstance(style, Style):
        return Content.styled(name, style)
    try:
        return Content.styled(name, Style.from_rich_style(RichStyle.parse(str(style))))
    except Exception:  # an unknown style word must not keep the help from opening
        return Content(name)


def _table(rows: Iterable[tuple[str | Content, str]]) -> Content:
    lines = []
    for key, description in rows:
        key_content = key if isinstance(key, Content) else Content.styled(key, "bold $accent")
        pad = " " * max(1, KEY_WIDTH - key_content.cell_length)
        lines.append(Content.assemble(key_content, pad, description))
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help"),
    ]

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]], legend: Iterable) -> None:
        super().__init__()
        self._sections = sections
        self._legend = list(legend)

    @classmethod
    def for_app(cls, app: Any, focused: DOMNode | None, legend: Iterable) -> HelpScreen:
        """Sections for the app and for the focused widget (and its containers)."""
        sections: list[tuple[str, list[tuple[str, str]]]] = [("Reader", binding_rows(app, app))]
        seen = {id(app)}
        node = focused
        while node is not None and node is not app:
            if id(node) not in seen and (rows := binding_rows(app, node)):
                title = getattr(node, "HELP_TITLE", None) or type(node).__name__
                sections.append((title, rows))
            seen.add(id(node))
            node = node.parent
        return cls(sections, legend)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog"):
            yield Static(Content.styled("sourcecrit — keys", "bold"), classes="dialog-title")
            for title, rows in self._sections:
                yield Static(Content.styled(title, "bold underline"), classes="help-heading")
                yield Static(_table(rows))
            if self._legend:
                yield Static(Content.styled("Highlights", "bold underline"), classes="help-heading")
                yield Static(
                    _table(
                        (_legend_sample(name, style), description)
                        for name, description, style in self._legend
                    )
                )
            yield Static(
                Content.styled("Source reliability (r, then A–F)", "bold underline"),
                classes="help-heading",
            )
            yield Static(_table(RELIABILITY_LABELS.items()))
            yield Static(
                Content.styled("Information credibility (1–6)", "bold underline"),
                classes="help-heading",
            )
            yield Static(_table((str(k), v) for k, v in CREDIBILITY_LABELS.items()))
            yield Static(Content.styled("escape, q or ? closes", "italic $text-muted"))

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
