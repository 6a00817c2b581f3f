"""Spoken phrases on disk, keyed by everything that changes their sound.

The key is the engine's identity (engine, version, voice, rate...), the text the engine
was given (after its own normalisation), the trimming version and the timeline's sample
rate: change any of them and the phrase is spoken again. Entries are WAV files written
atomically; one that cannot be read as the expected format is treated as missing.
"""

from __future__ import annotations

import hashlib
import json
import wave
from pathlib import Path

from .. import pcm
from ..files import atomic
from .engine import Clip

TRIM_VERSION = 1  # bump when trimming changes the stored audio


class SpeechCache:
    def __init__(self, root: Path, identity: dict[str, object], sample_rate: int):
        self.root = root
        self.sample_rate = sample_rate
        self._prefix = {"identity": identity, "trim": TRIM_VERSION, "rate": sample_rate}

    def path(self, spoken: str) -> Path:
        key = json.dumps({**self._prefix, "text": spoken}, sort_keys=True)
        digest = hashlib.sha256(key.encode()).hexdigest()
        return self.root / digest[:2] / f"{digest}.wav"

    def get(self, spoken: str) -> Clip | None:
        path = self.path(spoken)
        try:
            data, rate = pcm.read_wav(path)
        except (OSError, EOFError, wave.Error):
            return None  # missing or damaged: spoken again
        if rate != self.sample_rate or not data:
            return None
        return Clip(data, rate)

    def has(self, spoken: str) -> bool:
        """Whether the phrase is stored; a damaged entry is found (and spoken again) by `get`."""
        return self.path(spoken).is_file()

    def put(self, spoken: str, clip: Clip) -> None:
        with atomic(self.path(spoken)) as tmp:
            pcm.write_wav(tmp, clip.pcm, clip.sample_rate)
