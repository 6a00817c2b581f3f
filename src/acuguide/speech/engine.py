"""What every speech engine is: an identity, its own text normalisation, and `speak`.

An engine object is made in the main process, where it is cheap: it resolves its defaults
and touches nothing else, so `check` and `script` work where no engine is installed. `check`
probes the system (is it installed, does the voice exist) before anything is spoken or
listed; after it, the engine can say what changes its sound (the cache key). Then it is
sent to worker processes, where `load` does the heavy part once (import pyttsx3, load a
neural voice) and `speak` turns normalised text into a `Clip`. Caching, trimming,
resampling and parallel workers are engine-neutral and live in `synthesizer`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import SpeechError
from ..routine import Voice


@dataclass(frozen=True)
class Clip:
    """Mono signed 16-bit little-endian PCM and the rate it was made at."""

    pcm: bytes
    sample_rate: int

    @property
    def samples(self) -> int:
        return len(self.pcm) // 2

    @property
    def seconds(self) -> float:
        return self.samples / self.sample_rate


@dataclass(frozen=True)
class VoiceInfo:
    name: str
    description: str


class EngineMissing(SpeechError):
    """An engine that was asked for is not installed: the message carries the install command."""


class VoiceNotFound(SpeechError):
    """A voice that the engine does not have: a wrong choice, not a failure to speak."""

    exit_code = 1


class Engine:
    """Base class. Subclasses set `name`, `default_voice`, `default_rate` and `install`."""

    name = ""
    summary = ""
    install = ""  # the command that installs what the engine needs
    default_voice = ""
    default_rate = 150

    def __init__(self, settings: Voice):
        self.language = settings.language or "en"
        self.voice = settings.name or self.voice_for(self.language)
        self.rate = settings.rate or self.default_rate
        self._checked = False

    def voice_for(self, language: str) -> str:
        """The engine's default voice for a language."""
        return self.default_voice

    # -- in the main process: cheap ---------------------------------------------------
    def check(self) -> None:
        """Raise `EngineMissing` or `VoiceNotFound` unless this engine can speak here; once."""
        if not self._checked:
            self.check_installed()
            self.check_voice()
            self._checked = True

    def check_installed(self) -> None:
        """Raise `EngineMissing` with the install command if the engine cannot run here."""

    def check_voice(self) -> None:
        names = [v.name for v in self.voices()]
        if self.voice not in names:
            raise VoiceNotFound(f"{self.name} has no voice {self.voice!r}; voices here: {', '.join(names)}")

    @classmethod
    def voices(cls) -> list[VoiceInfo]:
        return []

    def identity(self) -> dict[str, object]:
        """Everything that changes the sound, for the cache key and the timeline (after `check`).
        The language is in it (other than English, whose keys were made before languages came):
        the same words in two languages are normalised, and so spoken, differently."""
        return {"engine": self.name, "voice": self.voice, "rate": self.rate, **self._language_key()}

    def _language_key(self) -> dict[str, str]:
        return {} if self.language == "en" else {"language": self.language}

    def normalize(self, text: str) -> str:
        """The text as this engine should read it; the words as written stay on the timeline."""
        return text

    # -- in a worker process: heavy ---------------------------------------------------
    def load(self) -> None:
        """Import and load whatever speaking needs; called once per worker."""

    def speak(self, text: str) -> Clip:
        raise NotImplementedError
