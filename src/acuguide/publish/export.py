"""The compiled script as people and programs read it: text, JSON timeline, WebVTT, SRT, M3U."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from ..clock import clock
from ..content.wording import counted
from ..files import write_text
from ..timeline.layout import Script
from ..timeline.plan import CueKind


def to_dict(script: Script, extra: dict | None = None) -> dict:
    s = script.seconds
    spoken = dict(script.spoken)
    return {
        "title": script.title,
        "summary": script.summary,
        "source": script.source,
        "duration": round(script.duration, 6),
        "sample_rate": script.sample_rate,
        **({"speech": vars(script.speaker)} if script.speaker else {}),
        "cues": [
            {
                "start": round(s(c.start), 6),
                "end": round(s(c.end), 6),
                "kind": c.kind.value,
                "text": c.text,
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
            {"title": c.title, "start": round(s(c.start), 6), "end": round(s(c.end), 6),
             **({"point": c.point, "side": c.side, "round": c.round, "tool": c.tool} if c.point else {})}
            for c in script.chapters
        ],
        **({"program": {"title": script.series.program, "slug": script.series.slug},
            "week": script.series.week, "weeks": script.series.weeks} if script.series else {}),
        **({"points": own} if (own := _own_points(script)) else {}),
        **(extra or {}),
    }


def _own_points(script: Script) -> list[dict]:
    """The routine's own points that are drawn otherwise than the shipped library draws them (a
    code of their own, or a shipped code redrawn): what the page and the feed need to draw and
    name them, since they read the library and the timeline only."""
    from ..content.points import library

    shipped = library()
    return [
        {
            "code": p.code,
            "english": p.english,
            "find": p.find,
            "laterality": p.laterality.value,
            "kind": p.kind.value,
            "picture": {
                "view": p.picture.view,
                "at": [list(xy) for xy in p.picture.at],
                "lines": [[list(xy) for xy in line] for line in p.picture.lines],
            },
        }
        for p in script.points
        if p.picture is not None and shipped.get(p.code) != p
    ]


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
        f"{clock(script.duration)} long, {counted(len(script.cues), 'cue')}, {counted(len(script.holds), 'hold')}",
    ]
    if script.speaker:
        lines.append(f"spoken by {script.speaker.engine}, voice {script.speaker.voice}, {script.speaker.rate} words a minute")
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
    line. So an arrow is written `->`, a `<` that would open a tag gets a space after it, and
    the text stays on one line, since a blank line would end the cue."""
    text = re.sub(r"-{2,}>", "->", " ".join(text.split()))
    return re.sub(r"<(?=[A-Za-z/!?])", "< ", text)


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
