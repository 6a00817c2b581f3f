"""Benchmark rendering against its floor, the encoder, with every figure from this one run.

Reports, as ratios so that the machine's speed cancels out:
- warm render / encode-only: `acuguide render lower-back` with every phrase cached, against
  one plain LAME encode (ffmpeg, same bitrate) of that session's final PCM;
- cold render / encode-only: the same render from an empty phrase cache, on every core and
  on one (what speaking on every core gains);
- cold render / its floor: the floor is lower-back's distinct phrases spoken by Piper alone
  (its own API, one process per core, longest phrases first) plus the warm render;
- batch speed-up: all shipped routines rendered with --jobs 1 and with --jobs N (warm), and
  whether the two gave the same bytes;
- seconds per audio minute for synthetic sessions of about 10, 60 and 180 minutes, with the
  peak memory of each render process against the 10-minute one;
- the largest distance between a cue on the timeline and where speech is heard in the
  decoded lower-back MP3;
- with --profile, where a warm render's time goes (cProfile, top entries).

Each render runs in its own process, as a user runs it. `--tree DIR` benchmarks another
checkout's code (its src/) with this script, e.g. the commit before a change.

Usage: .venv/bin/python scripts/bench_render.py [--tree DIR] [--jobs N] [--profile] [--keep DIR]
"""

from __future__ import annotations

import argparse
import cProfile
import filecmp
import io
import json
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def synthetic_routine(minutes: int) -> str:
    """A routine of about `minutes` minutes: one-minute holds on the lower back, repeated."""
    steps = max(1, round(minutes * 60 / 760))  # a step of ten one-minute rounds lasts about 12.7 minutes
    step = "  - point: BL23\n    sides: together\n    repeat: 10\n"
    return (
        f"title: Bench {minutes} minutes\nsafety: short\ndefaults: {{hold: 60s, breathing: calm, rest: 5s}}\nsteps:\n"
        + step * steps
    )


class Bench:
    def __init__(self, tree: Path):
        self.env = {**os.environ, "PYTHONPATH": str(tree / "src")}
        self.cpu = 0.0  # CPU seconds (user + system) of the last render and every process it waited for

    def render(self, args: list[str], out: Path, cache: Path, cores: str | None = None) -> tuple[float, float]:
        """(wall seconds, peak RSS in MiB of the render process) of `acuguide render ARGS`,
        on the CPUs `cores` (taskset's list, e.g. "0") or on all of them."""
        start = time.perf_counter()
        command = [sys.executable, "-m", "acuguide", "render", *args, "-o", str(out), "--cache-dir", str(cache)]
        command = ["taskset", "-c", cores, *command] if cores else command
        with tempfile.TemporaryFile() as errors:  # a file, not a pipe: progress bars could fill a pipe and stall
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=self.env)
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - start
            self.cpu = usage.ru_utime + usage.ru_stime
            if os.waitstatus_to_exitcode(status) != 0:
                errors.seek(0)
                sys.exit(f"render {' '.join(args)} failed: {errors.read().decode()[-500:]}")
        return wall, usage.ru_maxrss / 1024

    def has_jobs(self) -> bool:
        usage = subprocess.run(
            [sys.executable, "-m", "acuguide", "render", "--help"], capture_output=True, text=True, env=self.env
        )
        return "--jobs" in usage.stdout


def encode_only(wav: Path, out: Path) -> float:
    """One plain LAME encode of final PCM, as the render's encoder is set (mono, 64 kb/s)."""
    start = time.perf_counter()
    subprocess.run(["ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-i", str(wav), "-c:a", "libmp3lame",
                    "-b:a", "64k", "-id3v2_version", "3", "-write_xing", "1", "-y", str(out)], check=True)  # fmt: skip
    return time.perf_counter() - start


def duration(out: Path, slug: str) -> float:
    return json.loads((out / f"{slug}.json").read_text())["duration"]


def timing_error(out: Path, slug: str) -> float:
    from audio import decode

    timeline = json.loads((out / f"{slug}.json").read_text())
    audio = decode(out / f"{slug}.mp3")
    cues, worst = timeline["cues"], 0.0
    for i, cue in enumerate(cues):
        before = cues[i - 1]["end"] if i else 0.0
        after = cues[i + 1]["start"] if i + 1 < len(cues) else timeline["duration"]
        start = audio.first_sound((before + cue["start"]) / 2, cue["end"])
        end = audio.last_sound(cue["start"], (cue["end"] + after) / 2)
        worst = max(worst, abs(start - cue["start"]), abs(end - cue["end"]))
    return worst


def piper_floor(tree: Path, cores: int) -> float:
    """Wall seconds for Piper alone to speak lower-back's distinct phrases, as the render sends
    them (normalised, same length scale, no noise, one thread), on `cores` processes."""
    sys.path.insert(0, str(tree / "src"))
    import multiprocessing

    from acuguide.pipeline import session as build
    from acuguide.speech.registry import make_engine
    from acuguide.timeline.plan import plan_routine

    routine, voice = build.load_batch(["lower-back"])[0]
    engine = make_engine(voice)
    engine.check()
    plan = plan_routine(routine)
    texts = sorted({engine.normalize(text) for text in plan.phrases}, key=len, reverse=True)
    shares = [texts[i::cores] for i in range(cores)]
    start = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(cores) as pool:
        pool.starmap(_speak_alone, [(str(engine.model), str(engine.config), engine.length_scale, s) for s in shares])
    return time.perf_counter() - start


def _speak_alone(model: str, config: str, length_scale: float, texts: list[str]) -> None:
    import onnxruntime
    from piper import PiperVoice
    from piper.config import PiperConfig, SynthesisConfig

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    voice = PiperVoice(
        config=PiperConfig.from_dict(json.loads(Path(config).read_text(encoding="utf-8"))),
        session=onnxruntime.InferenceSession(model, sess_options=options, providers=["CPUExecutionProvider"]),
        download_dir=Path(tempfile.gettempdir()),
    )
    settings = SynthesisConfig(length_scale=length_scale, noise_scale=0.0, noise_w_scale=0.0, normalize_audio=False)
    for text in texts:
        for _ in voice.synthesize(text, settings):
            pass


def shipped(tree: Path) -> list[str]:
    return sorted(p.stem for p in (tree / "data" / "routines").glob("*.yaml"))


def profile(tree: Path, work: Path, cache: Path) -> str:
    """cProfile of a warm in-process render of lower-back: the top entries by own time."""
    sys.path.insert(0, str(tree / "src"))
    from acuguide.audio import render
    from acuguide.pipeline import session as build

    routine, voice = build.load_batch(["lower-back"])[0]
    profiler = cProfile.Profile()
    profiler.enable()
    compiled = build.compile_routine(routine, voice, cache)
    render.render_session(compiled.script, compiled.clips, work / "profile", render.RenderSettings(), cache_dir=cache)
    profiler.disable()
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(12)
    return text.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose code is measured")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)), help="parallel jobs for the batch")
    parser.add_argument("--profile", action="store_true", help="also profile a warm render")
    parser.add_argument("--keep", type=Path, help="keep the rendered files in this folder")
    args = parser.parse_args()
    bench, tree = Bench(args.tree.resolve()), args.tree.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        cache, out = work / "cache", work / "out"
        rows = []

        cold_one_core, _ = bench.render(["lower-back"], work / "one-core", work / "cold-one-core", cores="0")
        cold, _ = bench.render(["lower-back"], out, work / "cold-cache")
        warm, rss = bench.render(["lower-back"], out, work / "cold-cache")
        bench.render(["lower-back", "--format", "wav"], work / "wav", work / "cold-cache")
        encode = encode_only(work / "wav" / "lower-back.wav", work / "plain.mp3")
        floor = piper_floor(tree, len(os.sched_getaffinity(0)))
        minutes = duration(out, "lower-back") / 60
        print(f"lower-back: {minutes:.1f} min of audio")
        print(f"  encode only (LAME, 64 kb/s mono): {encode:6.2f} s")
        print(f"  warm render: {warm:6.2f} s  = {warm / encode:.2f}x encode-only")
        print(f"  cold render: {cold:6.2f} s  = {cold / encode:.2f}x encode-only "
              f"(on one core: {cold_one_core:.2f} s, so every core gives {cold_one_core / cold:.2f}x)")  # fmt: skip
        print(f"  Piper alone, distinct phrases on every core: {floor:6.2f} s; "
              f"cold render / (that + warm render) = {cold / (floor + warm):.2f}x")  # fmt: skip

        routines = shipped(tree)
        one = ["--jobs", "1"] if bench.has_jobs() else []  # a tree from before --jobs renders one at a time
        bench.render(routines + one, work / "warmup", cache)  # speak every phrase once
        shutil.rmtree(work / "warmup")
        serial, _ = bench.render(routines + one, work / "batch-1", cache)
        serial_cpu = bench.cpu
        parallel = (
            bench.render(routines + ["--jobs", str(args.jobs)], work / f"batch-{args.jobs}", cache)[0] if one else None
        )
        if parallel:
            same = not filecmp.dircmp(work / "batch-1", work / f"batch-{args.jobs}").diff_files
            audio = sum(duration(work / "batch-1", slug) for slug in routines) / 60
            print(f"batch of {len(routines)} shipped routines ({audio:.0f} min of audio), warm:")
            print(f"  --jobs 1: {serial:6.2f} s   --jobs {args.jobs}: {parallel:6.2f} s   speed-up {serial / parallel:.2f}x   "
                  f"same bytes: {'yes' if same else 'NO'}")  # fmt: skip
            # One job at a time already keeps more than a core busy (the check's decoder and the mix
            # beside the encoder), so N cores can give at most N / (cores one job keeps busy).
            busy = serial_cpu / serial
            print(f"  CPU: {serial_cpu:6.2f} s / {bench.cpu:6.2f} s = {busy:.2f} / {bench.cpu / parallel:.2f} cores busy; "
                  f"{args.jobs} cores allow at most {args.jobs / busy:.2f}x")  # fmt: skip
        else:
            print(
                f"batch of {len(routines)} shipped routines, one at a time: {serial:6.2f} s (this tree has no --jobs)"
            )

        rows.append(("lower-back", minutes, warm, rss))
        for length in (10, 60, 180):
            path = work / f"bench-{length}.yaml"
            path.write_text(synthetic_routine(length))
            bench.render([str(path)], out, cache)  # warm the cache
            wall, peak = bench.render([str(path)], out, cache)
            rows.append((f"synthetic {length}", duration(out, path.stem) / 60, wall, peak))
        base = rows[1][3]
        print(
            f"{'session':<14} {'audio':>8} {'render':>8} {'s per audio min':>16} {'peak RSS':>10} {'RSS vs 10 min':>14}"
        )
        for name, audio_min, wall, peak in rows:
            print(
                f"{name:<14} {audio_min:7.1f}m {wall:7.2f}s {wall / audio_min:16.3f} {peak:8.1f}MiB {peak / base:13.2f}x"
            )
        # Last: decoding the MP3 here makes this process large, and a child forked after it
        # would report this process's size as its own peak.
        print(
            f"largest cue timing error in the decoded lower-back MP3: {timing_error(out, 'lower-back') * 1000:.1f} ms"
        )
        if args.profile:
            print(profile(tree, work, work / "cold-cache"))


if __name__ == "__main__":
    main()
