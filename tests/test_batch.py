"""Batches: in parallel, and on a Dask cluster, with the same bytes as one after another.

These go through eSpeak NG, numpy and ffmpeg for real; the parallel runs use spawned
processes and a local Dask cluster that the test starts itself.
"""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import HERE

from acuguide.cli import cli

pytestmark = pytest.mark.audio

E2E = HERE / "routines" / "e2e.yaml"


@pytest.fixture(scope="module")
def two_routines(tmp_path_factory):
    """Two small sessions (the end-to-end routine under two names) and a warm shared cache."""
    folder = tmp_path_factory.mktemp("routines")
    first, second = folder / "first.yaml", folder / "second.yaml"
    shutil.copy(E2E, first)
    second.write_text(E2E.read_text(encoding="utf-8").replace("title:", "title: Second,", 1), encoding="utf-8")
    return [str(first), str(second)], folder / "cache"


def render(args, cache, out, *extra):
    result = CliRunner().invoke(cli, ["render", *args, "-o", str(out), "--cache-dir", str(cache), *extra])
    return result


def files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def serial(two_routines, tmp_path_factory):
    args, cache = two_routines
    out = tmp_path_factory.mktemp("serial")
    result = render(args, cache, out, "--jobs", "1")
    assert result.exit_code == 0, result.output
    return files(out)


def test_parallel_batch_gives_the_bytes_of_a_serial_one(two_routines, serial, tmp_path):
    args, cache = two_routines
    result = render(args, cache, tmp_path, "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert "Rendering 2 sessions, 2 at a time" in result.output
    assert files(tmp_path) == serial
    assert {"first.mp3", "second.mp3", "acuguide.m3u"} <= set(serial)


def test_one_failure_is_named_and_the_others_keep_their_files(two_routines, serial, tmp_path):
    args, cache = two_routines
    (tmp_path / "second.mp3").mkdir()  # the second session cannot be put in place
    result = render(args, cache, tmp_path, "--jobs", "2")
    assert result.exit_code == 4  # the failure's own code: the disk, not the routine
    assert "Error: second: cannot write the session files" in result.output
    assert "1 of 2 sessions failed (second); the others were written" in result.output
    assert (tmp_path / "first.mp3").read_bytes() == serial["first.mp3"]
    assert not (tmp_path / "second.json").exists() and not (tmp_path / "acuguide.m3u").exists()


def test_a_dask_cluster_renders_the_same_bytes(two_routines, serial, tmp_path):
    distributed = pytest.importorskip("distributed", reason="the cluster extra: pip install 'acuguide[cluster]'")
    args, cache = two_routines
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = render(args, cache, tmp_path, "--scheduler", cluster.scheduler_address)
    assert result.exit_code == 0, result.output
    assert files(tmp_path) == serial


def test_scheduler_needs_a_shared_cache(two_routines, tmp_path):
    result = CliRunner().invoke(
        cli, ["render", two_routines[0][0], "-o", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1"]
    )
    assert result.exit_code == 2
    assert "--scheduler needs --cache-dir" in result.output


def test_an_unreachable_scheduler_is_a_clear_error(two_routines, tmp_path):
    args, cache = two_routines
    result = render(args[:1], cache, tmp_path, "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 2
    assert "Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
    assert list(tmp_path.iterdir()) == []


def test_a_scheduler_that_is_not_an_address_is_a_clear_error(two_routines, tmp_path):
    args, cache = two_routines
    result = render(args[:1], cache, tmp_path, "--scheduler", "tcp://127.0.0.1:notaport")
    assert result.exit_code == 2
    assert "Error: cannot reach the Dask scheduler at tcp://127.0.0.1:notaport" in result.output
    assert "give an address like tcp://host:8786" in result.output


def test_one_session_rendered_here_reads_no_phrase_back_from_the_cache_it_just_wrote(tmp_path, monkeypatch):
    """Phase 1 speaks every phrase into the cache; phase 2, in the same process, uses those
    clips instead of reading the WAVs back: each phrase's cache entry is looked up once."""
    from collections import Counter

    from acuguide.speech.cache import SpeechCache

    looked_up: Counter = Counter()
    get = SpeechCache.get

    def counting(self, spoken):
        looked_up[spoken] += 1
        return get(self, spoken)

    monkeypatch.setattr(SpeechCache, "get", counting)
    result = CliRunner().invoke(cli, ["render", "desk-break", "--engine", "fake", "-o", str(tmp_path / "out"),
                                      "--cache-dir", str(tmp_path / "cache"), "--jobs", "1"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert looked_up and max(looked_up.values()) == 1, looked_up.most_common(3)


def test_a_routine_rendered_in_each_language_into_one_folder_keeps_every_file(tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    for language in ("en", "es", "de"):
        result = CliRunner().invoke(cli, ["render", "desk-break", "--language", language, "--engine", "fake",
                                          "-o", str(out), "--cache-dir", str(cache)])  # fmt: skip
        assert result.exit_code == 0, result.output
    written = {p.stem for p in out.glob("*.mp3")}
    assert written == {"desk-break", "desk-break-es", "desk-break-de"}
    timelines = {slug: json.loads((out / f"{slug}.json").read_text()) for slug in written}
    assert [timelines[s].get("language", "en") for s in ("desk-break", "desk-break-es", "desk-break-de")] == [
        "en",
        "es",
        "de",
    ]
