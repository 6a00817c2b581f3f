"""A session worth listening to: loudness, chapters, tags, breathing styles, bells, ambience,
formats and reproducible bytes, all measured on real renders."""

from __future__ import annotations

import hashlib
import json

import pytest
from audio import decode, ebur128, rms_db
from click.testing import CliRunner
from conftest import HERE
from mutagen.id3 import ID3

from acuguide.audio import ambient, sounds
from acuguide.cli import cli
from acuguide.timeline.layout import SAMPLE_RATE

pytestmark = pytest.mark.audio
TOLERANCE = 0.020
E2E = str(HERE / "routines" / "e2e.yaml")


def render(tmp_path, speech_cache, *args, routine=E2E):
    result = CliRunner().invoke(cli, ["render", routine, "-o", str(tmp_path), "--cache-dir", str(speech_cache), *args])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def e2e(tmp_path_factory, speech_cache):
    out = tmp_path_factory.mktemp("e2e")
    render(out, speech_cache)
    return out / "e2e.mp3", json.loads((out / "e2e.json").read_text())


def test_mono_mp3_meets_minus_19_lufs_and_minus_1_dbtp(e2e):
    path, timeline = e2e
    integrated, peak = ebur128(path)
    assert abs(integrated - -19.0) <= 1.0
    assert peak <= -1.0
    assert timeline["loudness"]["result"] == pytest.approx(integrated, abs=0.15)


def test_stereo_meets_minus_16_lufs(tmp_path, speech_cache):
    render(tmp_path, speech_cache, "--stereo")
    integrated, peak = ebur128(tmp_path / "e2e.mp3")
    assert abs(integrated - -16.0) <= 1.0 and peak <= -1.0


def test_loudness_flag_sets_another_target(tmp_path, speech_cache):
    render(tmp_path, speech_cache, "--loudness", "-23", "--format", "wav")
    integrated, peak = ebur128(tmp_path / "e2e.wav")
    assert abs(integrated - -23.0) <= 1.0 and peak <= -1.0


def test_chapters_read_back_with_mutagen_match_the_timeline(e2e):
    path, timeline = e2e
    tags = ID3(path)
    toc = tags.getall("CTOC")[0]
    chapters = [tags[f"CHAP:{element}"] for element in toc.child_element_ids]
    read = [(c.sub_frames["TIT2"].text[0], c.start_time, c.end_time) for c in chapters]
    expected = [(c["title"], round(c["start"] * 1000), round(c["end"] * 1000)) for c in timeline["chapters"]]
    assert read == expected
    titles = [title for title, _, _ in read]
    assert "BL23 Sea of Vitality, left, round 1" in titles
    assert "BL23 Sea of Vitality, right, round 2" in titles
    assert "GV4 Gate of Life" in titles


def test_id3_tags(e2e):
    tags = ID3(e2e[0])
    assert tags["TIT2"].text == ["Timing Check"]
    assert tags["TPE1"].text == ["acuguide"]
    assert tags["TALB"].text == ["acuguide sessions"]
    assert tags["TLAN"].text == ["eng"]  # ISO 639-2, from the catalog
    assert "A short session that exercises every kind of timed event." in str(tags.getall("COMM")[0].text)


def test_same_routine_and_settings_give_the_same_bytes(e2e, tmp_path, speech_cache):
    render(tmp_path, speech_cache)
    digest = lambda p: hashlib.sha256(p.read_bytes()).hexdigest()  # noqa: E731
    assert digest(tmp_path / "e2e.mp3") == digest(e2e[0])
    assert (tmp_path / "e2e.json").read_text() == (e2e[0].parent / "e2e.json").read_text()


@pytest.mark.parametrize("style", ["voice", "tone", "count"])
def test_breathing_phase_boundaries_are_heard_on_time(style, tmp_path, speech_cache, write_routine):
    path = write_routine(
        f"""
        title: Breathing {style}
        safety: short
        bells: off
        defaults:
          breathing: {{pattern: box, style: {style}}}
        steps:
          - breathe: {{pattern: 4-7-8, cycles: 1}}
          - point: GV4
            hold: 19s
    """,
        name=f"breathing-{style}.yaml",
    )
    render(tmp_path, speech_cache, routine=str(path))
    timeline = json.loads((tmp_path / f"breathing-{style}.json").read_text())
    audio = decode(tmp_path / f"breathing-{style}.mp3", timeline["loudness"]["gain"])
    cues = [c for c in timeline["cues"] if c["kind"] in ("breath", "tone")]
    hold = timeline["holds"][0]
    box_inside = [c for c in cues if hold["start"] <= c["start"] < hold["end"]]
    if style == "tone":  # rising tone through each inhale, falling through each exhale, silence on holds
        assert [c["text"] for c in cues[:2]] == ["(rising tone)", "(falling tone)"]
        assert [c["end"] - c["start"] for c in cues[:2]] == pytest.approx([4, 8], abs=1e-6)
    if style == "count":  # 4-7-8 counted: every count lands on its second
        counts = cues[:19]
        assert [c["text"] for c in counts[:5]] == ["In.", "Two.", "Three.", "Four.", "Hold."]
        assert [round(c["start"] - counts[0]["start"], 6) for c in counts] == list(range(19))
    # box breathing inside the hold: cues at 1, 5, 9, 13 s (tone: only the in and out phases)
    offsets = sorted({round(c["start"] - hold["start"], 6) for c in box_inside})
    expected = {"voice": [1, 5, 9, 13], "tone": [1, 9]}.get(style, list(range(1, 17)))
    assert offsets == expected
    everything = timeline["cues"]
    for cue in cues:
        i = everything.index(cue)
        start = audio.first_sound((everything[i - 1]["end"] + cue["start"]) / 2, cue["end"])
        assert abs(start - cue["start"]) <= TOLERANCE, cue
        end = audio.last_sound(cue["start"], (cue["end"] + everything[i + 1]["start"]) / 2)
        assert abs(end - cue["end"]) <= TOLERANCE, cue


def test_bells_are_synthesized_and_placed_at_start_between_points_and_end(e2e):
    _, timeline = e2e
    bells = [c for c in timeline["cues"] if c["kind"] == "bell"]
    points = [c for c in timeline["cues"] if c["kind"] == "point"]
    assert bells[0]["start"] < timeline["cues"][1]["start"]  # the session opens with a bell
    assert bells[-1] is timeline["cues"][-1]  # and closes with one
    assert any(points[0]["end"] < b["start"] < points[-1]["start"] for b in bells)  # one between the points
    pcm = sounds.bell(SAMPLE_RATE)
    assert 2.0 < len(pcm) / 2 / SAMPLE_RATE <= 3.0


def test_no_bells_flag(tmp_path, speech_cache):
    render(tmp_path, speech_cache, "--no-bells", "--format", "wav")
    timeline = json.loads((tmp_path / "e2e.json").read_text())
    assert not [c for c in timeline["cues"] if c["kind"] == "bell"]


def test_ambient_bed_stays_well_below_speech_and_ducks_under_it(tmp_path, speech_cache):
    render(tmp_path, speech_cache, "--ambient", "noise", "--format", "wav")
    timeline = json.loads((tmp_path / "e2e.json").read_text())
    audio = decode(tmp_path / "e2e.wav")
    speech = [c for c in timeline["cues"] if c["kind"] in ("say", "point", "title") and c["end"] - c["start"] > 1]
    speech_level = min(rms_db(audio, c["start"], c["end"]) for c in speech)
    # the bed alone: the pause step (4 s of silence in the foreground), away from its edges
    release = max((c for c in timeline["cues"] if c["step"] == "steps[0]"), key=lambda c: c["end"])
    bed_level = rms_db(audio, release["end"] + 1.5, release["end"] + 4.3)
    assert bed_level > -60, "the bed should be audible where nothing else plays"
    assert speech_level - bed_level >= 12, (speech_level, bed_level)
    # ducking: right after a phrase the bed is still held down, below where it settles
    just_after = rms_db(audio, release["end"] + 0.02, release["end"] + 0.25)
    assert just_after < bed_level - 2
    integrated, peak = ebur128(tmp_path / "e2e.wav")
    assert abs(integrated - -19.0) <= 1.0 and peak <= -1.0


def test_ambient_bed_loops_without_a_seam():
    import math
    from array import array

    source = array("h", (round(8000 * math.sin(2 * math.pi * 3.3 * i / 1000)) for i in range(10_000)))
    loop = ambient.seamless_loop(source, rate=1000)
    jump_at_seam = abs(loop[0] - loop[-1])
    typical_step = max(abs(a - b) for a, b in zip(source, source[1:]))
    assert jump_at_seam <= 2 * typical_step


def test_user_ambient_file(tmp_path, speech_cache):
    bed = tmp_path / "rain.wav"
    import wave

    with wave.open(str(bed), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(
            b"".join(int(v * 20000).to_bytes(2, "little", signed=True) for v in sounds.noise_bed(SAMPLE_RATE, 5.0))
        )
    out = tmp_path / "out"
    render(out, speech_cache, "--ambient", str(bed), "--format", "ogg")
    integrated, peak = ebur128(out / "e2e.ogg")
    assert abs(integrated - -19.0) <= 1.0 and peak <= -1.0


def test_missing_ambient_file_is_a_clear_error(tmp_path, speech_cache):
    result = CliRunner().invoke(cli, ["render", E2E, "-o", str(tmp_path), "--ambient", "nope.ogg"])
    assert result.exit_code == 1
    assert "Error: --ambient nope.ogg: no such audio file" in result.output


@pytest.mark.parametrize("fmt", ["wav", "ogg"])
def test_other_formats_on_request(fmt, tmp_path, speech_cache):
    render(tmp_path, speech_cache, "--format", fmt)
    timeline = json.loads((tmp_path / "e2e.json").read_text())
    audio = decode(tmp_path / f"e2e.{fmt}")
    assert audio.rate == 44100
    assert abs(audio.duration - timeline["duration"]) < 0.05


def test_batch_render_writes_a_playlist_with_real_durations_and_track_numbers(tmp_path, speech_cache, write_routine):
    second = write_routine("title: Second\nsteps:\n  - say: A second short session.\n", name="second.yaml")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["render", E2E, str(second), "-o", str(out), "--cache-dir", str(speech_cache)])
    assert result.exit_code == 0, result.output
    playlist = (out / "acuguide.m3u").read_text().splitlines()
    durations = [json.loads((out / f"{n}.json").read_text())["duration"] for n in ("e2e", "second")]
    assert playlist == [
        "#EXTM3U",
        f"#EXTINF:{round(durations[0])},Timing Check",
        "e2e.mp3",
        f"#EXTINF:{round(durations[1])},Second",
        "second.mp3",
    ]
    assert ID3(out / "second.mp3")["TRCK"].text == ["2/2"]


def test_chapter_frames_are_stored_in_time_order(e2e):
    """Players that read ID3 frames in stored order must see the chapters in time order."""
    path, timeline = e2e
    data = path.read_bytes()
    tag = data[: 10 + ID3(path).size]
    starts, at = [], tag.find(b"CHAP")
    while at != -1:
        element_end = tag.index(b"\x00", at + 10)
        starts.append(int.from_bytes(tag[element_end + 1 : element_end + 5], "big"))
        at = tag.find(b"CHAP", element_end)
    assert starts == [round(c["start"] * 1000) for c in timeline["chapters"]]
    assert tag.index(b"COMM") < tag.index(b"CHAP")  # the comment frame is a real COMM, not TXXX
    assert b"TXXX" not in tag
