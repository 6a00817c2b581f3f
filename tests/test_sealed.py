"""Issue 28: what a shared routine or program may read, and inputs that crashed or leaked.

Every case gets a located error from `check` and from `render` alike (file, line, field,
what would fix it), never a traceback, never exit 70, never a partial file, never the
content of a file outside the routine's folder, and no quoted value longer than a short
excerpt."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import acuguide
from acuguide.cli import cli
from acuguide.content.points import library
from acuguide.errors import RoutineError
from acuguide.routine.load import parse

SECRET = "PRIVATE-KEY-0123456789abcdef"
LONGEST_LINE = 600  # a message with its location and advice; a quoted value is at most ~80 characters of it


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output and result.exit_code != 70, result.output
    assert "internal error" not in result.output, result.output
    return result


def refused_alike(path, expected, tmp_path):
    """`check` and `render` both refuse `path` with `expected` in the message, writing nothing."""
    checked = run("check", path)
    assert checked.exit_code == 1, checked.output
    assert expected in checked.output, checked.output
    out = tmp_path / "out"
    rendered = run("render", path, "-o", out, "--engine", "fake", "--cache-dir", tmp_path / "cache")
    assert rendered.exit_code == 1, rendered.output
    assert expected in rendered.output, rendered.output
    assert not out.exists() or not list(out.iterdir())
    for output in (checked.output, rendered.output):
        assert SECRET not in output
        assert max(len(line) for line in output.splitlines()) < LONGEST_LINE, output[:2000]
    return checked.output


@pytest.fixture
def secret(tmp_path):
    """A private file outside the folder a shared routine is in."""
    private = tmp_path / "private"
    private.mkdir()
    key = private / "id_rsa"
    key.write_text(f"-----BEGIN-----\n{SECRET}\n-----END-----\n")
    shared = tmp_path / "shared"
    shared.mkdir()
    return shared, key


def routine(folder, text, name="r.yaml"):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("how", ["relative", "absolute", "link"])
def test_a_points_file_outside_the_routines_folder_is_refused_unread(secret, tmp_path, how):
    shared, key = secret
    if how == "link":
        os.symlink(key, shared / "points.yaml")
        name = "points.yaml"
    else:
        name = "../private/id_rsa" if how == "relative" else str(key)
    path = routine(shared, f"title: T\npoints: {name}\nsteps:\n  - say: Hi.\n")
    out = refused_alike(path, "line 2: points: ", tmp_path)
    assert "outside the routine's folder" in out


def test_etc_passwd_as_points_is_refused_unread(tmp_path):
    path = routine(tmp_path, "title: T\npoints: ../../../../../../../etc/passwd\nsteps:\n  - say: Hi.\n")
    out = refused_alike(path, "line 2: points: ", tmp_path)
    assert "root:" not in out


@pytest.mark.parametrize("kind", ["folder", "fifo", "loop", "device"])
def test_a_points_file_that_is_no_regular_file_is_refused(tmp_path, kind):
    target = tmp_path / "pts.yaml"
    if kind == "folder":
        target.mkdir()
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "loop":
        os.symlink(tmp_path / "other.yaml", target)
        os.symlink(target, tmp_path / "other.yaml")
    else:
        os.symlink("/dev/zero", target)
    path = routine(tmp_path, "title: T\npoints: pts.yaml\nsteps:\n  - say: Hi.\n")
    refused_alike(path, "line 2: points: ", tmp_path)


def test_an_ambient_file_outside_the_routines_folder_is_refused(secret, tmp_path):
    shared, key = secret
    path = routine(shared, "title: T\nambient: ../private/id_rsa\nsteps:\n  - say: Hi.\n")
    refused_alike(path, "line 2: ambient.sound: ", tmp_path)


@pytest.mark.parametrize(
    "where",
    [
        "title: {x}\nsteps:\n  - say: Hi.\n",
        "{x}\n",
        "title: T\n{x}: 1\nsteps:\n  - say: Hi.\n",
        "title: T\nsteps:\n  - point: {x}\n",
        "title: T\nsteps:\n  - {x}: 1\n",
        "title: T\ndefaults: {{breathing: {x}}}\nsteps:\n  - say: Hi.\n",
        "title: T\nsteps:\n  - point: BL23\n    tool: {x}\n",
        "title: T\nvoice: {{engine: {x}}}\nsteps:\n  - say: Hi.\n",
    ],
)
def test_a_huge_value_is_quoted_as_a_short_excerpt(tmp_path, where):
    refused_alike(routine(tmp_path, where.format(x="x" * 300_000)), "r.yaml", tmp_path)


def test_a_plain_title_that_looks_like_a_wrong_date_is_text(tmp_path):
    assert run("check", routine(tmp_path, "title: 2024-13-45\nsteps:\n  - say: Hi.\n")).exit_code == 0


@pytest.mark.parametrize("text,expected", [
    ("title: T\nsteps:\n  - pause: !!int 20s\n", "line 3: '20s' is not a !!int; remove the tag"),
    ("title: T\nsteps:\n  - pause: !!python/name:os.system\n", "line 3: "),
    ("title: T\nsteps:\n  - pause: !!python/object/apply:os.system [ls]\n", "line 3: "),
    ("title: T\nsteps:\n  - pause: !custom 20s\n", "line 3: "),
    ("title: !!binary aGk=\nsteps:\n  - say: Hi.\n", "line 1: "),
    ("title: !!float abc\nsteps:\n  - say: Hi.\n", "line 1: "),
    ("title: T\nsteps: !!map [a]\n", "line 2: "),
    ("title: T\nsteps:\n  - !!str [a]\n", "line 3: "),
    ("title: T\nsteps:\n  - point: BL23\n    hold: " + "9" * 5000 + "\n", "line 4: steps[0].hold: "),
    ("title: T\nsteps:\n  - point: BL23\n    repeat: " + "9" * 5000 + "\n", "line 4: steps[0].repeat: "),
    ("title: T\nsteps:\n  - pause: 2024-13-45\n", "line 3: steps[0].pause: "),
    ("title: T\nsteps:\n  - pause: 0x_\n", "line 3: steps[0].pause: "),
    ("title: T\n" + "9" * 5000 + ": 1\nsteps:\n  - say: Hi.\n", "line 2: "),
    ("title: T\nsteps:\n  - say: \"\u200b\u200c\u200d\ufeff\"\n", "line 3: steps[0].say: "),
    ("title: \"\u200b\u2060\"\nsteps:\n  - say: Hi.\n", "line 1: title: "),
    ("title: T\nsteps:\n  - say: " + "word " * 20_000 + "\n", "line 3: steps[0].say: "),
    ("title: T\nsteps:\n  - say: \"\\e[2J\\e[31mred\"\n", "line 3: steps[0].say: "),
    ("title: T\n\"\\e[2Jkey\": 1\nsteps:\n  - say: Hi.\n", "line 2: "),
])  # fmt: skip
def test_tags_numbers_and_unspeakable_text_get_a_located_error(tmp_path, text, expected):
    out = refused_alike(routine(tmp_path, text), expected, tmp_path)
    assert "\x1b" not in out


def test_a_855_kb_scalar_routine_gets_a_short_error(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("x" * 855_000 + "\n")
    out = refused_alike(path, "r.yaml, line 1: expected a mapping", tmp_path)
    assert len(out) < 1000


def test_zero_width_and_overlong_say_are_refused_with_the_reason(tmp_path):
    empty = refused_alike(
        routine(tmp_path, 'title: T\nsteps:\n  - say: "\u200b\u200d"\n'), "line 3: steps[0].say: ", tmp_path
    )
    assert "nothing to speak" in empty
    long = refused_alike(
        routine(tmp_path, "title: T\nsteps:\n  - say: " + "word " * 20_000 + "\n"), "line 3: steps[0].say: ", tmp_path
    )
    assert "at most" in long and "split it" in long


def test_a_cue_just_under_the_limit_is_accepted(tmp_path):
    from acuguide.yamlread import MAX_SPOKEN

    text = ("Breathe slowly and let the shoulders drop. " * 40)[:MAX_SPOKEN].strip()
    checked = run("check", routine(tmp_path, f'title: T\nsteps:\n  - say: "{text}"\n'))
    assert checked.exit_code == 0, checked.output


SCALARS = st.one_of(
    st.text(min_size=0, max_size=40),
    st.integers().map(str),
    st.from_regex(r"[0-9]{1,6000}", fullmatch=True),
    st.sampled_from(
        [
            ".nan",
            ".inf",
            "-.inf",
            "0x_",
            "0b_",
            "0o_",
            "1_000",
            "1:2:3",
            "2024-13-45",
            "2001-02-30 25:00:00",
            "~",
            "null",
            "yes",
            "off",
            "1e400",
            "-1e400",
            "0x" + "f" * 2000,
            "--> & <",
            "\u200b",
            "\U0001f600",
        ]
    ),
)
TAGS = st.sampled_from(
    [
        "",
        "!!int ",
        "!!float ",
        "!!bool ",
        "!!str ",
        "!!null ",
        "!!binary ",
        "!!timestamp ",
        "!!set ",
        "!!python/name:os.system ",
        "!!python/object:os.sep ",
        "!foo ",
        "! ",
        "!!omap ",
        "!<tag:x> ",
    ]
)
FIELDS = st.sampled_from(
    [
        "title: {v}\nsteps:\n  - say: Hi.\n",
        "title: T\nsteps:\n  - pause: {v}\n",
        "title: T\nsteps:\n  - point: {v}\n",
        "title: T\nsteps:\n  - point: BL23\n    hold: {v}\n",
        "title: T\nsteps:\n  - point: BL23\n    repeat: {v}\n",
        "title: T\nvoice: {{rate: {v}}}\nsteps:\n  - say: Hi.\n",
        "title: T\nsteps:\n  - say: {v}\n",
        "title: T\n{v}: x\nsteps:\n  - say: Hi.\n",
        "title: T\nambient: {{sound: noise, level: {v}}}\nsteps:\n  - say: Hi.\n",
        "title: T\nbreathing:\n  slow: {{in: {v}, out: 6}}\nsteps:\n  - say: Hi.\n",
    ]
)


def _yaml_scalar(value: str) -> str:
    return '"' + "".join(c if c.isprintable() and c not in '"\\' else f"\\U{ord(c):08x}" for c in value) + '"'


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=FIELDS, tag=TAGS, value=SCALARS, quoted=st.booleans())
def test_the_loader_never_crashes_on_tags_numbers_and_unicode(field, tag, value, quoted):
    """Whatever the tag, the number or the text, the loader returns a routine or raises
    `RoutineError` with located problems whose quoted values are short."""
    written = _yaml_scalar(value) if quoted or not value.isprintable() or value[:1] in "&*!|>%@`'\"#,[]{}-?:" else value
    text = field.format(v=tag + written)
    try:
        parse(text, "fuzz.yaml", "fuzz", library())
    except RoutineError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.source == "fuzz.yaml"
            assert len(str(problem)) < LONGEST_LINE, str(problem)[:300]
            assert "\x1b" not in str(problem)


def program(folder, routine_line, extra=""):
    path = folder / "p.yaml"
    path.write_text(f"title: P\nroutine: {routine_line}\nweeks: 4\n{extra}", encoding="utf-8")
    return path


def test_a_program_naming_a_routine_outside_its_folder_is_refused_unread(secret, tmp_path):
    shared, key = secret
    out = refused_alike(
        program(shared, "../private/id_rsa"),
        "p.yaml, line 2: routine: '../private/id_rsa' is outside the program's folder",
        tmp_path,
    )
    assert "BEGIN" not in out


def test_a_program_naming_no_routine_says_so_at_its_line(tmp_path):
    refused_alike(program(tmp_path, "nothere"), "p.yaml, line 2: routine: no routine file 'nothere'", tmp_path)
    refused_alike(program(tmp_path, "lower-bak"), "did you mean lower-back?", tmp_path)


def test_a_program_names_its_own_line_before_the_routines(tmp_path):
    routine(tmp_path, "title: R\nsteps:\n  - point: BL23\n    hold: abc\n")
    out = refused_alike(program(tmp_path, "r.yaml"), "p.yaml, line 2: routine: ", tmp_path)
    assert "r.yaml, line 4: steps[0].hold: expected a duration" in out


def test_a_program_scaled_too_long_names_its_hold_line_then_the_routines(tmp_path):
    path = program(tmp_path, "lower-back", "hold: {from: 10m, to: 10m}\nrepeat: {from: 20, to: 20}\n")
    refused_alike(path, "p.yaml, line 4: hold: week 1 of 4, in routines/lower-back.yaml, line ", tmp_path)


def _ffmpeg_cues(path):
    """The cue texts ffmpeg's own WebVTT or SRT reader finds in `path`."""
    import subprocess

    ass = subprocess.run(
        ["ffmpeg", "-loglevel", "error", "-i", str(path), "-f", "ass", "-"], capture_output=True, text=True, check=True
    ).stdout
    return [line.split(",", 9)[9] for line in ass.splitlines() if line.startswith("Dialogue:")]


@pytest.mark.process
def test_arrows_ampersands_and_angles_survive_a_real_subtitle_reader(tmp_path):
    import json

    said = "Breathe in --> out & relax, 1 < 2 > 0, then <3 and a<b."
    path = routine(
        tmp_path, f'title: "A --> B & C < D"\nbells: off\nsafety: off\nsteps:\n  - say: "{said}"\n  - say: Done.\n'
    )
    out = tmp_path / "out"
    result = run("render", path, "-o", out, "--engine", "fake", "--cache-dir", tmp_path / "cache")
    assert result.exit_code == 0, result.output
    cues = [c["text"] for c in json.loads((out / "r.json").read_text())["cues"] if c["kind"] not in ("bell", "tone")]
    assert said in cues
    assert _ffmpeg_cues(out / "r.vtt") == cues  # WebVTT round-trips exactly
    srt = _ffmpeg_cues(out / "r.srt")
    assert len(srt) == len(cues)
    assert "Breathe in -> out & relax, 1 < 2 > 0, then <3 and a< b." in srt
    vtt = (out / "r.vtt").read_text()
    assert vtt.count("-->") == len(cues)  # only in timing lines: never in the NOTE or a cue's text


@pytest.mark.parametrize(
    "args",
    [
        ["compose", "--for", "lower back", "--minutes", "nan"],
        ["compose", "--for", "lower back", "--minutes", "-nan"],
        ["render", "desk-break", "--loudness", "nan", "--engine", "fake"],
        ["render", "desk-break", "--loudness", "NaN"],
    ],
)
def test_nan_is_refused_by_the_range_checks(args, tmp_path):
    result = run(*args, "-o", tmp_path / ("out" if args[0] == "render" else "r.yaml"))
    assert result.exit_code == 2, result.output
    assert "is not a number" in result.output
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("text,expected", [
    ('title: T\npoints: "a\\0b"\nsteps:\n  - say: Hi.\n', "line 2: points: no points file"),
    ('title: T\nambient: "a\\0b.ogg"\nsteps:\n  - say: Hi.\n', "line 2: ambient.sound: no audio file"),
    ('title: "safe\\u202egnp.exe"\nsteps:\n  - say: Hi.\n', "line 1: title: the control character '\\u202e'"),
])  # fmt: skip
def test_names_with_nul_and_text_with_bidi_overrides(tmp_path, text, expected):
    refused_alike(routine(tmp_path, text), expected, tmp_path)


def test_a_lone_surrogate_escape_is_refused_and_a_pair_is_joined(tmp_path):
    lone = tmp_path / "lone.yaml"
    lone.write_text('title: T\nsteps:\n  - say: "Hello \\ud800 there"\n')
    refused_alike(lone, "lone.yaml, line 3: steps[0].say: a \\u escape names half a character", tmp_path)
    pair = tmp_path / "pair.yaml"
    pair.write_text('title: T\nsteps:\n  - say: "\\ud83d\\udd14 Hello"\n')
    assert run("script", pair, "--engine", "fake").exit_code == 0


def test_durations_are_ascii_digits_as_the_schema_says(tmp_path):
    path = tmp_path / "arabic.yaml"
    path.write_text('title: T\nsteps:\n  - pause: "\u0661\u0660s"\n')
    assert "line 3: steps[0].pause: expected a duration" in run("check", path).output


def test_a_voice_file_outside_the_routine_folder_is_refused_at_its_line(tmp_path):
    (tmp_path / "voices").mkdir()
    (tmp_path / "voices" / "v.onnx").write_bytes(b"x")
    (tmp_path / "mine").mkdir()
    path = tmp_path / "mine" / "r.yaml"
    path.write_text('title: T\nvoice: {engine: piper, name: "../voices/v.onnx"}\nsteps: [{say: Hello}]\n')
    refused_alike(path, "r.yaml, line 2: voice.name: '../voices/v.onnx' is outside the routine's folder", tmp_path)


def test_a_code_given_twice_in_a_points_file_is_refused_at_its_line(tmp_path):
    shipped = (Path(acuguide.__file__).parent / "content" / "points.yaml").read_text()
    entry = (
        re.search(r"^  - code: GB21\n(?:    .*\n|\s*\n)+?(?=  - code:)", shipped, re.M).group(0).replace("GB21", "XX1")
    )
    own = tmp_path / "own.yaml"
    first, again = (re.sub(r"    aliases: .*\n", f"    aliases: [{alias}]\n", entry) for alias in ("XA", "XB"))
    own.write_text("points:\n" + first + again)
    second = 2 + entry.count("\n")
    path = tmp_path / "r.yaml"
    path.write_text("title: T\npoints: own.yaml\nsteps: [{point: XX1, hold: 10s}]\n")
    result = run("check", path)
    assert result.exit_code == 1, result.output
    assert f"own.yaml, line {second}: points[1].code: the code XX1 is given twice (first at line 2)" in result.output


@pytest.mark.process
def test_a_very_long_file_name_renders_under_a_short_session_name(tmp_path):
    path = tmp_path / ("L" * 240 + ".yaml")
    path.write_text("title: T\nbells: off\nsteps: [{say: Hello}]\n")
    result = run("render", path, "-o", tmp_path / "out", "--engine", "fake", "--cache-dir", tmp_path / "cache")
    assert result.exit_code == 0 and (tmp_path / "out" / ("l" * 80 + ".mp3")).is_file()


@pytest.mark.process
def test_a_file_name_that_is_not_utf8_renders(tmp_path):
    raw = os.fsencode(tmp_path) + b"/\xff\xfe.yaml"
    with open(raw, "wb") as handle:
        handle.write(b"title: T\nbells: off\nsteps: [{say: Hello}]\n")
    result = run(
        "render", os.fsdecode(raw), "-o", tmp_path / "out", "--engine", "fake", "--cache-dir", tmp_path / "cache"
    )
    assert result.exit_code == 0 and (tmp_path / "out" / "session.mp3").is_file()


def test_srt_text_disarms_tags_arrows_and_override_blocks():
    from acuguide.publish.export import srt_text

    assert srt_text("Hi {\\an8} <i>x</i> --> {plain}") == "Hi { \\an8} < i>x< /i> -> {plain}"
