"""A stand-in engine for tests: deterministic tones whose length follows the text.

It makes the planning, layout, rendering and command-line tests fast and independent of
eSpeak NG and Piper, while everything around the engine (workers, cache, trimming,
resampling, encoding) still runs for real. It is never chosen unless asked for by name.
"""

from __future__ import annotations

import hashlib
from array import array

from .. import pcm
from ..engines import DEFAULT_RATES
from .engine import Clip, Engine, VoiceInfo
from .normalize import clean

SECONDS_PER_CHARACTER = 0.06  # at 150 words per minute
VOICES = {"tone": 22050, "tone-16k": 16000}


class Fake(Engine):
    name = "fake"
    summary = "test tones whose length follows the text (for tests, not for listening)"
    default_voice = "tone"
    default_rate = DEFAULT_RATES["fake"]

    @classmethod
    def voices(cls, language: str = "en") -> list[VoiceInfo]:
        return [VoiceInfo(name, f"a tone at {rate} Hz sampling") for name, rate in VOICES.items()]

    def identity(self) -> dict[str, object]:
        return {**super().identity(), "version": 1}

    def normalize(self, text: str) -> str:
        """English as written (the golden files' engine); another language as its voices get it."""
        return " ".join(text.split()) if self.language == "en" else clean(text, self.language)

    def speak(self, text: str) -> Clip:
        rate = VOICES[self.voice]
        n = round(len(text) * SECONDS_PER_CHARACTER * 150 / self.rate * rate)
        pitch = 200 + int(hashlib.sha256(text.encode()).hexdigest()[:4], 16) % 200
        values = array(
            "h", (8000 if (pitch * i // rate) % 2 == 0 else -8000 for i in range(n))
        )  # a square wave: never padding
        return Clip(pcm.to_pcm(values), rate)
