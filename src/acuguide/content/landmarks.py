"""The bony landmarks drawn on each figure, and where each shipped point lies measured from them.

A point's position in its picture is not placed by eye: WHO 2008 locates points by
proportional measurement (a bone or crease divided into cun) from landmarks, and so does this
table. `MEASURES` says, for every shipped point, which landmarks it is measured from and how
(`Along`: a fraction of the way from one landmark to another; `Across`: level with a landmark,
so many cun out from the midline, the cun taken from a ruler of two landmarks); `position`
computes it. points.yaml keeps the positions as data (a user's own points have only those),
and tests/test_pictures.py checks every shipped one against its measure.

Coordinates are each figure file's own, like a picture's `at`; a landmark on both sides lists
its position on the left of the picture first, one on the midline lists one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .catalog import C_
from .views import VIEWS, Position


@dataclass(frozen=True)
class Landmark:
    words: str  # what a lay person calls it, for a label
    at: tuple[Position, ...]  # one per side, the left of the picture first; one on the midline


def _both(x: float, y: float, mirror: float, words: str) -> Landmark:
    """A landmark on both sides, mirrored about x = `mirror`."""
    return Landmark(words, ((x, y), (2 * mirror - x, y)))


def _mid(x: float, y: float, words: str) -> Landmark:
    return Landmark(words, ((x, y),))


# By figure. Levels on the body figures are those figures/README.md gives.
LANDMARKS: dict[str, dict[str, Landmark]] = {
    "body-back.svg": {
        "c7": _mid(270, 148, C_("landmark", "bony bump at the base of the neck")),
        "t4": _mid(270, 209, C_("landmark", "fourth bone of the upper back")),
        "t7": _mid(270, 249, C_("landmark", "seventh bone of the upper back")),
        "t9": _mid(270, 276, C_("landmark", "ninth bone of the upper back")),
        "t12": _mid(270, 317, C_("landmark", "lowest bone of the upper back")),
        "l2": _mid(270, 351, C_("landmark", "second bone of the lower back")),
        "l4": _mid(270, 376, C_("landmark", "fourth bone of the lower back")),
        "acromion": _both(172, 167, 270, C_("landmark", "point of the shoulder")),
        # lower on the inner edge than T4, so that BL43's marker (level with T4) does not hide it
        "scapula-medial-border": _both(232, 228, 270, C_("landmark", "inner edge of the shoulder blade")),
        "scapula-spine": _both(214, 185, 270, C_("landmark", "ridge across the top of the shoulder blade")),
        "scapula-inferior-angle": _both(234, 249, 270, C_("landmark", "lower tip of the shoulder blade")),
        "lowest-rib": _both(226, 344, 270, C_("landmark", "lowest rib")),
        "iliac-crest": _both(222, 380, 270, C_("landmark", "top of the hip bone")),
        "psis-dimple": _both(243, 418, 270, C_("landmark", "dimple low on the back")),
        "s1-foramen": _both(258, 404, 270, C_("landmark", "first dip in the flat bone at the base of the spine")),
        "s2-foramen": _both(259, 417, 270, C_("landmark", "second dip in the flat bone")),
        "s3-foramen": _both(260, 430, 270, C_("landmark", "third dip in the flat bone")),
        "s4-foramen": _both(261, 443, 270, C_("landmark", "lowest dip in the flat bone")),
        "sacral-hiatus": _mid(270, 452, C_("landmark", "bottom of the flat bone, top of the buttock crease")),
        "greater-trochanter": _both(197, 462, 270, C_("landmark", "bony knob on the outside of the thigh")),
        "popliteal-crease-lateral": _both(196, 718, 270, C_("landmark", "outer end of the knee crease")),
        "popliteal-crease-medial": _both(232, 718, 270, C_("landmark", "inner end of the knee crease")),
        "skull-base": _mid(270, 108, C_("landmark", "bony ridge at the base of the skull")),
        "mastoid": _both(240, 106, 270, C_("landmark", "bone behind the ear")),
    },
    "body-front.svg": {
        "breastbone-notch": _mid(270, 156, C_("landmark", "notch at the top of the breastbone")),
        "clavicle": _both(235, 160, 270, C_("landmark", "collarbone")),  # the middle of the bone drawn, 6 units thick
        "acromion": _both(186, 164, 270, C_("landmark", "point of the shoulder")),
        "nipple": _both(226, 228, 270, C_("landmark", "nipple")),
        "navel": _mid(270, 362, C_("landmark", "navel")),
        "pubic-symphysis": _mid(270, 456, C_("landmark", "top of the pubic bone")),
    },
    "chest-arms-up.svg": {
        "armpit-fold": _both(202, 188, 270, C_("landmark", "armpit")),
        "lowest-rib-edge": _both(206, 306, 270, C_("landmark", "lower edge of the ribs")),
        # where the sixth and seventh ribs drawn cross the midaxillary line: the sixth intercostal space between
        "sixth-rib": _both(204, 237.2, 270, C_("landmark", "sixth rib")),
        "seventh-rib": _both(204, 256.6, 270, C_("landmark", "seventh rib")),
    },
    "legs-front.svg": {
        "st35": _both(183, 134, 270, C_("landmark", "hollow below the kneecap, outer side")),
        "ankle-crease": _both(202, 437, 270, C_("landmark", "front of the ankle crease")),
        "tibial-crest": _both(203, 280, 270, C_("landmark", "front edge of the shin bone")),
        # the inner edge of the shin bone is drawn from the condyle to the malleolus, both on it
        "medial-malleolus": _both(233, 412, 270, C_("landmark", "inner ankle bone")),
        "medial-tibial-condyle": _both(248, 170, 270, C_("landmark", "inner knob below the knee")),
        "tibia-medial-border": _both(240.5, 291, 270, C_("landmark", "inner edge of the shin bone")),
    },
    "hands-back.svg": {
        "index-knuckle": _both(196, 198, 300, C_("landmark", "knuckle of the index finger")),
        "second-metacarpal-base": _both(196, 318, 300, C_("landmark", "base of the index finger's bone")),
        "thumb-web": _both(220, 231, 300, C_("landmark", "web between thumb and index finger")),
        "little-finger-knuckle": _both(86, 206, 300, C_("landmark", "big knuckle of the little finger")),
        "fifth-metacarpal-base": _both(88, 318, 300, C_("landmark", "base of the little finger's bone")),
    },
    "hands-palm.svg": {
        "thumb-web": _both(80, 231, 300, C_("landmark", "web between thumb and index finger")),
        "palm-centre": _both(150, 262, 300, C_("landmark", "middle of the palm")),
        "wrist-crease": _both(143, 345, 300, C_("landmark", "wrist crease")),
        "forearm-tendons": _both(142.5, 470, 300, C_("landmark", "between the two tendons")),
        "elbow-crease": _both(150, 756, 300, C_("landmark", "elbow crease")),
    },
    "feet-top.svg": {
        "toe-web": _both(139, 158, 260, C_("landmark", "gap between the big toe and the second toe")),
        "metatarsal-junction": _both(156, 298, 260, C_("landmark", "where the two long bones meet")),
    },
    "ankles-side.svg": {
        "lateral-malleolus": _both(186, 206, 300, C_("landmark", "bony knob on the outside of the ankle")),
        "calcaneal-tendon": _both(225, 206, 300, C_("landmark", "thick tendon at the back of the heel")),
    },
}


@dataclass(frozen=True)
class Along:
    """`fraction` of the way from landmark `start` to `end`; `aside` moves off that line, as a
    fraction of its length, toward landmark `toward`."""

    start: str
    end: str
    fraction: float
    aside: float = 0.0
    toward: str | None = None

    @property
    def uses(self) -> tuple[str, ...]:
        return (self.start, self.end) + ((self.toward,) if self.toward else ())


@dataclass(frozen=True)
class Across:
    """Level with landmark `level` (or `below` cun under it), `cun` out from the midline; `ruler`
    is a landmark on the midline, one beside it and the cun between them (WHO: 3 from the back
    midline to the shoulder blade's inner edge, 4 from the front midline to the nipple)."""

    level: str
    cun: float
    ruler: tuple[str, str, float]
    below: float = 0.0

    @property
    def uses(self) -> tuple[str, ...]:
        return (self.level, self.ruler[0], self.ruler[1])


@dataclass(frozen=True)
class Measure:
    view: str
    rule: Along | Across
    named: tuple[str, ...] = ()  # landmarks its directions name, labelled in plain words

    @property
    def landmarks(self) -> dict[str, Landmark]:
        return LANDMARKS[VIEWS[self.view].figure]


BACK_CUN = ("t4", "scapula-medial-border", 3)
FRONT_CUN = ("breastbone-notch", "nipple", 4)


def _shu(level: str, cun: float, *named: str) -> Measure:
    view = "pelvis-back" if level.startswith("s") else "back"
    return Measure(view, Across(level, cun, BACK_CUN), named)


MEASURES: dict[str, Measure] = {
    "CV6": Measure("front", Along("navel", "pubic-symphysis", 1.5 / 5), ("navel",)),
    "GV4": Measure("back", Along("l2", "l4", 0), ("lowest-rib", "iliac-crest")),
    "GV9": Measure("back", Along("t7", "t9", 0), ("scapula-inferior-angle",)),
    "LI4": Measure(
        "hands-back", Along("second-metacarpal-base", "index-knuckle", 0.5, 0.09, "thumb-web"), ("thumb-web",)
    ),
    "ST36": Measure("legs-front", Along("st35", "ankle-crease", 3 / 16), ("st35", "tibial-crest")),
    # 3 cun up the inner edge of the shin bone, which runs from the malleolus to the condyle
    "SP6": Measure(
        "legs-front",
        Along("medial-malleolus", "medial-tibial-condyle", 3 / 13),
        ("medial-malleolus", "tibia-medial-border"),
    ),
    # WHO's note: the midpoint from the apex of the armpit to the free end of the eleventh rib
    "SP21": Measure("chest-sides", Along("armpit-fold", "lowest-rib-edge", 0.5), ("armpit-fold", "lowest-rib-edge")),
    "SI3": Measure(
        "hands-back", Along("little-finger-knuckle", "fifth-metacarpal-base", 0.18), ("little-finger-knuckle",)
    ),
    # in the hollow under the collarbone: half a cun below the middle of the bone drawn, clear of it
    "KI27": Measure("front", Across("clavicle", 2, FRONT_CUN, below=0.55), ("breastbone-notch", "clavicle")),
    "PC6": Measure(
        "forearms-palm",
        Along("wrist-crease", "elbow-crease", 2 / 12),
        ("wrist-crease", "forearm-tendons", "elbow-crease"),
    ),
    # in the hollow between the two muscles, about two thirds of the way out to the mastoid
    "GB20": Measure("neck", Along("skull-base", "mastoid", 2 / 3), ("skull-base", "mastoid")),
    "GB21": Measure("back", Along("c7", "acromion", 0.5), ("c7", "acromion")),
    "GB30": Measure(
        "pelvis-back", Along("greater-trochanter", "sacral-hiatus", 1 / 3), ("greater-trochanter", "sacral-hiatus")
    ),
    # in the hollow just before the junction of the first two metatarsals, a marker's width from it
    "LR3": Measure("feet-top", Along("toe-web", "metatarsal-junction", 0.82), ("toe-web", "metatarsal-junction")),
    "BL18": _shu("t9", 1.5, "scapula-inferior-angle"),
    "BL21": _shu("t12", 1.5, "lowest-rib"),
    "BL43": _shu("t4", 3, "scapula-medial-border", "scapula-spine"),
    "BL23": _shu("l2", 1.5, "lowest-rib", "iliac-crest"),
    "BL52": _shu("l2", 3, "lowest-rib", "iliac-crest"),
    "BL27": _shu("s1-foramen", 1.5, "psis-dimple"),
    "BL28": _shu("s2-foramen", 1.5, "psis-dimple"),
    "BL29": _shu("s3-foramen", 1.5, "psis-dimple"),
    "BL30": _shu("s4-foramen", 1.5, "sacral-hiatus"),
    "BL31": Measure("pelvis-back", Along("s1-foramen", "s2-foramen", 0), ("s1-foramen", "psis-dimple")),
    "BL32": Measure("pelvis-back", Along("s2-foramen", "s3-foramen", 0), ("s2-foramen", "psis-dimple")),
    "BL33": Measure("pelvis-back", Along("s3-foramen", "s4-foramen", 0), ("s3-foramen",)),
    "BL34": Measure("pelvis-back", Along("s4-foramen", "s3-foramen", 0), ("s4-foramen",)),
    "BL53": _shu("s2-foramen", 3, "psis-dimple"),
    # just inside the biceps femoris tendon at the crease's outer end
    "BL39": Measure(
        "knees-back", Along("popliteal-crease-lateral", "popliteal-crease-medial", 0.12), ("popliteal-crease-lateral",)
    ),
    "BL40": Measure(
        "knees-back",
        Along("popliteal-crease-lateral", "popliteal-crease-medial", 0.5),
        ("popliteal-crease-lateral", "popliteal-crease-medial"),
    ),
    "BL60": Measure(
        "ankles-side", Along("lateral-malleolus", "calcaneal-tendon", 0.5), ("lateral-malleolus", "calcaneal-tendon")
    ),
    # a reflex area: its first line starts in the web of the thumb
    "HAND-SPINE": Measure("hands-palm", Along("thumb-web", "palm-centre", 0), ("thumb-web",)),
}


def landmark_at(landmarks: dict[str, Landmark], name: str, side: int) -> Position:
    """The landmark's position on the side drawn `side`-th (0: the left of the picture)."""
    at = landmarks[name].at
    return at[min(side, len(at) - 1)]


def position(measure: Measure, side: int) -> Position:
    """Where the point lies on the side drawn `side`-th, measured from its landmarks."""
    marks, rule = measure.landmarks, measure.rule
    if isinstance(rule, Across):
        middle, beside, cun = rule.ruler
        mx = landmark_at(marks, middle, side)[0]
        dx = landmark_at(marks, beside, side)[0] - mx
        return mx + dx * rule.cun / cun, landmark_at(marks, rule.level, side)[1] + abs(dx) * rule.below / cun
    (ax, ay), (bx, by) = landmark_at(marks, rule.start, side), landmark_at(marks, rule.end, side)
    x, y = ax + rule.fraction * (bx - ax), ay + rule.fraction * (by - ay)
    if rule.aside:
        nx, ny = -(by - ay), bx - ax  # perpendicular, as long as the line
        tx, ty = landmark_at(marks, rule.toward, side)
        if (tx - x) * nx + (ty - y) * ny < 0:
            nx, ny = -nx, -ny
        x, y = x + rule.aside * nx, y + rule.aside * ny
    return x, y


def scale(measure: Measure, side: int) -> float:
    """The length the measure divides: the line from landmark to landmark, or the ruler."""
    marks, rule = measure.landmarks, measure.rule
    a, b = (rule.start, rule.end) if isinstance(rule, Along) else rule.ruler[:2]
    (ax, ay), (bx, by) = landmark_at(marks, a, side), landmark_at(marks, b, side)
    return math.hypot(bx - ax, by - ay) if isinstance(rule, Along) else abs(bx - ax)
