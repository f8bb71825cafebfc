"""Finding attribution cues in one sentence.

Each cue found becomes a ``Found``: the cue span, the claim span, the origin mention span
(or a reference to resolve: the previous source of the sentence, a relative antecedent) and
relay mention spans. Resolution of who the mention is happens later (sources.py); this
module only reads the sentence's shape with the words of the rule pack.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from tui.attribution.leads import word_leads
from tui.attribution.mentions import genitive, names_a_source
from tui.attribution.rules import (
    CUE_PATTERNS,
    HEDGE_BIT,
    MARKED_PATTERNS,
    RulePack,
    VerbForm,
    _norm,
    lowered_variant,
)
from tui.attribution.text import (
    CLOSERS,
    OPENERS,
    WORD_RUN_RE,
    Sentence,
    Token,
    bare_of,
    low_of,
    trim_bounds,
)

# How far after a cue verb its complementizer may come ("a confirmé mardi soir que").
COMPLEMENT_WINDOW = 10
INFINITIVE_WINDOW = 6
# Longest comma segment still read as an apposition of a subject ("Karima Belaïd, déléguée
# CFDT, résume …"); a longer one is a clause.
APPOSITION_MAX = 16
SEPARATORS_OR_END = frozenset(("", ",", ";", ":", ".", "!", "?", "\n"))
DEMONSTRATIVE_FRAME = 3  # words of a frame opening with a demonstrative ("Ce mardi matin,")
AFFILIATION_MAX = 6  # "de l'Institut Pasteur" after a leading source
# A claim before its named subject ("<claim>, Jo Kent, a spokesman, said") has this many
# words at least; a short adjunct after a closing cue verb ("said on Tuesday") at most this.
CLAUSE_MIN = 4
ADJUNCT_MAX = 6
# A subject noun phrase set off by commas before its verb (title, name, apposition): at most
# this many words.
SUBJECT_NP_MAX = 10
# Any character that opens a quotation (``text.OPENERS``).
_OPENER_RE = re.compile("[" + re.escape("".join(OPENERS)) + "]")


@dataclass(slots=True)  # slots: built by the thousand per article
class Relay:
    span: tuple[int, int]
    media_only: bool = False  # "publié par X": a relay only when X is a news outlet
    # "X wrote that …, <prep> a copy of the letter": a document there records what
    # the speaker said; it is a relay only when it is not a document
    record: bool = False


@dataclass(slots=True)  # slots: built by the thousand per article
class Subject:
    start: int
    end: int
    relays: list[Relay] = field(default_factory=list)
    reverse: tuple[int, int] | None = None
    np_like: bool = False
    quote_first: bool = False
    context_end: int | None = None


@dataclass(slots=True)  # slots: built by the thousand per article
class Found:
    kind: str  # prep, verb, inverted, relative, passive, colon, backref, possessive
    cue: tuple[int, int]
    claim: tuple[int, int]
    origin: tuple[int, int] | None
    ref: str | None = None  # "prev" (elided subject) or None
    relays: list[Relay] = field(default_factory=list)
    reverse_origin: tuple[int, int] | None = None  # "X, citing Y": Y is the origin
    past: bool = False
    trailing: bool = False
    region: tuple[int, int] = (0, 0)  # text taken by the cue and its source
    context_end: int | None = None  # end of text that may say the source is anonymous
    recipient: tuple[int, int] | None = None


class Matches:
    """The pack's cue patterns run once over the whole text, then handed out per sentence.

    One pass per pattern is cheaper than one call per sentence, and keeps long articles
    linear."""

    NAMES = MARKED_PATTERNS[: 1 + len(CUE_PATTERNS)]  # the traps, then the cue patterns
    # Patterns that can only start where ``pack.cue_start_re`` finds a candidate.
    CANDIDATE_NAMES = frozenset(CUE_PATTERNS)

    def __init__(self, view: str, pack: RulePack) -> None:
        # Whole-text scans run on the lower-cased text with case-sensitive patterns when the
        # offsets stay the same (see rules.lowered_variant): the regex engine's fast paths do
        # not work with IGNORECASE.
        lowered = view.lower()
        same = len(lowered) == len(view)
        starts: list[int] | None = None
        trap_ms: list | None = None
        if same and pack.cue_trap_after_sep_lower_re is not None:
            starts, trap_ms = _cue_and_trap_starts(pack, lowered)
        elif pack.cue_start_re is not None:
            after_sep = pack.cue_after_sep_re
            text = view
            if same and pack.cue_after_sep_lower_re is not None:
                after_sep, text = pack.cue_after_sep_lower_re, lowered
            starts = _cue_starts(text, pack.cue_start_re, after_sep)
        self.starts = starts  # candidate starts of cue and hedge matches, in order
        # Every pattern's matches in one list sorted by start, each with its pattern's index
        # in ``NAMES`` and its end: a sentence's matches of all the patterns are one slice
        # of it. (No two matches of a pattern start together: the sort never compares two
        # matches, and keeps each pattern's matches in their order.)
        entries: list[tuple[int, int, re.Match[str], int]] = []
        for k, name in enumerate(self.NAMES):
            rx = getattr(pack, name)
            if rx is None:
                continue
            if starts is not None and name in self.CANDIDATE_NAMES:
                ms = _candidate_matches(
                    rx, pack.lowered_patterns.get(name) if same else None, view, lowered, starts
                )
            elif name == "trap_re" and trap_ms is not None:
                ms = trap_ms
            elif name == "trap_re" and same and pack.trap_lower_re is not None:
                ms = _trap_spans(pack, lowered)  # spans only are used
            else:
                ms = list(rx.finditer(view))
            entries += [(m.start(), k, m, m.end()) for m in ms]
        entries.sort()
        self._at = [e[0] for e in entries]
        self._entries = entries

    def in_sentence(self, start: int, end: int) -> tuple[Sequence[re.Match[str]], ...]:
        """The matches of each pattern of ``NAMES`` (in that order) that lie in [start, end),
        in text order, from one slice of the merged list: two bisections per sentence
        instead of two per pattern, and a sentence without any match is answered by them
        alone."""
        at = self._at
        i = bisect_left(at, start)
        j = bisect_left(at, end, i)
        if i == j:
            return _NO_MATCHES
        # (a literal: six lists without a generator; ``NAMES`` has six patterns, checked
        # below)
        out: tuple[list[re.Match[str]], ...] = ([], [], [], [], [], [])
        for _, k, m, m_end in self._entries[i:j]:
            if m_end <= end:
                out[k].append(m)
        return out


if len(Matches.NAMES) != 6 or ("trap_re", *CUE_PATTERNS) != Matches.NAMES:
    raise RuntimeError("Matches.in_sentence builds one list per pattern of Matches.NAMES")
# What ``Matches.in_sentence`` answers for a sentence without any match.
_NO_MATCHES: tuple[Sequence[re.Match[str]], ...] = ((),) * len(Matches.NAMES)
_TRAP_BIT = 1 << MARKED_PATTERNS.index("trap_re")
_CUE_BITS = sum(1 << MARKED_PATTERNS.index(name) for name in CUE_PATTERNS)


def sentence_matches(
    view: str,
    lowered: str,
    sent: Sentence,
    pack: RulePack,
    slots: dict[int, tuple],
    hedge_starts: list[int],
) -> tuple[Sequence[re.Match[str]], ...]:
    """What ``Matches(view, pack).in_sentence(sent.start, sent.end)`` answers, from the
    words of the sentence that open a match (``sent.marks``, built with the pack's
    ``word_marks``): each pattern is tried at those words only, with the same resuming as
    ``finditer``. ``lowered``: the view in lower case, of the same length (the traps are
    matched there); ``slots``: ``cue_slots(pack)``. The words that may open a listed hedge
    are added to ``hedge_starts`` (see hedges.find_hedges).

    Two differences with a scan of the whole text, in the pattern's favour: a match begun
    in an earlier sentence does not hide the ones it overlaps here, and a cue pattern is
    matched on the text as written at the words the lower-cased text lists (no letter that
    case folding pairs beyond its lower case, "ſ" with "s", is missed there).

    The traps are looked for only when the sentence may hold a cue (a match, or a colon):
    they only ever turn a cue down."""
    marks = sent.marks
    if not marks:
        return _NO_MATCHES
    end = sent.end
    out: tuple[list, ...] = ([], [], [], [], [], [])
    resume = [0, 0, 0, 0, 0, 0]
    found = False
    for q, bits in marks:
        if bits & HEDGE_BIT:
            hedge_starts.append(q)
        if not bits & _CUE_BITS:
            continue
        got = slots.get(bits)
        if got is None:
            got = slots[bits] = tuple((k, rx) for k, bit, rx in slots[0] if bits & bit)
        for k, rx in got:
            if q < resume[k]:
                continue
            m = rx.match(view, q)
            if m is not None:
                b = m.end()
                resume[k] = b if b > q else q + 1
                if b <= end:
                    out[k].append(m)
                    found = True
    if not (found or sent.colons):
        return _NO_MATCHES
    if pack.trap_lower_re is not None:
        traps = out[0]
        match = pack.trap_lower_re.match
        after = 0
        for q, bits in marks:
            if bits & _TRAP_BIT and q >= after:
                tm = match(lowered, q)
                if tm is not None:
                    a, b = tm.span()
                    after = b if b > a else a + 1
                    if b <= end:
                        traps.append(_Found((a, b)))
    return out


if len(_NO_MATCHES) != 6:  # as many lists as ``sentence_matches`` builds
    raise RuntimeError("sentence_matches builds one list per pattern of Matches.NAMES")


def cue_slots(pack: RulePack) -> dict[int, tuple]:
    """For ``sentence_matches``: a cache of the cue patterns a mark's bits name, as (index
    in ``Matches.NAMES``, pattern); under 0, (index, bit, pattern) of every cue pattern."""
    return {
        0: tuple(
            (k, 1 << k, getattr(pack, name))
            for k, name in enumerate(Matches.NAMES)
            if k and getattr(pack, name) is not None
        )
    }


class _Found:
    """A match reduced to its span (what the traps hand out)."""

    __slots__ = ("_span",)

    def __init__(self, span: tuple[int, int]) -> None:
        self._span = span

    def start(self) -> int:
        return self._span[0]

    def end(self) -> int:
        return self._span[1]

    def span(self) -> tuple[int, int]:
        return self._span


def _trap_spans(pack: RulePack, lowered: str) -> list:
    """The traps' matches in the lower-cased text, as ``finditer`` would find them. When
    every trap opens a word, a scan for the non-word characters they follow finds them
    (the trap itself is group 1 of a lookahead) and matches that start inside a match
    already found are dropped, which is what ``finditer``'s resuming does."""
    rx = pack.trap_after_sep_lower_re
    if rx is None:
        return list(pack.trap_lower_re.finditer(lowered))
    out: list = []
    head = pack.trap_lower_re.match(lowered, 0)
    resume = 0
    if head is not None:
        out.append(head)
        resume = max(head.end(), 1)
    for m in rx.finditer(lowered):
        a, b = m.span(1)
        if a < resume:
            continue
        out.append(_Found((a, b)))
        resume = b if b > a else a + 1
    return out


def _cue_and_trap_starts(pack: RulePack, lowered: str) -> tuple[list[int], list]:
    """``_cue_starts`` and ``_trap_spans`` on the lower-cased text from one scan
    (``pack.cue_trap_after_sep_lower_re``): same positions, same trap spans."""
    rx = pack.cue_trap_after_sep_lower_re
    # (rules.compile_pack builds the shared scan only when the two patterns below exist)
    assert rx is not None and pack.cue_start_re is not None and pack.trap_lower_re is not None
    starts = [0] if pack.cue_start_re.match(lowered, 0) is not None else []
    traps: list = []
    resume = 0
    head = pack.trap_lower_re.match(lowered, 0)
    if head is not None:
        traps.append(head)
        resume = max(head.end(), 1)
    cue_a, cue_b = rx.groups - 1, rx.groups  # the empty groups marking a cue start
    add_start = starts.append
    for m in rx.finditer(lowered):
        a, b = m.span(1)
        if a >= resume:  # (a trap starts here: a is -1 when none does)
            traps.append(_Found((a, b)))
            resume = b if b > a else a + 1
        if m.start(cue_b) != -1 or m.start(cue_a) != -1:
            add_start(m.end())
    return starts, traps


def _cue_starts(
    view: str, start_re: re.Pattern[str], after_sep_re: re.Pattern[str] | None
) -> list[int]:
    """Every position where ``start_re`` (zero-width) matches. Past position 0 such a position
    follows a character that is not a word character nor a hyphen, which ``after_sep_re``
    consumes: each of its matches is one character long, so no position is skipped."""
    if after_sep_re is None:
        return [m.start() for m in start_re.finditer(view)]
    head = [0] if start_re.match(view, 0) is not None else []
    return head + [m.end() for m in after_sep_re.finditer(view)]


def _candidate_matches(
    rx: re.Pattern[str],
    lowered_rx: re.Pattern[str] | None,
    view: str,
    lowered: str,
    starts: list[int],
) -> list[re.Match[str]]:
    """``_finditer_at(rx, view, starts)``: where there is a lowered variant, it finds the
    positions on the lower-cased text (faster), then ``rx`` itself matches there, so that
    the match objects read the text as written."""
    if lowered_rx is None:
        return _finditer_at(rx, view, starts)
    match = rx.match
    out: list[re.Match[str]] = []
    for low_m in _finditer_at(lowered_rx, lowered, starts):
        m = match(view, low_m.start())
        if m is None or m.end() != low_m.end():
            return _finditer_at(rx, view, starts)  # not expected; the plain scan decides
        out.append(m)
    return out


def _finditer_at(rx: re.Pattern[str], view: str, starts: list[int]) -> list[re.Match[str]]:
    """``list(rx.finditer(view))`` when every match of ``rx`` starts at one of ``starts``.

    finditer tries each position in turn and resumes after a match; trying only the
    candidate positions, with the same resume rule, gives the same matches (cue patterns
    never match empty, so resuming after a match is all there is to it; a match at
    position q is ``rx.match(view, q)``: lookbehinds still see the text before q) without
    running the pattern's scan loop over every character."""
    out: list[re.Match[str]] = []
    match = rx.match
    resume = 0
    for q in starts:
        if q < resume:
            continue
        m = match(view, q)
        if m is not None:
            out.append(m)
            end = m.end()
            resume = end if end > q else q + 1
    return out


class Reader:
    """Reads one sentence with a rule pack. Cheap to build; holds no state across sentences."""

    def __init__(
        self, view: str, sent: Sentence, pack: RulePack, traps: Sequence[re.Match[str]]
    ) -> None:
        """``traps``: the trap matches of the sentence (``Matches.in_sentence``)."""
        self.view = view
        self.s = sent
        self.p = pack
        # (most sentences hold no trap: no comprehension to run then)
        self.blocked = [m.span() for m in traps] if traps else []
        self.zero_that = pack.zero_that
        # The sentence's own lookups, bound once: called tens of thousands of times per
        # article, a forwarding method would double the cost of each call.
        self.toks = sent.toks_in
        self.next_tok = sent.tok_after
        self._opening_reverse: re.Match[str] | bool | None = False  # (False: not read yet)

    # --- small helpers -------------------------------------------------------------------
    def opening_reverse(self) -> re.Match[str] | None:
        """The reverse relay marker that opens the sentence ("Citing …", "Citant …"), if
        any (read once per sentence: several rules ask)."""
        m = self._opening_reverse
        if m is False:
            m = None
            rx = self.p.relay_reverse_re
            if rx is not None and self.s.toks:
                first = self.s.toks[0]
                if first.bare in self.p.relay_reverse_leads and self.free(first.start, first.end):
                    m = rx.match(self.view, first.start)
            self._opening_reverse = m
        return m

    def free(self, a: int, b: int) -> bool:
        """Not inside a quotation and not overlapping a trap."""
        for qa, qb in self.s.quotes:
            if qa < a < qb:
                return False
        # (most sentences hold no trap: no generator to build then)
        return not self.blocked or all(not (ta < b and a < tb) for ta, tb in self.blocked)

    def is_framing(self, a: int, b: int) -> bool:
        t = self.next_tok(a)  # the first word of [a, b), if it ends by b
        if (
            t is None
            or t.end > b
            or t.bare not in self.p.framing_starts
            or _determiner_phrase_at(self, t.start)  # "At least two firms"
        ):
            return False
        # "Cette semaine," frames; "Cette flotte compterait 600 navires," is a clause
        return t.bare not in self.p.det_demonstrative or len(self.toks(a, b)) <= DEMONSTRATIVE_FRAME

    def np_like(self, a: int, b: int) -> bool:
        """A comma segment that can be (part of) a subject: a name, a determiner phrase,
        a title, a relative clause or a relay ("citing X")."""
        ts = self.toks(a, b)
        if not ts or len(ts) > 2 * APPOSITION_MAX:
            return False
        if len(ts) > APPOSITION_MAX:
            # a long participial apposition, or a noun with its relative clause ("a woman in
            # her fifties who asked not to be named because …")
            return (
                self.participial(ts[0])
                or ts[0].bare in self.p.subject_relatives  # "…, who spoke to X on condition …"
                or (
                    (ts[0].bare in self.p.determiners or ts[0].low in self.p.determiners)
                    and any(t.bare in self.p.subject_relatives for t in ts[2:8])
                )
            )
        if self.view[a:b].strip()[:1] in '«"\u201c':
            return False
        t = ts[0]
        p = self.p
        w = t.bare
        if w in p.framing_starts and (not t.cap or w in p.prepositions):
            # a framing word ("In", "after") opens an adjunct, not a noun phrase; but "At
            # least two law firms, including X, said" opens with a determiner
            return _determiner_phrase_at(self, t.start)
        # Any of the following makes a noun phrase: the set lookups come first, the
        # pattern matches only when they all fail.
        if (
            t.cap
            or w in p.determiners
            or t.low in p.determiners
            or w in p.kinds
            or w in p.person_gender
            or w in p.relatives
            or t.text.isdigit()
            or self.participial(t)
            # "The report, written by the head of property, …": a cue verb's participle
            # with its agent names an author, in apposition
            or (len(ts) > 1 and ts[1].bare in p.agent and self.participial(t, cue_verbs=True))
            or _determiner_phrase_at(self, t.start)
            # "premier syndicat du second degré", "ancien ministre": an adjective, then the
            # title or kind noun of an apposition without an article
            or (
                len(ts) > 1
                and t.low not in p.verbs
                and (ts[1].bare in p.kinds or ts[1].bare in p.person_gender)
            )
        ):
            return True
        for rx in (p.relay_reverse_re, p.relay_forward_re, p.relay_publication_re):
            if rx is not None and rx.match(self.view, t.start):
                return True  # "citing X", "obtained by X": a relay apposition
        return False

    def citing_at(self, pos: int) -> bool:
        """A reverse relay marker starts at ``pos`` ("citing", "qui cite")."""
        rx = self.p.relay_reverse_re
        return rx is not None and rx.match(self.view, pos) is not None

    def participial(self, t: Token, cue_verbs: bool = False) -> bool:
        """A past participle opening an apposition ("published on Tuesday"); with
        ``cue_verbs``, a cue verb's participle too ("révélée mercredi par X")."""
        w = t.bare
        v = self.p.verbs.get(t.low)
        return (
            not t.cap
            and self.p.participle_form(w)
            and w not in self.p.prepositions
            and w not in self.p.framing_starts
            and (v is None or (cue_verbs and "participle" in v.tenses))
        )

    def _compound_verb(self, a: int, b: int) -> bool:
        """An auxiliary then a participle ("a ouvert une enquête", "has opened an
        inquiry"): a clause, not a noun phrase."""
        p = self.p
        auxiliary_words = p.auxiliary_words
        for t, n in pairwise(self.toks(a, b)):
            if t.low in auxiliary_words and p.participle_form(n.bare) and not n.cap:
                return True
        return False

    def _opening_participle(self, a: int, b: int) -> bool:
        """The sentence opens on a participle and its complement ("Fondée sur des bons
        papier, …", "Asked about the delay, …"): a framing segment, not a subject."""
        ts = self.toks(a, b)
        p = self.p
        if not (
            len(ts) >= 2
            and ts[0] is self.s.toks[0]
            and p.participle_form(ts[0].bare)
            and ts[0].low not in p.verbs
            and ts[0].bare not in p.prepositions
        ):
            return False
        if ts[1].bare in p.prepositions or ts[1].bare in p.agent:
            return True
        # "Giving evidence in his own defence, …": a present participle and its object, with
        # no verb of its own (not "Rising prices are hurting families, …")
        return (
            bool(p.gerund_endings)
            and ts[0].bare.endswith(p.gerund_endings)
            and len(ts) <= APPOSITION_MAX
            and not any(t.low in p.auxiliary_words or t.low in p.verbs for t in ts[1:])
        )

    def _lone_word_after(self, k: int) -> bool:
        """The sentence's word ``k`` is alone before a separator or the sentence's end."""
        toks = self.s.toks
        if k >= len(toks):
            return False
        # (the next character but blanks: a separator, an end of sentence, or none)
        return self.view[toks[k].end : toks[k].end + 3].lstrip(" ")[:1] in SEPARATORS_OR_END

    def _conjunction_np(self, a: int, b: int) -> int | None:
        """Where the noun phrase starts in a segment that opens with a conjunction and then
        a determiner ("And a 2021 survey by X"), or None."""
        ts = self.toks(a, b)
        p = self.p
        if len(ts) < 3 or ts[0].bare not in p.conjunctions:
            return None
        t = ts[1]
        if (t.bare in p.determiners or t.low in p.determiners) and self.np_like(t.start, b):
            return t.start
        return None

    def _lone_pronoun(self, a: int, b: int) -> bool:
        ts = self.toks(a, b)
        return len(ts) == 1 and ts[0].bare in self.p.pronouns

    def segments_before(self, pos: int) -> list[tuple[int, int]]:
        """Comma segments of the sentence that end before ``pos`` (in order)."""
        out = []
        start = self.s.start
        # a colon opens a new clause: "Public awareness has grown: Half Light, a …, tells"
        for c in self.s.colons:
            if c < pos:
                start = c + 1
        for sep in self.s.seps:
            if sep > pos:
                break
            if sep < start:
                continue
            out.append((start, sep))
            start = sep + 1
        return out

    def sep_right_after(self, pos: int) -> int | None:
        """The separator right after ``pos`` (only blanks between), if any."""
        # (called a dozen thousand times per article: the lookups bound once)
        view = self.view
        end = self.s.end
        i = pos
        while i < end and view[i] in " \t":
            i += 1
        return i if i in self.s.seps else None

    def sep_right_before(self, pos: int) -> int | None:
        view = self.view
        start = self.s.start
        i = pos - 1
        while i >= start and view[i] in " \t":
            i -= 1
        return i if i in self.s.seps else None

    # --- noun phrases ----------------------------------------------------------------------
    def forward_np(
        self, a: int, *, stop_at_prepositions: bool, absorb: bool, leading: bool
    ) -> tuple[int, int, int]:
        """A noun phrase starting at ``a``: (start, end, context_end).

        It runs to the end of its comma segment (or, if ``stop_at_prepositions``, to the first
        adjunct preposition), then takes in appositions: names, titles ("chercheur au CNRS"),
        and, when the phrase ends the sentence, described appositions ("a neurologist at …").
        """
        p = self.p
        end = seg_end = self.s.seg_end(a)
        if stop_at_prepositions:
            ts = self.toks(a, end)
            for k, t in enumerate(ts):
                if (
                    k > 0
                    and t.bare in p.prepositions
                    and t.bare not in p.complement_markers
                    and ts[k - 1].bare not in p.person_gender  # "l'adjoint aux sports"
                ):
                    end = t.start
                    break
                if k > 0 and (t.bare in p.relatives and t.bare in p.subject_relatives):
                    end = t.start
                    break
        context_end = end
        if not absorb or end != seg_end:
            return a, end, context_end
        ts = self.toks(a, end)
        if len(ts) == 1 and ts[0].bare in p.pronouns:
            return a, end, context_end  # a pronoun takes no apposition: "<prep> him, <claim>"
        for _ in range(3):
            if end >= self.s.end:
                break
            nxt_start = end + 1
            nxt_end = self.s.seg_end(nxt_start)
            ts = self.toks(nxt_start, nxt_end)
            if not ts:
                break
            t = ts[0]
            followed = nxt_end < self.s.end
            if t.bare in p.relatives:
                context_end = nxt_end
                break
            if p.relay_forward_re is not None and p.relay_forward_re.match(self.view, t.start):
                end = nxt_end  # "<prep> X, contacted by Y, …": the relay goes with X
                context_end = end
                break
            is_name = t.cap and t.bare not in p.determiners and t.bare not in p.framing_starts
            is_title = (
                not t.cap
                and (
                    t.bare in p.kinds
                    or t.bare in p.person_gender
                    # "senior economist at …", "former minister": a modifier, then the title
                    or (
                        t.bare not in p.determiners
                        and t.bare not in p.prepositions
                        and any(x.bare in p.person_gender and not x.cap for x in ts[1:3])
                    )
                )
            )
            described = (
                (t.bare in p.determiners or t.low in p.determiners)
                and any(x.bare in p.kinds or x.bare in p.person_gender for x in ts[1:4])
                # opening the sentence, only titles with names ("<prep> its two authors,
                # the <title> X and the <title> Y, <claim>"), not a clause that starts with
                # a titled subject
                and (not leading or (followed and any(x.cap for x in ts[2:6])))
            )
            # "Pour le virologue X, de l'Institut Pasteur, …": an affiliation
            affiliation = (
                leading
                and followed
                and len(ts) <= AFFILIATION_MAX
                and t.bare in p.complement_markers
                and any(x.cap for x in ts[1:3])
            )
            # "<prep> son dernier bilan, publié le 17 septembre, …": a participial apposition
            participial = (
                leading
                and followed
                and self.participial(t, cue_verbs=True)
                and len(ts) <= ADJUNCT_MAX
            )
            if len(ts) > APPOSITION_MAX or not (
                is_name or is_title or described or affiliation or participial
            ):
                break
            if self._clausal(ts[1:] if participial else ts):
                break  # "<prep> X, Africa Corps has …": a clause, not an apposition
            if leading and not followed:
                break
            if self.view[nxt_start:nxt_end].strip()[:1] in '«"\u201c':
                break
            end = nxt_end
            context_end = end
        return a, end, context_end

    def _clausal(self, ts: list[Token]) -> bool:
        """Whether a comma segment holds a finite clause (a negation, a speech verb or a
        conditional), which no apposition does."""
        p = self.p
        hw = p.hedge_word_re
        for i, t in enumerate(ts):
            if (
                t.low in p.verbs
                and i
                and (
                    ts[i - 1].bare in p.determiners
                    or ts[i - 1].low in p.determiners
                    or ts[i - 1].bare in p.prepositions
                )
            ):
                continue  # a noun: "un centre d'analyse", "the report"
            if t.bare in p.negations or t.low in p.verbs or t.low in p.auxiliary_words:
                return True
            if hw is not None and t.low not in p.hedge_exceptions and hw.fullmatch(t.low):
                return True
        return False

    def backward_subject(self, sep: int, claim_first: bool = False) -> Subject | None:
        """Subject of a verb that directly follows a comma ("X, appos, VERB").

        Walks back over the comma segments before ``sep``: the subject is the first segment
        after the framing ones, plus the naming appositions that follow it; relay segments
        ("citing Y", "obtained by Y") and relative clauses are set apart. With
        ``claim_first``, the first segment is the claim ("Police have opened an inquiry, Jo
        Kent, a spokesman, said"), as a quotation is.
        """
        segs = self.segments_before(sep)
        if not segs:
            return None
        # "Citing figures from X, Y, a senator, said": whom the subject cites opens the sentence
        opening_relay = (
            _opening_relay(self, segs[0][1])
            if segs[0][0] == self.s.start and self.s.toks[0].bare in self.p.relay_reverse_leads
            else None
        )
        i0 = 1 if opening_relay is not None else 0
        while i0 < len(segs) and (
            self.is_framing(*segs[i0]) or (i0 == 0 and self._opening_participle(*segs[0]))
        ):
            conj = self._conjunction_np(*segs[i0])
            if conj is not None:
                # "And a 2021 survey by X, obtained by Y, described …": a conjunction, then
                # the subject
                segs[i0] = (conj, segs[i0][1])
                break
            i0 += 1
        # "Première à témoigner, mardi, Odette Raynaud, 81 ans, a raconté …": a detached
        # adjective with its complement, then (past a frame) the subject
        while (
            i0 < len(segs) - 1
            and len(ts0 := self.toks(*segs[i0])) >= 2
            and ts0[1].bare in self.p.prepositions
            and _detached(self, ts0)
            and not _opens_with(self, segs[i0 + 1], self.p.relatives)
        ):
            i0 += 1
            while i0 < len(segs) and self.is_framing(*segs[i0]):
                i0 += 1
        cand = segs[i0:]
        p = self.p
        leading_relays: list[Relay] = []
        for x, y in segs[1 if opening_relay is not None else 0 : i0]:
            # "Interrogé mardi par France Bleu, le frère de l'accusé a assuré …": the
            # framing participle and its agent name who relayed the subject's words
            ts = self.toks(x, y)
            for k, t in enumerate(ts[1:5], start=1):
                if (
                    t.bare in p.agent
                    and p.relay_forward_re is not None
                    and p.relay_forward_re.fullmatch(f"{ts[0].low} {t.low}")
                    and k + 1 < len(ts)
                ):
                    leading_relays.append(Relay((ts[k + 1].start, y)))
                    break
        if i0 and cand and self.np_like(*cand[0]) and not self.toks(*cand[0])[0].cap:
            # "Last month Jeune Afrique, the Paris-based weekly, reported": the name that
            # ends the framing segment is the subject, the description its apposition
            ts = self.toks(*segs[i0 - 1])
            k = len(ts)
            while k > 1 and ts[k - 1].cap:
                k -= 1
            if (
                0 < k < len(ts)
                and not ts[k - 1].cap
                # a time phrase only: not "Interrogé par le quotidien Le Soir"
                and not any(
                    t.bare in p.prepositions or t.bare in p.agent or t.bare in p.complement_markers
                    for t in ts[:k]
                )
            ):
                cand = [(ts[k].start, segs[i0 - 1][1]), *cand]
        if not cand:
            return None
        quote_first = False
        # `"…," its spokesman, Paulo Ventura, said`: the claim is the quotation before
        if (claim_first or _is_quote(self.view, cand[0][0], cand[0][1])) and len(cand) >= 2:
            quote_first = True
            cand = cand[1:]
        head_np: bool | None = None  # whether cand[0] reads as a noun phrase, once known
        if len(cand) >= 2:
            head_np = self.np_like(*cand[0])
            compound = self._compound_verb(*cand[0])
            if (
                not head_np
                or compound
                or not p.verbs.keys().isdisjoint(map(low_of, self.toks(*cand[0])))
            ):
                # "X did Y, while the council's lead, Jane Roe, said": the subject opens the
                # last clause, after its subordinator or conjunction
                k = len(cand) - 1
                while k > 0 and self.np_like(*cand[k]):
                    k -= 1
                ts = self.toks(*cand[k])
                if (
                    k < len(cand) - 1
                    and len(ts) > 1
                    and not ts[0].cap
                    and (ts[0].bare in p.conjunctions or ts[0].bare in p.framing_starts)
                    and self.np_like(ts[1].start, cand[k][1])
                ):
                    cand = [(ts[1].start, cand[k][1]), *cand[k + 1 :]]
                    head_np = True  # (just tested)
                elif compound and all(
                    (t := self.next_tok(x)) is not None and self.participial(t) for x, _ in cand[1:]
                ):
                    # a clause then participial phrases, no subject: "Le parquet a ouvert
                    # une enquête, confiée à la gendarmerie, a indiqué la procureure"
                    head_np = False
        subj = Subject(cand[0][0], cand[0][1], relays=leading_relays)
        n_leading = len(leading_relays)  # (the relays of the frame before the subject)
        # after the subject: appositions, relays, relatives, and adjuncts or a pronoun that
        # repeats the subject ("speaking on condition of anonymity", "lui", "for its part")
        subj.np_like = (
            (len(cand) >= 2 or quote_first)
            and (head_np if head_np is not None else self.np_like(*cand[0]))
            and all(
                self.np_like(a, b) or self.is_framing(a, b) or self._lone_pronoun(a, b)
                for a, b in cand[1:]
            )
        )
        subj.quote_first = quote_first
        for a, b in cand[1:]:
            ts = self.toks(a, b)
            if not ts:
                continue
            at = ts[0].start
            m = p.relay_reverse_re.match(self.view, at) if p.relay_reverse_re else None
            if m:
                subj.reverse = (m.end(), b)
                continue
            m = p.relay_forward_re.match(self.view, at) if p.relay_forward_re else None
            if m:
                subj.relays.append(Relay((m.end(), b)))
                continue
            m = p.relay_publication_re.match(self.view, at) if p.relay_publication_re else None
            if m:
                subj.relays.append(Relay((m.end(), b), media_only=True))
                continue
            if ts[0].bare in p.relatives or self.is_framing(a, b):
                subj.context_end = b
                m = None
                if ts[0].bare in p.relatives and len(ts) > 1 and p.relay_forward_re is not None:
                    m = p.relay_forward_re.match(self.view, ts[1].start)
                if m is not None:  # "X, who spoke to AFP on condition of anonymity, said"
                    end = next(
                        (t.start for t in ts[2:] if t.start > m.end() and t.bare in p.prepositions),
                        b,
                    )
                    subj.relays.append(Relay((m.end(), end)))
                continue
            first = ts[0]
            naming = (
                first.cap
                or first.bare in p.determiners
                or first.bare in p.kinds
                or first.bare in p.person_gender
            )
            if (
                naming
                and len(subj.relays) == n_leading  # (none of its own: "X, cited by Y, Z")
                and subj.reverse is None
                and subj.end == a - 1
            ):
                subj.end = b
        if subj.reverse is None:
            subj.reverse = opening_relay
        subj.context_end = max(subj.context_end or subj.end, subj.end)
        return subj

    def recipient(self, pos: int, form: VerbForm) -> tuple[tuple[int, int] | None, int]:
        """Who was told, right after the verb: ("à l'AFP", "the Chronicle"). Returns the
        recipient span and the position after it."""
        p = self.p
        if not form.recipient:
            return None, pos
        seg_end = self.s.seg_end(pos)
        if not form.direct:
            # "said to X", "a déclaré à X": no preposition first, no recipient (the
            # segment's words need not be read then)
            first = self.next_tok(pos)
            if first is None or first.end > seg_end or first.bare not in p.recipients:
                return None, pos
        ts = self.toks(pos, seg_end)
        if not ts:
            return None, pos
        start_k = 0 if form.direct else 1
        # the complementizer may come a few words later: "told an employment tribunal … that"
        for j in range(start_k, min(len(ts), start_k + COMPLEMENT_WINDOW)):
            if ts[j].low in p.complementizers or ts[j].bare in p.complementizers:
                if j > start_k:
                    return (ts[start_k].start, ts[j - 1].end), ts[j - 1].end
                return None, pos
        j = start_k
        if j < len(ts) and (ts[j].bare in p.determiners or ts[j].low in p.determiners):
            j += 1
        name_k = j
        while j < len(ts) and ts[j].cap:
            j += 1
            if (
                j < len(ts)
                and ts[j].cap
                and p.media_re is not None
                and p.media_re.fullmatch(self.view[ts[name_k].start : ts[j - 1].end])
            ):
                break  # "a déclaré à l'AFP Sandrine Morel": the agency, then the speaker
        if (
            form.direct
            and j == start_k + 1
            and ts[start_k].bare in p.determiners
            and j < len(ts)
            and ts[j].bare not in p.pronouns
        ):
            # "told a press conference in …": a common noun phrase, up to its complement
            while (
                j < len(ts)
                and j < start_k + 4
                and not ts[j].cap
                and ts[j].bare not in p.prepositions
                and ts[j].bare not in p.determiners
                and ts[j].low not in p.verbs
                and not self.view[ts[j - 1].end : ts[j].start].strip()
            ):
                j += 1
            # "told the business daily Dagens Næringsliv": the name in apposition
            while j < len(ts) and ts[j].cap and not self.view[ts[j - 1].end : ts[j].start].strip():
                j += 1
        if j == start_k or (j == start_k + 1 and ts[start_k].bare in p.determiners):
            # a bare noun: "told reporters"
            if (
                start_k < len(ts)
                and not ts[start_k].cap
                and ts[start_k].bare not in p.pronouns
                and ts[start_k].bare not in p.determiners
                and form.direct
            ):
                j = start_k + 1
            else:
                return None, pos
        return (ts[start_k].start, ts[j - 1].end), ts[j - 1].end

    # --- claims ---------------------------------------------------------------------------
    def after_verb_claim(self, pos: int) -> tuple[str, int] | None:
        """What follows a cue verb, nearest first: ("that", claim start), ("colon", …),
        ("inf", …) or ("question", …)."""
        p = self.p
        # The words from ``pos`` to the sentence's end (all of its words end by then) are
        # the sentence's own from index ``i`` on: the loop reads at most a few dozen of them
        # and only a quotation object reads further, so the whole tail is copied only then.
        toks = self.s.toks
        i = self.s.tok_index(pos)
        seg_end = self.s.seg_end(pos)
        best: tuple[str, int] | None = None
        best_at = self.s.end + 1
        first_end = seg_end
        own = 0  # words of the verb's own segments: the complementizer comes within a few
        # (the word sets of the loop, looked up once: it runs over every word after a verb)
        conjunctions = p.conjunctions
        complementizers = p.complementizers
        subject_relatives = p.subject_relatives
        for j, t in enumerate(toks[i : i + 4 * COMPLEMENT_WINDOW]):
            at = t.start
            if at < first_end or at > seg_end:
                own += 1
                if own > COMPLEMENT_WINDOW:
                    break
            if at > seg_end:
                # "a indiqué, sous couvert d'anonymat, que …", "said, in a statement, that":
                # an adjunct between commas does not end the search (a cue's own segment,
                # ", <prep> the report that …", does)
                if p.prep_re is not None and p.prep_re.match(self.view, at):
                    break
                if (
                    t.bare in p.prepositions
                    or t.bare in p.framing_starts
                    or t.bare in p.adverbs
                    or t.low in p.complementizers
                    or t.bare in p.complementizers
                    or self.participial(t)  # "warned in its report, published in May, that"
                    or self.citing_at(at)  # "reported, citing a source, that"
                ):
                    seg_end = self.s.seg_end(at)
                else:
                    break
            bare = t.bare
            if bare in conjunctions or (
                j > 0 and bare in subject_relatives and bare not in complementizers
            ):
                break
            if (t.low in complementizers or bare in complementizers) and not any(
                pos <= qa < at < qb for qa, qb in self.s.quotes
            ):  # not a relative inside the quoted object: "dénonce « une X, que … »"
                if bare in p.det_demonstrative and self._lone_word_after(i + j + 1):
                    break  # "disputed that account, saying …": a determiner, no clause
                best, best_at = ("that", t.end), at
                break
            if j == 0 and at < seg_end:
                if bare in p.question_words:
                    return "question", at  # (not "…, he said, which …": a relative)
                if (
                    self.zero_that
                    and (bare in p.pronouns or bare in p.determiners)
                    and bare not in p.framing_starts
                ):
                    break  # "said it had …", "said the board had …": the claim starts here
        if (
            best is None
            and i < len(toks)
            and toks[i].start <= seg_end
            # (the object below opens with a quotation mark before ``seg_end``: without one
            # there, one search answers for the whole reading)
            and _OPENER_RE.search(self.view, pos, seg_end) is not None
        ):
            # a quotation as the object: "a reconnu « un défaut de communication »"
            ts = toks[i:]
            k = 0
            while k < len(ts) - 1 and ts[k].bare in p.adverbs:
                k += 1
            if k < len(ts) - 1 and ts[k].bare in p.prepositions and ts[k].bare not in p.determiners:
                # "a relevé chez l'accusé « aucune pathologie »": a short adjunct first
                j = k + 1
                while j < min(len(ts) - 1, k + 4) and self.view[ts[j - 1].end : ts[j].start] in (
                    " ",
                    "",
                ):
                    j += 1
                gap = self.view[ts[j - 1].end : ts[j].start]
                if "«" in gap or "\u201c" in gap:
                    k = j
            start = ts[k - 1].end if k else pos
            rest = self.view[start : ts[k].start]
            q = start + len(rest) - len(rest.lstrip())
            if rest.strip()[:1] in OPENERS and q < seg_end:
                return "colon", q
        # a colon then a quotation: "a prévenu : « … »"
        for c in self.s.colons:
            if c >= pos and c < seg_end + 1 and len(self.toks(pos, c)) <= 8:
                if any(pos <= qa < c for qa, _ in self.s.quotes):
                    break  # 'insisted the film "is no biography": "…"': a claim, then a second
                rest = self.view[c + 1 : self.s.end].lstrip()
                # "a prévenu : « … »", or a clause right after the verb ("met en garde : en
                # cas de vague de froid, …")
                if (rest[:1] in OPENERS or not self.toks(pos, c)) and c < best_at:
                    best, best_at = ("colon", c + 1), c
                break
        if p.infinitive_re is not None:
            m = p.infinitive_re.search(self.view, pos, min(self.s.end, pos + 60))
            if (
                m
                and m.start() < best_at
                and len(self.toks(pos, m.start())) <= INFINITIVE_WINDOW
                and self.free(m.start(), m.end())
            ):
                between = self.view[pos : m.start()]
                if "," not in between or "«" in between:
                    best = ("inf", m.start())
        return best


def _past(form: VerbForm, aux: bool) -> bool:
    return form.tense == "past" or (form.tense == "participle" and aux)


def find_cues(
    view: str,
    sent: Sentence,
    pack: RulePack,
    zero_that: bool,
    matches: Matches | None = None,
    in_sentence: tuple[Sequence[re.Match[str]], ...] | None = None,
) -> list[Found]:
    """Every attribution cue of the sentence, with claim and mention spans. ``in_sentence``:
    the patterns' matches in the sentence, when already known (``sentence_matches``); else
    they come from ``matches`` (the whole text's)."""
    if in_sentence is None:
        if matches is None:
            matches = Matches(view[: sent.end], pack)
        in_sentence = matches.in_sentence(sent.start, sent.end)
    # Each pattern's matches in the sentence, looked up once: a sentence with none (one in
    # five) and no colon has no cue, and needs no reader.
    traps, inversions, relpreps, posspreps, preps, verb_ms = in_sentence
    if not (inversions or relpreps or posspreps or preps or verb_ms or sent.colons):
        return []
    r = Reader(view, sent, pack, traps)
    found: list[Found] = []
    taken: list[tuple[int, int]] = []

    def overlaps(a: int, b: int) -> bool:
        return bool(taken) and any(x < b and a < y for x, y in taken)

    # 1. French inversion after a claim: "…, a-t-il déclaré", "… », explique-t-elle."
    for m in inversions:
        if not r.free(m.start(), m.end()):
            continue
        pron_group = "p1" if m.group("p1") else "p2"
        ps, pe = m.span(pron_group)
        # the pronoun without its hyphens: "-t-il" -> "il"
        word = view[ps:pe].split("-")[-1]
        ws = pe - len(word)
        form = pack.verbs.get(_norm(m.group("v1") or m.group("v2")))
        if form is None:
            continue
        sep = r.sep_right_before(m.start())
        claim_end = sep if sep is not None else m.start()
        origin: tuple[int, int] | None = (ws, pe)
        if word.lower() in pack.impersonal:
            origin = _impersonal_source(r, m.end())
            if origin is None:
                continue
            taken.append(origin)  # its marker is no cue preposition of its own
        found.append(
            Found(
                "inverted",
                m.span(),
                (sent.start, _mid_sentence(r, claim_end, r.s.seg_end(m.end()))),
                origin,
                past=form.tense != "present",
                trailing=True,
                region=(claim_end, r.s.seg_end(m.end())),
            )
        )
        taken.append(m.span())

    # 2. cue prepositions ("<prep> X, claim" / "claim, <prep> X"): each kind read by its
    # own function; a plain preposition takes its whole region from later cues (most
    # sentences have none: no loop over the kinds then)
    if relpreps or posspreps or preps:
        for ms, read, takes_region in (
            (relpreps, _relative_prep, False),
            (posspreps, _possessive_prep, False),
            (preps, _preposition, True),
        ):
            for m in ms:
                a, b = span = m.span()
                if not r.free(a, b) or overlaps(a, b):
                    continue
                f = read(r, a, b)
                if f is not None:
                    found.append(f)
                    taken.append(f.region if takes_region else span)

    # 3. verbs
    verbs = pack.verbs
    for m in verb_ms:
        a, b = span = m.span()
        if overlaps(a, b):
            continue
        word = m.group()
        form = verbs.get(_norm(word))
        if form is None:
            continue
        quoted = not r.free(a, b)
        if quoted and not (
            _quoted_with_its_object(r, a, form)
            and not any(f.claim[0] <= a < f.claim[1] for f in found)  # "Pour X, Y « … »"
        ):
            continue
        if view[b : b + 1] == "-":
            continue  # a compound ("state-owned", "report-based"): not a verb
        if word[:1].isupper() and view[sent.start : a].strip(' "«\u201c'):
            continue  # "the United States": a capitalised word inside a sentence is a name
        f = _verb(r, a, b, form, zero_that, found)
        if f is not None and form.hearing and not _heard_by_venue(r, f):
            f = None
        if f is not None:
            if f.cue[0] < a and f.claim[1] > f.claim[0]:
                f.claim = (f.claim[0], _coordinated_end(r, f.cue[0], *f.claim))
            q = sent.quote_at(a) if quoted else None
            if (
                q is not None
                and f.claim[0] < q[1] <= f.claim[1]
                and not view[q[1] : f.claim[1]].strip(" .,;!?")
            ):
                f.claim = (f.claim[0], q[1] - 1)  # it ends with the quotation: not its mark
            found.append(f)
            taken.append(span)

    # 4. a colon introducing a quotation after a bare noun phrase: "Le ministre : « … »"
    for c in sent.colons:
        rest = view[c + 1 : sent.end].lstrip()
        if rest[:1] not in '«"\u201c':
            continue
        q = sent.quote_at(sent.end - len(rest))  # the quotation after the colon
        holder = next((f for f in found if f.claim[0] < c < f.claim[1]), None)
        if holder is not None:
            second = _second_quotation(r, holder, c, q)
            if second is not None:
                found.append(second)
            continue
        if overlaps(sent.start, c + 2) or any(f.cue[0] < c for f in found):
            continue
        a = sent.seg_start(c)
        ts = r.toks(a, c)
        speaker: tuple[int, int] | None = (a, c)
        pron = r.p.pronouns.get(ts[0].bare) if len(ts) > 1 else None
        if pron is not None and not pron.possessive and ts[0].low == ts[0].bare:
            # "Elle l'assume devant le conseil : « … »", "She was blunt: "…"": the pronoun
            # that opens the clause is who speaks
            speaker = (ts[0].start, ts[0].end)
        elif (
            ts
            and a > sent.start
            and (len(ts) <= 4 or (len(ts) <= 8 and ts[0].low in r.p.auxiliary_words))
            and (not r.np_like(a, c) or r.participial(ts[0]))
        ):
            # "Its chair, Dr Euan Macrae, was blunt: "…"", "Un diplomate, qui a requis
            # l'anonymat, se montre sceptique : « … »": a short predicate after the subject
            # (longer when it opens with an auxiliary: "X, a été on ne peut plus clair :");
            # a participle there ("Le ministre, interrogé mardi : « … »", or a verb that only
            # looks like one: "X, Y, balaie les témoignages : « … »") speaks for it too
            speaker = _subject_prefix(r, sent.start, a - 1)
        elif (k := _copula_after_subject(r, ts)) is not None:
            # "Son constat est sans appel : « … »", "The minister was blunt: "…"": the
            # subject before the auxiliary speaks (a possessive one for its possessor); but
            # not "the change is visible: "…"", whose subject names no source
            speaker = (ts[0].start, ts[k - 1].end) if k > 0 else None
        elif not ts or len(ts) > 8 or not r.np_like(a, c) or r.is_framing(a, c):
            speaker = None
        else:
            # "Un chiffre que Sylvie Derouet conteste : « … »": the relative's subject speaks
            for k in range(1, len(ts) - 1):
                if ts[k].bare in r.p.relatives and ts[k + 1].cap:
                    j = k + 1
                    while j + 1 < len(ts) and ts[j + 1].cap:
                        j += 1
                    speaker = (ts[k + 1].start, ts[j].end)
                    break
        if speaker is None:
            continue
        end = q[1] if q else sent.end
        found.append(Found("colon", (c, c + 1), (c + 1, end), speaker, region=(a, c + 1)))
    if len(found) > 1:  # (most sentences have one cue at most: nothing to sort)
        found.sort(key=lambda f: f.cue[0])
    return _settle(r, found)


def _quoted_with_its_object(r: Reader, a: int, form: VerbForm) -> bool:
    """ "la direction « conteste formellement toute fraude »", 'the firm "firmly rejects"
    the claims': a finite cue verb opening a quotation right after a word (its subject, no
    separator between) is the sentence's verb, quoted with what it says."""
    if form.tense not in ("present", "past") or r.blocked:
        return False
    q = r.s.quote_at(a)
    if q is None:
        return False
    qa = q[0]
    if any(t.bare not in r.p.adverbs for t in r.toks(qa + 1, a)):
        return False  # the verb opens the quotation, or follows only its adverbs
    before = r.view[r.s.start : qa].rstrip(" ")
    return before[-1:].isalnum() and r.view[qa - 1 : qa] == " "


def _second_quotation(r: Reader, f: Found, c: int, q: tuple[int, int] | None) -> Found | None:
    """ "Elle assure que le film « n'est pas une biographie » : « Lise, c'est … »": a colon
    after a claim that ends with a quotation opens a second quotation ``q`` of the same
    speaker; the first claim ends at the colon."""
    if f.kind not in ("verb", "prep", "inverted"):
        return None
    if r.view[f.claim[0] : c].rstrip()[-1:] not in CLOSERS:
        return None
    if q is None or q[1] > f.claim[1] + 1:
        return None
    second = Found(
        "colon",
        (c, c + 1),
        (q[0], q[1]),
        f.origin,
        ref=f.ref,
        relays=list(f.relays),
        reverse_origin=f.reverse_origin,
        region=(c, c + 1),
    )
    f.claim = (f.claim[0], c)
    return second


COPULA_REACH = 4  # words of a subject before the auxiliary of a clause ending with a colon


def _copula_after_subject(r: Reader, ts: list[Token]) -> int | None:
    """The index of the auxiliary after a short subject noun phrase opening ``ts`` ("Son
    constat est sans appel", "The minister was blunt"); -1 when that subject names no
    source ("the change is visible"); None when ``ts`` does not read so."""
    p = r.p
    if len(ts) < 2 or ts[0].low in p.auxiliary_words:
        return None
    for k in range(1, min(len(ts), COPULA_REACH + 1)):
        t = ts[k]
        if t.low in p.auxiliary_words:
            a, b = ts[0].start, ts[k - 1].end
            if not _np_start(r, a, b):
                return None
            return k if _names_a_source(r, a, b) else -1
        if t.low in p.verbs or t.bare in p.relatives or t.bare in p.prepositions:
            return None
    return None


def _coordinated_end(r: Reader, aux_at: int, a: int, b: int) -> int:
    """ "Elle a souligné que l'offre était moins chère et a plaidé la relaxe": a conjunction
    then the cue's own auxiliary with no subject is a second verb of the speaker; the claim
    stops before it (unless the claim itself used that auxiliary: then the two verbs may
    share the claim's subject)."""
    aux = r.s.tok_after(aux_at)
    if aux is None:
        return b
    ts = r.toks(a, b)
    for k in range(1, len(ts) - 2):
        if ts[k].low == aux.low:
            return b
        if ts[k].bare in r.p.conjunctions and ts[k + 1].low == aux.low:
            if not r.free(ts[k].start, ts[k].end):
                return b
            return ts[k].start
    return b


def _impersonal_source(r: Reader, after: int) -> tuple[int, int] | None:
    """ "Chez Enedis, on indiquait …", "…, a-t-on appris auprès de la préfecture"."""
    p = r.p
    if p.impersonal_source_re is None:
        return None
    # the marker after the verb ("a-t-on appris auprès de la préfecture"), else one that
    # opens the sentence ("Chez Enedis, on indiquait …"), not one in between ("au lendemain")
    after_verb = [
        m
        for m in p.impersonal_source_re.finditer(r.view, after, r.s.end)
        if len(r.toks(after, m.start())) <= 2
    ]
    opening = [
        m
        for m in p.impersonal_source_re.finditer(r.view, r.s.start, r.s.seg_end(r.s.start))
        if m.start() < after and not r.toks(r.s.start, m.start())
    ]
    for m in after_verb[:1] + opening:
        if not r.free(*m.span()):
            continue
        start = m.end()
        prep = p.preps.get(_norm(m.group()))
        if prep is not None and prep.keep:
            start = m.end() - len(prep.keep)  # "de source proche du dossier": keep the noun
        a, b, _ = r.forward_np(start, stop_at_prepositions=False, absorb=False, leading=False)
        if b > a:
            return a, b
    return None


def _claim_around(r: Reader, a: int, b: int) -> tuple[int, int]:
    """The sentence without the cue: the rest of the sentence for an opening cue, what
    precedes for a closing one, the whole sentence for one in the middle."""
    s = r.s
    before = r.view[s.start : a].strip(" ,;")
    after_sep = r.sep_right_after(b)
    after = r.view[(after_sep + 1) if after_sep is not None else b : s.end].strip(" ,;.")
    if not before or len(r.toks(s.start, a)) <= 1:
        start = after_sep + 1 if after_sep is not None else b
        return start, s.end
    if not after:
        sep = r.sep_right_before(a)
        return s.start, sep if sep is not None else a
    ts = r.toks(after_sep + 1 if after_sep is not None else b, s.end)
    p = r.p
    if ts and (
        # a relative after the source is about the source ("…, <prep> X, who …"), but a
        # complementizer goes on with the claim ("ne représenterait, <prep> lui, que 4 %")
        (ts[0].bare in p.relatives and ts[0].bare not in p.complementizers)
        or ts[0].bare in p.conjunctions
    ):
        sep = r.sep_right_before(a)
        return s.start, sep if sep is not None else a
    return s.start, s.end


# The patterns ``_verb`` looks for between the start of the verb's comma segment and the
# verb, by bit: an auxiliary, a passive auxiliary, a negation, a back-reference ("C'est ce
# que révèle X"), and the relay markers in its subject (forward: "cited by", reverse:
# "citing", publication: "obtained by"). Each is searched only where one of the words its
# matches open with is there: a few set lookups on the words instead of a scan of the text
# per pattern.
_AUX, _PASSIVE, _NEGATION, _BACKREF = 1, 2, 4, 8
_FORWARD, _REVERSE, _PUBLICATION = 16, 32, 64
_RELAYS = _FORWARD | _REVERSE | _PUBLICATION
_BEFORE_VERB = _AUX | _PASSIVE | _NEGATION | _BACKREF | _RELAYS


def _separators_between(s: Sentence, pos: int, end: int) -> list[int]:
    """The sentence's separators from ``pos`` to before ``end`` (they are sorted)."""
    return s.seps[bisect_left(s.seps, pos) : bisect_left(s.seps, end)]


def _citing_after_verb(r: Reader, pos: int, claim_start: int) -> tuple[int, int] | None:
    """The cited source in "X reported, citing Y, that …": between the verb and the claim,
    a comma segment that opens with a reverse relay marker."""
    rx = r.p.relay_reverse_re
    if rx is None:
        return None
    s = r.s
    for sep in _separators_between(s, pos, claim_start):
        ts = r.toks(sep + 1, claim_start)
        m = rx.match(r.view, ts[0].start) if ts else None
        if m is not None:
            end = min(s.seg_end(m.end()), claim_start)
            if r.toks(m.end(), end):
                return m.end(), end
    return None


def _cited_by_speaker(
    r: Reader, after_verb: int, what: tuple[str, int]
) -> tuple[tuple[int, int] | None, int]:
    """Who the speaker cites, and where the claim ends: "X reported, citing Y, that …" or
    "X reported that …, citing a note from Y" (the claim stops at the relay)."""
    s = r.s
    cited = _citing_after_verb(r, after_verb, what[1])
    if cited is not None:
        return cited, s.end
    if what[0] == "that":
        cited = _citing_after_verb(r, what[1], s.end)
        if cited is not None:
            return cited, max(x for x in s.seps if x < cited[0])
    return None, s.end


INSERTION_MAX = 3  # words of a short insertion between an auxiliary and its participle


def _past_insertion(r: Reader, seg_a: int) -> Token | None:
    """ "Le porte-parole a, lui, dénoncé …", "The company has, however, denied …": a short
    insertion between an auxiliary and the participle that opens its segment (at
    ``seg_a``). Returns that auxiliary, or None."""
    s = r.s
    ins_start = s.seg_start(seg_a - 1)
    if ins_start <= s.start or not 1 <= len(r.toks(ins_start, seg_a - 1)) <= INSERTION_MAX:
        return None
    before = r.toks(s.seg_start(ins_start - 1), ins_start - 1)
    if len(before) >= 2 and before[-1].low in r.p.auxiliary_words:
        return before[-1]
    return None


def _fronted_reverse(r: Reader, seg_a: int) -> tuple[int, int] | None:
    """ "Citing three officials, the agency said …", "Citant un membre de la commission, le
    journal ajoutait que …": a reverse relay opening the sentence, in the segments before
    the subject's (which starts at ``seg_a``). Returns the span of whom it cites, when that
    may name a source ("Citing security concerns, the firm said …" cites a reason)."""
    s = r.s
    if seg_a <= s.start:
        return None
    return _opening_relay(r, seg_a - 1)  # (the separator before the subject's segment)


def _opening_frame_relays(r: Reader, seg_a: int) -> list[Relay]:
    """ "Dans un communiqué relayé par franceinfo, l'association dénonce …", "In a statement
    carried by Reuters, the ministry said …": a prepositional frame opening the sentence,
    before the subject's segment (from ``seg_a``), names who relayed the subject's words."""
    p = r.p
    s = r.s
    if seg_a <= s.start:
        return []
    end = s.seg_end(s.start)
    if end >= seg_a:
        return []
    first = r.next_tok(s.start)
    if first is None or first.end > end or first.bare not in p.prepositions:
        return []
    found = _relay_marker(r, first.end, end)
    # (a publication relay is kept only when it names a news outlet: see Relay)
    if found is not None and (found[1] or _names_a_source(r, found[0], end)):
        return [Relay((found[0], end), media_only=found[1])]
    return []


def _adjunct_relays(r: Reader, pos: int, claim_start: int) -> list[Relay]:
    """ "a jugé, dans des propos rapportés par Le Bien public, que …", "said, in remarks
    reported by the Herald, that …": an adjunct between the verb and its claim names who
    relayed the words."""
    if claim_start - pos < 8:
        return []
    s = r.s
    for sep in _separators_between(s, pos, claim_start):
        end = min(s.seg_end(sep + 1), claim_start)
        found = _relay_marker(r, sep + 1, end)
        if found is not None and r.toks(found[0], end):
            a, b = trim_bounds(r.view, found[0], end)
            return [Relay((a, b), media_only=found[1])]
    return []


def _relay_marker(r: Reader, a: int, b: int) -> tuple[int, bool] | None:
    """Where the agent of the first relay marker in ``view[a:b]`` starts ("relayé par X",
    "reported by X"), and whether it is a publication marker (a relay only when the agent is
    a news outlet); a publication marker is looked for first."""
    p = r.p
    for rx, media_only in ((p.relay_publication_re, True), (p.relay_forward_re, False)):
        m = rx.search(r.view, a, b) if rx is not None else None
        if m is not None:
            return m.end(), media_only
    return None


def _opening_relay(r: Reader, end: int) -> tuple[int, int] | None:
    """The span of whom a reverse relay opening the sentence cites, up to ``end`` (a
    separator after the relay's first segment), when it may name a source."""
    m = r.opening_reverse()
    if m is None or m.start() >= end:
        return None
    s = r.s
    first_end = s.seg_end(m.end())
    if first_end > end or not _names_a_source(r, m.end(), first_end):
        return None
    a, b = trim_bounds(r.view, m.end(), end)
    return (a, b) if b > a else None


def _split_relays(
    r: Reader, a: int, b: int, markers: int = _RELAYS
) -> tuple[tuple[int, int], list[Relay], tuple[int, int] | None]:
    """Split a mention at relay markers: "des responsables cités par le NYT". ``markers``:
    those that may be in ``view[a:b]`` (bits of ``_RELAYS``; the caller may know some are
    not)."""
    p = r.p
    relays: list[Relay] = []
    reverse: tuple[int, int] | None = None
    if markers & _FORWARD and p.relay_forward_re is not None:
        m = p.relay_forward_re.search(r.view, a, b)
        if m and m.start() > a:
            origin_end = m.start()
            pub = None
            if p.relay_publication_re is not None:
                pub = p.relay_publication_re.search(r.view, a, m.start())
            if pub is not None and pub.start() > a:
                # "une note, révélée par Le Canard enchaîné, des informations reprises par
                # l'AFP": two relays in reading order
                relays.append(Relay((pub.end(), m.start()), media_only=True))
                origin_end = pub.start()
            relays.append(Relay((m.end(), b)))
            return (a, origin_end), relays, None
    if markers & _REVERSE and p.relay_reverse_re is not None:
        m = p.relay_reverse_re.search(r.view, a, b)
        if m and m.start() > a:
            reverse = (m.end(), b)
            return (a, m.start()), relays, reverse
    if markers & _PUBLICATION and p.relay_publication_re is not None:
        m = p.relay_publication_re.search(r.view, a, b)
        if m and m.start() > a:
            relays.append(Relay((m.end(), b), media_only=True))
            # the mention keeps its publisher: "le panorama publié par l'Anssi" names Anssi
    return (a, b), relays, reverse


def _preposition(r: Reader, a: int, b: int) -> Found | None:
    p = r.p
    s = r.s
    prep = p.preps.get(_norm(r.view[a:b]))
    if prep is None:
        return None
    m_start = b
    if prep.keep:
        m_start = b - len(prep.keep)
    # opening the sentence (after framing segments / a conjunction)?
    seg_a = s.seg_start(a)
    lead_toks = r.toks(seg_a, a)
    leading = all(t.bare in p.conjunctions or t.bare in p.framing_starts for t in lead_toks) and (
        all(r.is_framing(x, y) for x, y in r.segments_before(seg_a))
    )
    if prep.weak in ("kind", "person") and not leading:
        return None
    ms, me, ctx = r.forward_np(m_start, stop_at_prepositions=False, absorb=True, leading=leading)
    if me <= ms:
        return None
    (os_, oe), relays, reverse = _split_relays(r, ms, me)
    # "<prep> X, who cites Y": the next segment may hold a reverse relay
    if reverse is None and me < s.end and p.relay_reverse_re is not None:
        nxt = me + 1
        while nxt < s.end and r.view[nxt] == " ":
            nxt += 1
        mm = p.relay_reverse_re.match(r.view, nxt)
        if mm:
            reverse = (mm.end(), s.seg_end(mm.end()))
            me = reverse[1]
    if leading:
        # "<prep> un élu, qui s'exprime sous couvert d'anonymat, <claim>": past the relative
        end = ctx if ctx is not None and ctx > me and ctx < s.end else me
        after = end + 1 if end < s.end else end
        claim = (after, s.end)
    else:
        claim = _claim_around(r, a, me)
    return (
        Found(
            "prep",
            (a, b if not prep.keep else m_start),
            claim,
            (os_, oe),
            relays=relays,
            reverse_origin=reverse,
            region=(r.sep_right_before(a) or a, me),
            context_end=ctx,
            trailing=not leading,
        )
        if _prep_ok(r, prep.weak, os_, oe)
        else None
    )


_ACRONYM = re.compile(r"[A-ZÀ-ÖØ-Þ]{2}")  # two capitals in a row: "SE-Unsa", "EDF"


def _prep_ok(r: Reader, weak: str | None, a: int, b: int) -> bool:
    p = r.p
    ts = r.toks(a, b)
    if not ts:
        return False
    head_words = [t.bare for t in ts[:4] if t.bare not in p.determiners]
    if head_words and head_words[0] in p.non_sources:
        head_at = next(k for k, t in enumerate(ts) if t.bare not in p.determiners)
        if not names_a_source(ts, head_at, p):  # (but "<prep> un article du Monde")
            return False
    if any(w in p.fiction for w in head_words[:2]):
        return False
    if weak is None:
        return True  # a plain cue preposition: any noun phrase but the two above
    words = [t.bare for t in ts]
    if weak in ("kind", "person") and len(ts) == 1 and ts[0].bare in p.pronouns:
        return True  # "Pour elle, la majorité a préféré …": a speaker named before
    if weak == "kind" and any(_ACRONYM.search(t.text) for t in ts):
        return True  # "Pour le SE-Unsa, …", "Pour EDF, …": an organisation's acronym
    if weak == "kind":
        # a title or an institution, not a vague group ("Pour les habitants, …", nor "Pour
        # les salariés du site": a kind noun in a complement does not count), or a name
        # with a title ("Pour Jeanne Roux, analyste chez …")
        head = []
        for t in ts:
            if head and (t.bare in p.prepositions or t.bare in p.complement_markers):
                break
            head.append(t.bare)
        if any((w in p.kinds or w in p.person_gender) and w not in p.vague_nouns for w in head):
            return True
        return any(t.cap for t in ts) and any(w in p.kinds or w in p.person_gender for w in words)
    if weak == "name":
        return any(t.cap for t in ts) or any(w in p.kinds for w in words)
    if weak == "person":
        return any(w in p.person_gender for w in words)
    return True


def _possessive_prep(r: Reader, a: int, b: int) -> Found | None:
    """ "à ses yeux", "by her own account": the possessive pronoun is the source."""
    for t in r.toks(a, b):
        if t.bare in r.p.pronouns:
            claim = _claim_around(r, a, b)
            return Found("possessive", (a, b), claim, (t.start, t.end), region=(a, b))
    return None


def _relative_prep(r: Reader, a: int, b: int) -> Found | None:
    """ "…, spotted by the site X, <relative prep> …": the antecedent is the source."""
    s = r.s
    sep = r.sep_right_before(a)
    if sep is None:
        return None
    seg_a = s.seg_start(sep)
    ts = r.toks(seg_a, sep)
    while ts and ts[0].bare in r.p.relatives and seg_a > s.start:
        # "a study …, which X reported on, <relative prep> …": the antecedent comes
        # before the other relative clause
        sep = seg_a - 1
        seg_a = s.seg_start(sep)
        ts = r.toks(seg_a, sep)
    if not ts:
        return None
    start = ts[0].start
    for t in reversed(ts):
        if t.bare in r.p.agent:
            start = t.end
            break
    else:
        for t in ts:
            if t.bare not in r.p.framing_starts:
                start = t.start
                break
    prep = r.p.preps.get(_norm(r.view[a:b]))
    if prep is not None and prep.weak and not _prep_ok(r, "person", start, sep):
        return None  # "une personnalité rigide, pour qui …": not someone who speaks
    return Found("relative", (a, b), (b, s.end), (start, sep), region=(sep, b))


# punctuation that ends a phrase or opens a quotation
_STOPS = re.compile('[,;:()«»"\u201c\u201d]')


# --- the words before a cue verb (the patterns looked for there: see _BEFORE_VERB) ------


def _case_pairs() -> tuple[frozenset[str], tuple[str, ...]] | None:
    """IGNORECASE matches a letter with its lower and upper case, and pairs a few more
    ("ſ" with "s", "ı" with "i"): the letters so paired outside ASCII, and those of the text
    that IGNORECASE may match with an ASCII letter of a pattern while their lower case is not
    that letter ("ſ", "ı", and "İ", whose lower case is two characters). None when the regex
    module does not list the pairs."""
    try:
        from re._casefix import _EXTRA_CASES  # (CPython 3.11 on)
    except ImportError:
        return None
    paired = frozenset(chr(c) for k, more in _EXTRA_CASES.items() for c in (k, *more) if c > 127)
    risky = {chr(c) for k, more in _EXTRA_CASES.items() if k < 128 for c in more}
    return paired, (*sorted(risky), "\u0130")


_CASE_PAIRS = _case_pairs()
# ``_before_verb_leads`` by pack (by id, with the pack: an id is only reused once its object
# is gone; a few packs at most, but tests build many)
_LEADS_BY_PACK: dict[int, tuple[RulePack, int, dict[str, int]]] = {}
_LEADS_BY_PACK_MAX = 16


def before_verb_patterns(p: RulePack) -> tuple[tuple[int, re.Pattern[str] | None], ...]:
    """The pack's patterns of ``_BEFORE_VERB``, each with its bit (None: the pack has none)."""
    return (
        (_AUX, p.auxiliary_re),
        (_PASSIVE, p.passive_re),
        (_NEGATION, p.negation_re),
        (_BACKREF, p.backref_re),
        (_FORWARD, p.relay_forward_re),
        (_REVERSE, p.relay_reverse_re),
        (_PUBLICATION, p.relay_publication_re),
    )


def _before_verb_leads(p: RulePack) -> tuple[RulePack, int, dict[str, int]]:
    """For the pack's patterns of ``_BEFORE_VERB``: the bits of those whose matches may
    open with any word (always searched), and the bits of those each word may open (in lower
    case; see leads.word_leads). Worked out once per pack (then read from _LEADS_BY_PACK)."""
    # (without the regex module's case pairs, every pattern is searched)
    always = _BEFORE_VERB if _CASE_PAIRS is None else 0
    by_word: dict[str, int] = {}
    for bit, rx in before_verb_patterns(p):
        if rx is None or bit & always:
            continue
        lowered = lowered_variant(rx)
        leads = word_leads(lowered) if lowered is not None else None
        # (a lead word's letters must be their own lower case, and IGNORECASE pair none of
        # them with a letter outside ASCII: see _before_verb)
        if (
            leads is None
            or _CASE_PAIRS is None  # (for the type checker: then every bit is in ``always``)
            or any(w != w.lower() or not _CASE_PAIRS[0].isdisjoint(w) for w in leads)
        ):
            always |= bit
            continue
        for w in leads:
            by_word[w] = by_word.get(w, 0) | bit
    if len(_LEADS_BY_PACK) >= _LEADS_BY_PACK_MAX:
        _LEADS_BY_PACK.clear()
    got = _LEADS_BY_PACK[id(p)] = (p, always, by_word)
    return got


def _before_verb(r: Reader, a: int, b: int) -> int:
    """The bits of the patterns of ``_BEFORE_VERB`` that may match in ``view[a:b]``: those
    with a lead word among the words there (or among their runs of word characters: "U.S"),
    and those whose lead words are not known. ``b`` cuts no word (a verb starts there): a
    search up to the middle of a word would see a shorter word there.

    A match starts where no word character comes before, at a run of word characters that
    is one of its pattern's lead words (leads.word_leads, for its lower-case variant). A
    pattern's letters are matched IGNORECASE: a letter of the text matches one of a lead word
    (its own lower case, paired with no letter outside ASCII) exactly when its lower case is
    that letter, but for a few letters of the text (``_CASE_PAIRS[1]``)."""
    p = r.p
    got = _LEADS_BY_PACK.get(id(p))
    if got is None or got[0] is not p:
        got = _before_verb_leads(p)
    _, hits, by_word = got
    if hits == _BEFORE_VERB:
        return hits
    text = r.view[a:b]
    if not text.isascii():
        for c in _CASE_PAIRS[1]:  # (not None: else every pattern is always searched)
            if c in text:
                return _BEFORE_VERB
    s = r.s
    toks = s.toks
    i = s.tok_index(a)
    if i and toks[i - 1].end > a:
        i -= 1  # a word running into the span ("X,did": a run may start inside it)
    for t in toks[i : s.tok_index(b, i)]:
        bare = t.bare
        if bare in by_word:
            hits |= by_word[bare]
        elif not bare.isalnum():  # several runs ("U.S"), or an underscore
            for run in WORD_RUN_RE.findall(bare):
                hits |= by_word.get(run, 0)
    return hits


_PARTICIPLE_ONLY = frozenset({"participle"})  # (a verb form with no tense but the participle)


def _verb(
    r: Reader, vs: int, ve: int, form: VerbForm, zero_that: bool, prior: list[Found]
) -> Found | None:
    p = r.p
    s = r.s
    view = r.view
    if form.clause:
        zero_that = False  # and never a direct object: see VerbForm.clause
    seg_a = s.seg_start(vs)
    participle = "participle" in form.tenses
    participle_only = form.tenses <= _PARTICIPLE_ONLY
    inserted_aux: Token | None = None  # "X a, lui, dénoncé": the auxiliary before an insertion
    if seg_a > s.start and participle and not view[seg_a:vs].strip():
        inserted_aux = _past_insertion(r, seg_a)
        if inserted_aux is not None:
            seg_a = s.seg_start(inserted_aux.start)
    pa = max(seg_a, vs - 80)  # where the auxiliary is looked for (a word there may be cut)
    pre_end = vs
    aux = False
    before_verb = _before_verb(r, seg_a, vs)  # which patterns may match before the verb
    # the auxiliary before the verb, if any (searched once: the passive test needs it too)
    am = (
        p.auxiliary_re.search(view, pa, vs)
        if before_verb & _AUX and p.auxiliary_re is not None
        else None
    )
    # passive: "a été évalué … par X"
    if participle and before_verb & _PASSIVE and p.passive_re is not None:
        pm = p.passive_re.search(view, pa, vs)
        if pm and not (am and am.start() < pm.start()):  # "s'est dit": reflexive, active
            return _passive(r, vs, ve, pm.start())
    if form.passive_only:
        return None
    if form.tense == "present":
        before = s.tok_before(vs)
        if before is not None and before.bare in p.recipients:
            return None  # "is expected to announce": an infinitive, nothing said yet
    between = r.toks(am.start(), vs) if am else []
    if (
        len(between) > 1
        and between[-1].bare in p.prepositions
        and between[-1].low not in p.clitics
        and between[-1].bare not in p.determiners
    ):
        return None  # "were left out of reports submitted to …": a noun after a preposition
    if am and not p.conjunctions.isdisjoint(map(bare_of, between[1:])):
        # "had been followed and added that …", "a assuré que … et indiqué que …": the
        # auxiliary is an earlier verb's; a participle shares it by the coordination, a
        # finite verb has none of its own
        am = None
        aux = participle_only
    if am:
        if any(
            t.bare in p.determiners
            and t.low not in p.clitics
            and t.low not in p.prepositions  # "a d'ores et déjà indiqué"
            and between[i - 1].bare not in p.prepositions  # "a pour sa part décrit"
            for i, t in enumerate(between)
            if i
        ) and not (
            before_verb & _BACKREF
            and p.backref_re is not None
            and p.backref_re.search(view, pa, vs)
        ):
            return None  # "would delay its annual report": a noun, not a verb
        said = next((i for i, t in enumerate(between) if i and t.low in p.verbs), None)
        if said is not None and any(
            t.low in p.complementizers or t.bare in p.complementizers for t in between[said + 1 :]
        ):
            # "a affirmé que la mesure était …": the auxiliary is that of a cue verb before
            # a complementizer; this word (a noun, or a verb) is part of that verb's claim
            return None
        aux = True
        pre_end = am.start()
    elif inserted_aux is not None:
        aux = True
        pre_end = inserted_aux.start
    if participle_only and not aux:
        before = s.tok_before(vs)
        if not (
            before is not None
            and before.bare in p.conjunctions
            and (prior or r._compound_verb(seg_a, before.start))
        ):
            return None  # a bare participle: "dits « cévenols »"
        # "a assuré que « … » et indiqué que …", "a visité le site et assuré que …": it
        # shares the earlier verb's auxiliary
        aux = True
    nxt = s.tok_after(ve)  # the word right after the verb
    if (
        not aux
        and nxt is not None
        and nxt.low in p.auxiliary_words
        and view[ve : nxt.start] == " "
        and not (p.complementizers & {nxt.low, nxt.bare})
    ):
        return None  # "A preliminary report is expected": a noun, the subject of "is"
    if (
        nxt is not None
        and nxt.bare in p.agent
        and not aux
        and participle
        and r.sep_right_before(vs) is None
        and not _means_after(r, nxt)
    ):
        return None  # "the discrepancies identified by the audit": a participle
    ts_pre = r.toks(seg_a, pre_end)
    n_pre = len(ts_pre)
    if not aux and n_pre:
        # a noun, not a verb: the tests below read the words right before the verb (read once:
        # ``w1`` the last, ``w2`` the one before it); an auxiliary makes it a verb
        w1 = ts_pre[-1]
        bare1 = w1.bare
        determiners = p.determiners
        prepositions = p.prepositions
        if (
            bare1 in prepositions
            and w1.low not in p.clitics
            and bare1 not in determiners
            and not view[w1.end : vs].strip(" '")
        ):
            return None  # a noun right after a preposition: "euros de chiffre d'affaires"
        if n_pre >= 2:
            w2 = ts_pre[-2]
            # a noun after an article that follows a preposition: "retenue par le juge
            # d'instruction"
            if (bare1 in determiners or w1.low in determiners) and w2.bare in prepositions:
                return None
            # a noun after an article and an adjective, in object position: "conserverait une
            # nette avance" (but "Un expert avance", "et un expert avance", "le président de la
            # région")
            if n_pre >= 3 and w2.bare in p.det_indefinite:
                w3 = ts_pre[-3]
                if (
                    w2.bare not in p.complement_markers  # ("des": also "of the")
                    and not w1.cap
                    and not w3.cap
                    and bare1 not in p.kinds
                    and bare1 not in p.person_gender
                    and bare1 not in p.vague_nouns
                    and w3.bare not in prepositions
                    and w3.bare not in p.conjunctions
                    and w3.bare not in p.complement_markers
                    and w3.bare not in determiners
                    and w3.low not in p.clitics
                    and not _STOPS.search(view, w3.end, w1.start)  # (one phrase)
                ):
                    return None
            # a noun owned by a name or a possessive, and no source itself: "The committee's
            # own forecasts put …", "cut its profit forecast and said …" (but "The company's
            # spokesman said", "The cable's operators said")
            if (
                bare1 not in p.kinds
                and bare1 not in p.person_gender
                and bare1 not in p.vague_nouns
                and bare1 not in p.transparent
                and bare1 not in p.adverbs
                and not bare1.endswith("s")  # ("The cable's operators said": people)
                and (
                    (n_pre >= 3 and genitive(ts_pre[-3:-1]))
                    or (
                        w2.bare in p.det_possessive and not w1.cap and not view[w1.end : vs].strip()
                    )
                )
            ):
                return None
            if (
                genitive(ts_pre[-2:])
                and view[vs:ve].lower() in p.backref_nouns  # (not "Moody's wrote")
                and not view[w1.end : vs].strip()
            ):
                return None  # "The institute's report concludes …": the cue word is the owned noun
            # a noun after an article and a number: "A 2024 report by the auditor general
            # found …"
            if (
                w1.text.isdigit()
                and (w2.bare in determiners or w2.low in determiners)
                and not view[w1.end : vs].strip()
            ):
                return None
    # adverbs and clitics between subject and verb: "The audit also revealed", "y décrivent"
    while len(ts_pre) > 1 and (
        ts_pre[-1].low in p.clitics
        or ts_pre[-1].bare in p.adverbs
        or ts_pre[-1].low in p.negations  # "X n'a relevé aucune …"
    ):
        pre_end = ts_pre[-1].start
        ts_pre = ts_pre[:-1]
    # (each ``all`` below is tried only when the first word passes: it rarely does)
    if ts_pre and ts_pre[0].low in p.negations and all(t.low in p.negations for t in ts_pre):
        pre_end = ts_pre[0].start  # "X, n'a relevé …": the subject is before the comma
        ts_pre = []
    if (
        len(ts_pre) == 1
        and ts_pre[0].bare in p.adverbs
        and r.sep_right_before(ts_pre[0].start) is not None
    ):
        # "X, obtained by Y, later found": a lone adverb is not the subject
        pre_end = ts_pre[0].start
        ts_pre = []
    if form.reflexive and ts_pre and ts_pre[-1].low in p.clitics:
        pre_end = ts_pre[-1].start
        ts_pre = ts_pre[:-1]
    if (
        ts_pre
        and len(ts_pre) <= 2
        and ts_pre[0].low in p.clitics
        and all(t.low in p.clitics for t in ts_pre)
        and r.sep_right_before(ts_pre[0].start) is not None
    ):
        # "…, lui a assuré le préfet": an object clitic, the subject follows the verb
        pre_end = ts_pre[0].start
        ts_pre = []
    if (
        not aux
        and ts_pre
        and ts_pre[0].low in p.clitics
        and all(t.low in p.clitics and t.low in p.determiners for t in ts_pre)
        and r.sep_right_before(ts_pre[0].start) is None
        and not r.toks(s.start, ts_pre[0].start)
    ):
        return None  # "Le chiffre est …": a determiner and a noun opening the sentence
    # negation: "n'a pas souhaité", "did not say"
    if p.negation_re is not None:
        if (
            before_verb & _NEGATION and p.negation_re.search(view, max(seg_a, pre_end - 14), vs)
        ) and not any(t.bare in p.negative_determiners for t in r.toks(ve, s.seg_end(ve))[:6]):
            return None  # but "n'a relevé … aucune pathologie": the claim is negative
        if (
            nxt is not None
            and nxt.bare in p.negations
            and nxt.start - ve <= 1
            and not (p.infinitive_re is not None and p.infinitive_re.match(view, nxt.start))
        ):
            return None  # but "a déclaré n'avoir …": a negated infinitive claim
    # inside a reported clause ("told a tribunal that he had warned"): part of a claim; but
    # "a rappelé que … et a assuré que …": a conjunction, then the speaker's own auxiliary
    # (not used inside the claim) coordinates a second verb of the speaker
    coordinated = False
    if aux and ts_pre and ts_pre[-1].bare in p.conjunctions:
        aux_tok = s.tok_after(pre_end)
        kq = next((k for k, t in enumerate(ts_pre) if p.complementizers & {t.low, t.bare}), None)
        coordinated = (
            aux_tok is not None
            and kq is not None
            and not any(t.low == aux_tok.low for t in ts_pre[kq + 1 : -1])
        )
    elif not aux and ts_pre and ts_pre[-1].bare in p.conjunctions and prior:
        # "estime que … et assure que …", "said that … and insisted that …": a cue verb of
        # the same tense as the sentence's last one, right after a conjunction, coordinates
        # a second verb of the same speaker (a complementizer follows it)
        last = prior[-1]
        last_form = p.verbs.get(_norm(view[last.cue[0] : last.cue[1]]))
        after = s.tok_after(ve)
        coordinated = (
            last.kind == "verb"
            and last.cue[1] <= ts_pre[-1].start
            and last_form is not None
            and last_form.tense == form.tense
            and after is not None
            and (after.low in p.complementizers or after.bare in p.complementizers)
        )
    # an infinitive: "plans to add advice", "declined to say": no one says anything yet
    if ts_pre and ts_pre[-1].bare in p.recipients and form.tense == "present" and not aux:
        return None
    # an adjective, not a verb: "an estimated £410,000"
    if (
        ts_pre
        and not aux
        and ts_pre[-1].bare in p.determiners
        and ts_pre[-1].low not in p.clitics
        and not ts_pre[-1].text.isupper()  # "Healthcare Improvement Scotland (HIS) warned"
    ):
        return None
    # Three tests on the words before the verb, read in one pass (each only rules the verb
    # out, so the order they are made in does not matter):
    # - a reported question: "whether its board had told the regulator";
    # - inside a reported clause ("told a tribunal that he had warned"): a complementizer
    #   that opens the words or follows a verb (unless coordinated, above);
    # - "said the findings showed …": with no complementizer, a cue verb then a determiner
    #   before this verb makes it part of the first verb's claim.
    complementizers = p.complementizers
    question_words = p.question_words
    verbs = p.verbs
    zero_that_claim = r.zero_that and not (ts_pre and ts_pre[-1].bare in p.conjunctions and not aux)
    verb_before = False  # whether a word read so far is a verb
    last = len(ts_pre) - 1
    for k, t in enumerate(ts_pre):
        low = t.low
        bare = t.bare
        if bare in question_words and bare not in p.relatives:
            return None
        if (
            not coordinated
            # (or after a conjunction: "…, and that she had told him so": a second clause of
            # an earlier verb's claim)
            and (
                k == 0
                or verb_before
                or (
                    k == 1
                    and ts_pre[0].bare in p.conjunctions
                    and ts_pre[0].bare not in p.subordinators  # ("tandis que": a subordinator)
                )
            )
            and (low in complementizers or bare in complementizers)
        ):
            return None
        v = verbs.get(low)
        if v is not None:
            verb_before = True
            if zero_that_claim and k < last and not v.clause:
                t_next = ts_pre[k + 1]
                if (
                    t_next.bare in p.determiners
                    or t_next.low in p.determiners
                    or t_next.bare in p.pronouns  # "said he would write to …"
                ):
                    return None
    past = form.tense == "past" or (participle and aux) or ("past" in form.tenses and not aux)
    cue = (pre_end if aux else vs, ve)
    if form.tense == "gerund":
        # "…, précisant que …": the subject is the previous source of the sentence
        what = r.after_verb_claim(ve)
        if (
            what is None
            and zero_that
            and nxt is not None
            and (nxt.bare in p.pronouns or nxt.bare in p.determiners)
            and not r.view[ve : nxt.start].strip()
        ):
            what = ("obj", nxt.start)  # "…, saying they had been handed to …"
        if what is None or what[0] not in ("that", "colon", "inf", "obj"):
            return None
        if (
            prior
            and prior[-1].claim[0] < vs < prior[-1].claim[1]
            and r.sep_right_before(vs) is None
        ):
            return None  # "…, with a new label explaining its history": inside the claim
        subject = None
        # "…, tout en rappelant que …": a gerund's markers between the comma and the verb
        gerund_at = vs
        before = s.tok_before(vs)
        for _ in range(2):
            if before is None or before.bare not in p.gerund_markers:
                break
            gerund_at = before.start
            before = s.tok_before(gerund_at)
        if not prior:
            # "X a reconnu des pertes, assurant que …": the subject of the main clause
            sep = r.sep_right_before(gerund_at)
            if sep is None:
                return None
            subject = _subject_prefix(r, s.start, sep)
            if subject is None:
                return None
        return Found(
            "verb",
            (vs, ve),
            (what[1], s.end),
            subject,
            ref="prev" if subject is None else None,
            past=False,
            region=(r.sep_right_before(gerund_at) or vs, what[1]),
        )

    # "C'est ce que révèle X": the claim is the previous sentence (filled in by the engine)
    if before_verb & _BACKREF and p.backref_re is not None:
        bm = None
        for bm_ in p.backref_re.finditer(view, seg_a, vs):
            bm = bm_
        if bm is not None and not view[bm.end() : pre_end].strip(" '"):
            a, b, ctx = r.forward_np(ve, stop_at_prepositions=False, absorb=False, leading=False)
            return Found(
                "backref",
                (bm.start(), ve),
                (s.start, s.start),
                (a, b),
                past=past,
                region=(bm.start(), b),
                context_end=ctx,
            )

    # "Comme le rappelle X, …" / "As X noted, …"
    # (after a colon, a new clause: "… a known blind spot: as X noted, …")
    col = max((c + 1 for c in s.colons if seg_a <= c < vs), default=seg_a) if s.colons else seg_a
    first = r.next_tok(col)  # the first word of the clause, if before the verb
    if first is not None and first.end <= vs and first.bare in p.comparatives:
        seg_e = s.seg_end(ve)
        if view[ve:seg_e].strip() and len(r.toks(ve, seg_e)) <= 12 and pre_end - first.end < 4:
            a, b = ve, seg_e  # "Comme le rappelle The Wall Street Journal"
        else:
            ts = r.toks(first.end, pre_end)
            while ts and ts[0].low in p.clitics:
                ts = ts[1:]
            if not ts:
                return None
            a, b = ts[0].start, ts[-1].end  # "As the charity X noted in …"
        # after a colon, the claim is what follows the comparative clause
        claim = (seg_e + 1, s.end) if col > seg_a else _claim_around(r, seg_a, seg_e)
        return Found("verb", cue, claim, (a, b), past=past, region=(col, seg_e))
    if (
        seg_a > s.start
        and s.toks
        and s.toks[0].bare in p.comparatives
        and not view[seg_a:pre_end].strip()
    ):
        # "As the gallery's keeper of paintings, Harold Drummond, wrote in 1978, …": the
        # comparative clause's subject runs over appositions to the verb
        segs = r.segments_before(seg_a - 1)
        opening = s.toks[0]
        if (
            segs
            and segs[0][0] == s.start
            and len(segs) <= 3
            and all(r.np_like(x, y) for x, y in segs[1:])
            and r.np_like(opening.end, segs[0][1])
        ):
            seg_e = s.seg_end(ve)
            if seg_e < s.end:
                a, b = trim_bounds(view, opening.end, seg_a - 1)
                return Found(
                    "verb", cue, (seg_e + 1, s.end), (a, b), past=past, region=(s.start, seg_e)
                )

    pre_text = view[seg_a:pre_end].strip()
    preceded_by_sep = seg_a > s.start
    # (the separator right after the verb is looked for only when the verb takes an object)
    if form.object and (sep := r.sep_right_after(ve)) is not None:
        nxt_end = s.seg_end(sep + 1)
        if nxt_end < s.end and r._lone_pronoun(sep + 1, nxt_end):
            ve = nxt_end + 1  # "La PEEP dénonce, elle, une réforme …": past the pronoun
    what = r.after_verb_claim(ve)
    rec, after_rec = r.recipient(ve, form)
    if rec is not None and (what is None or what[1] <= after_rec):
        what = r.after_verb_claim(after_rec)
    if what is not None and what[0] == "question":
        return None  # "asked whether …", "X a demandé si …"
    if (
        form.clause
        and (what is None or what[0] not in ("that", "colon") or not _opens_clause(r, ve, what))
        and not _ends_with_quote(view, s.start, seg_a)
        # "…, the court heard.", "…, data from the institute show."
        and not (what is None and seg_a > s.start and _closes_sentence(r, ve))
    ):
        if not (
            what is None
            and r.zero_that
            and ts_pre
            and p.kinds.get(ts_pre[-1].bare) == "document"
            and nxt is not None
            and (nxt.bare in p.determiners or nxt.low in p.determiners)
        ):
            return None  # a clause verb reports a clause or a quotation, never an object
        # "The council's own figures show the lido drew …": a document's finding, with no
        # complementizer where the language may leave it out
        zero_that = True
    # (``nxt`` already is the word after the verb's own end, ``cue[1]``)
    after_tok = nxt if after_rec == cue[1] else r.next_tok(after_rec)
    adjunct_after = (
        after_tok is None
        or after_tok.start >= s.seg_end(after_rec)
        or (
            after_tok.bare in p.prepositions
            # "confirment des observations": a determiner too, so an object may follow
            and not (form.object and after_tok.bare in p.determiners)
            and not _determiner_phrase_at(r, after_tok.start)  # "said at least 31 …"
        )
        or after_tok.bare in p.framing_starts
        or after_tok.bare in p.adverbs
    )

    # elided, relative or impersonal subjects
    ref = None
    if ts_pre and ts_pre[-1].bare in p.conjunctions and pre_text.endswith(ts_pre[-1].text):
        ref = "prev"  # "et affirme que", "but said"
    elif len(ts_pre) == 1 and ts_pre[0].bare in p.subject_relatives:
        ref = "antecedent"  # "…, qui a reconnu que", "…, which said"
    elif len(ts_pre) == 1 and ts_pre[0].low in p.impersonal:
        ref = "impersonal"  # "Chez Enedis, on indiquait que"
    if ref is not None:
        if what is None:
            if not (form.object or zero_that):
                return None
            if ref == "prev" and not prior and form.object:
                return None  # "X fell after Y cut … and announced the departure of …"
            if _refers_back(r, after_rec) or not _object_follows(r, after_rec):
                return None
            what = ("obj", after_rec)
        origin: tuple[int, int] | None = None
        cited_by: list[Relay] = []
        if ref == "antecedent":
            origin = _antecedent(r, seg_a, prior)
            if origin is not None:
                origin, cited_by = _cited_antecedent(r, origin, prior)
        elif ref == "impersonal":
            origin = _impersonal_source(r, ve)
        elif not prior:
            # "X welcomed … but said"; "…, after the carrier cut its forecast and said": the
            # subject of the clause the conjunction goes on with, after its subordinator
            sub = next(
                (
                    k
                    for k in range(len(ts_pre) - 2, -1, -1)
                    if ts_pre[k].bare in p.subordinators and not ts_pre[k].cap
                ),
                None,
            )
            if sub is not None and _np_start(r, ts_pre[sub + 1].start, ts_pre[-1].start):
                origin = _leading_np(r, ts_pre[sub + 1 : -1])
            else:
                origin = _subject_prefix(r, s.start, ts_pre[-1].start)
        else:
            origin = None
            if prior[-1].reverse_origin is None:
                # "Dans un communiqué relayé par Y, X dénonce … et affirme que …": the
                # second verb's words came the same way
                cited_by = list(prior[-1].relays)
        if origin is None and (ref != "prev" or not prior):
            return None
        region_start = ts_pre[-1].start
        return Found(
            "verb",
            cue,
            (what[1], s.end),
            origin,
            ref="prev" if origin is None else None,
            past=past,
            region=(region_start, what[1]),
            recipient=rec,
            relays=cited_by,
        )

    if pre_text:
        # subject right before the verb: "the company said", "Le préfet a prévenu"
        if ts_pre and ts_pre[0].bare in p.relatives:
            return None  # "which obtained the inspection notes": a verb of the relative clause
        if (
            len(ts_pre) > 1
            and ts_pre[-1].bare in p.relatives
            and ts_pre[-1].bare not in p.subject_relatives  # (not "un rapport qui jugeait")
            and not r.view[ts_pre[-1].end : vs].strip()
        ):
            # "Une version que conteste la déléguée, …": an object relative, the subject after
            # the verb; what it says is the antecedent's, not a claim of its own
            return None
        trimmed = _trim_subject(r, ts_pre, pre_end, before_verb)
        if trimmed is None:
            return None
        subject, relay_free = trimmed
        before = view[s.start : seg_a].strip(" ,;")
        pure_np = (
            subject[0] == ts_pre[0].start
            and _np_start(r, *subject)
            and ts_pre[0].bare not in p.relatives
        ) or _ends_with_quote(view, s.start, seg_a)
        if (
            what is None
            and preceded_by_sep
            and adjunct_after
            and before
            and pure_np
            and (
                not (
                    r.is_framing(s.start, s.seg_end(s.start))
                    or r._opening_participle(s.start, s.seg_end(s.start))
                )
                or len(r.segments_before(seg_a - 1)) > 1
                or _ends_with_quote(view, s.start, seg_a)
            )
            # "Citing figures from X, Y said …": what comes before is whom Y cites
            and (s.toks[0].bare not in p.relay_reverse_leads or _fronted_reverse(r, seg_a) is None)
            # "D'après X, le texte évoque également …": what comes before is a cue of its own
            and not any(f.kind == "prep" and f.region[1] < seg_a for f in prior)
        ):
            return _trailing(r, vs, ve, seg_a - 1, subject, past, cue, rec)
        if (
            what is None
            and form.recipient
            and preceded_by_sep
            and pure_np
            and _is_quote(view, s.start, seg_a)
        ):
            # `"…," Liz Ford told a public meeting`: who was told, not what
            return _trailing(r, vs, ve, seg_a - 1, subject, past, cue, rec)
        if what is None:
            if not (form.object or zero_that) or r.sep_right_after(after_rec) is not None:
                return None  # "A police report, obtained by …": a noun, not a verb
            if (
                not form.object
                and after_tok is not None
                and after_tok.bare in p.prepositions
                and not _determiner_phrase_at(r, after_tok.start)  # "said at least two …"
            ):
                # "its profit forecast for the year": a noun, not a verb; but "said on
                # Tuesday it would …": a clause opens with a pronoun after the adjunct
                clause = next(
                    (
                        t
                        for t in r.toks(after_tok.end, s.seg_end(after_tok.end))[:3]
                        if t.bare in p.pronouns and not t.cap
                    ),
                    None,
                )
                if clause is None:
                    return None
                after_rec = clause.start
            if _refers_back(r, after_rec) or not _object_follows(r, after_rec):
                return None
            what = ("obj", after_rec)
        if (
            what[0] == "obj"
            and ts_pre[0].bare in p.det_demonstrative
            and not _names_a_source(r, *subject)
        ):
            return None  # "ces travaux confirment des observations": a fact, not a report
        markers = before_verb & ~_FORWARD if relay_free else before_verb
        origin, relays, reverse = _split_relays(r, *subject, markers)
        claim_end = s.end
        if reverse is None:
            reverse, claim_end = _cited_by_speaker(r, after_rec, what)
        if reverse is None and s.toks[0].bare in p.relay_reverse_leads:
            reverse = _fronted_reverse(r, seg_a)
        if not relays:
            relays = _opening_frame_relays(r, seg_a) or _adjunct_relays(r, after_rec, what[1])
        return Found(
            "verb",
            cue,
            (what[1], claim_end),
            origin,
            past=past,
            region=(seg_a, what[1]),
            recipient=rec,
            relays=relays,
            reverse_origin=reverse,
        )

    # nothing before the verb in its comma segment: "…, a précisé le préfet" (inversion),
    # `"…," its spokesman, Paulo Ventura, said` or "X, appos, VERB …"
    if not preceded_by_sep:
        return None
    if (
        what is None
        and after_tok is not None
        and (after_tok.cap or after_tok.bare in p.determiners)
        and s.seg_start(seg_a - 1) > s.start
        and _ends_with_quote(view, s.seg_start(seg_a - 1), seg_a)
    ):
        # '…, however, and shared code "proves very little", said Marcus Odell': a clause
        # that ends with a quotation, then the verb and its subject
        return _inverted(r, vs, ve, after_rec, past, cue, rec)
    subj = r.backward_subject(seg_a - 1)
    if subj is not None and subj.quote_first and subj.np_like and what is None and adjunct_after:
        return _trailing(
            r, vs, ve, subj.start - 1, (subj.start, subj.end), past, cue, rec, extra=subj.relays
        )
    if (
        what is None
        and subj is not None
        and subj.np_like
        and not subj.quote_first
        and _closes_sentence(r, after_rec)
    ):
        # "Police have opened an inquiry, Jo Kent, a spokesman for the force, said.": nothing
        # but adjuncts follows the verb, so the clause before the named subject is the claim
        alt = r.backward_subject(seg_a - 1, claim_first=True)
        if (
            alt is not None
            and alt.np_like
            and alt.start > s.start
            and len(r.toks(s.start, alt.start)) >= CLAUSE_MIN
            and _np_start(r, alt.start, alt.end)
        ):
            return _trailing(
                r, vs, ve, alt.start - 1, (alt.start, alt.end), past, cue, rec, extra=alt.relays
            )
    if what is None:
        if subj is None or not subj.np_like or subj.quote_first:
            return _inverted(r, vs, ve, after_rec, past, cue, rec)
        if not (form.object or zero_that):
            if (
                after_tok is not None
                and (
                    after_tok.cap
                    or after_tok.bare in p.determiners
                    or after_tok.low in p.determiners
                )
                and len(r.toks(after_rec, s.end)) <= ADJUNCT_MAX
                and s.seg_end(after_rec) == s.end
            ):
                # "…, dans 46 d'entre eux, avait rapporté Reporterre": a verb that takes no
                # object followed by a noun phrase is inverted
                if _subject_and_object(r, subj, after_tok):
                    return None
                return _inverted(r, vs, ve, after_rec, past, cue, rec)
            return None
        if _refers_back(r, after_rec) or not _object_follows(r, after_rec):
            return None
        what = ("obj", after_rec)
    if subj is None or not _np_start(r, subj.start, subj.end):
        return None
    reverse, claim_end = subj.reverse, s.end
    if reverse is None:
        reverse, claim_end = _cited_by_speaker(r, after_rec, what)
    return Found(
        "verb",
        cue,
        (what[1], claim_end),
        (subj.start, subj.end),
        past=past,
        region=(subj.start, what[1]),
        reverse_origin=reverse,
        recipient=rec,
        relays=list(subj.relays) or _adjunct_relays(r, after_rec, what[1]),
        context_end=subj.context_end,
    )


def _subject_and_object(r: Reader, subj: Subject, after_tok: Token) -> bool:
    """ "Le maire, Thierry Castagné, a défendu le projet": a short phrase with no verb,
    naming someone, before the verb, and a phrase naming no one after it (from
    ``after_tok``) are its subject and its object — not a claim and its inverted source."""
    p = r.p
    head = after_tok
    if head.bare in p.determiners or head.low in p.determiners:
        head = r.next_tok(head.end)
    if head is None or _names_a_source(r, head.start, head.end):
        return False
    before = r.toks(subj.start, subj.end)
    return (
        len(before) <= SUBJECT_NP_MAX
        and not any(t.low in p.auxiliary_words for t in before)
        and _names_a_source(r, subj.start, subj.end)
    )


def _names_a_source(r: Reader, a: int, b: int) -> bool:
    """Could ``view[a:b]`` name someone who reports: a name, a pronoun, a source noun?"""
    p = r.p
    return any(
        t.cap
        or t.bare in p.kinds
        or t.bare in p.person_gender
        or t.bare in p.vague_nouns
        or t.bare in p.pronouns
        or t.bare in p.transparent
        for t in r.toks(a, b)
    )


def _determiner_phrase_at(r: Reader, pos: int) -> bool:
    """A determiner of several words starts at ``pos`` ("at least", "more than")."""
    phrases = r.p.determiner_phrases
    if not phrases:
        return False
    head = r.view[pos : pos + 24].lower()
    if not head.startswith(phrases):
        return False  # (one call rules out most words)
    return any(head.startswith(d) and not head[len(d) : len(d) + 1].isalnum() for d in phrases)


def _means_after(r: Reader, by: Token) -> bool:
    """ "replied by email", "confirmed by phone": a means of speaking, not the agent of a
    participle ("identified by the audit")."""
    t = r.s.tok_after(by.end)
    return t is not None and t.bare in r.p.means


def _heard_by_venue(r: Reader, f: Found) -> bool:
    """ "The court heard that …", "the jury was told …": a court, an inquest, a hearing
    stands for what was said before it. Anyone else who heard or was told is not a source."""
    aud = r.p.audience_np_re
    if f.origin is None or f.ref is not None or aud is None:
        return False
    return aud.fullmatch(r.view[f.origin[0] : f.origin[1]].strip()) is not None


def _opens_clause(r: Reader, ve: int, what: tuple[str, int]) -> bool:
    """The clause comes right after the verb, or after an adjunct ("showed in May that"),
    not after a noun ("repeated warnings that": an adjective and a noun's complement)."""
    t = r.next_tok(ve)
    if t is None or t.start >= what[1] - 1 or r.sep_right_after(ve) is not None:
        return True
    p = r.p
    return (
        t.low in p.complementizers
        or t.bare in p.complementizers
        or t.bare in p.prepositions
        or t.bare in p.adverbs
        or t.bare in p.recipients
    )


def _object_follows(r: Reader, pos: int) -> bool:
    """After a verb read as taking an object, is there one? "avance en parallèle": only an
    adjunct, no noun phrase ("a évoqué en conférence de presse une hausse" has one)."""
    p = r.p
    i = r.s.tok_index(pos)  # (the words from ``pos`` on are the sentence's own from i on)
    ts = r.s.toks[i : i + 15]
    if not ts or ts[0].bare not in p.prepositions or ts[0].bare in p.determiners:
        return True
    return (
        any(
            t.bare in p.determiners or t.low in p.determiners or t.text[:1].isdigit()
            for t in ts[1:]
        )
        or "«" in r.view[pos : r.s.end]
    )


def _refers_back(r: Reader, pos: int) -> bool:
    """An object that points back at what was said before ("conteste ces conclusions",
    "denied these reports", "first reported the remarks"): a reaction to a claim, or its
    relay, not a claim of its own."""
    t = r.next_tok(pos)
    if t is None:
        return False
    if t.bare in r.p.det_demonstrative:
        # (but "a qualifié ces informations de « spéculations »": what it calls them)
        return _OPENER_RE.search(r.view, t.end, r.s.seg_end(t.end)) is None
    if t.bare not in r.p.det_definite and t.low not in r.p.det_definite:
        return False
    noun = r.next_tok(t.end)
    if noun is None or noun.bare not in r.p.backref_nouns:
        return False
    # the phrase and at most a short adjunct end the sentence ("the figures showing …" says
    # what they show; "dismissed the findings as "unfounded"" says what they are)
    after = r.next_tok(noun.end)
    return (
        _closes_sentence(r, noun.end)
        and not (after is not None and after.bare in r.p.comparatives)
        and not _STOPS.search(r.view, noun.end, r.s.end)
    )


def _closes_sentence(r: Reader, pos: int) -> bool:
    """Nothing but a short adjunct ("on Tuesday", "in a statement") from ``pos`` to the end
    of the sentence."""
    p = r.p
    ts = r.toks(pos, r.s.end)
    if not ts:
        return True
    if len(ts) > ADJUNCT_MAX or r.s.seg_end(pos) < r.s.end:
        return False
    t = ts[0]
    if _determiner_phrase_at(r, t.start):
        return False  # "said at least 31 updates had failed": a clause
    return t.bare in p.prepositions or t.bare in p.framing_starts or t.bare in p.adverbs


def _np_start(r: Reader, a: int, b: int) -> bool:
    """Does ``view[a:b]`` open like a noun phrase (name, determiner, title, pronoun)?"""
    p = r.p
    t = r.next_tok(a)  # the first word, if it ends by b
    if t is None or t.end > b:
        return False
    if (
        t.cap
        or t.bare in p.determiners
        or t.low in p.determiners
        or t.bare in p.kinds
        or t.bare in p.person_gender
        or t.bare in p.pronouns
        or t.text.isdigit()
        or t.bare in p.vague_nouns
    ):
        return True
    # "civil protection commander X": a title after a few modifiers
    return (
        t.bare not in p.prepositions
        and t.bare not in p.relatives
        and any(x.bare in p.kinds or x.bare in p.person_gender for x in r.toks(a, b)[1:4])
    )


def _subject_prefix(r: Reader, a: int, b: int) -> tuple[int, int] | None:
    """The leading noun phrase of a clause ("Independent experts welcomed …")."""
    p = r.p
    segs = r.segments_before(b)
    start = a
    for i, (x, y) in enumerate(segs):
        seg_ts = r.toks(x, y)
        if r.is_framing(x, y) or (seg_ts and seg_ts[0].bare in p.subordinators):
            continue  # (or a subordinate clause: "If the vote goes to plan, the rents …")
        if (
            i + 1 < len(segs)
            and _detached(r, seg_ts)
            # (but "Tanaka-Ruiz, who built …, was blunt": a relative clause's antecedent)
            and not _opens_with(r, segs[i + 1], p.relatives)
        ):
            continue  # "Plus prudente, Inès Haddou a …": a detached adjective
        start = x
        break
    else:
        if segs:
            start = max(start, segs[-1][1] + 1)  # every segment before frames the clause
    return _leading_np(r, r.toks(start, b))


def _detached(r: Reader, ts: list[Token]) -> bool:
    """A short segment that names no one and holds no verb: a detached adjective ("Plus
    prudente, …", "Première à témoigner, …"), not a subject."""
    p = r.p
    return (
        0 < len(ts) <= 3
        and not any(t.low in p.verbs or t.low in p.auxiliary_words for t in ts)
        and ts[0].bare not in p.determiners
        and not any(
            (t.cap and t.start != r.s.start)
            or t.bare in p.kinds
            or t.bare in p.person_gender
            or t.bare in p.vague_nouns
            for t in ts
        )
    )


def _leading_np(r: Reader, ts: list[Token]) -> tuple[int, int] | None:
    """The noun phrase that opens the words ``ts`` of a clause, when it names a source."""
    p = r.p
    out: list[Token] = []
    for k, t in enumerate(ts):
        if (
            out
            and not t.cap
            and k + 1 < len(ts)
            and (ts[k + 1].bare in p.determiners or ts[k + 1].low in p.determiners)
            and ts[k + 1].bare not in p.complement_markers
            and t.bare not in p.kinds
            and t.bare not in p.person_gender
            and t.bare not in p.determiners
            and t.bare not in p.prepositions
            and not r.view[t.end : ts[k + 1].start].strip()
        ):
            break  # "The mayor defended the plan and said", "The bank cut its rate and
            # said": a verb with its object
        noun_phrase = (
            t.bare in p.determiners
            or t.cap
            or t.bare in p.kinds
            or t.bare in p.person_gender
            or t.bare in p.vague_nouns
        )
        # the head's complements: "l'état-major général des armées maliennes a …"
        complement = (
            out
            and len(out) < APPOSITION_MAX
            and t.low not in p.verbs
            and t.low not in p.auxiliary_words
            and t.bare not in p.negations
            and t.bare not in p.relatives
            and t.low not in p.clitics
            and not r.view[out[-1].end : t.start].strip()
        )
        if not (noun_phrase or complement):
            break
        out.append(t)
    while out and (
        out[-1].bare in p.determiners
        or out[-1].bare in p.prepositions
        or out[-1].low in p.determiners
    ):
        out.pop()
    if not out or not any(t.cap or t.bare in p.kinds or t.bare in p.vague_nouns for t in out):
        return None
    return out[0].start, out[-1].end


def _opens_with(r: Reader, seg: tuple[int, int], words: frozenset[str]) -> bool:
    """The segment's first word (its bare form) is one of ``words``."""
    t = r.next_tok(seg[0])
    return t is not None and t.end <= seg[1] and t.bare in words


def _is_quote(view: str, a: int, b: int) -> bool:
    """A segment that is (mostly) a quotation: it opens with one, or one fills half of it."""
    text = view[a:b].strip(" ,;")
    if text[:1] and text[0] in '«"\u201c':
        return True
    if not _ends_with_quote(view, a, b):
        return False
    opener = max(text.rfind("«"), text.rfind("\u201c"), text[:-1].rfind('"'))
    return opener != -1 and len(text) - opener >= len(text) / 2


def _ends_with_quote(view: str, a: int, b: int) -> bool:
    text = view[a:b].rstrip(" ,;")
    return text != "" and text[-1] in '»"\u201d'


def _trim_subject(
    r: Reader, ts: list[Token], b: int, markers: int
) -> tuple[tuple[int, int], bool] | None:
    """The subject in "a signal the authors said" (the words ``ts`` before the verb, which
    the caller has already read, up to ``b``): from the last determiner that follows a noun
    (not a preposition). ``markers``: the relay markers that may be in ``view[:b]`` (bits of
    ``_RELAYS``). Returns its span, and whether the span is known to hold no forward relay
    marker ("cited by"): ``_split_relays`` need not look for one then."""
    p = r.p
    while ts and (
        ts[0].bare in p.conjunctions
        or ts[0].bare in p.comparatives
        or ts[0].bare in p.subordinators  # "…, quand la direction avance …"
    ):
        ts = ts[1:]
    if not ts:
        return None
    start = ts[0].start
    end = ts[-1].end
    # "des diplomates interrogés … par le site X": the subject holds a relay; look for its
    # start before the relay only
    relay_free = True
    if markers & _FORWARD and p.relay_forward_re is not None:
        m = p.relay_forward_re.search(r.view, start, b)
        # (with none from ``start`` to ``b``, none in the span either: it lies within, and a
        # match ending at a word's end, as the span does, would be one in the wider search)
        relay_free = m is None
        if m is not None and m.start() > start:
            ts = [t for t in ts if t.end <= m.start()] or ts
    for k in range(len(ts) - 2, 0, -1):
        # "three weeks after Whitfield told …": the subject opens the subordinate clause
        if ts[k].bare in p.subordinators and ts[k - 1].bare not in p.determiners:
            ts = ts[k + 1 :]
            start = ts[0].start
            break
    # "A plumber who inspected the heater said": a determiner inside a relative clause on
    # the subject opens the relative's object, not the subject
    last = len(ts) - 1
    for j in range(1, len(ts) - 1):
        if ts[j].bare in p.subject_relatives and ts[j].bare not in p.complementizers:
            last = j - 1
            break
    for k in range(last, 0, -1):
        t = ts[k]
        if (
            (t.bare in p.determiners or t.low in p.determiners)
            and t.bare not in p.clitics
            and t.bare not in p.complement_markers  # "le ministère belge des Affaires …"
            and ts[k - 1].bare not in p.prepositions
            and ts[k - 1].bare not in p.determiners
            and not ts[k - 1].cap
            and ts[k - 1].bare not in p.complement_markers
            and ts[k - 1].bare not in p.conjunctions
        ):
            start = t.start
            break
    if r.view[end : end + 1] == ")" and "(" in r.view[start:end]:
        end += 1  # "La Fédération … (Fnab) dénonce": keep the acronym's parenthesis
        relay_free = False  # (the span no longer ends at a word's end)
    return (start, end), relay_free


def _trailing(
    r: Reader,
    vs: int,
    ve: int,
    claim_end: int,
    subject: tuple[int, int],
    past: bool,
    cue: tuple[int, int],
    rec: tuple[int, int] | None,
    extra: list[Relay] | None = None,
) -> Found:
    """ "…, the company said in a statement", "…, EFE reported in a dispatch relayed by Y"."""
    s = r.s
    relays = list(extra or [])
    seg_e = s.seg_end(ve)
    p = r.p
    if p.relay_forward_re is not None:
        m = p.relay_forward_re.search(r.view, ve, seg_e)
        if m:
            relays.append(Relay((m.end(), seg_e)))
    nxt = s.tok_after(ve)
    if (
        nxt is not None
        and nxt.bare in p.agent
        and " " in r.view[vs:ve].strip()
        and not r.view[ve : nxt.start].strip()
        and r.toks(nxt.end, seg_e)
    ):
        # "was quoted as saying by the daily X": who printed the words
        relays.append(Relay((nxt.end, seg_e)))
    reverse, region_end = _reverse_after(r, seg_e)
    return Found(
        "verb",
        cue,
        (s.start, _mid_sentence(r, claim_end, seg_e)),
        subject,
        past=past,
        trailing=True,
        relays=relays,
        reverse_origin=reverse,
        region=(claim_end, region_end),
        recipient=rec,
    )


def _reverse_after(r: Reader, seg_e: int) -> tuple[tuple[int, int] | None, int]:
    """ "…, Y reported, citing X": the reverse relay in the segment after a closing cue.
    Returns the origin span it names (if any) and the end of the cue's region."""
    p = r.p
    s = r.s
    if p.relay_reverse_re is None or seg_e >= s.end:
        return None, seg_e
    t = s.tok_after(seg_e)
    if t is None:
        return None, seg_e
    if r.view[seg_e : t.start].strip(" ,") or not r.free(t.start, t.end):
        return None, seg_e
    m = p.relay_reverse_re.match(r.view, t.start)
    if m is None:
        return None, seg_e
    end = s.seg_end(m.end())
    if not r.toks(m.end(), end):
        return None, seg_e
    return (m.end(), end), end


def _mid_sentence(r: Reader, claim_end: int, seg_e: int) -> int:
    """ "The plan, the mayor said, would …", "Le plan, a-t-elle assuré, doit …": a cue between
    the subject and the predicate of the claim. Returns where the claim ends: the sentence
    end when the cue sits inside it, else ``claim_end``."""
    s = r.s
    p = r.p
    if seg_e >= s.end or claim_end <= s.start:
        return claim_end
    # (the separators are in order, and none is before the sentence's start)
    if (s.seps and s.seps[0] < claim_end) or (s.quotes and s.quotes[0][0] < claim_end):
        return claim_end  # the part before is a clause or a quotation of its own
    rest = r.toks(seg_e + 1, s.end)
    if len(rest) < 2:
        return claim_end
    t = rest[0]
    if r.view[seg_e + 1 : s.end].lstrip()[:1] in '«"\u201c' and t.cap:
        # a quotation of its own; but one opening on a small letter goes on with the
        # claim's subject: 'The sale, he added, "is the only way …"'
        return claim_end
    for rx in (p.relay_reverse_re, p.relay_forward_re, p.relay_publication_re):
        if rx is not None and rx.match(r.view, t.start):
            return claim_end  # "…, Y reported, citing X": a relay, not the claim's predicate
    if (
        t.bare in p.relatives
        or t.bare in p.conjunctions
        or t.bare in p.framing_starts
        or t.bare in p.prepositions
        or t.low in p.verbs
    ):
        return claim_end
    return s.end


def _inverted(
    r: Reader,
    vs: int,
    ve: int,
    a: int,
    past: bool,
    cue: tuple[int, int],
    rec: tuple[int, int] | None,
) -> Found | None:
    """ "…, a précisé le préfet du Var, Olivier Marchetti, lors d'un point presse"."""
    s = r.s
    p = r.p
    ts = r.toks(a, s.seg_end(a))
    if len(ts) > 2 and p.audience_re is not None:
        # "a déclaré devant les députés la ministre X": the audience is not the speaker
        m = p.audience_re.match(r.view, ts[0].start)
        if m is not None:
            rest = [t for t in ts if t.start >= m.end()]
            if rest and (
                rest[0].bare in p.determiners or rest[0].low in p.determiners or rest[0].cap
            ):
                ts = rest
                a = ts[0].start
                rec = None
    # "a rapporté mardi le quotidien X": a time word or an adverb before the speaker
    k = 0
    while (
        k < min(3, len(ts) - 1)
        and not ts[k].cap
        and (ts[k].bare in p.adverbs or ts[k].bare in p.framing_starts)
        and ts[k].bare not in p.prepositions
        and ts[k].bare not in p.determiners
        and ts[k].bare not in p.conjunctions
        and ts[k].bare not in p.pronouns
    ):
        k += 1
    if (
        not k
        and len(ts) > 4
        and ts[0].bare in p.prepositions
        and ts[1].bare in p.det_possessive
        and not ts[2].cap
    ):
        k = 3  # "a indiqué de son côté le Bureau …", "said for its part the …"
    if (
        not k
        and len(ts) > 3
        and ts[0].bare in p.prepositions
        and ts[0].bare not in p.recipients
        and ts[0].bare not in p.agent
    ):
        # "a plaidé en fin de soirée Me X", "a expliqué dans un communiqué le ministère":
        # an adjunct (preposition, article, nouns) before the speaker
        j = 1
        if ts[j].bare in p.determiners or ts[j].low in p.determiners:
            j += 1
        while (
            j < min(len(ts) - 1, 6)
            and not ts[j].cap
            and (ts[j].bare not in p.determiners or ts[j - 1].bare in p.complement_markers)
        ):
            j += 1
        if j >= 2 and (ts[j].cap or ts[j].bare in p.det_definite):
            k = j
        elif j == 1 and ts[1].cap:
            # "a rétorqué sur Telegram le porte-parole": a name after the preposition, then
            # the speaker's article
            while j < len(ts) - 1 and ts[j].cap:
                j += 1
            if ts[j].bare in p.det_definite or ts[j].low in p.det_definite:
                k = j
    if k and (ts[k].bare in p.determiners or ts[k].low in p.determiners or ts[k].cap):
        ts = ts[k:]
        a = ts[0].start
    if not ts:
        return None
    # "a indiqué à l'AFP une source proche": skip a recipient without a verb flag
    if ts[0].bare in p.recipients and len(ts) > 2:
        for k in range(1, len(ts)):
            if (
                ts[k].bare in p.det_indefinite
                or (ts[k].bare in p.determiners and k > 2)
                or (ts[k].cap and k >= 2 and not ts[k - 1].cap)
            ):
                # "explique au journal Helena Markou": the speaker follows the recipient
                rec = (ts[1].start, ts[k - 1].end)
                a = ts[k].start
                break
    ms, me, ctx = r.forward_np(a, stop_at_prepositions=True, absorb=True, leading=False)
    if me <= ms:
        return None
    head = r.toks(ms, me)
    if not head or not (
        head[0].cap
        or head[0].bare in p.determiners
        or head[0].low in p.determiners
        or head[0].bare in p.kinds
        or head[0].bare in p.person_gender
        or head[0].bare in p.pronouns
        or head[0].text.isdigit()
    ):
        return None
    at = min(vs, cue[0])
    before = s.tok_before(at)
    while before is not None and before.low in p.clitics and r.sep_right_before(at) is None:
        at = before.start  # "…, s'insurge X": the clitic goes with the verb
        before = s.tok_before(at)
    sep = r.sep_right_before(at)
    claim_end = sep if sep is not None else at
    lead = [t for t in r.toks(s.start, claim_end)[:4] if t.bare not in p.determiners]
    if lead and lead[0].bare in p.fiction:
        return None  # "Le film X, sorti en février, raconte …": a plot, the film's subject
    relays = []
    # "…, à l'agence Reuters" after the subject
    if me < s.end:
        nxt = r.toks(me, s.seg_end(me + 1))
        if nxt and nxt[0].bare in p.recipients and rec is None:
            rec = (nxt[1].start, nxt[-1].end) if len(nxt) > 1 else None
    seg_e = s.seg_end(ve)
    if p.relay_forward_re is not None:
        m = p.relay_forward_re.search(r.view, ve, seg_e)
        if m:
            relays.append(Relay((m.end(), seg_e)))
    reverse, region_end = _reverse_after(r, s.seg_end(me)) if me < s.end else (None, me)
    if reverse is None and me < s.end and p.relay_forward_re is not None:
        # "…, a réagi son porte-parole, cité par l'agence TASS"
        t = s.tok_after(me)
        m = p.relay_forward_re.match(r.view, t.start) if t is not None else None
        if m is not None and not r.view[me : t.start].strip(" ,") and r.free(t.start, t.end):
            region_end = s.seg_end(m.end())
            relays.append(Relay((m.end(), region_end)))
    origin = (ms, me)
    fm = p.relay_forward_re.search(r.view, ms, me) if p.relay_forward_re is not None else None
    if fm is not None and fm.start() > ms and r.free(fm.start(), fm.end()):
        # the subject took in its relay apposition: "son porte-parole, cité par l'agence X"
        sep = r.sep_right_before(fm.start())
        origin = (ms, sep if sep is not None else fm.start())
        relays.append(Relay((fm.end(), me)))
    return Found(
        "verb",
        cue,
        (s.start, _mid_sentence(r, claim_end, s.seg_end(me))),
        origin,
        past=past,
        trailing=True,
        relays=relays,
        reverse_origin=reverse,
        region=(claim_end, max(me, region_end)),
        context_end=ctx,
        recipient=rec,
    )


def _passive(r: Reader, vs: int, ve: int, aux_start: int) -> Found | None:
    """ "Le coût a été évalué à 2,3 millions d'euros par un bureau d'études"."""
    p = r.p
    s = r.s
    if _norm(r.view[vs:ve]) not in p.passive_verbs:
        return None
    ts = r.toks(ve, s.end)
    for k, t in enumerate(ts):
        if t.bare in p.agent:
            if 0 < k < len(ts) - 1 and ts[k - 1].bare == ts[k + 1].bare:
                continue  # "hour by hour", "molécule par molécule": no agent
            a, b, ctx = r.forward_np(t.end, stop_at_prepositions=False, absorb=False, leading=False)
            if b <= a:
                return None
            if not _has_value(r.view[s.start : aux_start]) and not _has_value(r.view[ve : t.start]):
                # "L'affaire avait été révélée en 2022 par X": an event made public, no
                # figure nor words put forward (a relay of the previous sentence's claim is
                # still read by the engine from the publication marker)
                return None
            return Found(
                "passive",
                (aux_start, ve),
                (s.start, t.start),
                (a, b),
                region=(t.start, b),
                context_end=ctx,
                trailing=True,
            )
    return None


_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _has_value(text: str) -> bool:
    """A figure (not a year) or a quotation."""
    if any(q in text for q in '«"\u201c'):
        return True
    return any(not _YEAR.fullmatch(m.group()) for m in re.finditer(r"\d[\d.,]*", text))


def _antecedent(r: Reader, seg_a: int, prior: list[Found]) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun ("qui", "which") stands for."""
    sep = seg_a - 1
    for f in reversed(prior):
        if f.origin is not None and abs(f.origin[1] - sep) <= 2:
            return f.origin
        if f.region[1] >= sep - 1 and f.origin is not None and f.region[0] < sep:
            return f.origin
    seg = r.s.seg_start(sep)
    # "…, raconte Giorgos, pêcheur à Gythio, qui dit …": the relative follows an apposition
    # of the source just named
    for f in reversed(prior):
        if f.origin is not None and seg > r.s.start and abs(f.origin[1] - (seg - 1)) <= 2:
            ts = r.toks(seg, sep)
            if ts and not ts[0].cap and ts[0].bare not in r.p.determiners:
                return f.origin
    ts = r.toks(seg, sep)
    if not ts:
        return None
    if seg > r.s.start and r.participial(ts[0]) and not r.citing_at(ts[0].start):
        # "le premier adjoint, Stéphane Verneuil, chargé des finances, qui a dénoncé …": a
        # participial apposition between the relative and the name it stands for
        before = r.s.seg_start(seg - 1)
        named = r.toks(before, seg - 1)
        p = r.p
        if (
            r.np_like(before, seg - 1)
            and any(t.cap and t.start > r.s.start for t in named)
            and not any(t.low in p.verbs or t.low in p.auxiliary_words for t in named)
        ):
            ts = named
    start = ts[0].start
    for t in reversed(ts):
        if t.bare in r.p.agent:
            start = t.end
            break
    return start, ts[-1].end


def _cited_antecedent(
    r: Reader, origin: tuple[int, int], prior: list[Found]
) -> tuple[tuple[int, int], list[Relay]]:
    """ "X reported the cuts, citing two people familiar with the matter, who said …": the
    people cited are the origin and X their relay; what X "reported" was only the topic of
    the claim that follows, so that reading is dropped from ``prior``."""
    rx = r.p.relay_reverse_re
    m = rx.match(r.view, origin[0]) if rx is not None else None
    if m is None or not r.toks(m.end(), origin[1]):
        return origin, []
    cited = (r.toks(m.end(), origin[1])[0].start, origin[1])
    for f in reversed(prior):
        if f.origin is not None and f.origin[1] <= origin[0] and f.ref is None:
            if f.kind == "verb" and f.claim[0] < origin[0] <= f.claim[1]:
                prior.remove(f)
            return cited, [Relay(f.reverse_origin or f.origin)]
    return cited, []


def _settle(r: Reader, found: list[Found]) -> list[Found]:
    """Nest claims wrapped by a closing cue, and cut opening claims at the next cue."""
    if not found:
        return found  # most sentences have no cue
    if len(found) == 1:
        # A single cue has nothing to nest nor to cut: only the empty-claim test applies.
        return found if _has_claim(r, found[0]) else []
    out = list(found)
    # A closing cue whose claim holds another cue relays that cue's claim:
    # "X told a tribunal that …, the trade publication Y reported" -> X -> Y.
    for outer in list(out):
        if not outer.trailing or outer.kind not in ("verb", "prep") or outer not in out:
            continue
        inner = [
            f
            for f in out
            if f is not outer
            and outer.claim[0] <= f.cue[0]
            and f.claim[1] <= outer.region[1] + 1
            and f.cue[1] <= outer.claim[1]
            and f.kind in ("verb", "prep", "inverted")
            and not f.trailing
        ]
        if not inner or outer.origin is None:
            continue
        # "…, the FT reported, citing two officials": the officials relay the claim to the FT
        cited = [Relay(outer.reverse_origin)] if outer.reverse_origin is not None else []
        for f in inner:
            record = outer.kind == "prep" and f.kind == "verb"
            if f.reverse_origin == outer.reverse_origin:
                f.reverse_origin = None  # read after the inner claim, it was the outer's
            f.relays = [*f.relays, *cited, Relay(outer.origin, record=record), *outer.relays]
            f.claim = (f.claim[0], min(f.claim[1], outer.claim[1]))
        out.remove(outer)
    out.sort(key=lambda f: f.cue[0])
    # an opening claim stops where the next cue's text begins (and loses a dangling "et")
    for i, f in enumerate(out):
        for g in out[i + 1 :]:
            start = g.region[0]
            if f.claim[0] < start < f.claim[1] and g.cue[0] > f.cue[0]:
                a, b = f.claim[0], start
                ts = r.toks(a, b)
                while ts and ts[-1].bare in r.p.conjunctions:
                    b = ts[-1].start
                    ts = ts[:-1]
                f.claim = (a, b)
                break
    return [f for f in out if _has_claim(r, f)]


def _has_claim(r: Reader, f: Found) -> bool:
    """The claim holds more than punctuation (a back-reference's claim is elsewhere)."""
    a, b = f.claim
    return f.kind == "backref" or bool(r.view[a:b].strip(' ,;:."«»\u201c\u201d-'))
