"""Load a routine YAML file into a validated, immutable `Routine`.

Routines are written by hand, so loading is forgiving where that is safe (durations as
'90s', '1m30s' or 90; codes in any spelling) and strict where a mistake would change the
session (unknown keys, unknown points). Keys, ranges and defaults come from the table in
`fields`. Every problem is collected before raising.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode

from ..content import breathing as breathing_mod
from ..content import wording
from ..content.breathing import SETTLE, BreathingPattern
from ..content.points import CONDITIONS, Laterality, Point, PointLibrary, Pressure, library
from ..errors import Problem, RoutineError
from ..yamlread import YamlReader, format_duration, line_of
from . import fields
from .find import display_name, find_routine, slug_for
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
    Safety,
    Say,
    SideGroup,
    Sides,
    Step,
    Tool,
    Voice,
    Where,
)

MAX_BYTES = 1_000_000
MAX_COUNT = 1 + len(wording.COUNTS)  # the count style has a word for each second up to this


@dataclass(frozen=True)
class _Defaults:
    tool: Tool = Tool.HANDS
    hold: float | None = fields.DEFAULTS["hold"].default  # type: ignore[assignment]  # None: the point's own
    pressure: Pressure | None = None  # None: the point's own pressure
    breathing: Breathing | None = Breathing(breathing_mod.BUILTIN[str(fields.DEFAULTS["breathing"].default)])
    rest: float = fields.DEFAULTS["rest"].default  # type: ignore[assignment]
    markers: tuple[float, ...] | None = None


def load(arg: str | Path, points: PointLibrary | None = None) -> Routine:
    path = find_routine(str(arg))
    source = display_name(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise RoutineError([Problem(source, None, "", f"the file is {path.stat().st_size:,} bytes; a routine may be at most {MAX_BYTES:,} (1 MB)")])
        data = path.read_bytes()
    except OSError as exc:
        raise RoutineError([Problem(source, None, "", f"cannot read the file: {exc.strerror or exc}")]) from None
    return parse(decode(data, source), source, slug_for(path), points or library(), path.parent.resolve())


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
        raise RoutineError([Problem(source, line, "", f"byte 0x{byte:02x} at offset {exc.start} is not UTF-8; save the file as UTF-8 text")]) from None


def parse(text: str, source: str, slug: str, points: PointLibrary, base: Path | None = None) -> Routine:
    """`base` is the routine's folder, against which an ambient file's path is resolved."""
    reader = YamlReader(source)
    root = reader.compose(text)
    top = reader.mapping(root, "", fields.TOP.keys, fields.TOP.required) if root is not None else None
    if top is None:
        raise RoutineError(reader.problems)
    parser = _Parser(reader, points)
    title = reader.spoken(top["title"], "title") if "title" in top else None
    summary = reader.spoken(top["summary"], "summary") if "summary" in top else ""
    voice = parser.voice(top["voice"]) if "voice" in top else Voice()
    safety = Safety.FULL
    if "safety" in top:
        safety = Safety.OFF if reader.word(top["safety"]) in fields.OFF else reader.choice(top["safety"], "safety", Safety)
    avoid = parser.avoid(top["avoid"]) if "avoid" in top else frozenset()
    equipment = tuple(reader.spoken(item, where) for where, item in reader.items(top["equipment"], "equipment")) if "equipment" in top else ()
    if "breathing" in top:
        parser.custom_patterns(top["breathing"])
    defaults = parser.defaults(top["defaults"]) if "defaults" in top else _Defaults()
    bells = parser.bells(top["bells"]) if "bells" in top else Bells()
    ambient = parser.ambient(top["ambient"], base or Path.cwd()) if "ambient" in top else None
    phrases = parser.phrases(top["phrases"]) if "phrases" in top else Phrases()
    sections = {
        name: parser.steps(top[name], name, defaults) if name in top else ()
        for name in ("intro", "steps", "outro")
    }
    if "steps" in top and not sections["steps"] and not reader.problems:
        reader.problem(top["steps"], "steps", "a routine needs at least one step")
    if reader.problems:
        raise RoutineError(reader.problems)
    return Routine(
        title=title or slug,
        summary=summary or "",
        slug=slug,
        source=source,
        voice=voice,
        safety=safety or Safety.FULL,
        avoid=avoid,
        equipment=tuple(thing for thing in equipment if thing),
        intro=sections["intro"],
        steps=sections["steps"],
        outro=sections["outro"],
        bells=bells or Bells(),
        phrases=phrases,
        ambient=ambient,
        notes=tuple(parser.notes),
        default_hold=defaults.hold,
    )


class _Parser:
    def __init__(self, reader: YamlReader, points: PointLibrary):
        self.r = reader
        self.points = points
        self.patterns: dict[str, BreathingPattern] = dict(breathing_mod.BUILTIN)
        self.invalid_patterns: set[str] = set()
        self.notes: list[Problem] = []

    def read(self, f: dict[str, Node], table: fields.Table, key: str, where: str) -> object:
        """A text, duration, number or integer field by its row in the table: its default if
        absent, None if wrong (reported with the row's range)."""
        field = table[key]
        if key not in f:
            return field.default
        node, path = f[key], f"{where}.{key}" if where else key
        if field.type == "duration":
            return self.r.duration(node, path, *field.range)  # type: ignore[misc]
        if field.type == "integer":
            return self.r.integer(node, path, *field.range)  # type: ignore[misc]
        if field.type == "number":
            return self.r.number(node, path, *field.range, field.help)  # type: ignore[misc]
        return self.r.string(node, path)

    def voice(self, node: Node) -> Voice:
        f = self.r.mapping(node, "voice", fields.VOICE.keys) or {}
        engine = self.r.string(f["engine"], "voice.engine") if "engine" in f else None
        if engine is not None and engine not in fields.ENGINE_NAMES:
            names = fields.ENGINE_NAMES
            self.r.problem(f["engine"], "voice.engine", f"unknown engine {engine!r}{self.r.suggest(engine, names)}; engines: {', '.join(names)}")
            engine = None
        name = self.read(f, fields.VOICE, "name", "voice")
        rate = self.read(f, fields.VOICE, "rate", "voice")
        return Voice(engine, name, rate)

    def avoid(self, node: Node) -> frozenset[str]:
        values = self.r.strings(node, "avoid") or ()
        for value in values:
            if value not in CONDITIONS:
                self.r.problem(node, "avoid", f"unknown condition {value!r}; known: {', '.join(CONDITIONS)}")
        return frozenset(values)

    def custom_patterns(self, node: Node) -> None:
        if not isinstance(node, MappingNode):
            self.r.problem(node, "breathing", "expected a mapping of pattern names to phases, like  slow: {in: 4, out: 6}")
            return
        for key_node, value_node in node.value:
            name = str(self.r.value(key_node))
            where = f"breathing.{name}"
            if name == "none":
                self.r.problem(key_node, where, "'none' means no breathing cues; choose another name")
                continue
            self.invalid_patterns.add(name)  # until it parses: a reference to it is not a second error
            f = self.r.mapping(value_node, where, fields.PATTERN.keys, fields.PATTERN.required)
            if f is None:
                continue
            secs = {k: self.read(f, fields.PATTERN, k, where) for k in f}
            if any(v is None for v in secs.values()) or not {"in", "out"} <= secs.keys():
                continue
            self.invalid_patterns.discard(name)
            self.patterns[name] = breathing_mod.pattern(
                name, secs["in"], secs.get("hold", 0.0), secs["out"], secs.get("hold_out", 0.0)
            )

    def pattern(self, node: Node, field: str) -> BreathingPattern | None | bool:
        """A pattern, None for 'none', or False when the name is unknown (already reported)."""
        name = node.value.strip() if isinstance(node, ScalarNode) else None  # as written: 'off' is no boolean here
        if self.r.word(node) in (*fields.OFF, ""):
            return None
        if name in self.patterns:
            return self.patterns[name]
        if name in self.invalid_patterns:
            return False
        known = ", ".join([*self.patterns, "none"])
        self.r.problem(node, field, f"unknown breathing pattern {name!r}; use one of {known}, or define it under 'breathing:'")
        return False

    def breathing(self, node: Node, field: str, style: BreathStyle, cycles: int | None = None) -> Breathing | None | bool:
        """`calm`, `none`, or {pattern: calm, style: tone, cycles: 3}; False if wrong (reported)."""
        if not isinstance(node, MappingNode):
            pattern = self.pattern(node, field)
            if isinstance(pattern, BreathingPattern) and not self.countable(pattern, style, node, field):
                return False
            return Breathing(pattern, style, cycles) if isinstance(pattern, BreathingPattern) else pattern
        f = self.r.mapping(node, field, fields.BREATHING.keys, fields.BREATHING.required)
        if f is None or "pattern" not in f:
            return False
        pattern = self.pattern(f["pattern"], f"{field}.pattern")
        if "style" in f:
            style = self.r.choice(f["style"], f"{field}.style", BreathStyle)
        if "cycles" in f:
            cycles = self.read(f, fields.BREATHING, "cycles", field)
        if pattern is False or style is None or ("cycles" in f and cycles is None):
            return False
        if pattern and not self.countable(pattern, style, node, field):
            return False
        return Breathing(pattern, style, cycles) if pattern else None

    def countable(self, pattern: BreathingPattern, style: BreathStyle, node: Node, field: str) -> bool:
        longest = max(seconds for _, seconds in pattern.phases)
        if style is BreathStyle.COUNT and longest > MAX_COUNT:
            self.r.problem(node, field, f"the count style counts each second up to {MAX_COUNT}, but pattern "
                           f"'{pattern.name}' has a {longest:g} s phase; use style voice or tone, or shorter phases")
            return False
        return True

    def markers(self, node: Node, field: str) -> tuple[float, ...] | None:
        low, high = fields.DEFAULTS["markers"].range  # type: ignore[misc]
        values = [self.r.duration(item, where, low, high) for where, item in self.r.items(node, field)]
        return None if any(v is None for v in values) else tuple(sorted(values, reverse=True))  # type: ignore[arg-type]

    def bells(self, node: Node) -> Bells | None:
        if self.r.word(node) in fields.OFF:
            return Bells(False, False, False)
        if self.r.word(node) in fields.ON:
            return Bells()
        if isinstance(node, ScalarNode):
            self.r.problem(node, "bells", f"expected on, off, or {{start, steps, end}}, got {self.r.shown(node)}")
            return None
        f = self.r.mapping(node, "bells", fields.BELLS.keys)
        if f is None:
            return None
        flags = {k: self.flag(v, f"bells.{k}") for k, v in f.items()}
        return Bells(**{k: v for k, v in flags.items() if v is not None})

    def flag(self, node: Node, field: str) -> bool | None:
        if self.r.word(node) in fields.ON:
            return True
        if self.r.word(node) in fields.OFF:
            return False
        self.r.problem(node, field, f"expected on or off, got {self.r.shown(node)} (yes/no and true/false work too; none means off)")
        return None

    def ambient(self, node: Node, base: Path) -> Ambient | None:
        if isinstance(node, ScalarNode):
            if self.r.word(node) in (*fields.OFF, ""):
                return None
            f = {"sound": node}
        else:
            f = self.r.mapping(node, "ambient", fields.AMBIENT.keys, fields.AMBIENT.required) or {}
        if "sound" in f and self.r.word(f["sound"]) in fields.OFF:
            return None
        sound = self.r.string(f["sound"], "ambient.sound") if "sound" in f else None
        level = self.read(f, fields.AMBIENT, "level", "ambient")
        if level is None or sound is None:
            return None
        if sound != "noise":
            path = base / sound
            if not path.is_file():
                self.r.problem(f["sound"], "ambient.sound", f"no audio file {sound!r} (looked for {path}); use noise, off, or a path relative to the routine")
                return None
            sound = str(path)
        return Ambient(sound, float(level))

    def phrases(self, node: Node) -> Phrases:
        f = self.r.mapping(node, "phrases", fields.PHRASES.keys) or {}
        texts = {k: self.r.spoken(v, f"phrases.{k}") for k, v in f.items()}
        return Phrases(**{k: v for k, v in texts.items() if v})

    def defaults(self, node: Node) -> _Defaults:
        f = self.r.mapping(node, "defaults", fields.DEFAULTS.keys) or {}
        d = _Defaults()
        hold = self.read(f, fields.DEFAULTS, "hold", "defaults")
        pressure = self.r.choice(f["pressure"], "defaults.pressure", Pressure) if "pressure" in f else d.pressure
        breathing = self.breathing(f["breathing"], "defaults.breathing", BreathStyle.VOICE) if "breathing" in f else d.breathing
        rest = self.read(f, fields.DEFAULTS, "rest", "defaults")
        markers = self.markers(f["markers"], "defaults.markers") if "markers" in f else d.markers
        tool = self.r.choice(f["tool"], "defaults.tool", Tool) if "tool" in f else d.tool
        return _Defaults(
            tool=tool or d.tool,
            hold=hold,
            pressure=pressure,
            breathing=breathing if breathing is not False else d.breathing,
            rest=rest if rest is not None else d.rest,
            markers=markers,
        )

    def steps(self, node: Node, section: str, defaults: _Defaults, group: Sides | None = None) -> tuple[Step, ...]:
        """The steps of a section, or of a group done by side (`group`: its sides)."""
        steps: list[Step] = []
        for where, item in self.r.items(node, section):
            step = self.step(item, where, defaults, group)
            if step is not None:
                steps.append(step)
        return tuple(steps)

    def step(self, node: Node, where: str, defaults: _Defaults, group: Sides | None = None) -> Step | None:
        if not isinstance(node, MappingNode) or not node.value:
            self.r.problem(node, where, f"expected a step: a mapping with one of {', '.join(fields.STEP_KINDS)}")
            return None
        keys = [str(self.r.value(k)) for k, _ in node.value]
        kinds = [k for k in keys if k in fields.STEP_KINDS]
        if "point" in kinds:
            return self.point_step(node, where, defaults, group)
        if "steps" in kinds:
            if group is not None:
                self.r.problem(node, f"{where}.steps", "a group of steps cannot hold another group; list its steps here directly")
                return None
            return self.side_group(node, where, defaults)
        if len(kinds) != 1 or len(keys) != 1:
            extra = [k for k in keys if k not in kinds]
            if not kinds:
                hint = f"unknown step kind {keys[0]!r}" + self.r.suggest(keys[0], fields.STEP_KINDS)
                self.r.problem(node, f"{where}.{keys[0]}", f"{hint}; a step is one of {', '.join(fields.STEP_KINDS)}")
            elif len(kinds) > 1:
                self.r.problem(node, where, f"one step has {' and '.join(kinds)}; put each in its own '- ' entry")
            else:
                self.r.problem(node, f"{where}.{extra[0]}", f"a {kinds[0]} step takes no other keys; remove {extra[0]!r} or make it a point step")
            return None
        kind, value = kinds[0], node.value[0][1]
        at = Where(self.r.source, line_of(node), where)
        if kind == "say":
            text = self.r.spoken(value, f"{where}.say")
            return Say(text, at) if text else None
        if kind == "pause":
            seconds = self.r.duration(value, f"{where}.pause", *fields.PAUSE.range)  # type: ignore[misc]
            return Pause(seconds, at) if seconds is not None else None
        return self.breathe(value, f"{where}.breathe", at, defaults)

    def side_group(self, node: MappingNode, where: str, d: _Defaults) -> SideGroup | None:
        f = self.r.mapping(node, where, fields.GROUP.keys, fields.GROUP.required)
        if f is None:
            return None
        sides_field = fields.GROUP["sides"]
        sides = self.r.choice(f["sides"], f"{where}.sides", Sides, sides_field.choices) if "sides" in f else None
        switch = self.r.spoken(f["switch_sides"], f"{where}.switch_sides") if "switch_sides" in f else None
        reported = len(self.r.problems)
        steps = self.steps(f["steps"], f"{where}.steps", d, sides or Sides.EACH) if "steps" in f else ()
        if "steps" in f and not any(isinstance(s, PointStep) for s in steps) and len(self.r.problems) == reported:
            self.r.problem(f["steps"], f"{where}.steps", "a group by side needs at least one point step; "
                           "without points, list its steps outside a group")
        if sides is None or not steps or ("switch_sides" in f and switch is None):
            return None
        texts = {"switch_sides": switch} if switch else {}
        return SideGroup(sides, steps, Where(self.r.source, line_of(node), where), **texts)  # type: ignore[arg-type]

    def breathe(self, node: Node, field: str, at: Where, d: _Defaults) -> Breathe | None:
        if not isinstance(node, MappingNode):
            self.r.problem(node, field, "expected a mapping like {pattern: calm, cycles: 3, style: voice}")
            return None
        style = d.breathing.style if d.breathing else BreathStyle.VOICE
        breathing = self.breathing(node, field, style, cycles=3)
        if breathing is None:
            self.r.problem(node, f"{field}.pattern", "a breathe step needs a pattern, not none")
        return Breathe(breathing, at) if isinstance(breathing, Breathing) else None

    def point_step(self, node: MappingNode, where: str, d: _Defaults, group: Sides | None = None) -> PointStep | None:
        """A point step; inside a group by side (`group`: its sides), the group's sides apply."""
        f = self.r.mapping(node, where, fields.POINT.keys, fields.POINT.required)
        if f is None or "point" not in f:
            return None
        point = self.point(f["point"], f"{where}.point")
        hold = self.read(f, fields.POINT, "hold", where)
        repeat = self.read(f, fields.POINT, "repeat", where)
        pressure = self.r.choice(f["pressure"], f"{where}.pressure", Pressure) if "pressure" in f else None
        style = d.breathing.style if d.breathing else BreathStyle.VOICE
        breathing = self.breathing(f["breathing"], f"{where}.breathing", style) if "breathing" in f else d.breathing
        rest = self.read(f, fields.POINT, "rest", where) if "rest" in f else d.rest
        markers = self.markers(f["markers"], f"{where}.markers") if "markers" in f else d.markers
        tool = self.r.choice(f["tool"], f"{where}.tool", Tool) if "tool" in f else d.tool
        texts = {k: self.r.spoken(f[k], f"{where}.{k}") for k in ("say", "name", "find") if k in f}
        sides = self.r.choice(f["sides"], f"{where}.sides", Sides) if "sides" in f else None
        if point is None or None in (repeat, rest) or breathing is False or None in texts.values():
            return None
        if any(k in f and v is None for k, v in (("hold", hold), ("pressure", pressure), ("sides", sides), ("markers", markers), ("tool", tool))):
            return None
        if group is not None:
            if "sides" in f:
                self.r.problem(f["sides"], f"{where}.sides", "the group's sides apply to every step in it; "
                               "remove 'sides' here, or move the step out of the group")
                return None
            if point.laterality is Laterality.MIDLINE:
                self.r.problem(f["point"], f"{where}.point", f"{point.code} is on the midline and has no sides; move it out of the group")
                return None
            sides = group
        elif point.laterality is Laterality.MIDLINE:
            if sides is not None:
                self.r.problem(f["sides"], f"{where}.sides", f"{point.code} is on the midline and has no sides; remove 'sides'")
                return None
        elif sides is None:
            sides = Sides.EACH
        hold = hold if hold is not None else d.hold if d.hold is not None else point.hold
        late = [m for m in (markers or ()) if m >= hold]
        if late:
            message = (f"a {format_duration(late[0])} left marker cannot be said in a {format_duration(hold)} hold; "
                       "remove it or lengthen the hold")
            if "markers" in f:
                self.r.problem(f["markers"], f"{where}.markers", message)
                return None
            self.notes.append(Problem(self.r.source, line_of(node), f"{where}.markers", message))
        if breathing and breathing.pattern.cycle > hold - SETTLE:  # type: ignore[union-attr]
            name, cycle = breathing.pattern.name, breathing.pattern.cycle  # type: ignore[union-attr]
            message = (f"a {format_duration(hold)} hold has no room for a {cycle:g} s cycle of '{name}' after the "
                       f"{SETTLE:g} s settle, so no breathing would be guided; hold longer, choose a shorter pattern, or breathing: none")
            if "breathing" in f:
                self.r.problem(f["breathing"], f"{where}.breathing", message)
                return None
            self.notes.append(Problem(self.r.source, line_of(node), f"{where}.breathing", message))
        return PointStep(
            point=point,
            sides=sides,
            hold=hold,
            repeat=repeat,
            pressure=pressure or d.pressure or point.pressure,
            breathing=breathing,  # type: ignore[arg-type]
            rest=rest,  # type: ignore[arg-type]
            markers=markers,
            where=Where(self.r.source, line_of(node), where),
            tool=tool,  # type: ignore[arg-type]
            **texts,
        )

    def point(self, node: Node, field: str) -> Point | None:
        code = self.r.string(node, field)
        if code is None:
            return None
        point = self.points.get(code)
        if point is None:
            self.r.problem(node, field, self.points.why_unknown(code) + ("" if self.points.ambiguous(code) else " (acuguide points lists them all)"))
        return point
