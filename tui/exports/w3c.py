"""`--to w3c`: the W3C Web Annotation Data Model (JSON-LD), and reading it back.

Shape (https://www.w3.org/TR/annotation-model/ §5): an `AnnotationCollection` whose `first`
is an embedded `AnnotationPage` holding every claim as an `Annotation` in `items` (embedded
annotations inherit the collection's `@context`). Each annotation:

- `motivation: assessing`; `target` a `SpecificResource` on the article with a
  `TextQuoteSelector` (exact + 32 characters of prefix/suffix) and a `TextPositionSelector`
  (offsets in code points, which is what Python indices are);
- `body`: `TextualBody`s for the chain (`describing`), the ratings (`assessing`) and each note
  (`commenting`, with `created`/`modified`).

What the standard vocabulary has no word for (source ids and kinds, reliability, which hops
are inferred, status, credibility, cue and hedge spans) goes under the `sc:` prefix, bound to
`NS` below, so `parse_w3c` can rebuild the exact AnnotationSet. Every other tool can ignore it.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from tui import __version__
from tui.anchoring import quote_for
from tui.exports.common import chain_text, credibility_label
from tui.model import (
    FORMAT_VERSION,
    RELIABILITY_LABELS,
    AnnotationSet,
    ArticleMeta,
    Claim,
    Hop,
    Note,
    Source,
    Span,
    Status,
    TextQuote,
    body_sha256,
    weakest_reliability,
)

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# A stable IRI for the extension vocabulary: never change it, or old exports stop importing.
NS = "https://sourcecrit.example/ns#"
CONTEXT: list[Any] = [
    ANNO_CONTEXT,
    {
        "sc": NS,
        # Order matters for these (chain order, alias order): make them RDF lists.
        "sc:chain": {"@container": "@list"},
        "sc:hedges": {"@container": "@list"},
        "sc:aliases": {"@container": "@list"},
        "sc:sources": {"@container": "@list"},
    },
]
CONTEXT_CHARS = 32
META_FIELDS = ("title", "outlet", "url", "author", "published", "language")


class W3CImportError(ValueError):
    """The file is not a sourcecrit W3C export we can read; the message says what is wrong."""


# --- export -------------------------------------------------------------------------------


def _quote_selector(span: Span, body: str) -> dict[str, Any]:
    quote = quote_for(span, body, CONTEXT_CHARS)
    return {
        "type": "TextQuoteSelector",
        "exact": quote.exact,
        "prefix": quote.prefix,
        "suffix": quote.suffix,
    }


def _position(span: Span) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "TextPositionSelector", "start": span.start, "end": span.end}
    if span.orphan is not None:
        q = span.orphan
        out["sc:orphan"] = {
            "type": "TextQuoteSelector",
            "exact": q.exact,
            "prefix": q.prefix,
            "suffix": q.suffix,
        }
    return out


def _hop(hop: Hop) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "sc:Hop", "sc:source": hop.source, "sc:inferred": hop.inferred}
    if hop.mention is not None:
        out["sc:mention"] = _position(hop.mention)
    return out


def _source(source: Source) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "sc:Source",
        "sc:id": source.id,
        "sc:name": source.name,
        "sc:kind": source.kind,
        "sc:aliases": list(source.aliases),
        "sc:note": source.note,
    }
    if source.reliability is not None:
        out["sc:reliability"] = source.reliability
        out["sc:reliabilityLabel"] = RELIABILITY_LABELS[source.reliability]
    return out


def collection_id(annotations: AnnotationSet, body: str) -> str:
    return f"urn:sourcecrit:annotations:{annotations.sha256 or body_sha256(body)}"


def _annotation(
    annotations: AnnotationSet, claim: Claim, body: str, base: str, target_source: str
) -> dict[str, Any]:
    target: dict[str, Any] = {
        "type": "SpecificResource",
        "source": target_source,
        "selector": [_quote_selector(claim.span, body), _position(claim.span)],
    }
    if claim.span.orphan is not None:
        target["sc:orphan"] = True
    weakest = weakest_reliability(annotations, claim)
    rating = f"Credibility: {credibility_label(claim.credibility)}"
    if weakest:
        rating += f"; weakest source reliability: {weakest} ({RELIABILITY_LABELS[weakest]})"
    bodies: list[dict[str, Any]] = [
        {
            "type": "TextualBody",
            "purpose": "describing",
            "format": "text/plain",
            "value": "Chain: " + (chain_text(annotations, claim, ratings=True) or "(none)"),
            "sc:chain": [_hop(h) for h in claim.chain],
        },
        {
            "type": "TextualBody",
            "purpose": "assessing",
            "format": "text/plain",
            "value": rating,
            "sc:status": claim.status.value,
            **({"sc:credibility": claim.credibility} if claim.credibility is not None else {}),
            **({"sc:weakestReliability": weakest} if weakest else {}),
        },
    ]
    bodies += [
        {
            "type": "TextualBody",
            "purpose": "commenting",
            "format": "text/plain",
            "value": note.text,
            "created": note.created,
            "modified": note.updated,
        }
        for note in claim.notes
    ]
    out: dict[str, Any] = {
        "id": f"{base}:claim:{quote(claim.id, safe='')}",
        "type": "Annotation",
        "motivation": "assessing",
        "sc:claimId": claim.id,
        "sc:status": claim.status.value,
        "sc:anonymous": claim.anonymous,
        "body": bodies,
        "target": target,
    }
    if claim.cue is not None:
        out["sc:cue"] = _position(claim.cue)
    if claim.hedges:
        out["sc:hedges"] = [_position(h) for h in claim.hedges]
    return out


def w3c_document(annotations: AnnotationSet, body: str) -> dict[str, Any]:
    base = collection_id(annotations, body)
    meta = annotations.meta
    # The standard target is the article as published when known, else the local file.
    target_source = meta.url or annotations.article_path
    article: dict[str, Any] = {"sc:path": annotations.article_path, "sc:sha256": annotations.sha256}
    article.update(
        {f"sc:{k}": getattr(meta, k) for k in META_FIELDS if getattr(meta, k) is not None}
    )
    items = [_annotation(annotations, c, body, base, target_source) for c in annotations.claims]
    return {
        "@context": CONTEXT,
        "id": base,
        "type": "AnnotationCollection",
        "label": f"sourcecrit review: {meta.title or annotations.article_path}",
        "total": len(items),
        "generator": {
            "id": "https://sourcecrit.example/",
            "type": "Software",
            "name": f"sourcecrit {__version__}",
        },
        "sc:formatVersion": FORMAT_VERSION,
        "sc:article": article,
        "sc:sources": [_source(s) for s in annotations.sources],
        "first": {
            "id": f"{base}:page:1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }


def export_w3c(annotations: AnnotationSet, body: str) -> str:
    return json.dumps(w3c_document(annotations, body), ensure_ascii=False, indent=2) + "\n"


# --- import -------------------------------------------------------------------------------


def _get(obj: Any, key: str, where: str, kind: type | tuple[type, ...] = str) -> Any:
    if not isinstance(obj, dict) or key not in obj:
        raise W3CImportError(f"{where}: missing {key!r}")
    value = obj[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise W3CImportError(f"{where}: {key!r} has the wrong type")
    return value


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("type", obj.get("@type"))
    return set(t) if isinstance(t, list) else {t}


def _parse_position(obj: Any, where: str) -> Span:
    if not isinstance(obj, dict) or "TextPositionSelector" not in _types(obj):
        raise W3CImportError(f"{where}: expected a TextPositionSelector")
    start = _get(obj, "start", where, int)
    end = _get(obj, "end", where, int)
    orphan = None
    if "sc:orphan" in obj:
        q = obj["sc:orphan"]
        orphan = TextQuote(
            exact=_get(q, "exact", where), prefix=q.get("prefix", ""), suffix=q.get("suffix", "")
        )
    try:
        return Span(start, end, orphan)
    except ValueError as err:
        raise W3CImportError(f"{where}: {err}") from None


def _parse_target(target: Any, where: str) -> Span:
    if isinstance(target, list):
        if len(target) != 1:
            raise W3CImportError(f"{where}: expected one target, found {len(target)}")
        target = target[0]
    selectors = _get(target, "selector", where, (list, dict))
    selectors = selectors if isinstance(selectors, list) else [selectors]
    position = next((s for s in selectors if "TextPositionSelector" in _types(s)), None)
    quote_sel = next((s for s in selectors if "TextQuoteSelector" in _types(s)), None)
    if position is None:
        raise W3CImportError(f"{where}: the target has no TextPositionSelector")
    span = _parse_position(position, where)
    if target.get("sc:orphan") and quote_sel is not None:
        orphan = TextQuote(
            exact=_get(quote_sel, "exact", where),
            prefix=quote_sel.get("prefix", ""),
            suffix=quote_sel.get("suffix", ""),
        )
        span = Span(span.start, span.end, orphan)
    return span


def _parse_source(obj: Any, where: str) -> Source:
    try:
        return Source(
            id=_get(obj, "sc:id", where),
            name=_get(obj, "sc:name", where),
            kind=obj.get("sc:kind", "unknown"),
            aliases=tuple(obj.get("sc:aliases", ())),
            reliability=obj.get("sc:reliability"),
            note=obj.get("sc:note", ""),
        )
    except ValueError as err:
        raise W3CImportError(f"{where}: {err}") from None


def _parse_annotation(obj: Any, where: str) -> Claim:
    if not isinstance(obj, dict) or "Annotation" not in _types(obj):
        raise W3CImportError(f"{where}: not an Annotation")
    claim_id = _get(obj, "sc:claimId", where)
    where = f"{where} ({claim_id})"
    span = _parse_target(_get(obj, "target", where, (dict, list)), where)
    bodies = obj.get("body", [])
    bodies = bodies if isinstance(bodies, list) else [bodies]
    chain: tuple[Hop, ...] = ()
    credibility = None
    notes = []
    for b in bodies:
        if not isinstance(b, dict):
            continue
        if "sc:chain" in b:
            chain = tuple(
                Hop(
                    source=_get(h, "sc:source", where),
                    mention=_parse_position(h["sc:mention"], where) if "sc:mention" in h else None,
                    inferred=bool(h.get("sc:inferred", False)),
                )
                for h in b["sc:chain"]
            )
        elif b.get("purpose") == "assessing":
            credibility = b.get("sc:credibility")
        elif b.get("purpose") == "commenting":
            created = b.get("created", "")
            notes.append(
                Note(
                    text=_get(b, "value", where),
                    created=created,
                    updated=b.get("modified", created),
                )
            )
    try:
        status = Status(obj.get("sc:status", Status.SUGGESTED.value))
        return Claim(
            id=claim_id,
            span=span,
            cue=_parse_position(obj["sc:cue"], where) if "sc:cue" in obj else None,
            chain=chain,
            hedges=tuple(_parse_position(h, where) for h in obj.get("sc:hedges", ())),
            anonymous=bool(obj.get("sc:anonymous", False)),
            status=status,
            credibility=credibility,
            notes=tuple(notes),
        )
    except ValueError as err:
        raise W3CImportError(f"{where}: {err}") from None


def parse_w3c(data: Any) -> AnnotationSet:
    """Rebuild the AnnotationSet of a `w3c` export (the inverse of `w3c_document`)."""
    if not isinstance(data, dict) or "AnnotationCollection" not in _types(data):
        raise W3CImportError("not a W3C AnnotationCollection")
    if "sc:article" not in data:
        raise W3CImportError(
            "no sourcecrit data in this collection (was it exported by sourcecrit?)"
        )
    article = data["sc:article"]
    page = data.get("first")
    if isinstance(page, dict):
        items = _get(page, "items", "first page", list)
        if "next" in page:
            raise W3CImportError("collections of several pages are not supported")
    elif isinstance(data.get("items"), list):
        items = data["items"]
    else:
        raise W3CImportError("the collection has no embedded first page of items")
    meta = ArticleMeta(**{k: article[f"sc:{k}"] for k in META_FIELDS if f"sc:{k}" in article})
    sources = tuple(
        _parse_source(s, f"source {i + 1}") for i, s in enumerate(data.get("sc:sources", []))
    )
    claims = tuple(_parse_annotation(a, f"annotation {i + 1}") for i, a in enumerate(items))
    return AnnotationSet(
        article_path=_get(article, "sc:path", "sc:article"),
        meta=meta,
        sha256=article.get("sc:sha256", ""),
        sources=sources,
        claims=claims,
    )


def import_w3c(text: str) -> AnnotationSet:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise W3CImportError(f"not JSON: {err}") from None
    return parse_w3c(data)
