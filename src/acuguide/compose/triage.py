"""Read what a person wrote for what acupressure must not answer: red flags, and pregnancy.

People say what hurts in their own words ("lower back, and I fell off a ladder last week").
A few signs beside back pain need a doctor before anyone presses anything, and pregnancy
changes which points may be pressed. The words to look for are in `wording` (a second
language brings its own); here is only how they are looked for, kept simple enough to read:
a pattern found in a clause counts, unless a negation ("no", "not", "without", "don't") comes
within a few words before it in the same clause. Doubt ("not sure if...") is not denial, and
a clause ends at punctuation and at "and" or "but", so "no fever and chest pain" still finds
the chest pain. Where the words are unclear, the reading errs toward a doctor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..content import wording

NEGATION_WINDOW = 4  # words before a match in which a negation makes it not so: "I don't have a fever"


@dataclass(frozen=True)
class Finding:
    sign: str  # a key of wording.TRIAGE_RED_FLAGS, or "pregnancy"
    said: str  # the words that matched, lower-cased


def red_flags(text: str) -> list[Finding]:
    """Each red flag in `text`, once, in the order of wording.TRIAGE_RED_FLAGS (the most urgent first)."""
    found = []
    for sign, patterns in wording.TRIAGE_RED_FLAG_WORDS.items():
        said = _first(text, patterns)
        if said:
            found.append(Finding(sign, said))
    return found


def pregnancy(text: str) -> Finding | None:
    """Pregnancy named, and not denied, in `text`: 'I'm pregnant', '32 weeks pregnant', 'might be pregnant'."""
    said = _first(text, wording.TRIAGE_PREGNANCY_WORDS)
    return Finding("pregnancy", said) if said else None


def clauses(text: str) -> list[str]:
    """The lower-cased clauses of `text`, each with single spaces and doubt marked as 'unsure'."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("-", " ")
    for hedge in wording.TRIAGE_HEDGES:
        text = re.sub(rf"\b{re.escape(hedge)}\b", "unsure", text)
    breaks = "|".join(re.escape(word) for word in wording.TRIAGE_CLAUSE_BREAKS)
    parts = re.split(rf"[^\w' ]+|\b(?:{breaks})\b", text)
    return [" ".join(part.split()) for part in parts if part.strip()]


def _first(text: str, patterns: tuple[str, ...]) -> str | None:
    """The first words in `text` that one of `patterns` matches with no negation just before them."""
    for clause in clauses(text):
        for pattern in patterns:
            for match in _compiled(pattern).finditer(clause):
                before = clause[: match.start()].split()[-NEGATION_WINDOW:]
                if not any(word in wording.TRIAGE_NEGATIONS for word in before):
                    return match.group(0)
    return None


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b")
