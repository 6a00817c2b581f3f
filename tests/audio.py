"""Measure decoded audio: where speech starts and stops, for timing tests."""

from __future__ import annotations

import math
import re
import subprocess
from array import array
from dataclasses import dataclass
from pathlib import Path

from pydub import AudioSegment

THRESHOLD = 160  # the same level speech.trim uses to decide where voice begins


@dataclass(frozen=True)
class Decoded:
    samples: array
    rate: int
    threshold: float = THRESHOLD

    @property
    def duration(self) -> float:
        return len(self.samples) / self.rate

    def _index(self, seconds: float) -> int:
        return max(0, min(len(self.samples) - 1, round(seconds * self.rate)))

    def first_sound(self, after: float, before: float) -> float | None:
        """Seconds of the first sample above the threshold in [after, before)."""
        lo, hi = self._index(after), self._index(before)
        return next((i / self.rate for i in range(lo, hi) if abs(self.samples[i]) > self.threshold), None)

    def last_sound(self, after: float, before: float) -> float | None:
        """Seconds just past the last sample above the threshold in [after, before)."""
        lo, hi = self._index(after), self._index(before)
        return next(
            ((i + 1) / self.rate for i in range(hi - 1, lo - 1, -1) if abs(self.samples[i]) > self.threshold), None
        )

    def peak(self, start: float, end: float) -> int:
        lo, hi = self._index(start), self._index(end)
        return max((abs(x) for x in self.samples[lo:hi]), default=0)


def decode(path: Path, gain_db: float = 0.0) -> Decoded:
    """Decode with ffmpeg through pydub, as a player would: encoder delay removed.

    `gain_db` is the gain the render applied (from its timeline), so that "sound" means the
    same level it meant when the phrases were trimmed.
    """
    audio = AudioSegment.from_file(str(path)).set_channels(1).set_sample_width(2)
    return Decoded(array("h", audio.raw_data), audio.frame_rate, THRESHOLD * 10 ** (gain_db / 20))


def rms_db(decoded: Decoded, start: float, end: float) -> float:
    lo, hi = decoded._index(start), decoded._index(end)
    window = decoded.samples[lo:hi]
    mean = sum(x * x for x in window) / max(1, len(window))
    return 10 * math.log10(mean / 32768**2) if mean else -120.0


def ebur128(path: Path) -> tuple[float, float]:
    """(integrated LUFS, true peak dBTP) measured by ffmpeg's EBU R128 meter."""
    out = subprocess.run(
        [
            "ffmpeg",
            "-hide_banner",
            "-nostats",
            "-i",
            str(path),
            "-af",
            "ebur128=peak=true:framelog=verbose",
            "-f",
            "null",
            "-",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    integrated = float(re.findall(r"^\s*I:\s+(\S+) LUFS", out, re.MULTILINE)[-1])
    peak = float(re.findall(r"^\s*Peak:\s+(\S+) dBFS", out, re.MULTILINE)[-1])
    return integrated, peak
