"""The article pane: wrapping, literal rendering, highlights, clicks, scrolling.

Also the pure pieces: ``tui.highlight`` (role intervals) and the word wrap.
"""

from __future__ import annotations

import asyncio
import functools
import itertools
import re
from collections.abc import Awaitable, Callable
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.style import Style
from textual.app import App, ComposeResult
from textual.strip import Strip

from tui.highlight import (
    CLAIM,
    CLAIM_CURRENT,
    CUE,
    HEDGE,
    HIGHLIGHT_LEGEND,
    REJECTED,
    SEARCH,
    SEARCH_CURRENT,
    SELECTION,
    SOURCE,
    UNSOURCED_HEDGED,
    Highlighter,
    Interval,
    Layer,
    compute_intervals,
    effective_roles,
    flatten,
    intern_roles,
)
from tui.model import AnnotationSet, Claim, Hop, Span, Status
from tui.widgets import ArticleView
from tui.widgets.article_view import (
    GUTTER_WIDTH,
    _wrap_complex,
    _wrap_simple,
    column_to_index,
    wrap_body,
    wrap_text,
)

# --------------------------------------------------------------------------- fixtures


def run_async(test: Callable[[], Awaitable[None]]) -> Callable[[], None]:
    """Run an async Pilot test without an asyncio pytest plugin."""

    @functools.wraps(test)
    def wrapper() -> None:
        asyncio.run(test())  # type: ignore[arg-type]

    return wrapper


def span_of(body: str, text: str, start: int = 0) -> Span:
    index = body.index(text, start)
    return Span(index, index + len(text))


BODY = (
    "Selon Newsweek, la Corée du Nord aurait envoyé 15 000 travailleurs en Russie.\n"
    "\n"
    "Hostile text: [@click=app.quit] and [/bold] and [link=http://x]x[/link] and $variable "
    "stay literal.\n"
    "\n"
    "Ces troupes auraient joué un rôle clé dans la région de Koursk\u00a0: fin."
)


def make_annotations(body: str = BODY) -> AnnotationSet:
    sourced = Claim(
        id="c1",
        span=span_of(body, "la Corée du Nord aurait envoyé 15 000 travailleurs en Russie"),
        cue=span_of(body, "Selon"),
        chain=(Hop("newsweek", span_of(body, "Newsweek")), Hop("article")),
        hedges=(span_of(body, "aurait"),),
    )
    unsourced_hedged = Claim(
        id="c2",
        span=span_of(body, "Ces troupes auraient joué un rôle clé"),
        chain=(Hop("article"),),
        hedges=(span_of(body, "auraient"),),
    )
    rejected = Claim(
        id="c3",
        span=span_of(body, "stay literal"),
        status=Status.REJECTED,
    )
    return AnnotationSet(article_path="test.txt", claims=(sourced, unsourced_hedged, rejected))


class ViewApp(App[None]):
    """A bare host for the widget, recording the messages it posts."""

    def __init__(self, body: str, annotations: AnnotationSet) -> None:
        super().__init__()
        self.body = body
        self.annotations = annotations
        self.clicked: list[str] = []

    def compose(self) -> ComposeResult:
        yield ArticleView(self.body, self.annotations, id="article")

    def on_article_view_claim_clicked(self, message: ArticleView.ClaimClicked) -> None:
        self.clicked.append(message.claim_id)


def strip_text(strip: Strip) -> str:
    return "".join(segment.text for segment in strip)


def screen_lines(view: ArticleView) -> list[str]:
    return [strip_text(view.render_line(y)) for y in range(view.scrollable_content_region.height)]


def style_at(view: ArticleView, y: int, text: str) -> Style:
    """The style of the segment drawing ``text`` on screen row ``y``."""
    for segment in view.render_line(y):
        if text in segment.text:
            assert segment.style is not None
            return segment.style
    raise AssertionError(f"{text!r} not drawn on row {y}: {strip_text(view.render_line(y))!r}")


def row_of(view: ArticleView, text: str) -> int:
    for y, line in enumerate(screen_lines(view)):
        if text in line:
            return y
    raise AssertionError(f"{text!r} not on screen")


def long_body(paragraphs: int = 300) -> str:
    vocabulary = "la guerre d’usure épuise l’armée et l’économie russes selon les analystes"
    pool = vocabulary.split(" ")
    out = []
    for index in range(paragraphs):
        out.append(" ".join(pool[(index + k) % len(pool)] for k in range(40)) + f" P{index}.")
    return "\n\n".join(out)


# --------------------------------------------------------------------------- wrapping


def words(text: str) -> list[str]:
    return re.split(r"[ \t\n]+", text.strip())


@pytest.mark.parametrize("width", [1, 7, 20, 35, 80])
def test_wrap_keeps_every_word_in_order_within_width(width: int) -> None:
    layout = wrap_body(BODY, width)
    lines = [BODY[s:e] for s, e in zip(layout.starts, layout.ends, strict=True)]
    assert all(cell_len(line) <= width for line in lines)
    # Nothing lost or reordered: only break spaces (and newlines) fall between lines.
    assert "".join(lines).replace(" ", "") == re.sub(r"[ \n]", "", BODY)
    if width >= max(len(w) for w in words(BODY)):  # no hard breaks: whole words survive
        assert words(" ".join(lines)) == words(BODY)
    # Offsets increase monotonically: screen lines map back to the body in order.
    assert layout.starts == sorted(layout.starts)
    assert all(s <= e for s, e in zip(layout.starts, layout.ends, strict=True))


def test_wrap_keeps_paragraph_breaks() -> None:
    layout = wrap_body("one two\n\nthree", 80)
    lines = ["one two\n\nthree"[s:e] for s, e in zip(layout.starts, layout.ends, strict=True)]
    assert lines == ["one two", "", "three"]


def test_no_break_at_no_break_spaces() -> None:
    for nbsp in ("\u00a0", "\u202f"):
        text = f"la région de Koursk{nbsp}: fin"
        for width in range(8, len(text)):
            starts, ends = wrap_text(text, width)
            lines = [text[s:e] for s, e in zip(starts, ends, strict=True)]
            assert any(f"Koursk{nbsp}:" in line for line in lines), (width, lines)


def test_wide_characters_measured_in_cells() -> None:
    text = "東京は日本の首都です 😀 emoji 👩‍👩‍👧 family"
    for width in (4, 6, 10, 13):
        starts, ends = wrap_text(text, width)
        lines = [text[s:e] for s, e in zip(starts, ends, strict=True)]
        assert all(cell_len(line) <= width for line in lines), lines
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert any("👩‍👩‍👧" in line for line in lines)  # a ZWJ sequence is never split
    starts, ends = wrap_text("東京は日本", 4)
    assert [("東京は日本")[s:e] for s, e in zip(starts, ends, strict=True)] == [
        "東京",
        "は日",
        "本",
    ]


def test_long_words_are_hard_broken_and_tabs_expanded() -> None:
    text = "a " + "x" * 25 + " b"
    starts, ends = wrap_text(text, 10)
    assert [text[s:e] for s, e in zip(starts, ends, strict=True)] == [
        "a",
        "x" * 10,
        "x" * 10,
        "xxxxx b",
    ]
    starts, ends = wrap_text("a\tb\tc", 12)
    assert len(starts) == 2  # "a" + tab reaches column 8, "b" 9, the next tab 16 > 12


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab  éz’-."), max_size=80),
    width=st.integers(min_value=1, max_value=30),
)
def test_fast_wrap_equals_cell_wrap(text: str, width: int) -> None:
    fast: tuple[list[int], list[int]] = ([], [])
    slow: tuple[list[int], list[int]] = ([], [])
    _wrap_simple(text, 0, width, *fast)
    _wrap_complex(text, 0, width, *slow)
    assert fast == slow


def test_column_to_index_with_wide_characters() -> None:
    assert column_to_index("ab", 1) == (1, True)
    assert column_to_index("ab", 5) == (2, False)
    assert column_to_index("東京x", 1) == (0, True)
    assert column_to_index("東京x", 2) == (1, True)
    assert column_to_index("東京x", 4) == (2, True)


# --------------------------------------------------------------------------- highlight.py


def test_flatten_overlapping_spans() -> None:
    claim, hedge, source = intern_roles({CLAIM}), intern_roles({HEDGE}), intern_roles({SOURCE})
    out = flatten([(0, 10, claim), (3, 5, hedge), (8, 14, source), (20, 20, claim)])
    assert out == [
        Interval(0, 3, claim),
        Interval(3, 5, intern_roles({CLAIM, HEDGE})),
        Interval(5, 8, claim),
        Interval(8, 10, intern_roles({CLAIM, SOURCE})),
        Interval(10, 14, source),
    ]


def test_flatten_merges_adjacent_equal_roles() -> None:
    claim = intern_roles({CLAIM})
    assert flatten([(0, 4, claim), (4, 9, claim), (2, 6, claim)]) == [Interval(0, 9, claim)]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 40), st.integers(0, 12), st.sampled_from([CLAIM, SOURCE, CUE, HEDGE])
        ),
        max_size=25,
    )
)
def test_flatten_matches_per_position_union(raw: list[tuple[int, int, str]]) -> None:
    spans = [(start, start + length, intern_roles({role})) for start, length, role in raw]
    out = flatten(spans)
    for previous, current in itertools.pairwise(out):
        assert previous.end <= current.start
    for position in range(60):
        expected = {r for s, e, roles in spans if s <= position < e for r in roles}
        got = {r for s, e, roles in out if s <= position < e for r in roles}
        assert got == expected


def test_layer_query_clips_to_the_line() -> None:
    claim = intern_roles({CLAIM})
    layer = Layer.from_spans([(0, 10, claim), (20, 30, claim)])
    assert layer.query(5, 25) == [Interval(5, 10, claim), Interval(20, 25, claim)]
    assert layer.query(10, 20) == []
    assert layer.query(29, 100) == [Interval(29, 30, claim)]


def test_roles_of_claims_current_search_and_selection() -> None:
    annotations = make_annotations()
    matches = [span_of(BODY, "Newsweek"), span_of(BODY, "Koursk")]
    selection = span_of(BODY, "Hostile text")
    full = compute_intervals(
        annotations,
        BODY,
        current_claim="c1",
        search=matches,
        search_current=1,
        selection=selection,
    )

    def roles_at(text: str) -> frozenset[str]:
        offset = BODY.index(text)
        return next(i.roles for i in full if i.start <= offset < i.end)

    assert roles_at("Selon") == {CUE}
    assert roles_at("Newsweek") == {SOURCE, SEARCH}
    assert roles_at("aurait ") == {CLAIM, HEDGE, CLAIM_CURRENT}
    assert roles_at("15 000") == {CLAIM, CLAIM_CURRENT}
    assert roles_at("Ces troupes") == {CLAIM, UNSOURCED_HEDGED}
    assert roles_at("stay literal") == {REJECTED}
    assert roles_at("Koursk") == {SEARCH, SEARCH_CURRENT}
    assert roles_at("Hostile") == {SELECTION}
    # The layered highlighter the widget uses agrees with the one-shot computation.
    highlighter = Highlighter(annotations, len(BODY))
    highlighter.set_current("c1")
    highlighter.set_search(matches, 1)
    highlighter.set_selection(selection)
    assert highlighter.intervals(0, len(BODY)) == full


def test_rejected_dims_only_where_no_live_claim_overlaps() -> None:
    assert effective_roles(frozenset({REJECTED})) == (REJECTED,)
    assert REJECTED not in effective_roles(frozenset({REJECTED, CLAIM}))


def test_claims_at_prefers_the_most_specific_claim() -> None:
    body = "Selon Paul, Marie a dit que X."
    outer = Claim(id="outer", span=Span(0, len(body)))
    inner = Claim(id="inner", span=span_of(body, "X"), chain=(Hop("marie", Span(12, 17)),))
    highlighter = Highlighter(AnnotationSet("x", claims=(outer, inner)), len(body))
    assert highlighter.claims_at(body.index("Marie"))[0] == "inner"
    assert highlighter.claims_at(0) == ["outer"]
    assert highlighter.claims_at(len(body) + 5) == []


def test_orphan_spans_are_not_highlighted() -> None:
    from tui.model import TextQuote

    orphan = Claim(id="o", span=Span(0, 5, orphan=TextQuote("gone")))
    assert compute_intervals(AnnotationSet("x", claims=(orphan,)), "abcdefgh") == []


def test_legend_roles_differ_without_colour() -> None:
    # Every annotation role must read under NO_COLOR: its text attributes alone differ.
    annotation_roles = {CLAIM, SOURCE, CUE, HEDGE, UNSOURCED_HEDGED, REJECTED, CLAIM_CURRENT}
    colourless = {
        entry.role: Style.parse(entry.style).without_color
        for entry in HIGHLIGHT_LEGEND
        if entry.role in annotation_roles
    }
    assert set(colourless) == annotation_roles
    assert len(set(colourless.values())) == len(colourless), colourless
    assert all(style != Style() for style in colourless.values())


# --------------------------------------------------------------------------- the widget


@run_async
async def test_wrapped_text_on_screen_matches_the_body() -> None:
    app = ViewApp(BODY, make_annotations())
    async with app.run_test(size=(40, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        width = view.scrollable_content_region.width
        lines = [view.line_text(i) for i in range(view.line_count)]
        assert all(cell_len(line) <= width - GUTTER_WIDTH for line in lines)
        assert words(" ".join(lines)) == words(BODY)
        assert any("Koursk\u00a0:" in line for line in lines)
        drawn = screen_lines(view)
        assert all(cell_len(line) == width for line in drawn)
        assert [line[GUTTER_WIDTH:].rstrip() for line in drawn[: len(lines)]] == lines
        assert view.virtual_size.height == view.line_count


@run_async
async def test_cjk_and_emoji_lines_fit_in_cells() -> None:
    body = "東京は日本の首都です。" * 6 + " 😀😀 fin"
    app = ViewApp(body, AnnotationSet("x"))
    async with app.run_test(size=(30, 10)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        width = view.scrollable_content_region.width
        for y in range(view.line_count):
            assert view.render_line(y).cell_length == width
            assert cell_len(view.line_text(y)) <= width - GUTTER_WIDTH
        assert "".join(view.line_text(i) for i in range(view.line_count)).replace(
            " ", ""
        ) == body.replace(" ", "")


@run_async
async def test_hostile_text_is_shown_literally_and_clicks_do_nothing() -> None:
    app = ViewApp(BODY, make_annotations())
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        text = "\n".join(screen_lines(view))
        for literal in ("[@click=app.quit]", "[/bold]", "[link=http://x]x[/link]", "$variable"):
            assert literal in text
        screenshot = app.export_screenshot()
        assert "[@click=app.quit]" in screenshot.replace("&#160;", " ")
        assert not any(segment.style and segment.style.meta for segment in view.render_line(2))
        y = row_of(view, "[@click=app.quit]")
        x = screen_lines(view)[y].index("[@click") + 3
        await pilot.click(ArticleView, offset=(x, y))
        await pilot.pause()
        assert app.is_running
        assert app.clicked == []


@run_async
async def test_claim_styles_and_current_claim() -> None:
    app = ViewApp(BODY, make_annotations())
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        first = row_of(view, "Selon")
        assert style_at(view, first, "Selon").italic  # cue
        assert style_at(view, first, "Newsweek").bold  # source
        content = style_at(view, first, "la Corée du Nord")
        assert content.underline and not content.reverse  # claim
        hedge = style_at(view, first, "aurait")
        assert hedge.italic and hedge.bold and hedge.underline  # hedge inside the claim
        warning_row = row_of(view, "Ces troupes")
        assert style_at(view, warning_row, "Ces troupes").underline2  # unsourced and hedged
        assert screen_lines(view)[warning_row][:GUTTER_WIDTH] == " !"
        assert style_at(view, row_of(view, "literal."), "literal").dim  # rejected

        view.current_claim = "c1"
        await pilot.pause()
        assert style_at(view, first, "la Corée du Nord").reverse
        assert screen_lines(view)[first][0] == "▌"
        assert not style_at(view, first, "Selon").reverse

        view.current_claim = "c2"
        await pilot.pause()
        assert not style_at(view, first, "la Corée du Nord").reverse
        assert style_at(view, warning_row, "Ces troupes").reverse
        assert screen_lines(view)[warning_row][:GUTTER_WIDTH] == "▌!"


@run_async
async def test_set_annotations_restyles_without_rewrapping() -> None:
    annotations = make_annotations()
    app = ViewApp(BODY, annotations)
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        layout = view._layout
        c1 = annotations.claim("c1")
        assert c1 is not None
        view.set_annotations(annotations.replace_claim(replace(c1, status=Status.REJECTED)))
        await pilot.pause()
        assert view._layout is layout
        assert style_at(view, row_of(view, "Selon"), "la Corée du Nord").dim


@run_async
async def test_search_and_selection_highlights() -> None:
    app = ViewApp(BODY, make_annotations())
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.set_search([span_of(BODY, "Hostile"), span_of(BODY, "Koursk")], 1)
        view.set_selection(span_of(BODY, "literal"))
        await pilot.pause()
        assert style_at(view, row_of(view, "Hostile"), "Hostile").reverse
        current = style_at(view, row_of(view, "Koursk"), "Koursk")
        assert current.reverse and current.bold
        assert view.selection == span_of(BODY, "literal")
        assert style_at(view, row_of(view, "literal"), "literal").reverse
        view.selection = None
        view.set_search([], None)
        await pilot.pause()
        assert not style_at(view, row_of(view, "Hostile"), "Hostile").reverse


@run_async
async def test_clicking_a_claim_posts_its_id() -> None:
    app = ViewApp(BODY, make_annotations())
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        y = row_of(view, "Newsweek")
        line = screen_lines(view)[y]
        await pilot.click(ArticleView, offset=(line.index("Newsweek") + 2, y))
        await pilot.click(ArticleView, offset=(line.index("15 000"), y))
        await pilot.click(ArticleView, offset=(line.index("Selon"), y))
        await pilot.click(ArticleView, offset=(line.index(", la"), y))  # between spans
        await pilot.click(ArticleView, offset=(len(line.rstrip()) + 3, y))  # past the text
        await pilot.pause()
        assert app.clicked == ["c1", "c1", "c1"]
        offset = view.offset_at(line.index("Newsweek"), y)
        assert offset == BODY.index("Newsweek")
        assert view.offset_at(0, 500) is None


@run_async
async def test_scroll_bindings_move_the_view() -> None:
    body = long_body()
    app = ViewApp(body, AnnotationSet("x"))
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.focus()
        await pilot.pause()
        height = view.scrollable_content_region.height

        async def after(key: str) -> int:
            await pilot.press(key)
            await pilot.pause()
            return round(view.scroll_y)

        assert await after("down") == 1
        assert await after("up") == 0
        assert await after("space") == height - 1
        assert await after("b") == 0
        assert await after("pagedown") == height - 1
        assert await after("pageup") == 0
        assert await after("ctrl+d") == height // 2
        assert await after("ctrl+u") == 0
        assert await after("G") == view.max_scroll_y
        assert await after("g") == 0
        assert await after("end") == view.max_scroll_y
        assert await after("home") == 0


@run_async
async def test_scroll_to_claim_brings_a_far_claim_into_view() -> None:
    body = long_body()
    target = span_of(body, "P250.")
    claims = (Claim(id="near", span=span_of(body, "P1.")), Claim(id="far", span=target))
    app = ViewApp(body, AnnotationSet("x", claims=claims))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        height = view.scrollable_content_region.height
        view.current_claim = "far"
        view.scroll_to_claim("far")
        await pilot.pause()
        line = view.line_of_offset(target.start)
        top = round(view.scroll_y)
        assert top <= line < top + height
        assert line - top >= height // 4  # context above, not pinned to the top
        assert any("P250." in row for row in screen_lines(view))
        view.scroll_to_claim("far")  # already visible: no jump
        await pilot.pause()
        assert round(view.scroll_y) == top
        view.scroll_to_offset(0)
        await pilot.pause()
        assert view.scroll_y == 0


@run_async
async def test_resize_rewraps_and_keeps_the_reading_position() -> None:
    body = long_body()
    app = ViewApp(body, AnnotationSet("x"))
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        wide_lines = view.line_count
        view.scroll_to_offset(body.index("P150."))
        await pilot.pause()
        top_offset = view.offset_at(GUTTER_WIDTH, 0)
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        assert view.line_count > wide_lines
        assert view.virtual_size.height == view.line_count
        new_top = view.offset_at(GUTTER_WIDTH, 0)
        assert new_top is not None and top_offset is not None
        # The new top line is the one containing the old top line's first character.
        assert view.line_of_offset(top_offset) == view.line_of_offset(new_top)


@run_async
async def test_scroll_to_claim_before_mount_is_applied_on_layout() -> None:
    body = long_body()
    claims = (Claim(id="far", span=span_of(body, "P200.")),)

    class EarlyApp(ViewApp):
        def on_mount(self) -> None:
            self.query_one(ArticleView).scroll_to_claim("far")

    app = EarlyApp(body, AnnotationSet("x", claims=claims))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert any("P200." in row for row in screen_lines(view))


@run_async
async def test_rendering_is_deterministic() -> None:
    async def capture() -> list[str]:
        app = ViewApp(BODY, make_annotations())
        async with app.run_test(size=(60, 16)) as pilot:
            view = app.query_one(ArticleView)
            view.current_claim = "c1"
            await pilot.pause()
            return [repr(list(view.render_line(y))) for y in range(16)]

    assert await capture() == await capture()


@run_async
async def test_legend_styles_follow_the_theme() -> None:
    app = ViewApp(BODY, make_annotations())
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        styles = {role: style for role, _description, style in view.legend_styles()}
        # The widget's text attributes are the legend's (colours come from the theme).
        for entry in HIGHLIGHT_LEGEND:
            legend = Style.parse(entry.style)
            for attribute in ("bold", "italic", "underline", "underline2", "reverse", "dim"):
                if getattr(legend, attribute):
                    assert getattr(styles[entry.role], attribute), (entry.role, attribute)


def test_roles_stay_distinct_under_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = ViewApp(BODY, make_annotations())
    assert app.no_color and app._filters

    async def check() -> None:
        async with app.run_test(size=(100, 20)) as pilot:
            await pilot.pause()
            view = app.query_one(ArticleView)
            view.current_claim = "c2"
            await pilot.pause()
            background = app.screen.styles.background

            def seen(text: str) -> Style:
                y = row_of(view, text)
                strip = view.render_line(y)
                for line_filter in app._filters:  # what the compositor does before output
                    strip = strip.apply_filter(line_filter, background)
                return next(s.style for s in strip if text in s.text and s.style)

            cue, source = seen("Selon"), seen("Newsweek")
            claim, hedge = seen("la Corée du Nord"), seen("aurait")
            current, rejected = seen("Ces troupes"), seen("literal")
            assert cue.italic and not cue.bold
            assert source.bold and not source.italic
            assert claim.underline and not (claim.bold or claim.italic)
            assert hedge.bold and hedge.italic
            assert current.reverse
            # Dim survives as an attribute or as a colour pulled towards the background.
            assert rejected.dim or rejected.color != seen("Hostile").color

    asyncio.run(check())


@run_async
async def test_empty_body_and_claimless_articles() -> None:
    app = ViewApp("", AnnotationSet("x"))
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view.line_count == 1
        assert view.offset_at(5, 0) == 0
        view.scroll_to_claim("missing")
        view.current_claim = "missing"
        await pilot.pause()
        assert strip_text(view.render_line(0)).strip() == ""


# --------------------------------------------------------------------------- style caching


@run_async
async def test_a_theme_change_restyles_the_drawn_lines() -> None:
    app = ViewApp(BODY, make_annotations())
    async with app.run_test(size=(100, 20)) as pilot:
        app.theme = "textual-dark"
        await pilot.pause()
        view = app.query_one(ArticleView)
        cue_row, plain_row = row_of(view, "Selon"), row_of(view, "Hostile")
        dark_cue, dark_plain = (
            style_at(view, cue_row, "Selon"),
            style_at(view, plain_row, "Hostile"),
        )
        app.theme = "textual-light"
        await pilot.pause()
        light_cue = style_at(view, cue_row, "Selon")
        light_plain = style_at(view, plain_row, "Hostile")
        # Cached lines and styles were dropped: the new theme's colours, the same attributes.
        assert light_cue.italic and light_cue.color != dark_cue.color
        assert light_plain.bgcolor != dark_plain.bgcolor
        assert light_plain == view.rich_style


@run_async
async def test_a_restyle_that_changes_nothing_keeps_the_drawn_lines() -> None:
    app = ViewApp(BODY, make_annotations())
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        before = [view.render_line(y) for y in range(5)]
        app.screen.update_node_styles(animate=False)  # every node restyled, same result
        await pilot.pause()
        after = [view.render_line(y) for y in range(5)]
        assert all(a is b for a, b in zip(before, after, strict=True))  # not drawn again


class FocusStyledApp(ViewApp):
    CSS = "ArticleView:focus > .article-view--cue { text-style: bold; }"


@run_async
async def test_focus_restyles_only_when_a_rule_uses_focus() -> None:
    plain = ViewApp(BODY, make_annotations())
    async with plain.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        view = plain.query_one(ArticleView)
        assert not view._focus_may_restyle()  # nothing here styles the pane by focus
        assert view.has_focus

    app = FocusStyledApp(BODY, make_annotations())
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view._focus_may_restyle()
        row = row_of(view, "Selon")
        assert view.has_focus and style_at(view, row, "Selon").bold
        app.set_focus(None)
        await pilot.pause()
        cue = style_at(view, row, "Selon")
        assert cue.italic and not cue.bold  # the :focus rule no longer applies
        view.focus()
        await pilot.pause()
        assert style_at(view, row, "Selon").bold
