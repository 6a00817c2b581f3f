"""Plan a session: what will be said, and the fixed windows of time around it.

The plan is the first of two pure stages (then `layout`). It turns a `Routine` into spoken
items, silences and windows (holds, breathing) with cues at fixed offsets inside them. It
does not depend on how long phrases take, so `Plan.phrases` tells the synthesizer what to
speak before any timing exists. Texts stay as written; each engine normalises for itself.
Every built-in word comes from the catalog of the routine's language (`t`), never as English
in another session's language.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import Enum

from ..content import wording
from ..content.breathing import SETTLE, Phase
from ..content.catalog import Translator, translator
from ..content.points import Kind, Posture
from ..routine import (
    Breathe,
    Breathing,
    BreathStyle,
    Pause,
    PointStep,
    Routine,
    Safety,
    Say,
    SideGroup,
    Sides,
    Step,
    Tool,
    Where,
)
from ..routine.safety import safety_note
from . import sounds

GAP = 0.8  # between one spoken sentence and the next
SHORT_GAP = 0.4  # between a point's name and how to find it
MARKERS = (30.0, 10.0)  # "thirty seconds left", "ten seconds left"
# A marker is said between two whole breaths, never inside one: the next breath starts this
# long after the marker does.
MARKER_ROOM = 2.5


class CueKind(Enum):
    TITLE = "title"
    EQUIPMENT = "equipment"
    SAFETY = "safety"
    CAUTION = "caution"  # a point's own caution, said once where the point is introduced
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
    tool: str  # hands, ball, roller or gun: what presses, so a reader of the timeline can check the tool rules


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


def plan_routine(routine: Routine) -> Plan:
    t = translator(routine.language)
    items: list[Item] = [ChapterStart(t(wording.INTRODUCTION_CHAPTER).format(title=routine.title))]
    if routine.bells.start:
        items.append(_bell(t))
    items.append(Speak(f"{routine.title}.", CueKind.TITLE, None))
    needs = equipment(routine)
    if needs:
        items.append(
            Speak(t(wording.EQUIPMENT).format(things=wording.listing(list(needs), t)), CueKind.EQUIPMENT, None)
        )
    items += [Speak(s, CueKind.SAFETY, None) for s in safety_note(routine)]
    first_point = True
    said: set[str] = set()  # what need not be said again: points and cautions, once; 'both hands' while it holds
    for written in routine.all_steps:
        for step, step_items in _plan_steps(written, routine, said, t):
            if isinstance(step, PointStep):
                if routine.bells.steps and not first_point:
                    step_items.insert(1, _bell(t, step.where))  # just inside the point's chapter
                first_point = False
            items += step_items
    items.append(ChapterStart(t(wording.END_CHAPTER)))
    items.append(Speak(t(wording.END), CueKind.TRANSITION, None))
    if routine.bells.end:
        items.append(_bell(t))
    items[-1] = replace(items[-1], gap_after=0.0)  # the tail follows the last sound
    return Plan(routine, tuple(items))


def equipment(routine: Routine) -> tuple[str, ...]:
    """What to have at hand, from the tools the point steps press with and the routine's own
    `equipment`, said at the start while the listener's eyes are still open; nothing for a
    routine done with the hands alone. In the routine's language."""
    t = translator(routine.language)
    steps = routine.point_steps
    used = {step.tool for step in steps}
    needs = []
    for tool in Tool:
        if tool is Tool.HANDS or tool not in used:
            continue
        two = tool is Tool.BALL and any(s.tool is tool and s.sides is Sides.TOGETHER for s in steps)  # one each side
        needs.append(t(wording.EQUIPMENT_TOOLS[tool.value + ("-two" if two else "")]))
    if any(s.tool in (Tool.BALL, Tool.ROLLER) and s.placed is Posture.LYING for s in steps):  # not against a wall
        needs.append(t(wording.EQUIPMENT_MAT))
    return tuple(needs) + routine.equipment


def _bell(t: Translator, where: Where | None = None) -> Speak:
    return Speak(t(wording.BELL), CueKind.BELL, where, gap_after=1.0, sound=sounds.BELL)


def _plan_steps(step: Step, routine: Routine, said: set[str], t: Translator) -> Iterator[tuple[Step, list[Item]]]:
    """Each step with its items; a group by side gives all its steps for one side, then the other."""
    if not isinstance(step, SideGroup):
        yield step, _plan_step(step, routine, said, t)
        return
    sides = ("left", "right") if step.sides is Sides.EACH else (step.sides.value,)
    for number, side in enumerate(sides):
        starts = (
            wording.GROUP_START if sum(isinstance(s, PointStep) for s in step.steps) > 1 else wording.GROUP_START_ONE
        )
        opening = (step.switch_sides or t(wording.GROUP_SWITCH_SIDES)) if number else t(starts[step.sides.value])
        for index, inner in enumerate(step.steps):
            if isinstance(inner, PointStep):
                inner_items = _plan_point(inner, routine, said, t, side, again=number > 0)
            else:
                inner_items = _plan_step(inner, routine, said, t)
            if index == 0:  # said once per side, inside the first step's chapter
                at = 1 if isinstance(inner_items[0], ChapterStart) else 0
                inner_items.insert(at, Speak(opening, CueKind.TRANSITION, step.where))
            yield inner, inner_items


def _plan_step(step: Say | Pause | Breathe | PointStep, routine: Routine, said: set[str], t: Translator) -> list[Item]:
    if isinstance(step, Say):
        return [ChapterStart(_chapter_text(step.text)), Speak(step.text, CueKind.SAY, step.where)]
    if isinstance(step, Pause):
        return [Silence(step.seconds)]
    if isinstance(step, Breathe):
        breathing = step.breathing
        seconds = breathing.pattern.cycle * breathing.cycles  # type: ignore[operator]
        return [
            ChapterStart(t(wording.BREATHING_CHAPTER).format(pattern=_pattern_name(breathing, t))),
            Speak(_describe(breathing, t), CueKind.TRANSITION, step.where),
            Window(seconds, _breathing_cues(breathing, 0.0, seconds, t), step.where),
        ]
    return _plan_point(step, routine, said, t)


def _pattern_name(breathing: Breathing, t: Translator) -> str:
    """A built-in pattern's name in the language; a routine's own pattern keeps its own name."""
    name = breathing.pattern.name
    return t(wording.PATTERN_NAMES[name]) if name in wording.PATTERN_NAMES else name


CHAPTER_CHARACTERS = 24  # a chapter title cut from a sentence in a script without spaces between words


def _chapter_text(text: str, words: int = 6) -> str:
    """The start of a sentence as a chapter title: six words, or in a script written without
    spaces between words (Chinese), as many characters as six words take."""
    parts = text.split()
    if len(parts) <= 1 and len(text) > CHAPTER_CHARACTERS:
        return text[:CHAPTER_CHARACTERS].rstrip(",.;:，。") + "..."
    return " ".join(parts[:words]).rstrip(",.;:") + ("..." if len(parts) > words else "")


def _describe(breathing: Breathing, t: Translator) -> str:
    if breathing.style is BreathStyle.TONE:
        return t(wording.FOLLOW_THE_TONE)
    parts = [
        t(wording.PHASE_FOR[phase.value]).format(seconds=wording.seconds(seconds, t))
        for phase, seconds in breathing.pattern.phases
    ]
    return t(wording.BREATHE_WITH_ME).format(phases=t(wording.LIST_SEPARATOR).join(parts))


def _plan_point(
    step: PointStep,
    routine: Routine,
    said: set[str],
    t: Translator,
    group_side: str | None = None,
    again: bool = False,
) -> list[Item]:
    """A point step; in a group by side, only its `group_side`, and `again` when the listener
    found the spot on the other side a moment ago."""
    point = step.point
    sides = (
        (group_side,)
        if group_side
        else {
            None: ("center",),
            Sides.TOGETHER: ("both",),
            Sides.EACH: ("left", "right"),
            Sides.LEFT: ("left",),
            Sides.RIGHT: ("right",),
        }[step.sides]
    )
    rounds = [(r, side) for r in range(1, step.repeat + 1) for side in sides]
    items: list[Item] = [ChapterStart(_chapter_title(step, *rounds[0], t))]
    if step.say:  # on the second side of a group, the listener found the spot a moment ago
        items.append(Speak(t(wording.SAME_SPOT) if again else step.say, CueKind.POINT, step.where))
    else:
        spoken = wording.REFLEX_NAME if point.kind is Kind.REFLEX else wording.POINT_NAME
        name = step.name or t(spoken).format(english=point.english, code=point.code)
        items.append(Speak(name, CueKind.POINT, step.where, SHORT_GAP))
        items.append(Speak(t(wording.SAME_SPOT) if again else step.find or point.find, CueKind.POINT, step.where))
    if routine.safety is not Safety.OFF and point.code not in said and point.cautions[0] not in said:
        items.append(Speak(point.cautions[0], CueKind.CAUTION, step.where))
        said.update((point.code, point.cautions[0]))  # neighbours sharing a caution hear it once
    if step.tool is Tool.HANDS:
        press = t(wording.PRESS[step.pressure.value, point.motion.value])
    else:
        against_wall = step.tool in (Tool.BALL, Tool.ROLLER) and step.placed is Posture.STANDING
        press = t(wording.PRESS_WITH[step.tool.value + ("-wall" if against_wall else "")])
    both_hands = t(wording.BOTH_HANDS)
    for index, (round_no, side) in enumerate(rounds):
        if index:
            items.append(ChapterStart(_chapter_title(step, round_no, side, t)))
        lead = _lead_in(step, side, round_no, routine, t, grouped=group_side is not None)
        if lead == both_hands and lead in said:
            lead = None  # the point before was pressed with both hands too
        if lead:
            items.append(Speak(lead, CueKind.TRANSITION, step.where))
        items.append(Speak(press, CueKind.PRESS, step.where, gap_after=0.0))
        inside = _hold_cues(step, t)
        label = HoldLabel(point.code, point.english, side, round_no, step.tool.value)
        items.append(Window(step.hold, inside, step.where, label))
        last = index == len(rounds) - 1
        release = routine.phrases.release or t(wording.RELEASE)
        items.append(Speak(release, CueKind.RELEASE, step.where, gap_after=GAP if last else 0.0))
        if not last and step.rest > 0:
            items.append(Silence(step.rest))
    if step.sides is Sides.TOGETHER and not step.say and step.tool is Tool.HANDS:
        said.add(both_hands)
    else:
        said.discard(both_hands)
    return items


def _chapter_title(step: PointStep, round_no: int, side: str, t: Translator) -> str:
    """Like 'BL23 Sea of Vitality, left, round 2'."""
    title = f"{step.point.code} {step.point.english}"
    title += t(wording.CHAPTER_SIDE).format(side=t(wording.SIDE[side])) if side in wording.SIDE else ""
    return title + (t(wording.CHAPTER_ROUND).format(round=round_no) if step.repeat > 1 else "")


def _lead_in(step: PointStep, side: str, round_no: int, routine: Routine, t: Translator, grouped: bool) -> str | None:
    """What is said before each press: which side (unless its group said it), which round."""
    if grouped:
        return t(wording.ROUND).format(round=round_no, rounds=step.repeat) if round_no > 1 else None
    if side == "right" and step.sides is Sides.EACH:
        return routine.phrases.switch_sides or t(wording.SWITCH_SIDES)
    if round_no > 1:
        text = wording.ROUND_LEFT if step.sides is Sides.EACH else wording.ROUND
        return t(text).format(round=round_no, rounds=step.repeat)
    lead = {
        Sides.EACH: wording.START_LEFT,
        Sides.TOGETHER: None if step.say or step.tool is not Tool.HANDS else wording.BOTH_HANDS,  # a `say` tells how
        Sides.LEFT: wording.LEFT_ONLY,
        Sides.RIGHT: wording.RIGHT_ONLY,
        None: None,
    }[step.sides]
    return t(lead) if lead else None


def _hold_cues(step: PointStep, t: Translator) -> tuple[Slotted, ...]:
    hold = step.hold
    if step.markers is None:
        markers = [m for m in MARKERS if hold >= 3 * m]  # short holds are not cluttered with markers
    else:
        markers = [m for m in step.markers if m < hold]
    marker_cues = sorted(
        (Slotted(hold - m, 0.0, wording.time_left(m, t), CueKind.MARKER, "") for m in markers), key=lambda c: c.offset
    )
    breath_cues: tuple[Slotted, ...] = ()
    if step.breathing is not None:
        breath_cues = _breathing_around_markers(step.breathing, hold, [m.offset for m in marker_cues], t)
    return _close_slots(sorted([*breath_cues, *marker_cues], key=lambda c: c.offset), hold)


def _breathing_around_markers(
    breathing: Breathing, hold: float, markers: list[float], t: Translator
) -> tuple[Slotted, ...]:
    """The breathing of a hold, in whole cycles laid out around its time markers.

    A marker is said exactly on time, between two breaths and never inside one: the cycles
    before it end by the time it is said, and the next starts once it has been said. The
    time a segment between markers has over its whole cycles is shared out before and after
    them, so neither the press nor the marker is followed by a long silence. After the last
    marker (or in a hold without one) the cycles start at once, as they always have.
    """
    pattern = breathing.pattern
    cues: list[Slotted] = []
    left = breathing.cycles  # None: as many whole cycles as fit
    start = SETTLE
    for end in [*markers, hold]:
        room = end - start
        fits = max(0, math.floor(room / pattern.cycle + 1e-9))
        count = fits if left is None else min(fits, left)
        if count:
            spare = room - count * pattern.cycle
            first = start + (spare / 2 if end < hold and count == fits else 0.0)
            cues += _breathing_cues(replace(breathing, cycles=count), first, first + count * pattern.cycle, t)
            if left is not None:
                left -= count
        start = max(start, end + MARKER_ROOM)
    return tuple(cues)


def _breathing_cues(breathing: Breathing, start: float, end: float, t: Translator) -> tuple[Slotted, ...]:
    """Cues for every whole cycle in [start, end).

    Whole cycles only: a listener following with closed eyes is never told to breathe in
    and then left without the out.
    """
    pattern = breathing.pattern
    cues: list[Slotted] = []
    at, cycles = start, 0
    while at + pattern.cycle <= end + 1e-9 and (breathing.cycles is None or cycles < breathing.cycles):
        offset = at
        for phase, seconds in pattern.phases:
            cues += _phase_cues(breathing, phase, seconds, offset, t)
            offset += seconds
        cycles += 1
        at += pattern.cycle
    return _close_slots(cues, end)


def _phase_cues(breathing: Breathing, phase: Phase, seconds: float, offset: float, t: Translator) -> list[Slotted]:
    name = f"the {phase.slot_name} of pattern '{breathing.pattern.name}' ({seconds:g} s)"
    if breathing.style is BreathStyle.VOICE:
        return [Slotted(offset, seconds, t(wording.BREATH[phase.value]), CueKind.BREATH, name)]
    if breathing.style is BreathStyle.TONE:
        if phase not in (Phase.IN, Phase.OUT):
            return []  # held breath: silence
        rising = phase is Phase.IN
        text = t(wording.RISING_TONE if rising else wording.FALLING_TONE)
        return [Slotted(offset, seconds, text, CueKind.TONE, name, sounds.tone_key(rising, seconds))]
    words = [t(w) for w in [wording.COUNT_FIRST[phase.value], *wording.COUNTS][: math.ceil(seconds - 1e-9)]]
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
