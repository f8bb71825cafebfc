"""YAML load/save of an article's annotations: safe, atomic, validated, git-friendly.

The file format is described in docs/format.md. In short: `sourcecrit: 1` first, then the
article, its sources and its claims, in block style with keys in the order of the model's
fields; every span is stored as offsets *and* as a quote with context, so it can be found
again when the article changes (see `tui.anchoring`).

Both directions work on YAML *events* rather than on `yaml.dump`/`yaml.compose`:

- writing emits the events of a known shape straight to the (C) emitter: no representer
  pass, no anchors or aliases, and the style of each string chosen here (literal blocks for
  notes, double quotes for anything with a line break or a control character);
- reading builds plain dicts and lists from the (C) parser's events, remembering the line of
  every value, so each error can name file, line and field. Tags are checked against a short
  list of plain YAML types *before* anything is constructed: a `!!python/...` tag is refused,
  never executed. Aliases and duplicate keys are refused too.

This is also several times faster than the node-based API for a file of 10,000 claims.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, NoReturn

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import ScalarNode

from tui.anchoring import (
    CONTEXT_CHARS,
    AnchorReport,
    Relocation,
    SpanRef,
    claim_spans,
    quote_for,
    reanchor_annotations,
)
from tui.model import (
    CREDIBILITY_LABELS,
    FORMAT_VERSION,
    RELIABILITY_LABELS,
    SOURCE_KINDS,
    AnnotationSet,
    ArticleMeta,
    Claim,
    Hop,
    Note,
    Source,
    Span,
    Status,
    TextQuote,
    body_sha256,
)

# The C parser and emitter when PyYAML was built with libyaml, else the pure-Python ones.
_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
YamlDumper: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

WIDTH = 2**31 - 1  # never fold a line: a quote stays on one line, and in one diff hunk
STALE_TEMP_SECONDS = 600  # a temp file this old is debris of a crashed save, not a live one
VERSION_KEY = "sourcecrit"


def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


# The keys of each mapping, in the order they are written: that of the model's fields.
_TOP_KEYS = (VERSION_KEY, "article", "sources", "claims")
_META_KEYS = _names(ArticleMeta)
_ARTICLE_KEYS = ("path", "sha256", *_META_KEYS)
_SOURCE_KEYS = _names(Source)
_CLAIM_KEYS = _names(Claim)
_HOP_KEYS = _names(Hop)
_NOTE_KEYS = _names(Note)
_SPAN_KEYS = ("start", "end", *_names(TextQuote), "orphan")
_STATUSES = tuple(s.value for s in Status)


class StoreError(Exception):
    """A file that cannot be read or written; `str()` is one line: `path:line: field: reason`."""

    def __init__(
        self, path: str | os.PathLike[str], line: int | None, field: str | None, reason: str
    ) -> None:
        self.path = str(path)
        self.line = line
        self.field = field
        self.reason = " ".join(reason.split())  # one line, whatever the cause said
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.field}: {self.reason}" if self.field else f"{where}: {self.reason}"


# --- paths -------------------------------------------------------------------------------


def annotation_path_for(article_path: Path, workspace: Path | None = None) -> Path:
    """`annotations/<stem>.yaml` in the workspace: the folder that holds `articles/`."""
    if workspace is None:
        parent = article_path.parent
        workspace = parent.parent if parent.name == "articles" else Path.cwd()
    return workspace / "annotations" / f"{article_path.stem}.yaml"


def recovery_path_for(annotation_path: Path) -> Path:
    """The hidden file beside an annotation file where unsaved work is kept."""
    return annotation_path.with_name(f".{annotation_path.stem}.recovery.yaml")


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


# --- writing -----------------------------------------------------------------------------


class _Literal(str):
    """A string written as a literal block (`|`) when it spans lines: notes."""


# Line breaks YAML would fold or normalise inside plain, single-quoted or block scalars:
# a string holding any of them is written double-quoted, where they are escaped.
_NEEDS_ESCAPES = re.compile(r"[\n\r\x85\u2028\u2029]")
# Characters a literal block would not carry through unchanged (the emitter checks most of
# this too; checking here keeps the choice the same with the C and the Python emitter).
_NOT_LITERAL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\r\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]|[ \t]\n|[ \t]$"
)
_STR_TAG = "tag:yaml.org,2002:str"
# Plain scalars PyYAML reads as strings but YAML 1.2 tools or the YAML 1.1 spec read as
# numbers or booleans (`1e3`, `0o17`, `y`): quoted too, so other tools see the same file.
_OTHER_SCHEMAS = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|[yYnN]|="
)


def save_annotations(annotations: AnnotationSet, body: str, path: Path) -> None:
    """Write the annotations atomically: the file is the old one or the new one, never half."""
    path = Path(path)
    atomic_write_bytes(path, dump_annotations(annotations, body, path=str(path)).encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves the old file or the new one, whole.

    A temp file in the same folder is written and fsynced, then renamed over the target,
    and the folder is fsynced so the rename survives a power cut. Failures are StoreErrors.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_temp_prefix(path), suffix=".tmp")
    except OSError as err:
        raise StoreError(path, None, None, f"cannot write: {err.strerror or err}") from err
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        _copy_mode(path, tmp)
        os.replace(tmp, path)
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(err, OSError):
            raise StoreError(path, None, None, f"cannot write: {err.strerror or err}") from err
        raise
    _fsync_dir(path.parent)
    _remove_stale_temps(path)


def _copy_mode(path: Path, tmp: str) -> None:
    """mkstemp makes the file private (0600); keep the mode of the file being replaced."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = 0o644
    with contextlib.suppress(OSError):  # a file system without modes: not worth failing for
        os.chmod(tmp, mode)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # some systems cannot open a folder; the rename is done all the same
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_stale_temps(path: Path) -> None:
    """Temp files left by saves that were killed; recent ones may belong to a live save."""
    cutoff = time.time() - STALE_TEMP_SECONDS
    for tmp in path.parent.glob(f"{glob.escape(_temp_prefix(path))}*.tmp"):
        with contextlib.suppress(OSError):
            if tmp.stat().st_mtime < cutoff:
                tmp.unlink()


def dump_annotations(annotations: AnnotationSet, body: str, *, path: str = "<annotations>") -> str:
    """The YAML text of the annotations of `body` (also written: the sha256 of `body`)."""
    _check_model(annotations, body, path)
    tree = _document(annotations, body)
    try:
        text = emit_yaml(tree, YamlDumper)
        if "\\U" in text and YamlDumper is not yaml.SafeDumper:
            # libyaml escapes characters beyond U+FFFF (emoji) as \U0001F44D; the Python
            # emitter writes them as they are, and otherwise writes the very same text.
            text = emit_yaml(tree, yaml.SafeDumper)
        return text
    except UnicodeEncodeError as err:
        # Only a lone surrogate can get here: it has no UTF-8 form, so no file can hold it.
        where = _field_matching(tree, re.compile("[\ud800-\udfff]"))
        raise StoreError(path, None, where, f"cannot be saved as UTF-8: {err.reason}") from err


def _document(annotations: AnnotationSet, body: str) -> dict[str, Any]:
    meta = annotations.meta
    return {
        VERSION_KEY: FORMAT_VERSION,
        "article": {
            "path": annotations.article_path,
            "sha256": body_sha256(body),
            **{key: getattr(meta, key) for key in _META_KEYS},
        },
        "sources": [_source_data(s) for s in annotations.sources],
        "claims": [_claim_data(c, body) for c in annotations.claims],
    }


def _source_data(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "name": source.name,
        "kind": source.kind,
        "aliases": list(source.aliases),
        "reliability": source.reliability,
        "note": _Literal(source.note),
    }


def _claim_data(claim: Claim, body: str) -> dict[str, Any]:
    return {
        "id": claim.id,
        "span": _span_data(claim.span, body),
        "cue": None if claim.cue is None else _span_data(claim.cue, body),
        "chain": [
            {
                "source": h.source,
                "mention": None if h.mention is None else _span_data(h.mention, body),
                "inferred": h.inferred,
            }
            for h in claim.chain
        ],
        "hedges": [_span_data(h, body) for h in claim.hedges],
        "anonymous": claim.anonymous,
        "status": claim.status.value,
        "credibility": claim.credibility,
        "notes": [
            {"text": _Literal(n.text), "created": n.created, "updated": n.updated}
            for n in claim.notes
        ],
    }


def _span_data(span: Span, body: str) -> dict[str, Any]:
    quote = quote_for(span, body, CONTEXT_CHARS)
    data: dict[str, Any] = {
        "start": span.start,
        "end": span.end,
        "exact": quote.exact,
        "prefix": quote.prefix,
        "suffix": quote.suffix,
    }
    if span.orphan is not None:
        data["orphan"] = True
    return data


def _check_model(annotations: AnnotationSet, body: str, path: str) -> None:
    """Refuse to write what could not be read back: the same rules as loading."""
    problem = next(_model_problems(annotations, len(body)), None)
    if problem is not None:
        raise StoreError(path, None, *problem)


def _model_problems(annotations: AnnotationSet, body_len: int) -> Iterator[tuple[str, str]]:
    source_ids: set[str] = set()
    for i, source in enumerate(annotations.sources):
        if not source.id:
            yield f"sources[{i}].id", "must not be empty"
        if source.id in source_ids:
            yield f"sources[{i}].id", f"duplicate source id {source.id!r}"
        source_ids.add(source.id)
    claim_ids: set[str] = set()
    for i, claim in enumerate(annotations.claims):
        where = f"claims[{i}]"
        if not claim.id:
            yield f"{where}.id", "must not be empty"
        if claim.id in claim_ids:
            yield f"{where}.id", f"duplicate claim id {claim.id!r}"
        claim_ids.add(claim.id)
        for j, hop in enumerate(claim.chain):
            if hop.source not in source_ids:
                yield f"{where}.chain[{j}].source", f"unknown source id {hop.source!r}"
        for ref, span in claim_spans(claim):
            if span.orphan is None and span.end > body_len:
                yield (
                    f"{where}.{_SPAN_FIELDS[ref.role].format(ref.index)}.end",
                    f"{span.end} is past the end of the article ({body_len} characters)",
                )


# Where each role of `SpanRef` lives in a claim of the file.
_SPAN_FIELDS = {"span": "span", "cue": "cue", "mention": "chain[{}].mention", "hedge": "hedges[{}]"}


def emit_yaml(tree: dict[str, Any], dumper_class: type) -> str:
    chunks: list[str] = []

    class _Sink:
        write = chunks.append

    dumper = dumper_class(
        _Sink(),
        allow_unicode=True,
        width=WIDTH,
        indent=2,
        default_flow_style=False,
        line_break="\n",
    )
    try:
        dumper.emit(StreamStartEvent(encoding=None))
        dumper.emit(DocumentStartEvent(explicit=False))
        _emit_value(dumper, tree)
        dumper.emit(DocumentEndEvent(explicit=False))
        dumper.emit(StreamEndEvent())
    finally:
        dumper.dispose()
    return "".join(chunks)


def _emit_value(dumper: Any, value: Any) -> None:
    if isinstance(value, dict):
        dumper.emit(MappingStartEvent(None, None, True, flow_style=False))
        for key, item in value.items():
            dumper.emit(ScalarEvent(None, None, (True, False), key))
            _emit_value(dumper, item)
        dumper.emit(MappingEndEvent())
    elif isinstance(value, list):
        dumper.emit(SequenceStartEvent(None, None, True, flow_style=False))
        for item in value:
            _emit_value(dumper, item)
        dumper.emit(SequenceEndEvent())
    elif isinstance(value, str):
        _emit_str(dumper, value)
    elif value is None:
        dumper.emit(ScalarEvent(None, None, (True, False), "null"))
    elif isinstance(value, bool):
        dumper.emit(ScalarEvent(None, None, (True, False), "true" if value else "false"))
    else:
        dumper.emit(ScalarEvent(None, None, (True, False), str(int(value))))


def _emit_str(dumper: Any, value: str) -> None:
    style: str | None = None
    if _NEEDS_ESCAPES.search(value):
        literal = isinstance(value, _Literal) and not _NOT_LITERAL.search(value)
        style = "|" if literal else '"'
    # Plain only if it would read back as this string (not `yes`, `null`, `1e3`, ...);
    # otherwise the emitter picks quotes itself.
    plain = dumper.resolve(ScalarNode, value, (True, False)) == _STR_TAG
    plain = plain and not _OTHER_SCHEMAS.fullmatch(value)
    dumper.emit(ScalarEvent(None, None, (plain, True), str(value), style=style))


def _field_matching(tree: Any, pattern: re.Pattern[str], where: str = "") -> str | None:
    """The first field of the document tree whose text matches `pattern`."""
    if isinstance(tree, dict):
        items: Any = ((f"{where}.{k}" if where else k, v) for k, v in tree.items())
    elif isinstance(tree, list):
        items = ((f"{where}[{i}]", v) for i, v in enumerate(tree))
    else:
        return where if isinstance(tree, str) and pattern.search(tree) else None
    for name, value in items:
        found = _field_matching(value, pattern, name)
        if found:
            return found
    return None


# --- reading: YAML events to located plain data -----------------------------------------


class LocatedMap(dict):
    """A mapping read from YAML, with the line of itself and of each value (1-based)."""

    __slots__ = ("line", "lines")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: dict[str, int] = {}


class _Seq(list):
    __slots__ = ("line", "lines")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: list[int] = []


_YAML_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_YAML_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_COLLECTION_TAGS = {None, "!", _YAML_TAG + "map", _YAML_TAG + "seq"}
_CONSTRUCTOR = SafeConstructor()
# Characters YAML does not allow in a file at all (they must be escaped in double quotes).
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _show_tag(tag: str) -> str:
    return "!!" + tag[len(_YAML_TAG) :] if tag.startswith(_YAML_TAG) else tag


class LocatedReader:
    """Turns the parser's events into `LocatedMap`/`_Seq`/scalars, refusing what is not
    plain data."""

    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        self.stack: list[LocatedMap | _Seq] = []  # the open collections, root first
        self.trail: list[str | int] = []  # the key or index of each open collection but the root
        self.keys: list[str | None] = []  # per open collection: a mapping's key awaiting its value

    def fail(self, line: int | None, reason: str) -> NoReturn:
        raise StoreError(self.path, line, self._field(), reason)

    def _field(self) -> str | None:
        """Where reading has got to, as a dotted field path."""
        parts = list(self.trail)
        if self.stack:
            top = self.stack[-1]
            if isinstance(top, _Seq):
                parts.append(len(top))
            elif self.keys[-1] is not None:
                parts.append(self.keys[-1])
        return _dotted(tuple(parts)) or None

    def read(self) -> Any:
        bad = _UNPRINTABLE.search(self.text)
        if bad:
            line = self.text.count("\n", 0, bad.start()) + 1
            code = f"U+{ord(bad.group()):04X}"
            raise StoreError(self.path, line, None, f"character {code} is not allowed in YAML")
        parser = _Loader(self.text)
        try:
            return self._events(parser)
        except yaml.MarkedYAMLError as err:
            mark = err.problem_mark or err.context_mark
            line = mark.line + 1 if mark is not None else None
            reason = " ".join(str(p) for p in (err.context, err.problem) if p)
            # The field is where reading had got to: the parser stops at the first problem.
            raise StoreError(self.path, line, self._field(), f"invalid YAML: {reason}") from None
        except yaml.YAMLError as err:
            raise StoreError(self.path, None, self._field(), f"invalid YAML: {err}") from None
        finally:
            parser.dispose()

    def _events(self, parser: Any) -> Any:
        root: Any = None
        documents = 0
        while True:
            event = parser.get_event()
            line = event.start_mark.line + 1
            if isinstance(event, ScalarEvent):
                self._scalar(event, line, parser)
            elif isinstance(event, MappingStartEvent | SequenceStartEvent):
                node = self._open(event, line)
                root = node if root is None else root
            elif isinstance(event, MappingEndEvent | SequenceEndEvent):
                self._close()
            elif isinstance(event, AliasEvent):
                self.fail(line, f"YAML aliases (*{event.anchor}) are not allowed")
            elif isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.fail(line, "more than one YAML document in the file")
            elif isinstance(event, StreamEndEvent):
                return root

    def _open(self, event: MappingStartEvent | SequenceStartEvent, line: int) -> LocatedMap | _Seq:
        if event.tag not in _COLLECTION_TAGS:
            self.fail(line, f"disallowed tag {_show_tag(event.tag)}: only plain YAML")
        node = LocatedMap(line) if isinstance(event, MappingStartEvent) else _Seq(line)
        if self.stack:
            top = self.stack[-1]
            if isinstance(top, _Seq):
                self.trail.append(len(top))
                top.append(node)
                top.lines.append(line)
            elif self.keys[-1] is None:
                self.fail(line, "a mapping or list cannot be a key")
            else:
                self.trail.append(self.keys[-1])  # the key stays pending until the node closes
                top[self.keys[-1]] = node
        self.stack.append(node)
        self.keys.append(None)
        return node

    def _close(self) -> None:
        self.stack.pop()
        self.keys.pop()
        if self.trail:
            self.trail.pop()
        if self.stack:
            self.keys[-1] = None

    def _scalar(self, event: ScalarEvent, line: int, parser: Any) -> None:
        if not self.stack:
            self.fail(line, "expected a mapping at the top of the file")
        top = self.stack[-1]
        if isinstance(top, _Seq):
            top.append(self._construct(event, line, parser))
            top.lines.append(line)
        elif self.keys[-1] is None:
            # Keys are names: taken as written (`null:` is the unknown key "null").
            if event.tag not in (None, "!", _YAML_TAG + "str"):
                self.fail(line, f"disallowed tag {_show_tag(event.tag)} on a key")
            key = event.value
            self.keys[-1] = key  # so that an error names it
            if key in top:
                self.fail(line, f"duplicate key {key!r}")
            top.lines[key] = line  # a field's line is that of its key
        else:
            top[self.keys[-1]] = self._construct(event, line, parser)
            self.keys[-1] = None

    def _construct(self, event: ScalarEvent, line: int, parser: Any) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            tag = parser.resolve(ScalarNode, event.value, event.implicit)
        if tag == _YAML_TAG + "str":
            return event.value
        if tag not in _SCALAR_TAGS:
            self.fail(line, f"disallowed tag {_show_tag(tag)}: only plain YAML")
        try:
            # Straight to the safe scalar constructor: no caching of nodes, nothing else run.
            return SafeConstructor.yaml_constructors[tag](
                _CONSTRUCTOR, ScalarNode(tag, event.value)
            )
        except (ValueError, yaml.YAMLError) as err:
            self.fail(line, f"bad {_show_tag(tag)} value {event.value!r}: {err}")


def _dotted(parts: tuple[str | int, ...]) -> str:
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


# --- reading: located data to the model ---------------------------------------------------

_REQUIRED = object()
Where = tuple[str | int, ...]


class YamlDoc:
    """Typed access to the located data, every error naming file, line and field."""

    def __init__(self, path: str, root: LocatedMap) -> None:
        self.path = path
        self.root = root

    def error(self, where: Where, reason: str) -> StoreError:
        return StoreError(self.path, self._line(where), _dotted(where) or None, reason)

    def _line(self, where: Where) -> int | None:
        node: Any = self.root
        line = self.root.line
        for part in where:
            if isinstance(node, LocatedMap) and isinstance(part, str) and part in node.lines:
                line = node.lines[part]
                node = node.get(part)
            elif isinstance(node, _Seq) and isinstance(part, int) and part < len(node):
                line = node.lines[part]
                node = node[part]
            else:
                break  # a missing field: the line of the mapping that lacks it
        return line

    def mapping(
        self, value: Any, where: Where, keys: tuple[str, ...], required: tuple[str, ...]
    ) -> LocatedMap:
        if not isinstance(value, LocatedMap):
            raise self.error(where, f"expected a mapping, found {yaml_type_name(value)}")
        for key in value:
            if key not in keys:
                raise self.error((*where, key), f"unknown field (expected: {', '.join(keys)})")
        for key in required:
            if key not in value:
                raise self.error((*where, key), "missing required field")
        return value

    def seq(self, m: LocatedMap, where: Where, key: str) -> list[tuple[Where, Any]]:
        value = m.get(key, [])
        if not isinstance(value, list):
            raise self.error((*where, key), f"expected a list, found {yaml_type_name(value)}")
        return [((*where, key, i), item) for i, item in enumerate(value)]

    def text(self, m: LocatedMap, where: Where, key: str, default: Any = _REQUIRED) -> Any:
        """A string; `default` None makes null acceptable."""
        value = m.get(key, default)
        if isinstance(value, str) or (value is None and default is None):
            return value
        hint = " (quote it)" if not isinstance(value, LocatedMap | list) else ""
        raise self.error((*where, key), f"expected a string, found {yaml_type_name(value)}{hint}")

    def item_text(self, value: Any, where: Where) -> str:
        if isinstance(value, str):
            return value
        raise self.error(where, f"expected a string, found {yaml_type_name(value)}")

    def integer(self, m: LocatedMap, where: Where, key: str, default: Any = _REQUIRED) -> Any:
        value = m.get(key, default)
        if type(value) is int or (value is None and default is None):  # bool is not an int here
            return value
        raise self.error((*where, key), f"expected a whole number, found {yaml_type_name(value)}")

    def flag(self, m: LocatedMap, where: Where, key: str, default: bool) -> bool:
        value = m.get(key, default)
        if isinstance(value, bool):
            return value
        raise self.error((*where, key), f"expected true or false, found {yaml_type_name(value)}")


def yaml_type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the string {value!r}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__} ({value})"


@dataclass(frozen=True)
class LoadReport:
    """What loading found: which spans moved or were lost, and whether the article changed."""

    path: str
    stored_sha256: str
    body_sha256: str | None = None  # None: loaded without the article, nothing was checked
    anchoring: AnchorReport = field(default_factory=AnchorReport)

    @property
    def sha_changed(self) -> bool:
        return self.body_sha256 is not None and self.body_sha256 != self.stored_sha256

    @property
    def orphans(self) -> tuple[Relocation, ...]:
        return self.anchoring.orphans

    @property
    def moved(self) -> tuple[Relocation, ...]:
        return self.anchoring.moved

    def lines(self) -> list[str]:
        out = []
        if self.sha_changed:
            out.append(f"{self.path}: the article changed since these annotations were saved")
        return out + [f"{self.path}: {line}" for line in self.anchoring.lines()]


@dataclass(frozen=True)
class LoadResult:
    annotations: AnnotationSet
    report: LoadReport


def load_annotations(path: Path, body: str | None = None) -> LoadResult:
    """Read and validate an annotation file; with `body`, re-anchor its spans against it."""
    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        raise StoreError(path, None, None, f"cannot read: {err.strerror or err}") from err
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise StoreError(path, line, None, "not UTF-8 text") from None
    return parse_annotations(text, str(path), body)


def parse_annotations(text: str, path: str, body: str | None = None) -> LoadResult:
    """Parse annotation YAML; see `load_annotations`."""
    text = text.removeprefix("\ufeff")
    root = LocatedReader(text, path).read()
    if root is None:
        raise StoreError(path, None, None, "empty file: not a sourcecrit annotation file")
    doc = YamlDoc(path, root)
    if not isinstance(root, LocatedMap):
        raise doc.error(
            (), f"expected a mapping at the top of the file, found {yaml_type_name(root)}"
        )
    _check_version(doc, root)
    doc.mapping(root, (), _TOP_KEYS, (VERSION_KEY, "article"))
    article = doc.mapping(root["article"], ("article",), _ARTICLE_KEYS, ("path",))
    stored_sha = doc.text(article, ("article",), "sha256", "")
    # Offsets are only checked against a body they were computed on.
    body_len = len(body) if body is not None and body_sha256(body) == stored_sha else None
    sources = _parse_sources(doc, root)
    quotes: dict[SpanRef, TextQuote] = {}
    known = {s.id for s in sources}
    claims = _parse_claims(doc, root, known, quotes, body_len)
    annotations = AnnotationSet(
        article_path=doc.text(article, ("article",), "path"),
        meta=ArticleMeta(**{k: doc.text(article, ("article",), k, None) for k in _META_KEYS}),
        sha256=stored_sha,
        sources=sources,
        claims=claims,
    )
    if body is None:
        return LoadResult(annotations, LoadReport(path, stored_sha))
    anchored, anchoring = reanchor_annotations(annotations, quotes, body)
    current_sha = body_sha256(body)
    report = LoadReport(path, stored_sha, current_sha, anchoring)
    return LoadResult(replace(anchored, sha256=current_sha), report)


def _check_version(doc: YamlDoc, root: LocatedMap) -> None:
    if VERSION_KEY not in root:
        raise doc.error(
            (VERSION_KEY,),
            f"missing: not a sourcecrit annotation file "
            f"(expected 'sourcecrit: {FORMAT_VERSION}' at the top)",
        )
    version = root[VERSION_KEY]
    if type(version) is not int:
        raise doc.error(
            (VERSION_KEY,), f"format version must be a whole number, not {yaml_type_name(version)}"
        )
    if version < 1:
        raise doc.error((VERSION_KEY,), f"no format version {version} exists")
    if version > FORMAT_VERSION:
        raise doc.error(
            (VERSION_KEY,),
            f"format version {version} is newer than this sourcecrit reads "
            f"({FORMAT_VERSION}): update sourcecrit",
        )


def check_kind_and_reliability(doc: YamlDoc, m: LocatedMap, where: Where) -> tuple[str, str | None]:
    """A source's `kind` and `reliability`, checked (shared with the source registry)."""
    kind = doc.text(m, where, "kind", "unknown")
    if kind not in SOURCE_KINDS:
        raise doc.error(
            (*where, "kind"), f"unknown kind {kind!r} (one of: {', '.join(SOURCE_KINDS)})"
        )
    reliability = doc.text(m, where, "reliability", None)
    if reliability is not None and reliability not in RELIABILITY_LABELS:
        raise doc.error((*where, "reliability"), f"must be A-F or null, not {reliability!r}")
    return kind, reliability


def _parse_sources(doc: YamlDoc, root: LocatedMap) -> tuple[Source, ...]:
    sources: list[Source] = []
    seen: set[str] = set()
    for where, item in doc.seq(root, (), "sources"):
        m = doc.mapping(item, where, _SOURCE_KEYS, ("id", "name"))
        source_id = _ident(doc, m, where, seen, "source")
        kind, reliability = check_kind_and_reliability(doc, m, where)
        aliases = tuple(doc.item_text(a, w) for w, a in doc.seq(m, where, "aliases"))
        sources.append(
            Source(
                id=source_id,
                name=doc.text(m, where, "name"),
                kind=kind,
                aliases=aliases,
                reliability=reliability,
                note=doc.text(m, where, "note", ""),
            )
        )
    return tuple(sources)


def _ident(doc: YamlDoc, m: LocatedMap, where: Where, seen: set[str], what: str) -> str:
    value = doc.text(m, where, "id")
    if not value:
        raise doc.error((*where, "id"), "must not be empty")
    if value in seen:
        raise doc.error((*where, "id"), f"duplicate {what} id {value!r}")
    seen.add(value)
    return value


def _parse_claims(
    doc: YamlDoc,
    root: LocatedMap,
    known_sources: set[str],
    quotes: dict[SpanRef, TextQuote],
    body_len: int | None,
) -> tuple[Claim, ...]:
    claims: list[Claim] = []
    seen: set[str] = set()

    def span(value: Any, where: Where, ref: SpanRef) -> Span:
        parsed, quote = _parse_span(doc, value, where, body_len)
        quotes[ref] = quote
        return parsed

    for where, item in doc.seq(root, (), "claims"):
        m = doc.mapping(item, where, _CLAIM_KEYS, ("id", "span"))
        cid = _ident(doc, m, where, seen, "claim")
        cue = m.get("cue")
        chain = []
        for i, (w, hop) in enumerate(doc.seq(m, where, "chain")):
            h = doc.mapping(hop, w, _HOP_KEYS, ("source",))
            source = doc.text(h, w, "source")
            if source not in known_sources:
                raise doc.error((*w, "source"), f"unknown source id {source!r}")
            mention = h.get("mention")
            chain.append(
                Hop(
                    source=source,
                    mention=None
                    if mention is None
                    else span(mention, (*w, "mention"), SpanRef(cid, "mention", i)),
                    inferred=doc.flag(h, w, "inferred", False),
                )
            )
        status = doc.text(m, where, "status", Status.SUGGESTED.value)
        if status not in _STATUSES:
            raise doc.error(
                (*where, "status"), f"unknown status {status!r} (one of: {', '.join(_STATUSES)})"
            )
        credibility = doc.integer(m, where, "credibility", None)
        if credibility is not None and credibility not in CREDIBILITY_LABELS:
            raise doc.error((*where, "credibility"), f"must be 1-6 or null, not {credibility}")
        claims.append(
            Claim(
                id=cid,
                span=span(m["span"], (*where, "span"), SpanRef(cid, "span")),
                cue=None if cue is None else span(cue, (*where, "cue"), SpanRef(cid, "cue")),
                chain=tuple(chain),
                hedges=tuple(
                    span(h, w, SpanRef(cid, "hedge", i))
                    for i, (w, h) in enumerate(doc.seq(m, where, "hedges"))
                ),
                anonymous=doc.flag(m, where, "anonymous", False),
                status=Status(status),
                credibility=credibility,
                notes=tuple(_parse_note(doc, n, w) for w, n in doc.seq(m, where, "notes")),
            )
        )
    return tuple(claims)


def _parse_note(doc: YamlDoc, value: Any, where: Where) -> Note:
    m = doc.mapping(value, where, _NOTE_KEYS, _NOTE_KEYS)
    return Note(
        text=doc.text(m, where, "text"),
        created=doc.text(m, where, "created"),
        updated=doc.text(m, where, "updated"),
    )


def _parse_span(
    doc: YamlDoc, value: Any, where: Where, body_len: int | None
) -> tuple[Span, TextQuote]:
    m = doc.mapping(value, where, _SPAN_KEYS, ("start", "end", "exact"))
    start = doc.integer(m, where, "start")
    end = doc.integer(m, where, "end")
    if start < 0:
        raise doc.error((*where, "start"), f"must not be negative, not {start}")
    if end < start:
        raise doc.error((*where, "end"), f"{end} is before the start ({start})")
    if body_len is not None and end > body_len:
        raise doc.error(
            (*where, "end"), f"{end} is past the end of the article ({body_len} characters)"
        )
    quote = TextQuote(
        exact=doc.text(m, where, "exact"),
        prefix=doc.text(m, where, "prefix", ""),
        suffix=doc.text(m, where, "suffix", ""),
    )
    orphan = doc.flag(m, where, "orphan", False)
    return Span(start, end, orphan=quote if orphan else None), quote
