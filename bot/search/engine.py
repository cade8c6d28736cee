"""The search: understands a query (need, target group, place) and ranks the services."""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from rapidfuzz import fuzz, process

from bot import CATALOG_DATA
from bot.datafiles import commented_lines
from bot.families import FAMILIES
from bot.search.documents import CatalogueView, ServiceDoc, Town
from bot.search.phrases import PhraseMatch, PhraseTable
from bot.search.places import PREPOSITIONS, PlaceRecognizer, PlaceRef
from bot.search.relatives import CHILD, CHILDREN_FAMILY, Relative, Relatives, names_a_minor, stated_age
from bot.search.results import (  # noqa: F401 - the search's public names live here too
    NO_SERVICE,
    NOT_FOR_GROUP,
    NOT_IN_PLACE,
    NOT_UNDERSTOOD,
    PLACE_OUTSIDE,
    Hit,
    SearchResult,
    Understood,
    hit_as_dict,
)
from bot.search.text import fold, tokenize
from bot.search.textmodel import TextModel, needs_model
from bot.search.vocabulary import (
    DRUH_PREFIX,
    SITUATION_WEIGHT,
    Analyzer,
    Need,
    Vocabulary,
    build_vocabulary,
    load_family_groups,
)
from bot.search.wordlists import common_words, english_only_words

FIELD_WEIGHTS = {"name": 1.0, "kind": 0.7, "provider": 0.5, "text": 0.3}
PLACE_CUTOFF = 85.0
CORRECTION_CUTOFF = 80.0
MIN_CORRECTABLE = 5
MIN_TERM_SCORE = 0.3
COMES_TO_PLACE = 0.1  # a service that comes to the place over one a person has to travel to
FURTHER_GROUP = 0.1  # what each further implied group a service is for adds
OTHER_AGE = 0.5  # what a service whose age groups leave out the age the message gives loses
FURTHER_PHRASES = 0.5  # how much a further phrase a service meets adds to its best fit
# Work is capped on very long messages: only their beginning is read.
MAX_QUERY_CHARS = 1000
MAX_QUERY_WORDS = 60
NEED_GUESS_THRESHOLD = 0.4  # the needs model's probability from which it names a need
SAME_WORD = 4  # letters an everyday word shares with its correction when it is another form of it
SAME_ENDING = 2  # letters at the end of an everyday word a correction to another form of it may change
MIN_GUESS_WORDS = 3  # a guess needs a sentence, not a word or two
STAY_REACH = 3  # words before a place within which a hospital or a prison makes it the place of a stay
RELATIVE_REACH = 4  # tokens before a place within which a relative makes it that relative's place


@dataclass
class _Indexed:
    doc: ServiceDoc
    families: frozenset[str]
    needs: frozenset[Need]


class Searcher:
    """A search index over one snapshot of the catalogue, normalised once at load."""

    def __init__(
        self,
        catalogue: CatalogueView,
        *,
        analyzer: Analyzer | None = None,
        data: Path = CATALOG_DATA,
        needs_guesser: TextModel | None | Literal["bundled"] = "bundled",
    ) -> None:
        self.analyzer = analyzer or Analyzer()
        self.needs_guesser = needs_model() if needs_guesser == "bundled" else needs_guesser
        self.family_groups = load_family_groups(data / "rodiny-skupin.csv")
        self.relatives = Relatives.from_file(data / "pribuzni.csv")
        self.towns: dict[int, Town] = {t.code: t for t in catalogue.towns}
        self.orp_codes: dict[str, frozenset[int]] = {}
        by_orp: dict[str, set[int]] = defaultdict(set)
        for town in catalogue.towns:
            by_orp[town.orp].add(town.code)
        self.orp_codes = {k: frozenset(v) for k, v in by_orp.items()}
        self.vocabulary: Vocabulary = build_vocabulary(
            self.analyzer,
            catalogue.services,
            family_groups=self.family_groups,
            lexicon=data / "slovnik.csv",
            situation_names=catalogue.situations,
        )
        self.places = PlaceRecognizer(
            self.analyzer,
            catalogue.towns,
            regions=data / "regiony.csv",
            elsewhere=data / "mista-mimo-regiony.txt",
        )
        self.items: list[_Indexed] = []
        self.by_need: dict[Need, list[int]] = defaultdict(list)
        self._members: dict[Need, frozenset[int]] = {}
        self.postings: dict[str, dict[int, float]] = defaultdict(dict)
        self.serving: dict[int, dict[int, int]] = defaultdict(dict)
        self.everywhere: list[int] = []
        self.visited: set[int] = set()  # reached from the ORP by going there, not coming to people
        self.by_family: dict[str, list[int]] = defaultdict(list)
        self.family_masks: list[int] = []
        self._served_cache: dict[PlaceRef, dict[int, int]] = {}
        for doc in catalogue.services:
            self._index(doc)
        # ties are broken by name: each service's rank in name order, computed once
        self.name_order = [0] * len(self.items)
        for rank, idx in enumerate(sorted(range(len(self.items)), key=lambda i: (self.items[i].doc.name, i))):
            self.name_order[idx] = rank
        self.off_topic = self._phrase_list(data / "mimo-temata.txt")
        # "jsem v práci do večera": the writer's day, no need; read with its prepositions
        self.no_need = self._phrase_list(data / "bez-potreby.txt", keep_stop_words=True)
        self.stays = self._stem_list(data / "pobyt-jinde.txt")
        self.homes = self._stem_list(data / "bydliste.txt")
        self.writer_away = self._stem_list(data / "pisatel-jinde.txt")
        # A typo may be corrected to any word of the catalogue but not to a place name: places
        # are recognised by PlaceRecognizer.match, which never takes a person's name for one.
        words = self.vocabulary.table.all_stems() | self.vocabulary.worded.all_stems() | self.off_topic.all_stems()
        correct_to = words | (set(self.postings) - (self.places.table.all_stems() - words))
        self.known_stems = correct_to | self.places.table.all_stems()
        self.correctable = sorted(s for s in correct_to if len(s) >= MIN_CORRECTABLE - 1)

    def _phrase_list(self, path: Path, *, keep_stop_words: bool = False) -> PhraseTable[bool]:
        """The phrases of a list file (one per line, "#" comments), stemmed like messages."""
        table: PhraseTable[bool] = PhraseTable()
        for line in _list_lines(path):
            table.add(tuple(self.analyzer.stems(line, keep_stop_words=keep_stop_words)), True)
        return table

    # --- indexing -------------------------------------------------------------------------

    def _index(self, doc: ServiceDoc) -> None:
        idx = len(self.items)
        families = frozenset(f for f, names in self.family_groups.items() if doc.target_groups & names)
        needs: set[Need] = set()
        if doc.druh_id:
            needs.add(Need("druh", doc.druh_id))
        if doc.category:
            needs.add(Need("kategorie", doc.category))
        needs.update(Need("situace", s) for s in doc.situations)
        self.items.append(_Indexed(doc, families, frozenset(needs)))
        for family in families:
            self.by_family[family].append(idx)
        self.family_masks.append(self._mask(families))
        for need in needs:
            self.by_need[need].append(idx)
        fields = {
            "name": doc.name,
            "kind": doc.kind,
            "provider": doc.provider,
            "text": doc.description,
        }
        for name, text in fields.items():
            weight = FIELD_WEIGHTS[name]
            for stem in set(self.analyzer.stems(text)):
                if len(stem) >= 2 and self.postings[stem].get(idx, 0.0) < weight:
                    self.postings[stem][idx] = weight
        for code in doc.place_codes:
            self.serving[code][idx] = 2
        reach = set(doc.area_codes)
        if not reach:  # no area given: it comes to its ORP, or its ORP comes to it
            for code in doc.place_codes:
                town = self.towns.get(code)
                if town:
                    reach |= self.orp_codes[town.orp]
            if not doc.is_field_service:
                self.visited.add(idx)
        for code in reach:
            self.serving[code].setdefault(idx, 1)
        if doc.serves_everyone:
            self.everywhere.append(idx)

    # --- query understanding -------------------------------------------------------------

    def _resolve_place(self, town: str | int | None) -> PlaceRef | None:
        if town is None:
            return None
        if isinstance(town, int):
            found = self.towns.get(town)
            return PlaceRef("town", found.name, found.code) if found else None
        stems = self.analyzer.stems(town, keep_stop_words=True)
        matches = self.places.table.match(stems, [False] * len(stems))
        if matches:
            return matches[0].payloads[0]
        if len(stems) == 1:
            near = self.places.table.closest(stems[0], PLACE_CUTOFF)
            if near:
                return near[0][0]
        if town in self.orp_codes:
            return PlaceRef("orp", town)
        return PlaceRef("outside", town)

    def _resolve_need(self, need: str | Need | None) -> list[Need]:
        if need is None:
            return []
        if isinstance(need, Need):
            return [need]
        for candidate in (Need("druh", need), Need("situace", need), Need("kategorie", need)):
            if candidate in self.by_need or candidate in self.vocabulary.labels:
                return [candidate]
        if need.isdigit():
            return [Need("druh", f"{DRUH_PREFIX}{need}")]
        if need.startswith(DRUH_PREFIX):
            return [Need("druh", need)]
        stems = self.analyzer.stems(need)
        found = self.vocabulary.table.match(stems, [False] * len(stems))
        return [n for m in found for meaning in m.payloads for n in meaning.needs]

    def _correct(self, stem: str) -> str | None:
        """The known stem nearest to an unknown one (a typo), if one is near enough."""
        if len(stem) < MIN_CORRECTABLE or stem in self.known_stems:
            return None
        best = process.extractOne(stem, self.correctable, scorer=fuzz.ratio, score_cutoff=CORRECTION_CUTOFF)
        return best[0] if best else None

    def understand(
        self,
        query: str | None,
        *,
        town: str | int | None = None,
        group: str | None = None,
        need: str | Need | None = None,
        relatives: bool = True,
    ) -> tuple[Understood, list[dict[Need, float]], list[str]]:
        """The slots in a query, the needs of each understood phrase, and the stems left over.

        Unknown words are first corrected to the nearest known stem (typos), then places are
        found (they may contain prepositions), then needs and groups among the other words.
        A relative named ("pro dědu") lifts the group of its usual needs when `relatives` is
        true; it never filters.
        """
        text = (query or "")[:MAX_QUERY_CHARS]
        tokens = tokenize(text)[:MAX_QUERY_WORDS]
        stems = [self.analyzer.stem(t) for t in tokens]
        as_written = list(stems)  # before typos are corrected
        stop = [t in self.analyzer.stop_words or t in PREPOSITIONS for t in tokens]
        kin = self.relatives.find(text, tokens)
        quality = [1.0] * len(tokens)
        common = common_words()
        english = english_only_words()
        for i, stem in enumerate(stems):
            if not stop[i] and i not in kin:
                corrected = self._correct(stem)
                # an everyday word is corrected only to another form of itself: "nakoupil" is
                # "nakoupit", but "prádlo" is no typo of "přepadl" nor "přestat" of "přespat", "годин"
                # (hours) of "одинокий" nor "пойдёт" of "одет"
                if corrected is not None and tokens[i].replace("ё", "е") in common and not _same_word(stem, corrected):
                    corrected = None
                if tokens[i] in english:
                    corrected = None  # an English word is never a typo of a Czech one
                if corrected is not None:
                    stems[i] = corrected
                    quality[i] = 0.9
        used = [False] * len(tokens)
        place = self._resolve_place(town)
        place_matches = self.places.match((query or "")[:MAX_QUERY_CHARS], tokens, used, self.known_stems)
        if place is None:
            candidates = [
                m
                for m in place_matches
                if not (
                    self._relative_is_there(m, kin)
                    or self._named_after(m, as_written, self.stays)
                    or (kin and m.payloads[0].kind == "outside" and self._named_after(m, as_written, self.writer_away))
                )
            ]
            # "she wants to study in Olomouc; we live in Tovačov": where the writer lives comes first
            home = [
                m
                for m in candidates
                if m.payloads[0].kind != "outside" and self._named_after(m, as_written, self.homes)
            ]
            place = next((m.payloads[0] for m in home + candidates), None)
        self.no_need.match(as_written, used)
        worded = [(m, range(m.start, m.end)) for m in self.vocabulary.worded.match(as_written, used)]
        for i in range(len(tokens)):
            used[i] = used[i] or stop[i]
        needs: dict[Need, float] = {n: 1.0 for n in self._resolve_need(need)}
        phrases: list[dict[Need, float]] = [dict(needs)] if needs else []
        families: list[str] = [group] if group in FAMILIES else []
        understood_terms: list[str] = []

        content = [i for i in range(len(stems)) if not used[i]]
        content_stems = [stems[i] for i in content]
        off_topic = bool(self.off_topic.match(content_stems, [False] * len(content)))
        content_used = [False] * len(content)
        plain = self.vocabulary.table.match(content_stems, content_used)
        for match, positions in worded + [(m, [content[j] for j in range(m.start, m.end)]) for m in plain]:
            strength = min(quality[i] for i in positions)
            phrase: dict[Need, float] = {}
            for meaning in match.payloads:
                for n in meaning.needs:
                    phrase[n] = max(phrase.get(n, 0.0), n.weight * strength)
                    needs[n] = max(needs.get(n, 0.0), phrase[n])
                for f in meaning.families:
                    if f not in families:
                        families.append(f)
            if phrase:
                phrases.append(phrase)
            for i in positions:
                used[i] = True
                understood_terms.append(stems[i])
        guessed = None
        if not needs:
            # nothing the vocabulary knows names a need, though words of a group may ("babička")
            guessed = self._guess_need(text, content_used)
            if guessed is not None:
                needs[guessed] = guessed.weight
                phrases.append({guessed: guessed.weight})
        for i, relative in kin.items():
            if not used[i]:
                used[i] = True
                if relatives and relative.group in FAMILIES and relative.group not in families:
                    families.append(relative.group)
        # "synovi jsou 2 roky": a child's services, not a grown son's
        folded = fold(text)
        child = relatives and CHILDREN_FAMILY not in families and any(r.kind == CHILD for r in kin.values())
        if child and names_a_minor(folded):
            families.append(CHILDREN_FAMILY)
        leftover = [stems[i] for i in range(len(stems)) if not used[i]]
        ranked_needs = sorted(needs, key=lambda n: -needs[n])
        understood = Understood(
            place=place,
            families=tuple(families),
            needs=tuple(ranked_needs),
            need_labels=tuple(self.vocabulary.label(n) for n in ranked_needs),
            terms=tuple(dict.fromkeys(understood_terms)),
            leftover=tuple(tokens[i] for i in range(len(tokens)) if not used[i]),
            off_topic=off_topic,
            age=stated_age(folded),
            guessed=guessed is not None,
        )
        return understood, phrases, leftover

    @staticmethod
    def _relative_is_there(match: PhraseMatch[PlaceRef], kin: Mapping[int, Relative]) -> bool:
        """A place outside the region said of a relative ("dcera je v Brně", "syn žije v Praze"):
        where that relative lives, not where help is sought, so the dialog asks for the town."""
        return match.payloads[0].kind == "outside" and any(match.start - RELATIVE_REACH <= i < match.start for i in kin)

    @staticmethod
    def _named_after(match: PhraseMatch[PlaceRef], stems: list[str], words: frozenset[str]) -> bool:
        """True when one of `words` (stems) stands within STAY_REACH words before the place: a
        hospital or a prison ("po léčbě v Kroměříži": where the writer stayed), or "bydlím",
        "we live", "живу" (where the writer lives)."""
        return any(stems[i] in words for i in range(max(match.start - STAY_REACH, 0), match.start))

    def _stem_list(self, path: Path) -> frozenset[str]:
        """The stems of the words of a one-word-per-line list file, stop words included ("bydlíme")."""
        return frozenset(self.analyzer.stem(token) for line in _list_lines(path) for token in tokenize(line))

    def _guess_need(self, text: str, content_used: list[bool]) -> Need | None:
        """The life situation the needs model reads in a message whose words the vocabulary
        did not understand, when it is sure enough and the catalogue has services for it."""
        if self.needs_guesser is None or len(content_used) < MIN_GUESS_WORDS:
            return None
        features = self.needs_guesser.features(fold(text))
        if not features:
            return None
        for situation, probability in self.needs_guesser.ranked(features):
            if probability < NEED_GUESS_THRESHOLD:
                return None
            need = Need("situace", situation, SITUATION_WEIGHT)
            if need in self.by_need:
                return need
        return None

    # --- ranking --------------------------------------------------------------------------

    def _term_scores(self, leftover: list[str]) -> tuple[dict[int, tuple[float, float]], list[str]]:
        """Services whose words match the leftover stems, each with (match, rarity-weighted
        match); and the stems that match nothing."""
        scores: dict[int, tuple[float, float]] = {}
        unknown: list[str] = []
        size = max(len(self.items), 2)
        for stem in leftover:
            postings = self.postings.get(stem)
            if not postings:
                unknown.append(stem)
                continue
            # a word found in many services says little about which one is meant
            rarity = 0.5 + 0.5 * math.log(size / len(postings)) / math.log(size)
            for idx, weight in postings.items():
                match, weighted = scores.get(idx, (0.0, 0.0))
                scores[idx] = (match + weight, weighted + weight * rarity)
        return scores, unknown

    def _specificity(self, need: Need) -> float:
        """From 0.5 (every service meets the need) to 1.0 (one service does)."""
        total = max(len(self.items), 2)
        count = max(len(self.by_need.get(need, ())), 1)
        return 0.5 + 0.5 * math.log(total / count) / math.log(total)

    def _need_scores(self, phrases: list[dict[Need, float]]) -> dict[int, float]:
        """Each service's fit: over the understood phrases, the best need it meets, the rarer
        the need's services the more it counts (a specific need outweighs a generic one)."""
        found: dict[int, list[float]] = defaultdict(list)
        for phrase in phrases:
            best: dict[int, float] = {}
            for need_key, strength in phrase.items():
                value = strength * self._specificity(need_key)
                for idx in self.by_need.get(need_key, ()):
                    if best.get(idx, 0.0) < value:
                        best[idx] = value
            for idx, value in best.items():
                found[idx].append(value)
        # the best fit counts whole, further phrases a service also meets only in part: a generic
        # service that every phrase touches must not outrank the one the message is about
        return {idx: max(v) + FURTHER_PHRASES * (sum(v) - max(v)) for idx, v in found.items()}

    def _label_of(self, idx: int, understood: Understood) -> str | None:
        """The label of the strongest understood need that service `idx` meets."""
        for need, label in zip(understood.needs, understood.need_labels, strict=True):
            if idx in self._need_members(need):
                return label
        return None

    def _need_members(self, need: Need) -> frozenset[int]:
        cached = self._members.get(need)
        if cached is None:
            cached = self._members[need] = frozenset(self.by_need.get(need, ()))
        return cached

    @staticmethod
    def _mask(families: Iterable[str]) -> int:
        """The families as a bit mask, one bit per family."""
        return sum(1 << FAMILIES.index(f) for f in set(families) if f in FAMILIES)

    def _served(self, place: PlaceRef) -> dict[int, int]:
        """Services serving a place: 2 = has a place there, 1 = reaches it (cached per place)."""
        cached = self._served_cache.get(place)
        if cached is not None:
            return cached
        served: dict[int, int] = {idx: 1 for idx in self.everywhere}
        if place.kind == "town" and place.code is not None:
            codes: frozenset[int] = frozenset({place.code})
        elif place.kind == "orp":
            codes = self.orp_codes.get(place.name, frozenset())
        else:
            codes = frozenset()
        for code in codes:
            for idx, level in self.serving.get(code, {}).items():
                if served.get(idx, 0) < level:
                    served[idx] = level
        self._served_cache[place] = served
        return served

    def search(
        self,
        query: str | None,
        *,
        town: str | int | None = None,
        group: str | None = None,
        need: str | Need | None = None,
        limit: int = 5,
        offset: int = 0,
        relatives: bool = True,
    ) -> SearchResult:
        """Find the services that fit a query and/or explicit slots, best first.

        Returns an empty result with a reason when nothing fits well: the query is not a
        social need, no such service exists, none is for this group, or none serves the place.
        """
        understood, phrases, leftover = self.understand(query, town=town, group=group, need=need, relatives=relatives)
        needs = {n for phrase in phrases for n in phrase}
        term_scores, unknown = self._term_scores(leftover)
        families = set(understood.families)
        place = understood.place
        if (
            place is not None
            and place.kind == "outside"
            and not any(self.items[i].needs & needs for i in self.everywhere)
        ):
            return SearchResult([], understood, 0, PLACE_OUTSIDE)
        served = self._served(place) if place is not None else None

        matched = self._need_scores(phrases)
        relevance: dict[int, float] = dict(matched)
        for idx, (value, weighted) in term_scores.items():
            if value >= MIN_TERM_SCORE:
                relevance[idx] = (
                    relevance.get(idx, 0.0) + 0.6 * min(weighted, 2.0) / 2.0 + (0.0 if idx in matched else 0.2)
                )

        asked_for_something = bool(needs or term_scores)
        # off-topic words decide only when nothing social was understood
        if (understood.off_topic and not needs) or (unknown and not needs and not term_scores):
            return SearchResult([], understood, 0, NOT_UNDERSTOOD)
        if not asked_for_something:
            if place is None and not families:
                return SearchResult([], understood, 0, NOT_UNDERSTOOD)
            if served is not None:
                relevance = dict.fromkeys(served, 0.0)
            else:
                relevance = {idx: 0.0 for f in families for idx in self.by_family.get(f, ())}
        if not relevance:
            return SearchResult([], understood, 0, NO_SERVICE)

        # An explicit group, or a group named without any need, is a filter; a group implied
        # by the words of a need ("máma", "azylák") only lifts the services meant for it.
        strict = {group} if group in FAMILIES else (families if not asked_for_something else set())
        strict_mask, wanted_mask = self._mask(strict), self._mask(families)
        masks = self.family_masks
        ranked: dict[int, float] = {}
        for_group = 0
        need_for_group = False  # a service meeting an understood need passed the group filter
        for idx, value in relevance.items():
            mask = masks[idx]
            if strict_mask and not mask & strict_mask and (mask or not asked_for_something):
                continue
            for_group += 1
            need_for_group = need_for_group or idx in matched
            if mask & wanted_mask:
                # each further group the words imply that the service is also for lifts it a little:
                # a mother with a child and no home wants the mothers' shelter before the men's
                value += 0.25 + FURTHER_GROUP * (bin(mask & wanted_mask).count("1") - 1)
            if served is not None:
                level = served.get(idx)
                if not level:
                    continue
                if level == 2:
                    value += 0.3
                elif idx not in self.visited:
                    value += COMES_TO_PLACE  # it comes to the person; a visited one is a trip away
            if understood.age is not None and not self.items[idx].doc.serves_age(understood.age):
                value -= OTHER_AGE  # early care for a 12-year-old, a seniors' home for a 40-year-old
            ranked[idx] = value
        if not for_group:
            return SearchResult([], understood, 0, NOT_FOR_GROUP)
        if not ranked:
            return SearchResult([], understood, 0, NOT_IN_PLACE)
        if need_for_group and served is not None and not any(idx in matched for idx in ranked):
            # services for the need exist, none reaches the place: what does reach it only shares
            # words with the query, so the place has none ("K-centrum" asked in a village)
            return SearchResult([], understood, 0, NOT_IN_PLACE)
        levels = served

        items, order = self.items, self.name_order
        best = heapq.nsmallest(offset + limit, ranked, key=lambda idx: (-ranked[idx], order[idx]))
        hits = [
            Hit(items[idx].doc, round(ranked[idx], 4), levels is not None and levels.get(idx) == 2)
            for idx in best[offset:]
        ]
        # "Hledám …" names what is listed: the need the best service meets
        label = self._label_of(best[0], understood) if best else None
        unreached = self._unreached(understood, ranked, label) if served is not None and not strict_mask else None
        return SearchResult(hits, understood, len(ranked), None, listed_label=label, unreached=unreached)

    def _unreached(self, understood: Understood, ranked: Mapping[int, float], label: str | None) -> str | None:
        """The kind of service the message asks for first when the catalogue has it but none of it
        sits in or comes to the place, so what is listed is other help ("kdo by vozil nákup"
        in a village no home-care service reaches: personal assistance is listed)."""
        if not understood.needs or understood.needs[0].kind != "druh":
            return None
        top, top_label = understood.needs[0], understood.need_labels[0]
        members = self._need_members(top)
        if not members or top_label == label or any(idx in ranked for idx in members):
            return None
        return top_label


def _same_word(stem: str, corrected: str) -> bool:
    """Whether a correction is another form of the same word: it changes only the ending."""
    keep = max(SAME_WORD, len(stem) - SAME_ENDING)
    return corrected[:keep] == stem[:keep]


def _list_lines(path: Path) -> list[str]:
    """The entries of a list file: one per line, "#" lines are comments; none when it is missing."""
    return [line for _, line in commented_lines(path)]
