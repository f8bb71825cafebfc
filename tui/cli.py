"""The front door: `sourcecrit [read] ARTICLE`, `extract`, `check`.

Heavy imports (Textual, the extractor) are done inside the commands, so `extract`
and `check` start fast and `--help` is instant.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from tui import __version__
from tui.cli_export import HANDLERS as EXPORT_HANDLERS
from tui.cli_export import add_export_parsers, article_for_read
from tui.cli_workspace import HANDLERS as WORKSPACE_HANDLERS
from tui.cli_workspace import add_workspace_parsers, extract_folder_command
from tui.errors import CliError

EXIT_OK = 0
EXIT_ERROR = 2
SAMPLE_NAME = "coree-du-nord-russie.txt"
COMMANDS = ("read", "extract", "check", *EXPORT_HANDLERS, *WORKSPACE_HANDLERS)


def sample_article_path() -> Path:
    """The bundled sample: the workspace copy when run from the repo, else package data."""
    local = Path.cwd() / "articles" / SAMPLE_NAME
    if local.is_file():
        return local
    return Path(__file__).resolve().parent / "data" / SAMPLE_NAME


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sourcecrit",
        description="Read news articles with every attributed claim and its source chain "
        "highlighted; rate sources and claims; save annotations as YAML.",
    )
    parser.add_argument("--version", action="version", version=f"sourcecrit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    read = sub.add_parser("read", help="open an article in the reader (the default command)")
    read.add_argument(
        "article",
        nargs="?",
        help="article file (.txt or .md), or a folder of articles (the library); "
        "default: the library of this workspace, or the sample",
    )
    read.add_argument("--annotations", type=Path, help="annotation file to open and save")
    read.add_argument("--language", choices=("fr", "en"), help="override the article language")
    read.add_argument("--rules", type=Path, help="an extended rule pack (YAML)")

    extract = sub.add_parser("extract", help="print the claims found in articles")
    extract.add_argument("articles", nargs="+", help="article files, or one folder of articles")
    extract.add_argument(
        "-j", "--jobs", type=int, default=1, help="worker processes, for a folder of articles"
    )
    extract.add_argument("--format", choices=("json", "yaml"), default="yaml")
    extract.add_argument("--language", choices=("fr", "en"), help="override the article language")
    extract.add_argument("--rules", type=Path, help="an extended rule pack (YAML)")

    check = sub.add_parser("check", help="validate annotation files and report orphans")
    check.add_argument("files", nargs="+", type=Path, help="annotation files (.yaml)")
    add_export_parsers(sub)
    add_workspace_parsers(sub)
    return parser


def _normalise_argv(argv: list[str]) -> list[str]:
    """`sourcecrit ARTICLE` means `sourcecrit read ARTICLE`; bare `sourcecrit` reads the sample."""
    if not argv:
        return ["read"]
    first = argv[0]
    if first in COMMANDS or first in ("-h", "--help", "--version"):
        return argv
    return ["read", *argv]


def _load(path: str, language: str | None):
    from tui.articles import ArticleError, load_article

    try:
        return load_article(path, language=language)
    except ArticleError as err:
        raise CliError(str(err)) from None


def _rules(path: Path | None, language: str):
    from tui.attribution import RulesError, load_rules

    try:
        return load_rules(language, path)
    except RulesError as err:
        raise CliError(str(err)) from None


def cmd_extract(args: argparse.Namespace) -> int:
    from tui.attribution import extract_claims
    from tui.exports.extract_json import extract_record
    from tui.store import dump_annotations

    if len(args.articles) == 1 and Path(args.articles[0]).is_dir():
        return extract_folder_command(Path(args.articles[0]), args.jobs, args.rules, args.language)
    outputs = []
    for name in args.articles:
        article = _load(name, args.language)
        for warning in article.warnings:
            print(f"{name}: warning: {warning}", file=sys.stderr)
        annotations = extract_claims(article, _rules(args.rules, article.language))
        if args.format == "json":
            outputs.append(extract_record(annotations, article.body))
        else:
            outputs.append(dump_annotations(annotations, article.body))
    if args.format == "json":
        data = outputs[0] if len(outputs) == 1 else outputs
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("---\n".join(outputs))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from tui.checking import check_annotation_file

    status = EXIT_OK
    for path in args.files:
        ok, lines = check_annotation_file(path)
        stream = sys.stdout if ok else sys.stderr
        for line in lines:
            print(line, file=stream)
        if not ok:
            status = EXIT_ERROR
    return status


def _library_folder(args: argparse.Namespace) -> Path | None:
    """The folder the library opens on: `sourcecrit FOLDER`, or bare `sourcecrit` in a
    workspace whose articles/ holds more than one article (else the single one, or the
    sample, opens in the reader as before)."""
    if args.article and args.article != "-" and Path(args.article).is_dir():
        return Path(args.article)
    if args.article or args.annotations is not None:
        return None
    from tui.batch import list_articles

    articles = Path.cwd() / "articles"
    if articles.is_dir() and len(list_articles(articles)) > 1:
        return Path.cwd()
    return None


def cmd_read(args: argparse.Namespace) -> int:
    folder = _library_folder(args)
    if folder is not None:
        from tui.screens.library import run_library

        return run_library(folder, rules_path=args.rules)
    target = article_for_read(args.article, args.language) if args.article else None
    if target is None or isinstance(target, str):
        article = _load(target or str(sample_article_path()), args.language)
    else:
        article = target  # `read -`: already parsed from standard input
    from tui.app import run_reader

    return run_reader(
        article,
        annotations_path=args.annotations,
        rules=_rules(args.rules, article.language),
    )


HANDLERS = {
    "read": cmd_read,
    "extract": cmd_extract,
    "check": cmd_check,
    **EXPORT_HANDLERS,
    **WORKSPACE_HANDLERS,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(_normalise_argv(list(sys.argv[1:] if argv is None else argv)))
    try:
        return HANDLERS[args.command](args)
    except CliError as err:
        print(f"sourcecrit: {err}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `sourcecrit extract … | head` closes the pipe early: not an error worth a trace.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
