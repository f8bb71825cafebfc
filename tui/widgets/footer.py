"""The key bar at the bottom: the bindings that matter now, as ONE widget.

Textual's `Footer` mounts a widget per key (some 25 here), which made the reader's launch
twice as slow as a bare app. `KeyFooter` renders a single `Content` built from the screen's
active bindings instead, rebuilt when the screen publishes `bindings_updated` (focus moved,
`refresh_bindings()` was called). It keeps what the reader used from `Footer`:

* one entry per action (the first key of it), in binding order, only bindings with `show`;
* dimmed when `check_action` returns None, absent when it returns False;
* the command palette key on the right;
* a compact form (no padding around the keys) when the full one does not fit, and entries
  that still do not fit are left out whole rather than cut;
* a click on an entry presses its key; hovering shows the binding's tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

KEY_STYLE = "bold $footer-key-foreground"
DESCRIPTION_STYLE = "$footer-description-foreground"


@dataclass(frozen=True)
class FooterEntry:
    key: str  # the key to press (`simulate_key`)
    display: str  # how the key is shown (`j`, `^s`, `1-6`)
    description: str
    enabled: bool
    tooltip: str


class KeyFooter(Widget, can_focus=False):
    """The active bindings as one line; the command palette key on the right."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    KeyFooter {
        split: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._state: tuple[tuple[FooterEntry, ...], FooterEntry | None] | None = None
        self._drawn: tuple[int, Content] | None = None  # (width, what was drawn at it)
        self._spans: list[tuple[int, int, FooterEntry]] = []  # columns of what was drawn

    # --- bindings -----------------------------------------------------------------------

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        state = self._collect()
        if state != self._state:  # most signals change nothing shown: no repaint then
            self._state = state
            self._drawn = None
            self.refresh()

    def _collect(self) -> tuple[tuple[FooterEntry, ...], FooterEntry | None]:
        app = self.app
        active = self.screen.active_bindings
        entries: list[FooterEntry] = []
        seen: set[str] = set()
        for _node, binding, enabled, tooltip in active.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            entries.append(
                FooterEntry(
                    binding.key,
                    app.get_key_display(binding),
                    binding.description,
                    enabled,
                    tooltip or binding.tooltip or binding.description,
                )
            )
        palette = None
        if app.ENABLE_COMMAND_PALETTE and (found := active.get(app.COMMAND_PALETTE_BINDING)):
            _node, binding, enabled, tooltip = found
            palette = FooterEntry(
                binding.key,
                app.get_key_display(binding),
                binding.description,
                enabled,
                tooltip or binding.tooltip or binding.description,
            )
        return tuple(entries), palette

    @property
    def entries(self) -> list[FooterEntry]:
        """What the footer offers now (the palette key excluded)."""
        if self._state is None:
            self._state = self._collect()
        return list(self._state[0])

    @property
    def palette(self) -> FooterEntry | None:
        if self._state is None:
            self._state = self._collect()
        return self._state[1]

    # --- drawing ------------------------------------------------------------------------

    @staticmethod
    def _entry_content(entry: FooterEntry, compact: bool) -> Content:
        dim = "" if entry.enabled else " dim"
        key = entry.display if compact else f" {entry.display} "
        description = f" {entry.description}" if compact else f"{entry.description} "
        return Content.assemble((key, KEY_STYLE + dim), (description, DESCRIPTION_STYLE + dim))

    def _layout(self, width: int) -> tuple[Content, list[tuple[int, int, FooterEntry]]]:
        entries = self.entries
        palette = self.palette
        right, room, gap, parts = Content(""), width, 0, []
        for compact, gap in ((False, 0), (True, 1)):
            right = Content("")
            if palette is not None:
                right = Content.assemble(
                    ("│", "$foreground 20%"),
                    " " if compact else "",
                    self._entry_content(palette, compact),
                )
            room = width - right.cell_length
            parts = [self._entry_content(entry, compact) for entry in entries]
            if sum(p.cell_length for p in parts) + gap * max(0, len(parts) - 1) <= room:
                break
        if room < 0:  # not even the palette key fits
            palette, right, room = None, Content(""), width
        pieces: list[Content] = []
        spans: list[tuple[int, int, FooterEntry]] = []
        x = 0
        for entry, part in zip(entries, parts, strict=True):
            start = x + (gap if pieces else 0)
            if start + part.cell_length > room:
                break  # left out whole, never cut
            if pieces and gap:
                pieces.append(Content(" " * gap))
            pieces.append(part)
            spans.append((start, start + part.cell_length, entry))
            x = start + part.cell_length
        if palette is not None:
            pieces.append(Content(" " * (room - x)))
            pieces.append(right)
            spans.append((room + 1, width, palette))
        return Content.assemble(*pieces), spans

    def render(self) -> Content:
        width = self.size.width
        if self._drawn is None or self._drawn[0] != width:
            content, self._spans = self._layout(width)
            self._drawn = (width, content)
        return self._drawn[1]

    # --- mouse --------------------------------------------------------------------------

    def _entry_at(self, x: int) -> FooterEntry | None:
        for start, end, entry in self._spans:
            if start <= x < end:
                return entry
        return None

    def on_click(self, event: events.Click) -> None:
        entry = self._entry_at(event.x)
        if entry is None:
            return
        event.stop()
        if entry.enabled:
            self.app.simulate_key(entry.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        entry = self._entry_at(event.x)
        self.tooltip = entry.tooltip if entry is not None else None

    def on_leave(self, event: events.Leave) -> None:
        self.tooltip = None
