"""Faults injected into real renders: signals, a full disk, an unwritable folder, a damaged or
shared cache, an engine that hangs or dies. Nothing half-done, nothing lost."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import wave

import pytest
from click.testing import CliRunner
from conftest import HERE
from faulty_engines import Dying, Hanging

from acuguide.cli import cli
from acuguide.errors import SpeechError
from acuguide.speech import Synthesizer, Voice
from acuguide.timeline import layout

pytestmark = pytest.mark.faults

E2E = str(HERE / "routines" / "e2e.yaml")


def _as_at_a_terminal() -> None:
    """Ctrl-C as a terminal delivers it: a shell that starts a job in the background (as a CI
    runner may) has it ignore SIGINT, and Python then never raises KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def acuguide(*args, cwd, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "acuguide", *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, preexec_fn=_as_at_a_terminal, **kw)  # fmt: skip


def snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("sig,status,word", [(signal.SIGTERM, 143, "Terminated"), (signal.SIGINT, 130, "Interrupted")])
def test_a_signal_mid_render_stops_everything_and_keeps_the_earlier_render(sig, status, word, tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp)}
    base = ["render", "lower-back", "--engine", "fake", "--cache-dir", str(tmp_path / "cache"), "-o", "out"]
    first = acuguide(*base, cwd=tmp_path, env=env)
    assert first.wait(120) == 0, first.stderr.read()
    before = snapshot(tmp_path / "out")
    second = acuguide(*base, "--stereo", cwd=tmp_path, env=env)
    for line in second.stderr:  # wait until it is encoding: ffmpeg and a partial file exist
        if line.startswith("Encoding"):
            break
    deadline = time.monotonic() + 10
    while not any(p.stat().st_size for p in (tmp_path / "out").glob(".*.partial.mp3")) and time.monotonic() < deadline:
        time.sleep(0.01)  # the encoder has written into the partial file: mid-render, whatever the machine's load
    second.send_signal(sig)
    assert second.wait(30) == status
    assert second.stderr.read().strip().splitlines()[-1] == f"{word}; no partial files were left."
    assert snapshot(tmp_path / "out") == before  # the earlier render, whole; no partial file beside it
    assert list(tmp.iterdir()) == []  # no temporary file or folder left
    ps = subprocess.run(
        ["pgrep", "-f", tmp_path.name], capture_output=True, text=True
    )  # only this test's own processes
    assert ps.stdout == ""


def test_sigterm_during_a_parallel_batch_leaves_no_partial_file_and_no_ffmpeg(tmp_path):
    """The pool's workers are asked to stop (SIGTERM) and unwind, not killed mid-write: a
    killed worker left its partial files, and its ffmpeg went on writing them."""
    base = ["render", "lower-back", "stress", "--engine", "fake", "--cache-dir", str(tmp_path / "cache"), "-o", "out"]
    assert acuguide(*base, "-o", "warm", cwd=tmp_path).wait(180) == 0  # every phrase and clip cached
    batch = acuguide(*base, "--jobs", "2", cwd=tmp_path)
    for line in batch.stderr:
        if line.startswith("Rendering 2 sessions"):
            break
    time.sleep(2.0)  # both workers started and encoding
    batch.send_signal(signal.SIGTERM)
    assert batch.wait(30) == 143
    assert batch.stderr.read().strip().splitlines()[-1] == "Terminated; no partial files were left."
    time.sleep(0.5)
    left = sorted(p.name for p in (tmp_path / "out").iterdir()) if (tmp_path / "out").exists() else []
    assert not [name for name in left if "partial" in name or "tagged" in name], left
    assert {name.rsplit(".", 1)[0] for name in left if name.endswith(".mp3")} <= {
        n.rsplit(".", 1)[0] for n in left if n.endswith(".json")
    }
    ps = subprocess.run(["pgrep", "-f", f"ffmpeg.*{tmp_path.name}"], capture_output=True, text=True)
    assert ps.stdout == ""


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs util-linux unshare")
def test_a_full_disk_is_a_clear_error_with_nothing_half_written(tmp_path):
    """The output folder is a 300 kB tmpfs in a namespace of the test's own: it fills mid-encode."""
    cache, out = tmp_path / "cache", tmp_path / "out"
    out.mkdir()
    warm = acuguide("render", E2E, "--engine", "fake", "--cache-dir", str(cache), "-o", "warm", cwd=tmp_path)
    assert warm.wait(120) == 0
    render = f"{sys.executable} -m acuguide render {E2E} --engine fake --cache-dir {cache} -o {out}"
    full = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                           f"mount -t tmpfs -o size=300k tmpfs {out} && {render}; status=$?; ls -A {out}; exit $status"],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert full.returncode == 4, full.stderr
    assert f"Error: cannot write the session files in {out}: no space left on the disk" in full.stderr
    assert "Traceback" not in full.stderr
    assert full.stdout == ""  # ls -A inside the namespace: no partial file


def test_an_output_folder_that_cannot_be_made_is_a_clear_error(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    result = CliRunner().invoke(
        cli,
        ["render", E2E, "--engine", "fake", "--cache-dir", str(tmp_path / "c"), "-o", str(tmp_path / "file" / "out")],
    )
    assert result.exit_code == 4
    assert f"Error: cannot write the session files in {tmp_path / 'file' / 'out'}: Not a directory" in result.output


def test_two_renders_sharing_one_cache_at_once_do_not_corrupt_it(tmp_path):
    cache = str(tmp_path / "cache")
    runs = [
        acuguide("render", E2E, "--engine", "fake", "--cache-dir", cache, "-o", f"out{i}", cwd=tmp_path) for i in (1, 2)
    ]
    assert [r.wait(120) for r in runs] == [0, 0], [r.stderr.read() for r in runs]
    assert snapshot(tmp_path / "out1") == snapshot(tmp_path / "out2")
    entries = list((tmp_path / "cache").rglob("*.wav"))
    assert entries and not list((tmp_path / "cache").rglob("*.partial*"))
    for entry in entries:
        with wave.open(str(entry)) as w:
            assert w.getnframes() > 0


@pytest.mark.parametrize("damage", ["truncated", "empty", "not a wav"])
def test_a_damaged_cache_entry_is_spoken_again_and_replaced(damage, tmp_path):
    synth = Synthesizer(Voice("fake"), layout.SAMPLE_RATE, tmp_path)
    good = synth.clips(["Relax your shoulders."])["Relax your shoulders."]
    entry = next(tmp_path.rglob("*.wav"))
    data = entry.read_bytes()
    entry.write_bytes({"truncated": data[: len(data) // 2], "empty": b"", "not a wav": b"hello" * 100}[damage])
    again = Synthesizer(Voice("fake"), layout.SAMPLE_RATE, tmp_path)
    assert again.clips(["Relax your shoulders."])["Relax your shoulders."] == good
    assert again.synthesized == 1
    assert entry.read_bytes() == data


@pytest.mark.parametrize("engine,text,message", [
    (Hanging, "Hang.", "fake did not speak 'Hang.' within 2 s; it may be hung"),
    (Dying, "Die.", "the fake speech worker died while trying to speak 'Die.'"),
])  # fmt: skip
def test_an_engine_that_hangs_or_dies_is_an_error_naming_the_phrase_and_the_next_run_works(
    engine, text, message, tmp_path
):
    synth = Synthesizer(Voice("fake"), layout.SAMPLE_RATE, tmp_path, jobs=1, timeout=2, engine=engine(Voice("fake")))
    started = time.monotonic()
    with pytest.raises(SpeechError, match=message):
        synth.clips(["Fine.", text, "Also fine."])
    assert time.monotonic() - started < 10
    assert synth.clips(["Also fine."])["Also fine."].samples > 0


@pytest.mark.parametrize(
    "damage", [lambda data: data[:100], lambda data: data[:40] + bytes(len(data) - 40), lambda data: b""]
)
def test_a_damaged_prepared_clip_is_made_again(tmp_path, damage):
    import numpy as np

    from acuguide.audio.clipcache import ClipCache

    pcm = (np.sin(np.arange(2205) / 5) * 8000).astype("<i2").tobytes()
    cache = ClipCache(tmp_path, 22050, 44100)
    first = cache.get(pcm)
    path = cache.path(pcm)
    path.write_bytes(damage(path.read_bytes()))
    again = cache.get(pcm)
    np.testing.assert_array_equal(first.samples, again.samples)
    assert ClipCache(tmp_path, 22050, 44100).get(pcm).cells.tolist() == first.cells.tolist()  # and stored whole again
