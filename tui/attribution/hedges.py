"""Hedges inside a claim: conditionals, reportedly, may, could …

Two rules keep the flag honest:
* a conditional after a past cue verb ("a assuré que l'état serait reconnu") is a
  future-in-the-past, not a hedge — unless it is a modal (pourrait, devrait), a word the
  pack lists under ``hedges.always``, or it starts a match of ``hedges.always_patterns``
  (the past conditional, "ajoutait que le coureur aurait déposé …", speaks of a past fact);
* a modal inside an embedded question ("how many patients might qualify") hedges the
  question, not the claim.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter

from tui.attribution.rules import HEDGE_WORD_BIT, RulePack, is_hedge_word
from tui.attribution.text import WORD_RE, WORD_RUN_RE, Sentence, Token, is_word_char
from tui.model import Span

QUESTION_REACH = 4  # words between a question word and the modal it governs


class _WordVerdicts:
    """Which words (as written) a hedge pattern matches whole, once lower-cased.

    Words are sorted into two sets the first time they are seen, so that a span is judged
    with set operations on its distinct words; the per-word loop only runs over the rare
    spans that hold a hit. The same is kept for whole tokens (a token holds one or more
    ``\\w+`` words: "l'" holds "l", "Jean-Pierre" two), so that a span of a sentence is
    judged on the tokens the sentence already has instead of being split into words again."""

    MAX = 50_000

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        self.hits: set[str] = set()
        self.misses: set[str] = set()
        self.tok_hits: dict[str, list[str]] = {}  # token text -> the words in it that match
        self.tok_misses: set[str] = set()  # token texts with no word that matches

    def hits_in(self, words: list[str]) -> set[str]:
        """The words of ``words`` that the pattern matches."""
        if self.misses.issuperset(words):
            return set()  # the common case, decided without building a set of the words
        distinct = set(words)
        new = distinct - self.hits - self.misses
        if new:
            if len(self.misses) > self.MAX:
                self.misses.clear()
            for w in new:
                (self.hits if is_hedge_word(self.rx, w) else self.misses).add(w)
        return distinct & self.hits

    def hits_in_tokens(self, toks: list[Token]) -> set[str]:
        """The words of the tokens ``toks`` that the pattern matches."""
        misses = self.tok_misses
        if misses.issuperset(map(_TEXT, toks)):
            return set()  # the common case (map: no Python frame per token)
        out: set[str] = set()
        tok_hits = self.tok_hits
        for text in set(map(_TEXT, toks)).difference(misses):  # (a few tokens)
            found = tok_hits.get(text)
            if found is None:
                found = list(self.hits_in(WORD_RUN_RE.findall(text)))
                if found:
                    tok_hits[text] = found
                else:
                    if len(misses) > self.MAX:
                        misses.clear()
                    misses.add(text)
            out.update(found)
        return out


_TEXT = attrgetter("text")


# Keyed by the pattern's id, checked against the pattern each entry holds (which keeps it
# alive, so that no other pattern can take its id): hashing a pattern hashes its whole
# compiled code, once per call.
_VERDICTS: dict[int, _WordVerdicts] = {}


def find_hedges(
    view: str,
    start: int,
    end: int,
    pack: RulePack,
    *,
    past_cue: bool,
    starts: list[int] | None = None,
    sent: Sentence | None = None,
) -> list[Span]:
    """Hedges in ``view[start:end]``. ``starts``: the positions where ``pack.cue_start_re``
    matched in the whole view (every ``hedge_re`` match starts at one), so that the hedge
    pattern is tried there only instead of at every character. ``sent``: a sentence holding
    the span, whose tokens then give its words."""
    if end <= start:
        return []
    found: list[tuple[int, int, bool]] = []  # (start, end, from a pattern)
    hedge_re = pack.hedge_re
    if hedge_re is not None:
        if starts is None:
            found.extend((m.start(), m.end(), False) for m in hedge_re.finditer(view, start, end))
        else:
            # ``finditer`` tried at the candidate positions only (inline: this runs for every
            # claim): an attempt at q is ``match(view, q, end)`` (lookbehinds see before q,
            # the text ends at ``end``) and the scan resumes after each match (these
            # patterns never match empty)
            match = hedge_re.match
            resume = start
            first = bisect_left(starts, start)
            for q in starts[first : bisect_left(starts, end, first)]:
                if q >= resume:
                    m = match(view, q, end)
                    if m is not None:
                        a, b = m.span()
                        found.append((a, b, False))
                        resume = b if b > a else a + 1
    if pack.hedge_word_re is not None:
        # patterns are tried word by word (and remembered): scanning them over the text
        # would retry their leading \w* at every letter
        rx = pack.hedge_word_re
        verdicts = _VERDICTS.get(id(rx))
        if verdicts is None or verdicts.rx is not rx:
            verdicts = _VERDICTS[id(rx)] = _WordVerdicts(rx)
        if sent is not None and sent.start <= start and end <= sent.end:
            marked = sent.forms is not None and sent.forms is pack.word_forms
            hits = _hits_in_sentence(view, start, end, sent, verdicts, marked)
        else:
            hits = verdicts.hits_in(WORD_RUN_RE.findall(view, start, end))
        for word in hits:
            _word_at(view, start, end, word, found)
    if not found:
        return []  # (most claims)
    out: list[Span] = []
    for a, b, pattern in sorted(set(found)):
        word = " ".join(view[a:b].lower().split())
        if word in pack.hedge_exceptions or (out and a < out[-1].end):
            continue
        if (
            past_cue
            and pattern
            and word not in pack.hedge_always
            and not _modal(word, pack)
            and not (pack.hedge_always_re is not None and pack.hedge_always_re.match(view, a))
        ):
            continue  # "a assuré que l'état serait reconnu": future-in-the-past
        if _in_question(view, start, a, pack):
            continue
        if _capitalised_inside(view, a):
            continue  # "up from 315 kg in May": a name (a month), not the modal
        out.append(Span(a, b))
    return out


def _hits_in_sentence(
    view: str, start: int, end: int, sent: Sentence, verdicts: _WordVerdicts, marked: bool
) -> set[str]:
    """``verdicts.hits_in(WORD_RUN_RE.findall(view, start, end))`` from the sentence's tokens: every
    ``\\w+`` word lies inside one token, so the span's words are those of the tokens wholly
    inside it, and of the parts inside it of a token cut by its start or its end.
    ``marked``: the sentence's marks hold HEDGE_WORD_BIT at every word of its tokens that
    the pattern matches (its pack's ``word_forms`` made them), so that the words of the
    tokens wholly inside are read there."""
    toks = sent.toks
    i = sent.tok_index(start)  # the first token starting in the span
    j = sent.tok_index(end, i)  # after the last one
    edges: list[str] = []
    if i and toks[i - 1].end > start:  # a token cut by the span's start (or holding it all)
        edges += WORD_RUN_RE.findall(view, start, min(toks[i - 1].end, end))
    if j > i and toks[j - 1].end > end:  # a token cut by the span's end
        j -= 1
        edges += WORD_RUN_RE.findall(view, toks[j].start, end)
    if not marked:
        hits = verdicts.hits_in_tokens(toks[i:j] if i or j < len(toks) else toks)
    else:
        hits = set()
        if j > i:  # the marks of the tokens wholly inside
            marks = sent.marks
            k = bisect_left(marks, (toks[i].start,))
            stop = toks[j - 1].end
            while k < len(marks) and marks[k][0] < stop:
                q, bits = marks[k]
                if bits & HEDGE_WORD_BIT:
                    hits.add(WORD_RUN_RE.match(view, q).group())  # type: ignore[union-attr]
                k += 1
    if edges:
        hits |= verdicts.hits_in(edges)
    return hits


def _word_at(
    view: str, start: int, end: int, word: str, found: list[tuple[int, int, bool]]
) -> None:
    """Where ``word`` is a whole word of ``WORD_RUN_RE.finditer(view, start, end)``: an occurrence
    with no word character (what ``\\w`` matches: ``isalnum`` or ``_``) touching it inside
    the span. A hit is rare, so finding it beats matching every word of the span again."""
    size = len(word)
    pos = view.find(word, start, end)
    while pos != -1:
        after = pos + size
        if (pos == start or not is_word_char(view[pos - 1])) and (
            after == end or not is_word_char(view[after])
        ):
            found.append((pos, after, True))
        pos = view.find(word, pos + 1, end)


def _capitalised_inside(view: str, pos: int) -> bool:
    """A capitalised word that follows a word or a comma: a name, not a sentence start."""
    if not view[pos : pos + 1].isupper() or view[pos + 1 : pos + 2].isupper():
        return False
    i = pos - 1
    while i >= 0 and view[i] in " \t":
        i -= 1
    return i >= 0 and (view[i].isalnum() or view[i] in ",;")


def _modal(word: str, pack: RulePack) -> bool:
    return word in pack.hedge_words or (
        pack.modal_re is not None and pack.modal_re.match(word) is not None
    )


def _in_question(view: str, start: int, pos: int, pack: RulePack) -> bool:
    if not pack.question_words:
        return False
    lo = max(start, pos - 60)
    question_words = pack.question_words
    words = WORD_RE.findall(view, lo, pos)[-QUESTION_REACH:]
    for w in words:
        if w.lower().rstrip("'") in question_words:
            break
    else:
        return False  # (the common case: no question word, so no word's offset is needed)
    for m in list(WORD_RE.finditer(view, lo, pos))[-QUESTION_REACH:]:
        w = m.group().lower().rstrip("'")
        if w not in question_words:
            continue
        if w in pack.relatives and view[max(lo, m.start() - 3) : m.start()].rstrip()[-1:] == ",":
            continue  # ", which could …": a relative clause, not a reported question
        return True
    return False
