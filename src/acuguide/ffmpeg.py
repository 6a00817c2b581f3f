"""Every call to ffmpeg, in one place: stream PCM in, decode files out, resample clips.

ffmpeg is run as a subprocess with its messages captured to a temporary file (a pipe could
fill and deadlock); a failure becomes a `RenderError` quoting ffmpeg's own error lines,
without its banner.
"""

from __future__ import annotations

import contextlib
import fcntl
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import RenderError

INSTALL_HINT = "install it with: sudo apt-get install ffmpeg"
PIPE_SIZE = 1 << 20  # the default most Linux systems allow an unprivileged process


def tool() -> str:
    path = shutil.which("ffmpeg")
    if path is None:
        raise RenderError(f"ffmpeg is not installed; {INSTALL_HINT}")
    return path


def _errors(output: str, status: int = 1) -> str:
    """ffmpeg's own error lines, or the signal that stopped it."""
    if status < 0:
        return f"ffmpeg was stopped by {signal.Signals(-status).name}"
    words = ("error", "invalid", "no space", "denied", "too large")
    lines = [line.strip() for line in output.splitlines() if any(w in line.lower() for w in words)]
    return " ".join(lines[-2:]) or output.strip()[-300:] or f"ffmpeg exited with status {status}"


class _Run:
    status = 0
    output = ""


@contextmanager
def _running(command: list[str], **popen) -> Iterator[tuple[subprocess.Popen, _Run]]:
    """ffmpeg with its messages in a temporary file (a pipe could fill and deadlock); killed
    if anything interrupts us, so it never outlives a render."""
    run = _Run()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stderr=errors, **popen)
        try:
            yield process, run
            run.status = process.wait()
        except BaseException:
            process.kill()
            process.wait()
            raise
        errors.seek(0)
        run.output = errors.read().decode(errors="replace")


def stream(
    args: list[str],
    chunks: Iterable[bytes | memoryview],
    rate: int,
    doing: str,
    on_samples: Callable[[int], None] | None = None,
    cwd: Path | None = None,
    check: str | None = None,
) -> tuple[str, str]:
    """Run ffmpeg with mono 16-bit PCM at `rate` on standard input; return its messages.

    With `check` (a container format), what the encoder writes to its standard output is
    decoded at once by a second ffmpeg into volumedetect's summary, the second pair item:
    the check of the encoded audio runs on another core while the encoder works, instead of
    after it."""
    command = [tool(), "-hide_banner", "-nostdin", "-f", "s16le", "-ar", str(rate), "-ac", "1", "-i", "pipe:0", *args]
    checker = [tool(), "-hide_banner", "-nostats", "-nostdin", "-f", str(check), "-i", "pipe:0",
               "-af", "volumedetect", "-f", "null", "-"]  # fmt: skip
    with contextlib.ExitStack() as running:
        process, run = running.enter_context(
            _running(command, stdin=subprocess.PIPE, cwd=cwd, stdout=subprocess.PIPE if check else None)
        )
        checked = _Run()
        if check:
            _, checked = running.enter_context(_running(checker, stdin=process.stdout))
            process.stdout.close()  # the checker holds the only reading end: the encoder sees it go
        _widen(process.stdin)
        written = 0
        try:
            for chunk in chunks:
                process.stdin.write(chunk)
                written += len(chunk) // 2
                if on_samples:
                    on_samples(written)
            process.stdin.close()
        except BrokenPipeError:
            pass  # ffmpeg stopped early; its exit status and message say why
    if run.status != 0:
        raise RenderError(f"ffmpeg failed to {doing}: {_errors(run.output, run.status)}")
    if checked.status != 0:
        raise RenderError(f"ffmpeg cannot decode what it encoded to {doing}: {_errors(checked.output, checked.status)}")
    return run.output, checked.output


def _widen(pipe) -> None:
    """Give the pipe into ffmpeg 1 MiB instead of 64 KiB, so the encoder never waits on a
    chunk of the mix being computed (ffmpeg with more than one input even sleeps 10 ms at an
    empty pipe: that capped a 64 KiB pipe at 6 MB/s)."""
    with contextlib.suppress(OSError, AttributeError):
        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, PIPE_SIZE)


def decode(path: Path, rate: int, seconds: float | None = None) -> tuple[bytes, str]:
    """(mono 16-bit PCM at `rate`, ffmpeg's messages) of any file ffmpeg can read."""
    command = [tool(), "-hide_banner", "-nostats", "-nostdin", "-i", str(path)]
    command += ["-t", f"{seconds:.3f}"] if seconds else []
    command += ["-ac", "1", "-ar", str(rate), "-f", "s16le", "-"]
    with tempfile.TemporaryFile() as errors:
        result = subprocess.run(command, stdout=subprocess.PIPE, stderr=errors)
        errors.seek(0)
        output = errors.read().decode(errors="replace")
    if result.returncode != 0:
        raise RenderError(f"cannot decode {path.name} as audio: {_errors(output)}")
    return result.stdout, output


def resample(pcm: bytes, from_rate: int, to_rate: int) -> bytes:
    """A clip at another sample rate, with ffmpeg's band-limited resampler."""
    if from_rate == to_rate:
        return pcm
    command = [tool(), "-hide_banner", "-nostdin", "-loglevel", "error", "-f", "s16le", "-ar", str(from_rate),
               "-ac", "1", "-i", "pipe:0", "-af", f"aresample={to_rate}:filter_size=64", "-f", "s16le", "-"]  # fmt: skip
    result = subprocess.run(command, input=pcm, capture_output=True)
    if result.returncode != 0:
        raise RenderError(
            f"ffmpeg failed to resample a clip from {from_rate} to {to_rate} Hz: {_errors(result.stderr.decode(errors='replace'))}"
        )
    return result.stdout
