"""The phone pages: an index of the sessions (programs by week, sessions made for you, the
shipped routines; a line each, no players), then a page per session (its one player, follow
along, print card, its points with pictures, what is said as text).

Every word a page shows is in `WORDS`, the one place the languages work moves into gettext
catalogs; a session page's `lang` is its timeline's `language`. Everything from a routine file
is escaped (`html.escape` for markup, `_json` for the data the script reads). The index works
without JavaScript; with it, the page keeps the key `serve` printed, marks what is done and
sends the diary's check-ins (`static/page.js`). The styles and the scripts are package files
in `static/`, inlined so each page is one file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from html import escape as e
from importlib import resources
from urllib.parse import quote

from ..clock import minutes
from ..content.catalog import N_, P_, SOURCE, Plural, translator
from ..content.wording import SIDE
from ..timeline.layout import Hold
from .site import (
    ART,
    FEED_TITLE,
    ONE_SIDE,
    Episode,
    codes,
    language_of,
    point,
    point_names,
    point_picture,
    said,
    steps,
)

# Every word the pages show, the app's own pages (compose, diary) too; `js.*` are the script's.
# Each is a catalog message (N_, P_ for a count), shown in the page's language (see `in_language`).
WORDS: dict[str, str | Plural] = {
    "index.title": N_("Your acupressure sessions"),
    "index.lead": N_(
        "Choose a session. Look once at where each point is, then press play and follow with your eyes closed."
    ),
    "index.mine": N_("Made for you"),
    "index.shipped": N_("Routines"),
    # TRANSLATORS: on the phone pages: HTML: keep the tags and the command.
    "index.empty": N_("No sessions yet. Render one into this folder: <code>acuguide render lower-back</code>."),
    "index.compose": N_("Make a session"),
    "index.diary": N_("Pain diary"),
    # TRANSLATORS: on the phone pages: a week of a program, in the list of sessions.
    "index.week": N_("Week {week}"),
    "index.next": N_("next"),
    "index.this_week": N_("this week"),
    "index.done": N_("done"),
    # TRANSLATORS: on the phone pages: a session done several times; {n} is a count shown as digits.
    "index.done_times": N_("done {n}×"),
    "index.points": P_("{count} point", "{count} points"),
    "index.program_of": N_("a program of {weeks} weeks"),
    "back": N_("← All sessions"),
    "session.follow": N_("Follow along"),
    "session.save": N_("Save to this phone"),
    "session.print": N_("Print card"),
    "session.cover_alt": N_("The points of this session: {names}"),
    "session.no_points": N_("no points"),
    "session.card": N_("The points, in order"),
    "session.card_note": N_(
        "{title} · {length}. Press gently and stop if anything hurts: a practice aid, not medical advice."
    ),
    "session.transcript": N_("What is said, as text"),
    "session.files": N_("As subtitle files: {files}"),
    "session.files_none": N_("none"),
    "step.where": N_("Where {code} {name} is"),
    "step.hold": N_("hold {length}"),
    "step.rounds": P_("{count} round", "{count} rounds"),
    "side.both": N_("both sides at once"),
    "side.center": N_("on the midline"),
    # TRANSLATORS: on the phone pages: {side} is the side word, left or right.
    "side.one": N_("{side} side"),
    # TRANSLATORS: on the phone pages: {first} and {second} are side words, left or right.
    "side.each": N_("{first} side, then {second}"),
    # TRANSLATORS: on the phone pages: a length shown on the page, short: '45 s'.
    "seconds": N_("{n} s"),
    # TRANSLATORS: on the phone pages: a length shown on the page, short: '3 min'.
    "minutes": N_("{n} min"),
    # TRANSLATORS: on the phone pages: a length shown on the page, short: '1 min 30 s'.
    "minutes_seconds": N_("{m} min {s} s"),
    "offline.title": N_("Keep a session on this phone"),
    # TRANSLATORS: on the phone pages: HTML: keep the tags.
    "offline.text": N_(
        "<p>To practise without the network, tap <strong>Save to this phone</strong> on a session's page. On Android it goes to Downloads and plays in any music or files app; on an iPhone, Safari asks to download it, and it is then in the Files app under Downloads. The audio speaks every step, so it is all you need once you know the points.</p><p>In a podcast app, download the episode after subscribing (below): it stays in the app with its chapters and pictures. <strong>Print card</strong> gives the points on paper.</p>"
    ),
    "subscribe.title": N_("Subscribe in a podcast app"),
    # TRANSLATORS: on the phone pages: HTML: keep the tags.
    "subscribe.text": N_(
        "<p>New sessions then arrive by themselves, with chapters to skip from point to point, the picture of each point, and the transcript.</p>"
    ),
    "subscribe.feed": N_("The feed address (tap it, then copy):"),
    "subscribe.antennapod": N_("Subscribe in AntennaPod"),
    # TRANSLATORS: on the phone pages: HTML: keep the tags; app and menu names stay as the apps show them.
    "subscribe.served": N_(
        "<p>This page comes from a computer on your home network, so only apps that fetch the feed on the phone itself can follow it, while the phone is on this Wi-Fi: AntennaPod (the button above), or Podcast Addict (add a podcast by its address and paste the one above).</p>\n<p>Apple Podcasts, Spotify and Pocket Casts fetch feeds from their own servers, which cannot reach your home network. To follow in them, publish the sessions on a web host (<code>acuguide render ... --site https://your.host/sessions/</code>); then, in Apple Podcasts, open the Library tab, tap ···, choose <em>Follow a Show by URL</em> and paste that published address.</p>"
    ),
    # TRANSLATORS: on the phone pages: HTML: keep the tags; app and menu names stay as the apps show them.
    "subscribe.static": N_(
        "<p>Apple Podcasts: open the Library tab, tap ···, choose <em>Follow a Show by URL</em> and paste the address. Podcast Addict, gPodder and Pocket Casts: add a podcast by its address and paste the same one.</p>"
    ),
    "note": N_(
        "acuguide is a practice aid, not medical advice: stop if anything hurts, and see a doctor for severe or lasting pain."
    ),
    "follow.close": N_("← Back"),
    "follow.close_label": N_("Close the session view"),
    "follow.prev": N_("Back"),
    "follow.prev_label": N_("Previous chapter"),
    "follow.play": N_("Play"),
    "follow.next": N_("Next"),
    "follow.next_label": N_("Next chapter"),
    "checkin.ask": N_("How much does it hurt now?"),
    "checkin.scale": N_("0 is no pain, 10 the worst you can imagine."),
    "checkin.skip": N_("Skip"),
    "checkin.before": N_("Before you start"),
    "checkin.after": N_("After the session"),
    # TRANSLATORS: on the phone pages: in the follow-along view, over the player.
    "js.chapter": N_("Chapter {n} of {of}"),
    "js.left": N_("{n} s left in the hold"),
    "js.next_hold": N_("Next: a {n} s hold"),
    "js.side_both": N_(", both sides"),
    "js.side_one": N_(", {side} side"),
    "js.play": N_("Play"),
    "js.pause": N_("Pause"),
    "js.where": N_("Where {code} {name} is"),
    "js.cover": N_("The points of this session"),
    "js.no_timeline": N_("This session's timeline could not be loaded ({error}); the player still works."),
    "js.saved": N_("Kept in your diary."),
    "js.queued": N_("Kept on this phone; it goes to your diary when the computer is reachable."),
    "js.bad_key": N_(
        "The computer did not accept the key in that address; this phone keeps the one it had. "
        "Open the address acuguide serve printed last."
    ),
    "js.no_key": N_(
        "Open the address acuguide serve printed (with ?key=) once on this phone, so the diary accepts it."
    ),
    "compose.title": N_("Make a session"),
    "compose.lead": N_(
        "Say what hurts and how long you have. The computer makes the session; it appears in the list when done."
    ),
    "compose.for": N_("What hurts, in your own words"),
    "compose.for_hint": N_("lower back, upper back, sciatica, stress, bloating…"),
    "compose.minutes": N_("Minutes"),
    "compose.tools": N_("What you have"),
    "compose.level": N_("Level"),
    "compose.beginner": N_("Beginner: gentle 20-60 s holds"),
    "compose.regular": N_("Regular: holds up to three minutes"),
    "compose.screening": N_("First, the questions a physiotherapist would ask"),
    "compose.screening_lead": N_(
        "Answer each one. A yes to a sign that needs a doctor makes no session and says whom to see."
    ),
    "compose.yes": N_("Yes"),
    "compose.no": N_("No"),
    "compose.submit": N_("Make the session"),
    "compose.queued": N_("Waiting for the session before it…"),
    "compose.running": N_("Making it on the computer…"),
    "compose.done": N_("Ready, and in the list of sessions."),
    "compose.open": N_("Open the session"),
    "compose.failed": N_("It could not be made:"),
    # TRANSLATORS: on the phone pages: the command stays as it is.
    "compose.needs_js": N_(
        "Making a session from the phone needs JavaScript; in a terminal: acuguide compose --for … --minutes …"
    ),
    "compose.stage": N_("{stage}… {percent}%"),
    "tool.hands": N_("hands"),
    "tool.ball": N_("a massage ball"),
    "tool.roller": N_("a foam roller"),
    "tool.gun": N_("a massage gun"),
    "diary.title": N_("Pain diary"),
    "diary.lead": N_(
        "How much it hurt before and after each session, 0 to 10. A fall of 30% from the first week is what the trials counted as meaningful."
    ),
    "diary.empty": N_("No check-ins yet. Follow a session along: it asks before and after."),
    "diary.before": N_("before"),
    "diary.after": N_("after"),
    "diary.goal": N_("30% below week 1 ({value})"),
    # TRANSLATORS: on the phone pages: a mark on the diary chart's time axis, very short: 'wk 2'.
    "diary.week_mark": N_("wk {week}"),
    "diary.chart": N_("Pain before and after sessions over the days"),
    "diary.table": N_("Every check-in"),
    "diary.when": N_("When"),
    "diary.session": N_("Session"),
    # TRANSLATORS: on the phone pages: a check-in left out, in the diary's table.
    "diary.skipped": N_("–"),
    "diary.summary": N_("First week, before a session: {first} on average. Last 7 days: {last}."),
    "diary.summary_first": N_(
        "First week, before a session: {first} on average. After a week, the last seven days are set against it."
    ),
    "diary.before_head": N_("Before"),
    "diary.after_head": N_("After"),
    "diary.change": N_("{percent}% less than the first week."),
    "diary.change_more": N_("{percent}% more than the first week."),
    "diary.stored": N_("Kept on the computer that serves this page, in {path}."),
    "forbidden.title": N_("This needs the key"),
    # TRANSLATORS: on the phone pages: HTML: keep the tags and the command.
    "forbidden.text": N_(
        "Your diary and making sessions are private. Open the address <code>acuguide serve</code> printed (it ends in ?key=…) once on this phone; the page keeps the key."
    ),
}


_LANGUAGE: ContextVar[str] = ContextVar("page_language", default=SOURCE)


@contextmanager
def in_language(language: str) -> Iterator[None]:
    """The pages made inside are in `language`: each page is made whole in one language, so the
    language is set once where a page starts instead of handed down to every helper."""
    token = _LANGUAGE.set(language)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def w(key: str, **values) -> str:
    """A page's words in the page's language, with `values` put in (`count` picks a plural form)."""
    t = translator(_LANGUAGE.get())
    text = WORDS[key]
    said = t.ngettext(text, values["count"]) if isinstance(text, Plural) else t(text)
    return said.format(**values) if values else said


def short_date(day) -> str:
    """'06 Dec', in the page's language."""
    from babel.dates import format_date

    return format_date(day, "dd MMM", locale=_LANGUAGE.get())


def short_time(when) -> str:
    """'06 Dec 23:21', in the page's language."""
    from babel.dates import format_datetime

    return format_datetime(when, "dd MMM HH:mm", tzinfo=when.tzinfo, locale=_LANGUAGE.get())


def side_word(side: str) -> str:
    """'left' or 'right' in the page's language."""
    return translator(_LANGUAGE.get())(SIDE[side]) if side in SIDE else side


def _json(value) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' survives as itself."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _static(name: str) -> str:
    return (resources.files(__package__) / "static" / name).read_text(encoding="utf-8")


def page_name(episode: Episode) -> str:
    """A session's own page, beside its audio."""
    return episode.slug + ".html"


def shell(title: str, body: str, head: str = "", script: str = "page.js") -> str:
    """A whole page in the page's language: the shared styles, `body`, the script's words and
    `script` inlined."""
    lang = _LANGUAGE.get()
    words = {k: w(k) for k in WORDS if k.startswith("js.")} | {f"side.{side}": side_word(side) for side in SIDE}
    scripts = (
        f'<script type="application/json" id="acuguide-words">{_json(words)}</script>\n<script>\n{_static(script)}</script>'
        if script
        else ""
    )
    return f"""<!doctype html>
<html lang="{e(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>{e(title)}</title>
{head}<style>
{_static("page.css")}</style>
</head>
<body>
{body}
{scripts}
</body>
</html>
"""


def _seconds(value: float) -> str:
    value = round(value)
    if value < 90:
        return w("seconds", n=value)
    return w("minutes_seconds", m=value // 60, s=value % 60) if value % 60 else w("minutes", n=value // 60)


def _sides(sides: tuple[str, ...]) -> str:
    if len(sides) > 1:
        return w("side.each", first=side_word(sides[0]), second=side_word(sides[1]))
    side = sides[0] if sides else ""
    if side in ("both", "center"):
        return w(f"side.{side}")
    return w("side.one", side=side_word(side)) if side else ""


def _sentence(text: str) -> str:
    """The first letter capitalised, the rest as written (German nouns keep theirs)."""
    return text[:1].upper() + text[1:]


def _points_count(count: int) -> str:
    return w("index.points", count=count)


# --- the index


@dataclass(frozen=True)
class Done:
    """What the diary says of a session: how many check-ins, and the first one's time."""

    times: int
    first: datetime


@dataclass(frozen=True)
class Group:
    kind: str  # "program", "mine" or "shipped"
    title: str
    episodes: tuple[Episode, ...]


def groups(items: list[Episode]) -> list[Group]:
    """Programs first (each a series of weeks in order), then sessions made for you (composed, or
    routines of your own), then the shipped routines."""
    programs: dict[str, list[Episode]] = {}
    mine, shipped = [], []
    for episode in items:
        if episode.series:
            programs.setdefault(episode.series.slug, []).append(episode)
        elif episode.shipped:
            shipped.append(episode)
        else:
            mine.append(episode)
    found = [
        Group("program", weeks[0].series.program, tuple(sorted(weeks, key=lambda x: x.series.week)))  # type: ignore[union-attr]
        for weeks in programs.values()
    ]
    found += [
        Group(kind, w(f"index.{kind}"), tuple(items)) for kind, items in (("mine", mine), ("shipped", shipped)) if items
    ]
    return found


def next_week(group: Group, done: Mapping[str, Done], now: datetime) -> tuple[str, str] | None:
    """The week of a program to do now, and why: the first week until one is done; the latest
    week with a check-in for six days from its first (a week is practised on several days);
    then the week after it. None once the last week's days are over."""
    started = [x for x in group.episodes if x.slug in done]
    if not started:
        return group.episodes[0].slug, "next"
    last = started[-1]
    if now - done[last.slug].first < timedelta(days=6):
        return last.slug, "this_week"
    later = group.episodes[group.episodes.index(last) + 1 :]
    return (later[0].slug, "next") if later else None


def _line(episode: Episode, in_program: bool, done: Done | None, mark: str | None) -> str:
    title = w("index.week", week=episode.series.week) if in_program and episode.series else episode.title
    did = w("index.done") if done and done.times == 1 else w("index.done_times", n=done.times) if done else ""
    marks = (f' <span class="mark done">✓ {did}</span>' if done else "") + (
        f' <span class="mark next">{w(f"index.{mark}")}</span>' if mark else ""
    )
    count = len(codes(episode.script))
    return (
        f'<li class="line{" done" if done else ""}" data-slug="{e(episode.slug)}"><a href="{e(quote(page_name(episode)))}">'
        f'<span class="t">{e(title)}</span>{marks}'
        f'<span class="m">{minutes(episode.duration)} · {_points_count(count)}</span></a></li>'
    )


def index(
    items: list[Episode], feed_url: str, served: bool, done: Mapping[str, Done] | None = None, key: str = "",
    now: datetime | None = None,
) -> str:  # fmt: skip
    """The list of sessions, in the language most of them are in. `done`: the sessions with
    check-ins in the diary (known when the request carried the key); `key` goes on the links to
    the private pages for a phone without JavaScript."""
    with in_language(language_of(items)):
        return _index(items, feed_url, served, done, key, now)


def _index(
    items: list[Episode], feed_url: str, served: bool, done: Mapping[str, Done] | None, key: str, now: datetime | None
) -> str:
    done, now = done or {}, now or datetime.now(timezone.utc)
    parts = []
    for group in groups(items):
        upcoming = next_week(group, done, now) if group.kind == "program" else None
        lines = "".join(
            _line(
                x,
                group.kind == "program",
                done.get(x.slug),
                upcoming[1] if upcoming and x.slug == upcoming[0] else None,
            )
            for x in group.episodes
        )
        series = group.episodes[0].series if group.kind == "program" else None
        extra = f'<span class="sub">{w("index.program_of", weeks=series.weeks)}</span>' if series else ""
        slug = series.slug if series else group.kind
        parts.append(
            f'<section class="group {group.kind}" data-group="{e(slug)}"><h2>{e(group.title)}{extra}</h2>\n'
            f'<ul class="lines">{lines}</ul></section>'
        )
    listing = "\n".join(parts) or f'<p class="empty">{w("index.empty")}</p>'
    scheme_less = feed_url.split("://", 1)[-1]
    suffix = f"?key={quote(key)}" if key else ""
    nav = (
        f'<nav class="app"><a class="button primary" href="compose{e(suffix)}">{w("index.compose")}</a>'
        f'<a class="button" href="diary{e(suffix)}">{w("index.diary")}</a></nav>'
        if served
        else ""
    )
    body = f"""<header class="top">
  <h1>{w("index.title")}</h1>
  <p>{w("index.lead")}</p>
  {nav}
</header>
<main class="index">
<div class="listing">
{listing}
</div>
<details class="help" id="offline"><summary>{w("offline.title")}</summary>
{w("offline.text")}
</details>
<details class="help" id="subscribe"><summary>{w("subscribe.title")}</summary>
{w("subscribe.text")}
<p><label for="feed">{w("subscribe.feed")}</label>
<input id="feed" type="text" readonly value="{e(feed_url)}"></p>
<p><a class="button primary" href="antennapod-subscribe://{e(scheme_less)}">{w("subscribe.antennapod")}</a></p>
{w("subscribe.served" if served else "subscribe.static")}
</details>
<p class="note">{w("note")}</p>
</main>"""
    head = f'<link rel="alternate" type="application/rss+xml" title="{e(FEED_TITLE)}" href="{e(feed_url)}">\n'
    return shell(FEED_TITLE, body, head=head)


# --- a session's page


def _step(holds: tuple[Hold, ...], episode: Episode) -> str:
    """One point step as the listener does it: which point, its first hold's length, how many
    rounds, which sides."""
    step, rounds = holds[0], max(h.round for h in holds)
    found = point(step.point, [episode])
    name = found.english if found else step.name
    find = found.find if found else ""
    hold = episode.script.seconds(step.end - step.start)
    sides = tuple(dict.fromkeys(h.side for h in holds))
    dose = [
        w("step.hold", length=_seconds(hold)),
        w("step.rounds", count=rounds),
        _sides(sides),
    ]
    return f"""
    <li class="step">
      <img src="{ART}/point-{e(quote(step.point))}.svg" alt="{e(w("step.where", code=step.point, name=name))}" width="600" height="600">
      <div>
        <h4><span class="code">{e(step.point)}</span> {e(name)}</h4>
        <p class="dose">{e(_sentence(", ".join(d for d in dose if d)))}</p>
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


def _points_data(episode: Episode) -> dict:
    """What the follow-along view shows of each point: its name, where to find it, its pictures."""
    found = {}
    for code in codes(episode.script):
        held = point(code, [episode])
        found[code] = {"name": held.english if held else code, "find": held.find if held else "",
                       "picture": f"{ART}/point-{quote(code)}.svg",  # a hold on one side: that side's picture
                       "sides": {side: f"{ART}/{quote(point_picture(code, side, [episode])[: -len('.png')])}.svg" for side in ONE_SIDE}}  # fmt: skip
    return found


def _scale(when: str) -> str:
    """One tap on 0 to 10, or skip: how much it hurts now."""
    taps = "".join(f'<button type="button" class="score" data-score="{n}">{n}</button>' for n in range(11))
    return f"""<div class="checkin" data-when="{when}" hidden>
    <p class="checkin-when">{w(f"checkin.{when}")}</p>
    <h2>{w("checkin.ask")}</h2>
    <div class="scale" role="group" aria-label="{w("checkin.ask")}">{taps}</div>
    <p class="checkin-scale">{w("checkin.scale")}</p>
    <button type="button" class="skip">{w("checkin.skip")}</button>
  </div>"""


def session_page(episode: Episode, served: bool) -> str:
    """One session, in its own language: its picture, its one player (its length known before
    play), follow along with the diary's check-ins before and after, the print card, its points
    and what is said."""
    with in_language(episode.script.language):
        return _session_page(episode, served)


def _session_page(episode: Episode, served: bool) -> str:
    slug, audio = e(quote(episode.slug)), e(quote(episode.audio.name))
    held = codes(episode.script)
    names = ", ".join(point_names(episode.script)) or w("session.no_points")
    listed = "".join(_step(holds, episode) for holds in steps(episode.script))
    files = []
    if episode.transcript:
        files.append(f'<a href="{e(quote(episode.transcript.name))}">WebVTT</a>')
        srt = episode.transcript.with_suffix(".srt")
        if srt.is_file():
            files.append(f'<a href="{e(quote(srt.name))}">SRT</a>')
    length = minutes(episode.duration)
    body = f"""<header class="top"><nav><a href="./">{w("back")}</a></nav></header>
<main>
<article class="session" id="{slug}" data-slug="{slug}" data-audio="{audio}" data-timeline="{e(quote(episode.timeline))}" data-title="{e(episode.title)}" data-served="{"yes" if served else "no"}">
  <h1>{e(episode.title)}</h1>
  <p class="meta">{length} · {_points_count(len(held))}</p>
  <img class="cover" src="{ART}/session-{slug}.svg" alt="{e(w("session.cover_alt", names=names))}" width="600" height="600">
  <audio class="player" controls preload="metadata" src="{audio}"></audio>
  <p class="actions">
    <a class="button primary follow-link" href="#points-{slug}">{w("session.follow")}</a>
    <a class="button" href="{audio}" download="{e(episode.title)}{e(episode.audio.suffix)}">{w("session.save")}</a>
    <a class="button print" href="#points-{slug}">{w("session.print")}</a>
  </p>
  <p class="checkin-said" aria-live="polite" hidden></p>
  {f'<p class="summary">{e(episode.summary)}</p>' if episode.summary else ""}
  <section class="card" id="points-{slug}" aria-label="{w("session.card")}">
    <h2>{w("session.card")}</h2>
    <p class="print-only">{e(w("session.card_note", title=episode.title, length=length))}</p>
    <ol class="steps">{listed}
    </ol>
  </section>
  <details class="transcript">
    <summary>{w("session.transcript")}</summary>
    <div>{_transcript(episode)}
    <p class="files">{w("session.files", files=" · ".join(files) or w("session.files_none"))}</p></div>
  </details>
</article>
<p class="note">{w("note")}</p>
</main>
<div id="follow" class="follow" hidden>
  <div class="follow-top">
    <button type="button" class="close" aria-label="{w("follow.close_label")}">{w("follow.close")}</button>
    <span class="follow-title"></span>
  </div>
  {_scale("before") if served else ""}{_scale("after") if served else ""}
  <div class="follow-main">
  <img class="follow-picture" alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==">
  <p class="follow-count"></p>
  <h2 class="follow-name"></h2>
  <p class="follow-do" aria-live="polite"></p>
  <p class="follow-hold"><span class="follow-left"></span></p>
  <p class="follow-find"></p>
  <div class="follow-bar"><div class="follow-progress"></div></div>
  <div class="follow-controls">
    <button type="button" class="prev" aria-label="{w("follow.prev_label")}"><svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true"><path fill="currentColor" d="M6 5h2v14H6zM20 5v14L9 12z"/></svg><span>{w("follow.prev")}</span></button>
    <button type="button" class="play" aria-label="{w("follow.play")}"><svg class="i-play" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true"><path fill="currentColor" d="M7 5v14l12-7z"/></svg><svg class="i-pause" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true"><path fill="currentColor" d="M6 5h4v14H6zM14 5h4v14h-4z"/></svg><span>{w("follow.play")}</span></button>
    <button type="button" class="next" aria-label="{w("follow.next_label")}"><svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true"><path fill="currentColor" d="M16 5h2v14h-2zM4 5v14l11-7z"/></svg><span>{w("follow.next")}</span></button>
  </div>
  </div>
</div>
<script type="application/json" id="acuguide-points">{_json(_points_data(episode))}</script>"""
    return shell(f"{episode.title} · {FEED_TITLE}", body)
