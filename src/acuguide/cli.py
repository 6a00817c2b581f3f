"""The command line: a few lines of click over the library for each command.

Only this module knows click. Library errors become `Error: ...` and an exit code.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import sys
from pathlib import Path

import click

from . import __version__
from . import routine as routine_mod
from .audio import render as render_mod
from .content.points import CONDITIONS, Point, library
from .errors import AcuguideError, BatchError, PointNotFound, ProblemsError, SpeechError, Terminated
from .pipeline import batch as batch_mod
from .pipeline import session as build
from .publish import export
from .publish import site as publish
from .routine import program as program_mod
from .routine import safety
from .speech import make_engine
from .yamlread import format_duration


def _fail(error: AcuguideError) -> None:
    if isinstance(error, ProblemsError):
        for problem in error.problems:
            click.echo(f"Error: {problem}", err=True)
    else:
        click.echo(f"Error: {error}", err=True)
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
        except BrokenPipeError:  # the reader went away (| head): stop quietly, as other tools do
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except Exception as error:  # a bug: still one line, and what to report, never a traceback
            click.echo(f"Error: internal error in acuguide {command.__name__} ({type(error).__name__}: {error}); "
                       "please report it with the command you ran", err=True)
            sys.exit(70)

    return wrapper


def _site(url: str | None) -> str | None:
    try:
        return publish.site_base(url) if url else None
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def _progress(name: str):
    """Click progress bars, one per stage, driven by the library's (stage, done, total) calls."""
    bars: dict = {}

    def update(stage: str, done: int, total: int) -> None:
        if stage not in bars:
            bar = click.progressbar(length=total, label=f"{stage:<9} {name}", file=sys.stderr)
            bars[stage] = [bar.__enter__(), 0]
        bar, shown = bars[stage]
        bar.update(done - shown)
        bars[stage][1] = done
        if done >= total:
            bar.__exit__(None, None, None)

    return update


engine_option = click.option("--engine", type=click.Choice(routine_mod.ENGINE_NAMES), help="Speech engine [default: the routine's, or espeak].")
voice_option = click.option("--voice", help="A voice of the engine: en-us+klatt4 (espeak), joe or a .onnx file (piper); see `acuguide voices`.")
rate_option = click.option("--rate", type=click.IntRange(80, 400), help="Speaking rate in words per minute.")
cache_option = click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where synthesized phrases are kept (default: ~/.cache/acuguide/speech, or $ACUGUIDE_CACHE_DIR).",
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
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("output"), show_default=True, help="Folder for the session files.")
@engine_option
@voice_option
@rate_option
@click.option("--format", "fmt", type=click.Choice(list(render_mod.FORMATS)), default="mp3", show_default=True, help="Audio format.")
@click.option("--loudness", type=click.FloatRange(-40, -10), help="Integrated loudness target in LUFS [default: -19 mono, -16 stereo].")
@click.option("--stereo", is_flag=True, help="Write two channels instead of one.")
@click.option("--ambient", metavar="noise|off|FILE", help="A bed under the session: synthesized noise, none, or an audio file to loop.")
@click.option("--bells/--no-bells", default=None, help="Bells at the start, between points and at the end [default: as the routine says].")
@click.option("--avoid", multiple=True, type=click.Choice(CONDITIONS), help="Refuse routines with points traditionally avoided in this condition.")
@click.option("--site", metavar="URL", callback=lambda ctx, param, url: _site(url), help="Also write a podcast feed and a page for the folder, to publish at URL.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), help="Sessions rendered at once [default: the number of cores].")
@click.option("--scheduler", metavar="ADDRESS", help="Render on a Dask cluster (tcp://host:8786); needs --cache-dir on a folder every worker reaches.")
@cache_option
@_handle_errors
def render(routines, out_dir, engine, voice, rate, fmt, loudness, stereo, ambient, bells, avoid, site, jobs, scheduler, cache_dir) -> None:
    """Render ROUTINES to audio, with a JSON timeline and WebVTT and SRT transcripts.

    Several routines also get a playlist, acuguide.m3u, in the output folder. With --site,
    the folder also gets feed.xml and index.html, ready for any web host or synced folder.
    """
    if scheduler and not cache_dir:
        raise BatchError("--scheduler needs --cache-dir: a folder every worker of the cluster can reach")
    loaded = build.load_batch(routines, ambient, bells, (engine, voice, rate))
    client = batch_mod.connect(scheduler) if scheduler else None
    for routine, _ in loaded:
        for notice in safety.notices(routine):
            click.echo(f"note: {notice}", err=True)
    settings = render_mod.RenderSettings(fmt, loudness, stereo=stereo)
    work = batch_mod.jobs_for(loaded, settings, out_dir, cache_dir)
    batch_mod.speak(work, frozenset(avoid), _progress(f"{len(work)} routines" if len(work) > 1 else work[0].routine.slug))
    outcomes: dict[int, object] = {}

    def done(index, outcome) -> None:
        outcomes[index] = outcome
        if isinstance(outcome, batch_mod.Failure):
            if len(work) > 1:  # a single session's error is the command's own, below
                click.echo(f"Error: {outcome.routine.slug}: {outcome.error}", err=True)
        else:
            click.echo(f"{outcome.audio}  {_minutes(outcome.duration)}  {outcome.loudness.target:g} LUFS")

    workers = jobs or batch_mod.default_jobs()
    if client:
        batch_mod.run_cluster(work, client, done)
    elif workers > 1 and len(work) > 1:
        click.echo(f"Rendering {len(work)} sessions, {min(workers, len(work))} at a time", err=True)
        batch_mod.run_pool(work, workers, done)
    else:
        batch_mod.run_here(work, done, _progress)
    failed = batch_mod.failures(outcomes.values())
    if len(failed) == 1 and len(work) == 1:
        raise failed[0].error
    if failed:
        raise batch_mod.incomplete(failed, len(work))
    results = [outcomes[i] for i in range(len(work))]
    if len(results) > 1:
        export.write_playlist(out_dir / "acuguide.m3u", [(r.audio, r.duration, r.title) for r in results])
        click.echo(f"{out_dir / 'acuguide.m3u'}  {len(results)} sessions")
    if site:
        for path in publish.write_site(out_dir, site):
            if path.name in (publish.FEED, publish.PAGE):
                click.echo(f"{path}")


@cli.command()
@click.argument("routines", nargs=-1, required=True)
@_handle_errors
def check(routines) -> None:
    """Validate ROUTINES; print every problem with its file, line and field."""
    problems = 0
    for arg in routines:
        try:
            routine = routine_mod.load(arg)
        except ProblemsError as error:
            problems += len(error.problems)
            for problem in error.problems:
                click.echo(str(problem))
            continue
        for notice in safety.notices(routine):
            click.echo(f"note: {notice}")
        try:
            make_engine(build.voice_settings(routine))
        except SpeechError as error:
            problems += 1
            click.echo(f"{routine.source}: voice: {error}")
            continue
        click.echo(f"{routine.source}: OK ({len(routine.all_steps)} steps, {len(routine.point_steps)} point steps)")
    if problems:
        click.echo(f"{problems} problem{'s' if problems != 1 else ''} found", err=True)
        sys.exit(1)


@cli.command()
@click.argument("routine", metavar="ROUTINE|PROGRAM")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="A readable timeline, or JSON.")
@click.option("--exact", is_flag=True, help="Speak (and cache) phrases not yet spoken, for exact times.")
@engine_option
@voice_option
@rate_option
@cache_option
@_handle_errors
def script(routine, fmt, exact, engine, voice, rate, cache_dir) -> None:
    """Show the compiled timeline of a routine, or of each week of a program, without audio.

    Phrase lengths come from the speech cache; phrases not spoken yet are estimated from
    the speaking rate (the header says how many), unless --exact speaks them first.
    """
    scripts = []
    for loaded in build.load_any(routine):
        settings = build.voice_settings(loaded, engine, voice, rate)
        if exact:
            scripts.append(build.compile_routine(loaded, settings, cache_dir, progress=_progress(loaded.slug)).script)
        else:
            scripts.append(build.estimate(loaded, settings, cache_dir))
    if fmt == "json":
        shown = [json.loads(export.to_json(s)) for s in scripts]
        click.echo(json.dumps(shown[0] if len(shown) == 1 else shown, indent=2, ensure_ascii=False))
    else:
        click.echo("\n".join(export.to_text(s) for s in scripts), nl=False)


@cli.command()
@click.argument("query", required=False)
@_handle_errors
def points(query) -> None:
    """List the point library, or the points matching QUERY (a code, alias, name or use)."""
    lib = library()
    if not query:
        for point in lib.points:
            click.echo(f"{point.code:<5} {point.english} ({point.pinyin}): {point.uses}")
        return
    found = lib.search(query)
    if not found and lib.ambiguous(query):
        raise PointNotFound(lib.ambiguous(query))
    if not found:
        close = lib.suggest(query)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        raise PointNotFound(f"no point matches {query!r}{hint}")
    for point in found:
        click.echo(describe_point(point))


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=Path("output"))
@click.option("--host", default="0.0.0.0", show_default=True, help="Address to listen on (0.0.0.0: every network).")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True, help="Port to listen on.")
@_handle_errors
def serve(folder, host, port) -> None:
    """Serve the sessions in FOLDER to phones on this network: a page, the audio, a podcast feed.

    Read-only: it serves the folder's session files and accepts nothing. Stop it with Ctrl-C.
    """
    from .publish import serve as serve_mod

    if not folder.is_dir():
        raise AcuguideError(f"{folder}: no such folder; render a session into it first (acuguide render lower-back -o {folder})")
    serve_mod.check_port(host, port)
    count = len(publish.episodes(folder))
    hint = f"; render one first: acuguide render lower-back -o {folder}" if not count else ""
    click.echo(f"Serving {count} session{'s' if count != 1 else ''} from {folder}{hint}.")
    if host.startswith("127.") or host in ("localhost", "::1"):
        click.echo(f"Only this computer can reach it (--host {host}); for a phone, leave out --host. Open:\n\n  http://{host}:{port}/\n")
    else:
        url = f"http://{serve_mod.lan_address() or 'localhost'}:{port}/"
        click.echo(f"On a phone on the same Wi-Fi, open:\n\n  {url}\n")
        qr = serve_mod.qr_text(url)
        click.echo(qr if qr else "(pip install segno to show this address as a QR code)")
    serve_mod.run(folder, host, port, lambda line: None)


@cli.command()
@click.option("--for", "complaint", required=True, help="What hurts: lower back, upper back, sciatica, stress, bloating, fatigue...")
@click.option("--minutes", type=click.FloatRange(2, 60), required=True, help="How long the session should last.")
@click.option("--tools", default="hands", show_default=True, help="What you have, comma-separated: hands, ball, roller, gun.")
@click.option("--level", type=click.Choice(["beginner", "regular"]), default="beginner", show_default=True,
              help="beginner: gentle 10-30 s holds; regular: holds up to two minutes.")
@click.option("--avoid", multiple=True, type=click.Choice(CONDITIONS), help="Leave out points traditionally avoided in this condition.")
@click.option("--engine", type=click.Choice([e for e in routine_mod.ENGINE_NAMES if e != "fake"]), default="espeak", show_default=True,
              help="The engine that will speak it: the length is timed at its pace.")
@click.option("-o", "--output", "out_file", type=click.Path(dir_okay=False, path_type=Path), help="Write the routine to this file.")
@click.option("--render", "render_now", is_flag=True, help="Write it to output/ and render it there at once.")
@_handle_errors
def compose(complaint, minutes, tools, level, avoid, engine, out_file, render_now) -> None:
    """Compose a routine from what hurts and how long you have: an ordinary routine file to keep."""
    from .compose import composer as compose_mod
    from .files import write_text

    answers = compose_mod.Answers(complaint, minutes, tuple(t.strip() for t in tools.split(",") if t.strip()), level, frozenset(avoid), engine)
    composed = compose_mod.compose(answers)
    if render_now:
        out_file = out_file or Path("output") / f"{routine_mod.slug_for(Path(composed.routine.title))}.yaml"
    if not out_file:
        click.echo(composed.text, nl=False)
        return
    write_text(out_file, composed.text)
    click.echo(f"{out_file}  about {_minutes(composed.seconds)} (estimated; acuguide script --exact measures it)")
    if render_now:
        click.get_current_context().invoke(render, routines=(str(out_file),), out_dir=out_file.parent)


@cli.command()
@click.argument("path", metavar="ROUTINE.yaml", type=click.Path(dir_okay=False, path_type=Path))
@_handle_errors
def new(path) -> None:
    """Write a commented starting routine to ROUTINE.yaml, to change and render.

    It passes `acuguide check` as written; an existing file is never overwritten.
    """
    from .routine.starter import write_starter

    click.echo(f"{write_starter(path)}  written; next: acuguide check {path}")


@cli.command()
@click.option("--program", is_flag=True, help="The schema of a program file instead of a routine.")
@_handle_errors
def schema(program) -> None:
    """Print the JSON Schema of the routine (or program) format, for editors.

    Save it (acuguide schema > routine.schema.json) and put this first line in a routine:
    # yaml-language-server: $schema=routine.schema.json
    """
    from .routine.schema import routine_schema

    click.echo(json.dumps(program_mod.schema() if program else routine_schema(), indent=2))


@cli.command()
@cache_option
@_handle_errors
def routines(cache_dir) -> None:
    """List the shipped routines with their title, length and points.

    Lengths are measured where the phrases are cached, and estimated (~) where not.
    """
    for name in routine_mod.shipped_routines():
        loaded = routine_mod.load(name)
        script = build.estimate(loaded, build.voice_settings(loaded), cache_dir)
        length = ("~" if script.estimated else "") + _minutes(script.duration)
        codes = ", ".join(dict.fromkeys(s.point.code for s in loaded.point_steps))
        click.echo(f"{name:<24} {length:>6}  {loaded.title}\n{'':<32}{codes}")
    for name in program_mod.shipped_programs():
        shipped = program_mod.load(name)
        click.echo(f"\nprogram {name}: {shipped.title}, {shipped.weeks} weeks, {shipped.sessions_per_week} sessions a week\n  {shipped.summary}")


@cli.command()
@_handle_errors
def voices() -> None:
    """List the speech engines and their voices; say how to install a missing engine."""
    from .speech import ENGINES, EngineMissing, VoiceSettings, make_engine

    for name, engine in ENGINES.items():
        try:
            default = make_engine(VoiceSettings(name))
        except EngineMissing as missing:
            click.echo(f"{name}: not installed. {engine.summary}.\n  {missing}\n")
            continue
        click.echo(f"{name}: {engine.summary}. Default: {default.voice} at {default.rate} words a minute.")
        for voice in engine.voices():
            click.echo(f"  {voice.name:<24} {voice.description}")
        click.echo("")


def describe_point(point: Point) -> str:
    said = " ".join(point.cautions).lower()
    avoid = [f"traditionally avoided in {c}" for c in sorted(point.avoid) if c not in said]  # not twice
    lines = [
        f"{point.code}  {point.english} ({point.pinyin}), {point.laterality.value}",
        f"  also written: {', '.join(point.aliases)}",
        f"  location: {point.location}",
        f"  to find it: {point.find}",
        f"  pressure: {point.pressure.value}, {point.motion.value}; typical hold {format_duration(point.hold)}",
        f"  used for: {point.uses}",
        *(f"  caution: {c}" for c in (*avoid, *point.cautions)),
    ]
    return "\n".join(lines) + "\n"


def _minutes(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes}:{secs:02d}"


def main() -> None:
    signal.signal(signal.SIGTERM, _terminate)
    cli(prog_name="acuguide")


def _terminate(signum, frame) -> None:
    raise Terminated()
