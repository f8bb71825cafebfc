"""`--to w3c`: the Web Annotation Data Model's required structure, and the exact round trip."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from test_export_common import hostile_annotations, seed_annotations, seed_body

from tui.exports.w3c import (
    ANNO_CONTEXT,
    NS,
    W3CImportError,
    export_w3c,
    import_w3c,
    parse_w3c,
)
from tui.model import Span, TextQuote

IRI_SCHEMES = ("http:", "https:", "urn:")


def _is_iri(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(IRI_SCHEMES) and " " not in value


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj["type"]
    return set(t) if isinstance(t, list) else {t}


def validate_collection(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The MUSTs of https://www.w3.org/TR/annotation-model/ for what we emit; returns items."""
    context = doc["@context"]
    assert context == ANNO_CONTEXT or (isinstance(context, list) and context[0] == ANNO_CONTEXT)
    # §5.1 Annotation Collection: id (IRI), type AnnotationCollection, total, first.
    assert _is_iri(doc["id"])
    assert "AnnotationCollection" in _types(doc)
    assert isinstance(doc["total"], int) and doc["total"] >= 0
    page = doc["first"]
    # §5.2 Annotation Page: id, type AnnotationPage, items; startIndex a non-negative int.
    assert _is_iri(page["id"]) and "AnnotationPage" in _types(page)
    assert page["startIndex"] == 0
    items = page["items"]
    assert len(items) == doc["total"]
    ids = set()
    for anno in items:
        # §3.1 Annotation: id (IRI), type Annotation, at least one target; @context is
        # inherited from the collection when embedded.
        assert "@context" not in anno or anno["@context"] == context
        assert _is_iri(anno["id"]) and anno["id"] not in ids
        ids.add(anno["id"])
        assert "Annotation" in _types(anno)
        assert anno["motivation"] == "assessing"  # §3.3.5: one of the defined motivations
        target = anno["target"]
        assert "SpecificResource" in _types(target)
        assert isinstance(target["source"], str) and target["source"]
        selectors = target["selector"]
        kinds = {s["type"] for s in selectors}
        assert kinds == {"TextQuoteSelector", "TextPositionSelector"}
        for sel in selectors:
            if sel["type"] == "TextQuoteSelector":  # §4.2.4: exact MUST, prefix/suffix MAY
                assert isinstance(sel["exact"], str) and sel["exact"]
                assert isinstance(sel["prefix"], str) and isinstance(sel["suffix"], str)
            else:  # §4.2.5: start and end MUST, non-negative integers, start <= end
                assert isinstance(sel["start"], int) and isinstance(sel["end"], int)
                assert 0 <= sel["start"] <= sel["end"]
        for body in anno["body"]:
            # §3.2.4 TextualBody: type, value; purpose one of the motivations; format a MIME.
            assert body["type"] == "TextualBody" and isinstance(body["value"], str)
            assert body["purpose"] in {"describing", "assessing", "commenting"}
            assert body["format"] == "text/plain"
        # Extension keys are compact IRIs of our prefix, declared in the context.
        for key in anno:
            assert key in {"id", "type", "motivation", "body", "target"} or key.startswith("sc:")
    assert isinstance(context[1], dict) and context[1]["sc"] == NS
    return items


def test_w3c_structure_and_selectors() -> None:
    body = seed_body()
    ann = seed_annotations(body)
    doc = json.loads(export_w3c(ann, body))
    items = validate_collection(doc)
    assert len(items) == len(ann.claims)
    for anno, claim in zip(items, ann.claims, strict=True):
        sel = {s["type"]: s for s in anno["target"]["selector"]}
        quote, pos = sel["TextQuoteSelector"], sel["TextPositionSelector"]
        assert body[pos["start"] : pos["end"]] == quote["exact"] == claim.span.text(body)
        assert body[: pos["start"]].endswith(quote["prefix"])
        assert body[pos["end"] :].startswith(quote["suffix"])
        assert len(quote["prefix"]) == min(32, pos["start"])
        assert len(quote["suffix"]) == min(32, len(body) - pos["end"])
        assert anno["target"]["source"] == ann.meta.url
        assert anno["sc:claimId"] == claim.id
    c1 = items[0]
    purposes = [b["purpose"] for b in c1["body"]]
    assert purposes == ["describing", "assessing", "commenting", "commenting"]
    assert c1["body"][0]["value"] == "Chain: NIS (B) → Newsweek (C) → L'Express"
    assert [h["sc:source"] for h in c1["body"][0]["sc:chain"]] == ["nis", "newsweek", "lexpress"]
    assert c1["body"][1]["sc:credibility"] == 2
    assert c1["body"][3]["value"] == "Newsweek link is inferred\nfrom paragraph order."
    assert c1["body"][3]["created"] == "2025-05-02T10:05:00Z"
    assert c1["body"][3]["modified"] == "2025-05-03T08:00:00Z"


def test_code_point_offsets_outside_the_bmp() -> None:
    """TextPositionSelector counts code points: an emoji is one, as in Python (not two)."""
    from tui.model import AnnotationSet, Claim

    body = "😀 Selon X, la pluie tombe."
    claim = Claim("c1", Span(body.index("la"), body.index(".")))
    doc = json.loads(export_w3c(AnnotationSet("a.txt", claims=(claim,)), body))
    pos = doc["first"]["items"][0]["target"]["selector"][1]
    # 11 code points before "la" (the emoji counts 1); UTF-16 would say 12.
    assert (pos["start"], pos["end"]) == (11, 25)
    assert len(body[:11].encode("utf-16-le")) // 2 == 12
    assert body[pos["start"] : pos["end"]] == "la pluie tombe"


@pytest.mark.parametrize("builder", [seed_annotations, hostile_annotations])
def test_round_trip_is_exact(builder) -> None:
    body = seed_body()
    ann = builder(body)
    assert import_w3c(export_w3c(ann, body)) == ann


def test_round_trip_keeps_orphans_and_empty_fields() -> None:
    body = seed_body()
    ann = seed_annotations(body)
    c2 = ann.claims[1]
    orphan = TextQuote("a sentence that was edited away", "before ", " after")
    ann = ann.replace_claim(
        replace(c2, span=Span(c2.span.start, c2.span.end, orphan), cue=None, chain=())
    )
    ann = replace(ann, meta=replace(ann.meta, author="", url=None), sha256="")
    back = import_w3c(export_w3c(ann, body))
    assert back == ann
    assert back.claims[1].span.orphan == orphan


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("sc:article"), "no sourcecrit data"),
        (lambda d: d.update(type="Annotation"), "not a W3C AnnotationCollection"),
        (lambda d: d["first"]["items"][0].pop("target"), "missing 'target'"),
        (lambda d: d["first"]["items"][0]["target"].update(selector=[]), "TextPositionSelector"),
        (lambda d: d["sc:sources"][0].update({"sc:reliability": "Z"}), "reliability"),
        (lambda d: d["first"]["items"][0].update({"sc:status": "maybe"}), "maybe"),
    ],
)
def test_import_errors_are_clear(mutate, message: str) -> None:
    body = seed_body()
    doc = json.loads(export_w3c(seed_annotations(body), body))
    mutate(doc)
    with pytest.raises(W3CImportError, match=message):
        parse_w3c(doc)
    with pytest.raises(W3CImportError, match="not JSON"):
        import_w3c("{")
