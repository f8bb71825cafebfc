"""The article pane: the body wrapped to the pane, every attributed claim highlighted inline.

Built on Textual's Line API (``ScrollView.render_line``): only visible lines are drawn.

* Wrapping is computed once per width (a list of body offset ranges, one per screen line)
  and never on highlight changes. Plain single-cell paragraphs - the vast majority - are
  wrapped by a regular expression running in C; only paragraphs with wide, zero-width or
  tab characters take the grapheme-by-grapheme path.
* Rendered lines are cached in an LRU keyed by (line, width, highlight version); a change
  of current claim, search or selection bumps the version, so only the visible lines are
  re-styled.
* Styles are cached too: the base style and one style per role combination. A restyle
  (focus, a class change, a theme) only marks them stale; the next draw compares the base
  and component styles with the cached ones and drops the cached lines only if they differ.
* Article text is data: each line is built from ``Segment(text, style)`` with plain Rich
  styles (no markup parsing, no ``@click`` meta, no links), so ``[@click=app.quit]`` in an
  article is just characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

from rich.cells import cell_len, get_character_cell_size, split_graphemes
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar, ScrollBarCorner
from textual.strip import Strip

from tui.highlight import (
    GUTTER_CURRENT,
    GUTTER_WARNING,
    HIGHLIGHT_LEGEND,
    ROLE_ORDER,
    Highlighter,
    Roles,
    effective_roles,
)
from tui.model import AnnotationSet, Span

TAB_SIZE = 8
GUTTER_WIDTH = 2
FOCUS_PSEUDO_CLASSES = frozenset({"focus", "blur", "focus-within"})

# Where a line may break. Deliberately absent: U+00A0 and U+202F (no-break spaces, as in
# "Koursk :"), U+2007 (figure space) and U+2009 (thin space, which French typesetting
# also uses before ":" and ";").
BREAK_SPACES = frozenset(" \t\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u200a")
BREAK_SPACES |= frozenset("\u200b\u205f\u3000")

# ---------------------------------------------------------------------------
# Wrapping (pure functions; no Textual)
# ---------------------------------------------------------------------------

_NARROW: set[str] = set(map(chr, range(0x21, 0x7F))) | {" "}
_NOT_NARROW: set[str] = set()


def _classify(character: str) -> bool:
    """True when the character is one cell wide and needs no special wrapping care."""
    narrow = (
        character not in BREAK_SPACES
        and character not in "\u200d\ufe0f"
        and get_character_cell_size(character) == 1
    )
    (_NARROW if narrow else _NOT_NARROW).add(character)
    return narrow


def is_simple(text: str) -> bool:
    """True if every character is one cell wide and ' ' is the only break opportunity.

    Such text is wrapped by the fast path, where a character index is a cell column.
    """
    unknown = set(text) - _NARROW
    if not unknown:
        return True
    if unknown & _NOT_NARROW:
        return False
    return all([_classify(c) for c in unknown])


@lru_cache(maxsize=32)
def _line_pattern(width: int) -> re.Pattern[str]:
    # The longest run of at most `width` characters that ends just before a space or at
    # the end of the text: a greedy word wrap, with the backtracking done in C.
    return re.compile(rf".{{1,{width}}}(?= |$)", re.DOTALL)


def _wrap_simple(text: str, base: int, width: int, starts: list[int], ends: list[int]) -> None:
    length = len(text)
    pattern = _line_pattern(width)
    index = length - len(text.lstrip(" "))
    emitted = False
    while index < length:
        match = pattern.match(text, index)
        if match is None:  # a word longer than the line: hard break
            stop = next_index = index + width
        else:
            next_index = match.end()
            stop = index + len(match.group().rstrip(" "))
        starts.append(base + index)
        ends.append(base + stop)
        emitted = True
        index = next_index
        while index < length and text[index] == " ":
            index += 1
    if not emitted:
        starts.append(base)
        ends.append(base)


def _space_width(character: str, column: int) -> int:
    if character == "\t":
        return TAB_SIZE - column % TAB_SIZE
    return get_character_cell_size(character)


_BREAK_OR_RUN = re.compile(
    "["
    + re.escape("".join(sorted(BREAK_SPACES)))
    + "]|[^"
    + re.escape("".join(sorted(BREAK_SPACES)))
    + "]+"
)


def _graphemes(text: str) -> list[tuple[int, int, int]]:
    """(start, end, cells) per grapheme; a break space is its own entry with cells -1.

    Break spaces are split off first: ``split_graphemes`` would glue a tab or a zero-width
    space to the previous character.
    """
    out: list[tuple[int, int, int]] = []
    for match in _BREAK_OR_RUN.finditer(text):
        start, end = match.span()
        if end - start == 1 and text[start] in BREAK_SPACES:
            out.append((start, end, -1))
            continue
        spans, _ = split_graphemes(match.group())
        out.extend((start + g_start, start + g_end, cells) for g_start, g_end, cells in spans)
    return out


Token = tuple[int, int, int, list[tuple[int, int, int]]]


def _tokens(text: str) -> list[Token]:
    """Split text into units that never break inside: words and single wide graphemes.

    Break spaces come out as tokens with width -1 (their width depends on the column).
    Each token is (start, end, cells, graphemes); graphemes allow hard-breaking a word.
    """
    tokens: list[Token] = []
    word: list[tuple[int, int, int]] = []

    def flush() -> None:
        if word:
            tokens.append((word[0][0], word[-1][1], sum(g[2] for g in word), word.copy()))
            word.clear()

    for grapheme in _graphemes(text):
        start, end, cells = grapheme
        if cells < 0 or cells >= 2:  # spaces; CJK and emoji may break before and after
            flush()
            tokens.append((start, end, cells, [grapheme]))
        else:
            word.append(grapheme)
    flush()
    return tokens


def _wrap_complex(text: str, base: int, width: int, starts: list[int], ends: list[int]) -> None:
    """Greedy wrap measured in cells, grapheme by grapheme (wide, zero-width, tabs)."""
    line_start: int | None = None
    line_end = 0
    column = 0
    pending: list[str] = []  # break spaces after the last word of the line
    emitted = False

    def emit(start: int, end: int) -> None:
        nonlocal emitted
        starts.append(base + start)
        ends.append(base + end)
        emitted = True

    for start, end, cells, graphemes in _tokens(text):
        if cells < 0:
            if line_start is not None:  # spaces at the start of a line are dropped
                pending.append(text[start])
            continue
        gap = 0
        for character in pending:
            gap += _space_width(character, column + gap)
        if line_start is not None and column + gap + cells <= width:
            column += gap + cells
            line_end = end
            pending.clear()
            continue
        if line_start is not None:
            emit(line_start, line_end)
        pending.clear()
        line_start, line_end, column = start, end, cells
        if cells > width:  # hard-break a word longer than the line
            column = 0
            for g_start, _g_end, g_cells in graphemes:
                if column + g_cells > width and column > 0:
                    emit(line_start, g_start)
                    line_start, column = g_start, 0
                column += g_cells
    if line_start is not None:
        emit(line_start, line_end)
    if not emitted:
        emit(0, 0)


def wrap_text(text: str, width: int, base: int = 0) -> tuple[list[int], list[int]]:
    """Wrap one logical line (no newline) to ``width`` cells.

    Returns the start and end offsets (plus ``base``) of each screen line; break spaces
    between lines belong to no line.
    """
    starts: list[int] = []
    ends: list[int] = []
    _wrap_line(text, base, max(1, width), starts, ends)
    return starts, ends


def _wrap_line(text: str, base: int, width: int, starts: list[int], ends: list[int]) -> None:
    if is_simple(text):
        _wrap_simple(text, base, width, starts, ends)
    else:
        _wrap_complex(text, base, width, starts, ends)


@dataclass(frozen=True)
class WrapLayout:
    """The body wrapped at one width: screen line ``i`` shows ``body[starts[i]:ends[i]]``."""

    width: int
    starts: list[int]
    ends: list[int]

    def __len__(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)


def wrap_body(body: str, width: int) -> WrapLayout:
    """Wrap every line of the body (paragraph breaks and blank lines are kept)."""
    width = max(1, width)
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    length = len(body)
    while True:
        newline = body.find("\n", position)
        stop = length if newline < 0 else newline
        _wrap_line(body[position:stop], position, width, starts, ends)
        if newline < 0 or newline == length - 1:  # no empty line after a final newline
            break
        position = newline + 1
    return WrapLayout(width, starts, ends)


def expand_tabs(text: str, column: int = 0) -> str:
    """Replace tabs by the spaces reaching the next tab stop (``column`` is the start)."""
    if "\t" not in text:
        return text
    out: list[str] = []
    for character in text:
        if character == "\t":
            spaces = TAB_SIZE - column % TAB_SIZE
            out.append(" " * spaces)
            column += spaces
        else:
            out.append(character)
            column += get_character_cell_size(character)
    return "".join(out)


def column_to_index(text: str, column: int) -> tuple[int, bool]:
    """The index of the character drawn at ``column`` of a screen line.

    Returns (index, on_character); past the end of the text, (len(text), False).
    """
    if column < 0:
        return 0, False
    if is_simple(text):
        return (column, True) if column < len(text) else (len(text), False)
    position = 0
    for start, _end, cells in _graphemes(text):
        if cells < 0:
            cells = _space_width(text[start], position)
        if position <= column < position + cells:
            return start, True
        position += cells
    return len(text), False


# ---------------------------------------------------------------------------
# The widget
# ---------------------------------------------------------------------------


def _component(role: str) -> str:
    return f"article-view--{role}"


GUTTER = "article-view--gutter"
GUTTER_CURRENT_CLASS = "article-view--gutter-current"
GUTTER_WARNING_CLASS = "article-view--gutter-warning"
_COMPONENTS = (
    *(_component(role) for role in ROLE_ORDER),
    GUTTER,
    GUTTER_CURRENT_CLASS,
    GUTTER_WARNING_CLASS,
)


class ArticleView(ScrollView, can_focus=True):
    """A scrollable, highlighted, read-only article body.

    Highlight roles and their look are listed in ``tui.highlight.HIGHLIGHT_LEGEND``; each
    role has a component class ``article-view--<role>`` that a theme may restyle. Every
    role differs by a text attribute, not only by colour, so it reads under NO_COLOR.
    """

    ALLOW_SELECT = False  # segments carry no offset meta; Textual's mouse selection is moot

    COMPONENT_CLASSES: ClassVar[set[str]] = set(_COMPONENTS)

    # Flat rules, not nested under `ArticleView { & > ... }`: the same rules, parsed faster.
    DEFAULT_CSS = """
    ArticleView { overflow-x: hidden; overflow-y: scroll; padding: 0 1 0 0; }
    ArticleView > .article-view--claim { text-style: underline; color: $text-primary; }
    ArticleView > .article-view--source { text-style: bold; color: $text-accent; }
    ArticleView > .article-view--cue { text-style: italic; color: $text-success; }
    ArticleView > .article-view--hedge { text-style: bold italic; color: $text-error; }
    ArticleView > .article-view--unsourced-hedged { text-style: uu; color: $text-warning; }
    ArticleView > .article-view--rejected { text-style: dim; }
    ArticleView > .article-view--claim-current { text-style: reverse; }
    ArticleView > .article-view--search { text-style: reverse; color: $text-warning; }
    ArticleView > .article-view--search-current { text-style: reverse bold; color: $text-error; }
    ArticleView > .article-view--selection { text-style: reverse; color: $text-success; }
    ArticleView > .article-view--gutter { color: $text-muted; }
    ArticleView > .article-view--gutter-current { text-style: bold; color: $text-primary; }
    ArticleView > .article-view--gutter-warning { text-style: bold; color: $text-warning; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "scroll_lines(1)", "Line down", show=False),
        Binding("up", "scroll_lines(-1)", "Line up", show=False),
        Binding("space,pagedown", "scroll_pages(1)", "Page down", show=False),
        Binding("b,pageup", "scroll_pages(-1)", "Page up", show=False),
        Binding("ctrl+d", "scroll_pages(0.5)", "Half page down", show=False),
        Binding("ctrl+u", "scroll_pages(-0.5)", "Half page up", show=False),
        Binding("g,home", "scroll_top", "Top of article", show=False),
        Binding("G,end", "scroll_bottom", "End of article", show=False),
    ]

    current_claim: reactive[str | None] = reactive(None, init=False)
    """Id of the claim shown as current (reverse video, margin bar)."""

    class ClaimClicked(Message):
        """The user clicked the highlighted text (content, cue, mention) of a claim."""

        def __init__(self, claim_id: str) -> None:
            super().__init__()
            self.claim_id = claim_id

    def __init__(
        self,
        body: str,
        annotations: AnnotationSet,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.body = body
        self._highlighter = Highlighter(annotations, len(body))
        self._selection: Span | None = None
        self._layouts: dict[int, WrapLayout] = {}
        self._layout: WrapLayout | None = None
        self._version = 0
        self._strips: LRUCache[tuple[int, int, int], Strip] = LRUCache(1024)
        self._styles: dict[Roles, Style] = {}
        # What the cached styles and lines were drawn with (the base style, then each
        # component's); after a restyle, compared again on the next draw.
        self._style_key: tuple[Style, ...] | None = None
        self._styles_stale = True
        self._base_style = Style()
        self._parts: dict[str, Style] = {}  # component class -> its own (partial) style
        self._margins: dict[tuple[bool, bool], list[Segment]] = {}
        self._pending_scroll: tuple[int, int] | None = None  # asked for before any layout

    # -- public API --------------------------------------------------------------------

    @property
    def annotations(self) -> AnnotationSet:
        return self._highlighter.annotations

    def set_annotations(self, annotations: AnnotationSet) -> None:
        """Show a new annotation set (same body); restyles, never re-wraps."""
        self._highlighter.set_annotations(annotations)
        self._bump()

    def watch_current_claim(self, claim_id: str | None) -> None:
        self._highlighter.set_current(claim_id)
        self._bump()

    def set_search(self, matches: list[Span], current: int | None) -> None:
        self._highlighter.set_search(matches, current)
        self._bump()

    @property
    def selection(self) -> Span | None:
        return self._selection

    @selection.setter
    def selection(self, span: Span | None) -> None:
        self.set_selection(span)

    def set_selection(self, span: Span | None) -> None:
        self._selection = span
        self._highlighter.set_selection(span)
        self._bump()

    def line_of_offset(self, offset: int) -> int:
        """The wrapped (virtual) line showing body ``offset``, at the current width."""
        return self._ensure_layout().line_of(offset)

    def offset_at(self, x: int, y: int) -> int | None:
        """The body offset at (x, y) of the widget's content region, scroll included.

        Past the end of a line's text this is the line's end; in the margin, the line's
        start; below the last line, None.
        """
        hit = self._hit(x, y)
        return None if hit is None else hit[0]

    def scroll_to_offset(self, offset: int, animate: bool = False) -> None:
        """Bring body ``offset`` into view, a third of the way down if it was off-screen."""
        self._scroll_into_view(offset, offset, animate)

    def scroll_to_claim(self, claim_id: str, animate: bool = False) -> None:
        """Bring the claim (content, cue and mentions) into view, with context above."""
        claim = self.annotations.claim(claim_id)
        if claim is None:
            return
        spans = [s for s in claim.spans() if s.orphan is None]
        if not spans:
            return
        first = min(s.start for s in spans)
        last = max(max(s.start, s.end - 1) for s in spans)
        self._scroll_into_view(first, last, animate)

    def legend_styles(self) -> list[tuple[str, str, Style]]:
        """The legend with the styles as this widget draws them (for a help screen)."""
        self._check_styles()
        return [
            (entry.role, entry.description, self._role_style(frozenset((entry.role,))))
            for entry in HIGHLIGHT_LEGEND
        ]

    @property
    def line_count(self) -> int:
        return len(self._ensure_layout())

    def line_text(self, index: int) -> str:
        """The text of wrapped line ``index`` as drawn (tabs expanded, no margin)."""
        layout = self._ensure_layout()
        return expand_tabs(self.body[layout.starts[index] : layout.ends[index]])

    # -- layout ------------------------------------------------------------------------

    def _wrap_width(self) -> int:
        return max(1, self.scrollable_content_region.width - GUTTER_WIDTH)

    def _ensure_layout(self) -> WrapLayout:
        """The layout for the current width, wrapping the body once per width."""
        if not self.size.width:  # not laid out yet: wrapping at width 1 would be wasted work
            return self._layout or WrapLayout(0, [0], [len(self.body)])
        width = self._wrap_width()
        layout = self._layout
        if layout is not None and layout.width == width:
            return layout
        anchor = None
        if layout is not None and len(layout):
            top = min(round(self.scroll_y), len(layout) - 1)
            anchor = layout.starts[top]
        layout = self._layouts.get(width)
        if layout is None:
            if len(self._layouts) >= 4:  # a few widths back and forth; not every drag step
                self._layouts.pop(next(iter(self._layouts)))
            layout = self._layouts[width] = wrap_body(self.body, width)
        self._layout = layout
        self.virtual_size = Size(width + GUTTER_WIDTH, len(layout))
        if anchor is not None:  # keep the reading position across a resize
            self.scroll_to(y=layout.line_of(anchor), animate=False, immediate=True)
        return layout

    def on_resize(self, event: events.Resize) -> None:
        self._ensure_layout()
        if self._pending_scroll is not None and self.size.height:
            first, last = self._pending_scroll
            self._pending_scroll = None
            self._scroll_into_view(first, last, animate=False)

    def _scroll_into_view(self, first: int, last: int, animate: bool) -> None:
        if not self.is_mounted or not self.size.height:
            self._pending_scroll = (first, last)  # applied on the first resize
            return
        layout = self._ensure_layout()
        top_line, bottom_line = layout.line_of(first), layout.line_of(last)
        height = self.scrollable_content_region.height
        top = round(self.scroll_y)
        if top <= top_line and bottom_line < top + height:
            return  # already in view
        context = max(1, height // 3) if bottom_line - top_line < height - height // 3 else 1
        self.scroll_to(y=max(0, top_line - context), animate=animate, immediate=not animate)

    def _hit(self, x: int, y: int) -> tuple[int, bool] | None:
        """(body offset, on a character) for content-region coordinates."""
        layout = self._ensure_layout()
        index = y + round(self.scroll_y)
        if y < 0 or index >= len(layout):
            return None
        start, end = layout.starts[index], layout.ends[index]
        column = x + round(self.scroll_x) - GUTTER_WIDTH
        if column < 0:
            return start, False
        position, on_character = column_to_index(self.body[start:end], column)
        return start + position, on_character

    # -- rendering ---------------------------------------------------------------------

    def _bump(self) -> None:
        """The highlight state changed: cached lines are stale, the wrapping is not."""
        self._version += 1
        self._strips.clear()
        self.refresh()

    def watch_has_focus(self, has_focus: bool) -> None:
        # Textual restyles a widget whenever it gains or loses focus, in case a rule uses
        # :focus. Restyling this one resolves its 13 component classes (~0.7 ms; the launch
        # would pay it for the initial focus, again on every dialog): skip it when no rule
        # can style the pane or its parts by focus.
        if self._focus_may_restyle():
            super().watch_has_focus(has_focus)

    def _focus_may_restyle(self) -> bool:
        """Whether a :focus/:blur rule may apply to this widget, its parts or scrollbars.

        Conservative: any such rule ending in a class, an id or `*` counts, as does one
        ending in a type this widget or a scrollbar is an instance of.
        """
        types = {
            base.__name__
            for widget_type in (type(self), ScrollBar, ScrollBarCorner)
            for base in widget_type.__mro__
        }
        for rule in self.app.stylesheet.rules:
            if rule.pseudo_classes.isdisjoint(FOCUS_PSEUDO_CLASSES):
                continue
            for name in rule.selector_names:
                if name[:1] in (".", "#", "*") or name in types:
                    return True
        return False

    def notify_style_update(self) -> None:
        # Called on every restyle (mount, focus, a class change, the theme): most change
        # nothing this widget draws, so only mark the styles for a check on the next draw.
        super().notify_style_update()
        self._styles_stale = True

    def _check_styles(self) -> Style:
        """The base style, after dropping cached styles and lines if the look changed."""
        if self._styles_stale:
            self._styles_stale = False
            base = self.rich_style
            # Each component's own style (`partial`): the base is added when combining.
            parts = {
                name: self.get_component_styles(name).partial_rich_style for name in _COMPONENTS
            }
            key = (base, *parts.values())
            if key != self._style_key:
                self._style_key = key
                self._base_style = base
                self._parts = parts
                self._styles.clear()
                self._margins.clear()
                self._strips.clear()
        return self._base_style

    def _role_style(self, roles: Roles) -> Style:
        style = self._styles.get(roles)
        if style is None:
            parts = self._parts
            style = self._base_style + Style.combine(
                parts[_component(role)] for role in effective_roles(roles)
            )
            self._styles[roles] = style
        return style

    def render_line(self, y: int) -> Strip:
        base = self._check_styles()
        # The region is looked up once per line (it goes through the compositor's map).
        width = self.scrollable_content_region.width
        layout = self._layout
        if layout is None or layout.width != max(1, width - GUTTER_WIDTH):
            layout = self._ensure_layout()
        scroll_x, scroll_y = self.scroll_offset
        index = y + scroll_y
        if index >= len(layout):
            return Strip.blank(width, base)
        key = (index, layout.width, self._version)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self._render_wrapped_line(layout, index, base)
        if scroll_x == 0 and strip.cell_length == width:
            return strip  # the usual case: drawn at exactly the pane's width, no crop needed
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _render_wrapped_line(self, layout: WrapLayout, index: int, base: Style) -> Strip:
        start, end = layout.starts[index], layout.ends[index]
        body = self.body
        intervals = self._highlighter.intervals(start, end)
        segments: list[Segment] = []
        column, position = 0, start
        current = warning = False
        for piece_start, piece_end, roles in intervals:
            if piece_start > position:
                text = expand_tabs(body[position:piece_start], column)
                segments.append(Segment(text, base))
                column += cell_len(text)
            text = expand_tabs(body[piece_start:piece_end], column)
            segments.append(Segment(text, self._role_style(roles)))
            column += cell_len(text)
            position = piece_end
            current = current or "claim-current" in roles
            warning = warning or ("unsourced-hedged" in roles and "rejected" not in roles)
        if position < end:
            text = expand_tabs(body[position:end], column)
            segments.append(Segment(text, base))
            column += cell_len(text)
        segments[:0] = self._margin(current, warning)
        total = layout.width + GUTTER_WIDTH
        if column + GUTTER_WIDTH < total:
            segments.append(Segment(" " * (total - column - GUTTER_WIDTH), base))
        return Strip(segments, max(total, column + GUTTER_WIDTH))

    def _margin(self, current: bool, warning: bool) -> list[Segment]:
        """Two cells left of the text: the current claim's bar, the unsourced-hedge mark."""
        margin = self._margins.get((current, warning))
        if margin is None:
            if not (current or warning):
                margin = [Segment(" " * GUTTER_WIDTH, self._component_style(GUTTER))]
            else:
                margin = [
                    Segment(
                        GUTTER_CURRENT if current else " ",
                        self._component_style(GUTTER_CURRENT_CLASS),
                    ),
                    Segment(
                        GUTTER_WARNING if warning else " ",
                        self._component_style(GUTTER_WARNING_CLASS),
                    ),
                ]
            self._margins[current, warning] = margin
        return margin

    def _component_style(self, name: str) -> Style:
        return self._base_style + self._parts[name]

    # -- input -------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        hit = self._hit(offset.x, offset.y)
        if hit is None or not hit[1]:
            return
        claims = self._highlighter.claims_at(hit[0])
        if claims:
            self.post_message(self.ClaimClicked(claims[0]))

    def _page_height(self) -> int:
        return max(1, self.scrollable_content_region.height)

    def action_scroll_lines(self, lines: int) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_to(y=self.scroll_y + lines, animate=False, immediate=True)

    def action_scroll_pages(self, pages: float) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        height = self._page_height()
        # A full page keeps one line of overlap so the eye finds its place again.
        step = max(1, height - 1) if abs(pages) >= 1 else max(1, int(height * abs(pages)))
        delta = step if pages > 0 else -step
        self.scroll_to(y=self.scroll_y + delta, animate=False, immediate=True)

    def action_scroll_top(self) -> None:
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_scroll_bottom(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
