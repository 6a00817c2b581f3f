"""Integrated loudness (ITU-R BS.1770-4, as EBU R128 uses it), computed from the samples.

A session is mostly exact silence with phrases placed on it, and K-weighting is a linear
filter, so the weighted session is the sum of each phrase weighted on its own. The meter
adds each placed phrase's weighted energy into 100 ms segments (a gating block is four of
them, the standard's 400 ms with 75% overlap) and never touches the silence: measuring a
session costs about as much as its distinct phrases, not a pass over its length. A session
with an ambient bed, which sounds everywhere, is fed to the meter chunk by chunk instead.
"""

from __future__ import annotations

import functools
import math

import numpy as np

from . import dsp

SEGMENT = 0.1  # seconds; four segments make one 400 ms gating block
ABSOLUTE_GATE = -70.0  # LUFS
RELATIVE_GATE = -10.0  # LU below the absolutely gated loudness
TAIL = 0.1  # seconds of filter ringing kept after a phrase (the 38 Hz high-pass decays in ~20 ms)
CELL = 0.01  # seconds: a clip's weighted energy is kept per cell, to be placed anywhere later


def k_weighting(rate: int) -> np.ndarray:
    """The two K-weighting biquads (shelf, then high-pass) for `rate`, as second-order sections.

    BS.1770 gives coefficients for 48 kHz only; these are its analogue prototypes through the
    bilinear transform, which reproduce the 48 kHz figures and hold at any rate.
    """
    f0, gain_db, q = 1681.974450955533, 3.999843853973347, 0.7071752369554196
    k = math.tan(math.pi * f0 / rate)
    vh, vb = 10 ** (gain_db / 20), 10 ** (gain_db / 20 * 0.4996667741545416)
    a0 = 1 + k / q + k * k
    shelf = [(vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
             1.0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0]  # fmt: skip
    f0, q = 38.13547087602444, 0.5003270373238773
    k = math.tan(math.pi * f0 / rate)
    a0 = 1 + k / q + k * k
    highpass = [1.0, -2.0, 1.0, 1.0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0]
    return np.array([shelf, highpass])


@functools.cache
def _response(rate: int) -> np.ndarray:
    return dsp.biquad_response(k_weighting(rate), round(TAIL * rate))


def weigh(samples: np.ndarray, rate: int) -> np.ndarray:
    """A phrase K-weighted on its own, with its ringing after it."""
    return dsp.convolve(samples.astype(np.float64), _response(rate))


def energy_cells(weighted: np.ndarray, rate: int) -> np.ndarray:
    """The energy of weighted samples per 10 ms cell: what a clip contributes to the meter
    wherever it is placed, small enough to keep with the clip."""
    cell = round(CELL * rate)
    whole = len(weighted) // cell * cell
    rows = weighted[:whole].reshape(-1, cell)
    cells = np.einsum("ij,ij->i", rows, rows, dtype=np.float64)
    if whole < len(weighted):
        tail = weighted[whole:].astype(np.float64)
        cells = np.append(cells, tail @ tail)
    return cells


def followed(cells: np.ndarray, before: np.ndarray, after: np.ndarray, rate: int) -> np.ndarray:
    """A clip's energy cells after a gain that varies slowly (a limiter) turned `before` into
    `after`: such a gain turns the whole band down alike, so each cell's weighted energy
    follows its plain energy, and the clip need not be weighed again. Only the cells the gain
    touched are measured; the ringing after the clip follows its last cell."""
    cell = round(CELL * rate)
    ratio = np.ones(-(-len(after) // cell))
    changed = np.flatnonzero(before != after) // cell  # in order
    touched = changed[np.diff(changed, prepend=-1) > 0]
    if len(touched):
        at = touched[:, None] * cell + np.arange(cell)
        inside = at < len(after)
        kept, had = (np.where(inside, x[np.minimum(at, len(x) - 1)], 0.0).astype(np.float64) for x in (after, before))
        kept, had = np.einsum("ij,ij->i", kept, kept), np.einsum("ij,ij->i", had, had)
        ratio[touched] = np.divide(kept, had, out=np.ones_like(kept), where=had > 0)
    return cells * np.pad(ratio, (0, len(cells) - len(ratio)), mode="edge")


class Meter:
    """Weighted energy per 100 ms segment of a session of `length` samples at `rate`."""

    def __init__(self, rate: int, length: int):
        self.rate = rate
        self.segment = round(SEGMENT * rate)
        self.energy = np.zeros(length // self.segment + 2)
        self.response = _response(rate)
        self._ringing = np.zeros(0)
        self._position = 0

    def weigh(self, samples: np.ndarray) -> np.ndarray:
        """A phrase K-weighted on its own, with its ringing after it."""
        return weigh(samples, self.rate)

    def add_weighted(self, weighted: np.ndarray, start: int) -> None:
        """Add already weighted samples that begin `start` samples into the session."""
        end = start + len(weighted)
        first, last = start // self.segment, min(-(-end // self.segment), len(self.energy))
        bounds = np.clip(np.arange(first, last + 1) * self.segment - start, 0, len(weighted))
        running = np.concatenate([[0.0], np.cumsum(weighted * weighted)])
        self.energy[first:last] += np.diff(running[bounds])

    def add_cells(self, cells: np.ndarray, start: int) -> None:
        """Add a clip's energy cells (see `energy_cells`) placed at `start`.

        A cell that straddles a segment boundary is shared in proportion, as if its energy
        were even across its 10 ms: the error is far below what the gates can see."""
        cell = round(CELL * self.rate)
        begins = start + cell * np.arange(len(cells))
        first = begins // self.segment
        before = np.clip((first + 1) * self.segment - begins, 0, cell) / cell
        last = len(self.energy) - 1
        np.add.at(self.energy, np.minimum(first, last), cells * before)
        np.add.at(self.energy, np.minimum(first + 1, last), cells * (1 - before))

    def add_stream(self, chunk: np.ndarray) -> None:
        """The next chunk of a session that sounds everywhere (one with an ambient bed)."""
        weighted = dsp.convolve(chunk.astype(np.float64), self.response)
        weighted[: len(self._ringing)] += self._ringing  # the previous chunk's ringing runs on here
        self._ringing = weighted[len(chunk) :]
        self.add_weighted(weighted[: len(chunk)], self._position)
        self._position += len(chunk)

    def integrated(self) -> float:
        """Gated integrated loudness in LUFS of everything added."""
        whole = len(self.energy) - 2  # the last, partial segments are not gated, as in ffmpeg
        blocks = np.convolve(self.energy[:whole], np.ones(4), "valid") / (4 * self.segment)
        return gated(blocks)


def gated(blocks: np.ndarray) -> float:
    """BS.1770's two gates over the mean square of each 400 ms block."""
    with np.errstate(divide="ignore"):
        level = -0.691 + 10 * np.log10(blocks)
    kept = blocks[level > ABSOLUTE_GATE]
    if not len(kept):
        return -math.inf
    relative = -0.691 + 10 * math.log10(kept.mean()) + RELATIVE_GATE
    kept = blocks[level > max(relative, ABSOLUTE_GATE)]
    return -0.691 + 10 * math.log10(kept.mean())
