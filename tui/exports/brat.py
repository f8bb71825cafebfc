"""`--to brat`: brat standoff (`.ann`), which brat and INCEpTION open beside the `.txt`.

- `T` text-bound annotations: `Source` (each mention in a chain), `Content` (the claim),
  `Hedge`, and `Attribution` — the event trigger. brat events must have a trigger, so the
  cue (`selon`, `a révélé que`) is the trigger; a claim without a cue uses its content span.
- `E` events: `Attribution:T Source:T Relay:T Relay2:T Content:T Hedge:T` — the origin is
  `Source`, later links of the chain are `Relay`, `Relay2`, … in order.
- `A` attributes: `Reliability` on sources, `Credibility`, `Status`, `Anonymous`, `Inferred`
  on the event.
- `#` `AnnotatorNotes`: the reviewer's notes (on the trigger) and sources' notes.

Offsets are code points into the `.txt`, as in brat and in Python. A span crossing line ends
becomes fragments (`start end;start end`), because the text field of a T line is one line.
Rejected suggestions are left out: they are not claims of the article.
"""

from __future__ import annotations

import re

from tui.model import RELIABILITY_LABELS, SOURCE_KINDS, AnnotationSet, Claim, Span, Status

_NEWLINES = re.compile(r"[\r\n\u2028\u2029\x85\v\f]+")
_LINE = re.compile(r"[^\r\n\u2028\u2029\x85\v\f]+")


def annotation_conf() -> str:
    """brat's `annotation.conf` for these types (put it in the folder of the .ann/.txt)."""
    reliability = "|".join(RELIABILITY_LABELS)
    kinds = "|".join(SOURCE_KINDS)
    return f"""# sourcecrit: attributed claims and their source chains
[entities]
Source
Content
Hedge

[relations]
# claims, cues and sources overlap freely
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]
Attribution\tSource?:Source, Relay*:Source, Content:Content, Hedge*:Hedge

[attributes]
Reliability\tArg:Source, Value:{reliability}
SourceKind\tArg:Source, Value:{kinds}
Credibility\tArg:Attribution, Value:1|2|3|4|5|6
Status\tArg:Attribution, Value:suggested|confirmed
Anonymous\tArg:Attribution
Inferred\tArg:Attribution
"""


def visual_conf() -> str:
    """Optional `visual.conf`: colours close to the reader's."""
    return """[labels]
Source | Source | Src
Content | Content | Claim
Hedge | Hedge
Attribution | Attribution | Cue

[drawing]
Source\tbgColor:#cfe6ff
Content\tbgColor:#fff0a8
Hedge\tbgColor:#ffd8b0
Attribution\tbgColor:#b8e6c1
"""


def fragments(span: Span, body: str) -> list[tuple[int, int]]:
    """The span cut at line ends into (start, end) pieces, each trimmed, empty ones dropped."""
    out = []
    for line in _LINE.finditer(body, span.start, span.end):
        piece = line.group()
        stripped = piece.strip()
        if stripped:
            start = line.start() + piece.index(stripped)
            out.append((start, start + len(stripped)))
    return out or [(span.start, span.end)]


def _one_line(text: str) -> str:
    """A note or name on one brat line: line ends shown as ⏎, tabs as spaces."""
    return _NEWLINES.sub(" ⏎ ", text).replace("\t", " ")


class _Writer:
    def __init__(self, body: str) -> None:
        self.body = body
        self.lines: list[str] = []
        self.text_ids: dict[tuple[str, tuple[tuple[int, int], ...]], str] = {}
        self.counts = {"T": 0, "E": 0, "A": 0, "#": 0}

    def next_id(self, prefix: str) -> str:
        self.counts[prefix] += 1
        return f"{prefix}{self.counts[prefix]}"

    def text_bound(self, kind: str, span: Span) -> tuple[str, bool]:
        """The T id for (kind, span), reusing an existing one; True when it is new."""
        frags = tuple(fragments(span, self.body))
        key = (kind, frags)
        if key in self.text_ids:
            return self.text_ids[key], False
        tid = self.next_id("T")
        offsets = ";".join(f"{s} {e}" for s, e in frags)
        # brat joins the fragments' texts with a space in the text field.
        text = " ".join(self.body[s:e] for s, e in frags)
        self.lines.append(f"{tid}\t{kind} {offsets}\t{text}")
        self.text_ids[key] = tid
        return tid, True

    def attribute(self, name: str, target: str, value: str | None = None) -> None:
        aid = self.next_id("A")
        self.lines.append(f"{aid}\t{name} {target}" + (f" {value}" if value else ""))

    def note(self, target: str, text: str) -> None:
        self.lines.append(f"{self.next_id('#')}\tAnnotatorNotes {target}\t{_one_line(text)}")


def _usable(span: Span | None) -> bool:
    # Orphans' offsets point at text that is no longer theirs: better absent than wrong.
    return span is not None and span.orphan is None and len(span) > 0


def _claim(w: _Writer, annotations: AnnotationSet, claim: Claim) -> None:
    if not _usable(claim.span):
        return
    content, _ = w.text_bound("Content", claim.span)
    trigger_span = claim.cue if _usable(claim.cue) else claim.span
    assert trigger_span is not None
    trigger, _ = w.text_bound("Attribution", trigger_span)
    args = []
    role_counts: dict[str, int] = {}

    def role(name: str) -> str:
        role_counts[name] = role_counts.get(name, 0) + 1
        n = role_counts[name]
        return name if n == 1 else f"{name}{n}"

    for i, hop in enumerate(h for h in claim.chain if _usable(h.mention)):
        assert hop.mention is not None
        tid, new = w.text_bound("Source", hop.mention)
        source = annotations.source(hop.source)
        if new and source is not None:
            if source.reliability:
                w.attribute("Reliability", tid, source.reliability)
            w.attribute("SourceKind", tid, source.kind)
            w.note(tid, source.name + (f" — {source.note}" if source.note else ""))
        args.append(f"{role('Source' if i == 0 else 'Relay')}:{tid}")
    args.append(f"Content:{content}")
    for hedge in claim.hedges:
        if _usable(hedge):
            args.append(f"{role('Hedge')}:{w.text_bound('Hedge', hedge)[0]}")
    eid = w.next_id("E")
    w.lines.append(f"{eid}\tAttribution:{trigger} {' '.join(args)}")
    if claim.credibility is not None:
        w.attribute("Credibility", eid, str(claim.credibility))
    w.attribute("Status", eid, claim.status.value)
    if claim.anonymous:
        w.attribute("Anonymous", eid)
    if any(h.inferred for h in claim.chain):
        w.attribute("Inferred", eid)
    for note in claim.notes:
        w.note(trigger, f"[{claim.id}] {note.text}")


def export_brat(annotations: AnnotationSet, body: str) -> str:
    """The `.ann` text; the `.txt` beside it must be `body`, byte for byte (UTF-8)."""
    w = _Writer(body)
    for claim in annotations.claims:
        if claim.status is not Status.REJECTED:
            _claim(w, annotations, claim)
    return "".join(line + "\n" for line in w.lines)
