"""Helpers for the reader's Pilot tests (no tests here).

`make_app` builds a ReaderApp on a copy of an article in a temporary workspace, with a fixed
clock, so saves land in tmp_path/annotations/ and timestamps are deterministic.
"""

from __future__ import annotations

import asyncio
import re
import shutil
from collections.abc import Callable, Coroutine
from functools import wraps
from pathlib import Path
from typing import Any

from tui.app import ReaderApp, open_annotations
from tui.articles import load_article
from tui.attribution import load_rules

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "articles" / "coree-du-nord-russie.txt"
FIXED_NOW = "2025-05-01T12:00:00+00:00"


def fixed_clock() -> str:
    return FIXED_NOW


def workspace(tmp_path: Path, source: Path = SEED) -> Path:
    """Copy an article into tmp_path/articles/ and return the copy's path."""
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    target = folder / source.name
    shutil.copy(source, target)
    return target


def make_app(article_path: Path, **kwargs) -> ReaderApp:
    """The app `sourcecrit read ARTICLE` would open (same rules), with a fixed clock."""
    article = load_article(str(article_path))
    opened = open_annotations(article, rules=load_rules(article.language))
    return ReaderApp(article, opened, clock=fixed_clock, **kwargs)


def panel_text(app: ReaderApp) -> str:
    """What the claim panel shows, as plain text."""
    from tui.widgets.claim_panel import ClaimPanel

    return str(app.reader_root.query_one("#claim-panel", ClaimPanel).content)


def header_text(app: ReaderApp) -> str:
    from textual.widgets import Static

    return str(app.reader_root.query_one("#header", Static).content)


async def goto_chain(pilot, app: ReaderApp, *names: str, limit: int = 40) -> None:
    """Press j until the current claim's chain names all of `names`, in that order."""
    wanted = " → ".join(names)
    for _ in range(limit):
        chain_line = next(
            (line for line in panel_text(app).splitlines() if line.startswith("Chain ")), ""
        )
        bare = re.sub(r" \([A-F]\)", "", chain_line.replace("⋯", "").replace("▸", ""))
        if wanted in bare:
            return
        await pilot.press("j")
    raise AssertionError(f"no claim with the chain {wanted!r}")


def chain_line(app: ReaderApp) -> str:
    return next(line for line in panel_text(app).splitlines() if line.startswith("Chain "))


def run_async(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test in its own event loop (no pytest-asyncio in this project)."""

    @wraps(test)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return wrapper


# --- workspaces with several articles (the library, the registry, corroboration) -----------

SECOND_ARTICLE = """---
title: Des ouvriers nord-coréens en Russie
outlet: Le Quotidien
published: 2025-04-20
language: fr
---
Selon les services de renseignement sud-coréens (NIS), quelque 15 000 travailleurs \
nord-coréens sont arrivés en Russie l'an dernier, la plupart avec des visas d'étudiant.

Le ministère russe du Travail n'a pas commenté ces chiffres, a indiqué un porte-parole.
"""

THIRD_ARTICLE = """---
title: Weather in Lyon
outlet: Daily Planet
published: 2025-03-02
language: en
---
It rained in Lyon on Sunday, according to Météo-France, and the river rose by a metre.
"""


def library_workspace(tmp_path: Path) -> Path:
    """A workspace of three articles: the seed, one relaying the NIS figure, one unrelated."""
    workspace(tmp_path)
    folder = tmp_path / "articles"
    (folder / "ouvriers-nis.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    (folder / "weather.txt").write_text(THIRD_ARTICLE, encoding="utf-8")
    return tmp_path


def make_library(folder: Path, **kwargs):
    from tui.screens.library import LibraryApp

    return LibraryApp(folder, clock=fixed_clock, **kwargs)


async def wait_workers(app, pilot) -> None:
    """Let the workspace workers (library loading, registry, linking) finish and report."""
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()
