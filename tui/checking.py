"""`sourcecrit check`: validate annotation files and report what no longer anchors."""

from __future__ import annotations

from pathlib import Path

from tui.articles import ArticleError, load_article
from tui.registry import REGISTRY_NAME, read_registry
from tui.store import StoreError, load_annotations
from tui.workspace import resolve_article, workspace_of


def check_annotation_file(path: Path) -> tuple[bool, list[str]]:
    """(valid?, lines to print). A valid file with orphans is still valid: orphans are kept.
    The workspace's source registry (``annotations/sources.yaml``, which a shell glob of the
    folder includes) is checked as a registry."""
    if path.name == REGISTRY_NAME:
        try:
            registry = read_registry(path)
        except StoreError as err:
            return False, [str(err)]
        return True, [f"{path}: valid source registry ({len(registry.sources)} sources)"]
    try:
        annotations = load_annotations(path).annotations
    except StoreError as err:
        return False, [str(err)]
    found = resolve_article(annotations.article_path, path)
    counts = f"{len(annotations.claims)} claims, {len(annotations.sources)} sources"
    if found is None:
        return True, [
            f"{path}: valid ({counts}); its article {annotations.article_path} was not found "
            f"in {workspace_of(path)}, so spans were not checked"
        ]
    try:
        article = load_article(found)
        result = load_annotations(path, body=article.body)
    except (StoreError, ArticleError) as err:
        return False, [str(err)]
    report = result.report
    summary = f"{path}: valid ({counts})"
    if report.orphans:
        summary += f"; {len(report.orphans)} orphaned spans"
    return True, [summary, *report.lines()]
