"""The extractor writes each sentence's tokens over those of the sentence two before (two
pools in turn): nothing may keep a token longer, or it would read another sentence's word."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import tui.attribution.text as text_module
from tui.articles import load_article
from tui.attribution import extract_claims
from tui.attribution.text import Token, _tokens

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
ARTICLES = sorted(CORPUS.rglob("*.txt")) if CORPUS.is_dir() else []
ARTICLES += sorted(Path(__file__).resolve().parent.glob("heldout1[23]/*.txt"))


def _forms(toks: list[Token]) -> list[tuple]:
    return [(t.start, t.end, t.text, t.low, t.bare, t.cap) for t in toks]


def test_pooled_tokens_are_the_words_and_the_pool_is_not_handed_out() -> None:
    view = "Le ministre a déclaré mardi que « tout va bien ». Selon l'AFP, U.S. officials said so."
    pool: list[Token] = []
    plain = _tokens(view, 0, len(view))
    pooled = _tokens(view, 0, len(view), pool=pool)
    assert _forms(pooled[0]) == _forms(plain[0]) and pooled[1:] == plain[1:]
    assert pooled[0] is not pool and len(pool) == len(plain[0])
    # a shorter text reuses the pool's tokens, and gives only its own words
    short = _tokens(view, 0, 11, pool=pool)[0]
    assert [t.text for t in short] == ["Le", "ministre"] and short[0] is pool[0]


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="reference counts")
@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_no_token_outlives_the_next_sentence(path: Path, monkeypatch) -> None:
    """When a pool is reused, the only reference to its tokens is the pool's own (here,
    plus the loop's and ``getrefcount``'s): no mention, cue, draft or registry kept one."""
    kept: list[str] = []

    def checked(view, start, end, forms=None, pool=None, chunk=None, ascii_only=None):
        for t in pool or ():
            if sys.getrefcount(t) > 3:
                kept.append(t.text)
        return real(view, start, end, forms, pool, chunk, ascii_only)

    real = text_module._tokens
    monkeypatch.setattr(text_module, "_tokens", checked)
    extract_claims(load_article(path))
    assert kept == []
