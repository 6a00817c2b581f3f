"""The parts of the figures in `figures/` a point's picture may show, and a point's `picture`.

Kept apart from the drawing (pictures.py) so that the point library can check a `picture`
field against the views without importing the code that draws them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import C_


@dataclass(frozen=True)
class View:
    figure: str  # a file in figures/
    box: tuple[float, float, float, float]  # x, y, width, height shown, in the figure's coordinates
    caption: str
    mark: float  # a marker's radius, in figure units
    left: str = "left"  # whose side is on the left of the picture: "left" seen from behind, "right" from the front

    def index(self, side: str) -> int:
        """Which of a picture's positions (the left of the picture first) is the person's `side`."""
        return 0 if side == self.left else 1


# Which part of which figure each view shows. The body figures are 540 x 960.
# A view seen from the front has the person's right side on the picture's left.
VIEWS = {
    "back": View("body-back.svg", (140, 96, 260, 300), C_("picture caption", "back"), 6.2),
    "neck": View("body-back.svg", (196, 24, 148, 170), C_("picture caption", "back of the head and neck"), 3.6),
    "pelvis-back": View("body-back.svg", (176, 330, 188, 160), C_("picture caption", "lower back and buttocks"), 3.6),
    "knees-back": View("body-back.svg", (170, 640, 200, 150), C_("picture caption", "backs of the knees"), 4.2),
    "front": View("body-front.svg", (140, 110, 260, 360), C_("picture caption", "front"), 6.2, "right"),
    "chest-sides": View(
        "chest-arms-up.svg", (100, 60, 340, 340), C_("picture caption", "sides of the chest, arms raised"), 6.2, "right"
    ),
    "legs-front": View(
        "legs-front.svg", (110, 60, 320, 500), C_("picture caption", "lower legs from the front"), 7, "right"
    ),
    "hands-back": View("hands-back.svg", (0, 0, 600, 480), C_("picture caption", "backs of the hands"), 11),
    "hands-palm": View("hands-palm.svg", (0, 0, 600, 480), C_("picture caption", "palms"), 11),
    "forearms-palm": View(
        "hands-palm.svg", (0, 0, 600, 800), C_("picture caption", "palms and forearms, down to the elbows"), 11
    ),
    "feet-top": View("feet-top.svg", (0, 0, 520, 460), C_("picture caption", "tops of the feet"), 10),
    "ankles-side": View("ankles-side.svg", (0, 0, 600, 300), C_("picture caption", "outsides of the ankles"), 8),
}

Position = tuple[float, float]


@dataclass(frozen=True)
class Picture:
    """Where a point is drawn: a view, one position per side shown (the one on the left of the
    picture first), and for a reflex area the lines it covers, in the figure's coordinates."""

    view: str
    at: tuple[Position, ...]
    lines: tuple[tuple[Position, ...], ...] = ()

    @property
    def spec(self) -> View:
        return VIEWS[self.view]
