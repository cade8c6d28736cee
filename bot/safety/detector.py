"""Recognising danger in a message: suicide, self-harm, violence, abuse, threats, emergencies.

The rules are data (catalog_data/bezpeci/): *concepts* are sets of word patterns in Czech,
Ukrainian, Russian and English; *rules* say which concepts, found close together in one
sentence and in any order, mean which kind of danger. Words are compared after folding
(lowercase, no Latin diacritics), by prefix where a pattern ends in "*", and with one typo for
words of five letters and more. A negated word ("nebije", "не хочу") counts as the concept
negated, so "nechci žít" and "chci žít" are told apart.

Besides the kinds of danger the detector says who is likely writing (a child: an age under
18, school, a parent as the one who hurts; a senior: an age over 64, a pension, an adult child
as the one who hurts) and whether life is in danger right now — so the right lines come first.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bot.safety.assessment import AGENTS, NO_DANGER, UNNAMED_DANGER, VIOLENT, Assessment
from bot.safety.concept_groups import (
    ASKING,
    AT_THE_EDGE,
    CANCELS,
    DANGER_NOUNS,
    DENIABLE,
    FIRST_PERSON,
    FLEEING,
    MEDICAL,
    MINIMISED,
    MISSING_SAYERS,
    MISSING_SIGNS,
    MODEL_SOFTENERS,
    OUT_AT_NIGHT,
    PAST_HARM,
    SELF_DIRECTED,
    SIGNAL_BLOCKERS,
    SOON,
    STILL,
    TOPICS,
    UNLAUGHABLE,
)
from bot.safety.hits import NOW_REACH, PAST_FORM, Hit, concept_near, despair_only, told_as_past
from bot.safety.reading import MAX_CHARS, WORD, Concept, Rule, Signal, normalise, sentences_of
from bot.safety.rulebook import MESSAGE_WINDOW, RULES_DIR, load_rulebook
from bot.safety.writer import GROWN_UP, age_in, writer_of
from bot.search.relatives import ADULT_AGE, names_a_minor
from bot.search.text import fold
from bot.search.textmodel import TextModel, danger_model
from bot.search.wordlists import common_words

UNLESS_REACH = 2  # words beyond a match where a harmless context is looked for
NEGATION_REACH = 3  # a negation word negates a concept this many words after it
SIGNAL_THRESHOLD = 3.0  # weak signals of one message adding up to this much mean danger
MODEL_THRESHOLD = 0.5  # the model's probability of danger from which it raises an alarm alone
MODEL_OVER_BLOCKERS = 0.9  # the probability from which the model speaks where a harmless context stopped a rule
MODEL_OVER_SOFTENERS = 0.75  # ... beside a word that often softens ("lol", "dluhy", "nevrátí")
MODEL_MIN_WORDS = 4  # shorter messages are left to the rules, which read them word by word
MODEL_OVER_BLOCK_WORDS = 15  # from this many words the model may speak where a harmless context stopped a rule
# below this many words the model alone needs MODEL_OVER_BLOCKERS: a short everyday note ("jsem na
# zastávce, budu tam v 5") gives it too little to go on, and short danger is what the rules read
MODEL_SURE_BELOW_WORDS = 12
WRITING_AGE = 10  # a smaller number beside "let"/"roky" is a duration ("byl jsem tam 4 roky") or another's age
ACUTE_THRESHOLD = 0.5  # the model's probability that life is in danger now, from which 155/112 lead
CHILD_THRESHOLD = 0.5  # the model's probability that a child writes, from which Linka bezpečí leads


@dataclass
class DangerDetector:
    """Assesses messages against the concepts and rules kept as data."""

    concepts: dict[str, Concept]
    rules: Sequence[Rule]
    signals: Sequence[Signal] = ()
    model: TextModel | None = None
    phrases: Sequence[tuple[str, re.Pattern[str]]] = ()  # concepts only a phrase holds ("je to 10 let")
    _cache: dict[str, tuple[tuple[str, bool, bool], ...]] = field(default_factory=dict, repr=False)
    real_words: frozenset[str] = frozenset()  # words of the languages, never read as a typo of another

    @classmethod
    def from_files(cls, folder: Path = RULES_DIR, *, model: TextModel | None = None) -> DangerDetector:
        """The concepts (pojmy.csv), rules (pravidla.csv), weak signals (signaly.csv) and phrase
        concepts (fraze.txt) of `folder`, with a learned model as a second opinion when one is given."""
        book = load_rulebook(folder)
        return cls(book.concepts, book.rules, book.signals, model, book.phrases, real_words=common_words())

    # --- words -> concepts ---------------------------------------------------------------

    def _concepts_of(self, word: str) -> tuple[tuple[str, bool, bool], ...]:
        """The concepts a word stands for, each with whether the word negates it and whether
        it was read through a typo (memoised)."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        found = [(c.name, False, False) for c in self.concepts.values() if c.matches(word)]
        if not found and word.startswith("ne") and len(word) > 3:
            found = [(c.name, True, False) for c in self.concepts.values() if c.name != "NEG" and c.matches(word[2:])]
        if not found:
            # a word some language knows is read as another form of a concept's word ("mlátili"),
            # never as a typo of another word: "předávání" is no "předávkování"
            real = word in self.real_words
            found = [
                (c.name, False, True) for c in self.concepts.values() if c.matches_with_typo(word, ending_only=real)
            ]
        result = tuple(found)
        if len(self._cache) < 50_000:
            self._cache[word] = result
        return result

    def _hits(self, words: list[str], clauses: Collection[int] = ()) -> list[list[Hit]]:
        """Per word, the concepts it stands for; a negation word negates the next word that
        stands for a concept ("не хочу жити": "хочу" is negated, "жити" is not), within its
        clause (`clauses`: the positions of words after a comma; "если не делаю, бьют")."""
        hits: list[list[Hit]] = []
        negate_until = -1
        clause = 0
        for i, word in enumerate(words):
            if i in clauses:
                negate_until = -1
                clause += 1
            past = bool(PAST_FORM.search(word))
            here = [Hit(name, negated, typo, past, clause) for name, negated, typo in self._concepts_of(word)]
            if any(h.concept == "NEG" and not h.negated for h in here):
                negate_until = i + NEGATION_REACH
            elif here and i <= negate_until:
                for h in here:
                    h.negated = True  # "nikdo nebije": a negation before a negated word still negates
                negate_until = -1
            hits.append(here)
        return hits

    def _sentence_hits(self, sentence: str) -> list[list[Hit]]:
        """The concepts of each word of a normalised sentence, with the phrase concepts
        (fraze.txt) added at the word where their phrase begins."""
        found = list(WORD.finditer(sentence))
        starts = [m.start() for m in found]
        clauses = {i for i in range(1, len(found)) if "," in sentence[found[i - 1].end() : starts[i]]}
        hits = self._hits([m.group() for m in found], clauses)
        for name, pattern in self.phrases:
            for match in pattern.finditer(sentence):
                at = min(bisect_left(starts, match.start()), len(found) - 1)  # the word the phrase begins at
                if at < 0:
                    continue
                hits[at].append(Hit(name, False))
                if name == MINIMISED:  # "he doesn't hit me much": a beating played down is a beating
                    for here in hits[at : bisect_left(starts, match.end())]:
                        for h in here:
                            h.negated = False
        return hits

    # --- rules ---------------------------------------------------------------------------

    def _fires(self, rule: Rule, hits: list[list[Hit]], present: set[str], blocked: list[str]) -> int | None:
        """Where in the sentence the rule matches, or None; a match that a harmless context
        blocks adds the rule's category to `blocked`."""
        if rule.unless_anywhere and present.intersection(rule.unless_anywhere):
            at = self._fires(dataclasses.replace(rule, unless=(), unless_anywhere=()), hits, present, [])
            if at is None:
                return None
            topic_only = present.intersection(rule.unless_anywhere) <= TOPICS and "GAME" not in present
            if topic_only and ("ME", False) in rule.items:
                return at  # "mám psát slohovku, ale spolužáci mě mlátí": the writer is hurt, not a topic
            blocked.append(rule.category)
            return None
        positions: list[list[int]] = []
        for name, negated in rule.items:
            found = [i for i, here in enumerate(hits) if any(h.concept == name and h.negated == negated for h in here)]
            if not found:
                return None
            positions.append(found)
        for start in positions[0]:
            if self._span_fits(start, positions[1:], rule.window):
                lo, hi = start - rule.window - UNLESS_REACH, start + rule.window + UNLESS_REACH
                if rule.unless and any(h.concept in rule.unless for here in hits[max(lo, 0) : hi + 1] for h in here):
                    blocked.append(rule.category)
                    continue
                return start
        return None

    @staticmethod
    def _span_fits(start: int, rest: list[list[int]], window: int) -> bool:
        lo = hi = start
        for found in rest:
            near = [i for i in found if max(hi, i) - min(lo, i) <= window]
            if not near:
                return False
            best = min(near, key=lambda i: max(hi, i) - min(lo, i))
            lo, hi = min(lo, best), max(hi, best)
        return True

    def _signals(self, sentences: list[list[list[Hit]]], present: set[str]) -> tuple[set[str], bool]:
        """The danger that weak signals spread over the message add up to, if any."""
        if present & SIGNAL_BLOCKERS:
            return set(), False
        # a weak signal is too weak to be read through a typo ("krocich" is not "krecich")
        found = {(h.concept, h.negated) for hits in sentences for here in hits for h in here if not h.typo}
        fired = [s for s in self.signals if (s.concept, s.negated) in found]
        if sum(s.weight for s in fired) < SIGNAL_THRESHOLD:
            return set(), False
        heaviest = max(fired, key=lambda s: s.weight)
        return {heaviest.category}, any(s.acute for s in fired)

    def assess(self, text: str) -> Assessment:
        """The kinds of danger in `text`, who is likely writing, and whether it is acute."""
        if not text or not text.strip():
            return NO_DANGER
        sentences = [self._sentence_hits(sentence) for sentence in sentences_of(text)]
        sentences = [hits for hits in sentences if hits]
        present = {h.concept for hits in sentences for here in hits for h in here if not h.negated}
        if "LONG_AGO" in present:
            present.add("PAST")  # "je to 10 let", "jako malá": told of years back
        for cancelling, cancelled in CANCELS.items():
            if cancelling in present:
                present.discard(cancelled)
        # a negated concept is also present as "X!", for rules whose harmless context is a denial
        # ("vracím se domů, bojím se, že to nezvládnu": fear of not coping, not of home)
        present_or_denied = present | {
            h.concept + "!" for hits in sentences for here in hits for h in here if h.negated
        }
        categories: set[str] = set()
        blocked: list[str] = []  # rules that matched but a harmless context stopped
        acute = False
        near_me = False  # the writer is the object near a match ("mě šikanují", not "slohovka o šikaně")
        me_in_match = False  # ...and within the match itself ("utekla jsem z domu", not "a story that moved me")
        named_only = True  # every match only names the danger ("násilí"), none says someone does it
        whole = [here for hits in sentences for here in hits]  # the message as one run of words
        for hits in [*sentences, whole]:
            for rule in self.rules:
                if (rule.window == MESSAGE_WINDOW) != (hits is whole):
                    continue  # sentence rules read each sentence, message rules the whole message
                if rule.category not in categories or (rule.acute and not acute):
                    at = self._fires(rule, hits, present_or_denied, blocked)
                    if at is not None:
                        categories.add(rule.category)
                        near_me = near_me or concept_near(hits, "ME", at, rule.window + NOW_REACH)
                        me_in_match = me_in_match or concept_near(hits, "ME", at, rule.window)
                        naming = {name for name, _ in rule.items} <= DANGER_NOUNS  # "násilí", "šikana", not "bije"
                        named_only = named_only and naming
                        # an attack going on right now ("právě ho mlátí") is acute too; "násilí a teď
                        # hledám práci" is not
                        # ("jako malou mě bil, teď je mi 40": "now" set against years back)
                        ongoing = (
                            rule.category in VIOLENT
                            and not naming
                            and "LONG_AGO" not in present
                            and concept_near(hits, "NOW", at, NOW_REACH, next((h.clause for h in hits[at]), -1))
                        )
                        acute = acute or rule.acute or ongoing
        # across sentences: "I'm sitting on the railway bridge. Just wanted someone to know before I jump."
        if {"JUMP", "HIGH_PLACE"} <= present and not present & {"JOY", "JOKE", "TOPIC"}:
            categories.add("suicide")
            acute = acute or bool(present & {"STAND", "SIT", "EDGE", "NOW"})
        if "PLAN" in present and "suicide" in blocked:
            categories.add("suicide")  # "stejně tu nechci být dlouho. Mám to už promyšlené."
        if despair_only(whole):
            categories.add(UNNAMED_DANGER)  # "už nemůžu": nothing else said, nothing to soften it
        if "UNFINISHED" in present and present & AT_THE_EDGE:
            categories.add("suicide")  # "stojím na mostě, chtěl jsem to někomu napsat, než…"
            acute = True
        at_height = "HIGH_PLACE" in present and bool(present & {"STAND", "SIT", "EDGE"})
        if at_height and present_or_denied & {"CAN!", "ANYMORE", "ANYMORE!"} and not present & {"JOY", "JOKE", "TOPIC"}:
            categories.add("suicide")  # "Я стою на мосту. Більше не можу.": at the edge and at the end
            acute = True
        age = age_in(normalise(text[:MAX_CHARS]))
        if (
            "NOWHERE" in present
            and "AFTER_SCHOOL" not in present
            and age is not None
            and WRITING_AGE <= age < ADULT_AGE
        ):
            categories.add("running_away")  # "nemám kam jít, je mi 16": a child without a roof tonight
        if not categories:
            categories, acute = self._signals(sentences, present)
        if not categories and "BEREAVED" in present:
            # "po sebevraždě manželky hledám poradnu": grief (the model reads only the suicide), a quiet line follows
            return _behind({"suicide"})
        by_model = False  # only the model sees a danger
        denied_all = {h.concept for hits in sentences for here in hits for h in here if h.negated}
        denied = denied_all & DENIABLE
        words = sum(len(hits) for hits in sentences)
        consult = self.model is not None and words >= MODEL_MIN_WORDS
        features = self.model.features(normalise(text)) if consult and self.model else {}
        # where a harmless context stopped a rule, a long message has more to say than that
        # context: a model that is sure may still speak ("minule mě po tréninku zmlátili")
        # ...unless the message tells a film or a book: that frames all of it
        # a denial ("nebije mě") weighs like a harmless context: a sure model still speaks over it
        # ("he doesn't hit me, but he locks me in and took the keys"), though not in a short one
        held_back = bool(blocked or denied)
        heard = (
            (not blocked or words >= MODEL_OVER_BLOCK_WORDS)
            and not (denied and words < MODEL_SURE_BELOW_WORDS)  # "не б'є мене, все добре"
            and not (held_back and "FICTION" in present)
        )
        needed = MODEL_OVER_BLOCKERS if held_back or words < MODEL_SURE_BELOW_WORDS else MODEL_THRESHOLD
        if not categories and heard and self._model_alarm(features, present, needed):
            categories = {UNNAMED_DANGER}  # no rule names the danger: lines for any crisis
            by_model = True
        if not categories or ("HEALED" in present and categories <= MEDICAL | {UNNAMED_DANGER}):
            return NO_DANGER  # "krvácí z nosu, doktorka říkala, že je to v pořádku": seen to already
        rule_acute = acute  # what the words say; the model's "acute" weighs less against a past the words name
        grief = "DIED_OLD" in present and categories <= {"suicide", UNNAMED_DANGER}
        if grief and not rule_acute and not self._model_alarm(features, present):
            return NO_DANGER  # "babička usnula a už se neprobudila, bylo jí 96": a funeral to arrange
        acute_p = 0.0
        if not acute and features and self.model is not None:
            acute_p = self.model.probability("acute", features)
            acute = acute_p >= ACUTE_THRESHOLD  # "life in danger now"
        laughing = "LAUGH" in present or "suicide" not in categories  # "kms, nobody would notice lol" is no joke
        joking = not acute and "JOKE" in present and "self_harm" not in categories and laughing
        if joking and not self._no_laughing_matter(features, present, sentences, categories):
            return NO_DANGER  # "ve hře mě zase zabili 😂": a joke; "se řežu lol" is not one
        past_and_safe = {"PAST", "SAFE_NOW"} <= present and "AGAIN" not in present  # "after 2 years clean, again"
        if "suicide" not in categories and (past_and_safe or "SOLVED" in present):
            # in the past and safe or resolved now: the request is about something else
            return _behind(categories)
        if past_and_safe and ("NOW" not in present or "VOLUNTEER" in present):
            # "after an attempt two years ago I am well now": nothing says today is different
            return _behind(categories)
        # the model's "acute" speaks for a danger only it sees, not over a rule that reads a topic
        acute_here = rule_acute or (acute and categories == {UNNAMED_DANGER})
        nobody_here = not present & FIRST_PERSON and not categories & SELF_DIRECTED
        # a novel or a film about someone else, though the reader says it moved them
        told_story = "FICTION" in present and not me_in_match and not categories & SELF_DIRECTED
        if "TOPIC" in present and not acute_here and (nobody_here or told_story or "TALK_TO_CHILD" in present):
            # a school project, a book, a film about violence: nobody says it happens to them;
            # or a parent asks how to talk with a child about a film in which someone dies
            return NO_DANGER
        studied = "STUDY" in present and not near_me and not categories & SELF_DIRECTED
        if studied and not (acute and categories - MEDICAL):
            return NO_DANGER  # "píšu slohovku o šikaně", "kurz první pomoci: jak poznat mrtvici"
        # a volunteer, or a teacher or nurse asking in general (bruises seen or fear told make it a case)
        helper = "VOLUNTEER" in present or ("PROFESSIONAL" in present and not present & {"INJURY", "FEAR"})
        if helper and named_only and not by_model and not rule_acute and not near_me:
            return NO_DANGER  # "chci dělat dobrovolnici v azylovém domě pro oběti násilí"
        if "JUST_SAYING" in present and categories == {UNNAMED_DANGER} and not acute:
            return NO_DANGER  # "zblázní se, jestli ji nevezmou na gympl… to se jen říká"
        if "CONCERNS" in denied_all and not acute and not categories & SELF_DIRECTED:
            return NO_DANGER  # "mě osobně se to netýká": the writer says it is not about them
        if not rule_acute and categories <= VIOLENT and "AFTERMATH" in present and present & {"PAST", "SAFE_NOW"}:
            # violence in the past, now in court or claiming damages
            return _behind(categories)
        long_ago = "LONG_AGO" in present and not present & STILL and not (age is not None and age < ADULT_AGE)
        if not rule_acute and categories <= PAST_HARM | {"self_harm"} and long_ago:
            # "jako dítě mě otčím bil, je mi 30": violence years ago, nothing says it goes on
            return _behind(categories)
        # "manžel mě bil, teď jsme rozvedení": apart now, and every deed told in the past
        minor = age is not None and age < ADULT_AGE
        told_over = "APART" in present and not minor and "RECENT" not in present and told_as_past(sentences)
        separated = ("SEPARATED" in present and bool(present & {"PAST", "LONG_AGO"})) or told_over
        over = categories <= PAST_HARM - {"running_away"}  # "left home two days ago" is running away now
        if not rule_acute and over and separated and not present & (STILL | {"TODAY", "TONIGHT"}):
            # "před rokem jsem od něj odešla, teď řeším bydlení": the violence lies behind
            return _behind(categories)
        if not rule_acute and categories <= PAST_HARM and "SURVIVOR" in present and not present & {"AGAIN", "STILL"}:
            # "byla jsem oběť násilí, partner je teď ve vězení": a survivor asks how to go on
            return _behind(categories)
        planned = False  # a plan with the means at hand, not an act begun
        if "MEANS" in present and "suicide" in categories and not present & ASKING:
            acute = planned = True  # the means at hand; "how long do pills take" asks, it has not begun
        soon = bool(present & SOON)  # "prášky mám nachystané na večer", "rozhodla jsem se, dnes večer"
        if categories & (SELF_DIRECTED | {UNNAMED_DANGER}) and soon and present & {"MEANS", "FAREWELL", "DECIDED"}:
            acute = planned = True
        if {"FREEZING", "LOCK"} <= present and (soon or "FOR_HOURS_NOW" in present):
            acute = True  # locked out on a balcony or in a cellar in the cold right now, or for hours now
        if "FREEZING" in present and present_or_denied & {"NUMB", "NUMB!"}:
            acute = True  # out in the frost and the feet no longer feel ("can't feel my feet")
        if "FREEZING" in present and "OUTSIDE" in present and present & {"BABY", "OWN_CHILD", "DEPENDANT"}:
            acute = True  # outside in the frost with a small child: life is at stake tonight
        if categories & VIOLENT and (("HIDE" in present and "NOW" in present) or "HIDING" in present):
            acute = True  # "its happening rn, im hiding under my bed", "locked myself in my room": an attack going on
        if "LOCK" in present and present_or_denied & {"NO_WATER", "NO_WATER!"} and categories & VIOLENT:
            acute = True  # locked in for days without water
        agent = _agent_of(present, categories)
        if agent == "classmates":
            categories.add("bullying")
        writer = writer_of(age, present, agent, categories)
        age_unknown = writer == "adult" and age is None and not present & GROWN_UP
        if (
            age_unknown
            and features
            and self.model is not None
            and self.model.probability("child", features) >= CHILD_THRESHOLD
        ):
            writer, age_unknown = "child", False  # how the message is written says a young person writes
        if planned and not rule_acute and acute_p < ACUTE_THRESHOLD and writer == "child":
            acute = False  # a child with a plan talks to Linka bezpečí first; 112 stays among the lines
        fled = "RUN" in present and bool(present & FLEEING) and not ("PAST" in present and "NOW" not in present)
        # out in the frost, or with a baby outside at night
        exposed = "FREEZING" in present or ("BABY" in present and bool(present & OUT_AT_NIGHT))
        if (
            "running_away" in categories
            and writer != "child"
            and len(categories) == 1
            and not (fled or rule_acute or exposed or "FROM_WARD" in present or _young_runaway(text, present))
        ):
            if not self._model_alarm(features, present, MODEL_OVER_BLOCKERS):
                return NO_DANGER  # an adult who left home, was thrown out or sleeps rough needs housing help first
            categories = {UNNAMED_DANGER}  # "sedím na nádraží, venku je -8": more than a bed is at stake
        # a parent or a teacher writes of a child who is gone (not of fleeing themselves, not an 80-year-old)
        missing = (
            "running_away" in categories
            and not categories & VIOLENT
            and (age is None or age < ADULT_AGE)
            and bool(present & MISSING_SAYERS)
            and bool(present_or_denied & MISSING_SIGNS)
            and _young_runaway(text, present)
        )
        if missing and not present & {"TEEN", "CLASSMATE"}:
            writer, age_unknown = "adult", False  # "dcera (15) v noci odešla": the age is the child's, a parent writes
        return Assessment(frozenset(categories), acute, writer, agent, age_unknown, missing_child=missing)

    def _no_laughing_matter(
        self, features: dict[str, float], present: set[str], sentences: list[list[list[Hit]]], categories: set[str]
    ) -> bool:
        """True when laughter does not take the danger back: the learned model reads it as serious
        (it has seen how young people laugh off what hurts them), a phrase laughter cannot undo, or
        an injury beside violence ("hodila mi talíř po hlavě 💀 mám bouli haha")."""
        if self._model_alarm(features, set(), MODEL_OVER_BLOCKERS) or present & UNLAUGHABLE:
            return True
        injured = any(
            h.concept == "INJURY" and not (h.negated or h.typo) for hits in sentences for here in hits for h in here
        )
        return injured and bool(categories & VIOLENT)

    def _model_alarm(self, features: dict[str, float], present: set[str], needed: float = MODEL_THRESHOLD) -> bool:
        """True when the model alone would raise an alarm for the message (at `needed` or
        more); a word that often softens ("když", "lol", "dluhy") lowers its voice, not silences it."""
        if not features or self.model is None:
            return False
        if "FIGURATIVE" in present:  # an idiom says as much as a harmless context
            needed = max(needed, MODEL_OVER_BLOCKERS)
        elif present & MODEL_SOFTENERS:
            needed = max(needed, MODEL_OVER_SOFTENERS)
        return self.model.probability("danger", features) >= needed


def _young_runaway(text: str, present: set[str]) -> bool:
    """True when a parent writes of their child who left ("syn utekl z domu", "dcera (14) utekla"),
    unless it came home and is fine ("vrátil se a je v pořádku")."""
    young = "OWN_CHILD" in present or names_a_minor(fold(text))
    return young and not {"RETURNED", "SAFE_NOW"} <= present


def _agent_of(present: set[str], categories: set[str]) -> str | None:
    """Who hurts in a violent message, named by a family or role word; None where that word
    names the one hurt: a debt collector threatens the writer's daughter, a coach plays a
    "secret game" with the writer's son (9)."""
    if not categories & VIOLENT or ("COLLECTOR" in present and categories <= {"threats"}):
        return None
    agent = next((AGENTS[c] for c in AGENTS if c in present), None)
    return None if agent == "adult_child" and "sexual_violence" in categories else agent


def _behind(categories: set[str]) -> Assessment:
    """No danger now, with the harm the writer says lies behind them (so a quiet line can follow)."""
    return Assessment(behind=frozenset(categories - {UNNAMED_DANGER}))


@lru_cache(maxsize=1)
def default_detector() -> DangerDetector:
    """The detector over the bundled rules and model."""
    return DangerDetector.from_files(model=danger_model())
