"""`extract_folder`: annotation files for articles lacking one, in parallel, never overwriting."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.batch import extract_folder, workspace_for
from tui.store import load_annotations

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "articles" / "coree-du-nord-russie.txt"
SHORT = "---\nlanguage: fr\n---\nSelon la préfecture, {n} personnes ont été évacuées à Lyon.\n"


def make_workspace(root: Path, copies: int = 4) -> Path:
    articles = root / "articles"
    articles.mkdir(parents=True)
    (articles / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    for i in range(copies):
        (articles / f"short-{i}.txt").write_text(SHORT.format(n=100 + i), encoding="utf-8")
    (articles / "notes.pdf").write_bytes(b"%PDF")  # not an article: ignored
    return root


def test_writes_only_missing_annotation_files(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path)
    existing = ws / "annotations" / "short-0.yaml"
    existing.parent.mkdir()
    existing.write_text("hours of review\n", encoding="utf-8")
    seen: list[tuple[int, int, str]] = []
    summary = extract_folder(
        ws / "articles", jobs=1, progress=lambda d, t, r: seen.append((d, t, r.status))
    )
    assert (summary.written, summary.skipped, summary.failed) == (4, 1, 0)
    assert existing.read_text(encoding="utf-8") == "hours of review\n"
    assert [d for d, _, _ in seen] == [1, 2, 3, 4, 5] and {t for _, t, _ in seen} == {5}
    seed = load_annotations(ws / "annotations" / "coree-du-nord-russie.yaml").annotations
    assert seed.article_path == "articles/coree-du-nord-russie.txt"
    assert summary.claims == sum(
        len(load_annotations(p).annotations.claims)
        for p in (ws / "annotations").glob("*.yaml")
        if p != existing
    )
    again = extract_folder(ws, jobs=2)  # the workspace itself works too
    assert (again.written, again.skipped) == (0, 5)


def test_a_broken_article_is_reported_and_the_rest_proceed(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path)
    (ws / "articles" / "junk.txt").write_bytes(os.urandom(4096))
    (ws / "articles" / "empty.txt").write_bytes(b"")
    summary = extract_folder(ws / "articles", jobs=2)
    assert summary.failed == 2 and summary.written == 5
    assert len(summary.errors) == 2
    assert all("\n" not in e for e in summary.errors)
    assert any("junk.txt" in e for e in summary.errors) and any(
        "empty.txt" in e for e in summary.errors
    )
    assert not (ws / "annotations" / "junk.yaml").exists()


def test_the_registry_name_is_reserved(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path, copies=0)
    (ws / "articles" / "sources.txt").write_text(SHORT.format(n=3), encoding="utf-8")
    summary = extract_folder(ws / "articles", jobs=1)
    assert summary.failed == 1 and "source registry" in summary.errors[0]


@pytest.mark.parametrize("jobs", [2, 3])
def test_parallel_gives_the_same_files(tmp_path: Path, jobs: int) -> None:
    one = make_workspace(tmp_path / "one", copies=6)
    many = make_workspace(tmp_path / "many", copies=6)
    s1 = extract_folder(one / "articles", jobs=1)
    s2 = extract_folder(many / "articles", jobs=jobs)
    assert s1 == s2
    names = sorted(p.name for p in (one / "annotations").iterdir())
    assert names == sorted(p.name for p in (many / "annotations").iterdir())
    for name in names:
        assert (one / "annotations" / name).read_bytes() == (
            many / "annotations" / name
        ).read_bytes()


def test_workspace_of_a_plain_folder(tmp_path: Path) -> None:
    assert workspace_for(tmp_path) == (tmp_path, tmp_path)
    (tmp_path / "articles").mkdir()
    assert workspace_for(tmp_path) == (tmp_path, tmp_path / "articles")
    assert workspace_for(tmp_path / "articles") == (tmp_path, tmp_path / "articles")
