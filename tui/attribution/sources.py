"""One entity per real-world source across the article: matching, pronouns, salience.

Resolution looks back through a bounded salience list (the most recent mentions), so it
costs the same per mention whatever the article's length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from tui.attribution.mentions import Mention, is_initial, known_outlet_span, name_runs
from tui.attribution.rules import RulePack
from tui.attribution.text import Sentence, Token, bare_of, tokens
from tui.model import Source, slug_id, unique_id

SALIENCE_REACH = 40  # mentions looked back through for a pronoun or a description
SALIENCE_KEEP = 200  # salience entries kept (older ones are dropped)
BUCKET_REACH = 40  # most recent entities looked at per word when matching a name
MAX_ALIASES = 12
ALIAS_MAX_CHARS = 140
_WORD = re.compile(r"\w[\w-]*")
# "(DPC)" right after a name, or after the lower-case rest of a French institution's name:
# "l'Agence nationale de sécurité sanitaire de l'alimentation (Anses)"
_ACRONYM_REACH = 81  # the pattern's parenthesis lies within this many characters
_ACRONYM_AFTER = re.compile(
    rf"[^,.;:()\n]{{0,{_ACRONYM_REACH - 1}}}?\(([A-ZÀ-Ý][A-Za-zÀ-ÿ0-9&-]{{1,9}})\)"
)
PERSON_KINDS = frozenset({"official", "politician", "expert"})  # descriptions of people
_VAGUE_KINDS = ("unknown", "anonymous")  # kinds that fit any other
_MEDIA_KINDS = ("media", "news-agency")
_NOT_YET = -1  # a word index not looked for yet (word indexes are never negative)


@dataclass(slots=True)  # slots: built by the thousand per article
class Entity:
    idx: int
    name: str
    kind: str
    named: bool
    person: bool | None
    gender: str | None
    plural: bool
    anonymous: bool
    media: bool
    outlet: bool = False
    used: bool = False
    spoke: bool = False  # has been the origin of a claim
    aliases: list[str] = field(default_factory=list)
    keys: list[frozenset[str]] = field(default_factory=list)  # name keys
    content: list[frozenset[str]] = field(default_factory=list)  # words of each mention
    heads: set[str] = field(default_factory=set)
    # lower-case name and aliases, one a line, kept in step with them: descriptions look
    # for words in them often, and a word (never a line break) found in this one string is
    # found in one of them
    lowered: str = ""

    def __post_init__(self) -> None:
        self.lowered = "\n".join([self.name.lower(), *(a.lower() for a in self.aliases)])


class Registry:
    def __init__(self, pack: RulePack, outlet_name: str) -> None:
        self.pack = pack
        self.entities: list[Entity] = []
        self.index: dict[str, list[int]] = {}
        self.salience: list[tuple[int, int]] = []
        self.sent_start = 0  # start of the sentence being read
        self.para = 0  # paragraph of the sentence being read
        # (position, paragraph, entity) of each claim's origin, in reading order
        self.speakers: list[tuple[int, int, int]] = []
        # (sentence, paragraph, entity) of a person named as a sentence's subject: a
        # pronoun speaker right after stands for them first ("X s'est tourné vers la
        # famille. « … », a-t-il murmuré")
        self.subjects: list[tuple[int, int, int]] = []
        self.sent_index = 0
        self.subject_at = 0  # where the latest subject was named
        # the sentence before the one being read (index, paragraph, start): the names it
        # holds are its salience entries ("Le témoignage de Kévin D. a jeté un froid. Les
        # vendeurs, dit-il, …")
        self.before_index = -1
        self.before_para = -1
        self.before_start = 0
        # the entity named in the reading sentence's topic frame ("Quant à X, il …")
        self.topic: Entity | None = None
        self._content_cache: dict[str, frozenset[str]] = {}
        key = self._content(outlet_name)
        self.outlet = self._add(
            Entity(
                0,
                outlet_name,
                "media",
                True,
                False,
                None,
                False,
                False,
                True,
                outlet=True,
                used=True,
            ),
            key,
            key,
        )

    # --- bookkeeping ---------------------------------------------------------------------
    def _content(self, text: str) -> frozenset[str]:
        """The content words of a mention's text (remembered: the same mentions recur)."""
        words = self._content_cache.get(text)
        if words is None:
            p = self.pack
            words = frozenset(
                t.bare
                for t in tokens(text, 0, len(text))
                if len(t.bare) > 1 and t.bare not in p.determiners and t.bare not in p.prepositions
            )
            self._content_cache[text] = words
        return words

    def _add(self, e: Entity, key: frozenset[str], content: frozenset[str]) -> Entity:
        e.idx = len(self.entities)
        self.entities.append(e)
        self._index(e, key, content)
        return e

    def _index(self, e: Entity, key: frozenset[str], content: frozenset[str]) -> None:
        if key and key not in e.keys:
            e.keys.append(key)
        if content and content not in e.content and len(e.content) < MAX_ALIASES:
            e.content.append(content)
        index = self.index
        idx = e.idx
        # a word of both is met twice: its bucket then ends with idx already (so the key,
        # mostly words of the content too, is left out when it is)
        for words in (content,) if key <= content else (key, content):
            for w in words:
                bucket = index.get(w)
                if bucket is None:
                    index[w] = [idx]
                elif bucket[-1] != idx:
                    bucket.append(idx)

    def touch(self, e: Entity, pos: int) -> None:
        # (inlined in scan: keep the two in step)
        self.salience.append((pos, e.idx))
        if len(self.salience) > SALIENCE_KEEP * 2:
            del self.salience[:SALIENCE_KEEP]

    def spoke_at(self, e: Entity, pos: int) -> None:
        """``e`` is the origin of a claim whose mention starts at ``pos``."""
        self.speakers.append((pos, self.para, e.idx))
        if len(self.speakers) > SALIENCE_KEEP * 2:
            del self.speakers[:SALIENCE_KEEP]

    def _recent(self, before: int):
        """(position, entity) of the latest entities mentioned before ``before``, latest
        first, each once."""
        seen = set()
        entities = self.entities
        for pos, idx in reversed(self.salience):
            if pos >= before or idx in seen:
                continue
            seen.add(idx)
            yield pos, entities[idx]
            if len(seen) >= SALIENCE_REACH:
                return

    def _alias(self, e: Entity, text: str) -> None:
        if text in e.aliases:
            return  # (an alias already: one blank between words, nothing to add)
        text = " ".join(text.split())
        if (
            text
            and text != e.name
            and text not in e.aliases
            and len(text) <= ALIAS_MAX_CHARS
            and len(e.aliases) < MAX_ALIASES
        ):
            e.aliases.append(text)
            e.lowered += "\n" + text.lower()

    # --- resolution ------------------------------------------------------------------------
    def is_outlet(self, m: Mention) -> bool:
        if not m.named or not m.name_key:
            return False
        ok = self.outlet.keys[0] if self.outlet.keys else frozenset()
        if not ok:
            return False
        if ok <= m.name_key:
            return True
        # part of the outlet's name: "au Courrier" for Le Courrier des Hauts, but not "le
        # ministère de la Santé" for Le Fil Santé
        if not m.name_key <= ok:
            return False
        # part of the outlet's name ("an analysis by the Ledger"), unless the name belongs
        # to an institution named in the mention ("le ministère de la Santé", Le Fil Santé)
        kinds = self.pack.kinds
        return m.media or not any(
            kinds.get(w) not in (None, "document", "media", "news-agency")
            for w in _WORD.findall(m.text.lower())
        )

    def resolve(self, m: Mention, body_text: str, speaker: bool = False) -> Entity | None:
        """The entity a mention names; a new one when it names no known source.
        ``speaker``: the mention is who says something (a pronoun then stands first for
        the latest compatible speaker)."""
        pos = m.span.start
        if m.impersonal:
            return None
        if m.pronoun is not None and not m.pronoun.description:
            if m.pronoun.latest:
                return self._named_last(m, pos)
            if (
                self.topic is not None
                and not m.pronoun.possessive
                and self._fits(m.pronoun, self.topic)
            ):
                return self.topic  # "Quant à M. Dastugue, il assure …"
            if speaker:
                e = (
                    self._recent_subject(m)
                    or self._named_just_before(m)
                    or self._last_speaker(m, pos)
                )
                if e is not None:
                    return e
            return self._pronoun(m, pos)
        if self.is_outlet(m):
            return self.outlet
        if m.description or (m.pronoun is not None and m.pronoun.description):
            e = self._description(m, pos)
            if e is not None:
                return e
        content = self._content(m.text)  # (once: an unnamed mention is matched on it too)
        e = self._by_name(m, content)
        if e is not None:
            if m.named and m.name not in e.aliases and m.name != e.name:
                self._alias(e, m.name)
            self._alias(e, body_text)
            self._index(e, m.name_key if m.named else frozenset(), content)
            if e.kind in ("unknown", "anonymous") and m.kind not in ("unknown", "anonymous"):
                e.kind = m.kind
            if e.person is None and m.person is not None:
                e.person = m.person
            if e.gender is None:
                e.gender = m.gender
            e.heads.add(m.head)
            return e
        e = Entity(0, m.name, m.kind, m.named, m.person, m.gender, m.plural, m.anonymous, m.media)
        e.heads.add(m.head)
        self._alias(e, body_text)
        return self._add(e, m.name_key if m.named else frozenset(), content)

    def _by_name(self, m: Mention, words: frozenset[str]) -> Entity | None:
        """The known entity a mention names: by its name key when named, else by the
        content words of its text (``words``)."""
        if m.named:
            probe = m.name_key
            cands: set[int] = set()
            for w in probe:
                cands.update(self.index.get(w, ())[-BUCKET_REACH:])
            # kinds are compatible when one is not known or both are (or are not) media
            any_kind = m.kind in _VAGUE_KINDS
            media = m.kind in _MEDIA_KINDS
            for idx in sorted(cands, reverse=True):
                e = self.entities[idx]
                if e.outlet or not e.named:
                    continue
                if not (any_kind or e.kind in _VAGUE_KINDS or (e.kind in _MEDIA_KINDS) == media):
                    continue
                if e.person is not None and m.person is not None and e.person != m.person:
                    continue
                for k in e.keys:
                    if probe <= k or (k and k <= probe):
                        return e
            return None
        if len(words) < 2:
            return None
        cands = None
        for w in words:
            ids = set(self.index.get(w, ())[-BUCKET_REACH:])
            cands = ids if cands is None else cands & ids
            if not cands:
                return None
        for idx in sorted(cands or (), reverse=True):
            e = self.entities[idx]
            if e.outlet or e.anonymous != m.anonymous:
                continue
            if any(words <= c for c in e.content):
                return e
        return None

    def _fits(self, pr, e: Entity) -> bool:
        """Can pronoun ``pr`` stand for ``e`` (number, person, gender)?"""
        if e.outlet:
            return False
        if pr.member:
            if not e.plural:
                return False
        elif (pr.number == "p" and not e.plural and e.named) or (pr.number == "s" and e.plural):
            return False
        if pr.person is True and e.person is False:
            return False
        if pr.person is False and e.person is True:
            return False
        return not (pr.gender in ("m", "f") and e.gender in ("m", "f") and pr.gender != e.gender)

    def _recent_subject(self, m: Mention) -> Entity | None:
        """The person named as subject of one of the two sentences before, in this
        paragraph, when the pronoun fits them and they said nothing since."""
        pr = m.pronoun
        assert pr is not None
        if pr.member or pr.person is False or not self.subjects:
            return None
        sent, para, idx = self.subjects[-1]
        if para != self.para or not (0 < self.sent_index - sent <= 2):
            return None
        e = self.entities[idx]
        if not self._fits(pr, e):
            return None
        if pr.person is True and e.person is not True and len(e.name.split()) < 2:
            return None  # "she" for "Paylane": only a titled person or a full name
        if self.speakers and self.speakers[-1][0] >= self.subject_at:
            return None  # someone spoke since the subject was named: they come first
        return e

    def _named_just_before(self, m: Mention) -> Entity | None:
        """The one person the sentence just before (in this paragraph) named, when no one
        spoke since it began: "Le témoignage de Kévin D. a jeté un froid. Les vendeurs
        touchaient, dit-il, …"."""
        pr = m.pronoun
        assert pr is not None
        if pr.member or pr.person is False:
            return None
        if self.before_para != self.para or self.before_index != self.sent_index - 1:
            return None
        start = self.before_start
        if self.speakers and self.speakers[-1][0] >= start:
            return None  # someone spoke since: they come first
        found: Entity | None = None
        for at, idx in reversed(self.salience):
            if at >= self.sent_start:
                continue  # (named in this sentence)
            if at < start:
                break
            e = self.entities[idx]
            if e is found or e.person is not True or not self._fits(pr, e):
                continue
            if found is not None:
                return None  # two people: the pronoun does not say which
            found = e
        return found

    def _named_last(self, m: Mention, pos: int) -> Entity | None:
        """The entity the pronoun fits that was named last before ``pos``, by position in
        the text ("…rencontrer le directeur, Neil Ashby. Ce dernier …"), not by who spoke."""
        pr = m.pronoun
        assert pr is not None
        best: Entity | None = None
        best_at = -1
        for at, e in self._recent(pos):
            if at > best_at and self._fits(pr, e):
                best, best_at = e, at
        return best

    def _last_speaker(self, m: Mention, pos: int) -> Entity | None:
        """The latest origin of a claim, in this paragraph or the one before, that the
        pronoun can stand for. A person pronoun skips what is not known to be a person;
        a gendered one prefers a person when the latest speaker is one."""
        pr = m.pronoun
        assert pr is not None
        if pr.member:
            return None
        first = True
        for at, para, idx in reversed(self.speakers):
            if at >= pos:
                continue
            if para < self.para - 1:
                return None
            e = self.entities[idx]
            if self._fits(pr, e):
                if (
                    not first
                    and pr.person is None
                    and pr.gender in ("m", "f")
                    and e.person is not True
                ):
                    return None  # an older organisation: let salience decide
                if pr.gender in ("m", "f") and e.gender is None and e.person is True:
                    e.gender = pr.gender
                return e
            first = False
        return None

    def _pronoun(self, m: Mention, pos: int) -> Entity | None:
        pr = m.pronoun
        assert pr is not None
        weak: Entity | None = None
        for at, e in self._recent(pos):
            if e.outlet:
                continue
            if pr.member:
                if not e.plural:
                    continue
            elif (pr.number == "p" and not e.plural and e.named) or (pr.number == "s" and e.plural):
                continue
            if pr.person is True and e.person is False:
                continue
            if pr.person is False and e.person is True:
                continue
            if pr.gender in ("m", "f") and e.gender in ("m", "f") and pr.gender != e.gender:
                continue
            if at >= self.sent_start and not e.spoke and e.kind == "unknown" and e.person is None:
                # a bare name inside this very sentence ("… leaving Joal for Spain, she
                # said"): less likely the speaker than someone who has spoken before
                if weak is None:
                    weak = e
                continue
            if weak is not None and not e.spoke:
                break
            if pr.gender in ("m", "f") and e.gender is None and e.person is not False:
                e.gender = pr.gender
            return e
        if weak is not None:
            if pr.gender in ("m", "f") and weak.gender is None:
                weak.gender = pr.gender
            return weak
        return None

    def stands_for_media(self, m: Mention) -> bool:
        """An unnamed description that may stand for a news outlet ("told the agency") and
        does: the one it stands for is a news outlet, or it stands for none named before.
        The lookup leaves the registry as it was."""
        if m.named or not m.description:
            return False
        if not any(k in _MEDIA_KINDS for k in self.pack.descriptions.get(m.head, ())):
            return False
        e = self._description(m, m.span.start)
        return e is None or e.media

    def _description(self, m: Mention, pos: int) -> Entity | None:
        fallback = None
        head = m.head
        determiners = self.pack.determiners
        stands_for = self.pack.descriptions.get(head, ())  # the kinds it may stand for
        # "the transitional government": its modifiers must fit what it stands for (but
        # not a compound adjective: "the low-cost carrier", "the Dublin-based airline")
        text = m.text.lower()
        if "-" in text:
            text = " ".join(x for x in text.split() if "-" not in x)
        modifiers = [
            w for w in _WORD.findall(text) if w != head and len(w) > 2 and w not in determiners
        ]
        # what the walk below asks of the mention alone, asked once
        # the description may stand for a person
        person_ok = any(k in PERSON_KINDS for k in stands_for)
        kind_known = m.kind not in _VAGUE_KINDS
        # "the company", not "the labour ministry"
        short_org = (
            m.person is False
            and m.kind in ("company", "unknown")
            # (a compound adjective does not count: "the low-cost carrier")
            and len([w for w in m.text.split() if "-" not in w]) <= 2
        )
        # the walk of self._recent(pos), inline: a description looks through many entities
        # and a generator resumes once per entity
        entities = self.entities
        seen: set[int] = set()
        for at, idx in reversed(self.salience):
            if at >= pos or idx in seen:
                continue
            if len(seen) >= SALIENCE_REACH:
                break  # (tested here, not after the body: the body's tests continue)
            seen.add(idx)
            e = entities[idx]
            if e.outlet or e.plural:
                continue
            lowered = e.lowered
            if head and (head in e.heads or head in lowered):
                return e
            # (map over a bound method: no Python frame per word, entities are many)
            if modifiers and not all(map(lowered.__contains__, modifiers)):
                continue
            # "the paper": the latest newspaper; "the company": the latest company, or the
            # latest speaker whose kind is not known (a firm's name seldom says it is one;
            # a government's does, so "the government" never stands for an unknown name)
            if (
                stands_for
                and e.named
                and (e.person is not True or person_ok)
                and (
                    e.kind in stands_for
                    or (
                        "company" in stands_for
                        and e.kind == "unknown"
                        and e.spoke
                        and not e.media
                        and e.person is not True
                    )
                )
            ):
                return e
            if fallback is not None:
                continue
            if (
                kind_known
                and e.kind == m.kind
                and not (m.person is True and e.person is not True)
                and not (m.person is False and e.person is True)
            ):
                fallback = e
            elif (
                short_org
                and e.kind == "unknown"
                and e.named
                and e.person is None
                and e.gender is None
            ):
                # "Pennine Vale said … the company said": a name of no known kind, most
                # recently spoken of, is what an organisation's description points to
                fallback = e
        return fallback

    # --- salience from names that are not (yet) sources --------------------------------------
    def scan(self, view: str, body: str, sent: Sentence) -> None:
        """Names in the sentence make their entity salient; titled names become entities
        ("la société Terraval", "the director Aoife Lennon") that pronouns may point to."""
        self.before_index = self.sent_index
        self.before_para = self.para
        self.before_start = self.sent_start
        self.sent_start = sent.start
        self.para = sent.para
        self.sent_index = sent.index
        self.topic = None
        toks = sent.toks
        if not toks:
            return
        p = self.pack
        index = self.index
        entities = self.entities
        salience = self.salience
        first = toks[0]
        if first.cap and first.bare in index:
            # "Moran reportedly turned down …": a known name opening the sentence
            for idx in reversed(index[first.bare]):
                e = entities[idx]
                if e.named and not e.outlet and any(first.bare in k for k in e.keys):
                    self.touch(e, first.start)
                    break
        runs = name_runs(view, toks, first, p, sent.caps)
        if not runs:
            return
        quotes = sent.quotes
        # the word the sentence's subject may start at: looked for when a name first needs
        # it (many sentences name no source)
        subject_first: int | None = _NOT_YET
        complement_markers = p.complement_markers
        # "Quant à M. Dastugue, il …": the name in the frame, before its comma, is the topic
        frame_end = frame_stop = -1
        if first.low in p.topic_frame_starts:
            frame_end = _topic_frame_end(toks, p.topic_frames)
            frame_stop = sent.seps[0] if sent.seps else sent.end
        for a, b in runs:
            start = toks[a].start
            if quotes and any(qa < start < qb for qa, qb in quotes):
                continue  # a name quoted is not a name the article speaks of
            if b - a == 1:  # (most runs: one word, no list to build)
                bare = toks[a].bare
                if bare in complement_markers:
                    continue
                key = frozenset((bare,))
                cands = set(index.get(bare, ())[-BUCKET_REACH:])  # (no union to build)
            else:
                key = frozenset(map(bare_of, toks[a:b])) - complement_markers
                if not key:
                    continue
                cands = set()
                for w in key:
                    cands.update(index.get(w, ())[-BUCKET_REACH:])
            hit = None
            for idx in sorted(cands, reverse=True):
                e = entities[idx]
                if e.named:
                    for k in e.keys:
                        if key <= k or k <= key:
                            hit = e
                            break
                    if hit is not None:
                        break
            if hit is not None:
                if hit.outlet:
                    continue
                e = hit
            else:
                e = self._new_named_entity(view, body, toks, a, b, key)
                if e is None:
                    continue
            # self.touch, inline (a name of the sentence: thousands per article; keep the
            # two in step)
            salience.append((start, e.idx))
            if len(salience) > SALIENCE_KEEP * 2:
                del salience[:SALIENCE_KEEP]
            if (
                frame_end >= 0
                and frame_end <= a
                and toks[b - 1].end <= frame_stop
                and self.topic is None
            ):
                self.topic = e
            if subject_first == _NOT_YET:
                subject_first = _subject_start(view, sent, p)
            if subject_first is not None:
                self._subject(sent, e, toks, a, b, subject_first)
            end = toks[b - 1].end
            if view.find("(", end, end + _ACRONYM_REACH) != -1:
                self._acronym_after(view, body, e, start, end)

    def _new_named_entity(
        self, view: str, body: str, toks: list[Token], a: int, b: int, key: frozenset[str]
    ) -> Entity | None:
        """A new entity for the name ``toks[a:b]`` of no known source, when a title or a kind
        noun around it (or in it) says what it is, or it has several words; else None."""
        p = self.pack
        kind = None
        person = None
        gender = None
        title = None
        # a title just before ("la société Terraval", "the director Aoife Lennon"),
        # never across a preposition ("a nurse in Galway")
        for k in range(a - 1, max(-1, a - 4), -1):
            w = toks[k].bare
            if w in p.person_gender:
                person, gender, kind = True, p.person_gender[w], p.kinds.get(w, "unknown")
                title = w
                break
            if (
                toks[k].cap
                or w in p.prepositions
                or w in p.complement_markers
                or w in p.relatives  # "a company whose European headquarters"
            ):
                break
            if w in p.kinds:
                kind = p.kinds[w]
                person = False if w in p.org_nouns else None
                break
        if kind is None and a > 0 and "," in view[toks[a - 1].end : toks[a].start]:
            # a title in the apposition before: "le PDG de Terraval, Philippe Darrieux"
            for k in range(a - 1, max(-1, a - 7), -1):
                if k < a - 1 and "," in view[toks[k].end : toks[k + 1].start]:
                    break
                w = toks[k].bare
                if w in p.person_gender:
                    person, gender = True, p.person_gender[w]
                    kind = p.kinds.get(w, "unknown")
                    title = w
                    break
        if (
            kind is None
            and a == 0
            and b < len(toks)
            and view[toks[b - 1].end : toks[b].start].strip() == ","
            and any(view[t.start - 2 : t.start].strip() == "," for t in toks[b + 1 : b + 12])
        ):
            # or an apposition after: "Carewell Homes, one of the largest care providers"
            for t in toks[b : b + 8]:
                if view[t.start - 1 : t.start] == "," and t is not toks[b]:
                    break
                if t.bare in p.kinds and t.bare not in p.vague_nouns:
                    kind = p.kinds[t.bare]
                    person = False if t.bare in p.org_nouns else None
                    break
        if kind is None:
            # "Data Protection Commission", "Fennell Institute": the name says its kind
            for t in reversed(toks[a:b]):
                if t.bare in p.kinds and t.bare not in p.vague_nouns:
                    kind = p.kinds[t.bare]
                    person = False if t.bare in p.org_nouns else None
                    break
        if kind is None and b - a < 2:
            return None  # (a person's title after the name, read below, says no kind)
        if (
            person is None
            and kind is None
            and b < len(toks)
            and view[toks[b - 1].end : toks[b].start].strip(" .") == ","
        ):
            # a person's title in the apposition right after: "Kévin D., ancien commercial"
            for t in toks[b : b + 3]:
                if (t is not toks[b] and "," in view[t.start - 2 : t.start]) or (
                    t.low in p.auxiliary_words or t.low in p.verbs  # "X, a prévenu …"
                ):
                    break
                if t.bare in p.person_gender:
                    person, gender = True, p.person_gender[t.bare]  # (its kind: as found)
                    break
                if t.bare in p.kinds:
                    break
        # (an initial keeps its full stop: "Kévin D.")
        name_end = toks[b - 1].end + (
            1 if len(toks[b - 1].text) == 1 and is_initial(view, toks[b - 1]) else 0
        )
        name = body[toks[a].start : name_end].rstrip("'\u2019")
        outlet = known_outlet_span(view, toks[a].start, toks[b - 1].end, p)
        if outlet is not None:
            name = body[outlet[0] : outlet[1]]  # "Le Canard enchaîné"
            kind = kind or "media"
        e = Entity(
            0,
            name,
            kind or "unknown",
            True,
            person,
            gender,
            False,
            False,
            kind in ("media", "news-agency"),
        )
        if title is not None:
            e.heads.add(title)  # "la ministre des Sports, Sophie X": "la ministre"
        self._add(e, key, key)
        return e

    def _acronym_after(self, view: str, body: str, e: Entity, start: int, end: int) -> None:
        """ "The Data Protection Commission (DPC)": the acronym names the same source; the
        lower-case rest of a French institution's name before it belongs to its name.
        (Called only when a parenthesis follows within _ACRONYM_REACH characters: most
        names have none and the pattern needs one.)"""
        m = _ACRONYM_AFTER.match(view, end)
        if m is None:
            return
        short = frozenset({m.group(1).lower()})
        self._index(e, short, short)
        full = body[start : m.start(1) - 1].strip()
        if full.startswith(e.name) and len(full) > len(e.name) and len(full) <= ALIAS_MAX_CHARS:
            e.name = full  # "Agence" -> "Agence nationale de sécurité sanitaire …"

    def _subject(self, sent: Sentence, e: Entity, toks: list, a: int, b: int, first: int) -> None:
        """Record ``e`` as the sentence's subject when its name (after a title or an
        article) opens the first segment that does not frame the sentence, whose first word
        is ``toks[first]``, or stands between commas right after a subject that is a
        person's title ("La directrice de l'hôpital, Nathalie Brugère, parle …"). ``e`` is
        never the outlet (its name makes no entity salient)."""
        p = self.pack
        # (the name opening the segment is tested first: it is cheaper, and the subject
        # is recorded the same way whichever test finds it)
        if first <= a <= first + 4:  # a title and an adjective may come first …
            for w in toks[first:a]:
                if w.low in p.verbs or w.bare in p.prepositions or w.bare in p.relatives:
                    break  # … a verb or a preposition not
            else:
                self._record_subject(sent, e, toks[a].start)
                return
        if _apposed_to_title(sent, toks, a, b, toks[first].start, p):
            self._record_subject(sent, e, toks[a].start)

    def _record_subject(self, sent: Sentence, e: Entity, start: int) -> None:
        self.subjects.append((sent.index, sent.para, e.idx))
        self.subject_at = start
        if len(self.subjects) > SALIENCE_KEEP:
            del self.subjects[: SALIENCE_KEEP // 2]

    def sources(self) -> tuple[tuple[Source, ...], dict[int, str]]:
        """Sources for the entities used by a hop, with stable, unique slug ids."""
        ids: dict[int, str] = {}
        taken: set[str] = set()
        out = []
        for e in sorted((e for e in self.entities if e.used), key=lambda e: (not e.outlet, e.idx)):
            sid = unique_id(slug_id(e.name), taken)
            taken.add(sid)
            ids[e.idx] = sid
            kind = e.kind if e.kind else "unknown"
            out.append(Source(id=sid, name=e.name, kind=kind, aliases=tuple(e.aliases)))
        return tuple(out), ids


APPOSED_SUBJECT_MAX = 8  # words of a title phrase a name may stand in apposition to


def _apposed_to_title(sent: Sentence, toks: list, a: int, b: int, at: int, pack: RulePack) -> bool:
    """The name ``toks[a:b]`` is set off by commas right after the sentence's first
    segment, which starts at ``at`` with a person's title: the name is the subject's."""
    seps = sent.seps
    i = bisect_left(seps, toks[a].start) - 1  # the separator before the name
    if i < 0 or seps[i] < at or (i > 0 and seps[i - 1] >= at):
        return False  # not the first separator after the subject's start
    if a == 0 or toks[a - 1].end > seps[i] or toks[b - 1].end not in seps:
        return False  # the name does not stand alone between two commas
    seg = sent.toks_in(at, seps[i])
    j = 0
    while (
        j < len(seg)
        and j < 2
        and (seg[j].bare in pack.determiners or seg[j].low in pack.determiners)
    ):
        j += 1
    return j < len(seg) <= APPOSED_SUBJECT_MAX and seg[j].bare in pack.person_gender


def _topic_frame_end(toks: list[Token], frames: tuple[tuple[str, ...], ...]) -> int:
    """The index of the word after a topic frame opening the sentence ("Quant à", "As
    for"), or -1."""
    for frame in frames:
        n = len(frame)
        if len(toks) > n and all(
            toks[k].low == w or toks[k].bare == w for k, w in enumerate(frame)
        ):
            return n
    return -1


def _subject_start(view: str, sent: Sentence, pack: RulePack) -> int | None:
    """The index of the word the sentence's subject may start at: the first of the first
    comma segment that does not open with a framing word or a participle ("Invité à
    parler, X s'est levé"), unless it is a quotation."""
    seps = sent.seps
    toks = sent.toks
    k = 0  # (every token starts at or after the sentence's start: the first is toks[0])
    for i in range(-1, len(seps)):  # the sentence's start, then just after each separator
        if i < 0:
            a = sent.start
        else:
            a = seps[i] + 1
            k = sent.tok_index(a, k)
        if k >= len(toks):
            return None
        t = toks[k]
        gap = t.start - a  # (mostly nothing or one space: no slice to strip then)
        if gap and not (gap == 1 and view[a] == " ") and view[a : t.start].strip(" ,;") != "":
            return None  # a quotation or a dash opens the segment
        low = t.bare
        if low in pack.framing_starts or (
            (not t.cap or t.start == sent.start)
            and low not in pack.person_gender
            and pack.participle_form(low)  # a participle: an apposition
        ):
            continue
        before = sent.tok_before(a - 1) if a > sent.start else None
        if before is not None and before.bare in pack.person_gender:
            return None  # "…, transmise par son avocat, Me X, …": an apposition
        return k
    return None
