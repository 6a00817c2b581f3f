"""Breathing patterns: the phases a listener breathes through, in seconds."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

SETTLE = 1.0  # seconds after "press" before the first breathing cue of a hold


class Phase(Enum):
    IN = "in"
    HOLD = "hold"
    OUT = "out"
    HOLD_OUT = "hold_out"

    @property
    def slot_name(self) -> str:
        """How a compile error names the slot: 'the inhale', 'the hold after exhaling'."""
        return {
            Phase.IN: "inhale",
            Phase.HOLD: "hold after inhaling",
            Phase.OUT: "exhale",
            Phase.HOLD_OUT: "hold after exhaling",
        }[self]


@dataclass(frozen=True)
class BreathingPattern:
    name: str
    phases: tuple[tuple[Phase, float], ...]

    @property
    def cycle(self) -> float:
        return sum(seconds for _, seconds in self.phases)


def pattern(name: str, inhale: float, hold: float, exhale: float, hold_out: float = 0.0) -> BreathingPattern:
    phases = ((Phase.IN, inhale), (Phase.HOLD, hold), (Phase.OUT, exhale), (Phase.HOLD_OUT, hold_out))
    return BreathingPattern(name, tuple((p, s) for p, s in phases if s > 0))


BUILTIN = {
    p.name: p
    for p in (
        pattern("calm", 4, 0, 6),
        pattern("box", 4, 4, 4, 4),
        pattern("4-7-8", 4, 7, 8),
        pattern("coherent", 5.5, 0, 5.5),
    )
}
