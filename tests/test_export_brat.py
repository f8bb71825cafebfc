"""`--to brat`: standoff checked line by line against brat's format and our annotation.conf."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from test_export_common import seed_annotations, seed_body

from tui.exports.brat import annotation_conf, export_brat, fragments
from tui.model import AnnotationSet, Claim, Hop, Note, Source, Span, Status

T_LINE = re.compile(r"^(T\d+)\t(\w+) (\d+ \d+(?:;\d+ \d+)*)\t([^\n]*)$")
E_LINE = re.compile(r"^(E\d+)\t(\w+):(T\d+)((?: \w+:[TE]\d+)*)$")
A_LINE = re.compile(r"^(A\d+)\t(\w+) ([TE]\d+)(?: (\S+))?$")
N_LINE = re.compile(r"^(#\d+)\tAnnotatorNotes ([TE]\d+)\t([^\n]*)$")


@dataclass
class Conf:
    entities: set[str] = field(default_factory=set)
    events: dict[str, dict[str, str]] = field(default_factory=dict)  # type -> role -> arg type
    attributes: dict[str, tuple[str, set[str] | None]] = field(default_factory=dict)


def parse_conf(text: str) -> Conf:
    conf, section = Conf(), ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        if section == "entities":
            conf.entities.add(line)
        elif section == "events":
            name, args = line.split("\t")
            roles = {}
            for arg in args.split(", "):
                role, kind = arg.split(":")
                roles[role.rstrip("?*+")] = kind
            conf.events[name] = roles
        elif section == "attributes":
            name, spec = line.split("\t")
            parts = dict(p.split(":") for p in spec.split(", "))
            values = set(parts["Value"].split("|")) if "Value" in parts else None
            conf.attributes[name] = (parts["Arg"], values)
    return conf


@dataclass
class Doc:
    text_bound: dict[str, tuple[str, list[tuple[int, int]], str]] = field(default_factory=dict)
    events: dict[str, tuple[str, str, list[tuple[str, str]]]] = field(default_factory=dict)
    attributes: list[tuple[str, str, str | None]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)


def parse_ann(ann: str, body: str, conf: Conf) -> Doc:
    """Parse and validate like brat's loader: ids, offsets, text, types, roles, values."""
    doc = Doc()
    assert ann.endswith("\n")
    for line in ann.splitlines():
        if m := T_LINE.match(line):
            tid, kind, offsets, text = m.groups()
            frags = [tuple(map(int, f.split())) for f in offsets.split(";")]
            assert kind in conf.entities or kind in conf.events, line
            for s, e in frags:
                assert 0 <= s < e <= len(body) and "\n" not in body[s:e], line
            assert text == " ".join(body[s:e] for s, e in frags), line
            doc.text_bound[tid] = (kind, frags, text)
        elif m := E_LINE.match(line):
            eid, kind, trigger, rest = m.groups()
            assert doc.text_bound[trigger][0] == kind, line  # the trigger is typed as the event
            args = [tuple(a.split(":")) for a in rest.split()]
            for role, ref in args:
                declared = conf.events[kind][re.sub(r"\d+$", "", role)]
                assert doc.text_bound[ref][0] == declared, line
            doc.events[eid] = (kind, trigger, args)
        elif m := A_LINE.match(line):
            _, name, ref, value = m.groups()
            arg, values = conf.attributes[name]
            kind = doc.text_bound[ref][0] if ref.startswith("T") else doc.events[ref][0]
            assert kind == arg, line
            assert (value in values) if values else value is None, line
            doc.attributes.append((name, ref, value))
        elif m := N_LINE.match(line):
            _, ref, text = m.groups()
            assert ref in doc.text_bound or ref in doc.events, line
            doc.notes.append((ref, text))
        else:
            raise AssertionError(f"not a brat standoff line: {line!r}")
    return doc


def test_brat_standoff_of_the_seed() -> None:
    body = seed_body()
    ann = seed_annotations(body)
    conf = parse_conf(annotation_conf())
    doc = parse_ann(export_brat(ann, body), body, conf)
    reported = [c for c in ann.claims if c.status is not Status.REJECTED]
    assert len(doc.events) == len(reported)
    # c1: cue "Selon" triggers; NIS is the origin, Newsweek a relay; content and hedge.
    _, trigger, args = doc.events["E1"]
    assert doc.text_bound[trigger][2] == "Selon"
    named = {role: doc.text_bound[ref][2] for role, ref in args}
    assert named == {
        "Source": "services de renseignements sud-coréens (NIS)",
        "Relay": "Newsweek",
        "Content": "la Corée du Nord aurait envoyé environ 15 000 travailleurs en Russie",
        "Hedge": "aurait",
    }
    attrs = {(n, r): v for n, r, v in doc.attributes}
    assert attrs[("Credibility", "E1")] == "2"
    assert attrs[("Status", "E1")] == "confirmed"
    assert ("Inferred", "E1") in attrs
    source_t = dict(args)["Source"]
    assert attrs[("Reliability", source_t)] == "B"
    assert attrs[("SourceKind", source_t)] == "intelligence"
    notes = [t for r, t in doc.notes if r == trigger]
    assert notes == [
        "[c1] Check the NIS report itself.",
        "[c1] Newsweek link is inferred ⏎ from paragraph order.",
    ]
    # The same mention of Newsweek (c1's relay, c2's origin) is one T annotation.
    assert sum(1 for k, _, t in doc.text_bound.values() if k == "Source" and t == "Newsweek") == 1
    # Anonymous origins are flagged; the rejected claim is absent.
    assert ("Anonymous", "E3") in attrs
    assert not any("planche de salut" in t for _, _, t in doc.text_bound.values())


def test_multi_line_spans_become_fragments() -> None:
    body = "Selon X,\nla pluie\n\n  tombe fort.\nFin."
    span = Span(body.index("la"), body.index("Fin") - 1)
    assert fragments(span, body) == [(9, 17), (21, 32)]
    ann = AnnotationSet(
        "a.txt",
        sources=(Source("x", "X"),),
        claims=(
            Claim(
                "c1",
                span,
                cue=Span(0, 5),
                chain=(Hop("x", Span(6, 7)),),
                notes=(Note("tab\there\r\nnew line", "t", "t"),),
            ),
        ),
    )
    out = export_brat(ann, body)
    doc = parse_ann(out, body, parse_conf(annotation_conf()))
    content = next(v for v in doc.text_bound.values() if v[0] == "Content")
    assert content[1] == [(9, 17), (21, 32)] and content[2] == "la pluie tombe fort."
    assert doc.notes[-1][1] == "[c1] tab here ⏎ new line"


def test_claim_without_cue_uses_its_content_as_trigger_and_orphans_are_left_out() -> None:
    body = "La pluie tombe, dit X."
    ann = AnnotationSet(
        "a.txt",
        sources=(Source("x", "X"),),
        claims=(
            Claim("c1", Span(0, 14), chain=(Hop("x", Span(20, 21)),), credibility=3),
            Claim("c2", Span(0, 3, orphan=None)),
        ),
    )
    orphan = replace(
        ann.claims[1], span=Span(0, 3, orphan=__import__("tui.model").model.TextQuote("gone"))
    )
    ann = ann.replace_claim(orphan)
    doc = parse_ann(export_brat(ann, body), body, parse_conf(annotation_conf()))
    assert len(doc.events) == 1
    _, trigger, _ = doc.events["E1"]
    assert doc.text_bound[trigger] == ("Attribution", [(0, 14)], "La pluie tombe")
