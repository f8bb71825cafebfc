"""Exports: each format is a pure function of an AnnotationSet and the article body."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tui.exports.brat import annotation_conf, export_brat
from tui.exports.csv_export import export_csv
from tui.exports.graph import export_dot, export_mermaid
from tui.exports.html import export_html
from tui.exports.json_full import export_json
from tui.exports.markdown import export_markdown
from tui.exports.w3c import export_w3c
from tui.model import AnnotationSet

Exporter = Callable[..., str]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    extension: str  # without the dot
    export: Exporter
    description: str


EXPORTERS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("json", "json", export_json, "the extraction record plus ratings and notes"),
        ExportFormat("md", "md", export_markdown, "review report in Markdown"),
        ExportFormat("html", "html", export_html, "review report as a self-contained web page"),
        ExportFormat("csv", "csv", export_csv, "one row per claim, for spreadsheets"),
        ExportFormat("w3c", "jsonld", export_w3c, "W3C Web Annotation collection (JSON-LD)"),
        ExportFormat("brat", "ann", export_brat, "brat/INCEpTION standoff (.ann beside a .txt)"),
        ExportFormat("dot", "dot", export_dot, "citation graph for Graphviz"),
        ExportFormat("mermaid", "mmd", export_mermaid, "citation graph for Mermaid"),
    )
}


class ExportError(ValueError):
    """An export that cannot be made (unknown format); the message is for the user."""


def export_text(annotations: AnnotationSet, body: str, fmt: str, **opts: object) -> str:
    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        raise ExportError(
            f"unknown export format {fmt!r} (one of {', '.join(EXPORTERS)})"
        ) from None
    return exporter.export(annotations, body, **opts)


def write_export(text: str, path: Path, fmt: str, body: str) -> list[Path]:
    """Write an export to `path`; brat also gets its `.txt` and, if absent, `annotation.conf`.

    newline="" everywhere: the text already has the line ends it needs (CRLF for Excel CSV,
    and brat offsets count every character of the .txt).
    Returns every file written, the export itself first.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    written = [path]
    if fmt == "brat":
        txt = path.with_suffix(".txt")
        txt.write_text(body, encoding="utf-8", newline="")
        written.append(txt)
        conf = path.parent / "annotation.conf"
        if not conf.exists():
            conf.write_text(annotation_conf(), encoding="utf-8", newline="")
            written.append(conf)
    return written


def export_path(annotation_path: Path, fmt: str) -> Path:
    """Where the reader puts an export: beside the annotation file, `annotations/<stem>.<ext>`."""
    return annotation_path.with_name(f"{annotation_path.stem}.{EXPORTERS[fmt].extension}")


def export_to_file(
    annotations: AnnotationSet, body: str, fmt: str, annotation_path: Path, **opts: object
) -> Path:
    """Export beside the annotation file (the reader's command palette) and return the path."""
    text = export_text(annotations, body, fmt, **opts)
    path = export_path(Path(annotation_path), fmt)
    write_export(text, path, fmt, body)
    return path
