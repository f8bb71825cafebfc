"""Unit tests for the pure edit functions (tui/editing.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui import editing
from tui.model import AnnotationSet, Claim, Hop, Source, Span, Status, weakest_reliability

BODY = "Selon le NIS, la Corée a envoyé 15 000 travailleurs. Newsweek cite le NIS. Fin."


def make() -> AnnotationSet:
    nis = Span(9, 12)
    newsweek = Span(53, 61)
    return AnnotationSet(
        article_path="a.txt",
        sources=(
            Source("nis", "NIS", "intelligence"),
            Source("newsweek", "Newsweek", "media"),
            Source("lexpress", "L'Express", "media"),
        ),
        claims=(
            Claim("c1", Span(14, 52), chain=(Hop("nis", nis), Hop("lexpress"))),
            Claim(
                "c2",
                Span(62, 74),
                chain=(Hop("nis", nis, inferred=True), Hop("newsweek", newsweek), Hop("lexpress")),
            ),
        ),
    )


def test_confirm_reject_return_new_values() -> None:
    ann = make()
    confirmed = editing.confirm(ann, "c1")
    assert confirmed.claim("c1").status is Status.CONFIRMED
    assert ann.claim("c1").status is Status.SUGGESTED  # the old value is untouched
    assert editing.reject(confirmed, "c1").claim("c1").status is Status.REJECTED
    assert editing.confirm(confirmed, "c1") is confirmed  # no change: same object


def test_unknown_claim() -> None:
    with pytest.raises(editing.EditError, match="no claim"):
        editing.confirm(make(), "nope")


def test_credibility() -> None:
    ann = editing.set_credibility(make(), "c1", 3)
    assert ann.claim("c1").credibility == 3
    assert editing.set_credibility(ann, "c1", None).claim("c1").credibility is None
    with pytest.raises(editing.EditError):
        editing.set_credibility(ann, "c1", 7)


def test_source_reliability_applies_everywhere() -> None:
    ann = editing.set_source_reliability(make(), "nis", "b")
    assert ann.source("nis").reliability == "B"
    ann = editing.set_source_reliability(ann, "newsweek", "D")
    assert weakest_reliability(ann, ann.claim("c1")) == "B"
    assert weakest_reliability(ann, ann.claim("c2")) == "D"
    with pytest.raises(editing.EditError):
        editing.set_source_reliability(ann, "nis", "G")
    with pytest.raises(editing.EditError):
        editing.set_source_reliability(ann, "ghost", "A")


def test_notes_add_edit_delete() -> None:
    ann = editing.add_note(make(), "c1", "first [/bold]", "2025-01-01T00:00:00")
    ann = editing.add_note(ann, "c1", "second", "2025-01-02T00:00:00")
    notes = ann.claim("c1").notes
    assert [n.text for n in notes] == ["first [/bold]", "second"]
    ann = editing.edit_note(ann, "c1", 0, "first, edited", "2025-01-03T00:00:00")
    note = ann.claim("c1").notes[0]
    assert (note.text, note.created, note.updated) == (
        "first, edited",
        "2025-01-01T00:00:00",
        "2025-01-03T00:00:00",
    )
    ann = editing.delete_note(ann, "c1", 0)
    assert [n.text for n in ann.claim("c1").notes] == ["second"]
    with pytest.raises(editing.EditError):
        editing.delete_note(ann, "c1", 5)
    with pytest.raises(editing.EditError, match="empty"):
        editing.add_note(ann, "c1", "  \n ", "now")


def test_add_source_ids_are_unique_slugs() -> None:
    ann, first = editing.add_source(make(), "Agence Yonhap", "news-agency")
    ann, second = editing.add_source(ann, "Agence  Yonhap", "news-agency")
    assert (first, second) == ("agence-yonhap", "agence-yonhap-2")
    assert ann.source(second).name == "Agence Yonhap"
    _, odd = editing.add_source(ann, "[/bold] ÉÉ", "unknown")
    assert odd == "bold-ee"
    with pytest.raises(editing.EditError):
        editing.add_source(ann, "   ", "media")
    with pytest.raises(editing.EditError):
        editing.add_source(ann, "X", "alien")


def test_set_chain_keeps_article_last() -> None:
    ann = make()
    chain = ann.claim("c2").chain
    reordered = (chain[1], chain[0], chain[2])
    assert editing.set_chain(ann, "c2", reordered).claim("c2").chain == reordered
    with pytest.raises(editing.EditError, match="last"):
        editing.set_chain(ann, "c2", (chain[2], chain[0], chain[1]))
    with pytest.raises(editing.EditError, match="last"):
        editing.set_chain(ann, "c2", ())
    with pytest.raises(editing.EditError, match="no source"):
        editing.set_chain(ann, "c2", (Hop("ghost", Span(0, 1)), chain[2]))


def test_find_mention_prefers_known_then_text() -> None:
    ann = make()
    assert editing.find_mention(ann, BODY, "newsweek", 80) == Span(53, 61)
    ann, yid = editing.add_source(ann, "la corée", "government")
    assert editing.find_mention(ann, BODY, yid, 60) == Span(14, 22)
    ann, ghost = editing.add_source(ann, "Nobody", "unknown")
    assert editing.find_mention(ann, BODY, ghost, 10) is None


def test_article_source_reuses_existing() -> None:
    ann = make()
    assert editing.article_source(ann, "Whatever") == (ann, "lexpress")
    empty = AnnotationSet(article_path="a.txt")
    ann2, sid = editing.article_source(empty, "Le Monde")
    assert ann2.source(sid).name == "Le Monde"
    assert editing.article_source(ann2, "Le Monde")[1] == sid


def test_add_claim_in_reading_order_and_confirmed() -> None:
    ann, cid = editing.add_claim(make(), Span(0, 5), (Hop("lexpress"),), body_length=len(BODY))
    assert [c.id for c in ann.claims] == [cid, "c1", "c2"]
    assert ann.claim(cid).status is Status.CONFIRMED
    assert cid == "c3"
    with pytest.raises(editing.EditError):
        editing.add_claim(ann, Span(3, 3), ())
    with pytest.raises(editing.EditError):
        editing.add_claim(ann, Span(0, 999), (), body_length=len(BODY))


def test_set_claim_span_reorders_and_clears_orphan() -> None:
    ann = editing.set_claim_span(make(), "c1", Span(75, 79), body_length=len(BODY))
    assert [c.id for c in ann.claims] == ["c2", "c1"]
    assert ann.claim("c1").span == Span(75, 79)
    same = editing.set_claim_span(ann, "c1", Span(75, 79))
    assert same is ann


@given(st.lists(st.sampled_from(["a", "x", "1", "6", "rB", "note"]), max_size=30))
def test_random_edits_keep_model_valid(ops: list[str]) -> None:
    ann = make()
    for op in ops:
        if op == "a":
            ann = editing.confirm(ann, "c2")
        elif op == "x":
            ann = editing.reject(ann, "c2")
        elif op.isdigit():
            ann = editing.set_credibility(ann, "c1", int(op))
        elif op == "rB":
            ann = editing.set_source_reliability(ann, "newsweek", "B")
        else:
            ann = editing.add_note(ann, "c1", "n", "t")
    assert {c.id for c in ann.claims} == {"c1", "c2"}


TEXT = "Un deux, trois. Quatre cinq six! Sept."


def sel(move: str, span: Span) -> str:
    sentences = editing.sentence_spans(TEXT, ())
    return editing.adjust_selection(TEXT, sentences, span, move).text(TEXT)


def test_sentence_fallback_split() -> None:
    spans = editing.sentence_spans(TEXT, ())
    assert [s.text(TEXT) for s in spans] == ["Un deux, trois.", "Quatre cinq six!", "Sept."]


def test_selection_by_word() -> None:
    assert sel("end+word", Span(0, 2)) == "Un deux"
    assert sel("end+word", Span(0, 7)) == "Un deux, trois"
    assert sel("end-word", Span(0, 14)) == "Un deux"
    assert sel("end-word", Span(0, 2)) == "Un"  # never empty
    assert sel("start+word", Span(0, 14)) == "deux, trois"
    assert sel("start-word", Span(3, 7)) == "Un deux"


def test_selection_by_sentence() -> None:
    assert sel("end+sentence", Span(0, 2)) == "Un deux, trois."
    assert sel("end+sentence", Span(0, 15)) == "Un deux, trois. Quatre cinq six!"
    assert sel("end-sentence", Span(0, 32)) == "Un deux, trois."
    assert sel("next-sentence", Span(0, 2)) == "Quatre cinq six!"
    assert sel("prev-sentence", Span(16, 22)) == "Un deux, trois."
    assert sel("start-sentence", Span(16, 22)) == "Un deux, trois. Quatre"


def test_find_all_ignores_case_and_accents() -> None:
    body = "Étude, etude, ÉTUDE et Straße"
    assert [s.text(body) for s in editing.find_all(body, "etude")] == ["Étude", "etude", "ÉTUDE"]
    assert [s.text(body) for s in editing.find_all(body, "strasse")] == ["Straße"]
    assert editing.find_all(body, "  ") == []
    assert editing.find_all("[/bold]", "[/") == [Span(0, 2)]


def test_hop_for_found_or_inferred() -> None:
    ann = make()
    assert editing.hop_for(ann, BODY, "newsweek", Span(62, 74)) == Hop("newsweek", Span(53, 61))
    ann, ghost = editing.add_source(ann, "Nobody", "unknown")
    hop = editing.hop_for(ann, BODY, ghost, Span(62, 74))
    assert hop == Hop(ghost, Span(62, 62), inferred=True)
