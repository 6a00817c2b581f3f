"""The secret that keeps the diary and composing private: made once, kept beside the diary in
a file only its owner can read, and asked of every request that reads or writes them."""

from __future__ import annotations

import contextlib
import hmac
import os
import re
import secrets
from pathlib import Path

from . import AppError, private_dir

FILE = "key"
SHAPE = re.compile(r"[A-Za-z0-9_-]{32,128}")


def secret_key(folder: Path) -> str:
    """The key kept in `folder`, made the first time. It is written whole under a temporary
    name (mode 0600) and linked into place, so two servers starting at once agree on one key
    and a crash never leaves half a key."""
    path = private_dir(folder) / FILE
    if not path.exists():
        made = secrets.token_urlsafe(32)
        tmp = path.with_name(f".{FILE}.{secrets.token_hex(6)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="ascii") as file:
                file.write(made + "\n")
                file.flush()
                os.fsync(file.fileno())
            with contextlib.suppress(FileExistsError):  # another server made it first: use theirs
                os.link(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    try:
        if path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)  # copied in with a wider mode: the diary's key is the owner's alone
        key = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as error:
        raise AppError(f"cannot read the key in {path} ({error}); delete the file and a new key is made") from None
    if not SHAPE.fullmatch(key):
        raise AppError(f"{path} is not a key acuguide made; delete it and a new key is made")
    return key


def matches(given: str | None, key: str) -> bool:
    """Whether `given` is the key, compared in constant time."""
    return bool(given) and hmac.compare_digest(given.encode("utf-8", "replace"), key.encode("ascii"))  # type: ignore[union-attr]
