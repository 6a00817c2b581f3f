"""Compile a `Routine` into a `Script`: every spoken cue on one absolute timeline.

Compiling is two pure stages. `plan` turns the routine into what will be said and the
fixed windows of time (holds, breathing) with cues at fixed offsets inside them; it does not
depend on how long phrases take, so `Plan.phrases` tells the synthesizer what to speak
before any timing exists. `lay_out` then places everything on a timeline counted in samples,
using the measured length of each phrase. Silence is exact; a hold is exactly its length from
the end of "press" to the start of "release"; a phrase that does not fit its slot is an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import Enum

from .breathing import CUE_TEXT, BreathingPattern
from .errors import CompileError, Problem
from .points import Motion, Pressure
from .routine import Breathe, Pause, PointStep, Routine, Say, Sides, Step, Where
from .safety import safety_note
from .spoken import clean

SAMPLE_RATE = 22050
LEAD_IN = 0.5  # players clip the first moments of a file
TAIL = 2.0
GAP = 0.8  # between one spoken sentence and the next
SHORT_GAP = 0.4  # between a point's name and how to find it
BREATH_SETTLE = 1.0  # after "press", before the first breathing cue of a hold
MARKERS = (30.0, 10.0)  # "thirty seconds left", "ten seconds left"
MARKER_CLEARANCE = (1.5, 3.0)  # breathing cycles this close before/after a marker are left unsaid


class CueKind(Enum):
    TITLE = "title"
    SAFETY = "safety"
    SAY = "say"
    POINT = "point"
    PRESS = "press"
    RELEASE = "release"
    BREATH = "breath"
    MARKER = "marker"
    TRANSITION = "transition"


# ---- the plan: what is said, and the fixed windows of time ---------------------------


@dataclass(frozen=True)
class Speak:
    text: str
    kind: CueKind
    where: Where | None
    gap_after: float = GAP


@dataclass(frozen=True)
class Silence:
    seconds: float


@dataclass(frozen=True)
class Slotted:
    """A cue at a fixed offset in a window; its phrase must end within `slot` seconds."""

    offset: float
    slot: float
    text: str
    kind: CueKind
    slot_name: str


@dataclass(frozen=True)
class HoldLabel:
    point: str
    name: str
    side: str
    round: int


@dataclass(frozen=True)
class Window:
    seconds: float
    cues: tuple[Slotted, ...]
    where: Where
    hold: HoldLabel | None = None


Item = Speak | Silence | Window


@dataclass(frozen=True)
class Plan:
    routine: Routine
    items: tuple[Item, ...]

    @property
    def phrases(self) -> tuple[str, ...]:
        """Every distinct text to synthesize, in order of first use."""
        texts: dict[str, None] = {}
        for item in self.items:
            if isinstance(item, Speak):
                texts[item.text] = None
            elif isinstance(item, Window):
                texts.update((c.text, None) for c in item.cues)
        return tuple(texts)


_PRESS = {
    Pressure.GENTLE: "Press gently",
    Pressure.MODERATE: "Press with moderate pressure",
    Pressure.FIRM: "Press firmly",
}
_NUMBER_WORDS = {30: "Thirty", 10: "Ten"}


def plan(routine: Routine) -> Plan:
    items: list[Item] = [Speak(clean(f"{routine.title}."), CueKind.TITLE, None)]
    items += [Speak(clean(s), CueKind.SAFETY, None) for s in safety_note(routine)]
    for step in routine.all_steps:
        items += _plan_step(step)
    items.append(Speak("This is the end of the session.", CueKind.TRANSITION, None, gap_after=0.0))
    return Plan(routine, tuple(items))


def _plan_step(step: Step) -> list[Item]:
    if isinstance(step, Say):
        return [Speak(clean(step.text), CueKind.SAY, step.where)]
    if isinstance(step, Pause):
        return [Silence(step.seconds)]
    if isinstance(step, Breathe):
        cycles = _breathing_cues(step.pattern, 0.0, step.pattern.cycle * step.cycles)
        return [
            Speak(_describe(step.pattern), CueKind.TRANSITION, step.where),
            Window(step.pattern.cycle * step.cycles, cycles, step.where),
        ]
    return _plan_point(step)


def _describe(pattern: BreathingPattern) -> str:
    names = {"in": "in for", "hold": "hold for", "out": "out for", "hold_out": "hold for"}
    parts = [f"{names[phase.value]} {seconds:g}" for phase, seconds in pattern.phases]
    return clean(f"Breathe with me: {', '.join(parts)}")


def _plan_point(step: PointStep) -> list[Item]:
    point = step.point
    items: list[Item] = []
    if step.say:
        items.append(Speak(clean(step.say), CueKind.POINT, step.where))
    else:
        name = step.name or f"{point.english}, {point.spoken_code}"
        items.append(Speak(clean(name), CueKind.POINT, step.where, SHORT_GAP))
        items.append(Speak(clean(step.find or point.find), CueKind.POINT, step.where))
    sides = {
        None: ("center",),
        Sides.TOGETHER: ("both",),
        Sides.EACH: ("left", "right"),
        Sides.LEFT: ("left",),
        Sides.RIGHT: ("right",),
    }[step.sides]
    press = _PRESS[step.pressure] + (", in small, slow circles." if point.motion is Motion.CIRCLES else ".")
    rounds = [(r, side) for r in range(1, step.repeat + 1) for side in sides]
    for index, (round_no, side) in enumerate(rounds):
        lead = _lead_in(step, side, round_no)
        if lead:
            items.append(Speak(lead, CueKind.TRANSITION, step.where))
        items.append(Speak(press, CueKind.PRESS, step.where, gap_after=0.0))
        inside = _hold_cues(step.breathing, step.hold)
        label = HoldLabel(point.code, point.english, side, round_no)
        items.append(Window(step.hold, inside, step.where, label))
        last = index == len(rounds) - 1
        items.append(Speak("And release.", CueKind.RELEASE, step.where, gap_after=GAP if last else 0.0))
        if not last and step.rest > 0:
            items.append(Silence(step.rest))
    return items


def _lead_in(step: PointStep, side: str, round_no: int) -> str | None:
    """What is said before each press: which side, which round."""
    if side == "right" and step.sides is Sides.EACH:
        return "Now the right side, the same spot."
    if round_no > 1:
        return f"Round {round_no} of {step.repeat}" + (", left side." if step.sides is Sides.EACH else ".")
    return {
        Sides.EACH: "Start on the left side.",
        Sides.TOGETHER: None if step.say else "Use both hands, one on each side.",  # a `say` tells how
        Sides.LEFT: "Use the left side.",
        Sides.RIGHT: "Use the right side.",
        None: None,
    }[step.sides]


def _hold_cues(pattern: BreathingPattern | None, hold: float) -> tuple[Slotted, ...]:
    markers = [m for m in MARKERS if hold >= 3 * m]  # short holds keep their breathing
    marker_cues = [
        Slotted(hold - m, 0.0, f"{_NUMBER_WORDS[int(m)]} seconds left.", CueKind.MARKER, "")
        for m in markers
    ]
    breath_cues: tuple[Slotted, ...] = ()
    if pattern is not None:
        lo, hi = MARKER_CLEARANCE
        clear = [(hold - m - lo, hold - m + hi) for m in markers]
        breath_cues = _breathing_cues(pattern, BREATH_SETTLE, hold, avoid=clear)
    return _close_slots(sorted([*breath_cues, *marker_cues], key=lambda c: c.offset), hold)


def _breathing_cues(
    pattern: BreathingPattern, start: float, end: float, avoid: list[tuple[float, float]] = ()
) -> tuple[Slotted, ...]:
    """One cue per phase of every whole cycle in [start, end) that stays clear of `avoid`.

    Whole cycles only: a listener following with closed eyes is never told to breathe in
    and then left without the out.
    """
    cues: list[Slotted] = []
    t = start
    while t + pattern.cycle <= end + 1e-9:
        if not any(t < hi and t + pattern.cycle > lo for lo, hi in avoid):
            offset = t
            for phase, seconds in pattern.phases:
                name = f"the {phase.slot_name} of pattern '{pattern.name}' ({seconds:g} s)"
                cues.append(Slotted(offset, seconds, CUE_TEXT[phase], CueKind.BREATH, name))
                offset += seconds
        t += pattern.cycle
    return _close_slots(cues, end)


def _close_slots(cues: list[Slotted] | tuple[Slotted, ...], end: float) -> tuple[Slotted, ...]:
    """Each cue must also end before the next cue (or the window's end) begins."""
    closed = []
    for i, cue in enumerate(cues):
        room = (cues[i + 1].offset if i + 1 < len(cues) else end) - cue.offset
        if cue.slot and cue.slot <= room:
            closed.append(cue)
        else:
            closed.append(replace(cue, slot=room, slot_name="the time before the next cue"))
    return tuple(closed)


# ---- the layout: the timeline in samples --------------------------------------------


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    kind: CueKind
    text: str
    step: str


@dataclass(frozen=True)
class Hold:
    point: str
    name: str
    side: str
    round: int
    start: int
    end: int
    step: str


@dataclass(frozen=True)
class Script:
    title: str
    summary: str
    slug: str
    source: str
    sample_rate: int
    length: int
    cues: tuple[Cue, ...]
    holds: tuple[Hold, ...]

    def seconds(self, samples: int) -> float:
        return samples / self.sample_rate

    @property
    def duration(self) -> float:
        return self.seconds(self.length)


def lay_out(plan_: Plan, lengths: Mapping[str, int], sample_rate: int = SAMPLE_RATE) -> Script:
    """Place the plan on a timeline, given each phrase's length in samples."""
    routine = plan_.routine

    def samples(seconds: float) -> int:
        return round(seconds * sample_rate)

    cues: list[Cue] = []
    holds: list[Hold] = []
    problems: list[Problem] = []
    t = samples(LEAD_IN)
    for item in plan_.items:
        if isinstance(item, Speak):
            step = item.where.field if item.where else ""
            cues.append(Cue(t, t + lengths[item.text], item.kind, item.text, step))
            t += lengths[item.text] + samples(item.gap_after)
        elif isinstance(item, Silence):
            t += samples(item.seconds)
        else:
            for cue in item.cues:
                start, length = t + samples(cue.offset), lengths[cue.text]
                if length > samples(cue.slot):
                    problems.append(_unfit(item.where, cue, length / sample_rate))
                cues.append(Cue(start, start + length, cue.kind, cue.text, item.where.field))
            end = t + samples(item.seconds)
            if item.hold:
                h = item.hold
                holds.append(Hold(h.point, h.name, h.side, h.round, t, end, item.where.field))
            t = end
    if problems:
        raise CompileError(problems)
    return Script(
        title=routine.title,
        summary=routine.summary,
        slug=routine.slug,
        source=routine.source,
        sample_rate=sample_rate,
        length=t + samples(TAIL),
        cues=tuple(cues),
        holds=tuple(holds),
    )


def _unfit(where: Where, cue: Slotted, seconds: float) -> Problem:
    return Problem(
        where.source,
        where.line,
        where.field,
        f"the phrase {cue.text!r} takes {seconds:.2f} s but {cue.slot_name} leaves only {cue.slot:.2f} s "
        f"at {cue.offset:g} s; lengthen the pattern or the hold, or speak faster (voice rate)",
    )
