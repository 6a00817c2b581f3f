"""Each distinct clip made ready for the mix, on its own: compressed, resampled, limited.

Every cue of a session is a clip placed on exact silence, so the dynamics can work clip by
clip instead of streaming the whole session through a filter graph: a clip used twenty
times is processed once, and a clip sounds the same wherever it is placed, which keeps
renders reproducible whatever else is in the batch. Everything here is vectorised numpy
(see `dsp`); no sample loops in Python.

- The compressor is gentle (3:1 above -18 dBFS, soft knee): eSpeak's peaks sit ~20 dB above
  its loudness, and this takes ~4 dB off them so the limiter seldom has to act.
- The limiter acts only on clips whose peaks the session's gain would push over the
  ceiling. It looks at the clip 4x oversampled (true peak, BS.1770 Annex 2) and works
  ahead of each peak, so nothing clips between samples and no cue moves.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import RenderError
from . import dsp, loudness

THRESHOLD_DB = -18.0
RATIO = 3.0
KNEE_DB = 6.0
ATTACK = 0.002  # seconds: the compressor's fast detector
RELEASE = 0.1  # seconds: its slow detector, which holds the gain down between syllables
LIMIT_AHEAD = 0.005  # seconds the limiter starts turning down before a peak
LIMIT_HOLD = 0.08  # seconds it holds the gain down after one
LIMIT_BLOCK = 32  # samples: the limiter decides its gain per block of this many
CANDIDATE_DB = 3.0  # dB below the ceiling a sample must reach to be checked between samples
FULL_SCALE = 32768.0


@dataclass(frozen=True)
class Prepared:
    """A clip ready for the mix at unity gain, with its weighted energy per 10 ms cell and its
    true peak: a gain that keeps the peak under the ceiling needs no limiter pass at all."""

    samples: np.ndarray
    cells: np.ndarray
    peak: float


def prepare(pcm: bytes, rate: int, out_rate: int) -> Prepared:
    samples = compress_and_resample(pcm, rate, out_rate)
    cells = loudness.energy_cells(loudness.weigh(samples, out_rate), out_rate)
    samples = samples.astype(np.float32)
    return Prepared(samples, cells, clip_peak(samples))


def clip_peak(x: np.ndarray) -> float:
    """The true peak, oversampling only the samples within CANDIDATE_DB of the sample peak
    (as `limited` does: nothing here overshoots between samples by more than that)."""
    if not len(x):
        return 0.0
    magnitude = np.abs(x)
    near = np.flatnonzero(magnitude >= magnitude.max() * 10 ** (-CANDIDATE_DB / 20))
    return float(_peaks_near(x, _and_before(near, len(x))).max())


def _runs(blocks: np.ndarray) -> list[tuple[int, int]]:
    """(first, last) of each run of consecutive numbers in sorted `blocks`: slices, not a
    gather and scatter of every sample in them."""
    if not len(blocks):
        return []
    breaks = np.flatnonzero(np.diff(blocks) != 1)
    return list(zip(blocks[np.r_[0, breaks + 1]].tolist(), blocks[np.r_[breaks, len(blocks) - 1]].tolist()))


def _and_before(at: np.ndarray, n: int) -> np.ndarray:
    """The positions `at` and the one before each, in order: a crest between samples can lie
    on either side of a loud sample."""
    marked = np.zeros(n, dtype=bool)
    marked[at] = True
    marked[np.maximum(at - 1, 0)] = True
    return np.flatnonzero(marked)


def limit(clip: Prepared, gain: float, ceiling: float, rate: int) -> tuple[np.ndarray, bool]:
    """`limited` for a prepared clip, skipping the search when its known peak stays under."""
    if clip.peak * gain <= ceiling:
        return clip.samples * gain, False
    return limited(clip.samples, gain, ceiling, rate)


def compress_and_resample(pcm: bytes, rate: int, out_rate: int) -> np.ndarray:
    """A clip of 16-bit PCM at `rate`, compressed, as floats at `out_rate` (`rate` or twice it)."""
    x = np.frombuffer(pcm, dtype="<i2").astype(np.float64) / FULL_SCALE
    x = x * compressor_gain(x, rate)
    if out_rate == rate:
        return x
    if out_rate != 2 * rate:
        raise RenderError(f"cannot take a clip from {rate} Hz to {out_rate} Hz: only to twice its rate")
    return dsp.upsample2(x)


def compressor_gain(x: np.ndarray, rate: int) -> np.ndarray:
    """A gain per sample from a fast and a slow power detector: the fast one catches onsets
    within ~2 ms, the slow one holds the gain down for ~100 ms after them."""
    power = x * x
    fast, slow = (dsp.moving_average(power, max(1, round(seconds * rate))) for seconds in (ATTACK, RELEASE))
    with np.errstate(divide="ignore"):
        level = 10 * np.log10(np.maximum(fast, slow))
    over = level - THRESHOLD_DB
    reduction = np.where(
        over <= -KNEE_DB / 2,
        0.0,
        np.where(over >= KNEE_DB / 2, over, (over + KNEE_DB / 2) ** 2 / (2 * KNEE_DB)) * (1 - 1 / RATIO),
    )
    return 10 ** (-reduction / 20)


def true_peak(x: np.ndarray) -> float:
    """The highest absolute value on or between samples, found 4x oversampled (linear)."""
    return float(_peaks_near(x, np.arange(len(x))).max()) if len(x) else 0.0


def _lanczos_phases() -> np.ndarray:
    """Interpolation filters for the points 1/4, 1/2 and 3/4 of the way to the next sample."""
    taps = np.arange(-INTERPOLATION_TAPS // 2 + 1, INTERPOLATION_TAPS // 2 + 1)
    distance = np.array([0.25, 0.5, 0.75])[:, None] - taps[None, :]
    return np.sinc(distance) * np.sinc(distance / (INTERPOLATION_TAPS // 2))


INTERPOLATION_TAPS = 16
_PHASES = _lanczos_phases()


def _peaks_near(x: np.ndarray, at: np.ndarray) -> np.ndarray:
    """The true peak from each sample `at` to the next, interpolated 4x: only the samples that
    could reach the ceiling are looked at, so the cost follows the loud moments, not the clip."""
    reach = np.arange(-INTERPOLATION_TAPS // 2 + 1, INTERPOLATION_TAPS // 2 + 1)
    around = _around(x, at[:, None] + reach[None, :])
    between = np.abs(around @ _PHASES.T).max(axis=1)
    return np.maximum(np.abs(x[at]), np.maximum(between, np.abs(_around(x, at + 1))))


def _around(x: np.ndarray, at: np.ndarray) -> np.ndarray:
    """x at the positions `at`, silence before and after it (without copying the whole clip)."""
    if at.size and at.min() >= 0 and at.max() < len(x):  # the usual case: nothing to pad
        return x[at]
    inside = (at >= 0) & (at < len(x))
    return np.where(inside, x[np.clip(at, 0, len(x) - 1)], 0.0)


def limited(x: np.ndarray, gain: float, ceiling: float, rate: int) -> tuple[np.ndarray, bool]:
    """(`x` times `gain` with its true peak at most `ceiling` (linear), whether it had to act).

    Only samples within CANDIDATE_DB of the ceiling are oversampled: no signal overshoots
    between its samples by more than that at 2x its bandwidth, which every clip here is.
    The gain per block is the lowest any sample within reach needs (a minimum filter reaching
    LIMIT_AHEAD before and LIMIT_HOLD after), then smoothed with a window shorter than that
    reach, so the smoothed gain never rises above what any sample needs.
    """
    y = x * gain
    near = ceiling * 10 ** (-CANDIDATE_DB / 20)
    loud = np.flatnonzero((y > near) | (y < -near))  # |y| > near, without a float temporary the clip's size
    hot = _and_before(loud, len(y))
    if not len(hot):
        return y, False
    peaks = _peaks_near(y, hot)
    if peaks.max() <= ceiling:
        return y, False
    target = ceiling * 10 ** (-0.05 / 20)
    blocks = -(-len(y) // LIMIT_BLOCK)
    ahead, hold = (max(1, round(seconds * rate / LIMIT_BLOCK)) for seconds in (LIMIT_AHEAD, LIMIT_HOLD))
    centres = (np.arange(blocks) + 0.5) * LIMIT_BLOCK
    out, kept = y, []  # turned down in place where the gain is below 1; the spans kept, to try again
    for _ in range(4):
        for start, samples in kept:
            out[start : start + len(samples)] = samples
        need_blocks = np.ones(blocks)
        np.minimum.at(need_blocks, hot // LIMIT_BLOCK, np.minimum(1.0, target / peaks))
        reach = dsp.moving_min(need_blocks, before=hold, after=ahead)
        smooth = np.minimum(dsp.moving_average(np.pad(reach, (ahead - 1, 0), mode="edge"), ahead)[ahead - 1 :], reach)
        turned = np.flatnonzero(dsp.moving_min(smooth, before=1, after=1) < 1.0)  # blocks near a cut
        kept = []
        for first, last in _runs(turned):  # elsewhere the gain is exactly 1
            start, stop = first * LIMIT_BLOCK, min((last + 1) * LIMIT_BLOCK, len(y))
            kept.append((start, out[start:stop].copy()))
            out[start:stop] *= np.interp(np.arange(start, stop), centres, smooth)
        if _peaks_near(out, hot).max() <= ceiling:
            return out, True
        target *= 10 ** (-0.2 / 20)
    return out * (ceiling / _peaks_near(out, hot).max()), True  # a last resort that always holds
