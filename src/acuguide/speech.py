"""Speak each distinct phrase once with pyttsx3 and eSpeak NG, and cache it on disk.

pyttsx3 2.99 with eSpeak NG has traps this module is built around:
- several `save_to_file` calls before one `runAndWait` write only the last file, so there is
  exactly one `save_to_file` per `runAndWait`;
- `runAndWait` can return before the file exists, so every file is waited for and checked;
- a second engine in one process, or a fork after the engine started, hangs, so one engine
  lives in one *spawned* worker process for the worker's whole life, and a reply that does
  not come in time becomes a clear error;
- it prints "Audio saved to ..." on stdout, which the worker sends to /dev/null;
- it writes 22050 Hz WAV whatever the file name says, so the header is read, not assumed.
eSpeak also pads phrases with silence (about 350 ms at the end); it is trimmed so a cue's
start and end on the timeline are where the voice starts and stops. Speech that fails is an
error, never silence.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
import wave
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from .errors import SpeechError
from .files import atomic

SAMPLE_RATE = 22050
TRIM_THRESHOLD = 160  # about -46 dBFS: below this a sample is padding, not voice
TRIM_VERSION = 1  # part of the cache key: bump when trimming changes the stored audio
INSTALL_HINT = "install it with: sudo apt-get install espeak-ng"

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class VoiceSettings:
    voice: str | None = None  # an eSpeak NG voice id, name or language, e.g. 'en-us'
    rate: int | None = None  # words per minute

    def describe(self) -> str:
        return f"voice {self.voice or 'default'}, rate {self.rate or 'default'}"


@dataclass(frozen=True)
class Phrase:
    """A phrase's trimmed speech: mono signed 16-bit little-endian PCM."""

    text: str
    pcm: bytes
    sample_rate: int = SAMPLE_RATE

    @property
    def samples(self) -> int:
        return len(self.pcm) // 2


def default_cache_dir() -> Path:
    if os.environ.get("ACUGUIDE_CACHE_DIR"):
        return Path(os.environ["ACUGUIDE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "acuguide" / "speech"


@cache
def engine_identity() -> str:
    """Everything about the engine that changes the sound, for the cache key."""
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        raise SpeechError(f"eSpeak NG is not installed; {INSTALL_HINT}")
    try:
        version = subprocess.run([espeak, "--version"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        raise SpeechError(f"cannot run espeak-ng --version: {exc}") from None
    try:
        pyttsx3_version = metadata.version("pyttsx3")
    except metadata.PackageNotFoundError:
        raise SpeechError("pyttsx3 is not installed; reinstall acuguide (pip install acuguide)") from None
    return f"pyttsx3 {pyttsx3_version}; {' '.join(version.split()[:6])}"


class SpeechCache:
    """Trimmed phrases as WAV files, keyed by everything that changes their sound."""

    def __init__(self, root: Path, settings: VoiceSettings):
        self.root = root
        self.settings = settings

    def path(self, text: str) -> Path:
        key = json.dumps(
            {
                "engine": engine_identity(),
                "voice": self.settings.voice,
                "rate": self.settings.rate,
                "trim": TRIM_VERSION,
                "text": text,
            },
            sort_keys=True,
        )
        digest = hashlib.sha256(key.encode()).hexdigest()
        return self.root / digest[:2] / f"{digest}.wav"

    def get(self, text: str) -> Phrase | None:
        path = self.path(text)
        if not path.is_file():
            return None
        try:
            with wave.open(str(path), "rb") as w:
                return Phrase(text, w.readframes(w.getnframes()), w.getframerate())
        except (OSError, EOFError, wave.Error):
            return None  # a damaged entry is synthesized again

    def put(self, phrase: Phrase) -> None:
        with atomic(self.path(phrase.text)) as tmp:
            write_wav(tmp, phrase.pcm, phrase.sample_rate)


def write_wav(path: Path, pcm: bytes, rate: int = SAMPLE_RATE) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm)


def samples(pcm: bytes) -> array:
    """Little-endian 16-bit PCM as numbers, on any machine."""
    values = array("h", pcm)
    if sys.byteorder == "big":
        values.byteswap()
    return values


def to_pcm(values: array) -> bytes:
    if sys.byteorder == "big":
        values = array("h", values)
        values.byteswap()
    return values.tobytes()


def trim(pcm: bytes, threshold: int = TRIM_THRESHOLD) -> bytes:
    """Cut the engine's leading and trailing padding, to the sample."""
    values = samples(pcm)
    loud = [i for i in (_first_loud(values, threshold), _first_loud(values[::-1], threshold)) if i is not None]
    if len(loud) < 2:
        return b""
    return pcm[2 * loud[0] : 2 * (len(values) - loud[1])]


def _first_loud(samples: array, threshold: int) -> int | None:
    return next((i for i, x in enumerate(samples) if abs(x) > threshold), None)


class Synthesizer:
    """Turns phrases into audio, from the cache or through one long-lived TTS worker."""

    def __init__(self, settings: VoiceSettings, cache_dir: Path | None = None, timeout: float = 30.0):
        self.settings = settings
        self.cache = SpeechCache(cache_dir or default_cache_dir(), settings)
        self.timeout = timeout
        self.synthesized = 0
        self._worker: _Worker | None = None

    def __enter__(self) -> Synthesizer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._worker:
            self._worker.stop()
            self._worker = None

    def phrases(self, texts: Iterable[str], progress: Progress | None = None) -> dict[str, Phrase]:
        texts = list(dict.fromkeys(texts))
        result: dict[str, Phrase] = {}
        for done, text in enumerate(texts, 1):
            result[text] = self.cache.get(text) or self._synthesize(text)
            if progress:
                progress(done, len(texts))
        return result

    def _synthesize(self, text: str) -> Phrase:
        if self._worker is None:
            self._worker = _Worker(self.settings, self.timeout)
        with tempfile.TemporaryDirectory(prefix="acuguide-tts-") as tmp:
            path = Path(tmp) / "phrase.wav"
            self._worker.speak(text, path)
            pcm, rate = _read_speech(path, text)
        trimmed = trim(pcm)
        if not trimmed:
            raise SpeechError(f"eSpeak NG produced only silence for {text!r}; check the text and the voice")
        phrase = Phrase(text, trimmed, rate)
        try:
            self.cache.put(phrase)
        except OSError as exc:
            raise SpeechError(f"cannot write the speech cache at {self.cache.root}: {exc.strerror or exc}") from None
        self.synthesized += 1
        return phrase


def _read_speech(path: Path, text: str) -> tuple[bytes, int]:
    """The engine's WAV as mono 16-bit PCM at SAMPLE_RATE, whatever it chose to write."""
    try:
        with wave.open(str(path), "rb") as w:
            if (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, SAMPLE_RATE):
                return w.readframes(w.getnframes()), SAMPLE_RATE
    except (OSError, EOFError, wave.Error) as exc:
        raise SpeechError(f"the speech engine wrote an unreadable file for {text!r}: {exc}") from None
    from pydub import AudioSegment  # only for engines that write another format

    audio = AudioSegment.from_wav(str(path)).set_channels(1).set_sample_width(2).set_frame_rate(SAMPLE_RATE)
    return audio.raw_data, SAMPLE_RATE


class _Worker:
    """The parent's handle on the spawned process that owns the one pyttsx3 engine."""

    def __init__(self, settings: VoiceSettings, timeout: float):
        self.timeout = timeout
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main, args=(child, settings.voice, settings.rate), daemon=True, name="acuguide-tts"
        )
        self.process.start()
        child.close()
        self._reply("start the speech engine")

    def speak(self, text: str, path: Path) -> None:
        self.conn.send((text, str(path)))
        self._reply(f"speak {text!r}")

    def _reply(self, doing: str) -> object:
        if not self.conn.poll(self.timeout):
            self.stop()
            raise SpeechError(f"pyttsx3/eSpeak NG did not {doing} within {self.timeout:g} s; it may be hung")
        try:
            status, value = self.conn.recv()
        except EOFError:
            self.stop()
            raise SpeechError(f"the speech worker died while trying to {doing}") from None
        if status != "ok":
            self.stop()
            raise SpeechError(str(value))
        return value

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):  # the worker may already be gone
            self.conn.send(None)
        self.process.join(2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def _worker_main(conn, voice: str | None, rate: int | None) -> None:  # runs in the worker process
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - for the worker's life: pyttsx3 prints "Audio saved to ..."
    try:
        import pyttsx3

        engine = pyttsx3.init()
        if voice:
            engine.setProperty("voice", _voice_id(engine, voice))
        if rate:
            engine.setProperty("rate", rate)
    except Exception as exc:  # noqa: BLE001 - any failure here is reported, not raised
        conn.send(("error", f"cannot start pyttsx3 with eSpeak NG ({exc}); {INSTALL_HINT}"))
        return
    conn.send(("ok", None))
    while (request := conn.recv()) is not None:
        text, path = request
        try:
            engine.save_to_file(text, path)
            engine.runAndWait()
            _wait_for_wav(Path(path))
        except Exception as exc:  # noqa: BLE001
            conn.send(("error", f"eSpeak NG failed to speak {text!r}: {exc}"))
            continue
        conn.send(("ok", path))


def _voice_id(engine, wanted: str) -> str:
    voices = engine.getProperty("voices")
    key = wanted.lower()
    for v in voices:
        names = [v.id, v.name, *(lang.decode() if isinstance(lang, bytes) else str(lang) for lang in v.languages)]
        if key in (n.lower() for n in names) or v.id.lower().endswith("/" + key):
            return v.id
    english = ", ".join(v.id for v in voices if "/en" in v.id)
    raise ValueError(f"no voice {wanted!r}; English voices here: {english}")


def _wait_for_wav(path: Path, timeout: float = 10.0) -> None:
    """Wait until the engine's WAV is complete: it can still be on its way after runAndWait."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with wave.open(str(path), "rb") as w:
                frames = w.getnframes() * w.getsampwidth() * w.getnchannels()
            if frames > 0 and path.stat().st_size >= frames + 44:
                return
        except (OSError, EOFError, wave.Error):
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"no complete WAV file at {path} {timeout:g} s after runAndWait")
        time.sleep(0.01)
