"""The whole-text scans that make extraction fast find exactly what the plain patterns find."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.attribution import load_rules
from tui.attribution.cues import _trap_spans

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
texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(min_size=0, max_size=6)), max_size=40
).map(lambda parts: "".join(p + (" " if i % 3 else "") for i, p in enumerate(parts)))


def spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(sorted(PACKS)))
def test_trap_scan_finds_what_the_trap_pattern_finds(text: str, lang: str) -> None:
    pack = PACKS[lang]
    low = text.lower()
    assert pack.trap_after_sep_lower_re is not None  # the packaged traps all open a word
    assert spans(_trap_spans(pack, low)) == spans(pack.trap_lower_re.finditer(low))


def test_a_trap_inside_a_word_keeps_the_plain_scan(tmp_path: Path) -> None:
    """A user's trap that starts with a hyphen ("-disant") cannot use the word-start scan:
    it still blocks the cue it covers."""
    pack_file = tmp_path / "ext.yaml"
    pack_file.write_text("language: fr\ntraps:\n  - '-disant'\n", encoding="utf-8")
    pack = load_rules("fr", pack_file)
    assert pack.trap_after_sep_lower_re is None
    low = "un pré-disant expert, selon les cas."
    found = spans(_trap_spans(pack, low))
    assert (low.index("-disant"), low.index(" expert")) in found
    assert found == spans(pack.trap_lower_re.finditer(low))


def test_trap_at_the_very_start_of_the_text() -> None:
    low = "selon les cas, rien."
    assert spans(_trap_spans(PACKS["fr"], low))[:1] == [(0, len("selon les cas"))]
