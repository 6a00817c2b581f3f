"""Issue 22, as apps and people meet it: the feed read by gPodder's podcastparser and by
feedparser (chapters, transcripts, artwork, a program in week order), every picture the page,
the feed and the chapters name served as an image, a malformed Range ignored, a hostile title
shown as text everywhere, and the page in a real browser (Debian's chromium, headless): no
broken image, and a session view that follows the audio."""

from __future__ import annotations

import json
import os
import pathlib
import re
import shutil
import time
from dataclasses import replace
from xml.etree import ElementTree as ET

import feedparser
import podcastparser
import pytest
from click.testing import CliRunner
from conftest import HERE, compile_fake
from test_serve import get, serving

from acuguide import routine as routine_mod
from acuguide.cli import cli
from acuguide.errors import TimelineError
from acuguide.publish import export, site
from acuguide.publish import page as pages
from acuguide.routine import program
from acuguide.timeline.layout import Speaker
from acuguide.timeline.plan import plan_routine

pytestmark = pytest.mark.server

PROGRAM = """\
title: Timing Build-up
routine: e2e.yaml
weeks: 3
sessions_per_week: 3
hold: {from: 6s, to: 10s}
"""
ORDER = ["Timing Build-up: week 1 of 3", "Timing Build-up: week 2 of 3", "Timing Build-up: week 3 of 3", "Desk Break"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    routines = tmp_path_factory.mktemp("routines")
    shutil.copy(HERE / "routines" / "e2e.yaml", routines / "e2e.yaml")
    (routines / "build-up.yaml").write_text(PROGRAM)
    out = tmp_path_factory.mktemp("sessions")
    cache = tmp_path_factory.mktemp("cache")
    result = CliRunner().invoke(cli, ["render", str(routines / "build-up.yaml"), "desk-break", "--engine", "fake",
                                      "--cache-dir", str(cache), "-o", str(out)])  # fmt: skip
    assert result.exit_code == 0, result.output
    # the render pool finishes files in any order: week 3 first, week 1 last
    now = time.time()
    for age, name in enumerate(["build-up-week-1", "desk-break", "build-up-week-2", "build-up-week-3"]):
        os.utime(out / f"{name}.mp3", (now - 100 * age, now - 100 * age))
    return out


@pytest.fixture(scope="module")
def server(folder):
    with serving(folder) as (url, _):
        yield url


def is_image(url):
    status, headers, body = get(url)
    assert status == 200 and headers["Content-Type"].split(";")[0] in ("image/png", "image/svg+xml"), (
        url,
        status,
        headers,
    )
    assert body.startswith(b"\x89PNG") or b"<svg" in body[:200], url
    return body


def test_podcastparser_finds_chapters_transcripts_and_artwork_in_week_order(server, folder):
    feed = podcastparser.parse(server + "feed.xml", __import__("io").BytesIO(get(server + "feed.xml")[2]))
    assert feed["type"] == "serial"
    assert [e["title"] for e in feed["episodes"]] == ORDER
    assert [e["number"] for e in feed["episodes"]] == [1, 2, 3, 4]
    dates = [e["published"] for e in feed["episodes"]]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)
    is_image(feed["cover_url"])
    for episode in feed["episodes"]:
        slug = episode["enclosures"][0]["url"].rsplit("/", 1)[1].removesuffix(".mp3")
        timeline = json.loads((folder / f"{slug}.json").read_text())
        assert export.rendered(timeline).to_dict() == timeline  # what the page and feed read is what render wrote
        assert episode["chapters_json_url"] == f"{server}{slug}.chapters.json"
        assert episode["transcript_url"] == f"{server}{slug}.vtt"
        assert get(episode["transcript_url"])[2].startswith(b"WEBVTT")
        assert [c["title"] for c in episode["chapters"]] == [
            c["title"] for c in timeline["chapters"]
        ]  # Podlove Simple Chapters
        assert [c["start"] for c in episode["chapters"]] == [
            int(c["start"]) for c in timeline["chapters"]
        ]  # whole seconds
        holds = {h["point"] for h in timeline["holds"]}
        assert {c["image"].rsplit("point-", 1)[1][:-4] for c in episode["chapters"] if "image" in c} == holds
        is_image(episode["episode_art_url"])


def test_feedparser_finds_chapters_transcripts_and_artwork(server, folder):
    feed = feedparser.parse(get(server + "feed.xml")[2])
    assert not feed.bozo, feed.bozo_exception
    assert [e.title for e in feed.entries] == ORDER
    is_image(feed.feed.image.href)
    for entry in feed.entries:
        is_image(entry.image.href)
        chapters = json.loads(get(entry["podcast_chapters"]["url"])[2])["chapters"]
        assert chapters and all(c["title"] for c in chapters)
        images = [c["img"] for c in chapters if "img" in c]
        assert images and all(is_image(url) for url in set(images))
        one_sided = 0
        for chapter in chapters:  # a hold on one side: that side's picture (LI4 left, LI4 right)
            side = next((s for s in ("left", "right") if chapter["title"].endswith(f", {s}")), None)
            if side and "img" in chapter:
                assert chapter["img"].endswith(f".{side}.png"), chapter
                one_sided += 1
        assert one_sided or entry.title != "Desk Break"
        assert get(entry["podcast_transcript"]["url"])[2].startswith(b"WEBVTT")


def test_every_picture_a_page_names_is_served_as_an_image(server):
    index = get(server)[2].decode()
    names = re.findall(r'<li class="line[^"]*" data-slug="[^"]+"><a href="([^"]+)"', index)
    assert len(names) == 4
    for name in names:
        page = get(server + name)[2].decode()
        sources = set(re.findall(r'<img [^>]*src="([^"]+)"', page)) - {
            s for s in re.findall(r'<img [^>]*src="(data:[^"]+)"', page)
        }
        assert any("session-" in s for s in sources) and any("point-" in s for s in sources)
        for source in sources:
            is_image(server + source.replace("&amp;", "&"))
        points = json.loads(
            re.search(r'<script type="application/json" id="acuguide-points">(.*?)</script>', page).group(1)
        )
        for info in points.values():
            is_image(server + info["picture"])
            for side in info["sides"].values():
                is_image(server + side)


def test_the_index_groups_a_programs_weeks_in_order_and_says_which_comes_next(server):
    index = get(server)[2].decode()
    assert index.index('id="offline"') > index.rindex('<li class="line') and index.index('id="subscribe"') > 0
    program = re.search(
        r'<section class="group program" data-group="build-up"><h2>Timing Build-up.*?</section>', index, re.S
    )
    assert program, index
    weeks = re.findall(r'data-slug="([^"]+)"', program.group(0))
    assert weeks == [
        "build-up-week-1",
        "build-up-week-2",
        "build-up-week-3",
    ]  # in week order, whatever the files' times
    assert program.group(0).count('class="mark next"') == 1 and program.group(0).index("next") > program.group(0).index(
        "week-1"
    )
    assert (
        re.search(r'<section class="group mine" data-group="mine"><h2>Made for you</h2>', index) is None
    )  # none composed here
    assert re.search(r'<section class="group shipped" data-group="shipped">.*?desk-break', index, re.S)
    assert "cannot reach your home network" in index


def test_a_session_page_reads_as_text(server):
    page = get(server + "desk-break.html")[2].decode()
    article = page[page.index("<article") :]
    assert article.index("<img") < article.index("<audio")
    assert "WEBVTT" not in page and "Take your hands off the keyboard" in page  # the transcript as text
    assert 'href="desk-break.vtt">WebVTT</a>' in page  # and as a file, for those who want one
    assert "Save to this phone" in page and 'href="./"' in page
    assert '<html lang="en">' in page


@pytest.mark.parametrize("value", ["bytes=abc", "bytes=5-2", "items=0-9", "bytes=0-1,4-5", "bytes=-", "nonsense"])
def test_a_malformed_range_is_ignored(server, folder, value):
    status, headers, body = get(server + "desk-break.mp3", headers={"Range": value})
    assert status == 200 and body == (folder / "desk-break.mp3").read_bytes()
    assert get(server + "desk-break.mp3", headers={"Range": "bytes=0-9"})[0] == 206


HOSTILE = "</title><script>alert(1)</script>"


def test_everything_from_a_routine_is_escaped(tmp_path):
    timeline = {
        "title": HOSTILE, "summary": HOSTILE + " & <b>", "source": HOSTILE, "slug": "evil", "duration": 30.0, "sample_rate": 22050,
        "format": "mp3", "position": 0, "loudness": {"result": -19.0},
        "cues": [{"start": 1.0, "end": 2.0, "kind": "say", "text": HOSTILE, "step": HOSTILE}],
        "holds": [{"point": "BL23", "name": "Sea of Vitality", "side": "both", "round": 1, "tool": "hands", "start": 5.0, "end": 15.0,
                   "step": HOSTILE}],
        "chapters": [{"title": HOSTILE, "start": 0.0, "end": 30.0, "point": "BL23", "side": "both", "round": 1, "tool": "hands"}],
    }  # fmt: skip
    (tmp_path / "evil.json").write_text(json.dumps(timeline))
    (tmp_path / "evil.mp3").write_bytes(b"ID3")
    items = site.episodes(tmp_path)
    index = pages.index(items, "https://example.org/feed.xml", served=False)
    page = pages.session_page(items[0], served=True)
    assert "<script>alert" not in index and index.count("<script") == 2  # the script's words and the script
    assert "<script>alert" not in page and page.count("<script") == 3  # and the points data
    assert "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in index
    assert "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    root = ET.fromstring(site.rss(items, "https://example.org/"))
    assert root.find("channel/item/title").text == HOSTILE
    assert root.find("channel/item/{http://podlove.org/simple-chapters}chapters/*").get("title") == HOSTILE
    assert json.loads(site.chapters_json(items[0]))["chapters"][0]["title"] == HOSTILE
    assert not feedparser.parse(site.rss(items, "https://example.org/")).bozo


def _timeline_in(tmp_path, language, slug="e2e"):
    timeline = export.to_dict(compile_fake(routine_mod.load(HERE / "routines" / "e2e.yaml")))
    timeline.update({"format": "mp3", "position": 0, "loudness": {"result": -19.0}, "slug": slug})
    if language is not None:
        timeline["language"] = language
    (tmp_path / f"{slug}.json").write_text(json.dumps(timeline))
    (tmp_path / f"{slug}.mp3").write_bytes(b"ID3")


@pytest.mark.pure
@pytest.mark.parametrize("language,lang", [("de", "de"), ("fr", "fr"), (None, "en")])
def test_a_session_page_and_feed_are_in_the_timelines_language(tmp_path, language, lang):
    """The timeline's `language` ("en" when missing) is the page's `lang`, its words' language,
    the feed's `<language>` and its transcripts'."""
    _timeline_in(tmp_path, language)
    (episode,) = site.episodes(tmp_path)
    page = pages.session_page(episode, served=True)
    assert f'<html lang="{lang}">' in page
    assert f'<html lang="{lang}">' in pages.index([episode], "https://example.org/feed.xml", served=True)
    assert ET.fromstring(site.rss([episode], "https://example.org/")).find("channel/language").text == lang
    assert ("Follow along" in page) == (lang == "en")  # the page's own words are in its language


@pytest.mark.pure
@pytest.mark.parametrize("language", ["pt-BR", 'en"><script>', 5])
def test_a_timeline_in_a_language_without_a_catalog_is_not_served(tmp_path, language):
    _timeline_in(tmp_path, language)
    assert site.episodes(tmp_path) == []


@pytest.mark.pure
def test_the_index_and_feed_speak_the_language_most_sessions_are_in(tmp_path):
    _timeline_in(tmp_path, "es", "a")
    _timeline_in(tmp_path, "es", "b")
    _timeline_in(tmp_path, None, "c")
    items = site.episodes(tmp_path)
    assert site.language_of(items) == "es"
    index = pages.index(items, "https://example.org/feed.xml", served=True)
    assert '<html lang="es">' in index and "Your acupressure sessions" not in index
    assert site.language_of([]) == "en"


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(not CHROMIUM, reason="needs Debian's chromium (scripts/setup installs it)")
def test_in_a_real_browser_no_image_is_broken_and_the_session_view_follows_the_audio(server, folder, tmp_path):
    from cdp import Browser

    browser = Browser()
    try:
        browser.open(server + "desk-break.html")
        browser.wait("[...document.images].every(i => i.complete)")
        assert browser.js("[...document.images].filter(i => !(i.naturalWidth > 0)).map(i => i.src)") == []
        timeline = json.loads((folder / "desk-break.json").read_text())
        hold = timeline["holds"][1]
        browser.js("acuguideFollow.open(false)")
        browser.wait("!document.getElementById('follow').hidden && document.querySelector('.follow-name').textContent")
        assert browser.js("document.getElementById('follow').dataset.asking") == "before"  # the diary asks first
        browser.js("document.querySelector('.checkin[data-when=before] .skip').click()")
        browser.js(
            f"(async () => {{ const a = acuguideFollow.audio; a.currentTime = {hold['start'] + 2}; await a.play().catch(() => 0); }})()"
        )
        browser.wait("!acuguideFollow.audio.paused && acuguideFollow.audio.currentTime > %f" % (hold["start"] + 2.2))
        chapter = next(c for c in timeline["chapters"] if c["start"] <= hold["start"] + 2 < c["end"])
        shown = browser.js("({name: document.querySelector('.follow-name').textContent, left: document.querySelector('.follow-left').textContent,"
                           " point: document.getElementById('follow').dataset.point, picture: document.querySelector('.follow-picture').src,"
                           " loaded: document.querySelector('.follow-picture').naturalWidth})")  # fmt: skip
        assert shown["name"] == chapter["title"] and shown["point"] == hold["point"]
        side = f".{hold['side']}" if hold["side"] in ("left", "right") else ""  # a hold on one side shows that side
        assert shown["picture"].endswith(f"art/point-{hold['point']}{side}.svg") and shown["loaded"]
        left = int(re.match(r"(\d+) s left in the hold", shown["left"]).group(1))
        assert 0 < left <= round(hold["end"] - hold["start"]) - 1
        browser.js("document.querySelector('#follow .next').click()")
        following = timeline["chapters"][timeline["chapters"].index(chapter) + 1]
        browser.wait(f"document.querySelector('.follow-name').textContent === {json.dumps(following['title'])}")
        browser.wait("document.querySelector('.follow-picture').complete")
        assert browser.js("document.querySelector('.follow-picture').naturalWidth") > 0
    finally:
        browser.close()


def _own_point_routine(folder):
    """A two-week program over a routine with a point of its own points file (GB21's entry
    under the code GB99, renamed): every part of a timeline `to_dict` writes."""
    from test_pictures import open_entry

    entry = "\n".join(
        "    aliases: []" if line.lstrip().startswith("aliases:") else line for line in open_entry("GB21").splitlines()
    )
    entry = entry.replace("GB21", "GB99").replace("english: Shoulder Well", "english: My Shoulder Spot")
    (folder / "mine.yaml").write_text("points:\n" + entry + "\n", encoding="utf-8")
    (folder / "own.yaml").write_text("title: Own\npoints: mine.yaml\nsteps:\n  - point: GB99\n    hold: 10s\n    sides: each\n"
                                     "  - point: BL23\n    hold: 10s\n  - breathe: {pattern: box, cycles: 1}\n", encoding="utf-8")  # fmt: skip
    (folder / "program.yaml").write_text("title: Own Weeks\nroutine: own.yaml\nweeks: 2\nhold: {from: 8s, to: 12s}\n")
    return folder / "program.yaml"


@pytest.mark.pure
@pytest.mark.parametrize("path", sorted((HERE / "routines").glob("golden-*.yaml")), ids=lambda p: p.stem)
def test_the_timeline_read_back_is_the_script_written(path):
    script = compile_fake(routine_mod.load(path))
    assert export.from_dict(json.loads(export.to_json(script))) == script


@pytest.mark.pure
def test_a_program_week_with_its_own_points_its_speaker_and_its_spoken_text_reads_back_whole(tmp_path):
    stage = program.load(str(_own_point_routine(tmp_path))).stages[1]
    script = compile_fake(stage.routine)
    plan_ = plan_routine(stage.routine)
    script = replace(script, speaker=Speaker("fake", "en", 170), estimated=2,
                     spoken=tuple((text, text.replace("GB99", "G B 99")) for text in plan_.phrases))  # fmt: skip
    assert script.series.week == 2 and {p.code for p in script.points} == {"GB99", "BL23"}
    assert any(c.sound for c in script.cues) and any(c.point for c in script.chapters)
    data = json.loads(export.to_json(script, {"loudness": {"result": -19.0}, "format": "mp3", "position": 2}))
    assert (
        data["week"] == 2
        and data["program"]["title"] == "Own Weeks"
        and [p["code"] for p in data["points"]] == ["GB99"]
    )
    back = export.rendered(data)
    assert back.script == script and (back.format, back.position, back.loudness) == ("mp3", 2, {"result": -19.0})
    assert back.to_dict() == data


@pytest.mark.pure
@pytest.mark.parametrize("change,field", [
    (lambda d: [], "the timeline is not a JSON object"),
    (lambda d: {**d, "duration": float("nan")}, "duration"),
    (lambda d: {**d, "title": 5}, "title"),
    (lambda d: {k: v for k, v in d.items() if k != "sample_rate"}, "sample_rate"),
    (lambda d: {**d, "sample_rate": 22050.5}, "sample_rate"),
    (lambda d: {**d, "cues": [{"start": 0}]}, "cues[0]"),
    (lambda d: {**d, "cues": d["cues"][:1] + [{**d["cues"][1], "kind": "shout"}]}, "cues[1]"),
    (lambda d: {**d, "holds": [[[[0]]]]}, "holds[0]"),
    (lambda d: {**d, "holds": [{**d["holds"][0], "round": True}]}, "holds[0]"),
    (lambda d: {**d, "holds": [{**d["holds"][0], "end": -1}]}, "holds[0]"),
    (lambda d: {**d, "chapters": {"title": "x"}}, "chapters"),
    (lambda d: {**d, "week": 3}, "program"),
])  # fmt: skip
def test_a_timeline_that_is_not_the_shape_render_writes_is_refused_with_its_field_named(change, field):
    data = json.loads(export.to_json(compile_fake(routine_mod.load(HERE / "routines" / "golden-short-safety.yaml"))))
    data = {**data, "program": {"title": "P", "slug": "p"}, "week": 1, "weeks": 2}
    assert export.from_dict(data).series.week == 1
    with pytest.raises(TimelineError) as refused:
        export.from_dict(change(data))
    assert str(refused.value).startswith(field), str(refused.value)


@pytest.mark.pure
def test_texts_read_back_are_made_safe_for_xml():
    data = json.loads(export.to_json(compile_fake(routine_mod.load(HERE / "routines" / "golden-short-safety.yaml"))))
    assert export.from_dict({**data, "title": "Bad\x00\x1b[2J\ud800Title"}).title == "Bad[2JTitle"


@pytest.mark.pure
def test_an_own_point_in_a_timeline_is_drawn_only_if_it_is_the_shape_render_writes():
    from acuguide.content.points import library

    good = export._own_points(replace(compile_fake(routine_mod.load(HERE / "routines" / "golden-short-safety.yaml")),
                                      points=(replace(library().get("BL23"), code="GB99"),)))[0]  # fmt: skip
    drawn = export._own_point(good)
    assert drawn == replace(library().get("BL23"), code="GB99")
    for bad in ({"view": "nowhere", "at": [[1, 2]]}, {"view": "back", "at": []}, {"view": "back", "at": [[1e9, 2]]},
                {"view": "back", "at": [[True, 2]]}, {"view": "back", "at": [["1", 2]]}, {"view": "back", "at": [[1, 2, 3]]},
                {"view": "back", "at": [[1, 2]], "lines": [[]]}, "back"):  # fmt: skip
        assert export._own_point({**good, "picture": bad}) is None, bad
    assert export._own_point({**good, "laterality": "sideways"}) is None and export._own_point([]) is None
    assert export._own_point({**good, "cautions": "not a list"}) is None
    assert export._own_point({k: v for k, v in good.items() if k != "pinyin"}) is None


@pytest.mark.pure
def test_a_timeline_written_before_chapters_carried_their_holds_still_reads():
    """Sessions rendered by the release before issue 30 stay on the page and in the feed."""
    written = json.loads((pathlib.Path(__file__).parent / "golden" / "golden-all-kinds.json").read_text())
    for key in ("slug",):
        written.pop(key, None)
    for hold in written["holds"]:
        hold.pop("tool", None)
    for chapter in written["chapters"]:
        for key in ("point", "side", "round", "tool"):
            chapter.pop(key, None)
    script = export.from_dict(written)
    assert script.title == "Golden All Kinds" and len(script.holds) == len(written["holds"])
    assert all(c.point is None for c in script.chapters) and all(h.tool == "" for h in script.holds)
