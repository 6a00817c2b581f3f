"""What a player shows of a session: its tags, chapters, cover and a picture per chapter.

The mix and the encoder (render.py) do not need any of it; the encoder is given ffmpeg's
tags, and an MP3's comment, cover and chapters with their pictures are written as ID3
frames of our own after it (see `id3`).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..clock import clock
from ..content import wording
from ..content.catalog import translator
from ..errors import RenderError
from ..files import atomic
from ..timeline.layout import Script
from . import id3


def ffmpeg_tags(script: Script, format: str, album: str, track: tuple[int, int] | None) -> list[str]:
    """ffmpeg's -metadata options: tags, and for Ogg the chapters as Vorbis comments.

    An MP3's comment and chapters are ID3 frames of our own (see `id3`)."""
    tags = {"title": script.title, "artist": "acuguide", "album": album, "language": _iso_639_2(script.language)}
    if track:
        tags["track"] = f"{track[0]}/{track[1]}"
    if script.summary and format != "mp3":
        tags["comment"] = script.summary
    if format == "ogg":
        for number, (title, start, _) in enumerate(chapters(script), 1):
            tags[f"CHAPTER{number:03d}"] = clock(start / 1000, always_hours=True)
            tags[f"CHAPTER{number:03d}NAME"] = title
    return [arg for key, value in tags.items() for arg in ("-metadata", f"{key}={value}")]


def _iso_639_2(language: str) -> str:
    """The language as ID3's TLAN (and Vorbis' LANGUAGE) wants it: ISO 639-2 ('spa'), from the catalog."""
    return translator(language)(wording.ISO_639_2)


def chapters(script: Script) -> list[tuple[str, int, int]]:
    """(title, start ms, end ms) of every step and side."""
    return [
        (c.title, round(script.seconds(c.start) * 1000), round(script.seconds(c.end) * 1000)) for c in script.chapters
    ]


def pictures(script: Script, store: Path | None = None) -> tuple[bytes, list[bytes | None]]:
    """The MP3's cover (the session's points and title) and each point chapter's picture, as
    JPEG: a hold on one side shows that side. The routine's own points are drawn like the
    shipped ones; one without a picture has none (`check` and `render` say so beforehand).

    With a `store` folder each JPEG is kept there under a digest of its drawing: drawing one
    costs two processes, and a warm render (or a batch) draws each picture once, ever."""
    from ..content import pictures

    def jpeg(svg: str) -> bytes:
        if store is None:
            return pictures.small_jpeg(svg)
        path = store / f"{hashlib.sha256(svg.encode()).hexdigest()}.jpg"
        try:
            return path.read_bytes()
        except OSError:
            data = pictures.small_jpeg(svg)
        try:
            with atomic(path) as tmp:
                tmp.write_bytes(data)
        except OSError as exc:
            raise RenderError(f"cannot write the picture cache at {store}: {exc.strerror or exc}") from None
        return data

    held = [(c.point, c.side) if c.point else None for c in script.chapters]  # laid out once, with the timeline
    known = {p.code: p for p in script.points}  # every point the routine holds: the library's and its own
    points = {code: known.get(code) for code in dict.fromkeys(c for c, _ in filter(None, held))}
    shown = {code: p for code, p in points.items() if p is not None and pictures.has_picture(p)}
    images = {
        (code, side): jpeg(pictures.point_svg(shown[code], side, script.language))
        for code, side in dict.fromkeys(filter(None, held))
        if code in shown
    }
    cover = jpeg(pictures.cover_svg(list(shown.values()), script.title))
    return cover, [images.get(h) if h else None for h in held]


def write_id3(path: Path, script: Script, cover: bytes, images: list[bytes | None]) -> None:
    """The MP3's comment (the summary), cover, and chapters each with its picture."""
    comment = [id3.comment_frame(script.summary)] if script.summary else []
    id3.add_frames(path, comment + [id3.picture_frame(cover)] + id3.chapter_frames(chapters(script), images))
