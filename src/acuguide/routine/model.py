"""The routine as the rest of the pipeline sees it: immutable, validated values."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..content.breathing import BreathingPattern
from ..content.points import Point, Posture, Pressure
from ..errors import Problem

AMBIENT_LEVEL = -20.0  # dB of the ambient bed relative to the speech


class Sides(Enum):
    TOGETHER = "together"
    EACH = "each"
    LEFT = "left"
    RIGHT = "right"


class BreathStyle(Enum):
    VOICE = "voice"  # "breathe in" ... "and out"
    COUNT = "count"  # "in, two, three, four", each count on its second
    TONE = "tone"  # a soft tone rising through the inhale and falling through the exhale


class Tool(Enum):
    """What presses the point: the words for pressing fit it (no 'circles' while lying on a ball)."""

    HANDS = "hands"
    BALL = "ball"
    ROLLER = "roller"
    GUN = "gun"


class Safety(Enum):
    FULL = "full"
    SHORT = "short"
    SCREENED = "screened"  # the listener answered acuguide's screening questions first: the red flags as a reminder
    OFF = "off"


@dataclass(frozen=True)
class Where:
    """Where a step was written, so compile errors can point back at it."""

    source: str
    line: int
    field: str


class Step:
    """One step of a routine as written: something said, a pause, guided breathing, a point
    held, or a group of steps done side by side. Each kind below is one."""

    __slots__ = ()


@dataclass(frozen=True)
class Say(Step):
    text: str
    where: Where


@dataclass(frozen=True)
class Pause(Step):
    seconds: float
    where: Where


@dataclass(frozen=True)
class Breathing:
    """How breathing is guided: which pattern, voiced how, for how many cycles."""

    pattern: BreathingPattern
    style: BreathStyle = BreathStyle.VOICE
    cycles: int | None = None  # None: for as long as there is room (a whole hold)


@dataclass(frozen=True)
class Breathe(Step):
    breathing: Breathing  # cycles always set
    where: Where


@dataclass(frozen=True)
class PointStep(Step):
    point: Point
    sides: Sides | None  # None for midline points, which have no sides
    hold: float
    repeat: int
    pressure: Pressure
    breathing: Breathing | None
    rest: float
    markers: tuple[float, ...] | None  # seconds left to announce; None: the default for the hold
    where: Where
    say: str | None = None  # replaces the library's spoken introduction
    tool: Tool = Tool.HANDS
    name: str | None = None
    find: str | None = None
    posture: Posture | None = None  # None: the point's own

    @property
    def placed(self) -> Posture:
        """How the listener is placed for this step: as written; else lying on a ball or a
        roller (against a wall is written `posture: standing`); else as the point says."""
        if self.posture:
            return self.posture
        return Posture.LYING if self.tool in (Tool.BALL, Tool.ROLLER) else self.point.posture


@dataclass(frozen=True)
class SideGroup(Step):
    """Steps done on one side, then all of them on the other: one change of side for the
    whole group (one ankle over the other knee once), not one per point.

    Its point steps carry the group's sides; the plan runs them once per side.
    """

    sides: Sides  # EACH, LEFT or RIGHT
    steps: tuple[Say | Pause | Breathe | PointStep, ...]
    where: Where
    switch_sides: str | None = None  # None: the built-in words, in the session's language


@dataclass(frozen=True)
class Voice:
    engine: str | None = None  # None: the best installed for the language
    name: str | None = None
    rate: int | None = None
    # What the voice speaks: its default voice, its normalisation, its cache key. Asked on the
    # command line (render --language), None is the routine's own; `voice_settings` always sets it.
    language: str | None = None


@dataclass(frozen=True)
class Bells:
    """Where a synthesized bowl sounds: before the session, between point steps, at the end."""

    start: bool = True
    steps: bool = True
    end: bool = True


@dataclass(frozen=True)
class Phrases:
    """The transitions a routine may reword."""

    release: str | None = None  # None: the built-in words, in the session's language
    switch_sides: str | None = None


@dataclass(frozen=True)
class Ambient:
    """A bed under the whole session: 'noise' (synthesized) or a path to an audio file."""

    source: str
    level: float = AMBIENT_LEVEL


@dataclass(frozen=True)
class Series:
    """A week of a program: the program's title and slug, the week, and how many weeks it has."""

    program: str
    slug: str
    week: int
    weeks: int


@dataclass(frozen=True)
class Routine:
    title: str
    summary: str
    slug: str
    source: str
    voice: Voice
    safety: Safety
    avoid: frozenset[str]
    intro: tuple[Step, ...]
    steps: tuple[Step, ...]
    outro: tuple[Step, ...]
    bells: Bells = Bells()
    phrases: Phrases = Phrases()
    ambient: Ambient | None = None
    notes: tuple[Problem, ...] = ()  # valid, but worth telling the author: check prints them
    default_hold: float | None = None  # defaults.hold as written: a program scales holds against it
    equipment: tuple[str, ...] = ()  # things to have at hand beyond the steps' tools (a chair, a partner)
    warning: str | None = None  # said before the shared safety note
    series: Series | None = None  # the program week this routine is, if it is one
    language: str = "en"  # the language every word of it is in: its own lines and the built-in wording

    @property
    def all_steps(self) -> tuple[Step, ...]:
        return self.intro + self.steps + self.outro

    @property
    def point_steps(self) -> tuple[PointStep, ...]:
        """Every point step, those inside groups too."""
        inner = (s for step in self.all_steps for s in (step.steps if isinstance(step, SideGroup) else (step,)))
        return tuple(s for s in inner if isinstance(s, PointStep))
