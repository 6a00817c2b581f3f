"""The routine format as one table: every field with its type, range, default and help.

The loader reads allowed keys, ranges and defaults from here and quotes the help in its
errors, so the format is written down once; a JSON Schema can be generated from the same
rows, so it cannot drift from what the loader accepts.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..content.points import CONDITIONS, Pressure
from ..speech.registry import DEFAULT_ENGINE, ENGINE_NAMES
from .model import AMBIENT_LEVEL, BreathStyle, Safety, Sides, Tool

MAX_HOLD = 10 * 60
MAX_PAUSE = 60 * 60


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # text, duration, integer, number, choice, flag, list, mapping, breathing, steps, group, group steps
    help: str
    range: tuple[float, float] | None = None
    choices: tuple[str, ...] = ()
    default: object = None
    required: bool = False
    table: Table | None = None  # the fields of a mapping (or of a breathing or step object)

    @classmethod
    def choice(cls, name: str, enum: type[Enum] | tuple[str, ...], help: str, default: object = None, required: bool = False) -> Field:
        values = tuple(str(m.value) for m in enum) if isinstance(enum, type) else enum
        return cls(name, "choice", help, choices=values, default=default, required=required)


@dataclass(frozen=True)
class Table:
    """The fields of one mapping in a routine: the file itself, `voice`, `defaults`, a point step..."""

    name: str
    fields: tuple[Field, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.required)

    def __getitem__(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


BREATHING_HELP = "a pattern name (calm, box, 4-7-8, coherent, your own, or none), or {pattern, style, cycles}"

BREATHING = Table("breathing", (
    Field("pattern", "text", "a pattern name", required=True),
    Field.choice("style", BreathStyle, "voice, count or tone", default="voice"),
    Field("cycles", "integer", "how many cycles; default: as many as fit", range=(1, 100)),
))  # fmt: skip

VOICE = Table("voice", (
    Field.choice("engine", ENGINE_NAMES, "the speech engine; acuguide voices lists them", default=DEFAULT_ENGINE),
    Field("name", "text", "a voice of the engine: en-us+klatt4 (espeak), joe or a .onnx file (piper)"),
    Field("rate", "integer", "speaking rate in words per minute", range=(80, 400)),
))  # fmt: skip

DEFAULTS = Table("defaults", (
    Field("hold", "duration", "how long each point is held; default: the point's typical hold", range=(1, MAX_HOLD)),
    Field.choice("pressure", Pressure, "how hard to press; default: the point's own"),
    Field("breathing", "breathing", BREATHING_HELP, default="calm", table=BREATHING),
    Field("rest", "duration", "silence between repeats and between sides", range=(0, MAX_PAUSE), default=10.0),
    Field("markers", "list", "time-left announcements inside holds, like [30s, 10s]; [] for none", range=(1, MAX_HOLD)),
    Field.choice("tool", Tool, "what presses the points: hands, ball, roller or gun; the words for pressing fit it", default="hands"),
))  # fmt: skip

POINT = Table("point step", (
    Field("point", "text", "a point code in any spelling: BL23, B23, bl 23", required=True),
    Field.choice("sides", Sides, "which sides; midline points have none", default="each"),
    Field("hold", "duration", DEFAULTS["hold"].help, range=(1, MAX_HOLD)),
    Field("repeat", "integer", "how many rounds", range=(1, 20), default=1),
    *(f for f in DEFAULTS.fields if f.name != "hold"),
    Field("say", "text", "replaces everything said to introduce the point"),
    Field("name", "text", "replaces the point's spoken name"),
    Field("find", "text", "replaces how to find the point"),
))  # fmt: skip

PATTERN = Table("breathing pattern", (
    Field("in", "duration", "seconds breathing in", range=(0.5, 60), required=True),
    Field("hold", "duration", "seconds holding after breathing in", range=(0.5, 60)),
    Field("out", "duration", "seconds breathing out", range=(0.5, 60), required=True),
    Field("hold_out", "duration", "seconds holding after breathing out", range=(0.5, 60)),
))  # fmt: skip

BELLS = Table("bells", (
    Field("start", "flag", "a bell before the session", default=True),
    Field("steps", "flag", "a bell between point steps", default=True),
    Field("end", "flag", "a bell at the end", default=True),
))  # fmt: skip

AMBIENT = Table("ambient", (
    Field("sound", "text", "noise, off, or an audio file relative to the routine", required=True),
    Field("level", "number", "dB below the speech", range=(-60, 0), default=AMBIENT_LEVEL),
))  # fmt: skip

PHRASES = Table("phrases", (
    Field("release", "text", "said at the end of every hold"),
    Field("switch_sides", "text", "said before the right side of a step done on each side"),
))  # fmt: skip

GROUP = Table("group of steps", (
    Field("steps", "group steps", "say, pause, breathe and point steps, all done on one side before the other", required=True),
    Field.choice("sides", (Sides.EACH.value, Sides.LEFT.value, Sides.RIGHT.value),
                 "each: all the steps on the left, then all on the right; or left or right only", required=True),
    Field("switch_sides", "text", "said once before the right side; default: a plain 'now the right side'"),
))  # fmt: skip

STEP = Table("step", (
    Field("say", "text", "words to speak"),
    Field("pause", "duration", "silence", range=(0.1, MAX_PAUSE)),
    Field("breathe", "breathing", "guided breathing: {pattern, style, cycles}; cycles default to 3", table=BREATHING),
    Field("point", "text", "a point to press, with the point step's other fields beside it"),
    Field("steps", "group", "steps grouped by side, with sides: each beside it: both feet's points on the left, then on the right",
          table=GROUP),
))  # fmt: skip
STEP_KINDS = STEP.keys
OFF = ("off", "none", "no", "false")  # one vocabulary for "off" everywhere a thing can be turned off
ON = ("on", "yes", "true")
PAUSE = STEP["pause"]

TOP = Table("the file", (
    Field("title", "text", "the session's title, spoken first", required=True),
    Field("summary", "text", "one line about the session, for players and feeds"),
    Field("voice", "mapping", "which engine, voice and rate speak it", table=VOICE),
    Field.choice("safety", Safety, "the spoken safety note: full, short or off", default="full"),
    Field("avoid", "list", f"conditions whose avoided points are refused: {', '.join(CONDITIONS)}", choices=tuple(CONDITIONS)),
    Field("equipment", "list", "what else to have at hand, said at the start with the steps' tools: [a chair, a partner]"),
    Field("defaults", "mapping", "settings for every point step", table=DEFAULTS),
    Field("breathing", "patterns", "your own breathing patterns, like slow: {in: 5, out: 7}", table=PATTERN),
    Field("bells", "mapping", "on, off, or {start, steps, end}", table=BELLS),
    Field("ambient", "mapping", "a bed under the session: noise, off, a file, or {sound, level}", table=AMBIENT),
    Field("phrases", "mapping", "rewording of release and switch_sides", table=PHRASES),
    Field("intro", "steps", "steps before the main ones"),
    Field("steps", "steps", "the session's steps: say, pause, breathe, point, or steps grouped by side", required=True),
    Field("outro", "steps", "steps after the main ones"),
))  # fmt: skip
