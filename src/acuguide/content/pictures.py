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
from .landmarks import MEASURES, Measure
from .points import Kind, Laterality, Point
from .views import Picture, View

FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"
INK, MUTED, MARK, BACKGROUND = "#2f2a26", "#6f655d", "#d9480f", "#fbf8f4"
LANDMARK = "#1f5f86"  # landmarks in blue, apart from the orange markers and the brown body
SIDES = ("left", "right")
WIDTH = 480  # the SVG's width in user units (pixels at scale 1)
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


def _text(x: float, y: float, text: str, size: float, weight: str = "normal", fill: str = INK, anchor: str = "start") -> str:
    return (f'<text x="{x:g}" y="{y:g}" font-family="{FONT}" font-size="{size:g}" font-weight="{weight}" '
            f'fill="{fill}" text-anchor="{anchor}">{escape(text)}</text>')


def _side_name(picture: Picture, index: int) -> str:
    """The person's side of the picture's `index`-th position ("middle" on the midline)."""
    if len(picture.at) == 1:
        return "middle"
    left = picture.spec.left
    return left if index == 0 else next(s for s in SIDES if s != left)


def _markers(picture: Picture, r: float, label: str | None = None, taken: list[tuple[float, float]] | None = None,
             bounds: Sequence[float] | None = None, code: str = "", side: str | None = None) -> str:
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
        out.append(f'<path d="{d}" fill="none" stroke="{MARK}" stroke-opacity="0.55" stroke-width="{r * 1.1:g}" stroke-linecap="round"/>')
    for i, (x, y) in enumerate(picture.at):
        if i not in shown:
            out.append(f'<circle cx="{x:g}" cy="{y:g}" r="{r:g}" fill="none" stroke="{MARK}" stroke-opacity="0.35" '
                       f'stroke-width="{r * 0.3:g}" stroke-dasharray="{r * 0.5:g} {r * 0.4:g}"/>')
            continue
        data = f'data-point="{escape(code)}" data-side="{_side_name(picture, i)}" data-x="{x:g}" data-y="{y:g}" ' if code else ""
        out.append(f'<circle cx="{x:g}" cy="{y:g}" r="{r * 1.45:g}" fill="{MARK}" fill-opacity="0.22"/>'
                   f'<circle {data}cx="{x:g}" cy="{y:g}" r="{r:g}" fill="{MARK}" stroke="#ffffff" stroke-width="{r * 0.35:g}"/>')
    if label:
        mx, my = max(picture.at[i] for i in shown)
        size = r * 2.2
        width = size * 0.62 * len(label)
        taken = taken if taken is not None else []
        # right of the marker, else below it, else above it: wherever no marker or label is
        candidates = [(mx + r * 1.8, my + r * 0.7), (mx - width / 2, my + r * 1.6 + size), (mx - width / 2, my - r * 1.8),
                      (mx - r * 1.8 - width, my + r * 0.7)]  # right, below, above, left
        candidates += [(x, y + k * size * 1.15) for k in range(1, 6) for x, y in candidates[:1]]
        bx, by, bw, bh = bounds or (-1e9, -1e9, 2e9, 2e9)

        def free(x: float, y: float) -> bool:
            box = (x - 1, y - size, x + width + 1, y + size * 0.25)
            inside = bx <= box[0] and box[2] <= bx + bw and by <= box[1] and box[3] <= by + bh
            return inside and not any(box[0] - r <= tx <= box[2] + r and box[1] - r <= ty <= box[3] + r for tx, ty in taken)

        x, y = next((c for c in candidates if free(*c)), candidates[0])
        taken.append((x + width / 2, y - size / 2))
        out.append(f'<text x="{x:g}" y="{y:g}" font-family="{FONT}" font-size="{size:g}" '
                   f'font-weight="bold" fill="{INK}" stroke="#ffffff" stroke-width="{r * 0.5:g}" paint-order="stroke">{escape(label)}</text>')
    return "".join(out)


def _panel(figure: str, box: Sequence[float], x: float, y: float, w: float, h: float, inside: str) -> str:
    bx, by, bw, bh = box
    return (f'<svg x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" viewBox="{bx:g} {by:g} {bw:g} {bh:g}" '
            f'preserveAspectRatio="xMidYMid meet">{_figure(figure)}{inside}</svg>')


def _side_words(point: Point, side: str | None = None) -> str:
    if point.kind is Kind.REFLEX:
        return f"reflex area, on the {side} hand" if side else "reflex area, on both hands"
    if point.laterality is not Laterality.BILATERAL:
        return "on the midline"
    return f"your {side} side" if side else "on both sides"


def measure_of(point: Point) -> Measure | None:
    """A shipped point's WHO measure, if the point is drawn in the view it is measured in."""
    measure = MEASURES.get(point.code)
    return measure if measure and point.picture and measure.view == point.picture.view else None


def _landmarks(measure: Measure, view: View, picture: Picture, side: str | None) -> str:
    """The landmarks the point is measured from (on the side shown, or both), as small blue
    rings; those its directions name labelled in plain words, once, outward from the body's middle."""
    bx, by, bw, bh = view.box
    r = view.mark
    names = list(dict.fromkeys([*measure.rule.uses, *measure.named]))
    rings, labels = [], []
    for name in names:
        landmark = measure.landmarks[name]
        indexes = [i for i in range(len(landmark.at)) if len(landmark.at) == 1 or side is None or view.index(side) == i]
        inside = []
        for i in indexes:
            x, y = landmark.at[i]
            if not (bx <= x <= bx + bw and by <= y <= by + bh):
                continue  # a ruler's landmark outside the part shown
            inside.append((x, y))
            where = "middle" if len(landmark.at) == 1 else SIDES[i] if view.left == "left" else SIDES[1 - i]
            rings.append(f'<circle data-landmark="{name}" data-side="{where}" data-x="{x:g}" data-y="{y:g}" cx="{x:g}" cy="{y:g}" '
                         f'r="{r * 0.55:g}" fill="#ffffff" fill-opacity="0.6" stroke="{LANDMARK}" stroke-width="{r * 0.26:g}"/>')
        if name in measure.named and inside:
            labels.append((sorted(inside, reverse=True), landmark.words))
    taken = [(x - r * 1.5, y - r * 1.5, x + r * 1.5, y + r * 1.5) for x, y in picture.at]
    taken += [(x - r * 0.6, y - r * 0.6, x + r * 0.6, y + r * 0.6) for spots, _ in labels for x, y in spots]
    return "".join(rings) + "".join(_label(spots, words, view, taken) for spots, words in labels)


def _label(spots: list[tuple[float, float]], words: str, view: View, taken: list[tuple[float, float, float, float]]) -> str:
    """A landmark's name beside one of its `spots`: outward from the view's middle, else below,
    above or inward; the first place inside the view that covers no marker and no other label."""
    bx, by, bw, bh = view.box
    size = view.mark * 1.5
    lines = _wrap(words, 18, keep=True)
    width = max(len(line) for line in lines) * size * 0.62
    tall = size * (1.1 * (len(lines) - 1) + 1.25)
    gap = view.mark * 0.9
    candidates = []  # (left edge, top edge) of the label's box
    for x, y in spots:
        outward, inward = (x + gap, x - gap - width) if x >= bx + bw / 2 else (x - gap - width, x + gap)
        candidates += [(outward, y - tall / 2), (x - width / 2, y + gap), (x - width / 2, y - gap - tall), (inward, y - tall / 2),
                       (outward, y + gap), (outward, y - gap - tall)]

    def inside(left: float, top: float) -> bool:
        return bx + 1 <= left and left + width <= bx + bw - 1 and by + 1 <= top and top + tall <= by + bh - 1

    def free(left: float, top: float) -> bool:
        box = (left, top, left + width, top + tall)
        return inside(left, top) and not any(box[0] < t[2] and t[0] < box[2] and box[1] < t[3] and t[1] < box[3] for t in taken)

    # free, else at least inside the view (over the body, on its white halo), never cut off
    left, top = next((c for c in candidates if free(*c)), None) or next((c for c in candidates if inside(*c)), candidates[0])
    taken.append((left, top, left + width, top + tall))
    spans = "".join(f'<tspan x="{left:g}" dy="{size if k == 0 else size * 1.1:g}">{escape(line)}</tspan>' for k, line in enumerate(lines))
    return (f'<text y="{top - size * 0.15:g}" font-family="{FONT}" font-size="{size:g}" fill="{LANDMARK}" '
            f'stroke="#ffffff" stroke-width="{size * 0.28:g}" stroke-linejoin="round" paint-order="stroke">{spans}</text>')


def point_svg(point: Point, side: str | None = None) -> str:
    """The point's picture: its view of the body with the point marked (on both sides where it
    is bilateral, or on `side` alone, the other faint, for a hold on one side), the landmarks
    it is measured from, headed by its code and English name."""
    picture = picture_of(point)
    view = picture.spec
    side = side if side in SIDES and len(picture.at) == 2 else None
    bx, by, bw, bh = view.box
    margin, head = 16, 74
    fw = WIDTH - 2 * margin
    fh = min(max(fw * bh / bw, 260), 560)
    height = head + fh + margin + 22
    measure = measure_of(point)
    inside = (_landmarks(measure, view, picture, side) if measure else "") + _markers(picture, view.mark, code=point.code, side=side)
    body = _panel(view.figure, view.box, margin, head, fw, fh, inside)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:g}" viewBox="0 0 {WIDTH} {height:g}">'
        f"<title>{escape(f'{point.code} {point.english}')}</title>"
        f'<rect width="100%" height="100%" fill="{BACKGROUND}"/>'
        + f'<text x="{margin}" y="36" font-family="{FONT}" fill="{INK}"><tspan font-size="28" font-weight="bold">{escape(point.code)}</tspan>'
        f'<tspan font-size="22" dx="12">{escape(point.english)}</tspan></text>'
        + _text(margin, 60, f"{view.caption}, {_side_words(point, side)}", 15, fill=MUTED)
        + body
        + _text(WIDTH - margin, height - 12, "acuguide · a practice aid, not medical advice", 11, fill=MUTED, anchor="end")
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
        pw, ph = box[2] * scale, box[3] * scale  # the view alone, centred in its cell: no more of the body than it shows
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
        raise RenderError(f"rsvg-convert (librsvg) is needed to draw pictures as PNG or JPEG and is not installed; {RSVG_HINT}")
    return path


def to_png(svg: str, width: int) -> bytes:
    """The SVG drawn `width` pixels wide as PNG, on its own background."""
    return _run([_rsvg(), "--format", "png", "--width", str(int(width)), "--keep-aspect-ratio"], svg.encode("utf-8"), "drawing a picture")


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
