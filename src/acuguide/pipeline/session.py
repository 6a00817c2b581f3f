"""The pipeline end to end: routine -> plan -> speech -> layout -> session files.

The CLI calls these, one function per command, so that it stays a thin layer of click.
Only `compile_routine` speaks; `estimate` lays a routine out from the speech cache and
estimated lengths, with no side effects, for `acuguide script` and `acuguide routines`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from .. import ffmpeg
from ..audio import ambient as ambient_mod
from ..audio import sounds
from ..clock import minutes
from ..content import wording
from ..content.catalog import MissingTranslation, NumbersUnsaid, translator
from ..engines import best_engine
from ..errors import AmbientNotFound, BatchError, ProblemsError, SpeechError
from ..progress import SILENT, Progress, Report
from ..routine import AMBIENT_LEVEL, Ambient, Bells, Routine, Voice, load, program, shipped_routines
from ..routine.find import shipped_names
from ..routine.safety import check_safe, notices
from ..speech import Clip, EngineMissing, Synthesizer, make_engine
from ..timeline import layout
from ..timeline.estimate import lay_out_estimated
from ..timeline.layout import Script, Speaker
from ..timeline.plan import Plan, plan_routine
from ..yamlread import OFF

ROUTINES_OWN = Voice()  # nothing asked on the command line: each routine's own voice


@dataclass(frozen=True)
class Compiled:
    script: Script
    clips: dict[str, bytes]  # the audio of every cue at the timeline's rate, keyed by `Cue.clip`
    synthesized: int  # phrases that were not in the cache


def load_batch(
    args: list[str], ambient: str | None = None, bells: bool | None = None, voice: Voice = ROUTINES_OWN
) -> list[tuple[Routine, Voice]]:
    """Every routine of a render with its voice, checked before anything is spoken: each
    loads, its engine and voice exist, its ambient sound is audio, and no two would write
    the same files."""
    routines = [with_overrides(routine, ambient, bells) for arg in args for routine in load_any(arg, voice.language)]
    batch = [(routine, voice_settings(routine, voice)) for routine in routines]
    ffmpeg.tool()  # raises, with the install command, before anything is spoken
    for _, settings in batch:
        make_engine(settings).check()  # raises, naming what is missing and what exists
    by_slug: dict[str, list[str]] = {}
    for routine in routines:
        by_slug.setdefault(routine.slug, []).append(routine.source)
        if routine.ambient and routine.ambient.source != "noise":
            ambient_mod.check(Path(routine.ambient.source))
    for slug, sources in by_slug.items():
        if len(sources) > 1:
            both = "both" if len(sources) == 2 else "all"
            raise BatchError(
                f"{' and '.join(sources)} would {both} write {slug}.mp3; rename one, or render them into different folders with -o"
            )
    return batch


def load_any(arg: str, language: str | None = None) -> list[Routine]:
    """A routine, or a program's routines, one for each week in order; in `language` if given."""
    if program.is_program(arg):
        return [stage.routine for stage in program.load(arg, language).stages]
    return [load(arg, language=language)]


def with_overrides(routine: Routine, ambient: str | None = None, bells: bool | None = None) -> Routine:
    """Command-line choices that replace the routine's own: an ambient bed, bells on or off."""
    if ambient is not None:
        if ambient.lower() in OFF:
            routine = replace(routine, ambient=None)
        elif ambient == "noise" or Path(ambient).is_file():
            level = routine.ambient.level if routine.ambient else AMBIENT_LEVEL
            sound = ambient if ambient == "noise" else str(Path(ambient).resolve())
            routine = replace(routine, ambient=Ambient(sound, level))
        else:
            raise AmbientNotFound(f"--ambient {ambient}: no such audio file; use noise, off, or a file path")
    if bells is not None:
        routine = replace(routine, bells=Bells(bells, bells, bells))
    return routine


def voice_settings(routine: Routine, asked: Voice = ROUTINES_OWN) -> Voice:
    """What the command line asked overrides the routine's voice; its voice name belongs to its own engine.
    Nobody choosing, the session's language gets the best voice installed for it (`best_engine`);
    a voice file asked for (`--voice x.onnx`) is a Piper voice."""
    best = best_engine(routine.language)
    if not asked.engine and asked.name and asked.name.endswith(".onnx"):
        asked = replace(asked, engine="piper")
    chosen = asked.engine or routine.voice.engine or best
    same_engine = chosen == (routine.voice.engine or best)
    return Voice(
        chosen,
        asked.name or (routine.voice.name if same_engine else None),
        asked.rate or routine.voice.rate,
        routine.language,
    )


def compile_routine(
    routine: Routine,
    settings: Voice,
    cache_dir: Path | None = None,
    avoid: frozenset[str] = frozenset(),
    progress: Progress | None = None,
    jobs: int | None = None,
    plan: Plan | None = None,
    clips: Mapping[str, Clip] | None = None,
) -> Compiled:
    """Speak (or read from the cache) every phrase and lay the session out. A batch hands in the
    `plan` it already checked and planned when it spoke the phrases, and, rendering in this
    process, the `clips` it made; alone, it does all of it here."""
    if plan is None:
        check_safe(routine, avoid)
        plan = plan_routine(routine)
    synth = Synthesizer(settings, layout.SAMPLE_RATE, cache_dir, jobs)
    if clips is None or not all(text in clips for text in plan.phrases):
        clips = synth.clips(plan.phrases, progress)
    clips = {text: clips[text].pcm for text in plan.phrases}
    spoken = {text: synth.engine.normalize(text) for text in plan.phrases}  # so anyone can score what was said
    return _lay_out(plan, clips, _speaker(synth), synth.synthesized, synth.cache.root, spoken)


def estimate(routine: Routine, settings: Voice, cache_dir: Path | None = None) -> Script:
    """The script from cached phrase lengths, estimating the rest; nothing is spoken or written.

    Where the engine is not installed, nothing can be in its cache: every phrase is estimated."""
    check_safe(routine, frozenset())
    plan_ = plan_routine(routine)
    try:
        synth = Synthesizer(settings, layout.SAMPLE_RATE, cache_dir)
    except EngineMissing:
        engine = make_engine(settings)
        return _estimated(plan_, {}, engine.rate, Speaker(engine.name, engine.voice, engine.rate))
    known = {text: clip.samples for text, clip in synth.cached(plan_.phrases).items()}
    return _estimated(plan_, known, synth.engine.rate, _speaker(synth), synth.cache.root)


def scripts(
    arg: str, voice: Voice, cache_dir: Path | None = None, exact: bool = False, report: Report = SILENT
) -> list[Script]:
    """`acuguide script`: the timeline of a routine, or of each week of a program; with
    `exact`, unspoken phrases are spoken (and cached) first, so every time is measured."""
    found = []
    for routine in load_any(arg, voice.language):
        settings = voice_settings(routine, voice)
        if exact:
            found.append(compile_routine(routine, settings, cache_dir, progress=report.progress(routine.slug)).script)
        else:
            found.append(estimate(routine, settings, cache_dir))
    return found


@dataclass(frozen=True)
class Checked:
    """What `check` found of one argument: how many problems, and their messages' language,
    so the last line counts them in that language."""

    problems: int
    language: str  # the routine's, once it loads; English before


def problems_found(checked: list[Checked]) -> str:
    """check's last line, in the language of the routines' messages when they share one."""
    languages = {c.language for c in checked if c.problems}
    t = translator(languages.pop() if len(languages) == 1 else "en")
    return t.counted(wording.PROBLEMS_FOUND, sum(c.problems for c in checked))


def check(arg: str, report: Report, language: str | None = None) -> Checked:
    """`acuguide check`: every problem `render` would refuse, found without speaking, and how
    many. A missing engine is a notice, not a problem: `check` and `script` do not speak.
    In another `language`, a line or a built-in word its catalog lacks is a problem."""
    try:
        routines = load_any(arg, language)
    except ProblemsError as error:
        for problem in error.problems:
            report.line(str(problem))
        return Checked(len(error.problems), error.language)
    problems = 0
    for routine in routines:
        for notice in notices(routine):
            report.line(f"note: {notice}")
        try:
            check_safe(routine, frozenset())
            engine = make_engine(voice_settings(routine))
            unsaid = [p for p in plan_routine(routine).phrases if routine.language != "en" and _digits(engine, p)]
            if unsaid:  # the voice would read them in English, or not at all
                problems += 1
                report.line(f"{routine.source}: digits would reach the {routine.language} voice in {unsaid[0]!r}")
                continue
            engine.check()
        except ProblemsError as error:
            problems += len(error.problems)
            for problem in error.problems:
                report.line(str(problem))
            continue
        except (MissingTranslation, NumbersUnsaid) as missing:
            problems += 1
            report.line(f"{routine.source}: {missing}")
            continue
        except EngineMissing as missing:
            report.line(f"note: {routine.source}: voice: {missing}; render needs it, check and script do not")
        except SpeechError as error:
            problems += 1
            report.line(f"{routine.source}: voice: {error}")
            continue
        t = translator(routine.language)
        steps, points = (
            t.counted(wording.STEPS, len(routine.all_steps)),
            t.counted(wording.POINT_STEPS, len(routine.point_steps)),
        )
        report.line(f"{routine.source}: {t(wording.CHECK_OK).format(steps=steps, points=points)}")
    return Checked(problems, routines[-1].language if routines else "en")


def _digits(engine, phrase: str) -> bool:
    return any(char.isdigit() for char in engine.normalize(phrase))


def shipped(cache_dir: Path | None = None) -> Iterator[str]:
    """`acuguide routines`: each shipped routine's name, length, title and points; then the programs."""
    estimated = False
    for name in shipped_routines():
        routine = load(name)
        script = estimate(routine, voice_settings(routine), cache_dir)
        estimated = estimated or bool(script.estimated)
        length = ("~" if script.estimated else "") + minutes(script.duration)
        codes = ", ".join(dict.fromkeys(s.point.code for s in routine.point_steps))
        yield f"{name:<24} {length:>6}  {routine.title}\n{'':<32}{codes}"
    if estimated:
        yield "\n~ an estimate: some phrases are not spoken yet; a render or acuguide script --exact measures them"
    for name in shipped_names("programs"):
        shipped_program = program.load(name)
        yield (
            f"\nprogram {name}: {shipped_program.title}, {shipped_program.weeks} weeks, "
            f"{shipped_program.sessions_per_week} sessions a week\n  {shipped_program.summary}"
        )


def estimate_unspoken(routine: Routine, rate: int) -> Script:
    """The script from estimated lengths alone, not even the cache read: the same everywhere."""
    return _estimated(plan_routine(routine), {}, rate, None)


def _estimated(
    plan_: Plan, known: dict[str, int], rate: int, speaker: Speaker | None, root: Path | None = None
) -> Script:
    """Lay out with the phrase lengths `known` (in samples) and estimates for the rest."""
    return lay_out_estimated(plan_, known, rate, speaker, sound_lengths(plan_, root))


def sound_lengths(plan_: Plan, root: Path | None = None) -> dict[str, int]:
    """The length in samples of each sound the plan places, as the audio stage makes it."""
    return {key: len(sounds.stored(key, layout.SAMPLE_RATE, root, keep=False)) // 2 for key in plan_.sounds}


def _speaker(synth: Synthesizer) -> Speaker:
    return Speaker(synth.engine.name, synth.engine.voice, synth.engine.rate)


def _lay_out(
    plan_: Plan, clips: dict[str, bytes], speaker: Speaker, synthesized: int, root: Path, spoken: dict[str, str]
) -> Compiled:
    clips.update((key, sounds.stored(key, layout.SAMPLE_RATE, root)) for key in plan_.sounds)
    lengths = {key: len(pcm) // 2 for key, pcm in clips.items()}
    return Compiled(layout.lay_out(plan_, lengths, layout.SAMPLE_RATE, speaker, spoken=spoken), clips, synthesized)
