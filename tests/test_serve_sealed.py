"""Issue 28, the server: everything `serve` reads for the page, the feed, the chapters and the
downloads resolves inside its folder and is a regular file of a sane size; what is not is
left out, never read, never shown. A real server process, over real HTTP."""

from __future__ import annotations

import json
import os
import shutil
import socket
from urllib.error import HTTPError

import feedparser
import pytest
from click.testing import CliRunner
from test_serve import get, raw, serving

from acuguide.cli import cli
from acuguide.publish.folder import write_site

pytestmark = pytest.mark.server

SECRET = "SECRET-OUTSIDE-TITLE"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A folder with one good session and every kind of timeline that must not be read."""
    folder = tmp_path_factory.mktemp("served")
    routine = tmp_path_factory.mktemp("src") / "good.yaml"
    routine.write_text("title: Good Session\nbells: off\nsteps:\n  - say: Hello there.\n")
    result = CliRunner().invoke(cli, ["render", str(routine), "--engine", "fake", "-o", str(folder),
                                      "--cache-dir", str(tmp_path_factory.mktemp("cache"))])  # fmt: skip
    assert result.exit_code == 0, result.output
    good = json.loads((folder / "good.json").read_text())
    outside = tmp_path_factory.mktemp("outside")
    secret = {**good, "title": SECRET, "summary": SECRET, "cues": [{**c, "text": SECRET} for c in good["cues"]]}
    (outside / "secret.json").write_text(json.dumps(secret))
    os.symlink(outside / "secret.json", folder / "evil.json")  # a link to a timeline elsewhere
    shutil.copy(folder / "good.mp3", folder / "evil.mp3")
    os.mkfifo(folder / "fifo.json")  # would block a reader for ever
    shutil.copy(folder / "good.mp3", folder / "fifo.mp3")
    os.symlink("/dev/zero", folder / "zero.json")  # would read until memory runs out
    shutil.copy(folder / "good.mp3", folder / "zero.mp3")
    os.symlink(folder / "loop2.json", folder / "loop.json")
    os.symlink(folder / "loop.json", folder / "loop2.json")
    (folder / "big.json").write_text(json.dumps({**good, "title": "BIG", "pad": "x" * 9_000_000}))
    shutil.copy(folder / "good.mp3", folder / "big.mp3")
    (outside / "secret.mp3").write_bytes((folder / "good.mp3").read_bytes())
    (folder / "audiolink.json").write_text(json.dumps({**good, "title": "AUDIOLINK"}))
    os.symlink(outside / "secret.mp3", folder / "audiolink.mp3")  # its audio lives elsewhere
    (folder / "fifoaudio.json").write_text(json.dumps({**good, "title": "FIFOAUDIO"}))
    os.mkfifo(folder / "fifoaudio.mp3")
    for name, data in {
        "badformat": {**good, "format": "../../x"}, "flac": {**good, "format": "flac"}, "nan": {**good, "duration": float("nan")},
        "notext": {**good, "title": 5}, "nocues": {**good, "cues": [{"start": 0}]}, "deep": {**good, "holds": [[[[0]]]]},
        "control": {**good, "title": "Bad\x00\x1b[2J\ud800Title"},
    }.items():  # fmt: skip
        (folder / f"{name}.json").write_text(json.dumps(data))
        shutil.copy(folder / "good.mp3", folder / f"{name}.mp3")
    for odd in ("sp ace", "pct%41", "a#b", "\u00fc"):  # names render never writes: listed, they could not be fetched
        (folder / f"{odd}.json").write_text(json.dumps({**good, "title": "ODD NAME"}))
        shutil.copy(folder / "good.mp3", folder / f"{odd}.mp3")
    raw = os.fsencode(folder) + b"/\xff\xfe"  # bytes that are not UTF-8
    with open(raw + b".json", "wb") as handle:
        handle.write(json.dumps({**good, "title": "ODD NAME"}).encode())
    shutil.copy(folder / "good.mp3", os.fsdecode(raw + b".mp3"))
    (folder / "recursion.json").write_text("[" * 100_000 + "]" * 100_000)
    (folder / ("x" * 250 + ".json")).write_text(json.dumps(good))
    shutil.copy(folder / "good.mp3", folder / ("x" * 250 + ".mp3"))
    return folder


@pytest.fixture(scope="module")
def server(hostile):
    with serving(hostile) as served:  # it starts at all: a FIFO once blocked it before it listened
        yield served


def test_the_page_and_the_feed_show_only_sessions_from_inside_the_folder(server):
    url, _ = server
    page = get(url)[2].decode()
    feed_text = get(url + "feed.xml")[2]
    feed = feedparser.parse(feed_text)
    assert not feed.bozo, feed.bozo_exception
    titles = [e.title for e in feed.entries]
    assert "Good Session" in titles
    for text in (page, feed_text.decode()):
        assert SECRET not in text
        for left_out in ("BIG", "AUDIOLINK", "FIFOAUDIO"):
            assert f">{left_out}<" not in text
    assert "\x1b" not in page and "\x00" not in feed_text.decode()


@pytest.mark.parametrize("name", ["evil", "fifo", "zero", "loop", "big", "audiolink", "fifoaudio", "badformat", "nan"])
def test_chapters_and_downloads_of_what_is_left_out_are_404(server, name):
    url, port = server
    assert raw(port, f"/{name}.chapters.json")[0] == 404
    status, body = raw(port, f"/{name}.json")  # a regular file in the folder is a download like any other
    assert status == (404 if name in ("evil", "fifo", "zero", "loop") else 200), name
    assert SECRET.encode() not in body
    with pytest.raises(HTTPError) as error:
        get(url + "evil.json")
    assert error.value.code == 404


def test_a_300_character_name_is_404_not_500(server):
    _, port = server
    for path in (
        "/" + "a" * 300 + ".mp3",
        "/" + "a" * 300 + ".chapters.json",
        "/art/point-" + "A" * 300 + ".png",
        "/" + "a" * 5000,
    ):
        status, _ = raw(port, path)
        assert status in (404, 414), (path[:40], status)


@pytest.mark.parametrize(
    "header,expected", [("bytes=-0", 416), ("bytes=0-0", 206), ("bytes=-1", 206), ("bytes=99999999-", 416)]
)
def test_a_zero_length_suffix_range_is_416(server, header, expected):
    url, _ = server
    try:
        status, headers, _ = get(url + "good.mp3", headers={"Range": header})
    except HTTPError as error:
        status, headers = error.code, dict(error.headers)
    assert status == expected, header
    if expected == 416:
        assert headers["Content-Range"].startswith("bytes */")


def test_render_site_over_the_hostile_folder_writes_nothing_from_outside(hostile, tmp_path):
    folder = tmp_path / "copy"
    shutil.copytree(hostile, folder, symlinks=True, ignore=shutil.ignore_patterns("fifo*", "*.chapters.json"))

    write_site(folder, "https://example.org/s/")
    for written in folder.iterdir():
        if (
            written.is_file()
            and not written.is_symlink()
            and written.suffix in (".xml", ".html")
            or written.name.endswith(".chapters.json")
        ):
            assert SECRET not in written.read_text(errors="replace"), written.name


def test_odd_names_are_not_listed_and_a_host_that_is_not_text_still_gets_the_page(server):
    url, port = server
    for path in ("", "feed.xml"):
        status, _, body = get(url + path)
        assert status == 200 and b"ODD NAME" not in body
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(b"GET /feed.xml HTTP/1.1\r\nHost: \xff\xfe\r\nConnection: close\r\n\r\n")
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 200") and b"good.mp3" in answer
