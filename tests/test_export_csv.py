"""`--to csv`: one row per claim, read back by Python's csv module; Excel variant."""

from __future__ import annotations

import csv
import io

from test_export_common import seed_annotations, seed_body

from tui.exports.csv_export import COLUMNS, export_csv


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_rows_read_back() -> None:
    body = seed_body()
    ann = seed_annotations(body)
    text = export_csv(ann, body)
    assert not text.startswith("\ufeff")
    assert "\r\n" not in text
    rows = _rows(text)
    assert tuple(rows[0]) == COLUMNS
    assert [r["id"] for r in rows] == [c.id for c in ann.claims]
    c1 = rows[0]
    assert c1["quote"] == body[int(c1["start"]) : int(c1["end"])]
    assert c1["chain"] == "NIS → Newsweek → L'Express"
    assert (c1["origin"], c1["origin_kind"]) == ("NIS", "intelligence")
    assert (c1["anonymous"], c1["hedged"], c1["status"]) == ("no", "yes", "confirmed")
    assert (c1["credibility"], c1["weakest_reliability"]) == ("2", "C")
    # The two notes, one with a line break inside, come back exactly.
    assert c1["notes"] == (
        "Check the NIS report itself.\n\nNewsweek link is inferred\nfrom paragraph order."
    )
    c3 = next(r for r in rows if r["id"] == "c3")
    assert (c3["anonymous"], c3["origin_kind"], c3["weakest_reliability"]) == (
        "yes",
        "anonymous",
        "F",
    )
    c5 = next(r for r in rows if r["id"] == "c5")
    assert (c5["status"], c5["credibility"], c5["notes"]) == ("suggested", "", "")


def test_csv_for_excel_has_bom_crlf_and_defused_formulas() -> None:
    body = seed_body()
    ann = seed_annotations(body)
    from dataclasses import replace

    from tui.model import Note

    claim = ann.claims[1]
    ann = ann.replace_claim(replace(claim, notes=(Note('=HYPERLINK("x")', "t", "t"),)))
    text = export_csv(ann, body, excel=True)
    raw = text.encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == len(ann.claims) + 1  # one per record; notes keep bare \n
    rows = _rows(raw.decode("utf-8-sig"))
    assert tuple(rows[0]) == COLUMNS
    assert rows[1]["notes"] == '\'=HYPERLINK("x")'
    assert rows[0]["quote"] == ann.claims[0].span.text(body)
