"""Safety built in: the spoken note that opens a session, and refusing what must not be followed.

A routine may shorten the note but never drops it silently: `safety: off` must be written
out, and `acuguide check` reports it. The red flags are said in every note: in full, or as a one-line reminder after compose's screening questions.
`check_safe` refuses, before anything is spoken, points to avoid and sessions past a sane length.
"""

from __future__ import annotations

from ..content import wording
from ..content.catalog import translator
from ..content.views import VIEWS
from ..errors import LOCATION, AvoidError, Problem, RoutineError
from . import Breathe, Pause, PointStep, Routine, Safety, SideGroup, Sides, Step

MAX_SESSION = 3 * 60 * 60  # seconds of holds, rests, pauses and breathing: a long practice, not a night


def _near_varicose_veins(routine: Routine) -> bool:
    return any(s.point.varicose for s in routine.point_steps)


def safety_note(routine: Routine) -> tuple[str, ...]:
    """The sentences spoken before the first step, built from the points the routine uses,
    in the routine's language."""
    t = translator(routine.language)
    pregnancy = any("pregnancy" in s.point.avoid for s in routine.point_steps)
    first = (routine.warning,) if routine.warning else ()  # the routine's own warning is heard before all else
    if routine.safety is Safety.OFF:
        return first
    if routine.safety is Safety.SCREENED:  # the red flags were asked as questions before the session was made
        return (
            *first,
            t(wording.SAFETY_SHORT),
            t(wording.SAFETY_RED_FLAGS_REMINDER),
            *((t(wording.SAFETY_PREGNANCY),) if pregnancy else ()),
        )
    if routine.safety is Safety.SHORT:
        return (
            *first,
            t(wording.SAFETY_SHORT),
            *map(t, wording.SAFETY_RED_FLAGS),
            *((t(wording.SAFETY_PREGNANCY),) if pregnancy else ()),
        )
    note = [*first, *map(t, wording.SAFETY_FULL), *map(t, wording.SAFETY_RED_FLAGS)]
    if _near_varicose_veins(routine):
        note.insert(len(first) + 2, t(wording.SAFETY_VARICOSE))
    if pregnancy:
        note.append(t(wording.SAFETY_PREGNANCY))
    return tuple(note)


def notices(routine: Routine) -> list[str]:
    """What `check` and `render` tell the author even when the routine is valid."""
    found = [str(note) for note in routine.notes]
    if routine.safety is Safety.OFF:
        found.insert(0, f"{routine.source}: safety: off: the spoken safety note is turned off")
    for point in dict.fromkeys(step.point for step in routine.point_steps):
        if point.picture is None:
            found.append(
                f"{routine.source}: {point.code} has no picture: its entry in your points file has no 'picture' field, "
                "so its chapter, the cover and the page show none; add one like picture: {view: back, at: [[221, 157.5]]} "
                "(views: " + ", ".join(VIEWS) + ")"
            )
    return found


def check_safe(routine: Routine, conditions: frozenset[str]) -> None:
    """Everything `render` refuses before speaking: points to avoid, then a session too long to follow."""
    check_avoid(routine, conditions)
    check_length(routine)


def check_length(routine: Routine) -> None:
    """Refuse a session whose holds, rests, pauses and breathing alone pass MAX_SESSION, at the
    step that passes it: hundreds of hours of pauses would otherwise render until killed."""
    total = 0.0
    for step in (*routine.intro, *routine.steps, *routine.outro):
        total += _silent_seconds(step)
        if total > MAX_SESSION:
            where, t = step.where, translator(routine.language)
            hours = t(wording.SESSION_TOO_LONG).format(hours=MAX_SESSION // 3600, total=t.decimal(total / 3600, 1))
            raise RoutineError([Problem(where.source, where.line, where.field, hours, t(LOCATION))], routine.language)


def _silent_seconds(step: Step, in_group: bool = False) -> float:
    """The fixed time a step takes, not counting its words; a group's steps, once per side."""
    if isinstance(step, Pause):
        return step.seconds
    if isinstance(step, Breathe):
        return (step.breathing.cycles or 0) * step.breathing.pattern.cycle
    if isinstance(step, PointStep):
        presses = step.repeat * (2 if step.sides is Sides.EACH and not in_group else 1)
        return presses * step.hold + (presses - 1) * step.rest
    if isinstance(step, SideGroup):
        return (2 if step.sides is Sides.EACH else 1) * sum(_silent_seconds(s, in_group=True) for s in step.steps)
    return 0.0


def check_avoid(routine: Routine, conditions: frozenset[str]) -> None:
    """Refuse a routine that uses a point to avoid, naming every such point and step, in the
    routine's language (its points' names are already in it)."""
    wanted, t = conditions | routine.avoid, translator(routine.language)
    problems = [
        Problem(
            step.where.source,
            step.where.line,
            f"{step.where.field}.point",
            t(wording.POINT_AVOIDED).format(
                code=step.point.code,
                name=step.point.english,
                condition=t(wording.CONDITION_NAMES.get(condition, condition)),
            ),
            t(LOCATION),
        )
        for step in routine.point_steps
        for condition in sorted(wanted & step.point.avoid)
    ]
    if problems:
        raise AvoidError(problems, routine.language)
