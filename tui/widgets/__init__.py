"""Textual widgets of the reader."""

from tui.widgets.article_view import ArticleView

__all__ = ["ArticleView"]
