"""`acuguide check`: every mistake is reported with file, line, field and a fix, all at once."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from acuguide.cli import cli

VALID_HEAD = "title: T\nsteps:\n"

# (name, routine text, the one expected line: (line, field, words that must appear))
MISTAKES = [
    (
        "bad duration",
        VALID_HEAD + "  - point: BL23\n    hold: abc\n",
        (4, "steps[0].hold", "expected a duration like 45s, 1m or 1m30s, got 'abc'"),
    ),
    (
        "unknown point with suggestions",
        VALID_HEAD + "  - point: BL322\n",
        (3, "steps[0].point", "unknown point 'BL322'; did you mean BL32"),
    ),
    ("typo in a top-level key", "title: T\nsetps:\n  - say: Hi\n", (2, "setps", "unknown key; did you mean 'steps'?")),
    (
        "typo in a point key",
        VALID_HEAD + "  - point: BL23\n    hlod: 30s\n",
        (4, "steps[0].hlod", "did you mean 'hold'?"),
    ),
    ("missing title", "steps:\n  - say: Hi\n", (1, "title", "missing")),
    (
        "unknown sides",
        VALID_HEAD + "  - point: GB30\n    sides: both\n",
        (4, "steps[0].sides", "expected one of together, each, left, right, got 'both'"),
    ),
    (
        "repeat out of range",
        VALID_HEAD + "  - point: GB30\n    repeat: 0\n",
        (4, "steps[0].repeat", "expected a whole number from 1 to 20, got '0'"),
    ),
    (
        "unknown breathing pattern",
        VALID_HEAD + "  - breathe: {pattern: slow, cycles: 2}\n",
        (3, "steps[0].breathe.pattern", "unknown breathing pattern 'slow'"),
    ),
    (
        "unknown step kind",
        VALID_HEAD + "  - sya: Hello\n",
        (3, "steps[0].sya", "unknown step kind 'sya'; did you mean 'say'?"),
    ),
    (
        "two kinds in one step",
        VALID_HEAD + "  - say: Hi\n    pause: 3s\n",
        (3, "steps[0]", "put each in its own '- ' entry"),
    ),
    (
        "duplicate key",
        VALID_HEAD + "  - point: GB30\n    hold: 30s\n    hold: 40s\n",
        (5, "steps[0].hold", "appears twice"),
    ),
    (
        "sides on a midline point",
        VALID_HEAD + "  - point: GV4\n    sides: each\n",
        (4, "steps[0].sides", "GV4 is on the midline and has no sides; remove 'sides'"),
    ),
    (
        "unknown pressure",
        "title: T\ndefaults:\n  pressure: hard\nsteps:\n  - point: GB30\n",
        (3, "defaults.pressure", "expected one of gentle, moderate, firm, got 'hard'"),
    ),
    ("YAML syntax", "title: T\nsteps:\n  - say: Hi\n   pause: 3s\n", (4, "", "not valid YAML")),
    ("steps not a list", "title: T\nsteps: just relax\n", (2, "steps", "expected a list")),
    (
        "voice rate out of range",
        "title: T\nvoice: {rate: 2000}\nsteps:\n  - say: Hi\n",
        (2, "voice.rate", "from 80 to 400"),
    ),
    (
        "unknown avoid condition",
        "title: T\navoid: [pregnant]\nsteps:\n  - say: Hi\n",
        (2, "avoid", "unknown condition 'pregnant'; did you mean 'pregnancy'?; known: pregnancy"),
    ),
    ("empty file", "", (1, "", "the file is empty")),
    ("pause too short", VALID_HEAD + "  - pause: 0\n", (3, "steps[0].pause", "expected between 0.1s and 1h")),
    (
        "unknown breathing style",
        "title: T\ndefaults:\n  breathing: {pattern: calm, style: hum}\nsteps:\n  - say: Hi\n",
        (3, "defaults.breathing.style", "expected one of voice, count, tone, got 'hum'"),
    ),
    (
        "bells neither on nor off",
        "title: T\nbells: {start: maybe}\nsteps:\n  - say: Hi\n",
        (2, "bells.start", "expected on or off, got 'maybe' (yes/no and true/false work too; none means off)"),
    ),
    (
        "missing ambient file",
        "title: T\nambient: rain.ogg\nsteps:\n  - say: Hi\n",
        (2, "ambient.sound", "no audio file 'rain.ogg'"),
    ),
    (
        "marker not a duration",
        VALID_HEAD + "  - point: GB30\n    markers: [soon]\n",
        (4, "steps[0].markers[0]", "expected a duration like 45s"),
    ),
    (
        "group without sides",
        VALID_HEAD + "  - steps:\n      - point: BL60\n",
        (3, "steps[0].sides", "missing; steps[0] needs it"),
    ),
    (
        "group done together",
        VALID_HEAD + "  - sides: together\n    steps:\n      - point: BL60\n",
        (3, "steps[0].sides", "expected one of each, left, right, got 'together'"),
    ),
    (
        "sides inside a group",
        VALID_HEAD + "  - sides: each\n    steps:\n      - point: BL60\n        sides: left\n",
        (6, "steps[0].steps[0].sides", "the group's sides apply to every step in it; remove 'sides' here"),
    ),
    (
        "midline point in a group",
        VALID_HEAD + "  - sides: each\n    steps:\n      - point: GV4\n",
        (5, "steps[0].steps[0].point", "GV4 is on the midline and has no sides; move it out of the group"),
    ),
    (
        "group in a group",
        VALID_HEAD + "  - sides: each\n    steps:\n      - sides: each\n        steps:\n          - point: BL60\n",
        (5, "steps[0].steps[0].steps", "cannot hold another group"),
    ),
    (
        "typo in a group key",
        VALID_HEAD + "  - sides: each\n    swich_sides: Other foot.\n    steps:\n      - point: BL60\n",
        (4, "steps[0].swich_sides", "did you mean 'switch_sides'?"),
    ),
    (
        "group without points",
        VALID_HEAD + "  - sides: each\n    steps:\n      - say: Hi.\n",
        (5, "steps[0].steps", "needs at least one point step"),
    ),
    (
        "bad step in a group",
        VALID_HEAD + "  - sides: each\n    steps:\n      - point: BL60\n        hold: soon\n",
        (6, "steps[0].steps[0].hold", "expected a duration"),
    ),
]


@pytest.mark.parametrize("text,expected", [(m[1], m[2]) for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_each_mistake_is_reported_with_file_line_field_and_fix(write_routine, text, expected):
    path = write_routine(text, name="bad.yaml")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1, result.output
    line, field, words = expected
    where = f"{path}, line {line}: " + (f"{field}: " if field else "")
    assert where in result.output
    assert words in result.output
    assert "Traceback" not in result.output


def test_there_are_at_least_ten_distinct_mistakes():
    assert len({m[2][1] + m[2][2] for m in MISTAKES}) >= 10


def test_all_problems_in_a_file_are_reported_in_one_run(write_routine):
    path = write_routine(
        """
        title: T
        defaults:
          hold: forever
        steps:
          - point: XX99
          - pause: soon
          - point: GB30
            sides: sideways
    """,
        name="many.yaml",
    )
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith(str(path))]
    assert [line.split(": ")[1] for line in lines] == [
        "defaults.hold",
        "steps[0].point",
        "steps[1].pause",
        "steps[2].sides",
    ]
    assert "4 problems found" in result.output


def test_check_reports_every_file_and_passes_good_ones(write_routine):
    good = write_routine("title: Good\nsteps:\n  - say: Hello\n", name="good.yaml")
    bad = write_routine("title: Bad\nsteps:\n  - pause: x\n", name="bad.yaml")
    result = CliRunner().invoke(cli, ["check", str(good), str(bad)])
    assert result.exit_code == 1
    assert f"{good}: OK" in result.output
    assert f"{bad}, line 3: steps[0].pause" in result.output


def test_check_shows_that_safety_is_turned_off(write_routine):
    path = write_routine("title: T\nsafety: off\nsteps:\n  - say: Hi\n")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 0
    assert "safety: off: the spoken safety note is turned off" in result.output


def test_unknown_routine_name_is_a_clear_error():
    result = CliRunner().invoke(cli, ["check", "no-such-routine"])
    assert result.exit_code == 1
    assert "Error: no-such-routine: no such routine file, and no shipped routine of that name" in result.output
    assert "lower-back" in result.output


def test_ambient_file_is_found_beside_the_routine_from_any_directory(tmp_path, monkeypatch):
    (tmp_path / "sounds").mkdir()
    (tmp_path / "sounds" / "rain.ogg").write_bytes(b"not checked until render")
    (tmp_path / "r.yaml").write_text("title: T\nambient: sounds/rain.ogg\nsteps:\n  - say: Hi\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "r.yaml")])
    assert result.exit_code == 0, result.output


def test_ambient_off_is_not_read_as_a_boolean(write_routine):
    path = write_routine("title: T\nambient: off\nsteps:\n  - say: Hi\n")
    assert CliRunner().invoke(cli, ["check", str(path)]).exit_code == 0


def test_sides_both_says_what_each_choice_means(write_routine):
    path = write_routine(VALID_HEAD + "  - point: GB30\n    sides: both\n")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    assert "got 'both' (each: the left side, then the right; together: both sides at once" in result.output


OWN_POINT = """\
points:
  - code: GB20
    aliases: [Fengchi test]
    pinyin: Fengchi
    english: Wind Pool
    laterality: bilateral
    location: "In the anterior region of the neck, below the occipital bone."
    find: "Slide your fingertips up the back of your neck until they stop under your skull."
    pressure: gentle
    motion: steady
    hold: 30s
    uses: "neck tension"
    complaints: [stress]
    region: shoulder
    posture: seated
    tools: [hands]
    place: "under the base of your skull"
    cautions: ["Press upwards under the skull, never on the front of the neck."]
    sources: []
"""


def test_a_routine_may_bring_its_own_points_checked_like_the_library(write_routine, tmp_path, monkeypatch):
    """Stand-in code GB97 (not in the library): a therapist's own point, beside the routine."""
    (tmp_path / "my-points.yaml").write_text(OWN_POINT.replace("GB20", "GB97"))
    path = write_routine("title: T\npoints: my-points.yaml\nsteps:\n  - point: GB97\n")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 0, result.output
    script = CliRunner().invoke(cli, ["script", str(path)]).output
    assert "Slide your fingertips up the back of your neck" in script
    assert "never on the front of the neck" in script


def test_own_points_are_refused_where_they_would_rename_a_library_point_or_break_its_rules(write_routine, tmp_path):
    (tmp_path / "clash.yaml").write_text(OWN_POINT.replace("GB20", "GB97").replace("[Fengchi test]", "[LI4]"))
    (tmp_path / "broken.yaml").write_text(
        OWN_POINT.replace("GB20", "GB96")
        .replace("pressure: gentle", "pressure: hard")
        .replace('cautions: ["Press upwards under the skull, never on the front of the neck."]', "cautions: []")
    )
    clash = write_routine("title: T\npoints: clash.yaml\nsteps:\n  - point: GB97\n", name="a.yaml")
    result = CliRunner().invoke(cli, ["check", str(clash)])
    assert result.exit_code == 1
    assert "line 2: points: " in result.output and "GB97: 'LI4' already names LI4" in result.output
    assert "unknown point" not in result.output  # the file's problem says why; no second error
    broken = write_routine("title: T\npoints: broken.yaml\nsteps:\n  - point: GB96\n", name="b.yaml")
    result = CliRunner().invoke(cli, ["check", str(broken)])
    assert result.exit_code == 1
    assert (
        "broken.yaml, line 9: points[0].pressure: expected one of gentle, moderate, firm, got 'hard'" in result.output
    )
    assert "points[0].cautions: every point needs at least one caution" in result.output
    missing = write_routine("title: T\npoints: nowhere.yaml\nsteps:\n  - point: GB96\n", name="c.yaml")
    assert "no points file 'nowhere.yaml'" in CliRunner().invoke(cli, ["check", str(missing)]).output


def test_a_folder_given_as_a_routine_is_named_as_a_folder(tmp_path):
    result = CliRunner().invoke(cli, ["check", str(tmp_path)])
    assert result.exit_code != 0
    assert "a folder; give a routine file (.yaml) or the name of a shipped routine" in result.output


@pytest.mark.parametrize("steps, line, field", [
    ("  - pause: 59m\n" * 4, 6, "steps[3]"),  # hours of silence: the fourth pause passes three hours
    ("  - point: GB30\n    hold: 10m\n    repeat: 20\n", 3, "steps[0]"),  # 400 minutes of holds in one step
    ("  - sides: each\n    steps:\n      - point: LI4\n        hold: 10m\n        repeat: 10\n", 3, "steps[0]"),  # a group, twice
])  # fmt: skip
def test_a_session_past_three_hours_is_refused_where_it_passes_them_before_anything_is_spoken(
    write_routine, tmp_path, steps, line, field
):
    path = write_routine(VALID_HEAD + steps)
    for command in (["check", str(path)], ["script", str(path)], ["render", str(path), "-o", str(tmp_path / "out")]):
        result = CliRunner().invoke(cli, command)
        assert result.exit_code == 1, (command, result.output)
        assert f"routine.yaml, line {line}: {field}: the session passes 3 hours here" in result.output
    assert not (tmp_path / "out").exists()


def test_a_session_just_under_three_hours_is_allowed(write_routine):
    path = write_routine(VALID_HEAD + "  - pause: 59m\n" * 3)
    assert CliRunner().invoke(cli, ["check", str(path)]).exit_code == 0


def test_a_point_its_tool_cannot_reach_is_noted_unless_a_partner_presses(write_routine):
    path = write_routine(VALID_HEAD + "  - point: BL43\n")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 0
    assert result.output.startswith("note: ")
    assert (
        "routine.yaml, line 3: steps[0].tool: BL43 (Vital Diaphragm) cannot be reached with hands by its entry "
        "in the point library, which lists ball, roller; write tool: ball"
    ) in result.output
    assert (
        "note:"
        not in CliRunner()
        .invoke(cli, ["check", str(write_routine(VALID_HEAD + "  - point: BL43\n    tool: ball\n"))])
        .output
    )
    partner = write_routine("equipment: [a partner]\n" + VALID_HEAD + "  - point: BL43\n", "partner.yaml")
    assert "note:" not in CliRunner().invoke(cli, ["check", str(partner)]).output


@pytest.mark.parametrize("code", ["GV9", "BL18"])
def test_a_point_for_a_partner_only_is_noted_by_hand_alone_and_accepted_with_a_partner(write_routine, code):
    """points.yaml's `tools: []`: no tool, and out of reach of one's own hands."""
    alone = CliRunner().invoke(cli, ["check", str(write_routine(VALID_HEAD + f"  - point: {code}\n"))])
    assert alone.exit_code == 0 and alone.output.startswith("note: ")
    assert "which lists no tool: a partner only; have a partner press it by hand" in alone.output
    partner = write_routine("equipment: [a partner]\n" + VALID_HEAD + f"  - point: {code}\n", "partner.yaml")
    assert "note:" not in CliRunner().invoke(cli, ["check", str(partner)]).output


@pytest.mark.parametrize("step, line, words", [
    ("  - point: GV4\n    tool: gun\n", 3, "steps[0].tool: no gun on GV4 (Gate of Life): its entry in the point library allows only hands"),
    ("  - point: BL52\n    tool: ball\n", 3, "steps[0].tool: no ball on BL52 (Will Chamber): its entry in the point library allows only hands"),
    ("  - point: CV6\n    tool: roller\n", 3, "steps[0].tool: no roller on CV6 (Sea of Energy)"),
    ("  - point: BL23\n    tool: gun\n", 3, "steps[0].tool: no gun on BL23 (Sea of Vitality): its entry in the point library allows only hands"),
    ("  - point: BL21\n    tool: ball\n", 3, "steps[0].tool: no ball on BL21 (Stomach Shu)"),
    ("  - point: BL43\n    tool: gun\n", 3, "steps[0].tool: no gun on BL43 (Vital Diaphragm): its entry in the point library allows only ball, roller"),
    ("  - point: GV9\n    tool: roller\n", 3, "steps[0].tool: no roller on GV9 (Reaching Yang): its entry in the point library allows no tool, "
                                             "only a partner's hands"),
    ("  - point: BL18\n    tool: ball\n", 3, "steps[0].tool: no ball on BL18 (Liver Shu)"),
])  # fmt: skip
def test_a_tool_on_the_spine_or_the_kidney_area_is_refused_in_check_and_render(
    write_routine, tmp_path, step, line, words
):
    path = write_routine(VALID_HEAD + step)
    for command in (["check", str(path)], ["render", str(path), "-o", str(tmp_path / "out")]):
        result = CliRunner().invoke(cli, command)
        assert result.exit_code == 1 and f"routine.yaml, line {line}: {words}" in result.output, result.output
    assert not (tmp_path / "out").exists()
