"""Serve a folder of rendered sessions to phones on the local network, read-only.

aiohttp does the HTTP: its `FileResponse` answers HEAD and byte ranges (206 Partial Content,
which phones' players need and Python's `http.server` lacks) with the right content type.
What is served is decided here: only regular files directly inside the folder with the
extensions a session has, never a dotfile (a render in progress), never a link pointing
out, never `..` in any spelling. The page and the feed are made per request from the
files on disk, with the address the phone used, so they are always current; so are the
pictures under `art/` (drawn from the point library and the
routines' own points the timelines carry, see `site.art`); `site.episodes` reads
only timelines that are regular files inside the folder. A malformed Range header is ignored
(the whole file, 200), as RFC 9110 allows, instead of refused; a suffix range of zero bytes
cannot be satisfied (416).
"""

from __future__ import annotations

import asyncio
import logging
import re
import socket
from pathlib import Path

from aiohttp import hdrs, web
from aiohttp.http_exceptions import HttpProcessingError
from multidict import CIMultiDict

from ..errors import ServeError
from . import page
from . import site as publish

SERVED = {".mp3", ".ogg", ".wav", ".vtt", ".srt", ".json", ".m3u"}
CONTENT_TYPES = {
    ".vtt": "text/vtt",
    ".srt": "application/x-subrip",
    ".m3u": "audio/x-mpegurl",
    ".json": "application/json",
}
NAME = publish.NAME  # a session's own file names; anything else is 404
HOST = re.compile(r"[A-Za-z0-9.-]+(?::[0-9]{1,5})?|\[[0-9A-Fa-f:.]+\](?::[0-9]{1,5})?")  # a name or address, and a port
EMPTY_SUFFIX = re.compile(r"\s*bytes\s*=\s*-\s*0+\s*")  # the last zero bytes: RFC 9110 14.1.1 says unsatisfiable


def app(folder: Path) -> web.Application:
    root = Path(folder).resolve()

    def base(request: web.Request) -> str:
        """The address the phone used, for the page's and feed's links; a Host header that is
        no host name (missing, or bytes that are not text) gives this server's own address."""
        host = request.headers.get(hdrs.HOST, "")
        if not HOST.fullmatch(host):
            sockname = request.transport.get_extra_info("sockname") if request.transport else None
            host = f"{sockname[0]}:{sockname[1]}" if sockname and ":" not in sockname[0] else "localhost"
        return f"{request.scheme}://{host}/"

    async def index(request: web.Request) -> web.Response:
        items = publish.episodes(root)
        return web.Response(
            text=page.render(items, base(request) + publish.FEED, served=True), content_type="text/html"
        )

    async def feed(request: web.Request) -> web.Response:
        return web.Response(text=publish.rss(publish.episodes(root), base(request)), content_type="application/rss+xml")

    async def file(request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if name.endswith(".chapters.json"):
            episode = next((e for e in publish.episodes(root) if f"{e.slug}.chapters.json" == name), None)
            if episode is None:
                raise web.HTTPNotFound()
            return web.Response(
                text=publish.chapters_json(episode, base(request)), content_type="application/json+chapters"
            )
        path = _inside(root, name)
        if EMPTY_SUFFIX.fullmatch(request.headers.get(hdrs.RANGE, "")):  # aiohttp would answer it with the whole file
            raise web.HTTPRequestRangeNotSatisfiable(headers={hdrs.CONTENT_RANGE: f"bytes */{path.stat().st_size}"})
        headers = {"Content-Type": CONTENT_TYPES[path.suffix]} if path.suffix in CONTENT_TYPES else None
        return WholeOnBadRange(path, headers=headers)

    async def picture(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if not NAME.fullmatch(name):
            raise web.HTTPNotFound()
        found = await asyncio.get_running_loop().run_in_executor(None, publish.art, publish.episodes(root), name)
        if found is None:
            raise web.HTTPNotFound()
        return web.Response(body=found[0], content_type=found[1], headers={"Cache-Control": "max-age=300"})

    application = web.Application()
    application.router.add_get("/", index)
    application.router.add_get("/" + publish.PAGE, index)
    application.router.add_get("/" + publish.FEED, feed)
    application.router.add_get(f"/{publish.ART}/{{name}}", picture)
    application.router.add_get("/{name}", file)  # GET routes answer HEAD too
    return application


class WholeOnBadRange(web.FileResponse):
    """A file answer that ignores a malformed Range header (RFC 9110 14.2: a server MAY ignore
    it) with the whole file and 200, rather than refusing it; a well-formed range it cannot
    satisfy is still 416."""

    async def prepare(self, request: web.BaseRequest):
        try:
            _ = request.http_range  # raises ValueError when malformed
        except ValueError:
            headers = CIMultiDict(request.headers)
            headers.popall(hdrs.RANGE, None)
            request = request.clone(headers=headers)
        return await super().prepare(request)


def _inside(root: Path, name: str) -> Path:
    """The file `name` directly inside `root`, or 404: the one gate every file passes."""
    if not NAME.fullmatch(name) or Path(name).suffix not in SERVED:
        raise web.HTTPNotFound()
    path = root / name
    try:
        linked = path.is_symlink()
    except OSError:
        linked = True
    if linked or not publish.inside(root, path):
        raise web.HTTPNotFound()
    return path


def welcome(folder: Path, host: str, port: int) -> str:
    """What `acuguide serve` says before it serves: how many sessions, and where a phone
    opens them (with a QR code). Refuses a folder that is not there, or a port that is taken."""
    if not folder.is_dir():
        raise ServeError(
            f"{folder}: no such folder; render a session into it first (acuguide render lower-back -o {folder})"
        )
    check_port(host, port)
    count = len(publish.episodes(folder))
    hint = f"; render one first: acuguide render lower-back -o {folder}" if not count else ""
    lines = [f"Serving {count} session{'s' if count != 1 else ''} from {folder}{hint}."]
    if host.startswith("127.") or host in ("localhost", "::1"):
        lines.append(
            f"Only this computer can reach it (--host {host}); for a phone, leave out --host. Open:\n\n  http://{host}:{port}/\n"
        )
    else:
        url = f"http://{lan_address() or 'localhost'}:{port}/"
        lines += [f"On a phone on the same Wi-Fi, open:\n\n  {url}\n", qr_text(url)]
    return "\n".join(lines)


def check_port(host: str, port: int) -> None:
    """Refuse a port that is taken before printing an address nobody can open."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise ServeError(
                f"cannot listen on {host} port {port} ({error.strerror}); try another, e.g. --port {port + 1}"
            ) from None


def lan_address() -> str | None:
    """The address other machines on this network reach us at: the one the default route
    uses. A UDP socket's connect() only consults the routing table; nothing is sent."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: documentation only, never a real host
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def qr_text(url: str) -> str:
    """The address as a QR code for a terminal, for a phone's camera."""
    import io

    import segno

    out = io.StringIO()
    segno.make(url, error="m").terminal(out=out, compact=True)
    return out.getvalue()


class _ClientMistakes(logging.Filter):
    """A request line too long, a header that is not HTTP: aiohttp answers 400 and logs the
    parser's traceback; that is the client's mistake, not the server's, so it goes unlogged."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        return not isinstance(error, HttpProcessingError)


def run(folder: Path, host: str, port: int) -> None:
    """Serve until Ctrl-C or SIGTERM."""
    logging.getLogger("aiohttp.server").addFilter(_ClientMistakes())
    web.run_app(app(folder), host=host, port=port, print=lambda line: None, access_log=None, handle_signals=True)
