"""Property-based tests: Hypothesis writes routines, valid and not, and checks the contract.

- Loading never raises anything but a `RoutineError` whose every problem names the file and
  either a line or a field (no traceback, ever).
- A routine that loads compiles, or fails with a located `CompileError`; a compiled script
  keeps every hold exact, from the end of "press" to the start of "release", and every cue
  inside the session, none overlapping; no time marker is said inside a breathing cycle.
"""

from __future__ import annotations

import yaml
from conftest import compile_fake
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from acuguide import routine as routine_mod
from acuguide.content import wording
from acuguide.content.points import library
from acuguide.errors import CompileError, RoutineError
from acuguide.timeline.layout import SAMPLE_RATE
from acuguide.timeline.plan import CueKind

CODES = [p.code for p in library().points]
junk = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True), st.text(max_size=20),
                 st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2))  # fmt: skip
durations = st.one_of(
    st.integers(0, 700), st.sampled_from(["45s", "1m", "1m30s", "10 s", "0.5s", "20s", "2h", "abc", "-5"])
)
patterns = st.sampled_from(["calm", "box", "4-7-8", "coherent", "none", "off", "slow", "nope"])
breathing = st.one_of(
    patterns,
    st.fixed_dictionaries(
        {"pattern": patterns},
        optional={"style": st.sampled_from(["voice", "count", "tone", "hum"]), "cycles": st.integers(-1, 5)},
    ),
)


def maybe(valid):
    """Mostly valid, sometimes anything at all."""
    return st.sampled_from([True] * 12 + [False]).flatmap(lambda ok: valid if ok else junk)


words = st.text(alphabet="abcdefghij klmnop.,'?", min_size=1, max_size=40).filter(str.strip)


point_step = st.fixed_dictionaries(
    {"point": maybe(st.sampled_from([*CODES, "B47", "bl 23", "XX99"]))},
    optional={
        "hold": maybe(durations), "repeat": maybe(st.integers(0, 4)), "breathing": maybe(breathing),
        "sides": maybe(st.sampled_from(["each", "together", "left", "right", "both"])),
        "rest": maybe(durations), "markers": maybe(st.lists(durations, max_size=3)),
        "pressure": maybe(st.sampled_from(["gentle", "moderate", "firm", "hard"])), "say": maybe(st.one_of(words, st.text(max_size=30))),
    },
)  # fmt: skip
step = st.one_of(
    st.fixed_dictionaries({"say": maybe(words)}),
    st.fixed_dictionaries({"pause": maybe(durations)}),
    st.fixed_dictionaries(
        {"breathe": maybe(st.fixed_dictionaries({"pattern": patterns}, optional={"cycles": st.integers(0, 3)}))}
    ),
    point_step,
    point_step,
)
routines = st.fixed_dictionaries(
    {"title": maybe(st.one_of(words, st.text(max_size=30))), "steps": maybe(st.lists(step, max_size=5))},
    optional={
        "defaults": maybe(st.fixed_dictionaries({}, optional={"hold": maybe(durations), "breathing": maybe(breathing),
                                                               "rest": maybe(durations)})),
        "breathing": maybe(st.fixed_dictionaries({"slow": maybe(st.fixed_dictionaries({"in": durations, "out": durations}))})),
        "bells": maybe(st.sampled_from(["on", "off", "none", "maybe"])), "safety": maybe(st.sampled_from(["full", "short", "off"])),
        "intro": maybe(st.lists(step, max_size=2)), "ambient": maybe(st.sampled_from(["noise", "off", "missing.ogg"])),
    },
)  # fmt: skip


def check_located(error: RoutineError | CompileError) -> None:
    assert error.problems
    for problem in error.problems:
        assert problem.source == "prop.yaml"
        assert problem.line is not None or problem.field, problem
        assert problem.message


def check_script(script) -> None:
    assert script.cues and script.length > 0
    ordered = sorted(script.cues, key=lambda c: c.start)
    for before, after in zip(ordered, ordered[1:]):
        assert before.end <= after.start, (before, after)
    assert all(0 <= c.start < c.end <= script.length for c in script.cues)
    for hold in script.holds:
        press = max((c for c in script.cues if c.kind is CueKind.PRESS and c.end <= hold.start), key=lambda c: c.end)
        release = min(
            (c for c in script.cues if c.kind is CueKind.RELEASE and c.start >= hold.end), key=lambda c: c.start
        )
        assert press.end == hold.start and release.start == hold.end
        assert all(c.end <= hold.end for c in script.cues if hold.start <= c.start < hold.end)


CYCLE_STARTS = (wording.BREATH["in"], wording.COUNT_FIRST["in"], wording.RISING_TONE)


def check_markers_between_breaths(routine, script) -> None:
    """No time marker is said inside a breathing cycle: the breaths are laid out around it."""
    steps = {step.where.field: step for step in routine.point_steps}
    for hold in script.holds:
        step = steps.get(hold.step)
        if step is None or step.breathing is None:
            continue
        cycle = round(step.breathing.pattern.cycle * SAMPLE_RATE)
        inside = [c for c in script.cues if hold.start <= c.start < hold.end]
        starts = [c.start for c in inside if c.text in CYCLE_STARTS]
        for marker in (c for c in inside if c.kind is CueKind.MARKER):
            assert not [s for s in starts if s < marker.start < s + cycle - 1], (hold, marker)


def load_and_compile(text: str) -> None:
    try:
        routine = routine_mod.parse(text, "prop.yaml", "prop", library())
    except RoutineError as error:
        event("refused with located problems")
        check_located(error)
        return
    try:
        script = compile_fake(routine)
    except CompileError as error:
        event("loaded, refused by the compiler")
        check_located(error)
        return
    event(f"compiled, {'with' if script.holds else 'without'} holds")
    check_script(script)
    check_markers_between_breaths(routine, script)
    for step in routine.point_steps:
        assert [h.end - h.start for h in script.holds if h.step == step.where.field] == [
            round(step.hold * SAMPLE_RATE)
        ] * len([h for h in script.holds if h.step == step.where.field])


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(routines)
def test_generated_routines_load_and_compile_or_fail_with_located_errors(data):
    load_and_compile(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_at_all_is_a_routine_or_a_located_error(text):
    load_and_compile(text)


valid_point = st.fixed_dictionaries(
    {"point": st.sampled_from(CODES), "hold": st.integers(1, 240)},
    optional={
        "repeat": st.integers(1, 3), "rest": st.integers(0, 20), "markers": st.lists(st.integers(1, 120), max_size=2),
        "breathing": st.sampled_from(["none", {"pattern": "calm", "style": "count"}, {"pattern": "calm", "style": "tone"}]),
    },
)  # fmt: skip
valid_routines = st.fixed_dictionaries({
    "title": words,
    "defaults": st.fixed_dictionaries({"breathing": st.sampled_from(["calm", "box", "4-7-8", "coherent", "none"])}),
    "steps": st.lists(st.one_of(valid_point, st.fixed_dictionaries({"say": words}), st.fixed_dictionaries({"pause": st.integers(1, 30)})),
                      min_size=1, max_size=4),
})  # fmt: skip


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_routines)
def test_routines_that_load_keep_every_hold_exact(data):
    load_and_compile(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
