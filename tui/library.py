"""A workspace's articles with their annotations, and the library table's rows (no Textual).

Used by `sourcecrit corroborate` and by the reader's library screen: an article with an
annotation file is read with it (re-anchored); one without is extracted in memory, never
written (that is `sourcecrit extract FOLDER`'s job).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from tui.batch import list_articles, workspace_for
from tui.model import AnnotationSet, Article, ArticleMeta
from tui.workspace import article_path_for_file


@dataclass(frozen=True)
class Entry:
    article_path: Path
    annotation_path: Path
    article: Article | None = None
    annotations: AnnotationSet | None = None
    saved: bool = False  # the annotations come from the file (not extracted in memory)
    error: str = ""  # one line when the article or its file could not be read

    @property
    def meta(self) -> ArticleMeta:
        if self.article is not None:
            return self.article.meta
        return self.annotations.meta if self.annotations is not None else ArticleMeta()


def load_workspace(folder: Path, rules_path: Path | None = None) -> tuple[Path, list[Entry]]:
    """(workspace, one entry per article of the folder, in file-name order)."""
    workspace, articles_folder = workspace_for(folder)
    rules: dict[str, object] = {}
    entries = [
        load_entry(workspace, path, rules_path, rules) for path in list_articles(articles_folder)
    ]
    return workspace, entries


def load_entry(
    workspace: Path,
    path: Path,
    rules_path: Path | None = None,
    rules: dict[str, object] | None = None,
) -> Entry:
    """One article of the workspace, with its saved annotations or extracted in memory."""
    from tui.articles import ArticleError, load_article
    from tui.attribution import RulesError, extract_claims, load_rules
    from tui.store import StoreError, load_annotations

    rules = {} if rules is None else rules
    target = workspace / "annotations" / f"{path.stem}.yaml"
    try:
        article = load_article(path)
        if target.is_file():
            annotations = load_annotations(target, body=article.body).annotations
            return Entry(path, target, article, annotations, saved=True)
        if article.language not in rules:
            rules[article.language] = load_rules(article.language, rules_path)
        annotations = extract_claims(article, rules[article.language])  # type: ignore[arg-type]
        # Named as its file would name it, so saved and unsaved articles look alike.
        annotations = replace(annotations, article_path=article_path_for_file(path, target))
        return Entry(path, target, article, annotations)
    except (ArticleError, StoreError, RulesError) as err:
        return Entry(path, target, error=" ".join(str(err).split()))


@dataclass(frozen=True)
class LibraryRow:
    path: Path
    title: str
    outlet: str
    date: str
    language: str
    claims: int
    reviewed_pct: float  # share of claims confirmed or rejected, 0-100
    unsourced_hedged: int  # claims made on the article's own authority, with a hedge
    anonymous_share: float  # share of claims whose origin is anonymous, 0-100
    annotated: bool  # an annotation file exists
    error: str = ""


def library_row(entry: Entry) -> LibraryRow:
    meta = entry.meta
    ann = entry.annotations
    claims = ann.claims if ann is not None else ()
    n = len(claims)

    def anonymous(claim) -> bool:
        if claim.anonymous:
            return True
        first = ann.source(claim.chain[0].source) if ann is not None and claim.chain else None
        return first is not None and first.kind == "anonymous"

    return LibraryRow(
        path=entry.article_path,
        title=meta.title or entry.article_path.stem,
        outlet=meta.outlet or "",
        date=meta.published or "",
        language=meta.language or (entry.article.language if entry.article else ""),
        claims=n,
        reviewed_pct=100.0 * ann.reviewed_count() / n if ann is not None and n else 0.0,
        unsourced_hedged=sum(1 for c in claims if c.unsourced and c.hedges),
        anonymous_share=100.0 * sum(1 for c in claims if anonymous(c)) / n if n else 0.0,
        annotated=entry.saved,
        error=entry.error,
    )


SORT_KEYS: dict[str, Callable[[LibraryRow], object]] = {
    "title": lambda r: r.title.casefold(),
    "outlet": lambda r: r.outlet.casefold(),
    "date": lambda r: r.date,
    "language": lambda r: r.language,
    "claims": lambda r: r.claims,
    "reviewed": lambda r: r.reviewed_pct,
    "unsourced": lambda r: r.unsourced_hedged,
    "anonymous": lambda r: r.anonymous_share,
}


def filter_rows(rows: list[LibraryRow], text: str) -> list[LibraryRow]:
    """Rows whose title, outlet, date, language or file name contain `text` (any case)."""
    needle = text.casefold().strip()
    if not needle:
        return list(rows)
    return [
        r
        for r in rows
        if any(needle in f.casefold() for f in (r.title, r.outlet, r.date, r.language, r.path.name))
    ]


def sort_rows(rows: list[LibraryRow], key: str, reverse: bool = False) -> list[LibraryRow]:
    return sorted(rows, key=SORT_KEYS[key], reverse=reverse)  # type: ignore[arg-type]
