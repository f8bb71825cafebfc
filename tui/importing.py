"""Getting articles in from elsewhere: a saved web page (HTML) or standard input.

HTML goes through trafilatura (an optional extra: `pip install 'sourcecrit[html]'`), which
finds the article among menus, ads and footers and reads its metadata; the result is saved as
an ordinary article file, `articles/<slug>.txt` with YAML front matter, so every later step
(reader, extractor, annotations that point at the file) works as for any other article.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from tui.model import Article

INSTALL_HINT = "HTML import needs trafilatura: pip install 'sourcecrit[html]'"
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# Under this, trafilatura has found a menu or a cookie banner, not an article.
MIN_ARTICLE_WORDS = 25
MAX_SLUG = 60

_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


class ImportFailure(Exception):
    """An import that cannot be done; the message is one line for the user."""


def is_html_path(name: str) -> bool:
    return name.lower().endswith(HTML_SUFFIXES)


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError:
        raise ImportFailure(INSTALL_HINT) from None
    return trafilatura


def _raw(doc: Any, name: str) -> Any:
    # trafilatura 1.x returns a dict, 2.x a Document object (None when nothing is found).
    if doc is None:
        return None
    return doc.get(name) if isinstance(doc, dict) else getattr(doc, name, None)


def _field(doc: Any, name: str) -> str | None:
    value = _raw(doc, name)
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def _paragraphs(text: str, title: str | None) -> str:
    """trafilatura separates paragraphs with one newline; articles here use a blank line."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if lines and title and lines[0] == title:
        lines = lines[1:]  # the headline repeated as the first paragraph
    return "\n\n".join(lines)


def extract_html(data: bytes, source: str = "page") -> tuple[dict[str, str], str]:
    """(front matter fields, body) of the article in a saved web page."""
    trafilatura = _trafilatura()
    doc = trafilatura.bare_extraction(
        data, with_metadata=True, include_comments=False, include_tables=False
    )
    title = _field(doc, "title")
    body = _paragraphs(_raw(doc, "text") or "", title)
    if len(body.split()) < MIN_ARTICLE_WORDS:
        raise ImportFailure(f"{source}: no article text found in this page")
    meta = {
        "title": title,
        "outlet": _field(doc, "sitename") or _field(doc, "hostname"),
        "url": _field(doc, "url"),
        "author": _field(doc, "author"),
        "published": _field(doc, "date"),
    }
    lang = _HTML_LANG.search(data[:4096])
    if lang:
        meta["language"] = lang.group(1).decode("ascii").lower()
    return {k: v for k, v in meta.items() if v}, body


def article_text(meta: dict[str, str], body: str) -> str:
    """An article file: YAML front matter (safely dumped, so any title is fine) then the body."""
    if not meta:
        return body + "\n"
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{front}---\n{body}\n"


def slugify(text: str) -> str:
    # Punctuation becomes a separator before accents are folded, so ’ splits words like '.
    text = re.sub(r"[\W_]+", " ", text)
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug[:MAX_SLUG].rstrip("-") or "article"


def save_article(text: str, slug: str, workspace: Path) -> Path:
    """Write `articles/<slug>.txt`; the same text again reuses its file, another gets `-2`…"""
    folder = workspace / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    n = 1
    while True:
        path = folder / (f"{slug}.txt" if n == 1 else f"{slug}-{n}.txt")
        if not path.exists():
            path.write_text(text, encoding="utf-8", newline="")
            return path
        if path.read_text(encoding="utf-8", errors="replace") == text:
            return path
        n += 1


def import_html(page: Path, workspace: Path) -> Path:
    """Extract the article of a saved web page into the workspace; return the new file."""
    try:
        data = page.read_bytes()
    except OSError as err:
        raise ImportFailure(f"{page}: {err.strerror or err}") from None
    meta, body = extract_html(data, str(page))
    slug = slugify(meta.get("title") or page.stem)
    return save_article(article_text(meta, body), slug, workspace)


def read_stdin_article(stream: BinaryIO | None = None, language: str | None = None) -> Article:
    """`sourcecrit read -`: the article from standard input (bytes: the loader decodes)."""
    from tui.articles import parse_article

    data = (stream or sys.stdin.buffer).read()
    return parse_article(data, path="<stdin>", language=language)


def reattach_terminal() -> bool:
    """After reading an article from a pipe, give the reader the terminal back as stdin.

    The reader takes its key presses from file descriptor 0; once the pipe is drained that
    is an empty pipe, so point descriptor 0 at the controlling terminal. False when there is
    none (CI, cron): the caller then cannot run the interactive reader.
    """
    import os

    if sys.stdin is not None and sys.stdin.isatty():
        return True
    try:
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return False
    os.dup2(fd, 0)
    os.close(fd)
    return True
