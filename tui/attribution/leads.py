"""The words a pattern's matches can open with, read from the pattern itself.

A cue, hedge or trap pattern of a rule pack only matches at the start of a word (it asserts
that no word character comes before) and opens with a word from a known list, sometimes
followed by a word from another (a multi-word phrase). A reader that already has the text's
words in hand can then try the pattern at the few words that open one of its matches,
instead of scanning every character of the text for them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tui.attribution.text import is_word_char

# Beyond this many paths through a pattern the answer is "cannot tell" (None): the packs'
# patterns are tries of a few thousand words at most.
MAX_PATHS = 200_000
# Larger character classes are not spelled out letter by letter.
MAX_CLASS = 64
# The second word of a pair when it may be any word (or none).
ANY = None

_FIRST, _GAP, _SECOND = 0, 1, 2


class _Unknown(Exception):
    """The words a match opens with cannot be listed."""


def word_leads(rx: re.Pattern[str]) -> dict[str, frozenset[str] | None] | None:
    """Every word (maximal run of ``\\w`` characters) a match of ``rx`` can open with, each
    with the words that can come next; None when that cannot be told.

    The answer holds for every match: it starts at a position not preceded by a word
    character, the run of word characters there is a key of the answer, and when the key's
    value is not ``ANY`` the next run of word characters of the text, after that one, is
    one of the words of the value. (Not every word listed opens a match.)

    None when the pattern may match elsewhere — it does not assert a word start, may open
    with a character that is not a word character, or match empty — or when its first word
    is not a finite list (``\\w+``), or a match may end inside it."""
    parsed = _parse(rx)
    if parsed is None:
        return None
    nexts: dict[str, set[str] | None] = {}
    try:
        for lead, second in _walk((list(parsed), 0, None), _FIRST, "", "", False, [0]):
            if second is ANY:
                nexts[lead] = ANY
            elif lead not in nexts:
                nexts[lead] = {second}
            elif nexts[lead] is not ANY:
                nexts[lead].add(second)  # type: ignore[union-attr]
    except (_Unknown, RecursionError):
        return None
    if not nexts:
        return None
    return {lead: (ANY if s is ANY else frozenset(s)) for lead, s in nexts.items()}


def _parse(rx: re.Pattern[str]):
    try:
        from re import _parser

        parsed = _parser.parse(rx.pattern, rx.flags)
    except Exception:  # a Python without these internals
        return None
    if rx.flags & re.IGNORECASE or parsed.state.flags & re.IGNORECASE:
        return None  # case folding pairs letters beyond their lower case: not listed here
    return parsed


# A continuation: (items, index of the next one, the continuation after them), so that a
# group's items run on into what follows the group without copying lists.
_Cont = tuple[list, int, "_Cont | None"] | None


def _walk(
    cont: _Cont, phase: int, lead: str, word: str, flag: bool, paths: list[int]
) -> Iterator[tuple[str, str | None]]:
    """The (first word, next word or ANY) of the matches that go on with ``cont``.

    ``phase`` _FIRST: ``lead`` (word characters) consumed so far, ``flag``: a word start was
    asserted before it. _GAP: the first word is over, ``flag``: blanks were consumed after
    it. _SECOND: ``word`` is the next word so far. Anything not understood in the first word
    raises _Unknown; after it, it only makes the next word ANY."""
    from re import _constants as c

    paths[0] += 1
    if paths[0] > MAX_PATHS:
        raise _Unknown
    while True:
        if cont is None:  # the match may end here
            if phase == _FIRST:
                raise _Unknown  # inside a word, or empty
            yield lead, ANY
            return
        items, i, after = cont
        if i >= len(items):
            cont = after
            continue
        op, av = items[i]
        nxt = (items, i + 1, after)
        if op is c.AT:
            if av is c.AT_BOUNDARY and (lead if phase == _FIRST else phase == _SECOND):
                yield from _word_ends(nxt, phase, lead, word, flag, paths, consumed=False)
                return
            if phase == _FIRST and not lead:
                if av in (c.AT_BOUNDARY, c.AT_BEGINNING, c.AT_BEGINNING_STRING):
                    flag = True
                else:
                    raise _Unknown
            cont = nxt
            continue
        if op in (c.ASSERT, c.ASSERT_NOT):
            direction, sub = av
            sub = list(sub)
            in_word = lead if phase == _FIRST else phase == _SECOND
            if op is c.ASSERT_NOT and direction == -1 and phase == _FIRST and not lead:
                if _holds_word_class(sub):  # (?<![\w…]): a word starts here
                    flag = True
            elif in_word and op is c.ASSERT_NOT and direction == 1 and _holds_word_class(sub):
                # (?![\w…]): the word ends here
                yield from _word_ends(nxt, phase, lead, word, flag, paths, consumed=False)
                return
            elif in_word and op is c.ASSERT and direction == -1:
                cls = _class_of(sub)
                if cls is not None and not cls[0]:
                    return  # (?<=') right after a word character: never holds
            elif in_word and op is c.ASSERT and direction == 1:
                cls = _class_of(sub[:1])
                if cls is not None and not cls[0]:  # (?= \w+ment): a non-word character next
                    yield from _word_ends(nxt, phase, lead, word, flag, paths, consumed=False)
                    return
            cont = nxt  # any other look-around: zero-width, the words stay a superset
            continue
        if op in (c.LITERAL, c.IN):
            cls = _class_of([(op, av)])
            if cls is None:
                if phase == _FIRST:
                    raise _Unknown  # \w, \d, a negated or large class: no list of words
                yield lead, ANY
                return
            chars, non_word = cls
            if phase == _GAP:
                if not chars:  # a blank, an apostrophe, a hyphen: the next run is a word
                    flag = True
                    cont = nxt
                    continue
                if not (chars and flag and not non_word):
                    yield lead, ANY  # punctuation, a word right after the first one …
                    return
                for ch in chars:  # the next word starts
                    yield from _walk(nxt, _SECOND, lead, ch, flag, paths)
                return
            if non_word:
                if phase == _FIRST and not lead:
                    raise _Unknown  # a match may open with a non-word character
                yield from _word_ends(nxt, phase, lead, word, flag, paths, consumed=True)
            for ch in chars:
                if phase == _FIRST:
                    yield from _walk(nxt, phase, lead + ch, word, flag, paths)
                else:
                    yield from _walk(nxt, phase, lead, word + ch, flag, paths)
            return
        if op is c.BRANCH:
            for alt in av[1]:
                yield from _walk((list(alt), 0, nxt), phase, lead, word, flag, paths)
            return
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                if phase == _FIRST:
                    raise _Unknown
                yield lead, ANY
                return
            cont = (list(sub), 0, nxt)
            continue
        if op is c.ATOMIC_GROUP:
            cont = (list(av), 0, nxt)  # (every path of the group: a superset)
            continue
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT, _MORE):
            low, high, sub = av
            body = list(sub)
            if phase == _GAP and _non_word_class(body):
                flag = flag or low >= 1  # \s+, [-\s]+ (\s* may be empty)
                cont = nxt
                continue
            if high <= 2:
                group = (c.SUBPATTERN, (None, 0, 0, sub))
                for k in range(low, high + 1):
                    yield from _walk(([group] * k, 0, nxt), phase, lead, word, flag, paths)
                return
            if phase == _SECOND:
                if low == 0:
                    yield from _walk(nxt, phase, lead, word, flag, paths)
                first = _class_of(body[:1])
                # a pass opening with a non-word character ends the next word
                yield (lead, word) if first is not None and not first[0] else (lead, ANY)
                return
            if phase != _FIRST or op is _MORE:
                if phase == _FIRST:
                    raise _Unknown  # a pass of the body left the word open: no end to it
                yield lead, ANY
                return
            if low == 0:
                yield from _walk(nxt, phase, lead, word, flag, paths)
            # one pass of the body must end the word (a second could lengthen it without
            # end): then come the other passes, as a repeat of their own
            more = (_MORE, (max(low - 1, 0), high, sub))
            yield from _walk((body, 0, ([more], 0, nxt)), phase, lead, word, flag, paths)
            return
        if phase == _FIRST:
            raise _Unknown  # any character, a back-reference, a conditional …
        yield lead, ANY
        return


# The passes of a repeat after its first one (an op of its own: in the first word, reaching
# it means the first pass left the word open).
_MORE = object()


def _word_ends(
    cont: _Cont,
    phase: int,
    lead: str,
    word: str,
    flag: bool,
    paths: list[int],
    consumed: bool,
) -> Iterator[tuple[str, str | None]]:
    """The current word ends (``consumed``: a blank after it was consumed too)."""
    if phase == _FIRST:
        if not flag:
            raise _Unknown  # a match may start inside a word
        yield from _walk(cont, _GAP, lead, "", consumed, paths)
    else:
        yield lead, word


def _holds_word_class(items: list) -> bool:
    """``items`` is one class holding every word character: ``\\w``, ``[\\w-]``."""
    from re import _constants as c

    if len(items) != 1:
        return False
    op, av = items[0]
    if op is c.IN:
        return any(iop is c.CATEGORY and iav is c.CATEGORY_WORD for iop, iav in av)
    return False


def _non_word_class(items: list) -> bool:
    """``items`` is one literal or one class of non-word characters only (``\\s``, ``'``,
    ``[-\\s]``): the next word character after it opens a new run."""
    cls = _class_of(items)
    return cls is not None and not cls[0]


def _class_of(items: list) -> tuple[list[str], bool] | None:
    """(the word characters, whether any non-word character) one item matches — a literal
    or a class — or None when it is not such an item or its word characters cannot be
    listed (a category of them, a negated class, a wide range)."""
    from re import _constants as c

    if len(items) != 1:
        return None
    op, av = items[0]
    if op is c.LITERAL:
        ch = chr(av)
        return ([ch], False) if is_word_char(ch) else ([], True)
    if op is not c.IN:
        return None
    chars: list[str] = []
    non_word = False
    for iop, iav in av:
        if iop is c.LITERAL:
            ch = chr(iav)
            if is_word_char(ch):
                chars.append(ch)
            else:
                non_word = True
        elif iop is c.RANGE:
            lo, hi = iav
            if hi - lo >= MAX_CLASS:
                return None
            for k in range(lo, hi + 1):
                if is_word_char(chr(k)):
                    chars.append(chr(k))
                else:
                    non_word = True
        elif iop is c.CATEGORY and iav in (c.CATEGORY_SPACE, c.CATEGORY_NOT_WORD):
            non_word = True
        else:
            return None  # \w, \d, a negated class …
    if len(chars) > MAX_CLASS:
        return None
    return list(dict.fromkeys(chars)), non_word
