"""The workspace commands: `sources`, `corroborate`, `extract FOLDER` (called directly)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from tui.cli_workspace import HANDLERS, add_workspace_parsers, extract_folder_command
from tui.errors import CliError
from tui.registry import load_registry, match_source

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "articles" / "coree-du-nord-russie.txt"
RELAY = (
    "---\ntitle: Ouvriers nord-coréens\noutlet: Le Temps\nlanguage: fr\n---\nSelon le Guardian, "
    "qui cite les services de renseignement sud-coréens (NIS), quelque 15 000 travailleurs "
    "nord-coréens auraient été envoyés en Russie.\n"
)


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="sourcecrit")
    add_workspace_parsers(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    return HANDLERS[args.command](args)


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COLUMNS", "200")  # Rich wraps at 80 columns when not on a terminal
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / SEED.name).write_text(SEED.read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "articles" / "relay.txt").write_text(RELAY, encoding="utf-8")
    return tmp_path


def test_extract_folder_then_sources(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert extract_folder_command(workspace / "articles", 2, None) == 0
    assert "2 written, 0 skipped" in capsys.readouterr().out
    assert run("sources", str(workspace)) == 0
    out = capsys.readouterr().out
    nis_row = next(line for line in out.splitlines() if " NIS " in line)
    assert "intelligence" in nis_row and nis_row.split("│")[4].strip() == "2"  # articles
    assert "L'Express" in out and "Le Temps" in out
    assert match_source(load_registry(workspace), "NIS") is not None  # sources.yaml written

    assert run("sources", str(workspace), "--kind", "intelligence", "--sort", "name") == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("│")]
    assert rows and all("intelligence" in row for row in rows)


def test_sources_shows_conflicts(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extract_folder_command(workspace, 1, None)
    for name, grade in ((SEED.stem, "B"), ("relay", "D")):
        path = workspace / "annotations" / f"{name}.yaml"
        text = path.read_text(encoding="utf-8")
        head, rest = text.split("name: NIS\n", 1)
        rest = rest.replace("reliability: null", f"reliability: {grade}", 1)
        path.write_text(head + "name: NIS\n" + rest, encoding="utf-8")
    capsys.readouterr()
    assert run("sources", str(workspace), "--sort", "reliability") == 0
    out = capsys.readouterr().out
    assert (
        "1 conflicts" in out
        and "NIS: reliability B in the registry, D in articles/relay.txt" in out
    )


def test_corroborate_json(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("corroborate", str(workspace / "articles"), "--to", "json") == 0
    data = json.loads(capsys.readouterr().out)
    group = next(g for g in data["groups"] if "15000" in g["numbers"])
    assert group["summary"] == "2 articles, 1 origin (NIS)"
    assert group["circular"] is True and group["independent"] is False
    assert sorted(group["articles"]) == ["articles/coree-du-nord-russie.txt", "articles/relay.txt"]
    assert {tuple(c["chain"]) for c in group["claims"]} == {
        ("NIS", "Newsweek", "L'Express"),
        ("NIS", "Guardian", "Le Temps"),
    }


def test_corroborate_rich_and_md_file(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("corroborate", str(workspace)) == 0
    out = capsys.readouterr().out
    assert "2 articles, 1 origin (NIS)" in out and "circular" in out
    target = workspace / "groups.md"
    assert run("corroborate", str(workspace), "--to", "md", "-o", str(target)) == 0
    assert "2 articles, 1 origin (NIS)" in target.read_text(encoding="utf-8")


def test_empty_folder_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(CliError, match="no articles in"):
        extract_folder_command(tmp_path, 2, None)
    with pytest.raises(CliError, match="no articles in"):
        run("corroborate", str(tmp_path))
    with pytest.raises(CliError, match="not a folder"):
        run("sources", str(tmp_path / "missing"))


def test_library_rows(workspace: Path) -> None:
    from tui.library import filter_rows, library_row, load_workspace, sort_rows

    extract_folder_command(workspace, 1, None)
    _, entries = load_workspace(workspace)
    rows = [library_row(e) for e in entries]
    seed = next(r for r in rows if r.path.name == SEED.name)
    assert (seed.outlet, seed.language, seed.annotated, seed.reviewed_pct) == (
        "L'Express",
        "fr",
        True,
        0.0,
    )
    assert seed.claims > 5 and 0 <= seed.anonymous_share <= 100
    assert [r.title for r in filter_rows(rows, "temps")] == ["Ouvriers nord-coréens"]
    assert sort_rows(rows, "claims", reverse=True)[0] is seed
