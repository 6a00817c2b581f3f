"""The sounds a timeline places, by key: the timeline names them, the audio stage makes them."""

from __future__ import annotations

BELL = "bell"


def tone_key(rising: bool, seconds: float) -> str:
    """A breathing tone that rises through an inhale or falls through an exhale: 'tone:rise:4'."""
    return f"tone:{'rise' if rising else 'fall'}:{seconds:g}"
