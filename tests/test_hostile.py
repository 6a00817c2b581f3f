"""Hostile and odd input: every kind gets a located, actionable error, never a traceback,
and `check` and `render` agree (a refused render leaves nothing behind)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from acuguide.cli import cli

BAD = [
    ("deep nesting", "title: T\nsteps: " + "[" * 3000 + "]" * 3000 + "\n", "line 2: nested more than 20 levels deep"),
    (
        "alias bomb",
        "a: &a [x, x]\nb: &b [*a, *a]\ntitle: T\nsteps: [*b]\n",
        "line 1: anchors and aliases (&name, *name) are not allowed",
    ),
    ("merge key", "title: T\nsteps:\n  - <<: {point: BL23}\n", "line 3: merge keys (<<) are not allowed"),
    ("null step", "title: T\nsteps:\n  - \n", "line 3: steps[0]: expected a step"),
    ("empty point", "title: T\nsteps:\n  - point:\n", "line 3: steps[0].point: expected some text, got nothing"),
    (
        "ssml",
        "title: T\nsteps:\n  - say: \"Relax <break time='3s'/> now.\"\n",
        "line 3: steps[0].say: \"<break time='3s'/>\" looks like speech-engine markup, which is not spoken text; "
        "acuguide passes no markup to an engine: write plain words, and use a pause: step for silence",
    ),
    (
        "espeak phonemes",
        "title: T\nsteps:\n  - say: Say [[h@'loU]] now.\n",
        "steps[0].say: '[[' looks like speech-engine markup",
    ),
    (
        "control character",
        'title: T\nsteps:\n  - say: "Ring \\x07 now."\n',
        "steps[0].say: the control character '\\x07' is not spoken text",
    ),
    (
        "markup in a point's name",
        "title: T\nsteps:\n  - point: BL23\n    name: <emphasis>Here</emphasis>\n",
        "line 4: steps[0].name:",
    ),
    ("huge number", "title: T\nsteps:\n  - pause: " + "9" * 400 + "\n", "steps[0].pause: expected a duration like 45s"),
    (
        "count style past twenty",
        "title: T\nbreathing:\n  long: {in: 4, out: 24}\nsteps:\n  - breathe: {pattern: long, style: count}\n",
        "line 5: steps[0].breathe: the count style counts each second up to 20, but pattern 'long' has a 24 s phase",
    ),
    (
        "breathing longer than the hold",
        "title: T\nsteps:\n  - point: BL23\n    hold: 10s\n    breathing: box\n",
        "line 5: steps[0].breathing: a 10s hold has no room for a 16 s cycle of 'box' after the 1 s settle",
    ),
    (
        "unknown engine",
        "title: T\nvoice: {engine: festival}\nsteps:\n  - say: Hi.\n",
        "line 2: voice.engine: unknown engine 'festival'",
    ),
]


@pytest.mark.parametrize("text,expected", [(t, e) for _, t, e in BAD], ids=[n for n, _, _ in BAD])
def test_hostile_routine_gets_a_located_error_from_check_and_render_alike(text, expected, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    checked = CliRunner().invoke(cli, ["check", str(path)])
    assert checked.exit_code == 1, checked.output
    assert expected in checked.output
    assert "Traceback" not in checked.output
    out = tmp_path / "out"
    rendered = CliRunner().invoke(
        cli, ["render", str(path), "-o", str(out), "--engine", "fake", "--cache-dir", str(tmp_path / "c")]
    )
    assert rendered.exit_code == 1 and expected in rendered.output
    assert not out.exists() or not list(out.iterdir())


def test_a_custom_pattern_with_a_bad_value_is_one_error_not_two(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(
        "title: T\nbreathing:\n  slow: {in: abc, out: 6}\ndefaults: {breathing: slow}\nsteps:\n  - say: Hi.\n"
    )
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert "line 3: breathing.slow.in: expected a duration" in result.output
    assert "unknown breathing pattern" not in result.output
    assert "1 problem found" in result.output


@pytest.mark.parametrize("off", ["off", "none", "no", "false"])
def test_one_vocabulary_for_off_everywhere(off, tmp_path):
    path = tmp_path / "off.yaml"
    path.write_text(
        f"title: T\nsafety: {off}\nbells: {{start: {off}, steps: on}}\nambient: {off}\n"
        f"defaults: {{breathing: {off}}}\nsteps:\n  - say: Hi.\n"
    )
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert "safety: off: the spoken safety note is turned off" in result.output


def test_inherited_breathing_too_long_for_a_hold_is_a_note_not_silence(tmp_path):
    path = tmp_path / "n.yaml"
    path.write_text("title: T\ndefaults: {breathing: box}\nsteps:\n  - point: BL23\n    hold: 10s\n")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 0
    assert "note: " in result.output and "line 4: steps[0].breathing: a 10s hold has no room" in result.output


@pytest.mark.parametrize(
    "name,data,expected",
    [
        (
            "latin1.yaml",
            "title: Caf\u00e9\nsteps:\n  - say: Hi.\n".encode("latin-1"),
            "line 1: byte 0xe9 at offset 10 is not UTF-8; save the file as UTF-8",
        ),
        ("binary.yaml", b"\x7fELF\x02\x01\x01\x00\x00\x00", "line 1: this is a binary file, not YAML text"),
        (
            "huge.yaml",
            b"title: T\nsteps:\n" + b"  - say: Hello there.\n" * 50000,
            "a routine may be at most 1,000,000 (1 MB)",
        ),
    ],
)
def test_files_that_are_not_routines(name, data, expected, tmp_path):
    path = tmp_path / name
    path.write_bytes(data)
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1 and expected in result.output


def test_byte_order_mark_and_crlf_are_fine(tmp_path):
    path = tmp_path / "win.yaml"
    path.write_bytes("\ufefftitle: T\r\nsteps:\r\n  - say: Hello.\r\n".encode())
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 0, result.output


def test_a_mistyped_shipped_routine_gets_a_did_you_mean():
    result = CliRunner().invoke(cli, ["check", "lower-bak"])
    assert result.exit_code == 1
    assert (
        "Error: lower-bak: no such routine file, and no shipped routine of that name; did you mean lower-back?"
        in result.output
    )


def test_a_missing_voice_in_a_batch_is_refused_before_anything_is_spoken(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text("title: Good\nsteps:\n  - say: Fine.\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: Bad\nvoice: {engine: fake, name: nobody}\nsteps:\n  - say: Fine.\n")
    cache, out = tmp_path / "cache", tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["render", str(good), str(bad), "--cache-dir", str(cache), "-o", str(out), "--engine", "fake"]
    )
    assert result.exit_code == 1  # a wrong choice of voice, not a failure to speak
    assert "Error: fake has no voice 'nobody'; voices here: tone, tone-16k" in result.output
    assert not cache.exists() and not out.exists()


def test_two_routines_that_would_write_one_file_are_refused_up_front(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.yaml").write_text("title: Same\nsteps:\n  - say: Hi.\n")
    result = CliRunner().invoke(cli, ["render", str(tmp_path / "a" / "same.yaml"), str(tmp_path / "b" / "same.yaml"),
                                      "--engine", "fake", "-o", str(tmp_path / "out")])  # fmt: skip
    assert result.exit_code == 2
    assert "would both write same.mp3; rename one, or render them into different folders with -o" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.process
def test_an_ambient_file_that_is_not_audio_is_refused_before_speech(tmp_path):
    text = tmp_path / "README.md"
    text.write_text("# not audio\n")
    result = CliRunner().invoke(cli, ["render", "desk-break", "--ambient", str(text), "--engine", "fake",
                                      "--cache-dir", str(tmp_path / "c"), "-o", str(tmp_path / "out")])  # fmt: skip
    assert result.exit_code == 1
    assert f"Error: the ambient sound {text} is not audio ffmpeg can read" in result.output
    assert "ffmpeg version" not in result.output
    assert not (tmp_path / "c").exists() and not (tmp_path / "out").exists()


def test_a_marker_longer_than_its_hold_is_an_error_not_silence(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("title: T\nsteps:\n  - point: BL23\n    hold: 60s\n    markers: [90s]\n")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    assert "line 5: steps[0].markers: a 1m30s left marker cannot be said in a 1m hold" in result.output


def test_check_reports_a_voice_the_engine_does_not_have(tmp_path):
    path = tmp_path / "v.yaml"
    path.write_text("title: T\nvoice: {engine: fake, name: jane}\nsteps:\n  - say: Hi.\n")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    assert "v.yaml: voice: fake has no voice 'jane'; voices here: tone, tone-16k" in result.output


@pytest.mark.process
def test_output_piped_into_head_stops_quietly():
    import subprocess
    import sys

    result = subprocess.run(
        f"{sys.executable} -m acuguide points | head -1", shell=True, capture_output=True, text=True
    )
    assert result.stdout.startswith("CV6") and "Error" not in result.stderr
