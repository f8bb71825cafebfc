"""Every format on the extractor's real output for the seed, all suggestions confirmed.

Skips until `tui.attribution.extract_claims` lands; then it is the end-to-end check that
whatever the extractor produces (overlapping spans, inferred hops, hedges) exports cleanly.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from test_export_brat import parse_ann, parse_conf
from test_export_common import confirmed_extracted
from test_export_graph import svg_graph
from test_export_html import parse as parse_html
from test_export_w3c import validate_collection

from tui.exports import EXPORTERS
from tui.exports.brat import annotation_conf
from tui.exports.w3c import import_w3c


@pytest.fixture(scope="module")
def extracted():
    return confirmed_extracted()


@pytest.mark.parametrize("fmt", list(EXPORTERS))
def test_format_on_extracted_claims(extracted, fmt: str) -> None:
    ann, body = extracted
    assert ann.claims, "the extractor found no claim in the seed"
    text = EXPORTERS[fmt].export(ann, body)
    n = len(ann.claims)
    if fmt == "json":
        assert len(json.loads(text)["claims"]) == n
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        assert [r["quote"] for r in rows] == [c.span.text(body) for c in ann.claims]
    elif fmt == "w3c":
        assert len(validate_collection(json.loads(text))) == n
        assert import_w3c(text) == ann
    elif fmt == "brat":
        assert len(parse_ann(text, body, parse_conf(annotation_conf())).events) == n
    elif fmt == "html":
        page = parse_html(text)
        ids = {a.get("id") for _, a in page.tags}
        assert {f"claim-{c.id}" for c in ann.claims} <= ids
        assert "".join(page.paragraph_text).replace("\n", "") == body.replace("\n\n", "")
    elif fmt == "md":
        assert text.count("### Claim ") == n
    elif fmt == "dot":
        from test_export_graph import render_svg

        nodes, _ = svg_graph(render_svg(text))
        used = {h.source for c in ann.claims for h in c.chain}
        assert len(nodes) == len(used)
    elif fmt == "mermaid":
        assert text.startswith("flowchart LR\n")
