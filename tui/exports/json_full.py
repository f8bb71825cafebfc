"""`--to json`: the extraction record, plus everything the reviewer added.

Built on `extract_record` so a consumer of `sourcecrit extract --format json` can read this
file with the same code: every key of the contract is kept, new keys are only added.
"""

from __future__ import annotations

import json
from typing import Any

from tui.exports.extract_json import extract_record
from tui.model import (
    CREDIBILITY_LABELS,
    FORMAT_VERSION,
    RELIABILITY_LABELS,
    AnnotationSet,
    Claim,
    Span,
    weakest_reliability,
)


def _orphan(span: Span | None) -> dict[str, str] | None:
    if span is None or span.orphan is None:
        return None
    q = span.orphan
    return {"exact": q.exact, "prefix": q.prefix, "suffix": q.suffix}


def _claim_extras(claim: Claim, annotations: AnnotationSet) -> dict[str, Any]:
    weakest = weakest_reliability(annotations, claim)
    return {
        "credibility": claim.credibility,
        "credibility_label": CREDIBILITY_LABELS.get(claim.credibility)
        if claim.credibility
        else None,
        "weakest_reliability": weakest,
        "notes": [
            {"text": n.text, "created": n.created, "updated": n.updated} for n in claim.notes
        ],
        # Spans that could not be re-anchored keep their last known quote: say which.
        "orphans": [
            {"start": s.start, "end": s.end, **(_orphan(s) or {})}
            for s in claim.spans()
            if s.orphan is not None
        ],
    }


def full_record(annotations: AnnotationSet, body: str) -> dict[str, Any]:
    record = extract_record(annotations, body)
    record["format_version"] = FORMAT_VERSION
    meta = annotations.meta
    record["article"].update(url=meta.url, author=meta.author, published=meta.published)
    for out, source in zip(record["sources"], annotations.sources, strict=True):
        out["reliability"] = source.reliability
        out["reliability_label"] = (
            RELIABILITY_LABELS[source.reliability] if source.reliability else None
        )
        out["note"] = source.note
    for out, claim in zip(record["claims"], annotations.claims, strict=True):
        out.update(_claim_extras(claim, annotations))
    return record


def export_json(annotations: AnnotationSet, body: str, *, indent: int = 2) -> str:
    return json.dumps(full_record(annotations, body), ensure_ascii=False, indent=indent) + "\n"
