"""Annotation files name their article relative to the workspace, so a workspace can move."""

from __future__ import annotations

import shutil
from pathlib import Path

from tui.workspace import article_path_for_file, resolve_article, workspace_of


def make_workspace(root: Path) -> tuple[Path, Path]:
    (root / "articles").mkdir(parents=True)
    (root / "annotations").mkdir()
    article = root / "articles" / "a.txt"
    article.write_text("Le maire a déclaré que le pont rouvrirait lundi.\n", encoding="utf-8")
    return article, root / "annotations" / "a.yaml"


def test_article_inside_the_workspace_is_named_relatively(tmp_path: Path) -> None:
    article, annotations = make_workspace(tmp_path / "ws")
    assert workspace_of(annotations) == (tmp_path / "ws").resolve()
    assert article_path_for_file(article, annotations) == "articles/a.txt"


def test_a_moved_workspace_still_finds_its_article(tmp_path: Path) -> None:
    article, annotations = make_workspace(tmp_path / "ws")
    name = article_path_for_file(article, annotations)
    shutil.move(tmp_path / "ws", tmp_path / "moved")
    found = resolve_article(name, tmp_path / "moved" / "annotations" / "a.yaml")
    assert found is not None and found.read_text(encoding="utf-8").startswith("Le maire")


def test_article_outside_the_workspace_is_named_absolutely(tmp_path: Path) -> None:
    _, annotations = make_workspace(tmp_path / "ws")
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("x", encoding="utf-8")
    assert article_path_for_file(outside, annotations) == str(outside.resolve())
    assert resolve_article("articles/missing.txt", annotations) is None
