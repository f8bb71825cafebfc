"""Facts a sentence computes once for its readers agree with computing them again."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.attribution import load_rules
from tui.attribution.mentions import name_runs
from tui.attribution.text import build_sentence

PACKS = {lang: load_rules(lang) for lang in ("fr", "en")}
# Capitalised words, words that never name anyone, name particles, titles and lower-case
# words, with blanks or punctuation between them.
WORDS = [
    "Anna",
    "Le",
    "The",
    "Monday",
    "Lundi",
    "de",
    "la",
    "du",
    "of",
    "Mayor",
    "maire",
    "BBC",
    "AFP",
    "Santé",
    "publique",
    "said",
    "a",
    "x",
    "12",
]
# and a few of each pack's never-name words, capitalised ("Lundi", "Monday")
WORDS += [w.capitalize() for pack in PACKS.values() for w in sorted(pack.not_names)[:4]]
SENTENCES = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", " ", ", ", " « ", "  ", "-"])),
    max_size=14,
).map(lambda parts: "".join(w + gap for w, gap in parts))


@settings(max_examples=400)
@given(SENTENCES, st.sampled_from(sorted(PACKS)))
def test_name_runs_from_the_sentences_capitals_are_the_same(text: str, lang: str) -> None:
    """The capitals noted while tokenising are those of the tokens, and name runs read from
    them (never-name words passed over in the loop) are those read from the capitals without
    the never-name words; no run starts at one."""
    pack = PACKS[lang]
    sent = build_sentence(text, 0, 0, len(text), 0)
    toks = sent.toks
    assert sent.caps == [k for k, t in enumerate(toks) if t.cap]
    first = toks[0] if toks else None
    runs = name_runs(text, toks, first, pack, sent.caps)
    # the capitals without the never-name words, as name_runs once filtered them first
    names_only = [k for k in sent.caps if toks[k].bare not in pack.not_names]
    assert runs == name_runs(text, toks, first, pack, names_only)
    assert not any(toks[a].bare in pack.not_names for a, _ in runs)


def test_no_name_run_opens_on_a_never_name_word_after_a_title() -> None:
    """ "Mayor December Anna": past the title "Mayor", "December" opens no name."""
    pack = PACKS["en"]
    text = "Anna, Mayor December Anna "
    sent = build_sentence(text, 0, 0, len(text), 0)
    toks = sent.toks
    runs = name_runs(text, toks, toks[0], pack, sent.caps)
    assert [[t.text for t in toks[a:b]] for a, b in runs] == [["Anna"], ["Anna"]]
