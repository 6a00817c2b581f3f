"""Turn a `Script` and its clips into session files: audio, JSON timeline, WebVTT and SRT.

Assembly is one linear pass that streams PCM into ffmpeg, so time grows linearly with the
session and memory stays flat (pydub's repeated `+=` is quadratic, and its millisecond
lengths drift; the timeline here counts samples). Loudness is normalized by measuring
first and streaming again: pass one measures the mix (ebur128), pass two applies the gain
through a 4x-oversampled lookahead limiter (delay compensated) so the true peak stays under
its ceiling; a plain gain would clip, since eSpeak's true peak sits ~20 dB above its loudness.
ffmpeg writes to a real file, not a pipe: only then can it go back and write the LAME header
that lets decoders remove the encoder delay. Every file is written under a temporary name and
renamed into place, so an interrupted render leaves no half-written file.
"""

from __future__ import annotations

import errno
import re
import tempfile
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from . import ambient as ambient_mod
from . import ffmpeg, id3
from .errors import RenderError
from .export import to_json, to_srt, to_vtt
from .files import atomic_group
from .layout import Script
from .plan import CueKind
from .progress import Progress
from .routine import Ambient

OUTPUT_RATE = 44100  # what podcast apps expect
OVERSAMPLE = 4  # the limiter runs at 4x so it catches peaks between samples (true peak)
LOSSY_MARGIN = 0.5  # dB of headroom for the overshoot lossy encoding adds to peaks
LOSSY_LOUDNESS = {"mp3": 0.3, "ogg": 0.2}  # LU the limiter and codec take, measured; a first guess only
# Gentle compression of the voice (no lookahead, so no cue moves): eSpeak's true peak sits
# ~20 dB above its loudness; this takes ~4 dB off that, so the limiter rarely has to act.
COMPRESSOR = "acompressor=threshold=0.125:ratio=3:attack=2:release=100:knee=4"
CHUNK = 1 << 16  # samples of silence written at a time
DURATION_TOLERANCE = 0.05  # seconds the encoded file may differ from the timeline
FORMATS = {
    "mp3": ["-c:a", "libmp3lame", "-b:a", "{mp3_rate}", "-id3v2_version", "3", "-write_xing", "1", "-f", "mp3"],
    "ogg": ["-c:a", "libvorbis", "-q:a", "4", "-f", "ogg"],
    "wav": ["-c:a", "pcm_s16le", "-f", "wav"],
}

@dataclass(frozen=True)
class RenderSettings:
    format: str = "mp3"
    loudness: float | None = None  # integrated LUFS; None: -19 for mono, -16 for stereo
    true_peak: float = -1.0  # dBTP ceiling
    stereo: bool = False
    ambient: Ambient | None = None
    album: str = "acuguide sessions"
    track: tuple[int, int] | None = None  # (number, count) in a batch render

    @property
    def target(self) -> float:
        return self.loudness if self.loudness is not None else (-16.0 if self.stereo else -19.0)

    @property
    def limit(self) -> float:
        """The limiter's first ceiling: lossy codecs can raise peaks a little."""
        return self.true_peak - (LOSSY_MARGIN if self.format != "wav" else 0.2)


@dataclass(frozen=True)
class Loudness:
    target: float
    measured: float  # integrated loudness of the mix before gain
    gain: float  # dB applied before the limiter
    limit: float  # the limiter's ceiling, dBTP
    result: float  # integrated loudness of the file written
    true_peak: float  # its true peak, dBTP
    duration: float  # its length in seconds, decoded


@dataclass(frozen=True)
class RenderResult:
    audio: Path
    timeline: Path
    transcripts: tuple[Path, Path]
    duration: float
    loudness: Loudness
    title: str


def pcm_chunks(script: Script, clips: Mapping[str, bytes]) -> Iterator[bytes]:
    """The session's foreground samples in order: silence is exact zeros between cues."""
    position = 0
    for cue in sorted(script.cues, key=lambda c: c.start):
        pcm = clips[cue.clip]
        if len(pcm) // 2 != cue.end - cue.start:
            raise RenderError(f"the audio for {cue.text!r} does not match the compiled script; compile again")
        if cue.start < position:
            raise RenderError(f"cue {cue.text!r} at {script.seconds(cue.start):.3f} s overlaps the one before it")
        yield from _silence(cue.start - position)
        yield pcm
        position = cue.end
    yield from _silence(script.length - position)


def _silence(samples: int) -> Iterator[bytes]:
    while samples > 0:
        n = min(samples, CHUNK)
        yield bytes(2 * n)
        samples -= n


def _graph(script: Script, settings: RenderSettings, bed: ambient_mod.Bed | None, level: tuple[float, float] | None) -> str:
    """The filter graph from the foreground (input 0) and bed (input 1) to [out].

    `level` is (gain, limiter ceiling) in dB; without it the graph ends in a loudness meter.
    """
    duration = script.duration
    if bed is None:
        chains = [f"[0:a]{COMPRESSOR}[mix]"]
    else:
        fade_out = max(0.0, duration - bed.fade_out)
        chains = [
            f"[0:a]{COMPRESSOR},asplit=2[fg][key]",
            f"[1:a]volume={bed.gain:.3f}dB,atrim=duration={duration:.6f},"
            f"afade=t=in:d={bed.fade_in:g},afade=t=out:st={fade_out:.6f}:d={bed.fade_out:g}[bedraw]",
            # ducking: the bed dips under the voice and comes back between phrases
            "[bedraw][key]sidechaincompress=threshold=0.01:ratio=8:attack=30:release=500:detection=rms[bed]",
            "[fg][bed]amix=inputs=2:duration=first:normalize=0[mix]",
        ]
    chain = "[mix]"
    if level is not None:
        gain, ceiling = level
        chain += (
            f"volume={gain:.3f}dB,aresample={script.sample_rate * OVERSAMPLE},"
            f"alimiter=limit={10 ** (ceiling / 20):.5f}:attack=5:release=80:level=false:latency=true,"
        )
    chain += f"aresample={OUTPUT_RATE}" + (",pan=stereo|c0=c0|c1=c0" if settings.stereo else "")
    chain += "[out]" if level else ",ebur128=peak=true:framelog=verbose[out]"
    return ";".join([*chains, chain])


def _run(args: list[str], script: Script, clips: Mapping[str, bytes], stage: str, progress: Progress | None) -> str:
    """Run ffmpeg with the session's PCM on standard input; return what it wrote on stderr."""
    report = (lambda written: progress(stage, written, script.length)) if progress else None
    return ffmpeg.stream(args, pcm_chunks(script, clips), script.sample_rate, f"{stage.lower()} {script.slug}", report)


def _loudness(output: str, what: str) -> tuple[float, float]:
    """(integrated LUFS, true peak dBTP) from ebur128's summary."""
    found = re.findall(r"^\s*I:\s+(\S+) LUFS", output, re.MULTILINE)
    peaks = re.findall(r"^\s*Peak:\s+(\S+) dBFS", output, re.MULTILINE)
    if not found or not peaks:
        raise RenderError(f"could not measure the loudness of {what}")
    value = float(found[-1])
    if value != value or value < -69:  # nan or -inf: nothing audible
        raise RenderError(f"{what} is silent: there is nothing to normalize")
    return value, float(peaks[-1])


def measure(script: Script, clips: Mapping[str, bytes], settings: RenderSettings, bed, progress=None) -> float:
    """Integrated loudness (LUFS) of the mix before any gain."""
    args = [*bed.input_args()] if bed else []
    args += ["-filter_complex", _graph(script, settings, bed, None), "-map", "[out]", "-f", "null", "-"]
    output = _run(["-loglevel", "info", *args], script, clips, "Measure", progress)
    return _loudness(output, script.slug)[0]


def measure_file(path: Path) -> tuple[float, float, float]:
    """(integrated LUFS, true peak dBTP, seconds) of an encoded file, decoded as a player would."""
    samples, output = ffmpeg.decoded_length(path, OUTPUT_RATE, "ebur128=peak=true:framelog=verbose")
    return (*_loudness(output, path.name), samples / OUTPUT_RATE)


def _metadata(script: Script, settings: RenderSettings) -> str:
    """An ffmetadata file: tags, and a chapter for every step and side (ID3 CHAP + CTOC)."""

    def esc(text: str) -> str:
        return re.sub(r"([=;#\\\n])", r"\\\1", text)

    lines = [";FFMETADATA1", f"title={esc(script.title)}", "artist=acuguide", f"album={esc(settings.album)}"]
    if script.summary and settings.format != "mp3":
        lines.append(f"comment={esc(script.summary)}")  # MP3 gets a real COMM frame: see id3.add_comment
    if settings.track:
        lines.append(f"track={settings.track[0]}/{settings.track[1]}")
    for chapter in script.chapters:
        start, end = (round(script.seconds(x) * 1000) for x in (chapter.start, chapter.end))
        lines += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={start}", f"END={end}", f"title={esc(chapter.title)}"]
    return "\n".join(lines) + "\n"


def encode(script: Script, clips: Mapping[str, bytes], path: Path, settings: RenderSettings, bed, level: tuple[float, float], progress=None) -> None:
    """Encode with (gain, limiter ceiling) in dB, tags and chapters."""
    if settings.format not in FORMATS:
        raise RenderError(f"unknown format {settings.format!r}; use one of {', '.join(FORMATS)}")
    codec = [a.format(mp3_rate="128k" if settings.stereo else "64k") for a in FORMATS[settings.format]]
    with tempfile.TemporaryDirectory(prefix="acuguide-meta-") as tmp:
        meta = Path(tmp) / "metadata.txt"
        meta.write_text(_metadata(script, settings), encoding="utf-8")
        inputs = [*bed.input_args()] if bed else []
        meta_index = 2 if bed else 1
        args = [
            "-loglevel", "error", *inputs, "-f", "ffmetadata", "-i", str(meta),
            "-filter_complex", _graph(script, settings, bed, level), "-map", "[out]",
            "-map_metadata", str(meta_index), "-map_chapters", str(meta_index),
            "-fflags", "+bitexact", "-flags:a", "+bitexact", *codec, "-y", str(path),
        ]  # fmt: skip
        _run(args, script, clips, "Encode", progress)
    if settings.format == "mp3" and script.summary:
        id3.add_comment(path, script.summary)


def render(
    script: Script,
    clips: Mapping[str, bytes],
    out_dir: Path,
    settings: RenderSettings = RenderSettings(),
    progress: Progress | None = None,
) -> RenderResult:
    out_dir = Path(out_dir)
    audio = out_dir / f"{script.slug}.{settings.format}"
    timeline, vtt, srt = (out_dir / f"{script.slug}.{ext}" for ext in ("json", "vtt", "srt"))
    uses = Counter(c.clip for c in script.cues if c.kind not in (CueKind.BELL, CueKind.TONE))
    speech = [(clips[clip], count) for clip, count in uses.items()]
    try:
        with tempfile.TemporaryDirectory(prefix="acuguide-bed-") as tmp, atomic_group([audio, timeline, vtt, srt]) as partial:
            bed = ambient_mod.prepare(settings.ambient, speech, Path(tmp), script.sample_rate) if settings.ambient else None
            try:
                loudness = _encode_to_target(script, clips, partial[audio], settings, bed, progress)
            except RenderError as error:
                if "No space left on device" in str(error):
                    raise OSError(errno.ENOSPC, "no space left on the disk") from None
                raise
            measured = {k: round(v, 2) for k, v in vars(loudness).items() if k != "duration"}
            extra = {"loudness": measured, "format": settings.format, "position": settings.track[0] if settings.track else 0}
            partial[timeline].write_text(to_json(script, extra), encoding="utf-8")
            partial[vtt].write_text(to_vtt(script), encoding="utf-8")
            partial[srt].write_text(to_srt(script), encoding="utf-8")
    except OSError as exc:
        raise RenderError(f"cannot write the session files in {out_dir}: {exc.strerror or exc}") from None
    return RenderResult(audio, timeline, (vtt, srt), loudness.duration, loudness, script.title)


def _encode_to_target(script, clips, path: Path, settings: RenderSettings, bed, progress) -> Loudness:
    """Encode, measure the file as a listener's player decodes it, and correct once if needed.

    The limiter and a lossy encoder each take a little loudness (about 0.4 LU for LAME on
    eSpeak speech) and can nudge peaks; measuring the real file closes the loop.
    """
    measured = measure(script, clips, settings, bed, progress)
    gain, ceiling = settings.target - measured + LOSSY_LOUDNESS.get(settings.format, 0.0), settings.limit
    for _ in range(2):
        encode(script, clips, path, settings, bed, (gain, ceiling), progress)
        result, peak, duration = measure_file(path)
        if abs(result - settings.target) <= 0.3 and peak <= settings.true_peak:
            break
        gain += settings.target - result
        ceiling -= max(0.0, peak - settings.true_peak + 0.1)
    if abs(result - settings.target) > 1.0 or peak > settings.true_peak:
        raise RenderError(
            f"{script.slug} came out at {result:.1f} LUFS, true peak {peak:.1f} dBTP; "
            f"the target is {settings.target:g} LUFS, at most {settings.true_peak:g} dBTP"
        )
    if abs(duration - script.duration) > DURATION_TOLERANCE:
        raise RenderError(f"{script.slug}.{settings.format} lasts {duration:.3f} s but the timeline says {script.duration:.3f} s")
    return Loudness(settings.target, measured, gain, ceiling, result, peak, duration)


def settings_for_batch(settings: RenderSettings, index: int, count: int) -> RenderSettings:
    return replace(settings, track=(index, count)) if count > 1 else settings
