"""`--to dot` / `--to mermaid`: the citation graph, rendered by Graphviz for real."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_export_common import seed_annotations, seed_body

from tui.exports.graph import citation_graph, dot_string, export_dot, export_mermaid, mermaid_string

SVG = "{http://www.w3.org/2000/svg}"


def _ensure_graphviz() -> str:
    """Graphviz's `dot`, installed with apt when missing (root); skip if that is impossible."""
    found = shutil.which("dot")
    if found:
        return found
    if shutil.which("apt-get") is None:
        pytest.skip("Graphviz is not installed and apt-get is not available")
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "graphviz"]):
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=600, check=False)
        except (OSError, subprocess.TimeoutExpired) as err:
            pytest.skip(f"Graphviz is not installed and could not be: {err}")
        if done.returncode != 0:
            pytest.skip(f"Graphviz is not installed and `{' '.join(cmd)}` failed")
    found = shutil.which("dot")
    if not found:
        pytest.skip("Graphviz install did not provide `dot`")
    return found


def render_svg(dot_text: str) -> ET.Element:
    done = subprocess.run(
        [_ensure_graphviz(), "-Tsvg"], input=dot_text.encode(), capture_output=True, timeout=60
    )
    assert done.returncode == 0, done.stderr.decode()
    assert not done.stderr.strip(), done.stderr.decode()  # no warnings either
    return ET.fromstring(done.stdout)


def svg_graph(root: ET.Element) -> tuple[dict[str, str], list[tuple[str, str, str, str]]]:
    """(node id -> label text, [(tail, head, edge label, style)]) from Graphviz's SVG."""
    nodes, edges = {}, []
    for g in root.iter(f"{SVG}g"):
        cls, title = g.get("class"), g.findtext(f"{SVG}title")
        texts = [t.text or "" for t in g.iter(f"{SVG}text")]
        if cls == "node":
            nodes[title] = "\n".join(texts)
        elif cls == "edge":
            tail, head = title.split("->")
            path = g.find(f"{SVG}path")
            dashed = path is not None and path.get("stroke-dasharray") is not None
            edges.append((tail, head, " ".join(texts), "dashed" if dashed else "solid"))
    return nodes, edges


def test_dot_renders_with_graphviz() -> None:
    body = seed_body()
    ann = seed_annotations(body)
    nodes, edges = svg_graph(render_svg(export_dot(ann, body)))
    names = {label.split("\n")[0]: node for node, label in nodes.items()}
    assert set(names) == {
        "NIS",
        "Newsweek",
        "L'Express",
        "responsables de l’industrie russe",
        "The Wall Street Journal",
        "Korea Herald",
        "responsables ukrainiens et américains anonymes",
        "New York Times",
    }
    assert "B — usually reliable" in nodes[names["NIS"]]
    by_pair = {(t, h): (label, style) for t, h, label, style in edges}
    assert by_pair[(names["NIS"], names["Newsweek"])] == ("1 claim (inferred)", "dashed")
    assert by_pair[(names["Newsweek"], names["L'Express"])] == ("2 claims", "solid")
    assert len(edges) == 7


def test_graph_weights_and_inferred_edges() -> None:
    ann = seed_annotations()
    graph = citation_graph(ann)
    edges = {(e.source, e.target): e for e in graph.edges}
    assert edges[("nis", "newsweek")].inferred is True
    assert edges[("newsweek", "lexpress")].claims == 2
    assert edges[("newsweek", "lexpress")].inferred is False
    assert "planche" not in export_dot(ann)  # the rejected claim adds no node or edge


@pytest.mark.parametrize(
    "raw", ['say "hi"', "back\\slash", "\\n literal", "line\nbreak", "<b>&amp;</b>", "a;b{c}[d]"]
)
def test_dot_string_escaping_survives_graphviz(raw: str) -> None:
    root = render_svg(f"digraph {{ a [label={dot_string(raw)}]; }}")
    texts = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert texts == raw.split("\n")


_OPEN = r"\[\[|\[/|\[\(|\(\[|\(\(|\{\{|\[|\(|\{"
_CLOSE = r"\]\]|\\\]|/\]|\)\]|\]\)|\)\)|\}\}|\]|\)|\}"
MERMAID_NODE = re.compile(rf'^  (s\d+)({_OPEN})"([^"]*)"({_CLOSE})$')
MERMAID_EDGE = re.compile(r'^  (s\d+) (-->|-\.->)\|"([^"]*)"\| (s\d+)$')


def test_mermaid_flowchart_structure() -> None:
    body = seed_body()
    ann = seed_annotations(body)
    text = export_mermaid(ann, body)
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    nodes = {m.group(1): m.group(3) for line in lines if (m := MERMAID_NODE.match(line))}
    edges = [m.groups() for line in lines if (m := MERMAID_EDGE.match(line))]
    assert len(nodes) == 8 and len(edges) == 7
    assert nodes["s0"] == "NIS<br/>intelligence<br/>B — usually reliable"
    assert ("s0", "-.->", "1 claim (inferred)", "s1") in edges
    assert ("s1", "-->", "2 claims", "s2") in edges
    # Every other line is a link style or a class: nothing unparsed.
    for line in lines[1:]:
        assert (
            MERMAID_NODE.match(line)
            or MERMAID_EDGE.match(line)
            or re.match(r"^  linkStyle \d+ stroke-width:\dpx$", line)
            or re.match(r"^  classDef \w+ fill:#[0-9a-f]{6},stroke:#333,color:#111$", line)
            or re.match(r"^  class s\d+(,s\d+)* \w+$", line)
        ), line


def test_mermaid_string_escapes_with_entities() -> None:
    assert (
        mermaid_string('a "b" <c> & `d` #e') == '"a #quot;b#quot; #lt;c#gt; #amp; #96;d#96; #35;e"'
    )
    assert mermaid_string("two\nlines") == '"two<br/>lines"'


MERMAID_PARSE = """
import { JSDOM } from "jsdom";
import fs from "node:fs";
const dom = new JSDOM("<!DOCTYPE html><body></body>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const mermaid = (await import("mermaid")).default;
mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
const result = await mermaid.parse(fs.readFileSync(0, "utf8"));
console.log(result.diagramType);
"""


def _mermaid_dir() -> Path | None:
    # Mermaid's own parser runs in Node (npm install mermaid jsdom): opt in by pointing
    # SOURCECRIT_MERMAID_DIR at the folder holding that node_modules.
    folder = os.environ.get("SOURCECRIT_MERMAID_DIR")
    if not folder or shutil.which("node") is None:
        return None
    return Path(folder) if (Path(folder) / "node_modules" / "mermaid").is_dir() else None


@pytest.mark.skipif(
    _mermaid_dir() is None,
    reason="set SOURCECRIT_MERMAID_DIR to a folder with `npm install mermaid jsdom` to run",
)
@pytest.mark.parametrize("hostile", [False, True])
def test_mermaid_parser_accepts_the_export(hostile: bool, tmp_path: Path) -> None:
    from test_export_common import hostile_annotations

    body = seed_body()
    ann = hostile_annotations(body) if hostile else seed_annotations(body)
    script = Path(str(_mermaid_dir())) / ".sourcecrit-parse.mjs"
    script.write_text(MERMAID_PARSE)
    done = subprocess.run(
        ["node", str(script)],
        input=export_mermaid(ann, body).encode(),
        capture_output=True,
        timeout=120,
        cwd=_mermaid_dir(),
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert done.stdout.decode().strip() == "flowchart-v2"
