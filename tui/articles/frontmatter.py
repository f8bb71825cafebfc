"""Optional YAML front matter between ``---`` lines at the very start of an article."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import yaml

from tui.articles.errors import BadText
from tui.articles.yamldata import SAFE_LOADER
from tui.model import ArticleMeta

# Six short keys never need more. The cap also keeps libyaml's recursive composer far from
# the nesting depth (tens of thousands of "[") at which it overflows the C stack.
MAX_FRONT_MATTER_CHARS = 16 * 1024

META_KEYS = ("title", "outlet", "url", "author", "published", "language")

_OPEN_RE = re.compile(r"---[ \t]*\n")
_CLOSE_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.MULTILINE)
_LEADING_BLANK_LINES_RE = re.compile(r"(?:[^\S\n]*\n)+")


@dataclass(frozen=True)
class Split:
    meta: ArticleMeta
    body: str
    had_front_matter: bool
    warnings: tuple[str, ...] = ()


def split_front_matter(text: str) -> Split:
    """Separate front matter from the body; the body loses leading blank lines and trailing
    whitespace (offsets are into the body, so what is cut here never shifts a span)."""
    opening = _OPEN_RE.match(text)
    if opening is None:
        return Split(ArticleMeta(), _trim_body(text), had_front_matter=False)
    closing = _CLOSE_RE.search(text, opening.end())
    if closing is None:
        raise BadText("front matter has no closing '---' line")
    if closing.start() - opening.end() > MAX_FRONT_MATTER_CHARS:
        raise BadText(f"front matter is longer than {MAX_FRONT_MATTER_CHARS // 1024} KB")
    data = _parse_yaml(text[opening.end() : closing.start()])
    meta, warnings = _meta_from(data)
    return Split(meta, _trim_body(text[closing.end() :]), True, tuple(warnings))


def _trim_body(text: str) -> str:
    blank = _LEADING_BLANK_LINES_RE.match(text)
    start = blank.end() if blank else 0
    return text[start:].rstrip()


def _parse_yaml(source: str) -> dict[Any, Any]:
    try:
        data = yaml.load(source, Loader=SAFE_LOADER)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        # +2: line numbers count from 1 and the opening "---" is line 1 of the file.
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise BadText(f"front matter is not valid YAML{where}: {err.problem or err}") from None
    except (yaml.YAMLError, ValueError, OverflowError, RecursionError) as err:
        # ValueError: a date that matches the YAML pattern but not the calendar (2025-02-30).
        raise BadText(f"front matter is not valid YAML: {err}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        kind = "list" if isinstance(data, list) else "single value"
        raise BadText(f"front matter must be a mapping of keys to values, not a {kind}")
    return data


def _meta_from(data: dict[Any, Any]) -> tuple[ArticleMeta, list[str]]:
    values: dict[str, str | None] = {}
    warnings = []
    for key in META_KEYS:
        try:
            values[key] = _as_text(data.get(key))
        except TypeError:
            warnings.append(f"front matter key {key!r} ignored: not a plain value or list")
    return ArticleMeta(**values), warnings


def _as_text(value: object) -> str | None:
    """Coerce a YAML value to the string the reader shows; dates become ISO strings."""
    if value is None:
        return None
    if isinstance(value, list):
        # Only flat lists (several authors): nested values could be alias bombs.
        if any(isinstance(v, (list, dict)) for v in value):
            raise TypeError("nested")
        parts = [p for p in (_as_text(v) for v in value) if p]
        return ", ".join(parts) or None
    if isinstance(value, dict):
        raise TypeError("mapping")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    text = str(value).strip()
    return text or None
