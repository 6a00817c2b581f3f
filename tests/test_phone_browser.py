"""Issue 32 on a phone: Debian's chromium, headless, at 390 px through the DevTools device
metrics, against a real `acuguide serve`. The index of twenty sessions on two screens, a
session page whose player knows its length before play, the check-in taps before and after
(and while the computer is unreachable), the compose form with its progress, and the diary's
chart. Screenshots go to /tmp/look-phone/ to be looked at."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import HERE
from test_serve import get, serving

from acuguide.cli import cli

pytestmark = [
    pytest.mark.server,
    pytest.mark.skipif(not shutil.which("chromium"), reason="needs Debian's chromium (scripts/setup installs it)"),
]

LOOK = Path("/tmp/look-phone")
WIDTH, HEIGHT = 390, 844
PROGRAM = "title: Easing In\nroutine: e2e.yaml\nweeks: 4\nhold: {from: 6s, to: 9s}\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """Twenty sessions: a program of four weeks, a shipped routine, and fifteen of the user's own."""
    routines = tmp_path_factory.mktemp("routines")
    shutil.copy(HERE / "routines" / "e2e.yaml", routines / "e2e.yaml")
    (routines / "easing-in.yaml").write_text(PROGRAM)
    out = tmp_path_factory.mktemp("sessions")
    result = CliRunner().invoke(cli, ["render", str(routines / "easing-in.yaml"), "desk-break", str(routines / "e2e.yaml"),
                                      "--engine", "fake", "--cache-dir", str(tmp_path_factory.mktemp("cache")), "-o", str(out)])  # fmt: skip
    assert result.exit_code == 0, result.output
    for n in range(2, 16):
        timeline = json.loads((out / "e2e.json").read_text())
        timeline["title"] = f"My evening routine {n}"
        (out / f"mine-{n}.json").write_text(json.dumps(timeline))
        shutil.copy(out / "e2e.mp3", out / f"mine-{n}.mp3")
    return out


@pytest.fixture(scope="module")
def served(folder, tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    cache = tmp_path_factory.mktemp("phrases")
    with serving(folder, data, "--engine", "fake", "--cache-dir", str(cache)) as (url, _):
        yield url, (data / "key").read_text().strip()


@pytest.fixture(scope="module")
def browser():
    from cdp import Browser

    LOOK.mkdir(exist_ok=True)
    phone = Browser(WIDTH, HEIGHT)
    phone.send("Emulation.setDeviceMetricsOverride", width=WIDTH, height=HEIGHT, deviceScaleFactor=2, mobile=True)
    phone.send("Network.enable")
    try:
        yield phone
    finally:
        phone.close()


@pytest.fixture(autouse=True)
def holding_the_key(served, browser):
    """The phone as a person has it once they have opened the address `serve` printed: holding
    the key, so each test stands alone, whichever runs first (`-k` picks one)."""
    url, key = served
    browser.send("Emulation.setScriptExecutionDisabled", value=False)
    browser.open(url + f"?key={key}")
    assert browser.js("localStorage.getItem('acuguide-key')") == key


def shot(browser, name, full=False):
    browser.screenshot(LOOK / f"{name}.png", full=full)


def checkins(url, key):
    with __import__("urllib.request").request.urlopen(
        __import__("urllib.request").request.Request(url + "api/checkins", headers={"X-Acuguide-Key": key}), timeout=10
    ) as response:
        return json.loads(response.read())["checkins"]


def record(url, key, session, before, after, at=None):
    """A check-in sent as the phone sends it, so a test that reads check-ins stands alone."""
    body = {"session": session, "before": before, "after": after, **({"at": at} if at else {})}
    request = __import__("urllib.request").request.Request(
        url + "api/checkins", data=json.dumps(body).encode(), method="POST", headers={"X-Acuguide-Key": key}
    )
    with __import__("urllib.request").request.urlopen(request, timeout=10) as response:
        assert response.status in (200, 201)


def test_the_index_of_twenty_sessions_fits_two_screens_and_keeps_the_key(served, browser):
    url, key = served
    browser.open(url + f"?key={key}")
    assert browser.js("window.innerWidth") == WIDTH
    assert browser.js("location.search") == ""  # the key is kept, and out of the address bar
    assert browser.js("localStorage.getItem('acuguide-key')") == key
    assert browser.js("document.querySelectorAll('li.line').length") == 20
    assert browser.js("document.querySelectorAll('audio').length") == 0
    bottom = browser.js("document.querySelector('main .group:last-of-type').getBoundingClientRect().bottom + scrollY")
    assert bottom <= 2 * HEIGHT, bottom
    groups = browser.js("[...document.querySelectorAll('.group h2')].map(h => h.firstChild.textContent)")
    assert groups == ["Easing In", "Made for you", "Routines"]
    weeks = browser.js("[...document.querySelectorAll('.group.program li .t')].map(t => t.textContent)")
    assert weeks == ["Week 1", "Week 2", "Week 3", "Week 4"]
    assert (
        browser.js("document.querySelector('.group.program li .mark.next').closest('li').dataset.slug")
        == "easing-in-week-1"
    )
    wide = browser.js(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1).length"
    )
    assert wide == 0  # nothing wider than the phone
    assert "key=" in browser.js("document.querySelector('nav.app a[href^=diary]').getAttribute('href')")
    shot(browser, "index", full=True)


def test_without_script_the_index_still_lists_and_links_every_session(served, browser):
    url, _ = served
    browser.send("Emulation.setScriptExecutionDisabled", value=True)
    try:
        browser.open(url)
        names = browser.send(
            "Runtime.evaluate",
            returnByValue=True,
            expression="[...document.querySelectorAll('li.line a')].map(a => a.getAttribute('href'))",
        )["result"]["value"]
        assert len(names) == 20 and all(n.endswith(".html") for n in names)
    finally:
        browser.send("Emulation.setScriptExecutionDisabled", value=False)


def test_a_session_page_has_one_player_whose_length_shows_before_play(served, browser):
    url, _ = served
    browser.open(url + "easing-in-week-1.html")
    assert browser.js("document.querySelectorAll('audio').length") == 1
    browser.wait("document.querySelector('audio').readyState >= 1")  # metadata only: the length, no audio yet
    duration = browser.js("document.querySelector('audio').duration")
    timeline = json.loads(get(url + "easing-in-week-1.json")[2])
    assert abs(duration - timeline["duration"]) < 0.2
    assert (
        browser.js("document.querySelector('audio').paused")
        and browser.js("document.querySelector('audio').currentTime") == 0
    )
    assert browser.js("document.documentElement.lang") == "en"
    browser.wait("[...document.images].every(i => i.complete)")
    assert browser.js("[...document.images].filter(i => !(i.naturalWidth > 0)).map(i => i.src)") == []
    assert (
        browser.js("document.querySelector('.actions').getBoundingClientRect().bottom") <= HEIGHT * 1.2
    )  # play, follow, near the top
    shot(browser, "session")
    browser.js("document.querySelector('details.transcript').open = true")
    shot(browser, "session-full", full=True)
    browser.send("Emulation.setEmulatedMedia", media="print")  # the print card: the points, nothing to tap
    try:
        shown = browser.js("['audio', '.actions', '.follow', 'header.top', 'details.transcript', 'ol.steps']"
                           ".map(s => getComputedStyle(document.querySelector(s)).display !== 'none')")  # fmt: skip
        assert shown == [False, False, False, False, False, True]
        shot(browser, "print-card", full=True)
    finally:
        browser.send("Emulation.setEmulatedMedia", media="")


def test_the_follow_along_view_asks_before_and_after_with_one_tap_each(served, browser):
    url, key = served
    browser.open(url + "easing-in-week-1.html")
    known = len(checkins(url, key))
    browser.js("document.querySelector('a.follow-link').click()")
    browser.wait("document.getElementById('follow').dataset.asking === 'before'")
    assert browser.js("document.querySelectorAll('.checkin[data-when=before] .score').length") == 11
    taps = browser.js(
        "[...document.querySelectorAll('.checkin[data-when=before] .score')].map(b => b.getBoundingClientRect().height)"
    )
    assert min(taps) >= 44  # a finger, not a stylus
    shot(browser, "checkin-before")
    browser.js("document.querySelector('.checkin[data-when=before] .score[data-score=\"6\"]').click()")
    browser.wait("!acuguideFollow.audio.paused")  # the tap starts the session
    assert browser.js("document.querySelector('.follow-main').hidden") is False
    shot(browser, "follow")
    browser.js("acuguideFollow.audio.currentTime = acuguideFollow.audio.duration - 0.3")
    browser.wait("document.getElementById('follow').dataset.asking === 'after'", timeout=20)  # asked when it ends
    shot(browser, "checkin-after")
    browser.js("document.querySelector('.checkin[data-when=after] .score[data-score=\"3\"]').click()")
    browser.wait("document.querySelector('.checkin-said').dataset.state === 'saved'")
    assert browser.js("document.getElementById('follow').hidden")
    found = checkins(url, key)
    assert len(found) == known + 1 and (found[-1]["session"], found[-1]["before"], found[-1]["after"]) == (
        "easing-in-week-1",
        6,
        3,
    )
    shot(browser, "checkin-saved")


def test_a_checkin_while_the_computer_is_unreachable_is_kept_and_sent_once_later(served, browser):
    url, key = served
    browser.open(url + "desk-break.html")
    known = len(checkins(url, key))
    browser.js("document.querySelector('a.follow-link').click()")
    browser.wait("document.getElementById('follow').dataset.asking === 'before'")
    browser.send(
        "Network.emulateNetworkConditions", offline=True, latency=0, downloadThroughput=-1, uploadThroughput=-1
    )  # the Wi-Fi drops
    browser.js("document.querySelector('.checkin[data-when=before] .score[data-score=\"5\"]').click()")
    browser.js("document.querySelector('#follow .close').click()")  # leaving early asks the second question
    browser.wait("document.getElementById('follow').dataset.asking === 'after'")
    browser.js("document.querySelector('.checkin[data-when=after] .skip').click()")
    browser.wait("document.querySelector('.checkin-said').dataset.state === 'queued'")
    assert browser.js("acuguideFollow.queued().length") == 1
    assert len(checkins(url, key)) == known
    shot(browser, "checkin-queued")
    browser.send(
        "Network.emulateNetworkConditions", offline=False, latency=0, downloadThroughput=-1, uploadThroughput=-1
    )
    queued = browser.js("acuguideFollow.queued()[0]")
    browser.js("Promise.all([acuguideFollow.flush(), acuguideFollow.flush()])")  # sent twice over: kept once
    assert browser.js("acuguideFollow.queued().length") == 0
    browser.js(
        f"fetch('api/checkins', {{method: 'POST', headers: {{'X-Acuguide-Key': {json.dumps(key)}}}, body: JSON.stringify({json.dumps(queued)})}})"
    )
    found = [c for c in checkins(url, key) if c["id"] == queued["id"]]
    assert len(found) == 1 and (found[0]["before"], found[0]["after"]) == (5, None)


def test_the_phones_back_closes_the_follow_view_and_asks_first(served, browser):
    """Back, as a phone's gesture, closes the full-screen view (asking the second question
    first) instead of leaving the page, and then the page is where it was."""
    url, key = served
    browser.open(url + "desk-break.html")
    known = len(checkins(url, key))
    browser.js("document.querySelector('a.follow-link').click()")
    browser.wait("document.getElementById('follow').dataset.asking === 'before'")
    browser.js("document.querySelector('.checkin[data-when=before] .score[data-score=\"7\"]').click()")
    browser.js("history.back()")
    browser.wait("document.getElementById('follow').dataset.asking === 'after'")
    assert browser.js("location.pathname") == "/desk-break.html"
    browser.js("history.back()")  # Back again leaves the question: it is skipped, the before kept
    browser.wait("document.getElementById('follow').hidden && location.hash === ''")
    assert browser.js("location.pathname") == "/desk-break.html"
    browser.wait("document.querySelector('.checkin-said').dataset.state === 'saved'")
    found = checkins(url, key)
    assert len(found) == known + 1 and (found[-1]["before"], found[-1]["after"]) == (7, None)


def test_a_score_given_before_is_kept_when_the_page_is_left(served, browser):
    url, key = served
    browser.open(url + "desk-break.html")
    known = len(checkins(url, key))
    browser.js("document.querySelector('a.follow-link').click()")
    browser.wait("document.getElementById('follow').dataset.asking === 'before'")
    browser.js("document.querySelector('.checkin[data-when=before] .score[data-score=\"4\"]').click()")
    browser.open(url)  # the page is left mid-session: kept on the phone, sent from the next page
    browser.wait("JSON.parse(localStorage.getItem('acuguide-queue') || '[]').length === 0")
    found = checkins(url, key)
    assert len(found) == known + 1 and (found[-1]["session"], found[-1]["before"]) == ("desk-break", 4)


def test_a_key_the_computer_refuses_does_not_replace_the_one_kept(served, browser):
    url, key = served
    browser.open(url)
    assert browser.js("localStorage.getItem('acuguide-key')") == key
    browser.open(url + "?key=not-the-key-serve-printed")
    browser.wait("!!document.querySelector('.key-refused')")
    assert browser.js("localStorage.getItem('acuguide-key')") == key
    assert browser.js("location.search") == ""
    shot(browser, "key-refused")


def test_the_diary_opened_without_the_key_uses_the_one_the_phone_keeps(served, browser):
    url, key = served
    browser.open(url)
    assert browser.js("localStorage.getItem('acuguide-key')") == key
    browser.open(url + "diary")
    browser.wait("location.pathname === '/diary' && !!document.querySelector('main.diary')")
    assert browser.js("location.search") == ""


def test_the_index_marks_what_is_done_and_which_week_is_now(served, browser):
    """Week 1 done today is still this week's (a week is practised on several days); once its
    first check-in is six days old, week 2 is next."""
    url, key = served
    done = sum(c["session"] == "easing-in-week-1" for c in checkins(url, key))
    if not done:  # run alone: week 1 practised today, as the follow-along test leaves it
        record(url, key, "easing-in-week-1", 6, 3)
        done = 1
    browser.open(url)
    browser.wait("document.querySelector('.listing').dataset.diary === 'yes'")  # the list as the diary sees it
    assert browser.js("document.querySelector('li[data-slug=\"easing-in-week-1\"]').classList.contains('done')")
    mark = browser.js(
        "(m => [m.closest('li').dataset.slug, m.textContent])(document.querySelector('.group.program .mark.next'))"
    )
    assert mark == ["easing-in-week-1", "this week"]
    shot(browser, "index-this-week")
    earlier = (datetime.now(timezone.utc) - timedelta(days=7)).isoformat()
    body = json.dumps({"session": "easing-in-week-1", "before": 6, "after": 4, "at": earlier})
    browser.js(
        f"fetch('api/checkins', {{method: 'POST', headers: {{'X-Acuguide-Key': {json.dumps(key)}}}, body: {json.dumps(body)}}})"
    )
    browser.open(url)
    browser.wait("document.querySelector('.listing').dataset.diary === 'yes'")
    mark = browser.js(
        "(m => [m.closest('li').dataset.slug, m.textContent])(document.querySelector('.group.program .mark.next'))"
    )
    assert mark == ["easing-in-week-2", "next"]
    assert (
        browser.js("document.querySelector('li[data-slug=\"easing-in-week-1\"] .mark.done').textContent")
        == f"✓ done {done + 1}×"
    )
    shot(browser, "index-done")


def test_the_compose_form_shows_the_progress_and_links_the_session_when_ready(served, browser):
    url, _ = served
    browser.open(url + "compose")
    shot(browser, "compose-form")
    assert browser.js("document.querySelectorAll('fieldset.question').length") == len(
        json.loads(get(url + "api/screening")[2])["questions"]
    )
    assert browser.js(
        "[...document.querySelectorAll('fieldset.follow-up')].every(f => f.hidden)"
    )  # each only after a yes to the question it follows
    browser.js("document.querySelector('input[name=q-pregnancy][value=yes]').click()")
    assert not browser.js("[...document.querySelectorAll('fieldset[data-follows=pregnancy]')].some(f => f.hidden)")
    assert browser.js("document.querySelector('fieldset[data-id=trauma]').hidden")  # a fall's own, still hidden
    shot(browser, "compose-pregnancy", full=True)
    browser.js("document.querySelector('input[name=q-pregnancy][value=no]').click()")
    browser.js("document.querySelector('input[name=q-injury][value=yes]').click()")
    assert not browser.js("document.querySelector('fieldset[data-id=trauma]').hidden")
    browser.js("document.querySelector('input[name=q-injury][value=no]').click()")
    browser.js("document.getElementById('for').value = 'my lower back aches'")
    browser.js("document.getElementById('minutes').value = '4'")
    browser.js("document.querySelectorAll('fieldset.question:not(.follow-up) input[value=no]').forEach(i => i.click())")
    browser.js("document.querySelector('#compose button[type=submit]').click()")
    browser.wait("!document.getElementById('job').hidden")
    shot(browser, "compose-progress")
    browser.wait("document.getElementById('job').dataset.state === 'done'", timeout=300)
    shot(browser, "compose-done")
    page = browser.js("document.querySelector('.job-result a').getAttribute('href')")
    assert get(url + page)[0] == 200
    browser.open(url)
    assert browser.js(f"!!document.querySelector('.group.mine a[href=\"{page}\"]')")


def test_a_yes_on_the_form_makes_nothing_and_shows_the_advice(served, browser):
    url, _ = served
    browser.open(url + "compose")
    browser.js("document.getElementById('for').value = 'lower back'")
    browser.js("document.querySelectorAll('fieldset.question:not(.follow-up) input[value=no]').forEach(i => i.click())")
    browser.js("document.querySelector('input[name=q-fever][value=yes]').click()")
    browser.js("document.querySelector('#compose button[type=submit]').click()")
    browser.wait("!document.querySelector('.form-error').hidden")
    said = browser.js("document.querySelector('.form-error').textContent")
    assert said.startswith("No session was composed") and "See a doctor today" in said
    assert browser.js("document.getElementById('job').hidden")
    shot(browser, "compose-refused")


def test_the_diary_chart_is_drawn_without_script(served, browser):
    url, key = served
    for _ in range(2 - len(checkins(url, key))):  # run alone: two check-ins to draw
        record(url, key, "desk-break", 5, 3)
    browser.open(url)
    browser.js("document.querySelector('nav.app a[href^=diary]').click()")
    browser.wait("location.pathname === '/diary' && document.readyState === 'complete'")
    assert browser.js("location.search") == ""  # the key it was opened with is out of the address bar
    assert browser.js("[...document.scripts].some(s => s.textContent.includes('svg'))") is False  # drawn by the server
    assert browser.js("document.querySelectorAll('svg.chart circle.before').length") >= 2
    width = browser.js("document.querySelector('svg.chart').getBoundingClientRect().width")
    assert 300 <= width <= WIDTH
    shot(browser, "diary", full=True)


def test_four_weeks_of_a_program_on_the_diary_chart(folder, browser, tmp_path):
    """Three sessions a week for four weeks, pain easing from 7 to 4: each week marked where it
    began, the 30% line under the first week's average, and the fall said in words."""
    data = tmp_path / "data"
    with serving(folder, data) as (url, _):
        key = (data / "key").read_text().strip()
        start = datetime.now(timezone.utc).replace(hour=8, minute=0, second=0, microsecond=0) - timedelta(days=27)
        sent = []
        for week in range(4):
            for day in (0, 2, 4):
                before = 7 - week
                at = (start + timedelta(days=7 * week + day)).isoformat()
                sent.append(
                    {"session": f"easing-in-week-{week + 1}", "before": before, "after": max(0, before - 2), "at": at}
                )
        browser.open(url + f"?key={key}")
        browser.js(f"Promise.all({json.dumps(sent)}.map(c => fetch('api/checkins', {{method: 'POST', "
                   f"headers: {{'X-Acuguide-Key': {json.dumps(key)}}}, body: JSON.stringify(c)}})))")  # fmt: skip
        browser.open(url + f"diary?key={key}")
        labels = browser.js("[...document.querySelectorAll('svg.chart .week-label')].map(t => t.textContent)")
        assert labels == ["wk 2", "wk 3", "wk 4"]
        assert browser.js("document.querySelectorAll('svg.chart circle.before').length") == 12
        assert "43% less than the first week" in browser.js("document.querySelector('.summary').textContent")  # 7 to 4
        goal = browser.js("document.querySelector('svg.chart .goal-label').textContent")
        assert goal == "30% below week 1 (4.9)"
        assert browser.js("document.documentElement.scrollWidth") <= WIDTH  # a long path wraps
        shot(browser, "diary-four-weeks", full=True)
