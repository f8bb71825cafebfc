"""The claim panel: everything about the current claim, as one `Content`.

Article-derived text (claim text, source names, notes) goes in as plain strings inside
`Content.assemble`, never through markup, so `[/bold]` or `[@click=app.quit]` in an article
or a note is shown as typed. `render_claim` is a function of the model alone, which keeps
the widget dumb and the output easy to test.

The panel is one Line-API widget (a `ScrollView` drawing the wrapped `Content` itself)
rather than a scrolling container around a `Static`: one widget less to mount, style and
lay out on the way to the first frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.visual import Visual

from tui.model import (
    CREDIBILITY_LABELS,
    RELIABILITY_LABELS,
    AnnotationSet,
    Claim,
    Status,
    weakest_reliability,
)

if TYPE_CHECKING:
    from tui.corroboration import Group

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
    group: Group | None = None  # the claims of other articles linked to this one


ALSO_LIMIT = 6  # other articles' claims listed; the rest are counted
ALSO_TEXT = 160  # characters of each one's text


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
    if view.group is not None:
        lines.extend(also_reported_lines(view.group, ann.article_path, claim.credibility))
    return Content("\n").join(lines)


def also_reported_lines(group: Group, article: str, credibility: int | None) -> list[Content]:
    """ "Also reported in": the other articles' linked claims, the origins, the warnings."""
    others = [c for c in group.claims if c.article != article]
    if not others:
        return []
    flag: Any = (
        ("  independent", "bold $text-success")
        if group.independent
        else ("  circular: one origin", "bold $text-error")
        if group.circular
        else ("  no independent origin", "$text-warning")
    )
    lines = [
        Content.styled("Also reported in", "bold $text-muted"),
        Content.assemble("  ", (group.summary, "bold"), flag),
    ]
    for linked in others[:ALSO_LIMIT]:
        title = linked.title or linked.outlet or linked.article
        where = f" ({linked.outlet})" if linked.outlet and linked.outlet != title else ""
        lines.append(Content.assemble("  • ", (title, "bold"), (where, "$text-muted")))
        lines.append(
            Content.assemble("    ", (linked.chain_text or "no source", "$text-secondary"))
        )
        text = " ".join(linked.text.split())
        if len(text) > ALSO_TEXT:
            text = text[: ALSO_TEXT - 1] + "…"
        lines.append(Content.assemble("    ", ("“", "$text-muted"), text, ("”", "$text-muted")))
    if len(others) > ALSO_LIMIT:
        lines.append(Content.styled(f"  … and {len(others) - ALSO_LIMIT} more", "$text-muted"))
    # This claim's credibility as it is now (the group was linked when the workspace was read).
    credibility_1 = credibility == 1 or any(c.credibility == 1 for c in others)
    if credibility_1 and not group.independent:
        why = f"one origin ({group.origins[0]})" if group.origins else "no known origin"
        lines.append(
            Content.assemble(
                ("  ⚠ ", "bold $text-error"),
                f"credibility 1 (confirmed by other sources), but all reports go back to {why}: "
                "circular reporting is not confirmation",
            )
        )
    return lines


_EMPTY = Strip([], 0)


class ClaimPanel(ScrollView, can_focus=False):
    """Shows the current claim; the app pushes a new `ClaimView` whenever anything changes.

    The content is wrapped to the panel's width, less the scrollbar's when it is taller than
    the panel (the scrollbar then shows, and the mouse wheel scrolls it).
    """

    DEFAULT_CSS = """
    ClaimPanel {
        overflow-x: hidden;
        overflow-y: auto;
    }
    """

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._content = render_claim(None)
        self._lines: list[Strip] | None = None  # the content drawn, as `_drawn_with` says
        self._drawn_with: tuple[object, ...] = ()  # (width inside border and padding, look)
        self._restyled = False  # a restyle since the last draw: the look may have changed

    @property
    def content(self) -> Content:
        """What the panel shows (all of it, whatever the scroll position)."""
        return self._content

    def show(self, view: ClaimView | None) -> None:
        self._content = render_claim(view)
        self._lines = None
        self._wrap()
        self.refresh()

    def render(self) -> Content:
        return self._content  # what a mouse selection is extracted from

    # -- drawing -------------------------------------------------------------------------

    def _wrap(self) -> list[Strip]:
        """The content's lines at the panel's width; sets the virtual size to match."""
        width, height = self.container_size
        lines = self._lines
        if lines is not None and width == self._drawn_with[0] and not self._restyled:
            return lines
        self._restyled = False
        # Most restyles (focus moving, the first frame's) change nothing drawn here.
        drawn_with = (width, self.visual_style, self.app.theme, self.app.ansi_color)
        if lines is not None and drawn_with == self._drawn_with:
            return lines
        lines = []
        if width > 0:
            lines = self._draw(width)
            scrollbar = self.styles.scrollbar_size_vertical
            if len(lines) > height and width > scrollbar:  # a scrollbar takes its columns
                width -= scrollbar
                lines = self._draw(width)
        self._lines, self._drawn_with = lines, drawn_with
        self.virtual_size = Size(width, len(lines))
        return lines

    def _draw(self, width: int) -> list[Strip]:
        return Visual.to_strips(self, self._content, width, None, self.visual_style)

    def on_resize(self, event: events.Resize) -> None:
        self._wrap()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._restyled = True

    def selection_updated(self, selection: Selection | None) -> None:
        self._lines = None
        super().selection_updated(selection)

    def render_line(self, y: int) -> Strip:
        # Textual pads each line to the panel's width with its background, as for a Static.
        lines = self._wrap()
        index = y + self.scroll_offset.y
        return lines[index] if 0 <= index < len(lines) else _EMPTY
