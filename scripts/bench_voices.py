"""Benchmark speech voices: how fast each is made, and how often a recogniser understands it.

A session is heard with closed eyes, so the default voice should be the one understood most
often, and "understood" needs a number. An offline recogniser (pocketsphinx, the `bench`
extra) transcribes each phrase, and the phrase is *identified* when, of all the phrases in
the set, its own text is strictly closest to the transcript (lowest word error rate): the
listener's own task, telling which of the session's sentences was said. pocketsphinx is far
weaker than a human listener, so the figures rank voices; they do not measure them.

Default mode: for each voice below, speak the phrase set (the distinct phrases of four or
more words of every shipped routine; a deterministic, evenly spread sample of --limit of
them, sorted, because recognition takes most of the time) from a cold cache, once with one
worker and once with one per core, and report the real-time factor (seconds of audio made
per second of wall clock) of each; then identify every clip, as the synthesizer made it at
16 kHz, with PAD seconds of silence either side. The reference text is the engine's own
normalisation ('BL23' -> 'Bladder 23'). The clips identified are the one-worker run's, the
same on any machine: an eSpeak NG phrase depends on what its worker spoke before it.

--render mode: the same identification on a rendered session: every distinct spoken cue of
four or more words is cut from the decoded file at its timeline times, PAD seconds wider.

--calibrate mode: no recogniser; each engine's real pace at its default rate, fitted over all
the shipped phrases, to check that `rate` means words per minute in every engine.

Usage: .venv/bin/python scripts/bench_voices.py [--engines espeak,piper] [--limit N]
       .venv/bin/python scripts/bench_voices.py --calibrate
       .venv/bin/python scripts/bench_voices.py --render output/lower-back.mp3 output/lower-back.json [--limit N]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import multiprocessing
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from acuguide.audio import ffmpeg
from acuguide.routine import load, shipped_routines
from acuguide.speech import Synthesizer, VoiceSettings, make_engine
from acuguide.speech.espeak import RATE_FACTOR
from acuguide.timeline.plan import plan_routine

PYTTSX3_DEFAULT_WPM = round(200 / RATE_FACTOR)  # pyttsx3's default hands eSpeak NG its rate setting 200
VOICES = (  # (engine, voice, words per minute)
    ("espeak", "gmw/en", PYTTSX3_DEFAULT_WPM),  # pyttsx3's own default voice and rate
    ("espeak", "en-us", 150),
    ("espeak", "en-us+klatt4", 130),
    ("espeak", "en-us+klatt4", 150),
    ("espeak", "en-us+klatt4", 200),
    ("espeak", "en-us+klatt", 150),
    ("espeak", "en-us+klatt2", 150),
    ("piper", "joe", 150),
    ("piper", "joe", 180),
)
ASR_RATE = 16000  # what pocketsphinx's English model expects
MIN_WORDS = 4  # shorter phrases ("And out.") are too alike to tell apart by ear or recogniser
PAD = 0.1  # seconds of audio either side of a clip or of a cue cut from a session
NOT_SPEECH = ("bell", "tone")

ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen").split()  # fmt: skip
TENS = "- - twenty thirty forty fifty sixty seventy eighty ninety".split()


@dataclass(frozen=True)
class Result:
    text: str
    heard: str
    wer: float  # against its own text
    identified: bool
    rival: str  # the closest other text


def number_words(n: int) -> str:
    """23 -> 'twenty three', as an engine reads it."""
    if n >= 1000:
        return f"{number_words(n // 1000)} thousand" + (f" {number_words(n % 1000)}" if n % 1000 else "")
    if n >= 100:
        return f"{ONES[n // 100]} hundred" + (f" {number_words(n % 100)}" if n % 100 else "")
    if n >= 20:
        return TENS[n // 10] + (f" {ONES[n % 10]}" if n % 10 else "")
    return ONES[n]


def words(text: str) -> list[str]:
    """Lower-case words without punctuation, numbers spelled out: what a recogniser can write."""
    text = re.sub(r"(\d+)\.(\d+)", lambda m: f"{m[1]} point {' '.join(m[2])}", text.lower())
    text = re.sub(r"\d+", lambda m: number_words(int(m[0])), text)
    return re.findall(r"[a-z]+(?:'[a-z]+)*", text)


def word_error_rate(reference: list[str], heard: list[str]) -> float:
    row = list(range(len(heard) + 1))  # word-level edit distance, one row at a time
    for i, ref_word in enumerate(reference, 1):
        diagonal, row[0] = row[0], i
        for j, heard_word in enumerate(heard, 1):
            diagonal, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, diagonal + (ref_word != heard_word))
    return row[-1] / len(reference)


def identify(references: dict[str, list[str]], heard: dict[str, list[str]]) -> list[Result]:
    """Closed-set identification: each text is a hit only if no other text is as close to what was heard."""
    results = []
    for text, said in heard.items():
        own = word_error_rate(references[text], said)
        others = ((word_error_rate(ref, said), other) for other, ref in references.items() if other != text)
        rival_wer, rival = min(others, default=(math.inf, ""))
        results.append(Result(text, " ".join(said), own, own < rival_wer, rival))
    return results


def sample(texts: list[str], limit: int) -> list[str]:
    """`limit` of the sorted texts, evenly spread, or all of them if there are no more."""
    texts = sorted(texts)
    if len(texts) <= limit:
        return texts
    return [texts[i * len(texts) // limit] for i in range(limit)]


def shipped_phrases() -> list[str]:
    """Distinct phrases of MIN_WORDS or more words of every shipped routine, sorted."""
    phrases = {p for name in shipped_routines() for p in plan_routine(load(name)).phrases}
    return sorted(p for p in phrases if len(p.split()) >= MIN_WORDS)


def _transcribe(pcm: bytes) -> list[str]:
    """The words heard in one clip, by a fresh decoder: a reused one carries state from clip to clip."""
    from pocketsphinx import Decoder

    decoder = Decoder(samprate=ASR_RATE, loglevel="FATAL")
    decoder.start_utt()
    decoder.process_raw(pcm, full_utt=True)
    decoder.end_utt()
    hypothesis = decoder.hyp()
    return words(hypothesis.hypstr) if hypothesis else []


def transcribe(clips: dict[str, bytes]) -> dict[str, list[str]]:
    """The words heard in each clip (mono s16le at ASR_RATE), on every core."""
    with multiprocessing.get_context("spawn").Pool(os.cpu_count()) as pool:
        return dict(zip(clips, pool.map(_transcribe, clips.values(), chunksize=1)))


def real_time_factor(settings: VoiceSettings, texts: list[str], jobs: int) -> tuple[float, dict[str, bytes]]:
    """(audio seconds per wall-clock second from a cold cache, the clips at ASR_RATE)."""
    with tempfile.TemporaryDirectory(prefix="acuguide-bench-") as cache:
        synthesizer = Synthesizer(settings, ASR_RATE, Path(cache), jobs=jobs)
        start = time.perf_counter()
        clips = synthesizer.clips(texts)
        wall = time.perf_counter() - start
    return sum(clip.seconds for clip in clips.values()) / wall, {text: clip.pcm for text, clip in clips.items()}


def bench_voices(engines: set[str], limit: int) -> None:
    everything = shipped_phrases()
    texts = sample(everything, limit)
    cores = os.cpu_count()
    silence = bytes(2 * round(PAD * ASR_RATE))  # as around a cue cut from a session; a cold start is misheard
    print(f"phrases: {len(texts)} of the {len(everything)} of {MIN_WORDS}+ words in the shipped routines\n")
    print(f"| engine | voice | rate | RTF jobs=1 | RTF jobs={cores} | identified | mean WER |")
    print("|---|---|---|---:|---:|---:|---:|")
    for engine, voice, rate in (v for v in VOICES if v[0] in engines):
        settings = VoiceSettings(engine, voice, rate)
        serial, clips = real_time_factor(settings, texts, 1)  # the clips to identify: see the docstring
        parallel, _ = real_time_factor(settings, texts, cores)
        normalize = make_engine(settings).normalize
        heard = transcribe({text: silence + pcm + silence for text, pcm in clips.items()})
        results = identify({t: words(normalize(t)) for t in texts}, heard)
        rtf = f"{serial:.1f} | {parallel:.1f}"
        print(f"| {engine} | {voice} | {rate} | {rtf} | {identified(results)} | {mean_wer(results):.2f} |", flush=True)


def bench_render(mp3: Path, timeline_path: Path, limit: int) -> None:
    timeline = json.loads(timeline_path.read_text())
    speech = timeline["speech"]
    normalize = make_engine(VoiceSettings(speech["engine"], speech["voice"], speech["rate"])).normalize
    first_cue = {}
    for cue in timeline["cues"]:
        if cue["kind"] not in NOT_SPEECH and len(cue["text"].split()) >= MIN_WORDS:
            first_cue.setdefault(cue["text"], cue)
    texts = sample(list(first_cue), limit)
    audio, _ = ffmpeg.decode(mp3, ASR_RATE)
    clips = {}
    for text in texts:
        start, end = (round(t * ASR_RATE) for t in (first_cue[text]["start"] - PAD, first_cue[text]["end"] + PAD))
        clips[text] = audio[2 * max(0, start) : 2 * end]
    results = identify({t: words(normalize(t)) for t in texts}, transcribe(clips))
    voice = f"{speech['engine']} {speech['voice']} at {speech['rate']} wpm"
    print(f"{mp3.name} ({voice}): identified {identified(results)}, mean WER {mean_wer(results):.2f}")
    for r in (r for r in results if not r.identified):
        print(f"  missed: {r.text!r}\n    heard:  {r.heard!r} (WER {r.wer:.2f})\n    closer or as close: {r.rival!r}")


def calibrate(engines: set[str]) -> None:
    """Each engine's real pace at its default rate on every shipped phrase (no recogniser).

    Fits seconds = a * words + b over the trimmed clips: 60 / a is the pace in words a
    minute, which the engines' rate mappings are set to match; b is the onset and final
    fall of a phrase, speech.engine.PHRASE_PAD.
    """
    phrases = sorted({p for name in shipped_routines() for p in plan_routine(load(name)).phrases})
    print(f"phrases: all {len(phrases)} of the shipped routines\n")
    print("| engine | voice | rate asked | pace measured (wpm) | onset per phrase (s) |")
    print("|---|---|---:|---:|---:|")
    for engine in sorted(engines):
        settings = VoiceSettings(engine)
        with tempfile.TemporaryDirectory(prefix="acuguide-calibrate-") as cache:
            synthesizer = Synthesizer(settings, ASR_RATE, Path(cache))
            clips = synthesizer.clips(phrases)
        points = [(len(text.split()), clips[text].seconds) for text in phrases]
        n = len(points)
        mean_w, mean_s = sum(w for w, _ in points) / n, sum(s for _, s in points) / n
        slope = sum((w - mean_w) * (s - mean_s) for w, s in points) / sum((w - mean_w) ** 2 for w, _ in points)
        engine_obj = synthesizer.engine
        print(f"| {engine} | {engine_obj.voice} | {engine_obj.rate} | {60 / slope:.1f} | {mean_s - slope * mean_w:.2f} |", flush=True)


def identified(results: list[Result]) -> str:
    """'k of n (p%)'."""
    hits = sum(r.identified for r in results)
    return f"{hits} of {len(results)} ({100 * hits / len(results):.0f}%)"


def mean_wer(results: list[Result]) -> float:
    return sum(r.wer for r in results) / len(results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default="espeak,piper", help="comma-separated engines to bench (default: both)")
    parser.add_argument(
        "--limit", type=int, default=50, help="phrases to use, an even sample of the sorted set (default 50)"
    )
    parser.add_argument(
        "--render", nargs=2, type=Path, metavar=("MP3", "TIMELINE_JSON"), help="check a rendered session"
    )
    parser.add_argument("--calibrate", action="store_true", help="measure each engine's real pace at its default rate")
    args = parser.parse_args()
    if args.calibrate:
        calibrate(set(args.engines.split(",")))
        return
    if importlib.util.find_spec("pocketsphinx") is None:
        sys.exit("pocketsphinx is not installed; install it with: pip install 'acuguide[bench]'")
    if args.limit < 2:
        parser.error("--limit must be at least 2: identification needs phrases to choose among")
    if args.render:
        bench_render(*args.render, args.limit)
    else:
        engines = set(args.engines.split(","))
        unknown = engines - {engine for engine, _, _ in VOICES}
        if unknown:
            parser.error(f"no voices benched for {', '.join(sorted(unknown))}; engines: espeak, piper")
        bench_voices(engines, args.limit)


if __name__ == "__main__":
    main()
