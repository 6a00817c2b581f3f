"""Clips made ready for the mix, kept on disk beside the spoken phrases.

Preparing a clip (compressing it, taking it to the output rate, weighing its loudness) is a
pure function of its samples, so the result is stored under a digest of those samples and
of how it was made: a warm render reads each clip back instead of making it again, and any
number of renders, processes or machines sharing the folder share the work.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import numpy as np

from ..errors import RenderError
from ..files import atomic
from . import dynamics

VERSION = 2  # bump when preparing a clip changes what is stored


class ClipCache:
    def __init__(self, root: Path, rate: int, out_rate: int):
        self.root, self.rate, self.out_rate = root, rate, out_rate

    def path(self, pcm: bytes) -> Path:
        digest = hashlib.sha256(f"{VERSION}:{self.rate}:{self.out_rate}:".encode() + pcm).hexdigest()
        return self.root / digest[:2] / f"{digest}.npz"

    def get(self, pcm: bytes) -> dynamics.Prepared:
        path = self.path(pcm)
        try:
            with np.load(path) as stored:
                prepared = dynamics.Prepared(stored["samples"], stored["cells"], float(stored["peak"]))
            if len(prepared.samples) == len(pcm) // 2 * (self.out_rate // self.rate) and prepared.cells.ndim == 1:
                return prepared
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
            pass  # missing or damaged: made again
        prepared = dynamics.prepare(pcm, self.rate, self.out_rate)
        buffer = io.BytesIO()
        np.savez(buffer, samples=prepared.samples, cells=prepared.cells, peak=prepared.peak)
        try:
            with atomic(path) as tmp:
                tmp.write_bytes(buffer.getvalue())
        except OSError as exc:
            raise RenderError(f"cannot write the clip cache at {self.root}: {exc.strerror or exc}") from None
        return prepared
