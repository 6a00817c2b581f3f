"""Safety built in: the spoken note that opens a session, and refusing points to avoid.

A routine may shorten the note but never drops it silently: `safety: off` must be written
out, and `acuguide check` reports it.
"""

from __future__ import annotations

from ..content import wording
from ..errors import AvoidError, Problem
from . import Routine, Safety


def _near_varicose_veins(routine: Routine) -> bool:
    return any("varicose" in c.lower() for s in routine.point_steps for c in s.point.cautions)


def safety_note(routine: Routine) -> tuple[str, ...]:
    """The sentences spoken before the first step, built from the points the routine uses."""
    pregnancy = any("pregnancy" in s.point.avoid for s in routine.point_steps)
    if routine.safety is Safety.OFF:
        return ()
    if routine.safety is Safety.SHORT:
        sciatica = any("sciatica and hip" in s.point.complaints for s in routine.point_steps)
        red_flags = wording.SAFETY_RED_FLAGS if sciatica else ()
        return (wording.SAFETY_SHORT, *red_flags, *((wording.SAFETY_PREGNANCY,) if pregnancy else ()))
    note = [*wording.SAFETY_FULL, *wording.SAFETY_RED_FLAGS]
    if _near_varicose_veins(routine):
        note.insert(2, wording.SAFETY_VARICOSE)
    if pregnancy:
        note.append(wording.SAFETY_PREGNANCY)
    return tuple(note)


def notices(routine: Routine) -> list[str]:
    """What `check` and `render` tell the author even when the routine is valid."""
    found = [str(note) for note in routine.notes]
    if routine.safety is Safety.OFF:
        found.insert(0, f"{routine.source}: safety: off: the spoken safety note is turned off")
    return found


def check_avoid(routine: Routine, conditions: frozenset[str]) -> None:
    """Refuse a routine that uses a point to avoid, naming every such point and step."""
    wanted = conditions | routine.avoid
    problems = [
        Problem(
            step.where.source,
            step.where.line,
            f"{step.where.field}.point",
            f"{step.point.code} ({step.point.english}) is traditionally avoided in {condition}; "
            f"remove this step or choose another point",
        )
        for step in routine.point_steps
        for condition in sorted(wanted & step.point.avoid)
    ]
    if problems:
        raise AvoidError(problems)
