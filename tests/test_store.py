"""The YAML store: format, round trips, validation errors, re-anchoring, atomic saves."""

from __future__ import annotations

import os
import stat
import time
from dataclasses import replace
from pathlib import Path
from unittest import mock

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui import store
from tui.model import (
    FORMAT_VERSION,
    SOURCE_KINDS,
    AnnotationSet,
    ArticleMeta,
    Claim,
    Hop,
    Note,
    Source,
    Span,
    Status,
    TextQuote,
    body_sha256,
)
from tui.store import (
    StoreError,
    annotation_path_for,
    dump_annotations,
    load_annotations,
    parse_annotations,
    recovery_path_for,
    save_annotations,
)

BODY = (
    "Selon les services de renseignements sud-coréens (NIS), la Corée du Nord aurait envoyé "
    "environ 15 000 travailleurs en Russie. Le chiffre est spectaculaire, selon Newsweek.\n\n"
    "Le Kremlin n'a pas commenté. « Nous ne confirmons rien », a déclaré un porte-parole."
)


def at(text: str, body: str = BODY) -> Span:
    start = body.index(text)
    return Span(start, start + len(text))


def sample() -> AnnotationSet:
    return AnnotationSet(
        article_path="articles/coree.txt",
        meta=ArticleMeta(title="Travailleurs nord-coréens", outlet="L'Express", language="fr"),
        sha256=body_sha256(BODY),
        sources=(
            Source(
                "nis",
                "NIS",
                "intelligence",
                ("services de renseignements sud-coréens",),
                "B",
                "Service national\nde renseignement.",
            ),
            Source("newsweek", "Newsweek", "media"),
        ),
        claims=(
            Claim(
                "c1",
                at("la Corée du Nord aurait envoyé environ 15 000 travailleurs en Russie"),
                cue=at("Selon"),
                chain=(Hop("nis", at("services de renseignements sud-coréens (NIS)")),),
                hedges=(at("aurait"),),
                status=Status.CONFIRMED,
                credibility=3,
                notes=(
                    Note(
                        "Chiffre à recouper.\n- yes: no\n# pas un commentaire\n",
                        "2026-11-24T10:00:00+00:00",
                        "2026-11-24T10:05:00+00:00",
                    ),
                ),
            ),
            Claim(
                "c2", at("Le chiffre est spectaculaire"), chain=(Hop("newsweek", at("Newsweek")),)
            ),
        ),
    )


# --- the format --------------------------------------------------------------------------


def test_dump_looks_like_the_documented_format() -> None:
    text = dump_annotations(sample(), BODY)
    assert text.startswith(f"sourcecrit: {FORMAT_VERSION}\narticle:\n  path: articles/coree.txt\n")
    assert f"  sha256: {body_sha256(BODY)}\n" in text
    assert "  outlet: L'Express\n" in text
    assert "sources:\n- id: nis\n  name: NIS\n  kind: intelligence\n" in text
    assert "  note: |-\n    Service national\n    de renseignement.\n" in text
    assert "claims:\n- id: c1\n  span:\n    start: " in text
    assert (
        "    exact: la Corée du Nord aurait envoyé environ 15 000 travailleurs en Russie\n" in text
    )
    # A note spanning lines is a literal block, its YAML-looking lines kept as text.
    note = "  - text: |\n      Chiffre à recouper.\n      - yes: no\n      # pas un commentaire\n"
    assert note in text
    assert "    created: '2026-11-24T10:00:00+00:00'\n" in text
    keys = [line.split(":")[0].strip("- ") for line in text.splitlines() if line.startswith("- ")]
    assert keys == ["id"] * 4


def test_every_mapping_is_written_in_the_order_of_the_model_fields() -> None:
    data = yaml.safe_load(dump_annotations(sample(), BODY))
    assert list(data) == ["sourcecrit", "article", "sources", "claims"]
    assert list(data["article"]) == ["path", "sha256", "title", "outlet", "url", "author",
                                     "published", "language"]  # fmt: skip
    assert list(data["sources"][0]) == ["id", "name", "kind", "aliases", "reliability", "note"]
    claim = data["claims"][0]
    assert list(claim) == ["id", "span", "cue", "chain", "hedges", "anonymous", "status",
                           "credibility", "notes"]  # fmt: skip
    assert list(claim["span"]) == ["start", "end", "exact", "prefix", "suffix"]
    assert list(claim["chain"][0]) == ["source", "mention", "inferred"]
    assert list(claim["notes"][0]) == ["text", "created", "updated"]


def test_context_with_line_breaks_is_double_quoted_on_one_line() -> None:
    text = dump_annotations(sample(), BODY)
    assert '      suffix: ".\\n\\nLe Kremlin n\'a pas commenté. "\n' in text


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("yes", "'yes'"),
        ("null", "'null'"),
        ("~", "'~'"),
        ("1e3", "'1e3'"),  # a number in YAML 1.2 even if not for PyYAML
        ("y", "'y'"),
        ("- x", "'- x'"),
        ("#x", "'#x'"),
        (": x", "': x'"),
        ("15 000 travailleurs", "15 000 travailleurs"),
        ("👍 ok", "👍 ok"),  # written as is, not as \U0001F44D
        ("a\tb", '"a\\tb"'),
        ("שלום عربي", "שלום عربي"),
    ],
)
def test_strings_are_quoted_only_when_needed(value: str, written: str) -> None:
    ann = replace(sample(), sources=(replace(sample().sources[0], name=value), sample().sources[1]))
    text = dump_annotations(ann, BODY)
    assert f"\n  name: {written}\n" in text
    assert parse_annotations(text, "q.yaml").annotations == ann


def test_dump_is_stable() -> None:
    text = dump_annotations(sample(), BODY)
    again = dump_annotations(parse_annotations(text, "a.yaml", BODY).annotations, BODY)
    assert again == text


def test_long_quotes_are_not_folded() -> None:
    body = "word " * 400
    ann = AnnotationSet("a.txt", claims=(Claim("c1", Span(0, len(body) - 1)),))
    text = dump_annotations(ann, body)
    assert any(
        line.startswith("    exact: word word") and len(line) > 1900 for line in text.split("\n")
    )


def test_written_sha256_is_that_of_the_body() -> None:
    stale = replace(sample(), sha256="0" * 64)
    loaded = parse_annotations(dump_annotations(stale, BODY), "a.yaml").annotations
    assert loaded.sha256 == body_sha256(BODY)


def test_round_trip_with_and_without_body() -> None:
    text = dump_annotations(sample(), BODY)
    plain = parse_annotations(text, "a.yaml")
    assert plain.annotations == sample()
    assert plain.report.body_sha256 is None and not plain.report.sha_changed
    checked = parse_annotations(text, "a.yaml", BODY)
    assert checked.annotations == sample()
    assert checked.report.anchoring.clean and checked.report.lines() == []


def test_minimal_hand_written_file_gets_defaults() -> None:
    text = (
        "sourcecrit: 1\n"
        "article:\n  path: a.txt\n"
        "sources:\n- {id: x, name: X}\n"
        "claims:\n- id: c1\n  span: {start: 0, end: 5, exact: Selon}\n  chain: [{source: x}]\n"
    )
    ann = parse_annotations(text, "a.yaml").annotations
    assert ann.sources == (Source("x", "X"),)
    assert ann.claims == (Claim("c1", Span(0, 5), chain=(Hop("x"),)),)
    assert ann.meta == ArticleMeta() and ann.sha256 == ""


# --- property: load(save(x)) == x ---------------------------------------------------------

SPECIAL = [
    "yes", "no", "null", "~", "1e3", "on", "off", "true", "False", "NULL", "0x1F", "010",
    "1:30", "2026-11-24", "2026-11-24T10:00:00Z", ".inf", "- x", "-", "#x", ": x", "a: b",
    "a #b", "?", "|", ">", "!tag", "&a", "*a", "%x", "@x", "`x", "'q'", '"q"', "{x}", "[x]",
    "", " ", "  lead", "trail  ", "a\tb", "\t", "\n", "\n\nx\n\n", " \n", "x\n ", "x \ny",
    "\r\n", "\r", "\x85", "\u2028", "\u2029", "\ufeff", "\x00", "\x07", "\x1b[31m", "\x7f",
    "\x9f", "\ufffe", "\uffff", "عربي", "עברית", "\u202eevil", "👩‍🔬", "🇫🇷", "e\u0301",
    "\U0010ffff", "...", "---", "--- x", "... x", "<<",
]  # fmt: skip
texts = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(max_size=30),
    st.lists(st.one_of(st.sampled_from(SPECIAL), st.text(max_size=6)), max_size=6).map("".join),
)
# The body avoids the orphan alphabet below, so an orphan's quote is never found again.
BODY_ALPHABET = st.sampled_from([*"abcdefg hijk\n\t.,:;'\"-#é", "عربي", "שלום", "👍"])
ORPHAN_ALPHABET = st.sampled_from(list("XYZ0123456789"))


@st.composite
def annotation_sets(draw: st.DrawFn) -> tuple[AnnotationSet, str]:
    body = "".join(draw(st.lists(BODY_ALPHABET, max_size=200)))

    def span() -> Span:
        start = draw(st.integers(0, len(body)))
        end = draw(st.integers(start, len(body)))
        if draw(st.integers(0, 9)) == 0:
            lost = TextQuote(draw(st.text(ORPHAN_ALPHABET, min_size=12)), draw(texts), draw(texts))
            return Span(start, end, orphan=lost)
        return Span(start, end)

    source_ids = draw(st.lists(texts.filter(bool), unique=True, max_size=4))
    sources = tuple(
        Source(
            sid,
            draw(texts),
            draw(st.sampled_from(SOURCE_KINDS)),
            tuple(draw(st.lists(texts, max_size=3))),
            draw(st.sampled_from([None, "A", "B", "C", "D", "E", "F"])),
            draw(texts),
        )
        for sid in source_ids
    )
    claims = []
    for cid in draw(st.lists(texts.filter(bool), unique=True, max_size=4)):
        hops = tuple(
            Hop(sid, span() if draw(st.booleans()) else None, draw(st.booleans()))
            for sid in draw(st.lists(st.sampled_from(source_ids), max_size=3))
        ) if source_ids else ()  # fmt: skip
        claims.append(
            Claim(
                cid,
                span(),
                cue=span() if draw(st.booleans()) else None,
                chain=hops,
                hedges=tuple(span() for _ in range(draw(st.integers(0, 2)))),
                anonymous=draw(st.booleans()),
                status=draw(st.sampled_from(list(Status))),
                credibility=draw(st.sampled_from([None, 1, 2, 3, 4, 5, 6])),
                notes=tuple(
                    Note(draw(texts), draw(texts), draw(texts))
                    for _ in range(draw(st.integers(0, 2)))
                ),
            )
        )
    meta = ArticleMeta(*(draw(st.none() | texts) for _ in range(6)))
    ann = AnnotationSet(draw(texts), meta, body_sha256(body), sources, tuple(claims))
    return ann, body


C_AND_PYTHON = [
    pytest.param(store.YamlDumper, store._Loader, id="default"),
    pytest.param(yaml.SafeDumper, yaml.SafeLoader, id="python"),
    pytest.param(store.YamlDumper, yaml.SafeLoader, id="default-dump-python-load"),
    pytest.param(yaml.SafeDumper, store._Loader, id="python-dump-default-load"),
]


@pytest.mark.parametrize(("dumper", "loader"), C_AND_PYTHON)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=annotation_sets())
def test_round_trip_property(dumper: type, loader: type, case: tuple[AnnotationSet, str]) -> None:
    ann, body = case
    with (
        mock.patch.object(store, "YamlDumper", dumper),
        mock.patch.object(store, "_Loader", loader),
    ):
        text = dump_annotations(ann, body)
        assert parse_annotations(text, "p.yaml").annotations == ann
        checked = parse_annotations(text, "p.yaml", body)
    assert checked.annotations == ann
    assert not checked.report.moved
    assert len(checked.report.orphans) == len(ann.orphans())
    assert text.startswith(f"sourcecrit: {FORMAT_VERSION}\n")
    events = list(yaml.parse(text, Loader=yaml.SafeLoader))
    assert all(getattr(e, "anchor", None) is None for e in events)


@settings(max_examples=60, deadline=None)
@given(case=annotation_sets())
def test_saved_file_round_trips(tmp_path_factory: pytest.TempPathFactory, case) -> None:
    ann, body = case
    path = tmp_path_factory.mktemp("rt") / "annotations" / "x.yaml"
    save_annotations(ann, body, path)
    assert load_annotations(path, body).annotations == ann
    assert load_annotations(path).annotations == ann


# --- validation errors ---------------------------------------------------------------------

VALID = """\
sourcecrit: 1
article:
  path: articles/coree.txt
  sha256: SHA
  title: null
  language: fr
sources:
- id: nis
  name: NIS
  kind: intelligence
  aliases:
  - services de renseignements
  reliability: B
  note: ''
- id: newsweek
  name: Newsweek
  kind: media
claims:
- id: c1
  span:
    start: 0
    end: 5
    exact: Selon
    prefix: ''
    suffix: ' les services de renseignements '
  cue: null
  chain:
  - source: nis
    mention: null
    inferred: false
  hedges: []
  anonymous: false
  status: suggested
  credibility: 2
  notes:
  - text: ok
    created: '2026-11-24T10:00:00+00:00'
    updated: '2026-11-24T10:00:00+00:00'
- id: c2
  span:
    start: 6
    end: 9
    exact: les
"""


def test_the_valid_sample_loads() -> None:
    ann = parse_annotations(VALID, "v.yaml").annotations
    assert [c.id for c in ann.claims] == ["c1", "c2"]
    assert ann.sources[1] == Source("newsweek", "Newsweek", "media")


def edit(old: str, new: str, nth: int = 0) -> tuple[str, int]:
    """VALID with one line replaced; returns the text and the (1-based) line of the edit."""
    lines = VALID.split("\n")
    hits = [i for i, line in enumerate(lines) if line == old]
    index = hits[nth]
    lines[index : index + 1] = new.split("\n") if new else []
    return "\n".join(lines), index + 1


ERROR_CASES = [
    # (name, old line, new line, expected field, words of the reason)
    (
        "python-tag",
        "  status: suggested",
        "  status: !!python/object/apply:os.system ['touch MARKER']",
        "claims[0].status",
        "disallowed tag !!python/object/apply:os.system",
    ),
    (
        "python-tag-mapping",
        "  cue: null",
        "  cue: !!python/object/new:os.system {args: ['touch MARKER']}",
        "claims[0].cue",
        "disallowed tag !!python/object/new:os.system",
    ),
    (
        "python-name",
        "  - services de renseignements",
        "  - !!python/name:os.system",
        "sources[0].aliases[0]",
        "disallowed tag !!python/name:os.system",
    ),
    ("binary-tag", "  note: ''", "  note: !!binary aGVsbG8=", "sources[0].note", "!!binary"),
    (
        "custom-tag",
        "  title: null",
        "  title: !secret x",
        "article.title",
        "disallowed tag !secret",
    ),
    ("version-newer", "sourcecrit: 1", "sourcecrit: 2", "sourcecrit", "newer"),
    ("version-text", "sourcecrit: 1", "sourcecrit: one", "sourcecrit", "whole number"),
    ("version-zero", "sourcecrit: 1", "sourcecrit: 0", "sourcecrit", "no format version 0"),
    ("version-missing", "sourcecrit: 1", "", "sourcecrit", "not a sourcecrit annotation file"),
    ("missing-name", "  name: NIS", "", "sources[0].name", "missing required field"),
    ("missing-exact", "    exact: Selon", "", "claims[0].span.exact", "missing required field"),
    ("missing-span", "  span:", "  spam:", "claims[0].spam", "unknown field"),
    (
        "bool-type",
        "  anonymous: false",
        "  anonymous: maybe",
        "claims[0].anonymous",
        "true or false",
    ),
    ("int-type", "    start: 0", "    start: zero", "claims[0].span.start", "whole number"),
    ("bool-not-int", "  credibility: 2", "  credibility: true", "claims[0].credibility", "number"),
    ("float", "  credibility: 2", "  credibility: 2.5", "claims[0].credibility", "whole number"),
    ("list-type", "  hedges: []", "  hedges: nope", "claims[0].hedges", "expected a list"),
    ("str-type", "  name: NIS", "  name: 12", "sources[0].name", "expected a string"),
    ("yes-is-bool", "  name: NIS", "  name: yes", "sources[0].name", "quote it"),
    (
        "timestamp",
        "    created: '2026-11-24T10:00:00+00:00'",
        "    created: 2026-11-24",
        "claims[0].notes[0].created",
        "quote it",
    ),
    ("credibility-7", "  credibility: 2", "  credibility: 7", "claims[0].credibility", "1-6"),
    ("credibility-0", "  credibility: 2", "  credibility: 0", "claims[0].credibility", "1-6"),
    ("reliability-G", "  reliability: B", "  reliability: G", "sources[0].reliability", "A-F"),
    ("kind", "  kind: media", "  kind: blogger", "sources[1].kind", "unknown kind 'blogger'"),
    ("status", "  status: suggested", "  status: maybe", "claims[0].status", "unknown status"),
    ("start-after-end", "    end: 5", "    end: -1", "claims[0].span.end", "before the start"),
    ("negative", "    start: 6", "    start: -6", "claims[1].span.start", "negative"),
    ("unknown-source", "  - source: nis", "  - source: nsa", "claims[0].chain[0].source", "nsa"),
    ("dup-source", "- id: newsweek", "- id: nis", "sources[1].id", "duplicate source id 'nis'"),
    ("dup-claim", "- id: c2", "- id: c1", "claims[1].id", "duplicate claim id 'c1'"),
    ("empty-id", "- id: c2", "- id: ''", "claims[1].id", "must not be empty"),
    ("dup-key", "  status: suggested", "  anonymous: true", "claims[0].anonymous", "duplicate key"),
    ("unknown-top", "sources:", "source:", "source", "unknown field"),
    ("not-mapping", "  cue: null", "  cue: 12", "claims[0].cue", "expected a mapping"),
    ("alias", "  cue: null", "  cue: *anchor", "claims[0].cue", "alias"),
    ("second-doc", "- id: c2", "---\n- id: c2", None, "more than one YAML document"),
    ("control-char", "  note: ''", "  note: 'bell\x07'", None, "U+0007"),
]


@pytest.mark.parametrize(
    ("old", "new", "field", "words"), [c[1:] for c in ERROR_CASES], ids=[c[0] for c in ERROR_CASES]
)
@pytest.mark.parametrize("loader", [store._Loader, yaml.SafeLoader], ids=["default", "python"])
def test_error_names_file_line_and_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loader: type, old, new, field, words
) -> None:
    text, line = edit(old, new)
    path = tmp_path / "annotations" / "bad.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    monkeypatch.chdir(tmp_path)  # where a `touch MARKER` would land
    monkeypatch.setattr(store, "_Loader", loader)
    with pytest.raises(StoreError) as caught:
        load_annotations(path)
    err = caught.value
    message = str(err)
    assert "\n" not in message
    assert err.path == str(path) and message.startswith(f"{path}:")
    assert words in err.reason
    if new and field is not None:  # a removed line is reported at its mapping
        assert err.line == line, message
    assert err.line is not None and 1 <= err.line <= len(text.split("\n"))
    assert err.field == field
    if field is not None:
        assert f":{err.line}: {field}: " in message
    assert path.read_bytes() == before
    assert not (tmp_path / "MARKER").exists()
    assert sorted(p.name for p in path.parent.iterdir()) == ["bad.yaml"]


SYNTAX_CASES = [
    # (old line, new line, line of the error (0: the edited one), field reading had reached)
    ("  credibility: 2", "  credibility: 2: 3", 0, "claims[0]"),
    ("  status: suggested", "  status: [suggested", 1, "claims[0].status[1]"),
    ("  anonymous: false", "\tanonymous: false", 0, "claims[0]"),
    ("    exact: Selon", "    exact: 'Selon", 2, "claims[0].span"),  # the quote runs on
]


@pytest.mark.parametrize(("old", "new", "shift", "field"), SYNTAX_CASES)
@pytest.mark.parametrize("loader", [store._Loader, yaml.SafeLoader], ids=["default", "python"])
def test_syntax_error_names_the_line_and_where_reading_was(
    monkeypatch: pytest.MonkeyPatch, loader: type, old: str, new: str, shift: int, field: str
) -> None:
    text, line = edit(old, new)
    monkeypatch.setattr(store, "_Loader", loader)
    with pytest.raises(StoreError) as caught:
        parse_annotations(text, "s.yaml")
    err = caught.value
    assert err.reason.startswith("invalid YAML: ")
    assert (err.line, err.field) == (line + shift, field), str(err)
    assert str(err).startswith(f"s.yaml:{line + shift}: {field}: invalid YAML: ")


def test_missing_field_is_reported_at_its_mapping() -> None:
    text, _ = edit("    exact: Selon", "")
    with pytest.raises(StoreError) as caught:
        parse_annotations(text, "m.yaml")
    span_line = VALID.split("\n").index("  span:") + 1
    assert caught.value.line == span_line
    assert str(caught.value) == f"m.yaml:{span_line}: claims[0].span.exact: missing required field"


def test_python_payload_is_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    payload = f"!!python/object/apply:os.system ['touch {marker}']"
    for text in (
        payload,
        f"sourcecrit: 1\narticle: {payload}\n",
        f"- {payload}\n",
        f"sourcecrit: 1\narticle:\n  path: a\nclaims:\n- id: {payload}\n",
        f"? {payload}\n: 1\n",
    ):
        path = tmp_path / "evil.yaml"
        path.write_text(text)
        with pytest.raises(StoreError) as caught:
            load_annotations(path)
        assert str(caught.value).startswith(f"{path}:")
        assert not marker.exists()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty file"),
        ("# just a comment\n", "empty file"),
        ("- a\n- b\n", "expected a mapping at the top"),
        ("hello\n", "expected a mapping at the top"),
        ("sourcecrit: 1\n", "article: missing required field"),
        ("sourcecrit: 1\narticle: {}\n", "article.path: missing required field"),
    ],
)
def test_not_an_annotation_file(text: str, words: str) -> None:
    with pytest.raises(StoreError) as caught:
        parse_annotations(text, "x.yaml")
    assert words in str(caught.value)
    assert str(caught.value).startswith("x.yaml")


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("sourcecrit: 1\narticle:\n  path: caf\xe9\n".encode("latin-1"))
    with pytest.raises(StoreError) as caught:
        load_annotations(path)
    assert str(caught.value) == f"{path}:3: not UTF-8 text"


def test_missing_file_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot read"):
        load_annotations(tmp_path / "nope.yaml")


def test_span_past_the_end_of_the_same_article_is_an_error() -> None:
    body = "Selon les services de renseignements sud-coréens"
    text = VALID.replace("SHA", body_sha256(body)).replace("    end: 9", "    end: 999")
    with pytest.raises(StoreError) as caught:
        parse_annotations(text, "r.yaml", body)
    assert caught.value.field == "claims[1].span.end"
    assert "past the end of the article" in caught.value.reason
    # Against a changed article, offsets mean nothing until re-anchored: not an error.
    assert parse_annotations(text, "r.yaml", body + " (mis à jour)").annotations


def test_dump_refuses_what_could_not_be_loaded(tmp_path: Path) -> None:
    bad_hop = replace(sample(), sources=sample().sources[:1])  # c2 cites newsweek
    path = tmp_path / "a.yaml"
    with pytest.raises(StoreError) as caught:
        save_annotations(bad_hop, BODY, path)
    assert caught.value.field == "claims[1].chain[0].source"
    assert str(caught.value).startswith(f"{path}: claims[1].chain[0].source: unknown source")
    assert not path.exists() and not list(tmp_path.iterdir())
    dup = replace(sample(), claims=sample().claims + sample().claims[:1])
    with pytest.raises(StoreError, match="duplicate claim id 'c1'"):
        dump_annotations(dup, BODY)
    with pytest.raises(StoreError, match="past the end of the article"):
        dump_annotations(sample(), BODY[:50])


def test_lone_surrogate_is_refused_clearly() -> None:
    ann = replace(sample(), sources=(Source("nis", "bad \ud800 name"), sample().sources[1]))
    with pytest.raises(StoreError) as caught:
        dump_annotations(ann, BODY)
    assert caught.value.field == "sources[0].name"
    assert "UTF-8" in caught.value.reason


# --- re-anchoring through the store -------------------------------------------------------


def test_article_edited_spans_are_reanchored_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    save_annotations(sample(), BODY, path)
    edited = "MISE À JOUR. " + BODY.replace("15 000 travailleurs", "quinze mille travailleurs")
    edited = edited.replace("Le chiffre est spectaculaire, selon Newsweek.", "")
    result = load_annotations(path, edited)
    report = result.report
    assert report.sha_changed
    c1, c2 = result.annotations.claims
    assert c1.span.text(edited).startswith("la Corée du Nord aurait envoyé environ quinze mille")
    assert c1.cue is not None and c1.cue.text(edited) == "Selon"
    assert c2.span.orphan is not None and c2.span.orphan.exact == "Le chiffre est spectaculaire"
    assert result.annotations.sha256 == body_sha256(edited)
    lines = report.lines()
    assert lines[0] == f"{path}: the article changed since these annotations were saved"
    assert any("claim c2" in line and "orphan" in line for line in lines)
    assert any("claim c1:" in line and "% similar" in line for line in lines)

    # Saving again keeps the orphan, with its quote; loading again still reports it.
    save_annotations(result.annotations, edited, path)
    text = path.read_text(encoding="utf-8")
    assert "    orphan: true\n" in text and "exact: Le chiffre est spectaculaire\n" in text
    again = load_annotations(path, edited)
    assert again.annotations == result.annotations
    assert not again.report.sha_changed
    assert [r.ref.claim_id for r in again.report.orphans] == ["c2", "c2"]
    assert all("still not found" in line for line in again.report.lines())

    # Once the text is back, the orphan is found again.
    restored = load_annotations(path, BODY)
    assert restored.annotations.claims[1] == sample().claims[1]
    assert not restored.report.orphans


def test_whitespace_change_in_article(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    save_annotations(sample(), BODY, path)
    edited = BODY.replace("environ 15 000 travailleurs", "environ\n15 000  travailleurs")
    claim = load_annotations(path, edited).annotations.claims[0]
    assert claim.span.text(edited).endswith("environ\n15 000  travailleurs en Russie")


# --- atomic save ---------------------------------------------------------------------------


def test_save_creates_the_folder_and_leaves_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "ws" / "annotations" / "a.yaml"
    save_annotations(sample(), BODY, path)
    assert path.read_text(encoding="utf-8") == dump_annotations(sample(), BODY)
    assert [p.name for p in path.parent.iterdir()] == ["a.yaml"]


def test_failed_save_keeps_the_old_file_and_removes_the_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.yaml"
    save_annotations(sample(), BODY, path)
    before = path.read_bytes()

    def broken_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    changed = replace(sample(), claims=sample().claims[:1])
    with pytest.raises(StoreError) as caught:
        save_annotations(changed, BODY, path)
    assert str(caught.value) == f"{path}: cannot write: Input/output error"
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]


def test_save_into_a_folder_that_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(StoreError, match="cannot write"):
        save_annotations(sample(), BODY, blocker / "a.yaml")


def test_save_keeps_the_file_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    save_annotations(sample(), BODY, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    path.chmod(0o664)
    save_annotations(sample(), BODY, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o664


def test_stale_temp_files_are_cleared_recent_ones_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    stale = tmp_path / ".a.yaml.old123.tmp"
    recent = tmp_path / ".a.yaml.new456.tmp"
    other = tmp_path / ".b.yaml.old789.tmp"
    for p in (stale, recent, other):
        p.write_text("half a file")
    old = time.time() - store.STALE_TEMP_SECONDS - 60
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    save_annotations(sample(), BODY, path)
    assert not stale.exists()
    assert recent.exists() and other.exists()


# --- paths ---------------------------------------------------------------------------------


def test_annotation_path_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = tmp_path / "ws"
    assert annotation_path_for(ws / "articles" / "coree.txt") == ws / "annotations" / "coree.yaml"
    assert annotation_path_for(Path("x/y.md"), ws) == ws / "annotations" / "y.yaml"
    monkeypatch.chdir(tmp_path)
    assert annotation_path_for(Path("/elsewhere/news.txt")) == tmp_path / "annotations/news.yaml"


def test_recovery_path_is_a_hidden_sibling() -> None:
    path = Path("ws/annotations/coree.yaml")
    assert recovery_path_for(path) == Path("ws/annotations/.coree.recovery.yaml")


def test_store_error_formats() -> None:
    assert str(StoreError("a.yaml", 3, "claims[0].id", "bad")) == "a.yaml:3: claims[0].id: bad"
    assert str(StoreError("a.yaml", None, None, "two\nlines")) == "a.yaml: two lines"
    assert str(StoreError(Path("a.yaml"), 7, None, "x")) == "a.yaml:7: x"


def test_the_documented_example_loads() -> None:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "format.md").read_text("utf-8")
    example = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    loaded = parse_annotations(example, "format.md").annotations
    assert [c.id for c in loaded.claims] == ["c1", "c2", "c3"]
    assert loaded.claims[2].span.orphan is not None
