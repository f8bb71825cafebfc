"""Bytes to clean text: decode, normalise newlines, strip control characters, NFC.

The order matters: newlines are normalised before controls are stripped (so a lone CR
becomes a line break rather than vanishing), and NFC comes last so that removing a control
character between a letter and a combining accent still composes them.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from tui.articles.errors import BadText

# C0 controls except TAB and LF, DEL, and C1 (U+0080-U+009F). ESC and CSI are what turn
# "\x1b]8;;…" or "\x9b31m" into terminal commands; text must reach the reader without them.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# More than this share of control or undecodable characters means the file is not text.
# Bytes that are not UTF-8 are suspect from the start: random bytes decoded as cp1252 give
# about 13 % of such characters, a real cp1252 article none.
BINARY_RATIO_FALLBACK = 0.05
# Valid UTF-8 is text by construction (random bytes never are); only refuse it when it is
# mostly control characters, so an article full of pasted escape codes still loads.
BINARY_RATIO_UTF8 = 0.3
# A few stray escape codes in a very short text are still text.
BINARY_MIN_COUNT = 4

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode as UTF-8 (BOM stripped), UTF-16 with a BOM, or else cp1252 (never fails).
    Returns the text and the encoding used."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise BadText("binary file, not text (invalid UTF-16)") from None
    if b"\x00" in data:
        raise BadText("binary file, not text")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    return data.removeprefix(codecs.BOM_UTF8).decode("cp1252", errors="replace"), "cp1252"


def normalise_newlines(text: str) -> str:
    # U+2028/U+2029 are line breaks to str.splitlines() and to terminals; making them LF
    # keeps "line N" the same for every consumer of the body.
    return (
        text.replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\u2028", "\n")
        .replace("\u2029", "\n")
    )


def clean_text(text: str, *, fallback: bool = False) -> tuple[str, list[str]]:
    """Sanitise decoded text; raise BadText if it looks binary rather than written.
    ``fallback``: the text was decoded as cp1252 because it was not UTF-8."""
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise BadText("binary file, not text")
    text = normalise_newlines(text)
    length = len(text)
    text, removed = _CONTROL_RE.subn("", text)
    bad = removed + (text.count("\ufffd") if fallback else 0)
    ratio = BINARY_RATIO_FALLBACK if fallback else BINARY_RATIO_UTF8
    if bad >= BINARY_MIN_COUNT and bad > ratio * length:
        raise BadText("binary file, not text")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    warnings = [f"removed {removed} control character(s)"] if removed else []
    return text, warnings


def text_from_data(data: str | bytes) -> tuple[str, list[str]]:
    """Decode (if bytes) and sanitise; the warnings say what was changed."""
    warnings: list[str] = []
    encoding = "utf-8"
    if isinstance(data, bytes):
        data, encoding = decode_bytes(data)
    fallback = encoding == "cp1252"
    if fallback:
        warnings.append("not UTF-8; decoded as cp1252")
        undefined = data.count("\ufffd")
        if undefined:
            warnings.append(f"{undefined} byte(s) undefined in cp1252 replaced with U+FFFD")
    text, more = clean_text(data, fallback=fallback)
    return text, warnings + more
