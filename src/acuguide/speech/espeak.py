"""eSpeak NG through pyttsx3: small, fast, robotic; a voice for every language acuguide speaks.

pyttsx3 2.99 with eSpeak NG has traps this engine is built around:
- several `save_to_file` calls before one `runAndWait` write only the last file, so there is
  exactly one `save_to_file` per `runAndWait`;
- `runAndWait` can return before the file exists, so every file is waited for and checked;
- a second engine in one process, or a fork after the engine started, hangs, so the worker
  (a *spawned* process, see `workers`) only imports pyttsx3, and each phrase is spoken by a
  child forked from it, which starts its own engine, speaks once and exits;
- eSpeak NG carries state from one utterance to the next (the same text spoken after
  another differs in its samples), so that child per phrase is also what makes a phrase a
  function of its text and settings alone, whatever was spoken before (about 0.1 s each);
- it prints "Audio saved to ..." on stdout, which the worker sends to /dev/null;
- it writes 22050 Hz WAV whatever the file name says, so the header is read, not assumed.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import wave
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

from .. import pcm
from ..engines import DEFAULT_RATES, ESPEAK_VOICES
from .engine import Clip, Engine, EngineMissing, VoiceInfo, VoiceNotFound
from .normalize import clean

ATTEMPTS = 3
# Seconds to wait for each attempt's WAV after runAndWait. Measured: a file that comes at all
# is complete at once; about one phrase in a hundred never comes, so the first wait is short
# (it was 5 s, which made a cold render of 43 phrases take 10 s longer now and then).
WAV_WAITS = (1.0, 3.0, 6.0)
CHILD_TIMEOUT = 20.0  # seconds one phrase's child may take before it is killed and tried again
RATE_FACTOR = 0.835  # eSpeak NG set to 125 speaks the shipped phrases at 150 words a minute on the timeline
# The same for each language's voice: a language's words are longer or shorter, and each eSpeak
# voice has its own pace at one setting. Fitted over the shipped phrases in each language
# (scripts/bench_voices.py --calibrate --language LANG, espeak-ng 1.51) so that 140 asked means
# a calm 125-140 words a minute in each; the README's language table gives the figures measured.
RATE_FACTORS = {"en": RATE_FACTOR, "es": 0.78, "de": 0.901, "fr": 0.727}
# eSpeak's base pitch (0-100, 50 its voice's own) where a language's voice is heard better lower:
# de+m3 at 35, a deeper male voice. With "Sie" respelled (below), pitches 20, 30, 35, 40, 45 and
# 50 were each rendered and heard by Whisper base (scripts/bench_voices.py --render desk-break
# --language de): 35 was heard best on both counts, 21 of 25 sentences told as German (76% at
# 20, the last default) and a WER of 0.36 on them (0.40 at 20); the README's voice table has all six.
PITCHES = {"de": 35}
# Words eSpeak NG's dictionary misreads, as a listener would mishear them too (espeak-ng -x):
# German "höchste" with a k for its ch ("Hörkstelle"), and every compound of "Schulter" as
# "Schuhl-ter" (Schulterbrunnen, Schulterblätter, Schulterecke). And the polite "Sie", whose
# soft s eSpeak voices so faintly that Whisper heard "die" in nearly every cue ("Atmen die ein",
# "Beginn die"): with a sharp s the breath cues and "Beginnen Sie auf der linken Seite" are heard
# exactly (11 of 39 cues exact, from 0; README's voice table). Respelled for eSpeak alone, as it
# is given each phrase: the timeline, its `spoken` text and the transcripts keep the words as
# written. A change here changes the cache key (`identity`).
RESPELLINGS = {
    "de": (
        (r"\bSie\b", "ßie"),
        (r"\b([Hh])öchst", r"\1öchßt"),
        (r"\bSchulter(?=[a-zäöüß]{2})", "Schulter-"),
    )
}


class Espeak(Engine):
    name = "espeak"
    summary = "eSpeak NG through pyttsx3: fast and small, clearly synthetic (--engine espeak)"
    install = "sudo apt-get install espeak-ng"
    # Chosen by scripts/bench_voices.py (the README's voice table): the Klatt4 variant is
    # understood far more often than pyttsx3's default voice; 140 words a minute is calm and
    # heard as well as faster speech.
    default_voice = "en-us+klatt4"
    default_rate = DEFAULT_RATES["espeak"]

    def check_installed(self) -> None:
        if shutil.which("espeak-ng") is None:
            raise EngineMissing(f"eSpeak NG is not installed; install it with: {self.install}")
        try:
            metadata.version("pyttsx3")
        except metadata.PackageNotFoundError:
            raise EngineMissing("pyttsx3 is not installed; install it with: pip install acuguide") from None

    def voice_for(self, language: str) -> str:
        return ESPEAK_VOICES.get(language, language)

    def check_voice(self) -> None:
        base, _, variant = self.voice.partition("+")
        languages, variants = _voices(), _variants()
        if base.lower() not in languages:
            same = ", ".join(voice.name for voice in self.voices(self.language))
            raise VoiceNotFound(
                f"eSpeak NG has no voice {base!r}; {_language_name(self.language)} voices here: {same or 'none'} "
                "(any can take a variant, e.g. en-us+klatt4)"
            )
        if variant and variant.lower() not in variants:
            raise VoiceNotFound(f"eSpeak NG has no variant {variant!r}; variants: {', '.join(sorted(variants))}")

    @classmethod
    def voices(cls, language: str = "en") -> list[VoiceInfo]:
        if shutil.which("espeak-ng") is None:
            return []
        prefix = ESPEAK_VOICES.get(language, language).split("+")[0].split("-")[0]
        same = sorted({(v.language, v.name) for v in _voices().values() if v.language.split("-")[0] == prefix})
        return [VoiceInfo(lang, name) for lang, name in same]

    @property
    def setting(self) -> int:
        """eSpeak NG's own rate figure for `rate` real words per minute, in this voice's language."""
        return round(self.rate * RATE_FACTORS.get(self.language, RATE_FACTOR))

    @property
    def pitch(self) -> int | None:
        """eSpeak's base pitch for this language's default voice; None: the voice's own."""
        return PITCHES.get(self.language) if self.voice == self.voice_for(self.language) else None

    @property
    def loaded(self) -> str:
        """The voice as pyttsx3 must be given it: eSpeak's library finds a voice by its file
        ('roa/fr'), not by its language ('fr-fr', which `espeak-ng -v` takes): given 'fr-fr',
        it kept the English voice without a word. 'es', 'de' and 'en-us' are their files' names."""
        base, plus, variant = self.voice.partition("+")
        found = _voices().get(base.lower())
        file = found.file if found else base
        named = base.lower() in (file.lower(), file.lower().rsplit("/", 1)[-1])
        return self.voice if named else file + plus + variant

    def identity(self) -> dict[str, object]:
        return {
            **super().identity(),
            **({"loaded": self.loaded} if self.loaded != self.voice else {}),  # the English key stays as it was
            "setting": self.setting,
            **({"pitch": self.pitch} if self.pitch is not None else {}),  # the other keys stay as they were
            **({"respelled": RESPELLINGS[self.language]} if self.language in RESPELLINGS else {}),
            "pyttsx3": metadata.version("pyttsx3"),
            "espeak-ng": _espeak_version(),
        }

    def normalize(self, text: str) -> str:
        return clean(text, self.language)

    def load(self) -> None:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - for the worker's life: pyttsx3 prints "Audio saved to ..."
        import pyttsx3  # imported once here; started only in each phrase's child

        self._pyttsx3 = pyttsx3

    def speak(self, text: str) -> Clip:
        text = respelled(text, self.language)
        with tempfile.TemporaryDirectory(prefix="acuguide-espeak-") as tmp:
            for attempt in range(1, ATTEMPTS + 1):  # pyttsx3 now and then never writes the file
                path = Path(tmp) / f"phrase-{attempt}.wav"
                if self._speak_in_child(text, path, WAV_WAITS[attempt - 1]):
                    data, rate = pcm.read_wav(path)
                    return Clip(data, rate)
        raise RuntimeError(f"pyttsx3 wrote no complete WAV file in {ATTEMPTS} attempts")

    def _speak_in_child(self, text: str, path: Path, wait: float) -> bool:
        """Speak `text` into `path` from a fresh engine in a forked child; whether the WAV came whole."""
        pid = os.fork()
        if pid == 0:  # the child: one engine, one phrase, then gone without running any cleanup of the worker's
            status = 1
            try:
                engine = self._pyttsx3.init()
                for _ in range(2):  # set once, a loaded machine now and then lost the rate to the voice change
                    engine.setProperty("voice", self.loaded)
                    engine.setProperty("rate", self.setting)
                    if self.pitch is not None:
                        engine.setProperty("pitch", self.pitch)
                engine.save_to_file(text, str(path))
                engine.runAndWait()
                status = 0 if _wait_for_wav(path, timeout=wait) else 1
            finally:
                os._exit(status)
        deadline = time.monotonic() + CHILD_TIMEOUT
        while time.monotonic() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return os.waitstatus_to_exitcode(status) == 0  # the child exits 0 only once the WAV is whole
            time.sleep(0.005)
        os.kill(pid, signal.SIGKILL)  # hung: never left behind
        os.waitpid(pid, 0)
        return False


def respelled(text: str, language: str) -> str:
    """`text` as eSpeak must be given it to say its words right (RESPELLINGS)."""
    for pattern, spelled in RESPELLINGS.get(language, ()):
        text = re.sub(pattern, spelled, text)
    return text


def _run(*args: str) -> str:
    try:
        return subprocess.run(["espeak-ng", *args], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        raise EngineMissing(f"cannot run espeak-ng {' '.join(args)}: {exc}") from None


@cache
def _espeak_version() -> str:
    return " ".join(_run("--version").split()[:6])


def _language_name(code: str) -> str:
    """'English', 'Spanish': Babel's English name of a language code (the code where it has none)."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code).english_name or code
    except (ValueError, UnknownLocaleError):
        return code


@cache
def _voices() -> dict[str, _Voice]:
    """Every way to name a voice (language, name, file), lower-cased -> the voice."""
    found: dict[str, _Voice] = {}
    for line in _run("--voices").splitlines()[1:]:
        parts = line.split()
        if len(parts) >= 5:
            language, name, file = parts[1], parts[3], parts[4]
            for key in (language, name, file):
                found.setdefault(key.lower(), _Voice(language, name.replace("_", " "), file))
    return found


class _Voice(NamedTuple):
    language: str  # 'fr-fr', what `espeak-ng -v` takes
    name: str  # 'French (France)'
    file: str  # 'roa/fr', what the library (and so pyttsx3) takes


@cache
def _variants() -> frozenset[str]:
    lines = _run("--voices=variant").splitlines()[1:]
    return frozenset(p.split()[4].split("/")[-1].lower() for p in lines if len(p.split()) >= 5)


def _wait_for_wav(path: Path, timeout: float) -> bool:
    """Whether the engine's WAV is complete within `timeout`: it can still be on its way after runAndWait."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with wave.open(str(path), "rb") as w:
                frames = w.getnframes() * w.getsampwidth() * w.getnchannels()
            if frames > 0 and path.stat().st_size >= frames + 44:
                return True
        except (OSError, EOFError, wave.Error):
            pass
        time.sleep(0.01)
    return False
