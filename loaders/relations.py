"""Relations between actor mentions, read sentence by sentence from trigger phrases.

For each trigger the frame says where the agent and the target stand: the agent is the subject
right after an Arabic clause-opening verb (VSO), the antecedent of a relative pronoun, or the
nearest ungoverned actor before the trigger (SVO); the one after من/by for passives. The target is
the next actor (or list, or group reference) after the trigger, behind the prepositions the frame
allows. Modality comes from cues around the trigger; a denial is kept as `negated`, never as the
positive fact, and what an accusation alleges is left to the accusation itself.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from functools import cache

from loaders.actors import Mention, group_lists, load_references
from loaders.casualties import CasualtyReader
from loaders.dates import date_words
from loaders.lexicon import Cues, Frame, load_cues, load_triggers
from loaders.matcher import PhraseMatch
from loaders.modality import CLAUSE_BREAKS, clause_start, read_modality, relative_before
from loaders.normalize import fold
from loaders.tokens import Token, tokenize
from loaders.words import bare, stem
from ontology.gazetteer import Gazetteer
from ontology.vocabulary import PREDICATES

_CLITIC_PREPS = ("ب", "ل", "ك")
_INANIMATE = {"Location"}
# "the five states" names the addressees of a request far more often than its authors.
_GROUP_REFERENCES = ("state_count", "state_group", "state_pair")
_OBJECT_PRONOUNS = ("هم", "ها", "هما", "ه")
_JUDGING = frozenset(("CONDEMNS", "REJECTS", "ACCUSES"))
_CHARACTERISING = frozenset(("وصفته", "وصفه", "وصفتها", "وصفها", "سمته", "سماه", "called", "described", "termed",
                             "dubbed", "branded"))
_PRONOUN_RELATIVES = frozenset(("وهي", "وهو", "وهم", "وهما"))
_COMPLEMENTISERS = frozenset(("ان", "انه", "انها", "بان"))
_AUXILIARIES = frozenset(("has", "have", "had", "is", "was", "were", "are", "will", "would", "also", "قد", "لم", "لن",
                          "then", "later"))
# A request's object may be a support noun ("طلبت دعما عسكريا من تركيا"): it does not end the request.
_ASKING = frozenset(("APPEALS_TO", "REQUESTS_AID_FROM"))
# What an appeal asks for ("urged talks between", "called for a ceasefire") has not happened.
_ASKED_FOR = frozenset(("SUPPORTS", "SIGNS_AGREEMENT_WITH", "CONSULTS", "COOPERATES_WITH", "MEDIATES", "DEPLOYS_TO"))
_PASSIVE_AUXILIARIES = frozenset(("is", "was", "are", "were", "been", "being", "be", "has", "have", "had", "remains",
                                  "كان", "كانت", "تكون", "يكون", "ظلت", "ظل", "لا", "تزال", "يزال"))
# Only these act on places; every other predicate's target is an actor.
PLACE_TARGETS = frozenset(("ATTACKS", "DEPLOYS_TO", "SANCTIONS"))
INTENT_UPGRADES = {"SUPPORTS": "OFFERS_SUPPORT"}
AID_UPGRADES = {"APPEALS_TO": "REQUESTS_AID_FROM"}


def _mention_start(mention: Mention) -> int:
    return mention.start


def _fight_start(fight: tuple[int, tuple[str, str]]) -> int:
    return fight[0]


@dataclass(frozen=True)
class Argument:
    """An actor mention in a sentence with what governs it and the list it belongs to."""

    index: int
    mention: Mention
    governor: str | None  # a preposition, "apposition", "genitive", "source", or None (subject/object)
    group: int


_ATTACK_PLOVER = PREDICATES["ATTACKS"].plover


@cache
def casualty_reader(lang: str) -> CasualtyReader:
    return CasualtyReader(lang)


@dataclass(frozen=True)
class FoundRelation:
    source: str
    predicate: str
    target: str
    modality: str
    cameo: str
    plover: str
    confidence: float
    trigger_start: int
    trigger_end: int = -1
    rule: str = ""  # the mechanism and data entry that found it, for `ckg explain`


@dataclass(frozen=True)
class Skip:
    """A trigger that gave no relation, and why (kept only when a reader traces)."""

    start: int
    end: int
    predicate: str
    reason: str


def frame_rule(frame: Frame) -> str:
    voice = "" if frame.voice == "active" else f", {frame.voice}"
    return f"trigger frame {frame.predicate} ({frame.pos}{voice}, CAMEO {frame.cameo})"


@dataclass
class _Sentence:
    """One sentence being read: its span of the folded text, tokens, arguments and triggers."""

    text: str
    start: int
    end: int
    tokens: list[Token]
    args: list[Argument]
    triggers: list[PhraseMatch]
    relative_spans: list[tuple[int, int]]

    def words_between(self, start: int, end: int) -> list[str]:
        return [t.text for t in self.tokens if t.start >= start and t.end <= end]


class SentenceReader:
    """Reads the relations of one sentence; `last_agent` carries the discourse subject forward."""

    def __init__(self, lang: str, gazetteer: Gazetteer, parties: tuple[str, ...] = (),
                 fights: list[tuple[int, tuple[str, str]]] = ()) -> None:
        self.lang = lang if lang in ("ar", "en") else "en"
        self.cues: Cues = load_cues(self.lang)
        self.triggers = load_triggers(self.lang)
        self.gazetteer = gazetteer
        self.parties = parties
        self.fights = list(fights)
        refs = load_references(self.lang)
        self.titles = frozenset(fold(t) for t in refs["titles"])
        self.transparent = frozenset(fold(t) for t in refs["transparent_nouns"])
        self.diplomats = frozenset(fold(t) for t in refs["diplomat_nouns"])
        self.casualties = casualty_reader(self.lang)
        self.trace: list[Skip] | None = None  # set to a list to keep the triggers that gave nothing
        self._agent_phrases = tuple(fold(p) for p in self.cues.passive_agents)
        self.time_words = date_words(self.lang)
        self.last_agent: tuple[str, ...] = ()
        self.last_agent_in_sentence: tuple[str, ...] = ()
        self.last_attacker: tuple[str, ...] = ()
        self.attack_nouns = tuple(fold(w) for w in refs["attack_nouns"])

    # -- arguments ------------------------------------------------------------------------------

    def _arguments(self, text: str, start: int, end: int, mentions: list[Mention],
                   triggers: list[PhraseMatch]) -> list[Argument]:
        # mentions are in text order: find the sentence's own by bisection, not by a scan of the document
        first = bisect.bisect_left(mentions, start, key=_mention_start)
        inside = [m for m in mentions[first : bisect.bisect_left(mentions, end, key=_mention_start)] if m.end <= end]
        groups = self._split_at_subjects(text, inside, group_lists(text, inside), triggers)
        group_of = {i: g_index for g_index, g in enumerate(groups) for i in g}
        args: list[Argument] = []
        for i, mention in enumerate(inside):
            first = groups[group_of[i]][0]
            governor = args[first].governor if first != i else self._governor(text, start, mention, inside, i)
            args.append(Argument(i, mention, governor, group_of[i]))
        return args

    def _split_at_subjects(self, text: str, mentions: list[Mention], groups: list[list[int]],
                           triggers: list[PhraseMatch]) -> list[list[int]]:
        """"Turkey backed the GNA and Russia backed the LNA": a member followed by its own verb starts a clause."""
        verb_starts = [t.start for t in triggers if t.payload.pos == "verb"]
        out: list[list[int]] = []
        for group in groups:
            head = mentions[group[0]].start
            begin = clause_start(text, min(verb_starts, default=head), head)
            if not any(begin <= v < head for v in verb_starts):
                out.append(group)  # a list before any verb is the subject: "Egypt and the UAE condemned"
                continue
            current = [group[0]]
            for i in group[1:]:
                after = tokenize(text, mentions[i].end, min(len(text), mentions[i].end + 40))[:2]
                if after and after[0].text in _AUXILIARIES:
                    after = after[1:]
                clause_goes_on = after and not any(c in text[mentions[i].end : after[0].start] for c in CLAUSE_BREAKS)
                if clause_goes_on and after[0].start in verb_starts:
                    out.append(current)
                    current = [i]
                else:
                    current.append(i)
            out.append(current)
        return out

    def _governor(self, text: str, sentence_start: int, mention: Mention, mentions: list[Mention],
                  index: int) -> str | None:
        head = text[max(sentence_start, mention.start - 30) : mention.start + len(mention.clitic)]
        if any(head.rstrip().endswith(marker) or head.endswith(marker) for marker in self.cues.source_markers):
            return "source"
        if self._role_genitive(text, mention, mentions, index):
            return "genitive"
        clitic = mention.clitic.lstrip("وف")
        before = tokenize(text, sentence_start, mention.start)
        edge = mention.start
        while before and (before[-1].text in self.cues.determiners or before[-1].text.endswith("'s")) \
                and before[-1].text != "of" \
                and not any(c in text[before[-1].end : edge] for c in CLAUSE_BREAKS):
            edge = before.pop().start
        if len(before) >= 2 and before[-2].text in self.transparent and (
                clitic.endswith("ل") or before[-1].text in ("of", "from", "عن", "من")):
            # "على مواقع لقوات فجر ليبيا", "on positions of the LNA": the force takes the positions' place
            ahead = before[-3].text if len(before) >= 3 else ""
            return ahead if ahead in self.cues.prepositions else None
        if before and before[-1].text in self.transparent and clitic.endswith("ل"):
            ahead = before[-2].text if len(before) >= 2 else ""
            return ahead if ahead in self.cues.prepositions else None
        if clitic and clitic[-1] in _CLITIC_PREPS:
            return None if self._speaker_prefixed(text, sentence_start, mention) else clitic[-1]
        while before and (before[-1].text in self.cues.determiners or before[-1].text in self.titles
                          or before[-1].text.endswith("'s")) \
                and not any(c in text[before[-1].end : edge] for c in CLAUSE_BREAKS):
            edge = before.pop().start  # "by a spokesman, Gaddafi warned": the comma ends the phrase
        if not before:
            return None
        word = before[-1].text
        if word in self.cues.apposition:
            return "apposition"
        if word == "جانب" and len(before) >= 2 and before[-2].text == "الي" \
                and text[max(0, before[-2].start - 80) : before[-2].start].rstrip().endswith((",", "،")):
            return "apposition"  # "وتعد مصر، إلى جانب الإمارات وروسيا، من أبرز داعمي حفتر"
        if word in self.cues.prepositions or word in self.cues.locatives:
            return None if self._speaker_prefixed(text, sentence_start, mention) else word
        return None

    def _role_genitive(self, text: str, mention: Mention, mentions: list[Mention], index: int) -> bool:
        """"رئيس المجلس الأعلى للدولة خالد المشري": the council names the title; the person is the subject."""
        if index + 1 >= len(mentions) or self._type(mention) == "Person":
            return False
        following = mentions[index + 1]
        if self._type(following) != "Person" or len(tokenize(text, mention.end, following.start)) > 0:
            return False
        words = tokenize(text, max(0, mention.start - 20), mention.start)
        return bool(words) and (words[-1].text in self.titles or mention.clitic.endswith("ل"))

    def _type(self, mention: Mention) -> str | None:
        return self.gazetteer.actors[mention.actors[0]].type if mention.actors else None

    def _speaker_prefixed(self, text: str, sentence_start: int, mention: Mention) -> bool:
        """"المتحدث باسم الحكومة", "a spokesman for the GNA": the actor speaks through someone."""
        head = text[max(sentence_start, mention.start - 40) : mention.start + len(mention.clitic)].rstrip()
        return any(head.endswith(prefix) or (mention.clitic and head.endswith(prefix + " " + mention.clitic))
                   for prefix in _speaker_prefixes())

    def _agent_ok(self, arg: Argument) -> bool:
        if not arg.mention.actors or self._home_place(arg) or arg.mention.kind == "attack_reference":
            return False  # "the strikes" stand for their attacker only as what is condemned
        return not all(self.gazetteer.actors[a].type in _INANIMATE for a in arg.mention.actors)

    def _home_place(self, arg: Argument) -> bool:
        """"ليبيا", "Libyan", "the country": in the conflict's own news its name is where, not who.
        Its forces ("Gaddafi's forces") still act for it."""
        return bool(self.gazetteer.home) and arg.mention.actors == (self.gazetteer.home,) \
            and arg.mention.kind in ("name", "nisba", "capital", "the_country")

    # -- one sentence -----------------------------------------------------------------------------

    def read(self, text: str, start: int, end: int, mentions: list[Mention]) -> list[FoundRelation]:
        raw = self.triggers.find(text[start:end])
        triggers = [PhraseMatch(t.start + start, t.end + start, t.payload, t.clitic) for t in raw]
        args = self._arguments(text, start, end, mentions, triggers)
        triggers = [t for t in triggers if not any(a.mention.start < t.end and t.start < a.mention.end for a in args)]
        tokens = tokenize(text, start, end)
        sent = _Sentence(text, start, end, tokens, args, triggers, self._relative_spans(text, tokens, end))
        found: list[FoundRelation] = []
        sentence_agent: tuple[str, ...] = ()
        previous_agent: tuple[str, ...] = ()
        self.last_agent_in_sentence = ()
        accusation_from = accusation_until = -1
        covered_until = -1
        appeal_until = -1
        for position, trigger in enumerate(triggers):
            frame: Frame = trigger.payload
            if accusation_from <= trigger.start < accusation_until:
                self._skip(trigger, "inside what an accusation alleges")
                continue  # what an accusation alleges is the accusation's content, not a fact
            if trigger.start < appeal_until and (frame.predicate in _ASKED_FOR or (
                    frame.pos == "verb" and frame.predicate not in _ASKING)):
                self._skip(trigger, "inside what an appeal asks for")
                continue  # "called for a ceasefire", "asked the Council to impose ...": a wish, not a fact
            if self._characterised(sent, trigger):
                self._skip(trigger, "the speaker's characterisation ('what it called')")
                continue  # "في إطار ما وصفته بدعم الدوحة", "what it called support": the speaker's words, no fact
            if trigger.start < covered_until:
                self._skip(trigger, "part of a passive or request already read")
                continue  # "تلقت ... دعما من": the support noun belongs to the passive already read
            reach = 30 if frame.all_targets else (12 if frame.predicate in ("ATTACKS", "SIGNS_AGREEMENT_WITH") else 6)
            if frame.requires and not self._near_words(sent, trigger, frame.requires, reach):
                self._skip(trigger, f"none of the words it requires within {reach} words")
                continue
            next_verb = next((t.start for t in triggers[position + 1 :]
                              if t.payload.pos == "verb"
                              and (t.payload.voice == "active" or (t.payload.voice == "passive" and t.payload.requires
                                                                   and frame.voice != "passive"))
                              and t.payload.predicate != frame.predicate
                              and not (frame.predicate in _ASKING and t.payload.predicate in _ASKED_FOR)
                              and not self._embedded_elsewhere(sent, t, trigger)), end)
            if frame.predicate == "APPEALS_TO" and self._invitation(sent, trigger):
                found.extend(self._truce_call(sent, trigger, frame))
                continue
            if self._generic_subject(sent, trigger):
                self._skip(trigger, "a generic subject ('whoever')")
                continue  # "لكل من يهدد", "whoever attacks": no one in particular
            hyphenated = trigger.start > 0 and text[trigger.start - 1] == "-"
            if hyphenated != (frame.voice == "compound"):
                self._skip(trigger, "hyphenation does not fit the frame")
                continue  # "Turkish-backed" is read by the compound frame alone, and only it needs the hyphen
            shared = previous_agent if self._coordinated(sent, trigger) else ()
            if shared and self._infinitive_with_subject(sent, trigger, triggers[:position]):
                shared = ()  # "...; the latter went furthest, becoming the first country to recognise": its own subject
            pairs, confidence = self._arguments_of(frame, trigger, sent, next_verb, shared)
            if frame.predicate == "ACCUSES":
                # the allegation follows the accused: "اتهمت الحكومة، الأسبوع الماضي، قطر بتمويل ..."
                accused = {t for _, t in pairs}
                after_accused = min((a.mention.end for a in args if a.mention.start >= trigger.end
                                     and accused & set(a.mention.actors)), default=trigger.end)
                accusation_from, accusation_until = after_accused, self._clause_end(text, after_accused, end)
            if frame.predicate in _ASKING:
                appeal_until = self._clause_end(text, trigger.end, end)
            if not pairs:
                self._skip(trigger, "no source or no target found")
                continue
            if frame.voice == "passive":
                covered_until = self._agent_end(sent, trigger, frame, next_verb)
            modality = self._modality(sent, trigger)
            predicate = self._predicate(frame, modality, sent, trigger)
            if predicate == "REQUESTS_AID_FROM":
                # "طلبت ... دعما عسكريا من تركيا": the support asked for is no support given
                targets = {t for _, t in pairs}
                covered_until = max(covered_until, max((a.mention.end for a in args if a.mention.start >= trigger.end
                                                        and targets & set(a.mention.actors)), default=-1))
            if not any(s <= trigger.start < e for s, e in sent.relative_spans):
                # an agent inside ", who has received support from X," is no subject for the main clause
                previous_agent = tuple(dict.fromkeys(s for s, _ in pairs))
                self.last_agent_in_sentence = previous_agent
            if modality == "negated" and frame.negated_as:
                predicate, modality = frame.negated_as, "asserted"
            if predicate == "FIGHTS" and self._alongside(sent, trigger):
                predicate = "SUPPORTS"  # "ويقاتل التبو إلى جانب القوات ...": fighting on their side
            for source, target in ((self._stand_in(s), self._stand_in(t)) for s, t in pairs):
                if source == target or self._own_part(source, target):
                    continue
                kind = predicate
                if kind == "DEPLOYS_TO" and self.gazetteer.actors[target].type not in ("Location", "State"):
                    kind = "SUPPORTS"  # "sent armoured vehicles and drones to the GNA": arming it
                found.append(FoundRelation(source, kind, target, modality, frame.cameo, frame.plover,
                                           confidence, trigger.start, trigger.end, frame_rule(frame)))
                if kind in ("ATTACKS", "FIGHTS") and modality == "asserted":
                    self.last_attacker = (source,)
            sentence_agent = sentence_agent or previous_agent
        if sentence_agent:
            self.last_agent = sentence_agent
        found += self._casualty_relations(sent, mentions)
        return _dedupe(found)

    def _skip(self, trigger: PhraseMatch, reason: str) -> None:
        if self.trace is not None:
            self.trace.append(Skip(trigger.start, trigger.end, trigger.payload.predicate, reason))

    def _casualty_relations(self, sent: _Sentence, mentions: list[Mention]) -> list[FoundRelation]:
        """"مقتل 15 جنديا في هجوم شنه متمردون": the attacker named through the attack hits the victims."""
        out = []
        for attacker, victim, code, position in self.casualties.read(sent.text, sent.start, sent.end, mentions):
            attacker, victim = self._stand_in(attacker), self._stand_in(victim)
            if attacker == victim or self._own_part(attacker, victim) \
                    or self.gazetteer.actors[victim].type in _INANIMATE:
                continue
            modality = self._modality(sent, PhraseMatch(position, position + 1, None, ""))
            out.append(FoundRelation(attacker, "ATTACKS", victim, modality, code, _ATTACK_PLOVER, 0.7, position,
                                     position, "casualty clause (lang/*/casualties.json)"))
        return out

    def _generic_subject(self, sent: _Sentence, trigger: PhraseMatch) -> bool:
        head = " ".join(t.text for t in sent.tokens if t.end <= trigger.start)[-24:]
        tail = head + " " + sent.text[trigger.start : trigger.end]
        return any(tail.endswith(" " + g) or head.endswith(g) for g in self.cues.generic_subjects)

    @staticmethod
    def _embedded_elsewhere(sent: _Sentence, other: PhraseMatch, trigger: PhraseMatch) -> bool:
        """A verb inside ", الذي لم يمنح الثقة ...," does not end the clause of a verb outside it."""
        span = next(((s, e) for s, e in sent.relative_spans if s <= other.start < e), None)
        return span is not None and not span[0] <= trigger.start < span[1]

    @staticmethod
    def _characterised(sent: _Sentence, trigger: PhraseMatch) -> bool:
        words = [t.text for t in sent.tokens if t.end <= trigger.start][-4:]
        # "ما وصفته", "what it called": a characterisation, not the verb "وصفها بالصديقة" itself
        return any(w in _CHARACTERISING and any(x in ("ما", "what") for x in words[:i])
                   for i, w in enumerate(words))

    @staticmethod
    def _alongside(sent: _Sentence, trigger: PhraseMatch) -> bool:
        following = " ".join(t.text for t in sent.tokens if t.start >= trigger.end)[:60]
        return any(f" {w} " in f" {following} " for w in ("الي جانب", "alongside", "on the side of"))

    @staticmethod
    def _agent_end(sent: _Sentence, trigger: PhraseMatch, frame: Frame, limit: int) -> int:
        agent = next((a for a in sent.args if a.mention.start >= trigger.end and a.mention.start < limit
                      and (a.governor or "") in frame.agent_preps and a.mention.actors), None)
        return agent.mention.end if agent else trigger.end

    @staticmethod
    def _clause_end(text: str, position: int, end: int) -> int:
        stops = [i for i in (text.find(c, position, end) for c in CLAUSE_BREAKS) if i >= 0]
        return min(stops) if stops else end

    def _relative_spans(self, text: str, tokens: list[Token], end: int) -> list[tuple[int, int]]:
        """", which backs the GNA," — clauses whose actors are no subjects for the verbs around them."""
        spans = []
        for i, token in enumerate(tokens):
            # ", meeting in Brussels with ...,": a participle clause, like a relative one, holds no subject
            participle = self.lang == "en" and token.text.endswith("ing") and len(token.text) > 4
            if (token.text in self.cues.relative_pronouns or participle) and i > 0:
                gap = text[tokens[i - 1].end : token.start]
                if any(c in gap for c in CLAUSE_BREAKS):
                    spans.append((token.start, self._clause_end(text, token.end, end)))
        return spans

    @staticmethod
    def _near_words(sent: _Sentence, trigger: PhraseMatch, words: tuple[str, ...], reach: int) -> bool:
        """One of the words stands within `reach` words of the trigger ("launched an offensive", "مذكرة ... وقعت")."""
        before = [t for t in sent.tokens if t.end <= trigger.start][-reach:]
        after = [t for t in sent.tokens if t.start >= trigger.end][:reach]
        window = " " + " ".join(t.text for t in (*before, *after)) + " " + sent.text[trigger.start : trigger.end] + " "
        return any(w in window for w in words)

    def _coordinated(self, sent: _Sentence, trigger: PhraseMatch) -> bool:
        """"condemned ... and accused", "أدانت ... واتهمت", ", accusing": a verb sharing the last subject."""
        before = [t for t in sent.tokens if t.end <= trigger.start]
        if not before:
            return False
        if trigger.clitic[:1] in ("و", "ف"):
            return True
        if before[-1].text in ("and", "but", "then", "their", "its", "his", "her", "to"):
            return True  # "... and declared their support for", "sent drones to shore up": the same subject
        gap = sent.text[before[-1].end : trigger.start]
        return any(c in gap for c in CLAUSE_BREAKS) and self._participle(sent.text, trigger)

    def _infinitive_with_subject(self, sent: _Sentence, trigger: PhraseMatch, earlier: list[PhraseMatch]) -> bool:
        before = [t for t in sent.tokens if t.end <= trigger.start]
        if not before or before[-1].text != "to" or not earlier:
            return False
        since = earlier[-1].end
        return any(since <= a.mention.start and a.mention.end <= trigger.start and a.governor is None
                   for a in sent.args)

    def _participle(self, text: str, trigger: PhraseMatch) -> bool:
        """"داعيا", "مطالبا", "accusing": a circumstantial form whose subject is the clause's."""
        word = text[trigger.start + len(trigger.clitic) : trigger.end].split()[0]
        if self.lang == "ar":
            # فاعلا / مفعلا with the accusative ending (داعيا, طالبا, مطالبا, متهما); not دعا, دعما or وقعها.
            shaped = word.startswith("م") or (len(word) > 1 and word[1] == "ا")
            return word.endswith("ا") and not word.endswith(("ها", "نا")) and len(word) >= 5 and shaped
        return word.endswith("ing")

    # -- arguments of one trigger ---------------------------------------------------------------

    def _arguments_of(self, frame: Frame, trigger: PhraseMatch, sent: _Sentence, limit: int,
                      shared_agent: tuple[str, ...]) -> tuple[list[tuple[str, str]], float]:
        args = sent.args
        after = [a for a in args if a.mention.start >= trigger.end]
        before = [a for a in args if a.mention.end <= trigger.start]
        antecedent = self._antecedent(sent, trigger, before)
        previous = [t for t in sent.tokens if t.end <= trigger.start][-1:]
        if frame.between == "pairs" and previous and previous[0].text in self.cues.subject_pronouns:
            return [], 0.0  # "وأنها التقت كلا منهما": she met each; they did not meet each other
        if frame.between:
            between = self._between(after, limit)
            if between:
                members = [x for a in between for x in a.mention.actors]
                if frame.between == "pairs":
                    return [(x, y) for i, x in enumerate(members) for y in members[i + 1 :]], 0.8
                agent = antecedent or self._agent_before(sent, trigger, before)
                if set(members) & set(agent):
                    # "استضافت روسيا وتركيا المحادثات بين الطرفين": the hosts are not the two sides
                    members = [m for m in self._sides_at(trigger.start) if m not in agent]
                return ([(x, y) for x in agent for y in members], 0.8) if agent else ([], 0.0)
        if frame.voice == "active" and self._reads_passive(frame, sent, trigger):
            doer = self._passive_doer(sent, trigger, after, limit)
            if doer is None:
                return [], 0.0  # "قتل أربعة مدنيين في انفجار": killed, by no one named
            passive = replace(frame, voice="passive")
            return self._passive(passive, trigger, sent, before, after, limit, antecedent, doer)
        if frame.voice == "passive":
            return self._passive(frame, trigger, sent, before, after, limit, antecedent)
        if frame.voice == "adjectival":
            # "حرس المنشآت النفطية، الموالي لحكومة الوفاق": the words before are loyal to the one after
            if not before or not after or len(tokenize(sent.text, before[-1].mention.end, trigger.start)) > 1 \
                    or (after[0].governor or "") not in ("ل", "to", "with"):
                return [], 0.0
            if not self._agent_ok(before[-1]):
                return [], 0.0  # "قبائل شرق البلاد الموالية لحفتر": the country is no holder
            holder = self._group_actors(before[-1], args)
            return [(s, t) for s in holder for t in after[0].mention.actors], 0.75
        if frame.voice == "compound":
            fused = before and not sent.text[before[-1].mention.end : trigger.start].strip(" -")
            if frame.default_target == "parties" and fused:
                # "a U.N.-brokered agreement": the broker mediates between the sides
                return [(s, t) for s in before[-1].mention.actors for t in self._sides_at(trigger.start) if t != s], 0.7
            return self._compound(trigger, sent.text, before, after)
        agent: tuple[str, ...] = ()
        confidence = 0.85
        rest = after
        if antecedent and frame.pos == "verb":
            agent = antecedent
        elif shared_agent and frame.pos == "verb":
            agent = shared_agent
        elif frame.pos == "masdar":
            # "بعد طرد حرس المنشآت": the verbal noun's object follows it; its doer is the clause's subject
            agent = self.last_agent_in_sentence or self._sentence_subject(sent, trigger) \
                or self._agent_before(sent, trigger, before)
        elif (frame.pos == "noun" and self.lang == "ar"
              and sent.text[trigger.start : trigger.end].endswith(_OBJECT_PRONOUNS)):
            # "خلال هجومها على طرابلس": the attack is the subject's own
            agent = self._sentence_subject(sent, trigger) or self.last_agent_in_sentence
        elif frame.pos == "noun" and self.lang == "en" and before and self._owns(sent, before[-1], trigger):
            agent = self._group_actors(before[-1], args)
        elif frame.pos == "noun":
            genitive = after[0] if after and self._adjacent(sent.text, trigger.end, after[0]) else None
            if genitive and genitive.governor is None and self._agent_ok(genitive):
                agent = self._group_actors(genitive, args)
                rest = [a for a in after if a.group != genitive.group]
            else:
                by = [a for a in after if a.governor in frame.agent_preps and a.mention.start < limit]
                if by and sent.text[trigger.end : by[0].mention.start].count(" ") <= 4:
                    agent = self._group_actors(by[0], args)
                    rest = [a for a in after if a.group != by[0].group]
                elif frame.target_preps and frame.predicate == "FIGHTS":
                    # "بعد معارك مع كتائب الزنتان", "clashes with the LNA": the clause's subject fought
                    agent = self._agent_before(sent, trigger, before)
        elif (self.lang == "ar" and not self._participle(sent.text, trigger) and self._opens_clause(sent, trigger)
              and not self._coordinated(sent, trigger)):
            # The subject may stand behind its title's genitive: "رفض رئيس المجلس الأعلى للدولة خالد المشري".
            subject = next((a for a in after[:3] if a.governor is None), None)
            reach = 3 if subject is not None and subject is after[0] else 6
            if subject is not None and not self._near(sent.text, trigger.end, subject, reach):
                subject = None
            if (subject and subject.governor is None and self._agent_ok(subject)
                    and subject.mention.kind not in _GROUP_REFERENCES):
                agent = self._group_actors(subject, args)
                rest = [a for a in after if a.group != subject.group]
        if not agent and frame.pos == "verb" and self.lang == "ar" and self._subordinate(sent, trigger) \
                and not self._near_subject(sent, trigger, after):
            agent = self._sentence_subject(sent, trigger)  # "غادر حفتر موسكو دون أن يوقع": Haftar did not sign
        if not agent and frame.pos == "verb" and self.lang == "ar" and self._speaker_speaks(sent, trigger, before):
            agent = self._sentence_subject(sent, trigger)  # "وقال إن حكومته ستطلب": the speaker's government
        if not agent and frame.pos == "verb" and self.lang == "ar" and self._coordinated(sent, trigger):
            # "صنف مجلس النواب ... ، وطالب الأمم المتحدة": the second verb's subject is the first one's
            agent = self._sentence_subject(sent, trigger)
            rest = after
        if not agent and frame.pos == "verb":
            # "Salame said ..., and urged the two sides": a coordinated verb shares the speaker's subject
            agent = self._agent_before(sent, trigger, before, speech_ok=self._coordinated(sent, trigger))
            subject_slot = after and self._near(sent.text, trigger.end, after[0], 3)
            if not agent and self.last_agent and not before and not subject_slot:
                # a clause that names no subject continues the last one ("وأكدت رفضها ...")
                agent, confidence = self.last_agent, 0.6
        if not agent:
            return [], 0.0
        sides = next((a for a in rest if a.mention.kind in ("dual", "parties") and a.mention.start < limit
                      and set(agent) & set(a.mention.actors)), None)
        if sides is not None and PREDICATES[frame.predicate].symmetric:
            # "تتعاون أنقرة مع حكومة الوفاق ... وقعها الطرفان": the two sides named are the agents
            members = sides.mention.actors
            return [(x, y) for i, x in enumerate(members) for y in members[i + 1 :]], 0.75
        rest = [a for a in rest if not set(map(self._stand_in, a.mention.actors)) <= set(map(self._stand_in, agent))
                and not self._affiliated(a.mention.actors, agent)]
        targets = self._targets(frame, trigger, sent, rest, limit)
        if targets is None and (head := self._object_antecedent(sent, trigger)):
            targets = (head, False)
        if targets is None and frame.predicate in _JUDGING and self.last_attacker \
                and self._names_the_attack(sent, trigger):
            # "أدان المجلس الرئاسي الهجوم": the attack last reported, and so its author
            targets = (self.last_attacker, True)
        if targets is None:
            return self._untargeted(frame, agent, sent, trigger), 0.7
        group, from_reference = targets
        if from_reference:
            confidence -= 0.1
        return [(s, t) for s in agent for t in group], confidence

    def _affiliated(self, targets: tuple[str, ...], agents: tuple[str, ...]) -> bool:
        """"The congress ... its president, Nouri Abusahmain": a body's own officers are not its targets."""
        for t in targets:
            for a in agents:
                ta, aa = self.gazetteer.actors[t], self.gazetteer.actors[a]
                if any(p.of == a for p in ta.positions) or any(p.of == t for p in aa.positions):
                    return True
                if self._own_part(a, t):
                    return True
        return False

    def _own_part(self, source: str, target: str) -> bool:
        """"وهدد السيسي بتدخل الجيش المصري": an actor's own forces are its instrument, never its target."""
        def sides(actor_id: str) -> set[str]:
            actor = self.gazetteer.actors[actor_id]
            return {actor_id, *actor.member_of, *(p.of for p in actor.positions)}
        a, b = self.gazetteer.actors[source], self.gazetteer.actors[target]
        if a.known == b.known:
            return False  # gazetteer actors' own ties are read by the rules above
        return bool((set(b.member_of) & sides(source)) or (set(a.member_of) & sides(target)))

    def _stand_in(self, actor_id: str) -> str:
        """A spokesperson, minister or envoy who leads nothing speaks for the body they serve (rule 8)."""
        actor = self.gazetteer.actors[actor_id]
        if actor.type != "Person":
            return actor_id
        led = [self.gazetteer.actors[p.of] for p in actor.positions if p.predicate == "LEADS"]
        if led and all(a.type == "InternationalOrganization" for a in led) and len({a.id for a in led}) == 1:
            return led[0].id  # an envoy heading a UN mission speaks for it (rule 8)
        if led:
            return actor_id
        serves = list(dict.fromkeys(p.of for p in actor.positions if p.predicate == "MEMBER_OF"))
        return serves[0] if len(serves) == 1 else actor_id

    def _invitation(self, sent: _Sentence, trigger: PhraseMatch) -> bool:
        """"مؤتمر ... دعت إليه ميركل الطرفين", "invited": whom one invites is no one one appeals to."""
        following = [t.text for t in sent.tokens if t.start >= trigger.end][:1]
        return bool(following) and following[0] in ("اليه", "اليها", "إليه", "إليها")

    def _truce_call(self, sent: _Sentence, trigger: PhraseMatch, frame: Frame) -> list[FoundRelation]:
        """"هدنة دعا إليها الرئيسان بوتين وأردوغان": who called for a truce appealed to the sides."""
        if not any(w in sent.text[max(sent.start, trigger.start - 40) : trigger.start] for w in self.cues.truce_words):
            return []
        after = [a for a in sent.args if a.mention.start >= trigger.end and a.governor is None]
        if not after:
            return []
        callers = self._group_actors(after[0], sent.args)
        return [FoundRelation(self._stand_in(s), "APPEALS_TO", t, "asserted", frame.cameo, frame.plover, 0.7,
                              trigger.start, trigger.end, "truce called for by its sponsors (cues truce_words)")
                for s in callers for t in self._sides_at(trigger.start) if t != s]

    def _subordinate(self, sent: _Sentence, trigger: PhraseMatch) -> bool:
        words = [t.text for t in sent.tokens if t.end <= trigger.start][-2:]
        return bool(words) and words[-1] in ("ان", "لكي", "كي", "حتي") and (len(words) < 2 or words[0] != "قال")

    def _near_subject(self, sent: _Sentence, trigger: PhraseMatch, after: list[Argument]) -> bool:
        return bool(after) and after[0].governor is None and self._near(sent.text, trigger.end, after[0], 3)

    def _speaker_speaks(self, sent: _Sentence, trigger: PhraseMatch, before: list[Argument]) -> bool:
        """A verb of saying with no subject of its own, then a pronoun, then no other actor before the trigger."""
        words = [t for t in sent.tokens if t.end <= trigger.start]
        spoken = [i for i, t in enumerate(words) if bare(t.text) in self.cues.speech_verbs]
        if not spoken:
            return False
        after_speech = words[spoken[-1] + 1 :]
        if not any(t.text in self.cues.pronouns for t in after_speech):
            return False
        return not any(a.mention.start >= words[spoken[-1]].end for a in before)

    def _owns(self, sent: _Sentence, arg: Argument, trigger: PhraseMatch) -> bool:
        """"Haftar's offensive", "the LNA offensive on", "his offensive" after Haftar: the noun is the actor's."""
        gap = sent.text[arg.mention.end : trigger.start].strip()
        return gap in ("", "'s", "'") and self._agent_ok(arg)

    def _sentence_subject(self, sent: _Sentence, trigger: PhraseMatch) -> tuple[str, ...]:
        """The subject right after the verb that opens an Arabic sentence (or its first clause)."""
        opening = [t for t in sent.tokens if t.end <= trigger.start][:6]
        for arg in sent.args:
            if arg.mention.end > trigger.start or not opening:
                break
            if arg.mention.start > opening[-1].end:
                break
            if arg.governor is None and self._agent_ok(arg) and arg.mention.kind not in _GROUP_REFERENCES:
                return self._group_actors(arg, sent.args)
        return ()

    def _names_the_attack(self, sent: _Sentence, trigger: PhraseMatch) -> bool:
        following = " ".join(t.text for t in sent.tokens if t.start >= trigger.end)[:40]
        return any(following.startswith(noun) for noun in self.attack_nouns)

    def _sides_at(self, position: int) -> tuple[str, ...]:
        """The two sides at a point of the article: the forces last shown fighting, else the conflict's."""
        at = bisect.bisect_right(self.fights, position, key=_fight_start)  # fights are in text order
        return self.fights[at - 1][1] if at else self.parties

    def _untargeted(self, frame: Frame, agent: tuple[str, ...], sent: _Sentence,
                    trigger: PhraseMatch) -> list[tuple[str, str]]:
        """No target named: a symmetric act among the agents ("the two sides signed"), or the conflict's sides:
        a host mediates between them, and a truce refused is refused to the other side ("وقعه السراج" names
        who signed, not with whom)."""
        if PREDICATES[frame.predicate].symmetric and len(agent) >= 2:
            return [(x, y) for i, x in enumerate(agent) for y in agent[i + 1 :]]
        truce = any(word in sent.text[sent.start : sent.end] for word in self.cues.truce_words)
        refused = truce and self._modality(sent, trigger) != "asserted"
        if frame.default_target == "parties" and (frame.predicate == "MEDIATES" or refused):
            led = {p.of for a in agent for p in self.gazetteer.actors[a].positions if p.predicate == "LEADS"}
            parties = self._sides_at(trigger.start)
            sides = [p for p in parties if p not in agent and p not in led]
            if PREDICATES[frame.predicate].symmetric and len(sides) == len(parties):
                return []  # an agreement between outsiders and both sides is no agreement with either
            return [(s, t) for s in agent for t in sides]
        return []

    def _reads_passive(self, frame: Frame, sent: _Sentence, trigger: PhraseMatch) -> bool:
        """Unvocalised Arabic writes "قُتل" as "قتل": a verb of violence that opens its clause and is followed
        by a number ("وقتل ثلاثة مسلحين") is passive, and so is one whose doer follows "من قبل" / "على أيدي"."""
        if frame.predicate != "ATTACKS" or frame.pos != "verb" or self.lang != "ar":
            return False
        following = [t for t in sent.tokens if t.start >= trigger.end][:1]
        numbered = bool(following) and (following[0].text.isdigit() or following[0].text in self.cues.numerals)
        if numbered and self._opens_clause(sent, trigger) and not trigger.clitic.startswith("ف"):
            return True  # "القوات الأميركية قتلت 11 مسلحا", "فقتل خمسة": with a subject before it, active
        if self.casualties.linked_after(sent.text, trigger.end):
            return True  # "ثلاثون متمردا قتلوا في مواجهات مع ...": the victims stand before the verb
        clause_end = self._clause_end(sent.text, trigger.end, sent.end)
        return any(self._after_agent_phrase(sent, a) for a in sent.args if trigger.end <= a.mention.start < clause_end)

    def _passive_doer(self, sent: _Sentence, trigger: PhraseMatch, after: list[Argument],
                      limit: int) -> Argument | None:
        clause_end = self._clause_end(sent.text, trigger.end, max(limit, sent.end))
        return next((a for a in after if a.mention.start < clause_end and a.mention.actors
                     and self._after_agent_phrase(sent, a)), None)

    def _after_agent_phrase(self, sent: _Sentence, arg: Argument) -> bool:
        start = arg.mention.shown[0] if arg.mention.shown else arg.mention.start + len(arg.mention.clitic)
        head = " ".join(sent.text[max(sent.start, start - 16) : start].split())
        return any(head.endswith(phrase) for phrase in self._agent_phrases)

    def _passive(self, frame: Frame, trigger: PhraseMatch, sent: _Sentence, before: list[Argument],
                 after: list[Argument], limit: int, antecedent: tuple[str, ...],
                 doer: Argument | None = None) -> tuple[list[tuple[str, str]], float]:
        agent_arg = doer or next((a for a in after if (a.governor or "") in frame.agent_preps
                                  and a.mention.start < limit and a.mention.actors), None)
        if agent_arg is None:
            return [], 0.0
        agents = [x for a in after if a.group == agent_arg.group for x in a.mention.actors]
        if PREDICATES[frame.predicate].symmetric and len(agents) >= 2:
            # "the deal was signed by Gentiloni and Sarraj": the signatories with each other
            return [(x, y) for i, x in enumerate(agents) for y in agents[i + 1 :]], 0.8
        if frame.default_target == "parties":
            return [(s, t) for s in agents for t in self._sides_at(trigger.start) if t not in agents], 0.75
        patient = antecedent
        if not patient and self.lang == "ar" and frame.pos == "verb" and self._opens_clause(sent, trigger):
            subject = next((a for a in after if a.mention.start < agent_arg.mention.start and a.governor is None
                            and a.mention.actors), None)
            patient = self._group_actors(subject, sent.args) if subject else ()
        preceding = [t.text for t in sent.tokens if t.end <= trigger.start]
        if not patient and frame.predicate in _ASKING:
            # "عقد جلسة في طرابلس بطلب من قوات فجر ليبيا": the one asked is the clause's subject
            patient = (self._sentence_subject(sent, trigger) if self.lang == "ar" else ()) \
                or self._agent_before(sent, trigger, before)
        word = sent.text[trigger.start + len(trigger.clitic) : trigger.end]
        if not patient and self.lang == "ar" and frame.pos == "verb" and not word.startswith(("ال", "م", "ب")):
            patient = self._sentence_subject(sent, trigger)  # "وتمكنت هذه القوات ... بعد أن تلقت دعما من"
        if not patient and preceding and preceding[-1] in _PASSIVE_AUXILIARIES:
            patient = self._agent_before(sent, trigger, before, allow_inanimate=True)  # "Haftar ... is backed by"
        elif not patient and before:
            # "الميليشيات المدعومة من تركيا": an adjectival passive describes the words right before it
            last = before[-1]
            gap = sent.text[last.mention.end : trigger.start]
            if len(tokenize(gap)) <= 2 and last.mention.actors and not any(c in gap for c in ".;؛"):
                # "قوات الوفاق والقوات الموالية لحفتر المدعومة من الإمارات": only the words it follows
                patient = last.mention.actors
        if frame.predicate not in PLACE_TARGETS:
            patient = tuple(p for p in patient if self.gazetteer.actors[p].type not in _INANIMATE)
        if not patient:
            return [], 0.0
        return [(s, t) for s in agents for t in patient], 0.8

    @staticmethod
    def _compound(trigger: PhraseMatch, text: str, before: list[Argument],
                  after: list[Argument]) -> tuple[list[tuple[str, str]], float]:
        """"Turkish-backed forces": the actor fused to the trigger acts on the next one."""
        if not before or text[before[-1].mention.end : trigger.start].strip(" -") or not after:
            return [], 0.0
        agents = before[-1].mention.actors
        return [(s, t) for s in agents for t in after[0].mention.actors], 0.75

    def _antecedent(self, sent: _Sentence, trigger: PhraseMatch, before: list[Argument]) -> tuple[str, ...]:
        """"Turkey, which backs the GNA", "قوات الوفاق التي تقاتل": the relative clause's head."""
        pronoun = self._relative_pronoun(sent, trigger)
        if pronoun is None or any(a.mention.start >= pronoun.end for a in before):
            return ()
        if pronoun.text in _PRONOUN_RELATIVES and self.lang == "ar":
            return self._sentence_subject(sent, trigger)  # "وتشن القوات الموالية لحفتر ...، وهي تحظى بدعم"
        heads = [a for a in before if a.mention.end <= pronoun.start and a.mention.actors]
        if not heads or not self._agent_ok(heads[-1]):
            return ()
        gap = sent.text[heads[-1].mention.end : pronoun.start]
        # "the Wagner Group, a Russian private military company that": an English apposition between
        appositive = gap.lstrip().startswith((", a ", ", an ")) and len(tokenize(gap)) <= 6
        if len(tokenize(gap)) > 1 and not appositive:
            return ()  # "الهجوم الذي تشنه قوات حفتر": the head is no actor; the subject follows the verb
        actors = self._group_actors(heads[-1], sent.args)
        if pronoun.text == "whose" and len(actors) == 1 and self.gazetteer.actors[actors[0]].type == "Person":
            states = [p.of for p in self.gazetteer.actors[actors[0]].positions
                      if p.predicate == "LEADS" and self.gazetteer.actors[p.of].type == "State"]
            return tuple(states[:1]) or actors
        return actors

    def _relative_pronoun(self, sent: _Sentence, trigger: PhraseMatch) -> Token | None:
        preceding = [t for t in sent.tokens if t.end <= trigger.start]
        if not self._relative_before([t.text for t in preceding]):
            return None
        return next((t for t in reversed(preceding[-3:]) if t.text in self.cues.relative_pronouns), None)

    def _object_antecedent(self, sent: _Sentence, trigger: PhraseMatch) -> tuple[str, ...]:
        """"Ansar al-Sharia, which Washington blames": with a subject of its own, the clause's head is the object."""
        preceding = [t for t in sent.tokens if t.end <= trigger.start][-6:]
        pronoun = next((t for t in reversed(preceding) if t.text in self.cues.relative_pronouns
                        and not any(c in sent.text[t.end : trigger.start] for c in CLAUSE_BREAKS)), None)
        if pronoun is None:
            return ()
        inside = [a for a in sent.args if pronoun.end <= a.mention.start and a.mention.end <= trigger.start]
        heads = [a for a in sent.args if a.mention.end <= pronoun.start and a.mention.actors]
        if not inside or not heads or len(tokenize(sent.text, heads[-1].mention.end, pronoun.start)) > 1:
            return ()
        return self._group_actors(heads[-1], sent.args)

    def _between(self, after: list[Argument], limit: int) -> list[Argument]:
        first = next((a for a in after if a.governor in ("بين", "between") and a.mention.start < limit), None)
        if first is None:
            return []
        return [a for a in after if a.group == first.group]

    def _agent_before(self, sent: _Sentence, trigger: PhraseMatch, before: list[Argument],
                      allow_inanimate: bool = False, speech_ok: bool = False) -> tuple[str, ...]:
        inside = next(((s, e) for s, e in sent.relative_spans if s <= trigger.start < e), None)
        for arg in reversed(before):
            if arg.governor is not None or not arg.mention.actors or arg.mention.kind in _GROUP_REFERENCES:
                continue
            if not allow_inanimate and not self._agent_ok(arg):
                continue
            span = next(((s, e) for s, e in sent.relative_spans if s <= arg.mention.start < e), None)
            if span is not None and span != inside:
                continue  # a subject inside ", which ...," belongs to that clause's verb
            if not speech_ok and not self._speaks_for_itself(sent, arg, trigger):
                continue
            group = [a for a in before if a.group == arg.group]
            return tuple(x for a in group for x in a.mention.actors)
        return ()

    def _speaks_for_itself(self, sent: _Sentence, arg: Argument, trigger: PhraseMatch) -> bool:
        """"X said the jets would support Y" gives X nothing; "X said it would support Y" does."""
        words = [bare(w) for w in sent.words_between(arg.mention.end, trigger.start)]
        spoken = [i for i, w in enumerate(words) if w in self.cues.speech_verbs]
        if not spoken:
            return True
        said = words[spoken[-1] + 1 :]
        if any(w in self.cues.pronouns for w in said):
            return True
        # "أعلنت قوات فجر ليبيا سيطرتها": what is announced is the speaker's own act; "said the jets ..."
        # and "قال إن القوات ..." put a new subject after the verb of saying
        said = [w for w in said if w not in self.time_words]
        first = said[0] if said else ""
        return self.lang == "ar" and first not in _COMPLEMENTISERS and not first.startswith("ال")

    def _targets(self, frame: Frame, trigger: PhraseMatch, sent: _Sentence, rest: list[Argument],
                 limit: int) -> tuple[tuple[str, ...], bool] | None:
        """The target group after the trigger, and whether it came from a reference; None when there is none."""
        if frame.predicate == "THREATENS":
            condition = next((t for t in sent.tokens if t.start >= trigger.end and t.text in self.cues.conditional),
                             None)
            # "هدد أردوغان بتلقين حفتر درسا إذا ...": a named object first; else whoever the condition names
            named = [a for a in rest if a.mention.end <= condition.start and a.mention.actors
                     and (a.governor or "") in ("", "ب")] if condition is not None else []
            if condition is not None and not named:
                rest = [a for a in rest if a.mention.start > condition.end]
                limit = sent.end
        target = self._target(frame, sent, rest, limit, trigger)
        if target is None:
            return None
        group = self._group_actors(target, sent.args)
        if frame.all_targets:
            # "استدعت الخارجية التركية القائم بأعمال بعثة الاتحاد الأوروبي وسفيري ألمانيا وإيطاليا للاحتجاج"
            stop = self._requires_position(sent, trigger, frame.requires)
            later = [a for a in rest if target.mention.end <= a.mention.start < stop and a.mention.actors
                     and (a.governor or "") not in self.cues.locatives and a.governor not in ("source", "لدي")]
            group = tuple(dict.fromkeys((*group, *(x for a in later for x in a.mention.actors))))
        return group, target.mention.is_reference

    @staticmethod
    def _requires_position(sent: _Sentence, trigger: PhraseMatch, words: tuple[str, ...]) -> int:
        after = [t for t in sent.tokens if t.start >= trigger.end]
        return next((t.start for t in after if any(w in t.text for w in words)), sent.end)

    def _target(self, frame: Frame, sent: _Sentence, rest: list[Argument], limit: int,
                trigger: PhraseMatch) -> Argument | None:
        """The first actor after the trigger behind an allowed preposition ("called on" allows "on")."""
        last_word = sent.text[trigger.start : trigger.end].split()[-1]
        allowed = (*frame.target_preps, last_word) if frame.target_preps is not None else None
        own = next(((s, e) for s, e in sent.relative_spans if s <= trigger.start < e), None)
        limit = min(limit, self._next_clause(sent, trigger.end))
        for arg in rest:
            span = next(((s, e) for s, e in sent.relative_spans if s <= arg.mention.start < e), None)
            if span is not None and span != own:
                continue  # "انتقد مجلس النواب، الذي لم يمنح الثقة لحكومة الوفاق، الغارات": not the GNA
            if arg.mention.start >= limit or self._opens_speech(sent, arg):
                return None
            if not arg.mention.actors or arg.governor in ("source", "genitive"):
                continue
            if frame.predicate in ("ATTACKS", "FIGHTS") and self._diplomatic(sent, arg):
                continue  # "طرد سفير حكومة الوفاق": expelling an ambassador attacks no one
            if frame.predicate not in PLACE_TARGETS and (self._type(arg.mention) in _INANIMATE
                                                          or self._home_place(arg)):
                continue  # one fights, condemns or meets a force, not a town or "the country"
            governor = arg.governor or ""
            if allowed is not None:
                if governor in allowed:
                    return arg
                continue
            if governor in self.cues.locatives or governor == "apposition":
                continue
            return arg
        return None

    def _next_clause(self, sent: _Sentence, position: int) -> int:
        """Where "، واصفا ...", ", saying ..." or "، بينما ..." starts a clause of its own after `position`."""
        for i, token in enumerate(sent.tokens):
            if token.start < position or i == 0:
                continue
            gap = sent.text[sent.tokens[i - 1].end : token.start]
            if not any(c in gap for c in CLAUSE_BREAKS):
                continue
            word = bare(token.text)
            shaped = PhraseMatch(token.start, token.end, None, "")
            if word in self.cues.speech_verbs or self._participle(sent.text, shaped) \
                    or token.text in self.cues.clause_openers or word in self.cues.clause_openers:
                return token.start
        return sent.end

    def _diplomatic(self, sent: _Sentence, arg: Argument) -> bool:
        words = [t.text for t in sent.tokens if t.end <= arg.mention.start][-2:]
        return any(w in self.diplomats for w in words)

    def _opens_speech(self, sent: _Sentence, arg: Argument) -> bool:
        """"..., and Merkel said": an actor followed by a verb of saying starts a new clause."""
        following = [t for t in sent.tokens if t.start >= arg.mention.end][:1]
        return bool(following) and bare(following[0].text) in self.cues.speech_verbs \
            and not any(c in sent.text[arg.mention.end : following[0].start] for c in CLAUSE_BREAKS)

    @staticmethod
    def _group_actors(arg: Argument, args: list[Argument]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(x for a in args if a.group == arg.group for x in a.mention.actors))

    @staticmethod
    def _adjacent(text: str, position: int, arg: Argument) -> bool:
        return not text[position : arg.mention.start].strip()

    @staticmethod
    def _near(text: str, position: int, arg: Argument, words: int) -> bool:
        return len(tokenize(text, position, arg.mention.start)) <= words

    def _opens_clause(self, sent: _Sentence, trigger: PhraseMatch) -> bool:
        """An Arabic verb that opens its clause takes its subject after it (ودعت حكومة الوفاق ...)."""
        if trigger.clitic[:1] in ("و", "ف"):
            return True
        following = [a for a in sent.args if a.mention.start >= trigger.end][:1]
        if sent.text[trigger.start : trigger.end].endswith(_OBJECT_PRONOUNS) and following \
                and not sent.text[trigger.end : following[0].mention.start].strip():
            return True  # "مقاتلون سوريون نقلتهم تركيا": with its object on the verb, the subject comes next
        before = [t for t in sent.tokens if t.end <= trigger.start]
        if not before:
            return True
        gap = sent.text[before[-1].end : trigger.start]
        if any(p in gap for p in ",;:\"'()"):
            return True
        if before[-1].text not in self.cues.vso_openers:
            return False
        if before[-1].text not in self.cues.auxiliaries:
            return True  # إذا, عندما, أن, الذي ... open a clause of their own
        # "وكانت حكومة الوفاق قد رفضت": the subject already stood before the auxiliary
        begin = clause_start(sent.text, sent.start, trigger.start)
        return not any(a.governor is None and begin <= a.mention.start and a.mention.end <= trigger.start
                       and a.mention.actors and not a.mention.is_reference for a in sent.args)

    # -- modality and predicate -----------------------------------------------------------------

    def _modality(self, sent: _Sentence, trigger: PhraseMatch) -> str:
        return read_modality(self.cues, sent.text, sent.start, sent.tokens, sent.triggers, trigger)

    def _relative_before(self, words: list[str]) -> bool:
        return relative_before(self.cues, words)

    def _predicate(self, frame: Frame, modality: str, sent: _Sentence, trigger: PhraseMatch) -> str:
        text = sent.text
        predicate = frame.predicate
        if modality in ("intent", "conditional") and predicate in INTENT_UPGRADES:
            return INTENT_UPGRADES[predicate]
        if predicate in AID_UPGRADES:
            stop = min(trigger.end + 80, self._clause_end(text, trigger.end, len(text)))
            named = [(a.mention.start, a.mention.end) for a in sent.args]
            # "بعثة الأمم المتحدة للدعم": a word inside a name asks for nothing
            words = [stem(t.text) for t in tokenize(text, trigger.start, stop)
                     if not any(s <= t.start < e for s, e in named)]
            window = " " + " ".join(words) + " "
            if any(" " + " ".join(stem(w) for w in noun.split()) + " " in window for noun in self.cues.aid_nouns):
                return AID_UPGRADES[predicate]
        return predicate


@cache
def _speaker_prefixes() -> tuple[str, ...]:
    return tuple(fold(p) for lang in ("ar", "en") for p in load_references(lang)["speaker_prefixes"])





def _dedupe(found: list[FoundRelation]) -> list[FoundRelation]:
    seen: dict[tuple[str, str, str, str], FoundRelation] = {}
    for rel in found:
        key = (rel.source, rel.predicate, rel.target, rel.modality)
        if key not in seen or rel.confidence > seen[key].confidence:
            seen[key] = rel
    return list(seen.values())
