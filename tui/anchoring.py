"""Text-quote selectors and re-anchoring of spans in an article that changed.

Pure functions, no I/O. A span is saved as offsets *and* a W3C TextQuoteSelector (the exact
text with up to 32 characters of context on either side). When the article changes, the
offsets may point at the wrong text; `locate` finds the quote again, trying in turn:

1. the stored offsets (or the offsets shifted like the previous span) with the full context;
2. every exact occurrence of the quote, best context first, then nearest the old position;
3. the same, ignoring differences in whitespace;
4. an approximate match, aligned with difflib in windows around the old position and around
   the places where distinctive pieces of the quote occur (never over the whole body);

and, failing all of them, keeps the span as an *orphan*: the stored quote and clamped
offsets, so nothing the user wrote is lost.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from enum import StrEnum

from tui.model import AnnotationSet, Claim, Hop, Span, TextQuote

CONTEXT_CHARS = 32
# An exact hit is trusted once this many characters agree (quote plus matching context), so
# a short cue such as "said" is not re-attached to some other "said" far away.
MIN_EVIDENCE = 16
# Fuzzy matching: below this length similarity says little; above the maximum, difflib's
# cost grows too much for an interactive load.
FUZZY_MIN_LEN = 10
FUZZY_MAX_LEN = 5000
FUZZY_MIN_RATIO = 0.8
SEED_CHUNKS = 24  # distinctive pieces of a quote looked up to find candidate windows
SEED_MAX_HITS = 40  # a piece found more often than this is not distinctive: ignored
MAX_WINDOWS = 8  # candidate windows aligned per search
LOCAL_RADIUS = 4096  # searched first around the expected position, before the whole body


class Method(StrEnum):
    """How a span was found again."""

    KEPT = "kept"  # at its stored offsets
    MOVED = "moved"  # the same text, elsewhere
    WHITESPACE = "whitespace"  # the same text with different spacing
    FUZZY = "fuzzy"  # similar text
    ORPHAN = "orphan"  # not found: kept with its stored quote


@dataclass(frozen=True)
class Located:
    span: Span
    method: Method
    similarity: float = 1.0  # 1.0 except for fuzzy matches


def quote_for(span: Span, body: str, context: int = CONTEXT_CHARS) -> TextQuote:
    """The TextQuoteSelector of a span; an orphan keeps the quote it was saved with."""
    if span.orphan is not None:
        return span.orphan
    return TextQuote(
        exact=body[span.start : span.end],
        prefix=body[max(0, span.start - context) : span.start],
        suffix=body[span.end : span.end + context],
    )


def reanchor(span_offsets: tuple[int, int], quote: TextQuote, body: str) -> Span:
    """The span of `quote` in `body`, or an orphan span holding the quote."""
    return locate(span_offsets, quote, body).span


def locate(span_offsets: tuple[int, int], quote: TextQuote, body: str, *, hint: int = 0) -> Located:
    """Find `quote` in `body`; `hint` is a shift to try first (that of the previous span)."""
    start = span_offsets[0]
    expected = max(0, start + hint)
    for candidate in dict.fromkeys((start, expected)):  # the stored offsets first
        if _exact_at(body, candidate, quote) and _context_score(body, candidate, quote) == _full(
            quote
        ):
            method = Method.KEPT if candidate == start else Method.MOVED
            return Located(Span(candidate, candidate + len(quote.exact)), method)
    found = _find_exact(quote, body, expected)
    if found is not None:
        return Located(Span(*found), Method.KEPT if found[0] == start else Method.MOVED)
    found = _find_spaced(quote, body, expected)
    if found is not None:
        return Located(Span(*found), Method.WHITESPACE)
    fuzzy = _find_fuzzy(quote, body, expected)
    if fuzzy is not None:
        s, e, ratio = fuzzy
        return Located(Span(s, e), Method.FUZZY, ratio)
    return Located(orphan_span(span_offsets, quote, body), Method.ORPHAN, 0.0)


def orphan_span(span_offsets: tuple[int, int], quote: TextQuote, body: str) -> Span:
    """The last known offsets, clamped to the body, holding the quote that was lost."""
    start = min(max(0, span_offsets[0]), len(body))
    end = min(max(start, span_offsets[1]), len(body))
    return Span(start, end, orphan=quote)


# --- exact -------------------------------------------------------------------------------


def _exact_at(body: str, start: int, quote: TextQuote) -> bool:
    return (
        start >= 0 and start + len(quote.exact) <= len(body) and body.startswith(quote.exact, start)
    )


def _full(quote: TextQuote) -> int:
    return len(quote.prefix) + len(quote.suffix)


def _context_score(body: str, start: int, quote: TextQuote) -> int:
    """How many characters of context agree on either side of a hit at `start`."""
    end = start + len(quote.exact)
    before = body[max(0, start - len(quote.prefix)) : start]
    after = body[end : end + len(quote.suffix)]
    return _common_suffix(quote.prefix, before) + _common_prefix(quote.suffix, after)


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _common_suffix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[-1 - i] == b[-1 - i]:
        i += 1
    return i


def _trusted(matched: int, context: int, available: int) -> bool:
    """Enough characters agree (of the quote and its context), or all there were."""
    return matched + context >= min(MIN_EVIDENCE, available)


def _find_exact(quote: TextQuote, body: str, expected: int) -> tuple[int, int] | None:
    """The occurrence with the most agreeing context, then the nearest to `expected`."""
    if quote.exact:
        hits = _find_all(body, quote.exact)
    else:
        # An empty span is only its position: find it by its context.
        joined = quote.prefix + quote.suffix
        hits = (h + len(quote.prefix) for h in _find_all(body, joined)) if joined else iter(())
    best: tuple[int, int] | None = None  # (-score, distance)
    best_start = -1
    for hit in hits:
        key = (-_context_score(body, hit, quote), abs(hit - expected))
        if best is None or key < best:
            best, best_start = key, hit
    if best is None or not _trusted(len(quote.exact), -best[0], len(quote.exact) + _full(quote)):
        return None
    return best_start, best_start + len(quote.exact)


def _find_all(body: str, needle: str, start: int = 0, end: int | None = None) -> Iterator[int]:
    end = len(body) if end is None else end
    hit = body.find(needle, start, end)
    while hit != -1:
        yield hit
        hit = body.find(needle, hit + 1, end)


# --- whitespace-insensitive --------------------------------------------------------------

_SPACE = re.compile(r"\s+")


def _squeeze(text: str) -> str:
    return _SPACE.sub("", text)


def _find_spaced(quote: TextQuote, body: str, expected: int) -> tuple[int, int] | None:
    """Like `_find_exact`, but any run of whitespace may differ, appear or vanish."""
    letters = _squeeze(quote.exact)
    if not letters:
        return None
    # Real offsets come straight from the match: no normalised copy of the body to map back.
    pattern = re.compile(r"\s*".join(re.escape(ch) for ch in letters))
    prefix, suffix = _squeeze(quote.prefix), _squeeze(quote.suffix)
    for lo, hi in _search_areas(body, expected, len(quote.exact)):
        best: tuple[int, int] | None = None
        found = (0, 0)
        for match in pattern.finditer(body, lo, hi):
            s, e = match.span()
            before = _squeeze(body[max(0, s - 2 * len(quote.prefix)) : s])
            after = _squeeze(body[e : e + 2 * len(quote.suffix)])
            score = _common_suffix(prefix, before) + _common_prefix(suffix, after)
            key = (-score, abs(s - expected))
            if best is None or key < best:
                best, found = key, (s, e)
        available = len(letters) + len(prefix) + len(suffix)
        if best is not None and _trusted(len(letters), -best[0], available):
            return found
    return None


def _search_areas(body: str, expected: int, length: int) -> list[tuple[int, int]]:
    """Around the expected position first (cheap, usually enough), then the whole body."""
    lo = max(0, expected - LOCAL_RADIUS)
    hi = min(len(body), expected + length + LOCAL_RADIUS)
    if lo == 0 and hi == len(body):
        return [(0, len(body))]
    return [(lo, hi), (0, len(body))]


# --- fuzzy -------------------------------------------------------------------------------


def _find_fuzzy(quote: TextQuote, body: str, expected: int) -> tuple[int, int, float] | None:
    exact = quote.exact
    if not FUZZY_MIN_LEN <= len(exact) <= FUZZY_MAX_LEN or not body:
        return None
    for lo, hi in _search_areas(body, expected, len(exact)):
        best: tuple[float, int, int, int] | None = None  # (ratio, -distance, start, end)
        for centre in _candidate_starts(exact, body, expected, lo, hi):
            found = _align_near(quote, body, centre)
            if found is None:
                continue
            s, e, ratio = found
            key = (ratio, -abs(s - expected), s, e)
            if best is None or key > best:
                best = key
        if best is not None and best[0] >= FUZZY_MIN_RATIO:
            return best[2], best[3], best[0]
    return None


def _candidate_starts(exact: str, body: str, expected: int, lo: int, hi: int) -> list[int]:
    """Where the quote may start: voted for by exact hits of pieces of it."""
    votes: Counter[int] = Counter()
    for offset, piece in _seed_pieces(exact):
        hits = []
        for hit in _find_all(body, piece, lo, hi):
            hits.append(hit)
            if len(hits) > SEED_MAX_HITS:
                break
        if len(hits) <= SEED_MAX_HITS:
            votes.update(h - offset for h in hits)
    # Hits closer than the slack vote for the same window, centred on their best start.
    slack = _slack(exact)
    groups: list[list[int]] = []
    for start in sorted(votes):
        if groups and start - groups[-1][-1] <= slack:
            groups[-1].append(start)
        else:
            groups.append([start])
    groups.sort(key=lambda g: -sum(votes[s] for s in g))
    starts = [max(g, key=votes.__getitem__) for g in groups[:MAX_WINDOWS]]
    if lo <= expected <= hi:
        starts.append(min(expected, len(body)))
    return list(dict.fromkeys(starts))


_WORD = re.compile(r"\w+")
SEED_SIZE = 12


def _seed_pieces(exact: str) -> list[tuple[int, str]]:
    """(offset, text) of the longest word pieces of the quote.

    Words, not fixed slices, so that a change of spacing does not spoil every piece; long runs
    (languages written without spaces) are cut into slices.
    """
    pieces = []
    for word in _WORD.finditer(exact):
        for at in range(word.start(), word.end(), SEED_SIZE):
            piece = exact[at : min(at + SEED_SIZE, word.end())]
            if len(piece) >= 4:
                pieces.append((at, piece))
    pieces.sort(key=lambda p: -len(p[1]))
    return pieces[:SEED_CHUNKS]


def _slack(exact: str) -> int:
    return max(32, len(exact) // 2)


def _align_near(quote: TextQuote, body: str, centre: int) -> tuple[int, int, float] | None:
    """The best approximate match of the quote in a window around `centre`.

    difflib finds the solid core of the match; its edges are then settled by edit distance,
    word by word, since a word changed at either end matches only by stray letters.
    """
    exact = quote.exact
    slack = _slack(exact)
    lo = max(0, centre - slack)
    window = body[lo : centre + len(exact) + slack]
    matcher = SequenceMatcher(None, window, exact, autojunk=False)
    blocks = _core([b for b in matcher.get_matching_blocks() if b.size], len(exact))
    if not blocks:
        return None
    first, last = blocks[0], blocks[-1]
    start = _widen(body, lo + first.a, exact[: first.b], forward=False)
    end = _widen(body, lo + last.a + last.size, exact[last.b + last.size :], forward=True)
    start, end = _snap_to_words(body, start, end, quote)
    if end <= start:
        return None
    return start, end, _similarity(body[start:end], exact)


def _core(blocks: list, length: int) -> list:
    """Drop stray matches at the edges while that makes the matched region more similar."""

    def ratio(bs: list) -> float:
        matched = sum(b.size for b in bs)
        region = bs[-1].a + bs[-1].size - bs[0].a
        return 2 * matched / (length + region)

    while len(blocks) > 1:
        better = max((blocks[1:], blocks[:-1]), key=ratio)
        if ratio(better) >= ratio(blocks):
            blocks = better
        elif min(blocks[0].size, blocks[-1].size) <= 2:
            # One or two letters matching at an edge are noise: `_widen` settles the edges.
            blocks = blocks[1:] if blocks[0].size <= blocks[-1].size else blocks[:-1]
        else:
            break
    return blocks


def _similarity(found: str, exact: str) -> float:
    # Spacing was forgiven by the previous step already: do not let it count against a match.
    found, exact = " ".join(found.split()), " ".join(exact.split())
    return SequenceMatcher(None, found, exact, autojunk=False).ratio()


_NEXT_TOKEN = re.compile(r"\s*(?:\w+|[^\w\s])")
_LAST_TOKEN = re.compile(r"(?:\w+|[^\w\s])\s*$")
WIDEN_TOKENS = 3
WIDEN_MAX = 64  # longer unmatched edges are not guessed at


def _widen(body: str, at: int, missing: str, *, forward: bool) -> int:
    """Move an edge over up to a few words of `body` if they stand for the `missing` text.

    Taking in a word costs its edit distance to what is missing; leaving it out costs the
    length of what is missing, so a replaced word of similar length is taken in
    ("ouvriers" for "travailleurs") and the next sentence is not.
    """
    want = " ".join(missing.split())
    if not want or len(want) > WIDEN_MAX:
        return at
    best_cost, best = len(want), at
    pos = at
    for _ in range(WIDEN_TOKENS):
        if forward:
            token = _NEXT_TOKEN.match(body, pos)
            pos = token.end() if token else pos
            taken = body[at:pos]
        else:
            token = _LAST_TOKEN.search(body, max(0, pos - WIDEN_MAX), pos)
            pos = token.start() if token else pos
            taken = body[pos:at]
        if token is None or len(taken) > 2 * len(want) + 8:
            break
        cost = _edit_distance(" ".join(taken.split()), want)
        if cost < best_cost:
            best_cost, best = cost, pos
    return best


def _edit_distance(a: str, b: str) -> int:
    """Levenshtein distance; only ever called on a few words."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _snap_to_words(body: str, start: int, end: int, quote: TextQuote) -> tuple[int, int]:
    """Trim stray spaces, and widen to whole words when the quote began or ended on a word boundary.

    An alignment stops at the last matching character: "eleven" for "ten" matches only "en".
    """
    exact = quote.exact
    if not exact[:1].isspace():
        while start < end and body[start].isspace():
            start += 1
    if not exact[-1:].isspace():
        while end > start and body[end - 1].isspace():
            end -= 1
    if exact[:1].isalnum() and not quote.prefix[-1:].isalnum():
        while start > 0 and body[start - 1].isalnum():
            start -= 1
    if exact[-1:].isalnum() and not quote.suffix[:1].isalnum():
        while end < len(body) and body[end].isalnum():
            end += 1
    return start, end


# --- whole annotation sets ---------------------------------------------------------------


@dataclass(frozen=True)
class SpanRef:
    """Which span of which claim: role is "span", "cue", "mention" (hop `index`) or "hedge"."""

    claim_id: str
    role: str
    index: int = 0

    def label(self) -> str:
        if self.role == "span":
            return f"claim {self.claim_id}"
        if self.role == "cue":
            return f"claim {self.claim_id}, cue"
        if self.role == "mention":
            return f"claim {self.claim_id}, source mention {self.index + 1}"
        return f"claim {self.claim_id}, hedge {self.index + 1}"


@dataclass(frozen=True)
class Relocation:
    """One span that did not stay where it was, for the report."""

    ref: SpanRef
    old: tuple[int, int]
    new: tuple[int, int]
    method: Method
    quote: str
    found: str = ""  # the text now under the span (fuzzy matches)
    similarity: float = 1.0
    was_orphan: bool = False

    def describe(self) -> str:
        where = f"{self.ref.label()}: {_show(self.quote)}"
        if self.method is Method.ORPHAN:
            state = "still not found" if self.was_orphan else "no longer found"
            return f"{where} {state} in the article; kept as an orphan (last at {_range(self.old)})"
        again = "found again" if self.was_orphan else "moved"
        if self.method is Method.FUZZY:
            pct = round(self.similarity * 100)
            now = f"{_range(self.new)}: {_show(self.found)}"
            return f"{where} {again} with changes ({pct}% similar) at {now}"
        if self.method is Method.WHITESPACE:
            return (
                f"{where} {again} with different spacing, {_range(self.old)} -> {_range(self.new)}"
            )
        return f"{where} {again}, {_range(self.old)} -> {_range(self.new)}"


def _range(offsets: tuple[int, int]) -> str:
    return f"{offsets[0]}-{offsets[1]}"


def _show(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return f"“{flat}”"


@dataclass(frozen=True)
class AnchorReport:
    moved: tuple[Relocation, ...] = ()
    orphans: tuple[Relocation, ...] = ()

    @property
    def clean(self) -> bool:
        return not self.moved and not self.orphans

    def lines(self) -> list[str]:
        """One readable line per span that moved or was lost, orphans first."""
        return [r.describe() for r in self.orphans] + [r.describe() for r in self.moved]


def claim_spans(claim: Claim) -> Iterator[tuple[SpanRef, Span]]:
    """Every span of a claim with its reference."""
    yield SpanRef(claim.id, "span"), claim.span
    if claim.cue is not None:
        yield SpanRef(claim.id, "cue"), claim.cue
    for i, hop in enumerate(claim.chain):
        if hop.mention is not None:
            yield SpanRef(claim.id, "mention", i), hop.mention
    for i, hedge in enumerate(claim.hedges):
        yield SpanRef(claim.id, "hedge", i), hedge


def map_claim_spans(claim: Claim, fn: Callable[[SpanRef, Span], Span]) -> Claim:
    """The claim with every span replaced by `fn(ref, span)`; the same object if none changed."""
    span = fn(SpanRef(claim.id, "span"), claim.span)
    cue = None if claim.cue is None else fn(SpanRef(claim.id, "cue"), claim.cue)
    chain = tuple(
        h if h.mention is None else _with_mention(h, fn(SpanRef(claim.id, "mention", i), h.mention))
        for i, h in enumerate(claim.chain)
    )
    hedges = tuple(fn(SpanRef(claim.id, "hedge", i), h) for i, h in enumerate(claim.hedges))
    if (span, cue, chain, hedges) == (claim.span, claim.cue, claim.chain, claim.hedges):
        return claim
    return replace(claim, span=span, cue=cue, chain=chain, hedges=hedges)


def _with_mention(hop: Hop, mention: Span) -> Hop:
    return hop if mention == hop.mention else replace(hop, mention=mention)


def reanchor_annotations(
    annotations: AnnotationSet, quotes: Mapping[SpanRef, TextQuote], body: str
) -> tuple[AnnotationSet, AnchorReport]:
    """Re-anchor every span against `body`.

    `quotes` holds the stored quote of each span; an orphan span uses its own quote, and a
    span with neither is left as it is. Orphans are kept and reported, never dropped.
    """
    moved: list[Relocation] = []
    orphans: list[Relocation] = []
    shift = 0  # an edit usually shifts everything after it alike: try that first

    def visit(ref: SpanRef, span: Span) -> Span:
        nonlocal shift
        quote = quotes.get(ref, span.orphan)
        if quote is None:
            return span
        old = (span.start, span.end)
        found = locate(old, quote, body, hint=shift)
        new = found.span
        if new.orphan is None and span.orphan is None and (new.start, new.end) == old:
            return new  # nothing to report
        relocation = Relocation(
            ref,
            old,
            (new.start, new.end),
            found.method,
            quote.exact,
            found=new.text(body) if found.method is Method.FUZZY else "",
            similarity=found.similarity,
            was_orphan=span.orphan is not None,
        )
        if found.method is Method.ORPHAN:
            orphans.append(relocation)
        else:
            shift = new.start - span.start
            moved.append(relocation)
        return new

    claims = tuple(map_claim_spans(c, visit) for c in annotations.claims)
    return replace(annotations, claims=claims), AnchorReport(tuple(moved), tuple(orphans))
