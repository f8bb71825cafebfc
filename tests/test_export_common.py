"""Fixtures shared by the export tests (hand-built reviews of the seed) and the summary maths.

The other `test_export_*` modules import the builders from here, so the seed review is
written once: offsets are found with `body.index`, never typed in.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tui.articles import load_article
from tui.exports.common import chain_text, paragraph_spans, reported_claims, summarise
from tui.model import AnnotationSet, Claim, Hop, Note, Source, Span, Status, body_sha256

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "articles" / "coree-du-nord-russie.txt"
SEED_REL = "articles/coree-du-nord-russie.txt"

HOSTILE = '<script>alert("x")</script>, --> ]] `tick` | *star* _u_ # [l](j) & \\ "q"\nline2'
HOSTILE_NAME = 'Evil "Agency", <b>bold</b> --> ]] `x` | #1 \\n'


def seed_body() -> str:
    return load_article(SEED).body


def span_of(body: str, text: str, after: int = 0) -> Span:
    start = body.index(text, after)
    return Span(start, start + len(text))


def seed_annotations(body: str | None = None) -> AnnotationSet:
    """A reviewed seed: five confirmed claims, one suggested, one rejected, ratings, notes."""
    body = body if body is not None else seed_body()
    sources = (
        Source("nis", "NIS", "intelligence", ("renseignements sud-coréens",), "B", "South Korea"),
        Source("newsweek", "Newsweek", "media", (), "C"),
        Source("lexpress", "L'Express", "media"),
        Source("industrie", "responsables de l’industrie russe", "anonymous", (), "F"),
        Source("wsj", "The Wall Street Journal", "media", ("WSJ",), "A"),
        Source("anon-officials", "responsables ukrainiens et américains anonymes", "anonymous"),
        Source("nyt", "New York Times", "media", (), "B"),
        Source("koreaherald", "Korea Herald", "media", (), "D", "tabloid-ish?"),
    )
    article = Hop("lexpress")
    nis = span_of(body, "services de renseignements sud-coréens (NIS)")
    c1 = Claim(
        id="c1",
        span=span_of(body, "la Corée du Nord aurait envoyé environ 15 000 travailleurs en Russie"),
        cue=span_of(body, "Selon"),
        chain=(Hop("nis", nis), Hop("newsweek", span_of(body, "Newsweek"), inferred=True), article),
        hedges=(span_of(body, "aurait"),),
        status=Status.CONFIRMED,
        credibility=2,
        notes=(
            Note("Check the NIS report itself.", "2025-05-02T10:00:00Z", "2025-05-02T10:00:00Z"),
            Note(
                "Newsweek link is inferred\nfrom paragraph order.",
                "2025-05-02T10:05:00Z",
                "2025-05-03T08:00:00Z",
            ),
        ),
    )
    c2 = Claim(
        id="c2",
        span=span_of(body, "le nombre de Nord-Coréens entrés en Russie a été multiplié par 12"),
        cue=span_of(body, "selon l’hebdomadaire"),
        chain=(Hop("newsweek", span_of(body, "Newsweek")), article),
        status=Status.CONFIRMED,
        credibility=3,
    )
    c3 = Claim(
        id="c3",
        span=span_of(body, "ces travailleurs pourraient bientôt rejoindre Moscou"),
        cue=span_of(body, "selon les espoirs"),
        chain=(
            Hop("industrie", span_of(body, "plusieurs responsables de l’industrie russe")),
            article,
        ),
        hedges=(span_of(body, "pourraient"),),
        anonymous=True,
        status=Status.CONFIRMED,
        credibility=4,
    )
    c4 = Claim(
        id="c4",
        span=span_of(body, "la Russie fait face à une crise démographique aiguë"),
        cue=span_of(body, "Comme le rappelle"),
        chain=(Hop("wsj", span_of(body, "The Wall Street Journal")), article),
        status=Status.CONFIRMED,
        credibility=2,
    )
    c5 = Claim(
        id="c5",
        span=span_of(body, "ces ouvriers recevraient environ 800 dollars par mois"),
        cue=span_of(body, "Selon", body.index("Selon le Korea")),
        chain=(Hop("koreaherald", span_of(body, "Korea Herald")), article),
        hedges=(span_of(body, "recevraient"),),
        status=Status.SUGGESTED,
    )
    c6 = Claim(
        id="c6",
        span=span_of(body, "un retrait temporaire des forces nord-coréennes"),
        cue=span_of(body, "selon", body.index("selon des responsables")),
        chain=(
            Hop("anon-officials", span_of(body, "responsables ukrainiens et américains anonymes")),
            Hop("nyt", span_of(body, "New York Times")),
            article,
        ),
        anonymous=True,
        status=Status.CONFIRMED,
        credibility=3,
        notes=(
            Note(
                "Anonymous, but the NYT is careful.", "2025-05-04T09:00:00Z", "2025-05-04T09:00:00Z"
            ),
        ),
    )
    rejected = Claim(
        id="c7",
        span=span_of(body, "Pour Kim Jong-un, cette alliance est une planche de salut"),
        chain=(article,),
        status=Status.REJECTED,
    )
    return AnnotationSet(
        article_path=SEED_REL,
        meta=replace(
            load_article(SEED).meta,
            title="Corée du Nord : 15 000 travailleurs envoyés en Russie",
            url="https://www.lexpress.fr/monde/coree-du-nord-russie",
            published="2025-05-05",
        ),
        sha256=body_sha256(body),
        sources=sources,
        claims=(c1, c2, c3, c4, c5, c6, rejected),
    )


def hostile_annotations(body: str | None = None) -> AnnotationSet:
    """The seed review with hostile text in every user-writable string."""
    ann = seed_annotations(body)
    sources = tuple(replace(s, name=f"{s.name} {HOSTILE_NAME}", note=HOSTILE) for s in ann.sources)
    claims = tuple(
        replace(c, notes=(*c.notes, Note(HOSTILE, "2025-05-05T00:00:00Z", "2025-05-05T00:00:00Z")))
        for c in ann.claims
    )
    meta = replace(ann.meta, title=f"Title {HOSTILE_NAME}", author=HOSTILE_NAME)
    return replace(ann, sources=sources, claims=claims, meta=meta)


def confirmed_extracted() -> tuple[AnnotationSet, str]:
    """The extractor's output on the seed with every suggestion confirmed (once it exists)."""
    attribution = pytest.importorskip("tui.attribution")
    if not hasattr(attribution, "extract_claims"):
        pytest.skip("tui.attribution.extract_claims has not landed yet")
    article = load_article(SEED)
    rules = attribution.load_rules(article.language, None)  # as `sourcecrit extract` does
    ann = attribution.extract_claims(article, rules)
    claims = tuple(replace(c, status=Status.CONFIRMED) for c in ann.claims)
    return replace(ann, claims=claims), article.body


# --- the summary -------------------------------------------------------------------------


def test_seed_fixture_spans_are_what_they_say() -> None:
    body = seed_body()
    ann = seed_annotations(body)
    c1 = ann.claim("c1")
    assert c1 is not None and c1.cue is not None
    assert c1.cue.text(body) == "Selon"
    assert chain_text(ann, c1, ratings=True) == "NIS (B) → Newsweek (C) → L'Express"


def test_summary_counts() -> None:
    ann = seed_annotations()
    s = summarise(ann)
    assert s.total == 6  # the rejected suggestion is left out
    assert s.by_status == {"suggested": 1, "confirmed": 5, "rejected": 1}
    assert s.anonymous == 2  # c3 (industry officials), c6 (anonymous officials)
    assert s.single_source == 4  # c2, c3, c4, c5
    assert s.inferred == 1  # c1
    assert s.longest is not None and s.longest.id in {"c1", "c6"}
    assert s.longest.id == "c1"  # ties go to the earlier claim
    # D (Korea Herald) before F; rated A-C sources are not weak links; unrated apart.
    assert [w.source.id for w in s.weakest] == ["koreaherald", "industrie"]
    assert [w.source.id for w in s.unrated] == ["anon-officials"]


def test_reported_claims_in_reading_order() -> None:
    ann = seed_annotations()
    ids = [c.id for c in reported_claims(ann)]
    assert ids == ["c1", "c2", "c3", "c4", "c5", "c6"]


def test_paragraph_spans_cover_the_text() -> None:
    body = "One.\n\nTwo\nlines.\n \nThree."
    assert [s.text(body) for s in paragraph_spans(body)] == ["One.", "Two\nlines.", "Three."]
