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

All the phrase tables are data, in content/screening.yaml; this module is only how they are read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

CHILD_UNDER, OLDER_FROM = 16, 70  # ages that need a doctor first: a child, or new pain past seventy


@dataclass(frozen=True)
class Finding:
    sign: str  # a key of the table's `signs`, or "pregnancy" or "thinners"
    said: str  # the words that matched, as made plain


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


@cache
def table() -> dict:
    """content/screening.yaml: the questions, the signs and every phrase table."""
    text = resources.files("acuguide.content").joinpath("screening.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def urgency_order() -> list[str]:
    return list(table()["urgency"])


def read(text: str) -> Reading:
    """Everything the words say: the red flags (with age and whose they are), pregnancy,
    blood thinners, and complaints outside back care."""
    sentences = _sentences(normalise(text))
    listener = _listener(sentences)
    flags = []
    for key, sign in table()["signs"].items():
        said = (
            _first(sentences, [row["match"] for row in sign["words"]], listener) if key != "pregnancy-signs" else None
        )
        if said:
            flags.append(Finding(key, said))
    flags += _ages(normalise(text), listener)
    pregnant = _pregnancy(sentences, listener)
    if pregnant:
        signs = table()["signs"]["pregnancy-signs"]
        said = _first(sentences, [row["match"] for row in signs["words"]], listener)
        if said:
            flags.append(Finding("pregnancy-signs", said))
    order = urgency_order()
    keys = list(table()["signs"])
    flags.sort(key=lambda f: (order.index(table()["signs"][f.sign]["urgency"]), keys.index(f.sign)))
    thinners_rows = table()["modifiers"]["thinners"]["words"]
    thinners = _first(sentences, [row["match"] for row in thinners_rows], listener)
    outside = tuple(_outside(sentences))
    return Reading(tuple(flags), pregnant, Finding("thinners", thinners) if thinners else None, outside)


def red_flags(text: str) -> list[Finding]:
    """Each red flag in `text`, once, the most urgent first."""
    return list(read(text).flags)


def pregnancy(text: str) -> Finding | None:
    """Pregnancy named, and not denied or over, in `text`."""
    return read(text).pregnancy


def normalise(text: str) -> str:
    """The words made plain: NFKC, lower case, straight quotes, dashes and signs as words,
    misspellings and abbreviations as the patterns expect them."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[\u2018\u2019\u02bc`´]", "'", text)
    text = re.sub(r"[\u2010-\u2015\u2212_~*]", " ", text)
    normal = table()["normal"]
    for phrase, plain in sorted(normal["phrases"].items(), key=lambda kv: -len(kv[0])):
        text = text.replace(phrase, f" {plain} ")
    text = re.sub(r"(?<=\w)-(?=\w)|\s-\s|-", " ", text)
    text = re.sub(r"(\d)(wks?|weeks?|mths?|months?|yrs?|years?|yo)\b", r"\1 \2", text)  # 28wks, 82yo
    words = normal["words"]
    return re.sub(r"[\w']+", lambda m: words.get(m.group(0), m.group(0)), text)


@dataclass(frozen=True)
class _Sentence:
    plain: str  # words and apostrophes, single spaces
    stops: frozenset[int]  # word indices that begin after a comma or similar pause


def _sentences(text: str) -> list[_Sentence]:
    found = []
    for part in re.split(r"(?:(?<!\d)\.|\.(?!\d)|[!?;:\n()\[\]{}])+", text):
        tokens = re.findall(r"\d+\.\d+|[\w']+|,|/", part)
        words: list[str] = []
        stops = set()
        for token in tokens:
            if token in (",", "/"):
                stops.add(len(words))
            else:
                words.append(token.strip("'") or token)
        if words:
            found.append(_Sentence(" ".join(words), frozenset(stops)))
    return found


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    vocabulary = table()["vocabulary"]
    expanded = re.sub(r"(?<!\(\?)<([a-z_]+)>", lambda m: f"(?:{vocabulary[m.group(1)]})", pattern)
    return re.compile(rf"\b(?:{expanded})\b")


@cache
def _phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """A list of the `context` table as word tuples, longest first."""
    return tuple(sorted((tuple(p.split()) for p in table()["context"][name]), key=len, reverse=True))


def _at(words: list[str], index: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """The length of the longest phrase of `phrases` starting at `words[index]`, or 0."""
    for phrase in phrases:
        if tuple(words[index : index + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _word_index(plain: str, offset: int) -> int:
    return plain[:offset].count(" ")


def _blocked(words: list[str], start: int, end: int, stops: frozenset[int]) -> bool:
    """Whether something between words[start:end] ends a negation's reach: a pause or a terminator."""
    terminators = _phrases("terminators")
    return any(i in stops or _at(words, i, terminators) for i in range(start + 1, end + 1) if i < len(words))


def _denied(sentence: _Sentence, first: int, last: int) -> bool:
    """Whether the words from `first` to `last` are negated or only feared (ConText's scope)."""
    words = sentence.plain.split()
    window = table()["context"]["window"]
    pseudo, negations, fears = _phrases("pseudo"), _phrases("negations"), _phrases("hypothetical")
    index = max(0, first - window)
    while index < first:
        skip = _at(words, index, pseudo)
        if skip:
            index += skip
            continue
        found = _at(words, index, negations) or _at(words, index, fears)
        if found and index + found <= first and not _blocked(words, index + found - 1, first, sentence.stops):
            return True
        index += 1
    after = words[last + 1 : last + 4]
    return bool(after) and (last + 1) not in sentence.stops and bool(_at(after, 0, _phrases("negations_after")))


def _someone_else(sentence: _Sentence, first: int, listener: str | None) -> bool:
    """A sign in a clause about another person ('my dad had cancer') or family history is theirs."""
    words = sentence.plain.split()
    start = first
    terminators = _phrases("terminators")
    while start > 0 and start not in sentence.stops and not _at(words, start - 1, terminators):
        start -= 1
    clause = " ".join(words[start : first + 6])
    if re.search(rf"\b(?:{table()['family_history']})\b", clause):
        return True
    mentioned = re.findall(rf"\b(?:my|our|me|his|her) ({table()['people']})\b", " ".join(words[start:first]))
    return bool(mentioned) and mentioned[-1] != listener


def _first(sentences: list[_Sentence], patterns: list[str], listener: str | None) -> str | None:
    """The first words one of `patterns` finds that are the listener's, affirmed."""
    for sentence in sentences:
        for pattern in patterns:
            for match in _compiled(pattern).finditer(sentence.plain):
                if not match.group(0).strip():
                    continue
                first = _word_index(sentence.plain, match.start())
                last = _word_index(sentence.plain, match.end() - 1)
                if not _denied(sentence, first, last) and not _someone_else(sentence, first, listener):
                    return match.group(0)
    return None


def _listener(sentences: list[_Sentence]) -> str | None:
    """Whom the session is for, when it is not the writer: 'my gran's back', 'for my son'."""
    people = table()["people"]
    body = r"(?:lower |upper |low |bad |sore )?(?:back|neck|shoulders?|hips?|spine|sciatica|pain|body|bum|tailbone)"
    for sentence in sentences:
        found = re.search(
            rf"\b(?:my|our|me) (?:\w+ )?({people})(?:'s| s) {body}\b"
            rf"|\b(?:for|helping|help|treat|massage|massaging) (?:my|our) (?:\w+ )?({people})\b"
            rf"|\b(?:my|our) (?:\w+ )?({people}) (?:\w+ )?(?:has|have|gets|got|is having|suffers from|complains of|keeps getting) "
            rf"(?:\w+ ){{0,2}}?(?:back|sciatica|neck|shoulder|hip)",
            sentence.plain,
        )
        if found:
            return next(g for g in found.groups() if g)
        mentioned = re.findall(rf"\b(?:my|our|me) (?:\w+ )?({people})\b", sentence.plain)
        if mentioned and re.search(
            rf"\b(?:her|his|their) {body}\b", sentence.plain
        ):  # "my wife is pregnant and her back aches"
            return mentioned[-1]
    return None


def _ages(text: str, listener: str | None) -> list[Finding]:
    """A child, or someone over seventy, named by age or by the words for them: an age said in
    a request is taken as the listener's, unless it is of someone being lifted or carried."""
    ages = table()["ages"]
    vocabulary = table()["vocabulary"]
    number = re.sub(r"<([a-z_]+)>", lambda m: f"(?:{vocabulary[m.group(1)]})", ages["number"])
    found = []
    for match in re.finditer(number, text):
        value = next(g for g in match.groups() if g)
        if re.search(
            r"\b(?:lift|lifting|lifted|carry|carrying|carried|pick up|picking up|holding|hold|chasing|with)(?: \w+){0,2}\s*$",
            text[: match.start()],
        ):
            continue  # "I lift my 3 year old": the child is not the listener
        if value.isdigit():
            years = int(value)
        else:
            years = {"teens": 13, "70s": 70, "seventies": 70, "80s": 80, "eighties": 80, "90s": 90, "nineties": 90}[
                value
            ]
        if 0 < years < CHILD_UNDER:
            found.append(Finding("child", match.group(0).strip()))
        elif years >= OLDER_FROM and years < 120:
            found.append(Finding("older", match.group(0).strip()))
    if listener and re.search(ages["child"], listener) and not any(f.sign == "child" for f in found):
        found.append(Finding("child", f"my {listener}"))
    older = re.search(ages["older"], listener or "") or re.search(ages["older_self"], text)
    if older and not any(f.sign == "older" for f in found):
        found.append(
            Finding("older", f"my {listener}" if listener and older.re.pattern == ages["older"] else older.group(0))
        )
    return found[:1] + [f for f in found[1:] if f.sign != found[0].sign][:1]


def _pregnancy(sentences: list[_Sentence], listener: str | None) -> Finding | None:
    over = re.compile(rf"\b(?:{table()['pregnancy_over']})\b")
    if any(over.search(s.plain) for s in sentences):
        sentences = [s for s in sentences if not over.search(s.plain)]
    said = _first(sentences, [row["match"] for row in table()["pregnancy"]], listener)
    return Finding("pregnancy", said) if said else None


def _outside(sentences: list[_Sentence]) -> list[Outside]:
    found = []
    for row in table()["outside"]:
        for sentence in sentences:
            match = _compiled(row["match"]).search(sentence.plain)
            if match:
                found.append((sentence.plain.index(match.group(0)), Outside(match.group(0), row["about"], row["see"])))
                break
    return [o for _, o in sorted(found, key=lambda x: x[0])]
