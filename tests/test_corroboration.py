"""Corroboration: the same figure relayed by several outlets is found, and its origin counted."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest

from tui.articles import load_article
from tui.attribution import extract_claims, load_rules
from tui.corroboration import (
    also_reported,
    extract_entities,
    extract_numbers,
    groups_markdown,
    link_claims,
    number_keys,
)

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "articles" / "coree-du-nord-russie.txt"

# Written for this test: the seed's NIS figure (15 000 workers) relayed by another outlet.
RELAY = """---
title: Des ouvriers nord-coréens sur les chantiers russes
outlet: Le Temps
published: 2025-05-06
language: fr
---
Selon le Guardian, qui cite les services de renseignement sud-coréens (NIS), quelque 15 000 \
travailleurs nord-coréens auraient été envoyés en Russie depuis le début de l'année.

Les chantiers de Vladivostok manquent de bras, a expliqué un entrepreneur local.
"""


def article_set(path: Path):
    article = load_article(path)
    annotations = extract_claims(article, load_rules(article.language))
    return article.meta, annotations, article.body


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def relay_workspace(tmp_path: Path) -> Path:
    articles = tmp_path / "articles"
    write(articles, SEED.name, SEED.read_text(encoding="utf-8"))
    write(articles, "relais-guardian.txt", RELAY)
    return tmp_path


# --- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("15 000 travailleurs", "15000"),
        ("15,000 workers", "15000"),
        ("15\u00a0000 travailleurs", "15000"),  # no-break space
        ("15\u202f000 travailleurs", "15000"),  # narrow no-break space
        ("15\u2009000 travailleurs", "15000"),  # thin space
        ("15k workers", "15000"),
        ("15.000 Arbeiter", "15000"),  # European grouping
        ("2,4 millions d'ici 2030", "2400000"),
        ("1,5 million aujourd'hui", "1500000"),
        ("2.5 million people", "2500000"),
        ("quinze mille travailleurs", "15000"),
        ("fifteen thousand workers", "15000"),
        ("deux cent mille", "200000"),
        ("quatre-vingt-dix soldats", "90"),
        ("twenty-five", "25"),
        ("un million de personnes", "1000000"),
        ("3bn dollars", "3000000000"),
        ("12 % des votants", "12%"),
        ("1 234,5 tonnes", "1234.5"),
    ],
)
def test_numbers_are_normalised(text: str, key: str) -> None:
    assert key in number_keys(text, None), extract_numbers(text)


@pytest.mark.parametrize(
    "text",
    ["en 2024", "le 30 avril", "on April 30", "trois soldats", "un rapport", "a report"],
)
def test_years_dates_small_counts_and_articles_do_not_link(text: str) -> None:
    assert number_keys(text, None) == set()


def test_entities_are_capitalised_names_normalised() -> None:
    text = "la Corée du Nord aurait envoyé 15 000 travailleurs en Russie, selon Pyongyang"
    assert extract_entities(text, "fr") == {"coree du nord", "russie", "pyongyang"}
    assert "wall street journal" in extract_entities("The Wall Street Journal said so.", "en")


# --- groups -------------------------------------------------------------------------------


def test_relayed_figure_is_one_origin(relay_workspace: Path) -> None:
    seed = article_set(relay_workspace / "articles" / SEED.name)
    relay = article_set(relay_workspace / "articles" / "relais-guardian.txt")
    groups = link_claims([seed, relay])
    found = [g for g in groups if "15000" in g.numbers]
    assert len(found) == 1
    group = found[0]
    assert len(group.articles) == 2
    assert group.origins == ("NIS",)
    assert not group.independent and group.circular
    assert group.summary == "2 articles, 1 origin (NIS)"
    chains = {c.article.split("/")[-1]: c.chain for c in group.claims}
    assert chains[SEED.name][0] == "NIS" and chains["relais-guardian.txt"][0] == "NIS"
    assert "Guardian" in chains["relais-guardian.txt"]


def test_credibility_one_on_circular_group_is_warned(relay_workspace: Path) -> None:
    meta, annotations, body = article_set(relay_workspace / "articles" / "relais-guardian.txt")
    claim = next(c for c in annotations.claims if "15 000" in c.span.text(body))
    annotations = annotations.replace_claim(replace(claim, credibility=1))
    groups = link_claims(
        [article_set(relay_workspace / "articles" / SEED.name), (meta, annotations, body)]
    )
    (group,) = [g for g in groups if "15000" in g.numbers]
    assert len(group.warnings) == 1
    assert claim.id in group.warnings[0] and "one origin (NIS)" in group.warnings[0]


def test_independent_origins(tmp_path: Path) -> None:
    a = write(
        tmp_path,
        "a.txt",
        "---\noutlet: Le Matin\nlanguage: fr\n---\nSelon la préfecture du Rhône, 3 200 "
        "ouvriers ont été évacués à Lyon après l'incendie.\n",
    )
    b = write(
        tmp_path,
        "b.txt",
        "---\noutlet: Le Soir\nlanguage: fr\n---\nD'après les pompiers du SDIS, quelque "
        "3 200 ouvriers ont été évacués à Lyon.\n",
    )
    (group,) = link_claims([article_set(a), article_set(b)])
    assert group.independent and not group.circular
    assert group.summary.startswith("2 articles, 2 origins (")
    assert not group.warnings


def test_same_figure_without_a_shared_name_is_not_linked(tmp_path: Path) -> None:
    a = write(
        tmp_path,
        "a.txt",
        "---\nlanguage: fr\n---\nSelon la mairie, 3 200 arbres ont été plantés à Lyon.\n",
    )
    b = write(
        tmp_path,
        "b.txt",
        "---\nlanguage: fr\n---\nSelon le ministère, 3 200 postes seront créés à Brest.\n",
    )
    assert link_claims([article_set(a), article_set(b)]) == []


def test_date_window(tmp_path: Path) -> None:
    text = (
        "---\nlanguage: fr\npublished: {date}\n---\n"
        "Selon {src}, 3 200 ouvriers ont été évacués à Lyon.\n"
    )
    a = write(tmp_path, "a.txt", text.format(date="2025-01-01", src="la préfecture"))
    b = write(tmp_path, "b.txt", text.format(date="2025-06-01", src="les pompiers"))
    assert link_claims([article_set(a), article_set(b)], window_days=30) == []
    assert len(link_claims([article_set(a), article_set(b)], window_days=200)) == 1


def test_also_reported_and_markdown(relay_workspace: Path) -> None:
    seed = article_set(relay_workspace / "articles" / SEED.name)
    relay = article_set(relay_workspace / "articles" / "relais-guardian.txt")
    groups = link_claims([seed, relay])
    group = next(g for g in groups if "15000" in g.numbers)
    mine = next(c for c in group.claims if c.article.endswith(SEED.name))
    others = also_reported(groups, mine.article, mine.claim_id)
    assert [o.article for o in others] == [relay[1].article_path]
    assert others[0].chain_text == "NIS → Guardian → Le Temps"
    md = groups_markdown(groups)
    assert "2 articles, 1 origin (NIS)" in md and "**circular**" in md


def test_linking_scales_with_claims_not_their_square(relay_workspace: Path) -> None:
    seed = article_set(relay_workspace / "articles" / SEED.name)
    many = [
        (meta, replace(ann, article_path=f"articles/copy-{i}.txt"), body)
        for i, (meta, ann, body) in enumerate([seed] * 300)
    ]  # 300 articles, 4 500 claims, every figure shared by all of them
    start = time.perf_counter()
    groups = link_claims(many)
    assert time.perf_counter() - start < 10
    assert groups and all(len(g.articles) == 300 for g in groups)
