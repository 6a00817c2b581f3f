"""Every shipped routine passes check and compiles to a session of 5-20 minutes.

The lengths come from the fake engine (fast); real engines render routines end to end in
test_end_to_end and test_sound."""

from __future__ import annotations

import json

import pytest
from audio import decode
from click.testing import CliRunner

from acuguide import routine as routine_mod
from acuguide.cli import cli
from acuguide.errors import AvoidError
from acuguide.pipeline import session as build
from acuguide.routine import shipped_routines
from acuguide.routine.safety import check_avoid
from acuguide.speech import Voice

NAMES = shipped_routines()
PREGNANCY_POINTS = {
    "LI4",
    "SP6",
    "BL60",
    "GB21",
    "CV6",
    "BL23",
    "BL52",
    "GV4",
    "BL53",
    *(f"BL{n}" for n in range(27, 35)),
}


SHORT = {"desk-break": (2 * 60, 5 * 60)}  # a break short enough to take several times a day
SACRAL = {f"BL{n}" for n in range(27, 35)}


def test_there_are_at_least_fourteen_shipped_routines_with_the_default():
    assert len(NAMES) >= 14
    assert "lower-back" in NAMES


def test_the_shipped_routines_together_use_every_point_in_the_library():
    """A point nobody can hear in a shipped session is a point whose wording nobody has listened to."""
    from acuguide.content.points import library

    used = {s.point.code for name in NAMES for s in routine_mod.load(name).point_steps}
    assert {p.code for p in library().points} - used == set()


def test_the_shipped_routines_press_at_least_four_sacral_points():
    used = {s.point.code for name in NAMES for s in routine_mod.load(name).point_steps}
    assert len(used & SACRAL) >= 4


def test_the_massage_gun_routine_holds_15_to_30_s_and_lasts_5_to_10_minutes(speech_cache):
    """Article 001: hold the gun on a tight spot for 15-30 s; 5-10 minutes in all."""
    from acuguide.routine.model import Tool

    routine = routine_mod.load("massage-gun")
    assert routine.point_steps and all(s.tool is Tool.GUN and 15 <= s.hold <= 30 for s in routine.point_steps)
    compiled = build.compile_routine(routine, Voice("fake"), speech_cache)
    assert 5 * 60 <= compiled.script.duration <= 10 * 60


def test_the_hands_only_routine_needs_nothing_but_hands_and_names_the_reflex_area_honestly():
    from acuguide.content.points import Kind
    from acuguide.routine.model import Tool

    routine = routine_mod.load("hands-anywhere")
    assert {s.point.code for s in routine.point_steps} == {"LI4", "PC6", "SI3", "HAND-SPINE"}
    assert all(s.tool is Tool.HANDS and s.point.region == "hand" for s in routine.point_steps)
    first = next(s for s in routine.point_steps if s.point.kind is Kind.REFLEX)
    assert first.find is None and "not one of the standard acupressure points" in first.point.find


def test_the_partner_routine_tells_the_partner_to_press():
    routine = routine_mod.load("partner-back")
    assert all(s.say and "Partner," in s.say for s in routine.point_steps)
    assert any(not ({"hands"} & set(s.point.tools)) for s in routine.point_steps)  # a point out of one's own reach


@pytest.mark.parametrize("name", NAMES)
def test_shipped_routine_passes_check(name):
    result = CliRunner().invoke(cli, ["check", name])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name", NAMES)
def test_shipped_routine_names_its_sources_in_a_header_comment(name):
    text = (routine_mod.shipped_routines_dir() / f"{name}.yaml").read_text()
    assert text.startswith("#")
    assert any(f"{n:03d}" in text.split("title:")[0] for n in range(5))


@pytest.mark.parametrize("name", NAMES)
def test_avoid_pregnancy_refuses_exactly_the_routines_with_such_points(name):
    routine = routine_mod.load(name)
    codes = {s.point.code for s in routine.point_steps}
    avoided = {s.point.code for s in routine.point_steps if "pregnancy" in s.point.avoid}
    if avoided:
        with pytest.raises(AvoidError) as error:
            check_avoid(routine, frozenset({"pregnancy"}))
        assert {p.message.split(" ")[0] for p in error.value.problems} == avoided
    else:
        check_avoid(routine, frozenset({"pregnancy"}))
    assert not (codes & PREGNANCY_POINTS) or avoided


def test_a_routine_without_avoided_points_is_accepted(write_routine):
    routine = routine_mod.load(write_routine("title: T\nsteps:\n  - point: BL21\n  - point: GB30\n"))
    check_avoid(routine, frozenset({"pregnancy"}))


@pytest.mark.parametrize("name", NAMES)
def test_shipped_routine_compiles_to_a_session_of_5_to_20_minutes(name, speech_cache):
    """Or, for the desk break, of 2-5 minutes: it is meant to be taken several times a day."""
    routine = routine_mod.load(name)
    compiled = build.compile_routine(routine, Voice("fake"), speech_cache)
    low, high = SHORT.get(name, (5 * 60, 20 * 60))
    assert low <= compiled.script.duration <= high


@pytest.mark.audio
def test_the_default_routine_renders_through_the_default_engine(tmp_path, speech_cache):
    result = CliRunner().invoke(cli, ["render", "lower-back", "-o", str(tmp_path), "--cache-dir", str(speech_cache)])
    assert result.exit_code == 0, result.output
    timeline = json.loads((tmp_path / "lower-back.json").read_text())
    assert timeline["speech"] == {"engine": "piper", "voice": "joe", "rate": 130}  # a natural voice at a calm pace
    audio = decode(tmp_path / "lower-back.mp3")
    assert abs(audio.duration - timeline["duration"]) < 0.02
    assert 5 * 60 <= timeline["duration"] <= 20 * 60


def test_the_foam_roller_moves_the_way_the_listener_moves():
    """Lifting the hips moves the roller toward the shoulders (article 001): BL43, between the
    shoulder blades, is pressed after rolling up, and the roller goes down with the hips low,
    never below the shoulder blades (issue 27: not across the lower ribs or the lumbar spine)."""
    steps = routine_mod.load("foam-roller-upper-back").all_steps
    first_point = next(i for i, step in enumerate(steps) if getattr(step, "point", None))
    assert steps[first_point].point.code == "BL43"
    assert "roll up until the roller sits in the middle, between your shoulder blades" in steps[first_point - 2].text
    said = [step.text for step in steps if hasattr(step, "text")]
    assert not any("Lift your hips" in text and "down" in text for text in said)
    assert not any(
        words in text for text in said for words in ("middle of your back", "mid back", "below your shoulder blades")
    )


def test_red_flags_are_said_in_every_note_full_or_short(write_routine):
    from acuguide.content import wording
    from acuguide.routine.safety import safety_note

    red = wording.SAFETY_RED_FLAGS[0]
    assert red in safety_note(routine_mod.load("lower-back"))
    assert red in safety_note(routine_mod.load("sciatica-hip"))
    short_sciatica = routine_mod.load(write_routine("title: T\nsafety: short\nsteps:\n  - point: GB30\n"))
    assert red in safety_note(short_sciatica)
    short_other = routine_mod.load(
        write_routine("title: T\nsafety: short\nsteps:\n  - point: LI4\n", name="other.yaml")
    )
    assert set(wording.SAFETY_RED_FLAGS) <= set(safety_note(short_other))
    full = " ".join(safety_note(routine_mod.load("lower-back")))
    for words in ("blood thinners", "osteoporosis", "spinal surgery", "inflamed", "dull, comfortable ache"):
        assert words in full


RED_FLAGS = {  # issue 21: what every shipped session says needs a doctor, and the words that say it
    "chest pain": "chest pain or pressure",
    "saddle numbness": "numbness between your legs or around your bottom",
    "bladder or bowels": "trouble controlling your bladder or bowels",
    "a fall or an accident": "began with a fall or an accident",
    "fever": "a fever",
    "weak leg": "a weak leg",
    "history of cancer": "you have had cancer",
    "unexplained weight loss": "losing weight without trying",
    "pain at night or at rest": "worse at night or at rest",
}


@pytest.mark.parametrize("name", NAMES)
def test_every_shipped_session_speaks_every_red_flag(name, speech_cache):
    """Hands-anywhere spoke none, and only stomach-back spoke of chest pain (issue 21)."""
    routine = routine_mod.load(name)
    compiled = build.compile_routine(routine, Voice("fake"), speech_cache)
    spoken = " ".join(c.text for c in compiled.script.cues)
    missing = [flag for flag, words in RED_FLAGS.items() if words not in spoken]
    assert not missing, f"{name} never says: {', '.join(missing)}"


def test_the_red_flags_are_said_in_short_sentences():
    """One sentence of eight signs was among the cues heard worst; none is over 30 words."""
    from acuguide.content import wording

    assert all(len(sentence.split()) <= 30 for sentence in wording.SAFETY_RED_FLAGS)
