"""The routine format as one table: every field with its type, range, default and help.

The loader reads every mapping by its table here (one reader per field type, in `yamlread`)
and quotes the help in its errors, so the format is written down once; the JSON Schema is
generated from the same rows, so it cannot drift from what the loader accepts. A new field
is one row here and one attribute in `model`. Rows are read in order: the file's own
breathing patterns before the defaults and steps that name them.

The help a problem quotes (a choice's, a number's) is marked for the catalogs with `N_`, which
leaves it English for the schema; the reader says it in the routine's language where it quotes it.
"""

from __future__ import annotations

from ..content.catalog import N_, languages
from ..content.points import CONDITIONS, Posture, Pressure
from ..engines import DEFAULT_ENGINE, ENGINE_NAMES
from ..yamlread import Field, Table
from .model import AMBIENT_LEVEL, BreathStyle, Safety, Sides, Tool

MAX_HOLD = 10 * 60
MAX_PAUSE = 60 * 60

# TRANSLATORS: a problem with a routine's field: {value} is what was written, quoted; {hint} empty or a "did you
# TRANSLATORS: mean"; {choices} the words it takes, as written.
UNKNOWN_ENGINE = N_("unknown engine {value}{hint}; known: {choices}")
UNKNOWN_LANGUAGE = N_("unknown language {value}{hint}; known: {choices}")
UNKNOWN_CONDITION = N_("unknown condition {value}{hint}; known: {choices}")

BREATHING_HELP = "a pattern name (calm, box, 4-7-8, coherent, your own, or none), or {pattern, style, cycles}"

BREATHING = Table("breathing", (
    Field("pattern", "text", "a pattern name", required=True),
    Field.choice("style", BreathStyle, N_("voice, count or tone"), default="voice"),
    Field("cycles", "integer", "how many cycles; default: as many as fit", range=(1, 100)),
))  # fmt: skip

VOICE = Table("voice", (
    Field.choice("engine", ENGINE_NAMES, f"the speech engine, {DEFAULT_ENGINE} unless said; acuguide voices lists them", unknown=UNKNOWN_ENGINE),
    Field("name", "text", "a voice of the engine: en-us+klatt4 (espeak), joe or a .onnx file (piper)"),
    Field("rate", "integer", "speaking rate in words per minute", range=(80, 400)),
))  # fmt: skip

DEFAULTS = Table("defaults", (
    Field("hold", "duration", "how long each point is held; default: the point's typical hold", range=(1, MAX_HOLD)),
    Field.choice("pressure", Pressure, N_("how hard to press; default: the point's own")),
    Field("breathing", "breathing", BREATHING_HELP, default="calm", table=BREATHING),
    Field("rest", "duration", "silence between repeats and between sides", range=(0, MAX_PAUSE), default=10.0),
    Field("markers", "list", "time-left announcements inside holds, like [30s, 10s]; [] for none", range=(1, MAX_HOLD)),
    Field.choice("tool", Tool, N_("what presses the points: hands, ball, roller or gun; the words for pressing fit it"), default="hands"),
))  # fmt: skip

POINT = Table("point step", (
    Field("point", "text", "a point code in any spelling: BL23, B23, bl 23", required=True),
    Field.choice("sides", Sides, N_("each: the left side, then the right; together: both sides at once; left or right: one side only; midline points have none"), default="each"),
    Field("hold", "duration", DEFAULTS["hold"].help, range=(1, MAX_HOLD)),
    Field("repeat", "integer", "how many rounds", range=(1, 20), default=1),
    *(f for f in DEFAULTS.fields if f.name != "hold"),
    Field("say", "text", "replaces everything said to introduce the point"),
    Field("name", "text", "replaces the point's spoken name"),
    Field("find", "text", "replaces how to find the point"),
    Field.choice("posture", Posture, N_("how the listener is placed for this step: seated, standing or lying; default: "
                 "the point's own (a ball against a wall is standing, and needs no mat)")),
))  # fmt: skip

PATTERN = Table("breathing pattern", (
    Field("in", "duration", "seconds breathing in", range=(0.5, 60), required=True),
    Field("hold", "duration", "seconds holding after breathing in", range=(0.5, 60)),
    Field("out", "duration", "seconds breathing out", range=(0.5, 60), required=True),
    Field("hold_out", "duration", "seconds holding after breathing out", range=(0.5, 60)),
))  # fmt: skip

BELLS = Table("bells", (
    Field("start", "flag", "a bell before the session", default=True),
    Field("steps", "flag", "a bell between point steps", default=True),
    Field("end", "flag", "a bell at the end", default=True),
))  # fmt: skip

AMBIENT = Table("ambient", (
    Field("sound", "text", "noise, off, or an audio file relative to the routine", required=True),
    Field("level", "number", N_("dB below the speech"), range=(-60, 0), default=AMBIENT_LEVEL),
))  # fmt: skip

PHRASES = Table("phrases", (
    Field("release", "text", "said at the end of every hold"),
    Field("switch_sides", "text", "said before the right side of a step done on each side"),
))  # fmt: skip

GROUP = Table("group of steps", (
    Field("steps", "group steps", "say, pause, breathe and point steps, all done on one side before the other", required=True),
    Field.choice("sides", Sides, N_("each: all the steps on the left, then all on the right; or left or right only"),
                 required=True, only=(Sides.EACH.value, Sides.LEFT.value, Sides.RIGHT.value)),
    Field("switch_sides", "text", "said once before the right side; default: a plain 'now the right side'"),
))  # fmt: skip

STEP = Table("step", (
    Field("say", "text", "words to speak"),
    Field("pause", "duration", "silence", range=(0.1, MAX_PAUSE)),
    Field("breathe", "breathing", "guided breathing: {pattern, style, cycles}; cycles default to 3", table=BREATHING),
    Field("point", "text", "a point to press, with the point step's other fields beside it"),
    Field("steps", "group", "steps grouped by side, with sides: each beside it: both feet's points on the left, then on the right",
          table=GROUP),
))  # fmt: skip
STEP_KINDS = STEP.keys

TOP = Table("the file", (
    Field("title", "text", "the session's title, spoken first", required=True),
    Field("summary", "text", "one line about the session, for players and feeds"),
    Field.choice("language", languages(), "the language the routine is written in; the built-in words are said in it too "
                 "(render --language renders a shipped routine in another)", unknown=UNKNOWN_LANGUAGE, default="en"),
    Field("voice", "mapping", "which engine, voice and rate speak it", table=VOICE),
    Field("warning", "text", "a warning this routine's listeners need first, said before the shared safety note "
          "(stomach-back: a heart attack can feel like a stomach ache)"),
    Field.choice("safety", Safety, N_("the spoken safety note: full, short, screened (after compose's screening questions) or off"), default="full"),
    Field("avoid", "list", f"conditions whose avoided points are refused: {', '.join(CONDITIONS)}", choices=tuple(CONDITIONS),
          unknown=UNKNOWN_CONDITION),
    Field("equipment", "list", "what else to have at hand, said at the start with the steps' tools: [a chair, a partner]"),
    Field("breathing", "patterns", "your own breathing patterns, like slow: {in: 5, out: 7}", table=PATTERN),
    Field("points", "file", "your own points, in a file beside the routine written like acuguide's points.yaml"),
    Field("defaults", "mapping", "settings for every point step", table=DEFAULTS),
    Field("bells", "mapping", "on, off, or {start, steps, end}", table=BELLS),
    Field("ambient", "mapping", "a bed under the session: noise, off, a file, or {sound, level}", table=AMBIENT),
    Field("phrases", "mapping", "rewording of release and switch_sides", table=PHRASES),
    Field("intro", "steps", "steps before the main ones"),
    Field("steps", "steps", "the session's steps: say, pause, breathe, point, or steps grouped by side", required=True),
    Field("outro", "steps", "steps after the main ones"),
))  # fmt: skip
