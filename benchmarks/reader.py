"""Reader performance benchmark (headless). Run: ``.venv/bin/python benchmarks/reader.py``.

Measures, at 120x40:

* launch to first frame of the reader on the seed article and on a ~1 MB article (the corpus
  concatenated and repeated); on the seed, against a bare Textual app showing the same text
  in a ``Static``, measured in the same run, runs interleaved (target: ReaderApp <= 1.3x
  bare). The ratio of a minimal app hosting only ``ArticleView`` is shown for information;
* open + first frame on 1 MB (loading the article plus launch; target 1.5 s). Extraction is
  printed for information: saved annotations skip it, and it is the extractor's budget;
* ``j``: moving the current claim (target 50 ms) and a terminal resize (target 300 ms).

"Frame ready" means: the event is delivered, every widget has processed its queue, and the
screen has composed the new frame. ``Pilot.pause()`` is not used for timings because it
always sleeps at least 20 ms waiting for the process to look idle.

The real ``ReaderApp`` is measured when ``tui.app`` can build one; otherwise (or with
``--view-only``) a minimal app hosting only ``ArticleView``.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual import events  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.containers import VerticalScroll  # noqa: E402
from textual.geometry import Size  # noqa: E402
from textual.pilot import Pilot  # noqa: E402
from textual.widgets import Static  # noqa: E402

from tui.model import AnnotationSet, Article, ArticleMeta, Claim, Hop, Span  # noqa: E402
from tui.widgets import ArticleView  # noqa: E402

SEED = ROOT / "articles" / "coree-du-nord-russie.txt"
CORPUS = Path("/work/shared/corpus")
BIG_SIZE = 1_000_000
SIZE = (120, 40)
RUNS = 5
SEED_RUNS = 15  # the seed ratios: a few ms each, on a shared machine

TARGET_OPEN_BIG = 1.5
TARGET_RATIO_BARE = 1.3
TARGET_NEXT_CLAIM = 0.050
TARGET_RESIZE = 0.300

# --------------------------------------------------------------------------- inputs


def strip_front_matter(text: str) -> str:
    match = re.match(r"---\n.*?\n---\n", text, re.DOTALL)
    return text[match.end() :] if match else text


def load(path: Path | None, text: str | None = None) -> Article:
    """The project's loader when available, else the raw text as the body."""
    raw = text if text is not None else Path(path or SEED).read_text(encoding="utf-8")
    name = str(path or "<benchmark>")
    try:
        from tui.articles import parse_article
    except ImportError:
        return Article(name, strip_front_matter(raw), ArticleMeta(), "fr")
    return parse_article(raw, path=name)


def big_text() -> str:
    """About 1 MB: every corpus article (bodies only), repeated; the seed if no corpus."""
    files = sorted(CORPUS.glob("*/*.txt")) or [SEED]
    bodies = [strip_front_matter(f.read_text(encoding="utf-8")).strip() for f in files]
    chunk = "\n\n".join(bodies)
    out = []
    size = 0
    while size < BIG_SIZE:
        out.append(chunk)
        size += len(chunk) + 2
    return "---\nlanguage: fr\n---\n" + "\n\n".join(out)


CUE = re.compile(
    r"\b(selon|d’après|according to|said|says|a déclaré|estime que|a révélé que|rapportait)\b",
    re.IGNORECASE,
)
HEDGE = re.compile(r"\b(aurait|auraient|serait|seraient|pourrait|may|might|reportedly)\b")
MENTION = re.compile(r"(?:[A-Z][\w’'-]+\s?){1,3}")


def synthetic_claims(body: str) -> AnnotationSet:
    """Claims shaped like the extractor's, for when it is not importable: one per cue."""
    claims: list[Claim] = []
    for number, cue in enumerate(CUE.finditer(body)):
        start = max(body.rfind(".", 0, cue.start()), body.rfind("\n", 0, cue.start())) + 1
        stop = min(
            i for i in (body.find(".", cue.end()), body.find("\n", cue.end()), len(body)) if i >= 0
        )
        mention = MENTION.search(body, cue.end(), min(stop, cue.end() + 60))
        chain = (Hop(f"s{number}", Span(*mention.span())),) if mention else ()
        hedges = tuple(Span(*h.span()) for h in HEDGE.finditer(body, start, stop))
        claims.append(
            Claim(
                id=f"c{number}",
                span=Span(start + (body[start] == " "), stop),
                cue=Span(*cue.span()),
                chain=chain,
                hedges=hedges,
            )
        )
    return AnnotationSet("<benchmark>", claims=tuple(claims))


def annotate(article: Article) -> tuple[AnnotationSet, str]:
    try:
        from tui.attribution import extract_claims
    except ImportError:
        return synthetic_claims(article.body), "synthetic (tui.attribution not importable)"
    return extract_claims(article), "extract_claims"


# --------------------------------------------------------------------------- apps


class ViewApp(App[None]):
    """Only the article pane."""

    def __init__(self, article: Article, annotations: AnnotationSet) -> None:
        super().__init__()
        self.article = article
        self.annotations = annotations

    def compose(self) -> ComposeResult:
        yield ArticleView(self.article.body, self.annotations, id="article")

    def on_mount(self) -> None:
        view = self.query_one(ArticleView)
        if self.annotations.claims:
            view.current_claim = self.annotations.claims[0].id
        view.focus()

    def next_claim(self) -> None:
        """The app's ``j``: the next claim becomes current and is scrolled into view."""
        view = self.query_one(ArticleView)
        ids = [c.id for c in self.annotations.claims]
        index = ids.index(view.current_claim) + 1 if view.current_claim in ids else 0
        view.current_claim = ids[index % len(ids)]
        view.scroll_to_claim(ids[index % len(ids)])


class BareApp(App[None]):
    """The baseline: Textual's own Static showing the same text (as text, not markup)."""

    def __init__(self, body: str) -> None:
        super().__init__()
        self.body = body

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.body, markup=False)


AppFactory = Callable[[], App[Any]]


def reader_app_factory(article: Article, annotations: AnnotationSet) -> AppFactory | None:
    """A factory for the real ReaderApp, or None when it cannot be built yet."""
    try:
        from tui.app import Opened, ReaderApp
    except ImportError:
        return None
    folder = Path(tempfile.mkdtemp(prefix="sourcecrit-bench-"))

    def make() -> App[Any]:
        opened = Opened(annotations, folder / "bench.annotations.yaml", False, None)
        return ReaderApp(article, opened)

    try:
        make()
    except Exception as err:  # an app still being written: fall back, say why
        print(f"  (ReaderApp not usable: {type(err).__name__}: {err})")
        return None
    return make


# --------------------------------------------------------------------------- timing


async def frame_ready(pilot: Pilot[Any], done: Callable[[], bool] = lambda: True) -> None:
    """Drain every queue and compose a frame, until ``done()`` holds after a frame.

    Handlers post follow-up messages (a terminal resize reaches the widgets as their own
    Resize events, after a layout pass), hence the loop.
    """
    for _ in range(100):
        await pilot._wait_for_screen()
        pilot.app.screen._on_timer_update()
        if done():
            return
        await asyncio.sleep(0)
    raise RuntimeError("the app never reached the expected state")


def article_view(app: App[Any]) -> ArticleView | None:
    views = app.query(ArticleView)
    return views.first() if views else None


async def time_launch(factory: AppFactory) -> float:
    start = time.perf_counter()
    app = factory()
    async with app.run_test(size=SIZE) as pilot:
        view = article_view(app)
        # The pane has drawn its lines (for the bare app: one frame composed).
        await frame_ready(pilot, lambda: view is None or bool(view._strips))
        elapsed = time.perf_counter() - start
    return elapsed


async def median_launch(factory: AppFactory, runs: int = RUNS) -> float:
    return (await median_launches([factory], runs))[0]


async def median_launches(factories: list[AppFactory], runs: int = RUNS) -> list[float]:
    """Median launch time of each app, their runs interleaved (a shared, noisy machine drifts
    the same way for all of them), each run starting from a collected heap."""
    for factory in factories:
        await time_launch(factory)  # warm-up: first-use imports and caches
    times: list[list[float]] = [[] for _ in factories]
    for _ in range(runs):
        for factory, samples in zip(factories, times, strict=True):
            gc.collect()  # no run pays for the garbage of the one before
            samples.append(await time_launch(factory))
    return [statistics.median(samples) for samples in times]


async def time_next_claim(factory: AppFactory, real_app: bool, steps: int = 30) -> list[float]:
    app = factory()
    times: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = article_view(app)
        assert view is not None
        ids = [c.id for c in view.annotations.claims]
        forward = True
        for _ in range(steps):
            before = view.current_claim
            # The real app stops at the last claim: bounce back with k.
            index = ids.index(before) if before in ids else 0
            forward = forward if 0 < index < len(ids) - 1 else index == 0
            key = "j" if forward else "k"
            start = time.perf_counter()
            if real_app:
                assert app._driver is not None
                app._driver.send_message(events.Key(key, key))
            else:
                assert isinstance(app, ViewApp)
                app.next_claim()
            await frame_ready(pilot, lambda b=before: view.current_claim != b)
            times.append(time.perf_counter() - start)
    return times


async def time_resizes(factory: AppFactory) -> list[float]:
    app = factory()
    times: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = article_view(app)
        assert view is not None
        for width, height in ((100, 40), (80, 30), (140, 45), (120, 40), (90, 40)):
            before = view._layout
            start = time.perf_counter()
            size = Size(width, height)
            app._driver._size = size  # type: ignore[union-attr]  # as Pilot.resize_terminal
            app.post_message(events.Resize(size, size))
            # Re-wrapped to the new width, and a frame drawn with it.
            await frame_ready(pilot, lambda b=before: view._layout is not b and bool(view._strips))
            times.append(time.perf_counter() - start)
    return times


async def time_restyle(article: Article, annotations: AnnotationSet) -> float:
    """The widget's own share of ``j``: restyling and drawing the visible lines."""
    app = ViewApp(article, annotations)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        ids = [c.id for c in annotations.claims] or [None]
        samples = []
        for claim_id in ids[:30]:
            start = time.perf_counter()
            view.current_claim = claim_id
            for y in range(view.size.height):
                view.render_line(y)
            samples.append(time.perf_counter() - start)
    return statistics.median(samples)


# --------------------------------------------------------------------------- report


def percentile(values: list[float], rank: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(rank / 100 * (len(ordered) - 1)))]


def verdict(value: float, target: float) -> str:
    return "PASS" if value <= target else "FAIL"


def report(name: str, value: float, target: float | None = None, unit: str = "ms") -> bool:
    shown = f"{value * 1000:8.1f} ms" if unit == "ms" else f"{value:8.2f} x "
    if target is None:
        print(f"  {name:<60} {shown}")
        return True
    limit = f"{target * 1000:.0f} ms" if unit == "ms" else f"{target:.1f}x"
    print(f"  {name:<60} {shown}   target <= {limit:<8} {verdict(value, target)}")
    return value <= target


async def main(view_only: bool) -> int:
    ok = True
    seed = load(SEED)
    seed_claims, how = annotate(seed)
    print(f"seed: {len(seed.body):,} chars, {len(seed_claims.claims)} claims ({how})")

    big_raw = big_text()
    start = time.perf_counter()
    big = load(None, big_raw)
    load_time = time.perf_counter() - start
    start = time.perf_counter()
    big_claims, how = annotate(big)
    extract_time = time.perf_counter() - start
    print(f"big:  {len(big.body):,} chars, {len(big_claims.claims)} claims ({how})")

    real = None if view_only else reader_app_factory(big, big_claims)
    real_seed = None if view_only else reader_app_factory(seed, seed_claims)
    label = "ReaderApp" if real else "ArticleView-only app"
    print(f"app measured for launch, j and resize: {label}\n")

    print(f"Launch to first frame (median of {SEED_RUNS}, interleaved, after a warm-up)")
    factories: list[AppFactory] = [
        lambda: BareApp(seed.body),
        lambda: ViewApp(seed, seed_claims),
    ]
    if real_seed:
        factories.append(real_seed)
    bare, view_seed, *rest = await median_launches(factories, SEED_RUNS)
    report("bare Static app, seed", bare)
    report("ArticleView-only app, seed", view_seed)
    if rest:
        report("ReaderApp, seed", rest[0])
        report("ArticleView-only app / bare Static, seed (information)", view_seed / bare, unit="x")
        ok &= report("ReaderApp / bare Static, seed", rest[0] / bare, TARGET_RATIO_BARE, "x")
    else:
        ok &= report(
            "ArticleView-only app / bare Static, seed", view_seed / bare, TARGET_RATIO_BARE, "x"
        )
    big_factory = real or (lambda: ViewApp(big, big_claims))
    big_launch = await median_launch(big_factory, runs=3)
    report(f"{label}, 1 MB: launch to first frame", big_launch)
    report("1 MB: load_article", load_time)
    ok &= report("1 MB: open (load) + first frame", load_time + big_launch, TARGET_OPEN_BIG)
    report("1 MB: annotations (information, not in the above)", extract_time)

    cold = cold_launch(view_only)
    if cold is not None:
        ok &= report("1 MB, cold process: imports+load+claims+first frame", cold, TARGET_OPEN_BIG)

    print("\nNext claim (j), frame ready (30 steps)")
    for name, article, claims, factory in (
        ("seed", seed, seed_claims, real_seed),
        ("1 MB", big, big_claims, real),
    ):
        if not claims.claims:
            print(f"  {name}: no claims, skipped")
            continue
        make = factory or (lambda a=article, c=claims: ViewApp(a, c))
        times = await time_next_claim(make, real_app=factory is not None)
        ok &= report(f"{label}, {name}: j median", statistics.median(times), TARGET_NEXT_CLAIM)
        ok &= report(
            f"{label}, {name}: j 90th percentile", percentile(times, 90), TARGET_NEXT_CLAIM
        )
        report(f"{label}, {name}: j max (may include a GC pause)", max(times))
        report(f"ArticleView restyle + draw, {name}", await time_restyle(article, claims))

    print("\nResize, frame ready (max of 5 sizes)")
    times = await time_resizes(big_factory)
    ok &= report(f"{label}, 1 MB: resize max", max(times), TARGET_RESIZE)
    report(f"{label}, 1 MB: resize median", statistics.median(times))

    print("\nall targets met" if ok else "\nSOME TARGETS MISSED")
    return 0 if ok else 1


# --------------------------------------------------------------------------- cold start


def cold_launch(view_only: bool) -> float | None:
    """A fresh interpreter doing what ``sourcecrit read big.txt`` does, up to the first frame.

    The child writes the wall-clock time of its first frame; the parent started the clock
    just before spawning it, so interpreter start and every import are included.
    """
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "big.txt"
        article.write_text(big_text(), encoding="utf-8")
        command = [sys.executable, __file__, "--cold-child", str(article)]
        if view_only:
            command.append("--view-only")
        start = time.time()
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if done.returncode != 0 or not done.stdout.strip():
        print(f"  (cold launch failed: {done.stderr.strip()[-300:]})")
        return None
    return float(done.stdout.split()[-1]) - start


async def cold_child(path: Path, view_only: bool) -> None:
    article = load(path)
    annotations, _ = annotate(article)
    factory = None if view_only else reader_app_factory(article, annotations)
    app = (factory or (lambda: ViewApp(article, annotations)))()
    async with app.run_test(size=SIZE) as pilot:
        view = article_view(app)
        await frame_ready(pilot, lambda: view is None or bool(view._strips))
        print(f"{time.time():.6f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--view-only", action="store_true", help="never use ReaderApp")
    parser.add_argument("--cold-child", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.cold_child:
        asyncio.run(cold_child(arguments.cold_child, arguments.view_only))
        raise SystemExit(0)
    raise SystemExit(asyncio.run(main(arguments.view_only)))
