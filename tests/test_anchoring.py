"""Quote selectors and re-anchoring of spans in an edited article."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.anchoring import (
    AnchorReport,
    Method,
    SpanRef,
    claim_spans,
    locate,
    map_claim_spans,
    quote_for,
    reanchor,
    reanchor_annotations,
)
from tui.model import AnnotationSet, Claim, Hop, Source, Span, TextQuote

BODY = (
    "Officials met on Monday. The agency said that at least one tanker began leaking "
    "near the station, according to the fire service. Residents were told to stay indoors.\n\n"
    "A spokesman said the spill was contained. Nobody was hurt, he said."
)


def span_of(body: str, text: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return Span(start, start + len(text))


def relocated(old_body: str, new_body: str, text: str) -> tuple[Span, Method]:
    span = span_of(old_body, text)
    found = locate((span.start, span.end), quote_for(span, old_body), new_body)
    return found.span, found.method


# --- quote_for ---------------------------------------------------------------------------


def test_quote_has_exact_text_and_32_chars_of_context() -> None:
    span = span_of(BODY, "at least one tanker began leaking")
    quote = quote_for(span, BODY)
    assert quote.exact == "at least one tanker began leaking"
    assert quote.prefix == BODY[span.start - 32 : span.start]
    assert quote.suffix == BODY[span.end : span.end + 32]


def test_quote_context_is_cut_at_the_edges_of_the_body() -> None:
    quote = quote_for(Span(0, 9), BODY)
    assert (quote.prefix, quote.exact) == ("", "Officials")
    end = quote_for(Span(len(BODY) - 3, len(BODY)), BODY)
    assert end.suffix == ""
    assert len(quote_for(Span(10, 12), BODY, context=4).prefix) == 4


def test_quote_of_an_orphan_is_its_stored_quote() -> None:
    lost = TextQuote("gone", "before ", " after")
    assert quote_for(Span(0, 4, orphan=lost), BODY) == lost


# --- locate / reanchor -------------------------------------------------------------------


def test_unchanged_article_keeps_the_span() -> None:
    span, method = relocated(BODY, BODY, "at least one tanker began leaking")
    assert span == span_of(BODY, "at least one tanker began leaking")
    assert method is Method.KEPT


def test_text_inserted_before_moves_the_span() -> None:
    edited = "UPDATE: this story was corrected. " + BODY
    span, method = relocated(BODY, edited, "at least one tanker began leaking")
    assert span.text(edited) == "at least one tanker began leaking"
    assert method is Method.MOVED


def test_short_quote_prefers_the_occurrence_with_the_same_context() -> None:
    # Two "said": the stored offsets now hold the first one, but the context says the second.
    second = span_of(BODY, "said", 1)
    quote = quote_for(second, BODY)
    edited = BODY.replace("The agency said that", "The agency, they say, was told that", 1)
    edited = "Preamble. " + edited
    found = reanchor((second.start, second.end), quote, edited)
    assert found.orphan is None
    assert edited[found.start - 12 : found.end] == "A spokesman said"


def test_short_quote_elsewhere_without_context_is_not_trusted() -> None:
    span = span_of(BODY, "said", 2)  # "he said." at the very end
    quote = quote_for(span, BODY)
    edited = BODY[: BODY.index("Nobody")]  # the sentence is gone; other "said"s remain
    found = reanchor((span.start, span.end), quote, edited)
    assert found.orphan == quote


def test_whitespace_changes_are_ignored() -> None:
    edited = BODY.replace("one tanker began", "one\n  tanker   began")
    span, method = relocated(BODY, edited, "at least one tanker began leaking")
    assert span.text(edited) == "at least one\n  tanker   began leaking"
    assert method is Method.WHITESPACE


def test_word_changed_inside_the_quote_is_found_by_similarity() -> None:
    edited = BODY.replace("one tanker began leaking", "two tankers began leaking")
    span, method = relocated(BODY, edited, "at least one tanker began leaking")
    assert method is Method.FUZZY
    assert span.text(edited) == "at least two tankers began leaking"


def test_changed_last_word_is_taken_in_whole() -> None:
    text = "A spokesman said the spill was contained"
    edited = "Intro line.\n" + BODY.replace("spill was contained", "spill was stopped")
    span, method = relocated(BODY, edited, text)
    assert method is Method.FUZZY
    assert span.text(edited) == "A spokesman said the spill was stopped"


def test_deleted_sentence_becomes_an_orphan_with_clamped_offsets() -> None:
    text = "A spokesman said the spill was contained."
    edited = BODY.replace(text, "").rstrip()
    span = span_of(BODY, text)
    quote = quote_for(span, BODY)
    found = locate((span.start, span.end), quote, edited)
    assert found.method is Method.ORPHAN
    assert found.span.orphan == quote
    assert 0 <= found.span.start <= found.span.end <= len(edited)


def test_orphan_offsets_are_clamped_to_a_shorter_body() -> None:
    found = reanchor((500, 520), TextQuote("nothing like this at all"), "short")
    assert (found.start, found.end) == (5, 5)
    assert found.orphan is not None


def test_empty_span_is_found_by_its_context() -> None:
    at = BODY.index("Residents")
    span = Span(at, at)
    edited = "New first line.\n" + BODY
    found = reanchor((span.start, span.end), quote_for(span, BODY), edited)
    assert found == Span(at + 16, at + 16)


def test_stays_fast_on_a_large_body() -> None:
    # ~1 MB of text where the quote is gone: every step must stay bounded.
    filler = "".join(f"Paragraph {i} says something rather ordinary. " for i in range(22000))
    big = filler[: len(filler) // 2] + BODY + filler[len(filler) // 2 :]
    assert len(big) > 1_000_000
    text = "at least one tanker began leaking"
    span = span_of(big, text)
    quote = quote_for(span, big)
    edited = big.replace("one tanker began leaking", "two tankers began to leak", 1)
    edited = "Moved. " * 40 + edited
    started = time.perf_counter()
    fuzzy = locate((span.start, span.end), quote, edited)
    orphan = locate((span.start, span.end), quote, edited.replace("at least two tankers", ""))
    elapsed = time.perf_counter() - started
    assert fuzzy.method is Method.FUZZY
    assert fuzzy.span.text(edited).startswith("at least two tankers began")
    assert orphan.method is Method.ORPHAN
    assert elapsed < 2.0


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_text_inserted_outside_the_quote_and_its_context_never_loses_it(data) -> None:
    body = data.draw(st.text(alphabet="ab c\né", min_size=1, max_size=300))
    start = data.draw(st.integers(0, len(body)))
    end = data.draw(st.integers(start, len(body)))
    quote = quote_for(Span(start, end), body)
    lo, hi = start - len(quote.prefix), end + len(quote.suffix)
    places = [p for p in range(len(body) + 1) if p < lo or p > hi]
    if not places:
        return
    at = data.draw(st.sampled_from(places))
    edited = body[:at] + data.draw(st.text(alphabet="ab c\nx", min_size=1)) + body[at:]
    found = locate((start, end), quote, edited)
    assert found.method is not Method.ORPHAN
    assert found.span.text(edited) == quote.exact
    if at > hi:
        assert found.span == Span(start, end)


# --- whole sets --------------------------------------------------------------------------


def make_set(body: str) -> AnnotationSet:
    claim = Claim(
        "c1",
        span_of(body, "at least one tanker began leaking"),
        cue=span_of(body, "said"),
        chain=(Hop("agency", span_of(body, "The agency")), Hop("fire", None)),
        hedges=(span_of(body, "at least"),),
    )
    other = Claim("c2", span_of(body, "A spokesman said the spill was contained."))
    return AnnotationSet(
        "a.txt", sources=(Source("agency", "Agency"), Source("fire", "Fire")), claims=(claim, other)
    )


def quotes_of(annotations: AnnotationSet, body: str) -> dict[SpanRef, TextQuote]:
    return {ref: quote_for(span, body) for c in annotations.claims for ref, span in claim_spans(c)}


def test_claim_spans_and_map_claim_spans_cover_every_span() -> None:
    claim = make_set(BODY).claims[0]
    refs = [ref for ref, _ in claim_spans(claim)]
    assert [r.role for r in refs] == ["span", "cue", "mention", "hedge"]
    assert map_claim_spans(claim, lambda ref, span: span) is claim
    shifted = map_claim_spans(claim, lambda ref, span: Span(span.start + 1, span.end + 1))
    assert [s.start for s in shifted.spans()] == [s.start + 1 for s in claim.spans()]
    assert shifted.chain[1].mention is None


def test_reanchor_annotations_reports_moves_and_orphans() -> None:
    annotations = make_set(BODY)
    quotes = quotes_of(annotations, BODY)
    edited = "Correction appended.\n" + BODY.replace(
        "A spokesman said the spill was contained. ", ""
    )
    result, report = reanchor_annotations(annotations, quotes, edited)
    first = result.claims[0]
    assert first.span.text(edited) == "at least one tanker began leaking"
    assert first.chain[0].mention is not None
    assert first.chain[0].mention.text(edited) == "The agency"
    gone = result.claims[1].span
    assert gone.orphan == quotes[SpanRef("c2", "span")]
    assert [r.ref for r in report.orphans] == [SpanRef("c2", "span")]
    assert len(report.moved) == 4
    lines = report.lines()
    assert "claim c2" in lines[0] and "orphan" in lines[0]
    assert "A spokesman said the spill was contained." in lines[0]
    assert any("claim c1, cue" in line and "moved" in line for line in lines)


def test_unchanged_body_gives_a_clean_report_and_the_same_set() -> None:
    annotations = make_set(BODY)
    result, report = reanchor_annotations(annotations, quotes_of(annotations, BODY), BODY)
    assert result == annotations
    assert report.clean and report == AnchorReport()


def test_orphan_is_found_again_when_the_text_comes_back() -> None:
    annotations = make_set(BODY)
    quotes = quotes_of(annotations, BODY)
    edited = BODY.replace("A spokesman said the spill was contained. ", "")
    lost, _ = reanchor_annotations(annotations, quotes, edited)
    assert lost.orphans()
    # The orphan carries its quote: no separate quotes are needed to bring it back.
    back, report = reanchor_annotations(lost, {}, BODY)
    assert back.claims[1].span == annotations.claims[1].span
    assert not report.orphans
    assert any("found again" in line for line in report.lines())


def test_hand_edited_end_is_corrected_and_reported() -> None:
    annotations = make_set(BODY)
    quotes = quotes_of(annotations, BODY)
    cue = annotations.claims[0].cue
    assert cue is not None
    broken = annotations.replace_claim(
        replace(annotations.claims[0], cue=Span(cue.start, cue.start + 2))
    )
    result, report = reanchor_annotations(broken, quotes, BODY)
    assert result == annotations
    assert [r.ref for r in report.moved] == [SpanRef("c1", "cue")]


@pytest.mark.parametrize("role", ["span", "cue", "mention", "hedge"])
def test_span_ref_labels_are_readable(role: str) -> None:
    label = SpanRef("c7", role, 1).label()
    assert label.startswith("claim c7")
