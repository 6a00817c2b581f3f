"""One way for long work to report progress: (stage, done, total), from speech to encoding."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int], None]
