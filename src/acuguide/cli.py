"""The command line: a few lines of click over one library call for each command.

Only this module knows click. Library errors become `Error: ...` and an exit code.
"""

from __future__ import annotations

import functools
import json
import math
import os
import signal
import sys
from dataclasses import replace as replace_
from pathlib import Path

import click

from . import __version__, clock
from .audio.render import FORMATS, RenderSettings
from .content import wording
from .content.catalog import languages, translator
from .content.points import CONDITIONS, library
from .engines import DEFAULT_ENGINE, ENGINE_NAMES, FOR_LISTENING, best_engine
from .errors import AcuguideError, ProblemsError, Terminated, raise_terminated
from .pipeline import batch, session
from .progress import Report
from .publish import export, site
from .routine import Voice
from .timeline.layout import SAMPLE_RATE


def _fail(error: AcuguideError, then: str = "") -> None:
    language = error.language if error.language in languages() else "en"  # an unknown language is itself the error
    said = translator(language)(wording.ERROR)  # "Fehler: {message}"
    for message in error.problems if isinstance(error, ProblemsError) else (error,):
        click.echo(said.format(message=message), err=True)
    if then:
        click.echo(then, err=True)
    sys.exit(error.exit_code)


def _handle_errors(command):
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except AcuguideError as error:
            _fail(error)
        except KeyboardInterrupt:
            click.echo("Interrupted; no partial files were left.", err=True)
            sys.exit(130)
        except Terminated:
            click.echo("Terminated; no partial files were left.", err=True)
            sys.exit(143)
        except click.ClickException:  # a usage mistake: click says it, with the usage line
            raise
        except BrokenPipeError:  # the reader went away (| head): stop quietly, as other tools do
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except Exception as error:  # a bug: still one line, and what to report, never a traceback
            click.echo(
                f"Error: internal error in acuguide {command.__name__} ({type(error).__name__}: {error}); "
                "please report it with the command you ran",
                err=True,
            )
            sys.exit(70)

    return wrapper


class Number(click.FloatRange):
    """A number in a range; click's FloatRange lets nan through, since nan fails no comparison."""

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if math.isnan(number):
            self.fail(f"{value!r} is not a number; give one from {self.min:g} to {self.max:g}", param, ctx)
        return number


def _site(url: str | None) -> str | None:
    try:
        return site.site_base(url) if url else None
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def _report() -> Report:
    """Results on standard output; notices and progress on standard error."""
    return Report(click.echo, lambda note: click.echo(note, err=True), _progress)


def _progress(name: str):
    """Click progress bars, one per stage, driven by the library's (stage, done, total) calls:
    what is being done, how far, and the time left."""
    bars: dict = {}

    def update(stage: str, done: int, total: int) -> None:
        if stage not in bars:
            bar = click.progressbar(
                length=total,
                label=f"{stage:<9} {name}",
                file=sys.stderr,
                show_eta=True,
                item_show_func=lambda done: _amount(stage, done, total),
            )
            bars[stage] = [bar.__enter__(), 0]
        bar, shown = bars[stage]
        bar.update(done - shown, current_item=done)
        bars[stage][1] = done
        if done >= total:
            bar.__exit__(None, None, None)

    return update


def _amount(stage: str, done: int | None, total: int) -> str:
    """Phrases spoken, or seconds of audio mixed or encoded, of how many."""
    if done is None:
        return ""
    if stage == "Speaking":
        return f"{done} of {total} phrases"
    return f"{clock.minutes(done / SAMPLE_RATE)} of {clock.minutes(total / SAMPLE_RATE)} of audio"


def avoid_option(help: str):
    """--avoid CONDITION, repeatable: render refuses such points, compose leaves them out."""
    return click.option("--avoid", multiple=True, type=click.Choice(CONDITIONS), help=help)


engine_option = click.option(
    "--engine", type=click.Choice(ENGINE_NAMES), help=f"Speech engine [default: the routine's, or {DEFAULT_ENGINE}]."
)
voice_option = click.option(
    "--voice", help="A voice of the engine: en-us+klatt4 (espeak), joe or a .onnx file (piper); see `acuguide voices`."
)
rate_option = click.option("--rate", type=click.IntRange(80, 400), help="Speaking rate in words per minute.")
language_option = click.option(
    "--language",
    type=click.Choice(languages()),
    help="The session's language [default: the routine's]: a shipped routine is translated, yours must be written in it.",
)
cache_option = click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where spoken phrases, sounds and prepared clips are kept (default: ~/.cache/acuguide, or $ACUGUIDE_CACHE_DIR).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="acuguide")
def cli() -> None:
    """Turn acupressure routines written in YAML into guided, exactly timed audio sessions.

    ROUTINE is a path to a YAML file, or the name of a shipped routine; PROGRAM, where a
    command takes one, is a program file or a shipped program's name (both listed by
    `acuguide routines`). No routine yet? `acuguide compose --for "lower back" --minutes 10`.
    """


@cli.command()
@click.argument("routines", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Folder for the session files.",
)
@language_option
@engine_option
@voice_option
@rate_option
@click.option(
    "--format", "fmt", type=click.Choice(list(FORMATS)), default="mp3", show_default=True, help="Audio format."
)
@click.option(
    "--loudness", type=Number(-40, -10), help="Integrated loudness target in LUFS [default: -19 mono, -16 stereo]."
)
@click.option("--stereo", is_flag=True, help="Write two channels instead of one.")
@click.option(
    "--ambient",
    metavar="noise|off|FILE",
    help="A bed under the session: synthesized noise, none, or an audio file to loop.",
)
@click.option(
    "--bells/--no-bells",
    default=None,
    help="Bells at the start, between points and at the end [default: as the routine says].",
)
@avoid_option("Refuse routines with points traditionally avoided in this condition.")
@click.option(
    "--site",
    metavar="URL",
    callback=lambda ctx, param, url: _site(url),
    help="Also write a podcast feed and a page for the folder, to publish at URL.",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(1, 256), help="Sessions rendered at once [default: the number of cores]."
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Render on a Dask cluster (tcp://host:8786); needs --cache-dir on a folder every worker reaches.",
)
@cache_option
@_handle_errors
def render(
    routines,
    out_dir,
    language,
    engine,
    voice,
    rate,
    fmt,
    loudness,
    stereo,
    ambient,
    bells,
    avoid,
    site,
    jobs,
    scheduler,
    cache_dir,
) -> None:
    """Render ROUTINES to audio, with a JSON timeline and WebVTT and SRT transcripts.

    Several routines also get a playlist, acuguide.m3u, in the output folder. With --site,
    the folder also gets feed.xml and index.html, ready for any web host or synced folder.
    """
    batch.render_batch(
        batch.RenderRequest(
            routines,
            out_dir,
            RenderSettings(fmt, loudness, stereo=stereo),
            Voice(engine, voice, rate, language),
            ambient,
            bells,
            frozenset(avoid),
            site,
            jobs,
            scheduler,
            cache_dir,
        ),
        _report(),
    )


@cli.command()
@click.argument("routines", nargs=-1, required=True)
@language_option
@_handle_errors
def check(routines, language) -> None:
    """Validate ROUTINES; print every problem with its file, line and field."""
    checked = [session.check(arg, _report(), language) for arg in routines]
    if any(c.problems for c in checked):
        click.echo(session.problems_found(checked), err=True)
        sys.exit(1)


@cli.command()
@click.argument("routine", metavar="ROUTINE|PROGRAM")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="A readable timeline, or JSON.",
)
@click.option("--exact", is_flag=True, help="Speak (and cache) phrases not yet spoken, for exact times.")
@language_option
@engine_option
@voice_option
@rate_option
@cache_option
@_handle_errors
def script(routine, fmt, exact, language, engine, voice, rate, cache_dir) -> None:
    """Show the compiled timeline of a routine, or of each week of a program, without audio.

    Phrase lengths come from the speech cache; phrases not spoken yet are estimated from
    the speaking rate (the header says how many), unless --exact speaks them first.
    """
    scripts = session.scripts(routine, Voice(engine, voice, rate, language), cache_dir, exact, _report())
    if fmt == "json":
        shown = [export.to_dict(s) for s in scripts]
        click.echo(json.dumps(shown[0] if len(shown) == 1 else shown, indent=2, ensure_ascii=False))
    else:
        click.echo("\n".join(export.to_text(s) for s in scripts), nl=False)


@cli.command()
@click.argument("query", required=False)
@click.option(
    "--picture",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the point's picture to this file (.svg or .png); QUERY must name one point.",
)
@_handle_errors
def points(query, picture) -> None:
    """List the point library, or the points matching QUERY (a code, alias, name or use)."""
    if not query:
        if picture:
            raise click.UsageError("--picture needs a point: acuguide points BL23 --picture bl23.png")
        for point in library().points:
            click.echo(f"{point.code:<5} {point.english} ({point.pinyin}): {point.uses}")
        return
    found = library().find(query)
    if picture:
        from .content.pictures import write_picture

        if len(found) > 1:
            raise click.UsageError(
                f"{query!r} matches {len(found)} points ({', '.join(p.code for p in found)}); name one"
            )
        write_picture(found[0], picture)
        click.echo(f"wrote {picture}: {found[0].code} {found[0].english}")
        return
    for point in found:
        click.echo(point.describe())


data_option = click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where the pain diary and the key are kept (default: ~/.local/share/acuguide, or $ACUGUIDE_DATA_DIR).",
)


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=Path("output"))
@click.option("--host", default="0.0.0.0", show_default=True, help="Address to listen on (0.0.0.0: every network).")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True, help="Port to listen on.")
@click.option("--engine", type=click.Choice(ENGINE_NAMES), help="Speech engine for sessions made on the phone.")
@data_option
@cache_option
@_handle_errors
def serve(folder, host, port, engine, data_dir, cache_dir) -> None:
    """Serve the sessions in FOLDER to phones on this network: an index, a page per session,
    the audio, a podcast feed; and, with the key it prints, the pain diary and making sessions.

    Stop it with Ctrl-C.
    """
    from .app import serve as server

    click.echo(server.welcome(folder, host, port, data_dir))
    server.run(folder, host, port, data_dir, engine, cache_dir)


@cli.command()
@click.option("--csv", "as_csv", is_flag=True, help="Every check-in as CSV, for a spreadsheet or a doctor.")
@data_option
@_handle_errors
def diary(as_csv, data_dir) -> None:
    """Print the pain diary: how much it hurt before and after each session, and the trend."""
    from .app import diary as diaries

    checkins = diaries.read(data_dir)
    click.echo(diaries.to_csv(checkins) if as_csv else "\n".join(diaries.history(checkins)), nl=not as_csv)


@cli.command()
@click.option(
    "--for", "complaint", help="What hurts, in your own words: lower back, upper back, sciatica, stress, bloating..."
)
@click.option("--minutes", type=Number(2, 60), help="How long the session should last (2 to 60).")
@click.option(
    "--tools", default="hands", show_default=True, help="What you have, comma-separated: hands, ball, roller, gun."
)
@click.option(
    "--level",
    type=click.Choice(["beginner", "regular"]),
    default="beginner",
    show_default=True,
    help="beginner: gentle 20-60 s holds; regular: holds up to three minutes.",
)
@avoid_option("Leave out points traditionally avoided in this condition.")
@click.option(
    "--blood-thinners",
    is_flag=True,
    help="You take a blood thinner: hands only, gentle pressure, a note about bruising.",
)
@click.option(
    "--screened", is_flag=True, help="You have read the screening questions (--questions) and none applies to you."
)
@click.option(
    "--doctor-cleared",
    is_flag=True,
    help="A doctor has seen this pain and said self-massage is safe: signs that need a GP in the next few days "
    "no longer refuse; signs that need a doctor sooner still do.",
)
@click.option(
    "--questions", "show_questions", is_flag=True, help="Print the screening questions compose asks first, and exit."
)
@click.option(
    "--engine",
    type=click.Choice(FOR_LISTENING),
    help=f"The engine that will speak it: the length is timed at its pace [default: {DEFAULT_ENGINE}, or the best "
    "installed for --language].",
)
@click.option(
    "--language",
    type=click.Choice(languages()),
    help="The language --for is read in and the session is made in: its notes, refusals and words [default: en].",
)
@click.option(
    "-o",
    "--output",
    "out_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the routine to this file.",
)
@click.option("--replace", is_flag=True, help="Replace the -o file if it exists (it may hold your own edits).")
@click.option("--render", "render_now", is_flag=True, help="Write it to output/ and render it there at once.")
@_handle_errors
def compose(
    complaint,
    minutes,
    tools,
    level,
    avoid,
    blood_thinners,
    screened,
    doctor_cleared,
    show_questions,
    engine,
    language,
    out_file,
    replace,
    render_now,
) -> None:
    """Compose a routine from what hurts and how long you have: an ordinary routine file to keep.

    It first asks the questions a physiotherapist would (signs that need a doctor, pregnancy,
    blood thinners); a yes to a sign that needs a doctor composes nothing and says whom to see.
    """
    from .compose import composer, screening

    if show_questions:
        click.echo("\n".join(_numbered(screening.questions(language or "en"), language or "en")))
        return
    if not complaint or minutes is None:
        raise click.UsageError("compose needs --for (what hurts) and --minutes (how long)")
    language = language or "en"
    answers = composer.Answers(
        complaint,
        minutes,
        tuple(t.strip() for t in tools.split(",") if t.strip()),
        level,
        frozenset(avoid),
        engine or best_engine(language),
        language=language,
        doctor_cleared=doctor_cleared,
    )
    try:
        composer.read_complaint(answers)  # words that need a doctor, or an unknown complaint, before any question
        answers = replace_(
            answers, screen=_screen(screened, "pregnancy" in avoid, blood_thinners, language, doctor_cleared)
        )
    except composer.RedFlagError as refused:
        # after the GP has seen it, the same words would refuse again: say how to tell acuguide
        _fail(refused, translator(language)(wording.COMPOSE_DOCTOR_CLEARED) if refused.visit_is_enough else "")
    composed = composer.compose(answers)
    t = translator(language)
    for notice in composed.notices:
        click.echo(t(wording.COMPOSE_NOTE).format(notice=notice), err=True)
    if not out_file and not render_now:
        click.echo(composed.text, nl=False)
        return
    written = composer.save(composed, out_file, replace=replace)
    click.echo(t(wording.COMPOSE_WRITTEN).format(path=written, length=clock.minutes(composed.seconds)))
    if render_now:
        click.get_current_context().invoke(render, routines=(str(written),), out_dir=written.parent)


def _numbered(questions, language: str = "en") -> list[str]:
    """The questions as `--questions` and a refusal without a terminal print them."""
    t = translator(language)
    lines, number = [], 0
    for question in questions:
        if question.follows:
            lines.append("      " + t(wording.COMPOSE_IF_YES).format(question=question.text))
        else:
            number += 1
            lines.append(f"{number:>4}. {question.text}")
    return lines


def _screen(screened: bool, pregnant: bool, thinners: bool, language: str = "en", doctor_cleared: bool = False):
    """The screening answers: asked one by one at a terminal (in the session's language), or stated with --screened."""
    from .compose import composer, screening

    if screened:
        return screening.Screen(pregnancy=pregnant, thinners=thinners)
    if not sys.stdin.isatty():
        click.echo("\n".join(_numbered(screening.questions(language), language)), err=True)
        raise composer.ComposeError(translator(language)(wording.COMPOSE_NO_TERMINAL), language)
    click.echo(translator(language)(wording.COMPOSE_ASKING), err=True)
    answers = screening.interview(lambda question: _yes(question.text, language), language)
    answers["pregnancy"] = answers.get("pregnancy", False) or pregnant
    answers["thinners"] = answers.get("thinners", False) or thinners
    return screening.assess(answers, language, doctor_cleared)


def _yes(question: str, language: str) -> bool:
    """A screening question answered at the terminal in the session's language ("sí", "ja",
    "oui", or y); Enter is no. Anything else is asked again: a yes must never pass as a no."""
    t = translator(language)
    yes, no = ([w.strip() for w in t(m).split(",")] for m in (wording.ANSWER_YES, wording.ANSWER_NO))
    while True:
        answer = click.prompt(f"{question} [{yes[0]}/N]", default="", show_default=False, err=True).strip().lower()
        if answer in yes:
            return True
        if not answer or answer in no:
            return False
        click.echo(t(wording.ANSWER_AGAIN).format(yes=yes[0], no=no[0]), err=True)


@cli.command()
@click.argument("path", metavar="ROUTINE.yaml", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--language", type=click.Choice(languages()), default="en", show_default=True, help="The language to write it in."
)
@_handle_errors
def new(path, language) -> None:
    """Write a commented starting routine to ROUTINE.yaml, to change and render.

    It passes `acuguide check` as written; an existing file is never overwritten.
    """
    from .routine.starter import write_starter

    click.echo(f"{write_starter(path, language)}  written; next: acuguide check {path}")


@cli.command()
@click.option("--program", is_flag=True, help="The schema of a program file instead of a routine.")
@_handle_errors
def schema(program) -> None:
    """Print the JSON Schema of the routine (or program) format, for editors.

    Save it (acuguide schema > routine.schema.json) and put this first line in a routine:
    # yaml-language-server: $schema=routine.schema.json
    """
    from .routine import program as programs
    from .routine.schema import routine_schema

    click.echo(json.dumps(programs.schema() if program else routine_schema(), indent=2))


@cli.command()
@cache_option
@_handle_errors
def routines(cache_dir) -> None:
    """List the shipped routines with their title, length and points.

    Lengths are measured where the phrases are cached, and estimated (marked ~) where they
    are not yet spoken: a render or `acuguide script --exact` measures them.
    """
    for line in session.shipped(cache_dir):
        click.echo(line)


@cli.command()
@_handle_errors
def voices() -> None:
    """List the speech engines and their voices, marking the default; say how to install a missing engine."""
    from .speech import describe_engines

    for line in describe_engines():
        click.echo(line)


def main() -> None:
    signal.signal(signal.SIGTERM, raise_terminated)
    cli(prog_name="acuguide")
