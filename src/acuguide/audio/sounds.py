"""Sounds made here, not shipped: a struck bowl, breathing tones, and a noise bed.

Synthesizing them means no audio files to license or ship, and the same bytes on every
machine: everything is computed from fixed parameters (the noise from a fixed seed).
Each is mono signed 16-bit PCM at the rate asked for (the timeline's).
"""

from __future__ import annotations

import math
import random
import wave
from array import array
from functools import cache
from pathlib import Path

from ..errors import RenderError
from ..files import atomic
from ..pcm import read_wav, trim, write_wav
from ..timeline.sounds import BELL, tone_key, tone_of

__all__ = ["BELL", "bell", "noise_bed", "sound", "stored", "tone", "tone_key"]
SOUNDS_VERSION = 1  # bump when any sound below changes
# Partials of a small singing bowl: frequency ratio, amplitude, decay time in seconds.
_BOWL = ((1.0, 1.0, 2.2), (2.71, 0.45, 1.3), (5.13, 0.22, 0.7), (8.3, 0.1, 0.4))
_BOWL_FUNDAMENTAL = 392.0
_BOWL_SECONDS = 3.0
_BOWL_PEAK = 0.25  # of full scale: a bell should sit under the voice, not over it
_TONE_LOW, _TONE_HIGH = 196.0, 294.0  # G3 to D4: a soft fifth
_TONE_PEAK = 0.07  # about 10 dB under the voice: a pacer, not a melody
_TONE_FADE = 0.02  # seconds of fade at each end: no click, and a clean edge at the phase boundary


def _pcm(samples: list[float]) -> bytes:
    return array("h", (max(-32767, min(32767, round(x * 32767))) for x in samples)).tobytes()


@cache
def bell(rate: int) -> bytes:
    """A struck bowl, trimmed like speech so its cue ends where it falls silent.

    Each partial is a decaying sine made by its two-term recurrence, not by exp and sin per
    sample: the same sound, about five times faster in plain Python.
    """
    n = round(_BOWL_SECONDS * rate)
    fade = round(0.8 * rate)
    partials = []
    for ratio, amplitude, decay in _BOWL:
        r, theta = math.exp(-1 / (decay * rate)), 2 * math.pi * _BOWL_FUNDAMENTAL * ratio / rate
        partials.append([2 * r * math.cos(theta), -r * r, 0.0, amplitude * r * math.sin(theta)])
    out = [0.0] * n
    for i in range(1, n):
        x = 0.0
        for p in partials:
            x += p[3]
            p[2], p[3] = p[3], p[0] * p[3] + p[1] * p[2]
        out[i] = x * min(1.0, i / rate / 0.004) * min(1.0, (n - i) / fade)  # soft mallet, no click
    peak = max(map(abs, out))
    return trim(_pcm([x * _BOWL_PEAK / peak for x in out]))


@cache
def tone(rising: bool, seconds: float, rate: int) -> bytes:
    """A tone that glides up through an inhale (or down through an exhale), filling the phase."""
    n = round(seconds * rate)
    fade = max(1, round(_TONE_FADE * rate))
    out, phase = [], 0.0
    for i in range(n):
        progress = i / n
        glide = (1 - math.cos(math.pi * progress)) / 2  # eased, so the pitch moves like a breath
        f = _TONE_LOW + (_TONE_HIGH - _TONE_LOW) * (glide if rising else 1 - glide)
        phase += 2 * math.pi * f / rate
        swell = 0.6 + 0.4 * math.sin(math.pi * progress)  # fuller mid-breath
        edge = min(1.0, (i + 1) / fade, (n - i) / fade)
        envelope = swell * (0.5 - 0.5 * math.cos(math.pi * edge))
        out.append(_TONE_PEAK * envelope * (math.sin(phase) + 0.15 * math.sin(2 * phase)))
    return _pcm(out)


def sound(key: str, rate: int) -> bytes:
    """The PCM for a sound key used in a script: the bell, or a rising or falling tone."""
    if key == BELL:
        return bell(rate)
    found = tone_of(key)
    if found is None:
        raise ValueError(f"unknown sound {key!r}")
    return tone(*found, rate)


def stored(key: str, rate: int, root: Path | None, keep: bool = True) -> bytes:
    """A sound from the cache folder `root`, made (and, if `keep`, kept) the first time:
    the bowl alone takes a quarter of a second to make in plain Python."""
    if root is None:
        return sound(key, rate)
    path = root / "sounds" / f"{SOUNDS_VERSION}-{rate}-{key.strip('[]').replace(':', '-')}.wav"
    try:
        found, found_rate = read_wav(path)
        if found_rate == rate and found:
            return found
    except (OSError, EOFError, wave.Error):
        pass  # missing or damaged: made again
    pcm = sound(key, rate)
    if keep:
        try:
            with atomic(path) as tmp:
                write_wav(tmp, pcm, rate)
        except OSError as exc:
            raise RenderError(f"cannot write the sound cache at {root}: {exc.strerror or exc}") from None
    return pcm


def noise_bed(rate: int, seconds: float = 20.0, seed: int = 7) -> list[float]:
    """Soft brown noise, like distant surf: white noise through a leaky integrator."""
    rng = random.Random(seed)
    out, level = [], 0.0
    for _ in range(round(seconds * rate)):
        level = 0.995 * level + 0.05 * rng.gauss(0.0, 1.0)
        out.append(level)
    peak = max(abs(x) for x in out)
    return [x / peak * 0.5 for x in out]
