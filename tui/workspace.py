"""The workspace: the folder holding `articles/` and `annotations/`.

Annotation files record their article's path relative to the workspace, so a workspace can
be moved, cloned or shared as a whole.
"""

from __future__ import annotations

from pathlib import Path


def workspace_of(annotation_path: Path) -> Path:
    """The folder holding annotations/ (article paths in annotation files are relative to it)."""
    folder = Path(annotation_path).resolve().parent
    return folder.parent if folder.name == "annotations" else folder


def resolve_article(article_path: str, annotation_path: Path) -> Path | None:
    """Where the article named in an annotation file is, or None when it cannot be found."""
    candidate = Path(article_path)
    if candidate.is_absolute():
        return candidate if candidate.is_file() else None
    for base in (workspace_of(annotation_path), Path.cwd()):
        if (base / candidate).is_file():
            return base / candidate
    return None


def article_path_for_file(article_path: Path, annotation_path: Path) -> str:
    """How an annotation file names its article: relative to the workspace when inside it."""
    if not Path(article_path).is_file():
        return str(article_path)  # standard input, or an article that is gone
    article = Path(article_path).resolve()
    workspace = workspace_of(annotation_path)
    if article.is_relative_to(workspace):
        return article.relative_to(workspace).as_posix()
    return str(article)
