"""The one sample format inside acuguide: mono signed 16-bit little-endian PCM.

Speech, bells, tones and the ambient bed all meet on the timeline as this format, so the
helpers that read, write, trim and convert it live here once.
"""

from __future__ import annotations

import sys
import wave
from array import array
from pathlib import Path

TRIM_THRESHOLD = 160  # about -46 dBFS: below this a sample is padding, not voice


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


def write_wav(path: Path, pcm: bytes, rate: int) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm)


def read_wav(path: Path) -> tuple[bytes, int]:
    """(PCM, sample rate) of a mono 16-bit WAV; raises wave.Error for anything else."""
    with wave.open(str(path), "rb") as w:
        if (w.getnchannels(), w.getsampwidth()) != (1, 2):
            raise wave.Error(
                f"expected mono 16-bit audio, got {w.getnchannels()} channels of {8 * w.getsampwidth()} bits"
            )
        data = w.readframes(w.getnframes())
        if len(data) != 2 * w.getnframes():
            raise wave.Error(f"truncated: {len(data) // 2} of {w.getnframes()} samples")
        return data, w.getframerate()


def trim(pcm: bytes, threshold: int = TRIM_THRESHOLD) -> bytes:
    """Cut leading and trailing padding, to the sample: a cue starts and ends with its sound."""
    values = samples(pcm)
    first = next((i for i, x in enumerate(values) if abs(x) > threshold), None)
    if first is None:
        return b""
    last = next(i for i in range(len(values) - 1, -1, -1) if abs(values[i]) > threshold)
    return pcm[2 * first : 2 * (last + 1)]
