"""The compiler: golden files for whole scripts, and the timing contract it must keep."""

from __future__ import annotations

import os

import pytest
from conftest import HERE, compile_fake, fake_lengths

from acuguide import routine as routine_mod
from acuguide.content import wording
from acuguide.content.breathing import BUILTIN
from acuguide.errors import CompileError
from acuguide.publish import export
from acuguide.timeline import layout
from acuguide.timeline import plan as plan_mod
from acuguide.timeline.layout import SAMPLE_RATE
from acuguide.timeline.plan import CueKind

GOLDEN = HERE / "golden"
ROUTINES = sorted((HERE / "routines").glob("golden-*.yaml"))


@pytest.mark.parametrize("path", ROUTINES, ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", ["txt", "json"])
def test_compiled_script_matches_golden_file(path, fmt, monkeypatch):
    monkeypatch.chdir(HERE.parent)  # sources are shown relative to the working directory
    compiled = compile_fake(routine_mod.load(path))
    actual = export.to_text(compiled) if fmt == "txt" else export.to_json(compiled)
    golden = GOLDEN / f"{path.stem}.{fmt}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}; run with UPDATE_GOLDEN=1 and review it"
    assert actual == golden.read_text(encoding="utf-8"), f"{golden.name} differs; if intended, UPDATE_GOLDEN=1"


def test_golden_files_have_no_strays():
    expected = {f"{p.stem}.{ext}" for p in ROUTINES for ext in ("txt", "json")}
    assert {p.name for p in GOLDEN.iterdir()} == expected


def _compile(write_routine, text):
    return compile_fake(routine_mod.load(write_routine(text)))


def test_hold_is_exactly_the_hold_from_end_of_press_to_start_of_release(write_routine):
    script = _compile(
        write_routine,
        """
        title: T
        steps:
          - point: BL23
            hold: 75s
            repeat: 2
    """,
    )
    assert len(script.holds) == 4  # two rounds, left and right
    for hold in script.holds:
        assert hold.end - hold.start == 75 * SAMPLE_RATE
        press = max((c for c in script.cues if c.kind is CueKind.PRESS and c.end <= hold.start), key=lambda c: c.end)
        release = min(
            (c for c in script.cues if c.kind is CueKind.RELEASE and c.start >= hold.end), key=lambda c: c.start
        )
        assert press.end == hold.start
        assert release.start == hold.end
        inside = [c for c in script.cues if hold.start <= c.start < hold.end]
        assert inside, "a 75 s hold with calm breathing has cues inside it"
        assert all(c.end <= hold.end for c in inside)


def test_sides_each_runs_left_then_right_with_rest_between(write_routine):
    script = _compile(
        write_routine,
        """
        title: T
        defaults: {rest: 7s, breathing: none}
        steps:
          - point: GB30
            sides: each
            hold: 20s
            repeat: 2
    """,
    )
    assert [(h.side, h.round) for h in script.holds] == [("left", 1), ("right", 1), ("left", 2), ("right", 2)]
    releases = [c for c in script.cues if c.kind is CueKind.RELEASE]
    transitions = [c for c in script.cues if c.kind is CueKind.TRANSITION and c.start > script.holds[0].start]
    # after each release but the last: exactly the rest, then the transition
    for release, transition in zip(releases[:-1], transitions):
        assert transition.start - release.end == 7 * SAMPLE_RATE
    assert [t.text for t in transitions[:3]] == [
        "Now the right side, the same spot.",
        "Round 2 of 2, left side.",
        "Now the right side, the same spot.",
    ]


def test_midline_point_has_one_hold_without_sides(write_routine):
    script = _compile(
        write_routine,
        """
        title: T
        steps:
          - point: GV4
            hold: 10s
    """,
    )
    assert [(h.point, h.side) for h in script.holds] == [("GV4", "center")]


def test_pause_is_exact_silence(write_routine):
    script = _compile(
        write_routine,
        """
        title: T
        steps:
          - say: One.
          - pause: 3.25s
          - say: Two.
    """,
    )
    one, two = (next(c for c in script.cues if c.text == t) for t in ("One.", "Two."))
    gap = round(plan_mod.GAP * SAMPLE_RATE)
    assert two.start - one.end == gap + round(3.25 * SAMPLE_RATE)


def test_breathing_cues_sit_at_the_patterns_phase_boundaries(write_routine):
    script = _compile(
        write_routine,
        """
        title: T
        steps:
          - breathe: {pattern: 4-7-8, cycles: 2}
    """,
    )
    breaths = [c for c in script.cues if c.kind is CueKind.BREATH]
    offsets = [(c.start - breaths[0].start) / SAMPLE_RATE for c in breaths]
    assert offsets == [0, 4, 11, 19, 23, 30]
    assert [c.text for c in breaths[:3]] == [wording.BREATH["in"], wording.BREATH["hold"], wording.BREATH["out"]]


def test_breathing_inside_a_hold_never_stretches_it(write_routine):
    script = _compile(
        write_routine,
        """
        title: T
        steps:
          - point: GV4
            hold: 19s
            breathing: coherent
    """,
    )
    hold = script.holds[0]
    assert hold.end - hold.start == 19 * SAMPLE_RATE
    breaths = [c for c in script.cues if c.kind is CueKind.BREATH]
    # settle 1 s, then whole 11 s cycles only: a second cycle would end at 23 s
    assert [(c.start - hold.start) / SAMPLE_RATE for c in breaths] == [1, 6.5]


def test_time_markers_are_exact_and_clear_of_breathing(write_routine):
    script = _compile(
        write_routine,
        """
        title: T
        steps:
          - point: GV4
            hold: 90s
    """,
    )
    hold = script.holds[0]
    markers = [c for c in script.cues if c.kind is CueKind.MARKER]
    assert [(c.text, (hold.end - c.start) / SAMPLE_RATE) for c in markers] == [
        ("30 seconds left.", 30),
        ("10 seconds left.", 10),
    ]
    inside = sorted((c for c in script.cues if hold.start <= c.start < hold.end), key=lambda c: c.start)
    assert all(a.end <= b.start for a, b in zip(inside, inside[1:])), "cues inside a hold overlap"


def test_a_phrase_longer_than_its_slot_is_a_compile_error_naming_routine_step_and_slot(write_routine):
    path = write_routine(
        """
        title: T
        breathing:
          quick: {in: 1, out: 2}
        steps:
          - say: Hello.
          - breathe: {pattern: quick, cycles: 2}
    """,
        name="fast.yaml",
    )
    plan = plan_mod.plan_routine(routine_mod.load(path))
    lengths = fake_lengths(plan)  # the in-breath cue takes under a second; make it 2 s
    lengths[wording.BREATH["in"]] = 2 * SAMPLE_RATE
    with pytest.raises(CompileError) as error:
        layout.lay_out(plan, lengths)
    message = str(error.value)
    assert f"{path}, line 6: steps[1]:" in message
    assert f"{wording.BREATH['in']!r} takes 2.00 s" in message
    assert "the inhale of pattern 'quick' (1 s)" in message
    assert len(error.value.problems) == 2  # both cycles reported, not just the first


def test_plan_phrases_are_known_before_any_synthesis(write_routine):
    plan = plan_mod.plan_routine(
        routine_mod.load(
            write_routine("""
        title: T
        steps:
          - point: BL23
            sides: together
            hold: 30s
    """)
        )
    )
    assert any(text.startswith("Press ") for text in plan.phrases)
    assert "And release." in plan.phrases
    assert len(plan.phrases) == len(set(plan.phrases))


def test_timeline_starts_with_lead_in_silence(write_routine):
    script = _compile(write_routine, "title: T\nsteps:\n  - say: Hi.\n")
    assert script.cues[0].start == round(layout.LEAD_IN * SAMPLE_RATE)
    assert script.length == script.cues[-1].end + round(layout.TAIL * SAMPLE_RATE)


def test_markers_switch_and_release_phrases_are_configurable(write_routine):
    script = _compile(
        write_routine,
        """
        title: T
        bells: off
        phrases:
          release: Let go.
          switch_sides: Other side now.
        defaults: {breathing: none, markers: [1m, 15s]}
        steps:
          - point: GB30
            hold: 90s
          - point: GV4
            hold: 40s
            markers: []
    """,
    )
    texts = [c.text for c in script.cues]
    assert "Other side now." in texts and texts.count("Let go.") == 3
    first = script.holds[0]
    markers = [
        (c.text, (first.end - c.start) / SAMPLE_RATE)
        for c in script.cues
        if c.kind is CueKind.MARKER and first.start <= c.start < first.end
    ]
    assert markers == [("1 minute left.", 60), ("15 seconds left.", 15)]
    gv4 = script.holds[-1]
    assert not [c for c in script.cues if gv4.start <= c.start < gv4.end]
    assert not [c for c in script.cues if c.kind is CueKind.BELL]


def test_breathing_style_and_cycles_per_step(write_routine):
    script = _compile(
        write_routine,
        """
        title: T
        bells: off
        defaults:
          breathing: {pattern: calm, style: count, cycles: 1}
        steps:
          - point: GV4
            hold: 30s
          - point: CV6
            hold: 30s
            breathing: {pattern: coherent, style: tone}
    """,
    )
    first, second = script.holds
    counted = [c.text for c in script.cues if first.start <= c.start < first.end and c.kind is CueKind.BREATH]
    assert counted == ["In.", "Two.", "Three.", "Four.", "Out.", "Two.", "Three.", "Four.", "Five.", "Six."]
    tones = [c for c in script.cues if second.start <= c.start < second.end and c.kind is CueKind.TONE]
    assert [c.text for c in tones[:2]] == ["(rising tone)", "(falling tone)"]
    assert all(c.end - c.start == round(5.5 * SAMPLE_RATE) for c in tones)


def test_chapters_cover_every_step_and_side_without_gaps(write_routine):
    script = _compile(
        write_routine,
        """
        title: T
        steps:
          - say: Sit down.
          - point: BL23
            sides: each
            hold: 20s
            repeat: 2
          - breathe: {pattern: box, cycles: 1}
    """,
    )
    titles = [c.title for c in script.chapters]
    assert titles == [
        "T: introduction",
        "Sit down",
        "BL23 Sea of Vitality, left, round 1",
        "BL23 Sea of Vitality, right, round 1",
        "BL23 Sea of Vitality, left, round 2",
        "BL23 Sea of Vitality, right, round 2",
        "Breathing: box",
        "End",
    ]
    assert script.chapters[0].start == 0 and script.chapters[-1].end == script.length
    assert all(a.end == b.start for a, b in zip(script.chapters, script.chapters[1:]))
    for hold in script.holds:
        assert any(c.start <= hold.start and hold.end <= c.end for c in script.chapters)


def _inside(script, hold):
    return sorted((c for c in script.cues if hold.start <= c.start < hold.end), key=lambda c: c.start)


@pytest.mark.parametrize(
    ("pattern", "hold"), [("calm", 60), ("calm", 90), ("box", 60), ("4-7-8", 90), ("coherent", 120)]
)
def test_breathing_keeps_its_pace_around_the_time_markers(write_routine, pattern, hold):
    """A listener with closed eyes keeps the pace: no silence inside a hold longer than a
    breathing cycle plus a little, markers included (lower-back's 60 s holds went quiet for 15 s)."""
    script = _compile(
        write_routine,
        f"""
        title: T
        steps:
          - point: GV4
            hold: {hold}s
            breathing: {pattern}
    """,
    )
    held = script.holds[0]
    inside = _inside(script, held)
    assert any(c.kind is CueKind.MARKER for c in inside)
    edges = [held.start, *(x for c in inside for x in (c.start, c.end)), held.end]
    silences = [(b - a) / SAMPLE_RATE for a, b in zip(edges[::2], edges[1::2])]
    cycle = BUILTIN[pattern].cycle
    assert min(silences) >= 0, "cues inside a hold overlap"
    assert max(silences) <= cycle + 0.5


CYCLE_STARTS = (wording.BREATH["in"], wording.COUNT_FIRST["in"], wording.RISING_TONE)


@pytest.mark.parametrize("style", ["voice", "count", "tone"])
@pytest.mark.parametrize("hold", [45, 60, 90])
def test_a_time_marker_is_said_between_two_whole_breaths_never_inside_one(write_routine, style, hold):
    """Issue 21: in 45 s holds "10 seconds left." came right after the in-breath and the
    out-breath was never cued. A marker is still said exactly on time, but the breaths are
    laid out around it, whole, and at most one cycle per marker gives way to it."""

    def breaths(markers):
        script = _compile(
            write_routine,
            f"""
            title: T
            steps:
              - point: GV4
                hold: {hold}s
                breathing: {{pattern: calm, style: {style}}}
                markers: {markers}
        """,
        )
        held = script.holds[0]
        return script, held, _inside(script, held)

    _, _, unmarked = breaths("[]")
    script, held, marked = breaths("[30s, 10s]" if hold >= 90 else "[10s]")
    markers = [c for c in marked if c.kind is CueKind.MARKER]
    expected = [30, 10] if hold >= 90 else [10]
    assert [(held.end - c.start) / SAMPLE_RATE for c in markers] == expected
    cycle = BUILTIN["calm"].cycle * SAMPLE_RATE
    starts = [c.start for c in marked if c.text in CYCLE_STARTS]
    for marker in markers:
        assert not [s for s in starts if s < marker.start < s + cycle], "a marker inside a breath"
    for start in starts:  # every cycle begun is guided to its end: its out-breath is cued
        out = [c for c in marked if start < c.start < start + cycle and c.text in (wording.BREATH["out"], wording.COUNT_FIRST["out"],
                                                                                    wording.FALLING_TONE)]  # fmt: skip
        assert out, "an in-breath without its out-breath"
    before = len([c for c in unmarked if c.text in CYCLE_STARTS])
    assert before - len(markers) <= len(starts) <= before


def test_sciatica_hip_does_both_foot_points_on_the_left_then_both_on_the_right():
    script = compile_fake(routine_mod.load("sciatica-hip"))
    feet = [(h.point, h.side) for h in script.holds if h.point in ("BL60", "LR3")]
    assert feet == [("BL60", "left"), ("LR3", "left"), ("BL60", "right"), ("LR3", "right")]
    lr3_left, bl60_right = (h for h in script.holds if (h.point, h.side) in (("LR3", "left"), ("BL60", "right")))
    between = [
        c.text for c in script.cues if lr3_left.end <= c.start < bl60_right.start and c.kind is CueKind.TRANSITION
    ]
    assert len(between) == 1 and "right ankle over your left knee" in between[0]  # one change of feet, said once


def test_a_group_by_side_plays_its_steps_left_then_right_with_one_change_of_side(write_routine):
    script = _compile(
        write_routine,
        """
        title: T
        defaults: {breathing: none, rest: 5s}
        steps:
          - sides: each
            steps:
              - say: Sit with one foot on the other knee.
              - point: BL60
                hold: 20s
              - point: LR3
                hold: 10s
                repeat: 2
    """,
    )
    assert [(h.point, h.side, h.round) for h in script.holds] == [
        ("BL60", "left", 1),
        ("LR3", "left", 1),
        ("LR3", "left", 2),
        ("BL60", "right", 1),
        ("LR3", "right", 1),
        ("LR3", "right", 2),
    ]
    transitions = [c.text for c in script.cues if c.kind is CueKind.TRANSITION]
    assert transitions == [
        wording.GROUP_START["each"],
        "Round 2 of 2.",
        wording.GROUP_SWITCH_SIDES,
        "Round 2 of 2.",
        wording.END,
    ]  # no "use the left side" before every press: the group said it once
    says = [c.start for c in script.cues if c.text == "Sit with one foot on the other knee."]
    switch = next(c for c in script.cues if c.text == wording.GROUP_SWITCH_SIDES)
    assert len(says) == 2 and says[0] < script.holds[0].start and switch.end <= says[1] < script.holds[3].start
    finds = [
        c.text
        for c in script.cues
        if c.kind is CueKind.POINT and not c.text.endswith("LR3.") and not c.text.endswith("BL60.")
    ]
    assert finds[2:] == [wording.SAME_SPOT, wording.SAME_SPOT]  # found on the left a moment ago
    cautions = [c for c in script.cues if c.kind is CueKind.CAUTION]
    assert len(cautions) == 2  # each point's caution once, not again on the right
    titles = [c.title for c in script.chapters if c.title.startswith(("BL60", "LR3"))]
    assert titles == [
        "BL60 Kunlun Mountains, left",
        "LR3 Bigger Rushing, left, round 1",
        "LR3 Bigger Rushing, left, round 2",
        "BL60 Kunlun Mountains, right",
        "LR3 Bigger Rushing, right, round 1",
        "LR3 Bigger Rushing, right, round 2",
    ]


def test_a_group_on_one_side_plays_once_and_says_which(write_routine):
    script = _compile(
        write_routine,
        """
        title: T
        defaults: {breathing: none}
        steps:
          - sides: right
            switch_sides: Never said.
            steps:
              - point: BL60
                hold: 10s
              - point: LR3
                hold: 10s
    """,
    )
    assert [(h.point, h.side) for h in script.holds] == [("BL60", "right"), ("LR3", "right")]
    texts = [c.text for c in script.cues]
    assert wording.GROUP_START["right"] in texts and "Never said." not in texts


def test_the_equipment_is_named_after_the_title_before_the_safety_note_and_any_step(write_routine):
    script = _compile(
        write_routine,
        """
        title: T
        steps:
          - say: Lie down on the balls.
          - point: BL27
            sides: together
            tool: ball
            hold: 10s
          - point: GB30
            tool: gun
            hold: 10s
    """,
    )
    kinds = [c.kind for c in script.cues if c.kind is not CueKind.BELL]
    assert kinds[:3] == [CueKind.TITLE, CueKind.EQUIPMENT, CueKind.SAFETY]
    equipment = next(c.text for c in script.cues if c.kind is CueKind.EQUIPMENT)
    assert equipment == (
        "For this session you will need two massage balls or tennis balls, a massage gun "
        "and a mat or a carpeted floor. Have everything beside you now."
    )


@pytest.mark.parametrize(
    ("steps", "needs"),
    [
        ("  - point: BL23\n", None),  # hands alone need nothing
        (
            "  - point: BL27\n    tool: ball\n",
            "a massage ball or a tennis ball and a mat or a carpeted floor",
        ),  # one side at a time
        ("  - point: GB21\n    tool: gun\n", "a massage gun"),
        ("  - point: BL43\n    tool: roller\n  - point: GB21\n", "a foam roller and a mat or a carpeted floor"),
        (
            "  - point: BL43\n    tool: ball\n    posture: standing\n",
            "a massage ball or a tennis ball",
        ),  # against a wall: no mat
    ],
)
def test_the_equipment_follows_the_tools_the_steps_press_with(write_routine, steps, needs):
    script = _compile(write_routine, "title: T\nsafety: off\nsteps:\n" + steps)
    said = [c.text for c in script.cues if c.kind is CueKind.EQUIPMENT]
    assert said == ([wording.EQUIPMENT.format(things=needs)] if needs else [])


@pytest.mark.parametrize("safety", ["full", "short", "off"])
def test_a_routines_own_warning_is_heard_before_the_shared_safety_note(write_routine, safety):
    script = _compile(
        write_routine,
        f"title: T\nsafety: {safety}\nwarning: A heart attack can feel like heartburn.\nsteps:\n  - point: PC6\n",
    )
    said = [c.text for c in script.cues if c.kind is CueKind.SAFETY]
    assert said[0] == "A heart attack can feel like heartburn."
    if safety != "off":
        assert wording.SAFETY_RED_FLAGS[0] in said[1:]


def test_a_caution_shared_by_neighbouring_points_is_said_once(write_routine):
    script = _compile(
        write_routine,
        """
        title: T
        steps:
          - point: BL31
            hold: 20s
          - point: BL32
            hold: 20s
          - point: BL33
            hold: 20s
    """,
    )
    cautions = [c.text for c in script.cues if c.kind is CueKind.CAUTION]
    assert cautions and len(cautions) == len(set(cautions))


def test_a_reflex_area_is_named_without_reading_out_its_code(write_routine):
    script = _compile(
        write_routine,
        """
        title: T
        steps:
          - point: HAND-SPINE
            sides: each
            hold: 20s
    """,
    )
    said = " ".join(c.text for c in script.cues)
    assert "Spine Reflex Area." in said and "HAND-SPINE" not in said and "reflex area" in said


def test_equipment_beyond_the_tools_is_said_at_the_start_with_them(write_routine):
    script = _compile(
        write_routine,
        """
        title: T
        equipment: [a partner, a chair]
        steps:
          - point: BL27
            sides: together
            tool: ball
            hold: 20s
    """,
    )
    kinds = [c.kind for c in script.cues]
    said = next(c.text for c in script.cues if c.kind is CueKind.EQUIPMENT)
    assert said == (
        "For this session you will need two massage balls or tennis balls, a mat or a carpeted floor, "
        "a partner and a chair. Have everything beside you now."
    )
    assert kinds.index(CueKind.EQUIPMENT) < kinds.index(CueKind.SAFETY)


def test_half_seconds_in_a_breathing_pattern_are_said_as_words(write_routine):
    script = _compile(
        write_routine,
        """
        title: T
        steps:
          - breathe: {pattern: coherent, cycles: 2}
    """,
    )
    said = " ".join(c.text for c in script.cues)
    assert "in for 5 and a half" in said and "5.5" not in said


def test_both_hands_is_said_once_for_a_run_of_points_pressed_with_both(write_routine):
    script = _compile(
        write_routine,
        """
        title: T
        steps:
          - point: BL31
            sides: together
            hold: 20s
          - point: BL32
            sides: together
            hold: 20s
          - point: LI4
            sides: each
            hold: 20s
          - point: BL23
            sides: together
            hold: 20s
    """,
    )
    said = [c.text for c in script.cues]
    assert said.count("Use both hands, one on each side.") == 2  # BL31, then again after LI4 one hand at a time


def test_a_group_of_one_point_starts_without_speaking_of_points_and_its_say_is_not_repeated(write_routine):
    script = _compile(
        write_routine,
        """
        title: T
        steps:
          - sides: each
            switch_sides: Change hands for the right side.
            steps:
              - point: GB30
                say: Jumping Circle. Hold the chair with your right hand and press with your left knuckles.
                hold: 20s
    """,
    )
    said = [c.text for c in script.cues]
    assert "Start on the left side." in said and not any("these points" in t for t in said)
    assert sum("Hold the chair with your right hand" in t for t in said) == 1
    assert said.index("Change hands for the right side.") < said.index("The same spot, on this side.")


@pytest.mark.parametrize("tool, posture, press", [
    ("ball", "standing", "ball-wall"), ("roller", "standing", "roller-wall"), ("ball", "lying", "ball"),
])  # fmt: skip
def test_pressing_against_a_wall_leans_back_instead_of_sinking(write_routine, tool, posture, press):
    script = _compile(
        write_routine, f"title: T\nsafety: off\nsteps:\n  - point: BL43\n    tool: {tool}\n    posture: {posture}\n"
    )
    assert wording.PRESS_WITH[press] in [c.text for c in script.cues if c.kind is CueKind.PRESS]


def test_a_step_that_says_bell_is_spoken_not_rung():
    """Phrases and sounds share the clips' keys: a sound's key can never be spoken text."""
    from conftest import compile_fake

    from acuguide.content.points import library
    from acuguide.routine import parse
    from acuguide.timeline.plan import CueKind

    for text in ("bell", "tone:rise:4", "bell."):
        routine = parse(f"title: Bells\nsteps:\n  - say: {text!r}\n", "bells.yaml", "bells", library())
        script = compile_fake(routine)
        said = next(c for c in script.cues if c.kind is CueKind.SAY)
        bell = next(c for c in script.cues if c.kind is CueKind.BELL)
        assert said.clip != bell.clip and said.end - said.start == round(len(said.text) * 0.06 * script.sample_rate)
