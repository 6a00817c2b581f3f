"""Where routines come from: a path, or the name of a routine shipped with acuguide."""

from __future__ import annotations

import difflib
import re
from importlib import resources
from pathlib import Path

from ..errors import RoutineNotFound


def slug_for(path: Path) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "session"


def shipped_dir(kind: str = "routines"):
    """Where the shipped routines (or programs) are, inside the installed package."""
    return resources.files("acuguide") / kind


def shipped(kind: str = "routines") -> list[str]:
    return sorted(p.name[:-5] for p in shipped_dir(kind).iterdir() if p.name.endswith(".yaml"))


def shipped_routines_dir():
    return shipped_dir("routines")


def shipped_routines() -> list[str]:
    return shipped("routines")


def find_routine(arg: str) -> Path:
    """A routine argument is a path, or the name of a routine shipped with acuguide."""
    path = Path(arg)
    if path.is_file():
        return path
    shipped = shipped_routines_dir() / f"{arg}.yaml"
    if not path.suffix and shipped.is_file():
        return Path(str(shipped))
    names = shipped_routines()
    close = difflib.get_close_matches(path.stem if path.suffix == ".yaml" else arg, names, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]}?" if close else ""
    raise RoutineNotFound(f"{arg}: no such routine file, and no shipped routine of that name{hint} (shipped: {', '.join(names)})")


def display_name(path: Path) -> str:
    """Shipped routines are 'routines/x.yaml'; user files are shown relative to here if inside."""
    resolved = path.resolve()
    if resolved.parent == Path(str(shipped_routines_dir())).resolve():
        return f"routines/{path.name}"
    try:
        return str(resolved.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
