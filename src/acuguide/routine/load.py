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
from ..content.catalog import SOURCE, Translator, translator
from ..content.extract import routine_texts
from ..content.points import Laterality, Point, PointLibrary, library, localize, parse_library
from ..errors import PointLibraryError, Problem, RoutineError, excerpt
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
    """The routine, in `language` if given (else the one it is written in)."""
    path = find_routine(str(arg))
    source = display_name(path)
    return parse(
        decode(read_limited(path, source, "a routine"), source),
        source,
        slug_for(path),
        points or library(),
        path.parent.resolve(),
        language,
        shipped=path.resolve().parent == shipped_dir("routines").resolve(),
    )


def read_limited(path: Path, source: str, what: str) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES. Opened without blocking and checked
    on the open file, so a FIFO or a device put in its place never hangs or floods a run."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise RoutineError([Problem(source, None, "", f"cannot read the file: {exc.strerror or exc}")]) from None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise RoutineError([Problem(source, None, "", f"not a regular file; {what} is a YAML text file")])
        if info.st_size > MAX_BYTES:
            raise RoutineError(
                [
                    Problem(
                        source,
                        None,
                        "",
                        f"the file is {info.st_size:,} bytes; {what} may be at most {MAX_BYTES:,} (1 MB)",
                    )
                ]
            )
        try:
            return file.read(MAX_BYTES + 1)[:MAX_BYTES]
        except OSError as exc:
            raise RoutineError([Problem(source, None, "", f"cannot read the file: {exc.strerror or exc}")]) from None


def beside(base: Path, name: str, what: str, owner: str = "routine") -> Path | str:
    """The regular file `name` inside the folder `base` (resolved), or why not. A shared routine
    or program may use only files in its own folder: one naming ../../.ssh/id_rsa must not get
    its content read, quoted in an error or mixed into a session."""
    file = base / name
    try:
        resolved = file.resolve(strict=True)
    except (OSError, RuntimeError, ValueError):  # missing, a name too long, a loop of links, a NUL in the name
        return f"no {what} {quoted(name)} in {excerpt(str(base), 200)}; give a file in the {owner}'s folder"
    if not resolved.is_relative_to(base):
        return (
            f"{quoted(name)} is outside the {owner}'s folder, and a {owner} may use only files in its own folder "
            f"(so that one shared with you cannot read yours); copy the file beside the {owner}"
        )
    if not resolved.is_file():
        return f"{quoted(name)} is {'a folder' if resolved.is_dir() else 'not a regular file'}; give the {what} itself"
    return resolved


def decode(data: bytes, source: str) -> str:
    """UTF-8 text (a byte-order mark is allowed), or an error naming the line of the bad byte."""
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise RoutineError([Problem(source, line, "", "this is a binary file, not YAML text (it contains a NUL byte)")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        byte = data[exc.start]
        raise RoutineError(
            [
                Problem(
                    source,
                    line,
                    "",
                    f"byte 0x{byte:02x} at offset {exc.start} is not UTF-8; save the file as UTF-8 text",
                )
            ]
        ) from None


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
    the catalogs (the shipped routines are in them); a line the catalog lacks is a problem at its line."""
    reader = YamlReader(source)
    root = reader.compose(text)
    written = written_language(root)
    target = language or written
    if root is not None and target != written:
        translate_own_lines(reader, root, written, target, shipped)
    loader = _Loader(reader, points, base or Path.cwd(), translator(target, strict=False), written)
    top = reader.table(root, fields.TOP, "", loader.top_readers()) if root is not None else None
    if top is None:
        raise RoutineError(reader.problems)
    if top["steps"] == () and not reader.problems:
        reader.problem(top.nodes["steps"], "steps", "a routine needs at least one step")
    if reader.problems:
        raise RoutineError(reader.problems)
    routine = Routine(
        title=top["title"] or slug,
        summary=top["summary"] or "",
        slug=slug,
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
    refused = _tools_refused(routine)
    if refused:
        raise RoutineError(list(refused))
    return replace(routine, notes=routine.notes + _out_of_reach(routine))


def written_language(root: Node | None) -> str:
    """The `language` a routine says it is written in (checked with the other fields), else English."""
    for key, value in root.value if isinstance(root, MappingNode) else ():
        if isinstance(key, ScalarNode) and key.value == "language" and isinstance(value, ScalarNode):
            return value.value.strip()
    return SOURCE


def translate_own_lines(reader: YamlReader, root: Node, written: str, target: str, shipped: bool = False) -> None:
    """Each of the routine's own lines in `target`, from the catalogs; a problem where one is missing
    (a shipped routine's is a gap in acuguide's catalog, a person's own a routine not written in it)."""
    if written != SOURCE:
        reader.problem(
            root, "language", f"this routine is written in {written}, and only English routines translate through the "
            f"catalogs; render it in {written} (leave out --language {target}), or write it in {target}"
        )  # fmt: skip
        return
    t = translator(target)
    translated: dict[int, str] = {}
    for node, path, _ in routine_texts(root):
        if t.has(node.value):
            translated[id(node)] = t(node.value)
        elif shipped:
            reader.problem(
                node, path, f"{quoted(excerpt(node.value))} has no translation in acuguide's {target} catalog "
                f"(src/acuguide/locale/{target}/LC_MESSAGES/messages.po); run scripts/catalog check"
            )  # fmt: skip
        else:
            reader.problem(
                node, path, f"{quoted(excerpt(node.value))} has no {target} translation: this routine is written in "
                f"English, and only the shipped routines' lines are in acuguide's catalogs; write it in {target} "
                f"(language: {target}) to render it in {target}, or render it in English"
            )  # fmt: skip
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


def _tools_refused(routine: Routine) -> tuple[Problem, ...]:
    """A ball, roller or gun on a point whose entry does not list it: the spine's bones, the
    kidney area and the like are for gentle hands only, so this is refused, not noted."""
    return tuple(
        Problem(step.where.source, step.where.line, f"{step.where.field}.tool",
                f"no {step.tool.value} on {step.point.code} ({step.point.english}): its entry in the point library "
                f"{_allows(step.point.tools)}, since a tool's weight or hammering there can do harm; {_fix(step.point.tools)}")
        for step in routine.point_steps if step.tool.value != "hands" and step.tool.value not in step.point.tools
    )  # fmt: skip


def _out_of_reach(routine: Routine) -> tuple[Problem, ...]:
    """Steps pressed by hand where the point's own entry says hands cannot reach it (BL43):
    worth a note, since the session would say "hard to reach" and then "use both hands".
    A partner's hands reach every point."""
    partner = translator(routine.language)(wording.PARTNER).lower()
    if any(partner in thing.lower() for thing in routine.equipment):
        return ()
    return tuple(
        Problem(step.where.source, step.where.line, f"{step.where.field}.tool",
                f"{step.point.code} ({step.point.english}) cannot be reached with {step.tool.value} by its entry in the "
                f"point library, which lists {', '.join(step.point.tools) or 'no tool: a partner only'}; {_fix(step.point.tools)}")
        for step in routine.point_steps if step.tool.value == "hands" and "hands" not in step.point.tools
    )  # fmt: skip


def _allows(tools: tuple[str, ...]) -> str:
    """What a point's entry allows, in words; an empty list is a point for a partner's hands only."""
    return f"allows only {', '.join(tools)}" if tools else "allows no tool, only a partner's hands"


def _fix(tools: tuple[str, ...]) -> str:
    """What to write instead: the entry's first tool, or a partner where one's own hands cannot reach."""
    if tools:
        return (
            f"write tool: {tools[0]}, or choose another point"
            if "hands" in tools
            else f"write tool: {tools[0]}, or have a partner press it (equipment: [a partner])"
        )
    return "have a partner press it by hand (tool: hands, equipment: [a partner]), or choose another point"


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
        file = beside(self.base, name, "points file")
        if isinstance(file, str):
            self.r.problem(node, path, f"{file} (written like acuguide's points.yaml, up to 1 MB)")
            return INVALID
        shown = display_name(file)
        try:
            own = parse_library(decode(read_limited(file, shown, "a points file"), shown), shown)
        except (PointLibraryError, RoutineError) as exc:
            self.r.problems.extend(exc.problems)
            return INVALID
        taken = [
            (point.code, name) for point in own.points for name in (point.code, *point.aliases) if self.points.get(name)
        ]
        for code, taken_name in taken:
            self.r.problem(
                node,
                path,
                f"{shown}: {code}: {quoted(taken_name)} already names {self.points.get(taken_name).code} in "
                "acuguide's library; use that point, or give yours another code",
            )  # type: ignore[union-attr]
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
            file = beside(self.base, name, "voice file")
            if isinstance(file, str):
                self.r.problem(v.nodes["name"], f"{path}.name", f"{file}; or name an installed voice (acuguide voices)")
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
            self.r.problem(node, path, "expected a mapping of pattern names to phases, like  slow: {in: 4, out: 6}")
            return INVALID
        for key_node, value_node in node.value:
            name = str(self.r.value(key_node))
            where = f"{path}.{name}"
            if name == "none":
                self.r.problem(key_node, where, "'none' means no breathing cues; choose another name")
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
            self.r.problem(
                node,
                path,
                f"unknown breathing pattern {quoted(name)}; use one of {known}, or define it under 'breathing:'",
            )
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
                f"the count style counts each second up to {MAX_COUNT}, but pattern "
                f"'{pattern.name}' has a {longest:g} s phase; use style voice or tone, or shorter phases",
            )
            return INVALID
        return Breathing(pattern, style, cycles)

    def bells(self, node: Node, path: str) -> Bells | object:
        if self.r.word(node) in OFF:
            return Bells(False, False, False)
        if self.r.word(node) in ON:
            return Bells()
        if isinstance(node, ScalarNode):
            self.r.problem(node, path, f"expected on, off, or {{start, steps, end}}, got {self.r.shown(node)}")
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
            file = beside(self.base, sound, "audio file")
            if isinstance(file, str):
                self.r.problem(sound_node, f"{path}.sound", f"{file}; or use noise or off")
                return INVALID
            sound = str(file)
        return Ambient(sound, float(level))

    def steps(self, node: Node, section: str, in_group: bool = False) -> tuple[Step, ...] | object:
        steps = [self.step(item, where, in_group) for where, item in self.r.items(node, section)]
        return tuple(step for step in steps if step is not None)

    def step(self, node: Node, where: str, in_group: bool) -> Step | None:
        if not isinstance(node, MappingNode) or not node.value:
            self.r.problem(node, where, f"expected a step: a mapping with one of {', '.join(fields.STEP_KINDS)}")
            return None
        keys = [str(self.r.value(k)) for k, _ in node.value]
        kinds = [k for k in keys if k in fields.STEP_KINDS]
        if "point" in kinds:
            return self.point_step(node, where, in_group)
        if "steps" in kinds:
            if in_group:
                self.r.problem(
                    node, f"{where}.steps", "a group of steps cannot hold another group; list its steps here directly"
                )
                return None
            return self.side_group(node, where)
        if len(kinds) != 1 or len(keys) != 1:
            extra = [k for k in keys if k not in kinds]
            if not kinds:
                hint = f"unknown step kind {quoted(keys[0])}" + self.r.suggest(keys[0], fields.STEP_KINDS)
                self.r.problem(node, f"{where}.{keys[0]}", f"{hint}; a step is one of {', '.join(fields.STEP_KINDS)}")
            elif len(kinds) > 1:
                self.r.problem(node, where, f"one step has {' and '.join(kinds)}; put each in its own '- ' entry")
            else:
                self.r.problem(
                    node,
                    f"{where}.{extra[0]}",
                    f"a {kinds[0]} step takes no other keys; remove {quoted(extra[0])} or make it a point step",
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
            self.r.problem(node, path, "expected a mapping like {pattern: calm, cycles: 3, style: voice}")
            return None
        style = self.defaults["breathing"].style if self.defaults["breathing"] else BreathStyle.VOICE
        breathing = self.breathing(node, path, style, cycles=3)
        if breathing is None:
            self.r.problem(node, f"{path}.pattern", "a breathe step needs a pattern, not none")
        return Breathe(breathing, at) if isinstance(breathing, Breathing) else None

    def side_group(self, node: MappingNode, where: str) -> SideGroup | None:
        reported = len(self.r.problems)
        v = self.r.table(node, fields.GROUP, where, {"group steps": lambda n, p: self.steps(n, p, in_group=True)})
        if v is None or not v.valid:
            return None
        steps = v["steps"]
        if not any(isinstance(s, PointStep) for s in steps):
            if len(self.r.problems) == reported:
                self.r.problem(
                    v.nodes["steps"],
                    f"{where}.steps",
                    "a group by side needs at least one point step; without points, list its steps outside a group",
                )
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
            self.r.problem(
                v.nodes["point"],
                f"{where}.point",
                f"{point.code} is on the midline and has no sides; move it out of the group",
            )
        elif in_group and "sides" in v.nodes:
            self.r.problem(
                v.nodes["sides"],
                f"{where}.sides",
                "the group's sides apply to every step in it; remove 'sides' here, or move the step out of the group",
            )
        elif point.laterality is Laterality.MIDLINE and "sides" in v.nodes:
            self.r.problem(
                v.nodes["sides"], f"{where}.sides", f"{point.code} is on the midline and has no sides; remove 'sides'"
            )
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
        self.notes.append(Problem(self.r.source, line_of(node), f"{where}.{key}", message))
        return True

    @staticmethod
    def late_marker(markers: tuple[float, ...] | None, hold: float) -> str | None:
        late = [m for m in (markers or ()) if m >= hold]
        if not late:
            return None
        return (
            f"a {format_duration(late[0])} left marker cannot be said in a {format_duration(hold)} hold; "
            "remove it or lengthen the hold"
        )

    @staticmethod
    def no_breathing_room(breathing: Breathing | None, hold: float) -> str | None:
        if not breathing or breathing.pattern.cycle <= hold - SETTLE:
            return None
        name, cycle = breathing.pattern.name, breathing.pattern.cycle
        return (
            f"a {format_duration(hold)} hold has no room for a {cycle:g} s cycle of '{name}' after the "
            f"{SETTLE:g} s settle, so no breathing would be guided; hold longer, choose a shorter pattern, or breathing: none"
        )

    def point(self, node: Node, path: str) -> Point | object:
        code = self.r.string(node, path)
        if code is None:
            return INVALID
        point = self.points.get(code)
        if point is None:
            if not self.own_points_broken:  # else the points file's own problems say why
                hint = (
                    ""
                    if self.points.ambiguous(code)
                    else " (acuguide points lists them all; add your own with points: FILE)"
                )
                self.r.problem(node, path, self.points.why_unknown(excerpt(code)) + hint)
            return INVALID
        own = self.shipped.get(code) is not point
        if self.t.is_source or (own and self.t.language == self.written):
            return point
        missing = len(self.t.missing)
        point = localize(point, self.t)
        for gap in self.t.missing[missing:]:
            where = "your points file" if own else f"src/acuguide/locale/{self.t.language}/LC_MESSAGES/messages.po"
            self.r.problem(node, path, f"{point.code}: {gap.message!r} has no {self.t.language} translation in {where}")
        return point
