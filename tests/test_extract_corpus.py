"""The scorer's own matching logic over the shared corpus (seed + dev), in process.

Skipped when ../shared is absent (a clean clone without the corpus)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from tui.articles import load_article
from tui.attribution import extract_claims
from tui.exports.extract_json import extract_record

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
CORPORA = [SHARED / "corpus" / "seed", SHARED / "corpus" / "dev"]

pytestmark = pytest.mark.skipif(not SCORER.is_file(), reason="no ../shared/eval/score.py")


def _scorer():
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def _score_all() -> tuple[dict, dict]:
    score = _scorer()
    tot = {k: 0 for k in ("gold", "pred", "hit", "chain", "hedge", "anon")}
    per = {}
    for corpus in CORPORA:
        for path in sorted(corpus.glob("*.txt")):
            gold_path = path.with_name(path.stem + ".gold.yaml")
            if not gold_path.exists():
                continue
            article = load_article(path)
            pred = extract_record(extract_claims(article), article.body)
            r = score.score_article(pred, yaml.safe_load(gold_path.read_text(encoding="utf-8")))
            per[path.name] = r
            for k in tot:
                tot[k] += r[k]
    return tot, per


@pytest.fixture(scope="module")
def scored():
    return _score_all()


def test_seed_is_fully_right(scored) -> None:
    _, per = scored
    seed = per["coree-du-nord-russie.txt"]
    assert seed["hit"] == seed["gold"] == 13
    assert seed["chain"] == 13


def test_corpus_thresholds(scored) -> None:
    tot, _ = scored
    p = tot["hit"] / tot["pred"]
    r = tot["hit"] / tot["gold"]
    f1 = 2 * p * r / (p + r)
    assert f1 >= 0.90, (p, r, f1)
    assert tot["chain"] / tot["gold"] >= 0.85
    assert tot["hedge"] / tot["hit"] >= 0.90
    assert tot["anon"] / tot["hit"] >= 0.90
