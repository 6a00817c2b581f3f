"""Turn a `Script` and its phrases into the session files: MP3, JSON timeline, WebVTT.

Assembly is one linear pass that streams PCM into ffmpeg, so time grows linearly with the
session and memory stays flat (pydub's repeated `+=` is quadratic, and its millisecond
lengths drift; the timeline here counts samples). ffmpeg writes to a real file, not a pipe:
only then can it go back and write the LAME header that lets decoders remove the encoder
delay. Every file is written under a temporary name and renamed into place, so an
interrupted render leaves no half-written file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .errors import RenderError
from .script import Script
from .speech import Phrase
from .timeline import to_json, to_vtt

OUTPUT_RATE = 44100  # what podcast apps expect
BITRATE = "64k"  # constant bitrate, plenty for mono speech
CHUNK = 1 << 16  # samples of silence written at a time
DURATION_TOLERANCE = 0.05  # seconds the decoded MP3 may differ from the timeline

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class RenderResult:
    mp3: Path
    timeline: Path
    transcript: Path
    duration: float


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise RenderError(f"{name} is not installed; install it with: sudo apt-get install ffmpeg")
    return path


@contextmanager
def _atomic(path: Path, mode: str = "w"):
    """Yield a temporary path beside `path`; rename it into place only on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial" + path.suffix)
    os.close(fd)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; session files are ordinary files
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_text(path: Path, text: str) -> None:
    with _atomic(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def pcm_chunks(script: Script, phrases: Mapping[str, Phrase]):
    """The session's samples, in order, as bytes: silence is exact zeros between cues."""
    position = 0
    for cue in sorted(script.cues, key=lambda c: c.start):
        phrase = phrases[cue.text]
        if phrase.samples != cue.end - cue.start or phrase.sample_rate != script.sample_rate:
            raise RenderError(f"the audio for {cue.text!r} does not match the compiled script; compile again")
        if cue.start < position:
            raise RenderError(f"cue {cue.text!r} at {script.seconds(cue.start):.3f} s overlaps the one before it")
        yield from _silence(cue.start - position)
        yield phrase.pcm
        position = cue.end
    yield from _silence(script.length - position)


def _silence(samples: int):
    while samples > 0:
        n = min(samples, CHUNK)
        yield bytes(2 * n)
        samples -= n


def encode_mp3(script: Script, phrases: Mapping[str, Phrase], path: Path, progress: Progress | None = None) -> None:
    ffmpeg = _tool("ffmpeg")
    command = [
        ffmpeg, "-hide_banner", "-loglevel", "error", "-nostdin",
        "-f", "s16le", "-ar", str(script.sample_rate), "-ac", "1", "-i", "pipe:0",
        "-ar", str(OUTPUT_RATE), "-ac", "1", "-c:a", "libmp3lame", "-b:a", BITRATE,
        "-fflags", "+bitexact", "-flags:a", "+bitexact", "-id3v2_version", "3",
        "-metadata", f"title={script.title}",
        "-metadata", "artist=acuguide",
        "-metadata", "album=acuguide sessions",
        "-metadata", f"comment={script.summary}",
        "-f", "mp3", "-y", str(path),
    ]  # fmt: skip
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stderr=errors)
        written = 0
        try:
            for chunk in pcm_chunks(script, phrases):
                process.stdin.write(chunk)
                written += len(chunk) // 2
                if progress:
                    progress(written, script.length)
            process.stdin.close()
        except BrokenPipeError:
            pass  # ffmpeg stopped early; its exit status and message say why
        except BaseException:
            process.kill()
            process.wait()
            raise
        if process.wait() != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace").strip()
            raise RenderError(f"ffmpeg failed to encode {script.slug}.mp3: {message or 'exit status ' + str(process.returncode)}")


def probe_duration(path: Path) -> float:
    out = subprocess.run(
        [_tool("ffprobe"), "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)],
        capture_output=True,
        text=True,
    )
    try:
        return float(out.stdout.strip())
    except ValueError:
        raise RenderError(f"ffprobe cannot read {path}: {out.stderr.strip()}") from None


def render(script: Script, phrases: Mapping[str, Phrase], out_dir: Path, progress: Progress | None = None) -> RenderResult:
    out_dir = Path(out_dir)
    mp3 = out_dir / f"{script.slug}.mp3"
    timeline, transcript = out_dir / f"{script.slug}.json", out_dir / f"{script.slug}.vtt"
    try:
        with _atomic(mp3) as tmp:
            encode_mp3(script, phrases, tmp, progress)
            duration = probe_duration(tmp)
            if abs(duration - script.duration) > DURATION_TOLERANCE:
                raise RenderError(f"{mp3.name} lasts {duration:.3f} s but the timeline says {script.duration:.3f} s")
        _write_text(timeline, to_json(script))
        _write_text(transcript, to_vtt(script))
    except OSError as exc:
        raise RenderError(f"cannot write the session files in {out_dir}: {exc.strerror or exc}") from None
    return RenderResult(mp3, timeline, transcript, duration)
