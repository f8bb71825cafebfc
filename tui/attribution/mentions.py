"""Reading a source mention: its extent, name, kind, person-ness and anonymity.

Everything language-specific comes from the rule pack; this module only knows shapes:
capitalised runs, determiners, parenthesised acronyms, commas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.attribution.rules import Pronoun, RulePack
from tui.attribution.text import WORD_RUN_RE, Sentence, Token, bare_of, tokens, trim_bounds
from tui.model import Span

ACRONYM_RE = re.compile(r"\(\s*([A-ZÀ-Ý][A-Za-zÀ-ÿ0-9&.\-]{1,14})\s*\)")
MAX_MENTION = 400  # characters: a mention longer than this is not a noun phrase


@dataclass(slots=True)  # not frozen: a frozen init costs a setattr call per field
class Mention:
    span: Span
    text: str  # view text of the span
    name: str  # display name (body text)
    # lower-case tokens of the name, for matching a named mention (the registry matches an
    # unnamed one on the content words of its text: its key is left empty, never read)
    name_key: frozenset[str]
    named: bool  # a proper name heads the mention
    kind: str
    person: bool | None
    gender: str | None
    plural: bool
    anonymous: bool
    media: bool
    pronoun: Pronoun | None = None
    description: bool = False  # "the company", "le préfet": refers back to a named source
    head: str = ""
    fiction: bool = False
    non_source: bool = False
    impersonal: bool = False


def _opens_name(tok: Token, nxt: Token | None, pack: RulePack) -> bool:
    """A capitalised word opening the sentence still opens a name. Sentence-initial
    capitals say nothing by themselves: "Independent experts", "Les inspecteurs"."""
    low = tok.bare
    if low in pack.determiners or low in pack.prepositions or low in pack.framing_starts:
        return False
    if low in pack.kinds or low in pack.vague_nouns or low in pack.person_gender:
        return False
    if nxt is not None and not nxt.cap and nxt.bare not in pack.name_particles:
        return tok.text.isupper() and len(tok.text) > 1
    return True


def name_runs(
    view: str,
    toks: list[Token],
    first_tok: Token | None,
    pack: RulePack,
    caps: list[int],
) -> list[tuple[int, int]]:
    """[i, j) token ranges of proper names (titles at the start of a run are left out).
    A run never crosses punctuation: only blanks may separate its words. ``first_tok`` is
    ``toks[0]`` when it opens the sentence (its capital then says less), else None.
    ``caps``: the indexes of the capitalised words of ``toks`` (a sentence's ``caps`` for
    its own tokens: noted while tokenising)."""
    runs: list[tuple[int, int]] = []
    # A run starts at a capitalised word: jump from one to the next instead of stepping
    # through every word (most are not capitalised). Words that are never names (weekdays,
    # months) are passed over in the loop below: a run cannot start at one.
    if not caps:
        return runs  # (most mentions: no name at all)
    n = len(toks)
    resume = 0  # words before this one are inside a run already read
    if (
        caps[0] == 0
        and first_tok is toks[0]
        and not _opens_name(first_tok, toks[1] if n > 1 else None, pack)
    ):
        resume = 1  # a capital opening the sentence that opens no name
        if len(caps) == 1:
            return runs  # (many sentences: their first word is their only capital)
    # Called for every sentence and every mention: the pack's sets are read into locals.
    # not conjunctions: "entre Pyongyang et Moscou" names two places, not one
    particles = pack.name_particles
    person_gender = pack.person_gender
    kinds = pack.kinds
    media_re = pack.media_re
    media_words = pack.media_words
    not_names = pack.not_names
    genitive = pack.genitive_markers
    det_definite = pack.det_definite
    for i in caps:
        if i < resume:
            continue
        tok = toks[i]
        if tok.bare in not_names:
            continue
        j = i + 1
        prev_end = tok.end
        while j < n:
            t = toks[j]
            gap = t.start - prev_end
            # one space is the usual gap: no slice to strip then
            if (
                gap
                and not (gap == 1 and view[prev_end] == " ")
                and view[prev_end : t.start].strip()
            ):
                break
            if t.cap and t.bare not in not_names:
                # A whole outlet's name opens with one of its words: the run's first word,
                # when it is all word characters (only non-word ones lie between two words).
                # That test first, then the match (a slice, not pos/endpos: the pattern's
                # look-behind must not see before it).
                if (
                    media_re is not None
                    and (tok.text in media_words or not tok.text.isalnum())
                    and media_re.fullmatch(view[tok.start : prev_end])
                ):
                    break  # "l'AFP Sandrine Morel": a news outlet, then a person
            else:
                # A lower-case word joins the name in three cases; the cheapest tests come
                # first (most words are none of these and leave the run).
                text = t.text
                bare = t.bare
                nxt = toks[j + 1] if j + 1 < n else None
                if not (
                    (
                        bare in particles
                        and nxt is not None
                        # "Opinéa pour Le Républicain": two names, not one
                        and (bare in genitive or nxt.bare not in det_definite)
                        and (
                            (nxt.cap and nxt.start - t.end <= 1)
                            or (
                                # "Écho de l'Indre", "Ministère de la Santé": two
                                # particles, then a name
                                j + 2 < n
                                and nxt.bare in particles
                                and toks[j + 2].cap
                                and toks[j + 2].start - nxt.end <= 1
                                and nxt.start - t.end <= 1
                            )
                        )
                    )
                    or (
                        # "Santé publique France": a lower-case adjective inside a name
                        nxt is not None
                        and nxt.cap
                        and len(text) > 4
                        and nxt.start - t.end == 1
                        and bare not in pack.determiners
                        and bare not in pack.prepositions
                        and bare not in pack.conjunctions
                        and bare not in pack.relatives
                        and t.low not in pack.verbs
                        and t.low not in pack.auxiliary_words
                        and bare not in pack.framing_starts
                    )
                    or (text[0].isdigit() and len(text) <= 3 and toks[j - 1].cap)
                ):
                    break
            j += 1
            prev_end = t.end
        # A leading title ("Mayor", "Dr", "PDG") is not part of the name.
        while i < j:
            bare = toks[i].bare
            title = bare in person_gender
            if not title and bare not in kinds:
                break  # (most runs: no title, tested without a call)
            kind = kinds.get(bare)
            if kind is not None and j - i == 1 and not toks[i].text.isupper():
                break
            if i + 1 < j and toks[i + 1].bare in particles:
                break  # "Ministry of Defence", "Office for National Statistics": its head
            if not title and kind == "document" and j - i > 2:
                break  # "Data Protection Commission": a document noun opening a long name
            i += 1
        while i < j and toks[i].bare in not_names:
            i += 1  # "Mayor December Anna": past the title, a never-name word opens no run
        while (
            j > i
            and toks[j - 1].bare in particles
            and not (toks[j - 1].cap and is_initial(view, toks[j - 1]))
        ):
            j -= 1
        if j > i:
            runs.append((i, j))
        resume = j if j > i else i + 1
    return runs


def is_initial(view: str, t: Token) -> bool:
    """A capital letter and a full stop: an initial ("Kévin D."), not a particle ("d")."""
    return t.cap and len(t.text) == 1 and view[t.end : t.end + 1] == "."


def find_kind(toks: list[Token], pack: RulePack, start: int = 0) -> tuple[str, int]:
    """The first source-kind noun (one to three words) and its token index, or unknown."""
    n = len(toks)
    kinds = pack.kinds
    firsts = pack.kind_first_words
    for i, t in enumerate(toks[start:] if start else toks, start):
        bare = t.bare
        if bare in firsts:  # a longer kind may start here: try the longest first
            for size in range(min(pack.kind_max_words, n - i), 1, -1):
                kind = kinds.get(" ".join(t.bare for t in toks[i : i + size]))
                if kind is not None:
                    return kind, i
        if bare in kinds:  # (a membership test, not a call: most words are no kind)
            return kinds[bare], i
    return "unknown", -1


OUTLET_NAME_REACH = 40  # characters around a name run in which its outlet's full name may lie


def known_outlet_span(view: str, start: int, end: int, pack: RulePack) -> tuple[int, int] | None:
    """The span of a known outlet's name (``sources.media_names``) that holds and outgrows
    the name run ``view[start:end]``: "Le Canard enchaîné" for the run "Canard"."""
    media_re = pack.media_re
    if media_re is None:
        return None
    # An outlet's name holding the run has, where the run starts, one of its words (the
    # run starts a word: its first run of word characters is one of the name's): most
    # runs have none, and that test costs less than a search.
    first = WORD_RUN_RE.match(view, start)
    if first is None or first.group() not in pack.media_words:
        return None
    # the matches finditer would yield, one search after the other: most windows hold none,
    # and one search then costs less than building the iterator (a search from ``pos`` still
    # sees the characters before it, as finditer's next match does)
    limit = end + OUTLET_NAME_REACH
    m = media_re.search(view, max(0, start - OUTLET_NAME_REACH), limit)
    while m is not None:
        if m.start() <= start and end <= m.end() and m.end() - m.start() > end - start:
            return m.span()
        m = media_re.search(view, m.end(), limit)
    return None


def is_media_text(text: str, name: str, pack: RulePack, kind: str) -> bool:
    if kind in ("media", "news-agency"):
        return True
    # the name's last word before the search of the text: the same answer, cheaper first
    last = name.rsplit(None, 1)  # (the last word, without splitting the whole name)
    if last and last[-1] in pack.media_name_words:
        return True
    return pack.media_re is not None and pack.media_re.search(text) is not None


def analyse(
    view: str,
    body: str,
    start: int,
    end: int,
    sent: Sentence,
    pack: RulePack,
    context_end: int | None = None,
) -> Mention | None:
    """Analyse the mention ``view[start:end]``; None when it is not a noun phrase at all."""
    lo, hi = trim_bounds(view, start, end, ' \t\n,;:.-\u2013\u2014"«»\u201c\u201d')
    if hi <= lo or hi - lo > MAX_MENTION:
        return None
    span = Span(lo, hi)
    text = view[lo:hi]
    low = text.lower()
    # (spaces collapsed: rarely needed, the text is trimmed and a printable one holds no
    # other white space than the ASCII space)
    if "  " in low or not low.isprintable():
        low = " ".join(low.split())
    if low in pack.impersonal:
        return Mention(
            span,
            text,
            text,
            frozenset(),
            False,
            "unknown",
            None,
            None,
            False,
            False,
            False,
            impersonal=True,
        )
    pron = pack.pronouns.get(low)
    if pron is not None:
        return Mention(
            span,
            text,
            body[lo:hi],
            frozenset(),
            False,
            "unknown",
            pron.person,
            pron.gender if pron.gender in ("m", "f") else None,
            pron.number == "p",
            False,
            False,
            pronoun=pron,
            description=pron.description,
        )
    toks = sent.toks_in(lo, hi) if sent.start <= lo and hi <= sent.end else tokens(view, lo, hi)
    if not toks:
        return None
    # The mention's first word when it opens the sentence (after quote marks or blanks).
    sent_first = sent.toks[0] if sent.toks else None
    if sent_first is None:
        first_tok = None
    elif toks[0].start == sent_first.start:
        first_tok = toks[0]
    elif toks[0].start > sent_first.start:
        first_tok = None  # the sentence's first word comes before (not a quote mark, a blank)
    else:
        first_tok = toks[0] if _sentence_initial(view, sent, toks[0].start) else None

    # analyse runs for every candidate mention: the pack's sets it reads often are locals
    determiners = pack.determiners
    kinds = pack.kinds
    person_gender = pack.person_gender
    vague_nouns = pack.vague_nouns
    prepositions = pack.prepositions
    relatives = pack.relatives
    complement_markers = pack.complement_markers
    det_definite = pack.det_definite
    n = len(toks)

    dets = 0
    while dets < n and dets < 3:
        t = toks[dets]
        if not (t.bare in determiners or t.low in determiners or t.text.isdigit()):
            break
        if t.cap and t is not first_tok and dets + 1 < n and toks[dets + 1].cap:
            break  # "Les Échos", "The Times" mid-sentence: the article is part of the name
        dets += 1
    det = toks[0].bare if dets else ""
    body_toks = toks[dets:] if 0 < dets < n else toks  # (not a copy of every mention)

    # head noun: the first source-ish noun among the first three words, else the first word
    transparent_words = pack.transparent
    head_i = 0
    while head_i < len(body_toks) - 1 and body_toks[head_i].bare in determiners:
        head_i += 1
    for k, t in enumerate(body_toks[head_i : head_i + 3], start=head_i):
        b = t.bare
        if b in kinds or b in vague_nouns or b in transparent_words or b in person_gender:
            head_i = k
            break
    else:
        # no source noun: the head is the last word before a complement ("two former
        # engineers who …": engineers), when the phrase is not a name
        k = head_i
        while (
            k + 1 < min(len(body_toks), head_i + 4)
            and not body_toks[k + 1].cap
            and not body_toks[k].cap
            and body_toks[k + 1].bare not in prepositions
            and body_toks[k + 1].bare not in relatives
            and body_toks[k + 1].bare not in complement_markers
            and "," not in view[body_toks[k].end : body_toks[k + 1].start]
        ):
            k += 1
        head_i = k
    head = body_toks[head_i].bare if body_toks else ""

    # (the capitals found here, not in name_runs: a mention without one, a common noun
    # phrase, then costs no call)
    caps = [k for k, t in enumerate(toks) if t.cap]
    runs = name_runs(view, toks, first_tok, pack, caps) if caps else []
    head_runs = []
    for r in runs:
        a = r[0]
        k = a - 1
        while k > 0 and (toks[k].bare in det_definite or toks[k].low in det_definite):
            k -= 1  # "par l'État": look past the article
        if (
            a > 0
            and k >= 0
            and (
                toks[k].bare in prepositions
                or toks[k].bare in complement_markers
                or toks[k].low in complement_markers
            )
            and a - 1 >= dets
            and not _comma_before(view, toks, a)
        ):
            continue  # "trois cadres de Voltera": the name sits in a complement, not the head
        head_runs.append(r)
    # a name inside a relative clause is not the mention's name: "le rapport de contrôle que
    # Lanterne s'est procuré"
    rel_at = n  # the first relative word after the determiners (an unnamed mention stops there)
    if not relatives.isdisjoint(map(bare_of, toks)):  # (most mentions hold none: no loop)
        for k in range(dets + 1, n):
            if toks[k].bare in relatives:
                rel_at = k
                break
    if rel_at < n:
        rel_end = n  # the relative clause ends at a comma: ", Ormsby and West Fenner"
        for k in range(rel_at + 1, n):
            if "," in view[toks[k - 1].end : toks[k].start]:
                rel_end = k
                break
        head_runs = [r for r in head_runs if not rel_at < r[0] < rel_end]
        runs = [r for r in runs if not rel_at < r[0] < rel_end]
    transparent = head in transparent_words
    name_run: tuple[int, int] | None = None
    acronym = ACRONYM_RE.search(text) if "(" in text else None  # (most mentions: no "(")
    if head_runs:
        # Runs are in order: the first opening the phrase, else the first after a comma,
        # else the first after a kind noun or a title, else the first.
        if head_runs[0][0] <= dets:
            name_run = head_runs[0]
            after_kind = _after_kind(toks, head_runs, pack)
            if (
                after_kind is not None
                and after_kind[0] > name_run[1]
                and any(t.bare in kinds for t in toks[name_run[1] : after_kind[0]])
            ):
                # "the Danish business daily Borsen": the capitalised word before the kind
                # noun is an adjective, the name follows the noun
                name_run = after_kind
        else:
            for r in head_runs:
                if _comma_before(view, toks, _title_start(toks, r[0], pack)):
                    name_run = r
                    break
            else:
                name_run = _after_kind(toks, head_runs, pack) or head_runs[0]
    elif transparent and runs:
        name_run = runs[-1]
    if (
        name_run is not None
        and acronym is None
        and (det in pack.det_indefinite or (not dets and head[-1:] == "s"))
        and head in vague_nouns
        and name_run[0] == dets
        and name_run[1] < dets + head_i
        and not any(t.cap for t in toks[name_run[1] : dets + head_i + 1])
    ):
        # "a French diplomatic source", "Western diplomats": a capitalised modifier of a
        # vague noun names no one
        name_run = None
    if (
        acronym is not None
        and name_run is not None
        and name_run[0] <= dets
        and 0 <= text.find(",") < acronym.start()
    ):
        # "Camille Forestier, chercheuse à l'Institut français des relations internationales
        # (Ifri)": the acronym is the apposition's institution; the name opening the
        # mention is the source
        acronym = None
    named = name_run is not None or acronym is not None
    if acronym is not None and head in person_gender:
        # A person's title with an acronym: the person is the source, not their body
        if name_run is not None and _comma_before(
            view, toks, _title_start(toks, name_run[0], pack)
        ):
            acronym = None  # "le président de la FFC, Pierre Dardenne"
        else:
            # "le député (LR) Jean Martin": a party between the title and the name
            after = lo + acronym.end()
            later = next((r for r in head_runs if toks[r[0]].start >= after), None)
            if later is not None:
                name_run, acronym = later, None
    if acronym is not None:
        name = acronym.group(1)
        key = frozenset({name.lower()})
    elif name_run is not None:
        a, b = name_run
        # (an initial keeps its full stop: "Kévin D.")
        name_end = toks[b - 1].end + (
            1 if len(toks[b - 1].text) == 1 and is_initial(view, toks[b - 1]) else 0
        )
        name = body[toks[a].start : name_end].rstrip("'\u2019")
        particles = pack.name_particles
        if b - a == 1:  # (most names: one word, no list to build)
            word = toks[a].bare
            key = frozenset() if word in particles else frozenset((word,))
        else:
            key = frozenset([t.bare for t in toks[a:b] if t.bare not in particles])
    else:
        # Unnamed: the phrase without its determiners, up to a relative clause or comma.
        stop = rel_at
        # "One of the housemates": the member phrase stays in the name
        seg = (toks[:stop] if low.startswith(pack.member_of) else toks[dets:stop]) or toks
        cut = seg[-1].end
        comma = view.find(",", seg[0].start, cut)
        if comma != -1:
            cut = comma
        name = " ".join(body[seg[0].start : cut].split())
        key = frozenset()  # (see Mention.name_key: an unnamed mention's key is never read)

    kind, k_at = find_kind(toks, pack)
    if kind == "document" and named and genitive(toks):
        kind = "unknown"  # "Corvane's own transparency report": Corvane is no document
    if 0 <= k_at < n - 1 and toks[k_at + 1].bare in person_gender:
        # "an airline captain", "a bank analyst": the person's title, not the organisation
        kind = kinds.get(toks[k_at + 1].bare, "unknown")
    if name_run is not None and acronym is None:
        outlet = known_outlet_span(view, toks[name_run[0]].start, toks[name_run[1] - 1].end, pack)
        if outlet is not None:
            name = body[outlet[0] : outlet[1]]  # "Le Canard enchaîné", not "Le Canard"
    media = is_media_text(text, name, pack, kind)
    if media and kind not in ("media", "news-agency"):
        kind = "media"
    if named and pack.agency_names and " ".join(name.lower().split()) in pack.agency_names:
        kind = "news-agency"  # "Reuters": what "the agency" may stand for later

    # person-ness and gender from titles; organisations are not persons
    person: bool | None = None
    gender: str | None = None
    # the title nearest before the name speaks for it ("the accountancy firm Lyle Benton")
    # A complement speaks of someone else: "X, an expert at the Institute" is a person, not
    # the institute ("le ministère de la Santé" keeps its head noun, which comes first).
    own = toks
    lead = dets + head_i + 1
    if name_run is not None and name_run[1] > lead:
        lead = name_run[1]
    for k in range(lead, n):
        b = toks[k].bare
        if b in prepositions or b in complement_markers:
            own = toks[:k]
            break
    order = own
    if name_run is not None and name_run[0] > 0:
        before = toks[max(0, name_run[0] - 3) : name_run[0]]
        if _comma_before(view, toks, name_run[0]):
            # A name set off by a comma is in apposition to the whole phrase before it, whose
            # head comes before its complement: "the leader of the opposition group, Sarah
            # Okafor" is a person, as "the council's senior engineer, Brendan Coyle" is.
            before = toks[dets : name_run[0]]
            for k in range(1, len(before)):
                if before[k].bare in prepositions or before[k].bare in complement_markers:
                    before = before[:k]
                    break
        order = before[::-1] + own
    org_nouns = pack.org_nouns
    for i, t in enumerate(order):
        b = t.bare
        if b in person_gender:
            person = True
            gender = person_gender[b]
            break
        if b in org_nouns and b not in vague_nouns:
            if i + 1 < len(order) and order[i + 1].bare in person_gender:
                continue  # "a former airline captain": the organisation qualifies the title
            if t.text[-1:] == "'" and genitive(order[i : i + 2]):
                continue  # "the firm's site supervisor": the organisation owns the title
            person = False
            break
    if media:
        person = False

    plural = (
        bool(head)
        and not named  # (tested first: it is the cheapest test)
        and (
            (head[-1:] in ("s", "x") and len(head) > 3)
            or (dets > 0 and not pack.plural_determiners.isdisjoint(map(bare_of, toks[:dets])))
        )
        and not low.startswith(pack.member_of)
    )
    anonymous = False
    # A named mention is never anonymous: a name (or an acronym) names someone even beside
    # an anonymity marker, so the marker is only looked for in unnamed mentions.
    if not named:
        scope = body_toks
        if transparent:
            # "les espoirs exprimés par plusieurs responsables": judge the complement
            agents = [k for k in range(dets + 1, n) if toks[k].bare in pack.agent]
            others = [k for k in range(dets + head_i + 1, n) if toks[k].bare in complement_markers]
            for k in agents[-1:] or others[:1]:
                scope = toks[k + 1 :]
        sdet = scope[0].bare if scope else ""
        vague = False
        for t in scope[:4]:
            if t.bare in vague_nouns:
                vague = True
                break
        indefinite = (
            sdet in pack.det_indefinite
            or (scope and scope[0].text.isdigit())
            or (det in pack.det_indefinite and scope is body_toks)
        ) and kind != "document"  # "a 2023 internal audit" is a source of its own
        bare = (
            scope is body_toks
            and not dets
            and not (toks[0].cap and (toks[0] is not first_tok or genitive(toks)))
        )
        if indefinite or bare:
            anonymous = True  # whatever the anonymity marker
        else:
            anonymous = vague and not (det in det_definite and head not in vague_nouns)
            if (
                kind in ("government", "document", "media", "news-agency", "company", "ngo")
                and head not in vague_nouns
            ):
                anonymous = False
            # An anonymity marker makes any of them anonymous; it is looked for last, and
            # only when the answer is still no: a search of the text, most mentions need none.
            if not anonymous and pack.anonymity_re is not None:
                ctx_end = context_end if context_end is not None and context_end > hi else hi
                # (a slice, not pos/endpos: the pattern's look-behind must not see before it)
                anonymous = pack.anonymity_re.search(view[lo:ctx_end]) is not None
    if anonymous and kind == "unknown":
        kind = "anonymous"

    singular_def = (
        not named
        and (det in det_definite or det in pack.det_demonstrative)
        and not plural
        and len(body_toks) <= 4
        and (head in kinds or head in person_gender or head in pack.descriptions)
    )
    fiction = False
    fiction_words = pack.fiction
    lead_toks = body_toks[:8]
    if not fiction_words.isdisjoint(map(bare_of, lead_toks)):  # (most mentions: no loop)
        for k, t in enumerate(lead_toks):
            if t.bare in fiction_words:
                # (not "the film's distributor": a possessor)
                fiction = not genitive(body_toks[k:])
                break
            if t.bare in complement_markers:
                break  # "le vendeur du film", "the sales agent of the film": a real person
    # (positional arguments: by keyword, they cost more than the rest of the construction)
    return Mention(
        span,
        text,
        name,
        key,  # name_key
        named,
        kind,
        person,
        gender,
        plural,
        anonymous,
        media,
        None,  # pronoun
        singular_def,  # description
        head,
        fiction,
        (
            head in pack.non_sources
            and (
                head in pack.norms or (not named and not names_a_source(toks, dets + head_i, pack))
            )
        )
        # "the AIU's rules": a name's norm (its head is the name)
        or (toks[-1].bare in pack.norms and any(genitive(toks[k:]) for k in range(n - 2))),
    )


def names_a_source(toks: list[Token], head_at: int, pack: RulePack) -> bool:
    """The phrase whose head ``toks[head_at]`` is a word that is no source by itself (a
    rule's, a plan's, a law's: ``sources.non_sources``) names one all the same:
    - "the city's capital plan": someone's document, not "<prep> plan";
    - "<prep> ce texte": the publication just named (a communiqué, a report);
    - "un article du Canard enchaîné": a publication of a name's (not a law's).
    A norm names none even when someone's: "per the agency's rules" (``sources.norms``)."""
    if toks[head_at].bare in pack.norms:
        return False
    if any(genitive(toks[k:]) for k in range(head_at)):
        return True
    if toks[head_at].bare not in pack.publications:
        return False
    if head_at and toks[0].bare in pack.det_demonstrative:
        return True
    return _published_in(toks, head_at, pack)


def _published_in(toks: list[Token], head_at: int, pack: RulePack) -> bool:
    """ "un article du Canard enchaîné": the publication word's complement is a name, not
    a law's ("l'article 3 du Code", "l'article du Code pénal")."""
    k = head_at + 1
    if k + 1 >= len(toks) or toks[k].bare not in pack.complement_markers:
        return False
    k += 1
    while k < len(toks) and (toks[k].bare in pack.det_definite or toks[k].low in pack.det_definite):
        k += 1  # "de la", "de l'"
    return k < len(toks) and toks[k].cap and toks[k].bare not in pack.non_sources


def _comma_before(view: str, toks: list[Token], i: int) -> bool:
    """A comma just after the word before ``toks[i]`` (within two characters)."""
    if i <= 0:
        return False
    end = toks[i - 1].end
    return "," in view[end : end + 2]


def _after_kind(
    toks: list[Token], runs: list[tuple[int, int]], pack: RulePack
) -> tuple[int, int] | None:
    """The first of the name runs with a kind noun or a title among the three words before
    it: "the business daily Borsen", "the director Aoife Lennon"."""
    kinds = pack.kinds
    person_gender = pack.person_gender
    for r in runs:
        for k in range(max(0, r[0] - 3), r[0]):
            b = toks[k].bare
            if b in kinds or b in person_gender:
                return r
    return None


def genitive(toks: list[Token]) -> bool:
    """A word, an apostrophe and one letter: the possessive of a name, which names its owner
    even at the start of a sentence (not an elision: its apostrophe follows one or two
    letters)."""
    if len(toks) < 2:
        return False
    a, b = toks[0], toks[1]
    return a.text.endswith("'") and len(a.text) >= 4 and len(b.text) == 1 and b.start == a.end


def _sentence_initial(view: str, sent: Sentence, pos: int) -> bool:
    """True when only quote marks or blanks precede ``pos`` in its sentence."""
    return not view[sent.start : pos].strip(" \t\n\"«“„'(")


def _title_start(toks: list[Token], i: int, pack: RulePack) -> int:
    """Where a name's titles start ("Me Grégoire Lafon" after a comma)."""
    while i > 0 and toks[i - 1].bare in pack.person_gender and i - 1 >= 0:
        i -= 1
    return i
