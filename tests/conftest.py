from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

import pytest

from acuguide.audio import sounds
from acuguide.routine import Routine
from acuguide.timeline import layout, plan

HERE = Path(__file__).parent

# The layers: every test is in one. A test (or its module, by `pytestmark`) that needs more
# than Python says so: `audio` (a real speech engine and ffmpeg), `faults` (signals, full disks,
# broken engines), `server` (a real HTTP server) or `process` (ffmpeg or another program).
# Anything else is the pure layer, by default, so a new test file lands in it: the loader,
# the compiler, the composer, the point library and the formats, with no ffmpeg, no speech
# engine and no subprocess. `pytest -m pure` runs it in a minute, after every change; a pure
# test that reaches for a subprocess fails (see `_pure`), and says to mark it.
# `catalogs` checks the real translations (complete, no English left): not pure, since it is
# red until the translators' catalogs are merged; `pytest -m catalogs` runs it.
LAYERS = ("pure", "audio", "faults", "server", "process", "catalogs")


def pytest_collection_modifyitems(items):
    for item in items:
        if not any(item.get_closest_marker(layer) for layer in LAYERS):
            item.add_marker(pytest.mark.pure)


@pytest.fixture(autouse=True)
def _pure(request, monkeypatch):
    """Keep the pure layer honest: no process is started from it."""
    if request.node.get_closest_marker("pure"):

        def refuse(*args, **kwargs):
            raise AssertionError(
                f"a pure test started a process: {args[:1]}; mark it (or its module) process, audio, faults or server"
            )

        monkeypatch.setattr(subprocess.Popen, "__init__", refuse)


def fake_lengths(plan_: plan.Plan, sample_rate: int = layout.SAMPLE_RATE) -> dict[str, int]:
    """Deterministic phrase lengths (60 ms a character) for tests of the compiler alone;
    synthesized sounds (bells, tones) are pure functions, so they keep their real lengths."""
    lengths = {text: round(len(text) * 0.06 * sample_rate) for text in plan_.phrases}
    lengths.update((key, len(sounds.sound(key, sample_rate)) // 2) for key in plan_.sounds)
    return lengths


def compile_fake(routine: Routine) -> layout.Script:
    plan_ = plan.plan_routine(routine)
    return layout.lay_out(plan_, fake_lengths(plan_))


@pytest.fixture
def write_routine(tmp_path):
    """Write a routine from an indented YAML string; returns its path."""

    def write(text: str, name: str = "routine.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def speech_cache(tmp_path_factory) -> Path:
    """A fresh cache per test run, so audio tests always go through real synthesis once."""
    return tmp_path_factory.mktemp("speech-cache")
