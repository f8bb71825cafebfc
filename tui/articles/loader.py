"""``load_article`` / ``parse_article``: from a file or from memory to an ``Article``."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tui.articles.decoding import text_from_data
from tui.articles.errors import ArticleError, BadText
from tui.articles.frontmatter import split_front_matter
from tui.articles.languages import detect_language, normalise_language
from tui.articles.sentences import split_sentences
from tui.articles.structure import find_boilerplate, find_paragraphs
from tui.model import Article, ArticleMeta

# Read at call time (tests lower it): the largest file we agree to load.
MAX_BYTES = 50 * 1024 * 1024


def _size_reason(size: int | None = None) -> str:
    limit = f"the limit is {MAX_BYTES / 2**20:g} MB"
    if size is None:  # a device or pipe: we only know it went past the limit
        return f"file is too large ({limit})"
    return f"file is too large ({size / 2**20:.1f} MB; {limit})"


def _read_bytes(path: str) -> bytes:
    """The file's bytes, or BadText with a reason a user can act on."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        # Check before reading: a 2 GB file must not be pulled into memory to be refused.
        if stat.S_ISREG(info.st_mode) and info.st_size > MAX_BYTES:
            raise BadText(_size_reason(info.st_size))
        with open(path, "rb") as handle:
            # Devices and pipes have no size: read one byte past the limit to detect it.
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise BadText("no such file") from None
    except PermissionError:
        raise BadText("permission denied") from None
    except IsADirectoryError:
        raise BadText("is a folder, not an article file") from None
    except OSError as err:
        raise BadText(err.strerror or str(err)) from None
    except ValueError:  # a NUL character in the name
        raise BadText("invalid file name") from None
    if len(data) > MAX_BYTES:
        raise BadText(_size_reason())
    return data


def load_article(path: str | Path, language: str | None = None) -> Article:
    """Load an article file. ``language`` ("fr", "en") overrides front matter and detection."""
    name = str(path)
    try:
        data = _read_bytes(name)
    except BadText as err:
        raise ArticleError(name, err.reason) from None
    return parse_article(data, path=name, language=language)


def parse_article(
    data: str | bytes, path: str = "<string>", language: str | None = None
) -> Article:
    """Build an article from text or bytes (stdin, tests); raises ArticleError like a file."""
    try:
        return _build(data, path, language)
    except BadText as err:
        raise ArticleError(path, err.reason) from None


def _build(data: str | bytes, path: str, language: str | None) -> Article:
    if len(data) > MAX_BYTES:
        raise BadText(_size_reason(len(data)))
    if not data:
        raise BadText("empty file")
    text, warnings = text_from_data(data)
    split = split_front_matter(text)
    if not split.body:
        if split.had_front_matter:
            raise BadText("no article text after the front matter")
        raise BadText("empty file (only whitespace)" if text else "empty file")
    warnings.extend(split.warnings)
    effective = _choose_language(language, split.meta, split.body, warnings)
    paragraphs = find_paragraphs(split.body)
    return Article(
        path=path,
        body=split.body,
        meta=split.meta,
        language=effective,
        paragraphs=paragraphs,
        sentences=split_sentences(split.body, paragraphs, effective),
        boilerplate=find_boilerplate(split.body, paragraphs),
        warnings=tuple(warnings),
    )


def _choose_language(
    explicit: str | None, meta: ArticleMeta, body: str, warnings: list[str]
) -> str:
    """Explicit argument, then front matter, then detection; unsupported codes are reported."""
    for origin, value in (("requested", explicit), ("front matter", meta.language)):
        if not value:
            continue
        code = normalise_language(value)
        if code is not None:
            return code
        warnings.append(f"{origin} language {value!r} is not supported; detecting it instead")
    return detect_language(body)
