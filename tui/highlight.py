"""Which highlight roles cover which part of the article body (pure: no Textual, no I/O).

The article pane draws a body with overlapping annotations: a claim's content contains
its hedges, a source mention may sit inside another claim, search matches and the
keyboard selection cross everything. This module flattens all of that into a sorted list
of non-overlapping ``(start, end, roles)`` intervals, where ``roles`` is a frozenset of
role names. The widget then maps each role set to one terminal style.

The state is kept in layers (annotations, current claim, search, selection) so that the
common interactions - moving to the next claim, stepping through search matches - only
recompute their own small layer, never the flattening of every annotation.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from tui.model import AnnotationSet, Claim, Span, Status

CLAIM = "claim"
CLAIM_CURRENT = "claim-current"
SOURCE = "source"
CUE = "cue"
HEDGE = "hedge"
REJECTED = "rejected"
UNSOURCED_HEDGED = "unsourced-hedged"
SEARCH = "search"
SEARCH_CURRENT = "search-current"
SELECTION = "selection"

# Style precedence, lowest first: when two roles set the same property (a colour), the
# later one wins. Text attributes (bold, italic, ...) simply accumulate.
ROLE_ORDER: tuple[str, ...] = (
    CLAIM,
    HEDGE,
    CUE,
    SOURCE,
    UNSOURCED_HEDGED,
    REJECTED,
    CLAIM_CURRENT,
    SEARCH,
    SEARCH_CURRENT,
    SELECTION,
)

# Roles an accepted (not rejected) claim contributes. When one of them overlaps a rejected
# claim, the text belongs to a live claim too, so it must not be dimmed.
LIVE_ROLES: frozenset[str] = frozenset({CLAIM, SOURCE, CUE, HEDGE})


class LegendEntry(NamedTuple):
    """One line of the help screen's legend.

    ``style`` is a Rich style string: the text attributes are the part that must survive
    NO_COLOR and 16-colour terminals; the colour is an ANSI fallback (the widget itself
    takes its colours from the Textual theme, see ``ArticleView.legend_styles``).
    """

    role: str
    description: str
    style: str


HIGHLIGHT_LEGEND: tuple[LegendEntry, ...] = (
    LegendEntry(CLAIM, "claim content: what the source is reported to say", "underline blue"),
    LegendEntry(SOURCE, "source mention: who says it", "bold yellow"),
    LegendEntry(CUE, "attribution cue: 'selon', 'said', 'a révélé que'", "italic green"),
    LegendEntry(HEDGE, "hedge: conditional or hedging words", "bold italic red"),
    LegendEntry(
        UNSOURCED_HEDGED,
        "hedged claim with no named source (also '!' in the margin)",
        "underline2 bright_yellow",
    ),
    LegendEntry(REJECTED, "rejected claim", "dim"),
    LegendEntry(CLAIM_CURRENT, "current claim (also '▌' in the margin)", "reverse"),
    LegendEntry(SEARCH, "search match", "reverse yellow"),
    LegendEntry(SEARCH_CURRENT, "current search match", "reverse bold red"),
    LegendEntry(SELECTION, "keyboard selection (a new claim)", "reverse green"),
)

GUTTER_CURRENT = "▌"
GUTTER_WARNING = "!"
# (marker, meaning) for the two-cell margin left of the text.
GUTTER_LEGEND: tuple[tuple[str, str], ...] = (
    (GUTTER_CURRENT, "line of the current claim"),
    (GUTTER_WARNING, "line with a hedged claim that names no source"),
)

Roles = frozenset[str]


class Interval(NamedTuple):
    start: int
    end: int
    roles: Roles


# Role sets are interned so equal sets are the same object: the widget caches one style
# per role set, and identity makes those look-ups (and interval merging) cheap.
_INTERNED: dict[frozenset[str], frozenset[str]] = {}


def intern_roles(roles: Iterable[str]) -> Roles:
    key = frozenset(roles)
    return _INTERNED.setdefault(key, key)


def flatten(spans: Iterable[tuple[int, int, Roles]]) -> list[Interval]:
    """Flatten possibly overlapping ``(start, end, roles)`` into sorted disjoint intervals.

    A sweep over the sorted boundaries, O(n log n): each elementary piece carries the union
    of the roles of every span covering it. Empty spans are ignored; adjacent pieces with
    the same roles are merged.
    """
    events: list[tuple[int, int, Roles]] = []
    for start, end, roles in spans:
        if end > start and roles:
            events.append((start, 1, roles))
            events.append((end, -1, roles))
    if not events:
        return []
    events.sort(key=_event_position)
    active: Counter[str] = Counter()
    out: list[Interval] = []
    position = events[0][0]
    index, count = 0, len(events)
    while index < count:
        at = events[index][0]
        if at > position and active:
            roles = intern_roles(active)
            _append_merged(out, position, at, roles)
        while index < count and events[index][0] == at:
            _, delta, roles = events[index]
            for role in roles:
                active[role] += delta
                if not active[role]:
                    del active[role]
            index += 1
        position = at
    return out


def _event_position(event: tuple[int, int, Roles]) -> int:
    return event[0]


def _append_merged(out: list[Interval], start: int, end: int, roles: Roles) -> None:
    if out and out[-1].end == start and out[-1].roles is roles:
        out[-1] = Interval(out[-1].start, end, roles)
    else:
        out.append(Interval(start, end, roles))


class Layer:
    """Disjoint sorted intervals with O(log n) range queries (bisect on the starts)."""

    __slots__ = ("_starts", "intervals")

    def __init__(self, intervals: Sequence[Interval] = ()) -> None:
        self.intervals: list[Interval] = list(intervals)
        self._starts: list[int] = [interval.start for interval in self.intervals]

    @classmethod
    def from_spans(cls, spans: Iterable[tuple[int, int, Roles]]) -> Layer:
        return cls(flatten(spans))

    def __bool__(self) -> bool:
        return bool(self.intervals)

    def query(self, start: int, end: int) -> list[Interval]:
        """The intervals intersecting ``[start, end)``, clipped to it."""
        intervals = self.intervals
        index = bisect_right(self._starts, start) - 1
        if index < 0 or intervals[index].end <= start:
            index += 1
        out: list[Interval] = []
        for i in range(index, len(intervals)):
            interval = intervals[i]
            if interval.start >= end:
                break
            out.append(Interval(max(interval.start, start), min(interval.end, end), interval.roles))
        return out


def _valid(span: Span | None, limit: int | None) -> bool:
    """Orphaned spans have no place in this body; out-of-range ones are dropped too."""
    if span is None or span.orphan is not None or span.end <= span.start:
        return False
    return limit is None or span.start < limit


def _clip(span: Span, limit: int | None) -> tuple[int, int]:
    end = span.end if limit is None else min(span.end, limit)
    return span.start, end


def claim_spans(claim: Claim, limit: int | None = None) -> list[tuple[int, int, Roles]]:
    """The base roles of one claim's spans (before the current claim or search)."""
    if claim.status is Status.REJECTED:
        rejected = intern_roles((REJECTED,))
        return [(*_clip(s, limit), rejected) for s in claim.spans() if _valid(s, limit)]
    out: list[tuple[int, int, Roles]] = []
    if _valid(claim.span, limit):
        roles = (CLAIM, UNSOURCED_HEDGED) if claim.unsourced and claim.hedges else (CLAIM,)
        out.append((*_clip(claim.span, limit), intern_roles(roles)))
    if _valid(claim.cue, limit):
        assert claim.cue is not None
        out.append((*_clip(claim.cue, limit), intern_roles((CUE,))))
    source = intern_roles((SOURCE,))
    out.extend((*_clip(h.mention, limit), source) for h in claim.chain if _valid(h.mention, limit))
    hedge = intern_roles((HEDGE,))
    out.extend((*_clip(s, limit), hedge) for s in claim.hedges if _valid(s, limit))
    return out


def annotation_spans(
    annotations: AnnotationSet, body_length: int | None = None
) -> list[tuple[int, int, Roles]]:
    return [span for claim in annotations.claims for span in claim_spans(claim, body_length)]


def current_claim_spans(
    annotations: AnnotationSet, claim_id: str | None, body_length: int | None = None
) -> list[tuple[int, int, Roles]]:
    """The current claim stands out on its content span (the margin marks its lines)."""
    claim = annotations.claim(claim_id) if claim_id is not None else None
    if claim is None or not _valid(claim.span, body_length):
        return []
    return [(*_clip(claim.span, body_length), intern_roles((CLAIM_CURRENT,)))]


def search_spans(
    matches: Sequence[Span], current: int | None, body_length: int | None = None
) -> list[tuple[int, int, Roles]]:
    search = intern_roles((SEARCH,))
    focused = intern_roles((SEARCH, SEARCH_CURRENT))
    return [
        (*_clip(span, body_length), focused if index == current else search)
        for index, span in enumerate(matches)
        if _valid(span, body_length)
    ]


def selection_spans(
    selection: Span | None, body_length: int | None = None
) -> list[tuple[int, int, Roles]]:
    if selection is None or not _valid(selection, body_length):
        return []
    return [(*_clip(selection, body_length), intern_roles((SELECTION,)))]


def merge_layers(pieces: Sequence[Sequence[Interval]]) -> list[Interval]:
    """Union several disjoint interval lists (each already clipped to one line)."""
    non_empty = [p for p in pieces if p]
    if not non_empty:
        return []
    if len(non_empty) == 1:
        return list(non_empty[0])
    return flatten(interval for piece in non_empty for interval in piece)


class Highlighter:
    """The highlight state of one article, in independently updatable layers."""

    def __init__(self, annotations: AnnotationSet, body_length: int | None = None) -> None:
        self.body_length = body_length
        self.annotations = annotations
        self._base = Layer()
        self._current = Layer()
        self._search = Layer()
        self._selection = Layer()
        self._owners = Layer()
        self.current_claim: str | None = None
        self.set_annotations(annotations)

    def set_annotations(self, annotations: AnnotationSet) -> None:
        self.annotations = annotations
        self._base = Layer.from_spans(annotation_spans(annotations, self.body_length))
        # Which claims own which text, for mapping a click to a claim.
        self._owners = Layer.from_spans(
            (s.start, s.end, frozenset((claim.id,)))
            for claim in annotations.claims
            for s in claim.spans()
            if _valid(s, self.body_length)
        )
        self.set_current(self.current_claim)

    def set_current(self, claim_id: str | None) -> None:
        self.current_claim = claim_id
        self._current = Layer.from_spans(
            current_claim_spans(self.annotations, claim_id, self.body_length)
        )

    def set_search(self, matches: Sequence[Span], current: int | None) -> None:
        self._search = Layer.from_spans(search_spans(matches, current, self.body_length))

    def set_selection(self, selection: Span | None) -> None:
        self._selection = Layer.from_spans(selection_spans(selection, self.body_length))

    def intervals(self, start: int, end: int) -> list[Interval]:
        """Disjoint role intervals intersecting ``[start, end)``, clipped, sorted."""
        layers = (self._base, self._current, self._search, self._selection)
        return merge_layers([layer.query(start, end) for layer in layers if layer])

    def claims_at(self, offset: int) -> list[str]:
        """Ids of the claims with a span on ``offset``, the most specific first.

        "Most specific" is the claim whose span containing the offset is shortest (a
        mention inside a longer claim belongs to its own claim); the current claim wins
        ties.
        """
        hits = self._owners.query(offset, offset + 1)
        if not hits:
            return []
        ids = hits[0].roles

        def size(claim_id: str) -> tuple[int, bool, str]:
            claim = self.annotations.claim(claim_id)
            lengths = [len(s) for s in (claim.spans() if claim else []) if s.contains(offset)] or [
                0
            ]
            return min(lengths), claim_id != self.current_claim, claim_id

        return sorted(ids, key=size)


def compute_intervals(
    annotations: AnnotationSet,
    body: str | None = None,
    *,
    current_claim: str | None = None,
    search: Sequence[Span] = (),
    search_current: int | None = None,
    selection: Span | None = None,
) -> list[Interval]:
    """Every highlight of the whole body at once (the widget asks line by line instead)."""
    limit = None if body is None else len(body)
    spans = annotation_spans(annotations, limit)
    spans += current_claim_spans(annotations, current_claim, limit)
    spans += search_spans(search, search_current, limit)
    spans += selection_spans(selection, limit)
    return flatten(spans)


def effective_roles(roles: Roles) -> tuple[str, ...]:
    """The roles to style, in precedence order.

    A rejected claim is dimmed, except where a live claim's role overlaps it.
    """
    dimmed = REJECTED in roles and not (roles & LIVE_ROLES)
    return tuple(r for r in ROLE_ORDER if r in roles and (r != REJECTED or dimmed))
