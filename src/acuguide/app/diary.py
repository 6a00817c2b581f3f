"""The pain diary: how much it hurt before and after each session, 0 to 10, kept on this
computer in SQLite (the standard library's `sqlite3`).

Self-acupressure trials for chronic low back pain measured pain before and after, over weeks,
and counted a 30% fall as meaningful; `summary` says how far the last week is from the first.
The file is in WAL mode (the server writes while `acuguide diary` reads) and every write is
one transaction. A check-in carries an id the phone made: the phone queues check-ins while the
computer is unreachable and sends them again, and the id's unique constraint keeps each once.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import sqlite3
import threading
import uuid
from collections.abc import Iterable
from dataclasses import astuple, dataclass, fields
from datetime import datetime, timedelta, timezone
from pathlib import Path

from ..publish.page import Done
from . import AppError, Invalid, data_dir, private_dir

FILE = "diary.sqlite3"
ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
EARLIEST = datetime(2000, 1, 1, tzinfo=timezone.utc)
SCHEMA = """
CREATE TABLE IF NOT EXISTS checkins (
    id TEXT PRIMARY KEY,          -- made by the phone: a check-in sent twice is kept once
    at TEXT NOT NULL,             -- when, ISO 8601 in UTC
    session TEXT NOT NULL,        -- the session's slug, as served
    title TEXT NOT NULL,
    program TEXT NOT NULL DEFAULT '',
    week INTEGER,
    before INTEGER CHECK (before BETWEEN 0 AND 10),
    after INTEGER CHECK (after BETWEEN 0 AND 10),
    CHECK (before IS NOT NULL OR after IS NOT NULL)
)
"""


@dataclass(frozen=True)
class Session:
    """What the diary keeps of a served session, so its history reads after the file is gone."""

    slug: str
    title: str
    program: str = ""
    week: int | None = None


@dataclass(frozen=True)
class CheckIn:
    id: str
    at: str
    session: str
    title: str
    program: str
    week: int | None
    before: int | None
    after: int | None

    @property
    def when(self) -> datetime:
        return datetime.fromisoformat(self.at)


def check_in(data: object, served: dict[str, Session], now: datetime | None = None) -> CheckIn:
    """A check-in from what a phone sent, every field checked: `session` one that is served,
    `before` and `after` whole numbers 0 to 10 or null (skipped; not both), `id` (optional)
    8-64 letters, digits, '-' or '_', `at` (optional) when, as ISO 8601 or seconds since 1970."""
    now = now or datetime.now(timezone.utc)
    if not isinstance(data, dict):
        raise Invalid('expected a JSON object like {"session": "lower-back", "before": 6, "after": 4}')
    unknown = sorted(set(data) - {"id", "session", "before", "after", "at"})
    if unknown:
        raise Invalid(f"unknown field {unknown[0]!r}; a check-in has id, session, before, after and at")
    session = data.get("session")
    if not isinstance(session, str) or session not in served:
        shown = repr(session)[:80]
        raise Invalid(f"session: {shown} is not a session served here; send the slug of one (its page's name)")
    scores = {name: _score(name, data.get(name)) for name in ("before", "after")}
    if scores["before"] is None and scores["after"] is None:
        raise Invalid("before and after are both missing: send at least one score from 0 to 10")
    given = data.get("id")
    if given is not None and (not isinstance(given, str) or not ID.fullmatch(given)):
        raise Invalid("id: expected 8 to 64 letters, digits, '-' or '_' (the phone makes one per check-in)")
    at = _when(data.get("at"), now)
    found = served[session]
    return CheckIn(
        given or uuid.uuid4().hex, at.isoformat(timespec="seconds"), session, found.title, found.program,
        found.week, scores["before"], scores["after"],
    )  # fmt: skip


def _score(name: str, value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise Invalid(f"{name}: expected a whole number from 0 to 10 (or null to skip), got {str(value)[:40]!r}")
    return value


def _when(value: object, now: datetime) -> datetime:
    if value is None:
        return now.astimezone(timezone.utc)
    try:
        if isinstance(value, bool):
            raise ValueError
        if isinstance(value, (int, float)):
            if not math.isfinite(value):
                raise ValueError
            when = datetime.fromtimestamp(value, timezone.utc)
        elif isinstance(value, str) and len(value) <= 40:
            when = datetime.fromisoformat(value.replace("Z", "+00:00"))
            if when.tzinfo is None:
                raise ValueError
        else:
            raise ValueError
    except (ValueError, OverflowError, OSError):
        raise Invalid(f"at: expected a time like 2026-03-01T08:30:00Z, got {str(value)[:40]!r}") from None
    if not EARLIEST <= when <= now + timedelta(days=1):
        raise Invalid(f"at: {value} is not a time a session was done (after 2000, not in the future)")
    return when.astimezone(timezone.utc)


class Diary:
    """The check-ins in `folder`/diary.sqlite3 (made, readable only by its owner, if missing)."""

    def __init__(self, folder: Path):
        self.path = private_dir(folder) / FILE
        try:
            if not self.path.exists():
                os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600))
            self.db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            with self.db:
                self.db.execute(SCHEMA)
        except sqlite3.Error as error:
            raise AppError(
                f"{self.path}: cannot open the diary ({error}); move the file away to start a new one"
            ) from None
        self.lock = threading.Lock()

    def add(self, checkin: CheckIn) -> bool:
        """Keep `checkin`, in one transaction; False if it was kept before (the same id)."""
        with self.lock, self.db:
            cursor = self.db.execute(
                "INSERT INTO checkins VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING", astuple(checkin)
            )
            return cursor.rowcount == 1

    def all(self) -> list[CheckIn]:
        """Every check-in, oldest first."""
        with self.lock:
            rows = self.db.execute(
                f"SELECT {', '.join(f.name for f in fields(CheckIn))} FROM checkins ORDER BY at, rowid"
            )
            return [CheckIn(*row) for row in rows]

    def done(self) -> dict[str, Done]:
        """The sessions with check-ins: how many, and since when."""
        with self.lock:
            rows = self.db.execute("SELECT session, COUNT(*), MIN(at) FROM checkins GROUP BY session")
            return {session: Done(times, datetime.fromisoformat(first)) for session, times, first in rows}

    def close(self) -> None:
        self.db.close()


# --- the diary read back: `acuguide diary`, its CSV, the chart's summary


@dataclass(frozen=True)
class Summary:
    first: float | None  # the mean before a session in the first week
    last: float | None  # the mean before a session in the last seven days
    weeks: int  # days of diary, in weeks, rounded up

    @property
    def change(self) -> float | None:
        """The fall from the first week to the last seven days, as a fraction (0.3: 30% less)."""
        if self.first is None or self.last is None or not self.first:
            return None
        return (self.first - self.last) / self.first


def _mean(values: Iterable[int | None]) -> float | None:
    kept = [v for v in values if v is not None]
    return sum(kept) / len(kept) if kept else None


def summary(checkins: list[CheckIn]) -> Summary:
    """The first week's mean pain before a session, and the last seven days' (when the diary is
    longer than a week): the scores before a session only, since after one it is the session
    speaking (an after-score standing in for a skipped before would lower the baseline)."""
    if not checkins:
        return Summary(None, None, 0)
    start, end = checkins[0].when, checkins[-1].when
    first = _mean(c.before for c in checkins if c.when < start + timedelta(days=7))
    later = [c for c in checkins if c.when > end - timedelta(days=7) and c.when >= start + timedelta(days=7)]
    last = _mean(c.before for c in later) if later else None
    return Summary(first, last, (end - start).days // 7 + 1)


def _score_text(value: int | None) -> str:
    return "-" if value is None else str(value)


def history(checkins: list[CheckIn]) -> list[str]:
    """The diary as lines for a terminal, oldest first, and how the last week compares."""
    if not checkins:
        return ["No check-ins yet: follow a session along on the phone; it asks before and after."]
    lines = []
    for c in checkins:
        when = c.when.astimezone().strftime("%Y-%m-%d %H:%M")
        lines.append(f"{when}  before {_score_text(c.before):>2}  after {_score_text(c.after):>2}  {c.title}")
    found = summary(checkins)
    first = f"{found.first:.1f} on average" if found.first is not None else "no score yet"
    lines.append(f"{len(checkins)} check-in{'s' if len(checkins) != 1 else ''}; first week, before a session: "
                 f"{first}" + (f"; last 7 days: {found.last:.1f}" if found.last is not None else ""))  # fmt: skip
    if found.change is not None:
        lines.append(f"{abs(found.change):.0%} {'less' if found.change >= 0 else 'more'} than the first week"
                     + (" (a fall of 30% or more is what the trials counted as meaningful)" if found.change >= 0.3 else ""))  # fmt: skip
    return lines


def to_csv(checkins: list[CheckIn]) -> str:
    """The diary as CSV, one check-in a row, for a spreadsheet or a doctor."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([f.name for f in fields(CheckIn)])
    for c in checkins:
        writer.writerow(["" if v is None else _cell(v) for v in astuple(c)])
    return out.getvalue()


def _cell(value: object) -> object:
    """A text cell a spreadsheet will not run as a formula (a title is the routine's own text)."""
    return "'" + value if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") else value


def read(folder: Path | None = None) -> list[CheckIn]:
    """Every check-in kept in `folder` (default: the data folder); none if there is no diary yet."""
    path = (folder or data_dir()) / FILE
    if not path.is_file():
        return []
    kept = Diary(path.parent)
    try:
        return kept.all()
    finally:
        kept.close()
