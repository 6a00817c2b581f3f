"""The ambient bed: a loop made seamless, set a fixed level below the speech.

A loop that restarts with a jump is heard as a click or a bump every cycle. The loop is
built so its end runs into its beginning: the last seconds are crossfaded with the first,
and playback starts after them. The mix then repeats it for the whole session, fades it in
and out, and dips it under every cue (see `mix.py`).
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass
from pathlib import Path

from .. import ffmpeg
from ..errors import AmbientNotFound, RenderError
from ..pcm import samples, to_pcm
from ..routine import Ambient
from . import sounds

CROSSFADE = 2.0  # seconds
MAX_LOOP = 60.0  # seconds of a user's file used for the loop: enough for no audible repeat


@dataclass(frozen=True)
class Bed:
    pcm: bytes  # a seamless loop, mono 16-bit at the timeline's rate
    gain: float  # dB that puts it at the wanted level below the speech
    fade_in: float = 4.0
    fade_out: float = 6.0


def rms_db(clips: list[tuple[bytes, int]]) -> float:
    """RMS level in dBFS of (clip, times used) taken together; each clip is summed once."""
    import numpy as np

    total, count = 0.0, 0
    for pcm, uses in clips:
        values = np.frombuffer(pcm, dtype="<i2").astype(np.float64)
        total += uses * float(np.dot(values, values))
        count += uses * len(values)
    if not total:
        return -96.0
    return 20 * math.log10(math.sqrt(total / count) / 32768)


def seamless_loop(samples: array, rate: int) -> array:
    """The clip with its tail crossfaded into its head, so that it repeats without a seam."""
    x = min(round(CROSSFADE * rate), len(samples) // 3)
    if x < 2:
        raise RenderError("the ambient sound is too short to loop (under a few milliseconds)")
    body = samples[x : len(samples) - x]
    head, tail = samples[:x], samples[len(samples) - x :]
    seam = array(
        "h",
        (
            round(t * math.cos(math.pi / 2 * i / x) + h * math.sin(math.pi / 2 * i / x))
            for i, (t, h) in enumerate(zip(tail, head))
        ),
    )
    return body + seam


def _source(ambient: Ambient, rate: int) -> array:
    if ambient.source == "noise":
        return array("h", (round(v * 32767) for v in sounds.noise_bed(rate)))
    data, _ = ffmpeg.decode(Path(ambient.source), rate, seconds=MAX_LOOP)  # ogg, mp3, flac, wav...
    if not data:
        raise RenderError(f"the ambient sound {ambient.source} has no audio in it")
    return samples(data)


def check(path: Path) -> None:
    """Refuse a file that is not audio before any speech is made, naming it."""
    try:
        data, _ = ffmpeg.decode(path, 8000, seconds=1.0)
    except RenderError as error:
        reason = str(error).split(": ", 1)[-1]
        raise AmbientNotFound(
            f"the ambient sound {path} is not audio ffmpeg can read ({reason}); "
            "use noise, off, or an audio file such as .ogg, .mp3, .flac or .wav"
        ) from None
    if not data:
        raise AmbientNotFound(f"the ambient sound {path} has no audio in it; use noise, off, or another file")


def prepare(ambient: Ambient, speech: list[tuple[bytes, int]], rate: int) -> Bed:
    """`speech` is each distinct phrase with how often the session uses it."""
    loop = to_pcm(seamless_loop(_source(ambient, rate), rate))
    level = rms_db([(loop, 1)])
    if level < -90:
        raise RenderError(f"the ambient sound {ambient.source} is silent")
    return Bed(loop, rms_db(speech) + ambient.level - level)
