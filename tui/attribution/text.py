"""Language-free reading of a sentence: tokens, quotations, comma segments.

The extractor works on a *view* of the body in which typographic apostrophes and no-break
spaces are replaced one for one (so every offset is an offset of the body itself).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from operator import attrgetter

from tui.model import Span

# A word: letters/digits with inner hyphens or number punctuation; a trailing apostrophe
# is kept so that elided words ("l'", "qu'") are tokens of their own. Written \w\w* rather
# than \w+ so that the regex engine can skip non-word characters with its first-character
# fast path, and with possessive repeats of single characters (*+, ++, ?+: nothing after
# them can fail, so the matches are those of \w+(?:[-.,]\w+)*'? and no backtracking state
# is kept). Never a possessive repeat of a group: CPython 3.11.0-3.11.4 (Debian 12 ships
# 3.11.2) match those wrongly (gh-106052: "TOULON, 14" gave the word "TOULON,"). This is
# the innermost scan of the extractor.
WORD_RE = re.compile(r"\w\w*+(?:[-.,]\w++)*'?+")
# Opening -> closing quotation marks. The straight double quote closes itself.
QUOTE_PAIRS = {"«": "»", "\u201c": "\u201d", "\u201e": "\u201c", '"': '"'}
CLOSERS = set(QUOTE_PAIRS.values())
QUOTE_MARKS = frozenset(QUOTE_PAIRS) | CLOSERS
# The marks but the straight quote, those outside Latin-1 first: looking for one of those in
# a Latin-1 sentence (most French ones) ends at once.
_CURLY_MARKS = tuple(sorted(QUOTE_MARKS - {'"'}, key=lambda c: (c <= "\xff", c)))
# The marks that open a quotation, and the only one a sentence in ASCII may hold.
_OPENING_MARKS = tuple(QUOTE_PAIRS)
_ASCII_OPENING_MARKS = ('"',)
OPENERS = ("«", "\u201c", '"')  # what opens a quotation a claim may be: « … », " … ", “ … ”
SEPARATORS = frozenset(",;")
SENTENCE_END = ".!?…"
# Longest a quotation may run before we give up pairing it (keeps a stray quote local).
MAX_QUOTE = 5000


def is_word_char(ch: str) -> bool:
    """What ``\\w`` matches in a str pattern: ``isalnum`` or the underscore."""
    return ch.isalnum() or ch == "_"


class Token:
    """A word of the view with its lower-case forms (computed once: tokens are hot)."""

    __slots__ = ("bare", "cap", "end", "low", "start", "text")

    start: int
    end: int
    text: str
    low: str  # trailing apostrophe kept: "l'"
    bare: str  # without it: "l"
    cap: bool

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.low, self.bare, self.cap, _ = _word_forms(text)

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


# A token's forms as functions, for ``map``: "any word of toks in S" is then
# ``not S.isdisjoint(map(bare_of, toks))``, with no generator frame to resume per word.
bare_of = attrgetter("bare")
low_of = attrgetter("low")


WordMarks = Mapping[str, tuple[int, Mapping[str, int] | None]]  # see RulePack.word_marks
# A word's marks: (offset, bits whatever the next word, bits by next word or None).
Mark = tuple[int, int, Mapping[str, int] | None]


# Word text -> (low, bare, cap, marks). Words repeat a lot (Zipf): computing their forms once
# per distinct word saves three string operations per token. Bounded; cleared when full.
# ``marks`` is always empty here: a rule pack's own cache (a ``WordForms``) fills it.
_FORMS: dict[str, tuple[str, str, bool, tuple[Mark, ...]]] = {}
_FORMS_MAX = 200_000


class WordForms(dict):
    """A rule pack's cache of word forms with their marks: word text -> (low, bare, cap,
    marks), filled by ``_marked_forms`` from what the pack marks (bounded there). It holds
    what it is filled from, so that its entries always agree with it.

    ``leads``: the words that open a pattern (``RulePack.word_marks``). ``run_bits``: more
    bits of a run of word characters as written, whatever comes next (0 for none), or None:
    a sentence's marks then hold them at every such run (``Sentence.forms`` says which
    cache made its marks)."""

    __slots__ = ("leads", "run_bits")

    def __init__(self, leads: WordMarks, run_bits: Callable[[str], int] | None = None) -> None:
        super().__init__()
        self.leads = leads
        self.run_bits = run_bits


def _word_forms(text: str) -> tuple[str, str, bool, tuple[Mark, ...]]:
    forms = _FORMS.get(text)
    if forms is None:
        low = text.lower()
        forms = (low, low.rstrip("'"), text[:1].isupper(), ())
        if len(_FORMS) >= _FORMS_MAX:
            _FORMS.clear()
        _FORMS[text] = forms
    return forms


# A run of word characters (a word has one, or several: "a-t-il", "U.S").
WORD_RUN_RE = re.compile(r"\w+")


def _marked_forms(text: str, cache: WordForms) -> tuple[str, str, bool, tuple[Mark, ...]]:
    """``_word_forms`` with the word's marks: one for each run of word characters of the
    word (the word itself, or each part of "a-t-il", "U.S") that ``cache.leads`` lists in
    lower case, or that ``cache.run_bits`` gives bits. A run but the last is followed by
    the word's next run ("t" after "a" in "a-t-il"): its bits are known here; the last
    one's may depend on the next word. Remembered in ``cache``."""
    low, bare, cap, _ = _word_forms(text)
    word_marks = cache.leads
    run_bits = cache.run_bits
    found: list[Mark] = []
    if len(low) == len(text):
        # (else the offsets of the lower case are not the word's.) A character and its
        # lower case are both word characters or neither (tests/test_scans.py checks it), so
        # the runs of the lower case are those of the word, at the same offsets.
        runs = list(WORD_RUN_RE.finditer(low))
        for i, m in enumerate(runs):
            free = run_bits(text[m.start() : m.end()]) if run_bits is not None else 0
            by_next = None
            entry = word_marks.get(m.group())
            if entry is not None:
                free |= entry[0]
                by_next = entry[1]
                if by_next is not None and i < len(runs) - 1:
                    free |= by_next.get(runs[i + 1].group(), 0)
                    by_next = None
            if free or by_next:
                found.append((m.start(), free, by_next))
    elif run_bits is not None:
        for m in WORD_RUN_RE.finditer(text):
            bits = run_bits(m.group())
            if bits:
                found.append((m.start(), bits, None))
    forms = (low, bare, cap, tuple(found))
    if len(cache) >= _FORMS_MAX:
        cache.clear()
    cache[text] = forms
    return forms


def _first_run(low: str) -> str:
    """The first run of word characters of a word in lower case (a word opens with one)."""
    if low.isalnum():  # (most words: all of it)
        return low
    m = WORD_RUN_RE.match(low)
    return m.group() if m else ""


# Splitting on the words (kept by the group) gives the gaps between them too: only non-word
# characters lie between two words (a word takes every word character it touches), so the
# gaps' lengths give the words' offsets without searching for them.
SPLIT_WORDS_RE = re.compile("(" + WORD_RE.pattern + ")")
# The same on a text of ASCII characters only (most English sentences), where \w means the
# same with re.ASCII, which spares the regex engine a Unicode lookup per character.
SPLIT_ASCII_WORDS_RE = re.compile("(" + WORD_RE.pattern + ")", re.ASCII)


def tokens(view: str, start: int, end: int) -> list[Token]:
    """The words of ``view[start:end]``."""
    return _tokens(view, start, end)[0]


def _tokens(
    view: str,
    start: int,
    end: int,
    forms: WordForms | None = None,
    pool: list[Token] | None = None,
    chunk: str | None = None,
    ascii_only: bool | None = None,
) -> tuple[list[Token], list[int], list[int], list[tuple[int, int]]]:
    """The words of ``view[start:end]``, their start offsets, the indexes of the capitalised
    ones (name runs start there: noted here, where each word's capital is in hand anyway,
    instead of in another pass over every word) and, with a pack's ``forms``, the (offset,
    bits) of the runs of word characters it marks (see ``_marked_forms``).
    Tokenising is the extractor's innermost loop, so tokens are built without calling
    ``__init__`` (six slot stores), from ``split`` (no match objects, no tuple per word; a
    word's matches do not depend on what lies outside the slice: no lookaround).

    With a ``pool``, the tokens are the pool's (grown as needed), written over: no token is
    allocated or freed per word. The caller owns that: the tokens of an earlier call with
    the same pool must be no longer in use (the engine alternates two pools, so a sentence's
    tokens live while the next one is read). ``chunk`` (``view[start:end]``) and whether it
    is all ASCII may be handed over by a caller that has them already."""
    starts: list[int] = []
    caps: list[int] = []
    marks: list[tuple[int, int]] = []
    add_start = starts.append
    add_cap = caps.append
    new = Token.__new__
    if forms is None:
        forms_of, miss = _FORMS.get, _word_forms
    else:
        forms_of = forms.get

        def miss(text: str) -> tuple[str, str, bool, tuple[Mark, ...]]:
            return _marked_forms(text, forms)

    # a mark of the previous word whose bits depend on this word: its bits by next word,
    # its position, its bits whatever the next word
    waiting: Mapping[str, int] | None = None
    waiting_at = waiting_bits = 0
    pos = start
    if chunk is None:
        chunk = view[start:end]
    if ascii_only is None:
        ascii_only = chunk.isascii()
    split = SPLIT_ASCII_WORDS_RE.split if ascii_only else SPLIT_WORDS_RE.split
    pieces = split(chunk)  # gap, word, gap, word, …, gap
    n = len(pieces) // 2
    own = pool is None  # (the tokens are the caller's: no copy to hand out)
    if pool is None:
        pool = []
    if len(pool) < n:
        pool.extend([new(Token) for _ in range(n - len(pool))])
    parts = iter(pieces)
    for t, gap, text in zip(pool, parts, parts, strict=False):  # (the last gap has no word)
        t.start = at = pos + len(gap)
        t.end = pos = at + len(text)
        t.text = text
        got = forms_of(text)
        if got is None:
            got = miss(text)
        t.low, t.bare, cap, marked = got
        t.cap = cap
        if cap:  # (most words are not)
            add_cap(len(starts))
        if waiting is not None:  # the previous word's mark, whose bits depend on this word
            more = waiting.get(t.bare)  # (the word's first run, when it is all one run)
            if more is None and not t.bare.isalnum():
                more = waiting.get(_first_run(t.low))
            if more or waiting_bits:
                marks.append((waiting_at, waiting_bits | more if more else waiting_bits))
            waiting = None
        if marked:  # (most words open no match)
            for offset, bits, by_next in marked:
                if by_next is None:
                    marks.append((at + offset, bits))
                else:  # (the word's last run)
                    waiting, waiting_at, waiting_bits = by_next, at + offset, bits
        add_start(at)
    if waiting is not None and waiting_bits:  # no next word in the sentence
        marks.append((waiting_at, waiting_bits))
    return pool if own else pool[:n], starts, caps, marks


@dataclass(slots=True)  # slots: built by the thousand per article
class Sentence:
    """One sentence of a paragraph with its quotations and separators (outside quotes)."""

    index: int
    start: int
    end: int
    para: int
    quotes: list[tuple[int, int]] = field(default_factory=list)  # [open, close + 1)
    seps: list[int] = field(default_factory=list)  # commas, semicolons, spaced dashes
    colons: list[int] = field(default_factory=list)
    toks: list[Token] = field(default_factory=list)
    _tok_starts: list[int] = field(default_factory=list)
    # indexes of the capitalised tokens (``t.cap``), in order: where name runs may start
    caps: list[int] = field(default_factory=list)
    # (position, bits) where a word opening a marked pattern starts, in order (built with a
    # pack's ``word_forms``: see rules.MARKED_PATTERNS), and the runs ``forms.run_bits``
    # gives bits
    marks: list[tuple[int, int]] = field(default_factory=list)
    forms: WordForms | None = None  # the cache that made the marks (None: no marks)

    def in_quote(self, pos: int) -> bool:
        return any(a < pos < b - 1 or a == pos for a, b in self.quotes)

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        for a, b in self.quotes:
            if a <= pos < b:
                return a, b
        return None

    def seg_start(self, pos: int) -> int:
        """Start of the comma segment holding ``pos`` (just after the separator)."""
        i = bisect_right(self.seps, pos - 1) - 1
        return self.seps[i] + 1 if i >= 0 else self.start

    def seg_end(self, pos: int) -> int:
        """End of the comma segment holding ``pos`` (the separator position)."""
        i = bisect_left(self.seps, pos)
        return self.seps[i] if i < len(self.seps) else self.end

    def toks_in(self, start: int, end: int) -> list[Token]:
        """The tokens wholly inside [start, end). Tokens are sorted and disjoint, so they
        form one slice: from the first starting at ``start`` to the last ending by ``end``
        (of those starting before ``end``, only the last may run past it)."""
        starts = self._tok_starts
        i = bisect_left(starts, start)
        j = bisect_left(starts, end, i)
        toks = self.toks
        if j > i and toks[j - 1].end > end:
            j -= 1
        return toks[i:j]

    def tok_index(self, pos: int, lo: int = 0) -> int:
        """The index of the first token starting at or after ``pos`` (from ``lo`` on)."""
        return bisect_left(self._tok_starts, pos, lo)

    def tok_after(self, pos: int) -> Token | None:
        i = bisect_left(self._tok_starts, pos)
        return self.toks[i] if i < len(self.toks) else None

    def tok_before(self, pos: int) -> Token | None:
        i = bisect_left(self._tok_starts, pos) - 1
        while i >= 0 and self.toks[i].end > pos:
            i -= 1
        return self.toks[i] if i >= 0 else None


# The spaced dashes (the marks between the spaces outside ASCII: a sentence in ASCII is
# only looked for the first), and the marks always looked for: a separator or a colon.
_SPACED_DASHES = (" - ", " \u2013 ", " \u2014 ")
_ASCII_SPACED_DASHES = _SPACED_DASHES[:1]
_MARKS = ",;:"


def _structure(chunk: str, ascii_only: bool) -> list[int]:
    """The offsets in ``chunk`` (a sentence) of the matches of the alternation
    ``[,;:()\\[\\]]| [-\u2013\u2014] `` that ``build_sentence`` reads, in order: a
    separator, a colon, a bracket (only with an opening one: a closing bracket at depth 0
    changes nothing), or the space before a spaced dash. Each mark is looked for with
    ``in`` and ``find``: a regex's scan of a character class costs many times more per
    character (a property test in tests/test_scans.py checks the result)."""
    hits: list[int] = []
    add = hits.append
    find = chunk.find
    for ch in _MARKS if "(" not in chunk and "[" not in chunk else ",;:()[]":
        if ch in chunk:  # (a test with ``in`` costs less than a ``find`` call)
            j = find(ch)
            while j != -1:
                add(j)
                j = find(ch, j + 1)
    dashes = []
    for dash in _ASCII_SPACED_DASHES if ascii_only else _SPACED_DASHES:
        if dash in chunk:
            j = find(dash)
            while j != -1:
                dashes.append(j)
                j = find(dash, j + 1)
    if dashes:
        # the alternation resumes after each match: a dash whose space is the last one's
        # ("a - - b") is no match of its own
        dashes.sort()
        after = -1
        for j in dashes:
            if j >= after:
                add(j)
                after = j + 3
    if len(hits) > 1:
        hits.sort()
    return hits


def _find_quotes(
    view: str, start: int, end: int, chunk: str, ascii_only: bool
) -> list[tuple[int, int]]:
    """The quotations of the sentence ``view[start:end]`` (``chunk``, all ASCII or not):
    from each opening mark, in order, to its closing one (within ``MAX_QUOTE``), the next
    looked for after it. A closing mark met alone is passed over, so only the opening ones
    are looked for, each with ``in`` and ``find``: a regex's scan of a character class
    costs many times more per character."""
    quotes: list[tuple[int, int]] = []
    opens: list[int] = []
    find = chunk.find
    for mark in _ASCII_OPENING_MARKS if ascii_only else _OPENING_MARKS:
        if mark in chunk:
            j = find(mark)
            while j != -1:
                opens.append(j)
                j = find(mark, j + 1)
    if not opens:
        return quotes
    if len(opens) > 1:
        opens.sort()
    pos = start  # where the next quotation may open
    for j in opens:
        i = start + j
        if i < pos:
            continue  # inside the last quotation, or its closing mark ("„ … “")
        ch = chunk[j]
        if ch == '"' and _closing_context(view, i, start):
            continue
        k = view.find(QUOTE_PAIRS[ch], i + 1, min(end, i + MAX_QUOTE))
        if k != -1:
            quotes.append((i, k + 1))
            pos = k + 1
    return quotes


def _has_quote_mark(chunk: str, ascii_only: bool) -> bool:
    """Whether ``chunk`` holds a quotation mark. Most sentences hold none, and looking for
    each mark (in ASCII, only the straight one) costs less than a search of the pattern."""
    if '"' in chunk:
        return True
    if not ascii_only:
        for mark in _CURLY_MARKS:
            if mark in chunk:
                return True
    return False


def _closing_context(view: str, i: int, start: int) -> bool:
    """A straight quote right after a letter reads as a closer, not an opener."""
    return i > start and view[i - 1].isalnum()


def build_sentence(
    view: str,
    index: int,
    start: int,
    end: int,
    para: int,
    forms: WordForms | None = None,
    pool: list[Token] | None = None,
) -> Sentence:
    """The sentence ``view[start:end]``; with a pack's ``forms`` (``RulePack.word_forms``),
    the words that open a marked pattern are noted (``Sentence.marks``). With a ``pool``,
    its tokens are the pool's (see ``_tokens``)."""
    chunk = view[start:end]
    ascii_only = chunk.isascii()
    quotes = (
        _find_quotes(view, start, end, chunk, ascii_only)
        if _has_quote_mark(chunk, ascii_only)
        else []
    )
    seps: list[int] = []
    colons: list[int] = []
    for a, b in quotes:
        # `"Quote," said X`: the comma sits inside the quote; the quote's end separates.
        if view[a + 1 : b - 1].rstrip().endswith(","):
            seps.append(b - 1)
    nq = len(quotes)  # (most sentences have none)
    qi = 0
    depth = 0
    for j in _structure(chunk, ascii_only):
        i = start + j
        if qi < nq:
            while qi < nq and quotes[qi][1] <= i:
                qi += 1
            if qi < nq and quotes[qi][0] <= i:  # (and i < its end: the loop passed the others)
                continue  # inside a quotation
        ch = chunk[j]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            if ch == "," and view[i + 1 : i + 2].isdigit() and view[i - 1 : i].isdigit():
                continue  # a number: "2,000", "2,5"
            if ch in ",;":
                seps.append(i)
            elif ch == ":":
                colons.append(i)
            elif j > 0 and i + 3 < end:  # a spaced dash (from its space) not at an edge
                seps.append(i + 1)
    seps.sort()
    toks, tok_starts, caps, marks = _tokens(view, start, end, forms, pool, chunk, ascii_only)
    return Sentence(
        index, start, end, para, quotes, seps, colons, toks, tok_starts, caps, marks, forms
    )


def trim(view: str, start: int, end: int, chars: str = " \t\n,;:.-\u2013\u2014") -> Span:
    """The span without surrounding blanks and separators (never inverted)."""
    return Span(*trim_bounds(view, start, end, chars))


def trim_bounds(
    view: str, start: int, end: int, chars: str = " \t\n,;:.-\u2013\u2014"
) -> tuple[int, int]:
    """``trim`` as a (start, end) pair, for the hot paths that need no ``Span``."""
    while start < end and view[start] in chars:
        start += 1
    while end > start and view[end - 1] in chars:
        end -= 1
    return start, end


def strip_quote_marks(view: str, start: int, end: int) -> tuple[int, int]:
    """The span without the quotation marks that wrap it (or the one left open at its start
    when a closing cue cut it: `"We will rebuild," said X` gives `We will rebuild`)."""
    a, b = trim_bounds(view, start, end, " \t\n,;:.")
    if b - a < 2:
        return a, b
    closer = QUOTE_PAIRS.get(view[a])
    if closer is None:
        return a, b
    if view[b - 1] in CLOSERS and "«" not in view[a + 1 : b - 1] and "»" not in view[a + 1 : b - 1]:
        ta, tb = trim_bounds(view, a + 1, b - 1, " \t\n,;:")
        return (ta, tb) if tb > ta else (a, b)
    if view.find(closer, a + 1, b) == -1:
        ta, tb = trim_bounds(view, a + 1, b, " \t\n,;:")
        return (ta, tb) if tb > ta else (a, b)
    return a, b
