"""`--to html`: one self-contained, script-free page; parsed, and rendered by Chromium."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_export_common import seed_annotations, seed_body

from tui.exports.html import export_html, highlighted_article
from tui.model import AnnotationSet, Claim, Hop, Source, Span, Status


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.marks: list[tuple[str, str]] = []  # (classes, text)
        self.paragraph_text: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag not in ("br", "meta", "link"):
            self.stack.append((tag, a))
        if tag == "mark":
            self.marks.append((a.get("class") or "", ""))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        names = [t for t, _ in self.stack]
        if "mark" in names and self.marks:
            cls, txt = self.marks[-1]
            self.marks[-1] = (cls, txt + data)
        if any(t == "div" and a.get("lang") for t, a in self.stack) and "sup" not in names:
            self.paragraph_text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def test_html_report_is_self_contained_and_complete() -> None:
    body = seed_body()
    ann = seed_annotations(body)
    html = export_html(ann, body)
    page = parse(html)
    tags = [t for t, _ in page.tags]
    assert "script" not in tags
    assert not any(t in ("link", "img", "iframe") for t in tags)  # nothing fetched
    assert not any(k.startswith("on") for _, a in page.tags for k in a)
    assert tags.count("style") == 1
    # The article text is all there, paragraphs kept, newlines turned into paragraph breaks.
    assert "".join(page.paragraph_text).replace("\n", "") == body.replace("\n\n", "")
    assert tags.count("p") >= body.count("\n\n") + 1
    # Highlights: the claim, its cue, its hedge, and the source named, with the legend classes.
    c1 = ann.claim("c1")
    assert c1 is not None
    claim_text = "".join(t for cls, t in page.marks if "hl-claim" in cls.split())
    assert c1.span.text(body).replace("aurait", "") in claim_text.replace("aurait", "")
    assert ("hl-hedge" in cls and t == "aurait" for cls, t in page.marks)
    assert any("hl-claim" in c and "hl-hedge" in c and t == "aurait" for c, t in page.marks)
    assert any(c == "hl-cue" and t == "Selon" for c, t in page.marks)
    assert any(c == "hl-source" and "(NIS)" in t for c, t in page.marks)
    assert any("hl-anon" in c and "responsables ukrainiens" in t for c, t in page.marks)
    assert any("hl-suggested" in c and "800 dollars" in t for c, t in page.marks)
    ids = {a.get("id") for _, a in page.tags}
    assert {f"claim-c{i}" for i in range(1, 7)} <= ids and "claim-c7" not in ids
    hrefs = {a.get("href") for t, a in page.tags if t == "a"}
    assert "#claim-c1" in hrefs
    text = "".join(page.text)
    assert "NIS (B) → Newsweek (C) → L'Express" in text
    assert "Newsweek link is inferred\nfrom paragraph order." in text


def test_overlapping_spans_become_disjoint_marks() -> None:
    body = "Alpha beta gamma delta epsilon."
    a, b = Span(0, 16), Span(6, 22)  # "Alpha beta gamma" and "beta gamma delta" overlap
    ann = AnnotationSet(
        "x.txt",
        sources=(Source("s", "S"),),
        claims=(
            Claim("a", a, chain=(Hop("s", Span(23, 30)),), status=Status.CONFIRMED),
            Claim("b", b, hedges=(Span(11, 16),), status=Status.CONFIRMED),
        ),
    )
    html = highlighted_article(ann, body, list(ann.claims))
    page = parse(html)
    assert [t for _, t in page.marks] == ["Alpha ", "beta ", "gamma", " delta", "epsilon"]
    assert "hl-hedge" in page.marks[2][0]
    assert html.count("<mark") == html.count("</mark>") == 5


def test_html5lib_parses_without_errors() -> None:
    html5lib = pytest.importorskip("html5lib")
    body = seed_body()
    parser = html5lib.HTMLParser(strict=True)
    parser.parse(export_html(seed_annotations(body), body))  # raises on any parse error


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(
    _chromium() is None, reason="Chromium is not installed (apt-get install chromium)"
)
def test_chromium_renders_the_report(tmp_path: Path) -> None:
    body = seed_body()
    page = tmp_path / "report.html"
    page.write_text(export_html(seed_annotations(body), body), encoding="utf-8")
    png = tmp_path / "report.png"
    profile = tempfile.mkdtemp(dir=tmp_path)
    subprocess.run(
        [
            str(_chromium()),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            f"--screenshot={png}",
            "--window-size=1200,1600",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 50_000  # a blank page compresses to a few KB; this one has text
