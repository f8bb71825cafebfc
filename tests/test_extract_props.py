"""Property tests: any text gives a well-formed annotation set, and extraction never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.articles import ArticleError, parse_article
from tui.attribution import extract_claims
from tui.model import Article, ArticleMeta, Span

# Words the extractor reacts to, so generated text exercises its paths, not only noise.
CUE_WORDS = [
    "selon",
    "Selon",
    "d'après",
    "a déclaré",
    "a-t-il déclaré",
    "« ",
    " »",
    '"',
    ",",
    ".",
    ":",
    "cités par",
    "according to",
    "said",
    "told",
    "citing",
    "he",
    "elle",
    "aurait",
    "may",
    "reportedly",
    "The",
    "Le",
    "Ministry",
    "X",
    "qui",
    "which",
    "that",
    "que",
    "(NIS)",
    "\n\n",
    "par",
    "by",
    "was",
    "a été",
    "C'est ce que",
    "Comme le rappelle",
    "As",
    "noted",
    " - ",
]
texts = st.lists(
    st.one_of(st.sampled_from(CUE_WORDS), st.text(min_size=0, max_size=12)), max_size=60
).map(" ".join)


def check(article: Article) -> None:
    ann = extract_claims(article)
    body = article.body
    ids = {s.id for s in ann.sources}
    assert len(ids) == len(ann.sources)
    assert ann.meta.language == article.language
    for i, c in enumerate(ann.claims, start=1):
        assert c.id == f"c{i}"
        for span in c.spans():
            assert 0 <= span.start <= span.end <= len(body)
            assert span.text(body) == body[span.start : span.end]
        assert c.chain and c.chain[-1].mention is None
        assert all(h.mention is not None for h in c.chain[:-1])
        assert all(h.source in ids for h in c.chain)
    starts = [c.span.start for c in ann.claims]
    assert starts == sorted(starts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(["fr", "en"]))
def test_parsed_articles(text: str, language: str) -> None:
    try:
        article = parse_article(text, path="<prop>", language=language)
    except ArticleError:
        return
    check(article)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["fr", "en", "de", ""]))
def test_articles_built_directly(text: str, language: str) -> None:
    # no paragraphs or sentences given: the extractor finds its own; odd spans are tolerated
    article = Article(
        path="<direct>",
        body=text,
        meta=ArticleMeta(),
        language=language,
        boilerplate=(Span(0, min(3, len(text))),),
    )
    check(article)
