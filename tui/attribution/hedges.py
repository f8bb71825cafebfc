"""Hedges inside a claim: conditionals, reportedly, may, could …

Two rules keep the flag honest:
* a conditional after a past cue verb ("a assuré que l'état serait reconnu") is a
  future-in-the-past, not a hedge — unless it is a modal (pourrait, devrait) or a word the
  pack lists under ``hedges.always``;
* a modal inside an embedded question ("how many patients might qualify") hedges the
  question, not the claim.
"""

from __future__ import annotations

import re

from tui.attribution.rules import RulePack
from tui.attribution.text import WORD_RE
from tui.model import Span

QUESTION_REACH = 4  # words between a question word and the modal it governs


WORD = re.compile(r"\w+")
_PATTERN_CACHE: dict[tuple[int, str], bool] = {}
_CACHE_MAX = 50_000


def find_hedges(view: str, start: int, end: int, pack: RulePack, *, past_cue: bool) -> list[Span]:
    if end <= start:
        return []
    found: list[tuple[int, int, bool]] = []  # (start, end, from a pattern)
    if pack.hedge_re is not None:
        found.extend((m.start(), m.end(), False) for m in pack.hedge_re.finditer(view, start, end))
    if pack.hedge_word_re is not None:
        # patterns are tried word by word (and remembered): scanning them over the text
        # would retry their leading \w* at every letter
        rx = pack.hedge_word_re
        key = id(rx)
        for m in WORD.finditer(view, start, end):
            word = m.group().lower()
            hit = _PATTERN_CACHE.get((key, word))
            if hit is None:
                hit = rx.fullmatch(word) is not None
                if len(_PATTERN_CACHE) > _CACHE_MAX:
                    _PATTERN_CACHE.clear()
                _PATTERN_CACHE[(key, word)] = hit
            if hit:
                found.append((m.start(), m.end(), True))
    out: list[Span] = []
    for a, b, pattern in sorted(set(found)):
        word = " ".join(view[a:b].lower().split())
        if word in pack.hedge_exceptions or (out and a < out[-1].end):
            continue
        if past_cue and pattern and word not in pack.hedge_always and not _modal(word, pack):
            continue  # "a assuré que l'état serait reconnu": future-in-the-past
        if _in_question(view, start, a, pack):
            continue
        out.append(Span(a, b))
    return out


def _modal(word: str, pack: RulePack) -> bool:
    return word in pack.hedge_words or (
        pack.modal_re is not None and pack.modal_re.match(word) is not None
    )


def _in_question(view: str, start: int, pos: int, pack: RulePack) -> bool:
    if not pack.question_words:
        return False
    lo = max(start, pos - 60)
    words = [m.group().lower().rstrip("'") for m in WORD_RE.finditer(view, lo, pos)]
    return any(w in pack.question_words for w in words[-QUESTION_REACH:])
