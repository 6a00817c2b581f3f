"""The exceptions acuguide raises.

Every failure a user can cause or fix is an `AcuguideError`; the CLI prints its message
as ``Error: ...`` and exits with its `exit_code`, never with a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SHOWN = 80  # characters of a value quoted in a message: enough to find it, never a whole file
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")


def N_(text: str) -> str:
    """Marks a text for the catalogs; it is its own English. Here, below `content`, so that
    the floor's messages (a problem's location, the YAML reader's) are marked where they are
    written: `content.catalog` gives the same marker to the rest of acuguide."""
    return text


# TRANSLATORS: where a problem is, before its field and message: "{source}, línea {line}: steps[0].hold: ...".
# TRANSLATORS: {source} is a file name, {line} a line number; keep both.
LOCATION = N_("{source}, line {line}")


def excerpt(text: str, limit: int = SHOWN) -> str:
    """`text` cut to `limit` characters, with an ellipsis where it was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def printable(text: str) -> str:
    """Control and invisible characters as escapes: a file name or a key that holds them must
    not clear a terminal, recolour it or reorder what is printed after it."""
    return _UNPRINTABLE.sub(
        lambda m: repr(m.group(0))[1:-1] if ord(m.group(0)) < 0x100 else f"\\u{ord(m.group(0)):04x}", text
    )


class AcuguideError(Exception):
    """Base class: the message alone must tell the user what went wrong and what to do."""

    exit_code = 1
    language = "en"  # the language the message is written in: the CLI says its `Error:` in it


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located so the user can go straight to it."""

    source: str
    line: int | None
    field: str
    message: str
    location: str = LOCATION  # in the message's language: "{source}, Zeile {line}"

    def __str__(self) -> str:
        source, field = printable(excerpt(self.source, 4 * SHOWN)), printable(excerpt(self.field, 2 * SHOWN))
        where = source if self.line is None else self.location.format(source=source, line=self.line)
        return f"{where}: {field}: {printable(self.message)}" if field else f"{where}: {printable(self.message)}"


class ProblemsError(AcuguideError):
    """Carries every problem found, so that one run reports them all."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...], language: str = "en"):
        self.problems = tuple(problems)
        self.language = language  # of the messages: a refusal of a routine is in the routine's language
        super().__init__("\n".join(str(p) for p in self.problems))


class RoutineError(ProblemsError):
    """A routine file cannot be loaded: bad YAML, a wrong field, an unknown point."""


class CompileError(ProblemsError):
    """A valid routine cannot be laid out in time, e.g. a phrase longer than its slot."""


class AvoidError(ProblemsError):
    """A routine uses points the user asked to avoid (e.g. in pregnancy)."""


class PointLibraryError(ProblemsError):
    """The shipped point library is broken: a packaging or review mistake, not the user's."""


class RoutineNotFound(AcuguideError):
    """A routine argument is neither a file nor the name of a shipped routine."""


class AmbientNotFound(AcuguideError):
    """An ambient sound does not exist, or is not audio ffmpeg can read."""


class BatchError(AcuguideError):
    """Routines in one render that cannot go together, e.g. two that would write one file."""

    exit_code = 2


class RoutineExists(AcuguideError):
    """`acuguide new` was given a file that exists: it never overwrites one."""

    exit_code = 2


class TimelineError(AcuguideError):
    """A JSON timeline is not the shape `render` writes: a field missing, of the wrong type or
    out of range. Publishing leaves such a session out rather than show half of it."""


class ServeError(AcuguideError):
    """The server cannot start: the port is taken or the address is not this machine's."""

    exit_code = 2


class Terminated(BaseException):
    """SIGTERM, raised like KeyboardInterrupt so that every cleanup runs on the way out."""


def raise_terminated(signum, frame) -> None:
    """The SIGTERM handler of the CLI and of every worker: unwind, cleaning up on the way."""
    raise Terminated()


class PointNotFound(AcuguideError):
    """A point query matched nothing in the library."""


class SpeechError(AcuguideError):
    """Text-to-speech failed; no silence is ever put in place of failed speech."""

    exit_code = 3


class RenderError(AcuguideError):
    """Encoding or writing the session files failed."""

    exit_code = 4


class WriteError(AcuguideError):
    """A file other than a session cannot be written (a new routine): no folder, no permission, a full disk."""

    exit_code = 4
