"""Rule packs: loading, extending, errors, and the engine knowing no word of them."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest
import yaml

from tui.articles import parse_article
from tui.attribution import RulesError, extract_claims, load_rules
from tui.attribution.rules import RULES_DIR, packaged_languages

ENGINE_DIR = Path(__file__).resolve().parent.parent / "tui" / "attribution"


def test_packaged_packs_load() -> None:
    assert {"fr", "en"} <= set(packaged_languages())
    for lang in ("fr", "en"):
        pack = load_rules(lang)
        assert pack.language == lang
        assert pack.verb_re is not None and pack.prep_re is not None
        assert load_rules(lang) is pack  # compiled once, then cached


def _claims(text: str, language: str, rules) -> list[str]:
    article = parse_article(text, path="<t>", language=language)
    ann = extract_claims(article, rules)
    return [c.span.text(article.body) for c in ann.claims if len(c.chain) > 1]


def test_extension_adds_a_cue_verb(tmp_path: Path) -> None:
    text = "The port authority grumbled that two cranes had collapsed."
    assert _claims(text, "en", load_rules("en")) == []
    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "language: en\ncues:\n  verbs:\n"
        "    - {present: [grumble, grumbles], past: [grumbled], participle: [grumbled]}\n",
        encoding="utf-8",
    )
    extended = load_rules("en", pack)
    assert _claims(text, "en", extended) == ["two cranes had collapsed"]
    # the packaged verbs are still there
    assert _claims("The port authority said that two cranes had collapsed.", "en", extended)


def test_a_user_names_a_news_agency_and_what_stands_for_it(tmp_path: Path) -> None:
    """``agency_names`` make a name a news agency; a description noun may be listed under
    several kinds, and stands for the latest source of any of them."""
    text = "Nordpress reported that the mine would close. The bureau said the decision was final."
    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "language: en\nsources:\n  agency_names: [Nordpress]\n"
        "  descriptions:\n    government: [bureau]\n    news-agency: [bureau]\n",
        encoding="utf-8",
    )
    extended = load_rules("en", pack)
    assert extended.descriptions["bureau"] == ("government", "news-agency")
    assert "nordpress" in extended.agency_names
    body = f"---\noutlet: T\nlanguage: en\n---\n{text}\n"
    article = parse_article(body, path="<t>")
    ann = extract_claims(article, extended)
    kinds = {s.id: s.kind for s in ann.sources}
    assert [kinds[c.chain[0].source] for c in ann.claims] == ["news-agency", "news-agency"]
    assert ann.claims[0].chain[0].source == ann.claims[1].chain[0].source


def test_a_trap_whose_opening_words_cannot_be_listed_keeps_the_whole_text_scan(
    tmp_path: Path,
) -> None:
    """A user's trap opening on any word ("\\w+ly said") leaves the pack without listed
    opening words: extraction scans the whole text instead, with the same results."""
    pack = tmp_path / "mine.yaml"
    pack.write_text('language: en\ntraps: ["\\\\b\\\\w+ly said\\\\b"]\n', encoding="utf-8")
    extended = load_rules("en", pack)
    assert extended.word_marks is None and load_rules("en").word_marks is not None
    text = "The port authority said that two cranes had collapsed. Jo Kent openly said no."
    assert _claims(text, "en", extended) == ["two cranes had collapsed"]
    assert _claims(text, "en", load_rules("en")) == ["two cranes had collapsed", "no"]


def test_conditional_hedges_without_listed_opening_words(tmp_path: Path) -> None:
    """A French pack scanned over the whole text (a trap opening on any word) still finds
    the conditionals of a claim: they are then read from the claim's own words."""
    pack = tmp_path / "mine.yaml"
    pack.write_text('language: fr\ntraps: ["\\\\b\\\\w+ment dit\\\\b"]\n', encoding="utf-8")
    extended = load_rules("fr", pack)
    assert extended.word_marks is None and extended.word_forms is None
    text = "Selon le ministère, deux grues seraient tombées et l'usine aurait fermé."
    article = parse_article(text, path="<t>", language="fr")
    for rules in (extended, load_rules("fr")):
        ann = extract_claims(article, rules)
        hedges = [h.text(article.body) for c in ann.claims for h in c.hedges]
        assert hedges == ["seraient", "aurait"]


def test_extension_for_another_language_does_not_apply(tmp_path: Path) -> None:
    pack = tmp_path / "fr-extra.yaml"
    pack.write_text("language: fr\ncues:\n  verbs:\n    - {present: [grommelle]}\n")
    assert load_rules("en", pack).paths == load_rules("en").paths


def test_replace_pack(tmp_path: Path) -> None:
    pack = tmp_path / "tiny.yaml"
    pack.write_text("language: en\nreplace: true\ncues:\n  prepositions:\n    - {text: per}\n")
    tiny = load_rules("en", pack)
    assert _claims("The port authority said that two cranes had collapsed.", "en", tiny) == []


@pytest.mark.parametrize(
    "content, problem",
    [
        ("language: en\ncues: [unclosed\n", "malformed YAML"),
        ("language: en\nfrobnicate: 3\n", "unknown key frobnicate"),
        ("language: en\ncues:\n  verbs:\n    - {tense: said}\n", "unknown key cues.verbs[].tense"),
        ("language: en\ntraps: ['(unclosed']\n", "bad regular expression"),
        ("language: en\nwords:\n  prepositions: 3\n", "must be a list"),
        ("language: en\nsources:\n  kinds:\n    gossip: [rumour]\n", "unknown source kind"),
    ],
)
def test_bad_packs_raise_one_line_errors(tmp_path: Path, content: str, problem: str) -> None:
    pack = tmp_path / "bad-pack.yaml"
    pack.write_text(content, encoding="utf-8")
    with pytest.raises(RulesError) as err:
        load_rules("en", pack)
    message = str(err.value)
    assert "bad-pack.yaml" in message and problem in message
    assert "\n" not in message


def test_missing_file_and_unknown_language(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="no such file"):
        load_rules("en", tmp_path / "absent.yaml")
    with pytest.raises(RulesError, match=r"no rule pack for language 'xx'"):
        load_rules("xx")
    with pytest.raises(RulesError, match="unknown language"):
        load_rules("../etc/passwd")


def test_packs_use_safe_yaml_only(tmp_path: Path) -> None:
    pack = tmp_path / "evil.yaml"
    pack.write_text("language: en\ntraps: !!python/object/apply:os.system ['true']\n")
    with pytest.raises(RulesError, match=r"evil\.yaml"):
        load_rules("en", pack)


def _pack_words() -> set[str]:
    """The cue vocabulary of the packaged packs: cue verbs and prepositions, relay markers,
    hedge and anonymity words, source-kind nouns."""
    words: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str):
            words.update(w.lower() for w in re.findall(r"[^\W\d_]{3,}", node))

    for path in RULES_DIR.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        walk(data.get("cues", {}))
        walk(data.get("relays", {}))
        walk(data.get("hedges", {}).get("words", []))
        walk(data.get("anonymity", {}))
        walk(data.get("sources", {}).get("kinds", {}))
    # function words inside multi-word cues ("in the words of") are not cue words
    function_words: set[str] = set()
    for path in RULES_DIR.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for value in _flatten(data.get("words", {})):
            function_words.update(w.lower() for w in re.findall(r"[^\W\d_]{3,}", value))
    return words - function_words


def _flatten(node) -> list[str]:
    if isinstance(node, dict):
        return [x for v in node.values() for x in _flatten(v)]
    if isinstance(node, list):
        return [x for v in node for x in _flatten(v)]
    return [str(node)]


def _pack_keys() -> set[str]:
    keys: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                keys.update(w.lower() for w in re.findall(r"[^\W\d_]{3,}", str(key)))
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in RULES_DIR.glob("*.yaml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return keys


def test_engine_code_knows_no_word_of_the_packs() -> None:
    words = _pack_words()
    assert {"according", "said", "déclaré", "prétendument", "allegedly"} <= words
    from tui.model import SOURCE_KINDS

    # kind names, the pack's own keys and its folder name are structure, not language
    words -= set(SOURCE_KINDS) | _pack_keys() | {"rules"}
    for path in ENGINE_DIR.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        # the marquee cue words appear nowhere, not even in comments
        for word in ("selon", "according"):
            assert not re.search(rf"\b{word}\b", source, re.I), f"{word!r} in {path.name}"
        # and no string literal of the code (docstrings aside) is a pack word
        toks = list(tokenize.generate_tokens(io.StringIO(source).readline))
        names = {t.string for t in toks if t.type == tokenize.NAME}
        for i, tok in enumerate(toks):
            if tok.type != tokenize.STRING:
                continue
            docstring_slot = (tokenize.INDENT, tokenize.NEWLINE, tokenize.NL, tokenize.DEDENT)
            if i == 0 or toks[i - 1].type in docstring_slot:
                continue  # a docstring
            literal = tok.string.strip("rbfRBF").strip("\"'").lower()
            literal = re.sub(r"\{[^}]*\}", "", literal)  # f-string fields are code
            if literal.isidentifier() and ("_" in literal or literal in names):
                continue  # names code ("extract_claims", __slots__), not language
            for w in re.findall(r"[^\W\d_]{3,}", literal):
                assert w not in words, f"{w!r} (a pack word) in {path.name}:{tok.start[0]}"
