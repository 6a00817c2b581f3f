"""Write the figures in src/acuguide/content/figures (run by hand when the art changes; a
developer's tool, not part of the installed package).

    python scripts/make_figures.py PATH/TO/anatomapa/assets

body-back.svg and body-front.svg take their outline from anatomapa's male posterior and
anterior silhouettes (MIT; derived from gganatogram, CC0) and add landmarks drawn here;
hands-back.svg, hands-palm.svg and feet-top.svg are drawn here. See README.md.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "src" / "acuguide" / "content" / "figures"
SKIN, LINE, LAND = "#f4e4d4", "#5b4a3f", "#b39a86"


def _subpaths(svg: str) -> list[str]:
    d = re.search(r'id="body-outline" d="([^"]+)"', svg).group(1)
    return [s.strip() for s in re.findall(r"M[^M]*", d)]


def _svg(w: float, h: float, body: str, note: str) -> str:
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:g} {h:g}">\n<!-- {note} -->\n{body}\n</svg>\n'


def _outline(assets: Path | None, side: str) -> tuple[str, list[str]]:
    """The body's outline and its details (hands, face, spine, folds) as subpaths.

    From anatomapa's silhouette when its assets are given; else from the figure already
    written, so that the landmarks can be redrawn without downloading anatomapa again."""
    if assets is None:
        paths = re.findall(r'<path d="([^"]+)"', (HERE / f"body-{FILES[side]}.svg").read_text())
        return paths[0], [s.strip() for s in re.findall(r"M[^M]*", paths[1])]
    subs = _subpaths((assets / f"body_male_{side}.svg").read_text())
    # The front outline is a band: its inner edges (of the body, 1, and of the head, 5) are dropped.
    # From the back's details only the hands, the spine, the gluteal folds and the heel tendons
    # are kept: its other lines looked like landmarks and were not (a wedge for a shoulder
    # blade, slanted lines from C7, a thick bar over the sacrum read as the buttock crease, knee
    # creases off the knees' centre); acuguide draws those in BACK_LANDMARKS instead.
    # From the front's, its two short strokes for collarbones are dropped: they reached neither
    # the breastbone nor the shoulders; FRONT_LANDMARKS draws whole collarbones.
    kept = (1, 2, 4, 12, 13, 16, 17)
    if side == "posterior":
        return subs[0], [subs[i] for i in kept]
    details = [s for i, s in enumerate(subs) if i not in (0, 1, 5)]
    return subs[0], [d for i, d in enumerate(details) if i not in (1, 2)]


FILES = {"posterior": "back", "anterior": "front"}


def body(assets: Path | None, side: str) -> str:
    outline, details = _outline(assets, side)
    out = [
        f'<path d="{outline}" fill="{SKIN}" stroke="{LINE}" stroke-width="1.6" stroke-linejoin="round"/>',
        f'<path d="{" ".join(details)}" fill="{LINE}" fill-opacity="0.55" fill-rule="evenodd"/>',
        *(EARS if side == "posterior" else FRONT_BONES),
        f'<g fill="none" stroke="{LAND}" stroke-width="1" stroke-linecap="round">',
        *(BACK_LANDMARKS if side == "posterior" else FRONT_LANDMARKS),
        "</g>",
        *(() if side == "posterior" else FRONT_LINES),
    ]
    note = (
        f"Outline: anatomapa body_male_{side}.svg (MIT, (c) 2026 Pedro Rosa, Marcelo Reis, Mozart Melo), "
        "derived from gganatogram (CC0). Landmarks (group after the outline): drawn for acuguide."
    )
    return _svg(540, 960, "\n".join(out), note)


# Landmarks on the back, in the outline's coordinates (see README.md for the levels used).
BACK_LANDMARKS = [
    # sacrum, with its four pairs of posterior foramina (S1 404, S2 417, S3 430, S4 443)
    '<path d="M 244 392 Q 270 388 296 392 L 285 440 Q 278 458 270 466 Q 262 458 255 440 Z" stroke-dasharray="3 2"/>',
    *(
        f'<circle cx="{270 + s * dx}" cy="{y}" r="1.6"/>'
        for s in (-1, 1)
        for dx, y in ((12, 404), (11, 417), (10, 430), (9, 443))
    ),
    # iliac crests (top at L4, 376), the dimples over the PSIS (S2), the greater trochanters
    '<path d="M 194 388 Q 220 370 254 392"/>',
    '<path d="M 346 388 Q 320 370 286 392"/>',
    '<path d="M 240 417 q 3 4 6 0"/>',
    '<path d="M 294 417 q 3 4 6 0"/>',
    '<ellipse cx="197" cy="462" rx="6" ry="9"/>',
    '<ellipse cx="343" cy="462" rx="6" ry="9"/>',
    # the eleventh and twelfth ribs, outside the long back muscles
    '<path d="M 240 304 Q 224 316 206 338"/>',
    '<path d="M 300 304 Q 316 316 334 338"/>',
    '<path d="M 240 320 Q 234 328 226 344"/>',
    '<path d="M 300 320 Q 306 328 314 344"/>',
    # the shoulder blades: the ridge (spine of the scapula) from the acromion in to the inner
    # edge, the inner edge 3 cun from the midline down to the lower tip at T7 (249), the outer edge
    '<path d="M 176 168 L 232 193"/>',
    '<path d="M 364 168 L 308 193"/>',
    '<path d="M 232 184 L 234 249 Q 214 226 196 186"/>',
    '<path d="M 308 184 L 306 249 Q 326 226 344 186"/>',
    # the sacral crest, thin, and the knee creases across the middle of each knee
    '<path d="M 270 394 L 270 452" stroke-dasharray="2 3"/>',
    # the crease between the buttocks, from just below the sacral hiatus
    f'<path d="M 270 458 C 271 480 270 500 270 520" stroke="{LINE}" stroke-width="1.4"/>',
    '<path d="M 196 718 Q 214 723 232 718"/>',
    '<path d="M 308 718 Q 326 723 344 718"/>',
    # C7 and the acromions
    '<circle cx="270" cy="148" r="2.2"/>',
    '<path d="M 166 170 q 6 -5 12 -2"/>',
    '<path d="M 374 170 q -6 -5 -12 -2"/>',
    # the occiput and the mastoid processes
    '<path d="M 234 100 Q 270 114 306 100" stroke-dasharray="3 2"/>',
    '<path d="M 232 96 q 3 8 8 10"/>',
    '<path d="M 308 96 q -3 8 -8 10"/>',
    # lateral malleoli
    '<ellipse cx="209" cy="884" rx="3" ry="5"/>',
    '<ellipse cx="331" cy="884" rx="3" ry="5"/>',
]
# The ears seen from behind, standing out from the sides of the head (y 78 to 107), so that
# "behind the ear" (the mastoid, GB20) has an ear to be behind.
EARS = [
    f'<path d="M {270 + s * 43} 80 C {270 + s * 51} 75 {270 + s * 55} 84 {270 + s * 52} 94 '
    f'C {270 + s * 50} 102 {270 + s * 46} 108 {270 + s * 42} 106" fill="{SKIN}" stroke="{LINE}" stroke-width="1.4"/>'
    for s in (-1, 1)
]
FRONT_LANDMARKS = [
    # pubic symphysis, the costal margins, the midline
    '<path d="M 256 458 Q 270 452 284 458"/>',
    '<path d="M 226 320 Q 246 272 270 262 Q 294 272 314 320"/>',
    '<path d="M 270 150 L 270 262" stroke-dasharray="3 3"/>',
    # kneecaps and tibial crests, medial malleoli
    '<ellipse cx="216" cy="700" rx="11" ry="14"/>',
    '<ellipse cx="324" cy="700" rx="11" ry="14"/>',
    '<path d="M 220 724 Q 222 800 228 880" stroke-dasharray="3 3"/>',
    '<path d="M 320 724 Q 318 800 312 880" stroke-dasharray="3 3"/>',
    '<ellipse cx="243" cy="889" rx="3" ry="5"/>',
    '<ellipse cx="297" cy="889" rx="3" ry="5"/>',
    # the notch at the top of the breastbone, the nipples (4 cun from the midline)
    '<path d="M 262 151 Q 270 161 278 151"/>',
    '<circle cx="226" cy="228" r="2.6"/>',
    '<circle cx="314" cy="228" r="2.6"/>',
]
# The collarbones, from beside the breastbone notch to the acromions: a bone's outline and fill.
_CLAVICLES = [
    "M 263 158 C 244 154 226 165 206 164 S 192 160 186 164",
    "M 277 158 C 296 154 314 165 334 164 S 348 160 354 164",
]
FRONT_BONES = [
    f'<path d="{d}" fill="none" stroke="{LAND}" stroke-width="6" stroke-linecap="round"/>' for d in _CLAVICLES
] + [f'<path d="{d}" fill="none" stroke="#fbf1e6" stroke-width="3.6" stroke-linecap="round"/>' for d in _CLAVICLES]
# The arms hang in front of the chest's sides: each arm's inner edge up to the armpit, and the
# fold of the chest muscle at the front of the armpit, so the armpit reads where it is (level
# with the fourth rib), not where the outline's gap begins at the waist.
FRONT_LINES = [
    f'<path d="M 192 297 C 189 268 187 238 190 212 Q 200 204 216 203" fill="none" stroke="{LINE}" stroke-width="1.2" stroke-linecap="round"/>',
    f'<path d="M 348 297 C 351 268 353 238 350 212 Q 340 204 324 203" fill="none" stroke="{LINE}" stroke-width="1.2" stroke-linecap="round"/>',
]


def _capsule(x1, y1, x2, y2, w) -> str:
    return f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke-width="{w}" stroke-linecap="round"/>'


def _draw(shape: str, colour: str, pad: float) -> str:
    """A shape filled and stroked in one colour, `pad` wider than drawn (lines: `pad` thicker)."""
    if shape.startswith("<line"):
        return re.sub(
            r'stroke-width="([\d.]+)"', lambda m: f'stroke-width="{float(m[1]) + pad:g}" stroke="{colour}"', shape
        )
    return shape.replace("/>", f' fill="{colour}" stroke="{colour}" stroke-width="{pad:g}" stroke-linejoin="round"/>')


# A right hand seen from its back, fingers up, thumb on the left, with its forearm down to the
# elbow; 300 x 800. Seen from the palm side the same shape is a left hand. The wrist crease is
# at y 345 and the elbow crease at 753: 12 forearm cun of 34 units (a hand of about 19 cm).
HAND = [
    '<path d="M 90 800 C 78 660 76 540 88 430 L 96 336 Q 84 250 92 196 L 214 196 Q 228 236 216 300 '
    'L 208 336 L 214 430 C 228 540 230 660 218 800 Z"/>',
    '<path d="M 108 322 L 58 262 Q 78 246 94 204 Z"/>',  # the web between thumb and index finger
    _capsule(104, 192, 98, 60, 27),
    _capsule(139, 188, 139, 40, 28),
    _capsule(172, 192, 177, 60, 26),
    _capsule(203, 208, 214, 110, 22),
    _capsule(106, 326, 64, 264, 40),
    _capsule(64, 264, 52, 226, 29),
    _capsule(52, 226, 44, 190, 27),  # the thumb's three bones
]
_JOINTS = [
    (98, 150, 27),
    (99, 104, 26),
    (139, 140, 28),
    (139, 90, 27),
    (176, 148, 26),
    (177, 104, 25),
    (211, 170, 22),
    (213, 136, 21),
]
HAND_BACK_LINES = [  # metacarpals, knuckle wrinkles, nails and the wrist, faint
    '<path d="M 104 318 L 104 196"/>',
    '<path d="M 139 322 L 139 192"/>',
    '<path d="M 170 322 L 172 196"/>',
    '<path d="M 196 320 L 202 208"/>',
    '<path d="M 92 342 Q 150 352 210 342"/>',
    *(f'<path d="M {x - w * 0.22:g} {y} q {w * 0.22:g} 3 {w * 0.44:g} 0"/>' for x, y, w in _JOINTS),
    '<path d="M 89 62 Q 98 54 107 62 L 106 80 L 90 80 Z"/>',
    '<path d="M 130 42 Q 139 34 148 42 L 147 60 L 131 60 Z"/>',
    '<path d="M 168 62 Q 177 54 186 62 L 185 80 L 169 80 Z"/>',
    '<path d="M 207 112 Q 214 106 221 112 L 220 128 L 208 128 Z"/>',
    '<path d="M 36 196 Q 44 186 54 194 L 51 210 L 38 208 Z"/>',
    '<path d="M 58 246 q 8 -2 14 6"/>',
]
HAND_PALM_LINES = [  # palm creases, finger creases, the wrist and elbow creases, tendons, faint
    '<path d="M 96 196 Q 150 226 216 214"/>',
    '<path d="M 92 238 Q 140 246 214 226"/>',
    '<path d="M 110 314 Q 96 270 84 232"/>',
    '<path d="M 98 338 Q 150 346 208 338"/>',
    '<path d="M 98 352 Q 150 360 208 352"/>',
    *(f'<path d="M {x - w * 0.3:g} {y} L {x + w * 0.3:g} {y}"/>' for x, y, w in _JOINTS),
    '<path d="M 150 360 L 153 560"/>',
    '<path d="M 136 360 L 131 560"/>',
    '<path d="M 96 752 Q 150 762 214 750"/>',
    '<path d="M 164 700 Q 172 730 168 752"/>',  # elbow crease; biceps tendon
]


# Both lower legs from the front, from above the knees to the feet; 540 x 560. The person's
# right leg is on the left of the picture. Knee eye (ST35, lateral) at y 134 and the ankle crease
# at 437: 16 cun; the inner edge of the shin bone from below the medial tibial condyle (248, 170)
# to the prominence of the medial malleolus (233, 412): 13 cun, just inside the leg's inner outline.
LEG = [
    '<path d="M 146 0 C 146 40 150 80 152 104 C 154 126 150 142 148 160 C 140 200 144 236 154 290 '
    "C 162 340 172 380 176 404 C 176 414 170 420 172 430 L 168 470 C 160 500 158 528 168 546 "
    "C 180 556 226 556 246 546 C 256 536 252 500 240 470 L 232 430 C 236 420 238 412 234 404 "
    'C 238 372 246 336 250 296 C 256 246 262 208 250 162 C 248 146 252 130 254 112 C 256 80 258 40 256 0 Z"/>',
]
LEG_LINES = [  # kneecap, knee eyes, tibial tuberosity and crest, malleoli, ankle crease, toes
    '<ellipse cx="200" cy="104" rx="21" ry="25"/>',
    '<path d="M 178 134 q 5 4 10 0"/>',
    '<path d="M 212 134 q 5 4 10 0"/>',
    '<path d="M 196 152 Q 200 146 204 152"/>',
    '<path d="M 201 158 C 204 240 206 320 204 392" stroke-dasharray="4 3"/>',
    '<path d="M 244 158 Q 250 164 252 172"/>',  # the inner knob of the shin bone
    '<ellipse cx="233" cy="412" rx="4" ry="7"/>',
    '<ellipse cx="176" cy="424" rx="5" ry="8"/>',
    '<path d="M 248 170 L 233 412" stroke-dasharray="2 4"/>',  # the inner edge of the shin bone, condyle to malleolus
    '<path d="M 178 434 Q 202 440 230 434"/>',
    '<path d="M 232 520 L 236 548"/>',
    '<path d="M 214 526 L 216 551"/>',
    '<path d="M 198 530 L 198 552"/>',
    '<path d="M 184 532 L 182 552"/>',
    '<path d="M 148 200 C 144 240 146 270 152 290"/>',
    '<path d="M 256 200 C 262 240 256 270 250 296"/>',  # the calves' edges
]


# Both sides of the chest from the front, arms raised; 540 x 420. The person's right side on the
# left of the picture. The armpit's apex at y 186 and the free end of the eleventh rib at 306.
CHEST = [
    '<path d="M 276 420 L 196 420 C 200 390 206 360 204 330 C 202 300 196 270 196 236 C 196 214 198 200 200 186 '
    'C 176 150 150 100 128 0 L 70 0 C 92 80 112 130 140 150 Q 152 160 166 150 C 192 132 212 120 240 112 L 246 80 L 276 80 L 276 420 Z"/>',
]
CHEST_LINES = [
    '<path d="M 200 186 Q 212 196 230 200"/>',  # the fold of the chest muscle at the front of the armpit
    '<path d="M 200 186 Q 206 174 214 168"/>',  # and of the back muscle behind it
    '<circle cx="228" cy="226" r="2.6"/>',  # the nipple
    '<path d="M 270 250 Q 246 262 226 290 Q 214 302 206 306"/>',  # the costal margin to the eleventh rib
    '<path d="M 203 186 C 205 240 205 300 204 360" stroke-dasharray="4 3"/>',  # the midaxillary line
    # the sixth and seventh ribs either side of the sixth intercostal space (its middle at y 247 on the midaxillary line), the eighth
    '<path d="M 199 235 Q 212 241 224 241"/>',
    '<path d="M 200 255 Q 214 261 228 259"/>',
    '<path d="M 201 275 Q 214 281 226 279"/>',
    '<path d="M 262 338 q 8 6 16 0"/>',  # the navel
    '<path d="M 246 80 Q 240 100 214 120"/>',  # the collarbone
]


def _layers(shapes: list[str], lines: list[str]) -> list[str]:
    """Shapes drawn twice (outline under fill) so that their union has one clean outline."""
    under = "".join(_draw(x, LINE, 3.2) for x in shapes)
    over = "".join(_draw(x, SKIN, 0.01) for x in shapes)
    faint = f'<g fill="none" stroke="{LAND}" stroke-width="1.4" stroke-linecap="round">{"".join(lines)}</g>'
    return [under, over, faint]


def _limb(shapes: list[str], lines: list[str]) -> str:
    return "".join(_layers(shapes, lines))


def _halves(shapes: list[str], lines: list[str], width: float) -> str:
    """Two mirrored halves of one body, layer by layer, so no seam shows where they meet."""
    return "".join(_two(layer, width, False) for layer in _layers(shapes, lines))


def _two(one: str, width: float, mirror_first: bool) -> str:
    """Two limbs side by side: the first mirrored (a left one), the second as drawn, or the other way."""
    first = f'<g transform="translate({width:g} 0) scale(-1 1)">{one}</g>' if mirror_first else one
    second = (
        f'<g transform="translate({width:g} 0)">{one}</g>'
        if mirror_first
        else f'<g transform="translate({2 * width:g} 0) scale(-1 1)">{one}</g>'
    )
    return first + second


# A right foot seen from above, toes up, big toe on the left; 260 x 460.
FOOT = [
    '<path d="M 130 452 C 100 452 86 430 86 380 C 86 320 76 240 70 180 C 68 160 72 150 80 146 L 120 150 '
    'L 200 176 C 208 200 206 250 194 310 C 184 370 178 420 164 440 C 156 450 144 452 130 452 Z"/>',
    _capsule(96, 150, 95, 92, 42),
    _capsule(136, 160, 140, 104, 22),
    _capsule(158, 168, 164, 118, 20),
    _capsule(178, 178, 186, 134, 19),
    _capsule(196, 188, 206, 156, 17),
]
FOOT_LINES = [  # metatarsals and the big toenail, faint
    '<path d="M 98 300 L 94 164"/>',
    '<path d="M 110 296 L 134 166"/>',
    '<path d="M 128 300 L 156 174"/>',
    '<path d="M 148 306 L 176 182"/>',
    '<path d="M 168 316 L 194 192"/>',
    '<path d="M 84 92 Q 86 80 96 80 Q 106 80 106 92 L 104 104 L 86 104 Z"/>',
]

# A right ankle and foot seen from the outside, toes to the right; 300 x 300.
ANKLE = [
    '<path d="M 72 0 L 140 0 C 138 80 134 150 140 200 C 170 222 230 240 276 252 C 292 256 292 282 276 285 '
    'L 90 288 C 62 288 52 270 56 246 C 60 222 74 200 78 170 C 82 120 76 60 72 0 Z"/>',
]
ANKLE_LINES = [  # the lateral malleolus, the calcaneal tendon, the fifth metatarsal
    '<ellipse cx="114" cy="206" rx="11" ry="13"/>',
    '<path d="M 84 90 Q 80 170 70 236"/>',
    '<path d="M 150 272 L 262 270"/>',
]


def main(assets: Path | None) -> None:
    (HERE / "body-back.svg").write_text(body(assets, "posterior"))
    (HERE / "body-front.svg").write_text(body(assets, "anterior"))
    note = "Drawn for acuguide (same licence as acuguide)."
    # back of the hands, palms down: the left hand on the left, thumbs inward
    (HERE / "hands-back.svg").write_text(_svg(600, 800, _two(_limb(HAND, HAND_BACK_LINES), 300, True), note))
    # palms up: the left hand on the left, thumbs outward, the forearms down to the elbows
    (HERE / "hands-palm.svg").write_text(_svg(600, 800, _two(_limb(HAND, HAND_PALM_LINES), 300, False), note))
    # the lower legs from the front: the right leg on the left of the picture
    (HERE / "legs-front.svg").write_text(_svg(540, 560, _two(_limb(LEG, LEG_LINES), 270, False), note))
    # the chest with the arms raised, from the front: the right side on the left of the picture
    chest = f'<path d="M 240 112 Q 270 106 300 112" fill="none" stroke="{LINE}" stroke-width="1.4"/>'  # the base of the neck
    (HERE / "chest-arms-up.svg").write_text(_svg(540, 420, _halves(CHEST, CHEST_LINES, 270) + chest, note))
    # feet from above: the left foot on the left, big toes inward
    (HERE / "feet-top.svg").write_text(_svg(520, 460, _two(_limb(FOOT, FOOT_LINES), 260, True), note))
    # the outsides of the ankles: the left one on the left, toes outward
    (HERE / "ankles-side.svg").write_text(_svg(600, 300, _two(_limb(ANKLE, ANKLE_LINES), 300, True), note))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
