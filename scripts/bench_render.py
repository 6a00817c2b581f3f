"""Benchmark rendering: time and memory against session length, and timing accuracy.

Renders the default routine and synthetic sessions of about 10, 60 and 180 minutes, each in
its own process (so peak memory is that render's and its ffmpeg's), with a warm speech
cache so the figures are about assembly and encoding: a loudness pass over the mix, the
encode, and a decode of the file to check its loudness, peak and length. Reports ratios measured in this one run: render
time per minute of audio, and peak memory relative to the 10-minute session. Then decodes
the default routine's MP3 and reports the largest distance between a cue on the timeline and
where speech is actually heard.

Usage: .venv/bin/python scripts/bench_render.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
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
        f"title: Bench {minutes} minutes\nsafety: short\n"
        "defaults: {hold: 60s, breathing: calm, rest: 5s}\n"
        "steps:\n" + step * steps
    )


def render(routine: str, out: Path, cache: Path) -> tuple[float, float, float]:
    """(wall seconds, peak RSS in MiB of the render process, audio seconds)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "acuguide", "render", routine, "-o", str(out), "--cache-dir", str(cache)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"render of {routine} failed")
    slug = Path(routine).stem
    duration = json.loads((out / f"{slug}.json").read_text())["duration"]
    return wall, usage.ru_maxrss / 1024, duration


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="keep the rendered files in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        out, cache = args.keep or work / "out", work / "cache"
        routines = {"lower-back": "lower-back"}
        for minutes in (10, 60, 180):
            path = work / f"bench-{minutes}.yaml"
            path.write_text(synthetic_routine(minutes))
            routines[f"{minutes} min synthetic"] = str(path)
        for routine in routines.values():  # warm the speech cache
            render(routine, out, cache)
        results = {name: render(routine, out, cache) for name, routine in routines.items()}
        base_rss = results["10 min synthetic"][1]
        print(f"{'session':<20} {'audio':>8} {'render':>8} {'s per audio min':>16} {'peak RSS':>10} {'RSS vs 10 min':>14}")
        for name, (wall, rss, duration) in results.items():
            print(
                f"{name:<20} {duration / 60:7.1f}m {wall:7.2f}s {wall / (duration / 60):16.3f} "
                f"{rss:8.1f}MiB {rss / base_rss:13.2f}x"
            )
        print(f"largest timing error, lower-back: {timing_error(out, 'lower-back') * 1000:.1f} ms")


if __name__ == "__main__":
    main()
