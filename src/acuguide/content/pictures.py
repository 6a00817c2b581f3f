"""A picture of every point: SVG drawn from the figures in `figures/` and each point's positions.

A point's picture is one *view* (views.py): a figure (a body seen from the back or the front,
two hands, two feet) and the part of it that is shown. Positions are data: each entry of
points.yaml has a `picture` with its view and where the point is (`at`, one [x, y] per side,
in the figure file's own coordinates whatever part a view shows), and for a reflex area the
lines it covers (`lines`). A shipped point's picture also draws the landmarks it is measured
from (landmarks.py), those its directions name labelled in plain words, so the reader sees
what the directions measure from.

In the SVG each landmark is an element with `data-landmark`, each marker one with
`data-point`, both with `data-side` and `data-x`, `data-y` in the figure's coordinates, so a
test (or a practitioner's script) can measure a marker against its landmarks.

SVG is the source; `to_png` and `to_jpeg` rasterise it with librsvg's `rsvg-convert` (and
ffmpeg for JPEG), both Debian packages that scripts/setup installs. Pure Python: importing this
module starts nothing and loads neither numpy nor an engine.
"""

from __future__ import annotations

import math
import re
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from xml.sax.saxutils import escape

from ..errors import PointLibraryError, Problem, RenderError, WriteError
from ..files import atomic
from . import wording
from .catalog import Translator, translator
from .landmarks import MEASURES, Measure
from .points import Kind, Laterality, Point
from .views import Picture, View
from .wording import ENGLISH

FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"
INK, MUTED, MARK, BACKGROUND = "#2f2a26", "#6f655d", "#d9480f", "#fbf8f4"
LANDMARK = "#1f5f86"  # landmarks in blue, apart from the orange markers and the brown body
SIDES = ("left", "right")
WIDTH = 480  # the SVG's width in user units (pixels at scale 1)
MARGIN = 16
GREY = "#9a918a"  # a landmark the measure uses but the directions do not name
PHONE_PX, LABEL_PX = 390, 12.5  # a point picture's text is at least 12 px when drawn 390 px wide
LINE_EM = 1.2
RSVG_HINT = "install it with: sudo apt-get install librsvg2-bin"


def picture_of(point: Point) -> Picture:
    """The point's picture data, or an error naming the point if its entry has none."""
    if point.picture is None:
        raise RenderError(f"{point.code} has no picture: its entry in the points file has no 'picture' field")
    return point.picture


def has_picture(point: Point) -> bool:
    return point.picture is not None


@cache
def _figure(name: str) -> str:
    """The figure's drawing: the file's content without its outer <svg> element."""
    text = (resources.files(__package__) / "figures" / name).read_text(encoding="utf-8")
    inner = re.search(r"<svg[^>]*>(.*)</svg>", text, re.S)
    if inner is None:
        raise PointLibraryError([Problem(f"acuguide/content/figures/{name}", None, "", "not an SVG figure")])
    return re.sub(r"<!--.*?-->", "", inner.group(1), flags=re.S).strip()


def figure_size(name: str) -> tuple[float, float]:
    text = (resources.files(__package__) / "figures" / name).read_text(encoding="utf-8")
    x, y, w, h = (float(v) for v in re.search(r'viewBox="([^"]+)"', text).group(1).split())
    return w, h


def _text(
    x: float, y: float, text: str, size: float, weight: str = "normal", fill: str = INK, anchor: str = "start"
) -> str:
    return (
        f'<text x="{x:g}" y="{y:g}" font-family="{FONT}" font-size="{size:g}" font-weight="{weight}" '
        f'fill="{fill}" text-anchor="{anchor}">{escape(text)}</text>'
    )


def _side_name(picture: Picture, index: int) -> str:
    """The person's side of the picture's `index`-th position ("middle" on the midline)."""
    if len(picture.at) == 1:
        return "middle"
    left = picture.spec.left
    return left if index == 0 else next(s for s in SIDES if s != left)


def _markers(
    picture: Picture,
    r: float,
    label: str | None = None,
    taken: list[tuple[float, float]] | None = None,
    bounds: Sequence[float] | None = None,
    code: str = "",
    side: str | None = None,
) -> str:
    """Markers at the point's positions; a reflex area's lines under them; an optional label
    beside the right-most marker, inside `bounds` (the panel's x, y, width, height) if given.
    With `side`, only that side's marker is drawn in full, the other as a faint ring."""
    out = []
    shown = [i for i in range(len(picture.at)) if side is None or _side_name(picture, i) in (side, "middle")]
    for line in picture.lines:
        nearest = min(range(len(picture.at)), key=lambda i: abs(picture.at[i][0] - line[0][0]))
        if nearest not in shown:
            continue  # a reflex area's line on the other hand
        d = " ".join(f"{'M' if i == 0 else 'L'} {x:g} {y:g}" for i, (x, y) in enumerate(line))
        out.append(
            f'<path d="{d}" fill="none" stroke="{MARK}" stroke-opacity="0.55" stroke-width="{r * 1.1:g}" stroke-linecap="round"/>'
        )
    for i, (x, y) in enumerate(picture.at):
        if i not in shown:
            out.append(
                f'<circle cx="{x:g}" cy="{y:g}" r="{r:g}" fill="none" stroke="{MARK}" stroke-opacity="0.35" '
                f'stroke-width="{r * 0.3:g}" stroke-dasharray="{r * 0.5:g} {r * 0.4:g}"/>'
            )
            continue
        data = (
            f'data-point="{escape(code)}" data-side="{_side_name(picture, i)}" data-x="{x:g}" data-y="{y:g}" '
            if code
            else ""
        )
        out.append(
            f'<circle cx="{x:g}" cy="{y:g}" r="{r * 1.45:g}" fill="{MARK}" fill-opacity="0.22"/>'
            f'<circle {data}cx="{x:g}" cy="{y:g}" r="{r:g}" fill="{MARK}" stroke="#ffffff" stroke-width="{r * 0.35:g}"/>'
        )
    if label:
        mx, my = max(picture.at[i] for i in shown)
        size = r * 2.2
        width = size * 0.62 * len(label)
        taken = taken if taken is not None else []
        # right of the marker, else below it, else above it: wherever no marker or label is
        candidates = [
            (mx + r * 1.8, my + r * 0.7),
            (mx - width / 2, my + r * 1.6 + size),
            (mx - width / 2, my - r * 1.8),
            (mx - r * 1.8 - width, my + r * 0.7),
        ]  # right, below, above, left
        candidates += [(x, y + k * size * 1.15) for k in range(1, 6) for x, y in candidates[:1]]
        bx, by, bw, bh = bounds or (-1e9, -1e9, 2e9, 2e9)

        def free(x: float, y: float) -> bool:
            box = (x - 1, y - size, x + width + 1, y + size * 0.25)
            inside = bx <= box[0] and box[2] <= bx + bw and by <= box[1] and box[3] <= by + bh
            return inside and not any(
                box[0] - r <= tx <= box[2] + r and box[1] - r <= ty <= box[3] + r for tx, ty in taken
            )

        x, y = next((c for c in candidates if free(*c)), candidates[0])
        taken.append((x + width / 2, y - size / 2))
        out.append(
            f'<text x="{x:g}" y="{y:g}" font-family="{FONT}" font-size="{size:g}" '
            f'font-weight="bold" fill="{INK}" stroke="#ffffff" stroke-width="{r * 0.5:g}" paint-order="stroke">{escape(label)}</text>'
        )
    return "".join(out)


def _panel(figure: str, box: Sequence[float], x: float, y: float, w: float, h: float, inside: str) -> str:
    bx, by, bw, bh = box
    return (
        f'<svg x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" viewBox="{bx:g} {by:g} {bw:g} {bh:g}" '
        f'preserveAspectRatio="xMidYMid meet">{_figure(figure)}{inside}</svg>'
    )


def _side_words(point: Point, t: Translator, side: str | None = None) -> str:
    kind = "reflex" if point.kind is Kind.REFLEX else "point"
    if kind == "point" and point.laterality is not Laterality.BILATERAL:
        return t(wording.PICTURE_SIDE["midline"])
    return t(wording.PICTURE_SIDE[kind, side or "both"])


def measure_of(point: Point) -> Measure | None:
    """A shipped point's WHO measure, if the point is drawn in the view it is measured in."""
    measure = MEASURES.get(point.code)
    return measure if measure and point.picture and measure.view == point.picture.view else None


Box = tuple[float, float, float, float]  # left, top, right, bottom
Circle = tuple[float, float, float]  # x, y, radius


def _rings(
    measure: Measure, view: View, picture: Picture, side: str | None
) -> tuple[list[str], list[Circle], dict[str, list[Circle]]]:
    """The landmarks the point is measured from, on the side shown (or both), as rings: blue
    where its directions name them (each then gets a label), grey where only the measure uses
    them, so that no unexplained blue ring reads as one more place to press."""
    bx, by, bw, bh = view.box
    r = view.mark * 0.55
    rings, drawn, named = [], [], {}
    for name in dict.fromkeys([*measure.rule.uses, *measure.named]):
        landmark = measure.landmarks[name]
        for i, (x, y) in enumerate(landmark.at):
            if len(landmark.at) == 2 and side is not None and view.index(side) != i:
                continue  # the other side's landmark, for a hold on one side
            if not (bx <= x <= bx + bw and by <= y <= by + bh):
                continue  # a ruler's landmark outside the part shown
            where = "middle" if len(landmark.at) == 1 else SIDES[i] if view.left == "left" else SIDES[1 - i]
            blue = name in measure.named
            style = (
                f'fill="#ffffff" fill-opacity="0.6" stroke="{LANDMARK}" stroke-width="{view.mark * 0.26:g}"'
                if blue
                else f'fill="none" stroke="{GREY}" stroke-width="{view.mark * 0.16:g}"'
            )
            rings.append(
                f'<circle data-landmark="{name}" data-side="{where}" data-x="{x:g}" data-y="{y:g}" cx="{x:g}" cy="{y:g}" '
                f'r="{r:g}" {style}/>'
            )
            drawn.append((x, y, r))
            if blue:
                named.setdefault(name, []).append((x, y, r))
    return rings, drawn, named


def _overlaps_circle(box: Box, circle: Circle) -> bool:
    x, y, r = circle
    nx, ny = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
    return (x - nx) ** 2 + (y - ny) ** 2 < r * r


def _overlaps_box(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _segment_hits_circle(a: tuple[float, float], b: tuple[float, float], circle: Circle) -> bool:
    (ax, ay), (bx, by), (x, y, r) = a, b, circle
    dx, dy = bx - ax, by - ay
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    return (ax + t * dx - x) ** 2 + (ay + t * dy - y) ** 2 < r * r


def _inside(ring: Circle, marker: Circle) -> bool:
    """A ring under a marker (the point lies on the landmark): its leader starts inside the marker."""
    return (ring[0] - marker[0]) ** 2 + (ring[1] - marker[1]) ** 2 < marker[2] ** 2


def _segment_hits_box(a: tuple[float, float], b: tuple[float, float], box: Box) -> bool:
    """Whether the segment passes through the box (sampled finely: boxes here are larger than a step)."""
    return any(
        box[0] < a[0] + k / 24 * (b[0] - a[0]) < box[2] and box[1] < a[1] + k / 24 * (b[1] - a[1]) < box[3]
        for k in range(25)
    )


def _nearest_on_box(x: float, y: float, box: Box) -> tuple[float, float]:
    return min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])


def text_width(text: str, size: float) -> float:
    """An upper bound of the text's width in DejaVu Sans (the widest of the fonts a label may get)
    at font size `size`: its advance widths rounded up to three classes."""
    narrow, wide = " .,'-:;!()ijlftr|", "mwMW@"
    return size * sum(0.4 if c in narrow else 1.0 if c in wide else 0.8 if c.isupper() else 0.64 for c in text)


def label_size(view: View) -> float:
    """A label's font size in the view's units: LABEL_PX on a phone, whatever the view's scale."""
    return LABEL_PX / (PHONE_PX / WIDTH) / panel_scale(view)


def _labels(
    named: dict[str, list[Circle]],
    measure: Measure,
    view: View,
    markers: list[Circle],
    rings: list[Circle],
    t: Translator = ENGLISH,
) -> tuple[list[str], list[str]]:
    """Each named landmark's words in a box, tied by a leader line to its rings: one box for both
    sides where its leaders stay short, else one beside each ring. A box goes where it covers no
    marker, no ring and no other label and its leaders cross no marker, ring or label, as close
    to its rings as that allows. (Every shipped picture finds such a place, as the tests check;
    a user's own point moved onto a shipped code's landmarks could leave none, and then its
    label takes the place that covers least.) Returns (leaders, labels)."""
    size = label_size(view)
    placed: list[Box] = []
    leaders, texts = [], []
    for name, circles in named.items():
        lines = _wrap(t(measure.landmarks[name].words), 20, keep=True)
        width, tall = max(text_width(line, size) for line in lines), size * (LINE_EM * (len(lines) - 1) + 1.3)
        shared = _place(circles, width, tall, view, markers, rings, placed)
        groups = [(circles, shared[1])]
        if len(circles) > 1:
            each, taken, total = [], list(placed), 0.0
            for circle in circles:
                score, box = _place([circle], width, tall, view, markers, rings, taken)
                each.append(([circle], box))
                taken.append(box)
                total += score
            if total + SECOND_LABEL * view.mark < shared[0]:
                groups = each
        for group, box in groups:
            placed.append(box)
            for x, y, r in group:
                ex, ey = _nearest_on_box(x, y, box)
                d = ((ex - x) ** 2 + (ey - y) ** 2) ** 0.5
                if d > r:
                    sx, sy = x + (ex - x) * r / d, y + (ey - y) * r / d
                    leaders.append(
                        f'<line data-leader="{name}" x1="{sx:g}" y1="{sy:g}" x2="{ex:g}" y2="{ey:g}" '
                        f'stroke="{LANDMARK}" stroke-width="{view.mark * 0.18:g}" stroke-linecap="round"/>'
                    )
            spans = "".join(
                f'<tspan x="{box[0]:g}" dy="{size if k == 0 else size * LINE_EM:g}">{escape(line)}</tspan>'
                for k, line in enumerate(lines)
            )
            texts.append(
                f'<text data-label="{name}" y="{box[1]:g}" font-family="{FONT}" font-size="{size:g}" '
                f'fill="{LANDMARK}" stroke="#ffffff" stroke-width="{size * 0.28:g}" stroke-linejoin="round" '
                f'paint-order="stroke">{spans}</text>'
            )
    return leaders, texts


SECOND_LABEL = 6  # a second label for a landmark's other side is worth this many markers' radii of leader saved


def _place(
    circles: list[Circle],
    width: float,
    tall: float,
    view: View,
    markers: list[Circle],
    rings: list[Circle],
    placed: list[Box],
) -> tuple[float, Box]:
    """The best box of `width` x `tall` for a label tied to `circles`, and its score: the length
    of its leaders, plus a million for each thing it covers or its leaders cross."""
    bx, by, bw, bh = view.box
    gap = view.mark * 0.5
    anchors = [(x, y) for x, y, _ in circles]
    if len(anchors) > 1:
        anchors.append((sum(x for x, _ in anchors) / len(anchors), sum(y for _, y in anchors) / len(anchors)))
    best: tuple[float, Box] | None = None
    for ax, ay in anchors:
        for step in range(1, 12):
            reach = gap + step * view.mark * 0.8
            for cos, sin in _DIRECTIONS:
                cx, cy = ax + cos * (reach + width / 2), ay + sin * (reach + tall / 2)
                box = (cx - width / 2, cy - tall / 2, cx + width / 2, cy + tall / 2)
                if not (bx + 1 <= box[0] and box[2] <= bx + bw - 1 and by + 1 <= box[1] and box[3] <= by + bh - 1):
                    continue
                padded = (box[0] - gap / 2, box[1] - gap / 2, box[2] + gap / 2, box[3] + gap / 2)
                ends = [(c, _nearest_on_box(c[0], c[1], box)) for c in circles]
                bad = (
                    sum(_overlaps_circle(padded, c) for c in [*markers, *rings])
                    + sum(_overlaps_box(padded, other) for other in placed)
                    + sum(_segment_hits_circle(c[:2], end, m) for c, end in ends for m in markers if not _inside(c, m))
                    + sum(_segment_hits_circle(c[:2], end, o) for c, end in ends for o in rings if o != c)
                    + sum(_segment_hits_box(c[:2], end, other) for c, end in ends for other in placed)
                )
                score = bad * 1e6 + sum(((c[0] - ex) ** 2 + (c[1] - ey) ** 2) ** 0.5 for c, (ex, ey) in ends)
                if best is None or score < best[0]:
                    best = (score, box)
    if best is None:
        raise RenderError(f"the {view.caption!r} view is too small for a label {width:.0f} x {tall:.0f} units")
    return best


_DIRECTIONS = [(math.cos(k * math.pi / 8), math.sin(k * math.pi / 8)) for k in range(16)]  # right first, then clockwise


def panel_scale(view: View) -> float:
    """Output units per figure unit in the point picture's panel."""
    _, _, bw, bh = view.box
    fw, fh = _panel_size(view)
    return min(fw / bw, fh / bh)


def _panel_size(view: View) -> tuple[float, float]:
    fw = WIDTH - 2 * MARGIN
    return fw, min(max(fw * view.box[3] / view.box[2], 260), 560)


@lru_cache(maxsize=256)  # a batch shows the same points in many sessions: each drawn once a process
def point_svg(point: Point, side: str | None = None, language: str = "en") -> str:
    """The point's picture: its view of the body with the point marked (on both sides where it
    is bilateral, or on `side` alone, the other faint, for a hold on one side), the landmarks
    it is measured from, those its directions name labelled, headed by its code and name. Its
    words are in `language` (the point itself comes localized, like a session's)."""
    t = translator(language)
    picture = picture_of(point)
    view = picture.spec
    side = side if side in SIDES and len(picture.at) == 2 else None
    head = 74
    fw, fh = _panel_size(view)
    height = head + fh + MARGIN + 26
    measure = measure_of(point)
    markers = _markers(picture, view.mark, code=point.code, side=side)
    if measure:
        rings, drawn, named = _rings(measure, view, picture, side)
        halo = [(x, y, view.mark * 1.45) for x, y in picture.at]
        leaders, labels = _labels(named, measure, view, halo, drawn, t)
        inside = "".join(leaders) + "".join(rings) + markers + "".join(labels)
    else:
        inside = markers
    body = _panel(view.figure, view.box, MARGIN, head, fw, fh, inside)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:g}" viewBox="0 0 {WIDTH} {height:g}">'
        f"<title>{escape(f'{point.code} {point.english}')}</title>"
        f'<rect width="100%" height="100%" fill="{BACKGROUND}"/>'
        + f'<text x="{MARGIN}" y="36" font-family="{FONT}" fill="{INK}"><tspan font-size="28" font-weight="bold">{escape(point.code)}</tspan>'
        f'<tspan font-size="22" dx="12">{escape(point.english)}</tspan></text>'
        + _text(MARGIN, 60, f"{t(view.caption)}, {_side_words(point, t, side)}", 15, fill=MUTED)
        + body
        + _text(WIDTH - MARGIN, height - 12, t(wording.PICTURE_FOOTER), 15, fill=MUTED, anchor="end")
        + "</svg>"
    )


def _union(a: Sequence[float], b: Sequence[float]) -> tuple[float, float, float, float]:
    x0, y0 = min(a[0], b[0]), min(a[1], b[1])
    return x0, y0, max(a[0] + a[2], b[0] + b[2]) - x0, max(a[1] + a[3], b[1] + b[3]) - y0


def _panels(points: list[Point]) -> list[tuple[str, tuple[float, float, float, float], list[tuple[Point, Picture]]]]:
    """The cover's panels: the points' views, those of one figure shown together where that
    costs little room (the back and the buttocks do, the back and the knees do not)."""
    panels: list[tuple[str, tuple[float, float, float, float], list[tuple[Point, Picture]]]] = []
    for point in points:
        picture = picture_of(point)
        view = picture.spec
        for i, (figure, box, entries) in enumerate(panels):
            union = _union(box, view.box)
            if figure == view.figure and union[2] * union[3] <= 1.25 * (box[2] * box[3] + view.box[2] * view.box[3]):
                panels[i] = (figure, union, [*entries, (point, picture)])
                break
        else:
            panels.append((view.figure, view.box, [(point, picture)]))
    return panels


def cover_svg(points: Iterable[Point], title: str) -> str:
    """The session's points on as few figures as show them (side by side, in two rows when
    there are more than three), with its title."""
    points = list(dict.fromkeys(points))  # each point once, in order
    panels = _panels(points)
    lines = _wrap(title, 30)[:2]
    size, margin = 600, 16
    head = 80 + 32 * (len(lines) - 1)
    rows = 1 if len(panels) <= 3 else 2
    columns = max(1, -(-len(panels) // rows))
    cw = (size - margin * (columns + 1)) / columns
    ch = (size - head - 26 - margin * (rows - 1)) / rows
    out = []
    for k, (figure, box, entries) in enumerate(panels):
        row, column = divmod(k, columns)
        in_row = min(columns, len(panels) - row * columns)
        x = (size - in_row * cw - (in_row - 1) * margin) / 2 + column * (cw + margin)  # a short last row is centred
        scale = min(cw / box[2], ch / box[3])
        r = max(max(p.spec.mark for _, p in entries), 5.5 / scale)  # at least 11 px across
        taken = [xy for _, picture in entries for xy in picture.at]  # labels keep off every marker
        marks = "".join(_markers(picture, r, point.code, taken, box, point.code) for point, picture in entries)
        pw, ph = (
            box[2] * scale,
            box[3] * scale,
        )  # the view alone, centred in its cell: no more of the body than it shows
        out.append(_panel(figure, box, x + (cw - pw) / 2, head + row * (ch + margin) + (ch - ph) / 2, pw, ph, marks))
    codes = " · ".join(p.code for p in points)
    texts = "".join(_text(size / 2, 40 + 32 * k, line, 28, "bold", anchor="middle") for k, line in enumerate(lines))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}">'
        f"<title>{escape(title)}</title>"
        f'<rect width="100%" height="100%" fill="{BACKGROUND}"/>'
        + texts
        + _text(size / 2, head - 12, codes, 16, fill=MUTED, anchor="middle")
        + "".join(out)
        + _text(size - margin, size - 10, "acuguide", 12, fill=MUTED, anchor="end")
        + "</svg>"
    )


def _wrap(text: str, width: int, keep: bool = False) -> list[str]:
    """`text` in lines of about `width` characters; two at most unless `keep`."""
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    if len(lines) > 2 and not keep:
        lines = [lines[0], " ".join(lines[1:])[: width - 1] + "…"]
    return lines or [""]


def _run(args: list[str], data: bytes, what: str) -> bytes:
    try:
        done = subprocess.run(args, input=data, capture_output=True, check=False)
    except OSError as exc:
        raise RenderError(f"could not run {args[0]} to {what}: {exc.strerror or exc}") from None
    if done.returncode != 0 or not done.stdout:
        message = done.stderr.decode("utf-8", "replace").strip()[-300:]
        raise RenderError(f"{what} failed: {message or f'exit status {done.returncode}'}")
    return done.stdout


def _rsvg() -> str:
    path = shutil.which("rsvg-convert")
    if path is None:
        raise RenderError(
            f"rsvg-convert (librsvg) is needed to draw pictures as PNG or JPEG and is not installed; {RSVG_HINT}"
        )
    return path


def to_png(svg: str, width: int) -> bytes:
    """The SVG drawn `width` pixels wide as PNG, on its own background."""
    return _run(
        [_rsvg(), "--format", "png", "--width", str(int(width)), "--keep-aspect-ratio"],
        svg.encode("utf-8"),
        "drawing a picture",
    )


def to_jpeg(svg: str, width: int, quality: int = 5) -> bytes:
    """The SVG as a JPEG (ffmpeg's mjpeg encoder; `quality` 2 best to 31 worst)."""
    from .. import ffmpeg

    png = to_png(svg, width)
    args = [ffmpeg.tool(), "-loglevel", "error", "-f", "png_pipe", "-i", "pipe:0", "-frames:v", "1",
            "-q:v", str(int(quality)), "-pix_fmt", "yuvj420p", "-f", "mjpeg", "pipe:1"]  # fmt: skip
    return _run(args, png, "encoding a picture as JPEG")


@lru_cache(maxsize=64)  # a render encodes up to twice; each picture is drawn once
def small_jpeg(svg: str, width: int = 480, limit: int = 40_000) -> bytes:
    """A JPEG of the SVG under `limit` bytes: the first of a few qualities and sizes that fits."""
    for w, q in ((width, 4), (width, 7), (width * 3 // 4, 7), (width // 2, 9)):
        data = to_jpeg(svg, w, q)
        if len(data) <= limit:
            return data
    raise RenderError(f"a picture came out at {len(data)} bytes, over the {limit}-byte limit")


def write_picture(point: Point, path: Path) -> None:
    """The point's picture as a file: SVG as drawn, or PNG wide enough for a phone screen."""
    suffix = path.suffix.lower()
    if suffix not in (".svg", ".png"):
        raise WriteError(f"cannot write a picture as {path.name!r}: give a file name ending in .svg or .png")
    svg = point_svg(point)
    data = svg.encode("utf-8") if suffix == ".svg" else to_png(svg, 2 * WIDTH)
    try:
        with atomic(path) as tmp:
            tmp.write_bytes(data)
    except OSError as exc:
        raise WriteError(f"cannot write {path}: {exc.strerror or exc}") from None
