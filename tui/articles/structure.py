"""Paragraphs and boilerplate: whole-line structure of an article body."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

from tui.articles.yamldata import load_package_yaml
from tui.model import Span

# Nobody hard-wraps prose wider than this: a block with a longer line is one paragraph per line.
WRAP_WIDTH = 100
# In hard-wrapped text, a line much shorter than the block's widest ends its paragraph
# (a heading, or the last line of a paragraph not followed by a blank line).
SHORT_LINE_RATIO = 0.6

_HEADING_RE = re.compile(r"#{1,6}\s")
_LIST_ITEM_RE = re.compile(r"(?:[-*+•]|\d{1,3}[.)])\s")
_MARKER_FIRST = frozenset("#-*+•0123456789")  # cheap test before trying the two regexes
_SENTENCE_END = frozenset('.!?…»"”:')
# One or more blank (or whitespace-only) lines. Linear: no nested quantifiers.
_BLANK_LINES_RE = re.compile(r"\n(?:[^\S\n]*\n)+")


def trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without leading and trailing whitespace."""
    text = body[start:end]
    stripped = text.lstrip()
    start += len(text) - len(stripped)
    return start, start + len(stripped.rstrip())


def _blocks(body: str) -> Iterator[tuple[int, int]]:
    """Blank-line separated blocks."""
    pos = 0
    for m in _BLANK_LINES_RE.finditer(body):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(body)


def _lines(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """The trimmed non-blank lines of ``body[start:end]``."""
    lines = []
    pos = start
    for line in body[start:end].split("\n"):
        stripped = line.strip()
        if stripped:
            first = pos + len(line) - len(line.lstrip())
            lines.append((first, first + len(stripped)))
        pos += len(line) + 1
    return lines


def _starts_block_item(body: str, at: int) -> bool:
    return body[at] in _MARKER_FIRST and (
        _HEADING_RE.match(body, at) is not None or _LIST_ITEM_RE.match(body, at) is not None
    )


def _split_block(body: str, start: int, end: int) -> list[tuple[int, int]]:
    if "\n" not in body[start:end]:
        return [trimmed(body, start, end)]
    lines = _lines(body, start, end)
    if not lines:
        return []
    widest = max(e - s for s, e in lines)
    # Lines too long to be hard-wrapped, or every line but the last ending a sentence:
    # one paragraph per line.
    if widest > WRAP_WIDTH or all(body[e - 1] in _SENTENCE_END for _, e in lines[:-1]):
        return lines
    short = SHORT_LINE_RATIO * widest
    paragraphs = []
    first = lines[0][0]
    for (s, e), (following, _) in pairwise(lines):
        if (
            e - s < short
            or (body[s] == "#" and _HEADING_RE.match(body, s) is not None)
            or _starts_block_item(body, following)
        ):
            paragraphs.append((first, e))
            first = following
    paragraphs.append((first, lines[-1][1]))
    return paragraphs


def find_paragraphs(body: str) -> tuple[Span, ...]:
    """Blank-line separated blocks, each further split when its lines are not wrapped prose
    (one paragraph per line, headings, list items). Spans are trimmed of whitespace."""
    return tuple(
        Span(s, e) for block in _blocks(body) for s, e in _split_block(body, *block) if e > s
    )


@dataclass(frozen=True)
class BoilerplateGroup:
    """The patterns sharing a ``where`` and a ``max_length``, joined into one regex."""

    regex: re.Pattern[str]
    anywhere: bool
    max_length: int
    names: dict[str, str]  # regex group -> pattern name


def _compile_groups(data: dict[str, Any]) -> tuple[BoilerplateGroup, ...]:
    default_max = int(data["default_max_length"])
    grouped: dict[tuple[bool, int], dict[str, tuple[str, str]]] = {}
    for i, entry in enumerate(data["patterns"]):
        key = (entry["where"] == "anywhere", int(entry.get("max_length", default_max)))
        flags = "(?i:" if entry.get("ignore_case") else "(?:"
        grouped.setdefault(key, {})[f"p{i}"] = (entry["name"], f"{flags}{entry['regex']})")
    return tuple(
        BoilerplateGroup(
            regex=re.compile("|".join(f"(?P<{g}>{rx})" for g, (_, rx) in members.items())),
            anywhere=anywhere,
            max_length=max_length,
            names={g: name for g, (name, _) in members.items()},
        )
        for (anywhere, max_length), members in grouped.items()
    )


@cache
def boilerplate_groups() -> tuple[BoilerplateGroup, ...]:
    return _compile_groups(load_package_yaml("boilerplate.yaml"))


def boilerplate_kind(text: str) -> str | None:
    """The name of a boilerplate pattern the trimmed paragraph matches, if any."""
    for group in boilerplate_groups():
        if len(text) > group.max_length:
            continue
        found = group.regex.search(text) if group.anywhere else group.regex.match(text)
        if found is not None and found.lastgroup is not None:
            return group.names[found.lastgroup]
    return None


@cache
def _dateline_regex() -> re.Pattern[str]:
    return re.compile(load_package_yaml("boilerplate.yaml")["dateline"])


def dateline_end(text: str) -> int:
    """Length of the dateline that opens ``text`` ("TOULON, 14 oct 2025 (AFP) - "), or 0."""
    m = _dateline_regex().match(text)
    return m.end() if m is not None and len(m.group("city")) >= 2 else 0


def find_boilerplate(body: str, paragraphs: Sequence[Span]) -> tuple[Span, ...]:
    return tuple(p for p in paragraphs if boilerplate_kind(p.text(body)) is not None)
