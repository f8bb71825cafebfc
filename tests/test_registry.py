"""The source registry: one rating per source across the workspace, conflicts shown."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tui.articles import load_article
from tui.attribution import extract_claims, load_rules
from tui.model import AnnotationSet, Source
from tui.registry import (
    Registry,
    apply_registry,
    load_registry,
    match_source,
    name_key,
    rebuild_registry,
    registry_is_stale,
    registry_path,
    resolve_conflict,
    save_registry,
    set_source,
    update_registry,
)
from tui.store import StoreError, load_annotations, save_annotations

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "articles" / "coree-du-nord-russie.txt"
RELAY = (
    "---\noutlet: Le Temps\nlanguage: fr\n---\nSelon le Guardian, qui cite les services de "
    "renseignement sud-coréens (NIS), quelque 15 000 travailleurs nord-coréens auraient été "
    "envoyés en Russie.\n"
)


def annotations(path: str, *sources: Source) -> AnnotationSet:
    return AnnotationSet(article_path=path, sources=sources)


def with_source(ann: AnnotationSet, name: str, **changes) -> AnnotationSet:
    source = next(s for s in ann.sources if s.name == name)
    return ann.replace_source(replace(source, **changes))


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """Two extracted articles saved in a workspace: the seed and a relay of its NIS figure."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / SEED.name).write_text(SEED.read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "articles" / "relay.txt").write_text(RELAY, encoding="utf-8")
    for path in sorted((tmp_path / "articles").iterdir()):
        article = load_article(path)
        ann = extract_claims(article, load_rules(article.language))
        ann = replace(ann, article_path=f"articles/{path.name}")
        save_annotations(ann, article.body, tmp_path / "annotations" / f"{path.stem}.yaml")
    return tmp_path


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("L'Express", "Express"),
        ("The Guardian", "guardian"),
        ("ministère russe du Travail", "Le Ministere russe du travail"),
        ("Korea Herald", "le Korea Herald"),
    ],
)
def test_names_match_when_normalised(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_acronym_in_parentheses_is_an_alias() -> None:
    reg, _ = update_registry(
        Registry(),
        annotations("a.txt", Source("nis", "services de renseignements sud-coréens (NIS)")),
    )
    assert match_source(reg, "NIS") is not None


def test_update_merges_by_name_and_alias_and_records_appearances() -> None:
    a = annotations("articles/a.txt", Source("nis", "NIS", "intelligence", ("le NIS",)))
    b = annotations("articles/b.txt", Source("renseignement", "le NIS"))
    reg, conflicts = update_registry(Registry(), a)
    reg, conflicts = update_registry(reg, b)
    assert conflicts == []
    (nis,) = reg.sources
    assert nis.kind == "intelligence"
    assert [path for path, _ in nis.appearances] == ["articles/a.txt", "articles/b.txt"]


def test_unset_registry_takes_the_file_and_disagreement_is_a_conflict() -> None:
    a = annotations("a.txt", Source("nis", "NIS", reliability="B", note="briefing"))
    b = annotations("b.txt", Source("nis", "NIS", reliability="D"))
    reg, _ = update_registry(Registry(), annotations("z.txt", Source("nis", "NIS")))
    reg, conflicts = update_registry(reg, a)
    assert conflicts == [] and reg.sources[0].reliability == "B"
    reg, conflicts = update_registry(reg, b)
    assert len(conflicts) == 1
    c = conflicts[0]
    assert (c.field, c.registry_value, c.file_value, c.article) == (
        "reliability",
        "B",
        "D",
        "b.txt",
    )
    assert reg.sources[0].reliability == "B"  # not silently resolved
    assert "B in the registry, D in b.txt" in c.line()
    assert resolve_conflict(reg, c, "file").sources[0].reliability == "D"


def test_apply_proposes_ratings_and_reports_conflicts() -> None:
    reg, _ = update_registry(
        Registry(), annotations("a.txt", Source("nis", "NIS", reliability="B"))
    )
    unset = annotations("b.txt", Source("x", "le NIS"))
    applied, conflicts = apply_registry(unset, reg)
    assert applied.sources[0].reliability == "B" and conflicts == []
    rated = annotations("b.txt", Source("x", "NIS", reliability="C"))
    kept, conflicts = apply_registry(rated, reg)
    assert kept.sources[0].reliability == "C"
    assert [c.field for c in conflicts] == ["reliability"]
    forced, _ = apply_registry(rated, reg, override=True)
    assert forced.sources[0].reliability == "B"


def test_save_load_round_trip(tmp_path: Path) -> None:
    reg, _ = update_registry(
        Registry(),
        annotations(
            "articles/a: b.txt",
            Source("nis", "NIS", "intelligence", ("yes", "null"), "B", "ligne 1\nligne 2"),
        ),
    )
    path = save_registry(reg, tmp_path)
    assert path == tmp_path / "annotations" / "sources.yaml"
    assert path.read_text(encoding="utf-8").startswith("sourcecrit-sources: 1\n")
    assert load_registry(tmp_path) == reg
    assert [p.name for p in path.parent.iterdir()] == ["sources.yaml"]  # no temp file left


def test_missing_registry_is_empty(tmp_path: Path) -> None:
    assert load_registry(tmp_path) == Registry()


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("sources: []\n", "sourcecrit-sources: missing"),
        (
            "sourcecrit-sources: 1\nsources:\n- id: a\n  name: A\n  reliability: Z\n",
            ":5: sources[0].reliability",
        ),
        ("sourcecrit-sources: 1\nsources:\n- !!python/object:os.system {}\n", "disallowed tag"),
        ("sourcecrit-sources: 9\n", "update sourcecrit"),
        ("sourcecrit-sources: 1\nsources:\n- id: a\n  name: A\n  colour: red\n", "unknown field"),
    ],
)
def test_bad_registry_is_one_line_naming_file_line_field(
    tmp_path: Path, text: str, needle: str
) -> None:
    path = registry_path(tmp_path)
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StoreError) as err:
        load_registry(tmp_path)
    message = str(err.value)
    assert "\n" not in message and str(path) in message and needle in message, message


def test_rebuild_from_annotation_files(workspace: Path) -> None:
    result = rebuild_registry(workspace)
    assert result.errors == () and result.conflicts == ()
    nis = match_source(result.registry, "NIS")
    assert nis is not None and nis.articles == 2
    assert registry_is_stale(workspace)
    save_registry(result.registry, workspace)
    assert not registry_is_stale(workspace, result.registry)


def test_rebuild_reports_a_broken_file_and_goes_on(workspace: Path) -> None:
    (workspace / "annotations" / "broken.yaml").write_text("sourcecrit: [\n", encoding="utf-8")
    result = rebuild_registry(workspace)
    assert len(result.errors) == 1 and "broken.yaml" in result.errors[0]
    assert match_source(result.registry, "NIS") is not None


def test_a_rating_set_in_one_article_is_seen_in_another(workspace: Path) -> None:
    """The reader's save/open cycle: rate NIS while reading the seed, open the relay."""
    seed_file = workspace / "annotations" / f"{SEED.stem}.yaml"
    relay_file = workspace / "annotations" / "relay.yaml"
    registry = rebuild_registry(workspace).registry

    # Rate NIS in the seed, save the file and the registry.
    seed_body = load_article(workspace / "articles" / SEED.name).body
    seed = with_source(
        load_annotations(seed_file).annotations, "NIS", reliability="B", note="briefing"
    )
    save_annotations(seed, seed_body, seed_file)
    registry = set_source(
        registry, match_source(registry, "NIS").id, reliability="B", note="briefing"
    )
    registry, conflicts = update_registry(registry, seed)
    assert conflicts == []
    save_registry(registry, workspace)

    # Open the relay: the registry proposes the rating.
    relay = load_annotations(relay_file).annotations
    assert next(s for s in relay.sources if s.name == "NIS").reliability is None
    relay, conflicts = apply_registry(relay, load_registry(workspace))
    nis = next(s for s in relay.sources if s.name == "NIS")
    assert (nis.reliability, nis.note, conflicts) == ("B", "briefing", [])

    # A file that says otherwise is a conflict, shown, not overwritten.
    relay = with_source(relay, "NIS", reliability="E")
    registry, conflicts = update_registry(load_registry(workspace), relay)
    assert [(c.registry_value, c.file_value) for c in conflicts] == [("B", "E")]
    assert match_source(registry, "NIS").reliability == "B"
