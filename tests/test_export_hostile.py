"""Hostile text (`<script>`, quotes, commas, newlines, `-->`, `]]`, backticks, pipes…) in notes,
source names and metadata comes out inert and intact in every format, read by its real reader."""

from __future__ import annotations

import csv
import html as htmllib
import io
import json
import re
import shutil

import pytest
from test_export_brat import parse_ann, parse_conf
from test_export_common import HOSTILE, HOSTILE_NAME, hostile_annotations, seed_body
from test_export_graph import MERMAID_NODE, render_svg, svg_graph
from test_export_html import parse as parse_html
from test_export_markdown import parse as parse_md

from tui.exports import EXPORTERS
from tui.exports.brat import annotation_conf
from tui.exports.w3c import import_w3c

FIRST_LINE = HOSTILE.split("\n")[0]


def check_json(text, ann, body) -> None:
    data = json.loads(text)
    assert all(c["notes"][-1]["text"] == HOSTILE for c in data["claims"])
    assert all(s["name"].endswith(HOSTILE_NAME) and s["note"] == HOSTILE for s in data["sources"])


def check_md(text, ann, body) -> None:
    doc = parse_md(text)
    assert not {"script", "b", "a", "img"} & set(doc.tags)
    assert doc.tags.count("code") == 1  # the SHA-256 only: backticks in notes are not code
    rendered = "".join(doc.text)
    assert FIRST_LINE in rendered and "line2" in rendered
    assert f"NIS {HOSTILE_NAME}" in rendered
    # The sources table keeps five cells per row although names and notes contain pipes.
    assert {len(r) for r in doc.cells if len(r) > 2} == {5}


def check_html(text, ann, body) -> None:
    page = parse_html(text)
    tags = [t for t, _ in page.tags]
    assert "script" not in tags and "b" not in tags
    rendered = "".join(page.text)
    assert HOSTILE in rendered
    assert f"NIS {HOSTILE_NAME}" in rendered
    assert (
        "<script>" not in text and "-->" not in text.split("<style>")[0] + text.split("</style>")[1]
    )


def check_csv(text, ann, body) -> None:
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == len(ann.claims)
    assert all(r["notes"].endswith(HOSTILE) for r in rows)
    assert rows[0]["origin"] == f"NIS {HOSTILE_NAME}"


def check_w3c(text, ann, body) -> None:
    assert import_w3c(text) == ann


def check_brat(text, ann, body) -> None:
    doc = parse_ann(text, body, parse_conf(annotation_conf()))
    assert any(t.endswith(HOSTILE.replace("\n", " ⏎ ")) for _, t in doc.notes)
    assert len(text.splitlines()) == text.count("\n")  # no stray line breaks


def check_dot(text, ann, body) -> None:
    if shutil.which("dot") is None:
        # Without Graphviz, at least every quoted string must close: strip them, no quote left.
        assert '"' not in re.sub(r'"(?:[^"\\]|\\.)*"', "", text)
        return
    nodes, _ = svg_graph(render_svg(text))
    firsts = {label.split("\n")[0] for label in nodes.values()}
    assert f"NIS {HOSTILE_NAME}" in firsts


def check_mermaid(text, ann, body) -> None:
    labels = [m.group(3) for line in text.splitlines() if (m := MERMAID_NODE.match(line))]
    assert len(labels) == 8
    for label in labels:
        assert not set('"<>`') & set(label.replace("<br/>", ""))
    decoded = [
        htmllib.unescape(
            re.sub(r"#(\w+);", r"&\1;", lbl.split("<br/>")[0]).replace("&96;", "&#96;")
        )
        for lbl in labels
    ]
    decoded = [re.sub(r"&(\d+);", lambda m: chr(int(m.group(1))), d) for d in decoded]
    assert f"NIS {HOSTILE_NAME}" in decoded


CHECKS = {
    "json": check_json,
    "md": check_md,
    "html": check_html,
    "csv": check_csv,
    "w3c": check_w3c,
    "brat": check_brat,
    "dot": check_dot,
    "mermaid": check_mermaid,
}


def test_every_format_is_checked() -> None:
    assert set(CHECKS) == set(EXPORTERS)


@pytest.mark.parametrize("fmt", list(EXPORTERS))
def test_hostile_text_is_escaped(fmt: str) -> None:
    body = seed_body()
    ann = hostile_annotations(body)
    text = EXPORTERS[fmt].export(ann, body)
    CHECKS[fmt](text, ann, body)
