"""A program: one routine practised over weeks, its holds and rounds built up week by week.

The articles describe practice as a build-up, not a single session: holds of about ten
seconds at first, up to a minute, three or four rounds, daily or every other day. A program
file names a routine and where its holds and rounds start and end; each week becomes an
ordinary routine (and so an ordinary session, with every timing guarantee), its holds
scaled so that a step written longer or shorter than the routine's default keeps its
proportion.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from .. import routine as routine_mod
from ..content import wording
from ..errors import Problem, RoutineError, RoutineNotFound
from ..yamlread import YamlReader
from . import PointStep, Routine, SideGroup
from .fields import MAX_HOLD, Field, Table
from .find import shipped, shipped_dir
from .load import MAX_BYTES, decode

HOLD_RANGE = Table("hold", (
    Field("from", "duration", "the hold in the first week", range=(1, MAX_HOLD), required=True),
    Field("to", "duration", "the hold in the last week", range=(1, MAX_HOLD), required=True),
))  # fmt: skip
REPEAT_RANGE = Table("repeat", (
    Field("from", "integer", "rounds in the first week", range=(1, 20), required=True),
    Field("to", "integer", "rounds in the last week", range=(1, 20), required=True),
))  # fmt: skip
PROGRAM = Table("the program", (
    Field("title", "text", "the program's title", required=True),
    Field("summary", "text", "one line about the program"),
    Field("routine", "text", "a shipped routine's name, or a routine file relative to this one", required=True),
    Field("weeks", "integer", "how many weeks it lasts", range=(1, 52), required=True),
    Field("sessions_per_week", "integer", "how many sessions a week", range=(1, 14), default=3),
    Field("hold", "mapping", "holds at the start and at the end: {from: 10s, to: 60s}", table=HOLD_RANGE),
    Field("repeat", "mapping", "rounds at the start and at the end: {from: 3, to: 4}", table=REPEAT_RANGE),
))  # fmt: skip


@dataclass(frozen=True)
class Stage:
    week: int
    hold: float
    repeat: int | None
    routine: Routine


@dataclass(frozen=True)
class Program:
    title: str
    summary: str
    slug: str
    source: str
    weeks: int
    sessions_per_week: int
    stages: tuple[Stage, ...]


def schema() -> dict:
    """The JSON Schema of a program file, from the same table the loader reads."""
    from .schema import DIALECT, table_schema

    return {"$schema": DIALECT, "$id": "https://acuguide.invalid/program.schema.json", "title": "acuguide program",
            **table_schema(PROGRAM)}  # fmt: skip


def shipped_programs_dir():
    return shipped_dir("programs")


def shipped_programs() -> list[str]:
    return shipped("programs")


def is_program(arg: str) -> bool:
    """A shipped program's name, or a YAML file that names a routine at its top level."""
    path = Path(arg)
    if not path.is_file():
        return not path.suffix and (shipped_programs_dir() / f"{arg}.yaml").is_file()
    try:
        head = path.read_bytes()[:MAX_BYTES].decode("utf-8", "replace")
    except OSError:
        return False
    return re.search(r"^routine\s*:", head, re.MULTILINE) is not None


def load(arg: str) -> Program:
    path = Path(arg) if Path(arg).is_file() else Path(str(shipped_programs_dir() / f"{arg}.yaml"))
    if not path.is_file():
        raise RoutineNotFound(f"{arg}: no such program file, and no shipped program of that name (shipped: {', '.join(shipped_programs())})")
    source = f"programs/{path.name}" if _shipped(path) else routine_mod.display_name(path)
    if path.stat().st_size > MAX_BYTES:
        raise RoutineError([Problem(source, None, "", f"a program may be at most {MAX_BYTES:,} bytes (1 MB)")])
    reader = YamlReader(source)
    root = reader.compose(decode(path.read_bytes(), source))
    f = reader.mapping(root, "", PROGRAM.keys, PROGRAM.required) if root is not None else None
    if f is None or reader.problems:
        raise RoutineError(reader.problems)
    text = {k: reader.spoken(f[k], k) if k in f else "" for k in ("title", "summary")}
    weeks = reader.integer(f["weeks"], "weeks", *PROGRAM["weeks"].range)
    per_week = reader.integer(f["sessions_per_week"], "sessions_per_week", *PROGRAM["sessions_per_week"].range) if "sessions_per_week" in f else 3
    holds = _range(reader, f, "hold", HOLD_RANGE, reader.duration)
    repeats = _range(reader, f, "repeat", REPEAT_RANGE, reader.integer)
    name = reader.string(f["routine"], "routine")
    if reader.problems or name is None:
        raise RoutineError(reader.problems)
    relative = path.parent / name
    base = routine_mod.load(str(relative) if relative.is_file() else name)
    slug = routine_mod.slug_for(path)
    stages = tuple(_stage(base, slug, text["title"], week, weeks, per_week, holds, repeats) for week in range(1, weeks + 1))  # type: ignore[arg-type]
    return Program(text["title"], text["summary"], slug, source, weeks, per_week, stages)  # type: ignore[arg-type]


def _shipped(path: Path) -> bool:
    return path.resolve().parent == Path(str(shipped_programs_dir())).resolve()


def _range(reader: YamlReader, f: dict, key: str, table: Table, read) -> tuple | None:
    if key not in f:
        return None
    g = reader.mapping(f[key], key, table.keys, table.required)
    if not g or len(g) < 2:
        return None
    low, high = table["from"].range  # type: ignore[misc]
    values = tuple(read(g[k], f"{key}.{k}", low, high) for k in ("from", "to"))
    return None if None in values else values


def _stage(base: Routine, slug: str, title: str, week: int, weeks: int, per_week: int, holds, repeats) -> Stage:
    progress = (week - 1) / (weeks - 1) if weeks > 1 else 1.0
    hold = round(holds[0] + (holds[1] - holds[0]) * progress) if holds else None
    repeat = math.floor(repeats[0] + (repeats[1] - repeats[0]) * progress + 0.5) if repeats else None
    reference = base.default_hold or _usual_hold(base)
    scale = (lambda step: min(MAX_HOLD, max(1, round(step.hold * hold / reference)))) if hold else (lambda step: step.hold)

    def adapt(steps):
        """The steps with holds and repeats for this week, inside groups by side too."""
        return tuple(
            replace(s, hold=scale(s), repeat=repeat or s.repeat) if isinstance(s, PointStep)
            else replace(s, steps=adapt(s.steps)) if isinstance(s, SideGroup)
            else s
            for s in steps
        )

    rounds = wording.PROGRAM_ROUNDS.format(repeat=repeat) if repeat else ""
    routine = replace(
        base,
        title=wording.PROGRAM_TITLE.format(title=title, week=week, weeks=weeks),
        summary=wording.PROGRAM_SUMMARY.format(week=week, weeks=weeks, hold=wording.duration(hold or reference), rounds=rounds, sessions=per_week),
        slug=f"{slug}-week-{week}",
        intro=adapt(base.intro), steps=adapt(base.steps), outro=adapt(base.outro),
    )  # fmt: skip
    return Stage(week, hold or reference, repeat, routine)


def _usual_hold(routine: Routine) -> float:
    holds = Counter(step.hold for step in routine.point_steps)
    return holds.most_common(1)[0][0] if holds else 60.0
