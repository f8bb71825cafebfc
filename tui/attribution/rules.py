"""Rule packs: loading, validating, merging and compiling ``rules/<language>.yaml``.

A pack is data only (word lists and a few regular expressions); this module turns it into a
frozen ``RulePack`` of sets, dictionaries and compiled patterns, once per file (cached).

User packs (``--rules FILE``) *extend* the packaged pack of their language: lists are added
to the packaged lists, mappings are merged key by key, scalars replace. A user pack with
``replace: true`` at the top level is used on its own instead (it must then be complete
enough to be useful; missing keys are empty). A user pack whose ``language`` differs from
the article's language does not apply to that article; without a ``language`` key it
applies to every language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from tui.attribution.text import WordForms, is_word_char

try:  # the C loader is much faster; both are safe loaders (no arbitrary objects)
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

RULES_DIR = Path(__file__).resolve().parent / "rules"

# Characters read as their plain equivalents, one for one, so offsets never move.
NORMALISE = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\u2011": "-",
        "\u2010": "-",
    }
)


def normalise(text: str) -> str:
    """``text`` with NORMALISE applied: a chain of replace() calls, much faster than
    str.translate on a large string with a few non-ASCII mappings."""
    for src, dst in NORMALISE.items():
        ch = chr(src)
        if ch in text:
            text = text.replace(ch, dst)
    return text


class RulesError(Exception):
    """A rule pack that cannot be used; ``str()`` is one line naming the file and problem."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = " ".join(str(problem).split())
        super().__init__(f"{self.path}: {self.problem}")


# --- schema ---------------------------------------------------------------------------
# Each key maps to its expected type: "list" of strings, "map" (nested schema), "str",
# "int", "bool", "entries" (list of mappings), "dict" (free mapping of mappings/lists).
_SCHEMA: dict[str, Any] = {
    "language": "str",
    "replace": "bool",
    "words": {
        "determiners": {
            "definite": "list",
            "demonstrative": "list",
            "possessive": "list",
            "indefinite": "list",
        },
        "prepositions": "list",
        "framing_starts": "list",
        "conjunctions": "list",
        "relatives": "list",
        "subject_relatives": "list",
        "complementizers": "list",
        "clitics": "list",
        "negations": "list",
        "question_words": "list",
        "subordinators": "list",
        "topic_frames": "list",
        "means": "list",
        "member_of": "list",
        "negative_determiners": "list",
        "plural_determiners": "list",
        "name_particles": "list",
        "not_names": "list",
        "auxiliaries": "list",
        "passive_auxiliaries": "list",
        "infinitive_starts": "list",
        "impersonal": "list",
        "impersonal_sources": "list",
        "agent": "list",
        "complement_markers": "list",
        "genitive_markers": "list",
        "adverbs": "list",
        "participle_endings": "list",
        "gerund_endings": "list",
        "gerund_markers": "list",
    },
    "cues": {
        "prepositions": "entries",
        "relative_prepositions": "list",
        "possessive_prepositions": "list",
        "comparatives": "list",
        "backreference": "list",
        "recipients": "list",
        "audiences": {"markers": "list", "nouns": "list"},
        "verbs": "entries",
        "passive_verbs": "list",
        "inverted_pronouns": "list",
        "zero_complementizer": "bool",
    },
    "relays": {
        "forward": "list",
        "reverse": "list",
        "publication": "list",
        "publication_gap": "int",
        "backref_nouns": "list",
    },
    "hedges": {
        "words": "list",
        "patterns": "list",
        "exceptions": "list",
        "modal_patterns": "list",
        "always": "list",
        "always_patterns": "list",
    },
    "anonymity": {"markers": "list", "vague_nouns": "list"},
    "sources": {
        "kinds": "dict",
        "persons": "dict",
        "transparent": "list",
        "non_sources": "list",
        "norms": "list",
        "publications": "list",
        "fiction": "list",
        "plot_verbs": "list",
        "media_names": "list",
        "media_name_words": "list",
        "agency_names": "list",
        "descriptions": "dict",
    },
    "pronouns": "dict",
    "continuation_starts": "list",
    "traps": "list",
}

_PREP_KEYS = {"text", "weak", "keep"}
_VERB_KEYS = {
    "present",
    "past",
    "participle",
    "gerund",
    "object",
    "recipient",
    "direct",
    "reflexive",
    "clause",
    "hearing",
}
VERB_FLAGS = ("object", "recipient", "direct", "reflexive", "clause", "hearing")
_PRONOUN_KEYS = {"gender", "number", "person", "possessive", "member", "description", "latest"}


def _validate(data: Any, schema: Mapping[str, Any], path: str, where: str) -> None:
    if not isinstance(data, dict):
        raise RulesError(path, f"{where or 'the pack'} must be a mapping")
    for key, value in data.items():
        if key not in schema:
            raise RulesError(path, f"unknown key {where + '.' if where else ''}{key}")
        expected = schema[key]
        name = f"{where}.{key}" if where else str(key)
        if value is None:
            continue
        if isinstance(expected, dict):
            _validate(value, expected, path, name)
        elif expected == "list":
            if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
                raise RulesError(path, f"{name} must be a list of words")
        elif expected == "str":
            if not isinstance(value, str):
                raise RulesError(path, f"{name} must be text")
        elif expected == "int":
            if not isinstance(value, int) or isinstance(value, bool):
                raise RulesError(path, f"{name} must be a whole number")
        elif expected == "bool":
            if not isinstance(value, bool):
                raise RulesError(path, f"{name} must be true or false")
        elif expected == "entries":
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                raise RulesError(path, f"{name} must be a list of mappings")
            allowed = _PREP_KEYS if key == "prepositions" else _VERB_KEYS
            for entry in value:
                for k in entry:
                    if k not in allowed:
                        raise RulesError(path, f"unknown key {name}[].{k}")
        elif expected == "dict":
            if not isinstance(value, dict):
                raise RulesError(path, f"{name} must be a mapping")
            if key == "pronouns":
                for word, info in value.items():
                    if not isinstance(info, dict) or any(k not in _PRONOUN_KEYS for k in info):
                        raise RulesError(path, f"pronouns.{word} has an unknown key")


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RulesError(path, "no such file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise RulesError(path, f"cannot read: {err}") from None
    try:
        data = yaml.load(text, Loader=_Loader)  # a safe loader (C or pure Python)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(err, "problem", None) or "malformed YAML"
        raise RulesError(path, f"{where}malformed YAML ({problem})") from None
    if data is None:
        data = {}
    _validate(data, _SCHEMA, str(path), "")
    return data


def _merge(base: Any, extra: Any) -> Any:
    """Extend ``base`` with ``extra``: lists add, mappings merge, scalars replace."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = _merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [v for v in extra if v not in base]
    return extra if extra is not None else base


# --- compiled pack ----------------------------------------------------------------------


@dataclass(frozen=True)
class Prep:
    text: str
    # None, "kind" (needs a title/kind noun), "name" (a name or a kind) or "person" (a
    # person's title: "For Jo Kent, senior economist at X, …", not "For families, …")
    weak: str | None
    keep: str | None  # trailing word(s) of the cue that belong to the mention


@dataclass(frozen=True)
class VerbForm:
    tense: str  # present, past, participle, gerund (the first listed for this form)
    tenses: frozenset[str]  # every tense this form has ("said": past and participle)
    object: bool
    recipient: bool
    direct: bool  # the recipient follows with no preposition ("told reporters")
    reflexive: bool
    passive_only: bool = False  # listed under cues.passive_verbs only
    # only a cue before a "that" clause or a quotation: "figures show that …" (not "TV
    # shows draw viewers")
    clause: bool = False
    # the subject heard what was said, and is a source only as a venue ("the court heard
    # that …", "the jury was told …"): see cues.audiences
    hearing: bool = False


@dataclass(frozen=True)
class Pronoun:
    gender: str | None
    number: str | None
    person: bool | None
    possessive: bool
    member: bool
    description: bool
    # "ce dernier", "the latter": the source named last, not the last to speak
    latest: bool = False


@dataclass(frozen=True, slots=True)  # slots: its fields are read in every hot loop
class RulePack:
    """A compiled rule pack. Word sets are lower-case; patterns are compiled once."""

    language: str
    paths: tuple[str, ...]
    det_definite: frozenset[str]
    det_demonstrative: frozenset[str]
    det_possessive: frozenset[str]
    det_indefinite: frozenset[str]
    prepositions: frozenset[str]
    framing_starts: frozenset[str]
    conjunctions: frozenset[str]
    relatives: frozenset[str]
    subject_relatives: frozenset[str]
    complementizers: frozenset[str]
    clitics: frozenset[str]
    question_words: frozenset[str]
    negation_re: re.Pattern[str] | None
    negations: frozenset[str]
    auxiliary_re: re.Pattern[str] | None  # an auxiliary (+ adverb) right before a verb
    passive_re: re.Pattern[str] | None
    infinitive_re: re.Pattern[str] | None
    impersonal: frozenset[str]
    impersonal_source_re: re.Pattern[str] | None
    agent: frozenset[str]
    complement_markers: frozenset[str]
    # the complement markers that may join a name to one opening with an article ("Mairie de
    # La Rochelle"); the others do not ("un sondage Opinéa pour Le Républicain")
    genitive_markers: frozenset[str]
    adverbs: frozenset[str]
    prep_re: re.Pattern[str] | None
    preps: Mapping[str, Prep]
    relprep_re: re.Pattern[str] | None
    possprep_re: re.Pattern[str] | None
    comparatives: frozenset[str]
    backref_re: re.Pattern[str] | None
    recipients: frozenset[str]
    # who heard the speech, or where ("devant les députés", "at a press conference"):
    # ``audience_re`` is the adjunct with its preposition, ``audience_np_re`` the bare phrase
    audience_re: re.Pattern[str] | None
    audience_np_re: re.Pattern[str] | None
    verb_re: re.Pattern[str] | None
    verbs: Mapping[str, VerbForm]
    passive_verbs: frozenset[str]
    inversion_re: re.Pattern[str] | None
    relay_forward_re: re.Pattern[str] | None
    relay_reverse_re: re.Pattern[str] | None
    # the first words of those markers, lower case: a sentence opening with none of them
    # opens with no reverse relay
    relay_reverse_leads: frozenset[str]
    relay_publication_re: re.Pattern[str] | None
    backref_nouns: frozenset[str]
    hedge_re: re.Pattern[str] | None  # listed hedge words and phrases
    hedge_word_re: re.Pattern[str] | None  # patterns, each tried on a whole word (fullmatch)
    hedge_exceptions: frozenset[str]
    modal_re: re.Pattern[str] | None
    hedge_always: frozenset[str]
    # tried where a pattern's hedge starts: a match keeps it a hedge after a past cue verb
    hedge_always_re: re.Pattern[str] | None
    hedge_words: frozenset[str]
    anonymity_re: re.Pattern[str] | None
    vague_nouns: frozenset[str]
    kinds: Mapping[str, str]
    kind_max_words: int
    person_gender: Mapping[str, str | None]
    org_nouns: frozenset[str]
    transparent: frozenset[str]
    non_sources: frozenset[str]
    # non-sources that stay none when someone's ("the agency's rules"): norms say what must
    # be, not what is
    norms: frozenset[str]
    # non-sources that name a publication when a name follows ("un article du Monde")
    publications: frozenset[str]
    fiction: frozenset[str]
    # what a fiction does when its plot is told ("Le film suit Lise"): the paragraph is a plot
    plot_verbs: frozenset[str]
    media_re: re.Pattern[str] | None
    media_name_words: frozenset[str]
    # every run of word characters of the names of sources.media_names, as written
    media_words: frozenset[str]
    pronouns: Mapping[str, Pronoun]
    pronoun_re: re.Pattern[str] | None
    continuation_starts: frozenset[str]
    trap_re: re.Pattern[str] | None
    # the same patterns for a lower-cased view, scanned without IGNORECASE (see cues.Matches)
    trap_lower_re: re.Pattern[str] | None = None
    # when every trap opens a word: one non-word character, then (lookahead, group 1) a
    # trap, for the lower-cased view; a scan that skips word characters in its fast loop
    trap_after_sep_lower_re: re.Pattern[str] | None = None
    cue_after_sep_lower_re: re.Pattern[str] | None = None
    # both scans above in one pass over the lower-cased view (see _cue_and_trap_scan)
    cue_trap_after_sep_lower_re: re.Pattern[str] | None = None
    # the same for the cue patterns of CUE_PATTERNS that have one, by field name
    lowered_patterns: Mapping[str, re.Pattern[str]] = field(default_factory=dict)
    raw: Mapping[str, Any] = field(repr=False, default_factory=dict)
    determiners: frozenset[str] = frozenset()  # all four kinds, for quick tests
    determiner_phrases: tuple[str, ...] = ()  # the ones of several words: "at least"
    # words that open a subordinate clause: "weeks after X told …" (X is the subject)
    subordinators: frozenset[str] = frozenset()
    # first words of a frame that names the sentence's topic ("Quant à X, il …"), as word
    # tuples: a subject pronoun right after stands for the name in it
    topic_frames: tuple[tuple[str, ...], ...] = ()
    topic_frame_starts: frozenset[str] = frozenset()  # their first words
    # how something was said, after the agent marker: "replied by email" (not an agent)
    means: frozenset[str] = frozenset()
    # "one of the housemates": one person of a group (singular, whatever the noun)
    member_of: tuple[str, ...] = ()
    # complete a negation inside the claim: "n'a relevé aucune pathologie" says something
    negative_determiners: frozenset[str] = frozenset()
    # make the noun phrase plural whatever its noun ("two people", "plusieurs personnes")
    plural_determiners: frozenset[str] = frozenset()
    auxiliary_words: frozenset[str] = frozenset()  # one-word auxiliaries ("has", "ont")
    # Where a cue pattern (prep, relprep, possprep, verb, inversion) or ``hedge_re`` may
    # start: one scan of the text finds these candidate positions, then each pattern is
    # tried only there.
    cue_start_re: re.Pattern[str] | None = None
    cue_after_sep_re: re.Pattern[str] | None = None  # a match ends where cue_start_re matches
    kind_first_words: frozenset[str] = frozenset()  # first words of multi-word kinds
    # description nouns and the kinds of source they stand for ("the paper": media)
    descriptions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # names of news agencies (lower case, blanks single): their kind is news-agency
    agency_names: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()  # complement markers and definite articles
    # capitalised words that never name a source ("Wednesday", "January")
    not_names: frozenset[str] = frozenset()
    # endings of past participles: a comma segment opening with one is an apposition
    # ("The report, published on Tuesday, said …"), not a clause
    participle_endings: tuple[str, ...] = ()
    # of a present participle ("Giving evidence, X told …"): an opening frame by itself
    gerund_endings: tuple[str, ...] = ()
    # words between a comma and a cue verb's gerund: "…, tout en rappelant que …"
    gerund_markers: frozenset[str] = frozenset()
    zero_that: bool = False  # cues.zero_complementizer: a claim may follow a verb bare
    # The words that open a match of a pattern of MARKED_PATTERNS, each with (the bits of
    # the patterns it may open whatever word comes next, the bits of those it opens only
    # before certain next words, by next word) (bit k: MARKED_PATTERNS[k]); None when some
    # pattern's words cannot be listed (see leads.word_leads). With it, the patterns are
    # tried at the words of the sentences that open one, found while tokenising, instead
    # of after a scan of every character of the text.
    word_marks: Mapping[str, tuple[int, Mapping[str, int] | None]] | None = None
    # what tokenising with ``word_marks`` learned of each word: its forms and marks, with
    # HEDGE_WORD_BIT at the words ``hedge_word_re`` matches (a cache filled by
    # text.build_sentence); None without ``word_marks``
    word_forms: WordForms | None = field(default=None, compare=False, repr=False)

    def participle_form(self, word: str) -> bool:
        """``word`` (lower case) looks like a past participle: long enough, with one of the
        pack's participle endings."""
        return (
            len(word) > 4
            and bool(self.participle_endings)
            and word.endswith(self.participle_endings)
        )


_NORM_CACHE: dict[str, str] = {}


def _norm(word: Any) -> str:
    """Lower case, plain apostrophes, single spaces (remembered: cue matches repeat)."""
    text = str(word)
    out = _NORM_CACHE.get(text)
    if out is None:
        out = " ".join(text.translate(NORMALISE).lower().split())
        if len(_NORM_CACHE) < 100_000:
            _NORM_CACHE[text] = out
    return out


def _words(values: Iterable[Any] | None) -> frozenset[str]:
    """Lower-case words; an elided word ("l'", "qu'") is also kept without its apostrophe,
    the form tokens are compared in."""
    out = set()
    for v in values or ():
        w = _norm(v)
        if w:
            out.add(w)
            if w.endswith("'") and len(w) > 1:
                out.add(w[:-1])
    return frozenset(out)


def _phrase_pattern(phrase: str) -> str:
    """A literal phrase whose spaces match any run of whitespace."""
    return r"\s+".join(re.escape(part) for part in phrase.split())


def _trie_pattern(phrases: Iterable[str]) -> str:
    """A regex matching any of the phrases, built as a character trie.

    Python's regex engine tries the branches of a flat alternation one by one at every
    position; a trie fails at the first character that no phrase has, which keeps the
    hundreds of cue forms of a pack cheap to scan. Longer phrases are preferred (a branch
    for a longer continuation comes before the end of a shorter phrase).
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for ch in " ".join(phrase.split()):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            piece = r"\s+" if ch == " " else re.escape(ch)
            branches.append(piece + emit(node[ch]))
        if not branches:
            return ""
        if len(branches) == 1 and not ends:
            return branches[0]
        body = "|".join(branches)
        return f"(?:{body})?" if ends else f"(?:{body})"

    return emit(trie)


def _alternation(phrases: Iterable[str]) -> str | None:
    """One alternation on word edges; the longest phrase wins (a relative cue over its bare
    preposition)."""
    items = {p for p in phrases if p}
    if not items:
        return None
    body = _trie_pattern(items)
    # The phrases' first letters before the lookbehind: a search turns most positions down
    # with that one test. An apostrophe-final word ("d'", "qu'") ends at the apostrophe: no
    # \b needed after it.
    lookahead = _first_char_lookahead(body, re.IGNORECASE)
    return rf"{lookahead}(?<![\w-])(?:{body})(?:(?<=')|(?![\w]))"


_CATEGORY_CLASS = {
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
}


class _UnknownStart(Exception):
    """The characters a pattern may start with cannot be told."""


def _first_items(seq) -> tuple[list[tuple], bool]:
    """(items, can the sequence match empty) of a parsed pattern's possible first characters:
    ("char", c), ("range", lo, hi) or ("category", CATEGORY_NAME)."""
    from re import _constants as c  # the stdlib's own parser: no second grammar here

    items: list[tuple] = []
    for op, av in seq:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: the next item consumes the first character
        if op is c.LITERAL:
            return [*items, ("char", chr(av))], False
        if op is c.IN:
            for iop, iav in av:
                if iop is c.LITERAL:
                    items.append(("char", chr(iav)))
                elif iop is c.RANGE:
                    items.append(("range", chr(iav[0]), chr(iav[1])))
                elif iop is c.CATEGORY and str(iav) in _CATEGORY_CLASS:
                    items.append(("category", str(iav)))
                else:
                    raise _UnknownStart  # a negated class, an unusual category
            return items, False
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                raise _UnknownStart
            got, empty = _first_items(sub)
        elif op is c.ATOMIC_GROUP:
            got, empty = _first_items(av)
        elif op is c.BRANCH:
            got, empty = [], False
            for branch in av[1]:
                b_items, b_empty = _first_items(branch)
                got += b_items
                empty = empty or b_empty
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _high, sub = av
            got, empty = _first_items(sub)
            empty = empty or low == 0
        else:
            raise _UnknownStart  # any character, a back-reference, a conditional ...
        items += got
        if not empty:
            return items, False
    return items, True


def _parse(pattern: str, flags: int):
    """The stdlib parser's tree of ``pattern``; None when unavailable, invalid, or when the
    pattern sets global flags inline."""
    try:
        from re import _parser

        parsed = _parser.parse(pattern, flags)
    except Exception:  # a Python without these internals, a bad pattern
        return None
    if parsed.state.flags & ~(flags | re.UNICODE):
        return None
    return parsed


def _first_char_class(pattern: str, flags: int) -> str | None:
    """A character class holding every character a match of ``pattern`` can start with, or
    None when that cannot be told (the pattern may match empty, starts with ``.``, a negated
    class, changes flags inline ...).

    Rule packs' trap patterns are free-form regexes joined into one alternation, which the
    regex engine tries branch by branch at every position of the text; a lookahead on the
    first character, compiled with the same flags (so it folds case the same way), lets it
    reject most positions at once. It is a superset, so the matches do not change.
    """
    parsed = _parse(pattern, flags)
    if parsed is None:
        return None
    try:
        items, empty = _first_items(parsed.data)
    except (_UnknownStart, RecursionError):
        return None
    if empty or not items:
        return None
    parts = []
    for item in items:
        if item[0] == "char":
            parts.append(re.escape(item[1]))
        elif item[0] == "range":
            parts.append(f"{re.escape(item[1])}-{re.escape(item[2])}")
        else:
            parts.append(_CATEGORY_CLASS[item[1]])
    return "[" + "".join(dict.fromkeys(parts)) + "]"


def _first_char_lookahead(pattern: str, flags: int) -> str:
    """``(?=[…])`` on the characters a match of ``pattern`` may start with, or "" when
    they cannot be told."""
    first = _first_char_class(pattern, flags)
    return f"(?={first})" if first else ""


def _opens_a_word(pattern: str) -> bool:
    """Every match of ``pattern`` starts a word: after its lookbehinds comes a word boundary,
    then an item whose first character can only be a word character."""
    from re import _constants as c

    parsed = _parse(pattern, re.IGNORECASE)
    if parsed is None:
        return False
    seq = list(parsed.data)
    i = 0
    while i < len(seq) and seq[i][0] in (c.ASSERT, c.ASSERT_NOT) and seq[i][1][0] == -1:
        i += 1  # lookbehinds: zero-width, they look at the text before the match
    if i >= len(seq) or seq[i][0] is not c.AT or seq[i][1] is not c.AT_BOUNDARY:
        return False
    try:
        items, empty = _first_items(seq[i + 1 :])
    except (_UnknownStart, RecursionError):
        return False
    return not empty and bool(items) and all(_word_item(item) for item in items)


def _word_item(item: tuple) -> bool:
    if item[0] == "char":
        return is_word_char(item[1])
    if item[0] == "range":
        lo, hi = ord(item[1]), ord(item[2])
        return hi - lo < 4096 and all(is_word_char(chr(k)) for k in range(lo, hi + 1))
    return item[1] in ("CATEGORY_WORD", "CATEGORY_DIGIT")


def _compile(pattern: str | None, path: str, key: str, flags: int = re.IGNORECASE):
    if pattern is None:
        return None
    try:
        return re.compile(pattern, flags)
    except re.error as err:
        raise RulesError(path, f"bad regular expression in {key}: {err}") from None


def _get(data: Mapping[str, Any], *keys: str) -> Any:
    cur: Any = data
    for key in keys:
        if not isinstance(cur, Mapping):
            return None
        cur = cur.get(key)
    return cur


def compile_pack(data: Mapping[str, Any], paths: tuple[str, ...]) -> RulePack:
    """Build a ``RulePack`` from validated (and merged) pack data."""
    where = paths[-1] if paths else "<rules>"

    def words(*keys: str) -> frozenset[str]:
        return _words(_get(data, *keys))

    def alt(values: Iterable[str], key: str, flags: int = re.IGNORECASE):
        return _compile(_alternation(values), where, key, flags)

    audience_re = audience_np_re = None
    aud_nouns = _alternation(words("cues", "audiences", "nouns"))
    if aud_nouns is not None:
        dets = _alternation(
            set().union(
                *(
                    words("words", "determiners", k)
                    for k in ("definite", "demonstrative", "possessive", "indefinite")
                )
            )
        )
        det_part = rf"(?:{dets}\s*)?" if dets else ""
        audience_np_re = _compile(det_part + aud_nouns, where, "cues.audiences.nouns")
        markers = _alternation(words("cues", "audiences", "markers"))
        if markers is not None:
            audience_re = _compile(
                rf"{markers}\s*{det_part}{aud_nouns}", where, "cues.audiences.markers"
            )

    preps: dict[str, Prep] = {}
    for entry in _get(data, "cues", "prepositions") or ():
        text = _norm(entry.get("text", ""))
        if not text:
            raise RulesError(where, "cues.prepositions entry without text")
        weak = entry.get("weak")
        weak_mode = None if not weak else (weak if weak in ("name", "person") else "kind")
        keep = entry.get("keep")
        preps[text] = Prep(text, weak_mode, _norm(keep) if keep else None)

    verbs: dict[str, VerbForm] = {}
    for entry in _get(data, "cues", "verbs") or ():
        flags_ = {k: bool(entry.get(k)) for k in VERB_FLAGS}
        tenses: dict[str, list[str]] = {}
        for tense in ("present", "past", "participle", "gerund"):
            for form in entry.get(tense) or ():
                tenses.setdefault(_norm(form), []).append(tense)
        for form, ts in tenses.items():
            if form not in verbs:
                verbs[form] = VerbForm(tense=ts[0], tenses=frozenset(ts), **flags_)
    # A multi-word verb may take an adverb after its first word: "met néanmoins en garde".
    adverbs = [a for a in words("words", "adverbs") if " " not in a]
    for form, v in list(verbs.items()):
        first, _, rest = form.partition(" ")
        if rest and v.tenses & {"present", "past"}:
            for adv in adverbs:
                verbs.setdefault(f"{first} {adv} {rest}", v)
    for form in _get(data, "cues", "passive_verbs") or ():
        verbs.setdefault(
            _norm(form),
            VerbForm("participle", frozenset({"participle"}), False, False, False, False, True),
        )

    finite = [f for f, v in verbs.items() if v.tenses & {"present", "past"} and not v.passive_only]
    participles = [f for f, v in verbs.items() if "participle" in v.tenses and not v.passive_only]
    inverted = [_norm(p) for p in _get(data, "cues", "inverted_pronouns") or ()]
    auxiliaries = words("words", "auxiliaries")
    inversion_re = None
    if inverted and verbs:
        pron = _trie_pattern(inverted)
        fin = _trie_pattern(finite)
        aux = _trie_pattern(auxiliaries)
        part = _trie_pattern(participles)
        # "explique-t-il" or "a-t-il déclaré": group v = verb, group p = pronoun part.
        inversion_re = _compile(
            rf"(?<![\w-])(?:(?P<v1>{fin})(?P<p1>{pron})|(?:{aux})(?P<p2>{pron})\s+"
            rf"(?:\w+\s+)?(?P<v2>{part}))(?![\w-])",
            where,
            "cues.inverted_pronouns",
        )

    kinds: dict[str, str] = {}
    for kind, nouns in (_get(data, "sources", "kinds") or {}).items():
        from tui.model import SOURCE_KINDS

        if kind not in SOURCE_KINDS:
            raise RulesError(where, f"unknown source kind {kind!r} in sources.kinds")
        if not isinstance(nouns, list):
            raise RulesError(where, f"sources.kinds.{kind} must be a list of words")
        for noun in nouns:
            kinds.setdefault(_norm(noun), kind)
    person_gender: dict[str, str | None] = {}
    for gender, nouns in (_get(data, "sources", "persons") or {}).items():
        if not isinstance(nouns, list):
            raise RulesError(where, f"sources.persons.{gender} must be a list of words")
        g = gender if gender in ("m", "f") else None
        for noun in nouns:
            n = _norm(noun)
            if n in person_gender and person_gender[n] != g:
                person_gender[n] = None  # "maire", "ministre": either gender
            else:
                person_gender[n] = g
    person_kinds = {"official", "politician", "expert"}
    org_nouns = frozenset(
        n for n, k in kinds.items() if k not in person_kinds and n not in person_gender
    )

    topic_frames = tuple(tuple(_norm(f).split()) for f in _get(data, "words", "topic_frames") or ())
    pronouns: dict[str, Pronoun] = {}
    for word, info in (_get(data, "pronouns") or {}).items():
        info = info or {}
        pronouns[_norm(word)] = Pronoun(
            gender=info.get("gender"),
            number=info.get("number"),
            person=info.get("person"),
            possessive=bool(info.get("possessive")),
            member=bool(info.get("member")),
            description=bool(info.get("description")),
            latest=bool(info.get("latest")),
        )

    publication = []
    gap = int(_get(data, "relays", "publication_gap") or 3)
    for phrase in _get(data, "relays", "publication") or ():
        parts = _norm(phrase).split()
        head = r"\s+".join(re.escape(p) for p in parts[:-1])
        if head:
            publication.append(rf"{head}(?:\s+[^\s,;:]+){{0,{gap}}}?\s+{re.escape(parts[-1])}")
        else:
            publication.append(re.escape(parts[-1]))
    publication_re = None
    if publication:
        body = "|".join(publication)
        publication_re = _compile(
            rf"{_first_char_lookahead(body, re.IGNORECASE)}(?<![\w-])(?:{body})(?![\w])",
            where,
            "relays.publication",
        )

    # Forward relays ending with the agent ("interrogés par", "quoted by") may have a few
    # words between ("interrogés sous couvert d'anonymat par le site X").
    agents = words("words", "agent")
    forward = []
    for phrase in _get(data, "relays", "forward") or ():
        parts = _norm(phrase).split()
        if len(parts) > 1 and parts[-1] in agents:
            head = r"\s+".join(re.escape(p) for p in parts[:-1])
            forward.append(rf"{head}(?:\s+[^\s,;:]+){{0,{gap}}}?\s+{re.escape(parts[-1])}")
        elif parts:
            forward.append(_phrase_pattern(" ".join(parts)))
    forward_re = None
    if forward:
        body = "|".join(forward)
        forward_re = _compile(
            rf"{_first_char_lookahead(body, re.IGNORECASE)}(?<![\w-])(?:{body})(?:(?<=')|(?![\w]))",
            where,
            "relays.forward",
        )

    hedge_parts = []
    hedge_words = _alternation(words("hedges", "words"))
    if hedge_words:
        hedge_parts.append(hedge_words)
    word_patterns = []
    for i, pat in enumerate(_get(data, "hedges", "patterns") or ()):
        _compile(str(pat), where, f"hedges.patterns[{i}]")
        word_patterns.append(f"(?:{pat})")
    modal = [str(p) for p in _get(data, "hedges", "modal_patterns") or ()]
    for i, pat in enumerate(modal):
        _compile(pat, where, f"hedges.modal_patterns[{i}]")
    always_patterns = [str(p) for p in _get(data, "hedges", "always_patterns") or ()]
    for i, pat in enumerate(always_patterns):
        _compile(pat, where, f"hedges.always_patterns[{i}]")
    traps = [str(p) for p in _get(data, "traps") or ()]
    trap_re = _compile_traps(traps, where)
    for i, pat in enumerate(traps):
        _compile(pat, where, f"traps[{i}]")

    aux_alt = _alternation(auxiliaries)
    auxiliary_re = None
    if aux_alt:
        # an auxiliary and up to two adverbs right before the verb (anchored at the end)
        auxiliary_re = _compile(
            rf"{aux_alt}(?:\s+[^\W\d][\w'-]*){{0,3}}?\s+$", where, "words.auxiliaries"
        )
    passive_alt = _alternation(words("words", "passive_auxiliaries"))
    passive_re = (
        _compile(rf"{passive_alt}(?:\s+[^\W\d]+)?\s+$", where, "words.passive_auxiliaries")
        if passive_alt
        else None
    )
    negation_alt = _alternation(words("words", "negations"))

    media = {" ".join(str(m).split()) for m in _get(data, "sources", "media_names") or ()}
    media.discard("")
    media_re = None
    if media:
        # a trie: the longest name that fits wins, as in a longest-first alternation, but
        # a position is turned down at its first letter instead of once per name
        body = _trie_pattern(media)
        # the names' first letters before the lookbehind: most positions fail that one test
        lookahead = _first_char_lookahead(body, 0)
        media_re = _compile(
            rf"{lookahead}(?<![\w-])(?:{body})(?![\w-])", where, "sources.media_names", 0
        )

    # Every cue pattern above, and the hedge-word pattern, opens with (?<![\w-]) and one of
    # these phrases (the inversion pattern with a finite verb or an auxiliary), so a position
    # where none of them starts cannot start a match: one zero-width scan of the text finds
    # the candidate positions of all of them at once.
    cue_phrases = (
        set(preps)
        | set(verbs)
        | words("cues", "relative_prepositions")
        | words("cues", "possessive_prepositions")
        | (auxiliaries if inversion_re is not None else frozenset())
        | words("hedges", "words")
    )
    cue_phrases.discard("")
    cue_start_re = cue_after_sep_re = None
    if cue_phrases:
        trie = _trie_pattern(cue_phrases)
        cue_start_re = _compile(rf"(?<![\w-])(?=(?:{trie}))", where, "cues")
        # The same positions past the text's start, found from the character before them:
        # a pattern opening with a character class lets the regex engine skip word
        # characters in its fast loop, and a class of the phrases' first letters turns most
        # positions down with one test instead of one per trie branch.
        lookahead = _first_char_lookahead(trie, re.IGNORECASE)
        cue_after_sep_re = _compile(rf"[^\w-]{lookahead}(?=(?:{trie}))", where, "cues")

    # a noun may stand for sources of several kinds ("the agency": a government agency or a
    # news agency), in the order listed
    descriptions: dict[str, tuple[str, ...]] = {}
    for kind, nouns in (_get(data, "sources", "descriptions") or {}).items():
        from tui.model import SOURCE_KINDS

        if kind not in SOURCE_KINDS:
            raise RulesError(where, f"unknown source kind {kind!r} in sources.descriptions")
        if not isinstance(nouns, list):
            raise RulesError(where, f"sources.descriptions.{kind} must be a list of words")
        for noun in nouns:
            key = _norm(noun)
            if kind not in descriptions.get(key, ()):
                descriptions[key] = (*descriptions.get(key, ()), kind)
    kind_max = max((len(k.split()) for k in kinds), default=1)
    determiners = (
        words("words", "determiners", "definite")
        | words("words", "determiners", "demonstrative")
        | words("words", "determiners", "possessive")
        | words("words", "determiners", "indefinite")
    )
    pack = RulePack(
        determiners=determiners,
        determiner_phrases=tuple(sorted(d for d in determiners if " " in d)),
        language=str(data.get("language") or ""),
        paths=paths,
        det_definite=words("words", "determiners", "definite"),
        det_demonstrative=words("words", "determiners", "demonstrative"),
        det_possessive=words("words", "determiners", "possessive"),
        det_indefinite=words("words", "determiners", "indefinite"),
        prepositions=words("words", "prepositions"),
        framing_starts=words("words", "framing_starts"),
        conjunctions=words("words", "conjunctions"),
        relatives=words("words", "relatives"),
        subject_relatives=words("words", "subject_relatives"),
        complementizers=words("words", "complementizers"),
        clitics=words("words", "clitics"),
        question_words=words("words", "question_words"),
        subordinators=words("words", "subordinators"),
        topic_frames=topic_frames,
        topic_frame_starts=frozenset(f[0] for f in topic_frames if f),
        means=words("words", "means"),
        member_of=tuple(sorted(words("words", "member_of"), key=len, reverse=True)),
        negative_determiners=words("words", "negative_determiners"),
        plural_determiners=words("words", "plural_determiners"),
        negation_re=alt(words("words", "negations"), "words.negations") if negation_alt else None,
        negations=words("words", "negations"),
        auxiliary_re=auxiliary_re,
        passive_re=passive_re,
        infinitive_re=alt(words("words", "infinitive_starts"), "words.infinitive_starts"),
        impersonal=words("words", "impersonal"),
        impersonal_source_re=alt(words("words", "impersonal_sources"), "words.impersonal_sources"),
        agent=words("words", "agent"),
        complement_markers=words("words", "complement_markers"),
        genitive_markers=words("words", "genitive_markers"),
        adverbs=words("words", "adverbs"),
        participle_endings=tuple(sorted(words("words", "participle_endings"))),
        gerund_endings=tuple(sorted(words("words", "gerund_endings"))),
        gerund_markers=words("words", "gerund_markers"),
        prep_re=alt(preps, "cues.prepositions"),
        preps=preps,
        relprep_re=alt(words("cues", "relative_prepositions"), "cues.relative_prepositions"),
        possprep_re=alt(words("cues", "possessive_prepositions"), "cues.possessive_prepositions"),
        comparatives=words("cues", "comparatives"),
        backref_re=alt(words("cues", "backreference"), "cues.backreference"),
        recipients=words("cues", "recipients"),
        auxiliary_words=frozenset(w for w in auxiliaries if " " not in w),
        audience_re=audience_re,
        audience_np_re=audience_np_re,
        verb_re=alt(verbs, "cues.verbs"),
        verbs=verbs,
        passive_verbs=words("cues", "passive_verbs"),
        inversion_re=inversion_re,
        relay_forward_re=forward_re,
        relay_reverse_re=alt(words("relays", "reverse"), "relays.reverse"),
        relay_reverse_leads=frozenset(
            w.split()[0].rstrip("'") for w in words("relays", "reverse") if w.split()
        ),
        relay_publication_re=publication_re,
        backref_nouns=words("relays", "backref_nouns"),
        hedge_re=_compile("|".join(hedge_parts), where, "hedges") if hedge_parts else None,
        hedge_word_re=_compile("|".join(word_patterns), where, "hedges.patterns")
        if word_patterns
        else None,
        hedge_exceptions=words("hedges", "exceptions"),
        modal_re=_compile("|".join(modal), where, "hedges.modal_patterns") if modal else None,
        hedge_always=words("hedges", "always"),
        hedge_always_re=_compile(
            "|".join(f"(?:{p})" for p in always_patterns), where, "hedges.always_patterns"
        )
        if always_patterns
        else None,
        hedge_words=words("hedges", "words"),
        anonymity_re=alt(words("anonymity", "markers"), "anonymity.markers"),
        vague_nouns=words("anonymity", "vague_nouns"),
        kinds=kinds,
        kind_max_words=kind_max,
        person_gender=person_gender,
        org_nouns=org_nouns,
        transparent=words("sources", "transparent"),
        non_sources=words("sources", "non_sources"),
        norms=words("sources", "norms"),
        publications=words("sources", "publications"),
        fiction=words("sources", "fiction"),
        plot_verbs=words("sources", "plot_verbs"),
        media_re=media_re,
        media_name_words=frozenset(str(w) for w in _get(data, "sources", "media_name_words") or ()),
        media_words=frozenset(w for name in media for w in re.findall(r"\w+", name)),
        agency_names=frozenset(
            " ".join(str(n).lower().split()) for n in _get(data, "sources", "agency_names") or ()
        ),
        pronouns=pronouns,
        pronoun_re=alt(pronouns, "pronouns"),
        continuation_starts=words("continuation_starts"),
        trap_re=trap_re,
        trap_lower_re=lowered_variant(trap_re),
        trap_after_sep_lower_re=lowered_variant(_traps_after_separator(traps)),
        cue_after_sep_lower_re=lowered_variant(cue_after_sep_re),
        raw=data,
        cue_start_re=cue_start_re,
        cue_after_sep_re=cue_after_sep_re,
        kind_first_words=frozenset(k.split(" ")[0] for k in kinds if " " in k),
        descriptions=descriptions,
        zero_that=bool(_get(data, "cues", "zero_complementizer")),
        name_particles=words("words", "complement_markers")
        | words("words", "determiners", "definite")
        | words("words", "name_particles"),
        not_names=words("words", "not_names"),
    )
    lowered = {name: lowered_variant(getattr(pack, name)) for name in CUE_PATTERNS}
    lowered_patterns = {k: v for k, v in lowered.items() if v is not None}
    word_marks = _word_marks(pack, lowered_patterns)
    return replace(
        pack,
        lowered_patterns=lowered_patterns,
        word_marks=word_marks,
        word_forms=None
        if word_marks is None
        else WordForms(word_marks, _hedge_word_bits(pack.hedge_word_re)),
        # (the shared scan reads position 0 with these two: it needs them)
        cue_trap_after_sep_lower_re=_cue_and_trap_scan(
            pack.cue_after_sep_lower_re, pack.trap_after_sep_lower_re
        )
        if pack.cue_start_re is not None and pack.trap_lower_re is not None
        else None,
    )


# The cue patterns (RulePack fields) tried where a cue phrase may start, which also get a
# variant for the lower-cased text (see cues.Matches).
CUE_PATTERNS = ("inversion_re", "relprep_re", "possprep_re", "prep_re", "verb_re")
# The patterns whose opening words ``RulePack.word_marks`` lists, by bit: the traps, the cue
# patterns, and the listed hedges (their matches are what cues.Matches hands out, and what
# hedges.find_hedges looks for at candidate positions).
MARKED_PATTERNS = ("trap_re", *CUE_PATTERNS, "hedge_re")
HEDGE_BIT = 1 << MARKED_PATTERNS.index("hedge_re")
# The bit of the marks at a word (a run of word characters) that ``hedge_word_re`` matches
# whole once lower-cased: what hedges.find_hedges looks for in a sentence's words.
HEDGE_WORD_BIT = 1 << len(MARKED_PATTERNS)


def is_hedge_word(rx: re.Pattern[str], word: str) -> bool:
    """``word`` (a run of word characters, as written) is a hedge by ``hedge_word_re``
    ``rx``: the one test of it, for the marks and for the words read one by one."""
    return rx.fullmatch(word.lower()) is not None


def _hedge_word_bits(rx: re.Pattern[str] | None) -> Callable[[str], int] | None:
    """``WordForms.run_bits`` for a pack's ``hedge_word_re`` (None without one)."""
    if rx is None:
        return None

    def bits(run: str) -> int:
        return HEDGE_WORD_BIT if is_hedge_word(rx, run) else 0

    return bits


def _word_marks(
    pack: RulePack, lowered_patterns: Mapping[str, re.Pattern[str]]
) -> dict[str, tuple[int, dict[str, int] | None]] | None:
    """``RulePack.word_marks``: the opening words of each pattern of MARKED_PATTERNS, from
    its variant for the lower-cased text (the one the scans use); None when a pattern has
    no such variant or its words cannot be listed."""
    from tui.attribution.leads import ANY, word_leads

    free: dict[str, int] = {}
    nexts: dict[str, dict[str, int]] = {}
    for k, name in enumerate(MARKED_PATTERNS):
        rx = getattr(pack, name)
        if rx is None:
            continue
        if name == "trap_re":
            lowered = pack.trap_lower_re
        elif name == "hedge_re":
            lowered = lowered_variant(rx)
        else:
            lowered = lowered_patterns.get(name)
        leads = word_leads(lowered) if lowered is not None else None
        if leads is None:
            return None
        bit = 1 << k
        for word, then in leads.items():
            if then is ANY:
                free[word] = free.get(word, 0) | bit
            else:
                table = nexts.setdefault(word, {})
                for w in then:
                    table[w] = table.get(w, 0) | bit
    return {w: (free.get(w, 0), nexts.get(w)) for w in free.keys() | nexts.keys()}


def lowered_variant(rx: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """The same pattern for a lower-cased text, without IGNORECASE (much faster to scan):
    its unescaped ASCII capitals lowered (not the P of a named group). None when it cannot
    be built, when an escaped backslash makes "unescaped" ambiguous, or when the pattern holds
    a capital outside ASCII (lowering "[À-Ý]" would not give the same class). On a text that
    lower-cases to a text of the same length, it finds what the pattern finds, at the same
    offsets, but for the few letters IGNORECASE pairs beyond their lower case ("ſ" with "s",
    dotless "ı" with "i")."""
    if rx is None or "\\\\" in rx.pattern:
        return None
    if any(c.isupper() and not c.isascii() for c in rx.pattern):
        return None
    source = re.sub(r"(?<!\\)(?<!\(\?)[A-Z]", lambda m: m.group().lower(), rx.pattern)
    try:
        return re.compile(source, rx.flags & ~re.IGNORECASE)
    except re.error:
        return None


def _compile_traps(traps: list[str], where: str) -> re.Pattern[str] | None:
    """All traps as one alternation, behind a lookahead on their possible first characters
    when those can be told (same matches, far fewer attempts)."""
    if not traps:
        return None
    joined = "|".join(f"(?:{t})" for t in traps)
    first = _first_char_class(joined, re.IGNORECASE)
    if first is not None:
        fast = f"(?={first})(?:{joined})"
        try:
            return re.compile(fast, re.IGNORECASE)
        except re.error:
            pass  # the plain alternation below reports the error, if any
    return _compile(joined, where, "traps")


def _traps_after_separator(traps: list[str]) -> re.Pattern[str] | None:
    """``[^\\w]`` then, in a lookahead, the traps as group 1 — when every trap can only match
    at the start of a word (after its lookbehinds, a ``\\b`` then a word character), so that
    the positions after a non-word character (and the text's start) are all the places a
    trap may start. None otherwise, or for no trap."""
    if not traps or not all(_opens_a_word(t) for t in traps):
        return None
    # At those positions a leading \b always holds: without it, the regex engine can turn a
    # branch down on its first letter.
    joined = "|".join(f"(?:{t[2:] if t.startswith(chr(92) + 'b') else t})" for t in traps)
    lookahead = _first_char_lookahead(joined, re.IGNORECASE)
    try:
        return re.compile(rf"[^\w]{lookahead}(?=({joined}))", re.IGNORECASE)
    except re.error:
        return None


def _cue_and_trap_scan(
    cue_after_sep: re.Pattern[str] | None, trap_after_sep: re.Pattern[str] | None
) -> re.Pattern[str] | None:
    """One pattern doing the work of both scans: a non-word character, then either a trap
    (group 1, as in ``trap_after_sep``) — and a cue phrase too, if one starts there — or
    a cue phrase alone; the last two groups are empty and mark a cue start (the match's
    end), one per branch. Each scan spends about half its time testing every character
    of the text against its opening class: one pass spends it once. None when either
    pattern is missing or does not have the expected shape."""
    if cue_after_sep is None or trap_after_sep is None or cue_after_sep.groups:
        return None
    cue, trap = cue_after_sep.pattern, trap_after_sep.pattern
    cue_sep, trap_sep = "[^\\w-]", "[^\\w]"
    if not (cue.startswith(cue_sep) and trap.startswith(trap_sep)):
        return None
    if cue_after_sep.flags != trap_after_sep.flags:
        return None
    cue, trap = cue[len(cue_sep) :], trap[len(trap_sep) :]
    # (?<!-): the character just consumed is not a hyphen, as the cue scan's class says
    try:
        return re.compile(
            rf"{trap_sep}(?:{trap}(?:(?<!-){cue}()|)|(?<!-){cue}())", cue_after_sep.flags
        )
    except re.error:
        return None


def packaged_languages() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in RULES_DIR.glob("*.yaml")))


@lru_cache(maxsize=32)
def _load_cached(language: str, user: str | None, stamp: tuple[float, int] | None) -> RulePack:
    packaged = RULES_DIR / f"{language}.yaml"
    user_data: dict[str, Any] | None = None
    if user is not None:
        user_data = _read(Path(user))
        user_lang = user_data.get("language")
        if user_lang is not None and user_lang != language:
            user_data = None  # a pack for another language extends that language only
    if user_data is not None and user_data.get("replace"):
        return compile_pack(user_data, (str(user),))
    if not packaged.is_file():
        raise RulesError(packaged, f"no rule pack for language {language!r}")
    data = _read(packaged)
    paths = (str(packaged),)
    if user_data is not None:
        data = _merge(data, {k: v for k, v in user_data.items() if k != "replace"})
        data["language"] = language
        paths = (*paths, str(user))
    return compile_pack(data, paths)


def load_rules(language: str, path: Path | None = None) -> RulePack:
    """The rule pack for ``language``, extended by the user pack at ``path`` if given."""
    if not isinstance(language, str) or not re.fullmatch(
        r"[A-Za-z]{2,3}(?:[-_][A-Za-z]+)?", language
    ):
        raise RulesError(RULES_DIR, f"unknown language {language!r}")
    stamp = None
    user = None
    if path is not None:
        user = str(path)
        try:
            st = Path(path).stat()
            stamp = (st.st_mtime, st.st_size)
        except OSError:
            raise RulesError(path, "no such file") from None
    return _load_cached(language.lower(), user, stamp)
