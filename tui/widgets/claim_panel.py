"""The claim panel: everything about the current claim, as one `Content`.

Article-derived text (claim text, source names, notes) goes in as plain strings inside
`Content.assemble`, never through markup, so `[/bold]` or `[@click=app.quit]` in an article
or a note is shown as typed. `render_claim` is a function of the model alone, which keeps
the widget dumb and the output easy to test.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.model import (
    CREDIBILITY_LABELS,
    RELIABILITY_LABELS,
    AnnotationSet,
    Claim,
    Status,
    weakest_reliability,
)

QUOTE_LIMIT = 400  # characters of claim text shown; the article pane shows the rest
INFERRED = "⋯"  # marks a hop the text does not state (inferred by the extractor or the user)
SELECTED = "▸"  # the hop h/l select and r rates

STATUS_STYLES = {
    Status.SUGGESTED: "italic $text-warning",
    Status.CONFIRMED: "bold $text-success",
    Status.REJECTED: "strike $text-error",
}


@dataclass(frozen=True)
class ClaimView:
    """What the panel shows: the annotations, the claim, where it is, which hop is selected."""

    annotations: AnnotationSet
    claim: Claim
    index: int
    total: int
    body: str
    hop: int = 0


def _hop_name(ann: AnnotationSet, source_id: str) -> str:
    source = ann.source(source_id)
    return source.name if source is not None else source_id


def _label(text: str) -> tuple[str, str]:
    return (f"{text:<14}", "bold $text-muted")


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1] + "…"


def chain_content(view: ClaimView) -> Content:
    """`NIS (B) → Newsweek (C) → L'Express`, the selected hop in reverse video.

    The selected hop is also named on the line below (`▸ hop 2/3: Newsweek …`), so the
    selection reads without colour and the chain itself stays copyable as plain text.
    """
    ann, claim = view.annotations, view.claim
    if not claim.chain:
        return Content.styled("no source", "italic $text-muted")
    parts: list[str | tuple[str, str] | Content] = []
    for i, hop in enumerate(claim.chain):
        if i:
            parts.append(" → ")
        source = ann.source(hop.source)
        name = source.name if source is not None else hop.source
        grade = source.reliability if source is not None else None
        selected = i == view.hop
        # Inferred hops are italic here and listed on their own line below, which keeps the
        # chain itself in its plain `A (B) → C (D) → E` form.
        style = "bold italic" if hop.inferred else "bold"
        parts.append((name, f"{style} reverse $accent" if selected else style))
        if grade is not None:
            parts.append((f" ({grade})", "$text-secondary"))
    return Content.assemble(*parts)


def selected_hop_content(view: ClaimView) -> Content:
    """One line on the selected hop (h/l move it, r rates its source)."""
    claim = view.claim
    if not claim.chain or not 0 <= view.hop < len(claim.chain):
        return Content("")
    hop = claim.chain[view.hop]
    source = view.annotations.source(hop.source)
    name = source.name if source is not None else hop.source
    kind = source.kind if source is not None else "unknown"
    grade = source.reliability if source is not None else None
    rating = f"{grade} {RELIABILITY_LABELS[grade]}" if grade else "not rated (r)"
    if hop.mention is None:
        kind = f"{kind}, the article itself"
    return Content.assemble(
        (f"{SELECTED} hop {view.hop + 1}/{len(claim.chain)}: ", "$text-muted"),
        (name, "bold"),
        (f" ({kind}) ", "$text-muted"),
        (rating, "$text-secondary" if grade else "italic $text-muted"),
    )


def render_claim(view: ClaimView | None) -> Content:
    if view is None:
        return Content.styled(
            "No claims in this article yet. Press v to select text and make one.",
            "italic $text-muted",
        )
    ann, claim, body = view.annotations, view.claim, view.body
    lines: list[Content] = []
    lines.append(
        Content.assemble(
            (f"Claim {view.index + 1} / {view.total}", "bold"),
            "  ",
            (claim.status.value, STATUS_STYLES[claim.status]),
            ("  ⚠ not found in the changed article", "bold $text-error")
            if claim.span.orphan is not None
            else "",
        )
    )
    lines.append(Content.assemble(_label("Chain"), chain_content(view)))
    inferred = [_hop_name(ann, h.source) for h in claim.chain if h.inferred]
    if inferred:
        lines.append(
            Content.assemble(
                ("  " + INFERRED + " inferred, not stated: ", "$text-warning"), ", ".join(inferred)
            )
        )
    lines.append(Content.assemble("  ", selected_hop_content(view)))
    weakest = weakest_reliability(ann, claim)
    lines.append(
        Content.assemble(
            _label("Chain rating"),
            (f"{weakest} — {RELIABILITY_LABELS[weakest]}", "bold")
            if weakest
            else ("no source rated", "italic $text-muted"),
        )
    )
    if claim.cue is not None:
        lines.append(Content.assemble(_label("Cue"), claim.cue.text(body)))
    if claim.hedges:
        hedges = ", ".join(h.text(body) for h in claim.hedges)
        lines.append(Content.assemble(_label("Hedges"), (hedges, "italic")))
    if claim.anonymous:
        lines.append(Content.assemble(_label("Anonymous"), "the source is not named"))
    credibility = (
        (f"{claim.credibility} — {CREDIBILITY_LABELS[claim.credibility]}", "bold")
        if claim.credibility is not None
        else ("not rated (1–6)", "italic $text-muted")
    )
    lines.append(Content.assemble(_label("Credibility"), credibility))
    # The quote comes after the ratings: the article pane shows it highlighted already, and
    # in a short panel (80×24) the chain and ratings are what must stay visible.
    quote = claim.span.orphan.exact if claim.span.orphan is not None else claim.span.text(body)
    lines.append(Content.assemble(("“", "$text-muted"), _excerpt(quote), ("”", "$text-muted")))
    if claim.notes:
        lines.append(Content.styled(f"Notes ({len(claim.notes)})", "bold $text-muted"))
        for number, note in enumerate(claim.notes, 1):
            text_lines = note.text.splitlines() or [""]
            lines.append(Content.assemble((f"{number:>2}. ", "bold"), text_lines[0]))
            lines.extend(Content.assemble("    ", line) for line in text_lines[1:])
    else:
        lines.append(Content.styled("No notes (n adds one)", "italic $text-muted"))
    return Content("\n").join(lines)


class ClaimPanel(VerticalScroll, can_focus=False):
    """Shows the current claim; the app pushes a new `ClaimView` whenever anything changes."""

    def compose(self):
        yield Static(render_claim(None), id="claim-body")

    def show(self, view: ClaimView | None) -> None:
        self.query_one("#claim-body", Static).update(render_claim(view))
