"""The `export`, `import-annotations` and `import` commands (wired into `tui.cli`).

Failures are raised as `CliError` (one line, exit 2).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from tui.errors import CliError
from tui.model import AnnotationSet, Article
from tui.workspace import resolve_article, workspace_of

EXPORT_FORMATS = ("json", "md", "html", "csv", "w3c", "brat", "dot", "mermaid")


def _fail(message: str) -> NoReturn:
    raise CliError(message)


def add_export_parsers(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser(
        "export",
        help="export annotations: " + ", ".join(EXPORT_FORMATS),
        description="Export an annotation file with its article, to standard output or -o FILE.",
    )
    export.add_argument("annotations", type=Path, help="annotation file (.yaml)")
    export.add_argument(
        "--to",
        dest="fmt",
        required=True,
        choices=EXPORT_FORMATS,
        metavar="FORMAT",
        help="one of: " + ", ".join(EXPORT_FORMATS),
    )
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        help="file to write (brat: NAME.ann, and NAME.txt is written beside it)",
    )
    export.add_argument(
        "--excel",
        action="store_true",
        help="csv for Excel: byte order mark, CRLF line ends, formulas defused",
    )

    back = subparsers.add_parser(
        "import-annotations",
        help="read a W3C Web Annotation export back into an annotation file",
    )
    back.add_argument("file", type=Path, help="a `export --to w3c` file (.jsonld)")
    back.add_argument(
        "-o", "--output", type=Path, help="annotation file to write (default: stdout)"
    )

    page = subparsers.add_parser(
        "import", help="extract the article of a saved web page into articles/<slug>.txt"
    )
    page.add_argument("page", type=Path, help="saved web page (.html)")


# --- export -------------------------------------------------------------------------------


def load_for_export(annotation_path: Path) -> tuple[AnnotationSet, Article]:
    """The annotations re-anchored against their article (the article is needed for quotes).

    What re-anchoring found (moved spans, orphans, a changed article) goes to stderr, so a
    report is never silently made from spans that no longer point where they did.
    """
    from tui.articles import ArticleError, load_article
    from tui.store import StoreError, load_annotations

    try:
        article_path = load_annotations(annotation_path).annotations.article_path
        found = resolve_article(article_path, annotation_path)
        if found is None:
            _fail(
                f"{annotation_path}: its article {article_path} is missing "
                f"(looked in {workspace_of(annotation_path)})"
            )
        article = load_article(found)
        result = load_annotations(annotation_path, body=article.body)
    except (StoreError, ArticleError) as err:
        _fail(str(err))
    for line in result.report.lines():
        print(f"sourcecrit: warning: {line}", file=sys.stderr)
    return result.annotations, article


def _write_stdout(text: str) -> None:
    # Bytes, so a non-UTF-8 locale cannot break accents, and CRLF (Excel CSV) stays CRLF.
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()


def cmd_export(args: argparse.Namespace) -> int:
    from tui.exports import export_text, write_export

    if args.excel and args.fmt != "csv":
        _fail("--excel only applies to --to csv")
    annotations, article = load_for_export(args.annotations)
    opts = {"excel": True} if args.excel else {}
    text = export_text(annotations, article.body, args.fmt, **opts)
    if args.output is None:
        _write_stdout(text)
        if args.fmt == "brat":
            print(
                "sourcecrit: brat needs the article text beside the .ann, with the same name "
                "and .txt (or use -o NAME.ann to write both)",
                file=sys.stderr,
            )
        return 0
    try:
        written = write_export(text, args.output, args.fmt, article.body)
    except OSError as err:
        _fail(f"{args.output}: {err.strerror or err}")
    if len(written) > 1:
        print("wrote " + ", ".join(str(p) for p in written), file=sys.stderr)
    return 0


# --- import-annotations -------------------------------------------------------------------


def cmd_import_annotations(args: argparse.Namespace) -> int:
    from tui.articles import ArticleError, load_article
    from tui.exports.w3c import W3CImportError, import_w3c
    from tui.model import body_sha256
    from tui.store import StoreError, dump_annotations, save_annotations

    try:
        annotations = import_w3c(args.file.read_text(encoding="utf-8"))
    except OSError as err:
        _fail(f"{args.file}: {err.strerror or err}")
    except (UnicodeDecodeError, W3CImportError) as err:
        _fail(f"{args.file}: {err}")
    # The YAML stores a quote around each span, so the article must be at hand; the output's
    # workspace is where the article path is resolved (the current folder for stdout).
    anchor = args.output if args.output is not None else Path("annotations") / "stdout.yaml"
    found = resolve_article(annotations.article_path, anchor)
    if found is None:
        _fail(f"{args.file}: its article {annotations.article_path} is missing")
    try:
        article = load_article(found)
    except ArticleError as err:
        _fail(str(err))
    if annotations.sha256 and body_sha256(article.body) != annotations.sha256:
        # Offsets from another version of the text would be saved with wrong quotes.
        _fail(f"{args.file}: {found} changed since the export; the spans cannot be placed")
    try:
        if args.output is None:
            _write_stdout(dump_annotations(annotations, article.body))
        else:
            save_annotations(annotations, article.body, args.output)
    except StoreError as err:
        _fail(f"{args.file}: {err}")
    return 0


# --- import (web pages) and reading standard input ----------------------------------------


def import_page(page: Path, workspace: Path | None = None) -> Path:
    from tui.importing import ImportFailure, import_html

    try:
        return import_html(page, workspace or Path.cwd())
    except ImportFailure as err:
        _fail(str(err))


def cmd_import(args: argparse.Namespace) -> int:
    print(import_page(args.page))
    return 0


def article_for_read(name: str, language: str | None = None) -> str | Article:
    """What `sourcecrit read NAME` should open: `-` is standard input (an Article), a web
    page is imported first (its new path, announced on stderr), anything else is a path."""
    from tui.importing import is_html_path, read_stdin_article

    if name == "-":
        from tui.articles import ArticleError
        from tui.importing import reattach_terminal

        try:
            article = read_stdin_article(language=language)
        except ArticleError as err:
            _fail(str(err))
        if not reattach_terminal():
            _fail("read -: the reader needs a terminal once the article is read from stdin")
        return article
    if is_html_path(name):
        path = import_page(Path(name))
        print(f"imported {name} as {path}", file=sys.stderr)
        return str(path)
    return name


HANDLERS = {
    "export": cmd_export,
    "import-annotations": cmd_import_annotations,
    "import": cmd_import,
}
COMMANDS = tuple(HANDLERS)
