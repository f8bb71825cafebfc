"""The JSON record of `sourcecrit extract --format json` (the extraction contract)."""

from __future__ import annotations

from typing import Any

from tui.model import AnnotationSet, Claim, Span


def _span(span: Span, body: str) -> dict[str, Any]:
    return {"text": span.text(body), "start": span.start, "end": span.end}


def claim_record(claim: Claim, annotations: AnnotationSet, body: str) -> dict[str, Any]:
    chain = []
    for hop in claim.chain:
        mention = hop.mention
        chain.append(
            {
                "source": hop.source,
                "mention": mention.text(body) if mention else None,
                "start": mention.start if mention else None,
                "end": mention.end if mention else None,
                "inferred": hop.inferred,
            }
        )
    return {
        "id": claim.id,
        "text": claim.span.text(body),
        "start": claim.span.start,
        "end": claim.span.end,
        "cue": _span(claim.cue, body) if claim.cue else None,
        "chain": chain,
        "hedges": [_span(h, body) for h in claim.hedges],
        "anonymous": claim.anonymous,
        "status": claim.status.value,
    }


def extract_record(annotations: AnnotationSet, body: str) -> dict[str, Any]:
    """One article's extraction as the JSON object pinned in the extraction contract."""
    meta = annotations.meta
    return {
        "article": {
            "path": annotations.article_path,
            "title": meta.title,
            "outlet": meta.outlet,
            "language": meta.language,
            "sha256": annotations.sha256,
        },
        "sources": [
            {"id": s.id, "name": s.name, "kind": s.kind, "aliases": list(s.aliases)}
            for s in annotations.sources
        ],
        "claims": [claim_record(c, annotations, body) for c in annotations.claims],
    }
