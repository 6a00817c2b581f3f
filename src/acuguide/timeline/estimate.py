"""Lengths before anything is spoken: a phrase's time from its words and the pace.

`acuguide script`, `routines` and the composer lay sessions out before (or without) speaking
them. Every engine is calibrated so that `rate` is its real pace on the shipped phrases
(scripts/bench_voices.py --calibrate), so one estimate serves them all.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .layout import SAMPLE_RATE, Script, Speaker, lay_out
from .plan import Plan

PHRASE_PAD = 0.5  # seconds a phrase takes beyond its words: its onset and its final fall


# Scripts written without spaces between words (Chinese, Japanese): a word is counted as two
# characters, as reading rates in words and in characters compare (about 1.5 to 2 a word).
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CHARACTERS_A_WORD = 2
UNSPACED_PUNCTUATION = re.compile(r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f]")  # 。、，：？ are not words


def word_count(text: str) -> float:
    """The words of a phrase, for its pace: space-separated words, and unspaced characters by two."""
    unspaced = len(UNSPACED.findall(text))
    spaced = UNSPACED_PUNCTUATION.sub(" ", UNSPACED.sub(" ", text)).split()
    return len(spaced) + unspaced / CHARACTERS_A_WORD


def estimate_seconds(text: str, rate: int) -> float:
    """How long a phrase takes at `rate` words per minute, before it is spoken."""
    return word_count(text) * 60 / rate + PHRASE_PAD


def lay_out_estimated(
    plan: Plan, known: Mapping[str, int], rate: int, speaker: Speaker | None, sounds: Mapping[str, int]
) -> Script:
    """Lay out with the phrase lengths `known` (in samples), estimates for the rest, and the
    lengths of the plan's `sounds` (made by the audio stage, which knows how they sound)."""
    missing = frozenset(plan.phrases) - known.keys()
    lengths = {**known, **{text: round(estimate_seconds(text, rate) * SAMPLE_RATE) for text in missing}, **sounds}
    return lay_out(plan, lengths, SAMPLE_RATE, speaker, missing)
