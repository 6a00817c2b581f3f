"""The exceptions acuguide raises.

Every failure a user can cause or fix is an `AcuguideError`; the CLI prints its message
as ``Error: ...`` and exits with its `exit_code`, never with a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


class AcuguideError(Exception):
    """Base class: the message alone must tell the user what went wrong and what to do."""

    exit_code = 1


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located so the user can go straight to it."""

    source: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}, line {self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ProblemsError(AcuguideError):
    """Carries every problem found, so that one run reports them all."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(problems)
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
