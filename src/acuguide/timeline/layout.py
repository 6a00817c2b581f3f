"""Lay a plan out on one timeline counted in samples: the compiled `Script`.

This is the second pure stage (after `plan`). Given the measured length of every phrase and
sound, it places each cue. Silence is exact; a hold is exactly its length from the end of
"press" to the start of "release"; a phrase that does not fit its slot is an error. The
timeline's sample rate belongs here, not to any engine: the synthesizer resamples to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..errors import CompileError, Problem
from ..routine import Series, Where
from .plan import ChapterStart, CueKind, Plan, Silence, Slotted, Speak

SAMPLE_RATE = 22050  # the timeline's rate: every clip is resampled to it
LEAD_IN = 0.5  # players clip the first moments of a file
TAIL = 2.0


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    kind: CueKind
    text: str
    step: str
    sound: str | None = None  # a synthesized sound, not speech

    @property
    def clip(self) -> str:
        """The key of this cue's audio: its sound, or its text for speech."""
        return self.sound or self.text


@dataclass(frozen=True)
class Chapter:
    """A stretch of the session with a title; where a point is held in it, which, on what side,
    in which round and with what: every output (MP3 chapters and their pictures, the chapters
    JSON, the page's follow-along view) reads this, and none works it out again."""

    title: str
    start: int
    end: int
    point: str | None = None
    side: str | None = None  # left, right, both or center
    round: int | None = None
    tool: str | None = None  # hands, ball, roller or gun


@dataclass(frozen=True)
class Hold:
    point: str
    name: str
    side: str
    round: int
    start: int
    end: int
    step: str
    tool: str  # what presses: hands, ball, roller or gun


@dataclass(frozen=True)
class Speaker:
    engine: str
    voice: str
    rate: int


@dataclass(frozen=True)
class Script:
    title: str
    summary: str
    slug: str
    source: str
    sample_rate: int
    length: int
    cues: tuple[Cue, ...]
    holds: tuple[Hold, ...]
    chapters: tuple[Chapter, ...]
    speaker: Speaker | None = None  # who spoke it; None for a layout from estimates alone
    estimated: int = 0  # phrases whose lengths are estimates (not yet spoken)
    spoken: tuple[tuple[str, str], ...] = ()  # (words as written, text as the engine was given it)
    points: tuple = ()  # the routine's points (content.points.Point), its own points file's too, for their pictures
    series: Series | None = None  # the program and week, for a program's session
    language: str = "en"  # the language of every word in it (a catalog's code: en, es, de, fr)

    def seconds(self, samples: int) -> float:
        return samples / self.sample_rate

    @property
    def duration(self) -> float:
        return self.seconds(self.length)


def lay_out(
    plan_: Plan,
    lengths: Mapping[str, int],
    sample_rate: int = SAMPLE_RATE,
    speaker: Speaker | None = None,
    estimated: frozenset[str] = frozenset(),
    spoken: Mapping[str, str] | None = None,
) -> Script:
    """Place the plan on a timeline, given each phrase's (and sound's) length in samples.

    `estimated` names the phrases whose lengths are estimates, not measured speech.
    """
    routine = plan_.routine

    def samples(seconds: float) -> int:
        return round(seconds * sample_rate)

    cues: list[Cue] = []
    holds: list[Hold] = []
    problems: list[Problem] = []
    starts: list[tuple[str, int]] = []
    held: dict[int, Hold] = {}  # a chapter's first hold, by the chapter's index in `starts`
    t = samples(LEAD_IN)
    for item in plan_.items:
        if isinstance(item, ChapterStart):
            starts.append((item.title, 0 if not starts else t))
        elif isinstance(item, Speak):
            step = item.where.field if item.where else ""
            length = lengths[item.sound or item.text]
            cues.append(Cue(t, t + length, item.kind, item.text, step, item.sound))
            t += length + samples(item.gap_after)
        elif isinstance(item, Silence):
            t += samples(item.seconds)
        else:
            for cue in item.cues:
                start, length = t + samples(cue.offset), lengths[cue.sound or cue.text]
                if length > samples(cue.slot):
                    problems.append(_unfit(item.where, cue, length / sample_rate, cue.text not in estimated))
                cues.append(Cue(start, start + length, cue.kind, cue.text, item.where.field, cue.sound))
            end = t + samples(item.seconds)
            if item.hold:
                h = item.hold
                holds.append(Hold(h.point, h.name, h.side, h.round, t, end, item.where.field, h.tool))
                held.setdefault(len(starts) - 1, holds[-1])
            t = end
    if problems:
        raise CompileError(problems)
    length = t + samples(TAIL)
    ends = [start for _, start in starts[1:]] + [length]
    return Script(
        title=routine.title,
        summary=routine.summary,
        slug=routine.slug,
        source=routine.source,
        sample_rate=sample_rate,
        length=length,
        cues=tuple(cues),
        holds=tuple(holds),
        speaker=speaker,
        points=tuple(dict.fromkeys(step.point for step in routine.point_steps)),
        estimated=len(estimated),
        chapters=tuple(
            _chapter(title, start, end, held.get(index))
            for index, ((title, start), end) in enumerate(zip(starts, ends))
            if end > start
        ),
        series=routine.series,
        language=routine.language,
        spoken=tuple((text, spoken[text]) for text in plan_.phrases) if spoken else (),
    )


def _chapter(title: str, start: int, end: int, hold: Hold | None) -> Chapter:
    if hold is None:
        return Chapter(title, start, end)
    return Chapter(title, start, end, hold.point, hold.side, hold.round, hold.tool)


def _unfit(where: Where, cue: Slotted, seconds: float, exact: bool) -> Problem:
    return Problem(
        where.source,
        where.line,
        where.field,
        f"the phrase {cue.text!r} takes {'' if exact else 'about '}{seconds:.2f} s but {cue.slot_name} leaves only {cue.slot:.2f} s "
        f"at {cue.offset:g} s; lengthen the pattern or the hold, or speak faster (voice rate)",
    )
