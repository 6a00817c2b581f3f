"""Compose a routine from what hurts, how long there is and what is at hand.

Most people who want a session will not write YAML. From a complaint, a number of minutes,
their tools and their level, this chooses points as a practitioner would (the points most
used for the complaint first, those their tools can reach, none they must avoid), groups
them so the listener moves as little as possible (seated before lying; on each limb, every
point on one side, then the other), and fills the time with rounds and holds inside the
articles' ranges. The result is an ordinary routine file, with a header saying how it was
made, that the person can read, change and keep. The same answers give the same file.

The complaint is read first (`triage`): red flags in it refuse the session, since they need a
doctor, not acupressure; pregnancy in it leaves out the points avoided in pregnancy. Whatever
the listener should know about how the words were read is in `Composed.notices`.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..audio import sounds
from ..content import wording
from ..content.catalog import Translator, translator
from ..content.points import ARTICLES, COMPLAINTS, TOOLS, Laterality, Point, Posture, Pressure, library, localize
from ..engines import DEFAULT_ENGINE, DEFAULT_RATES
from ..routine import Routine, parse, slug_for, starter
from ..routine.fields import MAX_PAUSE
from ..timeline import layout
from ..timeline.estimate import lay_out_estimated
from ..timeline.plan import plan_routine
from ..yamlread import quote
from . import ComposeError, screening, triage

TOLERANCE = 0.05  # the session lasts the minutes asked for, within this
MAX_FILL = 60  # seconds of quiet rest the outro may take to land on time
MAX_REST = 20  # seconds between rounds, at most
MIN_CYCLES, MAX_CYCLES, CALM_CYCLE = 1, 12, 10  # calm breathing in the opening: 4 s in, 6 s out
CLOSING_WORDS = 4  # seconds, about, that "Breathe with me" takes before the closing breathing
MAX_PASSES = 3
LIMB_REGIONS = ("hand", "shoulder", "chest", "knee", "leg", "foot", "buttock")  # one side, then the other
LIMB = {"knee": "leg", "foot": "leg"}  # points on one leg are done together, then the other leg
LOWER_LIMB = ("leg", "knee", "foot")  # reached with the shoes off and the foot up
ORDER = (
    "back",
    "sacrum",
    "buttock",
    "neck",
    "shoulder",
    "chest",
    "hand",
    "leg",
    "knee",
    "foot",
    "belly",
)  # the sore place, then farther
# A dose like the self-acupressure trials for chronic low back pain (Murphy et al., Pain
# Medicine 2019; Zick et al., JAMA Oncology 2016): a few points, each held for minutes in
# all. So a composed session presses for at least this share of its length...
PRESSING = {5: 0.35, 10: 0.5}  # ...from this many minutes up
MOST_POINTS = 6
MAX_COMPLAINT = 1000  # characters of what hurts: a few sentences; the reading's time grows with the length
MINUTES_PER_POINT = 3.3  # about one point for every three minutes: 3 points in 10 minutes, 6 in 20
# Complaints that name a cause outrank those that name a place, and a place outranks a feeling:
# "period cramps, my lower back aches" is period pain, which the lower back points also serve;
# "her back aches" is the lower back, not a whole-body ache.
CAUSES = ("period pain", "sciatica and hip", "bloating", "stomach")
PLACES = ("lower back", "upper back and shoulders", "sacral ache")


RedFlagError = screening.Refused


class OutsideError(ComposeError):
    """The words name only a complaint acuguide makes no session for: said, with whom to see."""

    def __init__(self, outside: triage.Outside, language: str = "en"):
        self.outside = outside
        t = translator(language)
        super().__init__(
            t(triage.table()["outside_answer"]).format(about=t(outside.about), see=t(outside.see)), language
        )


@dataclass(frozen=True)
class Level:
    holds: tuple[int, int]  # seconds, from the articles: beginners about 10-30 s, regular practice up to 1-2 minutes
    typical: int
    rounds: int
    rest: int
    pressure: str | None  # None: each point's own


LEVELS = {
    "beginner": Level((20, 60), 30, 4, 5, "gentle"),  # 3-4 presses of each point (article 001), each at least 20 s
    "regular": Level((45, 180), 90, 3, 10, None),  # up to three minutes, as in the trials
}


@dataclass(frozen=True)
class Answers:
    complaint: str
    minutes: float
    tools: tuple[str, ...] = ("hands",)
    level: str = "beginner"
    avoid: frozenset[str] = frozenset()
    engine: str = DEFAULT_ENGINE  # its default pace is written into the routine, so the estimate holds
    screen: screening.Screen = screening.Screen()  # what the person answered to the screening questions
    language: str = "en"  # the language the routine is written in: its lines and the points' words
    doctor_cleared: bool = False  # a doctor has seen this pain and said self-massage is safe

    @property
    def rate(self) -> int:
        return DEFAULT_RATES[self.engine]


@dataclass(frozen=True)
class Choice:
    point: Point
    tool: str


@dataclass(frozen=True)
class Composed:
    text: str  # the routine file
    routine: Routine
    seconds: float  # its estimated length
    pressing: float  # the share of it spent pressing, from "press" to "release"
    notices: tuple[str, ...] = ()  # what the listener should know about how it was made


def save(composed: Composed, path: Path | None, replace: bool = False) -> Path:
    """Write the routine to `path`, never over a file that may hold the user's own edits unless
    `replace`. With no `path`, it goes to output/<its name>.yaml; where that file holds something
    else (edited, or composed from other answers), to the first free output/<its name>-N.yaml."""
    if path:
        return starter.save(path, composed.text, replace, how_to_replace=", or add --replace")
    slug = slug_for(Path(composed.routine.title))
    for number in range(1, 1000):
        path = Path("output") / (f"{slug}.yaml" if number == 1 else f"{slug}-{number}.yaml")
        try:
            if path.read_text(encoding="utf-8") == composed.text:
                return path  # the same answers composed it: nothing to keep from it
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            return starter.save(path, composed.text)
        except (OSError, UnicodeDecodeError):
            pass  # not a routine of ours: leave it alone, and take the next name
    raise ComposeError(f"output/ already holds {slug}.yaml to {slug}-999.yaml; move some away, or name a file with -o")


def match_complaint(text: str, language: str = "en") -> str:
    """'sciatica', 'upper back', 'Lower-Back' and 'tired' all find their complaint."""
    return _match(text, language)[0]


def _plain(words: str, language: str = "en") -> str:
    """'Lower-Back', "my back's sore": the words alone, with no back that is not one's back ('a back molar');
    in another language, its letters folded as its phrase tables are written ('Rücken' as 'ruecken')."""
    words = triage.elided(re.sub(r"'s\b", "", triage.fold(words, language).replace("\u2019", "'")), language)
    words = re.sub(
        r"\bback (?:molars?|tooth|teeth)\b|\bback of (?:my |the |your )?(?:hands?|knees?|head|throat|eyes?|heels?|ankles?)\b",
        " ",
        words,
    )
    return " ".join(re.sub(r"[^\w']|_", " ", words).split())


def _aliases(language: str) -> dict[str, tuple[str, ...]]:
    """Each complaint's other names: in the language's own words first (screening.<lang>.yaml),
    then the English ones, which every language accepts ('lower back' with --language de)."""
    own = triage.table(language).get("complaints", {})
    return {name: (*(_plain(p, language) for p in own.get(name, ())), *aliases) for name, aliases in COMPLAINTS.items()}


def _back_in_general(language: str) -> set[str]:
    """The words for the back as a whole ("back", "Rücken", "espalda"): a place named beside
    them ("neck", "hip") is the part that hurts, so it leads."""
    return {_plain(p, language) for p in triage.table(language)["back_in_general"]}


def _match(text: str, language: str = "en") -> tuple[str, bool]:
    """(the complaint, whether `text` names it exactly: its name or one of its other names)."""
    wanted = _plain(text, language)
    known = _aliases(language)
    for name, aliases in known.items():
        if wanted == _plain(name) or wanted in aliases:
            return name, True
    whole = _spans(wanted, known, language)
    if whole:
        general = _back_in_general(language)  # "neck and back tight": the neck says which part of the back
        rank = [
            (0 if name in CAUSES else 1 if name in PLACES else 2, phrase in general, a - b, name)
            for a, b, name, phrase in whole
        ]
        return min(rank)[3], False
    for name in COMPLAINTS:
        if wanted and all(word in _plain(name).split() for word in wanted.split()):
            return name, False
    names = {_plain(p, language): n for n, aliases in known.items() for p in (n, *aliases)}
    close = difflib.get_close_matches(wanted, names, n=1, cutoff=0.6)
    t = translator(language)
    hint = t(wording.COMPOSE_DID_YOU_MEAN).format(name=repr(_named(names[close[0]], t))) if close else ""
    listed = ", ".join(_named(c, t) for c in COMPLAINTS)
    raise ComposeError(t(wording.COMPOSE_UNKNOWN).format(said=repr(text), hint=hint, known=listed), language)


def _spans(wanted: str, known: dict[str, tuple[str, ...]], language: str) -> list[tuple[int, int, str, str]]:
    """(start, end, complaint, phrase) of each complaint named inside the plain words `wanted`."""
    said = f" {wanted} "  # "my lower back aches": complaints named inside a sentence
    spans = [
        (m.start(), m.end(), name, phrase)
        for name, aliases in known.items()
        for phrase in (_plain(p, language) for p in (name, *aliases))
        for m in re.finditer(rf"(?<= ){re.escape(phrase)}(?= )", said)
    ]
    general = _back_in_general(language)
    whole = [
        (a, b, name, phrase)
        for a, b, name, phrase in spans  # "cold back" is cold, not the back inside it;
        if not any(a2 <= a and b <= b2 and (a2, b2) != (a, b) for a2, b2, _, _ in spans)  # "mid back ache" is the
        and not any(a2 < a < b2 and other not in general for a2, b2, _, other in spans)
        and not triage.negated_before(said[:a].split(), language)  # "no nausea" names no stomach complaint
    ]  # mid back: of two that overlap, the first word leads, unless it is the back in general ("dolor de espalda alta")
    return whole


def _also_named(text: str, complaint: str, language: str) -> list[str]:
    """Other places the words name beside the one composed ("neck and lower back pain"): one
    session serves one, so the person is told of the others rather than left to find one
    missing. The back in general beside a named place is that place, not another."""
    if complaint not in PLACES:  # a cause's session serves the places it names ("period cramps, my lower back")
        return []
    general = _back_in_general(language)
    whole = _spans(_plain(text, language), _aliases(language), language)
    named = [name for _, _, name, phrase in whole if phrase not in general and name in PLACES]
    return [name for name in dict.fromkeys(named) if name != complaint]


def _tools_for(point: Point, tools: tuple[str, ...]) -> list[str]:
    """The tools of `tools` that points.yaml lets press `point`, the composer's choice first."""
    usable = [t for t in TOOLS if t in tools and t in point.tools]
    if point.region in ("back", "sacrum", "buttock") and "ball" in usable:
        usable.insert(0, "ball")  # lying on balls reaches the back better than one's own thumbs (article 001)
    return usable


def _ranked(complaint: str) -> list[Point]:
    return sorted(
        (p for p in library().points if complaint in p.complaints),
        key=lambda p: (
            p.complaints.index(complaint),
            -len(p.sources),
            library().points.index(p),
        ),  # the most cited first
    )


def candidates(complaint: str, tools: tuple[str, ...], avoid: frozenset[str]) -> tuple[list[Choice], list[Point]]:
    """(the points to use, most typical first, each with its tool; the points left out to avoid)."""
    ranked = _ranked(complaint)
    avoided = [p for p in ranked if p.avoid & avoid]
    chosen = []
    for point in ranked:
        usable = _tools_for(point, tools)
        if point not in avoided and usable:
            chosen.append(Choice(point, usable[0]))
    return chosen, avoided


def _left_out(complaint: str, answers: Answers) -> list[str]:
    """Notices naming the points for `complaint` that the tools at hand may not press, and
    what would: hands alone (the spine, the kidneys), another tool, or a partner."""
    missed = [p for p in _ranked(complaint) if not p.avoid & answers.avoid and not _tools_for(p, answers.tools)]
    t = translator(answers.language)
    names = {tool: t(name) for tool, name in wording.COMPOSE_TOOL_NAMES.items()}
    notices = []
    by_hand = [p for p in missed if set(p.tools) == {"hands"}]
    if by_hand:
        notices.append(
            t.ngettext(wording.COMPOSE_HANDS_ONLY, len(by_hand)).format(
                codes=wording.listing([p.code for p in by_hand], t)
            )
            + t.ngettext(wording.COMPOSE_HANDS_ONLY_ADD, len(by_hand)).format(tools=",".join(answers.tools))
        )
    reachable = [p for p in missed if p.tools and set(p.tools) != {"hands"}]
    if reachable:
        needed = [tool for tool in TOOLS if any(tool in p.tools for p in reachable)]
        notices.append(
            t.ngettext(wording.COMPOSE_OUT_OF_REACH, len(reachable)).format(
                codes=wording.listing([p.code for p in reachable], t),
                tools=wording.listing([names.get(tool, tool) for tool in answers.tools], t),
                needed=wording.listing([names[tool] for tool in needed], t, wording.LIST_LAST_OR),
                option=",".join([*answers.tools, needed[0]]),
            )
        )
    partner = [p for p in missed if not p.tools]
    if partner:
        notices.append(
            t.ngettext(wording.COMPOSE_PARTNER_ONLY, len(partner)).format(
                codes=wording.listing([p.code for p in partner], t)
            )
        )
    return notices


def read_complaint(answers: Answers) -> tuple[Answers, str, list[str]]:
    """(the answers as the screen and the complaint's words change them, the complaint, the
    notices); `RedFlagError` if the words name a sign that needs a doctor first, whatever the
    answers were; `OutsideError` if they name only a complaint outside back care."""
    if len(answers.complaint) > MAX_COMPLAINT:
        raise ComposeError(
            translator(answers.language)(wording.COMPOSE_TOO_MANY_CHARACTERS).format(
                count=translator(answers.language).number(len(answers.complaint)), most=MAX_COMPLAINT
            ),
            answers.language,
        )
    reading = triage.read(answers.complaint, answers.language)
    flags = screening.cleared(reading.flags) if answers.doctor_cleared else reading.flags
    if flags and not _only_outside(answers.complaint, reading, answers.language):
        raise RedFlagError(flags, language=answers.language, someone_else=bool(reading.listener))
    t = translator(answers.language)
    notices = []
    if reading.pregnancy:
        notices.append(t(wording.COMPOSE_PREGNANCY).format(said=reading.pregnancy.said))
    if reading.pregnancy or answers.screen.pregnancy:
        answers = replace(answers, avoid=answers.avoid | {"pregnancy"})
    if reading.thinners or answers.screen.thinners:
        answers = replace(answers, tools=("hands",), screen=replace(answers.screen, thinners=True))
        notices.append(t(wording.COMPOSE_THINNERS_NOTICE))
    try:
        complaint, exact = _match(answers.complaint, answers.language)
    except ComposeError:
        if reading.outside:
            raise OutsideError(reading.outside[0], answers.language) from None
        raise
    plain = f" {_plain(answers.complaint, answers.language)} "
    named = (complaint, _plain(_named(complaint, t), answers.language))
    if not exact and not any(f" {n} " in plain for n in named):  # "my lower back aches" needs no note
        notices.append(
            t(wording.COMPOSE_MAPPED).format(
                said=answers.complaint.strip(),
                name=_named(complaint, t),
                known=wording.listing([f'"{_named(c, t)}"' for c in COMPLAINTS], t),
            )
        )
    notices += [
        t(wording.COMPOSE_ALSO_NAMED).format(other=_named(other, t), name=_named(complaint, t))
        for other in _also_named(answers.complaint, complaint, answers.language)
    ]
    notices += [
        t(wording.COMPOSE_ALSO_OUTSIDE).format(said=o.said, about=t(o.about), see=t(o.see))
        for o in reading.outside
        if not any(f" {o.said} " in f" {_plain(p)} " for p in (complaint, *_aliases(answers.language)[complaint]))
    ]
    return answers, complaint, notices


def _named(complaint: str, t: Translator) -> str:
    """A complaint as the session's language names it ('lower back', 'dolor lumbar')."""
    return t(wording.COMPLAINT_NAMES.get(complaint, complaint))


def _only_outside(complaint: str, reading: triage.Reading, language: str = "en") -> bool:
    """Words about something outside back care alone ('my toothache throbs all night'), whose
    signs are no emergency (nor a sign in pregnancy, nor a clot): the answer is whom to see for
    it, not a back doctor."""
    urgent = {"ambulance", "emergency", "midwife"}
    signs = triage.table()["signs"]
    if not reading.outside or any(
        triage.urgency(f) in urgent or signs[f.sign].get("whatever_else") for f in reading.flags
    ):
        return False
    try:
        _match(complaint, language)
    except ComposeError:
        return True
    return False


@dataclass(frozen=True)
class Shape:
    """The free choices that set a session's length."""

    passes: int  # times through the points (article 000: up to three cycles a session)
    rounds: int
    hold: int
    rest: int
    cycles: int  # of calm breathing in the opening
    closing: int  # cycles of calm breathing at the end
    fill: int  # seconds of quiet rest at the end


def compose(answers: Answers) -> Composed:
    answers, complaint, notices = read_complaint(answers)
    t = translator(answers.language)
    unknown = [tool for tool in answers.tools if tool not in TOOLS]
    if unknown:
        raise ComposeError(
            t(wording.COMPOSE_UNKNOWN_TOOL).format(tool=repr(unknown[0]), tools=", ".join(TOOLS)), answers.language
        )
    level = LEVELS[answers.level]
    chosen, avoided = candidates(complaint, answers.tools, answers.avoid)
    listed = [p for p in library().points if complaint in p.complaints]
    if not chosen and avoided and len(avoided) == len(listed) and complaint != "lower back":
        notices.append(
            t(wording.COMPOSE_ALL_AVOIDED).format(
                complaint=_named(complaint, t), codes=", ".join(p.code for p in avoided)
            )
        )
        complaint = "lower back"  # the sacrum in pregnancy: the back's points that pregnancy allows
        chosen, avoided = candidates(complaint, answers.tools, answers.avoid)
        listed = [p for p in library().points if complaint in p.complaints]
    notices += _left_out(complaint, answers)
    if not chosen:
        if avoided and len(avoided) == len(listed):
            raise ComposeError(
                t(wording.COMPOSE_NONE_ALLOWED).format(
                    complaint=_named(complaint, t),
                    codes=", ".join(p.code for p in avoided),
                    conditions=_conditions(answers, t),
                ),
                answers.language,
            )
        raise ComposeError(
            t(wording.COMPOSE_NONE_REACHED).format(complaint=_named(complaint, t), tools=_with(answers.tools, t)),
            answers.language,
        )
    target = answers.minutes * 60
    need = max((share for minutes, share in PRESSING.items() if answers.minutes >= minutes), default=0.0)
    most = min(len(chosen), MOST_POINTS, max(1, round(answers.minutes / MINUTES_PER_POINT)))
    fallback: tuple | None = None
    for count in range(most, 0, -1):  # as many points as the time allows, each pressed for long enough
        best: tuple | None = None
        for passes in range(1, MAX_PASSES + 1):
            for rounds in range(1, level.rounds + 1):
                fitted = _fit(answers, complaint, chosen[:count], avoided, passes, rounds, level, target)
                if fitted is None:
                    continue
                composed, shape = fitted
                short = max(0.0, need - composed.pressing)  # 0 once it presses long enough; else the closest
                score = (short, passes, shape.closing > 0, abs(shape.hold - level.typical), -rounds)
                if best is None or score < best[0]:
                    best = (score, composed)
        if best and not best[0][0]:
            return _finish(best[1], answers, complaint, notices)
        if best and (fallback is None or best[1].pressing > fallback.pressing):
            fallback = best[1]
    if fallback:
        return _finish(fallback, answers, complaint, notices)
    least = Shape(1, 1, level.holds[0], level.rest, MIN_CYCLES, 0, 0)
    shortest = _estimate(_text(answers, complaint, chosen[:1], avoided, least, level))[1].duration
    if shortest > target:
        raise ComposeError(
            t.ngettext(wording.COMPOSE_TOO_SHORT, _count(answers.minutes)).format(
                minutes=t.number(answers.minutes),
                complaint=_named(complaint, t),
                hold=level.holds[0],
                shortest=t.decimal(shortest / 60, 1),
                least=math.ceil(shortest / 60),
            ),
            answers.language,
        )
    fullest = Shape(MAX_PASSES, level.rounds, level.holds[1], MAX_REST, MAX_CYCLES, MAX_CYCLES, MAX_FILL)
    longest = _estimate(_text(answers, complaint, chosen[:most], avoided, fullest, level))[1].duration
    left_out = (
        t(wording.COMPOSE_TOO_LONG_LEFT_OUT).format(codes=_codes(avoided, t), conditions=_conditions(answers, t))
        if avoided
        else ""
    )
    raise ComposeError(
        t.ngettext(wording.COMPOSE_TOO_LONG, most).format(
            minutes=t.number(answers.minutes),
            complaint=_named(complaint, t),
            tools=_with(answers.tools, t),
            level=t(wording.LEVELS[answers.level]),
            count=most,
            left_out=left_out,
            passes=MAX_PASSES,
            rounds=level.rounds,
            hold=level.holds[1],
            longest=t.decimal(longest / 60, 1),
        ),
        answers.language,
    )


def _count(minutes: float) -> int:
    """The count that picks a plural form for a number of minutes: 1.5 minutes are several."""
    return int(minutes) if float(minutes).is_integer() else 2


def _title(article: str, t: Translator) -> str:
    """An article's title as published; one with no title is described in the language."""
    untitled = wording.UNTITLED_ARTICLES.get(article)
    return t(untitled) if untitled and not t.is_source else ARTICLES[article]


def _codes(points: list[Point], t: Translator) -> str:
    """Point codes in a sentence: 'GB21, LI4' as English always wrote them, 'GB21 y LI4' in Spanish."""
    codes = [p.code for p in points]
    return ", ".join(codes) if t.is_source else wording.listing(codes, t)


def _with(tools: tuple[str, ...], t: Translator) -> str:
    """The tools a session may use, as they follow 'with': 'hands and ball', 'den Händen und einem Massageball'."""
    if t.is_source:
        return " and ".join(tools)  # as it was written
    return wording.listing([t(wording.TOOL_WITH[tool]) for tool in tools], t)


def _conditions(answers: Answers, t: Translator) -> str:
    """The conditions asked to avoid, in the language: 'pregnancy', 'embarazo'."""
    return t(wording.LIST_SEPARATOR).join(t(wording.CONDITION_NAMES.get(c, c)) for c in sorted(answers.avoid))


def _finish(composed: Composed, answers: Answers, complaint: str, notices: list[str]) -> Composed:
    used = {s.tool.value for s in composed.routine.point_steps}
    unused = [t for t in answers.tools if t not in used]
    if unused:
        t = translator(answers.language)
        notices = [
            *notices,
            t(wording.COMPOSE_UNUSED).format(tools=wording.listing(unused, t), complaint=_named(complaint, t)),
        ]
    return replace(composed, notices=tuple(notices))


def _fit(answers, complaint, chosen, avoided, passes, rounds, level, target) -> tuple[Composed, Shape] | None:
    """Lengthen holds first (within the level's range), then rests, then the opening and the
    closing breathing, then a quiet rest at the end, until the session lands on `target`."""
    shape = Shape(passes, rounds, level.holds[0], level.rest, MIN_CYCLES, 0, 0)
    script = _estimate(_text(answers, complaint, chosen, avoided, shape, level))[1]
    extra = target - script.duration
    if extra < -TOLERANCE * target:
        return None
    holds, rests = len(script.holds), _rests(script)
    grow_hold = max(0, min(level.holds[1] - shape.hold, math.floor(extra / holds)))
    extra -= grow_hold * holds
    grow_rest = max(0, min(MAX_REST - shape.rest, math.floor(extra / rests))) if rests else 0
    extra -= grow_rest * rests
    grow_cycles = max(0, min(MAX_CYCLES - shape.cycles, math.floor(extra / CALM_CYCLE)))
    extra -= grow_cycles * CALM_CYCLE
    closing = max(0, min(MAX_CYCLES, math.floor((extra - MAX_FILL / 2) / CALM_CYCLE))) if extra > MAX_FILL else 0
    extra -= closing * CALM_CYCLE + (CLOSING_WORDS if closing else 0)
    shape = Shape(passes, rounds, shape.hold + grow_hold, shape.rest + grow_rest, shape.cycles + grow_cycles, closing,
                  max(0, min(MAX_FILL, round(extra))))  # fmt: skip
    text = _text(answers, complaint, chosen, avoided, shape, level)
    routine, script = _estimate(text)
    if abs(script.duration - target) > TOLERANCE * target:
        return None
    pressing = sum(h.end - h.start for h in script.holds) / script.length
    return Composed(text, routine, script.duration, pressing), shape


def _rests(script: layout.Script) -> int:
    """How many rest gaps the session has: between rounds and sides of a step."""
    steps: dict[str, int] = {}
    for hold in script.holds:
        steps[hold.step] = steps.get(hold.step, 0) + 1
    return sum(count - 1 for count in steps.values())


def _estimate(text: str) -> tuple[Routine, layout.Script]:
    """The routine a text makes, and its script at the pace the text sets, from estimates alone."""
    routine = parse(text, "composed.yaml", "composed", library())
    plan = plan_routine(routine)
    lengths = {key: len(sounds.stored(key, layout.SAMPLE_RATE, None)) // 2 for key in plan.sounds}
    return routine, lay_out_estimated(plan, {}, routine.voice.rate, None, lengths)  # type: ignore[arg-type]  # compose sets the rate


def _sides(choice: Choice) -> str | None:
    if choice.point.laterality is Laterality.MIDLINE:
        return None
    if choice.tool == "gun" or choice.point.region in LIMB_REGIONS:
        return "each"
    return "together"  # both thumbs, two balls, or the roller across the back


def _posture(choice: Choice) -> Posture:
    """Balls and rollers are lain on; hands and a massage gun reach a point as the library says."""
    return Posture.LYING if choice.tool in ("ball", "roller") else choice.point.posture


def _groups(chosen: list[Choice]) -> list[list[Choice]]:
    """Seated, then standing, then lying; within each, regions in order; one group per limb."""
    postures = list(Posture)

    def key(c: Choice) -> tuple[int, int]:
        return postures.index(_posture(c)), ORDER.index(c.point.region)

    groups: list[list[Choice]] = []
    for choice in sorted(
        chosen, key=lambda c: (*key(c), library().points.index(c.point))
    ):  # head to foot within a region
        last = groups[-1][0] if groups else None
        if (
            last
            and _posture(last) == _posture(choice)
            and LIMB.get(last.point.region, last.point.region) == LIMB.get(choice.point.region, choice.point.region)
        ):
            groups[-1].append(choice)
        else:
            groups.append([choice])
    return groups


def _text(answers: Answers, complaint, chosen, avoided, shape: Shape, level: Level) -> str:
    q = quote
    t = translator(answers.language)
    english = t.is_source  # an English file is written as it always was: the library's own words
    command = (
        f"compose --for {q(complaint)} --minutes {answers.minutes:g} "
        f"--tools {','.join(answers.tools)} --level {answers.level}"
        + "".join(f" --avoid {a}" for a in sorted(answers.avoid))
        + (f" --language {answers.language}" if answers.language != "en" else "")
    )
    cited = [f"[{a}]" for a in sorted({a for c in chosen for a in c.point.sources})]

    def point_line(c: Choice) -> str:
        point = c.point if english else localize(c.point, t)
        sources = ", ".join(f"[{a}]" for a in c.point.sources)
        return t(wording.COMPOSE_HEADER_POINT).format(
            code=point.code,
            name=point.english,
            uses=point.uses,
            tool=c.tool if english else t(wording.TOOL_WITH[c.tool]),
            sources=t(wording.COMPOSE_HEADER_FROM).format(articles=sources)
            if sources
            else t(wording.COMPOSE_HEADER_UNCITED),
        )

    lines = [
        "# " + t(wording.COMPOSE_HEADER).format(command=command),
        "# " + t(wording.COMPOSE_HEADER_POINTS).format(complaint=complaint if english else _named(complaint, t)),
        *(f"#   {point_line(c)}" for c in chosen),
        "# " + t(wording.COMPOSE_HEADER_LOCATED),
        *(f"#   {a} {_title(a[1:-1], t)}" for a in cited),
        "# "
        + t.ngettext(wording.COMPOSE_HEADER_SHAPE, shape.rounds).format(
            hold=shape.hold,
            level=t(wording.LEVELS[answers.level]),
            low=level.holds[0],
            high=level.holds[1],
            rounds=shape.rounds,
            rest=shape.rest,
        ),
    ]
    if avoided:
        lines.append(
            "# "
            + t(wording.COMPOSE_HEADER_LEFT_OUT).format(
                conditions=_conditions(answers, t), codes=", ".join(p.code for p in avoided)
            )
        )
    named = t(wording.COMPLAINT_NAMES.get(complaint, complaint))
    minutes = f"{answers.minutes:g}"
    lines += [
        f"title: {q(t(wording.COMPOSE_TITLE).format(complaint=named[:1].upper() + named[1:], minutes=minutes))}",
        f"summary: {q(t(wording.COMPOSE_SUMMARY).format(minutes=minutes, level=t(wording.LEVELS[answers.level]), complaint=named))}",
    ]
    if answers.language != "en":
        lines.append(f"language: {answers.language}")
    lines.append(f"voice: {{engine: {answers.engine}, rate: {answers.rate}}}")
    postures = {_posture(c) for c in chosen}
    things = [t(wording.COMPOSE_EQUIPMENT["chair"])] if postures & {Posture.SEATED, Posture.STANDING} else []
    if Posture.LYING in postures and not any(c.tool in ("ball", "roller") for c in chosen):  # else the tools name a mat
        things.append(t(wording.COMPOSE_EQUIPMENT["mat"]))
    if things:
        listed = things if answers.language == "en" else map(quote, things)  # English as it was written
        lines.append(f"equipment: [{', '.join(listed)}]")
    warnings = [
        t(wording.COMPOSE_WARNINGS[key])
        for key in ("pregnancy", "thinners", complaint)
        if key in wording.COMPOSE_WARNINGS
        and (key != "pregnancy" or "pregnancy" in answers.avoid)
        and (key != "thinners" or answers.screen.thinners)
    ]
    if warnings:
        lines.append(f"warning: {q(' '.join(warnings))}")
    if answers.avoid:
        lines.append(f"avoid: [{', '.join(sorted(answers.avoid))}]")
    lines.append(f"safety: screened  # {t(wording.COMPOSE_SCREENED)}")
    breathing = "calm" if shape.hold >= 11 else "none"
    lines += ["defaults:", f"  hold: {shape.hold}s", f"  rest: {shape.rest}s", f"  breathing: {breathing}"]
    if level.pressure or answers.screen.thinners:
        lines.append("  pressure: gentle" if answers.screen.thinners else f"  pressure: {level.pressure}")
    lines += ["intro:", f"  - say: {q(t(wording.COMPOSE_QUIET))}"]
    lines += [f"  - breathe: {{pattern: calm, cycles: {shape.cycles}}}", "steps:"]
    for number in range(1, shape.passes + 1):
        if number > 1:
            lines.append(f"  - say: {q(t(wording.COMPOSE_AGAIN))}")
        lines += _pass(chosen, shape, t)
    last = _groups(chosen)[-1][0]
    ending = _posture(last).value  # the listener ends seated, or seated again after standing, or lying
    lines.append("outro:")
    lines += [
        f"  - say: {q(t(s))}"
        for s in (wording.COMPOSE_TOOL_AWAY.get(_away(last)), wording.COMPOSE_SETTLE.get(ending))
        if s
    ]
    lines.append(f"  - say: {q(t(wording.COMPOSE_REST))}")
    if shape.closing:
        lines.append(f"  - breathe: {{pattern: calm, cycles: {shape.closing}}}")
    lines.append(f"  - pause: {max(1, min(MAX_PAUSE, shape.fill))}s")
    lines.append(f"  - say: {q(t(wording.COMPOSE_GET_UP['lying' if ending == 'lying' else 'seated']))}")
    return "\n".join(lines) + "\n"


def _pass(chosen: list[Choice], shape: Shape, t: Translator) -> list[str]:
    """One time through the points: a posture cue where it changes; every round on one side,
    then the other; the feet set up before the legs are reached."""
    q = quote
    lines: list[str] = []
    posture, tool, feet = None, None, False
    for group in _groups(chosen):
        if tool in wording.COMPOSE_TOOL_AWAY and _away(group[0]) != tool:  # nothing left under the back, the gun off
            lines.append(f"  - say: {q(t(wording.COMPOSE_TOOL_AWAY[tool]))}")
        if _away(group[0]) == "gun" and tool != "gun":
            lines.append(f"  - say: {q(t(wording.COMPOSE_GUN_EYES))}")
        tool = _away(group[0])
        if _posture(group[0]) is not posture:
            posture = _posture(group[0])
            lines.append(f"  - say: {q(t(wording.COMPOSE_POSTURE[posture.value]))}")
        sides = [_sides(c) for c in group]
        lower_limb = group[0].point.region in LOWER_LIMB and posture is Posture.SEATED
        if lower_limb and not feet:
            lines.append(f"  - say: {q(t(wording.COMPOSE_FEET))}")
            feet = True
        if "each" in sides:  # every point on one side, then the other
            for side in ("left", "right"):
                if side == "right":
                    switch = (
                        wording.COMPOSE_OTHER_FOOT
                        if lower_limb
                        else wording.COMPOSE_OTHER_SIDE
                        if len(group) > 1
                        else wording.COMPOSE_OTHER_SIDE_ONE
                    )
                    lines.append(f"  - say: {q(t(switch))}")
                lines += [
                    line
                    for c, s in zip(group, sides)
                    if s == "each" or side == "left"  # midline or both sides at once: not again
                    for line in _step(c, side if s == "each" else s, shape.rounds, t, side == "right")
                ]
        else:
            lines += [line for c, s in zip(group, sides) for line in _step(c, s, shape.rounds, t)]
    return lines


def _away(choice: Choice) -> str:
    """What there is to put away after this point: the tool, and two balls pressed together."""
    return choice.tool + ("-both" if choice.tool == "ball" and _sides(choice) == "together" else "")


def _step(choice: Choice, sides: str | None, rounds: int, t: Translator, again: bool = False) -> list[str]:
    """A point step; `again` when the listener has just found this spot on the other side."""
    point = localize(choice.point, t)
    lines = [f"  - point: {choice.point.code}"]
    if sides:
        lines.append(f"    sides: {sides}")
    lines.append(f"    repeat: {rounds}")
    if choice.tool != "hands":
        lines.append(f"    tool: {choice.tool}")
    elif (
        choice.point.region == "back"
        and set(choice.point.tools) == {"hands"}
        and choice.point.pressure is not Pressure.GENTLE
    ):
        lines.append("    pressure: gentle")  # the spine and the kidneys, where no tool may go: gentle hands only
    if again:
        lines.append(
            f"    say: {quote(t(wording.COMPOSE_SAME_SPOT).format(name=point.english, code=point.code, side=sides))}"
        )
    elif choice.tool != "hands":
        template = t(wording.COMPOSE_PLACE[choice.tool + ("-both" if sides == "together" else "")])
        lines.append(f"    say: {quote(template.format(name=point.english, code=point.code, place=point.place))}")
    return lines
