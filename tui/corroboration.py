"""Corroboration and circular reporting across the articles of a workspace.

Claims in different articles that report the same thing are linked into groups: they share a
normalised figure (`15 000`, `15,000`, `15k`, `quinze mille` are one number) and at least one
named entity, or, without a figure, at least `STRONG_OVERLAP` named entities. For each group
the origins are the first hops of the claims' chains, matched through the source registry, so
`3 articles, 1 origin (NIS)` shows three "confirmations" that are one briefing relayed.

Decisions worth knowing:

- A claim with no named source originates with its own outlet (it is the outlet's reporting).
- An anonymous origin ("officials who asked not to be named") is *unknown*: it is counted
  apart in the summary and never merged with another, since two anonymous sources may or may
  not be one. A group is `independent` only when it has two or more distinct *known* origins:
  independence that rests on unknown sources is not shown as established.
- Linking is single-linkage: A-B and B-C put A, B and C in one group. Within one figure (or
  entity set), dated articles are linked to the next one within `window_days`; an undated
  article is linked to all of them (nothing says it is out of the window).
- Claims are indexed by (figure, entity) and by entity triples, so the work grows with the
  number of claims, not with its square; entities found in a large share of the claims
  (the story's country, say) are too common to link on their own and are skipped for the
  figure-less rule.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from tui.model import AnnotationSet, ArticleMeta, Claim
from tui.registry import Registry, match_source, name_key, update_registry

STRONG_OVERLAP = 3  # shared named entities that link two claims without a shared figure
COMMON_ENTITY_SHARE = 0.2  # an entity in more claims than this share is not a linking key
COMMON_ENTITY_MIN = 20  # ... unless there are fewer claims than this in all


# --- words data ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Words:
    numbers: dict[str, int]
    hundred: frozenset[str]
    scales: dict[str, int]
    connectors: frozenset[str]
    alone_not_numbers: frozenset[str]
    months: frozenset[str]
    not_names: frozenset[str]
    particles: frozenset[str]


@cache
def _data() -> dict[str, Any]:
    text = resources.files("tui").joinpath("corroboration_words.yaml").read_text("utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def _words(language: str | None) -> _Words:
    """One language's words; with no (or an unknown) language, every language's together."""
    data = _data()
    langs = (
        [language]
        if language in data and language != "common"
        else [k for k in data if k != "common"]
    )

    def merged(key: str) -> Any:
        out: Any = {} if isinstance(data[langs[0]][key], dict) else set()
        for lang in langs:
            value = data[lang][key] or ({} if isinstance(out, dict) else [])
            if isinstance(out, dict):
                out.update({_fold(k): int(v) for k, v in value.items()})
            else:
                out.update(_fold(v) for v in value)
        return out

    numbers = merged("numbers")
    numbers.update(merged("compounds"))
    return _Words(
        numbers=numbers,
        hundred=frozenset(merged("hundred")),
        scales=merged("scales"),
        connectors=frozenset(merged("connectors")),
        alone_not_numbers=frozenset(merged("alone_not_numbers")),
        months=frozenset(merged("months")),
        not_names=frozenset(merged("not_names")),
        particles=frozenset(merged("name_particles")),
    )


def _fold(word: str) -> str:
    return unicodedata.normalize("NFC", str(word)).casefold()


# --- numbers ------------------------------------------------------------------------------

_SEP = "[ \u00a0\u202f\u2009.,'’]"  # thousands separators: spaces of all widths, . , '
_NUMERAL = re.compile(
    rf"(?<![\w.,])(?P<int>\d{{1,3}}(?:(?P<sep>{_SEP})\d{{3}})(?:(?P=sep)\d{{3}})*|\d+)"
    r"(?:[.,](?P<dec>\d+))?(?![\d])"
)
_AFTER = re.compile(r"[ \u00a0\u202f\u2009]?(?P<word>%|[^\W\d_]+(?:[ \u00a0][^\W\d_]+)?)")
_WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")


@dataclass(frozen=True)
class Number:
    value: float
    percent: bool = False
    weak: bool = False  # a year, a day of the month, a number under ten: not a figure to link
    text: str = ""

    @property
    def key(self) -> str:
        v = round(self.value, 6)
        shown = str(int(v)) if v == int(v) else f"{v:g}"
        return shown + ("%" if self.percent else "")


def _scale_after(text: str, end: int, words: _Words) -> tuple[int, bool, int]:
    """(multiplier, percent, end) of a scale word or percent sign right after a numeral."""
    common = _data()["common"]
    rest = text[end : end + 20]
    for sign in common["percent"]:
        stripped = rest.lstrip(" \u00a0\u202f\u2009")
        if (
            stripped.casefold().startswith(sign)
            and not stripped[len(sign) : len(sign) + 1].isalpha()
        ):
            return 1, True, end + (len(rest) - len(stripped)) + len(sign)
    suffix = re.match(r"[A-Za-z]+", rest)
    if suffix and suffix.group() in common["suffix_scales"]:  # attached: 15k, 2,4M
        return int(common["suffix_scales"][suffix.group()]), False, end + suffix.end()
    m = _AFTER.match(rest)
    if m and m.group("word"):
        first = _fold(m.group("word").split()[0])
        if first in words.scales:
            return words.scales[first], False, end + m.start("word") + len(first)
    return 1, False, end


def _numeral_value(m: re.Match[str]) -> float:
    digits = m.group("int")
    sep = m.group("sep")
    dec = m.group("dec")
    whole = float(re.sub(_SEP, "", digits)) if sep is not None else float(digits)
    # The regex tries grouping first, so a separator followed by exactly three digits is a
    # thousands group (`15,000`, `15.000`) and anything else a decimal mark (`2,4`, `2.5`).
    return whole + float("0." + dec) if dec is not None else whole


def _number_parts(word: str, words: _Words, in_run: bool) -> list[str] | None:
    """A word as number parts (`quatre-vingt-dix` -> quatre-vingt, dix), or None."""
    parts = word.split("-")
    out: list[str] = []
    i = 0
    while i < len(parts):
        for j in range(len(parts), i, -1):
            candidate = "-".join(parts[i:j])
            if (
                candidate in words.numbers
                or candidate in words.hundred
                or candidate in words.scales
                or candidate in words.alone_not_numbers
                or (candidate in words.connectors and (out or in_run))
            ):
                out.append(candidate)
                i = j
                break
        else:
            return None
    return out


def _word_numbers(text: str, words: _Words, skip: list[tuple[int, int]]) -> Iterable[Number]:
    """Spelled-out numbers: quinze mille, deux millions, fifteen thousand, a hundred.

    `skip` are the spans of numerals already read, so the `millions` of `2,4 millions` is
    not read again as a number of its own."""
    tokens = [
        (m.group(), m.start())
        for m in _WORD.finditer(text)
        if not any(a <= m.start() < b for a, b in skip)
    ]
    i = 0
    while i < len(tokens):
        run: list[str] = []
        j = i
        while j < len(tokens):
            parts = _number_parts(_fold(tokens[j][0]), words, bool(run))
            if parts is None:
                break
            run.extend(parts)
            j += 1
        while run and run[-1] in words.connectors:
            run.pop()
        meaningful = [p for p in run if p not in words.connectors]
        if meaningful and not all(p in words.alone_not_numbers for p in meaningful):
            value = _words_value(run, words)
            if value is not None:
                yield Number(float(value), weak=value < 10, text=" ".join(run))
        i = max(j, i + 1)


def _words_value(run: list[str], words: _Words) -> int | None:
    total, current, seen = 0, 0, False
    for p in run:
        if p in words.connectors:
            continue
        if p in words.numbers:
            current += words.numbers[p]
        elif p in words.alone_not_numbers:
            current += 1  # "un million", "a thousand"
        elif p in words.hundred:
            current = max(current, 1) * 100
        elif p in words.scales:
            total += max(current, 1) * words.scales[p]
            current = 0
        seen = True
    return total + current if seen else None


def extract_numbers(text: str, language: str | None = None) -> list[Number]:
    """Every figure of a text, normalised: `15 000`, `15,000`, `15k` -> 15000."""
    words = _words(language)
    out: list[Number] = []
    read: list[tuple[int, int]] = []
    for m in _NUMERAL.finditer(text):
        value = _numeral_value(m)
        scale, percent, end = _scale_after(text, m.end(), words)
        raw = m.group()
        before = _WORD.findall(text[max(0, m.start() - 15) : m.start()])
        after = _WORD.match(text[m.end() :].lstrip())
        dated = (before and _fold(before[-1]) in words.months) or (
            after is not None and _fold(after.group()) in words.months
        )
        year = m.group("sep") is None and m.group("dec") is None and len(raw) == 4
        year = year and 1800 <= value <= 2100 and scale == 1 and not percent
        weak = bool(dated or year or (value * scale < 10 and not percent))
        out.append(Number(value * scale, percent, weak, text[m.start() : end]))
        read.append((m.start(), end))
    out.extend(_word_numbers(text, words, read))
    return out


def number_keys(text: str, language: str | None = None) -> set[str]:
    """The figures of a text that can link it to another: no years, dates or small counts."""
    return {n.key for n in extract_numbers(text, language) if not n.weak}


# --- entities -----------------------------------------------------------------------------


def extract_entities(text: str, language: str | None = None) -> set[str]:
    """Capitalised names in a text, normalised (`la Corée du Nord` -> `coree du nord`)."""
    words = _words(language)
    entities: set[str] = set()
    run: list[str] = []
    pending: list[str] = []  # particles after a name, kept only if another name follows

    def close() -> None:
        if run:
            key = name_key(" ".join(run))
            if len(key) > 1:
                entities.add(key)
        run.clear()
        pending.clear()

    for m in _WORD.finditer(text):
        word = m.group()
        folded = _fold(word)
        gap = text[m.start() - 1 : m.start()] if m.start() else ""
        if run and gap and gap not in " \u00a0-":  # punctuation ends a name
            close()
        if word[0].isupper() and folded not in words.not_names and folded not in words.months:
            run.extend(pending)
            pending.clear()
            run.append(word)
        elif run and folded in words.particles:
            pending.append(word)
        else:
            close()
    close()
    return entities


# --- linking ------------------------------------------------------------------------------


@dataclass(frozen=True)
class LinkedClaim:
    article: str  # the article path, as the annotation file names it
    claim_id: str
    text: str
    chain: tuple[str, ...]  # source names, origin first, the article's outlet last
    origin: str | None  # the origin's registry id; None for an anonymous (unknown) origin
    origin_name: str
    credibility: int | None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None

    @property
    def chain_text(self) -> str:
        return " → ".join(self.chain)


@dataclass(frozen=True)
class Group:
    id: str
    claims: tuple[LinkedClaim, ...]
    numbers: tuple[str, ...]  # the figures the claims share
    entities: tuple[str, ...]  # the entities they share
    origins: tuple[str, ...]  # names of the distinct known origins
    unknown_origins: int  # claims whose origin is anonymous
    independent: bool
    summary: str
    warnings: tuple[str, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.article for c in self.claims))

    @property
    def circular(self) -> bool:
        """Several articles, one known origin: the confirmations are one report relayed."""
        return len(self.articles) > 1 and len(self.origins) == 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "summary": self.summary,
            "independent": self.independent,
            "circular": self.circular,
            "articles": list(self.articles),
            "origins": list(self.origins),
            "unknown_origins": self.unknown_origins,
            "numbers": list(self.numbers),
            "entities": list(self.entities),
            "claims": [
                {
                    "article": c.article,
                    "claim": c.claim_id,
                    "text": c.text,
                    "chain": list(c.chain),
                    "origin": c.origin_name if c.origin is not None else None,
                    "credibility": c.credibility,
                    "outlet": c.outlet,
                    "published": c.published,
                }
                for c in self.claims
            ],
            "warnings": list(self.warnings),
        }


WorkspaceArticle = tuple[ArticleMeta, AnnotationSet, str]  # (meta, annotations, body)


@dataclass
class _Item:
    index: int
    article: int  # index of the article in the input
    claim: Claim
    annotations: AnnotationSet
    body: str
    date: dt.date | None
    numbers: set[str]
    entities: set[str]


def _date(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _link_bucket(bucket: list[_Item], window: dt.timedelta, union: _Union) -> None:
    """Link a bucket's claims: dated ones to the next within the window, undated to all."""
    if len({it.article for it in bucket}) < 2:
        return  # one article repeating itself is not corroboration
    dated = sorted((it for it in bucket if it.date is not None), key=lambda it: it.date)
    undated = [it for it in bucket if it.date is None]
    for a, b in itertools.pairwise(dated):
        if b.date - a.date <= window:  # type: ignore[operator]
            union.union(a.index, b.index)
    for it in undated:
        union.union(it.index, bucket[0].index)
    if undated and dated:
        for it in dated:
            union.union(it.index, undated[0].index)


def link_claims(
    articles: Sequence[WorkspaceArticle],
    window_days: int = 30,
    registry: Registry | None = None,
) -> list[Group]:
    """Groups of claims from different articles that report the same thing.

    `registry` names the origins; without one, a registry of these articles' own sources is
    built in memory, so `NIS` in one article and `(NIS)` in another are one origin.
    """
    if registry is None:
        registry = Registry()
        for _, annotations, _ in articles:
            registry, _ = update_registry(registry, annotations)
    items: list[_Item] = []
    for a, (meta, annotations, body) in enumerate(articles):
        language = meta.language or annotations.meta.language
        date = _date(meta.published or annotations.meta.published)
        for claim in annotations.claims:
            text = claim.span.text(body) if claim.span.end <= len(body) else ""
            items.append(
                _Item(
                    len(items),
                    a,
                    claim,
                    annotations,
                    body,
                    date,
                    number_keys(text, language),
                    extract_entities(text, language),
                )
            )
    union = _Union(len(items))
    window = dt.timedelta(days=window_days)

    # A shared figure and a shared entity: index by the pair.
    by_pair: dict[tuple[str, str], list[_Item]] = defaultdict(list)
    entity_count: dict[str, int] = defaultdict(int)
    for it in items:
        for pair in itertools.product(sorted(it.numbers), sorted(it.entities)):
            by_pair[pair].append(it)
        for entity in it.entities:
            entity_count[entity] += 1
    for bucket in by_pair.values():
        _link_bucket(bucket, window, union)

    # No figure but a strong overlap of rarer entities: index by entity triples.
    limit = max(COMMON_ENTITY_MIN, COMMON_ENTITY_SHARE * len(items))
    by_triple: dict[tuple[str, ...], list[_Item]] = defaultdict(list)
    for it in items:
        rare = sorted(e for e in it.entities if entity_count[e] <= limit)
        for triple in itertools.combinations(rare[:8], STRONG_OVERLAP):  # 8: at most 56 keys
            by_triple[triple].append(it)
    for bucket in by_triple.values():
        _link_bucket(bucket, window, union)

    members: dict[int, list[_Item]] = defaultdict(list)
    for it in items:
        members[union.find(it.index)].append(it)
    groups = [
        _group(group_items, registry, articles)
        for group_items in members.values()
        if len({it.article for it in group_items}) > 1
    ]
    groups.sort(key=lambda g: (-len(g.articles), g.claims[0].article, g.claims[0].claim_id))
    return [Group(**{**g.__dict__, "id": f"g{i}"}) for i, g in enumerate(groups, start=1)]


def _linked_claim(it: _Item, registry: Registry, meta: ArticleMeta) -> LinkedClaim:
    ann = it.annotations
    names: list[str] = []
    for hop in it.claim.chain:
        source = ann.source(hop.source)
        names.append(source.name if source is not None else hop.source)
    first = ann.source(it.claim.chain[0].source) if it.claim.chain else None
    origin: str | None = None
    origin_name = (
        names[0] if names else (meta.outlet or ann.meta.outlet or it.annotations.article_path)
    )
    anonymous = it.claim.anonymous or (first is not None and first.kind == "anonymous")
    if not anonymous:
        if first is not None:
            found = match_source(registry, first.name, first.aliases)
            origin = found.id if found is not None else "~" + name_key(first.name)
            origin_name = found.name if found is not None else first.name
        else:  # no chain at all: the article's own reporting
            outlet = meta.outlet or ann.meta.outlet or ann.article_path
            found = match_source(registry, outlet)
            origin = found.id if found is not None else "~" + name_key(outlet)
            origin_name = found.name if found is not None else outlet
    return LinkedClaim(
        article=ann.article_path,
        claim_id=it.claim.id,
        text=it.claim.span.text(it.body),
        chain=tuple(names),
        origin=origin,
        origin_name=origin_name,
        credibility=it.claim.credibility,
        outlet=meta.outlet or ann.meta.outlet,
        title=meta.title or ann.meta.title,
        published=meta.published or ann.meta.published,
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _group(items: list[_Item], registry: Registry, articles: Sequence[WorkspaceArticle]) -> Group:
    items = sorted(items, key=lambda it: (it.article, it.index))
    claims = tuple(_linked_claim(it, registry, articles[it.article][0]) for it in items)
    known: dict[str, str] = {}
    for c in claims:
        if c.origin is not None:
            known.setdefault(c.origin, c.origin_name)
    unknown = sum(1 for c in claims if c.origin is None)
    n_articles = len({c.article for c in claims})
    independent = len(known) >= 2
    summary = f"{_plural(n_articles, 'article')}, {_plural(len(known), 'origin')}"
    if known:
        summary += f" ({', '.join(known.values())})"
    if unknown:
        summary += f" + {unknown} anonymous"
    warnings = []
    if not independent:
        why = (
            f"all reports go back to one origin ({next(iter(known.values()))})"
            if len(known) == 1
            else "no known origin"
        )
        for c in claims:
            if c.credibility == 1:
                warnings.append(
                    f"{c.article} {c.claim_id}: credibility 1 (confirmed by other sources), "
                    f"but {why}: circular reporting is not confirmation"
                )

    def shared(attr: str) -> tuple[str, ...]:
        counts: dict[str, set[int]] = defaultdict(set)
        for it in items:
            for value in getattr(it, attr):
                counts[value].add(it.article)
        return tuple(sorted(v for v, arts in counts.items() if len(arts) > 1))

    return Group(
        id="",
        claims=claims,
        numbers=shared("numbers"),
        entities=shared("entities"),
        origins=tuple(known.values()),
        unknown_origins=unknown,
        independent=independent,
        summary=summary,
        warnings=tuple(warnings),
    )


def also_reported(groups: Iterable[Group], article: str, claim_id: str) -> list[LinkedClaim]:
    """For the reader's claim panel: the same report in the workspace's other articles."""
    for group in groups:
        if any(c.article == article and c.claim_id == claim_id for c in group.claims):
            return [c for c in group.claims if c.article != article]
    return []


# --- output -------------------------------------------------------------------------------


def groups_markdown(groups: Sequence[Group]) -> str:
    lines = ["# Corroboration", ""]
    if not groups:
        return "# Corroboration\n\nNo claim is reported in more than one article.\n"
    for g in groups:
        flag = "independent" if g.independent else "**circular**" if g.circular else "unconfirmed"
        lines += [f"## {g.id}: {g.summary} ({flag})", ""]
        if g.numbers or g.entities:
            shared = ", ".join([*g.numbers, *g.entities])
            lines += [f"Shared: {shared}", ""]
        for c in g.claims:
            text = " ".join(c.text.split()).replace("|", "\\|")
            lines.append(f"- **{c.article}** `{c.claim_id}`: {text}  ")
            lines.append(f"  chain: {c.chain_text}")
        for w in g.warnings:
            lines.append(f"- ⚠ {w}")
        lines.append("")
    return "\n".join(lines)
