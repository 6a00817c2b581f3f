"""The point library: every alias resolves, every point carries what a session needs."""

from __future__ import annotations

import pytest

from acuguide.content.points import Laterality, library, normalize_code, parse_library
from acuguide.errors import PointLibraryError

LIB = library()
REQUIRED = (
    "CV6 ST36 BL23 BL52 SP6 PC6 LI4 GB30 BL60 GB21 BL40 LR3 GV9 BL21 BL43 BL18 GV4 KI27 SP21 BL53 BL39 "
    "BL27 BL28 BL29 BL30 BL31 BL32 BL33 BL34"
).split()


def test_library_has_every_point_the_articles_name():
    assert set(REQUIRED) <= {p.code for p in LIB.points}


@pytest.mark.parametrize("point", LIB.points, ids=lambda p: p.code)
def test_every_alias_resolves_to_its_point(point):
    for name in (point.code, *point.aliases):
        for spelling in (name, name.lower(), name.replace("-", " "), f" {name} "):
            assert LIB.get(spelling) is point, spelling


@pytest.mark.parametrize(
    "alias,code",
    [
        ("B23", "BL23"),
        ("BI-23", "BL23"),
        ("Bl-23", "BL23"),
        ("B47", "BL52"),
        ("B54", "BL40"),
        ("B48", "BL53"),
        ("LV3", "LR3"),
        ("K27", "KI27"),
        ("P6", "PC6"),
        ("bl 23", "BL23"),
        ("gb-30", "GB30"),
    ],
)
def test_old_numbering_and_common_spellings(alias, code):
    assert LIB.get(alias).code == code


@pytest.mark.parametrize("point", LIB.points, ids=lambda p: p.code)
def test_every_point_has_find_words_laterality_and_cautions(point):
    assert len(point.find.split()) >= 8
    assert not any(ch in point.find for ch in "()0123456789"), "find-words are spoken: no digits or brackets"
    assert isinstance(point.laterality, Laterality)
    assert point.cautions and all(c.strip() for c in point.cautions)
    assert point.english and point.pinyin and point.location and point.uses


@pytest.mark.parametrize(
    "code", ["LI4", "SP6", "BL60", "GB21", "CV6", "BL23", "BL52", "GV4", "BL53", *[f"BL{n}" for n in range(27, 35)]]
)
def test_points_avoided_in_pregnancy(code):
    """The named forbidden points, the lower abdomen and the lumbosacral region (issue 12:
    BL23, BL52 and GV4 lie in the lumbar part of it; sources in points.yaml)."""
    assert "pregnancy" in LIB.get(code).avoid
    assert "Traditionally avoided during pregnancy." in LIB.get(code).cautions


def test_midline_points_are_conception_and_governing_vessel():
    assert {p.code for p in LIB.points if p.laterality is Laterality.MIDLINE} == {"CV6", "GV4", "GV9"}


def test_unknown_code_suggests_close_ones():
    assert LIB.get("BL322") is None
    assert "BL32" in LIB.suggest("BL322")


def test_search_by_use_and_name():
    assert {"GB30", "BL23", "BL52"} <= {p.code for p in LIB.search("sciatica")}
    assert LIB.search("b47")[0].code == "BL52"


def test_no_two_points_share_a_spoken_name():
    """A listener with closed eyes tells points apart by name: BL23 and BL52 were both 'Sea of Vitality'."""
    names = [p.english.lower() for p in LIB.points]
    assert len(names) == len(set(names))


def test_sea_of_vitality_lands_on_bl23_and_explains_the_pair():
    """Articles 001, 002 and 004 name BL23 and BL52 together the Sea of Vitality: the name is
    BL23's, and both points say so, so the old name still leads to both."""
    assert LIB.get("Sea of Vitality").code == "BL23" and LIB.get("sea-of-vitality").code == "BL23"
    assert (LIB.get("BL23").english, LIB.get("BL52").english) == ("Sea of Vitality", "Will Chamber")
    assert "BL52, Will Chamber" in LIB.get("BL23").uses and "Sea of Vitality" in LIB.get("BL52").uses
    from click.testing import CliRunner

    from acuguide.cli import cli

    shown = CliRunner().invoke(cli, ["points", "Sea of Vitality"]).output
    assert shown.startswith("BL23  Sea of Vitality (Shenshu)") and "BL52, Will Chamber" in shown


def test_normalize_code():
    assert normalize_code(" bl-23 ") == normalize_code("BL 23") == normalize_code("Bl.23") == "BL23"


def test_a_broken_library_is_reported_with_lines():
    text = "points:\n  - code: BL23\n    aliases: [B23]\n"
    with pytest.raises(PointLibraryError) as error:
        parse_library(text, "points.yaml")
    assert "points.yaml, line 2: points[0].pinyin: missing" in str(error.value)


def test_colliding_aliases_are_rejected():
    point = """
  - code: {code}
    aliases: [{alias}]
    pinyin: P
    english: E
    laterality: bilateral
    location: L
    find: F
    pressure: firm
    motion: steady
    hold: 60s
    uses: U
    complaints: [lower back]
    region: back
    posture: seated
    tools: [hands]
    place: P
    cautions: [C]
    sources: ["000"]
"""
    text = "points:" + point.format(code="BL23", alias="B23") + point.format(code="BL24", alias="b-23")
    with pytest.raises(PointLibraryError, match="'b-23' is also a name of BL23"):
        parse_library(text, "points.yaml")


@pytest.mark.parametrize("name,code", [("Shenshu", "BL23"), ("Shen Shu", "BL23"), ("Gaohuangshu", "BL43"), ("Gao Huang", "BL43"),
                                       ("Zhishi", "BL52"), ("Weizhong", "BL40"), ("Hegu", "LI4"), ("he gu", "LI4")])  # fmt: skip
def test_pinyin_names_with_or_without_spaces_find_their_point(name, code):
    assert library().get(name).code == code


def test_b53_is_explained_never_guessed(write_routine):
    from click.testing import CliRunner

    from acuguide.cli import cli

    result = CliRunner().invoke(cli, ["points", "B53"])
    assert result.exit_code == 1
    assert "B53 names two points: in the old Bladder numbering it is BL39" in result.output and "BL53" in result.output
    path = write_routine("title: T\nsteps:\n  - point: B53\n")
    checked = CliRunner().invoke(cli, ["check", str(path)])
    assert "line 3: steps[0].point: B53 names two points" in checked.output and "write BL39 or BL53" in checked.output


def test_points_never_says_the_pregnancy_caution_twice():
    from click.testing import CliRunner

    from acuguide.cli import cli

    for point in library().points:
        shown = CliRunner().invoke(cli, ["points", point.code]).output.lower()
        assert shown.count("pregnancy") <= 1, point.code


@pytest.mark.parametrize("code", ["BL23", "BL52", "GV4"])
def test_the_lumbar_points_are_found_below_the_lowest_ribs_not_at_waist_level(code):
    """They lie level with L2, about level with the lowest ribs; 'waist level' lands near L4."""
    find = library().get(code).find
    assert "lowest ribs" in find and "waist" not in find


def test_every_session_says_a_points_caution_once_where_it_is_introduced(write_routine):
    from conftest import compile_fake

    from acuguide import routine as routine_mod
    from acuguide.timeline.plan import CueKind

    script = compile_fake(
        routine_mod.load(write_routine("title: T\nsteps:\n  - point: BL40\n  - point: BL40\n    sides: left\n"))
    )
    cautions = [c.text for c in script.cues if c.kind is CueKind.CAUTION]
    assert cautions == [
        "Press gently: a large blood vessel and nerve run behind the knee. Skip it if your calf is swollen, warm or painful."
    ]


def test_the_hand_spine_area_is_a_reflex_area_and_says_so():
    """Article 004's 'spine points on the hands' are a reflexology map with no WHO location:
    the listing and the spoken directions both say so, and its label is no name to look up."""
    from click.testing import CliRunner

    from acuguide.cli import cli
    from acuguide.content.points import REFLEX_LABEL, Kind

    area = LIB.get("hand spine")
    assert area.code == "HAND-SPINE" and area.kind is Kind.REFLEX and area.pinyin == REFLEX_LABEL
    assert area.find.startswith("This is a reflex area from hand massage, not one of the standard acupressure points.")
    assert LIB.get(REFLEX_LABEL) is None
    assert {p.kind for p in LIB.points if p is not area} == {Kind.POINT}
    shown = CliRunner().invoke(cli, ["points"]).output
    assert "HAND-SPINE Spine Reflex Area (a reflex area, not a standard acupuncture point)" in shown


def test_compose_never_chooses_a_reflex_area():
    """compose picks 'the points most used for the complaint': standard points only."""
    from acuguide.compose import composer as compose
    from acuguide.content.points import COMPLAINTS, TOOLS, Kind

    for complaint in COMPLAINTS:
        chosen, _ = compose.candidates(complaint, TOOLS, frozenset())
        assert all(c.point.kind is Kind.POINT for c in chosen), complaint


_ENTRY = """
  - code: {code}{kind}
    aliases: [X1]{pinyin}
    english: E
    laterality: bilateral
    location: L
    find: F
    pressure: firm
    motion: steady
    hold: 60s
    uses: U
    complaints: []
    region: hand
    posture: seated
    tools: [hands]
    place: P
    cautions: [C]
    sources: ["004"]
"""


@pytest.mark.parametrize(
    "code,kind,pinyin,message",
    [
        ("BL23", "", "", "points[0].pinyin: missing; a standard point needs its pinyin name"),
        ("HAND-SPINE", "reflex area", "Shou", "points[0].pinyin: a reflex area has no pinyin name; remove it"),
        ("BL99", "reflex area", "", "expected a reflex area code of words like HAND-SPINE, got 'BL99'"),
        ("HAND-SPINE", "", "Shou", "expected a standard code like BL23, got 'HAND-SPINE'"),
        ("HAND-SPINE", "reflexology", "", "points[0].kind: expected one of point, reflex area"),
    ],
)
def test_a_reflex_area_and_a_standard_point_cannot_pass_for_each_other(code, kind, pinyin, message):
    text = "points:" + _ENTRY.format(
        code=code, kind=f"\n    kind: {kind}" if kind else "", pinyin=f"\n    pinyin: {pinyin}" if pinyin else ""
    )
    with pytest.raises(PointLibraryError) as error:
        parse_library(text, "points.yaml")
    assert message in str(error.value)


def test_a_well_formed_reflex_area_parses():
    from acuguide.content.points import Kind

    text = "points:" + _ENTRY.format(code="FOOT-ARCH", kind="\n    kind: reflex area", pinyin="")
    assert parse_library(text, "points.yaml").get("foot arch").kind is Kind.REFLEX
