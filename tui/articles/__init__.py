"""Loading articles: encodings, front matter, sanitising, paragraphs, sentences, boilerplate,
language. No Textual here: everything is plain functions returning ``tui.model.Article``."""

from tui.articles.errors import ArticleError
from tui.articles.languages import detect_language, supported_languages
from tui.articles.loader import load_article, parse_article

__all__ = [
    "ArticleError",
    "detect_language",
    "load_article",
    "parse_article",
    "supported_languages",
]
