"""The phone app `acuguide serve` is: the sessions' pages and feed (from `publish`), sessions
composed and rendered on this computer at the phone's request (`jobs`, over `pipeline`), and
the pain diary (`diary`, `chart`), private behind the key (`key`).

It sits between the command line and the pipeline: it runs compose and render, which
`publish` may not. What it keeps (the diary, the key, the routines composed from the phone)
is in the user's data folder, `data_dir()`.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import AcuguideError


class AppError(AcuguideError):
    """The diary or the key cannot be read or written where they are kept."""


class Invalid(ValueError):
    """What a phone sent is not what the field takes: the reason names the field (answered 400)."""


def data_dir() -> Path:
    """Where the diary, the key and the routines composed from the phone are kept:
    $ACUGUIDE_DATA_DIR, else $XDG_DATA_HOME/acuguide, else ~/.local/share/acuguide."""
    if os.environ.get("ACUGUIDE_DATA_DIR"):
        return Path(os.environ["ACUGUIDE_DATA_DIR"])
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "acuguide"


def private_dir(folder: Path) -> Path:
    """`folder`, made if missing, readable only by its owner (it holds health data)."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise AppError(f"cannot make {folder} for the diary and the key: {error.strerror or error}") from None
    return folder
