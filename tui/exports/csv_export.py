"""`--to csv`: one row per claim, for spreadsheets and pandas.

Written with the `csv` module, so quotes, commas and newlines inside fields are quoted the way
every CSV reader expects. `excel=True` adds what Excel needs to open UTF-8 correctly (a BOM and
CRLF line ends) and defuses cells that Excel would run as formulas (CSV injection).
"""

from __future__ import annotations

import csv
import io

from tui.exports.common import chain_text, origin, quote_of, rests_on_anonymous
from tui.model import AnnotationSet, Claim, weakest_reliability

COLUMNS = (
    "id",
    "quote",
    "start",
    "end",
    "chain",
    "origin",
    "origin_kind",
    "anonymous",
    "hedged",
    "status",
    "credibility",
    "weakest_reliability",
    "notes",
)
NOTE_SEPARATOR = "\n\n"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def claim_row(annotations: AnnotationSet, claim: Claim, body: str) -> list[str]:
    src = origin(annotations, claim)
    return [
        claim.id,
        quote_of(claim.span, body),
        str(claim.span.start),
        str(claim.span.end),
        chain_text(annotations, claim),
        src.name if src is not None else "",
        src.kind if src is not None else "",
        "yes" if rests_on_anonymous(annotations, claim) else "no",
        "yes" if claim.hedges else "no",
        claim.status.value,
        str(claim.credibility) if claim.credibility is not None else "",
        weakest_reliability(annotations, claim) or "",
        NOTE_SEPARATOR.join(n.text for n in claim.notes),
    ]


def _defuse(value: str) -> str:
    # OWASP's advice: a leading apostrophe makes Excel show the text instead of evaluating it.
    return "'" + value if value.startswith(_FORMULA_START) else value


def export_csv(annotations: AnnotationSet, body: str, *, excel: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n" if excel else "\n")
    writer.writerow(COLUMNS)
    for claim in annotations.claims:
        row = claim_row(annotations, claim, body)
        writer.writerow([_defuse(v) for v in row] if excel else row)
    text = buffer.getvalue()
    # The BOM is what makes Excel read the file as UTF-8 instead of the ANSI code page.
    return "\ufeff" + text if excel else text
