"""The command line: thin commands, clear errors, fast paths free of audio imports."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import HERE

from acuguide.cli import cli
from acuguide.routine import shipped_routines


def test_help_check_and_points_never_import_the_audio_stack():
    code = (
        "import sys; from click.testing import CliRunner; from acuguide.cli import cli; r = CliRunner();"
        "assert r.invoke(cli, ['--help']).exit_code == 0;"
        "assert r.invoke(cli, ['check', 'lower-back']).exit_code == 0;"
        "assert r.invoke(cli, ['points', 'BL23']).exit_code == 0;"
        "print(sorted(m for m in ('pyttsx3', 'pydub') if m in sys.modules))"
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
    assert result.output.startswith("BL52  Sea of Vitality (Zhishi), bilateral")


def test_points_lists_the_library():
    result = CliRunner().invoke(cli, ["points"])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) >= 29


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


@pytest.mark.audio
def test_script_shows_the_timeline_as_text_and_json(speech_cache):
    e2e = str(HERE / "routines" / "e2e.yaml")
    text = CliRunner().invoke(cli, ["script", e2e, "--cache-dir", str(speech_cache)])
    assert text.exit_code == 0, text.output
    assert "hold       BL23 left, round 1: 14 s" in text.output
    as_json = CliRunner().invoke(cli, ["script", e2e, "--format", "json", "--cache-dir", str(speech_cache)])
    assert '"holds": [' in as_json.output


@pytest.mark.audio
def test_routines_lists_every_shipped_routine_with_length(speech_cache):
    result = CliRunner().invoke(cli, ["routines", "--cache-dir", str(speech_cache)])
    assert result.exit_code == 0, result.output
    for name in shipped_routines():
        assert name in result.output
    assert "Lower Back Relief" in result.output


def test_rate_is_validated_by_the_cli():
    result = CliRunner().invoke(cli, ["render", "lower-back", "--rate", "5"])
    assert result.exit_code == 2
    assert "Invalid value for '--rate'" in result.output
