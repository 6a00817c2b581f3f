"""How long work talks to whoever runs it: progress as (stage, done, total), and a `Report`.

The library never prints: it calls these, and the CLI decides how they look.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Report:
    line: Callable[[str], None]  # a result the user asked for (standard output)
    note: Callable[[str], None]  # a notice, or one session's failure in a batch (standard error)
    progress: Callable[[str], Progress]  # a progress display for one named piece of work


SILENT = Report(lambda line: None, lambda note: None, lambda name: lambda stage, done, total: None)
