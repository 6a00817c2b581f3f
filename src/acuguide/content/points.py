"""The point library: reviewed facts about each acupressure point, shipped as package data.

The facts live in `points.yaml` beside this module, reviewed like code, so that a routine only says
`point: BL23` and every session speaks the same checked location and cautions.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from enum import Enum
from functools import cache
from importlib import resources

from ..errors import PointLibraryError, PointNotFound
from ..yamlread import INVALID, Field, Table, YamlReader, format_duration, line_of, quoted
from . import wording
from .catalog import C_, N_, Translator
from .views import VIEWS, Picture, Position

# TRANSLATORS: a channel (meridian), spoken with a point's number: "Bladder 23" for BL23.
CHANNELS = {
    "LU": C_("channel", "Lung"),
    "LI": C_("channel", "Large Intestine"),
    "ST": C_("channel", "Stomach"),
    "SP": C_("channel", "Spleen"),
    "HT": C_("channel", "Heart"),
    "SI": C_("channel", "Small Intestine"),
    "BL": C_("channel", "Bladder"),
    "KI": C_("channel", "Kidney"),
    "PC": C_("channel", "Pericardium"),
    "TE": C_("channel", "Triple Energizer"),
    "GB": C_("channel", "Gallbladder"),
    "LR": C_("channel", "Liver"),
    "GV": C_("channel", "Governing Vessel"),
    "CV": C_("channel", "Conception Vessel"),
}
CONDITIONS = ("pregnancy",)
# What people say hurts, as the composer understands it, with other ways of saying it.
COMPLAINTS = {
    "lower back": (
        "low back",
        "lumbar",
        "lumbago",
        "back ache",
        "backache",
        "back pain",
        "back",
        "sore back",
        "bad back",
    ),
    "upper back and shoulders": (
        "upper back",
        "shoulders",
        "shoulder",
        "neck",
        "torticollis",
        "between the shoulder blades",
        "mid back",
        "middle back",
        "middle of my back",
    ),
    "sciatica and hip": ("sciatica", "hip", "hips", "leg pain", "buttock"),
    "sacral ache": ("sacrum", "sacral", "tailbone", "pelvic", "pelvis"),
    "stress": ("tension", "anxiety", "anxious", "tense", "relax", "relaxation"),
    "bloating": ("bloated", "wind", "gas", "digestion"),
    "stomach": (
        "stomach ache",
        "tummy ache",
        "tummy pain",
        "heartburn",
        "indigestion",
        "nausea",
        "appetite",
        "constipated",
        "constipation",
    ),
    "fatigue": ("tired", "tiredness", "tired back", "low energy", "energy", "exhaustion"),
    "cold sensitivity": ("cold", "feeling cold", "cold back"),
    "whole-body ache": ("aches", "aching", "achy", "all over", "body ache", "everything aches", "whole body", "doms"),
    "period pain": ("period", "periods", "menstrual", "cramps"),
}
# The seed articles a point's `sources` cite by prefix, by their titles (a reader has the titles, not the files).
ARTICLES = {
    "000": "Back Pain and Bloating? Here Are Effective Massage Points to Improve Digestive Health",
    "001": "Back Pressure Points Massage: 4 Ways to Relieve Back Pain Using Key Pressure Points",
    "002": "an untitled guide to acupressure points that relieve back pain (Sea of Vitality, Commanding Middle)",
    "003": "Pressure Points On Back",
    "004": "List Of Acupressure Points For Back Pain",
}
TOOLS = ("hands", "ball", "roller", "gun")  # in the order the composer prefers them


class Posture(Enum):
    SEATED = "seated"
    STANDING = "standing"
    LYING = "lying"


class Laterality(Enum):
    BILATERAL = "bilateral"
    MIDLINE = "midline"


class Pressure(Enum):
    GENTLE = "gentle"
    MODERATE = "moderate"
    FIRM = "firm"


class Motion(Enum):
    STEADY = "steady"
    CIRCLES = "circles"


class Kind(Enum):
    """What an entry is, so nobody mistakes a reflexology map for an acupuncture standard."""

    POINT = "point"  # a standard acupuncture point, located by the WHO 2008 standard
    REFLEX = "reflex area"  # an area from hand reflexology maps: no standard location, no pinyin name


# A reflex area has no pinyin name. Listings show the pinyin in brackets after the English
# name ("BL23  Sea of Vitality (Shenshu)"), so for a reflex area that bracket says what it is.
REFLEX_LABEL = N_("a reflex area, not a standard acupuncture point")


@dataclass(frozen=True)
class Point:
    code: str
    aliases: tuple[str, ...]
    pinyin: str
    english: str
    laterality: Laterality
    location: str
    find: str
    pressure: Pressure
    motion: Motion
    hold: float
    uses: str
    avoid: frozenset[str]
    cautions: tuple[str, ...]
    sources: tuple[str, ...]
    complaints: tuple[str, ...] = ()  # most typical first
    region: str = ""
    posture: Posture = Posture.SEATED
    tools: tuple[str, ...] = ("hands",)
    place: str = ""
    kind: Kind = Kind.POINT
    picture: Picture | None = None  # where it is drawn; a user's own point may have none
    varicose: bool = False  # where varicose veins are common: the full safety note says not to press on them

    def describe(self) -> str:
        """Everything a reader needs to find and press the point, for `acuguide points`."""
        said = " ".join(self.cautions).lower()
        avoid = [f"traditionally avoided in {c}" for c in sorted(self.avoid) if c not in said]  # not twice
        lines = [
            f"{self.code}  {self.english} ({self.pinyin}), {self.laterality.value}",
            f"  also written: {', '.join(self.aliases)}",
            f"  location: {self.location}",
            f"  to find it: {self.find}",
            f"  pressure: {self.pressure.value}, {self.motion.value}; typical hold {format_duration(self.hold)}",
            f"  used for: {self.uses}",
            *(f"  caution: {c}" for c in (*avoid, *self.cautions)),
        ]
        return "\n".join(lines) + "\n"


def normalize_code(text: str) -> str:
    """Lookup ignores case, spaces, hyphens and dots: 'bl-23', 'BL 23' and 'Bl.23' all match;
    'BI-23', a common spelling of the Bladder channel in articles, is BL23."""
    key = re.sub(r"[\s.\-_]", "", text).upper()
    return "BL" + key[2:] if re.fullmatch(r"BI\d+", key) else key


# Codes that name different points in the old and the standard Bladder numbering: never guessed.
# TRANSLATORS: a routine's problem; keep the codes as written.
AMBIGUOUS = {
    "B53": N_(
        "B53 names two points: in the old Bladder numbering it is BL39 (Bend Yang, behind the knee), in the "
        "standard one BL53 (Womb and Vitals, on the buttock); write BL39 or BL53"
    ),
}


class PointLibrary:
    def __init__(self, points: tuple[Point, ...]):
        self.points = points
        self._index: dict[str, Point] = {}
        for point in points:
            pinyin = (point.pinyin,) if point.kind is Kind.POINT else ()  # a reflex area's label is no name
            for name in (point.code, *point.aliases, *pinyin):  # pinyin with or without spaces: Shenshu, Shen Shu
                self._index.setdefault(normalize_code(name), point)

    def get(self, code: str) -> Point | None:
        return self._index.get(normalize_code(code))

    def ambiguous(self, code: str) -> str | None:
        """Why a code cannot be looked up, if it means different points in different numberings."""
        return AMBIGUOUS.get(normalize_code(code))

    def suggest(self, code: str) -> list[str]:
        """Codes close to a mistyped one, e.g. 'BL32' and 'BL23' for 'BL322'."""
        key = normalize_code(code)
        close = difflib.get_close_matches(key, self._index, n=6, cutoff=0.6)
        codes: list[str] = []
        for match in close:
            found = self._index[match].code
            if found not in codes:
                codes.append(found)
        return codes[:3]

    def why_unknown(self, code: str, t: Translator = wording.ENGLISH, unknown: str = wording.UNKNOWN_POINT) -> str:
        """What to tell a reader whose code names no point, in `t`'s language: the ambiguity, or the closest codes."""
        ambiguous = self.ambiguous(code)
        if ambiguous:
            return t(ambiguous)
        close = self.suggest(code)
        hint = (
            t(wording.POINT_DID_YOU_MEAN).format(codes=wording.chained(close, t, wording.LIST_LAST_OR)) if close else ""
        )
        return t(unknown).format(code=repr(code), hint=hint)

    def find(self, query: str) -> list[Point]:
        """`search`, or `PointNotFound` saying why nothing matched."""
        found = self.search(query)
        if not found:
            raise PointNotFound(self.why_unknown(query, unknown="no point matches {code}{hint}"))
        return found

    def search(self, query: str) -> list[Point]:
        """The point a code, alias or pinyin name names; else points whose name, location or
        traditional use has every word of the query. Codes never match by substring: B53 is not BL53."""
        exact = self.get(query)
        if exact or self.ambiguous(query):
            return [exact] if exact else []
        words = re.findall(r"\w+", query.lower())
        return [
            p
            for p in self.points
            if all(w in re.findall(r"\w+", " ".join((p.english, p.pinyin, p.uses, p.location)).lower()) for w in words)
        ]


REGIONS = ("neck", "hand", "shoulder", "chest", "back", "sacrum", "buttock", "belly", "knee", "leg", "foot")
# A points file's problems are for whoever keeps it (acuguide's reviewers, a therapist): in English, unmarked.
ENTRY = Table("point", (
    Field("code", "text", "a standard code like BL23, or a reflex area's words like HAND-SPINE", required=True),
    Field.choice("kind", Kind, "point: a standard point (WHO 2008); reflex area: from hand reflexology maps", default="point"),
    Field("aliases", "list", "other spellings of the code and names the articles use", required=True),
    Field("pinyin", "text", "the standard pinyin name; a standard point needs it, a reflex area has none"),
    Field("english", "text", "the English name, spoken before the code", required=True),
    Field.choice("laterality", Laterality, "bilateral: on both sides; midline: one point on the centre line", required=True),
    Field("location", "text", "the WHO 2008 standard location, for the reader", required=True),
    Field("find", "text", "how to find it, read aloud: no codes, digits or brackets", required=True),
    Field.choice("pressure", Pressure, "how hard it is usually pressed", required=True),
    Field.choice("motion", Motion, "steady pressure or small circles", required=True),
    Field("hold", "duration", "the typical hold", range=(1, 10 * 60), required=True),
    Field("uses", "text", "what it is traditionally pressed for", required=True),
    Field("complaints", "list", "what the composer may choose it for, most typical first", choices=tuple(COMPLAINTS),
          unknown="unknown complaint {value}{hint}; known: {choices}", required=True),
    Field.choice("region", REGIONS, "where on the body it is, for grouping a session", unknown="unknown region {value}{hint}; known: {choices}", required=True),
    Field.choice("posture", Posture, "how a listener is placed to reach it", required=True),
    Field("tools", "list", "what can press it safely", choices=TOOLS, unknown="unknown tool {value}{hint}; known: {choices}", required=True),
    Field("place", "text", "a short reminder of where, said when it comes back", required=True),
    Field("avoid", "list", "conditions in which it is traditionally not pressed", choices=CONDITIONS, unknown="unknown condition {value}{hint}; known: {choices}"),
    Field("cautions", "list", "what to say before pressing it; at least one", required=True),
    Field("varicose", "flag", "true where varicose veins are common (the lower leg): the full safety note then "
          "says not to press on them", default=False),
    Field("sources", "list", "the seed articles that mention it, by prefix", required=True),
    Field("picture", "picture", "where it is drawn: {view: VIEW, at: [[x, y], ...]} in the figure's coordinates, "
          "one position per side, the left of the picture first; a reflex area adds lines: [[[x, y], ...], ...]"),
))  # fmt: skip


def parse_library(text: str, source: str, trusted: bool = False) -> PointLibrary:
    """A library of points in the format of points.yaml: the shipped one, or a user's own."""
    reader = YamlReader(source)
    root = reader.compose(text, trusted)
    top = reader.mapping(root, "", ("points",), ("points",)) if root is not None else None
    points: list[Point] = []
    entries = []
    if top:
        for where, node in reader.items(top["points"], "points"):
            point = _parse_point(reader, node, where)
            if point:
                points.append(point)
                entries.append((point, node, where))
    seen: dict[str, tuple[str, int]] = {}  # a name: the code it belongs to, and the line of that entry
    for point, node, where in entries:
        line = line_of(node)
        if normalize_code(point.code) in seen and seen[normalize_code(point.code)][0] == point.code:
            reader.problem(
                node,
                f"{where}.code",
                f"the code {point.code} is given twice (first at line "
                f"{seen[normalize_code(point.code)][1]}); give each point its own code",
            )
            continue
        for name in (point.code, *point.aliases):
            key = normalize_code(name)
            if key in seen and seen[key][0] != point.code:
                reader.problem(
                    node,
                    f"{where}.code",
                    f"'{name}' is also a name of {seen[key][0]} (line {seen[key][1]}); "
                    "give each point names of its own",
                )
            seen.setdefault(key, (point.code, line))
    if reader.problems:
        raise PointLibraryError(reader.problems)
    return PointLibrary(tuple(points))


def _parse_point(reader: YamlReader, node, where: str) -> Point | None:
    """One entry by the table, then the rules a kind of entry adds: a standard point has a
    standard code and a pinyin name, a reflex area neither; every point has a caution."""
    v = reader.table(node, ENTRY, where, {"picture": lambda n, w: _picture(reader, n, w)})
    if v is None:
        return None
    reported = len(reader.problems)
    code, kind = v["code"], v["kind"]
    if kind is Kind.POINT:
        if "pinyin" not in v.nodes:
            reader.problem(node, f"{where}.pinyin", "missing; a standard point needs its pinyin name")
        if code and not re.fullmatch(r"[A-Z]{2}\d+", code):
            reader.problem(v.nodes["code"], f"{where}.code", f"expected a standard code like BL23, got {quoted(code)}")
    elif kind is Kind.REFLEX:
        if code and not re.fullmatch(r"[A-Z]+(?:-[A-Z]+)+", code):  # never a standard point's code
            reader.problem(
                v.nodes["code"],
                f"{where}.code",
                f"expected a reflex area code of words like HAND-SPINE, got {quoted(code)}",
            )
        if "pinyin" in v.nodes:
            reader.problem(v.nodes["pinyin"], f"{where}.pinyin", "a reflex area has no pinyin name; remove it")
    if v["cautions"] == ():
        reader.problem(v.nodes["cautions"], f"{where}.cautions", "every point needs at least one caution")
    if not v.valid or len(reader.problems) > reported:
        return None
    pinyin = v["pinyin"] if kind is Kind.POINT else REFLEX_LABEL
    return Point(**{**v, "pinyin": pinyin, "avoid": frozenset(v["avoid"] or ())})


def _picture(reader: YamlReader, node, where: str) -> Picture | object:
    """A `picture` field: a known view and positions as pairs of numbers (figure units)."""
    found = reader.mapping(node, where, ("view", "at", "lines"), ("view", "at"))
    if found is None or not {"view", "at"} <= set(found):  # reported
        return INVALID
    reported = len(reader.problems)
    view = reader.word(found["view"])
    if view not in VIEWS:
        reader.problem(
            found["view"], f"{where}.view", f"unknown view {reader.shown(found['view'])}; known: {', '.join(VIEWS)}"
        )

    def positions(node, path: str) -> tuple[Position, ...]:
        pairs = []
        for i, item in enumerate(reader.sequence(node, path) or ()):
            xy = [
                reader.number(n, f"{path}[{i}]", 0, 10_000, "a position in figure units")
                for n in reader.sequence(item, f"{path}[{i}]") or ()
            ]
            if len(xy) != 2:
                reader.problem(item, f"{path}[{i}]", "expected a position [x, y]")
            elif None not in xy:
                pairs.append((float(xy[0]), float(xy[1])))
        return tuple(pairs)

    at = positions(found["at"], f"{where}.at")
    if not at and len(reader.problems) == reported:
        reader.problem(found["at"], f"{where}.at", "list at least one position [x, y]")
    lines = []
    for i, line in enumerate((reader.sequence(found["lines"], f"{where}.lines") or ()) if "lines" in found else ()):
        drawn = positions(line, f"{where}.lines[{i}]")
        if len(drawn) < 2:
            reader.problem(line, f"{where}.lines[{i}]", "a line needs two or more positions")
        lines.append(drawn)
    return INVALID if len(reader.problems) > reported else Picture(view, at, tuple(lines))


def localize(point: Point, t) -> Point:
    """The point in `t`'s language (a `catalog.Translator`): its name, directions and cautions;
    the code and the pinyin name stay, as a practitioner writes them in any language."""
    if t.is_source:
        return point
    return replace(
        point,
        english=t.pgettext("point name", point.english),
        pinyin=t(REFLEX_LABEL) if point.kind is Kind.REFLEX else point.pinyin,
        location=t(point.location),
        find=t(point.find),
        uses=t(point.uses),
        place=t(point.place) if point.place else "",
        cautions=tuple(t(c) for c in point.cautions),
    )


@cache
def library() -> PointLibrary:
    """The shipped library, read once per process from the installed package."""
    resource = resources.files(__package__) / "points.yaml"
    return parse_library(resource.read_text(encoding="utf-8"), "acuguide/content/points.yaml", trusted=True)
