"""The points' pictures: every library point has one, drawn where the data says, escaped; and
a rendered MP3 carries a cover and a picture in each point chapter."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

import pytest

from acuguide.content import pictures
from acuguide.content.points import Kind, Laterality, library

SVG = "{http://www.w3.org/2000/svg}"
POINTS = library().points


@pytest.mark.pure
@pytest.mark.parametrize("point", POINTS, ids=lambda p: p.code)
def test_every_point_has_a_picture_marked_on_each_side(point):
    picture = pictures.picture_of(point)
    expected = 1 if point.laterality is Laterality.MIDLINE else 2
    assert len(picture.at) == expected
    if expected == 2:  # one mark on each side of the figure
        left, right = sorted(picture.at)
        w, _ = pictures.figure_size(picture.spec.figure)
        assert left[0] < w / 2 < right[0]
    if point.kind is Kind.REFLEX:
        assert picture.lines
    svg = pictures.point_svg(point)
    root = ET.fromstring(svg)  # well-formed
    marks = [c for c in root.iter(f"{SVG}circle") if c.get("fill") == pictures.MARK and c.get("fill-opacity") is None]
    assert len(marks) == expected
    assert point.code in svg and point.english in svg


@pytest.mark.pure
def test_positions_fall_inside_the_figure_and_its_view():
    for code, picture in ((p.code, pictures.picture_of(p)) for p in POINTS):
        w, h = pictures.figure_size(picture.spec.figure)
        bx, by, bw, bh = picture.spec.box
        for x, y in [*picture.at, *(p for line in picture.lines for p in line)]:
            assert 0 <= x <= w and 0 <= y <= h, code
            assert bx <= x <= bx + bw and by <= y <= by + bh, f"{code} is outside its view"


@pytest.mark.pure
def test_titles_and_names_are_escaped():
    hostile = "</title><script>alert(1)</script> & <b>"
    point = dataclasses.replace(library().get("BL23"), english=hostile)
    for svg in (pictures.point_svg(point), pictures.cover_svg([point, library().get("LI4")], hostile)):
        root = ET.fromstring(svg)
        assert not list(root.iter(f"{SVG}script")) and not list(root.iter("script"))
        assert "<script>" not in svg and "&lt;script&gt;" in svg


@pytest.mark.pure
def test_cover_puts_points_of_one_figure_on_one_panel():
    lib = library()
    svg = pictures.cover_svg([lib.get(c) for c in ("BL23", "BL52", "GB30", "BL40")], "Lower Back")
    root = ET.fromstring(svg)
    panels = [e for e in root.iter(f"{SVG}svg") if e is not root]
    assert len(panels) == 2  # the back down to the buttocks; the knees
    svg = pictures.cover_svg([lib.get(c) for c in ("GB21", "LI4", "BL23")], "Desk Break")
    assert len([e for e in ET.fromstring(svg).iter(f"{SVG}svg")]) == 3  # the cover, the back, the hands


@pytest.mark.pure
@pytest.mark.parametrize("picture, message", [
    ("{view: side, at: [[1, 2]]}", "line 23: points[0].picture.view: unknown view 'side'; known: back, neck"),
    ("{view: back, at: []}", "points[0].picture.at: list at least one position [x, y]"),
    ("{view: back, at: [[1, 2, 3]]}", "points[0].picture.at[0]: expected a position [x, y]"),
    ("{view: back, at: [[1, x]]}", "points[0].picture.at[0]: expected a position in figure units, from 0 to 10000, got 'x'"),
    ("{view: back}", "points[0].picture.at: missing"),
    ("{view: hands-palm, at: [[1, 2]], lines: [[[1, 2]]]}", "points[0].picture.lines[0]: a line needs two or more positions"),
])  # fmt: skip
def test_a_bad_picture_field_is_located(picture, message):
    from acuguide.content.points import parse_library
    from acuguide.errors import PointLibraryError

    entry = open_entry("BL23").replace("picture: ", "picture: " + picture + " #")
    with pytest.raises(PointLibraryError) as raised:
        parse_library("points:\n" + entry, "mine.yaml")
    assert message in str(raised.value)


def open_entry(code: str) -> str:
    """The text of one shipped entry, for editing in a test."""
    from importlib import resources

    text = (resources.files("acuguide.content") / "points.yaml").read_text(encoding="utf-8")
    start = text.index(f"  - code: {code}\n")
    return text[start : text.index("\n\n", start)] + "\n"


@pytest.mark.pure
def test_a_point_without_a_picture_is_read_and_has_none():
    from acuguide.content.points import parse_library

    entry = "\n".join(line for line in open_entry("BL23").splitlines() if "picture:" not in line)
    point = parse_library("points:\n" + entry, "mine.yaml").get("BL23")
    assert point is not None and not pictures.has_picture(point)


@pytest.mark.process
def test_png_and_jpeg(tmp_path):
    svg = pictures.point_svg(library().get("BL23"))
    assert pictures.to_png(svg, 240).startswith(b"\x89PNG")
    jpeg = pictures.small_jpeg(svg)
    assert jpeg.startswith(b"\xff\xd8") and len(jpeg) <= 40_000


@pytest.mark.process
def test_missing_rasteriser_is_an_error_that_names_the_package(monkeypatch):
    from acuguide.errors import RenderError

    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(RenderError, match="librsvg2-bin"):
        pictures.to_png("<svg xmlns='http://www.w3.org/2000/svg'/>", 10)


@pytest.mark.audio
def test_rendered_mp3_has_a_cover_and_a_picture_in_every_point_chapter(tmp_path, speech_cache):
    from mutagen.id3 import ID3

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "acuguide",
            "render",
            "desk-break",
            "-o",
            "out",
            "--cache-dir",
            str(speech_cache),
            "--engine",
            "fake",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    mp3 = tmp_path / "out" / "desk-break.mp3"
    tag = ID3(mp3)
    covers = tag.getall("APIC")
    assert len(covers) == 1 and covers[0].type == 3 and covers[0].mime == "image/jpeg"
    assert len(covers[0].data) <= 40_000
    chapters = sorted(tag.getall("CHAP"), key=lambda c: c.start_time)
    codes = ("GB21", "LI4", "BL23")
    is_point = [str(c.sub_frames["TIT2"]).split(" ")[0] in codes for c in chapters]
    assert sum(is_point) == 4  # GB21, LI4 left and right, BL23
    for chapter, point_chapter in zip(chapters, is_point):
        images = chapter.sub_frames.getall("APIC")
        if point_chapter:
            assert len(images) == 1 and images[0].data.startswith(b"\xff\xd8") and len(images[0].data) <= 40_000
        else:
            assert not images
    # the frames stay in time order as stored, and ffprobe lists the chapters in time order
    stored = [c.element_id for c in tag.getall("CHAP")]
    assert stored == [f"ch{i}" for i in range(len(stored))]
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-show_chapters", "-of", "csv=p=0", str(mp3)], capture_output=True, text=True
    )
    starts = [float(line.split(",")[3]) for line in probe.stdout.splitlines() if line]
    assert len(starts) == len(chapters) and starts == sorted(starts)


def _svg_marks(svg: str) -> tuple[dict, dict]:
    """The SVG's landmarks and markers as it names them: {(name, side): (x, y)}, {side: (x, y)}."""
    root = ET.fromstring(svg)
    landmarks = {
        (e.get("data-landmark"), e.get("data-side")): (float(e.get("data-x")), float(e.get("data-y")))
        for e in root.iter()
        if e.get("data-landmark")
    }
    markers = {
        e.get("data-side"): (float(e.get("data-x")), float(e.get("data-y"))) for e in root.iter() if e.get("data-point")
    }
    return landmarks, markers


def _at(landmarks: dict, name: str, side: str) -> tuple[float, float]:
    return landmarks.get((name, side)) or landmarks[(name, "middle")]


# WHO 2008 proportional measurements, written out here apart from the code that draws them:
# (from, to, fraction of the way).
WHO_FRACTIONS = {
    "SP6": ("medial-malleolus", "medial-tibial-condyle", 3 / 13),
    "PC6": ("wrist-crease", "elbow-crease", 2 / 12),
    "ST36": ("st35", "ankle-crease", 3 / 16),
    "GB30": ("greater-trochanter", "sacral-hiatus", 1 / 3),
    "GB21": ("c7", "acromion", 1 / 2),
    "BL40": ("popliteal-crease-medial", "popliteal-crease-lateral", 1 / 2),
    "CV6": ("navel", "pubic-symphysis", 1.5 / 5),
    "SP21": ("armpit-fold", "lowest-rib-edge", 1 / 2),
    "BL60": ("lateral-malleolus", "calcaneal-tendon", 1 / 2),
    "LI4": ("second-metacarpal-base", "index-knuckle", 1 / 2),
}


@pytest.mark.pure
@pytest.mark.parametrize("code", sorted(WHO_FRACTIONS))
def test_marker_lies_at_its_who_fraction_of_the_landmarks_drawn(code):
    start, end, fraction = WHO_FRACTIONS[code]
    landmarks, markers = _svg_marks(pictures.point_svg(library().get(code)))
    assert markers, f"{code} has no data-point marker"
    for side, (x, y) in markers.items():
        (ax, ay), (bx, by) = _at(landmarks, start, side), _at(landmarks, end, side)
        length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
        along = ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / length**2
        off = abs((x - ax) * (by - ay) - (y - ay) * (bx - ax)) / length**2
        assert abs(along - fraction) <= 0.10, f"{code} {side}: {along:.3f} of the way, WHO says {fraction:.3f}"
        assert off <= 0.15, f"{code} {side}: {off:.3f} of the segment off the line"


@pytest.mark.pure
@pytest.mark.parametrize("point", POINTS, ids=lambda p: p.code)
def test_every_shipped_position_is_its_measure_from_the_landmarks(point):
    from acuguide.content import landmarks

    measure = landmarks.MEASURES[point.code]
    picture = pictures.picture_of(point)
    assert picture.view == measure.view
    for side, at in enumerate(picture.at):
        expected = landmarks.position(measure, side)
        tolerance = 0.10 * landmarks.scale(measure, side)
        assert abs(at[0] - expected[0]) <= tolerance and abs(at[1] - expected[1]) <= tolerance, (
            point.code,
            at,
            expected,
        )
        assert abs(at[0] - expected[0]) <= 0.5 and abs(at[1] - expected[1]) <= 0.5  # as computed, not by eye
    svg = pictures.point_svg(point)
    named = {e.get("data-landmark") for e in ET.fromstring(svg).iter() if e.get("data-landmark")}
    assert set(measure.named) <= named
    for name in measure.named:  # labelled in plain words
        assert escape(measure.landmarks[name].words.split()[0]) in svg


@pytest.mark.pure
def test_measures_shift_with_their_landmarks():
    """The measure is computed, not a constant: moving the malleolus moves SP6 by 10/13 of it."""
    from acuguide.content import landmarks

    measure = landmarks.MEASURES["SP6"]
    before = landmarks.position(measure, 0)
    malleolus = measure.landmarks["medial-malleolus"]
    moved = dataclasses.replace(malleolus, at=tuple((x, y + 30) for x, y in malleolus.at))
    table = {**landmarks.LANDMARKS["legs-front.svg"], "medial-malleolus": moved}
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(landmarks.LANDMARKS, "legs-front.svg", table)
        after = landmarks.position(measure, 0)
    assert after[1] - before[1] == pytest.approx(30 * 10 / 13)


def _distance_to_line(p, a, b) -> float:
    (x, y), (ax, ay), (bx, by) = p, a, b
    return abs((x - ax) * (by - ay) - (y - ay) * (bx - ax)) / ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5


def _figure_text(name: str) -> str:
    from importlib import resources

    return (resources.files("acuguide.content") / "figures" / name).read_text(encoding="utf-8")


def _figure_marks(code: str, figure: str) -> tuple[dict, object]:
    from acuguide.content import landmarks

    point = library().get(code)
    return landmarks.LANDMARKS[figure], pictures.picture_of(point)


@pytest.mark.pure
def test_sp6_sits_on_the_inner_edge_of_the_shin_bone_drawn():
    """Just behind the tibia's medial border, which the figure draws from the condyle to the
    malleolus: on that line (not out on the flat face of the shin), inside the leg's outline."""
    marks, picture = _figure_marks("SP6", "legs-front.svg")
    figure = _figure_text("legs-front.svg")
    (cx, cy), (mx, my) = marks["medial-tibial-condyle"].at[0], marks["medial-malleolus"].at[0]
    assert f"M {cx:g} {cy:g} L {mx:g} {my:g}" in figure  # the edge is drawn through both landmarks
    for side, at in enumerate(picture.at):
        a, b = marks["medial-malleolus"].at[side], marks["medial-tibial-condyle"].at[side]
        assert _distance_to_line(at, a, b) <= 1.5, (
            f"SP6 is {_distance_to_line(at, a, b):.1f} units off the shin's inner edge"
        )
        assert abs(at[0] - 270) < abs(a[0] - 270) + 4  # toward the inside of the leg, not out on its face
        assert _distance_to_line(marks["tibia-medial-border"].at[side], a, b) <= 0.5


@pytest.mark.pure
def test_lr3_sits_in_the_hollow_just_before_the_metatarsal_junction():
    marks, picture = _figure_marks("LR3", "feet-top.svg")
    r = picture.spec.mark
    for side, at in enumerate(picture.at):
        jx, jy = marks["metatarsal-junction"].at[side]
        gap = ((at[0] - jx) ** 2 + (at[1] - jy) ** 2) ** 0.5
        assert at[1] < jy and 1.5 * r <= gap <= 3 * r, (
            f"LR3 is {gap:.0f} units from the junction; a hollow just before it is 15-30"
        )


@pytest.mark.pure
def test_ki27_sits_under_the_collarbone_not_on_it():
    marks, picture = _figure_marks("KI27", "body-front.svg")
    figure = _figure_text("body-front.svg")
    assert 'stroke-width="6"' in figure  # the collarbone is drawn 6 units thick about its middle line
    for side, at in enumerate(picture.at):
        lower_edge = marks["clavicle"].at[side][1] + 3
        assert at[1] - lower_edge >= 0.4 * picture.spec.mark, "KI27's marker covers the collarbone"
        assert at[1] - lower_edge <= 1.2 * picture.spec.mark, "KI27 has slipped off the collarbone's lower edge"


@pytest.mark.pure
def test_sp21_sits_in_the_middle_of_the_gap_between_the_ribs():
    marks, picture = _figure_marks("SP21", "chest-arms-up.svg")
    for side, at in enumerate(picture.at):
        upper, lower = marks["sixth-rib"].at[side][1], marks["seventh-rib"].at[side][1]
        assert abs(at[1] - (upper + lower) / 2) <= 0.1 * (lower - upper)
        assert at[1] - picture.spec.mark > upper and at[1] + picture.spec.mark < lower  # the marker covers no rib


@pytest.mark.pure
@pytest.mark.parametrize("code", ["GB30", "SP6", "HAND-SPINE"])
def test_a_hold_on_one_side_shows_that_side(code):
    point = library().get(code)
    left, right, both = (pictures.point_svg(point, side) for side in ("left", "right", None))
    assert left != right != both
    for side, svg in (("left", left), ("right", right)):
        _, markers = _svg_marks(svg)
        assert list(markers) == [side]
        assert f"your {side} side" in svg or f"the {side} hand" in svg
    view = pictures.picture_of(point).spec
    assert _svg_marks(left)[1]["left"] == pictures.picture_of(point).at[view.index("left")]


@pytest.mark.pure
def test_gb30_left_is_on_the_left_of_a_back_view_and_st36_right_on_the_left_of_a_front_view():
    lib = library()
    _, back = _svg_marks(pictures.point_svg(lib.get("GB30")))
    _, front = _svg_marks(pictures.point_svg(lib.get("ST36")))
    assert back["left"][0] < back["right"][0]  # seen from behind
    assert front["right"][0] < front["left"][0]  # seen from the front


@pytest.mark.audio
def test_one_sided_holds_and_own_points_get_their_own_chapter_pictures(tmp_path, speech_cache):
    """GB30 held left then right: two chapter pictures, each with its side's marker; GB21's entry
    under another code in the routine's own points file: drawn like a shipped point; an own
    point without a picture: a note when rendering, and no picture rather than a wrong one."""
    from mutagen.id3 import ID3

    own = "\n".join(
        "    aliases: []" if line.lstrip().startswith("aliases:") else line for line in open_entry("GB21").splitlines()
    )
    bare = "\n".join(line for line in own.replace("GB21", "GB98").splitlines() if "picture:" not in line)
    (tmp_path / "mine.yaml").write_text(
        "points:\n" + own.replace("GB21", "GB99") + "\n\n" + bare + "\n", encoding="utf-8"
    )
    (tmp_path / "sides.yaml").write_text(
        "title: Sides\npoints: mine.yaml\nsteps:\n  - point: GB30\n    hold: 10s\n  - point: GB99\n    hold: 10s\n"
        "  - point: GB98\n    hold: 10s\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "acuguide",
            "render",
            "sides.yaml",
            "-o",
            "out",
            "--cache-dir",
            str(speech_cache),
            "--engine",
            "fake",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "GB98 has no picture" in result.stderr and "'picture' field" in result.stderr
    tag = ID3(tmp_path / "out" / "sides.mp3")
    chapters = sorted(tag.getall("CHAP"), key=lambda c: c.start_time)
    images = {str(c.sub_frames["TIT2"]): c.sub_frames.getall("APIC") for c in chapters}
    gb30 = [images[t][0].data for t in images if t.startswith("GB30")]
    assert len(gb30) == 2 and gb30[0] != gb30[1]  # left and right differ
    assert [len(images[t]) for t in images if t.startswith("GB99")] == [1, 1]
    assert all(not images[t] for t in images if t.startswith("GB98"))
    assert len(tag.getall("APIC")) == 1  # the cover


@pytest.mark.pure
def test_an_own_point_with_a_picture_has_a_cover_panel_and_a_page_picture_like_a_shipped_one():
    from acuguide.content.points import parse_library

    entry = open_entry("GB21").replace("GB21", "GB99")
    entry = "\n".join(
        "    aliases: []" if line.lstrip().startswith("aliases:") else line for line in entry.splitlines()
    )
    own = parse_library("points:\n" + entry + "\n", "mine.yaml").get("GB99")
    assert 'data-point="GB99"' in pictures.cover_svg([own], "Mine")
    assert _svg_marks(pictures.point_svg(own))[1] == _svg_marks(pictures.point_svg(library().get("GB21")))[1]


def _width(text: str, size: float) -> float:
    """An upper bound of a line's width in DejaVu Sans: no lower-case letter but m and w is wider than 0.64 em."""
    return size * sum(
        0.4 if c in " .,'-:;!()ijlftr|" else 1.0 if c in "mwMW@" else 0.8 if c.isupper() else 0.64 for c in text
    )


def _panel(root: ET.Element) -> ET.Element:
    return next(e for e in root.iter(f"{SVG}svg") if e is not root)


def _labels(panel: ET.Element) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Each label's name and box (left, top, right, bottom) as drawn: from its x, baselines and font size."""
    boxes = []
    for text in panel.iter(f"{SVG}text"):
        size = float(text.get("font-size"))
        spans = list(text.iter(f"{SVG}tspan"))
        baselines = []
        y = float(text.get("y"))
        for span in spans:
            y += float(span.get("dy"))
            baselines.append(y)
        left = float(spans[0].get("x"))
        width = max(_width(span.text, size) for span in spans)
        boxes.append((text.get("data-label"), (left, baselines[0] - size, left + width, baselines[-1] + 0.3 * size)))
    return boxes


def _circles(panel: ET.Element, attribute: str, grow: float = 1.0) -> list[tuple[float, float, float, ET.Element]]:
    return [
        (float(c.get("cx")), float(c.get("cy")), float(c.get("r")) * grow, c)
        for c in panel.iter(f"{SVG}circle")
        if c.get(attribute)
    ]


def _box_meets_circle(box, x, y, r) -> bool:
    nx, ny = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
    return (x - nx) ** 2 + (y - ny) ** 2 < r * r


def _every_picture():
    for point in POINTS:
        yield point, None
        if len(pictures.picture_of(point).at) == 2:
            yield point, "left"
            yield point, "right"


@pytest.mark.pure
@pytest.mark.parametrize("point", POINTS, ids=lambda p: p.code)
def test_no_label_covers_a_marker_a_ring_or_another_label(point):
    for side in (None, "left", "right") if len(pictures.picture_of(point).at) == 2 else (None,):
        panel = _panel(ET.fromstring(pictures.point_svg(point, side)))
        boxes = _labels(panel)
        markers = _circles(panel, "data-point", 1.45)  # with its halo
        rings = _circles(panel, "data-landmark")
        for k, (name, box) in enumerate(boxes):
            for x, y, r, _ in markers:
                assert not _box_meets_circle(box, x, y, r), f"{point.code} {side}: the label {name} covers a marker"
            for x, y, r, ring in rings:
                assert not _box_meets_circle(box, x, y, r), (
                    f"{point.code} {side}: the label {name} covers the ring {ring.get('data-landmark')}"
                )
            for j, (other, b) in enumerate(boxes):
                overlap = j != k and box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3]
                assert not overlap, f"{point.code} {side}: the labels {name} and {other} overlap"
            x0, y0, w, h = (float(v) for v in panel.get("viewBox").split())
            assert x0 <= box[0] and box[2] <= x0 + w and y0 <= box[1] and box[3] <= y0 + h, (
                f"{point.code}: {name} is cut off"
            )


@pytest.mark.pure
@pytest.mark.parametrize("point", POINTS, ids=lambda p: p.code)
def test_every_blue_ring_is_named_by_a_label_tied_to_it_and_no_other_ring_is_blue(point):
    from acuguide.content import landmarks

    measure = landmarks.MEASURES[point.code]
    panel = _panel(ET.fromstring(pictures.point_svg(point)))
    boxes = _labels(panel)
    leaders = [e for e in panel.iter(f"{SVG}line") if e.get("data-leader")]
    for x, y, r, ring in _circles(panel, "data-landmark"):
        name = ring.get("data-landmark")
        if name not in measure.named:
            assert ring.get("stroke") != pictures.LANDMARK, f"{point.code}: {name}'s ring is blue but nothing names it"
            continue
        own = [box for label, box in boxes if label == name]
        assert ring.get("stroke") == pictures.LANDMARK and own, f"{point.code}: {name}'s ring has no label"
        tied = [
            e
            for e in leaders
            if e.get("data-leader") == name
            and abs(((float(e.get("x1")) - x) ** 2 + (float(e.get("y1")) - y) ** 2) ** 0.5 - r) < 0.01
        ]
        touching = any(_box_meets_circle(box, x, y, r + 0.5) for box in own)
        assert tied or touching, f"{point.code}: no leader from {name}'s ring at ({x:g}, {y:g}) to its label"
        for line in tied:  # and the leader ends on one of the landmark's labels
            ex, ey = float(line.get("x2")), float(line.get("y2"))
            assert any(box[0] - 0.01 <= ex <= box[2] + 0.01 and box[1] - 0.01 <= ey <= box[3] + 0.01 for box in own)
    assert {label for label, _ in boxes} <= set(measure.named)


@pytest.mark.pure
@pytest.mark.parametrize("point", POINTS, ids=lambda p: p.code)
def test_every_text_is_at_least_12_px_on_a_390_px_phone(point):
    root = ET.fromstring(pictures.point_svg(point))
    outer = 390 / float(root.get("viewBox").split()[2])

    def walk(element, scale):
        if element.tag == f"{SVG}svg" and element is not root:
            _, _, vw, vh = (float(v) for v in element.get("viewBox").split())
            scale *= min(float(element.get("width")) / vw, float(element.get("height")) / vh)
        if element.get("font-size") and (element.text or "").strip():
            px = float(element.get("font-size")) * scale
            assert px >= 12, f"{point.code}: {element.text!r} is {px:.1f} px on a 390 px phone"
        for child in element:
            if child.tag == f"{SVG}tspan" and not child.get("font-size"):
                child.set("font-size", element.get("font-size"))
            walk(child, scale)

    walk(root, outer)
