"""The workspace commands: `sources`, `corroborate`, and `extract FOLDER` (wired into tui.cli).

Failures are raised as `CliError` (one line, exit 2). Rich is imported inside the commands so
`--help` stays instant.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import NoReturn

from tui.errors import CliError
from tui.model import SOURCE_KINDS, reliability_rank

SORTS = ("claims", "reliability", "name")
CORROBORATE_FORMATS = ("md", "json")


def _fail(message: str) -> NoReturn:
    raise CliError(message)


def add_workspace_parsers(subparsers: argparse._SubParsersAction) -> None:
    sources = subparsers.add_parser(
        "sources",
        help="list the workspace's source registry",
        description="The sources of every article of the workspace (annotations/sources.yaml, "
        "brought up to date from the annotation files).",
    )
    sources.add_argument(
        "workspace", nargs="?", type=Path, default=Path("."), help="workspace (default: here)"
    )
    sources.add_argument("--kind", choices=SOURCE_KINDS, metavar="KIND", help="only this kind")
    sources.add_argument("--sort", choices=SORTS, default="claims", help="default: claims")

    corroborate = subparsers.add_parser(
        "corroborate",
        help="claims reported in several articles, and whether their origins are independent",
    )
    corroborate.add_argument(
        "folder", nargs="?", type=Path, default=Path("."), help="workspace or articles folder"
    )
    corroborate.add_argument("--to", dest="fmt", choices=CORROBORATE_FORMATS, help="md or json")
    corroborate.add_argument("-o", "--output", type=Path, help="file to write (with --to)")
    corroborate.add_argument(
        "--window", type=int, default=30, metavar="DAYS", help="date window (default: 30)"
    )


def _workspace(path: Path) -> Path:
    path = Path(path)
    if not path.is_dir():
        _fail(f"{path}: not a folder")
    if path.name in ("articles", "annotations") and not (path / "articles").is_dir():
        return path.parent
    return path


# --- sources ------------------------------------------------------------------------------


def _sort_sources(sources: list, sort: str) -> list:
    from tui.registry import name_key

    if sort == "name":
        return sorted(sources, key=lambda s: name_key(s.name))
    if sort == "reliability":
        # A first, E last, then F and unrated: what is known before what is not.
        def rank(s) -> tuple[int, int, str]:
            r = reliability_rank(s.reliability)
            return (r if r >= 0 else 5, 0 if s.reliability == "F" else 1, name_key(s.name))

        return sorted(sources, key=rank)
    return sorted(sources, key=lambda s: (-s.claims, -s.articles, name_key(s.name)))


def cmd_sources(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    from tui.registry import (
        dump_registry,
        load_registry,
        rebuild_registry,
        registry_path,
        save_registry,
    )
    from tui.store import StoreError

    workspace = _workspace(args.workspace)
    try:
        saved = load_registry(workspace)
    except StoreError as err:
        _fail(str(err))
    # The annotation files are the truth; the registry keeps ratings and notes set across
    # articles. Rebuilding is cheap, so it is always done, and written back when it changed.
    result = rebuild_registry(workspace, base=saved)
    for line in result.errors:
        print(f"sourcecrit: warning: {line}", file=sys.stderr)
    path = registry_path(workspace)
    if result.registry.sources and (
        not path.exists() or dump_registry(result.registry) != dump_registry(saved)
    ):
        try:
            save_registry(result.registry, workspace)
        except StoreError as err:
            print(f"sourcecrit: warning: {err}", file=sys.stderr)

    sources = [s for s in result.registry.sources if args.kind in (None, s.kind)]
    console = Console(soft_wrap=False)
    if not sources:
        what = f"no {args.kind} sources" if args.kind else "no sources"
        print(f"{what} in {workspace} (extract or annotate articles first)", file=sys.stderr)
        return 0
    table = Table(title=f"Sources ({len(sources)})", title_justify="left")
    table.add_column("name")
    table.add_column("kind")
    table.add_column("reliability", justify="center")
    table.add_column("articles", justify="right")
    table.add_column("claims", justify="right")
    for s in _sort_sources(sources, args.sort):
        table.add_row(s.name, s.kind, s.reliability or "-", str(s.articles), str(s.claims))
    console.print(table)
    if result.conflicts:
        console.print(f"[bold yellow]{len(result.conflicts)} conflicts[/] (registry vs file):")
        for conflict in result.conflicts:
            console.print(f"  {conflict.line()}", markup=False, highlight=False)
    return 0


# --- corroborate --------------------------------------------------------------------------


def cmd_corroborate(args: argparse.Namespace) -> int:
    from tui.corroboration import groups_markdown, link_claims
    from tui.library import load_workspace
    from tui.registry import Registry, load_registry, update_registry
    from tui.store import StoreError

    if args.output is not None and args.fmt is None:
        _fail("-o needs --to md or --to json")
    folder = Path(args.folder)
    if not folder.is_dir():
        _fail(f"{folder}: not a folder")
    workspace, entries = load_workspace(folder)
    if not entries:
        _fail(f"no articles in {folder}")
    for entry in entries:
        if entry.error:
            print(f"sourcecrit: warning: {entry.error}", file=sys.stderr)
    try:
        registry = load_registry(workspace)
    except StoreError as err:
        print(f"sourcecrit: warning: {err}", file=sys.stderr)
        registry = Registry()
    loaded = [e for e in entries if e.annotations is not None and e.article is not None]
    for entry in loaded:  # in memory only: articles not yet saved count too
        registry, _ = update_registry(registry, entry.annotations)  # type: ignore[arg-type]
    groups = link_claims(
        [(e.meta, e.annotations, e.article.body) for e in loaded],  # type: ignore[misc, union-attr]
        window_days=args.window,
        registry=registry,
    )
    if args.fmt is None:
        _print_groups(groups, len(loaded))
        return 0
    if args.fmt == "json":
        text = json.dumps({"groups": [g.to_dict() for g in groups]}, ensure_ascii=False, indent=2)
        text += "\n"
    else:
        text = groups_markdown(groups)
    if args.output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as err:
            _fail(f"{args.output}: {err.strerror or err}")
    return 0


def _print_groups(groups: list, articles: int) -> None:
    from rich.console import Console
    from rich.console import Group as RichGroup
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    console = Console()
    if not groups:
        console.print(f"No claim is reported in more than one of the {articles} articles.")
        return
    for g in groups:
        table = Table(box=None, show_header=True, pad_edge=False, expand=True)
        table.add_column("article", style="cyan", ratio=2, overflow="fold")
        table.add_column("claim", ratio=4)
        table.add_column("chain", style="magenta", ratio=2)
        for c in g.claims:
            table.add_row(f"{c.article} {c.claim_id}", " ".join(c.text.split()), c.chain_text)
        parts: list = [table]
        shared = [*g.numbers, *g.entities]
        if shared:
            parts.insert(0, Text("shared: " + ", ".join(shared), style="dim"))
        parts.extend(Text("⚠ " + w, style="yellow") for w in g.warnings)
        style = "green" if g.independent else "red" if g.circular else "yellow"
        verdict = "independent" if g.independent else "circular" if g.circular else "unconfirmed"
        console.print(
            Panel(
                RichGroup(*parts),
                title=Text(f"{g.id}: {g.summary}", style="bold"),
                subtitle=verdict,
                border_style=style,
                title_align="left",
            )
        )


# --- extract FOLDER -----------------------------------------------------------------------


def extract_folder_command(
    folder: Path, jobs: int, rules: Path | None, language: str | None = None
) -> int:
    """`sourcecrit extract FOLDER [--jobs N]`: annotation files for the articles lacking one.

    A progress bar on stderr, a summary on stdout, one line per failed article on stderr.
    Exit 2 when no article is in the folder or when any article failed.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from tui.batch import extract_folder, list_articles, workspace_for

    if jobs < 1:
        _fail(f"--jobs must be at least 1, not {jobs}")
    _, articles_folder = workspace_for(folder)
    try:
        articles = list_articles(articles_folder)
    except OSError as err:
        _fail(f"{folder}: {err.strerror or err}")
    if not articles:
        _fail(f"no articles in {folder}")
    if rules is not None:  # a bad rule pack fails once, here, not once per article
        from tui.articles import ArticleError, load_article
        from tui.attribution import RulesError, load_rules

        try:
            load_rules(language or load_article(articles[0]).language, rules)
        except ArticleError:
            pass  # that article's own failure is reported with the others
        except RulesError as err:
            _fail(str(err))

    stderr = Console(stderr=True)
    with Progress(
        TextColumn("extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[name]}"),
        console=stderr,
        transient=True,
        disable=not stderr.is_terminal,
    ) as bar:
        task = bar.add_task("extract", total=len(articles), name="")

        def progress(done: int, total: int, result) -> None:
            bar.update(task, completed=done, name=Path(result.article).name)
            if result.status == "failed":
                bar.console.print(f"sourcecrit: {result.error}", markup=False, highlight=False)

        summary = extract_folder(
            folder, jobs=jobs, rules_path=rules, progress=progress, language=language
        )
    print(summary.line())
    return 2 if summary.failed else 0


HANDLERS = {"sources": cmd_sources, "corroborate": cmd_corroborate}
COMMANDS = tuple(HANDLERS)
