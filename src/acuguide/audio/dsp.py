"""The few signal operations the render needs, in numpy alone.

scipy.signal would do all of this, but importing it takes about a second, a third of the
time it takes to encode a twelve-minute session. Every filter here is a finite impulse
response applied by FFT, so each is one vectorised call whatever its length: the IIR
filters (K-weighting) are used through their impulse responses, cut where they have decayed
below anything a 16-bit file can hold.
"""

from __future__ import annotations

import numpy as np

HALF_BAND_TAPS = 48  # each side of the interpolated point: images above 11 kHz down > 80 dB
KAISER_BETA = 8.0


def convolve(x: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """The full linear convolution (len(x) + len(kernel) - 1 samples).

    Overlap-add with every block transformed in one batched FFT: the cost grows with the
    length of `x` times the log of the kernel's, never with the FFT of a whole clip."""
    size = len(x) + len(kernel) - 1
    if not len(x) or not len(kernel):
        return np.zeros(max(0, size))
    fft_size = max(1024, 1 << (2 * len(kernel) - 1).bit_length())
    block = fft_size - len(kernel) + 1  # at least len(kernel): a block's tail reaches only the next
    count = -(-len(x) // block)
    blocks = np.zeros((count, block))
    blocks.flat[: len(x)] = x
    y = np.fft.irfft(np.fft.rfft(blocks, fft_size, axis=1) * np.fft.rfft(kernel, fft_size), fft_size, axis=1)
    out = np.zeros((count + 1) * block)
    out[: count * block] += y[:, :block].ravel()
    tails = np.zeros((count, block))
    tails[:, : fft_size - block] = y[:, block:]
    out[block:] += tails.ravel()
    return out[:size]


def biquad_response(sections: np.ndarray, length: int) -> np.ndarray:
    """The impulse response of cascaded biquads (rows b0 b1 b2 a0 a1 a2), `length` samples."""
    response = np.zeros(length)
    response[0] = 1.0
    for b0, b1, b2, _, a1, a2 in sections:
        out = np.empty(length)
        x1 = x2 = y1 = y2 = 0.0
        for n, x in enumerate(response.tolist()):  # once per rate and filter: a few thousand steps
            y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
            out[n] = y
            x2, x1, y2, y1 = x1, x, y1, y
        response = out
    return response


def _half_band() -> np.ndarray:
    """The kernel that makes the point halfway between each pair of samples (Kaiser sinc)."""
    taps = np.arange(-HALF_BAND_TAPS + 1, HALF_BAND_TAPS + 1) - 0.5
    kernel = np.sinc(taps) * np.kaiser(2 * HALF_BAND_TAPS, KAISER_BETA)
    return kernel / kernel.sum()  # a constant stays exactly constant


_HALF_BAND = _half_band()


def upsample2(x: np.ndarray) -> np.ndarray:
    """`x` at twice its rate, band-limited: the original samples kept, the new ones between.

    Exactly 2 * len(x) samples, so a clip placed at sample n lands at 2n: the timeline's
    positions survive the change of rate."""
    out = np.empty(2 * len(x))
    out[0::2] = x
    between = convolve(x, _HALF_BAND[::-1])  # point n + 1/2 uses x[n - 47] .. x[n + 48]
    out[1::2] = between[HALF_BAND_TAPS : HALF_BAND_TAPS + len(x)]
    return out


def moving_average(x: np.ndarray, size: int) -> np.ndarray:
    """The mean of each sample and the `size` - 1 before it (a causal box filter)."""
    running = np.concatenate([np.zeros(size), np.cumsum(x)])
    return (running[size:] - running[:-size]) / size


def moving_min(x: np.ndarray, before: int, after: int) -> np.ndarray:
    """The lowest value from `before` samples before each sample to `after` after it.

    van Herk and Gil-Werman's filter: running minima forward and backward within blocks of
    the window's width, so the cost is three passes whatever the width."""
    width, n = before + after + 1, len(x)
    padded = np.pad(x, (before, after + (-(n + before + after)) % width), mode="edge")
    blocks = padded.reshape(-1, width)
    forward = np.minimum.accumulate(blocks, axis=1).ravel()
    backward = np.minimum.accumulate(blocks[:, ::-1], axis=1)[:, ::-1].ravel()
    return np.minimum(backward[:n], forward[width - 1 : width - 1 + n])
