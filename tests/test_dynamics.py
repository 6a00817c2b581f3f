"""The render's sample work: the loudness meter (checked against ffmpeg's own EBU R128 meter),
its sparse and streaming paths, its gates; the per-clip compressor and true-peak limiter; and
the mix that places every clip at its exact sample over a ducked bed."""

from __future__ import annotations

import math
import re
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from acuguide.audio import dynamics, loudness, mix
from acuguide.audio.ambient import Bed
from acuguide.audio.loudness import Meter
from acuguide.audio.mix import Mix
from acuguide.errors import RenderError
from acuguide.speech import Synthesizer, Voice
from acuguide.timeline.layout import Cue, Script
from acuguide.timeline.plan import CueKind

RATES = (22050, 44100)
# Deterministic examples, no example database: a property test fails or passes the same way every run.
FEW = settings(max_examples=25, deadline=None, derandomize=True, database=None)


# -- helpers ---------------------------------------------------------------------------


def write_wav(path: Path, x: np.ndarray, rate: int) -> np.ndarray:
    """Write `x` as mono 16-bit PCM; returns exactly what was written, as ffmpeg reads it back."""
    pcm = np.clip(np.rint(x * 32768.0), -32768, 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())
    return pcm.astype(np.float64) / 32768.0


def ffmpeg_lufs(path: Path) -> float:
    """Integrated loudness from ffmpeg's ebur128 filter. Its summary (read alone: the per-frame
    log is huge) rounds to 0.1 LU; the same figure to 0.001 LU is in the metadata it attaches
    to its last frame, which is what is returned, after checking the two agree."""
    run = subprocess.run(
        ["ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-i", str(path),
         "-af", "ebur128=metadata=1,ametadata=print:key=lavfi.r128.I:file=-", "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    summary = run.stderr[run.stderr.rindex("Summary:") :]
    rounded = float(re.search(r"I:\s+(-?[\d.]+|-inf) LUFS", summary).group(1))
    precise = float(re.findall(r"lavfi\.r128\.I=(\S+)", run.stdout)[-1])
    assert precise == pytest.approx(rounded, abs=0.051)
    return precise


def streamed(x: np.ndarray, rate: int, chunk: int = 10_000) -> float:
    """Loudness of a whole session fed to the meter chunk by chunk (the streaming path)."""
    meter = Meter(rate, len(x))
    for i in range(0, len(x), chunk):
        meter.add_stream(x[i : i + chunk])
    return meter.integrated()


def sparse(clips: list[tuple[int, np.ndarray]], rate: int, length: int) -> float:
    """Loudness of clips placed on silence, each weighed on its own (the sparse path)."""
    meter = Meter(rate, length)
    for start, samples in clips:
        meter.add_weighted(meter.weigh(samples), start)
    return meter.integrated()


def placed(clips: list[tuple[int, np.ndarray]], length: int) -> np.ndarray:
    out = np.zeros(length)
    for start, samples in clips:
        out[start : start + len(samples)] += samples
    return out


def pink(rng: np.random.Generator, n: int) -> np.ndarray:
    """Pink-ish noise (1/f power) at unit RMS."""
    spectrum = np.fft.rfft(rng.standard_normal(n))
    spectrum /= np.sqrt(np.maximum(np.arange(len(spectrum)), 1))
    spectrum[0] = 0
    x = np.fft.irfft(spectrum, n)
    return x / np.sqrt(np.mean(x * x))


def bursts(rng: np.random.Generator, rate: int, count: int) -> list[np.ndarray]:
    """Speech-like phrases: pink noise with a syllable-rate envelope, 0.3-1.5 s long."""
    out = []
    for _ in range(count):
        n = int(rng.uniform(0.3, 1.5) * rate)
        t = np.arange(n) / rate
        envelope = 0.55 + 0.45 * np.sin(2 * np.pi * rng.uniform(3, 6) * t + rng.uniform(0, 6.3))
        out.append(0.08 * pink(rng, n) * envelope * np.hanning(n) ** 0.1)
    return out


def upsample2(x: np.ndarray) -> np.ndarray:
    """Ideal (FFT) 2x band-limited interpolation: numpy only, independent of the code under test."""
    n = len(x)
    spectrum = np.fft.rfft(x)
    if n % 2 == 0 and n:
        spectrum[-1] /= 2  # the Nyquist bin is shared between +/- in the longer signal
    return np.fft.irfft(spectrum, 2 * n) * 2


def ungated_lufs(x: np.ndarray, rate: int) -> float:
    """The mean K-weighted power over the whole of `x`, with no gate at all."""
    meter = Meter(rate, len(x))
    meter.add_stream(x)
    return -0.691 + 10 * math.log10(meter.energy.sum() / len(x))


def db(ratio: float) -> float:
    return 20 * math.log10(ratio)


def script(cues: list[Cue], length: int, rate: int = 22050) -> Script:
    return Script("T", "", "t", "t.yaml", rate, length, tuple(cues), (), ())


def cue(start: int, length: int, text: str) -> Cue:
    return Cue(start, start + length, CueKind.SAY, text, "steps[0]")


def joined(m: Mix) -> np.ndarray:
    chunks = list(m.chunks())
    assert all(len(c) <= mix.CHUNK for c in chunks)
    return np.concatenate(chunks) if chunks else np.zeros(0)


# -- 1. the meter agrees with ffmpeg's EBU R128 meter -------------------------------------


@pytest.mark.process
@pytest.mark.parametrize("rate", RATES)
def test_a_1khz_sine_at_minus_20_dbfs_reads_as_ffmpeg_reads_it(rate, tmp_path):
    t = np.arange(8 * rate) / rate
    x = write_wav(tmp_path / "sine.wav", 0.1 * np.sin(2 * np.pi * 1000 * t), rate)
    reference = ffmpeg_lufs(tmp_path / "sine.wav")
    # -20 dBFS peak is -23 dBFS RMS; K-weighting adds ~0.7 dB at 1 kHz, and BS.1770 takes 0.691 off
    assert reference == pytest.approx(-23.0, abs=0.1)
    assert streamed(x, rate) == pytest.approx(reference, abs=0.1)
    assert sparse([(0, x)], rate, len(x)) == pytest.approx(reference, abs=0.1)


@pytest.mark.process
@pytest.mark.parametrize("rate", RATES)
def test_noise_phrases_on_silence_read_as_ffmpeg_reads_them(rate, tmp_path):
    rng = np.random.default_rng(rate)
    clips, t = [], rate // 2
    for phrase in bursts(rng, rate, 12):
        clips.append((t, phrase))
        t += len(phrase) + int(rng.uniform(0.2, 2.0) * rate)
    length = t + rate
    session = write_wav(tmp_path / "noise.wav", placed(clips, length), rate)
    reference = ffmpeg_lufs(tmp_path / "noise.wav")
    assert -40 < reference < -15
    assert streamed(session, rate) == pytest.approx(reference, abs=0.1)
    quantized = [(start, session[start : start + len(c)]) for start, c in clips]
    assert sparse(quantized, rate, length) == pytest.approx(reference, abs=0.1)


SPOKEN = [
    "Sit comfortably and let your shoulders drop.",
    "Press firmly.",
    "And release.",
    "Breathe in slowly through your nose.",
    "Find the point in the web between thumb and index finger.",
]


@pytest.fixture(scope="module")
def espeak_clips(speech_cache) -> list[bytes]:
    clips = Synthesizer(Voice("espeak"), 22050, speech_cache).clips(SPOKEN)
    return [clips[text].pcm for text in SPOKEN]


@pytest.mark.audio
@pytest.mark.parametrize("rate", RATES)
def test_espeak_speech_reads_as_ffmpeg_reads_it(rate, espeak_clips, tmp_path):
    """At 22050 Hz the clips as spoken; at 44100 Hz as the render makes them (compressed, resampled)."""
    if rate == 22050:
        phrases = [np.frombuffer(pcm, dtype="<i2") / 32768.0 for pcm in espeak_clips]
    else:
        phrases = [dynamics.compress_and_resample(pcm, 22050, rate) for pcm in espeak_clips]
    clips, t = [], rate // 2
    for i, phrase in enumerate(phrases * 2):
        clips.append((t, phrase))
        t += len(phrase) + int((0.3 + 0.4 * (i % 3)) * rate)
    length = t + 2 * rate
    session = write_wav(tmp_path / "speech.wav", placed(clips, length), rate)
    reference = ffmpeg_lufs(tmp_path / "speech.wav")
    assert -35 < reference < -10
    assert streamed(session, rate) == pytest.approx(reference, abs=0.1)
    quantized = [(start, session[start : start + len(c)]) for start, c in clips]
    assert sparse(quantized, rate, length) == pytest.approx(reference, abs=0.1)


# -- 2. the sparse path equals the streaming path -------------------------------------------


@FEW
@given(
    seed=st.integers(0, 2**32 - 1),
    gaps=st.lists(st.floats(0.0, 0.3), min_size=2, max_size=8),
    rate=st.sampled_from(RATES),
)
def test_clips_weighed_alone_measure_as_the_whole_session(seed, gaps, rate):
    """Including clips closer together than loudness.TAIL (their ringing overlaps the next clip),
    and clips that end abruptly at full level with low-frequency content (the most ringing)."""
    rng = np.random.default_rng(seed)
    phrases = bursts(rng, rate, 3)
    t = np.arange(rate // 2) / rate
    phrases.append(0.3 * np.sin(2 * np.pi * 45 * t + 1.0))  # stops at a crest: a step into the high-pass
    clips, start = [], int(rng.integers(0, rate))
    for i, gap in enumerate([0.0, loudness.TAIL / 2, *gaps]):
        phrase = phrases[i % len(phrases)]
        clips.append((start, phrase))
        start += len(phrase) + round(gap * rate)
    length = start + int(rng.integers(0, rate))  # sometimes the last tail runs past the end
    whole = placed(clips, length)
    assert sparse(clips, rate, length) == pytest.approx(streamed(whole, rate), abs=0.01)


def test_a_mix_without_a_bed_measures_sparsely_as_its_own_stream():
    rng = np.random.default_rng(7)
    phrases = bursts(rng, 22050, 4)
    clips = {f"p{i}": upsample2(p) for i, p in enumerate(phrases)}
    cues, t = [], 11025
    for i in range(10):
        length = len(phrases[i % 4])
        cues.append(cue(t, length, f"p{i % 4}"))
        t += length + (0, 100, 1000, 5000, 30000)[i % 5]  # 0 to 1.4 s: most closer than TAIL
    m = Mix(script(cues, t + 22050), clips, 44100)
    assert m.loudness() == pytest.approx(streamed(joined(m), 44100, mix.CHUNK), abs=0.01)


@pytest.mark.parametrize("chunk", [1, 777, 4410, 10**6])
def test_the_stream_does_not_depend_on_how_it_is_chunked(chunk):
    rng = np.random.default_rng(3)
    x = np.concatenate(bursts(rng, 22050, 3))[: 3 * 22050 if chunk > 1 else 22050]
    meter = Meter(22050, len(x))
    meter.add_stream(x)
    assert streamed(x, 22050, chunk) == pytest.approx(meter.integrated(), abs=1e-9)


# -- 3. the gates ---------------------------------------------------------------------------


@pytest.mark.process
def test_silence_does_not_count_and_bursts_keep_their_loudness(tmp_path):
    """Three 4 s bursts in 14 s or in 105 s of session: the same loudness, and ffmpeg's."""
    rate = 22050
    rng = np.random.default_rng(11)
    burst = [0.1 * pink(rng, 4 * rate) for _ in range(3)]

    def session(gap: float) -> list[tuple[int, np.ndarray]]:
        return [(round(rate * (0.5 + i * (4 + gap))), b) for i, b in enumerate(burst)]

    packed, sparse_session = session(0.5), session(30.0)
    length = round(rate * 105)
    loud = sparse(packed, rate, round(rate * 14))
    assert sparse(sparse_session, rate, length) == pytest.approx(loud, abs=1e-6)
    x = write_wav(tmp_path / "bursts.wav", placed(sparse_session, length), rate)
    assert streamed(x, rate) == pytest.approx(ffmpeg_lufs(tmp_path / "bursts.wav"), abs=0.1)
    # The bursts' own loudness, less ~0.3 LU for the partial blocks at their edges (40 of 43 blocks' energy).
    alone = streamed(np.concatenate(burst), rate)
    assert loud == pytest.approx(alone + 10 * math.log10(40 / 43), abs=0.1)
    ungated = ungated_lufs(x, rate)
    assert loud - ungated > 9  # were silence counted it would read 10*log10(12/105) lower


@pytest.mark.process
def test_the_absolute_gate_keeps_silence_out_of_the_relative_threshold(tmp_path):
    """Bursts at about -20 LUFS, a passage 16 LU under them, and a lot of silence: measured
    over the blocks that sound, the relative gate drops the passage. Were silence counted,
    the threshold would fall under the passage and the result would be ~4 LU lower."""
    rate = 22050
    rng = np.random.default_rng(5)
    loud = 0.1 * pink(rng, 2 * rate)
    quiet = 10 ** (-16 / 20) * 0.1 * pink(rng, 4 * rate)
    clips = [(rate, loud), (5 * rate, quiet)]
    length = 106 * rate
    x = write_wav(tmp_path / "gated.wav", placed(clips, length), rate)
    reference = ffmpeg_lufs(tmp_path / "gated.wav")
    measured = streamed(x, rate)
    assert measured == pytest.approx(reference, abs=0.1)
    assert sparse(clips, rate, length) == pytest.approx(reference, abs=0.1)
    assert measured == pytest.approx(sparse(clips[:1], rate, length), abs=0.01)  # the loud burst alone


@pytest.mark.process
@pytest.mark.parametrize("rate", RATES)
def test_a_passage_20_db_under_the_rest_is_left_out(rate, tmp_path):
    rng = np.random.default_rng(rate + 1)
    loud, quiet = 0.1 * pink(rng, 10 * rate), 0.01 * pink(rng, 10 * rate)
    x = write_wav(tmp_path / "two.wav", np.concatenate([loud, quiet]), rate)
    measured = streamed(x, rate)
    alone = streamed(np.concatenate([loud, np.zeros(10 * rate)]), rate)
    assert measured == pytest.approx(alone, abs=0.01)  # only the loud half counts
    assert measured == pytest.approx(ffmpeg_lufs(tmp_path / "two.wav"), abs=0.1)
    ungated = ungated_lufs(x, rate)
    assert measured - ungated > 2.5  # with the quiet half counted it would read ~3 LU lower


def test_silence_alone_measures_minus_infinity():
    assert Meter(22050, 5 * 22050).integrated() == -math.inf
    assert streamed(np.zeros(5 * 22050), 22050) == -math.inf


def test_k_weighting_reproduces_the_48_khz_coefficients_of_bs1770():
    shelf, highpass = loudness.k_weighting(48000)
    assert shelf == pytest.approx(
        [1.53512485958697, -2.69169618940638, 1.19839281085285, 1.0, -1.69065929318241, 0.73248077421585], abs=1e-9
    )
    assert highpass == pytest.approx([1.0, -2.0, 1.0, 1.0, -1.99004745483398, 0.99007225036621], abs=1e-9)


# -- 4. the limiter --------------------------------------------------------------------------


def band_limited(seed: int, seconds: float) -> np.ndarray:
    """A clip as the render has it at 44100 Hz: made at 22050 Hz (so band-limited to 11025 Hz),
    resampled 2x. A low floor with a few loud, short bursts, so some of it is far from any peak."""
    rng = np.random.default_rng(seed)
    n = int(seconds * 22050)
    envelope = np.full(n, 0.02)
    for _ in range(int(rng.integers(1, 4))):
        width = int(rng.integers(200, 3000))
        at = int(rng.integers(0, n - width))
        envelope[at : at + width] += rng.uniform(0.1, 0.4) * np.hanning(width)
    return upsample2(rng.standard_normal(n) * envelope)


LIMITER_CASES = dict(
    seed=st.integers(0, 2**32 - 1),
    seconds=st.floats(0.3, 2.0),
    over_db=st.floats(1.0, 8.0),
    ceiling_db=st.floats(-3.0, -0.5),
)


@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(**LIMITER_CASES)
@example(
    seed=166, seconds=1.5, over_db=1.0, ceiling_db=-1.0
)  # was 0.32 dB over when crests before a loud sample were missed
def test_the_limiter_holds_the_true_peak_under_the_ceiling(seed, seconds, over_db, ceiling_db):
    x = band_limited(seed, seconds)
    ceiling = 10 ** (ceiling_db / 20)
    out, acted = dynamics.limited(x, ceiling / dynamics.true_peak(x) * 10 ** (over_db / 20), ceiling, 44100)
    assert acted
    assert dynamics.true_peak(out) <= ceiling


@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(**{**LIMITER_CASES, "seconds": st.floats(1.5, 3.0)})
def test_the_limiter_only_turns_down_and_only_near_peaks(seed, seconds, over_db, ceiling_db):
    """Its length never changes; its gain is never above 1; samples farther than LIMIT_AHEAD +
    LIMIT_HOLD from any sample it could act on are untouched; and it turns the peaks down to
    the ceiling, not far under it."""
    rate = 44100
    x = band_limited(seed, seconds)
    ceiling = 10 ** (ceiling_db / 20)
    gain = ceiling / dynamics.true_peak(x) * 10 ** (over_db / 20)
    y = x * gain
    out, acted = dynamics.limited(x, gain, ceiling, rate)
    assert acted
    assert len(out) == len(x)
    assert ceiling * 10 ** (-1.0 / 20) < dynamics.true_peak(out) <= ceiling
    moving = np.abs(y) > 1e-9
    applied = out[moving] / y[moving]
    assert applied.max() <= 1 + 1e-12 and applied.min() > 0  # only ever turned down, never inverted
    hot = np.flatnonzero(np.abs(y) > ceiling * 10 ** (-dynamics.CANDIDATE_DB / 20))
    # the hold and the lookahead, the smoothing (as long as the lookahead) and a block either side
    reach = (dynamics.LIMIT_HOLD + 2 * dynamics.LIMIT_AHEAD) * rate + 2 * dynamics.LIMIT_BLOCK
    positions = np.arange(len(y))
    after = np.searchsorted(hot, positions)  # the first hot sample at or after each sample
    distance = np.minimum(
        np.abs(hot[np.minimum(after, len(hot) - 1)] - positions), np.abs(positions - hot[np.maximum(after - 1, 0)])
    )
    far = distance > reach
    assert far.sum() > rate // 2
    np.testing.assert_allclose(out[far], y[far], rtol=1e-12, atol=0)  # a gain of 1 to the last bit or two
    assert not np.array_equal(out[~far], y[~far])


@FEW
@given(seed=st.integers(0, 2**32 - 1), seconds=st.floats(0.0, 1.0), headroom_db=st.floats(0.0, 20.0))
def test_a_clip_under_the_ceiling_is_only_scaled(seed, seconds, headroom_db):
    x = band_limited(seed, max(seconds, 0.2))[: int(seconds * 44100)]
    ceiling = 10 ** (-1 / 20)
    peak = dynamics.true_peak(x)
    gain = ceiling / peak * 10 ** (-headroom_db / 20) if peak else 3.0
    out, acted = dynamics.limited(x, gain, ceiling, 44100)
    assert not acted
    np.testing.assert_array_equal(out, x * gain)


def test_the_true_peak_sees_between_samples():
    t = np.arange(4410)
    x = np.sin(2 * np.pi * 11025 / 44100 * t + np.pi / 4)  # every sample at 0.707 of the crest
    assert np.abs(x).max() == pytest.approx(math.sqrt(0.5))
    assert 1.0 <= dynamics.true_peak(x) < 1.02  # the 4x interpolator reads a little over at 11025 Hz
    assert dynamics.true_peak(np.zeros(0)) == 0.0


def test_the_limiter_sees_a_peak_just_before_a_loud_sample():
    """A 10.5 kHz burst made at 22050 Hz and resampled 2x, as `voiced` does: band-limited as the
    limiter's docstring requires. Its crest falls where the sample before it is ~4 dB under it."""
    n = np.arange(int(30 * 22050 / 9500))
    burst = 0.5 * np.cos(2 * np.pi * 10500 * (n - 0.25) / 22050) * np.hanning(len(n))
    x = upsample2(np.concatenate([np.zeros(2205), burst, np.zeros(2205)]))
    ceiling = 10 ** (-1 / 20)
    for over_db in (1.0, 2.0, 3.0):
        out, _ = dynamics.limited(x, ceiling / dynamics.true_peak(x) * 10 ** (over_db / 20), ceiling, 44100)
        assert db(dynamics.true_peak(out) / ceiling) <= 0.0


def test_the_limiter_acts_on_a_crest_between_a_quiet_and_a_loud_sample():
    n = np.arange(160)
    burst = 0.5 * np.cos(2 * np.pi * 11025 * (n - 0.6) / 44100) * np.hanning(len(n))
    x = np.concatenate([np.zeros(4410), burst, np.zeros(4410)])
    ceiling = 10 ** (-1 / 20)
    out, acted = dynamics.limited(x, ceiling / dynamics.true_peak(x) * 10 ** (1 / 20), ceiling, 44100)
    assert acted and dynamics.true_peak(out) <= ceiling


# -- 5. the compressor -------------------------------------------------------------------------


def pcm16(x: np.ndarray) -> bytes:
    return np.clip(np.rint(x * 32768.0), -32768, 32767).astype("<i2").tobytes()


@FEW
@given(
    samples=st.integers(0, 30000),
    rates=st.sampled_from([(22050, 44100), (22050, 22050), (16000, 32000), (24000, 48000)]),
    level=st.floats(0.0, 1.0),
    seed=st.integers(0, 2**32 - 1),
)
def test_voiced_keeps_the_length_exactly_and_only_turns_down(samples, rates, level, seed):
    rate, out_rate = rates
    rng = np.random.default_rng(seed)
    pcm = pcm16(np.clip(level * rng.standard_normal(samples) * np.linspace(0, 1, samples), -1, 1))
    out = dynamics.compress_and_resample(pcm, rate, out_rate)
    assert len(out) == samples * out_rate // rate  # the timing contract, to the sample
    x = np.frombuffer(pcm, dtype="<i2") / 32768.0
    gain = dynamics.compressor_gain(x, rate)
    assert np.all(gain <= 1.0) and np.all(gain > 0)
    if out_rate == rate:
        assert np.all(np.abs(out) <= np.abs(x))


@pytest.mark.parametrize("rates", [(22050, 44100), (22050, 22050)])
def test_quiet_speech_goes_through_the_compressor_untouched(rates):
    """Peaks at -30 dBFS: the compressor's gain is exactly 1 throughout, so at the same rate the
    clip comes out as it went in, and at twice the rate the whole is linear (the upsampled sum
    of two quiet clips is the sum of the two upsampled), which a compressor that acted is not."""
    rate, out_rate = rates
    rng = np.random.default_rng(1)
    a, b = (np.concatenate(bursts(rng, rate, 6))[:rate] for _ in range(2))
    a, b = (x * 10 ** (-36 / 20) / np.abs(x).max() for x in (a, b))  # each -36, together under -30 dBFS
    qa, qb = (np.frombuffer(pcm16(x), dtype="<i2") / 32768.0 for x in (a, b))
    assert np.abs(qa + qb).max() < 10 ** (-30 / 20)
    assert np.all(dynamics.compressor_gain(qa + qb, rate) == 1.0)
    together = dynamics.compress_and_resample(pcm16(qa + qb), rate, out_rate)
    assert len(together) == len(qa) * out_rate // rate
    if out_rate == rate:
        np.testing.assert_array_equal(together, qa + qb)
    apart = dynamics.compress_and_resample(pcm16(qa), rate, out_rate) + dynamics.compress_and_resample(
        pcm16(qb), rate, out_rate
    )
    np.testing.assert_allclose(together, apart, rtol=0, atol=1e-12)
    loud = 10 ** (24 / 20)  # the same test on the clip 24 dB up tells the compressor acting apart
    louder = dynamics.compress_and_resample(pcm16(loud * (qa + qb)), rate, out_rate)
    assert np.abs(louder - loud * together).max() > 0.01


@pytest.mark.parametrize(
    ("level_db", "reduction_db"),
    [
        (-6.0, (18 - 6) * (1 - 1 / 3)),  # 12 dB over the threshold at 3:1: 8 dB off
        (-12.0, 6 * (1 - 1 / 3)),  # at the top of the knee
        (-18.0, 3**2 / 12 * (1 - 1 / 3)),  # in the middle of the soft knee: 0.5 dB
        (-22.0, 0.0),  # under the knee
    ],
)
def test_the_compressor_follows_its_static_curve(level_db, reduction_db):
    """A steady level (a DC level holds both detectors still) comes out turned down by 3:1
    above -18 dBFS, with a 6 dB soft knee."""
    rate = 22050
    x = np.full(rate, 10 ** (level_db / 20))
    out = dynamics.compress_and_resample(pcm16(x), rate, rate)
    assert -db(out[-100] / x[-100]) == pytest.approx(reduction_db, abs=0.02)


def test_the_compressor_catches_an_onset_within_milliseconds():
    rate = 22050
    x = np.concatenate([np.zeros(rate // 2), np.full(rate // 2, 0.5)])
    gain = dynamics.compressor_gain(x, rate)
    ms10 = rate // 2 + round(0.01 * rate)
    assert db(gain[ms10]) < -7.0  # 8 dB at steady state; the fast detector is most of the way in 10 ms
    assert np.all(gain[: rate // 2] == 1.0)


# -- 6. the mix --------------------------------------------------------------------------------


@FEW
@given(
    data=st.lists(st.tuples(st.integers(0, 20000), st.integers(1, 30000)), min_size=1, max_size=12),
    tail=st.integers(0, 30000),
    factor=st.sampled_from([1, 2]),
    seed=st.integers(0, 2**32 - 1),
)
def test_every_clip_lands_on_its_exact_sample(data, tail, factor, seed):
    """Clips of distinct random samples, some straddling chunk boundaries, in any cue order,
    one of them used twice: each found where its cue starts, times the rate factor, and
    nothing but silence elsewhere."""
    rng = np.random.default_rng(seed)
    cues, clips, t = [], {}, 0
    for i, (gap, length) in enumerate(data):
        t += gap
        key = f"p{i}"
        if i and i == len(data) - 1:  # the first clip again
            key, length = "p0", data[0][1]
        cues.append(cue(t, length, key))
        clips.setdefault(key, rng.uniform(0.1, 1.0, length * factor) * rng.choice([-1, 1], length * factor))
        t += length
    rng.shuffle(cues)
    s = script(cues, t + tail)
    out = joined(Mix(s, clips, 22050 * factor))
    assert len(out) == s.length * factor
    expected = np.zeros(s.length * factor)
    for c in cues:
        np.testing.assert_array_equal(out[c.start * factor : c.end * factor], clips[c.clip])
        expected[c.start * factor : c.end * factor] = 1
    assert np.all(out[expected == 0] == 0)


def test_a_clip_across_a_chunk_boundary_is_whole():
    boundary = mix.CHUNK // 2  # in timeline samples at 22050 -> 44100
    clip = np.arange(1, 2001, dtype=np.float64)
    s = script([cue(boundary - 1000, 1000, "a"), cue(2 * boundary - 3, 5000, "b")], 3 * boundary)
    clips = {"a": np.repeat(clip, 2)[:2000], "b": np.tile(clip, 5)}
    out = joined(Mix(s, clips, 44100))
    assert len(out) == 3 * mix.CHUNK
    assert out[mix.CHUNK - 2000 : mix.CHUNK].tolist() == clips["a"].tolist()
    assert out[2 * mix.CHUNK - 6 : 2 * mix.CHUNK - 6 + 10000].tolist() == clips["b"].tolist()
    assert np.flatnonzero(out).tolist() == (
        list(range(mix.CHUNK - 2000, mix.CHUNK)) + list(range(2 * mix.CHUNK - 6, 2 * mix.CHUNK + 9994))
    )


def test_overlapping_cues_are_refused():
    clips = {"a": np.ones(2000), "b": np.ones(2000)}
    with pytest.raises(RenderError, match="overlaps the one before it"):
        Mix(script([cue(1000, 1000, "a"), cue(1999, 1000, "b")], 5000), clips, 44100)
    Mix(script([cue(1000, 1000, "a"), cue(2000, 1000, "b")], 5000), clips, 44100)  # touching is fine


def test_a_clip_of_the_wrong_length_or_a_rate_not_a_multiple_is_refused():
    with pytest.raises(RenderError, match="does not match the compiled script"):
        Mix(script([cue(0, 1000, "a")], 5000), {"a": np.ones(1999)}, 44100)
    with pytest.raises(RenderError, match="not a multiple"):
        Mix(script([cue(0, 1000, "a")], 5000), {"a": np.ones(1000)}, 48000)


def test_the_bed_sounds_between_cues_and_dips_under_them():
    """Cues of exact silence, so what comes out under them is the bed alone, compared sample by
    sample with the same bed under no cues at all."""
    rate, out_rate, factor = 22050, 44100, 2
    rng = np.random.default_rng(9)
    loop = pcm16(0.2 * pink(rng, rate))
    bed = Bed(loop, gain=-6.0, fade_in=1.0, fade_out=1.0)
    cues = [cue(4 * rate, 2 * rate, "a"), cue(10 * rate, rate, "b")]
    s = script(cues, 15 * rate)
    out = joined(Mix(s, {"a": np.zeros(4 * rate), "b": np.zeros(2 * rate)}, out_rate, bed, bed_gain=0.5))
    undipped = joined(Mix(script([], s.length), {}, out_rate, bed, bed_gain=0.5))
    assert len(out) == len(undipped) == s.length * factor
    nonzero = np.abs(undipped) > 1e-6

    def ratio(lo: float, hi: float) -> np.ndarray:
        i = np.arange(round(lo * out_rate), round(hi * out_rate))
        i = i[nonzero[i]]
        return out[i] / undipped[i]

    def rms(x: np.ndarray, lo: float, hi: float) -> float:
        return float(np.sqrt(np.mean(x[round(lo * out_rate) : round(hi * out_rate)] ** 2)))

    low = 10 ** (mix.DUCK_DB / 20)
    np.testing.assert_allclose(ratio(0.0, 4 - mix.DUCK_DOWN - 0.001), 1.0, rtol=1e-9)  # between cues: the bed
    np.testing.assert_allclose(ratio(6 + mix.DUCK_UP + 0.001, 10 - mix.DUCK_DOWN - 0.001), 1.0, rtol=1e-9)
    np.testing.assert_allclose(ratio(11 + mix.DUCK_UP + 0.001, 15), 1.0, rtol=1e-9)
    np.testing.assert_allclose(ratio(4, 6), low, rtol=1e-9)  # under a cue, from its first sample to its last
    np.testing.assert_allclose(ratio(10, 11), low, rtol=1e-9)
    going = ratio(4 - mix.DUCK_DOWN, 4)  # it dips before the cue: the timeline is known ahead
    assert np.all(np.diff(going) <= 1e-12) and going[0] > 0.95 and going[-1] < low * 1.1
    coming = ratio(6, 6 + mix.DUCK_UP)  # and comes back after it
    assert np.all(np.diff(coming) >= -1e-12) and coming[0] < low * 1.1 and coming[-1] > 0.95
    # The bed itself: at its level (0.2 * -6 dB * 0.5, from a loop at 0.2 RMS), faded in and out.
    assert db(rms(undipped, 2, 3.9)) == pytest.approx(db(0.2 * 0.5) - 6, abs=0.5)
    assert rms(undipped, 0, 0.1) < 0.15 * rms(undipped, 2, 3.9)
    assert rms(undipped, 14.9, 15) < 0.15 * rms(undipped, 2, 3.9)
    assert db(rms(out, 4.2, 5.8) / rms(out, 2.0, 3.8)) == pytest.approx(mix.DUCK_DB, abs=1.0)


def _limited_by_copies(x, gain, ceiling, rate):
    """The limiter as first written: a fresh copy of the clip each try, the gain near a cut
    gathered and scattered sample by sample. The in-place one must give the same samples."""
    d = dynamics
    y = x * gain
    hot = d._and_before(np.flatnonzero(np.abs(y) > ceiling * 10 ** (-d.CANDIDATE_DB / 20)), len(y))
    peaks = d._peaks_near(y, hot)
    target, blocks = ceiling * 10 ** (-0.05 / 20), -(-len(y) // d.LIMIT_BLOCK)
    ahead, hold = (max(1, round(s * rate / d.LIMIT_BLOCK)) for s in (d.LIMIT_AHEAD, d.LIMIT_HOLD))
    centres = (np.arange(blocks) + 0.5) * d.LIMIT_BLOCK
    for _ in range(4):
        need = np.ones(blocks)
        np.minimum.at(need, hot // d.LIMIT_BLOCK, np.minimum(1.0, target / peaks))
        reach = d.dsp.moving_min(need, before=hold, after=ahead)
        smooth = np.minimum(d.dsp.moving_average(np.pad(reach, (ahead - 1, 0), mode="edge"), ahead)[ahead - 1 :], reach)
        turned = np.flatnonzero(d.dsp.moving_min(smooth, before=1, after=1) < 1.0)
        at = (turned[:, None] * d.LIMIT_BLOCK + np.arange(d.LIMIT_BLOCK)).ravel()
        at = at[at < len(y)]
        out = y.copy()
        out[at] *= np.interp(at, centres, smooth)
        if d._peaks_near(out, hot).max() <= ceiling:
            return out, True
        target *= 10 ** (-0.2 / 20)
    return out * (ceiling / d._peaks_near(out, hot).max()), True


@pytest.mark.parametrize("failed_tries", [0, 1, 2, 3, 4])  # 4: every try fails, the last resort scales the clip
def test_the_limiter_in_place_puts_back_each_failed_try_as_a_fresh_copy_would(failed_tries, monkeypatch):
    rng = np.random.default_rng(failed_tries)
    x = np.concatenate([rng.normal(0, 0.05, 3000), rng.normal(0, 0.6, 4000), rng.normal(0, 0.05, 3000)])
    x[[5000, 5001, 7500]] = [0.98, -0.97, 0.99]  # peaks in two places: two spans near cuts
    real = dynamics._peaks_near

    def run(limiter):
        calls = []

        def seen_as_over(y, at):  # the first call measures the clip; each try's check fails `failed_tries` times
            calls.append(len(at))
            peaks = real(y, at)
            return peaks * 10 if 1 < len(calls) <= 1 + failed_tries else peaks

        monkeypatch.setattr(dynamics, "_peaks_near", seen_as_over)
        return limiter(x, 1.5, 0.7, 44100), len(calls)

    (expected, acted), calls = run(_limited_by_copies)
    (found, acted_too), calls_too = run(dynamics.limited)
    assert acted and acted_too and calls == calls_too == 2 + failed_tries  # the last resort checks once more
    assert found.tobytes() == expected.tobytes()
