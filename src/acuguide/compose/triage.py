"""Read what a person wrote for what acupressure must not answer: red flags, pregnancy, whose back.

This is the second net, behind the questions `screening` asks: whatever the answers, the
person's own words still refuse a session when they describe a sign that needs a doctor.
The words are read the way clinical text tools read notes (NegEx and ConText): first made
plain (Unicode NFKC, case, dashes and signs, misspellings and abbreviations), then each sign
looked for in lay wording, sentence by sentence; a sign counts unless a negation comes a few
words before it with nothing ending its reach in between ("no fever and chest pain" still
finds the chest pain), unless it is only feared ("what if I get a fever?"), and unless it is
someone else's ("my father had a tumour"). Doubt is not denial: "not sure if I'm pregnant"
counts. Where the words are unclear, the reading errs toward a doctor.

All the phrase tables are data, in content/screening.yaml (English) and screening.<lang>.yaml
(the same tables in another language: its words, its negations, its people); this module is
only how they are read, in any language written in words with spaces. A language's reading
also keeps the English rows of every sign, so English words typed into a Spanish session still
refuse: where a language has no tables of its own, its words are read with the English ones.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import yaml

# Urgencies that refuse for anyone's sign, not only the writer's, when the writer names no pain of
# their own: "mon mari a la bouche de travers, je peux lui masser quoi ?" asks for a session for
# someone who needs an ambulance.
NOW = ("ambulance", "emergency")
CHILD_UNDER, OLDER_FROM = 16, 70  # ages that need a doctor first: a child, or new pain past seventy


@dataclass(frozen=True)
class Finding:
    sign: str  # a key of the table's `signs`, or "pregnancy" or "thinners"
    said: str  # the words that matched, as made plain
    raised: bool = False  # made more urgent by another sign beside it (the table's `together`)


@dataclass(frozen=True)
class Outside:
    """A complaint acuguide makes no session for, and whom to see for it."""

    said: str
    about: str
    see: str


@dataclass(frozen=True)
class Reading:
    flags: tuple[Finding, ...]  # signs that need a doctor, most urgent first
    pregnancy: Finding | None
    thinners: Finding | None
    outside: tuple[Outside, ...]  # complaints outside back care, in the order written
    listener: str | None = None  # the relative the session would be for, when not the writer


SOURCE = "en"
# What a language's own file replaces in the English table; the rest (urgency, questions,
# refusals, whom to see) is English text that the catalogs translate.
OWN = (
    "normal",
    "vocabulary",
    "context",
    "people",
    "family_history",
    "whose",
    "ages",
    "pregnancy_over",
    "outside",
)
STAGES = ("pregnancy_early", "pregnancy_late")  # a language's own, and the English too: "30 weeks" typed anywhere
ADDED = ("negations", "pseudo", "hypothetical")  # context lists that keep the English ones too: "no fever"


def _load(name: str) -> dict | None:
    path = resources.files("acuguide.content").joinpath(name)
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None


def languages_read() -> tuple[str, ...]:
    """The languages whose words compose reads in their own tables (screening.<lang>.yaml)."""
    names = (p.name for p in resources.files("acuguide.content").iterdir())
    return (SOURCE, *sorted(n.split(".")[1] for n in names if re.fullmatch(r"screening\.[a-z]+\.yaml", n)))


@cache
def table(language: str = SOURCE) -> dict:
    """content/screening.yaml: the questions, the signs and every phrase table; for another
    language, its own tables (screening.<lang>.yaml) with every English row of the signs kept."""
    english = _load("screening.yaml")
    own = _load(f"screening.{language}.yaml") if language != SOURCE else None
    if own is None:
        return english  # type: ignore[return-value]
    merged = copy.deepcopy(english)
    vocabulary = english["vocabulary"]

    def english_rows(rows: list[dict]) -> list[dict]:
        """The English rows, read with the English vocabulary; what follows a sign (`not_after`) in
        either language: "an accident 15 years ago" and "un accident il y a 15 ans" are both old."""
        expanded = [
            {**row, **{k: _expand(row[k], vocabulary) for k in ("match", "unless") if k in row}} for row in rows
        ]
        return [
            {**row, "not_after": f"{_expand(row['not_after'], vocabulary)}|{row['not_after']}"}
            if "not_after" in row
            else row
            for row in expanded
        ]

    for key in OWN:
        merged[key] = own[key]
    for key in ADDED:
        merged["context"][key] = [*own["context"][key], *english["context"][key]]
    for key, sign in merged["signs"].items():
        sign["words"] = [*own["signs"][key]["words"], *english_rows(sign["words"])]
        sign["not"] = own["signs"][key]["not"]
    thinners = merged["modifiers"]["thinners"]
    thinners["words"] = [*own["modifiers"]["thinners"]["words"], *english_rows(thinners["words"])]
    thinners["not"] = own["modifiers"]["thinners"]["not"]
    merged["pregnancy"] = [*own["pregnancy"], *english_rows(english["pregnancy"])]
    for key in STAGES:
        merged[key] = f"{own[key]}|{english[key]}"
    merged["pregnancy_not"] = own["pregnancy_not"]
    merged["complaints"] = own["complaints"]
    merged["back_in_general"] = [*own["back_in_general"], *english["back_in_general"]]
    return merged


def _expand(pattern: str, vocabulary: dict) -> str:
    """A pattern with each <name> replaced by its list from `vocabulary`."""
    return re.sub(r"(?<!\(\?)<([a-z_]+)>", lambda m: f"(?:{vocabulary[m.group(1)]})", pattern)


def urgency_order() -> list[str]:
    return list(table()["urgency"])


def ranked(findings: list[Finding]) -> list[Finding]:
    """`findings` as a refusal names them: a sign left out where a more urgent form of it is there
    (`instead_of`: a road accident is not also "a fall or a blow"), each sign that another beside it
    makes more urgent marked so (`together`: after a cancer, new pain at night is seen within a day,
    not in days), the most urgent first."""
    signs, together, present = table()["signs"], table()["together"], {f.sign for f in findings}
    replaced = {signs[sign]["instead_of"] for sign in present if "instead_of" in signs[sign]}
    marked = [
        replace(f, raised=True) if f.sign in together and present & set(together[f.sign]["with"]) else f
        for f in findings
        if f.sign not in replaced
    ]
    order, keys = urgency_order(), list(table()["signs"])
    return sorted(marked, key=lambda f: (order.index(urgency(f)), keys.index(f.sign)))


def described(finding: Finding) -> dict:
    """The table entry that says a finding's urgency, what it is and why: its sign's, or the
    `together` rule's when another sign raised it."""
    return table()["together"][finding.sign] if finding.raised else table()["signs"][finding.sign]


def urgency(finding: Finding) -> str:
    return described(finding)["urgency"]


def read(text: str, language: str = SOURCE) -> Reading:
    """Everything the words say, read in `language`: the red flags (with age and whose they
    are), pregnancy, blood thinners, and complaints outside back care."""
    words = _Reader(table(language), language)
    plain = words.normalise(text)
    sentences = _sentences(plain)
    listener = words.listener(sentences)
    own_pain = words.own_pain(sentences)
    signs = words.table["signs"]
    flags = []
    for key, sign in signs.items():
        anyones = sign["urgency"] in NOW and not own_pain
        said = words.first(sentences, sign["words"], listener, anyones, own_pain) if key != "pregnancy-signs" else None
        if said:
            flags.append(Finding(key, said))
    flags += words.ages(plain, listener, own_pain, alone=not flags)
    # a pregnancy and its signs are anyone's when the writer names no pain of their own: "my
    # daughter is 7 weeks pregnant and has a sharp pain on one side" asks for her session
    pregnant = words.pregnancy(sentences, listener, not own_pain)
    if pregnant:
        late = words.late_in_pregnancy(plain)
        for row in signs["pregnancy-signs"]["words"]:
            sign = _pregnancy_sign(row, late)
            said = sign and words.first(sentences, [row], listener, not own_pain)
            if said and not any(f.sign == sign for f in flags):
                flags.append(Finding(sign, said))
    flags = ranked(flags)
    thinners_rows = words.table["modifiers"]["thinners"]["words"]
    thinners = words.first(sentences, [row["match"] for row in thinners_rows], listener)
    outside = tuple(words.outside(sentences, listener, own_pain))
    # quote the person's own words as they wrote them: "me caí", not "me cai"; "im 78", not "i'm 78"
    flags = [replace(f, said=_quoted(text, f.said, language)) for f in flags]
    pregnant = pregnant and Finding(pregnant.sign, _quoted(text, pregnant.said, language))
    return Reading(tuple(flags), pregnant, Finding("thinners", thinners) if thinners else None, outside, listener)


def _quoted(text: str, said: str, language: str) -> str:
    """The words of `text` that read as `said` (folded), as written, a word made plain on the
    way ("im" read as "i'm", "hab" as "habe") found as it was typed; `said` where the words
    cannot be found (a phrase rewritten)."""
    folded, where = [], []
    for index, char in enumerate(text):
        plain = fold(char, language)
        folded.append(plain)
        where += [index] * len(plain)
    typed = _typed(language)
    words = [_spelled(w, typed.get(w, ())) for w in said.split()]
    joined = r"(?:[\W_]+|(?<='))".join(words)
    found = re.search(r"(?<!\w)" + joined + r"(?!\w)", "".join(folded)) if words else None
    return text[where[found.start()] : where[found.end() - 1] + 1] if found else said


@cache
def _typed(language: str) -> dict[str, tuple[str, ...]]:
    """The spellings the table's `normal.words` makes plain, by the one word each reads as."""
    typed: dict[str, list[str]] = {}
    for spelling, plain in table(language)["normal"]["words"].items():
        if plain and " " not in str(plain):
            typed.setdefault(str(plain), []).append(str(spelling))
    return {plain: tuple(spellings) for plain, spellings in typed.items()}


def _spelled(word: str, typed: tuple[str, ...]) -> str:
    """A pattern for `word` as it may have been written: itself, a spelling made plain into it,
    an elision opened on the way ("ne arrive" for "n'arrive"), any apostrophe."""
    forms = [re.escape(w) for w in (word, *typed)]
    if len(word) <= 3 and word.endswith("e"):
        forms[0] = re.escape(word[:-1]) + "(?:e|')"
    return "(?:" + "|".join(f.replace("'", "['\u2018\u2019\u02bc`\u00b4]") for f in forms) + ")"


def red_flags(text: str, language: str = SOURCE) -> list[Finding]:
    """Each red flag in `text`, once, the most urgent first."""
    return list(read(text, language).flags)


def pregnancy(text: str, language: str = SOURCE) -> Finding | None:
    """Pregnancy named, and not denied or over, in `text`."""
    return read(text, language).pregnancy


def normalise(text: str, language: str = SOURCE) -> str:
    """The words made plain: NFKC, lower case, straight quotes, dashes and signs as words,
    accents as the language's table folds them, misspellings and abbreviations as the
    patterns expect them."""
    return _Reader(table(language), language).normalise(text)


def elided(text: str, language: str = SOURCE) -> str:
    """French elisions written out: "n'ai" as "ne ai", "j'ai" as "je ai", "l'dos" as "le dos"."""
    elisions = table(language)["normal"].get("elisions")
    return re.sub(elisions, r"\1e ", text) if elisions else text


def fold(text: str, language: str = SOURCE) -> str:
    """Lower case, and letters folded as the language's patterns are written: 'Rücken' as
    'ruecken', 'fièvre' as 'fievre', 'años' as 'anos'. English is only lower-cased."""
    text = unicodedata.normalize("NFKC", text).lower()
    normal = table(language)["normal"]
    if "fold" not in normal:
        return text
    for letter, plain in normal["fold"].items():
        text = text.replace(letter, plain)
    return unicodedata.normalize(
        "NFC", "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    )


@dataclass(frozen=True)
class _Sentence:
    plain: str  # words and apostrophes, single spaces
    stops: frozenset[int]  # word indices that begin after a comma or similar pause


def _sentences(text: str) -> list[_Sentence]:
    found = []
    for part in re.split(r"(?:(?<!\d)\.|\.(?!\d)|[!?;:\n\[\]{}])+", text):
        tokens = re.findall(r"\d+\.\d+|[\w']+|[,/()]", part)  # a bracket is a pause: "skin cancer (basal cell)"
        words: list[str] = []
        stops = set()
        for token in tokens:
            if token in (",", "/", "(", ")"):
                stops.add(len(words))
            else:
                words.append(token.strip("'") or token)
        if words:
            found.append(_Sentence(" ".join(words), frozenset(stops)))
    return found


@cache
def _compiled(pattern: str, language: str = SOURCE) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_expand(pattern, table(language)['vocabulary'])})\b")


@cache
def _phrases(name: str, language: str = SOURCE) -> tuple[tuple[str, ...], ...]:
    """A list of the `context` table as word tuples, longest first."""
    return tuple(sorted((tuple(p.split()) for p in table(language)["context"][name]), key=len, reverse=True))


def _at(words: list[str], index: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """The length of the longest phrase of `phrases` starting at `words[index]`, or 0."""
    for phrase in phrases:
        if tuple(words[index : index + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _word_index(plain: str, offset: int) -> int:
    return plain[:offset].count(" ")


def _pregnancy_sign(row: dict, late: bool) -> str | None:
    """The sign a row of `pregnancy-signs` reads as: its `early` sign before 13 weeks and its
    `late` one after (none if it has none), or the midwife's for a row with neither."""
    if "early" not in row:
        return "pregnancy-signs"
    return row.get("late") if late else row["early"]


def _rest_of_clause(sentence: _Sentence, match: re.Match) -> str:
    """The words after `match` up to the next pause: what a row's `not_after` reads ("a car
    accident 10 years ago"), never past a comma ("I fell today, 5 years ago I had surgery")."""
    words = sentence.plain.split()
    last = _word_index(sentence.plain, match.end() - 1)
    stop = min((i for i in sentence.stops if i > last), default=len(words))
    return " ".join(words[last + 1 : stop])


class _Reader:
    """The reading of one language's tables: the same rules for every language."""

    def __init__(self, table: dict, language: str):
        self.table, self.language = table, language
        self.whose = {key: value for key, value in table["whose"].items() if isinstance(value, str)}

    def _pattern(self, name: str) -> str:
        """A `whose` pattern, with the lists it names ({people}, {body}) in place."""
        pattern = self.whose[name]
        for key in ("people", "body"):
            pattern = pattern.replace("{" + key + "}", self.table["people"] if key == "people" else self.whose["body"])
        return pattern

    def normalise(self, text: str) -> str:
        text = fold(text, self.language)
        text = re.sub(r"[\u2018\u2019\u02bc`´]", "'", text)
        text = re.sub(r"[\u2010-\u2015\u2212_~*]", " ", text)
        normal = self.table["normal"]
        for phrase, plain in sorted(normal["phrases"].items(), key=lambda kv: -len(kv[0])):
            text = text.replace(phrase, f" {plain} ")
        if "ordinals" in normal:  # German: "im 7. Monat" is one sentence
            text = re.sub(normal["ordinals"], r"\1", text)
        text = elided(text, self.language)
        text = re.sub(r"(?<=\w)-(?=\w)|\s-\s|-", " ", text)
        text = re.sub(normal["units"], r"\1 \2", text)  # 28wks, 82yo
        words = normal["words"]
        return re.sub(r"[\w']+", lambda m: words.get(m.group(0), m.group(0)), text)

    def _blocked(self, words: list[str], start: int, end: int, stops: frozenset[int]) -> bool:
        """Whether something between words[start:end] ends a negation's reach: a pause or a terminator."""
        terminators = _phrases("terminators", self.language)
        return any(i in stops or _at(words, i, terminators) for i in range(start + 1, end + 1) if i < len(words))

    def _denied(self, sentence: _Sentence, first: int, last: int) -> bool:
        """Whether the words from `first` to `last` are negated or only feared (ConText's scope)."""
        words = sentence.plain.split()
        window = self.table["context"]["window"]
        language = self.language
        pseudo, negations = _phrases("pseudo", language), _phrases("negations", language)
        fears = _phrases("hypothetical", language)
        index = max(0, first - window)
        while index < first:
            skip = _at(words, index, pseudo)
            if skip:
                index += skip
                continue
            found = _at(words, index, negations) or _at(words, index, fears)
            if found and index + found <= first and not self._blocked(words, index + found - 1, first, sentence.stops):
                return True
            index += 1
        after = words[last + 1 : last + 4]
        return (
            bool(after)
            and (last + 1) not in sentence.stops
            and bool(_at(after, 0, _phrases("negations_after", language)))
        )

    def _clause_start(self, sentence: _Sentence, first: int, of_a_person: bool = False) -> int:
        """The index of the first word of the clause holding word `first`: back to a pause or a
        terminator ("and": a new clause), or, `of_a_person`, past a relative pronoun right
        after a person ("my mum who has cancer": the clause is still hers) and past a word of
        company ("mi marido está con fiebre": still his)."""
        words = sentence.plain.split()
        terminators, relatives = _phrases("terminators", self.language), _phrases("relatives", self.language)
        accompanying = _phrases("accompanying", self.language)
        people = f"(?:{self.table['people']})"
        start = first
        while start > 0 and start not in sentence.stops:
            tied = of_a_person and (
                (start > 1 and _at(words, start - 1, relatives) and re.fullmatch(people, words[start - 2]))
                or _at(words, start - 1, accompanying)
            )
            if _at(words, start - 1, terminators) and not tied:
                break
            start -= 1
        return start

    def _someone_else(
        self, sentence: _Sentence, first: int, listener: str | None, anyones: bool = False, pronouns: bool = False
    ) -> bool:
        """A sign in a clause about another person ('my dad had cancer') or family history is theirs;
        with `anyones`, only family history is; with `pronouns` (the writer names a pain of their
        own), so is a clause begun by her or him after they were named."""
        words = sentence.plain.split()
        start = self._clause_start(sentence, first, of_a_person=True)
        clause = " ".join(words[start : first + 6])
        if re.search(rf"\b(?:{self.table['family_history']})\b", clause):
            return True
        if anyones:
            return False
        mentioned = re.findall(rf"\b{self._pattern('theirs')}\b", " ".join(words[start:first]))
        if pronouns and not mentioned and _at(words, start, _phrases("pronouns", self.language)):
            # "my mum has cancer, she is on chemo": her clause, if she was named before it
            mentioned = re.findall(rf"\b{self._pattern('theirs')}\b", " ".join(words[:start]))
        return bool(mentioned) and mentioned[-1] != listener

    def _denied_match(self, sentence: _Sentence, match: re.Match) -> bool:
        return self._denied(
            sentence, _word_index(sentence.plain, match.start()), _word_index(sentence.plain, match.end() - 1)
        )

    def first(
        self,
        sentences: list[_Sentence],
        patterns: list,
        listener: str | None,
        anyones: bool = False,
        pronouns: bool = False,
    ) -> str | None:
        """The first words one of `patterns` finds that are the listener's, affirmed. A pattern
        may be a table row: its `match`, ignored in a sentence its `unless` finds ("tingling down
        my arm" is a nerve, not pain spreading from the heart), and where the words right after
        it are its `not_after` ("a car accident 10 years ago" is an old injury)."""
        for number, sentence in enumerate(sentences):
            for row in patterns:
                pattern, unless = (row["match"], row.get("unless")) if isinstance(row, dict) else (row, None)
                after = row.get("not_after") if isinstance(row, dict) else None
                if unless and _compiled(unless, self.language).search(sentence.plain):
                    continue
                old = None  # where the last match made old ended: "an accident years ago with whiplash"
                for match in _compiled(pattern, self.language).finditer(sentence.plain):
                    if not match.group(0).strip():
                        continue
                    if after and (
                        (old is not None and len(sentence.plain[old : match.start()].split()) <= 1)
                        or self._said_after(after, sentences[number:], match)
                        or self._said_before(sentences[number:], match)
                    ):
                        old = match.end()
                        continue
                    first = _word_index(sentence.plain, match.start())
                    if not self._denied_match(sentence, match) and not self._someone_else(
                        sentence, first, listener, anyones, pronouns
                    ):
                        return match.group(0)
        return None

    def _said_after(self, after: str, sentences: list[_Sentence], match: re.Match) -> bool:
        """Whether a row's `not_after` holds for `match` (the first of `sentences`): said in the
        rest of its clause ("a car accident 10 years ago"), and nothing new after it."""
        if not _compiled(after, self.language).match(_rest_of_clause(sentences[0], match)):
            return False
        return self._nothing_new_after(sentences, match)

    def _said_before(self, sentences: list[_Sentence], match: re.Match) -> bool:
        """Whether a row with a `not_after` is made old by words just before it in its clause
        (`long_ago_before`: "years ago I had a car accident", "hace 15 años tuve un accidente"),
        and nothing new after it."""
        words = sentences[0].plain.split()
        first = _word_index(sentences[0].plain, match.start())
        start = self._clause_start(sentences[0], first)
        if not _compiled("<long_ago_before>", self.language).search(" ".join(words[start:first])):
            return False
        return self._nothing_new_after(sentences, match)

    def _nothing_new_after(self, sentences: list[_Sentence], match: re.Match) -> bool:
        """No word after `match` in the request tells of a new one (`recent`: "years ago, and
        again this morning", "another one today")."""
        later = " ".join([sentences[0].plain[match.end() :], *(s.plain for s in sentences[1:])])
        return not _compiled("<recent>", self.language).search(later)

    def late_in_pregnancy(self, plain: str) -> bool:
        """Whether the words put a pregnancy past its first 12 weeks; an early stage said wins,
        and unsaid it may be early."""

        def said(key: str) -> bool:
            return bool(_compiled(self.table[key], self.language).search(plain))

        return not said("pregnancy_early") and said("pregnancy_late")

    def own_pain(self, sentences: list[_Sentence]) -> bool:
        """Whether the writer names a pain of their own ('my back aches')."""
        return any(re.search(rf"\b{self._pattern('my_body')}\b", s.plain) for s in sentences)

    def listener(self, sentences: list[_Sentence]) -> str | None:
        """Whom the session is for, when it is not the writer: 'my gran's back', 'for my son'."""
        mine = self.own_pain(sentences)
        for sentence in sentences:
            for pattern in self.table["whose"]["listener"]:
                found = re.search(
                    pattern.replace("{people}", self.table["people"]).replace("{body}", self.whose["body"]),
                    sentence.plain,
                )
                if found:
                    return next(g for g in found.groups() if g)
            mentioned = re.findall(rf"\b{self._pattern('mine')}\b", sentence.plain)
            theirs = re.search(rf"\b{self._pattern('their_body')}\b", sentence.plain)
            if mentioned and theirs and not mine:
                return mentioned[-1]  # "my wife is pregnant and her back aches", with no back of the writer's
        whole = " ".join(s.plain for s in sentences)  # "my mum has osteoporosis. she has back pain"
        mentioned = re.findall(rf"\b{self._pattern('mine')}\b", whole)
        theirs = re.search(rf"\b{self._pattern('their_body')}\b", whole)
        if mentioned and theirs and not re.search(rf"\b{self._pattern('my_body')}\b", whole):
            return mentioned[-1]
        return None

    def ages(self, text: str, listener: str | None, own_pain: bool = False, alone: bool = True) -> list[Finding]:
        """A child, or someone over seventy, named by age or by the words for them: an age said in
        a request is taken as the listener's, unless it is of someone being lifted or carried, or
        helped by a writer who names a pain of their own. With no other sign (`alone`), pain said
        to be the same as for years is not new pain after seventy."""
        long_standing = alone and self._long_standing(text)
        ages = self.table["ages"]
        number = _expand(ages["number"], self.table["vocabulary"])
        found = []
        for match in re.finditer(number, text):
            value = next(g for g in match.groups() if g)
            if re.search(ages["carried"], text[: match.start()]):
                continue  # "I lift my 3 year old": the child is not the listener
            if own_pain and re.search(ages["helped"], text[: match.start()]):
                continue  # "helped my 80 year old neighbour move, now my back is sore": the writer's session
            years = int(value) if value.isdigit() else ages["years"][value]
            if 0 < years < CHILD_UNDER:
                found.append(Finding("child", match.group(0).strip()))
            elif years >= OLDER_FROM and years < 120 and not long_standing:
                found.append(Finding("older", match.group(0).strip()))
        said_of = ages["said_of"]
        newborn = re.search(rf"\b(?:{self.table['pregnancy_over']})\b", text)  # "8 weeks since I had my baby"
        if (
            listener
            and re.search(ages["child"], listener)
            and not newborn
            and not any(f.sign == "child" for f in found)
        ):
            found.append(Finding("child", said_of.format(listener=listener)))
        older = re.search(ages["older"], listener or "") or re.search(ages["older_self"], text)
        if older and not any(f.sign == "older" for f in found) and not long_standing:
            of_listener = listener and older.re.pattern == ages["older"]
            found.append(Finding("older", said_of.format(listener=listener) if of_listener else older.group(0)))
        return found[:1] + [f for f in found[1:] if f.sign != found[0].sign][:1]

    def _long_standing(self, text: str) -> bool:
        """Back pain said to be the same as for years ('like every spring', 'for years') and
        nothing said to be new or worse: the `older` sign is for new pain after seventy."""
        ages = self.table["ages"]
        return bool(re.search(ages["ongoing"], text)) and not re.search(ages["changed"], text)

    def pregnancy(self, sentences: list[_Sentence], listener: str | None, anyones: bool = False) -> Finding | None:
        over = re.compile(rf"\b(?:{self.table['pregnancy_over']})\b")
        if any(over.search(s.plain) for s in sentences):
            sentences = [s for s in sentences if not over.search(s.plain)]
        said = self.first(sentences, [row["match"] for row in self.table["pregnancy"]], listener, anyones)
        return Finding("pregnancy", said) if said else None

    def outside(self, sentences: list[_Sentence], listener: str | None, own_pain: bool) -> list[Outside]:
        """Complaints outside back care, named and not denied ("lower back, no headache"); beside
        the writer's own pain, another person's are theirs ("my husband has flu, my back aches
        from nursing him" gets no note about flu)."""
        found, taken = [], []  # an earlier row's words are not read again by a later, wider one
        for row in self.table["outside"]:
            for number, sentence in enumerate(sentences):
                match = next(
                    (
                        m
                        for m in _compiled(row["match"], self.language).finditer(sentence.plain)
                        if not self._denied_match(sentence, m)
                        and not (
                            own_pain and self._someone_else(sentence, _word_index(sentence.plain, m.start()), listener)
                        )
                    ),
                    None,
                )
                if match and not any(n == number and a < match.end() and match.start() < b for n, a, b in taken):
                    taken.append((number, match.start(), match.end()))
                    found.append((match.start(), Outside(match.group(0), row["about"], row["see"])))
                    break
        return [o for _, o in sorted(found, key=lambda x: x[0])]


def negated_before(words: list[str], language: str = SOURCE) -> bool:
    """Whether `words` end in a negation, right before what follows them ("no nausea", "sin
    náuseas", "keine Übelkeit", "pas de nausées": a negation then at most one article)."""
    negations = _phrases("negations", language)
    ends = (words, words[:-1]) if len(words) > 1 and len(words[-1]) <= 3 else (words,)
    return any(tail and any(tuple(tail[-len(p) :]) == p for p in negations) for tail in ends)


def _sentences_of(text: str, language: str = SOURCE) -> list[_Sentence]:
    """The sentences of `text` as read in `language` (for tests and tools)."""
    return _sentences(normalise(text, language))
