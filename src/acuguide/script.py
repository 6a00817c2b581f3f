"""Compile a `Routine` into a `Script`: every spoken cue on one absolute timeline.

Compiling is two pure stages. `plan` turns the routine into what will be said and the
fixed windows of time (holds, breathing) with cues at fixed offsets inside them; it does not
depend on how long phrases take, so `Plan.phrases` tells the synthesizer what to speak
before any timing exists. `lay_out` then places everything on a timeline counted in samples,
using the measured length of each phrase. Silence is exact; a hold is exactly its length from
the end of "press" to the start of "release"; a phrase that does not fit its slot is an error.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import Enum

from . import sounds, speech
from .breathing import CUE_TEXT, Phase
from .errors import CompileError, Problem
from .points import Motion, Pressure
from .routine import Breathe, Breathing, BreathStyle, Pause, PointStep, Routine, Say, Sides, Step, Where
from .safety import safety_note
from .spoken import clean

SAMPLE_RATE = speech.SAMPLE_RATE  # the rate eSpeak NG speaks at; timelines count these samples
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
    BELL = "bell"
    TONE = "tone"


# ---- the plan: what is said, and the fixed windows of time ---------------------------


@dataclass(frozen=True)
class Speak:
    """A cue placed after the one before. `sound` names a synthesized sound instead of speech."""

    text: str
    kind: CueKind
    where: Where | None
    gap_after: float = GAP
    sound: str | None = None


@dataclass(frozen=True)
class Silence:
    seconds: float


@dataclass(frozen=True)
class ChapterStart:
    """A chapter starts here (ID3 chapters let a listener skip to a point)."""

    title: str


@dataclass(frozen=True)
class Slotted:
    """A cue at a fixed offset in a window; it must end within `slot` seconds."""

    offset: float
    slot: float
    text: str
    kind: CueKind
    slot_name: str
    sound: str | None = None


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


Item = Speak | Silence | ChapterStart | Window


@dataclass(frozen=True)
class Plan:
    routine: Routine
    items: tuple[Item, ...]

    def _cues(self):
        for item in self.items:
            if isinstance(item, Speak):
                yield item
            elif isinstance(item, Window):
                yield from item.cues

    @property
    def phrases(self) -> tuple[str, ...]:
        """Every distinct text to synthesize, in order of first use."""
        return tuple(dict.fromkeys(c.text for c in self._cues() if c.sound is None))

    @property
    def sounds(self) -> tuple[str, ...]:
        """Every distinct synthesized sound (bells, tones)."""
        return tuple(dict.fromkeys(c.sound for c in self._cues() if c.sound is not None))


_PRESS = {
    Pressure.GENTLE: "Press gently",
    Pressure.MODERATE: "Press with moderate pressure",
    Pressure.FIRM: "Press firmly",
}
_COUNTS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_COUNT_WORD = {Phase.IN: "In.", Phase.HOLD: "Hold.", Phase.OUT: "Out.", Phase.HOLD_OUT: "Hold."}


def plan(routine: Routine) -> Plan:
    items: list[Item] = [ChapterStart(f"{routine.title}: introduction")]
    if routine.bells.start:
        items.append(_bell())
    items.append(Speak(clean(f"{routine.title}."), CueKind.TITLE, None))
    items += [Speak(clean(s), CueKind.SAFETY, None) for s in safety_note(routine)]
    first_point = True
    for step in routine.all_steps:
        step_items = _plan_step(step, routine)
        if isinstance(step, PointStep):
            if routine.bells.steps and not first_point:
                step_items.insert(1, _bell(step.where))  # just inside the point's chapter
            first_point = False
        items += step_items
    items.append(ChapterStart("End"))
    items.append(Speak("This is the end of the session.", CueKind.TRANSITION, None))
    if routine.bells.end:
        items.append(_bell())
    items[-1] = replace(items[-1], gap_after=0.0)  # the tail follows the last sound
    return Plan(routine, tuple(items))


def _bell(where: Where | None = None) -> Speak:
    return Speak("(bell)", CueKind.BELL, where, gap_after=1.0, sound=sounds.BELL)


def _plan_step(step: Step, routine: Routine) -> list[Item]:
    if isinstance(step, Say):
        return [ChapterStart(_chapter_text(step.text)), Speak(clean(step.text), CueKind.SAY, step.where)]
    if isinstance(step, Pause):
        return [Silence(step.seconds)]
    if isinstance(step, Breathe):
        breathing = step.breathing
        seconds = breathing.pattern.cycle * breathing.cycles  # type: ignore[operator]
        return [
            ChapterStart(f"Breathing: {breathing.pattern.name}"),
            Speak(_describe(breathing), CueKind.TRANSITION, step.where),
            Window(seconds, _breathing_cues(breathing, 0.0, seconds), step.where),
        ]
    return _plan_point(step, routine)


def _chapter_text(text: str, words: int = 6) -> str:
    parts = text.split()
    return " ".join(parts[:words]).rstrip(",.;:") + ("..." if len(parts) > words else "")


def _describe(breathing: Breathing) -> str:
    if breathing.style is BreathStyle.TONE:
        return "Follow the tone: breathe in as it rises, and out as it falls."
    names = {"in": "in for", "hold": "hold for", "out": "out for", "hold_out": "hold for"}
    parts = [f"{names[phase.value]} {seconds:g}" for phase, seconds in breathing.pattern.phases]
    return clean(f"Breathe with me: {', '.join(parts)}")


def _plan_point(step: PointStep, routine: Routine) -> list[Item]:
    point = step.point
    sides = {
        None: ("center",),
        Sides.TOGETHER: ("both",),
        Sides.EACH: ("left", "right"),
        Sides.LEFT: ("left",),
        Sides.RIGHT: ("right",),
    }[step.sides]
    rounds = [(r, side) for r in range(1, step.repeat + 1) for side in sides]
    items: list[Item] = [ChapterStart(_chapter_title(step, *rounds[0]))]
    if step.say:
        items.append(Speak(clean(step.say), CueKind.POINT, step.where))
    else:
        name = step.name or f"{point.english}, {point.spoken_code}"
        items.append(Speak(clean(name), CueKind.POINT, step.where, SHORT_GAP))
        items.append(Speak(clean(step.find or point.find), CueKind.POINT, step.where))
    press = _PRESS[step.pressure] + (", in small, slow circles." if point.motion is Motion.CIRCLES else ".")
    for index, (round_no, side) in enumerate(rounds):
        if index:
            items.append(ChapterStart(_chapter_title(step, round_no, side)))
        lead = _lead_in(step, side, round_no, routine)
        if lead:
            items.append(Speak(clean(lead), CueKind.TRANSITION, step.where))
        items.append(Speak(press, CueKind.PRESS, step.where, gap_after=0.0))
        inside = _hold_cues(step)
        label = HoldLabel(point.code, point.english, side, round_no)
        items.append(Window(step.hold, inside, step.where, label))
        last = index == len(rounds) - 1
        release = clean(routine.phrases.release)
        items.append(Speak(release, CueKind.RELEASE, step.where, gap_after=GAP if last else 0.0))
        if not last and step.rest > 0:
            items.append(Silence(step.rest))
    return items


def _chapter_title(step: PointStep, round_no: int, side: str) -> str:
    """Like 'BL23 Sea of Vitality, left, round 2'."""
    title = f"{step.point.code} {step.point.english}"
    title += f", {side}" if side in ("left", "right") else ""
    return title + (f", round {round_no}" if step.repeat > 1 else "")


def _lead_in(step: PointStep, side: str, round_no: int, routine: Routine) -> str | None:
    """What is said before each press: which side, which round."""
    if side == "right" and step.sides is Sides.EACH:
        return routine.phrases.switch_sides
    if round_no > 1:
        return f"Round {round_no} of {step.repeat}" + (", left side." if step.sides is Sides.EACH else ".")
    return {
        Sides.EACH: "Start on the left side.",
        Sides.TOGETHER: None if step.say else "Use both hands, one on each side.",  # a `say` tells how
        Sides.LEFT: "Use the left side.",
        Sides.RIGHT: "Use the right side.",
        None: None,
    }[step.sides]


def _time_left(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    parts = [f"{minutes} minute{'s' if minutes != 1 else ''}"] if minutes else []
    parts += [f"{secs} second{'s' if secs != 1 else ''}"] if secs else []
    return clean(" ".join(parts) + " left.").capitalize()


def _hold_cues(step: PointStep) -> tuple[Slotted, ...]:
    hold = step.hold
    if step.markers is None:
        markers = [m for m in MARKERS if hold >= 3 * m]  # short holds keep their breathing
    else:
        markers = [m for m in step.markers if m < hold]
    marker_cues = [Slotted(hold - m, 0.0, _time_left(m), CueKind.MARKER, "") for m in markers]
    breath_cues: tuple[Slotted, ...] = ()
    if step.breathing is not None:
        lo, hi = MARKER_CLEARANCE
        clear = [(hold - m - lo, hold - m + hi) for m in markers]
        breath_cues = _breathing_cues(step.breathing, BREATH_SETTLE, hold, avoid=clear)
    return _close_slots(sorted([*breath_cues, *marker_cues], key=lambda c: c.offset), hold)


def _breathing_cues(
    breathing: Breathing, start: float, end: float, avoid: list[tuple[float, float]] = ()
) -> tuple[Slotted, ...]:
    """Cues for every whole cycle in [start, end) that stays clear of `avoid`.

    Whole cycles only: a listener following with closed eyes is never told to breathe in
    and then left without the out.
    """
    pattern = breathing.pattern
    cues: list[Slotted] = []
    t, cycles = start, 0
    while t + pattern.cycle <= end + 1e-9 and (breathing.cycles is None or cycles < breathing.cycles):
        if not any(t < hi and t + pattern.cycle > lo for lo, hi in avoid):
            offset = t
            for phase, seconds in pattern.phases:
                cues += _phase_cues(breathing, phase, seconds, offset)
                offset += seconds
            cycles += 1
        t += pattern.cycle
    return _close_slots(cues, end)


def _phase_cues(breathing: Breathing, phase: Phase, seconds: float, offset: float) -> list[Slotted]:
    name = f"the {phase.slot_name} of pattern '{breathing.pattern.name}' ({seconds:g} s)"
    if breathing.style is BreathStyle.VOICE:
        return [Slotted(offset, seconds, CUE_TEXT[phase], CueKind.BREATH, name)]
    if breathing.style is BreathStyle.TONE:
        if phase not in (Phase.IN, Phase.OUT):
            return []  # held breath: silence
        rising = phase is Phase.IN
        text = "(rising tone)" if rising else "(falling tone)"
        return [Slotted(offset, seconds, text, CueKind.TONE, name, sounds.tone_key(rising, seconds))]
    words = [_COUNT_WORD[phase], *(f"{w.capitalize()}." for w in _COUNTS)][: math.ceil(seconds - 1e-9)]
    return [
        Slotted(offset + k, min(1.0, seconds - k), word, CueKind.BREATH, f"second {k + 1} of {name}")
        for k, word in enumerate(words)
    ]


def _close_slots(cues: list[Slotted] | tuple[Slotted, ...], end: float) -> tuple[Slotted, ...]:
    """Each cue must also end before the next cue (or the window's end) begins."""
    closed = []
    for i, cue in enumerate(cues):
        room = (cues[i + 1].offset if i + 1 < len(cues) else end) - cue.offset
        if cue.slot and cue.slot <= room + 1e-9:
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
    sound: str | None = None  # a synthesized sound, not speech

    @property
    def clip(self) -> str:
        """The key of this cue's audio: its sound, or its text for speech."""
        return self.sound or self.text


@dataclass(frozen=True)
class Chapter:
    title: str
    start: int
    end: int


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
    chapters: tuple[Chapter, ...]

    def seconds(self, samples: int) -> float:
        return samples / self.sample_rate

    @property
    def duration(self) -> float:
        return self.seconds(self.length)


def lay_out(plan_: Plan, lengths: Mapping[str, int], sample_rate: int = SAMPLE_RATE) -> Script:
    """Place the plan on a timeline, given each phrase's (and sound's) length in samples."""
    routine = plan_.routine

    def samples(seconds: float) -> int:
        return round(seconds * sample_rate)

    cues: list[Cue] = []
    holds: list[Hold] = []
    problems: list[Problem] = []
    starts: list[tuple[str, int]] = []
    t = samples(LEAD_IN)
    for item in plan_.items:
        if isinstance(item, ChapterStart):
            starts.append((item.title, 0 if not starts else t))
        elif isinstance(item, Speak):
            step = item.where.field if item.where else ""
            length = lengths[item.sound or item.text]
            cues.append(Cue(t, t + length, item.kind, item.text, step, item.sound))
            t += length + samples(item.gap_after)
        elif isinstance(item, Silence):
            t += samples(item.seconds)
        else:
            for cue in item.cues:
                start, length = t + samples(cue.offset), lengths[cue.sound or cue.text]
                if length > samples(cue.slot):
                    problems.append(_unfit(item.where, cue, length / sample_rate))
                cues.append(Cue(start, start + length, cue.kind, cue.text, item.where.field, cue.sound))
            end = t + samples(item.seconds)
            if item.hold:
                h = item.hold
                holds.append(Hold(h.point, h.name, h.side, h.round, t, end, item.where.field))
            t = end
    if problems:
        raise CompileError(problems)
    length = t + samples(TAIL)
    ends = [start for _, start in starts[1:]] + [length]
    return Script(
        title=routine.title,
        summary=routine.summary,
        slug=routine.slug,
        source=routine.source,
        sample_rate=sample_rate,
        length=length,
        cues=tuple(cues),
        holds=tuple(holds),
        chapters=tuple(Chapter(title, start, end) for (title, start), end in zip(starts, ends) if end > start),
    )


def _unfit(where: Where, cue: Slotted, seconds: float) -> Problem:
    return Problem(
        where.source,
        where.line,
        where.field,
        f"the phrase {cue.text!r} takes {seconds:.2f} s but {cue.slot_name} leaves only {cue.slot:.2f} s "
        f"at {cue.offset:g} s; lengthen the pattern or the hold, or speak faster (voice rate)",
    )
