"""`--to json`: the extraction contract, plus ratings, notes and sources' reliability."""

from __future__ import annotations

import json

from test_export_common import seed_annotations, seed_body

from tui.exports.extract_json import extract_record
from tui.exports.json_full import export_json


def test_json_keeps_the_extract_contract_and_adds_the_review() -> None:
    body = seed_body()
    ann = seed_annotations(body)
    data = json.loads(export_json(ann, body))
    contract = extract_record(ann, body)
    # Every key and value of the contract is there unchanged: a consumer of `extract` reads it.
    assert {k: data["article"][k] for k in contract["article"]} == contract["article"]
    for key in ("sources", "claims"):
        for got, want in zip(data[key], contract[key], strict=True):
            assert {k: got[k] for k in want} == want
    assert data["format_version"] == 1
    assert data["article"]["url"] == ann.meta.url
    nis = next(s for s in data["sources"] if s["id"] == "nis")
    assert nis["reliability"] == "B"
    assert nis["reliability_label"] == "usually reliable"
    assert nis["note"] == "South Korea"
    c1 = next(c for c in data["claims"] if c["id"] == "c1")
    assert c1["status"] == "confirmed"
    assert c1["credibility"] == 2
    assert c1["credibility_label"] == "probably true"
    assert c1["weakest_reliability"] == "C"
    assert [n["text"] for n in c1["notes"]] == [
        "Check the NIS report itself.",
        "Newsweek link is inferred\nfrom paragraph order.",
    ]
    assert c1["notes"][1]["updated"] == "2025-05-03T08:00:00Z"
    assert c1["text"] == body[c1["start"] : c1["end"]]
    assert [h["source"] for h in c1["chain"]] == ["nis", "newsweek", "lexpress"]
    assert c1["chain"][1]["inferred"] is True
    c5 = next(c for c in data["claims"] if c["id"] == "c5")
    assert c5["status"] == "suggested" and c5["credibility"] is None
    assert {c["status"] for c in data["claims"]} == {"confirmed", "suggested", "rejected"}
