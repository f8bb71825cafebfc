"""`extract_folder`: run the extractor over a folder of articles, in parallel.

Each article gets `annotations/<stem>.yaml` in the workspace, only when it has none: an
annotation file may hold hours of review, so it is never overwritten. A file that fails is
reported on one line and the others go on.

Parallelism is a process pool (the extractor is pure Python, the GIL rules out threads). The
per-task overhead is kept small: workers get paths and send back a few numbers (never an
article or its annotations), rule packs are loaded once per worker, and tasks go in chunks.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".md")
RESERVED_STEMS = ("sources",)  # annotations/sources.yaml is the source registry


@dataclass(frozen=True)
class FileResult:
    article: str
    status: str  # "written", "skipped" (it has annotations already) or "failed"
    claims: int = 0
    error: str = ""


@dataclass(frozen=True)
class Summary:
    written: int = 0
    skipped: int = 0
    failed: int = 0
    claims: int = 0
    errors: tuple[str, ...] = field(default_factory=tuple)  # one line per failed file

    @property
    def total(self) -> int:
        return self.written + self.skipped + self.failed

    def line(self) -> str:
        return (
            f"{self.written} written, {self.skipped} skipped (already annotated), "
            f"{self.failed} failed; {self.claims} claims"
        )


Progress = Callable[[int, int, FileResult], None]  # (done, total, the file just finished)


def workspace_for(folder: Path) -> tuple[Path, Path]:
    """(workspace, articles folder) for `extract FOLDER`: FOLDER may be the workspace (holding
    articles/), its articles/ folder, or any folder of articles (then its own workspace)."""
    folder = Path(folder)
    if (folder / "articles").is_dir():
        return folder, folder / "articles"
    if folder.name == "articles":
        return folder.parent, folder
    return folder, folder


def list_articles(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in Path(folder).iterdir()
        if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file() and not p.name.startswith(".")
    )


# --- the worker side ----------------------------------------------------------------------

_RULES_PATH: Path | None = None
_LANGUAGE: str | None = None
_RULES: dict[str, object] = {}


def _init_worker(rules_path: Path | None, language: str | None) -> None:
    """Once per worker: import the extractor and remember the options (rules load lazily,
    once per language, and stay cached for every article the worker handles)."""
    global _RULES_PATH, _LANGUAGE
    _RULES_PATH, _LANGUAGE = rules_path, language
    _RULES.clear()
    import tui.attribution  # noqa: F401  (imported here, not per task)


def _rules_for(language: str) -> object:
    if language not in _RULES:
        from tui.attribution import load_rules

        _RULES[language] = load_rules(language, _RULES_PATH)
    return _RULES[language]


def _extract_one(task: tuple[str, str]) -> FileResult:
    """Extract one article and write its annotation file; every failure becomes a result."""
    article_path, annotation_path = task
    try:
        from tui.articles import load_article
        from tui.attribution import extract_claims
        from tui.store import save_annotations
        from tui.workspace import article_path_for_file

        target = Path(annotation_path)
        if target.exists():  # created since the task list was made: still never overwrite
            return FileResult(article_path, "skipped")
        article = load_article(article_path, language=_LANGUAGE)
        annotations = extract_claims(article, _rules_for(article.language))  # type: ignore[arg-type]
        annotations = replace(
            annotations, article_path=article_path_for_file(Path(article_path), target)
        )
        save_annotations(annotations, article.body, target)
        return FileResult(article_path, "written", len(annotations.claims))
    except Exception as err:  # one bad article must not stop the batch
        reason = " ".join(str(err).split()) or type(err).__name__
        if article_path not in reason:
            reason = f"{article_path}: {reason}"
        return FileResult(article_path, "failed", error=reason)


# --- the driver ---------------------------------------------------------------------------


def extract_folder(
    folder: Path,
    jobs: int = 1,
    rules_path: Path | None = None,
    progress: Progress | None = None,
    language: str | None = None,
) -> Summary:
    """Extract every article of `folder` that has no annotation file yet.

    `jobs` > 1 uses that many worker processes; 1 runs in this process (no pool to start).
    """
    workspace, articles_folder = workspace_for(folder)
    articles = list_articles(articles_folder)
    total = len(articles)
    results: list[FileResult] = []
    tasks: list[tuple[str, str]] = []
    done = 0

    def report(result: FileResult) -> None:
        nonlocal done
        done += 1
        results.append(result)
        if progress is not None:
            progress(done, total, result)

    for article in articles:
        target = workspace / "annotations" / f"{article.stem}.yaml"
        if article.stem in RESERVED_STEMS:
            reason = f"{article}: its annotation file would be {target}, the source registry"
            report(FileResult(str(article), "failed", error=reason))
        elif target.exists():
            report(FileResult(str(article), "skipped"))
        else:
            tasks.append((str(article), str(target)))

    jobs = max(1, min(jobs, len(tasks)))
    if jobs == 1:
        _init_worker(rules_path, language)
        for task in tasks:
            report(_extract_one(task))
    else:
        # Several chunks per worker: big enough to amortise the pickling round trips, small
        # enough that a slow chunk at the end does not leave the other worker idle for long.
        chunksize = max(1, len(tasks) // (jobs * 8))
        with ProcessPoolExecutor(
            max_workers=jobs, initializer=_init_worker, initargs=(rules_path, language)
        ) as pool:
            for result in pool.map(_extract_one, tasks, chunksize=chunksize):
                report(result)
    return _summary(results)


def _summary(results: list[FileResult]) -> Summary:
    counts = {"written": 0, "skipped": 0, "failed": 0}
    for r in results:
        counts[r.status] += 1
    return Summary(
        written=counts["written"],
        skipped=counts["skipped"],
        failed=counts["failed"],
        claims=sum(r.claims for r in results),
        errors=tuple(r.error for r in results if r.status == "failed"),
    )


def default_jobs() -> int:
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1))
