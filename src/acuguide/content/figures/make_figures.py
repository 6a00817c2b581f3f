"""Write the figures in this folder (run by hand when the art changes; not imported by acuguide).

    python src/acuguide/content/figures/make_figures.py PATH/TO/anatomapa/assets

body-back.svg and body-front.svg take their outline from anatomapa's male posterior and
anterior silhouettes (MIT; derived from gganatogram, CC0) and add landmarks drawn here;
hands-back.svg, hands-palm.svg and feet-top.svg are drawn here. See README.md.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
SKIN, LINE, LAND = "#f4e4d4", "#5b4a3f", "#b39a86"


def _subpaths(svg: str) -> list[str]:
    d = re.search(r'id="body-outline" d="([^"]+)"', svg).group(1)
    return [s.strip() for s in re.findall(r"M[^M]*", d)]


def _svg(w: float, h: float, body: str, note: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:g} {h:g}">\n<!-- {note} -->\n{body}\n</svg>\n')


def body(assets: Path, side: str) -> str:
    subs = _subpaths((assets / f"body_male_{side}.svg").read_text())
    # The front outline is a band: its inner edges (of the body, 1, and of the head, 5) are dropped.
    # From the back's details only the hands, the spine, the gluteal folds and the heel tendons
    # are kept: its other lines looked like landmarks and were not (a wedge for a shoulder
    # blade, slanted lines from C7, a thick bar over the sacrum read as the buttock crease, knee
    # creases off the knees' centre); acuguide draws those in BACK_LANDMARKS instead.
    kept = (1, 2, 4, 12, 13, 16, 17)
    details = [subs[i] for i in kept] if side == "posterior" else [s for i, s in enumerate(subs) if i not in (0, 1, 5)]
    out = [
        f'<path d="{subs[0]}" fill="{SKIN}" stroke="{LINE}" stroke-width="1.6" stroke-linejoin="round"/>',
        f'<path d="{" ".join(details)}" fill="{LINE}" fill-opacity="0.55" fill-rule="evenodd"/>',
        f'<g fill="none" stroke="{LAND}" stroke-width="1" stroke-linecap="round">',
        *(BACK_LANDMARKS if side == "posterior" else FRONT_LANDMARKS),
        "</g>",
    ]
    note = (f"Outline: anatomapa body_male_{side}.svg (MIT, (c) 2026 Pedro Rosa, Marcelo Reis, Mozart Melo), "
            "derived from gganatogram (CC0). Landmarks (group after the outline): drawn for acuguide.")
    return _svg(540, 960, "\n".join(out), note)


# Landmarks on the back, in the outline's coordinates (see README.md for the levels used).
BACK_LANDMARKS = [
    # sacrum, with its four pairs of posterior foramina (S1 404, S2 417, S3 430, S4 443)
    '<path d="M 244 392 Q 270 388 296 392 L 285 440 Q 278 458 270 466 Q 262 458 255 440 Z" stroke-dasharray="3 2"/>',
    *(f'<circle cx="{270 + s * dx}" cy="{y}" r="1.6"/>' for s in (-1, 1) for dx, y in ((12, 404), (11, 417), (10, 430), (9, 443))),
    # iliac crests (top at L4, 376), the dimples over the PSIS (S2), the greater trochanters
    '<path d="M 194 388 Q 220 370 254 392"/>', '<path d="M 346 388 Q 320 370 286 392"/>',
    '<path d="M 244 417 q 3 4 6 0"/>', '<path d="M 290 417 q 3 4 6 0"/>',
    '<path d="M 181 458 q 6 -8 12 0"/>', '<path d="M 359 458 q -6 -8 -12 0"/>',
    # the eleventh and twelfth ribs, outside the long back muscles
    '<path d="M 240 304 Q 224 316 206 338"/>', '<path d="M 300 304 Q 316 316 334 338"/>',
    '<path d="M 240 320 Q 234 328 226 344"/>', '<path d="M 300 320 Q 306 328 314 344"/>',
    # the shoulder blades: the ridge (spine of the scapula) from the acromion in to the inner
    # edge, the inner edge 3 cun from the midline down to the lower tip at T7 (249), the outer edge
    '<path d="M 176 168 L 232 193"/>', '<path d="M 364 168 L 308 193"/>',
    '<path d="M 231 184 L 236 249 Q 214 226 196 186"/>', '<path d="M 309 184 L 304 249 Q 326 226 344 186"/>',
    # the sacral crest, thin, and the knee creases across the middle of each knee
    '<path d="M 270 394 L 270 452" stroke-dasharray="2 3"/>',
    '<path d="M 196 718 Q 214 723 232 718"/>', '<path d="M 308 718 Q 326 723 344 718"/>',
    # C7 and the acromions
    '<circle cx="270" cy="148" r="2.2"/>', '<path d="M 166 170 q 6 -5 12 -2"/>', '<path d="M 374 170 q -6 -5 -12 -2"/>',
    # the occiput and the mastoid processes
    '<path d="M 234 100 Q 270 114 306 100" stroke-dasharray="3 2"/>',
    '<path d="M 232 96 q 3 8 8 10"/>', '<path d="M 308 96 q -3 8 -8 10"/>',
    # lateral malleoli
    '<ellipse cx="209" cy="884" rx="3" ry="5"/>', '<ellipse cx="331" cy="884" rx="3" ry="5"/>',
]
FRONT_LANDMARKS = [
    # pubic symphysis, the costal margins, the midline
    '<path d="M 256 458 Q 270 452 284 458"/>',
    '<path d="M 226 320 Q 246 272 270 262 Q 294 272 314 320"/>',
    '<path d="M 270 150 L 270 262" stroke-dasharray="3 3"/>',
    # kneecaps and tibial crests, medial malleoli
    '<ellipse cx="216" cy="700" rx="11" ry="14"/>', '<ellipse cx="324" cy="700" rx="11" ry="14"/>',
    '<path d="M 220 724 Q 222 800 228 880" stroke-dasharray="3 3"/>', '<path d="M 320 724 Q 318 800 312 880" stroke-dasharray="3 3"/>',
    '<ellipse cx="243" cy="889" rx="3" ry="5"/>', '<ellipse cx="297" cy="889" rx="3" ry="5"/>',
]


def _capsule(x1, y1, x2, y2, w) -> str:
    return f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke-width="{w}" stroke-linecap="round"/>'


def _draw(shape: str, colour: str, pad: float) -> str:
    """A shape filled and stroked in one colour, `pad` wider than drawn (lines: `pad` thicker)."""
    if shape.startswith("<line"):
        return re.sub(r'stroke-width="([\d.]+)"', lambda m: f'stroke-width="{float(m[1]) + pad:g}" stroke="{colour}"', shape)
    return shape.replace("/>", f' fill="{colour}" stroke="{colour}" stroke-width="{pad:g}" stroke-linejoin="round"/>')


# A right hand seen from its back, fingers up, thumb on the left; 300 x 480.
HAND = [
    '<path d="M 100 480 L 96 330 Q 84 250 92 196 L 214 196 Q 226 232 214 300 L 206 330 L 204 480 Z"/>',
    '<path d="M 106 320 L 60 250 Q 82 236 96 200 Z"/>',  # the web between thumb and index finger
    _capsule(104, 190, 97, 58, 29), _capsule(139, 186, 139, 38, 30), _capsule(172, 190, 178, 58, 28),
    _capsule(202, 206, 216, 104, 24), _capsule(102, 318, 62, 252, 40), _capsule(62, 252, 34, 196, 31),
]
HAND_BACK_LINES = [  # metacarpals, knuckles and the wrist, faint
    '<path d="M 104 318 L 104 196"/>', '<path d="M 139 322 L 139 192"/>', '<path d="M 170 322 L 172 196"/>', '<path d="M 196 320 L 202 208"/>',
    '<path d="M 92 342 Q 150 352 210 342"/>',
]
HAND_PALM_LINES = [  # creases and the forearm's tendons, faint
    '<path d="M 96 196 Q 150 226 216 214"/>', '<path d="M 92 238 Q 140 246 214 226"/>', '<path d="M 108 312 Q 98 270 84 232"/>',
    '<path d="M 98 338 Q 150 346 208 338"/>', '<path d="M 98 352 Q 150 360 208 352"/>',
    '<path d="M 150 360 L 152 480"/>', '<path d="M 136 360 L 134 480"/>',
]


def _limb(shapes: list[str], lines: list[str]) -> str:
    """Shapes drawn twice (outline under fill) so that their union has one clean outline."""
    under = "".join(_draw(x, LINE, 3.2) for x in shapes)
    over = "".join(_draw(x, SKIN, 0.01) for x in shapes)
    faint = f'<g fill="none" stroke="{LAND}" stroke-width="1.4" stroke-linecap="round">{"".join(lines)}</g>'
    return under + over + faint


def _two(one: str, width: int, mirror_first: bool) -> str:
    """Two limbs side by side: the first mirrored (a left one), the second as drawn, or the other way."""
    first = f'<g transform="translate({width} 0) scale(-1 1)">{one}</g>' if mirror_first else one
    second = f'<g transform="translate({width} 0)">{one}</g>' if mirror_first else f'<g transform="translate({2 * width} 0) scale(-1 1)">{one}</g>'
    return first + second


# A right foot seen from above, toes up, big toe on the left; 260 x 460.
FOOT = [
    '<path d="M 130 452 C 100 452 86 430 86 380 C 86 320 76 240 70 180 C 68 160 72 150 80 146 L 120 150 '
    'L 200 176 C 208 200 206 250 194 310 C 184 370 178 420 164 440 C 156 450 144 452 130 452 Z"/>',
    _capsule(96, 150, 95, 92, 42), _capsule(136, 160, 140, 104, 22), _capsule(158, 168, 164, 118, 20),
    _capsule(178, 178, 186, 134, 19), _capsule(196, 188, 206, 156, 17),
]
FOOT_LINES = [  # metatarsals and the big toenail, faint
    '<path d="M 98 300 L 94 164"/>', '<path d="M 110 296 L 134 166"/>', '<path d="M 128 300 L 156 174"/>',
    '<path d="M 148 306 L 176 182"/>', '<path d="M 168 316 L 194 192"/>',
    '<path d="M 84 92 Q 86 80 96 80 Q 106 80 106 92 L 104 104 L 86 104 Z"/>',
]

# A right ankle and foot seen from the outside, toes to the right; 300 x 300.
ANKLE = [
    '<path d="M 72 0 L 140 0 C 138 80 134 150 140 200 C 170 222 230 240 276 252 C 292 256 292 282 276 285 '
    'L 90 288 C 62 288 52 270 56 246 C 60 222 74 200 78 170 C 82 120 76 60 72 0 Z"/>',
]
ANKLE_LINES = [  # the lateral malleolus, the calcaneal tendon, the fifth metatarsal
    '<ellipse cx="114" cy="206" rx="11" ry="13"/>', '<path d="M 84 90 Q 80 170 70 236"/>',
    '<path d="M 150 272 L 262 270"/>',
]


def main(assets: Path) -> None:
    (HERE / "body-back.svg").write_text(body(assets, "posterior"))
    (HERE / "body-front.svg").write_text(body(assets, "anterior"))
    note = "Drawn for acuguide (same licence as acuguide)."
    # back of the hands, palms down: the left hand on the left, thumbs inward
    (HERE / "hands-back.svg").write_text(_svg(600, 480, _two(_limb(HAND, HAND_BACK_LINES), 300, True), note))
    # palms up: the left hand on the left, thumbs outward
    (HERE / "hands-palm.svg").write_text(_svg(600, 480, _two(_limb(HAND, HAND_PALM_LINES), 300, False), note))
    # feet from above: the left foot on the left, big toes inward
    (HERE / "feet-top.svg").write_text(_svg(520, 460, _two(_limb(FOOT, FOOT_LINES), 260, True), note))
    # the outsides of the ankles: the left one on the left, toes outward
    (HERE / "ankles-side.svg").write_text(_svg(600, 300, _two(_limb(ANKLE, ANKLE_LINES), 300, True), note))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
