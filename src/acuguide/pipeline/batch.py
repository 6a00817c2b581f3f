"""Render a batch: every phrase spoken once, then the sessions mixed and encoded in parallel.

A batch runs in two phases so that the bytes never depend on how it was run:
1. Speech: the distinct phrases of the whole batch, per voice, are spoken on every core
   into the phrase cache, in a fixed order (see `speech.workers`).
2. Sessions: each render is then a pure function of its routine, its settings and the
   cache, so it can run on any process or machine: in this process (one job), on a local
   process pool (`jobs` > 1), or as tasks on a Dask cluster (`scheduler`). A serial render,
   a parallel one and a cluster's give the same bytes.
A session that fails is reported with its routine's name; the others still finish and keep
their files.
"""

from __future__ import annotations

import signal
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, replace
from pathlib import Path

from ..audio import render
from ..clock import minutes
from ..errors import AcuguideError, BatchError, RenderError, raise_terminated
from ..files import atomic_group
from ..progress import SILENT, Progress, Report
from ..publish import folder, site
from ..publish.export import companions, write_playlist
from ..routine import Routine, Sides, Voice
from ..routine.safety import check_safe, notices
from ..speech import Clip, Synthesizer
from ..speech.synthesizer import default_jobs
from ..timeline import layout
from ..timeline.plan import Plan, plan_routine
from . import session

PLAYLIST = "acuguide.m3u"
STOP_GRACE = 5.0  # seconds a worker has to clean up after SIGTERM before it is killed


@dataclass(frozen=True)
class Job:
    routine: Routine
    plan: Plan  # checked and planned once, when the batch's phrases are spoken
    voice: Voice
    settings: render.RenderSettings
    out_dir: Path
    cache_dir: Path | None = None


@dataclass(frozen=True)
class Failure:
    routine: Routine
    error: AcuguideError


Done = Callable[[int, render.RenderResult | Failure], None]  # (index in the batch, outcome)


@dataclass(frozen=True)
class RenderRequest:
    """What `acuguide render` was asked: the routines (or programs) and every choice about them."""

    args: tuple[str, ...]
    out_dir: Path
    settings: render.RenderSettings = render.RenderSettings()
    voice: Voice = session.ROUTINES_OWN  # each part None for the routine's own
    ambient: str | None = None  # noise, off or a file: instead of the routine's own
    bells: bool | None = None
    avoid: frozenset[str] = frozenset()
    site_url: str | None = None
    jobs: int | None = None  # sessions at once here; None: one per core
    scheduler: str | None = None  # a Dask cluster's address
    cache_dir: Path | None = None


def render_batch(request: RenderRequest, report: Report = SILENT) -> list[render.RenderResult]:
    """`acuguide render`: every routine (or program week) asked for, to session files.

    Everything is checked before anything is spoken; a batch of several also gets a playlist,
    and a site URL a feed and a page. Sessions run here, on `jobs` processes, or on the Dask
    cluster at `scheduler`.
    """
    args, out_dir, settings, voice = request.args, request.out_dir, request.settings, request.voice
    ambient, bells, avoid, site_url = request.ambient, request.bells, request.avoid, request.site_url
    jobs, scheduler, cache_dir = request.jobs, request.scheduler, request.cache_dir
    if scheduler and not cache_dir:
        raise BatchError("--scheduler needs --cache-dir: a folder every worker of the cluster can reach")
    loaded = session.load_batch(list(args), ambient, bells, voice)
    client = connect(scheduler) if scheduler else None
    for routine, _ in loaded:
        for notice in notices(routine):
            report.note(f"note: {notice}")
    work = jobs_for(loaded, settings, out_dir, cache_dir, avoid)
    workers = jobs or default_jobs()
    here = client is None and (workers == 1 or len(work) == 1)  # else each worker reads the cache
    spoken = speak(work, report.progress(f"{len(work)} routines" if len(work) > 1 else work[0].routine.slug), here)
    outcomes = _run(work, client, workers, report, spoken)
    failed = failures(outcomes)
    if len(failed) == 1 and len(work) == 1:
        raise failed[0].error
    if failed:
        raise incomplete(failed, len(work))
    results = [o for o in outcomes if not isinstance(o, Failure)]
    if len(results) > 1:
        write_playlist(out_dir / PLAYLIST, [(r.audio, r.duration, r.title) for r in results])
        report.line(f"{out_dir / PLAYLIST}  {len(results)} sessions")
    if site_url:
        for path in folder.write_site(out_dir, site_url):
            if path.name in (site.FEED, site.PAGE):
                report.line(f"{path}")
    return results


def _run(
    work: list[Job], client, workers: int, report: Report, spoken: Spoken | None = None
) -> list[render.RenderResult | Failure]:
    """Phase 2 wherever it was asked to run; every outcome, in the batch's order."""
    outcomes: dict[int, render.RenderResult | Failure] = {}

    def done(index: int, outcome: render.RenderResult | Failure) -> None:
        outcomes[index] = outcome
        if isinstance(outcome, Failure):
            if len(work) > 1:  # a single session's error is the command's own
                report.note(f"Error: {outcome.routine.slug}: {outcome.error}")
        else:
            report.line(f"{outcome.audio}  {minutes(outcome.duration)}  {outcome.loudness.target:g} LUFS")

    if client:
        run_cluster(work, client, done)
    elif workers > 1 and len(work) > 1:
        report.note(f"Rendering {len(work)} sessions, {min(workers, len(work))} at a time")
        run_pool(work, workers, done)
    else:
        run_here(work, done, report.progress, spoken)
    return [outcomes[i] for i in range(len(work))]


def jobs_for(
    batch: list[tuple[Routine, Voice]],
    settings: render.RenderSettings,
    out_dir: Path,
    cache_dir: Path | None,
    avoid: frozenset[str] = frozenset(),
) -> list[Job]:
    """One job per routine, checked and planned, numbered as tracks of the batch, each with its
    own ambient bed. Every routine is checked before any is spoken."""
    for routine, _ in batch:
        check_safe(routine, avoid)
    return [
        Job(
            routine,
            plan_routine(routine),
            voice,
            render.settings_for_batch(replace(settings, ambient=routine.ambient), index, len(batch)),
            out_dir,
            cache_dir,
        )
        for index, (routine, voice) in enumerate(batch, 1)
    ]


Spoken = dict[tuple[Voice, "Path | None"], dict[str, Clip]]  # each voice's clips, by the text as written


def speak(jobs: list[Job], progress: Progress | None = None, keep: bool = True) -> Spoken:
    """Phase 1: every distinct phrase of the batch in the cache; with `keep`, the clips, for a
    render in this process to use rather than read back from the cache it just wrote."""
    by_voice: dict[tuple[Voice, Path | None], dict[str, None]] = {}
    for job in jobs:
        by_voice.setdefault((job.voice, job.cache_dir), {}).update(dict.fromkeys(job.plan.phrases))
    return {
        (voice, cache_dir): Synthesizer(voice, layout.SAMPLE_RATE, cache_dir).clips(phrases, progress, keep)
        for (voice, cache_dir), phrases in by_voice.items()
    }


def render_job(job: Job, progress: Progress | None = None, spoken: Spoken | None = None) -> render.RenderResult:
    """Phase 2 for one session: compile (from the clips phase 1 made, in this process, else
    from the cache) and render into the job's folder."""
    clips = spoken.get((job.voice, job.cache_dir)) if spoken else None
    compiled = session.compile_routine(
        job.routine, job.voice, job.cache_dir, progress=progress, plan=job.plan, clips=clips
    )
    script = compiled.script
    return render.render_session(
        script,
        compiled.clips,
        job.out_dir,
        job.settings,
        progress,
        job.cache_dir,
        companions=lambda measured: companions(script, measured),
    )


def run_here(
    jobs: list[Job], done: Done, progress_for: Callable[[str], Progress] | None = None, spoken: Spoken | None = None
) -> None:
    """Phase 2 in this process, one session after another."""
    for index, job in enumerate(jobs):
        try:
            outcome = render_job(job, progress_for(job.routine.slug) if progress_for else None, spoken)
        except AcuguideError as error:
            outcome = Failure(job.routine, error)
        done(index, outcome)


def run_pool(jobs: list[Job], workers: int, done: Done) -> None:
    """Phase 2 on a pool of `workers` processes, reporting each session as it finishes.

    The pool is spawned, never forked: a forked child would inherit whatever threads and
    engine state this process holds.
    """
    import multiprocessing

    longest_first = sorted(range(len(jobs)), key=lambda index: -_work(jobs[index].routine))  # no core idles at the end
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=min(workers, len(jobs)), mp_context=context, initializer=_stop_on_sigterm
    ) as pool:
        pending: dict[Future, int] = {pool.submit(render_job, jobs[index]): index for index in longest_first}
        try:
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    index = pending.pop(future)
                    done(index, _outcome(future, jobs[index]))
        except BaseException:
            for future in pending:
                future.cancel()
            _stop_workers(list(getattr(pool, "_processes", {}).values()))
            raise


def _stop_on_sigterm() -> None:
    """In a pool worker: SIGTERM unwinds the render, so its partial files and its ffmpeg go too."""
    signal.signal(signal.SIGTERM, raise_terminated)


def _stop_workers(processes) -> None:
    """Ask every worker to stop and clean up (SIGTERM), and kill only one that will not."""
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(STOP_GRACE)
        if process.is_alive():
            process.kill()


def _work(routine: Routine) -> float:
    """Roughly how long a session runs: its holds, which make most of it."""
    return sum(step.hold * step.repeat * (2 if step.sides is Sides.EACH else 1) for step in routine.point_steps)


def _outcome(future: Future, job: Job) -> render.RenderResult | Failure:
    try:
        return future.result()
    except AcuguideError as error:
        return Failure(job.routine, error)
    except Exception as error:  # a worker that died, or a bug in it: still this routine's failure
        return Failure(job.routine, RenderError(f"the render process failed ({type(error).__name__}: {error})"))


def connect(scheduler: str):
    """A client of the Dask cluster at `scheduler`, reached before any phrase is spoken."""
    try:
        from distributed import Client
    except ImportError:
        raise BatchError("rendering on a cluster needs Dask: pip install 'acuguide[cluster]'") from None
    try:
        return Client(scheduler, timeout="5s")
    except (OSError, TimeoutError, ValueError, TypeError) as error:  # unreachable, or not an address
        raise BatchError(
            f"cannot reach the Dask scheduler at {scheduler}: {error}; give an address like tcp://host:8786"
        ) from None


def run_cluster(jobs: list[Job], client, done: Done) -> None:
    """Phase 2 as tasks on a Dask cluster whose workers have acuguide installed.

    Each task renders into a temporary folder on its worker and sends the files back; they
    are written here, into the job's folder, all or none. The phrase cache is the job's
    `cache_dir`, a folder every worker reaches (the cache is content-addressed, so workers
    can share it and fill it at once without conflict).
    """
    from distributed import as_completed

    with client:
        futures = {client.submit(render_remote, job, pure=False): index for index, job in enumerate(jobs)}
        for future in as_completed(futures):
            index, job = futures[future], jobs[futures[future]]
            try:
                files, result = future.result()
                done(index, _write_back(files, result, job))
            except AcuguideError as error:
                done(index, Failure(job.routine, error))
            except Exception as error:
                done(
                    index,
                    Failure(job.routine, RenderError(f"the cluster task failed ({type(error).__name__}: {error})")),
                )


def render_remote(job: Job) -> tuple[dict[str, bytes], render.RenderResult]:
    """A cluster task: render on the worker, return the files' bytes by name."""
    with tempfile.TemporaryDirectory(prefix="acuguide-task-") as tmp:
        result = render_job(replace(job, out_dir=Path(tmp)))
        files = {path.name: path.read_bytes() for path in Path(tmp).iterdir()}
    return files, result


def _write_back(files: dict[str, bytes], result: render.RenderResult, job: Job) -> render.RenderResult:
    targets = [job.out_dir / name for name in sorted(files)]
    try:
        with atomic_group(targets) as partial:
            for target in targets:
                partial[target].write_bytes(files[target.name])
    except OSError as exc:
        raise RenderError(f"cannot write the session files in {job.out_dir}: {exc.strerror or exc}") from None
    here = job.out_dir
    return replace(result, audio=here / result.audio.name, timeline=here / result.timeline.name,
                   transcripts=tuple(here / p.name for p in result.transcripts))  # fmt: skip


def incomplete(failed: list[Failure], total: int) -> BatchError:
    """The error of a batch with failures: its exit code is theirs when they agree."""
    others = "none was written" if len(failed) == total else "the others were written"
    error = BatchError(
        f"{len(failed)} of {total} sessions failed ({', '.join(f.routine.slug for f in failed)}); "
        f"{others}. No playlist or site was written for an incomplete batch."
    )
    codes = {f.error.exit_code for f in failed}
    if len(codes) == 1:
        error.exit_code = codes.pop()
    return error


def failures(outcomes: Iterable[render.RenderResult | Failure]) -> list[Failure]:
    return [o for o in outcomes if isinstance(o, Failure)]
