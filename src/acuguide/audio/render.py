"""Turn a `Script` and its clips into the session's audio: mix, encode, measure.

Its tags, chapters and pictures come from `tags`; the files beside it (the JSON timeline and
the transcripts) come from the publish stage, through `render_session`'s `companions`.

The encoder is the floor of a render's cost, so everything else is made nearly free:
- Each distinct clip is processed once (see `dynamics`): compressed, taken to the output
  rate, and limited only if the session's gain would push its true peak (known from when it
  was prepared) over the ceiling.
- Loudness is computed from the samples (see `loudness`): a session is clips on silence,
  so measuring it costs about as much as its distinct clips, not a pass over its length.
  Gain is linear, so the loudness after gain is known without measuring again unless the
  limiter acted.
- The mix streams into one ffmpeg process that only encodes (see `mix`); memory stays flat.
- The encoded audio is checked while it is encoded: ffmpeg's tee muxer gives the same packets
  to the file and to a second ffmpeg decoding them through volumedetect, on the other core.
  That proves the length and (sample) peak and gives the codec's change in level. The
  chapter pictures are drawn meanwhile too, and kept, so a warm render draws none.
ffmpeg writes to a real file, not a pipe: only then can it go back and write the LAME header
that lets decoders remove the encoder delay (the check takes the same delay off its count). Every file is written under a temporary name and
renamed into place, so an interrupted render leaves no half-written file.
"""

from __future__ import annotations

import errno
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from .. import ffmpeg
from ..errors import RenderError
from ..files import atomic_group, default_cache_dir
from ..progress import Progress
from ..routine import Ambient
from ..timeline.layout import Script
from ..timeline.plan import CueKind
from . import ambient as ambient_mod
from . import tags

OUTPUT_RATE = 44100  # what podcast apps expect; a whole multiple of the timeline's rate
PEAK_MARGIN = {
    "mp3": 0.5,
    "ogg": 0.8,
    "wav": 0.2,
}  # dB of headroom for the overshoot each codec adds to peaks; measured
LOSSY_LOUDNESS = {
    "mp3": 0.45,
    "ogg": 0.1,
}  # LU a codec takes from speech, aimed above the target; measured on lower-back
LOUDNESS_TOLERANCE = 0.3  # LU the file may miss its target by before a second encode corrects it
AIM_TOLERANCE = 0.15  # LU the limited mix may miss its aim by before the clips are limited again
DURATION_TOLERANCE = 0.05  # seconds the encoded file may differ from the timeline
FORMATS = {
    "mp3": ["-c:a", "libmp3lame", "-b:a", "{mp3_rate}"],
    "ogg": ["-c:a", "libvorbis", "-q:a", "4"],
    "wav": ["-c:a", "pcm_s16le"],
}
# The file's muxer options; the copy the check decodes is the same stream, for an MP3 without
# its header frame (so the check counts the encoder's delay and padding, and takes them off).
# The copy goes through a pipe in 32 KiB writes, not one per packet (ffmpeg's default for a
# pipe): a write per MP3 frame woke the checker 34,000 times a quarter hour and cost the
# encoder 0.3 s of a 2.8 s encode.
MUXERS = {"mp3": "id3v2_version=3:write_xing=1", "ogg": "", "wav": ""}
CHECKED = {
    fmt: ":".join(filter(None, (options, "flush_packets=0")))
    for fmt, options in {"mp3": "id3v2_version=0:write_xing=0", "ogg": "", "wav": ""}.items()
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
        return self.true_peak - PEAK_MARGIN.get(self.format, 0.5)


@dataclass(frozen=True)
class Loudness:
    target: float
    measured: float  # integrated loudness of the mix before gain
    gain: float  # dB applied to the whole mix
    limit: float  # the limiter's ceiling, dBTP
    limited: int  # distinct clips the limiter had to act on
    result: float  # integrated loudness of the file written
    peak: float  # its sample peak, decoded, dBFS
    duration: float  # its length in seconds, decoded


@dataclass(frozen=True)
class RenderResult:
    audio: Path
    timeline: Path
    transcripts: tuple[Path, Path]
    duration: float
    loudness: Loudness
    title: str


@dataclass(frozen=True)
class _Decoded:
    samples: int
    peak_db: float
    rms_db: float


def encode(
    samples: Iterable,
    path: Path,
    settings: RenderSettings,
    script: Script,
    progress: Progress | None = None,
    cache_dir: Path | None = None,
) -> _Decoded:
    """Stream the mix's 16-bit chunks into the encoder, with tags and chapters, and check
    what it encodes.

    The encoder starts before the first chunk is asked for: a generator that first works out
    the mix's gain does so while ffmpeg loads. ffmpeg's tee muxer hands the same encoded
    packets to the file and to a second ffmpeg that decodes them as a player would; the
    chapter pictures (kept in `cache_dir`'s `pictures/`) are drawn meanwhile. So checking
    and tagging cost the other core, not time."""
    fmt = settings.format
    if fmt not in FORMATS:
        raise RenderError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    codec = [a.format(mp3_rate="128k" if settings.stereo else "64k") for a in FORMATS[fmt]]
    factor = OUTPUT_RATE // script.sample_rate
    report = (lambda written: progress("Encoding", written // factor, script.length)) if progress else None
    outputs = f"[{_options(fmt, MUXERS[fmt])}]{path.name}|[{_options(fmt, CHECKED[fmt])}]pipe:1"
    args = [
        "-loglevel", "error", *tags.ffmpeg_tags(script, fmt, settings.album, settings.track), *(["-af", "pan=stereo|c0=c0|c1=c0"] if settings.stereo else []),
        "-fflags", "+bitexact", "-flags:a", "+bitexact", *codec, "-map", "0:a", "-f", "tee", "-y", outputs,
    ]  # fmt: skip
    pcm = (memoryview(chunk).cast("B") for chunk in samples)  # the array's own bytes: no copy
    with ThreadPoolExecutor(1) as drawing:  # the pictures are drawn by other processes while the encoder runs
        pictures = drawing.submit(tags.pictures, script, cache_dir and cache_dir / "pictures") if fmt == "mp3" else None
        _, stats = ffmpeg.stream(args, pcm, OUTPUT_RATE, f"encode {script.slug}", report, path.parent, check=fmt)
    decoded = _checked(stats, path, 2 if settings.stereo else 1)
    if pictures:
        tags.write_id3(path, script, *pictures.result())
    return decoded


def _options(fmt: str, options: str) -> str:
    """A tee slave's options. `onfail=abort` is not the default in practice: without it a
    full disk stops the file but not ffmpeg, which would exit 0 with the file cut short."""
    return ":".join(filter(None, (f"f={fmt}", "onfail=abort", options)))


def _checked(stats: str, path: Path, channels: int) -> _Decoded:
    """The encoded audio as a player decodes it: its length in samples, peak and mean level.

    volumedetect gives its levels to 0.1 dB, which bounds the loudness reported to 0.05 LU."""
    values = {}
    for name in ("n_samples", "mean_volume", "max_volume"):
        found = re.findall(rf"{name}:\s*(\S+)", stats)
        if not found:
            raise RenderError(f"could not check {path.name}: ffmpeg reported no {name}")
        values[name] = float(found[-1])
    if values["mean_volume"] < -90:
        raise RenderError(f"{path.name} is silent")
    samples = int(values["n_samples"]) // channels
    if path.suffix == ".mp3":
        samples -= _mp3_gap(path)
    return _Decoded(samples, values["max_volume"], values["mean_volume"])


def _mp3_gap(path: Path) -> int:
    """The encoder's delay plus padding, in samples, from the LAME tag of the MP3's first
    frame: what a decoder reading that tag leaves out of the file's length."""
    with open(path, "rb") as file:
        head = file.read(10)
        start = 0
        if head[:3] == b"ID3":
            start = 10 + sum((byte & 0x7F) << shift for byte, shift in zip(head[6:10], (21, 14, 7, 0)))
        file.seek(start)
        frame = file.read(512)
    at = max(frame.find(b"Info"), frame.find(b"Xing"))
    if at < 0:
        raise RenderError(f"could not check {path.name}: its first frame has no LAME header")
    flags = int.from_bytes(frame[at + 4 : at + 8], "big")
    lame = at + 8 + sum(size for bit, size in ((1, 4), (2, 4), (4, 100), (8, 4)) if flags & bit)
    gap = frame[lame + 21 : lame + 24]
    if len(gap) < 3:
        raise RenderError(f"could not check {path.name}: its LAME header is cut short")
    return (gap[0] << 4 | gap[1] >> 4) + ((gap[1] & 0x0F) << 8 | gap[2])


def _db(power: float) -> float:
    return 10 * math.log10(power) if power > 0 else -math.inf


def render_session(
    script: Script,
    clips: Mapping[str, bytes],
    out_dir: Path,
    settings: RenderSettings = RenderSettings(),
    progress: Progress | None = None,
    cache_dir: Path | None = None,
    companions: Callable[[dict], Mapping[str, str]] | None = None,
) -> RenderResult:
    """`cache_dir` is the speech cache's folder; prepared clips are kept in its `prepared/`,
    chapter pictures in its `pictures/`.
    `companions` gives the texts of the files beside the audio (json, vtt, srt: the publish
    stage writes them) from what the render measured; all are written together, or none."""
    out_dir = Path(out_dir)
    cache_dir = cache_dir or default_cache_dir()
    audio = out_dir / f"{script.slug}.{settings.format}"
    timeline, vtt, srt = (out_dir / f"{script.slug}.{ext}" for ext in ("json", "vtt", "srt"))
    beside = [timeline, vtt, srt] if companions else []
    uses = Counter(c.clip for c in script.cues if c.kind not in (CueKind.BELL, CueKind.TONE))
    speech = [(clips[clip], count) for clip, count in uses.items()]
    try:
        with atomic_group([audio, *beside]) as partial:
            bed = ambient_mod.prepare(settings.ambient, speech, script.sample_rate) if settings.ambient else None
            try:
                loudness = _encode_to_target(script, clips, partial[audio], settings, bed, progress, cache_dir)
            except RenderError as error:
                if "No space left on device" in str(error):
                    raise OSError(errno.ENOSPC, "no space left on the disk") from None
                raise
            measured = {k: round(v, 2) for k, v in vars(loudness).items() if k != "duration"}
            extra = {
                "loudness": measured,
                "format": settings.format,
                "position": settings.track[0] if settings.track else 0,
            }
            texts = companions(extra) if companions else {}
            for path in beside:
                partial[path].write_text(texts[path.suffix[1:]], encoding="utf-8")
    except OSError as exc:
        raise RenderError(f"cannot write the session files in {out_dir}: {exc.strerror or exc}") from None
    return RenderResult(audio, timeline, (vtt, srt), loudness.duration, loudness, script.title)


def _encode_to_target(
    script: Script, clips: Mapping[str, bytes], path: Path, settings: RenderSettings, bed, progress, cache_dir: Path
) -> Loudness:
    """Find the gain from the samples, limit the clips that need it, encode once, and check.

    The codec changes the level a little; the check measures by how much, and if the file
    misses its target by more than LOUDNESS_TOLERANCE a second encode corrects it.
    """
    from .clipcache import ClipCache
    from .mix import Mix

    if progress:
        progress("Mixing", 0, script.length)
    store = ClipCache(cache_dir / "prepared", script.sample_rate, OUTPUT_RATE)
    prepared = {key: store.get(clips[key]) for key in {c.clip for c in script.cues}}
    channels = 10 * math.log10(2) if settings.stereo else 0.0  # BS.1770 adds the channels' energies
    cells = {key: p.cells for key, p in prepared.items()}
    measured = Mix(script, {key: p.samples for key, p in prepared.items()}, OUTPUT_RATE, bed).loudness(cells) + channels
    if measured < -69:
        raise RenderError(f"{script.slug} is silent: there is nothing to normalize")
    aim = settings.target + LOSSY_LOUDNESS.get(settings.format, 0.0)
    ceiling = 10 ** (settings.limit / 20)
    for _ in range(2):
        aimed = _Aimed(script, prepared, bed, measured, aim, ceiling, channels)
        decoded = encode(aimed, path, settings, script, progress, cache_dir)
        gain = aimed.gain
        level, limited = aimed.outcome()
        sent = _db(aimed.mix.energy / max(1, aimed.mix.length) / 32768.0**2)  # full scale as volumedetect has it
        result = level + decoded.rms_db - sent
        if abs(result - settings.target) <= LOUDNESS_TOLERANCE and decoded.peak_db <= settings.true_peak:
            break
        aim += settings.target - result
        ceiling *= 10 ** (-max(0.0, decoded.peak_db - settings.true_peak + 0.1) / 20)
    if abs(result - settings.target) > 1.0 or decoded.peak_db > settings.true_peak:
        raise RenderError(
            f"{script.slug} came out at {result:.1f} LUFS, peak {decoded.peak_db:.1f} dBFS; "
            f"the target is {settings.target:g} LUFS, at most {settings.true_peak:g} dBTP"
        )
    duration = decoded.samples / OUTPUT_RATE
    if abs(duration - script.duration) > DURATION_TOLERANCE:
        raise RenderError(
            f"{script.slug}.{settings.format} lasts {duration:.3f} s but the timeline says {script.duration:.3f} s"
        )
    return Loudness(settings.target, measured, gain, _db(ceiling**2), limited, result, decoded.peak_db, duration)


class _Aimed:
    """The mix's 16-bit chunks at the gain for `aim`, found when the first chunk is asked for:
    the encoder is starting by then. `mix`, `gain` and `outcome` are `_at_gain`'s, once streamed."""

    def __init__(self, *aiming):
        self.aiming = aiming

    def __iter__(self) -> Iterator:
        self.mix, self.gain, self.outcome = _at_gain(*self.aiming)
        yield from self.mix.pcm()


def _at_gain(script: Script, prepared, bed, measured: float, aim: float, ceiling: float, channels: float):
    """(mix, gain in dB, outcome) for a mix aimed at `aim` LUFS; `outcome()`, once the mix has
    been streamed, gives its loudness and how many clips the limiter acted on.

    Gain is linear, so without limiting the loudness is known. If the limiter took some away,
    the limited clips are weighed again and the gain corrected once; the clips of that last
    pass are limited as the mix reaches them, while the encoder works on what came before.
    """
    from .mix import Mix

    gain = aim - measured
    processed = _Limited(prepared, 10 ** (gain / 20), ceiling)
    if not processed.any_acts():
        return Mix(script, processed, OUTPUT_RATE, bed, processed.scale), gain, lambda: (measured + gain, 0)
    if bed:  # the bed is weighed by streaming the mix: the clips are needed before the encode
        for attempt in range(2):
            if attempt:
                processed = _Limited(prepared, 10 ** (gain / 20), ceiling)
            mix = Mix(script, processed, OUTPUT_RATE, bed, processed.scale)
            level = mix.loudness() + channels
            if abs(level - aim) <= AIM_TOLERANCE:
                break
            gain += aim - level
        limited = processed.limited
        return mix, gain, lambda: (level, limited)
    level = _level(script, processed, channels)
    if abs(level - aim) <= AIM_TOLERANCE:
        return Mix(script, processed, OUTPUT_RATE, None, processed.scale), gain, lambda: (level, processed.limited)
    gain += aim - level
    processed = _Limited(prepared, 10 ** (gain / 20), ceiling)
    sizes = {key: len(p.samples) for key, p in prepared.items()}
    mix = Mix(script, processed, OUTPUT_RATE, None, processed.scale, sizes)
    return mix, gain, lambda: (_level(script, processed, channels), processed.limited)


def _level(script: Script, processed: _Limited, channels: float) -> float:
    """The loudness of a mix without a bed, from its clips' energy: a limited clip's weighed
    again (`loudness.followed`), the others' scaled."""
    from . import loudness
    from .mix import Mix

    cells = {}
    for key, clip in processed.prepared.items():
        y = processed[key]
        scaled = clip.cells * processed.scale**2
        cells[key] = (
            loudness.followed(scaled, clip.samples * processed.scale, y, OUTPUT_RATE)
            if key in processed.acted
            else scaled
        )
    return Mix(script, processed, OUTPUT_RATE).loudness(cells) + channels


class _Limited(Mapping):
    """The prepared clips at one gain, each limited (if it must be) when first looked up."""

    def __init__(self, prepared, scale: float, ceiling: float):
        self.prepared, self.scale, self.ceiling = prepared, scale, ceiling
        self.done: dict[str, object] = {}
        self.acted: set[str] = set()

    def __getitem__(self, key: str):
        if key not in self.done:
            from . import dynamics

            self.done[key], acted = dynamics.limit(self.prepared[key], self.scale, self.ceiling, OUTPUT_RATE)
            if acted:
                self.acted.add(key)
        return self.done[key]

    def __iter__(self):
        return iter(self.prepared)

    def __len__(self) -> int:
        return len(self.prepared)

    @property
    def limited(self) -> int:
        """Clips the limiter acted on, of those looked up so far."""
        return len(self.acted)

    def any_acts(self) -> bool:
        """Limit every clip now; whether the limiter acted on any."""
        for key in self.prepared:
            self[key]
        return bool(self.acted)


def settings_for_batch(settings: RenderSettings, index: int, count: int) -> RenderSettings:
    return replace(settings, track=(index, count)) if count > 1 else settings
