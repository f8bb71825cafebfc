"""`--to dot` / `--to mermaid`: the article's citation graph.

Nodes are sources (shape from the kind, fill colour from the reliability grade); an edge
`A -> B` for every consecutive pair of a chain (`NIS -> Newsweek -> L'Express`), weighted by
the number of claims that travel it (pen width and label), dashed when every claim on it got
the link by inference rather than from the text. Rejected suggestions are left out.

Node ids are generated (`s0`, `s1`, …) so no source id or name ever reaches the syntax
outside a quoted label; labels are escaped for each language.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from tui.exports.common import reported_claims
from tui.model import RELIABILITY_LABELS, AnnotationSet, Source

# Fill colours: green (reliable) to red (unreliable); grey for cannot-judge and unrated.
RELIABILITY_COLOURS: dict[str | None, str] = {
    "A": "#2e9e4f",
    "B": "#8fd18f",
    "C": "#f3e27a",
    "D": "#f5b36b",
    "E": "#e8685d",
    "F": "#c9c9c9",
    None: "#ffffff",
}

DOT_SHAPES: dict[str, str] = {
    "media": "box",
    "news-agency": "box3d",
    "intelligence": "octagon",
    "government": "house",
    "official": "house",
    "politician": "ellipse",
    "military": "hexagon",
    "expert": "egg",
    "ngo": "component",
    "company": "folder",
    "document": "note",
    "anonymous": "diamond",
    "collective": "tab",
    "unknown": "plaintext",
}

# Mermaid flowchart node shapes as (open, close) around a quoted label.
MERMAID_SHAPES: dict[str, tuple[str, str]] = {
    "media": ("[", "]"),
    "news-agency": ("[[", "]]"),
    "intelligence": ("{{", "}}"),
    "government": ("[/", "\\]"),
    "official": ("[/", "\\]"),
    "politician": ("(", ")"),
    "military": ("{{", "}}"),
    "expert": ("([", "])"),
    "ngo": ("[(", ")]"),
    "company": ("[(", ")]"),
    "document": ("[/", "/]"),
    "anonymous": ("{", "}"),
    "collective": ("((", "))"),
    "unknown": ("[", "]"),
}


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    claims: int
    inferred: bool  # every claim on this edge got it by inference


@dataclass(frozen=True)
class CitationGraph:
    nodes: tuple[Source, ...]
    edges: tuple[Edge, ...]


def citation_graph(annotations: AnnotationSet) -> CitationGraph:
    used: dict[str, Source] = {}
    counts: dict[tuple[str, str], int] = {}
    explicit: dict[tuple[str, str], bool] = {}
    for claim in reported_claims(annotations):
        for hop in claim.chain:
            src = annotations.source(hop.source) or Source(id=hop.source, name=hop.source)
            used.setdefault(hop.source, src)
        seen: set[tuple[str, str]] = set()
        for a, b in pairwise(claim.chain):
            key = (a.source, b.source)
            if key in seen or a.source == b.source:
                continue  # a claim counts once per edge
            seen.add(key)
            counts[key] = counts.get(key, 0) + 1
            inferred = a.inferred or b.inferred
            explicit[key] = explicit.get(key, False) or not inferred
    edges = tuple(Edge(a, b, n, not explicit[(a, b)]) for (a, b), n in counts.items())
    return CitationGraph(tuple(used.values()), edges)


def _node_label(src: Source) -> str:
    grade = f"{src.reliability} — {RELIABILITY_LABELS[src.reliability]}" if src.reliability else ""
    return f"{src.name}\n{src.kind}" + (f"\n{grade}" if grade else "")


def _ids(graph: CitationGraph) -> dict[str, str]:
    return {src.id: f"s{i}" for i, src in enumerate(graph.nodes)}


def _plural(n: int) -> str:
    return f"{n} claim" if n == 1 else f"{n} claims"


# --- DOT ----------------------------------------------------------------------------------


def dot_string(text: str) -> str:
    """A DOT double-quoted string showing `text` literally, line ends as centred breaks.

    Backslashes are doubled first because DOT labels give `\\n`, `\\l`, `\\N`… a meaning;
    then quotes are escaped, and real line ends become `\\n`. Graphviz also decodes HTML
    entities in labels (`&amp;` shows `&`), so `&` itself is written as an entity.
    """
    text = text.replace("&", "&amp;")
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{text}"'


def export_dot(annotations: AnnotationSet, body: str = "") -> str:
    graph = citation_graph(annotations)
    ids = _ids(graph)
    title = annotations.meta.title or annotations.article_path
    out = [
        "digraph citations {",
        f"  label={dot_string('Citation graph: ' + title)};",
        "  labelloc=t;",
        '  fontname="Helvetica";',
        "  rankdir=LR;",
        '  node [fontname="Helvetica", style=filled, fontsize=11];',
        '  edge [fontname="Helvetica", fontsize=10];',
    ]
    for src in graph.nodes:
        shape = DOT_SHAPES.get(src.kind, "box")
        colour = RELIABILITY_COLOURS.get(src.reliability, "#ffffff")
        out.append(
            f"  {ids[src.id]} [label={dot_string(_node_label(src))}, shape={shape}, "
            f'fillcolor="{colour}", tooltip={dot_string(src.id)}];'
        )
    for e in graph.edges:
        style = "dashed" if e.inferred else "solid"
        label = _plural(e.claims) + (" (inferred)" if e.inferred else "")
        out.append(
            f"  {ids[e.source]} -> {ids[e.target]} [label={dot_string(label)}, "
            f"penwidth={1 + e.claims}, weight={e.claims}, style={style}];"
        )
    out.append("}")
    return "\n".join(out) + "\n"


# --- Mermaid ------------------------------------------------------------------------------

_MERMAID_ENTITIES = {
    "#": "#35;",  # first, so the entities below are not themselves re-escaped
    '"': "#quot;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "`": "#96;",  # a backtick inside quotes would open a Markdown string
}


def mermaid_string(text: str) -> str:
    """A Mermaid quoted label: entity codes for the characters Mermaid reads, <br/> for lines."""
    out = "".join(_MERMAID_ENTITIES.get(ch, ch) for ch in text)
    out = "<br/>".join(line.strip() for line in out.splitlines()) if "\n" in out else out
    return f'"{out}"'


def export_mermaid(annotations: AnnotationSet, body: str = "") -> str:
    graph = citation_graph(annotations)
    ids = _ids(graph)
    out = ["flowchart LR"]
    for src in graph.nodes:
        opening, closing = MERMAID_SHAPES.get(src.kind, ("[", "]"))
        out.append(f"  {ids[src.id]}{opening}{mermaid_string(_node_label(src))}{closing}")
    link_styles = []
    for i, e in enumerate(graph.edges):
        arrow = "-.->" if e.inferred else "-->"
        label = mermaid_string(_plural(e.claims) + (" (inferred)" if e.inferred else ""))
        out.append(f"  {ids[e.source]} {arrow}|{label}| {ids[e.target]}")
        link_styles.append(f"  linkStyle {i} stroke-width:{1 + e.claims}px")
    out += link_styles
    for grade, colour in RELIABILITY_COLOURS.items():
        members = [ids[s.id] for s in graph.nodes if s.reliability == grade]
        if members:
            name = f"rel{grade}" if grade else "unrated"
            out.append(f"  classDef {name} fill:{colour},stroke:#333,color:#111")
            out.append(f"  class {','.join(members)} {name}")
    return "\n".join(out) + "\n"
