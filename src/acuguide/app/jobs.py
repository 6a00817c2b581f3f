"""Sessions composed from the phone: the same screen and composer as `acuguide compose`, then
rendered here, one at a time, in the background, with progress the phone can ask for.

`prepare` reads the form as `compose` reads its options (what hurts first: words that need a
doctor refuse before any question), then the screening answers (`screening.assess`: a yes to
a sign that needs a doctor refuses with the same advice), then composes; all before a job is
queued, so a refusal composes and queues nothing. A job writes the routine to the data folder
and renders it into the served folder through `batch.render_batch`, which writes each file
under a temporary name and renames it into place: the index lists a session only once its
audio and timeline are whole.
"""

from __future__ import annotations

import math
import secrets
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..compose import ComposeError, composer, screening
from ..content.points import TOOLS
from ..engines import DEFAULT_ENGINE, DEFAULT_RATES
from ..errors import AcuguideError
from ..pipeline import batch
from ..progress import Report
from ..routine import Voice, slug_for
from ..routine.starter import save
from . import Invalid

MAX_FIELDS = 2000  # characters of a whole form: what hurts is at most composer.MAX_COMPLAINT
KEPT = 50  # finished jobs remembered for the phone to read


@dataclass
class Job:
    id: str
    title: str
    slug: str
    state: str = "queued"  # queued, running, done, failed
    stage: str = ""
    done: int = 0
    total: int = 0
    error: str = ""
    notices: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        shown = {"job": self.id, "state": self.state, "title": self.title, "session": self.slug,
                 "stage": self.stage, "progress": round(self.done / self.total, 3) if self.total else 0.0,
                 "notices": list(self.notices)}  # fmt: skip
        if self.state == "done":
            shown["page"] = f"{self.slug}.html"
        if self.state == "failed":
            shown["error"] = self.error
        return shown


def answers(data: object, engine: str | None, language: str = "en") -> tuple[composer.Answers, dict[str, bool]]:
    """The form as the composer's answers, and the screening answers; every field checked. The
    session is written in `language`, the served sessions'."""
    if not isinstance(data, dict):
        raise Invalid('expected a JSON object like {"for": "lower back", "minutes": 10, "answers": {...}}')
    unknown = sorted(set(data) - {"for", "minutes", "tools", "level", "answers"})
    if unknown:
        raise Invalid(f"unknown field {unknown[0]!r}; compose takes for, minutes, tools, level and answers")
    complaint = data.get("for")
    if not isinstance(complaint, str) or not complaint.strip():
        raise Invalid('for: say what hurts, in your own words (like "lower back")')
    if len(complaint) > composer.MAX_COMPLAINT:
        raise Invalid(f"for: at most {composer.MAX_COMPLAINT} characters; say what hurts in a few words")
    minutes = data.get("minutes")
    if (
        isinstance(minutes, bool)
        or not isinstance(minutes, (int, float))
        or not math.isfinite(minutes)
        or not 2 <= minutes <= 60
    ):
        raise Invalid(f"minutes: expected a number from 2 to 60, got {str(minutes)[:20]!r}")
    tools = data.get("tools", ["hands"])
    if isinstance(tools, str):
        tools = [t.strip() for t in tools.split(",") if t.strip()]
    if not isinstance(tools, list) or not tools or any(t not in TOOLS for t in tools):
        raise Invalid(f"tools: expected a list of {', '.join(TOOLS)}, got {str(tools)[:60]!r}")
    level = data.get("level", "beginner")
    if level not in composer.LEVELS:
        raise Invalid(f"level: expected one of {', '.join(composer.LEVELS)}, got {str(level)[:20]!r}")
    given = data.get("answers")
    known = [q.id for q in screening.questions(language)]
    if not isinstance(given, dict) or any(not isinstance(v, bool) for v in given.values()):
        raise Invalid('answers: expected {"question id": true or false, ...} for the questions of /api/screening')
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise Invalid(f"answers: {unknown[0][:40]!r} is not a screening question; the ids are {', '.join(known)}")
    spoken_by = engine if engine in DEFAULT_RATES else DEFAULT_ENGINE
    return composer.Answers(
        complaint.strip(), float(minutes), tuple(dict.fromkeys(tools)), level, frozenset(), spoken_by, language=language
    ), given


def prepare(data: object, engine: str | None, language: str = "en") -> composer.Composed:
    """What `acuguide compose` does with its options and the answers at a terminal: the words
    read first, then the screen, then the composer. `screening.Refused` (or `ComposeError`)
    when no session may be or can be composed."""
    asked, given = answers(data, engine, language)
    composer.read_complaint(asked)  # words that need a doctor, or an unknown complaint, before any answer
    unanswered = [q.id for q in screening.questions(language) if q.follows is None and q.id not in given]
    if unanswered:
        raise Invalid(
            f"answers: every question is answered before a session is composed; missing {', '.join(unanswered)}"
        )
    return composer.compose(replace(asked, screen=screening.assess(given, language)))


class Jobs:
    """Renders composed sessions into `folder`, one at a time, on a thread of their own."""

    def __init__(self, folder: Path, kept: Path, engine: str | None = None, cache_dir: Path | None = None):
        self.folder, self.kept, self.engine, self.cache_dir = folder, kept, engine, cache_dir
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="acuguide-render")

    def submit(self, composed: composer.Composed) -> Job:
        """Keep the routine under a name no session in the folder (or queued) has, and queue its render."""
        with self.lock:
            path = self._place(composed)
            job = Job(secrets.token_hex(8), composed.routine.title, path.stem, notices=composed.notices)
            self.jobs[job.id] = job
            finished = [j for j in self.jobs.values() if j.state in ("done", "failed")]
            for old in finished[: max(0, len(finished) - KEPT)]:
                del self.jobs[old.id]
        self.worker.submit(self._run, job, path)
        return job

    def get(self, job_id: str) -> Job | None:
        return self.jobs.get(job_id)

    def _place(self, composed: composer.Composed) -> Path:
        slug = slug_for(Path(composed.routine.title))
        taken = {j.slug for j in self.jobs.values() if j.state in ("queued", "running")}
        for number in range(1, 1000):
            name = slug if number == 1 else f"{slug}-{number}"
            path = self.kept / f"{name}.yaml"
            if name in taken or any((self.folder / f"{name}{s}").exists() for s in (".json", ".mp3")) or path.exists():
                continue
            return save(path, composed.text)
        raise ComposeError(f"{self.folder} already holds {slug} to {slug}-999; move some sessions away")

    def _run(self, job: Job, path: Path) -> None:
        def progress(name: str):
            def update(stage: str, done: int, total: int) -> None:
                job.stage, job.done, job.total = stage, done, total

            return update

        job.state = "running"
        request = batch.RenderRequest(
            (str(path),), self.folder, voice=Voice(self.engine, None, None), jobs=1, cache_dir=self.cache_dir
        )
        try:
            batch.render_batch(request, Report(lambda line: None, lambda note: None, progress))
        except AcuguideError as error:
            job.error, job.state = str(error), "failed"
        except Exception as error:  # a bug: said on the phone, never a job that runs for ever
            job.error, job.state = f"internal error ({type(error).__name__}: {error}); please report it", "failed"
        else:
            job.state = "done"

    def close(self) -> None:
        self.worker.shutdown(wait=False, cancel_futures=True)
