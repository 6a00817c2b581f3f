"""Clips made ready for the mix, kept on disk beside the spoken phrases.

Preparing a clip (compressing it, taking it to the output rate, weighing its loudness) is a
pure function of its samples, so the result is stored under a digest of those samples and
of how it was made: a warm render reads each clip back instead of making it again, and any
number of renders, processes or machines sharing the folder share the work.

A stored clip is one flat file (a header, the energy cells, the samples) read in one call:
numpy's .npz, a zip archive, took six times as long to open as the bytes take to read.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from pathlib import Path

import numpy as np

from ..errors import RenderError
from ..files import atomic
from . import dynamics

VERSION = 3  # bump when preparing a clip changes what is stored
MAGIC = b"ACUCLIP3"
HEADER = struct.Struct("<8sIdqq")  # magic, CRC-32 of the rest, true peak, samples (float32), cells (float64)


class ClipCache:
    def __init__(self, root: Path, rate: int, out_rate: int):
        self.root, self.rate, self.out_rate = root, rate, out_rate

    def path(self, pcm: bytes) -> Path:
        digest = hashlib.sha256(f"{VERSION}:{self.rate}:{self.out_rate}:".encode() + pcm).hexdigest()
        return self.root / digest[:2] / f"{digest}.clip"

    def get(self, pcm: bytes) -> dynamics.Prepared:
        path = self.path(pcm)
        try:
            prepared = _read(path.read_bytes())
            if prepared and len(prepared.samples) == len(pcm) // 2 * (self.out_rate // self.rate):
                return prepared
        except OSError:
            pass  # missing: made
        prepared = dynamics.prepare(pcm, self.rate, self.out_rate)
        body = struct.pack("<dqq", prepared.peak, len(prepared.samples), len(prepared.cells))
        body += prepared.cells.astype("<f8").tobytes() + prepared.samples.astype("<f4").tobytes()
        data = MAGIC + struct.pack("<I", zlib.crc32(body)) + body
        try:
            with atomic(path) as tmp:
                tmp.write_bytes(data)
        except OSError as exc:
            raise RenderError(f"cannot write the clip cache at {self.root}: {exc.strerror or exc}") from None
        return prepared


def _read(data: bytes) -> dynamics.Prepared | None:
    """A stored clip, or None if the bytes are not a whole one (damaged: made again)."""
    if len(data) < HEADER.size:
        return None
    magic, crc, peak, samples, cells = HEADER.unpack_from(data)
    if magic != MAGIC or len(data) != HEADER.size + 8 * cells + 4 * samples or zlib.crc32(data[12:]) != crc:
        return None
    return dynamics.Prepared(
        np.frombuffer(data, "<f4", samples, HEADER.size + 8 * cells),
        np.frombuffer(data, "<f8", cells, HEADER.size),
        peak,
    )
