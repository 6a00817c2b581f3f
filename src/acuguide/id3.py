"""Add a COMM (comment) frame to the ID3v2.3 tag ffmpeg wrote, without reordering it.

ffmpeg writes a comment as TXXX:comment, which players do not show. Re-saving the tag with
mutagen adds COMM but sorts the other frames by size, so the shortest chapter ("End") comes
first and players that read frames in stored order show a scrambled chapter list. So the
frame is written here and put in front of ffmpeg's frames, leaving their order as it is.
"""

from __future__ import annotations

import struct
from pathlib import Path

from .errors import RenderError

HEADER = struct.Struct(">3sBBB4s")  # "ID3", major, revision, flags, syncsafe size


def _syncsafe(size: int) -> bytes:
    return bytes((size >> shift) & 0x7F for shift in (21, 14, 7, 0))


def _unsyncsafe(data: bytes) -> int:
    return sum(b << shift for b, shift in zip(data, (21, 14, 7, 0)))


def comment_frame(text: str, language: str = "eng") -> bytes:
    """An ID3v2.3 COMM frame: UTF-16 with byte-order marks, an empty description."""
    data = b"\x01" + language.encode("ascii") + "".encode("utf-16") + b"\x00\x00" + text.encode("utf-16")
    return b"COMM" + struct.pack(">IH", len(data), 0) + data


def add_comment(path: Path, text: str) -> None:
    audio = path.read_bytes()
    if len(audio) < HEADER.size:
        raise RenderError(f"{path.name} is too short to carry an ID3 tag")
    magic, major, _, flags, size = HEADER.unpack_from(audio)
    if magic != b"ID3" or major != 3 or flags:
        raise RenderError(f"{path.name} has no plain ID3v2.3 tag to add the comment to")
    frame = comment_frame(text)
    header = HEADER.pack(b"ID3", 3, 0, 0, _syncsafe(_unsyncsafe(size) + len(frame)))
    path.write_bytes(header + frame + audio[HEADER.size :])
