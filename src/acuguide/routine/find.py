"""Where routines come from: a path, or the name of a routine shipped with acuguide."""

from __future__ import annotations

import difflib
import re
from importlib import resources
from pathlib import Path

from ..errors import RoutineNotFound

MAX_SLUG = 80  # characters: the session's files add ".chapters.json" and must stay under the 255 bytes of a file name


def slug_for(path: Path) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    return slug[:MAX_SLUG].rstrip("-") or "session"


def shipped_dir(kind: str = "routines"):
    """Where the shipped routines (or programs) are, inside the installed package."""
    return resources.files("acuguide") / kind


def shipped_names(kind: str = "routines") -> list[str]:
    return sorted(p.name[:-5] for p in shipped_dir(kind).iterdir() if p.name.endswith(".yaml"))


def shipped_routines_dir():
    return shipped_dir("routines")


def shipped_routines() -> list[str]:
    return shipped_names("routines")


def find_routine(arg: str) -> Path:
    return find_file(arg, "routines")


def find_file(arg: str, kind: str) -> Path:
    """A routine (or program) argument is a path, or the name of one shipped with acuguide."""
    path = Path(arg)
    if path.is_file():
        return path
    noun = kind.rstrip("s")
    if path.exists():
        what = "a folder" if path.is_dir() else "not a regular file"
        raise RoutineNotFound(f"{arg}: {what}; give a {noun} file (.yaml) or the name of a shipped {noun}")
    shipped_file = shipped_dir(kind) / f"{arg}.yaml"
    if (
        not path.suffix and arg in shipped_names(kind) and shipped_file.is_file()
    ):  # a name, never a path out of the folder
        return Path(str(shipped_file))
    names = shipped_names(kind)
    close = difflib.get_close_matches(path.stem if path.suffix == ".yaml" else arg, names, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]}?" if close else ""
    raise RoutineNotFound(
        f"{arg}: no such {noun} file, and no shipped {noun} of that name{hint} (shipped: {', '.join(names)})"
    )


def display_name(path: Path) -> str:
    """Shipped files are 'routines/x.yaml' or 'programs/x.yaml'; user files are shown relative to here if inside."""
    resolved = path.resolve()
    for kind in ("routines", "programs"):
        if resolved.parent == Path(str(shipped_dir(kind))).resolve():
            return f"{kind}/{path.name}"
    try:
        shown = str(resolved.relative_to(Path.cwd().resolve()))
    except ValueError:
        shown = str(path)
    return _printable(shown)


def _printable(name: str) -> str:
    """A file name as text every output can hold: bytes that are not UTF-8 (kept by Python as
    lone surrogates) become U+FFFD, as a file manager shows them."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
