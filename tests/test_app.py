"""Issue 32, the server as a phone meets it: the diary and composing behind the key, every
field checked, fifty check-ins at once all kept, still there after a restart, a session
composed from the phone with every answer no rendered and listed, a yes composing nothing.
A real `acuguide serve` process over real HTTP, its diary a real SQLite file."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
import stat
import time
import uuid
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import aiohttp
import pytest
from click.testing import CliRunner
from conftest import HERE
from test_serve import get, serving

from acuguide.cli import cli
from acuguide.compose import screening

pytestmark = pytest.mark.server

E2E = str(HERE / "routines" / "e2e.yaml")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    out = tmp_path_factory.mktemp("sessions")
    cache = tmp_path_factory.mktemp("cache")
    result = CliRunner().invoke(
        cli, ["render", E2E, "desk-break", "--engine", "fake", "--cache-dir", str(cache), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return tmp_path_factory.mktemp("data")


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("phrases")


@pytest.fixture(scope="module")
def server(folder, data, cache):
    with serving(folder, data, "--engine", "fake", "--cache-dir", str(cache)) as (url, _):
        yield url


@pytest.fixture(scope="module")
def key(server, data):
    return (data / "key").read_text().strip()


def call(url, method="GET", body=None, key=None):
    """(status, the JSON answered)."""
    headers = {"Content-Type": "application/json", **({"X-Acuguide-Key": key} if key else {})}
    data = body if isinstance(body, bytes) else None if body is None else json.dumps(body).encode()
    try:
        with urlopen(Request(url, data=data, method=method, headers=headers), timeout=30) as response:
            return response.status, json.loads(response.read())
    except HTTPError as error:
        text = error.read()
        return error.code, json.loads(text) if text.startswith(b"{") else text.decode()


def finished(url, job, key):
    """The job once it is done or failed, asked as the phone asks: every 0.2 s."""
    for _ in range(1500):
        job = call(url + f"api/jobs/{job['job']}", key=key)[1]
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"the job never finished: {job}")


def all_no(server):
    status, asked = call(server + "api/screening")
    assert status == 200
    return {q["id"]: False for q in asked["questions"] if "follows" not in q}


def test_the_key_and_the_diary_are_readable_only_by_their_owner(server, data, key):
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "key").stat().st_mode) == 0o600
    assert stat.S_IMODE((data / "diary.sqlite3").stat().st_mode) == 0o600
    assert re.fullmatch(r"[A-Za-z0-9_-]{32,}", key)


@pytest.fixture
def welcome_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_prints_the_address_with_the_key(folder, data, key, welcome_port):
    from acuguide.app import serve

    said = serve.welcome(folder, "127.0.0.1", welcome_port, data)
    assert f"http://127.0.0.1:{welcome_port}/?key={key}" in said and str(data) in said


@pytest.mark.parametrize(
    "method,path,body",
    [("GET", "api/checkins", None), ("POST", "api/checkins", {"session": "e2e", "before": 5, "after": 3}),
     ("POST", "api/compose", {"for": "lower back", "minutes": 5}), ("GET", "api/jobs/abc", None), ("GET", "diary", None)],
)  # fmt: skip
def test_without_the_key_the_diary_and_composing_answer_403(server, method, path, body):
    for wrong in (None, "not-the-key", "x" * 43):
        status, _ = call(server + path, method, body, key=wrong)
        assert status == 403, (path, wrong)


def test_without_the_key_sessions_pages_and_the_feed_stay_open(server):
    for path in ("", "e2e.html", "feed.xml", "e2e.mp3", "e2e.chapters.json", "compose", "api/screening"):
        assert get(server + path)[0] == 200, path


@pytest.mark.parametrize(
    "body,reason",
    [({"session": "e2e", "before": 11}, "before: expected a whole number from 0 to 10"),
     ({"session": "e2e", "before": -1}, "before: expected a whole number from 0 to 10"),
     ({"session": "e2e", "before": 4.5}, "before: expected a whole number"),
     ({"session": "e2e", "after": "3"}, "after: expected a whole number"),
     ({"session": "e2e", "before": True}, "before: expected a whole number"),
     ({"session": "e2e"}, "before and after are both missing"),
     ({"session": "not-served", "before": 3}, "session: 'not-served' is not a session served here"),
     ({"session": "../e2e", "before": 3}, "is not a session served here"),
     ({"before": 3}, "session: None is not a session served here"),
     ({"session": "e2e", "before": 3, "mood": "fine"}, "unknown field 'mood'"),
     ({"session": "e2e", "before": 3, "id": "x"}, "id: expected 8 to 64"),
     ({"session": "e2e", "before": 3, "at": "yesterday"}, "at: expected a time"),
     ({"session": "e2e", "before": 3, "at": "2999-01-01T00:00:00Z"}, "not in the future"),
     ([1, 2], "expected a JSON object"),
     (b"{not json", "the body is not JSON")],
)  # fmt: skip
def test_every_field_of_a_checkin_is_checked_and_a_bad_one_is_400_with_the_reason(server, key, body, reason):
    status, answer = call(server + "api/checkins", "POST", body, key=key)
    assert status == 400 and reason in answer["error"], answer


def test_fifty_checkins_posted_at_once_are_all_kept_and_one_sent_twice_is_kept_once(server, key):
    ids = [uuid.uuid4().hex for _ in range(50)]

    async def post_all():
        async with aiohttp.ClientSession(headers={"X-Acuguide-Key": key}) as session:

            async def post(n, checkin_id):
                body = {"id": checkin_id, "session": "desk-break", "before": n % 11, "after": (n * 3) % 11}
                async with session.post(server + "api/checkins", json=body) as response:
                    return response.status

            return await asyncio.gather(*(post(n, i) for n, i in enumerate(ids)))

    assert asyncio.run(post_all()) == [201] * 50
    again = call(server + "api/checkins", "POST", {"id": ids[7], "session": "desk-break", "before": 7, "after": 0}, key)
    assert again == (200, {"id": ids[7], "kept": False, "duplicate": True})  # a queued check-in sent again
    status, answer = call(server + "api/checkins", key=key)
    kept = {c["id"]: c for c in answer["checkins"]}
    assert status == 200 and set(ids) <= set(kept)
    assert [kept[i]["before"] for i in ids] == [n % 11 for n in range(50)]
    assert kept[ids[7]]["after"] == 21 % 11  # the first one kept, not the second


def test_checkins_survive_a_restart_and_are_charted_and_exported(folder, tmp_path):
    data = tmp_path / "data"
    with serving(folder, data) as (url, _):
        key = (data / "key").read_text().strip()
        for day, (before, after) in enumerate([(7, 5), (6, 4), (6, 5), (5, 3)]):
            body = {"session": "e2e", "before": before, "after": after, "at": f"2026-03-0{day + 1}T08:00:00Z"}
            assert call(url + "api/checkins", "POST", body, key)[0] == 201
        body = {"session": "desk-break", "before": 3, "after": None, "at": "2026-03-12T08:00:00Z"}
        assert call(url + "api/checkins", "POST", body, key)[0] == 201
    with serving(folder, data) as (url, _):
        assert (data / "key").read_text().strip() == key  # made once
        status, answer = call(url + "api/checkins", key=key)
        assert status == 200 and [c["before"] for c in answer["checkins"]] == [7, 6, 6, 5, 3]
        status, _, page = get(url + "diary", headers={"X-Acuguide-Key": key})
        page = page.decode()
        assert status == 200 and "svg" not in "".join(re.findall(r"<script.*?</script>", page, re.S))  # drawn here
        svg = re.search(r"<svg class=\"chart\".*?</svg>", page, re.S).group(0)
        assert svg.count('<circle class="before"') == 5 and svg.count('<circle class="after"') == 4
        assert '<line class="goal"' in svg and "30% below week 1 (4.2)" in svg  # week 1 averaged 6.0 before
        assert '<line class="week"' in svg  # the second week is marked
        assert "50% less than the first week" in page  # 3 in the last seven days against 6.0
        status, _, index = get(url + f"?key={key}")
        assert re.search(r'data-slug="e2e">.*?✓ done', index.decode())  # the index knows what is done
        assert "✓ done" not in get(url)[2].decode()  # ...and says it only with the key
    result = CliRunner().invoke(cli, ["diary", "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    assert "before  7  after  5  Timing Check" in result.output and "50% less than the first week" in result.output
    result = CliRunner().invoke(cli, ["diary", "--csv", "--data-dir", str(data)])
    rows = result.output.splitlines()
    assert rows[0] == "id,at,session,title,program,week,before,after" and len(rows) == 6
    assert rows[1].endswith(",2026-03-01T08:00:00+00:00,e2e,Timing Check,,,7,5")
    assert rows[5].endswith(",desk-break,Desk Break,,,3,")  # after skipped
    with sqlite3.connect(data / "diary.sqlite3") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_session_composed_from_the_phone_with_every_answer_no_renders_and_is_listed(server, folder, key, data):
    body = {"for": "upper back", "minutes": 4, "tools": ["hands"], "level": "beginner", "answers": all_no(server)}
    status, job = call(server + "api/compose", "POST", body, key)
    assert status == 202 and job["state"] in ("queued", "running"), job
    job = finished(server, job, key)
    assert job["state"] == "done", job
    slug = job["session"]
    assert (folder / f"{slug}.mp3").is_file() and (folder / f"{slug}.json").is_file()
    assert (data / "composed" / f"{slug}.yaml").is_file()  # the routine, kept to read and change
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # nothing half-written left
    index = get(server)[2].decode()
    mine = re.search(r'<section class="group mine".*?</section>', index, re.S).group(0)
    assert (
        f'href="{slug}.html"' in mine and job["title"] == "Upper back and shoulders, 4 minutes" and job["title"] in mine
    )
    page = get(server + job["page"])[2].decode()
    assert page.count("<audio") == 1 and 'preload="metadata"' in page
    second = call(server + "api/compose", "POST", body, key)[1]  # the same again: a name of its own, nothing replaced
    assert second["session"] == f"{slug}-2" and finished(server, second, key)["state"] == "done"
    assert (folder / f"{slug}.mp3").read_bytes() == (folder / f"{slug}-2.mp3").read_bytes()


def test_a_yes_composes_nothing_and_says_whom_to_see(server, folder, key, data):
    before = sorted(p.name for p in folder.iterdir())
    kept = sorted(p.name for p in (data / "composed").iterdir()) if (data / "composed").is_dir() else []
    answers = {**all_no(server), "saddle": True}
    body = {"for": "lower back", "minutes": 10, "answers": answers}
    status, answer = call(server + "api/compose", "POST", body, key)
    assert status == 422 and answer["refused"] is True
    assert "No session was composed" in answer["error"] and "emergency department" in answer["error"]
    status, answer = call(
        server + "api/compose",
        "POST",
        {"for": "numb groin and my back aches", "minutes": 10, "answers": all_no(server)},
        key,
    )
    assert status == 422 and answer["refused"] is True  # the words are read too, whatever the answers
    assert sorted(p.name for p in folder.iterdir()) == before
    assert (sorted(p.name for p in (data / "composed").iterdir()) if (data / "composed").is_dir() else []) == kept


@pytest.mark.parametrize(
    "change,reason",
    [({"minutes": 90}, "minutes: expected a number from 2 to 60"), ({"minutes": "ten"}, "minutes: expected a number"),
     ({"tools": ["spoon"]}, "tools: expected a list of hands, ball, roller, gun"), ({"level": "expert"}, "level: expected one of"),
     ({"for": ""}, "for: say what hurts"), ({"answers": {"chest": "no"}}, "answers: expected"),
     ({"answers": {"nonsense": False}}, "'nonsense' is not a screening question"), ({"answers": {}}, "missing chest"),
     ({"colour": "red"}, "unknown field 'colour'")],
)  # fmt: skip
def test_every_field_of_the_compose_form_is_checked(server, key, change, reason):
    body = {
        "for": "lower back",
        "minutes": 10,
        "tools": ["hands"],
        "level": "beginner",
        "answers": all_no(server),
        **change,
    }
    status, answer = call(server + "api/compose", "POST", body, key)
    assert status == 400 and reason in answer["error"], answer


def test_a_complaint_compose_cannot_make_a_session_for_is_said(server, key):
    body = {"for": "lower back", "minutes": 2, "answers": all_no(server)}
    status, answer = call(server + "api/compose", "POST", body, key)
    assert status == 422 and "too short" in answer["error"], answer


def test_a_job_that_is_not_there_is_404(server, key):
    assert call(server + "api/jobs/0123456789abcdef", key=key)[0] == 404


def test_a_failed_job_says_why_and_leaves_nothing_half_written(folder, tmp_path):
    """A render that cannot write its phrases (the cache is a file, not a folder) fails; the job
    says why, and the folder gains nothing."""
    from acuguide.app.jobs import Jobs, prepare

    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder would be")
    before = sorted(p.name for p in folder.iterdir())
    jobs = Jobs(folder, tmp_path / "composed", "fake", blocked)
    (tmp_path / "composed").mkdir()
    answers = {q.id: False for q in screening.questions() if not q.follows}
    job = jobs.submit(prepare({"for": "lower back", "minutes": 4, "answers": answers}, "fake"))
    jobs.worker.shutdown(wait=True)
    shown = job.to_dict()
    assert shown["state"] == "failed" and str(blocked) in shown["error"], shown
    assert sorted(p.name for p in folder.iterdir()) == before


@pytest.mark.audio
def test_a_session_composed_from_the_phone_is_spoken_by_a_real_engine(tmp_path):
    """eSpeak NG and ffmpeg, through the server: the session is listed and its audio is as long
    as its timeline says."""
    import subprocess

    folder, data = tmp_path / "out", tmp_path / "data"
    folder.mkdir()
    with serving(folder, data, "--engine", "espeak", "--cache-dir", str(tmp_path / "cache")) as (url, _):
        key = (data / "key").read_text().strip()
        body = {"for": "stress", "minutes": 4, "tools": ["hands"], "level": "beginner", "answers": all_no(url)}
        status, job = call(url + "api/compose", "POST", body, key)
        assert status == 202, job
        job = finished(url, job, key)
        assert job["state"] == "done", job
        assert f'href="{job["page"]}"' in get(url)[2].decode()
    timeline = json.loads((folder / f"{job['session']}.json").read_text())
    probe = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                            str(folder / f"{job['session']}.mp3")], capture_output=True, text=True, check=True)  # fmt: skip
    assert abs(float(probe.stdout) - timeline["duration"]) < 0.2
    assert timeline["speech"]["engine"] == "espeak"
