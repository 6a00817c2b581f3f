"""acuguide compose: a session made to measure, as an ordinary routine file."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from conftest import compile_fake

from acuguide.cli import cli
from acuguide.compose import composer as compose
from acuguide.content.points import COMPLAINTS, library
from acuguide.pipeline import session as build
from acuguide.routine import load
from acuguide.routine.schema import routine_schema
from acuguide.timeline.plan import CueKind

VALIDATOR = jsonschema.Draft202012Validator(routine_schema())


@pytest.mark.parametrize("minutes", [5, 10, 20])
@pytest.mark.parametrize("complaint", list(COMPLAINTS))
def test_every_complaint_composes_a_checked_session_of_the_length_asked(complaint, minutes, tmp_path):
    path = tmp_path / "composed.yaml"
    result = CliRunner().invoke(cli, ["compose", "--for", complaint, "--minutes", str(minutes), "-o", str(path)])
    assert result.exit_code == 0, result.output
    assert CliRunner().invoke(cli, ["check", str(path)]).exit_code == 0
    VALIDATOR.validate(yaml.safe_load(path.read_text()))
    routine = load(path)
    seconds = build.estimate(routine, build.voice_settings(routine), tmp_path / "empty-cache").duration
    assert abs(seconds - minutes * 60) <= 0.05 * minutes * 60, seconds
    assert any(complaint in step.point.complaints for step in routine.point_steps)
    assert path.read_text().startswith("# Composed by acuguide: compose --for")


@pytest.mark.parametrize("complaint", list(COMPLAINTS))
def test_avoid_pregnancy_leaves_out_every_avoided_point_and_says_so(complaint, tmp_path):
    answers = compose.Answers(complaint, 10, avoid=frozenset({"pregnancy"}))
    avoided = {p.code for p in library().points if "pregnancy" in p.avoid and complaint in p.complaints}
    try:
        composed = compose.compose(answers)
    except compose.ComposeError as error:  # nothing left to press: said plainly
        assert f"every point used for {complaint}" in str(error) and "avoided in pregnancy" in str(error) and avoided
        return
    used = {step.point.code for step in composed.routine.point_steps}
    assert not used & {p.code for p in library().points if "pregnancy" in p.avoid}
    assert composed.routine.avoid == frozenset({"pregnancy"})
    if avoided:
        left_out = composed.text.split("# Left out, traditionally avoided in pregnancy: ")[1].split("\n")[0]
        assert set(left_out.split(", ")) == avoided


def test_the_same_answers_give_the_same_file():
    answers = compose.Answers("sciatica", 10, ("hands", "ball"), "regular")
    assert compose.compose(answers).text == compose.compose(answers).text


@pytest.mark.parametrize("typed,meant", [("sciatica", "sciatica and hip"), ("upper back", "upper back and shoulders"),
                                          ("Lower-Back", "lower back"), ("tired", "fatigue"), ("whole body ache", "whole-body ache"),
                                          ("my lower back aches", "lower back"), ("I feel so tired", "fatigue")])  # fmt: skip
def test_complaints_are_matched_forgivingly(typed, meant):
    assert compose.match_complaint(typed) == meant


def test_an_unknown_complaint_lists_the_known_ones_with_a_did_you_mean():
    result = CliRunner().invoke(cli, ["compose", "--for", "sciatca", "--minutes", "10"])
    assert result.exit_code == 2
    assert "Error: unknown complaint 'sciatca' (did you mean 'sciatica and hip'?); known: lower back, upper back and shoulders" in result.output


def test_too_short_says_the_nearest_possible_length_and_why():
    result = CliRunner().invoke(cli, ["compose", "--for", "lower back", "--minutes", "2", "--level", "regular", "--engine", "piper"])
    assert result.exit_code == 2
    assert "2 minutes is too short for lower back: the shortest session, one point held 30 s once" in result.output
    assert "ask for at least" in result.output


def test_points_on_one_limb_are_done_on_one_side_then_the_other():
    composed = compose.compose(compose.Answers("sciatica", 10))
    sides = [(s.point.code, s.sides.value) for s in composed.routine.point_steps if s.point.region in ("knee", "foot")]
    lefts = [code for code, side in sides if side == "left"]
    rights = [code for code, side in sides if side == "right"]
    assert len(lefts) >= 2 and lefts == rights
    assert [side for _, side in sides] == ["left"] * len(lefts) + ["right"] * len(rights)


def test_tools_reach_points_hands_cannot_and_the_session_names_them_at_the_start():
    hands = compose.compose(compose.Answers("upper back", 10))
    assert "BL43" not in {s.point.code for s in hands.routine.point_steps}  # between the shoulder blades: out of reach
    with_ball = compose.compose(compose.Answers("upper back", 10, ("hands", "ball")))
    steps = {s.point.code: s for s in with_ball.routine.point_steps}
    assert steps["BL43"].tool.value == "ball" and steps["BL43"].say.startswith("Vital Diaphragm, BL43. ")
    script = compile_fake(with_ball.routine)
    equipment = [c.text for c in script.cues if c.kind is CueKind.EQUIPMENT]
    assert len(equipment) == 1 and "you will need two massage balls" in equipment[0]  # two: one each side of the spine
    assert "you will need" not in with_ball.text  # said by every session, so not typed into the routine too
    seated_first = [s.point.code for s in with_ball.routine.point_steps]
    assert seated_first.index("GB21") < seated_first.index("BL43")  # seated before lying


@pytest.mark.process
def test_render_writes_the_routine_and_renders_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["compose", "--for", "stress", "--minutes", "5", "--render"])
    assert result.exit_code == 0, result.output
    timeline = json.loads((tmp_path / "output" / "stress-5-minutes.json").read_text())
    assert (tmp_path / "output" / "stress-5-minutes.yaml").is_file() and (tmp_path / "output" / "stress-5-minutes.mp3").is_file()
    assert timeline["title"] == "Stress, 5 minutes"
