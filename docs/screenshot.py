"""Regenerate docs/reader.svg, the README's picture of the reader on the bundled sample.

    python docs/screenshot.py

Runs the real ReaderApp headless at 120x40 on the sample article (annotations kept in a
temporary folder, so the workspace is untouched), shows the first claim and takes
Textual's own SVG screenshot.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from tui.app import ReaderApp, open_annotations
from tui.articles import load_article

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "articles" / "coree-du-nord-russie.txt"
OUTPUT = HERE / "reader.svg"


async def take_screenshot() -> str:
    article = load_article(SAMPLE)
    with tempfile.TemporaryDirectory() as tmp:
        opened = open_annotations(article, Path(tmp) / "annotations" / "sample.yaml")
        app = ReaderApp(article, opened, clock=lambda: "2026-01-01T00:00:00+00:00")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            return app.export_screenshot(title="sourcecrit")


def main() -> None:
    OUTPUT.write_text(asyncio.run(take_screenshot()), encoding="utf-8")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
