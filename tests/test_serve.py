"""The phone path, end to end: a real server over real HTTP, its index and session pages, its
feed as a podcast parser reads it, every enclosure by HEAD and by byte range, chapters, transcripts, and the
ways people try to read files outside the folder."""

from __future__ import annotations

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from urllib.request import Request, urlopen

import feedparser
import pytest
from click.testing import CliRunner
from conftest import HERE
from mutagen.id3 import ID3

from acuguide.cli import cli
from acuguide.publish import export

pytestmark = pytest.mark.server

E2E = str(HERE / "routines" / "e2e.yaml")


@pytest.fixture(scope="module")
def sessions(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sessions")
    cache = tmp_path_factory.mktemp("cache")
    result = CliRunner().invoke(
        cli, ["render", E2E, "desk-break", "--engine", "fake", "--cache-dir", str(cache), "-o", str(folder)]
    )
    assert result.exit_code == 0, result.output
    (folder / ".e2e.mp3.0123.partial.mp3").write_bytes(b"half a render")
    outside = tmp_path_factory.mktemp("outside") / "secret.mp3"
    outside.write_bytes(b"not yours")
    os.symlink(outside, folder / "link.mp3")
    return folder


@contextmanager
def serving(folder, data=None, *options):
    """`acuguide serve FOLDER` on a free loopback port, as a real process, its diary and key in
    `data` (a fresh folder if not given): (its address, its port)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = data or tempfile.mkdtemp(prefix="acuguide-data-")
    process = subprocess.Popen([sys.executable, "-m", "acuguide", "serve", str(folder), "--host", "127.0.0.1", "--port", str(port),
                                "--data-dir", str(data), *options],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail(f"the server did not start: {process.stderr.read()}")
    try:
        yield f"http://127.0.0.1:{port}/", port
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="module")
def server(sessions):
    with serving(sessions) as served:
        yield served


def get(url, method="GET", headers=None):
    with urlopen(Request(url, method=method, headers=headers or {}), timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def raw(port, path, method="GET"):
    """A request with the path sent exactly as written: urllib would normalise it."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest(method, path, skip_accept_encoding=True)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def test_the_index_links_the_feed_and_a_page_per_session_each_with_one_player(server):
    url, _ = server
    status, headers, body = get(url)
    page = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert re.search(
        r'<link rel="alternate" type="application/rss\+xml"[^>]*href="http://127\.0\.0\.1:\d+/feed\.xml"', page
    )
    assert "Timing Check" in page and "Desk Break" in page
    assert "<audio" not in page  # a line a session, no players
    assert re.findall(r'<li class="line[^"]*" data-slug="([^"]+)"><a href="([^"]+)"', page) == [
        ("e2e", "e2e.html"), ("desk-break", "desk-break.html")]  # fmt: skip
    assert 'href="antennapod-subscribe://127.0.0.1:' in page and "Follow a Show by URL" in page
    assert "cannot reach your home network" in page  # podcast apps that fetch on their own servers
    for name, audio in (("e2e.html", "e2e.mp3"), ("desk-break.html", "desk-break.mp3")):
        status, headers, body = get(url + name)
        session = body.decode()
        assert status == 200 and headers["Content-Type"].startswith("text/html")
        assert session.count("<audio") == 1  # one player, its length known before play
        assert f'<audio class="player" controls preload="metadata" src="{audio}">' in session
    assert raw(server[1], "/nothing.html")[0] == 404


def test_the_feed_parses_as_a_podcast_and_every_enclosure_serves_ranges(server, sessions):
    url, _ = server
    page = get(url)[2].decode()
    feed_url = re.search(r'<link rel="alternate" type="application/rss\+xml"[^>]*href="([^"]+)"', page).group(1)
    feed = feedparser.parse(get(feed_url)[2])
    assert not feed.bozo, feed.bozo_exception
    assert [e.title for e in feed.entries] == ["Timing Check", "Desk Break"]  # the order they were rendered in
    for entry in feed.entries:
        enclosure = entry.enclosures[0]
        name = enclosure.href.rsplit("/", 1)[1]
        data = (sessions / name).read_bytes()
        assert enclosure.type == "audio/mpeg" and int(enclosure.length) == len(data)
        assert entry.itunes_duration == str(
            round(json.loads((sessions / name.replace(".mp3", ".json")).read_text())["duration"])
        )
        status, headers, body = get(enclosure.href, method="HEAD")
        assert status == 200 and body == b"" and int(headers["Content-Length"]) == len(data)
        assert headers["Content-Type"] == "audio/mpeg" and headers["Accept-Ranges"] == "bytes"
        status, headers, body = get(enclosure.href, headers={"Range": "bytes=1000-1999"})
        assert status == 206 and body == data[1000:2000]
        assert headers["Content-Range"] == f"bytes 1000-1999/{len(data)}"
        assert entry.guid.startswith("acuguide-")
        # chapters (Podcasting 2.0 JSON) are the MP3's own ID3 chapters
        chapters_url = next(v for k, v in entry.items() if k == "podcast_chapters")["url"]
        chapters = json.loads(get(chapters_url)[2])["chapters"]
        tags = ID3(sessions / name)
        id3 = [
            (tags[f"CHAP:{c}"].start_time, tags[f"CHAP:{c}"].sub_frames["TIT2"].text[0])
            for c in tags.getall("CTOC")[0].child_element_ids
        ]
        assert [(round(c["startTime"] * 1000), c["title"]) for c in chapters] == id3
        transcript_url = next(v for k, v in entry.items() if k == "podcast_transcript")["url"]
        status, headers, body = get(transcript_url)
        assert headers["Content-Type"].startswith("text/vtt") and body.startswith(b"WEBVTT")


@pytest.mark.parametrize("path", [
    "/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "//etc/passwd", "/etc/passwd",
    "/%2Fetc%2Fpasswd", "/link.mp3", "/.e2e.mp3.0123.partial.mp3", "/../outside/secret.mp3", "/e2e.mp3/..", "/nothing.mp3",
])  # fmt: skip
def test_nothing_outside_the_folder_is_ever_served(server, path):
    status, body = raw(server[1], path)
    assert status in (400, 403, 404), (path, status)
    assert b"root:" not in body and b"not yours" not in body and b"half a render" not in body


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE"])
def test_it_accepts_no_uploads(server, method):
    status, _ = raw(server[1], "/e2e.mp3", method)
    assert status == 405


def test_render_site_writes_the_same_feed_and_page_as_static_files(tmp_path):
    out = tmp_path / "site"
    result = CliRunner().invoke(cli, ["render", E2E, "--engine", "fake", "--cache-dir", str(tmp_path / "c"), "-o", str(out),
                                      "--site", "https://example.org/sessions/"])  # fmt: skip
    assert result.exit_code == 0, result.output
    feed = feedparser.parse((out / "feed.xml").read_text())
    assert not feed.bozo and feed.entries[0].enclosures[0].href == "https://example.org/sessions/e2e.mp3"
    assert (out / "e2e.chapters.json").is_file()
    index = (out / "index.html").read_text()
    assert 'href="e2e.html"' in index and "<audio" not in index
    session = (out / "e2e.html").read_text()
    pictures = set(re.findall(r'<img [^>]*src="(art/[^"]+)"', session))
    assert pictures and all((out / p).is_file() for p in pictures)  # the static page's pictures are written beside it
    assert 'data-served="no"' in session and 'class="checkin"' not in session  # no diary without the server
    assert (out / "art" / "cover.png").read_bytes().startswith(b"\x89PNG")
    chapters = json.loads((out / "e2e.chapters.json").read_text())["chapters"]
    assert any(c.get("img", "").startswith("https://example.org/sessions/art/point-") for c in chapters)
    assert 'href="https://example.org/sessions/feed.xml"' in (out / "index.html").read_text()
    bad = CliRunner().invoke(
        cli,
        ["render", E2E, "--engine", "fake", "--cache-dir", str(tmp_path / "c"), "-o", str(out), "--site", "sessions"],
    )
    assert (
        bad.exit_code == 2
        and "Invalid value for '--site': needs the address the folder will be published at" in bad.output
    )


def test_serve_prints_the_address_and_a_qr_code(tmp_path):
    from acuguide.app import serve

    assert serve.qr_text("http://192.168.1.5:8765/").count("\n") > 10
    address = serve.lan_address()
    assert address is None or not address.startswith("127.")


def test_a_routines_own_point_is_drawn_on_the_served_page_and_in_the_feed(tmp_path):
    """A point of the routine's own points file (GB21's entry under the code GB99) with a
    `picture`: the render carries it in the timeline, and the served page, its pictures, the
    chapters JSON and the feed draw it where that entry says, for each side it is held on."""
    import xml.etree.ElementTree as ET

    from test_pictures import _svg_marks, open_entry

    from acuguide.content import pictures
    from acuguide.content.points import library

    entry = "\n".join(
        "    aliases: []" if line.lstrip().startswith("aliases:") else line for line in open_entry("GB21").splitlines()
    )
    entry = entry.replace("GB21", "GB99").replace("english: Shoulder Well", "english: My Shoulder Spot")
    (tmp_path / "mine.yaml").write_text("points:\n" + entry + "\n", encoding="utf-8")
    (tmp_path / "own.yaml").write_text("title: Own\npoints: mine.yaml\nsteps:\n  - point: GB99\n    hold: 10s\n    sides: each\n",
                                       encoding="utf-8")  # fmt: skip
    folder = tmp_path / "out"
    result = CliRunner().invoke(cli, ["render", str(tmp_path / "own.yaml"), "--engine", "fake",
                                      "--cache-dir", str(tmp_path / "cache"), "-o", str(folder)])  # fmt: skip
    assert result.exit_code == 0, result.output
    timeline = json.loads((folder / "own.json").read_text(encoding="utf-8"))
    assert [p["code"] for p in timeline["points"]] == ["GB99"]
    assert export.rendered(timeline).to_dict() == timeline
    sides = {h["side"] for h in timeline["holds"]}
    assert sides == {"left", "right"}
    shipped = _svg_marks(pictures.point_svg(library().get("GB21")))[1]
    with serving(folder) as (base, _):
        _, _, page = get(base + "own.html")
        page = page.decode("utf-8")
        assert 'src="art/point-GB99.svg"' in page and "My Shoulder Spot" in page
        status, headers, svg = get(base + "art/point-GB99.svg")
        assert status == 200 and headers["Content-Type"].startswith("image/svg+xml")
        assert _svg_marks(svg.decode("utf-8"))[1] == shipped  # drawn where the own entry says
        assert b"My Shoulder Spot" in svg
        for side in sides:  # each side held gets its side's picture, as PNG for apps
            _, _, one = get(base + f"art/point-GB99.{side}.svg")
            assert list(_svg_marks(one.decode("utf-8"))[1]) == [side]
            status, headers, png = get(base + f"art/point-GB99.{side}.png")
            assert status == 200 and png.startswith(b"\x89PNG")
        _, _, cover = get(base + "art/session-own.svg")
        assert b'data-point="GB99"' in cover
        _, _, chapters = get(base + "own.chapters.json")
        images = [c["img"] for c in json.loads(chapters)["chapters"] if "img" in c]
        assert sorted(i.rsplit("/", 1)[1] for i in images) == ["point-GB99.left.png", "point-GB99.right.png"]
        _, _, feed = get(base + "feed.xml")
        marks = [
            e.get("image")
            for e in ET.fromstring(feed).iter("{http://podlove.org/simple-chapters}chapter")
            if e.get("image")
        ]
        assert marks and all(get(url)[0] == 200 for url in marks)
