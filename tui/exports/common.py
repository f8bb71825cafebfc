"""What several exports share: chain labels, claim ordering, the review summary.

The reports (Markdown, HTML) and the graph speak about the *claims of the article*, so they
leave out suggestions the user rejected; the data formats (JSON, CSV, W3C) keep every claim
with its status, so nothing is lost on the way out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tui.model import (
    CREDIBILITY_LABELS,
    RELIABILITY_LABELS,
    AnnotationSet,
    Claim,
    Source,
    Span,
    Status,
    reliability_rank,
    weakest_reliability,
)

ARROW = " → "
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def source_name(annotations: AnnotationSet, source_id: str) -> str:
    """The source's display name; a dangling id is shown as is rather than dropped."""
    source = annotations.source(source_id)
    return source.name if source is not None else source_id


def chain_names(annotations: AnnotationSet, claim: Claim, *, ratings: bool = False) -> list[str]:
    """The chain from origin to the article, each name optionally with its grade: `NIS (B)`."""
    names = []
    for hop in claim.chain:
        source = annotations.source(hop.source)
        name = source.name if source is not None else hop.source
        if ratings and source is not None and source.reliability:
            name = f"{name} ({source.reliability})"
        names.append(name)
    return names


def chain_text(annotations: AnnotationSet, claim: Claim, *, ratings: bool = False) -> str:
    return ARROW.join(chain_names(annotations, claim, ratings=ratings))


def origin(annotations: AnnotationSet, claim: Claim) -> Source | None:
    """The first link of the chain: where the claim is said to come from."""
    if not claim.chain:
        return None
    return annotations.source(claim.chain[0].source)


def rests_on_anonymous(annotations: AnnotationSet, claim: Claim) -> bool:
    src = origin(annotations, claim)
    return claim.anonymous or (src is not None and src.kind == "anonymous")


def has_inferred_link(claim: Claim) -> bool:
    return any(h.inferred for h in claim.chain)


def reliability_label(grade: str | None) -> str:
    if grade is None:
        return "not rated"
    return f"{grade} — {RELIABILITY_LABELS[grade]}"


def credibility_label(value: int | None) -> str:
    if value is None:
        return "not rated"
    return f"{value} — {CREDIBILITY_LABELS[value]}"


def quote_of(span: Span, body: str) -> str:
    """The text a span stands for: an orphan's offsets point at other text, so use its quote."""
    return span.orphan.exact if span.orphan is not None else span.text(body)


def reported_claims(annotations: AnnotationSet) -> list[Claim]:
    """The claims a report shows, in reading order: everything but rejected suggestions."""
    kept = [c for c in annotations.claims if c.status is not Status.REJECTED]
    return sorted(kept, key=lambda c: (c.span.start, c.span.end, c.id))


def paragraph_spans(body: str) -> list[Span]:
    """Paragraphs of the body (blank-line separated), as spans that drop the separators."""
    spans, start = [], 0
    for match in PARAGRAPH_BREAK.finditer(body):
        if body[start : match.start()].strip():
            spans.append(Span(start, match.start()))
        start = match.end()
    if body[start:].strip():
        spans.append(Span(start, len(body)))
    return spans


@dataclass(frozen=True)
class WeakLink:
    """A source that claims rest on, with how much rests on it: the report's weak spots."""

    source: Source
    claims: int


@dataclass(frozen=True)
class Summary:
    total: int  # claims in the report (rejected suggestions left out)
    by_status: dict[str, int]  # every claim, rejected included
    anonymous: int
    single_source: int
    inferred: int
    unsourced: int
    longest: Claim | None
    weakest: tuple[WeakLink, ...]  # rated D, E or F, worst first
    unrated: tuple[WeakLink, ...]  # carrying claims without a grade yet, busiest first

    def share(self, count: int) -> str:
        if not self.total:
            return "0 %"
        return f"{round(100 * count / self.total)} % ({count}/{self.total})"


def summarise(annotations: AnnotationSet) -> Summary:
    """The numbers a reviewer wants before the details.

    "Single source" means the chain names exactly one source before the article: nothing
    relays or corroborates it inside the text. "Weakest links" are the sources carrying
    claims whose reliability is worst (E, D) or cannot be judged (F), worst first; unrated
    sources are listed apart, so an unreviewed article does not call every source weak.
    """
    claims = reported_claims(annotations)
    by_status = Counter(c.status.value for c in annotations.claims)
    longest = max(claims, key=lambda c: (len(c.chain), -c.span.start), default=None)
    carried: Counter[str] = Counter()
    for claim in claims:
        for source_id in dict.fromkeys(h.source for h in claim.named_hops):
            carried[source_id] += 1
    weak, unrated = [], []
    for source_id, count in carried.items():
        source = annotations.source(source_id)
        if source is None:
            continue
        if source.reliability is None:
            unrated.append(WeakLink(source, count))
        elif source.reliability == "F" or reliability_rank(source.reliability) >= 3:
            weak.append(WeakLink(source, count))
    # Worst graded first (E, D, then F); more claims carried = weaker.
    weak.sort(key=lambda w: (-_weakness(w.source.reliability), -w.claims, w.source.name))
    unrated.sort(key=lambda w: (-w.claims, w.source.name))
    return Summary(
        total=len(claims),
        by_status={s.value: by_status.get(s.value, 0) for s in Status},
        anonymous=sum(rests_on_anonymous(annotations, c) for c in claims),
        single_source=sum(len(c.named_hops) == 1 for c in claims),
        inferred=sum(has_inferred_link(c) for c in claims),
        unsourced=sum(c.unsourced for c in claims),
        longest=longest if longest is not None and len(longest.chain) > 1 else None,
        weakest=tuple(weak),
        unrated=tuple(unrated),
    )


def _weakness(grade: str | None) -> int:
    return {"E": 3, "D": 2, "F": 1}.get(grade or "", 0)


def claim_weakest(annotations: AnnotationSet, claim: Claim) -> str | None:
    return weakest_reliability(annotations, claim)
