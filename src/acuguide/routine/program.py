"""A program: one routine practised over weeks, its holds and rounds built up week by week.

The articles describe practice as a build-up, not a single session: holds of about ten
seconds at first, up to a minute, three or four rounds, daily or every other day. A program
file names a routine and where its holds and rounds start and end; each week becomes an
ordinary routine (and so an ordinary session, with every timing guarantee), its holds
scaled so that a step written longer or shorter than the routine's default keeps its
proportion.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from ..content import wording
from ..content.catalog import languages, translator
from ..errors import Problem, RoutineError
from ..yamlread import INVALID, Field, Table, YamlReader, line_of
from . import PointStep, Routine, Series, SideGroup
from .fields import MAX_HOLD, UNKNOWN_LANGUAGE
from .find import display_name, find_file, shipped_dir, shipped_routines, slug_for
from .load import MAX_BYTES, beside, decode, read_limited, translate_own_lines, translated_slug, written_language
from .load import load as load_routine
from .model import Where

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
    Field.choice("language", languages(), "the language the program (and its routine) is written in", unknown=UNKNOWN_LANGUAGE,
                 default="en"),
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


def is_program(arg: str) -> bool:
    """A shipped program's name, or a YAML file that names a routine at its top level."""
    path = Path(arg)
    if not path.is_file():
        return not path.suffix and (shipped_dir("programs") / f"{arg}.yaml").is_file()
    try:
        with path.open("rb") as file:
            head = file.read(MAX_BYTES).decode("utf-8", "replace")
    except OSError:
        return False
    return re.search(r"^routine\s*:", head, re.MULTILINE) is not None


def load(arg: str, language: str | None = None) -> Program:
    """The program, in `language` if given (its routine too), else in the one it is written in."""
    path = find_file(arg, "programs")
    source = display_name(path)
    reader = YamlReader(source)
    root = reader.compose(decode(read_limited(path, source, "a program"), source))
    written = written_language(root)
    target = language or written
    if root is not None and target != written:
        shipped = path.resolve().parent == Path(str(shipped_dir("programs"))).resolve()
        translate_own_lines(reader, root, written, target, shipped)
    ranges = {"hold": lambda node, where: _range(reader, node, where, HOLD_RANGE),
              "repeat": lambda node, where: _range(reader, node, where, REPEAT_RANGE)}  # fmt: skip
    v = reader.table(root, PROGRAM, "", ranges) if root is not None else None
    if v is None or reader.problems:
        raise RoutineError(reader.problems)
    at = Where(source, line_of(v.nodes["routine"]), "routine")
    base = _routine(path, v["routine"], at, language)
    slug = translated_slug(slug_for(path), written, target)
    title, weeks, per_week = v["title"], v["weeks"], v["sessions_per_week"]
    scaled = next((key for key in ("hold", "repeat") if key in v.nodes), None)
    stages = tuple(
        _stage(base, slug, title, week, weeks, per_week, v["hold"], v["repeat"],
               Where(source, line_of(v.nodes[scaled]), scaled) if scaled else at)
        for week in range(1, weeks + 1)
    )  # fmt: skip
    return Program(title, v["summary"] or "", slug, source, weeks, per_week, stages)


def _routine(path: Path, name: str, at: Where, language: str | None = None) -> Routine:
    """The routine a program names: a file in the program's folder (never outside it: a shared
    program must not read yours), or a shipped routine by name. Its problems are told at the
    program's line first, since the program is the file the person wrote."""
    file = beside(path.parent.resolve(), name, "routine file", owner="program")
    if isinstance(file, str) and name in shipped_routines():
        file = Path(str(shipped_dir("routines") / f"{name}.yaml"))
    if isinstance(file, str):
        close = difflib.get_close_matches(name, shipped_routines(), n=1, cutoff=0.6)
        hint = f"did you mean {close[0]}? " if close else ""
        raise RoutineError(
            [
                Problem(
                    at.source,
                    at.line,
                    at.field,
                    f"{file}; or give the name of a shipped routine ({hint}shipped: {', '.join(shipped_routines())})",
                )
            ]
        )
    try:
        return load_routine(file, language=language)
    except RoutineError as error:
        raise RoutineError(
            [Problem(at.source, at.line, at.field, str(problem)) for problem in error.problems]
        ) from None


def _range(reader: YamlReader, node, where: str, table: Table) -> tuple | object:
    """{from: ..., to: ...} as (from, to)."""
    v = reader.table(node, table, where)
    return (v["from"], v["to"]) if v is not None and v.valid else INVALID


SHORTEST = 10  # seconds: the articles' first holds (001: "about 10 s at first")


def _stage(
    base: Routine, slug: str, title: str, week: int, weeks: int, per_week: int, holds, repeats, at: Where
) -> Stage:
    """Week `week` of the program; a problem in one of its steps (a hold scaled past what a
    session allows) names the program's line that scaled it first, then the routine's."""
    progress = (week - 1) / (weeks - 1) if weeks > 1 else 1.0
    hold = _whole_five(holds[0] + (holds[1] - holds[0]) * progress) if holds else None
    repeat = math.floor(repeats[0] + (repeats[1] - repeats[0]) * progress + 0.5) if repeats else None
    reference = base.default_hold or _usual_hold(base)
    # never scaled below ten seconds, where the articles start (unless the step itself is shorter)
    scale = (
        (lambda step: min(MAX_HOLD, max(min(SHORTEST, step.hold), _whole_five(step.hold * hold / reference))))
        if hold
        else (lambda step: step.hold)
    )

    def told(where: Where) -> Where:
        return replace(
            where, source=f"{at.source}, line {at.line}: {at.field}: week {week} of {weeks}, in {where.source}"
        )

    def adapt(steps):
        """The steps with holds and repeats for this week, inside groups by side too."""
        return tuple(
            replace(s, hold=scale(s), repeat=repeat or s.repeat, where=told(s.where))
            if isinstance(s, PointStep)
            else replace(s, steps=adapt(s.steps), where=told(s.where))
            if isinstance(s, SideGroup)
            else replace(s, where=told(s.where))
            for s in steps
        )

    t = translator(base.language)
    rounds = t(wording.PROGRAM_ROUNDS).format(repeat=repeat) if repeat else ""
    routine = replace(
        base,
        title=t(wording.PROGRAM_TITLE).format(title=title, week=week, weeks=weeks),
        summary=t(wording.PROGRAM_SUMMARY).format(week=week, weeks=weeks, hold=wording.duration(hold or reference, t), rounds=rounds, sessions=per_week),
        slug=f"{slug}-week-{week}",
        intro=adapt(base.intro), steps=adapt(base.steps), outro=adapt(base.outro),
        series=Series(title, slug, week, weeks),
    )  # fmt: skip
    return Stage(week, hold or reference, repeat, routine)


def _whole_five(seconds: float) -> float:
    """A hold a listener can take in: whole 5 s (25 s, not 27 s); below 5 s, whole seconds."""
    return max(5, 5 * round(seconds / 5)) if seconds >= 5 else max(1, round(seconds))


def _usual_hold(routine: Routine) -> float:
    holds = Counter(step.hold for step in routine.point_steps)
    return holds.most_common(1)[0][0] if holds else 60.0
