#!/usr/bin/env python3
"""Extraction speed: builds a 1 MB and a 4 MB article from the corpus and prints MB/s.

    .venv/bin/python benchmarks/extract.py

Articles come from ../shared/corpus (every *.txt under it), or the bundled sample when that
folder is absent. Front matter is dropped; bodies are joined with blank lines. Targets: at
least 2 MB/s on one core, and the 4 MB article no slower than 4.5x the 1 MB one.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.articles import parse_article  # noqa: E402
from tui.attribution import extract_claims, load_rules  # noqa: E402

FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)


def corpus_bodies() -> list[tuple[str, str]]:
    """(language, body) of every corpus article; the bundled sample as a fallback."""
    shared = ROOT.parent / "shared" / "corpus"
    files = sorted(shared.rglob("*.txt")) if shared.is_dir() else []
    if not files:
        files = [ROOT / "articles" / "coree-du-nord-russie.txt"]
    out = []
    for f in files:
        text = f.read_text(encoding="utf-8")
        lang = "en" if re.search(r"^language:\s*en\s*$", text, re.M) else "fr"
        out.append((lang, FRONT.sub("", text)))
    return out


def build(size: int, bodies: list[str]) -> str:
    parts: list[str] = []
    total = 0
    i = 0
    while total < size:
        body = bodies[i % len(bodies)]
        parts.append(body)
        total += len(body.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts)


def run(label: str, text: str, language: str) -> float:
    article = parse_article(text, path=f"<{label}>", language=language)
    rules = load_rules(language)
    extract_claims(article, rules)  # warm caches
    t0 = time.perf_counter()
    ann = extract_claims(article, rules)
    elapsed = time.perf_counter() - t0
    mb = len(text.encode("utf-8")) / 1e6
    print(
        f"{label:>6} {language}: {mb:5.2f} MB in {elapsed:6.3f} s = {mb / elapsed:6.2f} MB/s "
        f"({len(ann.claims)} claims, {len(ann.sources)} sources)"
    )
    return elapsed


def main() -> int:
    corpus = corpus_bodies()
    ok = True
    for language in ("fr", "en"):
        bodies = [b for lang, b in corpus if lang == language] or [b for _, b in corpus]
        small = run("1 MB", build(1_000_000, bodies), language)
        large = run("4 MB", build(4_000_000, bodies), language)
        ratio = large / small
        rate = 1.0 / small
        print(f"        4 MB / 1 MB time ratio: {ratio:.2f} (target <= 4.5)")
        ok = ok and ratio <= 4.5 and rate >= 2.0
    print("targets met" if ok else "TARGETS MISSED (>= 2 MB/s, ratio <= 4.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
