"""The session's samples at the output rate: processed clips placed on silence, and the bed.

A mix is produced chunk by chunk, so a three-hour session stays as small in memory as a
ten-minute one; only the distinct clips are held. Cue positions are counted in samples of
the timeline and the output rate is a whole multiple of it, so every cue lands on an exact
sample and the timing contract survives the change of rate.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import numpy as np

from ..errors import RenderError
from ..timeline.layout import Script
from . import dsp
from .ambient import Bed
from .loudness import Meter, energy_cells

CHUNK = 1 << 17  # output samples per chunk (about 3 s)
DUCK_DB = -14.0  # the bed under speech
DUCK_DOWN = 0.05  # seconds the bed takes to dip before a phrase: the timeline is known ahead
DUCK_UP = 0.5  # seconds it takes to come back after one


@dataclass(frozen=True)
class Placed:
    start: int  # output samples
    length: int
    key: str  # the clip's `Cue.clip`

    @property
    def end(self) -> int:
        return self.start + self.length


class Mix:
    def __init__(
        self,
        script: Script,
        clips: Mapping[str, np.ndarray],
        rate: int,
        bed: Bed | None = None,
        bed_gain: float = 1.0,
        sizes: Mapping[str, int] | None = None,
    ):
        """`clips` are the processed clips at `rate`, keyed by `Cue.clip`; `bed_gain` is linear.
        A clip is looked up only when the mix reaches it: with its length in `sizes`, `clips`
        may make each one on first use, while the encoder works on what came before."""
        self.factor = rate // script.sample_rate
        if self.factor * script.sample_rate != rate:
            raise RenderError(f"the output rate {rate} Hz is not a multiple of the timeline's {script.sample_rate} Hz")
        self.script, self.rate = script, rate
        self.length = script.length * self.factor
        self.clips = clips
        self.placed: list[Placed] = []
        for cue in sorted(script.cues, key=lambda c: c.start):
            length = sizes[cue.clip] if sizes is not None else len(clips[cue.clip])
            if length != (cue.end - cue.start) * self.factor:
                raise RenderError(f"the audio for {cue.text!r} does not match the compiled script; compile again")
            if self.placed and cue.start * self.factor < self.placed[-1].end:
                raise RenderError(f"cue {cue.text!r} at {script.seconds(cue.start):.3f} s overlaps the one before it")
            self.placed.append(Placed(cue.start * self.factor, length, cue.clip))
        self.bed = _BedTrack(bed, bed_gain, self) if bed else None

    def chunks(self) -> Iterator[np.ndarray]:
        """The mix in order, as float samples where 1.0 is full scale."""
        for start, end, pieces in self._pieces():
            chunk = self.bed.between(start, end) if self.bed else np.zeros(end - start)
            for clip, lo, hi in pieces:
                chunk[lo - start : hi - start] += self.clips[clip.key][lo - clip.start : hi - clip.start]
            yield chunk

    def pcm(self) -> Iterator[np.ndarray]:
        """The mix in order as 16-bit samples; `energy` is the sum of their squares so far.

        Without a bed the clips sit on exact silence and never overlap, so each distinct clip
        is rounded to 16 bits once and copied into place: the same samples as rounding the
        float mix, for a fraction of the work (half of a session is silence)."""
        self.energy = 0.0
        if self.bed:
            for chunk in self.chunks():
                samples = _to_16_bits(chunk)
                self.energy += float(np.square(samples, dtype=np.float64).sum())  # not np.dot: no BLAS threads
                yield samples
            return
        rounded: dict[str, tuple[np.ndarray, float]] = {}
        for start, end, pieces in self._pieces():
            chunk = np.zeros(end - start, dtype="<i2")
            for clip, lo, hi in pieces:
                if clip.key not in rounded:
                    samples = _to_16_bits(self.clips[clip.key])
                    rounded[clip.key] = samples, float(np.square(samples, dtype=np.float64).sum())
                samples, energy = rounded[clip.key]
                chunk[lo - start : hi - start] = samples[lo - clip.start : hi - clip.start]
                if lo == clip.start:
                    self.energy += energy  # a clip's energy counts once, in the chunk where it begins
            yield chunk

    def _pieces(self) -> Iterator[tuple[int, int, list[tuple[Placed, int, int]]]]:
        """Each chunk's span, and the part of every clip that sounds in it."""
        index = 0
        for start in range(0, self.length, CHUNK):
            end = min(start + CHUNK, self.length)
            while index < len(self.placed) and self.placed[index].start < end:
                index += 1
            pieces = []
            back = index - 1  # clips that began earlier may still be sounding
            while back >= 0 and self.placed[back].end > start:
                clip = self.placed[back]
                pieces.append((clip, max(start, clip.start), min(end, clip.end)))
                back -= 1
            yield start, end, pieces

    def loudness(self, cells: Mapping[str, np.ndarray] | None = None) -> float:
        """Integrated LUFS. Without a bed only the clips count (the rest is silence): each
        clip's energy `cells` (by key, see `loudness.energy_cells`) placed where it plays;
        or, without cells, each clip weighed here."""
        meter = Meter(self.rate, self.length)
        if self.bed:
            for chunk in self.chunks():
                meter.add_stream(chunk)
            return meter.integrated()
        if cells is None:
            cells = {}
            for clip in self.placed:
                if clip.key not in cells:
                    cells[clip.key] = energy_cells(meter.weigh(self.clips[clip.key]), self.rate)
        for clip in self.placed:
            meter.add_cells(cells[clip.key], clip.start)
        return meter.integrated()


def _to_16_bits(x: np.ndarray) -> np.ndarray:
    """Rounded in double precision, as the float mix is, whatever the clip's own type; in place
    in one temporary (a float copy per step cost twice the time)."""
    scaled = np.multiply(x, 32767.0, dtype=np.float64)
    np.rint(scaled, out=scaled)
    np.minimum(scaled, 32767, out=scaled)
    np.maximum(scaled, -32768, out=scaled)
    return scaled.astype("<i2")


class _BedTrack:
    """The bed looped under the whole session: faded in and out, and dipped under every cue."""

    def __init__(self, bed: Bed, gain: float, mix: Mix):
        loop = np.frombuffer(bed.pcm, dtype="<i2").astype(np.float64) / 32768.0
        loop = dsp.upsample2(loop) if mix.factor == 2 else loop
        self.loop = loop * gain * 10 ** (bed.gain / 20)
        self.length, rate = mix.length, mix.rate
        self.fade_in, self.fade_out = round(bed.fade_in * rate), round(bed.fade_out * rate)
        down, up, low = DUCK_DOWN * rate, DUCK_UP * rate, 10 ** (DUCK_DB / 20)
        ducked: list[list[int]] = []  # phrases closer than the bed takes to come back stay as one dip
        for clip in mix.placed:
            start, end = clip.start, clip.end
            if ducked and start - down < ducked[-1][1] + up:
                ducked[-1][1] = end
            else:
                ducked.append([start, end])
        points = [(t, v) for s, e in ducked for t, v in ((s - down, 1.0), (s, low), (e, low), (e + up, 1.0))]
        self.times = np.array([t for t, _ in points] or [0.0])
        self.levels = np.array([v for _, v in points] or [1.0])

    def between(self, start: int, end: int) -> np.ndarray:
        positions = np.arange(start, end)
        gain = np.interp(positions, self.times, self.levels, left=1.0, right=1.0)
        if start < self.fade_in:  # elsewhere the fades' factor is exactly 1
            gain *= np.clip(positions / max(1, self.fade_in), 0.0, 1.0)
        if end > self.length - self.fade_out:
            gain *= np.clip((self.length - positions) / max(1, self.fade_out), 0.0, 1.0)
        return self._looped(start, end) * gain

    def _looped(self, start: int, end: int) -> np.ndarray:
        """The loop's samples from `start` to `end`: a slice of it, unless the chunk wraps."""
        at = start % len(self.loop)
        if at + end - start <= len(self.loop):
            return self.loop[at : at + end - start]
        return np.take(self.loop, np.arange(start, end) % len(self.loop))
