"""The point library: reviewed facts about each acupressure point, shipped as package data.

The facts live in `points.yaml` beside this module, reviewed like code, so that a routine only says
`point: BL23` and every session speaks the same checked location and cautions.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import Enum
from functools import cache
from importlib import resources

from ..errors import PointLibraryError, PointNotFound
from ..yamlread import YamlReader, format_duration

CHANNELS = {
    "LU": "Lung",
    "LI": "Large Intestine",
    "ST": "Stomach",
    "SP": "Spleen",
    "HT": "Heart",
    "SI": "Small Intestine",
    "BL": "Bladder",
    "KI": "Kidney",
    "PC": "Pericardium",
    "TE": "Triple Energizer",
    "GB": "Gallbladder",
    "LR": "Liver",
    "GV": "Governing Vessel",
    "CV": "Conception Vessel",
}
CONDITIONS = ("pregnancy",)
# What people say hurts, as the composer understands it, with other ways of saying it.
COMPLAINTS = {
    "lower back": ("low back", "lumbar", "back ache", "backache", "back pain"),
    "upper back and shoulders": ("upper back", "shoulders", "shoulder", "neck", "between the shoulder blades"),
    "sciatica and hip": ("sciatica", "hip", "hips", "leg pain", "buttock"),
    "sacral ache": ("sacrum", "sacral", "tailbone", "pelvic", "pelvis"),
    "stress": ("tension", "anxiety", "anxious", "tense", "relax", "relaxation"),
    "bloating": ("bloated", "wind", "gas", "digestion"),
    "stomach": ("stomach ache", "heartburn", "indigestion", "nausea", "appetite"),
    "fatigue": ("tired", "tiredness", "tired back", "low energy", "energy", "exhaustion"),
    "cold sensitivity": ("cold", "feeling cold", "cold back"),
    "whole-body ache": ("aches", "aching", "body ache", "everything aches", "whole body"),
    "period pain": ("period", "periods", "menstrual", "cramps"),
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
REFLEX_LABEL = "a reflex area, not a standard acupuncture point"


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
    """Lookup ignores case, spaces, hyphens and dots: 'bl-23', 'BL 23' and 'Bl.23' all match."""
    return re.sub(r"[\s.\-_]", "", text).upper()


# Codes that name different points in the old and the standard Bladder numbering: never guessed.
AMBIGUOUS = {
    "B53": "B53 names two points: in the old Bladder numbering it is BL39 (Bend Yang, behind the knee), in the "
    "standard one BL53 (Womb and Vitals, on the buttock); write BL39 or BL53",
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

    def why_unknown(self, code: str, prefix: str = "unknown point") -> str:
        """What to tell a reader whose code names no point: the ambiguity, or the closest codes."""
        close = self.suggest(code)
        return self.ambiguous(code) or f"{prefix} {code!r}" + (f"; did you mean {' or '.join(close)}?" if close else "")

    def find(self, query: str) -> list[Point]:
        """`search`, or `PointNotFound` saying why nothing matched."""
        found = self.search(query)
        if not found:
            raise PointNotFound(self.why_unknown(query, "no point matches"))
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


_FIELDS = (
    "code", "kind", "aliases", "pinyin", "english", "laterality", "location", "find",
    "pressure", "motion", "hold", "uses", "complaints", "region", "posture", "tools", "place", "avoid", "cautions", "sources",
)
_OPTIONAL = ("kind", "pinyin", "avoid")  # pinyin is required of standard points, refused for reflex areas
REGIONS = ("hand", "shoulder", "chest", "back", "sacrum", "buttock", "belly", "knee", "leg", "foot")


def parse_library(text: str, source: str, trusted: bool = False) -> PointLibrary:
    reader = YamlReader(source)
    root = reader.compose(text, trusted)
    top = reader.mapping(root, "", ("points",), ("points",)) if root is not None else None
    points: list[Point] = []
    if top:
        for where, node in reader.items(top["points"], "points"):
            point = _parse_point(reader, node, where)
            if point:
                points.append(point)
    seen: dict[str, str] = {}
    for point in points:
        for name in (point.code, *point.aliases):
            key = normalize_code(name)
            if key in seen and seen[key] != point.code:
                reader.problem(None, f"points.{point.code}", f"'{name}' is also a name of {seen[key]}")
            seen[key] = point.code
    if reader.problems:
        raise PointLibraryError(reader.problems)
    return PointLibrary(tuple(points))


def _parse_point(reader: YamlReader, node, where: str) -> Point | None:
    required = tuple(x for x in _FIELDS if x not in _OPTIONAL)
    f = reader.mapping(node, where, _FIELDS, required)
    if f is None:
        return None
    kind = reader.choice(f["kind"], f"{where}.kind", Kind) if "kind" in f else Kind.POINT
    if kind is Kind.POINT and "pinyin" not in f:
        reader.problem(node, f"{where}.pinyin", "missing; a standard point needs its pinyin name")
    if kind is None or any(x not in f for x in required) or (kind is Kind.POINT and "pinyin" not in f):
        return None
    code = reader.string(f["code"], f"{where}.code")
    if kind is Kind.POINT:
        if code and not re.fullmatch(r"[A-Z]{2}\d+", code):
            reader.problem(f["code"], f"{where}.code", f"expected a standard code like BL23, got {code!r}")
        pinyin = reader.string(f["pinyin"], f"{where}.pinyin")
    else:
        if code and not re.fullmatch(r"[A-Z]+(?:-[A-Z]+)+", code):  # never a code a standard point could have
            reader.problem(f["code"], f"{where}.code", f"expected a reflex area code of words like HAND-SPINE, got {code!r}")
        if "pinyin" in f:
            reader.problem(f["pinyin"], f"{where}.pinyin", "a reflex area has no pinyin name; remove it")
        pinyin = REFLEX_LABEL
    avoid = reader.strings(f["avoid"], f"{where}.avoid") if "avoid" in f else ()
    for condition in avoid or ():
        if condition not in CONDITIONS:
            reader.problem(f["avoid"], f"{where}.avoid", f"unknown condition {condition!r}; known: {', '.join(CONDITIONS)}")
    cautions = reader.strings(f["cautions"], f"{where}.cautions")
    if cautions == ():
        reader.problem(f["cautions"], f"{where}.cautions", "every point needs at least one caution")
    values = dict(
        code=code,
        aliases=reader.strings(f["aliases"], f"{where}.aliases"),
        pinyin=pinyin,
        english=reader.string(f["english"], f"{where}.english"),
        laterality=reader.choice(f["laterality"], f"{where}.laterality", Laterality),
        location=reader.string(f["location"], f"{where}.location"),
        find=reader.string(f["find"], f"{where}.find"),
        pressure=reader.choice(f["pressure"], f"{where}.pressure", Pressure),
        motion=reader.choice(f["motion"], f"{where}.motion", Motion),
        hold=reader.duration(f["hold"], f"{where}.hold", 1),
        uses=reader.string(f["uses"], f"{where}.uses"),
        avoid=frozenset(avoid or ()),
        cautions=cautions,
        sources=reader.strings(f["sources"], f"{where}.sources"),
    )
    values.update(
        complaints=reader.strings(f["complaints"], f"{where}.complaints"),
        region=reader.string(f["region"], f"{where}.region"),
        posture=reader.choice(f["posture"], f"{where}.posture", Posture),
        tools=reader.strings(f["tools"], f"{where}.tools"),
        place=reader.string(f["place"], f"{where}.place"),
        kind=kind,
    )
    for complaint in values["complaints"] or ():
        if complaint not in COMPLAINTS:
            reader.problem(f["complaints"], f"{where}.complaints", f"unknown complaint {complaint!r}; known: {', '.join(COMPLAINTS)}")
    for tool in values["tools"] or ():
        if tool not in TOOLS:
            reader.problem(f["tools"], f"{where}.tools", f"unknown tool {tool!r}; known: {', '.join(TOOLS)}")
    if values["region"] is not None and values["region"] not in REGIONS:
        reader.problem(f["region"], f"{where}.region", f"unknown region {values['region']!r}; known: {', '.join(REGIONS)}")
    if any(v is None for v in values.values()):
        return None
    return Point(**values)  # type: ignore[arg-type]


@cache
def library() -> PointLibrary:
    """The shipped library, read once per process from the installed package."""
    resource = resources.files(__package__) / "points.yaml"
    return parse_library(resource.read_text(encoding="utf-8"), "acuguide/content/points.yaml", trusted=True)
