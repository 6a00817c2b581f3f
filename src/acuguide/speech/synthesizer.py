"""Turn the phrases of a session into clips at the timeline's rate, from the cache or an engine.

Everything engine-neutral happens here once: normalising each text with the engine's own
rules, looking it up in the cache, speaking the missing ones on every core, trimming the
engine's padding so a cue starts and ends with the voice, resampling to the timeline's rate,
and caching the result. Speech that fails is an error, never silence.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .. import ffmpeg, pcm
from ..errors import SpeechError
from ..files import default_cache_dir
from ..progress import Progress
from ..routine import Voice
from . import cache as cache_mod
from .engine import Clip, Engine
from .registry import make_engine


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class Synthesizer:
    def __init__(
        self,
        settings: Voice,
        sample_rate: int,
        cache_dir: Path | None = None,
        jobs: int | None = None,
        timeout: float = 60.0,
        engine: Engine | None = None,
    ):
        self.engine = engine or make_engine(settings)
        self.engine.check()
        self.sample_rate = sample_rate
        self.cache = cache_mod.SpeechCache(cache_dir or default_cache_dir(), self.engine.identity(), sample_rate)
        self.jobs = jobs or default_jobs()
        self.timeout = timeout
        self.synthesized = 0

    def cached(self, texts: Iterable[str]) -> dict[str, Clip]:
        """The clips already in the cache; nothing is spoken or written."""
        found = {text: self.cache.get(self.engine.normalize(text)) for text in dict.fromkeys(texts)}
        return {text: clip for text, clip in found.items() if clip is not None}

    def clips(self, texts: Iterable[str], progress: Progress | None = None, keep: bool = True) -> dict[str, Clip]:
        """A clip for every text (as written), at the timeline's sample rate.

        With `keep` False the phrases are only made sure of, in the cache, and nothing is
        returned: for sessions mixed in other processes, which read the cache themselves,
        reading every clip here too would be work on no one's behalf."""
        spoken = {text: self.engine.normalize(text) for text in dict.fromkeys(texts)}
        found: dict[str, Clip | None] = {}  # None: in the cache, not read
        for text in dict.fromkeys(spoken.values()):
            if not keep:
                if self.cache.has(text):
                    found[text] = None
            elif (clip := self.cache.get(text)) is not None:
                found[text] = clip
        missing = [text for text in dict.fromkeys(spoken.values()) if text not in found]
        total = len(found) + len(missing)
        if missing:  # nothing to speak, nothing to show: a second pass over the cache stays quiet
            if progress:
                progress("Speaking", len(found), total)
            from .workers import Workers

            with Workers(self.engine, min(self.jobs, len(missing)), self.timeout) as workers:
                for text, raw in workers.speak(missing):
                    found[text] = self._store(text, raw)
                    if progress:
                        progress("Speaking", len(found), total)
        return {text: found[normalized] for text, normalized in spoken.items()} if keep else {}

    def _store(self, text: str, raw: Clip) -> Clip:
        trimmed = pcm.trim(raw.pcm)
        if not trimmed:
            raise SpeechError(f"{self.engine.name} produced only silence for {text!r}; check the text and the voice")
        clip = Clip(ffmpeg.resample(trimmed, raw.sample_rate, self.sample_rate), self.sample_rate)
        try:
            self.cache.put(text, clip)
        except OSError as exc:
            raise SpeechError(f"cannot write the speech cache at {self.cache.root}: {exc.strerror or exc}") from None
        self.synthesized += 1
        return clip
