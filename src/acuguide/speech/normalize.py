"""Text as an engine should read it: small pure functions applied in order.

eSpeak reads what it is given literally: 'BL23' becomes 'bee-ell twenty-three', '2cm'
'two cee-em', and a phrase without final punctuation ends on a rising tone. Each function
fixes one such thing and has in/out tests of its own.

English keeps its digits (both English voices read them well, and the English output is
fixed by golden files). In any other language no digit reaches the engine: a point code is
the channel's name from the catalog and the number in words ('Blase dreiundzwanzig'), and
every other number is spelled in the language, since a voice may read digits in English.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..content.catalog import SOURCE, spell_number, translator
from ..content.points import CHANNELS


def collapse_whitespace(text: str) -> str:
    return " ".join(text.split())


def expand_point_codes(text: str) -> str:
    """'BL23' -> 'Bladder 23', 'LI-4' -> 'Large Intestine 4'."""
    pattern = r"\b(" + "|".join(CHANNELS) + r")[\s-]?(\d+)\b"
    return re.sub(pattern, lambda m: f"{CHANNELS[m.group(1)]} {m.group(2)}", text)


_UNITS = {"cm": "centimetres", "mm": "millimetres", "s": "seconds", "sec": "seconds", "min": "minutes"}


def expand_units(text: str) -> str:
    """'2cm' -> '2 centimetres', '30 s' -> '30 seconds' (and '1 s' -> '1 second')."""

    def spell(match: re.Match[str]) -> str:
        number, unit = match.group(1), _UNITS[match.group(2)]
        return f"{number} {unit[:-1] if number == '1' else unit}"

    return re.sub(r"\b(\d+(?:\.\d+)?)\s?(cm|mm|sec|min|s)\b(?!\w)", spell, text)


_ABBREVIATIONS = {
    "e.g.": "for example",
    "i.e.": "that is",
    "approx.": "about",
    "etc.": "and so on",
    "&": "and",
}


def expand_abbreviations(text: str) -> str:
    for short, long in _ABBREVIATIONS.items():
        text = re.sub(r"(?<!\w)" + re.escape(short) + r"(?!\w)", long, text, flags=re.IGNORECASE)
    return text


def parentheses_to_commas(text: str) -> str:
    """Speech has no brackets: '(two finger widths)' becomes an aside between commas."""
    text = re.sub(r"\s*\(([^()]*)\)\s*([.,;:!?]?)", lambda m: f", {m.group(1)}{m.group(2) or ','} ", text)
    return collapse_whitespace(text).replace(", .", ".").replace(",.", ".").rstrip(",")


def spell_number_sequences(text: str) -> str:
    """'4-7-8' is a rhythm, not a subtraction: read it as '4, 7, 8'."""
    return re.sub(r"\b\d+(?:-\d+)+\b", lambda m: ", ".join(m.group(0).split("-")), text)


SENTENCE_ENDS = ".!?。！？।"  # Latin, Chinese and Devanagari full stops and marks


def end_with_punctuation(text: str) -> str:
    """Without a final stop eSpeak ends on a rising, questioning tone."""
    return text if not text or text[-1] in SENTENCE_ENDS else text.rstrip(",;:，、") + "."


def point_codes_in(language: str) -> Callable[[str], str]:
    """'BL23' -> 'Blase dreiundzwanzig': the channel's name from the catalog, the number in words."""
    t = translator(language)
    pattern = r"\b(" + "|".join(CHANNELS) + r")[\s-]?(\d+)\b"

    def expand(text: str) -> str:
        return re.sub(pattern, lambda m: f"{t(CHANNELS[m.group(1)])} {spell_number(int(m.group(2)), language)}", text)

    return expand


def numbers_in(language: str) -> Callable[[str], str]:
    """Every number left in words of the language: '10' -> 'diez', '1.5' -> 'un virgule cinq'."""

    def spell(text: str) -> str:
        return re.sub(
            r"\d+(?:[.,]\d+)?",
            lambda m: spell_number(float(m.group(0).replace(",", ".")) if m.group(0)[-1:].isdigit() else 0, language),
            text,
        )

    return spell


PRE_PROCESSORS: tuple[Callable[[str], str], ...] = (
    collapse_whitespace,
    expand_abbreviations,
    expand_point_codes,
    expand_units,
    spell_number_sequences,
    parentheses_to_commas,
    end_with_punctuation,
)


def steps_for(language: str) -> tuple[Callable[[str], str], ...]:
    """The normalisation of a language: English's as it always was; others with no English
    abbreviations or units, and every number in words."""
    if language == SOURCE:
        return PRE_PROCESSORS
    return (
        collapse_whitespace,
        point_codes_in(language),
        spell_number_sequences,
        numbers_in(language),
        parentheses_to_commas,
        end_with_punctuation,
    )


def clean(text: str, language: str = SOURCE) -> str:
    for step in steps_for(language):
        text = step(text)
    return text
