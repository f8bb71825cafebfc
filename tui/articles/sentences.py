"""Sentence spans that survive French and English press typography.

One linear pass per paragraph: a regex finds every possible end (terminal punctuation plus
any closing quotes or brackets, then whitespace), and a few local checks reject the false
ones. Each check reads only the candidate's neighbourhood (the word before it, the spaces
and opening quotes after it), so the cost stays linear in the body even on hostile input.

A sentence never ends inside a quotation that closes within the same paragraph:
``« Le danger n'est pas écarté. Les sols sont saturés », a-t-il dit.`` is one sentence,
so a quote and its attribution cue stay together for the extractor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from tui.articles.languages import LanguageProfile, profile
from tui.articles.structure import trimmed
from tui.model import Span

# Terminal punctuation, then closing quotes/brackets ("fin. »", 'said."', "(sic.)").
# French puts a (narrow) no-break space before the closing guillemet.
_CANDIDATE_RE = re.compile(r"[.!?…]+(?:[ \u00a0\u202f]?»|[”\"’)\]])*")
_QUOTE_RE = re.compile('[«»“”"]')
# What may sit between a sentence end and the first letter of the next one.
_OPENERS = frozenset("«“\"‘'([—–-")
_TOKEN_STOP = frozenset("«“\"‘'([")
_SPACES = frozenset(" \t\n\u00a0\u202f\u2009\u2007")
# A quotation longer than this is probably a mismatched quote mark, not one quotation;
# inside it, sentences are split as usual.
MAX_QUOTE_CHARS = 1000
_MAX_TOKEN = 40
_DOTTED_RE = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")


def _quote_regions(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open, close) index pairs of quotations that open and close within [start, end)."""
    regions: list[tuple[int, int]] = []
    guillemets: list[int] = []
    curly: list[int] = []
    straight: int | None = None
    for m in _QUOTE_RE.finditer(body, start, end):
        mark, at = m.group(), m.start()
        if mark == "«":
            guillemets.append(at)
        elif mark == "“":
            curly.append(at)
        elif mark == "»" and guillemets:
            regions.append((guillemets.pop(), at))
        elif mark == "”" and curly:
            regions.append((curly.pop(), at))
        elif mark == '"':
            # Straight quotes cannot say which way they face: pair them in order.
            if straight is None:
                straight = at
            else:
                regions.append((straight, at))
                straight = None
    return _merge(r for r in regions if r[1] - r[0] <= MAX_QUOTE_CHARS)


def _merge(regions: Iterator[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(regions):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _next_letter(body: str, at: int, end: int) -> tuple[str, bool]:
    """The first character after whitespace and opening quotes/dashes ("" at the end), and
    whether a bracket opened on the way."""
    bracketed = False
    while at < end and (body[at] in _SPACES or body[at] in _OPENERS):
        bracketed = bracketed or body[at] in "(["
        at += 1
    return (body[at] if at < end else ""), bracketed


def _token_before(body: str, dot: int, start: int) -> str:
    """The word the full stop at ``dot`` is attached to, without opening quotes/brackets."""
    i = dot
    limit = max(start, dot - _MAX_TOKEN)
    while i > limit and not body[i - 1].isspace() and body[i - 1] not in _TOKEN_STOP:
        i -= 1
    return body[i:dot]


def _is_abbreviation(token: str, next_char: str, bracketed: bool, lang: LanguageProfile) -> bool:
    if token in lang.abbreviations or token.lower() in lang.abbreviations_any_case:
        return True
    if next_char.isdigit() and token.lower() in lang.before_number:
        return True
    # Initials ("J. R. R. Tolkien", "M. Dupont") and dotted capitals ("U.S.", "U.K.").
    if len(token) == 1 and token.isalpha():
        return token.isupper()
    if "." in token and _DOTTED_RE.fullmatch(token):
        # "3:40 a.m. (0240 GMT)": a lower-case one ends a sentence only before a capital.
        return token.isupper() or bracketed or not next_char.isupper()
    return False


def _ends_sentence(body: str, m: re.Match[str], para: Span, lang: LanguageProfile) -> bool:
    after = m.end()
    if after >= para.end or body[after] not in _SPACES:
        return False
    next_char, bracketed = _next_letter(body, after, para.end)
    # "?"/"!" or "…" before a lower-case word continue the sentence; so do "," ";" ":".
    if not (next_char.isupper() or next_char.isdigit()):
        return False
    punct = m.group().rstrip('»”"’)] \u00a0\u202f')
    if punct in ("…", "...") and m.start() > 0 and body[m.start() - 1] in "[(":
        return False  # "[…]" marks words left out of a quotation, not an ending
    if punct == ".":
        token = _token_before(body, m.start(), para.start)
        return not _is_abbreviation(token, next_char, bracketed, lang)
    return True


def _split_paragraph(body: str, para: Span, lang: LanguageProfile) -> Iterator[Span]:
    quotes: list[tuple[int, int]] | None = None  # computed only if a sentence may end early
    q = 0
    start = para.start
    for m in _CANDIDATE_RE.finditer(body, para.start, para.end):
        if not _ends_sentence(body, m, para, lang):
            continue
        after = m.end()
        if quotes is None:
            quotes = _quote_regions(body, para.start, para.end)
        # Skip quotations that close before this end; is it inside the next one?
        while q < len(quotes) and quotes[q][1] < after:
            q += 1
        if q < len(quotes) and quotes[q][0] < after:
            continue
        yield Span(*trimmed(body, start, after))
        start = after
    yield Span(*trimmed(body, start, para.end))


def split_sentences(body: str, paragraphs: Sequence[Span], language: str) -> tuple[Span, ...]:
    """Sentence spans of every paragraph, in order; none crosses a paragraph boundary."""
    lang = profile(language)
    return tuple(s for para in paragraphs for s in _split_paragraph(body, para, lang) if len(s) > 0)
