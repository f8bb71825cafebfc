"""The command palette (ctrl+p): every reader action, with its key and what it does.

The list is built from the app's own bindings, plus the actions that take a value
(each credibility 1–6, each reliability A–F), so the palette and the keys cannot drift
apart. Running a hit goes through `App.run_action`, so the same state checks apply.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui.model import RELIABILITY_LABELS


@dataclass(frozen=True)
class PaletteCommand:
    title: str
    action: str
    key: str
    help: str


# Actions with no key of their own (or reached through a prompt), offered by the palette.
EXTRA_COMMANDS: tuple[tuple[str, str, str, str], ...] = tuple(
    (
        f"Source reliability {grade}: {label}",
        f"set_reliability('{grade}')",
        f"r {grade}",
        "rate the selected hop's source, on every claim that cites it",
    )
    for grade, label in RELIABILITY_LABELS.items()
)


def _bound(app: Any, node: Any) -> Iterator[PaletteCommand]:
    """One command per action bound on `node` (keys of one action merged)."""
    merged: dict[str, tuple[str, list[str]]] = {}
    for _key, binding in node._bindings:  # the node's bindings, keymap applied
        if not binding.description or binding.system:
            continue
        # The tooltip is the long form of the footer's short description.
        title, keys = merged.setdefault(
            binding.action, (binding.tooltip or binding.description, [])
        )
        # Each binding's own key (a shared footer label like "1-6" would not say which).
        shown = app.get_key_display(replace(binding, key_display=None))
        if shown not in keys:
            keys.append(shown)
    for action, (title, keys) in merged.items():
        yield PaletteCommand(title, action, " / ".join(keys), "")


def palette_commands(app: Any, screen: Any = None) -> Iterator[PaletteCommand]:
    """The reader's actions (its bindings, then extras); a screen of its own (the library, the
    sources) lists its bindings instead, and the reader screen of the library adds its own."""
    if screen is not None and getattr(screen, "OWN_PALETTE", False):
        yield from _bound(app, screen)
        return
    yield from _bound(app, app)
    if screen is not None and screen.has_class("-reader") and screen is not app.default_screen:
        for command in _bound(app, screen):
            yield replace(command, action=command.action.removeprefix("app."))
    for title, action, key, help_text in EXTRA_COMMANDS:
        yield PaletteCommand(title, action, key, help_text)
    yield from export_commands()


def export_commands() -> Iterator[PaletteCommand]:
    """One command per export format; each writes beside the annotation file."""
    from tui.exports import EXPORTERS  # the exporters are only needed once the palette opens

    for fmt in EXPORTERS.values():
        yield PaletteCommand(
            f"Export {fmt.name}: {fmt.description}",
            f"export('{fmt.name}')",
            "",
            f"writes annotations/<article>.{fmt.extension} beside the annotation file",
        )


def _help(command: PaletteCommand) -> str:
    if not command.key:
        return command.help
    return f"key: {command.key}" + (f" — {command.help}" if command.help else "")


def _display(command: PaletteCommand) -> Content:
    return Content.assemble(command.title, (f"  {command.key}", "$text-muted"))


class ReaderCommands(Provider):
    """Every reader action in the palette; typing filters them (fuzzy), enter runs one."""

    def _commands(self) -> Iterator[PaletteCommand]:
        return palette_commands(self.app, self.screen)

    def _runner(self, command: PaletteCommand) -> Any:
        # A screen of its own runs its actions; otherwise the app does.
        target = self.screen if getattr(self.screen, "OWN_PALETTE", False) else self.app
        return partial(target.run_action, command.action)

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(
                _display(command),
                self._runner(command),
                text=command.title,
                help=_help(command),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.title) + Content.styled(f"  {command.key}", "dim"),
                    self._runner(command),
                    text=command.title,
                    help=_help(command),
                )
