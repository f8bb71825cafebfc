"""Per-language word lists (from ``languages.yaml``) and cheap language detection."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from tui.articles.yamldata import load_package_yaml

# Detection reads only the start of the body: enough words to decide, constant time on 4 MB.
DETECT_CHARS = 5000
_WORD_RE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class LanguageProfile:
    code: str
    stopwords: frozenset[str]
    abbreviations: frozenset[str]
    abbreviations_any_case: frozenset[str]  # lower-cased
    before_number: frozenset[str]  # lower-cased


@dataclass(frozen=True)
class LanguageTable:
    default: str
    profiles: dict[str, LanguageProfile]


def _words(entry: dict[str, Any], key: str, *, lower: bool = False) -> frozenset[str]:
    values = list(entry.get(key) or ())
    # YAML 1.1 reads a bare `no` as False: refuse it rather than silently matching "false".
    wrong = [v for v in values if not isinstance(v, str)]
    if wrong:
        raise ValueError(f"languages.yaml: {key} has non-word entries {wrong!r}; quote them")
    return frozenset(v.lower() if lower else v for v in values)


@cache
def language_table() -> LanguageTable:
    data = load_package_yaml("languages.yaml")
    profiles = {
        code: LanguageProfile(
            code=code,
            stopwords=_words(entry, "stopwords", lower=True),
            abbreviations=_words(entry, "abbreviations"),
            abbreviations_any_case=_words(entry, "abbreviations_any_case", lower=True),
            before_number=_words(entry, "before_number", lower=True),
        )
        for code, entry in data["languages"].items()
    }
    return LanguageTable(default=data["default"], profiles=profiles)


def supported_languages() -> tuple[str, ...]:
    return tuple(language_table().profiles)


def profile(code: str) -> LanguageProfile:
    table = language_table()
    return table.profiles.get(code) or table.profiles[table.default]


def normalise_language(value: str | None) -> str | None:
    """``"FR"``, ``"fr-FR"``, ``"fr_CA"`` -> ``"fr"``; None when not a supported language."""
    if not value:
        return None
    code = re.split(r"[-_\s]", value.strip().lower(), maxsplit=1)[0]
    return code if code in language_table().profiles else None


def detect_language(text: str) -> str:
    """The language whose stopwords occur most in the start of ``text``; default on a tie."""
    table = language_table()
    counts = Counter(w.lower() for w in _WORD_RE.findall(text[:DETECT_CHARS]))
    scores = {
        code: sum(counts[w] for w in p.stopwords if w in counts)
        for code, p in table.profiles.items()
    }
    best = max(scores.values(), default=0)
    leaders = [code for code, score in scores.items() if score == best]
    if best == 0 or len(leaders) > 1:
        return table.default
    return leaders[0]
