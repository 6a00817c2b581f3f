"""The shape of the package as a user meets it: commands that do not speak need no engine,
no ffmpeg and none of the audio stack."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

HEAVY = ("numpy", "onnxruntime", "pyttsx3", "piper")


def _run(code: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)


@pytest.mark.parametrize("args", [["--help"], ["check", "lower-back"], ["script", "lower-back"], ["routines"], ["points", "BL23"]])
def test_commands_that_do_not_speak_import_no_audio_stack(args, tmp_path):
    code = f"""
import sys
from acuguide.cli import cli
try:
    cli({args!r}, prog_name="acuguide", standalone_mode=False)
finally:
    print("HEAVY", sorted({{m.split(".")[0] for m in sys.modules}} & {set(HEAVY)!r}), file=sys.stderr)
"""
    result = _run(code, {**os.environ, "ACUGUIDE_CACHE_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "HEAVY []" in result.stderr, result.stderr


@pytest.fixture
def bare_path(tmp_path):
    """A PATH with neither espeak-ng nor ffmpeg on it: only this Python."""
    (tmp_path / "bin").mkdir()
    return {**os.environ, "PATH": str(tmp_path / "bin"), "ACUGUIDE_CACHE_DIR": str(tmp_path / "cache")}


def _acuguide(env, *args):
    return subprocess.run([sys.executable, "-m", "acuguide", *args], capture_output=True, text=True, timeout=120, env=env, cwd=env["PATH"])


def test_check_and_script_work_without_espeak_ng_or_ffmpeg(bare_path):
    checked = _acuguide(bare_path, "check", "lower-back")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "routines/lower-back.yaml: OK" in checked.stdout
    shown = _acuguide(bare_path, "script", "lower-back", "--engine", "espeak")
    assert shown.returncode == 0, shown.stderr
    assert "Lower Back Relief" in shown.stdout and "times are estimates" in shown.stdout


@pytest.mark.parametrize("engine", ["espeak", "piper"])
def test_render_without_its_tools_says_what_to_install(bare_path, engine):
    result = _acuguide(bare_path, "render", "lower-back", "--engine", engine, "-o", "out")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "install" in result.stderr and ("ffmpeg" in result.stderr or "espeak-ng" in result.stderr), result.stderr
