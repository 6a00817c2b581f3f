"""Load a routine YAML file into a validated, immutable `Routine`.

Routines are written by hand, so loading is forgiving where that is safe (durations as
'90s', '1m30s' or 90; codes in any spelling) and strict where a mistake would change the
session (unknown keys, unknown points). Every problem is collected before raising.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from importlib import resources
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode

from . import breathing as breathing_mod
from . import wording
from .breathing import BreathingPattern
from .errors import Problem, RoutineError, RoutineNotFound
from .points import CONDITIONS, Laterality, Point, PointLibrary, Pressure, library
from .yamlread import YamlReader, line_of

MAX_HOLD = 10 * 60
ENGINE_NAMES = ("espeak", "piper", "fake")  # checked against the speech registry by a test
AMBIENT_LEVEL = -20.0  # dB of the ambient bed relative to the speech
MAX_PAUSE = 60 * 60


class Sides(Enum):
    TOGETHER = "together"
    EACH = "each"
    LEFT = "left"
    RIGHT = "right"


class BreathStyle(Enum):
    VOICE = "voice"  # "breathe in" ... "and out"
    COUNT = "count"  # "in, two, three, four", each count on its second
    TONE = "tone"  # a soft tone rising through the inhale and falling through the exhale


class Safety(Enum):
    FULL = "full"
    SHORT = "short"
    OFF = "off"


@dataclass(frozen=True)
class Where:
    """Where a step was written, so compile errors can point back at it."""

    source: str
    line: int
    field: str


@dataclass(frozen=True)
class Say:
    text: str
    where: Where


@dataclass(frozen=True)
class Pause:
    seconds: float
    where: Where


@dataclass(frozen=True)
class Breathing:
    """How breathing is guided: which pattern, voiced how, for how many cycles."""

    pattern: BreathingPattern
    style: BreathStyle = BreathStyle.VOICE
    cycles: int | None = None  # None: for as long as there is room (a whole hold)


@dataclass(frozen=True)
class Breathe:
    breathing: Breathing  # cycles always set
    where: Where


@dataclass(frozen=True)
class PointStep:
    point: Point
    sides: Sides | None  # None for midline points, which have no sides
    hold: float
    repeat: int
    pressure: Pressure
    breathing: Breathing | None
    rest: float
    markers: tuple[float, ...] | None  # seconds left to announce; None: the default for the hold
    where: Where
    say: str | None = None  # replaces the library's spoken introduction
    name: str | None = None
    find: str | None = None


Step = Say | Pause | Breathe | PointStep


@dataclass(frozen=True)
class Voice:
    engine: str | None = None  # None: the default engine
    name: str | None = None
    rate: int | None = None


@dataclass(frozen=True)
class Bells:
    """Where a synthesized bowl sounds: before the session, between point steps, at the end."""

    start: bool = True
    steps: bool = True
    end: bool = True


@dataclass(frozen=True)
class Phrases:
    """The transitions a routine may reword."""

    release: str = wording.RELEASE
    switch_sides: str = wording.SWITCH_SIDES


@dataclass(frozen=True)
class Ambient:
    """A bed under the whole session: 'noise' (synthesized) or a path to an audio file."""

    source: str
    level: float = AMBIENT_LEVEL


@dataclass(frozen=True)
class Routine:
    title: str
    summary: str
    slug: str
    source: str
    voice: Voice
    safety: Safety
    avoid: frozenset[str]
    intro: tuple[Step, ...]
    steps: tuple[Step, ...]
    outro: tuple[Step, ...]
    bells: Bells = Bells()
    phrases: Phrases = Phrases()
    ambient: Ambient | None = None

    @property
    def all_steps(self) -> tuple[Step, ...]:
        return self.intro + self.steps + self.outro

    @property
    def point_steps(self) -> tuple[PointStep, ...]:
        return tuple(s for s in self.all_steps if isinstance(s, PointStep))


_TOP = (
    "title", "summary", "voice", "safety", "avoid", "defaults", "breathing",
    "bells", "ambient", "phrases", "intro", "steps", "outro",
)  # fmt: skip
_DEFAULTS = ("hold", "pressure", "breathing", "rest", "markers")
_POINT = ("point", "sides", "hold", "repeat", "pressure", "breathing", "rest", "markers", "say", "name", "find")
_BREATHING = ("pattern", "style", "cycles")
_STEP_KINDS = ("say", "pause", "breathe", "point")
_PHASES = ("in", "hold", "out", "hold_out")


@dataclass(frozen=True)
class _Defaults:
    hold: float | None = None  # None: the point's own typical hold
    pressure: Pressure | None = None  # None: the point's own pressure
    breathing: Breathing | None = Breathing(breathing_mod.BUILTIN["calm"])
    rest: float = 10.0
    markers: tuple[float, ...] | None = None


def slug_for(path: Path) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "session"


def shipped_routines_dir():
    return resources.files("acuguide") / "routines"


def shipped_routines() -> list[str]:
    return sorted(p.name[:-5] for p in shipped_routines_dir().iterdir() if p.name.endswith(".yaml"))


def find_routine(arg: str) -> Path:
    """A routine argument is a path, or the name of a routine shipped with acuguide."""
    path = Path(arg)
    if path.is_file():
        return path
    shipped = shipped_routines_dir() / f"{arg}.yaml"
    if not path.suffix and shipped.is_file():
        return Path(str(shipped))
    names = ", ".join(shipped_routines())
    raise RoutineNotFound(f"{arg}: no such routine file, and no shipped routine of that name (shipped: {names})")


def display_name(path: Path) -> str:
    """Shipped routines are 'routines/x.yaml'; user files are shown relative to here if inside."""
    resolved = path.resolve()
    if resolved.parent == Path(str(shipped_routines_dir())).resolve():
        return f"routines/{path.name}"
    try:
        return str(resolved.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load(arg: str | Path, points: PointLibrary | None = None) -> Routine:
    path = find_routine(str(arg))
    source = display_name(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RoutineError([Problem(source, None, "", f"cannot read the file: {exc}")]) from None
    return parse(text, source, slug_for(path), points or library(), path.parent.resolve())


def parse(text: str, source: str, slug: str, points: PointLibrary, base: Path | None = None) -> Routine:
    """`base` is the routine's folder, against which an ambient file's path is resolved."""
    reader = YamlReader(source)
    root = reader.compose(text)
    top = reader.mapping(root, "", _TOP, ("title", "steps")) if root is not None else None
    if top is None:
        raise RoutineError(reader.problems)
    parser = _Parser(reader, points)
    title = reader.string(top["title"], "title") if "title" in top else None
    summary = reader.string(top["summary"], "summary") if "summary" in top else ""
    voice = parser.voice(top["voice"]) if "voice" in top else Voice()
    safety = reader.choice(top["safety"], "safety", Safety) if "safety" in top else Safety.FULL
    avoid = parser.avoid(top["avoid"]) if "avoid" in top else frozenset()
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
        intro=sections["intro"],
        steps=sections["steps"],
        outro=sections["outro"],
        bells=bells or Bells(),
        phrases=phrases,
        ambient=ambient,
    )


class _Parser:
    def __init__(self, reader: YamlReader, points: PointLibrary):
        self.r = reader
        self.points = points
        self.patterns: dict[str, BreathingPattern] = dict(breathing_mod.BUILTIN)

    def voice(self, node: Node) -> Voice:
        f = self.r.mapping(node, "voice", ("engine", "name", "rate")) or {}
        engine = self.r.string(f["engine"], "voice.engine") if "engine" in f else None
        if engine is not None and engine not in ENGINE_NAMES:
            self.r.problem(f["engine"], "voice.engine", f"unknown engine {engine!r}{self.r.suggest(engine, ENGINE_NAMES)}; engines: {', '.join(ENGINE_NAMES)}")
            engine = None
        name = self.r.string(f["name"], "voice.name") if "name" in f else None
        rate = self.r.integer(f["rate"], "voice.rate", 80, 400) if "rate" in f else None
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
            f = self.r.mapping(value_node, where, _PHASES, ("in", "out"))
            if f is None:
                continue
            secs = {k: self.r.duration(v, f"{where}.{k}", 0.5, 60) for k, v in f.items()}
            if any(v is None for v in secs.values()) or len(secs) < 2:
                continue
            self.patterns[name] = breathing_mod.pattern(
                name, secs["in"], secs.get("hold", 0.0), secs["out"], secs.get("hold_out", 0.0)
            )

    def pattern(self, node: Node, field: str) -> BreathingPattern | None | bool:
        """A pattern, None for 'none', or False when the name is unknown (already reported)."""
        name = node.value.strip() if isinstance(node, ScalarNode) else None  # as written: 'off' is no boolean here
        if name in ("none", "off", ""):
            return None
        if name in self.patterns:
            return self.patterns[name]
        known = ", ".join([*self.patterns, "none"])
        self.r.problem(node, field, f"unknown breathing pattern {name!r}; use one of {known}, or define it under 'breathing:'")
        return False

    def breathing(self, node: Node, field: str, style: BreathStyle, cycles: int | None = None) -> Breathing | None | bool:
        """`calm`, `none`, or {pattern: calm, style: tone, cycles: 3}; False if wrong (reported)."""
        if not isinstance(node, MappingNode):
            pattern = self.pattern(node, field)
            return Breathing(pattern, style, cycles) if isinstance(pattern, BreathingPattern) else pattern
        f = self.r.mapping(node, field, _BREATHING, ("pattern",))
        if f is None or "pattern" not in f:
            return False
        pattern = self.pattern(f["pattern"], f"{field}.pattern")
        if "style" in f:
            style = self.r.choice(f["style"], f"{field}.style", BreathStyle)
        if "cycles" in f:
            cycles = self.r.integer(f["cycles"], f"{field}.cycles", 1, 100)
        if pattern is False or style is None or ("cycles" in f and cycles is None):
            return False
        return Breathing(pattern, style, cycles) if pattern else None

    def markers(self, node: Node, field: str) -> tuple[float, ...] | None:
        values = [self.r.duration(item, where, 1, MAX_HOLD) for where, item in self.r.items(node, field)]
        return None if any(v is None for v in values) else tuple(sorted(values, reverse=True))  # type: ignore[arg-type]

    def bells(self, node: Node) -> Bells | None:
        if isinstance(node, ScalarNode) and node.value.strip().lower() in ("off", "none", "false", "no"):
            return Bells(False, False, False)
        if isinstance(node, ScalarNode) and node.value.strip().lower() in ("on", "true", "yes"):
            return Bells()
        f = self.r.mapping(node, "bells", ("start", "steps", "end"))
        if f is None:
            return None
        flags = {k: self.flag(v, f"bells.{k}") for k, v in f.items()}
        return Bells(**{k: v for k, v in flags.items() if v is not None})

    def flag(self, node: Node, field: str) -> bool | None:
        text = node.value.strip().lower() if isinstance(node, ScalarNode) else ""
        if text in ("on", "true", "yes"):
            return True
        if text in ("off", "false", "no"):
            return False
        self.r.problem(node, field, f"expected on or off, got {self.r.shown(node)}")
        return None

    def ambient(self, node: Node, base: Path) -> Ambient | None:
        if isinstance(node, ScalarNode):
            if node.value.strip().lower() in ("off", "none", ""):  # as written: YAML reads off as false
                return None
            f = {"sound": node}
        else:
            f = self.r.mapping(node, "ambient", ("sound", "level"), ("sound",)) or {}
        sound = self.r.string(f["sound"], "ambient.sound") if "sound" in f else None
        level = self.r.value(f["level"]) if "level" in f else AMBIENT_LEVEL
        if "level" in f and (isinstance(level, bool) or not isinstance(level, (int, float)) or not -60 <= level <= 0):
            self.r.problem(f["level"], "ambient.level", f"expected dB below the speech, from -60 to 0, got {self.r.shown(f['level'])}")
            return None
        if sound is None or sound.lower() in ("off", "none"):
            return None
        if sound != "noise":
            path = base / sound
            if not path.is_file():
                self.r.problem(f["sound"], "ambient.sound", f"no audio file {sound!r} (looked for {path}); use noise, off, or a path relative to the routine")
                return None
            sound = str(path)
        return Ambient(sound, float(level))

    def phrases(self, node: Node) -> Phrases:
        f = self.r.mapping(node, "phrases", ("release", "switch_sides")) or {}
        texts = {k: self.r.string(v, f"phrases.{k}") for k, v in f.items()}
        return Phrases(**{k: v for k, v in texts.items() if v})

    def defaults(self, node: Node) -> _Defaults:
        f = self.r.mapping(node, "defaults", _DEFAULTS) or {}
        d = _Defaults()
        hold = self.r.duration(f["hold"], "defaults.hold", 1, MAX_HOLD) if "hold" in f else d.hold
        pressure = self.r.choice(f["pressure"], "defaults.pressure", Pressure) if "pressure" in f else d.pressure
        breathing = self.breathing(f["breathing"], "defaults.breathing", BreathStyle.VOICE) if "breathing" in f else d.breathing
        rest = self.r.duration(f["rest"], "defaults.rest", 0, MAX_PAUSE) if "rest" in f else d.rest
        markers = self.markers(f["markers"], "defaults.markers") if "markers" in f else d.markers
        return _Defaults(
            hold=hold,
            pressure=pressure,
            breathing=breathing if breathing is not False else d.breathing,
            rest=rest if rest is not None else d.rest,
            markers=markers,
        )

    def steps(self, node: Node, section: str, defaults: _Defaults) -> tuple[Step, ...]:
        steps: list[Step] = []
        for where, item in self.r.items(node, section):
            step = self.step(item, where, defaults)
            if step is not None:
                steps.append(step)
        return tuple(steps)

    def step(self, node: Node, where: str, defaults: _Defaults) -> Step | None:
        if not isinstance(node, MappingNode) or not node.value:
            self.r.problem(node, where, f"expected a step: a mapping with one of {', '.join(_STEP_KINDS)}")
            return None
        keys = [str(self.r.value(k)) for k, _ in node.value]
        kinds = [k for k in keys if k in _STEP_KINDS]
        if "point" in kinds:
            return self.point_step(node, where, defaults)
        if len(kinds) != 1 or len(keys) != 1:
            extra = [k for k in keys if k not in kinds]
            if not kinds:
                hint = f"unknown step kind {keys[0]!r}" + self.r.suggest(keys[0], _STEP_KINDS)
                self.r.problem(node, f"{where}.{keys[0]}", f"{hint}; a step is one of {', '.join(_STEP_KINDS)}")
            elif len(kinds) > 1:
                self.r.problem(node, where, f"one step has {' and '.join(kinds)}; put each in its own '- ' entry")
            else:
                self.r.problem(node, f"{where}.{extra[0]}", f"a {kinds[0]} step takes no other keys; remove {extra[0]!r} or make it a point step")
            return None
        kind, value = kinds[0], node.value[0][1]
        at = Where(self.r.source, line_of(node), where)
        if kind == "say":
            text = self.r.string(value, f"{where}.say")
            return Say(text, at) if text else None
        if kind == "pause":
            seconds = self.r.duration(value, f"{where}.pause", 0.1, MAX_PAUSE)
            return Pause(seconds, at) if seconds is not None else None
        return self.breathe(value, f"{where}.breathe", at, defaults)

    def breathe(self, node: Node, field: str, at: Where, d: _Defaults) -> Breathe | None:
        if not isinstance(node, MappingNode):
            self.r.problem(node, field, "expected a mapping like {pattern: calm, cycles: 3, style: voice}")
            return None
        style = d.breathing.style if d.breathing else BreathStyle.VOICE
        breathing = self.breathing(node, field, style, cycles=3)
        if breathing is None:
            self.r.problem(node, f"{field}.pattern", "a breathe step needs a pattern, not none")
        return Breathe(breathing, at) if isinstance(breathing, Breathing) else None

    def point_step(self, node: MappingNode, where: str, d: _Defaults) -> PointStep | None:
        f = self.r.mapping(node, where, _POINT, ("point",))
        if f is None or "point" not in f:
            return None
        point = self.point(f["point"], f"{where}.point")
        hold = self.r.duration(f["hold"], f"{where}.hold", 1, MAX_HOLD) if "hold" in f else None
        repeat = self.r.integer(f["repeat"], f"{where}.repeat", 1, 20) if "repeat" in f else 1
        pressure = self.r.choice(f["pressure"], f"{where}.pressure", Pressure) if "pressure" in f else None
        style = d.breathing.style if d.breathing else BreathStyle.VOICE
        breathing = self.breathing(f["breathing"], f"{where}.breathing", style) if "breathing" in f else d.breathing
        rest = self.r.duration(f["rest"], f"{where}.rest", 0, MAX_PAUSE) if "rest" in f else d.rest
        markers = self.markers(f["markers"], f"{where}.markers") if "markers" in f else d.markers
        texts = {k: self.r.string(f[k], f"{where}.{k}") for k in ("say", "name", "find") if k in f}
        sides = self.r.choice(f["sides"], f"{where}.sides", Sides) if "sides" in f else None
        if point is None or None in (repeat, rest) or breathing is False or None in texts.values():
            return None
        if any(k in f and v is None for k, v in (("hold", hold), ("pressure", pressure), ("sides", sides), ("markers", markers))):
            return None
        if point.laterality is Laterality.MIDLINE:
            if sides is not None:
                self.r.problem(f["sides"], f"{where}.sides", f"{point.code} is on the midline and has no sides; remove 'sides'")
                return None
        elif sides is None:
            sides = Sides.EACH
        return PointStep(
            point=point,
            sides=sides,
            hold=hold if hold is not None else d.hold if d.hold is not None else point.hold,
            repeat=repeat,
            pressure=pressure or d.pressure or point.pressure,
            breathing=breathing,  # type: ignore[arg-type]
            rest=rest,  # type: ignore[arg-type]
            markers=markers,
            where=Where(self.r.source, line_of(node), where),
            **texts,
        )

    def point(self, node: Node, field: str) -> Point | None:
        code = self.r.string(node, field)
        if code is None:
            return None
        point = self.points.get(code)
        if point is None:
            close = self.points.suggest(code)
            hint = f"; did you mean {' or '.join(close)}?" if close else ""
            self.r.problem(node, field, f"unknown point {code!r}{hint} (acuguide points lists them all)")
        return point
