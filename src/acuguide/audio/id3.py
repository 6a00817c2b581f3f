"""Put the comment and the chapters into the ID3v2.3 tag ffmpeg wrote, in time order.

Why not let ffmpeg write them: it writes a comment as TXXX:comment, which players do not
show, and chapters only from a second input (an ffmetadata file), which makes it read the
audio pipe without blocking and sleep 10 ms whenever the pipe is empty. And why not mutagen:
re-saving a tag sorts its frames by size, so the shortest chapter ("End") comes first, and
players that read frames in stored order show a scrambled chapter list. So the frames are
built here and put in front of ffmpeg's own, whose order is left as it is.
"""

from __future__ import annotations

import os
import shutil
import struct
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import RenderError

HEADER = struct.Struct(">3sBBB4s")  # "ID3", major, revision, flags, syncsafe size
NO_OFFSET = 0xFFFFFFFF  # CHAP: the chapter is given by time, not by byte offset
MAX_TOC_ENTRIES = 255  # CTOC counts its entries in one byte


def _syncsafe(size: int) -> bytes:
    return bytes((size >> shift) & 0x7F for shift in (21, 14, 7, 0))


def _unsyncsafe(data: bytes) -> int:
    return sum(b << shift for b, shift in zip(data, (21, 14, 7, 0)))


def _frame(kind: bytes, data: bytes) -> bytes:
    return kind + struct.pack(">IH", len(data), 0) + data


def _utf16(text: str) -> bytes:
    return text.encode("utf-16") + b"\x00\x00"


def comment_frame(text: str, language: str = "eng") -> bytes:
    """An ID3v2.3 COMM frame: UTF-16 with byte-order marks, an empty description."""
    return _frame(b"COMM", b"\x01" + language.encode("ascii") + _utf16("") + text.encode("utf-16"))


COVER, OTHER = 3, 0  # APIC picture types: front cover; other (a chapter's picture)


def picture_frame(image: bytes, kind: int = COVER, mime: str = "image/jpeg", description: str = "") -> bytes:
    """An ID3v2.3 APIC frame: Latin-1 MIME type and description, then the image's bytes."""
    return _frame(
        b"APIC",
        b"\x00"
        + mime.encode("latin-1")
        + b"\x00"
        + bytes([kind])
        + description.encode("latin-1", "replace")
        + b"\x00"
        + image,
    )


def chapter_frames(chapters: Iterable[tuple[str, int, int]], images: Sequence[bytes | None] = ()) -> list[bytes]:
    """A CTOC listing the chapters in order, then a CHAP with a title for each
    (title, start ms, end ms), as ID3v2 Chapter Frame Addendum 1.0 describes; where
    `images` has a JPEG for a chapter (by position), its CHAP carries it as an APIC after the title."""
    chapters = list(chapters)
    ids = [f"ch{i}".encode("latin-1") + b"\x00" for i in range(len(chapters))]
    listed = ids[:MAX_TOC_ENTRIES]
    toc = _frame(b"CTOC", b"toc\x00" + bytes([0x03, len(listed)]) + b"".join(listed))  # top level, ordered
    images = list(images) + [None] * (len(chapters) - len(images))
    chaps = [
        _frame(
            b"CHAP",
            element
            + struct.pack(">IIII", start, end, NO_OFFSET, NO_OFFSET)
            + _frame(b"TIT2", b"\x01" + _utf16(title))
            + (picture_frame(image, OTHER, description=f"chapter {i + 1}") if image else b""),
        )
        for i, (element, (title, start, end), image) in enumerate(zip(ids, chapters, images))
    ]
    return [toc, *chaps]


def add_frames(path: Path, frames: list[bytes]) -> None:
    """Put `frames` at the front of the file's ID3v2.3 tag, copying the audio through in
    pieces: a three-hour session's MP3 is 80 MB, and memory stays flat."""
    tagged = path.with_name(path.name + ".tagged")
    try:
        with path.open("rb") as source, tagged.open("wb") as target:
            first = source.read(HEADER.size)
            if len(first) < HEADER.size:
                raise RenderError(f"{path.name} is too short to carry an ID3 tag")
            magic, major, _, flags, size = HEADER.unpack(first)
            if magic != b"ID3" or major != 3 or flags:
                raise RenderError(f"{path.name} has no plain ID3v2.3 tag to add frames to")
            added = b"".join(frames)
            target.write(HEADER.pack(b"ID3", 3, 0, 0, _syncsafe(_unsyncsafe(size) + len(added))) + added)
            shutil.copyfileobj(source, target, 1 << 20)
        os.replace(tagged, path)
    finally:
        tagged.unlink(missing_ok=True)
