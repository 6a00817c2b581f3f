"""The command line: thin commands, clear errors, fast paths free of audio imports."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import HERE

from acuguide.cli import cli
from acuguide.routine import load, shipped_routines
from acuguide.speech import DEFAULT_ENGINE
from acuguide.timeline.plan import plan_routine


@pytest.mark.process
def test_help_check_and_points_never_import_the_audio_stack():
    code = (
        "import sys; from click.testing import CliRunner; from acuguide.cli import cli; r = CliRunner();"
        "assert r.invoke(cli, ['--help']).exit_code == 0;"
        "assert r.invoke(cli, ['check', 'lower-back']).exit_code == 0;"
        "assert r.invoke(cli, ['points', 'BL23']).exit_code == 0;"
        "assert r.invoke(cli, ['script', 'lower-back', '--engine', 'fake']).exit_code == 0;"
        "print(sorted(m for m in ('pyttsx3', 'pydub', 'piper', 'onnxruntime', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_points_query_by_use_shows_location_and_cautions():
    result = CliRunner().invoke(cli, ["points", "sciatica"])
    assert result.exit_code == 0
    assert "GB30  Jumping Circle" in result.output
    assert "location:" in result.output and "caution:" in result.output


def test_points_by_alias():
    result = CliRunner().invoke(cli, ["points", "b47"])
    assert result.output.startswith("BL52  Will Chamber (Zhishi), bilateral")


def test_points_lists_the_library():
    result = CliRunner().invoke(cli, ["points"])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) >= 29


@pytest.mark.parametrize("spelling", ["BI-43", "bi 43", "Bl.43"])
def test_points_by_the_bladder_spellings_of_the_articles(spelling):
    result = CliRunner().invoke(cli, ["points", spelling])
    assert result.output.startswith("BL43  Vital Diaphragm (Gaohuang), bilateral"), result.output


def test_points_picture_as_svg(tmp_path):
    result = CliRunner().invoke(cli, ["points", "gb20", "--picture", str(tmp_path / "gb20.svg")])
    assert result.exit_code == 0, result.output
    svg = (tmp_path / "gb20.svg").read_text()
    assert svg.startswith("<svg") and "GB20" in svg and "Wind Pool" in svg


@pytest.mark.process
def test_points_picture_as_png(tmp_path):
    result = CliRunner().invoke(cli, ["points", "BL23", "--picture", str(tmp_path / "x.png")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "x.png").read_bytes().startswith(b"\x89PNG\r\n")


@pytest.mark.parametrize("args, message", [
    (["points", "back", "--picture", "x.png"], "'back' matches 23 points (GV4, GV9"),
    (["points", "--picture", "x.png"], "--picture needs a point"),
    (["points", "BL23", "--picture", "x.gif"], "give a file name ending in .svg or .png"),
])  # fmt: skip
def test_points_picture_refuses_what_it_cannot_draw(tmp_path, args, message):
    result = CliRunner().invoke(cli, [*args[:-1], str(tmp_path / args[-1])])
    assert result.exit_code in (1, 2, 4) and message in result.output, result.output
    assert list(tmp_path.iterdir()) == []


def test_points_unknown_query_suggests():
    result = CliRunner().invoke(cli, ["points", "BL322"])
    assert result.exit_code == 1
    assert "Error: no point matches 'BL322'; did you mean BL32" in result.output


def test_render_avoid_pregnancy_names_each_point_and_step(tmp_path):
    result = CliRunner().invoke(cli, ["render", "desk-break", "--avoid", "pregnancy", "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "routines/desk-break.yaml, line" in result.output
    assert "GB21 (Shoulder Well) is traditionally avoided in pregnancy" in result.output
    assert "LI4" in result.output
    assert list(tmp_path.iterdir()) == []


def test_avoid_in_the_routine_itself(write_routine, tmp_path):
    path = write_routine("title: T\navoid: [pregnancy]\nsteps:\n  - point: SP6\n")
    result = CliRunner().invoke(cli, ["script", str(path)])
    assert result.exit_code == 1
    assert f"Error: {path}, line 4: steps[0].point: SP6" in result.output


def test_script_estimates_without_speaking_then_measures_with_exact(tmp_path):
    e2e = str(HERE / "routines" / "e2e.yaml")
    cache = tmp_path / "cache"
    text = CliRunner().invoke(cli, ["script", e2e, "--engine", "fake", "--cache-dir", str(cache)])
    assert text.exit_code == 0, text.output
    assert "hold       BL23 left, round 1: 14 s" in text.output
    phrases = len(plan_routine(load(e2e)).phrases)  # every distinct phrase, none spoken yet
    assert f"times are estimates: {phrases} phrases are not spoken yet" in text.output
    assert not cache.exists()  # nothing spoken, nothing written
    exact = CliRunner().invoke(cli, ["script", e2e, "--engine", "fake", "--cache-dir", str(cache), "--exact"])
    assert exact.exit_code == 0 and "estimates" not in exact.output
    assert "spoken by fake, voice tone, 150 words a minute" in exact.output
    as_json = CliRunner().invoke(
        cli, ["script", e2e, "--format", "json", "--engine", "fake", "--cache-dir", str(cache)]
    )
    assert '"holds": [' in as_json.output
    assert '"speech": {\n    "engine": "fake"' in as_json.output


def test_script_shows_words_as_written_not_as_the_engine_reads_them(tmp_path):
    result = CliRunner().invoke(cli, ["script", "lower-back", "--engine", "fake", "--cache-dir", str(tmp_path)])
    assert "Sea of Vitality. BL23." in result.output
    assert "Bladder 23" not in result.output


def test_routines_lists_every_shipped_routine_with_length(tmp_path):
    result = CliRunner().invoke(cli, ["routines", "--cache-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for name in shipped_routines():
        assert name in result.output
    assert "Lower Back Relief" in result.output
    assert "~11:" in result.output  # estimated, nothing cached


@pytest.mark.process
def test_voices_lists_every_engine_for_listening_and_marks_the_default():
    result = CliRunner().invoke(cli, ["voices"])
    assert result.exit_code == 0
    assert "espeak" in result.output and "en-us " in result.output
    assert "piper" in result.output and "joe " in result.output
    assert f"{DEFAULT_ENGINE} (the default engine): " in result.output
    assert "fake" not in result.output  # test tones are not a voice


def test_an_engine_named_in_the_routine_is_checked(write_routine):
    path = write_routine("title: T\nvoice: {engine: pipr}\nsteps:\n  - say: Hi.\n")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    assert (
        "line 2: voice.engine: unknown engine 'pipr'; did you mean 'piper'?; known: espeak, piper, fake"
        in result.output
    )


def test_rate_is_validated_by_the_cli():
    result = CliRunner().invoke(cli, ["render", "lower-back", "--rate", "5"])
    assert result.exit_code == 2
    assert "Invalid value for '--rate'" in result.output


def test_new_writes_a_starting_routine_that_passes_check_and_the_schema(tmp_path):
    import json

    import jsonschema
    import yaml

    path = tmp_path / "my-back.yaml"
    result = CliRunner().invoke(cli, ["new", str(path)])
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=routine.schema.json\n")
    assert 'title: "My Back"' in text
    checked = CliRunner().invoke(cli, ["check", str(path)])
    assert checked.exit_code == 0 and "OK" in checked.output, checked.output
    schema = json.loads(CliRunner().invoke(cli, ["schema"]).output)
    jsonschema.Draft202012Validator(schema).validate(yaml.safe_load(text))


def test_new_refuses_to_overwrite_a_file_and_leaves_it_untouched(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("title: Mine\nsteps:\n  - say: Hello.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["new", str(path)])
    assert result.exit_code == 2
    assert f"Error: {path} already exists" in result.output and "Traceback" not in result.output
    assert path.read_text(encoding="utf-8") == "title: Mine\nsteps:\n  - say: Hello.\n"
