"""The phone page: sessions first, each with its picture, a player, its points (picture, where
to find them, hold and rounds) and its transcript as text; then how to keep a session for
practice offline, and how to subscribe.

Everything from a routine file is escaped (`html.escape` for markup, `_json` for the data the
script reads). The list works without JavaScript; with it, "Follow along" opens a session view
that follows the audio (the current chapter's picture, name and what to do, the time left in
the hold, from the JSON timeline beside the audio) and "Print card" prints one session's card.
The styles and the script are package files in `static/`, inlined so the page is one file.
"""

from __future__ import annotations

import json
from html import escape as e
from importlib import resources
from urllib.parse import quote

from ..clock import minutes
from ..timeline.layout import Hold
from .site import ART, FEED_TITLE, ONE_SIDE, Episode, codes, point, point_names, point_picture, said, steps


def _json(value) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' survives as itself."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _static(name: str) -> str:
    return (resources.files(__package__) / "static" / name).read_text(encoding="utf-8")


def _seconds(value: float) -> str:
    value = round(value)
    return f"{value} s" if value < 90 else f"{value // 60} min {value % 60} s" if value % 60 else f"{value // 60} min"


def _sides(sides: tuple[str, ...]) -> str:
    if len(sides) > 1:
        return f"{sides[0]} side, then {sides[1]}"
    side = sides[0] if sides else ""
    return {"both": "both sides at once", "center": "on the midline", "": ""}.get(side, f"{side} side")


def _step(holds: tuple[Hold, ...], episode: Episode) -> str:
    """One point step as the listener does it: which point, its first hold's length, how many
    rounds, which sides."""
    step, rounds = holds[0], max(h.round for h in holds)
    found = point(step.point, [episode])
    name = found.english if found else step.name
    find = found.find if found else ""
    hold = episode.script.seconds(step.end - step.start)
    sides = tuple(dict.fromkeys(h.side for h in holds))
    dose = [f"hold {_seconds(hold)}", f"{rounds} round{'s' if rounds != 1 else ''}", _sides(sides)]
    return f"""
    <li class="step">
      <img src="{ART}/point-{e(quote(step.point))}.svg" alt="Where {e(step.point)} {e(name)} is" width="600" height="600">
      <div>
        <h4><span class="code">{e(step.point)}</span> {e(name)}</h4>
        <p class="dose">{e(", ".join(d for d in dose if d).capitalize())}</p>
        <p class="find">{e(find)}</p>
      </div>
    </li>"""


def _transcript(episode: Episode) -> str:
    s, cues, parts = episode.script.seconds, said(episode.script), []
    for mark in episode.script.chapters:
        start, end = s(mark.start), s(mark.end)
        words = [c.text for c in cues if start - 0.01 <= s(c.start) < end - 0.01]
        if words:
            parts.append(f"<h4>{e(mark.title)}</h4>\n<p>{e(' '.join(words))}</p>")
    if not parts:
        parts = [f"<p>{e(' '.join(c.text for c in cues))}</p>"]
    return "\n".join(parts)


def _session(episode: Episode, first: bool) -> str:
    slug, audio = e(quote(episode.slug)), e(quote(episode.audio.name))
    series, held = episode.series, codes(episode.script)
    week = f" · week {series.week} of {series.weeks}" if series else ""
    names = ", ".join(point_names(episode.script)) or "no points"
    listed = "".join(_step(holds, episode) for holds in steps(episode.script))
    files = []
    if episode.transcript:
        files.append(f'<a href="{e(quote(episode.transcript.name))}">WebVTT</a>')
        srt = episode.transcript.with_suffix(".srt")
        if srt.is_file():
            files.append(f'<a href="{e(quote(srt.name))}">SRT</a>')
    return f"""
<article class="session" id="{slug}" data-slug="{slug}" data-audio="{audio}" data-timeline="{e(quote(episode.timeline))}" data-title="{e(episode.title)}">
  <h2>{e(episode.title)}</h2>
  <p class="meta">{minutes(episode.duration)}{e(week)} · {len(held)} point{"s" if len(held) != 1 else ""}</p>
  <img class="cover" src="{ART}/session-{slug}.svg" alt="The points of this session: {e(names)}" width="600" height="600"{"" if first else ""}>
  <audio controls preload="{"metadata" if first else "none"}" src="{audio}"></audio>
  <p class="actions">
    <a class="button primary follow-link" href="#points-{slug}">Follow along</a>
    <a class="button" href="{audio}" download="{e(episode.title)}{e(episode.audio.suffix)}">Save to this phone</a>
    <a class="button print" href="#points-{slug}">Print card</a>
  </p>
  {f'<p class="summary">{e(episode.summary)}</p>' if episode.summary else ""}
  <section class="card" id="points-{slug}" aria-label="The points, in order">
    <h3>The points, in order</h3>
    <p class="print-only">{e(episode.title)} · {minutes(episode.duration)}. Press gently and stop if anything hurts: a practice aid, not medical advice.</p>
    <ol class="steps">{listed}
    </ol>
  </section>
  <details class="transcript">
    <summary>Read the transcript</summary>
    <div>{_transcript(episode)}
    <p class="files">As subtitle files: {" · ".join(files) or "none"}</p></div>
  </details>
</article>"""


def render(items: list[Episode], feed_url: str, served: bool) -> str:
    scheme_less = feed_url.split("://", 1)[-1]
    sessions = "".join(_session(episode, n == 0) for n, episode in enumerate(items))
    if not items:
        sessions = '<p class="empty">No sessions yet. Render one into this folder: <code>acuguide render lower-back</code>.</p>'
    points = {}
    for code in dict.fromkeys(c for ep in items for c in codes(ep.script)):
        found = point(code, items)
        points[code] = {"name": found.english if found else code, "find": found.find if found else "",
                        "picture": f"{ART}/point-{quote(code)}.svg",  # a hold on one side: that side's picture
                        "sides": {side: f"{ART}/{quote(point_picture(code, side, items)[: -len('.png')])}.svg" for side in ONE_SIDE}}  # fmt: skip
    if served:
        apps = (
            "<p>This page comes from a computer on your home network, so only apps that fetch the feed on the phone itself "
            "can follow it, while the phone is on this Wi-Fi: AntennaPod (the button above), or Podcast Addict (add a "
            "podcast by its address and paste the one above).</p>\n"
            "<p>Apple Podcasts, Spotify and Pocket Casts fetch feeds from their own servers, which cannot reach your home "
            "network. To follow in them, publish the sessions on a web host (<code>acuguide render ... --site "
            "https://your.host/sessions/</code>); then, in Apple Podcasts, open the Library tab, tap ···, choose "
            "<em>Follow a Show by URL</em> and paste that published address.</p>"
        )
    else:
        apps = (
            "<p>Apple Podcasts: open the Library tab, tap ···, choose <em>Follow a Show by URL</em> and paste the address. "
            "Podcast Addict, gPodder and Pocket Casts: add a podcast by its address and paste the same one.</p>"
        )
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>{e(FEED_TITLE)}</title>
<link rel="alternate" type="application/rss+xml" title="{e(FEED_TITLE)}" href="{e(feed_url)}">
<style>
{_static("page.css")}</style>
</head>
<body>
<header class="top">
  <h1>Your acupressure sessions</h1>
  <p>Look once at where each point is, then press play and follow with your eyes closed.</p>
  <nav><a href="#offline">Practise offline</a> · <a href="#subscribe">Subscribe</a></nav>
</header>
<main>
{sessions}
<section class="help" id="offline">
  <h2>Keep a session on this phone</h2>
  <p>To practise without the network, tap <strong>Save to this phone</strong> under a session. On Android it goes to
  Downloads and plays in any music or files app; on an iPhone, Safari asks to download it, and it is then in the Files
  app under Downloads. The audio speaks every step, so it is all you need once you know the points.</p>
  <p>In a podcast app, download the episode after subscribing (below): it stays in the app with its chapters and
  pictures. <strong>Print card</strong> gives the points on paper.</p>
</section>
<section class="help" id="subscribe">
  <h2>Subscribe in a podcast app</h2>
  <p>New sessions then arrive by themselves, with chapters to skip from point to point, the picture of each point, and
  the transcript.</p>
  <p><label for="feed">The feed address (tap it, then copy):</label>
  <input id="feed" type="text" readonly value="{e(feed_url)}"></p>
  <p><a class="button primary" href="antennapod-subscribe://{e(scheme_less)}">Subscribe in AntennaPod</a></p>
  {apps}
</section>
<p class="note">acuguide is a practice aid, not medical advice: stop if anything hurts, and see a doctor for severe or
lasting pain.</p>
</main>
<div id="follow" class="follow" hidden>
  <div class="follow-top">
    <button type="button" class="close" aria-label="Close the session view">← Sessions</button>
    <span class="follow-title"></span>
  </div>
  <img class="follow-picture" alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==">
  <p class="follow-count"></p>
  <h2 class="follow-name"></h2>
  <p class="follow-do" aria-live="polite"></p>
  <p class="follow-hold"><span class="follow-left"></span></p>
  <p class="follow-find"></p>
  <div class="follow-bar"><div class="follow-progress"></div></div>
  <div class="follow-controls">
    <button type="button" class="prev" aria-label="Previous chapter"><svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true"><path fill="currentColor" d="M6 5h2v14H6zM20 5v14L9 12z"/></svg><span>Back</span></button>
    <button type="button" class="play" aria-label="Play"><svg class="i-play" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true"><path fill="currentColor" d="M7 5v14l12-7z"/></svg><svg class="i-pause" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true"><path fill="currentColor" d="M6 5h4v14H6zM14 5h4v14h-4z"/></svg><span>Play</span></button>
    <button type="button" class="next" aria-label="Next chapter"><svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true"><path fill="currentColor" d="M16 5h2v14h-2zM4 5v14l11-7z"/></svg><span>Next</span></button>
  </div>
  <audio class="follow-audio" preload="auto"></audio>
</div>
<script type="application/json" id="acuguide-points">{_json(points)}</script>
<script>
{_static("page.js")}</script>
</body>
</html>
"""
