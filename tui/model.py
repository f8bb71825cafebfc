"""The annotation model: plain, immutable dataclasses with no I/O and no Textual.

Everything is frozen and uses tuples, so an edit is a new value (``dataclasses.replace``)
and the reader's undo stack is a list of references, not deep copies.
Offsets are Python string indices into the loaded article body.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property

FORMAT_VERSION = 1

SOURCE_KINDS: tuple[str, ...] = (
    "media",
    "news-agency",
    "intelligence",
    "government",
    "official",
    "politician",
    "military",
    "expert",
    "ngo",
    "company",
    "document",
    "anonymous",
    "collective",
    "unknown",
)

# Admiralty (NATO) system: source reliability A-F, information credibility 1-6.
RELIABILITY_LABELS: dict[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY_LABELS: dict[int, str] = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}


class Status(StrEnum):
    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


@dataclass(frozen=True)
class TextQuote:
    """A W3C TextQuoteSelector: the quoted text with context on either side."""

    exact: str
    prefix: str = ""
    suffix: str = ""


# Span, Hop and Claim write their own __init__: a frozen dataclass's generated one sets each
# field through ``object.__setattr__`` (a call per field), and the extractor builds these by
# the ten thousand per article. Their fields go straight into the instance's ``__dict__``,
# which is all the generated one does; eq, hash, repr and ``replace`` are unchanged.


@dataclass(frozen=True, init=False)
class Span:
    """A half-open range ``[start, end)`` of the article body.

    ``orphan`` is set when the span could not be found again in a changed article:
    it then keeps the quote it had, and ``start``/``end`` are its last known offsets.
    """

    start: int
    end: int
    orphan: TextQuote | None = None

    def __init__(self, start: int, end: int, orphan: TextQuote | None = None) -> None:
        if start < 0 or end < start:
            raise ValueError(f"invalid span [{start}, {end})")
        d = self.__dict__
        d["start"] = start
        d["end"] = end
        d["orphan"] = orphan

    def text(self, body: str) -> str:
        return body[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass(frozen=True)
class ArticleMeta:
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Article:
    """A loaded article: sanitised body plus the structure the extractor needs."""

    path: str
    body: str
    meta: ArticleMeta
    language: str
    paragraphs: tuple[Span, ...] = ()
    sentences: tuple[Span, ...] = ()
    boilerplate: tuple[Span, ...] = ()
    warnings: tuple[str, ...] = ()

    @cached_property
    def sha256(self) -> str:
        # (once per article: extraction, saving and checking all ask for it, and hashing a
        # long article costs a millisecond per megabyte; the body never changes)
        return body_sha256(self.body)

    def in_boilerplate(self, span: Span) -> bool:
        return any(b.overlaps(span) for b in self.boilerplate)


def body_sha256(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    kind: str = "unknown"
    aliases: tuple[str, ...] = ()
    reliability: str | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if self.kind not in SOURCE_KINDS:
            raise ValueError(f"unknown source kind {self.kind!r}")
        if self.reliability is not None and self.reliability not in RELIABILITY_LABELS:
            raise ValueError(f"reliability must be A-F, not {self.reliability!r}")


@dataclass(frozen=True, init=False)
class Hop:
    """One link of a chain. ``mention`` is None for the article itself (the last hop)."""

    source: str
    mention: Span | None = None
    inferred: bool = False

    def __init__(self, source: str, mention: Span | None = None, inferred: bool = False) -> None:
        d = self.__dict__
        d["source"] = source
        d["mention"] = mention
        d["inferred"] = inferred


@dataclass(frozen=True)
class Note:
    text: str
    created: str
    updated: str


@dataclass(frozen=True, init=False)
class Claim:
    id: str
    span: Span
    cue: Span | None = None
    chain: tuple[Hop, ...] = ()
    hedges: tuple[Span, ...] = ()
    anonymous: bool = False
    status: Status = Status.SUGGESTED
    credibility: int | None = None
    notes: tuple[Note, ...] = ()

    def __init__(
        self,
        id: str,
        span: Span,
        cue: Span | None = None,
        chain: tuple[Hop, ...] = (),
        hedges: tuple[Span, ...] = (),
        anonymous: bool = False,
        status: Status = Status.SUGGESTED,
        credibility: int | None = None,
        notes: tuple[Note, ...] = (),
    ) -> None:
        if credibility is not None and credibility not in CREDIBILITY_LABELS:
            raise ValueError(f"credibility must be 1-6, not {credibility!r}")
        d = self.__dict__
        d["id"] = id
        d["span"] = span
        d["cue"] = cue
        d["chain"] = chain
        d["hedges"] = hedges
        d["anonymous"] = anonymous
        d["status"] = status
        d["credibility"] = credibility
        d["notes"] = notes

    @property
    def named_hops(self) -> tuple[Hop, ...]:
        """The hops that name a source in the text (all but the article itself)."""
        return tuple(h for h in self.chain if h.mention is not None)

    @property
    def unsourced(self) -> bool:
        """A claim the article makes on its own authority (flagged when hedged)."""
        return not self.named_hops

    def spans(self) -> list[Span]:
        """Every span of the claim, for highlighting and re-anchoring."""
        out = [self.span]
        if self.cue is not None:
            out.append(self.cue)
        out.extend(h.mention for h in self.chain if h.mention is not None)
        out.extend(self.hedges)
        return out


@dataclass(frozen=True)
class AnnotationSet:
    article_path: str
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    sha256: str = ""
    sources: tuple[Source, ...] = ()
    claims: tuple[Claim, ...] = ()

    def source(self, source_id: str) -> Source | None:
        for s in self.sources:
            if s.id == source_id:
                return s
        return None

    def claim(self, claim_id: str) -> Claim | None:
        for c in self.claims:
            if c.id == claim_id:
                return c
        return None

    def replace_claim(self, claim: Claim) -> AnnotationSet:
        claims = tuple(claim if c.id == claim.id else c for c in self.claims)
        return replace(self, claims=claims)

    def replace_source(self, source: Source) -> AnnotationSet:
        sources = tuple(source if s.id == source.id else s for s in self.sources)
        return replace(self, sources=sources)

    def orphans(self) -> list[tuple[str, Span]]:
        """(claim id, span) for every span that could not be re-anchored."""
        return [(c.id, s) for c in self.claims for s in c.spans() if s.orphan is not None]

    def reviewed_count(self) -> int:
        return sum(1 for c in self.claims if c.status is not Status.SUGGESTED)


def reliability_rank(grade: str | None) -> int:
    """Order A (best) .. E (worst); F and unrated sort as unknown (-1)."""
    if grade is None or grade == "F":
        return -1
    return "ABCDE".index(grade)


def weakest_reliability(annotations: AnnotationSet, claim: Claim) -> str | None:
    """The worst rated reliability along the claim's chain (F if only F is known)."""
    grades = [
        s.reliability
        for h in claim.chain
        if (s := annotations.source(h.source)) is not None and s.reliability is not None
    ]
    judged = [g for g in grades if g != "F"]
    if judged:
        return max(judged, key=reliability_rank)
    return "F" if grades else None


def slug_id(name: str, fallback: str = "source") -> str:
    """A stable, readable id from a name: accents folded, lowercase ascii words, hyphens."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    out = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return out[:60].strip("-") or fallback


def unique_id(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`… the first one not in `taken`."""
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
