"""Pure edit functions on the annotation model: each takes an AnnotationSet and returns a new one.

No Textual and no I/O here, so every edit the reader offers is unit-testable and undo is just
"keep the previous reference". Invalid edits raise `EditError` (a `ValueError`) with a message
fit for a notification; an edit that changes nothing returns the *same* object, which lets the
session skip it instead of recording an empty undo step.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from tui.model import (
    CREDIBILITY_LABELS,
    RELIABILITY_LABELS,
    SOURCE_KINDS,
    AnnotationSet,
    Claim,
    Hop,
    Note,
    Source,
    Span,
    Status,
    slug_id,
    unique_id,
)


class EditError(ValueError):
    """An edit that cannot be made; the message is shown to the user as is."""


def _claim(ann: AnnotationSet, claim_id: str) -> Claim:
    claim = ann.claim(claim_id)
    if claim is None:
        raise EditError(f"no claim {claim_id!r}")
    return claim


def _with_claim(ann: AnnotationSet, old: Claim, new: Claim) -> AnnotationSet:
    return ann if new == old else ann.replace_claim(new)


# --- status and ratings -------------------------------------------------------------------


def set_status(ann: AnnotationSet, claim_id: str, status: Status) -> AnnotationSet:
    claim = _claim(ann, claim_id)
    return _with_claim(ann, claim, replace(claim, status=status))


def confirm(ann: AnnotationSet, claim_id: str) -> AnnotationSet:
    return set_status(ann, claim_id, Status.CONFIRMED)


def reject(ann: AnnotationSet, claim_id: str) -> AnnotationSet:
    return set_status(ann, claim_id, Status.REJECTED)


def set_credibility(ann: AnnotationSet, claim_id: str, value: int | None) -> AnnotationSet:
    if value is not None and value not in CREDIBILITY_LABELS:
        raise EditError(f"credibility must be 1-6, not {value!r}")
    claim = _claim(ann, claim_id)
    return _with_claim(ann, claim, replace(claim, credibility=value))


def set_source_reliability(ann: AnnotationSet, source_id: str, grade: str | None) -> AnnotationSet:
    """Rate a source; the rating is the source's, so every claim citing it shows it."""
    if grade is not None:
        grade = grade.upper()
        if grade not in RELIABILITY_LABELS:
            raise EditError(f"reliability must be A-F, not {grade!r}")
    source = ann.source(source_id)
    if source is None:
        raise EditError(f"no source {source_id!r}")
    if source.reliability == grade:
        return ann
    return ann.replace_source(replace(source, reliability=grade))


# --- notes --------------------------------------------------------------------------------


def _note_index(claim: Claim, index: int) -> None:
    if not 0 <= index < len(claim.notes):
        raise EditError(f"claim {claim.id} has no note {index + 1}")


def add_note(ann: AnnotationSet, claim_id: str, text: str, now: str) -> AnnotationSet:
    """Append a note; blank text is refused so an empty dialog never leaves an empty note."""
    text = text.strip("\n")
    if not text.strip():
        raise EditError("a note cannot be empty")
    claim = _claim(ann, claim_id)
    note = Note(text=text, created=now, updated=now)
    return ann.replace_claim(replace(claim, notes=(*claim.notes, note)))


def edit_note(ann: AnnotationSet, claim_id: str, index: int, text: str, now: str) -> AnnotationSet:
    text = text.strip("\n")
    if not text.strip():
        raise EditError("a note cannot be empty (delete it instead)")
    claim = _claim(ann, claim_id)
    _note_index(claim, index)
    old = claim.notes[index]
    if old.text == text:
        return ann
    notes = list(claim.notes)
    notes[index] = replace(old, text=text, updated=now)
    return ann.replace_claim(replace(claim, notes=tuple(notes)))


def delete_note(ann: AnnotationSet, claim_id: str, index: int) -> AnnotationSet:
    claim = _claim(ann, claim_id)
    _note_index(claim, index)
    notes = claim.notes[:index] + claim.notes[index + 1 :]
    return ann.replace_claim(replace(claim, notes=notes))


# --- sources and chains -------------------------------------------------------------------


def add_source(ann: AnnotationSet, name: str, kind: str = "unknown") -> tuple[AnnotationSet, str]:
    """Add a source and return its new id (a slug of the name, made unique)."""
    name = " ".join(name.split())
    if not name:
        raise EditError("a source needs a name")
    if kind not in SOURCE_KINDS:
        raise EditError(f"unknown source kind {kind!r}")
    source_id = unique_id(slug_id(name), {s.id for s in ann.sources})
    source = Source(id=source_id, name=name, kind=kind)
    return replace(ann, sources=(*ann.sources, source)), source_id


def article_hop(claim: Claim) -> Hop | None:
    """The article's own hop: the last one, when it names no place in the text."""
    if claim.chain and claim.chain[-1].mention is None:
        return claim.chain[-1]
    return None


def set_chain(ann: AnnotationSet, claim_id: str, hops: Sequence[Hop]) -> AnnotationSet:
    """Replace a claim's chain. The article's own hop, if the claim had one, must stay last."""
    claim = _claim(ann, claim_id)
    hops = tuple(hops)
    for hop in hops:
        if ann.source(hop.source) is None:
            raise EditError(f"no source {hop.source!r}")
    own = article_hop(claim)
    if own is not None and (not hops or hops[-1].source != own.source):
        raise EditError("the article itself must stay the last link of the chain")
    if own is not None and any(h.mention is None for h in hops[:-1]):
        raise EditError("only the article itself can be a link without a mention")
    return _with_claim(ann, claim, replace(claim, chain=hops))


def find_mention(ann: AnnotationSet, body: str, source_id: str, near: int) -> Span | None:
    """Where the text names a source, for a hop the user adds: the closest place before `near`.

    Mentions the annotations already use for that source come first (they were reviewed);
    otherwise the source's name or aliases are looked up in the body, case-insensitively.
    """
    known = [
        h.mention
        for c in ann.claims
        for h in c.chain
        if h.source == source_id and h.mention is not None and h.mention.orphan is None
    ]
    source = ann.source(source_id)
    if not known and source is not None:
        for name in (source.name, *source.aliases):
            if name.strip():
                # re with IGNORECASE matches in the body itself, so offsets stay exact.
                pattern = re.compile(re.escape(name), re.IGNORECASE)
                known.extend(Span(m.start(), m.end()) for m in pattern.finditer(body))
    if not known:
        return None
    before = [s for s in known if s.start <= near]
    if before:
        return max(before, key=lambda s: s.start)
    return min(known, key=lambda s: s.start)


def hop_for(ann: AnnotationSet, body: str, source_id: str, claim_span: Span) -> Hop:
    """A hop the user adds to a claim's chain.

    Anchored on where the text names the source (see `find_mention`); when it never does,
    the hop is inferred and anchored by an empty span at the claim's start, which marks the
    place without highlighting any text as a source mention.
    """
    mention = find_mention(ann, body, source_id, claim_span.start)
    if mention is None:
        return Hop(source_id, Span(claim_span.start, claim_span.start), inferred=True)
    return Hop(source_id, mention)


def article_source(ann: AnnotationSet, fallback_name: str) -> tuple[AnnotationSet, str]:
    """The source standing for the article itself, creating it from `fallback_name` if needed."""
    for claim in ann.claims:
        own = article_hop(claim)
        if own is not None and ann.source(own.source) is not None:
            return ann, own.source
    wanted = " ".join(fallback_name.split()).casefold()
    for source in ann.sources:
        if source.name.casefold() == wanted:
            return ann, source.id
    return add_source(ann, fallback_name or "the article", "media")


# --- claims -------------------------------------------------------------------------------


def _check_span(span: Span, body_length: int | None) -> None:
    if len(span) == 0:
        raise EditError("a claim needs some text")
    if body_length is not None and span.end > body_length:
        raise EditError("the selection goes past the end of the article")


def _next_claim_id(ann: AnnotationSet) -> str:
    taken = {c.id for c in ann.claims}
    numbers = [int(m.group(1)) for c in ann.claims if (m := re.fullmatch(r"c(\d+)", c.id))]
    n = max(numbers, default=0) + 1
    while f"c{n}" in taken:
        n += 1
    return f"c{n}"


def add_claim(
    ann: AnnotationSet,
    span: Span,
    chain: Sequence[Hop],
    body_length: int | None = None,
) -> tuple[AnnotationSet, str]:
    """Add a user-made claim (confirmed), kept in reading order so j/k walks the text."""
    _check_span(span, body_length)
    for hop in chain:
        if ann.source(hop.source) is None:
            raise EditError(f"no source {hop.source!r}")
    claim_id = _next_claim_id(ann)
    claim = Claim(id=claim_id, span=span, chain=tuple(chain), status=Status.CONFIRMED)
    claims = list(ann.claims)
    at = next((i for i, c in enumerate(claims) if c.span.start > span.start), len(claims))
    claims.insert(at, claim)
    return replace(ann, claims=tuple(claims)), claim_id


def set_claim_span(
    ann: AnnotationSet, claim_id: str, span: Span, body_length: int | None = None
) -> AnnotationSet:
    """Move a claim's span (an adjusted span is a reviewed one, so it is no longer orphaned)."""
    _check_span(span, body_length)
    claim = _claim(ann, claim_id)
    if claim.span.orphan is None and (claim.span.start, claim.span.end) == (span.start, span.end):
        return ann
    new = replace(claim, span=Span(span.start, span.end))
    claims = [new if c.id == claim_id else c for c in ann.claims]
    claims.sort(key=lambda c: c.span.start)  # stable: ties keep their order
    return replace(ann, claims=tuple(claims))


# --- text helpers for keyboard selection and search ---------------------------------------
# Selections are made with the keyboard, a word or a sentence at a time; these functions say
# where the next boundary is. They never return an empty selection: a move that would empty
# it leaves it as it was.


def _is_word(char: str) -> bool:
    return char.isalnum() or char in "-’'_"


def next_word_end(body: str, pos: int) -> int:
    """The end of the word at or after `pos` (skipping what is between)."""
    n = len(body)
    while pos < n and not _is_word(body[pos]):
        pos += 1
    while pos < n and _is_word(body[pos]):
        pos += 1
    return pos


def prev_word_start(body: str, pos: int) -> int:
    """The start of the word before `pos`."""
    while pos > 0 and not _is_word(body[pos - 1]):
        pos -= 1
    while pos > 0 and _is_word(body[pos - 1]):
        pos -= 1
    return pos


def sentence_spans(body: str, sentences: Sequence[Span]) -> tuple[Span, ...]:
    """The article's sentences, or a plain split on . ! ? when the loader gave none."""
    if sentences:
        return tuple(sentences)
    spans: list[Span] = []
    for m in re.finditer(r"[^.!?\n]+(?:[.!?]+|$)", body):
        start, end = m.start(), m.end()
        while start < end and body[start].isspace():
            start += 1
        if start < end:
            spans.append(Span(start, end))
    return tuple(spans) or (Span(0, len(body)),)


def trim(body: str, span: Span) -> Span:
    """The span without leading or trailing white space (unchanged if that would empty it)."""
    start, end = span.start, span.end
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else span


def sentence_at(sentences: Sequence[Span], offset: int) -> Span | None:
    for s in sentences:
        if s.start <= offset < s.end:
            return s
    following = [s for s in sentences if s.start >= offset]
    return following[0] if following else (sentences[-1] if sentences else None)


def adjust_selection(body: str, sentences: Sequence[Span], span: Span, move: str) -> Span:
    """Move one edge of a selection by a word or a sentence.

    `move` is one of: `end+word`, `end-word`, `end+sentence`, `end-sentence` (the right edge),
    `start-word`, `start+word`, `start-sentence`, `start+sentence` (the left edge), and
    `next-sentence` / `prev-sentence` (select the whole following / preceding sentence).
    """
    start, end = span.start, span.end
    n = len(body)
    if move == "end+word":
        end = next_word_end(body, end)
    elif move == "end-word":
        # Back to the start of the last word, then over the gap: the end of the word before.
        candidate = prev_word_start(body, end)
        while candidate > start and not _is_word(body[candidate - 1]):
            candidate -= 1
        end = candidate if candidate > start else end
    elif move == "start-word":
        start = prev_word_start(body, start)
    elif move == "start+word":
        forward = next_word_end(body, start)
        while forward < end and not _is_word(body[forward]):
            forward += 1
        start = forward if forward < end else start
    elif move == "end+sentence":
        ends = [s.end for s in sentences if s.end > end]
        end = min(ends) if ends else n
    elif move == "end-sentence":
        ends = [s.end for s in sentences if start < s.end < end]
        end = max(ends) if ends else end
    elif move == "start-sentence":
        starts = [s.start for s in sentences if s.start < start]
        start = max(starts) if starts else 0
    elif move == "start+sentence":
        starts = [s.start for s in sentences if start < s.start < end]
        start = min(starts) if starts else start
    elif move in ("next-sentence", "prev-sentence"):
        if move == "next-sentence":
            later = [s for s in sentences if s.start >= end or (s.start > start)]
            target = min(later, key=lambda s: s.start) if later else None
        else:
            earlier = [s for s in sentences if s.start < start]
            target = max(earlier, key=lambda s: s.start) if earlier else None
        if target is not None:
            start, end = target.start, target.end
    else:
        raise ValueError(f"unknown selection move {move!r}")
    start, end = max(0, min(start, n)), max(0, min(end, n))
    if end <= start:
        return span
    return trim(body, Span(start, end))


def _fold(text: str) -> tuple[str, list[int]]:
    """Casefold and strip accents, with the body offset of each folded character."""
    out: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        for part in unicodedata.normalize("NFKD", char):
            if unicodedata.combining(part):
                continue
            for folded in part.casefold():
                out.append(folded)
                where.append(i)
    return "".join(out), where


def find_all(body: str, query: str) -> list[Span]:
    """Every match of `query` in `body`, ignoring case and accents (``etude`` finds ``Étude``)."""
    needle, _ = _fold(query)
    if not needle.strip():
        return []
    hay, where = _fold(body)
    spans: list[Span] = []
    at = hay.find(needle)
    while at != -1:
        last = at + len(needle) - 1
        spans.append(Span(where[at], where[last] + 1))
        at = hay.find(needle, at + 1)
    return spans
