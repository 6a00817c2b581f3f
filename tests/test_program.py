"""Programs: a routine built up over weeks, compiled to one ordinary session per week."""

from __future__ import annotations

import json

import feedparser
import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from acuguide.cli import cli
from acuguide.routine import Voice, program
from acuguide.routine.find import shipped_dir, shipped_names


def test_the_shipped_build_up_goes_from_ten_seconds_to_a_minute_in_whole_five_seconds():
    shipped = program.load("back-care-build-up")
    assert [s.hold for s in shipped.stages] == [10, 25, 45, 60]
    assert [s.repeat for s in shipped.stages] == [3, 3, 4, 4]
    for stage in shipped.stages:  # the back's points at the week's hold; the hand's LI4 at half of it
        holds = {step.point.code: step.hold for step in stage.routine.point_steps}
        assert holds["BL23"] == holds["BL52"] == stage.hold
        assert holds["LI4"] == max(10, program._whole_five(stage.hold / 2))  # never below week 1's ten seconds
        assert {step.repeat for step in stage.routine.point_steps} == {stage.repeat}
    assert shipped.stages[1].routine.title == "Back Care Build-up: week 2 of 4"
    assert shipped.stages[1].routine.summary.startswith(
        "Week 2 of 4: holds of 25 seconds, 3 rounds. Practise it 3 times"
    )


def test_a_step_longer_than_the_default_keeps_its_proportion(tmp_path):
    (tmp_path / "r.yaml").write_text(
        "title: R\ndefaults: {hold: 60s}\nsteps:\n  - point: BL23\n    hold: 90s\n  - point: GV4\n"
    )
    (tmp_path / "p.yaml").write_text("title: P\nroutine: r.yaml\nweeks: 2\nhold: {from: 20s, to: 40s}\n")
    stages = program.load(str(tmp_path / "p.yaml")).stages
    assert [[s.hold for s in stage.routine.point_steps] for stage in stages] == [[30, 20], [60, 40]]
    assert [stage.routine.slug for stage in stages] == ["p-week-1", "p-week-2"]


def test_holds_inside_a_group_by_side_grow_with_the_weeks(tmp_path):
    (tmp_path / "r.yaml").write_text(
        "title: R\ndefaults: {hold: 60s}\nsteps:\n  - sides: each\n    steps:\n"
        "      - point: BL60\n      - point: LR3\n        hold: 30s\n"
    )
    (tmp_path / "p.yaml").write_text("title: P\nroutine: r.yaml\nweeks: 2\nhold: {from: 20s, to: 40s}\n")
    stages = program.load(str(tmp_path / "p.yaml")).stages
    assert [[s.hold for s in stage.routine.point_steps] for stage in stages] == [[20, 10], [40, 20]]


def test_script_shows_every_week():
    result = CliRunner().invoke(cli, ["script", "back-care-build-up", "--engine", "fake"])
    assert result.exit_code == 0, result.output
    for week, hold, hand in ((1, "10 s", "10 s"), (4, "60 s", "30 s")):
        assert f"Back Care Build-up: week {week} of 4" in result.output
        assert f"hold       BL23 both, round 1: {hold}" in result.output
        assert f"hold       LI4 left, round 1: {hand}" in result.output


@pytest.mark.process
def test_render_a_program_gives_one_session_per_week_in_one_feed_in_order(tmp_path):
    (tmp_path / "r.yaml").write_text(
        "title: R\nsafety: short\nbells: off\ndefaults: {hold: 30s, breathing: none}\nsteps:\n  - point: GV4\n"
    )
    (tmp_path / "prog.yaml").write_text(
        "title: Prog\nroutine: r.yaml\nweeks: 3\nhold: {from: 10s, to: 30s}\nrepeat: {from: 1, to: 2}\n"
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["render", str(tmp_path / "prog.yaml"), "--engine", "fake", "--cache-dir", str(tmp_path / "c"),
                                      "-o", str(out), "--site", "http://phone.test/"])  # fmt: skip
    assert result.exit_code == 0, result.output
    holds = [json.loads((out / f"prog-week-{w}.json").read_text())["holds"] for w in (1, 2, 3)]
    assert [[round(h["end"] - h["start"], 6) for h in week] for week in holds] == [[10], [20, 20], [30, 30]]
    feed = feedparser.parse((out / "feed.xml").read_text())
    assert [e.title for e in feed.entries] == [f"Prog: week {w} of 3" for w in (1, 2, 3)]
    assert [e.itunes_episode for e in feed.entries] == ["1", "2", "3"]


def test_program_schema_accepts_the_shipped_programs_and_refuses_mistakes():
    schema = json.loads(CliRunner().invoke(cli, ["schema", "--program"]).output)
    validator = jsonschema.Draft202012Validator(schema)
    for name in shipped_names("programs"):
        validator.validate(yaml.safe_load((shipped_dir("programs") / f"{name}.yaml").read_text()))
    assert list(validator.iter_errors({"title": "P", "routine": "r", "weeks": 0}))
    assert list(validator.iter_errors({"title": "P", "routine": "r", "weeks": 2, "hold": {"from": "10s"}}))


@pytest.mark.parametrize("text,expected", [
    ("title: P\nroutine: build-up\nweeks: 0\n", "line 3: weeks: expected a whole number from 1 to 52, got '0'"),
    ("title: P\nroutine: build-up\nweeks: 2\nhold: {from: 10s, too: 60s}\n", "line 4: hold.too: unknown key; did you mean 'to'?"),
    ("title: P\nroutine: nowhere\nweeks: 2\n", "p.yaml, line 2: routine: no routine file 'nowhere' in "),
    ("title: P\nroutine: build-up\nweeks: 2\nhold: {from: abc, to: 60s}\n", "line 4: hold.from: expected a duration like 45s"),
])  # fmt: skip
def test_a_bad_program_gets_a_located_error(text, expected, tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(text)
    result = CliRunner().invoke(cli, ["script", str(path), "--engine", "fake"])
    assert result.exit_code == 1
    assert expected in result.output


@pytest.mark.pure
def test_a_program_week_carries_its_week_and_program_as_fields_in_the_timeline():
    import json

    from acuguide.pipeline import session
    from acuguide.publish import export

    weeks = [json.loads(export.to_json(s)) for s in session.scripts("back-care-build-up", Voice())]
    assert [w["week"] for w in weeks] == list(range(1, len(weeks) + 1)) and all(
        isinstance(w["week"], int) for w in weeks
    )
    assert {w["weeks"] for w in weeks} == {len(weeks)} and weeks[0]["program"]["slug"] == "back-care-build-up"
    held = [c for c in weeks[0]["chapters"] if "point" in c]
    assert held and all(c["tool"] and c["side"] and c["round"] >= 1 for c in held)
