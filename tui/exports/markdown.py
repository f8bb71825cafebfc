"""`--to md`: the review report as Markdown, for a person to read (raw or rendered).

Escaping: every piece of article or user text goes through `inline()` (or `lines()` for
multi-line text). `<`, `>` and `&` become entities because Markdown renderers pass raw HTML
through (a note saying `<script>` must not become one); the characters that start emphasis,
code, links or table cells are backslash-escaped; and characters that only matter at the start
of a line (headings, lists, quotes, setext underlines) are escaped there.
"""

from __future__ import annotations

import re

from tui.exports.common import (
    chain_text,
    claim_weakest,
    credibility_label,
    has_inferred_link,
    quote_of,
    reliability_label,
    reported_claims,
    rests_on_anonymous,
    source_name,
    summarise,
)
from tui.model import AnnotationSet, Claim, Status

_INLINE = re.compile(r"([\\`*_\[\]|~])")
_LINE_START = re.compile(r"^([#+=-])")
_ORDERED = re.compile(r"^(\d+)([.)])")


def inline(text: str) -> str:
    """Escape text for use inside a paragraph, list item, heading or table cell (one line)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    text = " ".join(text.split()) if "\n" in text else text
    # Harmless mid-line, these escapes stop a heading, list or setext line at a line start.
    text = _LINE_START.sub(r"\\\1", text)
    return _ORDERED.sub(r"\1\\\2", text)


def lines(text: str) -> list[str]:
    """Escape multi-line text line by line; leading indentation is dropped (code blocks)."""
    out = []
    for raw in text.splitlines() or [""]:
        out.append(inline(raw.strip()))
    return out


def blockquote(text: str) -> str:
    return "\n".join(f"> {line}".rstrip() for line in lines(text))


def cell(text: str) -> str:
    """A GFM table cell: one line, `|` escaped (done by inline), line breaks as <br>."""
    return "<br>".join(inline(line) for line in text.splitlines()) if text else ""


def _metadata(annotations: AnnotationSet) -> list[str]:
    meta = annotations.meta
    rows = [
        ("Outlet", meta.outlet),
        ("Author", meta.author),
        ("Published", meta.published),
        ("URL", meta.url),
        ("Language", meta.language),
        ("Article file", annotations.article_path),
    ]
    out = ["| Article | |", "| --- | --- |"]
    out += [f"| {name} | {cell(value)} |" for name, value in rows if value]
    if annotations.sha256:
        out.append(f"| SHA-256 | `{annotations.sha256}` |")
    return out


def _claim_ref(claim: Claim, body: str, limit: int = 60) -> str:
    quote = " ".join(quote_of(claim.span, body).split())
    if len(quote) > limit:
        quote = quote[: limit - 1].rstrip() + "…"
    return f"{inline(claim.id)} (“{inline(quote)}”)"


def _summary(annotations: AnnotationSet, body: str) -> list[str]:
    s = summarise(annotations)
    statuses = ", ".join(f"{n} {name}" for name, n in s.by_status.items())
    out = [
        "## Summary",
        "",
        f"- **Claims:** {s.total} in this report ({statuses}; rejected suggestions are left out)",
        f"- **Resting on anonymous origins:** {s.share(s.anonymous)}",
        f"- **Resting on a single named source:** {s.share(s.single_source)}",
        f"- **With an inferred link in the chain:** {s.share(s.inferred)}",
    ]
    if s.unsourced:
        out.append(
            f"- **On the article's own authority (no named source):** {s.share(s.unsourced)}"
        )
    if s.longest is not None:
        chain = inline(chain_text(annotations, s.longest, ratings=True))
        out.append(f"- **Longest chain:** {chain} — claim {_claim_ref(s.longest, body)}")
    if s.weakest:
        out.append("- **Weakest links:**")
        for weak in s.weakest:
            plural = "claim" if weak.claims == 1 else "claims"
            out.append(
                f"  - {inline(weak.source.name)} ({inline(weak.source.kind)}): "
                f"{reliability_label(weak.source.reliability)} — carries {weak.claims} {plural}"
            )
    if s.unrated:
        names = ", ".join(f"{inline(w.source.name)} ({w.claims})" for w in s.unrated)
        out.append(f"- **Sources not yet rated** (claims carried): {names}")
    return out


def _sources(annotations: AnnotationSet) -> list[str]:
    if not annotations.sources:
        return []
    out = [
        "## Sources",
        "",
        "| Source | Kind | Reliability | Aliases | Note |",
        "| --- | --- | --- | --- | --- |",
    ]
    for src in annotations.sources:
        out.append(
            f"| {cell(src.name)} | {cell(src.kind)} | {reliability_label(src.reliability)} "
            f"| {cell(', '.join(src.aliases))} | {cell(src.note)} |"
        )
    return out


def _claim(annotations: AnnotationSet, claim: Claim, body: str) -> list[str]:
    status = claim.status.value + (
        " (not yet reviewed)" if claim.status is Status.SUGGESTED else ""
    )
    out = [f"### Claim {inline(claim.id)} — {status}", ""]
    if claim.span.orphan is not None:
        out.append("*This passage was not found again in the article; its last known quote:*")
        out.append("")
    out.append(blockquote(quote_of(claim.span, body)))
    out.append("")
    chain = chain_text(annotations, claim, ratings=True) or "(no chain)"
    out.append(f"- **Chain:** {inline(chain)}")
    inferred = [source_name(annotations, h.source) for h in claim.chain if h.inferred]
    if inferred:
        out.append(f"- **Inferred links:** {inline(', '.join(inferred))}")
    if claim.cue is not None:
        out.append(f"- **Cue:** {inline(quote_of(claim.cue, body))}")
    if claim.hedges:
        out.append(f"- **Hedged by:** {inline(', '.join(quote_of(h, body) for h in claim.hedges))}")
    if rests_on_anonymous(annotations, claim):
        out.append("- **Anonymous origin**")
    out.append(f"- **Credibility:** {credibility_label(claim.credibility)}")
    rated = []
    for hop in claim.chain:
        src = annotations.source(hop.source)
        if src is not None and src.reliability:
            rated.append(f"{src.name}: {reliability_label(src.reliability)}")
    if rated:
        out.append(f"- **Source reliability:** {inline('; '.join(rated))}")
        weakest = claim_weakest(annotations, claim)
        out.append(f"- **Weakest link:** {reliability_label(weakest)}")
    if claim.notes:
        out.append("- **Notes:**")
        for i, note in enumerate(claim.notes, 1):
            stamp = note.created
            if note.updated != note.created:
                stamp = f"{note.created}, edited {note.updated}"
            body_lines = lines(note.text)
            # A numbered list item; continuation lines indented to stay inside the item.
            out.append(f"  {i}. {body_lines[0]}  ")
            out.extend(f"     {line}  " for line in body_lines[1:])
            out.append(f"     *{inline(stamp)}*")
    out.append("")
    return out


def export_markdown(annotations: AnnotationSet, body: str) -> str:
    title = annotations.meta.title or annotations.article_path or "Untitled article"
    out = [f"# Source review: {inline(title)}", ""]
    out += _metadata(annotations)
    out.append("")
    out += _summary(annotations, body)
    out.append("")
    sources = _sources(annotations)
    if sources:
        out += [*sources, ""]
    out += ["## Claims", ""]
    claims = reported_claims(annotations)
    if not claims:
        out += ["No claims in this report.", ""]
    for claim in claims:
        out += _claim(annotations, claim, body)
    flagged = [c for c in claims if has_inferred_link(c)]
    if flagged:
        out.append(
            f"*{len(flagged)} claim(s) rest on links the reviewer or the extractor inferred; "
            "the article does not state them.*"
        )
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
