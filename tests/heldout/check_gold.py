#!/usr/bin/env python3
"""Sanity-check the held-out gold files: every anchor and every hop alternative
occurs verbatim in the article body; fields are well-formed; lengths are in range."""

import sys
import unicodedata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def norm(s):
    s = unicodedata.normalize("NFKC", s or "")
    s = (
        s.replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u00ab", '"')
        .replace("\u00bb", '"')
    )
    s = s.replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(s.casefold().split())


def split(text):
    assert text.startswith("---\n")
    end = text.index("\n---\n", 4)
    return yaml.safe_load(text[4:end]), text[end + 5 :]


errors = 0
for art in sorted(HERE.glob("*.txt")):
    if art.name.startswith("_"):
        continue
    text = art.read_text(encoding="utf-8")
    meta, body = split(text)
    gpath = HERE / (art.stem + ".gold.yaml")
    if not gpath.exists():
        print(f"{art.name}: NO GOLD FILE")
        errors += 1
        continue
    gold = yaml.safe_load(gpath.read_text(encoding="utf-8"))
    probs = []
    if not 3500 <= len(text) <= 5000:
        probs.append(f"length {len(text)}")
    for k in ("title", "outlet", "language", "published"):
        if k not in meta:
            probs.append(f"front matter lacks {k}")
    if gold["article"] != art.name:
        probs.append("article name")
    if gold["language"] != meta["language"] or gold["outlet"] != meta["outlet"]:
        probs.append("language/outlet mismatch")
    atts = gold["attributions"]
    for g in atts:
        a = g["anchor"]
        if a not in body:
            probs.append(f"anchor not verbatim: {a!r}")
        elif body.count(a) > 1:
            probs.append(f"anchor occurs {body.count(a)} times: {a!r}")
        if not isinstance(g.get("hedged"), bool):
            probs.append(f"hedged not bool: {a!r}")
        for key in ("anonymous", "optional"):
            if key in g and not isinstance(g[key], bool):
                probs.append(f"{key} not bool: {a!r}")
        chains = [g["chain"], *list(g.get("alt_chains") or [])]
        for ch in chains:
            assert isinstance(ch, list) and ch, (art.name, a)
            for hop in ch:
                assert isinstance(hop, list) and hop, (art.name, a)
                for alt in hop:
                    if alt not in body:
                        probs.append(f"hop alternative not in body: {alt!r} ({a!r})")
                    if norm(alt) in norm(meta["outlet"]):
                        probs.append(f"hop names the outlet itself: {alt!r}")
        if norm(g["cue"]) not in norm(body):
            probs.append(f"cue not in body: {g['cue']!r}")
    anchors = [norm(g["anchor"]) for g in atts]
    if len(set(anchors)) != len(anchors):
        probs.append("duplicate anchors")
    req = sum(1 for g in atts if not g.get("optional"))
    opt = len(atts) - req
    print(f"{art.name:42s} chars={len(text):5d} required={req:2d} optional={opt}")
    for p in probs:
        print("   !!", p)
    errors += len(probs)
sys.exit(1 if errors else 0)
