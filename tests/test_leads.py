"""Reading from a pattern the words its matches open with (tui.attribution.leads)."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.attribution import load_rules
from tui.attribution.leads import ANY, word_leads
from tui.attribution.rules import MARKED_PATTERNS, lowered_variant


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bsays?\b", {"say": ANY, "says": ANY}),
        # the next run of word characters, after an apostrophe or a hyphen too
        (r"(?<![\w-])d'après\b", {"d": frozenset({"après"})}),
        (r"(?<![\w-])d'après", {"d": ANY}),  # (the next run may go on: "d'aprèsx")
        (r"\bso-called\b", {"so": frozenset({"called"})}),
        (r"\ba-t-(?:il|elle)\b", {"a": frozenset({"t"})}),
        (r"\bx[-\s]+y\b", {"x": frozenset({"y"})}),
        # "x-y" or "xay"
        (r"\bx[-a]y\b", {"x": frozenset({"y"}), "xay": ANY}),
        (r"\bx\s+y\b", {"x": frozenset({"y"})}),
        (r"\bx\s+[ab]c\b", {"x": frozenset({"ac", "bc"})}),
        (r"\b(?:a|the) (?:said|noted)\b", {w: frozenset({"said", "noted"}) for w in ("a", "the")}),
        # the next word may be "not", any adverb, or a verb: any word
        (r"\bcould(?:\s+not)?(?:\s+\w+ly)?\s+(?:find|reveal)\b", {"could": ANY}),
        # "ment" after the word (a look-ahead) ends it
        (r"\b(?:dit|dits)(?= \w+ment\b)", {"dit": ANY, "dits": ANY}),
        (r"(?<![\w-])as\s+to(?:\s+wh(?:ich|om))?(?:(?<=')|(?![\w]))", {"as": frozenset({"to"})}),
    ],
)  # fmt: skip
def test_opening_words_of_a_pattern(pattern: str, expected: dict) -> None:
    assert word_leads(re.compile(pattern)) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"\bsay",  # may end inside a word: "saying"
        r"\w+ly",  # no list of words
        r"[^\w]foo",  # opens with a non-word character
        r"foo\b",  # asserts no word start: may match inside "xfoo"
        r"\bx(?:y|z)+\b",  # an unbounded word
        r"\bx*",  # may match empty
        r"(?i)\bsaid\b",  # case folding pairs letters beyond their lower case
    ],
)
def test_patterns_whose_opening_words_cannot_be_listed(pattern: str) -> None:
    assert word_leads(re.compile(pattern)) is None


PACKS = {lang: load_rules(lang) for lang in ("fr", "en")}


def _lowered_patterns(lang: str) -> list[re.Pattern[str]]:
    pack = PACKS[lang]
    out = []
    for name in MARKED_PATTERNS:
        rx = getattr(pack, name)
        if rx is not None:
            out.append(pack.trap_lower_re if name == "trap_re" else lowered_variant(rx))
    return out


def test_every_packaged_pattern_has_listed_opening_words() -> None:
    """Else extraction falls back on scanning every character of the text (slower)."""
    for lang, pack in PACKS.items():
        assert pack.word_marks is not None, lang
        for rx in _lowered_patterns(lang):
            assert word_leads(rx) is not None, (lang, rx.pattern[:80])


def _vocabulary(lang: str) -> list[str]:
    words: set[str] = set()
    for rx in _lowered_patterns(lang):
        for lead, then in (word_leads(rx) or {}).items():
            words.add(lead)
            words.update(then or ())
    return sorted(words)


VOCABULARY = {lang: _vocabulary(lang) for lang in PACKS}
GLUE = st.sampled_from([" ", "  ", "\n", ", ", "'", "-", ". ", " « ", '"', "("])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(PACKS)), st.data())
def test_every_match_opens_with_a_listed_word(lang: str, data) -> None:
    """Wherever a packaged pattern matches, the word there is listed, and so is the next
    one when the list names the next words."""
    vocabulary = st.sampled_from(VOCABULARY[lang])
    other = st.text(alphabet="abcdeéilnorstu", min_size=1, max_size=6)
    parts = data.draw(st.lists(st.tuples(st.one_of(vocabulary, other), GLUE), max_size=25))
    text = "".join(w + g for w, g in parts)
    runs = [(m.start(), m.group()) for m in re.finditer(r"\w+", text)]
    for rx in _lowered_patterns(lang):
        leads = word_leads(rx)
        assert leads is not None
        for m in rx.finditer(text):
            q = m.start()
            assert q == 0 or not re.match(r"\w", text[q - 1]), (rx.pattern[:60], text, q)
            k = next(i for i, (at, _) in enumerate(runs) if at == q)
            assert runs[k][1] in leads, (text, q)
            then = leads[runs[k][1]]
            if then is not ANY:
                assert k + 1 < len(runs) and runs[k + 1][1] in then, (text, q)
