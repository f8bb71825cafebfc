"""The workspace's source registry: `annotations/sources.yaml`.

Every source seen in the workspace, once, with its ratings, so that a reliability or a note set
in one article applies to that source in all of them. Each annotation file stays
self-contained (it carries the sources it uses); the registry is the shared view on top:

- `update_registry` merges an article's sources into it (on save), recording where each
  source appears;
- `apply_registry` proposes the registry's ratings to an article's sources (on open);
- both return `Conflict` records when the registry and a file disagree: a disagreement is
  shown to the user, never silently resolved (`resolve_conflict` settles one on request).

Sources are matched by a normalised name: casefolded, accents and leading articles dropped
("L'Express" = "Express"), and an acronym in parentheses counts as an alias ("… (NIS)").
Reading and writing reuse the annotation store's safe reader and atomic save.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from tui.model import RELIABILITY_LABELS, AnnotationSet, Source, unique_id
from tui.store import (
    LocatedMap,
    LocatedReader,
    StoreError,
    YamlDoc,
    YamlDumper,
    atomic_write_bytes,
    check_kind_and_reliability,
    emit_yaml,
    load_annotations,
    yaml_type_name,
)

REGISTRY_VERSION = 1
VERSION_KEY = "sourcecrit-sources"
REGISTRY_NAME = "sources.yaml"

_TOP_KEYS = (VERSION_KEY, "sources")
_SOURCE_KEYS = ("id", "name", "kind", "aliases", "reliability", "note", "appearances")
_APPEARANCE_KEYS = ("article", "claims")


# --- the model ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RegistrySource:
    id: str
    name: str
    kind: str = "unknown"
    aliases: tuple[str, ...] = ()
    reliability: str | None = None
    note: str = ""
    # (article path, number of claims whose chain goes through this source), sorted by path;
    # a tuple rather than a dict so the value stays immutable and hashable like the model's.
    appearances: tuple[tuple[str, int], ...] = ()

    @property
    def articles(self) -> int:
        return len(self.appearances)

    @property
    def claims(self) -> int:
        return sum(n for _, n in self.appearances)

    def match_keys(self) -> set[str]:
        return source_keys(self.name, self.aliases)


@dataclass(frozen=True)
class Registry:
    sources: tuple[RegistrySource, ...] = ()

    def source(self, source_id: str) -> RegistrySource | None:
        return self._by_id.get(source_id)

    @cached_property
    def _by_id(self) -> dict[str, RegistrySource]:
        return {s.id: s for s in self.sources}

    @cached_property
    def _by_key(self) -> dict[str, str]:
        """Normalised name or alias -> source id. The name wins over another's alias."""
        index: dict[str, str] = {}
        for s in self.sources:
            for key in source_keys(s.name, ()):
                index.setdefault(key, s.id)
        for s in self.sources:
            for key in s.match_keys():
                index.setdefault(key, s.id)
        return index


@dataclass(frozen=True)
class Conflict:
    """The registry and an article's file disagree on one field of one source."""

    source_id: str  # the registry's id
    name: str
    field: Literal["reliability", "note"]
    registry_value: str | None
    file_value: str | None
    article: str

    def line(self) -> str:
        def show(v: str | None) -> str:
            return "unset" if v is None or v == "" else repr(v) if self.field == "note" else v

        return (
            f"{self.name}: {self.field} {show(self.registry_value)} in the registry, "
            f"{show(self.file_value)} in {self.article}"
        )


# --- names --------------------------------------------------------------------------------

# Leading words that do not make a name different ("the Guardian" = "Guardian").
_LEADING = re.compile(r"^(?:(?:le|la|les|l|the|a|an|un|une|des|du|de|d)\s+)+")
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9&.\-]{1,11})\s*\)\s*$")
_NON_WORD = re.compile(r"[\W_]+")


def name_key(name: str) -> str:
    """The matching form of a name: no accents, casefolded, no punctuation or leading article."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = _NON_WORD.sub(" ", plain).strip()
    return _LEADING.sub("", words).strip()


def source_keys(name: str, aliases: Iterable[str]) -> set[str]:
    """Every key a source is known by: its name, its aliases and their acronyms."""
    keys: set[str] = set()
    for text in (name, *aliases):
        for candidate in (text, *_ACRONYM.findall(text)):
            key = name_key(candidate)
            if key:
                keys.add(key)
    return keys


def match_source(
    registry: Registry, name: str, aliases: Iterable[str] = ()
) -> RegistrySource | None:
    """The registry source known by this name (or one of these aliases), if any."""
    index = registry._by_key
    name_keys = source_keys(name, ())
    for key in sorted(name_keys):  # the name first: an alias may be shared more loosely
        if key in index:
            return registry._by_id[index[key]]
    for key in sorted(source_keys(name, aliases) - name_keys):
        if key in index:
            return registry._by_id[index[key]]
    return None


# --- merging ------------------------------------------------------------------------------


def claim_counts(annotations: AnnotationSet) -> dict[str, int]:
    """Source id -> number of claims whose chain goes through it (the article counts too)."""
    counts = {s.id: 0 for s in annotations.sources}
    for claim in annotations.claims:
        for source_id in {h.source for h in claim.chain}:
            counts[source_id] = counts.get(source_id, 0) + 1
    return counts


def _merge_aliases(target: RegistrySource, source: Source) -> tuple[str, ...]:
    aliases = list(target.aliases)
    known = {name_key(a) for a in (target.name, *aliases)}
    for alias in (source.name, *source.aliases):
        if name_key(alias) not in known:
            aliases.append(alias)
            known.add(name_key(alias))
    return tuple(aliases)


def update_registry(
    registry: Registry, annotations: AnnotationSet
) -> tuple[Registry, list[Conflict]]:
    """Merge one article's sources into the registry (called when the article is saved).

    The article's appearances are recomputed (a source it no longer uses loses it); a field the
    registry lacks is taken from the file; a field both have and disagree on is a `Conflict`,
    and the registry keeps its value until the user settles it (`resolve_conflict`).
    """
    article = annotations.article_path
    counts = claim_counts(annotations)
    sources: dict[str, RegistrySource] = {
        s.id: replace(s, appearances=tuple(a for a in s.appearances if a[0] != article))
        for s in registry.sources
    }
    conflicts: list[Conflict] = []
    current = Registry(tuple(sources.values()))
    for source in annotations.sources:
        found = match_source(current, source.name, source.aliases)
        appearance = (article, counts.get(source.id, 0))
        if found is None:
            new = RegistrySource(
                id=unique_id(source.id, set(sources)),
                name=source.name,
                kind=source.kind,
                aliases=source.aliases,
                reliability=source.reliability,
                note=source.note,
                appearances=(appearance,),
            )
            sources[new.id] = new
        else:
            target = sources[found.id]
            reliability, note = target.reliability, target.note
            if reliability is None:
                reliability = source.reliability
            elif source.reliability is not None and source.reliability != reliability:
                conflicts.append(
                    Conflict(
                        target.id,
                        target.name,
                        "reliability",
                        reliability,
                        source.reliability,
                        article,
                    )
                )
            if not note:
                note = source.note
            elif source.note and source.note != note:
                conflicts.append(
                    Conflict(target.id, target.name, "note", note, source.note, article)
                )
            sources[found.id] = replace(
                target,
                kind=source.kind if target.kind == "unknown" else target.kind,
                aliases=_merge_aliases(target, source),
                reliability=reliability,
                note=note,
                appearances=tuple(sorted({*target.appearances, appearance})),
            )
        current = Registry(tuple(sources.values()))
    return current, conflicts


def apply_registry(
    annotations: AnnotationSet, registry: Registry, *, override: bool = False
) -> tuple[AnnotationSet, list[Conflict]]:
    """Propose the registry's ratings to the article's matching sources (when it is opened).

    A field the article lacks is filled in; one it has and that differs is left alone and
    reported as a `Conflict`, unless `override` (the user chose the registry's value).
    """
    conflicts: list[Conflict] = []
    out = annotations
    for source in annotations.sources:
        found = match_source(registry, source.name, source.aliases)
        if found is None:
            continue
        changes: dict[str, Any] = {}
        for name in ("reliability", "note"):
            mine, theirs = getattr(source, name), getattr(found, name)
            if not theirs or mine == theirs:
                continue
            if not mine or override:
                changes[name] = theirs
            else:
                conflicts.append(
                    Conflict(found.id, found.name, name, theirs, mine, annotations.article_path)
                )
        if source.kind == "unknown" and found.kind != "unknown":
            changes["kind"] = found.kind
        if changes:
            out = out.replace_source(replace(source, **changes))
    return out, conflicts


_UNSET: Any = object()


def set_source(
    registry: Registry, source_id: str, *, reliability: Any = _UNSET, note: Any = _UNSET
) -> Registry:
    """Rate or annotate a source workspace-wide (the sources screen; a rating the user sets in
    an article should be set here too, so it is not mistaken for a conflict on save)."""
    source = registry.source(source_id)
    if source is None:
        raise KeyError(source_id)
    changes: dict[str, Any] = {}
    if reliability is not _UNSET:
        if reliability is not None and reliability not in RELIABILITY_LABELS:
            raise ValueError(f"reliability must be A-F, not {reliability!r}")
        changes["reliability"] = reliability
    if note is not _UNSET:
        changes["note"] = note
    new = replace(source, **changes)
    return Registry(tuple(new if s.id == source_id else s for s in registry.sources))


def resolve_conflict(
    registry: Registry, conflict: Conflict, keep: Literal["registry", "file"]
) -> Registry:
    """Settle a conflict in the registry. Keeping the registry's value changes nothing here: the
    caller then re-applies it to the article with `apply_registry(..., override=True)`."""
    if keep == "registry":
        return registry
    return set_source(registry, conflict.source_id, **{conflict.field: conflict.file_value})


# --- files --------------------------------------------------------------------------------


def registry_path(workspace: Path) -> Path:
    return Path(workspace) / "annotations" / REGISTRY_NAME


def annotation_files(workspace: Path) -> list[Path]:
    """The workspace's annotation files (not the registry, not hidden recovery files)."""
    folder = Path(workspace) / "annotations"
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.glob("*.yaml")
        if p.name != REGISTRY_NAME and not p.name.startswith(".") and p.is_file()
    )


def load_registry(workspace: Path) -> Registry:
    """The workspace's registry; an empty one when there is no file yet."""
    path = registry_path(workspace)
    if not path.exists():
        return Registry()
    return read_registry(path)


def read_registry(path: Path) -> Registry:
    """The registry in ``path``; StoreError (file, line, field, reason) when it is not one."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise StoreError(path, None, None, f"cannot read: {err.strerror or err}") from err
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise StoreError(path, raw.count(b"\n", 0, err.start) + 1, None, "not UTF-8 text") from None
    return parse_registry(text, str(path))


def parse_registry(text: str, path: str) -> Registry:
    root = LocatedReader(text.removeprefix("\ufeff"), path).read()
    if root is None:
        raise StoreError(path, None, None, "empty file: not a sourcecrit source registry")
    doc = YamlDoc(path, root)
    if not isinstance(root, LocatedMap):
        raise doc.error(
            (), f"expected a mapping at the top of the file, found {yaml_type_name(root)}"
        )
    if VERSION_KEY not in root:
        raise doc.error(
            (VERSION_KEY,),
            f"missing: not a source registry (expected '{VERSION_KEY}: {REGISTRY_VERSION}')",
        )
    version = root[VERSION_KEY]
    if type(version) is not int or not 1 <= version <= REGISTRY_VERSION:
        raise doc.error((VERSION_KEY,), f"unknown registry version {version!r}: update sourcecrit")
    doc.mapping(root, (), _TOP_KEYS, (VERSION_KEY,))
    sources: list[RegistrySource] = []
    seen: set[str] = set()
    for where, item in doc.seq(root, (), "sources"):
        m = doc.mapping(item, where, _SOURCE_KEYS, ("id", "name"))
        source_id = doc.text(m, where, "id")
        if not source_id:
            raise doc.error((*where, "id"), "must not be empty")
        if source_id in seen:
            raise doc.error((*where, "id"), f"duplicate source id {source_id!r}")
        seen.add(source_id)
        kind, reliability = check_kind_and_reliability(doc, m, where)
        appearances = []
        for w, a in doc.seq(m, where, "appearances"):
            am = doc.mapping(a, w, _APPEARANCE_KEYS, _APPEARANCE_KEYS)
            claims = doc.integer(am, w, "claims")
            if claims < 0:
                raise doc.error((*w, "claims"), f"must not be negative, not {claims}")
            appearances.append((doc.text(am, w, "article"), claims))
        sources.append(
            RegistrySource(
                id=source_id,
                name=doc.text(m, where, "name"),
                kind=kind,
                aliases=tuple(doc.item_text(a, w) for w, a in doc.seq(m, where, "aliases")),
                reliability=reliability,
                note=doc.text(m, where, "note", ""),
                appearances=tuple(sorted(appearances)),
            )
        )
    return Registry(tuple(sources))


def dump_registry(registry: Registry) -> str:
    tree: dict[str, Any] = {
        VERSION_KEY: REGISTRY_VERSION,
        "sources": [
            {
                "id": s.id,
                "name": s.name,
                "kind": s.kind,
                "aliases": list(s.aliases),
                "reliability": s.reliability,
                "note": s.note,
                "appearances": [{"article": a, "claims": n} for a, n in s.appearances],
            }
            for s in registry.sources
        ],
    }
    return emit_yaml(tree, YamlDumper)


def save_registry(registry: Registry, workspace: Path) -> Path:
    """Write `annotations/sources.yaml` atomically, as the store writes annotation files."""
    path = registry_path(workspace)
    atomic_write_bytes(path, dump_registry(registry).encode("utf-8"))
    return path


@dataclass(frozen=True)
class RebuildResult:
    registry: Registry
    conflicts: tuple[Conflict, ...] = ()
    errors: tuple[str, ...] = field(default_factory=tuple)  # one line per unreadable file


def rebuild_registry(workspace: Path, base: Registry | None = None) -> RebuildResult:
    """The registry from every annotation file of the workspace, in file-name order.

    With `base` (the saved registry), its ratings, notes and aliases are kept and only the
    appearances are recomputed; without it, the first file to rate a source sets the rating
    and any later file that disagrees is a conflict. An unreadable file is reported, skipped.
    """
    registry = Registry(tuple(replace(s, appearances=()) for s in (base or Registry()).sources))
    conflicts: list[Conflict] = []
    errors: list[str] = []
    for path in annotation_files(workspace):
        try:
            annotations = load_annotations(path).annotations
        except StoreError as err:
            errors.append(str(err))
            continue
        registry, found = update_registry(registry, annotations)
        conflicts.extend(found)
    return RebuildResult(registry, tuple(conflicts), tuple(errors))


def registry_is_stale(workspace: Path, registry: Registry | None = None) -> bool:
    """True when sources.yaml is missing, older than an annotation file, or counts another
    number of articles than there are annotation files (one was added or removed)."""
    path = registry_path(workspace)
    try:
        saved = path.stat().st_mtime
    except OSError:
        return True
    files = annotation_files(workspace)
    if any(p.stat().st_mtime > saved for p in files):
        return True
    if registry is None:
        return False
    articles = {a for s in registry.sources for a, _ in s.appearances}
    return len(articles) != len(files)
