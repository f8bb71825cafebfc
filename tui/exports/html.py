"""`--to html`: the review report as one self-contained page (inline CSS, no scripts).

Every string from the article or the user goes through `esc` (html.escape, quotes too), so
the page is safe to open whatever the notes say. The article is shown with the claims
highlighted like in the reader: all spans of the reported claims are cut into non-overlapping
intervals, and each interval becomes one `<mark>` carrying the classes of every span that
covers it, so overlaps (a hedge inside a claim, a source named inside another claim) render.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from itertools import pairwise

from tui.exports.common import (
    chain_text,
    claim_weakest,
    credibility_label,
    paragraph_spans,
    quote_of,
    reliability_label,
    reported_claims,
    rests_on_anonymous,
    source_name,
    summarise,
)
from tui.model import AnnotationSet, Claim, Span, Status

# Kind of span -> (CSS class, legend text). Order = the order classes are listed on a mark.
KINDS: dict[str, tuple[str, str]] = {
    "content": ("hl-claim", "attributed claim"),
    "suggested": ("hl-suggested", "claim not yet reviewed"),
    "source": ("hl-source", "source named"),
    "anonymous": ("hl-anon", "anonymous source"),
    "cue": ("hl-cue", "attribution cue"),
    "hedge": ("hl-hedge", "hedge"),
}

CSS = """
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; }
* { box-sizing: border-box; }
body { font: 16px/1.55 Georgia, "Times New Roman", serif; color: var(--ink); margin: 0;
  background: #f6f5f1; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; background: #fff;
  box-shadow: 0 0 0 1px var(--rule); }
h1, h2, h3 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.25; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
h2 { font-size: 1.2rem; margin: 2.2rem 0 .8rem; padding-bottom: .3rem;
  border-bottom: 2px solid var(--ink); }
h3 { font-size: 1rem; margin: 0 0 .5rem; display: flex; gap: .6rem; align-items: baseline; }
table { border-collapse: collapse; width: 100%; font: 14px/1.4 "Helvetica Neue", Arial,
  sans-serif; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem;
  border-bottom: 1px solid var(--rule); }
th { color: var(--muted); font-weight: 600; }
table.meta th { width: 9rem; }
code { font-size: .85em; word-break: break-all; }
.stats { list-style: none; padding: 0; margin: 0; display: grid;
  grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .6rem; }
.stats li { border: 1px solid var(--rule); border-radius: 6px; padding: .5rem .7rem;
  font: 13px/1.35 "Helvetica Neue", Arial, sans-serif; color: var(--muted); }
.stats strong { display: block; font-size: 1.35rem; color: var(--ink); }
.summary-list { font: 14px/1.5 "Helvetica Neue", Arial, sans-serif; }
.legend { font: 13px/1.4 "Helvetica Neue", Arial, sans-serif; display: flex; flex-wrap: wrap;
  gap: .4rem 1rem; margin: 0 0 1rem; color: var(--muted); }
.article p { margin: 0 0 1em; }
mark { background: none; color: inherit; padding: 0; }
mark.hl-claim { background: #fff0a8; }
mark.hl-suggested { background: #e9e9ee; }
mark.hl-source { background: #cfe6ff; font-weight: 600; }
mark.hl-anon { background: #ffd6d6; font-weight: 600; }
mark.hl-cue { border-bottom: 2px solid #1a7f37; }
mark.hl-hedge { font-style: italic; text-decoration: underline wavy #d9730d; }
sup.ref { font: 600 10px/1 "Helvetica Neue", Arial, sans-serif; margin-left: 1px; }
sup.ref a { color: #6b4f00; text-decoration: none; }
.claim { border: 1px solid var(--rule); border-left: 4px solid #e0b400; border-radius: 4px;
  padding: .8rem 1rem; margin: 0 0 1rem; }
.claim.status-suggested { border-left-color: #b0b0b0; }
.claim.status-rejected { border-left-color: #c62828; opacity: .7; }
.badge { font: 600 11px/1 "Helvetica Neue", Arial, sans-serif; text-transform: uppercase;
  letter-spacing: .04em; padding: .25rem .45rem; border-radius: 3px; background: #eee; }
.badge.confirmed { background: #dcf3e0; color: #1a5e2a; }
.badge.suggested { background: #eee; color: #555; }
.badge.anon { background: #ffd6d6; color: #8a1c1c; }
blockquote { margin: .3rem 0 .7rem; padding: .2rem .9rem; border-left: 3px solid var(--rule);
  white-space: pre-wrap; }
.chain { font: 600 14px/1.5 "Helvetica Neue", Arial, sans-serif; }
.chain .inferred { border-bottom: 1px dashed currentColor; }
.facts { margin: .5rem 0 0; display: grid; grid-template-columns: 8.5rem 1fr; gap: .15rem .8rem;
  font: 14px/1.45 "Helvetica Neue", Arial, sans-serif; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.notes { margin: .2rem 0 0; padding-left: 1.2rem; }
.notes li { white-space: pre-wrap; margin-bottom: .3rem; }
.notes .when { display: block; white-space: normal; color: var(--muted); font-size: 12px; }
.warning { color: #8a1c1c; font-style: italic; }
@media print { body { background: #fff; } main { box-shadow: none; } }
"""


def esc(text: str | None) -> str:
    return escape(text or "", quote=True)


@dataclass(frozen=True)
class _Mark:
    span: Span
    kind: str
    claim: str


def _marks(annotations: AnnotationSet, claims: list[Claim]) -> list[_Mark]:
    """Every highlightable span; orphans are skipped (their offsets no longer point at them)."""
    out: list[_Mark] = []
    for claim in claims:

        def add(span: Span | None, kind: str, cid: str = claim.id) -> None:
            if span is not None and span.orphan is None and len(span):
                out.append(_Mark(span, kind, cid))

        add(claim.span, "content" if claim.status is Status.CONFIRMED else "suggested")
        add(claim.cue, "cue")
        for hop in claim.chain:
            src = annotations.source(hop.source)
            anon = src is not None and src.kind == "anonymous"
            add(hop.mention, "anonymous" if anon else "source")
        for hedge in claim.hedges:
            add(hedge, "hedge")
    return out


def _render_interval(text: str, active: list[_Mark]) -> str:
    escaped = esc(text).replace("\n", "<br>\n")
    if not active:
        return escaped
    kinds = {m.kind for m in active}
    classes = " ".join(css for kind, (css, _) in KINDS.items() if kind in kinds)
    ids = sorted({m.claim for m in active})
    title = "claim " + ", ".join(ids) + ": " + ", ".join(KINDS[k][1] for k in KINDS if k in kinds)
    return f'<mark class="{classes}" title="{esc(title)}">{escaped}</mark>'


def highlighted_article(annotations: AnnotationSet, body: str, claims: list[Claim]) -> str:
    """The article body as <p> elements with every claim span marked."""
    marks = _marks(annotations, claims)
    # A reference number after each claim, placed before trailing spaces so it hugs the text.
    refs: dict[int, list[str]] = {}
    for claim in claims:
        if claim.span.orphan is None:
            end = claim.span.start + len(claim.span.text(body).rstrip())
            refs.setdefault(end, []).append(claim.id)
    paragraphs = []
    for para in paragraph_spans(body):
        cuts = {para.start, para.end}
        for m in marks:
            cuts.update(p for p in (m.span.start, m.span.end) if para.start < p < para.end)
        for pos in refs:
            if para.start < pos < para.end:
                cuts.add(pos)
        points = sorted(cuts)
        parts = []
        for a, b in pairwise(points):
            active = [m for m in marks if m.span.start <= a and b <= m.span.end]
            parts.append(_render_interval(body[a:b], active))
            for cid in refs.get(b, ()):
                parts.append(f'<sup class="ref"><a href="#claim-{esc(cid)}">{esc(cid)}</a></sup>')
        paragraphs.append("<p>" + "".join(parts) + "</p>")
    return "\n".join(paragraphs)


def _legend() -> str:
    items = "".join(
        f'<span><mark class="{css}">{esc(label)}</mark></span>' for css, label in KINDS.values()
    )
    return f'<div class="legend" aria-label="legend">{items}</div>'


def _meta_table(annotations: AnnotationSet) -> str:
    meta = annotations.meta
    rows = [
        ("Outlet", esc(meta.outlet)),
        ("Author", esc(meta.author)),
        ("Published", esc(meta.published)),
        ("URL", esc(meta.url)),
        ("Language", esc(meta.language)),
        ("Article file", esc(annotations.article_path)),
        ("SHA-256", f"<code>{esc(annotations.sha256)}</code>" if annotations.sha256 else ""),
    ]
    body = "".join(f"<tr><th>{name}</th><td>{value}</td></tr>" for name, value in rows if value)
    return f'<table class="meta">{body}</table>'


def _summary(annotations: AnnotationSet, body: str) -> str:
    s = summarise(annotations)
    stats = [
        ("claims reported", str(s.total)),
        ("confirmed", str(s.by_status["confirmed"])),
        ("not yet reviewed", str(s.by_status["suggested"])),
        ("anonymous origin", s.share(s.anonymous)),
        ("single named source", s.share(s.single_source)),
        ("inferred link", s.share(s.inferred)),
    ]
    if s.unsourced:
        stats.append(("no named source", s.share(s.unsourced)))
    cards = "".join(f"<li><strong>{esc(value)}</strong>{esc(label)}</li>" for label, value in stats)
    items = []
    if s.by_status["rejected"]:
        items.append(f"<li>{s.by_status['rejected']} rejected suggestion(s) left out.</li>")
    if s.longest is not None:
        chain = esc(chain_text(annotations, s.longest, ratings=True))
        items.append(
            f"<li><strong>Longest chain:</strong> {chain} — "
            f'<a href="#claim-{esc(s.longest.id)}">claim {esc(s.longest.id)}</a></li>'
        )
    if s.weakest:
        weak = "".join(
            f"<li>{esc(w.source.name)} ({esc(w.source.kind)}): "
            f"{esc(reliability_label(w.source.reliability))} — carries {w.claims} "
            f"claim{'s' if w.claims != 1 else ''}</li>"
            for w in s.weakest
        )
        items.append(f"<li><strong>Weakest links:</strong><ul>{weak}</ul></li>")
    if s.unrated:
        names = ", ".join(f"{esc(w.source.name)} ({w.claims})" for w in s.unrated)
        items.append(f"<li><strong>Sources not yet rated</strong> (claims carried): {names}</li>")
    listing = f'<ul class="summary-list">{"".join(items)}</ul>' if items else ""
    return f'<ul class="stats">{cards}</ul>{listing}'


def _chain_html(annotations: AnnotationSet, claim: Claim) -> str:
    parts = []
    for hop in claim.chain:
        src = annotations.source(hop.source)
        name = esc(source_name(annotations, hop.source))
        if src is not None and src.reliability:
            name += f" ({esc(src.reliability)})"
        if hop.inferred:
            name = f'<span class="inferred" title="inferred link">{name}</span>'
        parts.append(name)
    return " → ".join(parts) or "(no chain)"


def _claim_html(annotations: AnnotationSet, claim: Claim, body: str) -> str:
    status = claim.status.value
    badges = f'<span class="badge {esc(status)}">{esc(status)}</span>'
    if rests_on_anonymous(annotations, claim):
        badges += '<span class="badge anon">anonymous origin</span>'
    facts = [("Chain", f'<span class="chain">{_chain_html(annotations, claim)}</span>')]
    if claim.cue is not None:
        facts.append(("Cue", esc(quote_of(claim.cue, body))))
    if claim.hedges:
        facts.append(("Hedged by", esc(", ".join(quote_of(h, body) for h in claim.hedges))))
    facts.append(("Credibility", esc(credibility_label(claim.credibility))))
    rated = [
        f"{esc(src.name)}: {esc(reliability_label(src.reliability))}"
        for hop in claim.chain
        if (src := annotations.source(hop.source)) is not None and src.reliability
    ]
    if rated:
        facts.append(("Reliability", "<br>".join(rated)))
        facts.append(("Weakest link", esc(reliability_label(claim_weakest(annotations, claim)))))
    if claim.notes:
        notes = []
        for note in claim.notes:
            when = esc(note.created)
            if note.updated != note.created:
                when += f", edited {esc(note.updated)}"
            notes.append(f'<li>{esc(note.text)}<span class="when">{when}</span></li>')
        facts.append(("Notes", f'<ol class="notes">{"".join(notes)}</ol>'))
    dl = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts)
    orphan = ""
    if claim.span.orphan is not None:
        orphan = (
            '<p class="warning">This passage was not found again in the article; '
            "its last known quote:</p>"
        )
    return (
        f'<article class="claim status-{esc(status)}" id="claim-{esc(claim.id)}">'
        f"<h3>Claim {esc(claim.id)} {badges}</h3>"
        f"{orphan}<blockquote>{esc(quote_of(claim.span, body))}</blockquote>"
        f'<dl class="facts">{dl}</dl></article>'
    )


def _sources_table(annotations: AnnotationSet) -> str:
    rows = "".join(
        f"<tr><td>{esc(s.name)}</td><td>{esc(s.kind)}</td>"
        f"<td>{esc(reliability_label(s.reliability))}</td>"
        f"<td>{esc(', '.join(s.aliases))}</td><td>{esc(s.note)}</td></tr>"
        for s in annotations.sources
    )
    head = "<tr><th>Source</th><th>Kind</th><th>Reliability</th><th>Aliases</th><th>Note</th></tr>"
    return f"<table>{head}{rows}</table>"


def export_html(annotations: AnnotationSet, body: str) -> str:
    title = annotations.meta.title or annotations.article_path or "Untitled article"
    # The report speaks English; the article keeps its own language (for hyphenation, voices).
    lang = annotations.meta.language or ""
    claims = reported_claims(annotations)
    claim_html = "\n".join(_claim_html(annotations, c, body) for c in claims) or (
        "<p>No claims in this report.</p>"
    )
    sources = (
        f"<section><h2>Sources</h2>{_sources_table(annotations)}</section>"
        if annotations.sources
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="sourcecrit">
<title>Source review: {esc(title)}</title>
<style>{CSS}</style>
</head>
<body>
<main>
<header><h1>Source review: {esc(title)}</h1>{_meta_table(annotations)}</header>
<section><h2>Summary</h2>{_summary(annotations, body)}</section>
<section class="article"><h2>Article</h2>{_legend()}
<div lang="{esc(lang)}">{highlighted_article(annotations, body, claims)}</div>
</section>
<section><h2>Claims</h2>
{claim_html}
</section>
{sources}
</main>
</body>
</html>
"""
