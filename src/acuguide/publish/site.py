"""A folder of rendered sessions as a podcast: an RSS feed, a page for a phone, chapters JSON.

Everything is read from what `render` wrote beside each audio file (the JSON timeline and
the WebVTT transcript), so the feed, the page and the MP3's own chapters always agree. The
feed is RSS 2.0 with Apple's `itunes:` tags and the Podcasting 2.0 namespace
(`podcast:chapters`, `podcast:transcript`); enclosures need absolute URLs, so the base URL is
given: the server's own address, or where `render --site` output will be published.
"""

from __future__ import annotations

import hashlib
import html
import json
from dataclasses import dataclass
from email.utils import formatdate
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree as ET

from ..clock import minutes
from ..files import write_text

FEED, PAGE = "feed.xml", "index.html"
AUDIO_TYPES = {".mp3": "audio/mpeg", ".ogg": "audio/ogg", ".wav": "audio/wav"}
NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "atom": "http://www.w3.org/2005/Atom",
}
for _prefix, _uri in NS.items():
    ET.register_namespace(_prefix, _uri)


@dataclass(frozen=True)
class Episode:
    """One rendered session, as its files on disk describe it."""

    audio: Path
    title: str
    summary: str
    duration: float
    points: tuple[str, ...]  # "BL23 Sea of Vitality", in order of first hold
    chapters: tuple[tuple[float, str], ...]  # (start seconds, title)
    position: int  # order in a batch or program (0 for a single session)
    transcript: Path | None

    @property
    def slug(self) -> str:
        return self.audio.stem

    @property
    def size(self) -> int:
        return self.audio.stat().st_size

    @property
    def guid(self) -> str:
        """Stable: the same audio keeps its guid; a changed session is a new episode to fetch."""
        return "acuguide-" + hashlib.sha256(self.audio.read_bytes()).hexdigest()[:24]


def episodes(folder: Path) -> list[Episode]:
    """The sessions in a folder: each audio file with a timeline beside it, in program order."""
    found = []
    for timeline in sorted(Path(folder).glob("*.json")):
        if timeline.name.endswith(".chapters.json") or timeline.name.startswith("."):
            continue
        try:
            data = json.loads(timeline.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # not one of ours
        if not isinstance(data, dict) or "cues" not in data or "format" not in data:
            continue
        audio = timeline.with_suffix("." + str(data["format"]))
        if not audio.is_file():
            continue
        points = dict.fromkeys(f"{h['point']} {h['name']}" for h in data.get("holds", []))
        transcript = timeline.with_suffix(".vtt")
        found.append(Episode(
            audio=audio, title=data["title"], summary=data.get("summary", ""), duration=data["duration"],
            points=tuple(points), chapters=tuple((c["start"], c["title"]) for c in data.get("chapters", [])),
            position=int(data.get("position", 0)), transcript=transcript if transcript.is_file() else None,
        ))  # fmt: skip
    return sorted(found, key=lambda e: (e.position, e.title))


def chapters_json(episode: Episode) -> str:
    """Podcasting 2.0 JSON chapters: the same times as the MP3's ID3 chapters."""
    chapters = [{"startTime": round(start, 3), "title": title} for start, title in episode.chapters]
    return json.dumps({"version": "1.2.0", "chapters": chapters}, indent=2, ensure_ascii=False) + "\n"


def rss(items: list[Episode], base: str, title: str = "acuguide sessions") -> str:
    """The podcast feed; `base` is the absolute URL of the folder, ending in '/'."""
    q = lambda prefix, name: f"{{{NS[prefix]}}}{name}"  # noqa: E731
    root = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(root, "channel")
    for tag, text in (("title", title), ("link", base), ("language", "en"),
                      ("description", "Guided acupressure and self-massage sessions made with acuguide.")):  # fmt: skip
        ET.SubElement(channel, tag).text = text
    ET.SubElement(channel, q("atom", "link"), {"href": base + FEED, "rel": "self", "type": "application/rss+xml"})
    ET.SubElement(channel, q("itunes", "author")).text = "acuguide"
    ET.SubElement(channel, q("itunes", "explicit")).text = "false"
    ET.SubElement(channel, q("itunes", "category"), {"text": "Health & Fitness"})
    ET.SubElement(channel, q("itunes", "type")).text = "serial" if any(e.position for e in items) else "episodic"
    for number, episode in enumerate(items, 1):
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = episode.title
        ET.SubElement(item, "description").text = episode.summary or episode.title
        ET.SubElement(item, "guid", {"isPermaLink": "false"}).text = episode.guid
        ET.SubElement(item, "pubDate").text = formatdate(episode.audio.stat().st_mtime, usegmt=True)
        url = base + quote(episode.audio.name)
        ET.SubElement(item, "enclosure", {"url": url, "length": str(episode.size), "type": AUDIO_TYPES[episode.audio.suffix]})
        ET.SubElement(item, q("itunes", "duration")).text = str(round(episode.duration))
        ET.SubElement(item, q("itunes", "episode")).text = str(number)
        ET.SubElement(item, q("podcast", "chapters"), {"url": base + quote(episode.slug + ".chapters.json"), "type": "application/json+chapters"})
        if episode.transcript:
            ET.SubElement(item, q("podcast", "transcript"), {"url": base + quote(episode.transcript.name), "type": "text/vtt", "language": "en"})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def page(items: list[Episode], feed_url: str, served: bool) -> str:
    """A plain page for a small screen: players, downloads, transcripts and how to subscribe."""
    e = html.escape
    scheme_less = feed_url.split("://", 1)[-1]
    sessions = []
    for episode in items:
        transcript = f' · <a href="{e(quote(episode.transcript.name))}">transcript</a>' if episode.transcript else ""
        sessions.append(f"""
<section>
  <h2>{e(episode.title)}</h2>
  <p>{e(episode.summary)}</p>
  <p class="meta">{minutes(episode.duration)} · {e(", ".join(episode.points) or "no points")}</p>
  <audio controls preload="none" src="{e(quote(episode.audio.name))}"></audio>
  <p><a href="{e(quote(episode.audio.name))}" download>Download the audio</a>{transcript}</p>
</section>""")
    where = (
        "<p>This page is served from a computer on your home network. Podcast apps that fetch feeds on "
        "their own servers (Apple Podcasts, Spotify, Pocket Casts) cannot reach it; apps that fetch on the "
        "phone itself, such as AntennaPod, can, while the phone is on the same Wi-Fi.</p>"
        if served else ""
    )
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>acuguide sessions</title>
<link rel="alternate" type="application/rss+xml" title="acuguide sessions" href="{e(feed_url)}">
<style>
body {{ font-family: system-ui, sans-serif; margin: 0 auto; max-width: 40rem; padding: 1rem; line-height: 1.5; }}
section {{ border-top: 1px solid #ccc; padding: 0.5rem 0 1rem; }}
audio, input {{ width: 100%; }}
input {{ font-size: 1rem; padding: 0.4rem; box-sizing: border-box; }}
.meta {{ color: #555; font-size: 0.9rem; }}
a.button {{ display: inline-block; padding: 0.5rem 0.8rem; border: 1px solid #36c; border-radius: 0.4rem; text-decoration: none; }}
</style>
</head>
<body>
<h1>acuguide sessions</h1>
<p>Put your earbuds in, press play, and follow with your eyes closed.</p>
<h2>Subscribe on your phone</h2>
<p><label for="feed">Feed address (tap, then copy):</label><br>
<input id="feed" type="text" readonly value="{e(feed_url)}"></p>
<p><a class="button" href="antennapod-subscribe://{e(scheme_less)}">Subscribe in AntennaPod</a></p>
<p>Apple Podcasts: open the Library tab, tap the ··· button, choose <em>Follow a Show by URL</em>, and paste the address.</p>
{where}
{"".join(sessions)}
</body>
</html>
"""


def site_base(url: str) -> str:
    """The absolute URL a folder will be published at, ending in '/'."""
    if not url.startswith(("http://", "https://")) or len(url.split("://", 1)[1]) < 1:
        raise ValueError(f"needs the address the folder will be published at, like https://example.org/sessions/, got {url!r}")
    return url if url.endswith("/") else url + "/"


def write_site(folder: Path, base: str) -> list[Path]:
    """Write the feed, the page and each session's chapters JSON as static files in `folder`."""
    base = site_base(base)
    items = episodes(folder)
    written = []
    for episode in items:
        path = folder / f"{episode.slug}.chapters.json"
        write_text(path, chapters_json(episode))
        written.append(path)
    write_text(folder / FEED, rss(items, base))
    write_text(folder / PAGE, page(items, base + FEED, served=False))
    return [*written, folder / FEED, folder / PAGE]
