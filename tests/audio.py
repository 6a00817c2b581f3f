"""Measure decoded audio: where speech starts and stops, for timing tests."""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from pathlib import Path

from pydub import AudioSegment

THRESHOLD = 160  # the same level speech.trim uses to decide where voice begins


@dataclass(frozen=True)
class Decoded:
    samples: array
    rate: int

    @property
    def duration(self) -> float:
        return len(self.samples) / self.rate

    def _index(self, seconds: float) -> int:
        return max(0, min(len(self.samples) - 1, round(seconds * self.rate)))

    def first_sound(self, after: float, before: float) -> float | None:
        """Seconds of the first sample above the threshold in [after, before)."""
        lo, hi = self._index(after), self._index(before)
        return next((i / self.rate for i in range(lo, hi) if abs(self.samples[i]) > THRESHOLD), None)

    def last_sound(self, after: float, before: float) -> float | None:
        """Seconds just past the last sample above the threshold in [after, before)."""
        lo, hi = self._index(after), self._index(before)
        return next(((i + 1) / self.rate for i in range(hi - 1, lo - 1, -1) if abs(self.samples[i]) > THRESHOLD), None)

    def peak(self, start: float, end: float) -> int:
        lo, hi = self._index(start), self._index(end)
        return max((abs(x) for x in self.samples[lo:hi]), default=0)


def decode(path: Path) -> Decoded:
    """Decode with ffmpeg through pydub, as a player would: encoder delay removed."""
    audio = AudioSegment.from_file(str(path)).set_channels(1).set_sample_width(2)
    return Decoded(array("h", audio.raw_data), audio.frame_rate)
