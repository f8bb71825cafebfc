"""`--to md`: the review report, rendered by a real Markdown parser (markdown-it-py)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from test_export_common import seed_annotations, seed_body

from tui.exports.markdown import blockquote, export_markdown, inline

markdown_it = pytest.importorskip("markdown_it")


def render(text: str) -> str:
    # html=True: like GitHub and most renderers, raw HTML in the Markdown passes through.
    return markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").render(text)


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.cells: list[list[str]] = []
        self.blockquotes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.stack.append(tag)
        if tag == "tr":
            self.cells.append([])
        if tag in ("td", "th"):
            self.cells[-1].append("")
        if tag == "blockquote":
            self.blockquotes.append("")

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.stack and self.stack[-1] in ("td", "th"):
            self.cells[-1][-1] += data
        if "blockquote" in self.stack:
            self.blockquotes[-1] += data


def parse(markdown: str) -> Collector:
    c = Collector()
    c.feed(render(markdown))
    return c


def test_report_sections_and_content() -> None:
    body = seed_body()
    ann = seed_annotations(body)
    md = export_markdown(ann, body)
    doc = parse(md)
    text = "".join(doc.text)
    assert md.startswith("# Source review: Corée du Nord")
    for heading in ("## Summary", "## Sources", "## Claims"):
        assert heading in md
    assert "NIS (B) → Newsweek (C) → L'Express" in text
    assert "Resting on anonymous origins: 33 % (2/6)" in text
    assert "Resting on a single named source: 67 % (4/6)" in text
    assert "With an inferred link in the chain: 17 % (1/6)" in text
    assert "Longest chain: NIS (B) → Newsweek (C) → L'Express — claim c1" in text
    assert "Korea Herald (media): D — not usually reliable — carries 1 claim" in text
    assert "Credibility: 2 — probably true" in text
    assert "Newsweek link is inferred" in text and "from paragraph order." in text
    # Rejected suggestions are not in the report; claims come in reading order.
    assert "Claim c7" not in text
    order = [md.index(f"### Claim c{i}") for i in range(1, 7)]
    assert order == sorted(order)
    # Quotes are blockquotes holding exactly the article's text.
    c1 = ann.claim("c1")
    assert c1 is not None
    assert doc.blockquotes[0].strip() == c1.span.text(body)
    # The metadata and sources tables have the right shape.
    rows = [r for r in doc.cells if r]
    assert ["Outlet", "L'Express"] in rows
    assert [
        "NIS",
        "intelligence",
        "B — usually reliable",
        "renseignements sud-coréens",
        "South Korea",
    ] in rows


@pytest.mark.parametrize(
    "raw",
    [
        "<script>alert(1)</script>",
        "a | b",
        "`code`",
        "*not emphasis* and _this_",
        "[link](javascript:alert(1))",
        "# not a heading",
        "1. not a list",
        "- not a list",
        "> not a quote",
        "&amp; stays literal",
        "back\\slash",
        "===",
    ],
)
def test_escaping_round_trips_through_a_renderer(raw: str) -> None:
    html = render(inline(raw))
    doc = Collector()
    doc.feed(html)
    assert doc.tags == ["p"], html  # one paragraph, nothing else: no script, code, em, a
    assert "".join(doc.text).strip() == raw
    quoted = parse(blockquote(raw + "\n" + raw))
    assert set(quoted.tags) <= {"blockquote", "p", "br"}, render(blockquote(raw))
    assert raw in quoted.blockquotes[0]


def test_orphan_claims_show_their_last_known_quote() -> None:
    from dataclasses import replace

    from tui.exports.csv_export import export_csv
    from tui.exports.html import export_html
    from tui.model import Span, TextQuote

    body = seed_body()
    ann = seed_annotations(body)
    c1 = ann.claims[0]
    lost = TextQuote("a sentence the outlet later removed")
    ann = ann.replace_claim(replace(c1, span=Span(c1.span.start, c1.span.end, lost)))
    for text in (export_markdown(ann, body), export_html(ann, body), export_csv(ann, body)):
        assert "a sentence the outlet later removed" in text
    assert "not found again" in export_markdown(ann, body)
    # The stale offsets are not highlighted in the HTML article.
    assert 'title="claim c1: attributed claim">la Corée' not in export_html(ann, body)
