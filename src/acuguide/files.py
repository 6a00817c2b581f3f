"""Files that appear whole or not at all: written beside their place, then renamed into it."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path


def default_cache_dir() -> Path:
    """Where spoken phrases, bells and prepared clips are kept between runs."""
    if os.environ.get("ACUGUIDE_CACHE_DIR"):
        return Path(os.environ["ACUGUIDE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "acuguide"


@contextmanager
def atomic(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; rename it into place only on success.

    An interrupted render or synthesis leaves no half-written session file or cache entry.
    The file is created with mode 0o666, so the process umask applies as for any file, and
    nothing process-wide is touched (safe in threads).
    """
    with _temporary(path) as tmp:
        yield tmp
        os.replace(tmp, path)


@contextmanager
def atomic_group(paths: list[Path]) -> Iterator[dict[Path, Path]]:
    """Temporary paths for several files that belong together, renamed into place together.

    Nothing is renamed until every file is complete, so a failure leaves the old set whole:
    never a new MP3 beside an old timeline.
    """
    with ExitStack() as stack:
        temps = {path: stack.enter_context(_temporary(path)) for path in paths}
        yield temps
        for path, tmp in temps.items():
            os.replace(tmp, path)


@contextmanager
def _temporary(path: Path) -> Iterator[Path]:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.partial{path.suffix}")
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        yield tmp
    finally:
        tmp.unlink(missing_ok=True)


def write_text(path: Path, text: str) -> None:
    with atomic(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def create_text(path: Path, text: str) -> None:
    """Write a new file, or raise FileExistsError and leave the existing one untouched;
    a failed write leaves nothing behind."""
    with open(path, "x", encoding="utf-8") as file:
        try:
            file.write(text)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
