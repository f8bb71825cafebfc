"""The extraction pipeline: sentences -> cues -> mentions -> sources -> chains -> claims."""

from __future__ import annotations

import gc
from dataclasses import dataclass, replace

from tui.articles.structure import dateline_end
from tui.attribution.cues import Found, Matches, cue_slots, find_cues, sentence_matches
from tui.attribution.hedges import find_hedges
from tui.attribution.mentions import Mention, analyse
from tui.attribution.rules import RulePack, RulesError, compile_pack, load_rules, normalise
from tui.attribution.sources import Entity, Registry
from tui.attribution.text import (
    OPENERS,
    Sentence,
    Token,
    bare_of,
    build_sentence,
    strip_quote_marks,
    trim,
    trim_bounds,
)
from tui.model import AnnotationSet, Article, Claim, Hop, Span, Status

BACKREF_REACH = 3  # a sentence's first words that may name what it refers back to


@dataclass(slots=True)  # slots: built by the thousand per article
class Draft:
    """A claim under construction (entities, not yet source ids)."""

    span: Span
    cue: Span | None
    hops: list[tuple[Entity, Span, bool]]  # (entity, mention, inferred), origin first
    hedges: list[Span]
    anonymous: bool
    sentence: int
    para: int
    origin_media: bool = False
    origin_mention: Mention | None = None


def extract_claims(article: Article, rules: RulePack | None = None) -> AnnotationSet:
    """Every attributed claim of the article, in text order. Never raises."""
    meta = replace(article.meta, language=article.language)
    base = AnnotationSet(article_path=article.path, meta=meta, sha256=article.sha256)
    # Extraction makes many small objects and no reference cycles: the cyclic collector
    # would only rescan them again and again (and make long articles superlinear).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        pack = rules if rules is not None else _default_pack(article.language)
        return _extract(article, pack, base)
    except Exception:
        try:
            reg = Registry(_empty_pack(), _outlet_name(article))
            sources, _ = reg.sources()
            return replace(base, sources=sources)
        except Exception:
            return base
    finally:
        if gc_was_enabled:
            gc.enable()


def _default_pack(language: str) -> RulePack:
    try:
        return load_rules(language)
    except RulesError:
        return _empty_pack()


_EMPTY: RulePack | None = None


def _empty_pack() -> RulePack:
    global _EMPTY
    if _EMPTY is None:
        _EMPTY = compile_pack({}, ())
    return _EMPTY


def _outlet_name(article: Article) -> str:
    meta = article.meta
    for value in (meta.outlet, meta.title):
        if value and str(value).strip():
            return " ".join(str(value).split())
    return "this article"


DATELINE_PARAGRAPHS = 3  # a dateline opens one of the first paragraphs of a dispatch


def _paragraph_sentences(article: Article) -> list[tuple[int, int, int]]:
    """(start, end, paragraph index) of every sentence, in order."""
    body = article.body
    paragraphs = list(article.paragraphs)
    sentences = list(article.sentences)
    if not paragraphs or not sentences:
        try:
            from tui.articles.sentences import split_sentences
            from tui.articles.structure import find_paragraphs

            paragraphs = list(find_paragraphs(body))
            sentences = list(split_sentences(body, paragraphs, article.language))
        except Exception:
            paragraphs, sentences = [], []
            pos = 0
            for line in body.splitlines(keepends=True):
                s = trim(body, pos, pos + len(line), " \t\r\n")
                if s.end > s.start:
                    paragraphs.append(s)
                    sentences.append(s)
                pos += len(line)
    out = []
    pi = 0
    last = len(paragraphs) - 1
    size = len(body)
    for s in sentences:
        start, end = s.start, s.end
        while pi < last and paragraphs[pi].end <= start:
            pi += 1
        if end > size:  # (a span is never inverted nor negative: Span checks it)
            start, end = min(start, size), size
        if pi < DATELINE_PARAGRAPHS and paragraphs and start == paragraphs[pi].start:
            start += dateline_end(body[start:end])  # "TOULON, 14 oct (AFP) - …"
        out.append((start, end, pi))
    return out


def _boilerplate_mask(article: Article, spans: list[tuple[int, int, int]]) -> list[bool]:
    """Which sentences overlap a boilerplate line (one linear pass over sorted spans)."""
    bps = sorted((b.start, b.end) for b in article.boilerplate)
    n = len(bps)
    mask = []
    j = 0
    for start, end, _ in spans:
        while j < n and bps[j][1] <= start:
            j += 1
        k = j
        hit = False
        while k < n and bps[k][0] < end:
            if bps[k][1] > start:
                hit = True
                break
            k += 1
        mask.append(hit)
    return mask


def _extract(article: Article, pack: RulePack, base: AnnotationSet) -> AnnotationSet:
    body = article.body
    view = normalise(body)
    # The cue patterns are tried at the words of each sentence that open one (noted while
    # tokenising) when the pack lists those words; else after a scan of the whole text.
    lowered = view.lower()
    forms = pack.word_forms if len(lowered) == len(view) else None
    slots = cue_slots(pack)
    matches: Matches | None = None
    # the positions where a listed hedge may start (find_hedges tries it there only): the
    # words that open one, added sentence by sentence, or the whole text's candidates
    starts: list[int] | None = []
    if forms is None:
        matches = Matches(view, pack)
        starts = matches.starts
    reg = Registry(pack, _outlet_name(article))
    zero_that = bool((pack.raw.get("cues") or {}).get("zero_complementizer"))
    spans = _paragraph_sentences(article)
    mask = _boilerplate_mask(article, spans)
    drafts: list[Draft] = []
    # Drafts come in text order but for a claim that is an earlier sentence ("Le chiffre a
    # été publié par …"): the sort below is needed only then.
    in_order = True
    last_start = last_end = -1
    prev_made: list[Draft] = []  # the drafts of the previous sentence (``prev``)
    prev: Sentence | None = None
    # Two pools of tokens, one a sentence in turn: a sentence's tokens are written over two
    # sentences later, when nothing holds them any more (the previous sentence is read with
    # the current one). Allocating and freeing a token per word cost more than reading it.
    pool: list[Token] = []
    spare: list[Token] = []
    plot_para = -1  # the paragraph a plot summary opened ("Le film suit Lise, …")
    for i, (start, end, para) in enumerate(spans):
        if mask[i] or end <= start:
            prev = None
            continue
        try:
            pool, spare = spare, pool
            sent = build_sentence(view, i, start, end, para, forms, pool)
            if matches is None:
                in_sentence = sentence_matches(view, lowered, sent, pack, slots, starts)
            else:
                in_sentence = matches.in_sentence(start, end)
            # (a plot summary opens its paragraph)
            if (
                (prev is None or prev.para != para)
                and pack.plot_verbs
                and _opens_a_plot(sent, pack)
            ):
                plot_para = para
            made = _sentence(
                view,
                body,
                sent,
                prev,
                pack,
                reg,
                zero_that,
                prev_made,
                in_sentence,
                starts,
                plot_para == para,
            )
        except Exception:
            prev = None
            continue
        if made:
            drafts.extend(made)
            if in_order:
                for d in made:
                    a, b = d.span.start, d.span.end
                    if a < last_start or (a == last_start and b < last_end):
                        in_order = False
                        break
                    last_start, last_end = a, b
        prev, prev_made = sent, made
    if not in_order:
        drafts.sort(key=lambda d: (d.span.start, d.span.end))
    # mark the entities the hops use, then build sources and claims
    for d in drafts:
        for e, _, _ in d.hops:
            e.used = True
    sources, ids = reg.sources()
    outlet_id = ids[reg.outlet.idx]
    claims = []
    seen: set[tuple[int, int, str]] = set()
    article_hop = Hop(outlet_id)  # immutable: one for every chain's last hop
    for d in drafts:
        hops = [Hop(ids[e.idx], m, inf) for e, m, inf in d.hops]
        key = (d.span.start, d.span.end, hops[0].source if hops else "")
        if key in seen:
            continue
        seen.add(key)
        hops.append(article_hop)
        claims.append(
            Claim(  # (positional: by keyword a construction costs twice as much)
                f"c{len(claims) + 1}",  # id
                d.span,
                d.cue,
                tuple(hops),  # chain
                tuple(d.hedges),
                d.anonymous,
                Status.SUGGESTED,
            )
        )
    return replace(base, sources=sources, claims=tuple(claims))


def _starts_with_backref(view: str, sent: Sentence, pack: RulePack) -> bool:
    """ "Le chiffre …", "The memo was published by …", "Des informations publiées par …"."""
    toks = sent.toks
    reach = min(len(toks), BACKREF_REACH + 1)  # (no slice)
    determiners = pack.determiners
    framing_starts = pack.framing_starts
    k = 0
    while k < reach and toks[k].bare in framing_starts and toks[k].bare not in determiners:
        k += 1
    if k < reach and (toks[k].bare in determiners or toks[k].low in determiners):
        k += 1
        return k < reach and toks[k].bare in pack.backref_nouns
    return False


def _sentence(
    view: str,
    body: str,
    sent: Sentence,
    prev: Sentence | None,
    pack: RulePack,
    reg: Registry,
    zero_that: bool,
    prev_made: list[Draft],
    in_sentence: tuple,
    starts: list[int] | None,
    in_a_plot: bool = False,
) -> list[Draft]:
    reg.scan(view, body, sent)
    if in_a_plot:
        return []  # what the characters of a plot summary say is the plot
    founds = find_cues(view, sent, pack, zero_that, in_sentence=in_sentence)
    if founds and _in_a_fiction(sent, pack):
        return []
    prev_drafts = prev_made if prev is not None and prev.para == sent.para else []
    # whether the sentence opens on what it refers back to matters to the previous claims
    # (a relay for them) and to a passive cue (rare: _draft asks for itself)
    backref = bool(prev_drafts) and _starts_with_backref(view, sent, pack)
    drafts: list[Draft] = []
    last: tuple[Entity, Span, Mention] | None = None
    media_here: tuple[Entity, Span] | None = None
    for f in founds:
        d = _draft(view, body, sent, f, prev, pack, reg, last, starts)
        if not isinstance(d, Draft):
            continue  # None, or "relay" (tested by type: ``==`` would call Draft.__eq__)
        drafts.append(d)
        e, m, _ = d.hops[0]
        if d.origin_mention is not None:
            last = (e, m, d.origin_mention)
        if media_here is None and e.media and not e.outlet:
            media_here = (e, m)
    if backref:  # (and so prev_drafts)
        relay = media_here or _published_by(view, body, sent, pack, reg)
        if relay is not None:
            for d in prev_drafts:
                if len(d.hops) == 1 and not d.hops[0][0].media and d.hops[0][0] is not relay[0]:
                    d.hops.append((relay[0], relay[1], True))
    if not drafts:
        d = _continued_quote(view, sent, pack, prev_drafts, starts) or _unsourced(
            view, sent, pack, prev_drafts, starts
        )
        if d is not None:
            drafts.append(d)
    return drafts


PLOT_OPENING_MAX = 6  # words before a plot verb in "Le premier film de X suit …"
PLOT_FICTION_AT = 3  # the fiction noun is among the first words


def _opens_a_plot(sent: Sentence, pack: RulePack) -> bool:
    """ "Le film suit Lise, …", "The novel follows …": a fiction, then what it tells, open
    the sentence (no separator between): the paragraph from here is a plot summary."""
    toks = sent.toks
    fiction_words = pack.fiction
    # the fiction is among the first words ("Le film", "The new film", "Le premier roman")
    opening = toks[:PLOT_FICTION_AT]
    if fiction_words.isdisjoint(map(bare_of, opening)):  # (most: no loop to run)
        return bool(sent.quotes) and _title_tells(sent, pack)
    k = next(k for k, t in enumerate(opening) if t.bare in fiction_words)
    stop = sent.seps[0] if sent.seps else sent.end
    for t in toks[k + 1 : PLOT_OPENING_MAX + 1]:
        if t.start >= stop:
            return False
        if t.low in pack.plot_verbs:
            return True
    return False


TITLE_MAX = 6  # words of a quoted title that tells a story: "« La Digue » raconte l'histoire"


def _title_tells(sent: Sentence, pack: RulePack) -> bool:
    """ "Tourné l'an dernier, « La Digue » raconte l'histoire de Camille …": a short quoted
    title, capitalised, right before a plot verb that no complementizer follows (not "« Le
    Monde » raconte que …")."""
    if not sent.quotes:
        return False
    toks = sent.toks
    for a, b in sent.quotes:
        inside = sent.toks_in(a + 1, b - 1)
        if not inside or len(inside) > TITLE_MAX or not inside[0].cap:
            continue
        k = sent.tok_index(b)
        if (
            k + 1 < len(toks)
            and toks[k].low in pack.plot_verbs
            and toks[k + 1].low not in pack.complementizers
            and toks[k + 1].bare not in pack.complementizers
        ):
            return True
    return False


FICTION_FRAME_MAX = 6  # words of an opening "In the film," that says the sentence is a plot


def _in_a_fiction(sent: Sentence, pack: RulePack) -> bool:
    """The sentence opens on "In the film,", "Dans le roman,": what its characters say is
    the plot, not a claim."""
    if not sent.seps or not pack.fiction or not sent.toks:
        return False
    # the frame's first word, when it has one, is the sentence's: read before the frame
    first = sent.toks[0]
    if (
        first.bare not in pack.prepositions
        and not first.text.isdigit()
        and not (sent.quotes and sent.in_quote(first.start))
    ):
        return False  # (most sentences: they open on no preposition)
    frame = sent.toks_in(sent.start, sent.seps[0])
    if not frame:
        return False
    if pack.fiction.isdisjoint(map(bare_of, frame)):
        return False  # (no fiction word to read further for)
    # (a quoted title and a year are not counted: "Dans son roman « L'Été des cartables »
    # (2019),", "In the 2021 thriller "Dark Grid",")
    frame = [t for t in frame if not t.text.isdigit() and not sent.in_quote(t.start)]
    return (
        0 < len(frame) <= FICTION_FRAME_MAX
        and frame[0].bare in pack.prepositions
        and any(t.bare in pack.fiction for t in frame)
    )


def _quoted(view: str, pos: int) -> bool:
    """The claim at ``pos`` opens with a quotation mark."""
    before = view[max(0, pos - 3) : pos].rstrip()[-1:]
    return bool(before) and before in OPENERS


def _continued_quote(
    view: str,
    sent: Sentence,
    pack: RulePack,
    prev_drafts: list[Draft],
    starts: list[int] | None = None,
) -> Draft | None:
    """ "« … », a-t-il déclaré. « … »": a sentence that is one whole quotation, right after
    a quotation attributed in the same paragraph, goes on with the same speaker."""
    if not prev_drafts or len(sent.quotes) != 1:
        return None
    a, b = sent.quotes[0]
    if view[sent.start : a].strip() or view[b : sent.end].strip(" \t\n.!?…"):
        return None
    src = prev_drafts[-1]
    if not src.hops or not _quoted(view, src.span.start):
        return None
    start, end = strip_quote_marks(view, a, b)
    span = trim(view, start, end, " \t\n,;:.")
    if span.end <= span.start:
        return None
    e, m, _ = src.hops[0]
    return Draft(
        span=span,
        cue=None,
        hops=[(e, m, True), *src.hops[1:]],
        hedges=find_hedges(
            view, span.start, span.end, pack, past_cue=False, starts=starts, sent=sent
        ),
        anonymous=src.anonymous,
        sentence=sent.index,
        para=sent.para,
        origin_media=src.origin_media,
        origin_mention=src.origin_mention,
    )


def _published_by(view: str, body: str, sent: Sentence, pack: RulePack, reg: Registry):
    """ "Ce courrier avait été publié en juin par le quotidien Sud Ouest": the outlet."""
    for rx in (pack.relay_publication_re, pack.relay_forward_re):
        if rx is None:
            continue
        m = rx.search(view, sent.start, sent.end)
        if m is None:
            continue
        end = sent.seg_end(m.end())
        mention = analyse(view, body, m.end(), end, sent, pack)
        if mention is None or not mention.media:
            continue
        e = reg.resolve(mention, body[mention.span.start : mention.span.end])
        if e is not None and not e.outlet:
            return e, mention.span
    return None


def _draft(
    view: str,
    body: str,
    sent: Sentence,
    f: Found,
    prev: Sentence | None,
    pack: RulePack,
    reg: Registry,
    last: tuple[Entity, Span, Mention] | None,
    starts: list[int] | None = None,
) -> Draft | str | None:
    # the claim
    if f.kind == "backref":
        if prev is None or prev.para != sent.para:
            return None
        a, b = prev.start, prev.end
    else:
        a, b = f.claim
    a, b = strip_quote_marks(view, a, b)
    a, b = trim_bounds(view, a, b, " \t\n,;:-\u2013\u2014")
    if b <= a:
        return None
    claim = Span(a, b)
    if f.kind == "passive" and _starts_with_backref(view, sent, pack):
        return "relay"  # "The memo was published by …": a relay of the previous claim

    # the origin
    origin_mention: Mention | None = None
    if f.ref == "prev":
        if last is None:
            return None
        entity, mspan, origin_mention = last
    else:
        span = f.reverse_origin or f.origin
        if span is None:
            return None
        origin_mention = analyse(view, body, span[0], span[1], sent, pack, f.context_end)
        if origin_mention is None or origin_mention.fiction:
            return None
        if origin_mention.non_source and not _quoted(view, claim.start):
            return None  # a rule ("<prep> the text"), unless it is quoted as saying something
        origin_mention = _possessor(view, body, sent, pack, origin_mention)
        if origin_mention.named and f.relays and any(r.media_only for r in f.relays):
            # "a memo seen by the Chronicle": the memo, not the outlet that saw it, is the
            # origin (the outlet is its relay)
            origin_mention = _before_publisher(view, body, sent, pack, origin_mention, f)
        entity = reg.resolve(
            origin_mention,
            body[origin_mention.span.start : origin_mention.span.end],
            speaker=True,
        )
        if f.relays and (entity is None or entity.outlet or not origin_mention.named):
            # "<prep> emails seen by <this outlet>": the documents are the origin
            own = _own_documents(view, body, sent, pack, reg, origin_mention, f)
            if own is not None:
                origin_mention, entity = own
        if entity is None:
            return None
        mspan = origin_mention.span
    if entity.outlet:
        return None  # the article's own finding: not an attribution
    entity.spoke = True
    reg.touch(entity, mspan.start)
    reg.spoke_at(entity, mspan.start)
    hops: list[tuple[Entity, Span, bool]] = [(entity, mspan, False)]

    # relays: the reversed subject ("Ouest-France, citant des enquêteurs"), who was told
    # (when a news outlet), then explicit relay markers
    # (span, media only, a record of the origin's words, the one who speaks in the sentence)
    relay_spans: list[tuple[tuple[int, int], bool, bool, bool]] = []
    if f.reverse_origin is not None and f.origin is not None:
        relay_spans.append((f.origin, False, False, True))
    aud = pack.audience_np_re
    if f.recipient is not None and not (
        aud is not None and aud.fullmatch(view[f.recipient[0] : f.recipient[1]].strip())
    ):
        relay_spans.append((f.recipient, True, False, False))  # not an audience: "à la presse"
    for r in f.relays:  # (most claims have none: no generator to build)
        relay_spans.append((r.span, r.media_only, r.record, False))
    for (ra, rb), media_only, record, speaks in relay_spans:
        rm = analyse(view, body, ra, rb, sent, pack)
        if rm is None or rm.pronoun is not None:
            continue
        if record and rm.kind == "document" and origin_mention is not None and origin_mention.named:
            continue  # the letter a named speaker wrote records their words
        if _bare_means(rm, pack):
            continue  # "joint par téléphone": a means, not a relay
        if media_only and not (rm.media or reg.is_outlet(rm) or reg.stands_for_media(rm)):
            continue
        if (
            origin_mention is not None
            and not rm.named
            and not origin_mention.named
            and rm.head == origin_mention.head
        ):
            continue  # "Israeli officials believe …, citing two security officials": the same
        re_ = reg.resolve(rm, body[rm.span.start : rm.span.end])
        if re_ is None or re_.outlet or re_ is entity:
            continue
        if speaks:
            # "Citing the accounts, the organiser said …": a pronoun after it stands for
            # the one who spoke, not for what they cited
            re_.spoke = True
            reg.spoke_at(re_, rm.span.start)
        hops.append((re_, rm.span, False))

    if origin_mention is None or origin_mention.pronoun is not None or origin_mention.description:
        anonymous = entity.anonymous  # "l'élu", "she": as anonymous as who they stand for
    else:
        anonymous = origin_mention.anonymous or entity.anonymous
    past_cue = f.past and f.kind in ("verb", "inverted", "backref")
    hedges = find_hedges(
        view,
        claim.start,
        claim.end,
        pack,
        past_cue=past_cue,
        starts=starts,
        sent=prev if f.kind == "backref" else sent,  # the sentence holding the claim
    )
    if f.kind in ("verb", "inverted"):
        # "aurait assuré", "se serait réjoui", "X reportedly said": the attribution itself
        # is hedged, and so the claim (the words from the speaker to the verb are read; a
        # lone verb, "X said", hedges nothing)
        lo, hi = f.cue
        o = f.origin
        if o is not None and o[1] + 2 < lo and "," not in view[o[1] : lo]:
            lo = o[1]  # "X reportedly said"
        if lo < f.cue[0] or " " in view[lo:hi]:
            said = find_hedges(view, lo, hi, pack, past_cue=False, starts=starts, sent=sent)
            if said:
                hedges = sorted([*said, *hedges], key=lambda h: h.start)
    ca, cb = f.cue
    cue = Span(ca, cb) if cb > ca else None
    # (positional: one a claim, and by keyword a construction costs twice as much)
    return Draft(
        claim,  # span
        cue,
        hops,
        hedges,
        anonymous,
        sent.index,  # sentence
        sent.para,
        entity.media,  # origin_media
        origin_mention,
    )


def _before_publisher(
    view: str, body: str, sent: Sentence, pack: RulePack, m: Mention, f: Found
) -> Mention:
    """The mention cut before its publication marker, when what follows names a news
    outlet; else the mention itself."""
    rx = pack.relay_publication_re
    for r in f.relays:
        if not r.media_only or not (m.span.start < r.span[0] <= m.span.end) or rx is None:
            continue
        mm = None
        for x in rx.finditer(view, m.span.start, r.span[0]):
            mm = x
        if mm is None or mm.start() <= m.span.start:
            continue
        rm = analyse(view, body, r.span[0], r.span[1], sent, pack)
        if rm is None or not rm.media:
            continue
        dm = analyse(view, body, m.span.start, mm.start(), sent, pack)
        if dm is not None and dm.pronoun is None and not dm.fiction and not dm.non_source:
            return dm
    return m


def _bare_means(m: Mention, pack: RulePack) -> bool:
    """A bare common noun with no source word ("by phone"): no one to relay a claim."""
    if m.named or m.media or m.kind not in ("unknown", "anonymous"):
        return False
    words = m.text.lower().split()
    return (
        len(words) <= 2
        and words[0] not in pack.determiners
        and m.head not in pack.vague_nouns
        and m.head not in pack.person_gender
        and not words[0][:1].isdigit()
    )


def _own_documents(
    view: str, body: str, sent: Sentence, pack: RulePack, reg: Registry, m: Mention, f: Found
) -> tuple[Mention, Entity] | None:
    """A mention "<documents> <published/seen by> <this outlet>": the documents, when they
    are not the outlet's own words."""
    for r in f.relays:
        if not r.media_only or not (m.span.start < r.span[0] <= m.span.end):
            continue
        rx = pack.relay_publication_re
        mm = rx.search(view, m.span.start, r.span[0]) if rx is not None else None
        if mm is None or mm.start() <= m.span.start:
            continue
        rm = analyse(view, body, r.span[0], r.span[1], sent, pack)
        if rm is None or not reg.is_outlet(rm):
            continue
        dm = analyse(view, body, m.span.start, mm.start(), sent, pack)
        if dm is None or dm.pronoun is not None or dm.fiction or dm.non_source:
            continue
        e = reg.resolve(dm, body[dm.span.start : dm.span.end])
        if e is not None and not e.outlet:
            return dm, e
    return None


def _possessor(view: str, body: str, sent: Sentence, pack: RulePack, m: Mention) -> Mention:
    """ "par ses calculs", "by its own figures": the possessor is the source, unless
    the noun names one of its own (a title, an institution: "son ministère")."""
    if m.named or m.pronoun is not None:
        return m
    toks = sent.toks_in(m.span.start, m.span.end)
    if len(toks) < 2 or len(toks) > 4:
        return m
    pron = pack.pronouns.get(toks[0].bare)
    if pron is None or not pron.possessive:
        return m
    head = m.head
    if head in pack.person_gender or (head in pack.kinds and pack.kinds[head] != "document"):
        return m
    pm = analyse(view, body, toks[0].start, toks[0].end, sent, pack)
    return pm if pm is not None and pm.pronoun is not None else m


def _unsourced(
    view: str,
    sent: Sentence,
    pack: RulePack,
    prev_drafts: list[Draft],
    starts: list[int] | None = None,
) -> Draft | None:
    """A hedged sentence attributed to no one: the article's own (flagged) claim, or the
    previous sentence's source when it reads as its continuation ("Ces troupes auraient …")."""
    text = view[sent.start : sent.end].rstrip()
    if text.endswith("?"):
        return None
    hedges = find_hedges(view, sent.start, sent.end, pack, past_cue=False, starts=starts, sent=sent)
    if not hedges:
        return None
    span = trim(view, sent.start, sent.end, " \t\n")
    hops: list[tuple[Entity, Span, bool]] = []
    anonymous = False
    first = sent.toks[0].bare if sent.toks else ""
    if prev_drafts and first in pack.continuation_starts:
        src = prev_drafts[-1]
        if src.hops:
            e, m, _ = src.hops[0]
            hops.append((e, m, True))
            anonymous = src.anonymous
    return Draft(
        span=span,
        cue=hedges[0],
        hops=hops,
        hedges=hedges,
        anonymous=anonymous,
        sentence=sent.index,
        para=sent.para,
    )
