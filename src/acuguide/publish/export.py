"""The compiled script as people and programs read it: text, JSON timeline, WebVTT, SRT, M3U;
and the JSON timeline read back (`from_dict`, `rendered`), which is all publishing knows of a session."""

from __future__ import annotations

import json
import math
import os
import re
import types
from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, fields
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Union, get_args, get_origin, get_type_hints

from ..clock import clock
from ..content import wording
from ..content.catalog import SOURCE, languages, translator
from ..content.points import Point, library, localize
from ..content.views import VIEWS, Picture
from ..errors import TimelineError
from ..files import write_text
from ..routine import Series
from ..timeline.layout import Chapter, Cue, Hold, Script, Speaker
from ..timeline.plan import CueKind


def to_dict(script: Script, extra: dict | None = None) -> dict:
    """The timeline as JSON data; `from_dict` reads it back into the same `Script`."""
    s = script.seconds
    spoken = dict(script.spoken)
    return {
        "title": script.title,
        "summary": script.summary,
        "source": script.source,
        "slug": script.slug,
        "duration": round(script.duration, 6),
        "sample_rate": script.sample_rate,
        # English is the language a timeline without one is in (those written before languages came)
        **({"language": script.language} if script.language != SOURCE else {}),
        **({"estimated": script.estimated} if script.estimated else {}),
        **({"speech": vars(script.speaker)} if script.speaker else {}),
        "cues": [
            {
                "start": round(s(c.start), 6),
                "end": round(s(c.end), 6),
                "kind": c.kind.value,
                "text": c.text,
                **({"sound": c.sound} if c.sound else {}),
                **({"spoken": spoken.get(c.text, c.text)} if spoken and not c.sound else {}),
                "step": c.step,
            }
            for c in script.cues
        ],
        "holds": [
            {
                "point": h.point,
                "name": h.name,
                "side": h.side,
                "round": h.round,
                "tool": h.tool,
                "start": round(s(h.start), 6),
                "end": round(s(h.end), 6),
                "step": h.step,
            }
            for h in script.holds
        ],
        "chapters": [
            {
                "title": c.title,
                "start": round(s(c.start), 6),
                "end": round(s(c.end), 6),
                **({"point": c.point, "side": c.side, "round": c.round, "tool": c.tool} if c.point else {}),
            }
            for c in script.chapters
        ],
        **(
            {
                "program": {"title": script.series.program, "slug": script.series.slug},
                "week": script.series.week,
                "weeks": script.series.weeks,
            }
            if script.series
            else {}
        ),
        **({"points": own} if (own := _own_points(script)) else {}),
        **(extra or {}),
    }


def _own_points(script: Script) -> list[dict]:
    """The routine's points that the shipped library does not have as they are (a code of its
    own, or a shipped code redrawn or reworded), whole: the page and the feed draw and name them
    from the timeline alone, and `from_dict` gives back the same `Point`s."""
    shipped, t = library(), translator(script.language)
    return [
        {f.name: _plain(getattr(p, f.name)) for f in fields(p)}
        for p in script.points
        if not shipped.get(p.code) or localize(shipped.get(p.code), t) != p  # the shipped one in the session's language
    ]


def _plain(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Picture):
        return {
            "view": value.view,
            "at": [list(xy) for xy in value.at],
            "lines": [[list(xy) for xy in line] for line in value.lines],
        }
    if isinstance(value, frozenset):
        return sorted(value)
    return list(value) if isinstance(value, tuple) else value


# --- the timeline read back. Timelines are read from folders anyone may write to (`serve`,
# `render --site`), so every field is checked: texts made safe for XML, numbers finite and in
# range; a timeline that is not the shape `to_dict` writes is refused with the field named.

MAX_OWN, MAX_LINES, MAX_POSITIONS, MAX_TEXTS = (
    200,
    20,
    100,
    100,
)  # own points, a reflex area's lines, a line's positions, a list's texts
MAX_SECONDS = 1e7
# what XML 1.0 cannot hold (and lone surrogates, which UTF-8 cannot), and other control characters
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_MALFORMED = (KeyError, IndexError, TypeError, ValueError, AttributeError, OverflowError, RecursionError)


@dataclass(frozen=True)
class Rendered:
    """A session's timeline as `render` wrote it: the script, and what only rendering knows."""

    script: Script
    format: str  # the audio file's extension: mp3, ogg or wav
    position: int  # order in a batch or program (0 for a single session)
    loudness: Mapping[str, float]  # what the render measured, in LUFS and dB

    def to_dict(self) -> dict:
        return to_dict(self.script, {"loudness": dict(self.loudness), "format": self.format, "position": self.position})


def rendered(data: object) -> Rendered:
    """A rendered session's timeline: `from_dict`, with the format, position and loudness render added."""
    script = from_dict(data)
    assert isinstance(data, dict)  # from_dict refused anything else
    loudness = _read(
        "loudness", lambda v: {_text(k): _number(x, -1e4, 1e4) for k, x in v.items()}, data.get("loudness")
    )
    return Rendered(script, _read("format", _text, data.get("format")),
                    _read("position", lambda v: _whole(v, 0, 1_000_000), data.get("position")), loudness)  # fmt: skip


def from_dict(data: object) -> Script:
    """The `Script` a JSON timeline describes: the inverse of `to_dict`, times back in samples.

    A timeline from before the chapters carried their holds (and before holds named their tool)
    still reads: its chapters have no point, its holds an empty tool, as it was written.
    The routine's points come back as the timeline names them: its own from `points`, the
    rest from the shipped library, in the order they are first held. An own point that is not
    the shape `to_dict` writes is left out (so not drawn), as a points file's would be refused."""
    if not isinstance(data, dict):
        raise TimelineError("the timeline is not a JSON object")
    rate = _read("sample_rate", lambda v: _whole(v, 1000, 1_000_000), data.get("sample_rate"))

    def at(value: object) -> int:
        return round(_number(value, 0, MAX_SECONDS) * rate)

    def cue(c: dict) -> tuple[Cue, str | None]:
        sound = _text(c["sound"]) if "sound" in c else None
        spoken = _text(c["spoken"]) if "spoken" in c and sound is None else None
        return Cue(at(c["start"]), at(c["end"]), CueKind(c["kind"]), _text(c["text"]), _text(c["step"]), sound), spoken

    def hold(h: dict) -> Hold:
        return Hold(_text(h["point"]), _text(h["name"]), _text(h["side"]), _whole(h["round"], 1, 10_000),
                    at(h["start"]), at(h["end"]), _text(h["step"]), _text(h.get("tool", "")))  # fmt: skip

    def chapter(c: dict) -> Chapter:
        held = (
            (_text(c["point"]), _text(c["side"]), _whole(c["round"], 1, 10_000), _text(c["tool"]))
            if "point" in c
            else ()
        )
        return Chapter(_text(c["title"]), at(c["start"]), at(c["end"]), *held)

    said = _items(data, "cues", cue)
    holds = _items(data, "holds", hold)
    language = _read("language", _language, data.get("language", SOURCE))
    own = {p.code: p for p in map(_own_point, _read("points", _list, data.get("points", []))[:MAX_OWN]) if p}
    shipped, t = library(), translator(language)
    drawn = (
        own.get(code) or (localize(shipped.get(code), t) if shipped.get(code) else None)
        for code in dict.fromkeys(h.point for h in holds)
    )
    return Script(
        title=_read("title", _text, data.get("title")),
        summary=_read("summary", _text, data.get("summary")),
        slug=_read("slug", _text, data.get("slug", "")),  # written since issue 30; before, the file's name was it
        source=_read("source", _text, data.get("source")),
        sample_rate=rate,
        length=_read("duration", at, data.get("duration")),
        cues=tuple(c for c, _ in said),
        holds=holds,
        chapters=_items(data, "chapters", chapter),
        speaker=_read("speech", _speaker, data["speech"]) if "speech" in data else None,
        estimated=_read("estimated", lambda v: _whole(v, 0, 1_000_000), data.get("estimated", 0)),
        spoken=tuple(dict.fromkeys((c.text, spoken) for c, spoken in said if spoken is not None)),
        points=tuple(p for p in drawn if p is not None),
        series=_read("program", lambda v: _series(v, data), data["program"]) if "program" in data else None,
        language=language,
    )


def _language(value: object) -> str:
    code = _text(value)
    if code not in languages():
        raise ValueError(f"no catalog for the language {code!r}; known: {', '.join(languages())}")
    return code


def _speaker(value: dict) -> Speaker:
    return Speaker(_text(value["engine"]), _text(value["voice"]), _whole(value["rate"], 1, 10_000))


def _series(program: dict, data: dict) -> Series:
    weeks = _whole(data["weeks"], 1, 10_000)
    return Series(_text(program["title"]), _text(program["slug"]), _whole(data["week"], 1, weeks), weeks)


def _own_point(entry: object) -> Point | None:
    """A routine's own point as `_own_points` wrote it, every field checked by its type in
    `Point`; its picture as a points file's is (a known view, positions in figure units)."""
    try:
        defaults = {f.name for f in fields(Point) if f.default is not MISSING}  # a field newer than the timeline
        return Point(
            **{
                name: _typed(kind, entry[name])
                for name, kind in _point_fields().items()
                if name in entry or name not in defaults
            }
        )
    except _MALFORMED:
        return None


@cache
def _point_fields() -> dict[str, object]:
    hints = get_type_hints(Point)
    return {f.name: hints[f.name] for f in fields(Point)}


def _typed(kind: object, value: object) -> object:
    origin, args = get_origin(kind), get_args(kind)
    if kind is str:
        return _text(value)
    if kind is float:
        return _number(value, 0, MAX_SECONDS)
    if kind is bool:
        if not isinstance(value, bool):
            raise TypeError(f"expected true or false, got {type(value).__name__}")
        return value
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    if origin in (tuple, frozenset) and args[0] is str:
        return origin(_text(text) for text in _list(value)[:MAX_TEXTS])
    if origin in (Union, types.UnionType) and set(args) == {Picture, type(None)}:
        return None if value is None else _picture(value)
    raise TypeError(f"a point field of type {kind} is not read back")  # a new field of Point: teach _typed it


def _picture(value: dict) -> Picture:
    def positions(items: object, most: int) -> tuple[tuple[float, float], ...]:
        pairs = tuple((_number(x, 0, 10_000), _number(y, 0, 10_000)) for x, y in _list(items)[:most])
        if not pairs:
            raise ValueError("no positions")
        return pairs

    view = _text(value["view"])
    if view not in VIEWS:
        raise ValueError(f"no view {view!r}")
    lines = tuple(positions(line, MAX_POSITIONS) for line in _list(value.get("lines", []))[:MAX_LINES])
    return Picture(view, positions(value["at"], 2), lines)


def _items(data: dict, key: str, read: Callable) -> tuple:
    items = _read(key, _list, data.get(key))
    return tuple(_read(f"{key}[{n}]", read, item) for n, item in enumerate(items))


def _read(where: str, read: Callable, value: object):
    """`read(value)`, or a TimelineError naming the field `where` and what is wrong with it."""
    try:
        return read(value)
    except _MALFORMED as error:
        why = f"no field {error.args[0]!r}" if isinstance(error, KeyError) else str(error) or type(error).__name__
        raise TimelineError(f"{where}: {why}") from None


def _list(value: object) -> list:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, got {type(value).__name__}")
    return value


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return _UNWRITABLE.sub("", value)


def _number(value: object, low: float, high: float) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not (math.isfinite(value) and low <= value <= high)
    ):
        raise ValueError(f"expected a number from {low:g} to {high:g}, got {value!r}")
    return float(value)


def _whole(value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"expected a whole number from {low} to {high}, got {value!r}")
    return value


def to_json(script: Script, extra: dict | None = None) -> str:
    """The timeline; `extra` adds what only rendering knows (loudness, format)."""
    return json.dumps(to_dict(script, extra), indent=2, ensure_ascii=False) + "\n"


def to_text(script: Script) -> str:
    """A readable timeline: cues, and holds where they begin and end."""
    s = script.seconds
    events = [(c.start, 1, f"{c.kind.value:<10} {c.text}") for c in script.cues]
    events += [(c.start, -1, f"{'chapter':<10} == {c.title} ==") for c in script.chapters]
    for h in script.holds:
        events.append((h.start, 0, f"{'hold':<10} {h.point} {h.side}, round {h.round}: {s(h.end - h.start):g} s"))
        events.append((h.end, 0, f"{'':<10} ({h.point} {h.side} hold ends)"))
    lines = [
        f"{script.title}  ({script.source})",
        f"{clock(script.duration)} long, {wording.ENGLISH.counted(wording.CUES, len(script.cues))}, {wording.ENGLISH.counted(wording.HOLDS, len(script.holds))}",
    ]
    if script.speaker:
        lines.append(
            f"spoken by {script.speaker.engine}, voice {script.speaker.voice}, {script.speaker.rate} words a minute"
        )
    if script.estimated:
        lines.append(
            f"times are estimates: {script.estimated} phrase{'s are' if script.estimated != 1 else ' is'} not spoken yet "
            "(acuguide script --exact, or a render, measures them)"
        )
    lines.append("")
    lines += [f"{clock(s(t))}  {text}" for t, _, text in sorted(events, key=lambda e: (e[0], e[1]))]
    lines.append(f"{clock(script.duration)}  end")
    return "\n".join(lines) + "\n"


def _spoken(script: Script):
    return [c for c in script.cues if c.kind not in (CueKind.BELL, CueKind.TONE)]


def vtt_text(text: str) -> str:
    """Cue text as WebVTT reads it back: `&` and `<` start entities and tags there, and `-->`
    may not appear in a cue or a note, so all three are written as character references;
    one line, since a blank line would end the cue."""
    return " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def srt_text(text: str) -> str:
    """Cue text as SRT players read it back. SRT has no escapes: players take `<i>`-like tags
    as formatting (dropping the words in them) and some take a line with `-->` for a timing
    line; many (those built on libass) take `{\\an8}`-like override blocks as styling. So an
    arrow is written `->`, a `<` that would open a tag and a `{` that would open an override
    get a space after them, and the text stays on one line, since a blank line would end the cue."""
    text = re.sub(r"-{2,}>", "->", " ".join(text.split()))
    return re.sub(r"<(?=[A-Za-z/!?])|\{(?=\\)", lambda m: m.group(0) + " ", text)


def to_vtt(script: Script) -> str:
    s = script.seconds
    blocks = ["WEBVTT", f"NOTE {vtt_text(script.title)}"]
    for cue in _spoken(script):
        blocks.append(f"{clock(s(cue.start), True)} --> {clock(s(cue.end), True)}\n{vtt_text(cue.text)}")
    return "\n\n".join(blocks) + "\n"


def to_srt(script: Script) -> str:
    s = script.seconds
    blocks = []
    for number, cue in enumerate(_spoken(script), 1):
        start, end = (clock(s(t), True).replace(".", ",") for t in (cue.start, cue.end))
        blocks.append(f"{number}\n{start} --> {end}\n{srt_text(cue.text)}")
    return "\n\n".join(blocks) + "\n"


def write_playlist(path: Path, entries: list[tuple[Path, float, str]]) -> None:
    """An extended M3U playlist of (audio file, seconds, title), with relative paths."""
    lines = ["#EXTM3U"]
    for audio, seconds, title in entries:
        lines += [f"#EXTINF:{round(seconds)},{title}", os.path.relpath(audio, path.parent)]
    write_text(path, "\n".join(lines) + "\n")


def companions(script: Script, measured: dict) -> dict[str, str]:
    """The files written beside a session's audio, by extension: its timeline with what the
    render measured, and its transcripts."""
    return {"json": to_json(script, measured), "vtt": to_vtt(script), "srt": to_srt(script)}
