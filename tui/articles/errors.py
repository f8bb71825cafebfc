"""The one exception the loader raises, and the internal one its helpers raise."""

from __future__ import annotations


def _one_line(text: str) -> str:
    """Escape newlines and control characters: a file name or a YAML message must not be able
    to break the one-line error or send escape sequences to the terminal."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


class ArticleError(Exception):
    """An article that cannot be loaded; ``str(err)`` is one line: ``"{path}: {reason}"``."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{_one_line(self.path)}: {_one_line(self.reason)}"


class BadText(Exception):
    """Raised by the helpers, which do not know the path; the loader adds it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
