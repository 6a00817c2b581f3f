"""The sounds a timeline places, by key: the timeline names them, the audio stage makes them.

A session's clips are keyed by what they are: a phrase by its text, a sound by its key. The
keys are written in double brackets, which no spoken text can contain (the loader refuses
`[[` as speech-engine markup, and no built-in wording has it), so a step that says "bell"
is spoken, never replaced by the bell.
"""

from __future__ import annotations

import re

BELL = "[[bell]]"
_TONE = re.compile(r"\[\[tone:(rise|fall):([0-9.]+)\]\]")


def tone_key(rising: bool, seconds: float) -> str:
    """A breathing tone that rises through an inhale or falls through an exhale: '[[tone:rise:4]]'."""
    return f"[[tone:{'rise' if rising else 'fall'}:{seconds:g}]]"


def tone_of(key: str) -> tuple[bool, float] | None:
    """(rising, seconds) of a tone's key; None for any other key."""
    found = _TONE.fullmatch(key)
    return (found.group(1) == "rise", float(found.group(2))) if found else None
