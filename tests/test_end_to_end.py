"""End to end through each real engine (eSpeak NG, Piper) and real ffmpeg, measured on the decoded MP3."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from audio import decode
from click.testing import CliRunner
from conftest import HERE

from acuguide import routine as routine_mod
from acuguide.cli import cli
from acuguide.content import wording
from acuguide.pipeline import session as build
from acuguide.speech import Voice

pytestmark = pytest.mark.audio
TOLERANCE = 0.020  # seconds: every boundary the listener hears must be this close to the timeline
E2E = HERE / "routines" / "e2e.yaml"


@pytest.fixture(scope="module", params=["espeak", "piper"])
def rendered(request, tmp_path_factory):
    """A render from a cache of its own, so the bytes below compare with another fresh render."""
    out = tmp_path_factory.mktemp(request.param)
    args = ["render", str(E2E), "-o", str(out), "--cache-dir", str(out / "cache"), "--engine", request.param]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    timeline = json.loads((out / "e2e.json").read_text())
    assert timeline["speech"]["engine"] == request.param
    return out, timeline, decode(out / "e2e.mp3", timeline["loudness"]["gain"])


def test_render_writes_audio_timeline_and_transcripts_and_nothing_else(rendered):
    out, timeline, _ = rendered
    assert sorted(p.name for p in out.iterdir()) == ["cache", "e2e.json", "e2e.mp3", "e2e.srt", "e2e.vtt"]
    vtt = (out / "e2e.vtt").read_text()
    assert vtt.startswith("WEBVTT\n")
    first_speech = next(c for c in timeline["cues"] if c["kind"] == "title")
    assert f"00:00:{first_speech['start']:06.3f} --> " in vtt
    srt = (out / "e2e.srt").read_text()
    assert srt.startswith("1\n00:00:") and " --> " in srt and "Timing Check." in srt
    assert "(bell)" not in vtt + srt  # transcripts are for words
    assert {c["kind"] for c in timeline["cues"]} >= {"press", "release", "breath", "transition", "say", "bell"}
    assert [(h["point"], h["side"], h["round"]) for h in timeline["holds"]] == [
        ("BL23", "left", 1),
        ("BL23", "right", 1),
        ("BL23", "left", 2),
        ("BL23", "right", 2),
        ("GV4", "center", 1),
    ]


def test_decoded_length_matches_timeline(rendered):
    _, timeline, audio = rendered
    assert audio.rate == 44100
    assert abs(audio.duration - timeline["duration"]) < TOLERANCE


def test_every_cue_starts_and_ends_where_the_timeline_says(rendered):
    _, timeline, audio = rendered
    cues = timeline["cues"]
    errors = []
    for i, cue in enumerate(cues):
        before = cues[i - 1]["end"] if i else 0.0
        after = cues[i + 1]["start"] if i + 1 < len(cues) else timeline["duration"]
        start = audio.first_sound((before + cue["start"]) / 2, cue["end"])
        end = audio.last_sound(cue["start"], (cue["end"] + after) / 2)
        assert start is not None and end is not None, f"no speech heard for {cue['text']!r}"
        errors += [abs(start - cue["start"]), abs(end - cue["end"])]
    assert max(errors) <= TOLERANCE, f"largest timing error {max(errors) * 1000:.1f} ms"


def test_every_hold_is_exact_from_end_of_press_to_start_of_release(rendered):
    _, timeline, audio = rendered
    for hold in timeline["holds"]:
        press_end = audio.last_sound(hold["start"] - 3, hold["start"] + 0.5)
        release_start = audio.first_sound(hold["end"] - 0.5, hold["end"] + 1)
        assert abs(press_end - hold["start"]) <= TOLERANCE, hold
        assert abs(release_start - hold["end"]) <= TOLERANCE, hold
        assert abs((release_start - press_end) - (hold["end"] - hold["start"])) <= TOLERANCE, hold


def test_breathing_cues_inside_a_hold_are_heard_on_time(rendered):
    _, timeline, audio = rendered
    hold = timeline["holds"][0]
    breaths = [c for c in timeline["cues"] if c["kind"] == "breath" and hold["start"] <= c["start"] < hold["end"]]
    assert [b["text"] for b in breaths] == [wording.BREATH["in"], wording.BREATH["out"]]
    for cue in breaths:
        assert abs(audio.first_sound(cue["start"] - 0.5, cue["end"]) - cue["start"]) <= TOLERANCE


def test_pause_is_silent_for_exactly_its_length(rendered):
    _, timeline, audio = rendered
    cues = timeline["cues"]
    # steps[1] is `pause: 4s` after the BL23 step: between its last release and the next cue
    last_release = max((c for c in cues if c["step"] == "steps[0]"), key=lambda c: c["end"])
    following = min((c for c in cues if c["start"] >= last_release["end"]), key=lambda c: c["start"])
    silent_from = audio.last_sound(last_release["start"], following["start"] - 0.1)
    sound_again = audio.first_sound(last_release["end"] + 0.05, following["end"])
    expected = following["start"] - last_release["end"]
    assert expected == pytest.approx(0.8 + 4.0, abs=1e-6)  # the gap after a phrase, then the pause
    assert abs((sound_again - silent_from) - expected) <= TOLERANCE
    assert audio.peak(silent_from + 0.02, sound_again - 0.02) <= 160


def test_speech_is_real_speech_not_silence(rendered):
    _, timeline, audio = rendered
    for cue in timeline["cues"]:
        assert audio.peak(cue["start"], cue["end"]) > 3000, f"{cue['text']!r} is too quiet to be speech"


def test_second_render_synthesizes_nothing(rendered):
    routine = routine_mod.load(E2E)
    compiled = build.compile_routine(routine, Voice(rendered[1]["speech"]["engine"]), rendered[0] / "cache")
    assert compiled.synthesized == 0
    assert compiled.script.duration == pytest.approx(rendered[1]["duration"])


def test_shipped_routine_by_name_from_any_directory(tmp_path, speech_cache):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "acuguide",
            "render",
            "desk-break",
            "-o",
            "here",
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
    assert "Audio saved" not in result.stdout  # pyttsx3's chatter stays out of our output
    assert (tmp_path / "here" / "desk-break.mp3").stat().st_size > 10_000


def test_failed_encode_leaves_no_partial_file(tmp_path, speech_cache, monkeypatch):
    from acuguide.audio import render as render_mod

    monkeypatch.setitem(render_mod.FORMATS, "mp3", ["-c:a", "libmp3lame", "-b:a", "not-a-bitrate"])
    result = CliRunner().invoke(
        cli, ["render", str(E2E), "-o", str(tmp_path), "--cache-dir", str(speech_cache), "--engine", "fake"]
    )
    assert result.exit_code == 4
    assert "Error: ffmpeg failed to encode e2e" in result.output
    assert list(tmp_path.iterdir()) == []


def test_missing_ffmpeg_is_a_clear_error(tmp_path, speech_cache, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None if name == "ffmpeg" else "/usr/bin/" + name)
    result = CliRunner().invoke(
        cli, ["render", str(E2E), "-o", str(tmp_path), "--cache-dir", str(speech_cache), "--engine", "fake"]
    )
    assert result.exit_code == 4
    assert "Error: ffmpeg is not installed; install it with: sudo apt-get install ffmpeg" in result.output
    assert list(tmp_path.iterdir()) == []


def test_same_routine_engine_and_settings_give_the_same_bytes_even_from_a_fresh_cache(rendered, tmp_path):
    out, timeline, _ = rendered
    engine = timeline["speech"]["engine"]
    args = ["render", str(E2E), "-o", str(tmp_path), "--cache-dir", str(tmp_path / "cache"), "--engine", engine]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "e2e.mp3").read_bytes() == (out / "e2e.mp3").read_bytes()
    assert (tmp_path / "e2e.json").read_text() == (out / "e2e.json").read_text()


def test_espeak_under_load_keeps_its_rate_and_bytes(tmp_path):
    """Two renders at once, each from an empty cache: under load pyttsx3 once lost the rate
    for a worker's phrases, so a quarter of them came out a third faster."""
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "acuguide",
                "render",
                str(E2E),
                "--engine",
                "espeak",
                "--cache-dir",
                str(tmp_path / f"cache{i}"),
                "-o",
                str(tmp_path / f"out{i}"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        for i in (1, 2)
    ]
    assert [run.wait(300) for run in runs] == [0, 0], [run.stderr.read() for run in runs]
    assert (tmp_path / "out1" / "e2e.mp3").read_bytes() == (tmp_path / "out2" / "e2e.mp3").read_bytes()
