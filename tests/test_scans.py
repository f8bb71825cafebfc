"""The whole-text scans that make extraction fast find exactly what the plain patterns find."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.attribution import load_rules
from tui.attribution.cues import (
    Matches,
    Reader,
    _before_verb,
    _candidate_matches,
    _cue_and_trap_starts,
    _cue_starts,
    _trap_spans,
    before_verb_patterns,
    cue_slots,
    sentence_matches,
)
from tui.attribution.hedges import find_hedges
from tui.attribution.mentions import OUTLET_NAME_REACH, known_outlet_span
from tui.attribution.rules import HEDGE_WORD_BIT
from tui.attribution.text import build_sentence, tokens

PACKS = {lang: load_rules(lang) for lang in ("fr", "en")}
# Pieces of the packaged traps and their neighbours, so generated text hits them often,
# overlapping and back to back.
PIECES = [
    "selon les cas",
    "selon toute vraisemblance",
    "d'après le règlement",
    "pour autant",
    "pour sa part",
    "affirmer sa",
    "on dit",
    "s'est dit",
    "dits «",
    "dit clairement",
    "soi-disant",
    "a été dit de",
    "according to plan",
    "that said",
    "so-called",
    "added up",
    "is said to",
    "per cent",
    "per person per",
    "calls for",
    "could reveal",
    "denied the charges",
    "-",
    "'",
    "«",
    '"',
    "l'",
    "selon",
    "according",
]
# Latin text: lower-casing keeps its length, and no letter in it pairs under IGNORECASE with
# another beyond its lower case ("ſ", dotless "ı"), which is when the lowered scans apply.
LATIN = st.characters(max_codepoint=0x17F, blacklist_characters="ſıİ")
texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(alphabet=LATIN, min_size=0, max_size=6)),
    max_size=40,
).map(lambda parts: "".join(p + (" " if i % 3 else "") for i, p in enumerate(parts)))


def spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(sorted(PACKS)))
def test_trap_scan_finds_what_the_trap_pattern_finds(text: str, lang: str) -> None:
    pack = PACKS[lang]
    low = text.lower()
    assert pack.trap_after_sep_lower_re is not None  # the packaged traps all open a word
    assert spans(_trap_spans(pack, low)) == spans(pack.trap_re.finditer(text))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(sorted(PACKS)))
def test_one_scan_finds_the_cue_starts_and_traps_of_the_two(text: str, lang: str) -> None:
    pack = PACKS[lang]
    low = text.lower()
    assert pack.cue_trap_after_sep_lower_re is not None
    starts, traps = _cue_and_trap_starts(pack, low)
    assert starts == _cue_starts(low, pack.cue_start_re, pack.cue_after_sep_lower_re)
    assert spans(traps) == spans(_trap_spans(pack, low))


def test_a_trap_inside_a_word_keeps_the_plain_scan(tmp_path: Path) -> None:
    """A user's trap that starts with a hyphen ("-disant") cannot use the word-start scan:
    it still blocks the cue it covers."""
    pack_file = tmp_path / "ext.yaml"
    pack_file.write_text("language: fr\ntraps:\n  - '-disant'\n", encoding="utf-8")
    pack = load_rules("fr", pack_file)
    assert pack.trap_after_sep_lower_re is None
    assert pack.cue_trap_after_sep_lower_re is None  # nor the scan shared with the cues
    low = "un pré-disant expert, selon les cas."
    assert (low.index("-disant"), low.index(" expert")) in spans(_trap_spans(pack, low))


def test_a_users_trap_with_a_capital_accent_still_blocks(tmp_path: Path) -> None:
    """A capital outside ASCII ("État") cannot be lowered safely: the trap is scanned as
    written (case-insensitively) and still found in the lower-cased text's offsets."""
    pack_file = tmp_path / "ext.yaml"
    pack_file.write_text("language: fr\ntraps:\n  - '\\bÉtat islamique\\b'\n", encoding="utf-8")
    pack = load_rules("fr", pack_file)
    text = "selon le groupe État islamique, rien."
    traps = Matches(text, pack).in_sentence(0, len(text))[0]
    assert (text.index("État"), text.index(",")) in spans(traps)


def test_trap_at_the_very_start_of_the_text() -> None:
    low = "selon les cas, rien."
    assert spans(_trap_spans(PACKS["fr"], low))[:1] == [(0, len("selon les cas"))]


def _flat_media_re(names: list[str]) -> re.Pattern[str]:
    """The plain form of ``media_re``: every name, longest first."""
    ordered = sorted({" ".join(n.split()) for n in names}, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, n.split())) for n in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


MEDIA_PIECES = sorted(
    {str(n) for pack in PACKS.values() for n in pack.raw["sources"]["media_names"]}
    | {"Le", "The", "Times", "de", "-", " ", "  ", "\n", "s", "’"}
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(st.sampled_from(MEDIA_PIECES), st.text(max_size=4)), max_size=12),
    st.sampled_from(sorted(PACKS)),
)
def test_media_names_pattern_finds_the_longest_name(parts: list[str], lang: str) -> None:
    """The outlet-name pattern is a trie; it finds what the longest-first list finds."""
    pack = PACKS[lang]
    text = " ".join(parts)
    flat = _flat_media_re([str(n) for n in pack.raw["sources"]["media_names"]])
    assert spans(pack.media_re.finditer(text)) == spans(flat.finditer(text))
    assert bool(pack.media_re.fullmatch(text)) == bool(flat.fullmatch(text))


def test_the_longest_outlet_name_wins(tmp_path: Path) -> None:
    pack_file = tmp_path / "ext.yaml"
    pack_file.write_text(
        "language: fr\nsources:\n"
        "  media_names: [Le Monde, Le Monde diplomatique, Le  Monde arabe]\n",
        encoding="utf-8",
    )
    pack = load_rules("fr", pack_file)
    text = "selon Le Monde diplomatique, puis Le Monde, puis Le Monde arabe."
    assert [m.group() for m in pack.media_re.finditer(text)] == [
        "Le Monde diplomatique",
        "Le Monde",
        "Le Monde arabe",
    ]


CUE_PIECES = [
    "a déclaré",
    "A-t-il déclaré",
    "affirme-t-elle",
    "Selon",
    "selon lui",
    "d'après",
    "D'APRÈS",
    "a-t-on appris",
    "said",
    "SAID",
    "According to",
    "told",
    "per",
    "citing",
    "reportedly",
    "state-owned",
    "-",
    "«",
    '"',
    ",",
    "l'",
]
cue_texts = st.lists(
    st.one_of(st.sampled_from(CUE_PIECES), st.text(alphabet="abcdeéèsStT -',.«»", max_size=6)),
    max_size=30,
).map(" ".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(cue_texts, st.sampled_from(sorted(PACKS)))
def test_cue_patterns_on_the_lowered_text_find_what_they_find(text: str, lang: str) -> None:
    """Cue patterns tried at candidate positions of the lower-cased text give the matches
    (as written) that a plain scan of the text gives."""
    pack = PACKS[lang]
    low = text.lower()
    starts = _cue_starts(low, pack.cue_start_re, pack.cue_after_sep_lower_re)
    assert pack.lowered_patterns  # the packaged cue patterns all have a lowered variant
    for name, lowered_rx in pack.lowered_patterns.items():
        rx = getattr(pack, name)
        got = _candidate_matches(rx, lowered_rx, text, low, starts)
        want = list(rx.finditer(text))
        assert [(m.span(), m.group()) for m in got] == [(m.span(), m.group()) for m in want]


HEDGE_PIECES = [
    "aurait",
    "seraient",
    "pourrait",
    "prétendument",
    "il semblerait",
    "reportedly",
    "may",
    "could",
    "is said to",
    "a-t-il",
    "l'aurait",
    "_x",
    "xaurait",
    "pourrait-il",
    "2aurait",
    "2,5",
    "«",
    ",",
]


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(st.sampled_from(HEDGE_PIECES), st.text(alphabet=LATIN, max_size=6)),
        max_size=25,
    ).map(" ".join),
    st.sampled_from(sorted(PACKS)),
    st.data(),
)
def test_hedges_read_from_the_sentences_words_are_the_same(text, lang, data) -> None:
    """Hedge words found from the sentence's tokens (any span, even one cutting a word), or
    from its marks (``HEDGE_WORD_BIT``), are those found by reading the span's own words."""
    pack = PACKS[lang]
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    starts = _cue_starts(text.lower(), pack.cue_start_re, pack.cue_after_sep_lower_re)
    alone = find_hedges(text, start, end, pack, past_cue=False, starts=starts)
    for forms in (None, pack.word_forms):
        sent = build_sentence(text, 0, 0, len(text), 0, forms)
        assert find_hedges(text, start, end, pack, past_cue=False, starts=starts, sent=sent) == (
            alone
        )


def test_hedge_words_are_marked_in_the_words_of_a_sentence() -> None:
    text = "Il aurait-il dit qu'elles seraient L'AURAIENT, Seraient-elles là ?"
    sent = build_sentence(text, 0, 0, len(text), 0, PACKS["fr"].word_forms)
    marked = [re.match(r"\w+", text[q:]).group() for q, bits in sent.marks if bits & HEDGE_WORD_BIT]
    assert marked == ["aurait", "seraient", "AURAIENT", "Seraient"]


def test_a_letter_and_its_lower_case_are_both_word_characters_or_neither() -> None:
    """What the marks of a word rest on: when a word's lower case is as long as the word, its
    runs of word characters are those of the word, at the same offsets."""
    word = re.compile(r"\w")
    for code in range(0x110000):
        c = chr(code)
        low = c.lower()
        if low != c and len(low) == 1:
            assert bool(word.match(c)) == bool(word.match(low)), hex(code)


# Text with words, inner hyphens and number punctuation, apostrophes, separators, dashes
# (spaced and not), brackets and quotation marks, in any order.
STRUCTURED = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(" ,;:()[]-\u2013\u2014'.«»\"\u201c\u201d\n_")),
        st.characters(max_codepoint=0x17F),
    ),
    max_size=80,
)


@settings(max_examples=500)
@given(STRUCTURED, st.data())
def test_words_are_the_matches_of_the_plain_word_pattern(text: str, data) -> None:
    """Tokens come from splitting a slice on the words: the same words, at the same offsets,
    as the word pattern written without possessive repeats finds in that slice."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    plain = re.compile(r"\w+(?:[-.,]\w+)*'?")
    got = [(t.start, t.end, t.text) for t in tokens(text, start, end)]
    assert got == [(m.start(), m.end(), m.group()) for m in plain.finditer(text, start, end)]


PLAIN_STRUCTURE = re.compile(r"[,;:()\[\]]| [-\u2013\u2014] ")


def _plain_structure(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """A sentence's separators and colons (no quotation) from the plain alternation."""
    seps, colons, depth = [], [], 0
    for m in PLAIN_STRUCTURE.finditer(text, start, end):
        i, ch = m.start(), m.group()
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            if ch == "," and text[i - 1 : i].isdigit() and text[i + 1 : i + 2].isdigit():
                continue
            if ch in ",;":
                seps.append(i)
            elif ch == ":":
                colons.append(i)
            elif i > start and m.end() < end:
                seps.append(i + 1)
    return seps, colons


DASHED = st.text(alphabet=st.sampled_from(list(" -\u2013\u2014,;:()[]ab")), max_size=40)


@pytest.mark.parametrize(
    "text",
    ["a - - b", "a - -  - b", "x, y - z", " - a - ", "a -- b - c", "(a - b) - c", "a\u2014 - b"],
)
def test_separators_of_spaced_dashes(text: str) -> None:
    for start in range(len(text)):
        sent = build_sentence(text, 0, start, len(text), 0)
        assert (sent.seps, sent.colons) == _plain_structure(text, start, len(text)), start


@settings(max_examples=1000)
@given(st.one_of(STRUCTURED, DASHED), st.data())
def test_separators_are_those_of_the_plain_alternation(text: str, data) -> None:
    """The structure pattern (from the dash of " - ") gives the separators and colons that
    the alternation of a separator or a spaced dash (from its space) gives, in any slice."""
    text = text.replace('"', "").replace("«", "").replace("»", "").replace("\u201c", "")
    text = text.replace("\u201d", "")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    sent = build_sentence(text, 0, start, end, 0)
    assert (sent.seps, sent.colons) == _plain_structure(text, start, end)


def test_words_stop_before_a_comma_and_a_space() -> None:
    """ "TOULON, 14 oct": the comma after a word is not part of it. (CPython 3.11.0-3.11.4
    match a possessive repeat of a group wrongly and gave "TOULON,": the word pattern must
    not use one.)"""
    text = "TOULON, 14 oct (AFP) - Le port a-t-il 2,5 millions d'euros ? U.S. aid, said."
    assert [t.text for t in tokens(text, 0, len(text))] == [
        "TOULON", "14", "oct", "AFP", "Le", "port", "a-t-il", "2,5", "millions", "d'",
        "euros", "U.S", "aid", "said",
    ]  # fmt: skip


# Phrases of the packaged cue patterns whose first word alone opens no match: the second
# word decides (see leads.word_leads), back to back with the trap pieces.
PAIRS = [
    "according to",
    "in his own words",
    "by her own account",
    "the estimated",
    "it is said",
    "it's said",
    "appears to",
    "is believed",
    "aux yeux de",
    "de source",
    "selon lesquels",
    "à en croire",
    "il semblerait",
    "a pu",
    "fait état",
    "a-t-il déclaré",
    "affirme-t-elle",
    # an apostrophe or a hyphen between the two words (one word of the sentence each, or
    # two runs of one word): the second still decides
    "d'après",
    "c'est ce qu'affirme",
    "so-called",
    "a-t-elle",
]
pair_texts = st.lists(
    st.one_of(
        st.sampled_from(PIECES + PAIRS),
        st.text(alphabet=LATIN, min_size=0, max_size=6),
    ),
    max_size=40,
).map(lambda parts: "".join(p + (" " if i % 3 else "") for i, p in enumerate(parts)))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(pair_texts, st.sampled_from(sorted(PACKS)))
def test_matches_at_the_marked_words_are_those_of_the_whole_text_scan(text: str, lang: str) -> None:
    """Trying the patterns at the words that open one (``Sentence.marks``) finds what the
    scan of the whole text finds, in a sentence, and the same hedges."""
    pack = PACKS[lang]
    sent = build_sentence(text, 0, 0, len(text), 0, pack.word_forms)
    hedge_starts: list[int] = []
    got = sentence_matches(text, text.lower(), sent, pack, cue_slots(pack), hedge_starts)
    matches = Matches(text, pack)
    want = matches.in_sentence(0, len(text))
    assert [spans(ms) for ms in got[1:]] == [spans(ms) for ms in want[1:]]
    if any(got[1:]) or sent.colons:  # (else the traps are not looked for)
        assert spans(got[0]) == spans(want[0])
    for a, b in ((0, len(text)), (len(text) // 3, len(text))):
        assert find_hedges(text, a, b, pack, past_cue=False, starts=hedge_starts) == find_hedges(
            text, a, b, pack, past_cue=False, starts=matches.starts
        )


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=80))
def test_words_of_an_ascii_text_are_the_matches_of_the_plain_word_pattern(text: str) -> None:
    """An ASCII sentence is split with the ASCII flavour of the word pattern: same words."""
    plain = re.compile(r"\w+(?:[-.,]\w+)*'?")
    got = [(t.start, t.end, t.text) for t in tokens(text, 0, len(text))]
    assert got == [(m.start(), m.end(), m.group()) for m in plain.finditer(text)]


OUTLET_PIECES = [
    "Le Canard enchaîné",
    "Canard",
    "The New York Times",
    "York",
    "L'Express",
    "Express",
    "Ouest-France",
    "France 2",
    "France",
    "BBC",
    "x.BBC",
]
outlet_texts = st.lists(
    st.one_of(st.sampled_from(OUTLET_PIECES), st.text(alphabet=LATIN, max_size=5)), max_size=12
).map(" ".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(outlet_texts, st.sampled_from(sorted(PACKS)), st.data())
def test_outlet_span_of_a_word_run_is_the_plain_search(text: str, lang: str, data) -> None:
    """``known_outlet_span`` turns down a run whose first word is in no outlet's name before
    searching: same answer as the search alone, for any run of words."""
    pack = PACKS[lang]
    toks = tokens(text, 0, len(text))
    if not toks:
        return
    i = data.draw(st.integers(0, len(toks) - 1))
    j = data.draw(st.integers(i + 1, len(toks)))
    start, end = toks[i].start, toks[j - 1].end
    want = None
    lo, hi = max(0, start - OUTLET_NAME_REACH), end + OUTLET_NAME_REACH
    for m in pack.media_re.finditer(text, lo, hi):
        if m.start() <= start and end <= m.end() and m.end() - m.start() > end - start:
            want = m.span()
            break
    assert known_outlet_span(text, start, end, pack) == want


# Words that open the patterns looked for before a cue verb (auxiliaries, passives,
# negations, back-references, relay markers), in odd company: hyphens, apostrophes, inner
# full stops, capitals and the letters IGNORECASE pairs with ASCII ones.
BEFORE_VERB_PIECES = [
    "has",
    "had been",
    "was",
    "did not",
    "didn't",
    "never",
    "that is what",
    "cited by",
    "citing",
    "obtained by",
    "a été",
    "n'a pas",
    "c'est ce que",
    "cité par",
    "citant",
    "U.S.had",
    "well-was",
    "HAS",
    "ſaid",
    "İs",
    "ıs",
    ",",
    "-",
    "'",
]
before_verb_texts = st.lists(
    st.one_of(
        st.sampled_from(BEFORE_VERB_PIECES),
        st.text(alphabet=st.characters(max_codepoint=0x17F), min_size=0, max_size=5),
    ),
    max_size=30,
).map(lambda parts: "".join(p + (" " if i % 4 else "") for i, p in enumerate(parts)))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(before_verb_texts, st.sampled_from(sorted(PACKS)), st.data())
def test_patterns_skipped_before_a_verb_have_no_match_there(text: str, lang: str, data) -> None:
    """``_before_verb`` may leave a pattern out only when searching it in the span (up to a
    word's start, as up to a verb) finds nothing: the lead words it reads are a shortcut,
    never a different answer."""
    pack = PACKS[lang]
    sent = build_sentence(text, 0, 0, len(text), 0, pack.word_forms)
    r = Reader(text, sent, pack, [])
    # (the span ends where a word starts, or at the end, as before a verb: it cuts no word)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.sampled_from([t.start for t in sent.toks if t.start >= a] + [len(text)]))
    bits = _before_verb(r, a, b)
    patterns = before_verb_patterns(pack)
    assert all(rx is not None for _, rx in patterns)  # (both packs have all seven)
    for bit, rx in patterns:
        if not bits & bit:
            assert rx.search(text, a, b) is None, (bit, rx.search(text, a, b))
