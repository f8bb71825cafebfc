"""`sourcecrit export`, `import-annotations` and `export_to_file`, run as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_export_common import SEED, seed_annotations, seed_body

from tui.exports import EXPORTERS, export_to_file
from tui.store import load_annotations, save_annotations

REPO = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], capture_output=True, cwd=cwd, env=env, timeout=120
    )


def one_line_error(proc: subprocess.CompletedProcess[bytes], needle: str) -> None:
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and needle in lines[0], err


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A workspace like a user's: articles/ with the seed, annotations/ with a review of it."""
    (tmp_path / "articles").mkdir()
    shutil.copy(SEED, tmp_path / "articles" / SEED.name)
    body = seed_body()
    save_annotations(seed_annotations(body), body, tmp_path / "annotations" / "seed.yaml")
    return tmp_path


@pytest.mark.parametrize("fmt", list(EXPORTERS))
def test_export_to_stdout(workspace: Path, fmt: str) -> None:
    proc = run("export", "annotations/seed.yaml", "--to", fmt, cwd=workspace)
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode("utf-8")
    body = seed_body()
    assert out == EXPORTERS[fmt].export(
        load_annotations(workspace / "annotations" / "seed.yaml", body).annotations, body
    )
    if fmt == "brat":
        assert ".txt" in proc.stderr.decode()  # says where the text must go
    else:
        assert proc.stderr == b""


def test_export_from_another_folder_finds_the_article(workspace: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = run(
        "export", str(workspace / "annotations" / "seed.yaml"), "--to", "json", cwd=elsewhere
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert len(json.loads(proc.stdout)["claims"]) == 7


def test_brat_export_writes_text_and_conf(workspace: Path) -> None:
    proc = run(
        "export", "annotations/seed.yaml", "--to", "brat", "-o", "brat/seed.ann", cwd=workspace
    )
    assert proc.returncode == 0, proc.stderr.decode()
    folder = workspace / "brat"
    assert (folder / "seed.txt").read_bytes() == seed_body().encode("utf-8")
    assert (folder / "annotation.conf").read_text().startswith("# sourcecrit")
    assert (folder / "seed.ann").read_text(encoding="utf-8").startswith("T1\tContent ")


def test_excel_csv_file(workspace: Path) -> None:
    proc = run(
        "export", "annotations/seed.yaml", "--to", "csv", "--excel", "-o", "x.csv", cwd=workspace
    )
    assert proc.returncode == 0, proc.stderr.decode()
    raw = (workspace / "x.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,quote,") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 8


def test_errors_are_one_line(workspace: Path) -> None:
    (workspace / "articles" / SEED.name).unlink()
    one_line_error(
        run("export", "annotations/seed.yaml", "--to", "md", cwd=workspace), "is missing"
    )
    one_line_error(run("export", "annotations/nope.yaml", "--to", "md", cwd=workspace), "nope.yaml")
    one_line_error(
        run("export", "annotations/seed.yaml", "--to", "md", "--excel", cwd=workspace),
        "--excel only applies to --to csv",
    )


def test_w3c_round_trip_through_the_cli(workspace: Path) -> None:
    assert (
        run(
            "export", "annotations/seed.yaml", "--to", "w3c", "-o", "seed.jsonld", cwd=workspace
        ).returncode
        == 0
    )
    proc = run("import-annotations", "seed.jsonld", "-o", "annotations/back.yaml", cwd=workspace)
    assert proc.returncode == 0, proc.stderr.decode()
    body = seed_body()
    original = load_annotations(workspace / "annotations" / "seed.yaml", body)
    back = load_annotations(workspace / "annotations" / "back.yaml", body)
    assert back.annotations == original.annotations == seed_annotations(body)
    assert back.report.anchoring.clean
    # To stdout: the same YAML.
    proc = run("import-annotations", "seed.jsonld", cwd=workspace)
    assert proc.stdout == (workspace / "annotations" / "back.yaml").read_bytes()


def test_import_annotations_errors(workspace: Path) -> None:
    (workspace / "bad.jsonld").write_text('{"type": "AnnotationCollection"}')
    one_line_error(run("import-annotations", "bad.jsonld", cwd=workspace), "no sourcecrit data")
    one_line_error(run("import-annotations", "missing.jsonld", cwd=workspace), "missing.jsonld")


def test_export_to_file_writes_beside_the_annotations(workspace: Path) -> None:
    body = seed_body()
    ann = seed_annotations(body)
    path = export_to_file(ann, body, "html", workspace / "annotations" / "seed.yaml")
    assert path == workspace / "annotations" / "seed.html"
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    brat = export_to_file(ann, body, "brat", workspace / "annotations" / "seed.yaml")
    assert brat.name == "seed.ann" and (brat.parent / "seed.txt").is_file()
    assert export_to_file(ann, body, "w3c", workspace / "annotations" / "seed.yaml").suffix == (
        ".jsonld"
    )


def test_parser_formats_match_the_registry() -> None:
    from tui.cli_export import EXPORT_FORMATS

    assert tuple(EXPORTERS) == EXPORT_FORMATS
