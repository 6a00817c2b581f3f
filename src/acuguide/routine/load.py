"""Load a routine YAML file into a validated, immutable `Routine`.

Routines are written by hand, so loading is forgiving where that is safe (durations as
'90s', '1m30s' or 90; codes in any spelling) and strict where a mistake would change the
session (unknown keys, unknown points). Every mapping is read by its table in `fields`, one
reader per field type; what is left here are the readers of the routine's own types
(breathing, steps, bells, ambient) and the rules across fields. Every problem is collected
before raising.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import replace
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..content import breathing as breathing_mod
from ..content import wording
from ..content.breathing import SETTLE, BreathingPattern
from ..content.catalog import SOURCE, Translator, language_name, languages, translator
from ..content.extract import routine_texts
from ..content.points import Laterality, Point, PointLibrary, library, localize, parse_library
from ..errors import LOCATION, PointLibraryError, Problem, RoutineError, excerpt
from ..yamlread import INVALID, OFF, ON, YamlReader, format_duration, line_of, quoted
from . import fields
from .find import display_name, find_routine, shipped_dir, slug_for
from .model import (
    Ambient,
    Bells,
    Breathe,
    Breathing,
    BreathStyle,
    Pause,
    Phrases,
    PointStep,
    Routine,
    Say,
    SideGroup,
    Sides,
    Step,
    Voice,
    Where,
)

MAX_BYTES = 1_000_000
MAX_COUNT = 1 + len(wording.COUNTS)  # the count style has a word for each second up to this


def load(arg: str | Path, points: PointLibrary | None = None, language: str | None = None) -> Routine:
    """The routine, in `language` if given (else the one it is written in). A file that cannot
    be read as text is refused in `language`, or English: its own language is not known yet."""
    path = find_routine(str(arg))
    source = display_name(path)
    t = translator(language or SOURCE, strict=False)
    return parse(
        decode(read_limited(path, source, "a routine", t), source, t),
        source,
        slug_for(path),
        points or library(),
        path.parent.resolve(),
        language,
        shipped=path.resolve().parent == shipped_dir("routines").resolve(),
    )


def located(t: Translator, source: str, line: int | None, field: str, message: str) -> Problem:
    """A problem whose location is said in `t`'s language, as its message is."""
    return Problem(source, line, field, message, t(LOCATION))


def read_limited(path: Path, source: str, what: str, t: Translator = wording.ENGLISH) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES. Opened without blocking and checked
    on the open file, so a FIFO or a device put in its place never hangs or floods a run.
    `what` is one of `wording.FILE_KINDS`, said in `t`'s language."""

    def refused(message: str, **values: object) -> RoutineError:
        said = t(message).format(what=t(wording.FILE_KINDS[what]), **values)
        return RoutineError([located(t, source, None, "", said)], t.language)

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise refused(wording.READ_FAILED, why=exc.strerror or exc) from None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise refused(wording.NOT_A_REGULAR_FILE)
        if info.st_size > MAX_BYTES:
            raise refused(wording.TOO_BIG, size=t.number(info.st_size), most=t.number(MAX_BYTES))
        try:
            return file.read(MAX_BYTES + 1)[:MAX_BYTES]
        except OSError as exc:
            raise refused(wording.READ_FAILED, why=exc.strerror or exc) from None


def beside(base: Path, name: str, what: str, owner: str = "routine", t: Translator = wording.ENGLISH) -> Path | str:
    """The regular file `name` inside the folder `base` (resolved), or why not, in `t`'s language
    (`what` is one of `wording.FILE_NAMES`). A shared routine or program may use only files in
    its own folder: one naming ../../.ssh/id_rsa must not get its content read, quoted in an
    error or mixed into a session."""
    file, named = base / name, t(wording.FILE_NAMES[what])
    try:
        resolved = file.resolve(strict=True)
    except (OSError, RuntimeError, ValueError):  # missing, a name too long, a loop of links, a NUL in the name
        return t(wording.NO_SUCH_FILE[owner]).format(what=named, name=quoted(name), folder=excerpt(str(base), 200))
    if not resolved.is_relative_to(base):
        return t(wording.OUTSIDE_FOLDER[owner]).format(name=quoted(name))
    if not resolved.is_file():
        why = wording.A_FOLDER if resolved.is_dir() else wording.NOT_A_REGULAR_NAMED_FILE
        return t(why).format(name=quoted(name), what=named)
    return resolved


def decode(data: bytes, source: str, t: Translator = wording.ENGLISH) -> str:
    """UTF-8 text (a byte-order mark is allowed), or an error naming the line of the bad byte."""
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise RoutineError([located(t, source, line, "", t(wording.BINARY_FILE))], t.language)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        said = t(wording.NOT_UTF8).format(byte=f"{data[exc.start]:02x}", offset=exc.start)
        raise RoutineError([located(t, source, line, "", said)], t.language) from None


def translated_slug(slug: str, written: str, language: str) -> str:
    """The files of a routine said in another language than it is written in are named apart
    ("desk-break-es"), so rendering it in each language into one folder keeps every one."""
    return slug if language == written else f"{slug}-{language}"


def parse(
    text: str,
    source: str,
    slug: str,
    points: PointLibrary,
    base: Path | None = None,
    language: str | None = None,
    shipped: bool = False,
) -> Routine:
    """`base` is the routine's folder, against which an ambient file's path is resolved. With a
    `language` other than the one the routine is written in, its own lines are translated through
    the catalogs (the shipped routines are in them); a line the catalog lacks is a problem at its line.

    Problems are said in that language too: those found before it is known (YAML that does not
    parse) in `language`, or English. A language acuguide has no catalog for is a problem of the
    `language` field, said in English. A message a catalog lacks is said in English rather than
    hide the problem behind the gap, which `scripts/catalog check` finds."""
    reader = YamlReader(source, translator(language or SOURCE, strict=False))
    root = reader.compose(text)
    written = written_language(root)
    target = language or written
    t = translator(target if target in languages() else SOURCE, strict=False)
    reader.t = t
    if root is not None and target != written:
        translate_own_lines(reader, root, written, target, shipped)
    files = translated_slug(slug, written, target)
    loader = _Loader(reader, points, base or Path.cwd(), t, written)
    top = reader.table(root, fields.TOP, "", loader.top_readers()) if root is not None else None
    if top is None:
        raise RoutineError(reader.problems, t.language)
    if top["steps"] == () and not reader.problems:
        reader.problem(top.nodes["steps"], "steps", t(wording.NO_STEPS))
    if reader.problems:
        raise RoutineError(reader.problems, t.language)
    routine = Routine(
        title=top["title"] or slug,
        summary=top["summary"] or "",
        slug=files,
        source=source,
        voice=top["voice"] or Voice(),
        safety=top["safety"],
        avoid=frozenset(top["avoid"] or ()),
        equipment=top["equipment"] or (),
        warning=top["warning"],
        intro=top["intro"] or (),
        steps=top["steps"],
        outro=top["outro"] or (),
        bells=top["bells"] or Bells(),
        phrases=top["phrases"] or Phrases(),
        ambient=top["ambient"],
        notes=tuple(loader.notes),
        default_hold=loader.defaults["hold"],
        language=target,
    )
    refused = _tools_refused(routine, t)
    if refused:
        raise RoutineError(list(refused), t.language)
    return replace(routine, notes=routine.notes + _out_of_reach(routine, t))


def written_language(root: Node | None) -> str:
    """The `language` a routine says it is written in (checked with the other fields), else English."""
    for key, value in root.value if isinstance(root, MappingNode) else ():
        if isinstance(key, ScalarNode) and key.value == "language" and isinstance(value, ScalarNode):
            return value.value.strip()
    return SOURCE


def translate_own_lines(reader: YamlReader, root: Node, written: str, target: str, shipped: bool = False) -> None:
    """Each of the routine's own lines in `target`, from the catalogs; a problem where one is missing
    (a shipped routine's is a gap in acuguide's catalog, a person's own a routine not written in it)."""
    said_in = getattr(reader.t, "language", SOURCE)
    names = {"written_name": language_name(written, said_in), "target_name": language_name(target, said_in)}
    if written != SOURCE:
        reader.problem(root, "language", reader.say(wording.WRITTEN_IN_ANOTHER, target=target, **names))
        return
    t = translator(target)
    translated: dict[int, str] = {}
    for node, path, _ in routine_texts(root):
        if t.has(node.value):
            translated[id(node)] = t(node.value)
        else:
            missing = wording.NO_SHIPPED_TRANSLATION if shipped else wording.NO_OWN_TRANSLATION
            reader.problem(node, path, reader.say(missing, text=quoted(excerpt(node.value)), target=target, **names))
    _replace_texts(root, translated)


def _replace_texts(node: Node, texts: dict[int, str]) -> None:
    """Each scalar whose id is in `texts` replaced by a new node with that text, at the same place
    (a new node: the reader may already have read, and kept, the old one's value)."""

    def swap(child: Node) -> Node:
        if id(child) in texts and isinstance(child, ScalarNode):
            return ScalarNode(child.tag, texts[id(child)], child.start_mark, child.end_mark, child.style)
        _replace_texts(child, texts)
        return child

    if isinstance(node, MappingNode):
        node.value = [(key, swap(value)) for key, value in node.value]
    elif isinstance(node, SequenceNode):
        node.value = [swap(item) for item in node.value]


def _tools_refused(routine: Routine, t: Translator) -> tuple[Problem, ...]:
    """A ball, roller or gun on a point whose entry does not list it: the spine's bones, the
    kidney area and the like are for gentle hands only, so this is refused, not noted."""
    return tuple(
        located(t, step.where.source, step.where.line, f"{step.where.field}.tool",
                t(wording.TOOL_REFUSED).format(tool=step.tool.value, code=step.point.code, name=step.point.english,
                                               allows=_allows(step.point.tools, t), fix=_fix(step.point.tools, t)))
        for step in routine.point_steps if step.tool.value != "hands" and step.tool.value not in step.point.tools
    )  # fmt: skip


def _out_of_reach(routine: Routine, t: Translator) -> tuple[Problem, ...]:
    """Steps pressed by hand where the point's own entry says hands cannot reach it (BL43):
    worth a note, since the session would say "hard to reach" and then "use both hands".
    A partner's hands reach every point."""
    partner = translator(routine.language)(wording.PARTNER).lower()
    if any(partner in thing.lower() for thing in routine.equipment):
        return ()
    return tuple(
        located(t, step.where.source, step.where.line, f"{step.where.field}.tool",
                t(wording.OUT_OF_REACH).format(code=step.point.code, name=step.point.english, tool=step.tool.value,
                                               tools=", ".join(step.point.tools) or t(wording.PARTNER_ONLY),
                                               fix=_fix(step.point.tools, t)))
        for step in routine.point_steps if step.tool.value == "hands" and "hands" not in step.point.tools
    )  # fmt: skip


def _allows(tools: tuple[str, ...], t: Translator) -> str:
    """What a point's entry allows, in words; an empty list is a point for a partner's hands only."""
    return t(wording.ALLOWS_ONLY).format(tools=", ".join(tools)) if tools else t(wording.ALLOWS_NO_TOOL)


def _fix(tools: tuple[str, ...], t: Translator) -> str:
    """What to write instead: the entry's first tool, or a partner where one's own hands cannot reach."""
    if tools:
        return t(wording.FIX_TOOL if "hands" in tools else wording.FIX_TOOL_OR_PARTNER).format(tool=tools[0])
    return t(wording.FIX_PARTNER)


def _given_defaults() -> dict[str, Any]:
    """The defaults of every point step before a routine's `defaults:` changes them."""
    defaults = {f.name: f.enum(f.default) if f.enum and f.default else f.default for f in fields.DEFAULTS.fields}
    return {**defaults, "breathing": Breathing(breathing_mod.BUILTIN[str(fields.DEFAULTS["breathing"].default)])}


class _Loader:
    """The readers of a routine's own field types, and the rules across fields."""

    def __init__(self, reader: YamlReader, points: PointLibrary, base: Path, t: Translator, written: str):
        self.r = reader
        self.points = points
        self.shipped = points
        self.t = t  # the session's language: the shipped points' words, and own points' if translated
        self.written = written
        self.base = base
        self.patterns: dict[str, BreathingPattern] = dict(breathing_mod.BUILTIN)
        self.invalid_patterns: set[str] = set()  # defined but wrong: a reference to one is not a second error
        self.defaults = _given_defaults()
        self.notes: list[Problem] = []
        self.own_points_broken = False

    def top_readers(self) -> dict:
        return {
            "voice": self.voice, "defaults": self.read_defaults, "bells": self.bells, "ambient": self.ambient,
            "phrases": self.phrases, "patterns": self.custom_patterns, "steps": self.steps, "points": self.own_points,
        }  # fmt: skip

    def own_points(self, node: Node, path: str) -> PointLibrary | object:
        """A therapist's or user's own points, read and checked like the shipped library; none
        may take a code or name the library already has, so a routine never means two points."""
        self.own_points_broken = True  # until they are read
        name = self.r.string(node, path)
        if name is None:
            return INVALID
        file = beside(self.base, name, "points file", t=self.t)
        if isinstance(file, str):
            self.r.problem(node, path, self.r.say(wording.POINTS_FILE_WANTED, why=file))
            return INVALID
        shown = display_name(file)
        try:
            own = parse_library(decode(read_limited(file, shown, "a points file", self.t), shown, self.t), shown)
        except (PointLibraryError, RoutineError) as exc:
            self.r.problems.extend(exc.problems)
            return INVALID
        taken = [
            (point.code, name) for point in own.points for name in (point.code, *point.aliases) if self.points.get(name)
        ]
        for code, taken_name in taken:
            other = self.points.get(taken_name).code  # type: ignore[union-attr]
            self.r.problem(
                node, path, self.r.say(wording.POINT_TAKEN, file=shown, code=code, name=quoted(taken_name), other=other)
            )
        if taken:
            return INVALID
        self.points = PointLibrary(self.points.points + own.points)
        self.own_points_broken = False
        return self.points

    def voice(self, node: Node, path: str) -> Voice | object:
        v = self.r.table(node, fields.VOICE, path)
        if v is None or not v.valid:
            return INVALID
        name = v["name"]
        if name and re.search(r"[/\\]|\.onnx$", name):  # a voice file, like any file a routine names: in its folder
            file = beside(self.base, name, "voice file", t=self.t)
            if isinstance(file, str):
                self.r.problem(v.nodes["name"], f"{path}.name", self.r.say(wording.VOICE_FILE_WANTED, why=file))
                return INVALID
            name = str(file)
        return Voice(v["engine"], name, v["rate"])

    def phrases(self, node: Node, path: str) -> Phrases | object:
        v = self.r.table(node, fields.PHRASES, path)
        return Phrases(**{k: text for k, text in v.items() if text}) if v is not None and v.valid else INVALID

    def read_defaults(self, node: Node, path: str) -> dict[str, Any] | object:
        """The routine's defaults for every point step; a wrong one (reported) keeps the given one."""
        style = self.defaults["breathing"].style
        v = self.r.table(
            node, fields.DEFAULTS, path, {"breathing": lambda n, p: self.breathing(n, p, style)}, self.defaults
        )
        if v is None:
            return INVALID
        self.defaults = {k: self.defaults[k] if value is INVALID else value for k, value in v.items()}
        if self.defaults["markers"]:
            self.defaults["markers"] = tuple(sorted(self.defaults["markers"], reverse=True))
        return self.defaults

    def custom_patterns(self, node: Node, path: str) -> object:
        if not isinstance(node, MappingNode):
            self.r.problem(node, path, self.r.say(wording.PATTERNS_EXPECTED, example="slow: {in: 4, out: 6}"))
            return INVALID
        for key_node, value_node in node.value:
            name = str(self.r.value(key_node))
            where = f"{path}.{name}"
            if name == "none":
                self.r.problem(key_node, where, self.t(wording.NONE_IS_TAKEN))
                continue
            self.invalid_patterns.add(name)
            v = self.r.table(value_node, fields.PATTERN, where)
            if v is not None and v.valid:
                self.invalid_patterns.discard(name)
                self.patterns[name] = breathing_mod.pattern(
                    name, v["in"], v["hold"] or 0.0, v["out"], v["hold_out"] or 0.0
                )
        return self.patterns

    def pattern(self, node: Node, path: str) -> BreathingPattern | None | object:
        """A pattern, None for 'none', or INVALID when the name is unknown (reported once)."""
        name = node.value.strip() if isinstance(node, ScalarNode) else None  # as written: 'off' is no boolean here
        if self.r.word(node) in (*OFF, ""):
            return None
        if name in self.patterns:
            return self.patterns[name]
        if name not in self.invalid_patterns:
            known = ", ".join([*self.patterns, "none"])
            self.r.problem(node, path, self.r.say(wording.UNKNOWN_PATTERN, name=quoted(name), known=known))
        return INVALID

    def breathing(
        self, node: Node, path: str, style: BreathStyle, cycles: int | None = None
    ) -> Breathing | None | object:
        """`calm`, `none`, or {pattern: calm, style: tone, cycles: 3}."""
        if isinstance(node, MappingNode):
            v = self.r.table(
                node, fields.BREATHING, path, {"pattern": self.pattern}, {"style": style, "cycles": cycles}
            )
            if v is None or not v.valid:
                return INVALID
            pattern, style, cycles = v["pattern"], v["style"], v["cycles"]
        else:
            pattern = self.pattern(node, path)
        if pattern is None or pattern is INVALID:
            return pattern
        longest = max(seconds for _, seconds in pattern.phases)
        if style is BreathStyle.COUNT and longest > MAX_COUNT:
            self.r.problem(
                node,
                path,
                self.r.say(wording.COUNT_TOO_LONG, most=MAX_COUNT, name=pattern.name, longest=f"{longest:g}"),
            )
            return INVALID
        return Breathing(pattern, style, cycles)

    def bells(self, node: Node, path: str) -> Bells | object:
        if self.r.word(node) in OFF:
            return Bells(False, False, False)
        if self.r.word(node) in ON:
            return Bells()
        if isinstance(node, ScalarNode):
            self.r.problem(
                node, path, self.r.say(wording.BELLS_EXPECTED, mapping="{start, steps, end}", value=self.r.shown(node))
            )
            return INVALID
        v = self.r.table(node, fields.BELLS, path)
        return Bells(**v) if v is not None and v.valid else INVALID

    def ambient(self, node: Node, path: str) -> Ambient | None | object:
        level: Any
        if isinstance(node, ScalarNode):
            if self.r.word(node) in (*OFF, ""):
                return None
            sound_node, level = node, fields.AMBIENT["level"].default
        else:
            v = self.r.table(node, fields.AMBIENT, path)
            if v is None or not v.valid:
                return INVALID
            sound_node, level = v.nodes["sound"], v["level"]
        if self.r.word(sound_node) in OFF:
            return None
        sound = self.r.string(sound_node, f"{path}.sound")
        if sound is None:
            return INVALID
        if sound != "noise":
            file = beside(self.base, sound, "audio file", t=self.t)
            if isinstance(file, str):
                self.r.problem(sound_node, f"{path}.sound", self.r.say(wording.AUDIO_FILE_WANTED, why=file))
                return INVALID
            sound = str(file)
        return Ambient(sound, float(level))

    def steps(self, node: Node, section: str, in_group: bool = False) -> tuple[Step, ...] | object:
        steps = [self.step(item, where, in_group) for where, item in self.r.items(node, section)]
        return tuple(step for step in steps if step is not None)

    def step(self, node: Node, where: str, in_group: bool) -> Step | None:
        if not isinstance(node, MappingNode) or not node.value:
            self.r.problem(node, where, self.r.say(wording.STEP_EXPECTED, kinds=", ".join(fields.STEP_KINDS)))
            return None
        keys = [str(self.r.value(k)) for k, _ in node.value]
        kinds = [k for k in keys if k in fields.STEP_KINDS]
        if "point" in kinds:
            return self.point_step(node, where, in_group)
        if "steps" in kinds:
            if in_group:
                self.r.problem(node, f"{where}.steps", self.t(wording.GROUP_IN_GROUP))
                return None
            return self.side_group(node, where)
        if len(kinds) != 1 or len(keys) != 1:
            extra = [k for k in keys if k not in kinds]
            if not kinds:
                unknown = self.r.say(
                    wording.UNKNOWN_STEP_KIND,
                    kind=quoted(keys[0]),
                    hint=self.r.suggest(keys[0], fields.STEP_KINDS),
                    kinds=", ".join(fields.STEP_KINDS),
                )
                self.r.problem(node, f"{where}.{keys[0]}", unknown)
            elif len(kinds) > 1:
                self.r.problem(node, where, self.r.say(wording.TWO_KINDS, kinds=wording.chained(kinds, self.t)))
            else:
                self.r.problem(
                    node,
                    f"{where}.{extra[0]}",
                    self.r.say(wording.NO_OTHER_KEYS, kind=kinds[0], key=quoted(extra[0])),
                )
            return None
        kind, value = kinds[0], node.value[0][1]
        at, path = Where(self.r.source, line_of(node), where), f"{where}.{kind}"
        if kind == "breathe":
            return self.breathe(value, path, at)
        said = self.r.field(value, fields.STEP[kind], path)
        if said is None:
            return None
        return Say(said, at) if kind == "say" else Pause(said, at)

    def breathe(self, node: Node, path: str, at: Where) -> Breathe | None:
        if not isinstance(node, MappingNode):
            self.r.problem(
                node, path, self.r.say(wording.BREATHE_EXPECTED, example="{pattern: calm, cycles: 3, style: voice}")
            )
            return None
        style = self.defaults["breathing"].style if self.defaults["breathing"] else BreathStyle.VOICE
        breathing = self.breathing(node, path, style, cycles=3)
        if breathing is None:
            self.r.problem(node, f"{path}.pattern", self.t(wording.BREATHE_NEEDS_PATTERN))
        return Breathe(breathing, at) if isinstance(breathing, Breathing) else None

    def side_group(self, node: MappingNode, where: str) -> SideGroup | None:
        reported = len(self.r.problems)
        v = self.r.table(node, fields.GROUP, where, {"group steps": lambda n, p: self.steps(n, p, in_group=True)})
        if v is None or not v.valid:
            return None
        steps = v["steps"]
        if not any(isinstance(s, PointStep) for s in steps):
            if len(self.r.problems) == reported:
                self.r.problem(v.nodes["steps"], f"{where}.steps", self.t(wording.GROUP_WITHOUT_POINTS))
            return None
        sides = v["sides"]
        steps = tuple(replace(s, sides=sides) if isinstance(s, PointStep) else s for s in steps)
        texts = {"switch_sides": v["switch_sides"]} if v["switch_sides"] else {}
        return SideGroup(sides, steps, Where(self.r.source, line_of(node), where), **texts)

    def point_step(self, node: MappingNode, where: str, in_group: bool) -> PointStep | None:
        """A point step; inside a group by side the group's sides apply (set by the group)."""
        style = self.defaults["breathing"].style if self.defaults["breathing"] else BreathStyle.VOICE
        readers = {"point": self.point, "breathing": lambda n, p: self.breathing(n, p, style)}
        v = self.r.table(node, fields.POINT, where, readers, {**self.defaults, "sides": None})
        if v is None or not v.valid:
            return None
        point: Point = v["point"]
        if not self.sides_fit(v, point, where, in_group):
            return None
        hold = v["hold"] if v["hold"] is not None else point.hold
        markers = tuple(sorted(v["markers"], reverse=True)) if v["markers"] else v["markers"]
        if not self.room_for(v, "markers", where, node, self.late_marker(markers, hold)):
            return None
        if not self.room_for(v, "breathing", where, node, self.no_breathing_room(v["breathing"], hold)):
            return None
        sides = v["sides"] or (None if point.laterality is Laterality.MIDLINE else Sides.EACH)
        texts = {k: v[k] for k in ("say", "name", "find") if v[k]}
        return PointStep(
            point=point, sides=sides, hold=hold, repeat=v["repeat"], pressure=v["pressure"] or point.pressure,
            breathing=v["breathing"], rest=v["rest"], markers=markers, where=Where(self.r.source, line_of(node), where),
            tool=v["tool"], posture=v["posture"], **texts,
        )  # fmt: skip

    def sides_fit(self, v, point: Point, where: str, in_group: bool) -> bool:
        """A midline point has no sides; a step in a group takes the group's."""
        if in_group and point.laterality is Laterality.MIDLINE:
            self.r.problem(v.nodes["point"], f"{where}.point", self.r.say(wording.MIDLINE_IN_GROUP, code=point.code))
        elif in_group and "sides" in v.nodes:
            self.r.problem(v.nodes["sides"], f"{where}.sides", self.t(wording.SIDES_IN_GROUP))
        elif point.laterality is Laterality.MIDLINE and "sides" in v.nodes:
            self.r.problem(v.nodes["sides"], f"{where}.sides", self.r.say(wording.MIDLINE_SIDES, code=point.code))
        else:
            return True
        return False

    def room_for(self, v, key: str, where: str, node: Node, message: str | None) -> bool:
        """A problem with what the step wrote; a note when it comes from the routine's defaults."""
        if message is None:
            return True
        if key in v.nodes:
            self.r.problem(v.nodes[key], f"{where}.{key}", message)
            return False
        self.notes.append(located(self.t, self.r.source, line_of(node), f"{where}.{key}", message))
        return True

    def late_marker(self, markers: tuple[float, ...] | None, hold: float) -> str | None:
        late = [m for m in (markers or ()) if m >= hold]
        if not late:
            return None
        return self.r.say(wording.LATE_MARKER, marker=format_duration(late[0]), hold=format_duration(hold))

    def no_breathing_room(self, breathing: Breathing | None, hold: float) -> str | None:
        if not breathing or breathing.pattern.cycle <= hold - SETTLE:
            return None
        name, cycle = breathing.pattern.name, breathing.pattern.cycle
        return self.r.say(
            wording.NO_BREATHING_ROOM, hold=format_duration(hold), cycle=f"{cycle:g}", name=name, settle=f"{SETTLE:g}"
        )

    def point(self, node: Node, path: str) -> Point | object:
        code = self.r.string(node, path)
        if code is None:
            return INVALID
        point = self.points.get(code)
        if point is None:
            if not self.own_points_broken:  # else the points file's own problems say why
                hint = "" if self.points.ambiguous(code) else self.t(wording.POINTS_LISTED)
                self.r.problem(node, path, self.points.why_unknown(excerpt(code), self.t) + hint)
            return INVALID
        own = self.shipped.get(code) is not point
        if self.t.is_source or (own and self.t.language == self.written):
            return point
        missing = len(self.t.missing)
        point = localize(point, self.t)
        for gap in self.t.missing[missing:]:
            where = f"src/acuguide/locale/{self.t.language}/LC_MESSAGES/messages.po"
            untranslated = wording.POINT_UNTRANSLATED if own else wording.POINT_UNTRANSLATED_SHIPPED
            self.r.problem(
                node,
                path,
                self.r.say(untranslated, code=point.code, text=repr(gap.message), language=self.t.language, path=where),
            )
        return point
