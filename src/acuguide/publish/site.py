"""A folder of rendered sessions as a podcast: an RSS feed, a page for a phone, chapters JSON,
and the pictures they show.

Everything is read from what `render` wrote beside each audio file (the JSON timeline, read
back by `export.rendered` into the very `Script` render laid out, and the WebVTT transcript),
so the feed, the page and the MP3's own chapters always agree. The
feed is RSS 2.0 with Apple's `itunes:` tags, the Podcasting 2.0 namespace
(`podcast:chapters`, `podcast:transcript`) and Podlove Simple Chapters (`psc:`), so that each
app finds what it reads:

- AntennaPod reads `podcast:` under both of its addresses, `psc:chapters` and `itunes:image`;
- gPodder (podcastparser) knows the Podcasting 2.0 namespace only by its older address, the
  GitHub one, and reads `psc:chapters` with their `image`;
- Podcast Addict reads `podcast:chapters`, `podcast:transcript` and `psc:chapters`.

So the `podcast:` elements are written twice, once under each address (same URLs), and the
chapters a third time inline as Podlove Simple Chapters. Enclosures need absolute URLs, so the
base URL is given: the server's own address, or where `render --site` output will be published.

A batch or a program is a serial show: its episodes are numbered in order and dated a minute
apart in that order (the files' finishing times follow the render pool, not the weeks).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections import Counter
from dataclasses import dataclass
from email.utils import formatdate
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree as ET

from ..clock import clock
from ..content.catalog import SOURCE
from ..content.points import library
from ..errors import TimelineError
from ..routine import Series
from ..routine.find import shipped_names
from ..timeline.layout import Cue, Hold, Script
from ..timeline.plan import CueKind
from .export import rendered

FEED, PAGE, ART = "feed.xml", "index.html", "art"
FEED_TITLE = "acuguide sessions"
AUDIO_TYPES = {".mp3": "audio/mpeg", ".ogg": "audio/ogg", ".wav": "audio/wav"}
IMAGE_TYPES = {".png": "image/png", ".svg": "image/svg+xml"}
COVER_PX, POINT_PX = 1400, 600  # Apple asks for 1400-3000 px square show and episode art
PODCAST_OLD = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"
NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "podcast1": PODCAST_OLD,  # the same namespace by its first address, for podcastparser
    "psc": "http://podlove.org/simple-chapters",
    "atom": "http://www.w3.org/2005/Atom",
}
for _prefix, _uri in NS.items():
    ET.register_namespace(_prefix, _uri)
MAX_NAME = 200  # characters of a session file's name: render's own files and their temporary names stay under 255
# The names render writes (a slug, a suffix): a name with spaces, '%', '#' or bytes that are not
# UTF-8 is nobody's session, and could not be linked to as it is listed.
NAME = re.compile(rf"[A-Za-z0-9][A-Za-z0-9._-]{{0,{MAX_NAME - 1}}}")
MAX_TIMELINE = 8_000_000  # bytes: a three-hour session's timeline is well under 2 MB


@dataclass(frozen=True)
class Episode:
    """One rendered session: its audio file, and its timeline as `export.rendered` reads it."""

    audio: Path
    script: Script
    position: int  # order in a batch or program (0 for a single session)
    transcript: Path | None

    @property
    def title(self) -> str:
        return self.script.title

    @property
    def summary(self) -> str:
        return self.script.summary

    @property
    def duration(self) -> float:
        return self.script.duration

    @property
    def series(self) -> Series | None:
        return self.script.series

    @property
    def slug(self) -> str:
        return self.audio.stem

    @property
    def shipped(self) -> bool:
        """Rendered from one of the routines acuguide ships (not composed, not the user's own)."""
        source = self.script.source
        return source.startswith("routines/") and source[len("routines/") : -len(".yaml")] in shipped_names()

    @property
    def timeline(self) -> str:
        return self.slug + ".json"

    @property
    def size(self) -> int:
        return self.audio.stat().st_size

    @property
    def mtime(self) -> float:
        return self.audio.stat().st_mtime

    @property
    def guid(self) -> str:
        """Stable: the same audio keeps its guid; a changed session is a new episode to fetch."""
        with self.audio.open("rb") as audio:
            return "acuguide-" + hashlib.file_digest(audio, "sha256").hexdigest()[:24]


# --- what the page and the feed show, read off the timeline


def codes(script: Script) -> tuple[str, ...]:
    """The points held, by code ("BL23"), in order of first hold."""
    return tuple(dict.fromkeys(h.point for h in script.holds))


def point_names(script: Script) -> tuple[str, ...]:
    """The points held, by code and name ("BL23 Sea of Vitality"), in order of first hold."""
    return tuple(dict.fromkeys(f"{h.point} {h.name}" for h in script.holds))


def steps(script: Script) -> tuple[tuple[Hold, ...], ...]:
    """The holds of each point step as the listener does it, in order: its sides, its rounds."""
    grouped: dict[tuple[str, str], list[Hold]] = {}
    for hold in script.holds:
        grouped.setdefault((hold.step, hold.point), []).append(hold)
    return tuple(tuple(holds) for holds in grouped.values())


def said(script: Script) -> tuple[Cue, ...]:
    """What is said, bells and tones left out."""
    return tuple(c for c in script.cues if c.kind not in (CueKind.BELL, CueKind.TONE))


def _order(episode: Episode) -> tuple:
    """Batch order, then each program's weeks together and in order."""
    series = episode.series
    return (episode.position, series.slug if series else "", series.week if series else 0, episode.title)


def language_of(items: list[Episode] | tuple[Episode, ...]) -> str:
    """The language most of the sessions are in (the first's, in a tie): the feed's and the
    index's. English when there are none."""
    counts = Counter(episode.script.language for episode in items)
    return max(counts, key=lambda language: counts[language], default=SOURCE)


def episodes(folder: Path) -> list[Episode]:
    """The sessions in a folder: each audio file with a timeline beside it, in program order.

    This is all the server and `--site` know of a folder, so it reads only what is ours to
    publish: regular files of a sane size that resolve inside the folder (never a link to a
    timeline elsewhere, a FIFO that would block, or /dev/zero), and timelines of the shape
    `render` writes; anything else is left out, not shown."""
    root = Path(folder).resolve()
    found = []
    for timeline in sorted(root.glob("*.json")):
        if timeline.name.endswith(".chapters.json") or not NAME.fullmatch(timeline.name):
            continue
        data = _timeline(root, timeline)
        episode = _episode(root, timeline, data) if data is not None else None
        if episode is not None:
            found.append(episode)
    return sorted(found, key=_order)


def inside(root: Path, path: Path) -> bool:
    """Whether `path` is a regular file directly in `root` (resolved), after following links."""
    try:
        resolved = path.resolve(strict=True)
        return resolved.parent == root and resolved.is_file()
    except (OSError, RuntimeError):  # missing, a name too long, a loop of links
        return False


def _timeline(root: Path, path: Path) -> dict | None:
    """A timeline's JSON, opened without blocking and checked on the open file; None if it
    is not a regular file inside `root` of at most MAX_TIMELINE bytes, or not a JSON object."""
    if not inside(root, path):
        return None
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_TIMELINE:
            return None
        try:
            data = json.loads(file.read(MAX_TIMELINE + 1))
        except (OSError, ValueError, RecursionError):
            return None
    return data if isinstance(data, dict) else None


def _episode(root: Path, timeline: Path, data: dict) -> Episode | None:
    """The episode a timeline describes, as `export.rendered` reads it (its texts made safe
    for XML); None if it is not the shape `render` writes, or its audio is not a regular file
    inside the folder."""
    suffix = "." + str(data.get("format"))
    if suffix not in AUDIO_TYPES:
        return None
    audio = timeline.with_suffix(suffix)
    if not inside(root, audio):
        return None
    try:
        session = rendered(data)
    except TimelineError:
        return None  # not one of ours
    transcript = timeline.with_suffix(".vtt")
    return Episode(audio, session.script, session.position, transcript if inside(root, transcript) else None)


# --- pictures: made by content.pictures from the point library and the routines' own points the
# timelines carry, SVG for the page, PNG for apps


def point(code: str, items: list[Episode] | tuple[Episode, ...] = ()):
    """The point as the sessions drew it: from the first of `items` whose timeline holds it
    (a routine's own point, or the library's), else the shipped library's (None if neither)."""
    held = next((p for episode in items for p in episode.script.points if p.code == code), None)
    return held or library().get(code)


def point_picture(code: str, side: str | None = None, items: list[Episode] | tuple[Episode, ...] = ()) -> str:
    """The name under `art/` of a point's picture as PNG: `point-CODE.png`, or for a hold on
    one side of a point drawn on both, `point-CODE.left.png` with that side's marker alone."""
    found = point(code, items)
    one = side in ONE_SIDE and found is not None and found.picture is not None and len(found.picture.at) == 2
    return f"point-{code}.{side}.png" if one else f"point-{code}.png"


ONE_SIDE = ("left", "right")


def _points(codes: tuple[str, ...], items: list[Episode]) -> tuple:
    """The points of `codes` that can be drawn, as the sessions drew them."""
    return tuple(p for p in (point(code, items) for code in codes) if p is not None and p.picture is not None)


@lru_cache(maxsize=256)
def _picture(kind: str, points: tuple, title: str, suffix: str, width: int, side: str | None = None) -> bytes:
    from ..content import pictures

    svg = pictures.point_svg(points[0], side) if kind == "point" else pictures.cover_svg(list(points), title)
    return svg.encode("utf-8") if suffix == ".svg" else pictures.to_png(svg, width)


def art_names(items: list[Episode]) -> list[str]:
    """Every picture the feed and the page name, as paths under `art/`."""
    names = ["cover.png"]
    for episode in items:
        names += [f"session-{episode.slug}.png", f"session-{episode.slug}.svg"]
    for code in dict.fromkeys(c for e in items for c in codes(e.script)):
        names += [f"point-{code}.png", f"point-{code}.svg"]
    for mark in dict.fromkeys((c.point, c.side) for e in items for c in e.script.chapters if c.point):
        name = point_picture(*mark, items)
        if name not in names:
            names += [name, name[: -len(".png")] + ".svg"]
    return names


def art(items: list[Episode], name: str) -> tuple[bytes, str] | None:
    """The picture `art/<name>`: `cover.png` (the show), `session-<slug>.png|svg` (an episode),
    `point-<CODE>.png|svg` (a point); None for any other name."""
    stem, dot, ext = name.rpartition(".")
    suffix = dot + ext
    if suffix not in IMAGE_TYPES:
        return None
    if name == "cover.png":
        held = tuple(dict.fromkeys(c for e in items for c in codes(e.script)))
        return _picture("cover", _points(held, items), FEED_TITLE, suffix, COVER_PX), IMAGE_TYPES[suffix]
    if stem.startswith("session-"):
        episode = next((e for e in items if e.slug == stem[len("session-") :]), None)
        if episode is None:
            return None
        return _picture("cover", _points(codes(episode.script), items), episode.title, suffix, COVER_PX), IMAGE_TYPES[
            suffix
        ]
    if stem.startswith("point-"):
        code, dot, side = stem[len("point-") :].rpartition(".")
        code, side = (code, side) if dot and side in ONE_SIDE else (stem[len("point-") :], None)
        drawn = _points((code,), items)
        if not any(code in codes(e.script) for e in items) or not drawn:
            return None
        return _picture("point", drawn, "", suffix, POINT_PX, side), IMAGE_TYPES[suffix]
    return None


def art_url(base: str, name: str) -> str:
    return base + ART + "/" + quote(name)


# --- the feed


def chapters_json(episode: Episode, base: str = "") -> str:
    """Podcasting 2.0 JSON chapters: the same times as the MP3's ID3 chapters, each point
    chapter with its point's picture (an absolute URL when `base` is given)."""
    chapters = []
    for mark in episode.script.chapters:
        chapter = {"startTime": round(episode.script.seconds(mark.start), 3), "title": mark.title}
        if mark.point:
            chapter["img"] = art_url(base, point_picture(mark.point, mark.side, [episode]))
        chapters.append(chapter)
    return json.dumps({"version": "1.2.0", "chapters": chapters}, indent=2, ensure_ascii=False) + "\n"


def serial(items: list[Episode]) -> bool:
    """A batch or a program is listened to in order."""
    return any(e.position or e.series for e in items)


def pub_dates(items: list[Episode]) -> list[float]:
    """Dates in listening order: a serial show's episodes a minute apart, ending at the newest
    file's finishing time; otherwise each file's own finishing time."""
    if not items:
        return []
    if not serial(items):
        return [e.mtime for e in items]
    last = max(e.mtime for e in items)
    return [last - 60 * (len(items) - 1 - n) for n in range(len(items))]


def rss(items: list[Episode], base: str, title: str = FEED_TITLE) -> str:
    """The podcast feed; `base` is the absolute URL of the folder, ending in '/'."""
    q = lambda prefix, name: f"{{{NS[prefix]}}}{name}"  # noqa: E731
    root = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(root, "channel")
    for tag, text in (("title", title), ("link", base), ("language", language_of(items)),
                      ("description", "Guided acupressure and self-massage sessions made with acuguide.")):  # fmt: skip
        ET.SubElement(channel, tag).text = text
    cover = art_url(base, "cover.png")
    image = ET.SubElement(channel, "image")
    for tag, text in (("url", cover), ("title", title), ("link", base)):
        ET.SubElement(image, tag).text = text
    ET.SubElement(channel, q("atom", "link"), {"href": base + FEED, "rel": "self", "type": "application/rss+xml"})
    ET.SubElement(channel, q("itunes", "image"), {"href": cover})
    ET.SubElement(channel, q("itunes", "author")).text = "acuguide"
    ET.SubElement(channel, q("itunes", "explicit")).text = "false"
    ET.SubElement(channel, q("itunes", "category"), {"text": "Health & Fitness"})
    is_serial = serial(items)
    ET.SubElement(channel, q("itunes", "type")).text = "serial" if is_serial else "episodic"
    for number, (episode, date) in enumerate(zip(items, pub_dates(items)), 1):
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = episode.title
        ET.SubElement(item, "description").text = episode.summary or episode.title
        ET.SubElement(item, "link").text = base + quote(episode.slug + ".html")  # its own page
        ET.SubElement(item, "guid", {"isPermaLink": "false"}).text = episode.guid
        ET.SubElement(item, "pubDate").text = formatdate(date, usegmt=True)
        url = base + quote(episode.audio.name)
        ET.SubElement(
            item, "enclosure", {"url": url, "length": str(episode.size), "type": AUDIO_TYPES[episode.audio.suffix]}
        )
        ET.SubElement(item, q("itunes", "duration")).text = str(round(episode.duration))
        ET.SubElement(item, q("itunes", "image"), {"href": art_url(base, f"session-{episode.slug}.png")})
        ET.SubElement(item, q("itunes", "episodeType")).text = "full"
        if is_serial:
            ET.SubElement(item, q("itunes", "season")).text = "1"
        ET.SubElement(item, q("itunes", "episode")).text = str(number)
        for prefix in ("podcast", "podcast1"):
            ET.SubElement(
                item,
                q(prefix, "chapters"),
                {"url": base + quote(episode.slug + ".chapters.json"), "type": "application/json+chapters"},
            )
            if episode.transcript:
                srt = episode.transcript.with_suffix(".srt")
                if inside(episode.audio.parent, srt):
                    ET.SubElement(
                        item,
                        q(prefix, "transcript"),
                        {
                            "url": base + quote(srt.name),
                            "type": "application/x-subrip",
                            "language": episode.script.language,
                        },
                    )
                ET.SubElement(
                    item,
                    q(prefix, "transcript"),
                    {
                        "url": base + quote(episode.transcript.name),
                        "type": "text/vtt",
                        "language": episode.script.language,
                    },
                )
        marks = ET.SubElement(item, q("psc", "chapters"), {"version": "1.2"})
        for mark in episode.script.chapters:
            attrs = {
                "start": clock(episode.script.seconds(mark.start), always_hours=True),
                "title": mark.title,
            }  # Podlove's HH:MM:SS.mmm
            if mark.point:
                attrs["image"] = art_url(base, f"point-{mark.point}.png")
            ET.SubElement(marks, q("psc", "chapter"), attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def site_base(url: str) -> str:
    """The absolute URL a folder will be published at, ending in '/'."""
    if not url.startswith(("http://", "https://")) or len(url.split("://", 1)[1]) < 1:
        raise ValueError(
            f"needs the address the folder will be published at, like https://example.org/sessions/, got {url!r}"
        )
    return url if url.endswith("/") else url + "/"
