"""The command line as a user meets it: exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "articles" / "coree-du-nord-russie.txt"


def run(*args: str, cwd: Path | None = None, stdin: bytes | None = None):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        cwd=cwd or REPO,
        env=env,
        input=stdin,
        timeout=120,
    )


def assert_one_line_error(proc: subprocess.CompletedProcess, *needles: str) -> None:
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_version() -> None:
    proc = run("--version")
    assert proc.returncode == 0
    assert proc.stdout.decode().startswith("sourcecrit ")


@pytest.mark.parametrize("command", ["read", "extract", "check"])
def test_every_command_has_help(command: str) -> None:
    proc = run(command, "--help")
    assert proc.returncode == 0
    assert "usage: sourcecrit " + command in proc.stdout.decode()


def test_extract_dev_null() -> None:
    assert_one_line_error(run("extract", "/dev/null"), "/dev/null")


def test_extract_folder(tmp_path: Path) -> None:
    assert_one_line_error(run("extract", str(tmp_path)), str(tmp_path))


def test_extract_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert_one_line_error(run("extract", str(missing)), str(missing))


def test_extract_random_bytes(tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(os.urandom(20 * 1024))
    assert_one_line_error(run("extract", str(junk)), str(junk))


def test_extract_json_on_seed_follows_the_contract() -> None:
    proc = run("extract", str(SEED), "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout)
    body = SEED.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert data["article"]["outlet"] == "L'Express"
    assert data["article"]["language"] == "fr"
    assert data["claims"], "the seed has attributed claims"
    ids = {s["id"] for s in data["sources"]}
    for claim in data["claims"]:
        assert claim["text"] == body[claim["start"] : claim["end"]]
        assert claim["chain"][-1]["mention"] is None
        assert all(hop["source"] in ids for hop in claim["chain"])


def test_extract_several_files_gives_an_array(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("The minister said the bridge would reopen on Monday.\n", encoding="utf-8")
    proc = run("extract", str(SEED), str(other), "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout)
    assert isinstance(data, list) and len(data) == 2


def test_extract_yaml_is_a_loadable_annotation_file(tmp_path: Path) -> None:
    proc = run("extract", str(SEED), "--format", "yaml")
    assert proc.returncode == 0, proc.stderr.decode()
    out = tmp_path / "seed.yaml"
    out.write_bytes(proc.stdout)
    assert proc.stdout.decode().startswith("sourcecrit: 1")
    check = run("check", str(out))
    assert check.returncode == 0, check.stderr.decode()


def _saved_seed_annotations(tmp_path: Path) -> Path:
    """A workspace holding the seed and its extracted annotation file."""
    (tmp_path / "articles").mkdir()
    article = tmp_path / "articles" / SEED.name
    article.write_bytes(SEED.read_bytes())
    proc = run("extract", str(article), "--format", "yaml", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    out = tmp_path / "annotations" / "coree-du-nord-russie.yaml"
    out.parent.mkdir()
    out.write_bytes(proc.stdout)
    return out


BAD_FILES = {
    "malformed": ("sourcecrit: 1\nclaims: [unclosed\n", "bad.yaml:"),
    "python-tag": (
        "sourcecrit: 1\narticle: !!python/object/apply:os.system ['touch {marker}']\n",
        "python/object/apply",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_check_refuses_bad_files_and_runs_nothing(tmp_path: Path, case: str) -> None:
    marker = tmp_path / "PWNED"
    text, needle = BAD_FILES[case]
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.format(marker=marker), encoding="utf-8")
    before = bad.read_bytes()
    assert_one_line_error(run("check", str(bad)), "bad.yaml", needle)
    assert not marker.exists()
    assert bad.read_bytes() == before


def test_check_refuses_out_of_range_credibility(tmp_path: Path) -> None:
    path = _saved_seed_annotations(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert "credibility: null" in text
    bad = text.replace("credibility: null", "credibility: 9", 1)
    path.write_text(bad, encoding="utf-8")
    line = bad[: bad.index("credibility: 9")].count("\n") + 1
    proc = run("check", str(path))
    assert_one_line_error(proc, f"coree-du-nord-russie.yaml:{line}", "credibility")
    assert path.read_text(encoding="utf-8") == bad


def test_check_reports_orphans_when_the_article_changed(tmp_path: Path) -> None:
    path = _saved_seed_annotations(tmp_path)
    article = tmp_path / "articles" / SEED.name
    text = article.read_text(encoding="utf-8")
    # the sentence of the Korea Herald claim disappears from the article
    start = text.index("Selon le Korea Herald")
    end = text.index(".", start) + 1
    article.write_text(text[:start] + text[end:], encoding="utf-8")
    proc = run("check", str(path))
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    assert "orphan" in out
    assert "800 dollars" in out


def test_check_valid_file_says_so(tmp_path: Path) -> None:
    path = _saved_seed_annotations(tmp_path)
    proc = run("check", str(path))
    assert proc.returncode == 0, proc.stderr.decode()
    assert "valid" in proc.stdout.decode()


def test_check_reads_the_source_registry_as_a_registry(tmp_path: Path) -> None:
    """`sourcecrit check annotations/*.yaml` takes in sources.yaml too: checked as a registry."""
    path = _saved_seed_annotations(tmp_path)
    registry = path.parent / "sources.yaml"
    registry.write_text(
        "sourcecrit-sources: 1\nsources:\n- id: nis\n  name: NIS\n  reliability: B\n",
        encoding="utf-8",
    )
    proc = run("check", str(path), str(registry))
    assert proc.returncode == 0, proc.stderr.decode()
    assert "valid source registry (1 sources)" in proc.stdout.decode()

    bad = "sourcecrit-sources: 1\nsources:\n- id: nis\n  name: NIS\n  reliability: Z\n"
    registry.write_text(bad, encoding="utf-8")
    proc = run("check", str(registry))
    assert_one_line_error(proc, "sources.yaml:5", "reliability")
    assert registry.read_text(encoding="utf-8") == bad
