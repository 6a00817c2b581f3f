"""Serve a folder of rendered sessions to phones on the local network: its index and a page
per session, the audio and the feed, open to anyone on the network as before; and, behind the
key (`X-Acuguide-Key`, or `?key=` in the address `serve` prints), the pain diary and sessions
composed from the phone. What a phone sends is checked field by field (400 with the reason).

The session files are read-only: nothing a phone sends is written into the folder but what
`render` writes for a composed session.

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
from dataclasses import asdict
from pathlib import Path

from aiohttp import hdrs, web
from aiohttp.http_exceptions import HttpProcessingError
from multidict import CIMultiDict

from ..compose import screening
from ..errors import AcuguideError, ServeError
from ..publish import page
from ..publish import site as publish
from . import Invalid, data_dir, diary, key, pages, private_dir
from .jobs import Jobs, prepare

SERVED = {".mp3", ".ogg", ".wav", ".vtt", ".srt", ".json", ".m3u"}
CONTENT_TYPES = {
    ".vtt": "text/vtt",
    ".srt": "application/x-subrip",
    ".m3u": "audio/x-mpegurl",
    ".json": "application/json",
}
NAME = publish.NAME  # a session's own file names; anything else is 404
HOST = re.compile(r"[A-Za-z0-9.-]+(?::[0-9]{1,5})?|\[[0-9A-Fa-f:.]+\](?::[0-9]{1,5})?")  # a name or address, and a port
KEY_HEADER = "X-Acuguide-Key"
FORBIDDEN = "the diary and composing need the key: open the address acuguide serve printed (it ends in ?key=...) once"
COMPOSED = "composed"  # routines composed from the phone, kept in the data folder
MAX_BODY = 64 * 1024  # bytes of a request: a check-in or a form is well under 2 KB
EMPTY_SUFFIX = re.compile(r"\s*bytes\s*=\s*-\s*0+\s*")  # the last zero bytes: RFC 9110 14.1.1 says unsatisfiable


def app(
    folder: Path, data: Path | None = None, engine: str | None = None, cache_dir: Path | None = None
) -> web.Application:
    """The phone app over `folder`; the diary, the key and composed routines in `data`;
    sessions composed from the phone spoken by `engine` (None: the routine's own voice)."""
    root = Path(folder).resolve()
    data = Path(data) if data else data_dir()
    secret = key.secret_key(data)
    kept = diary.Diary(data)
    jobs = Jobs(root, private_dir(data / COMPOSED), engine, cache_dir)

    def base(request: web.Request) -> str:
        """The address the phone used, for the page's and feed's links; a Host header that is
        no host name (missing, or bytes that are not text) gives this server's own address."""
        host = request.headers.get(hdrs.HOST, "")
        if not HOST.fullmatch(host):
            sockname = request.transport.get_extra_info("sockname") if request.transport else None
            host = f"{sockname[0]}:{sockname[1]}" if sockname and ":" not in sockname[0] else "localhost"
        return f"{request.scheme}://{host}/"

    def allowed(request: web.Request) -> bool:
        """The key, as the page sends it (a header), or in the address serve printed."""
        return key.matches(request.headers.get(KEY_HEADER) or request.query.get("key"), secret)

    def language() -> str:
        """The language of the app's own pages and of the sessions composed from the phone:
        the one most served sessions are in."""
        return publish.language_of(publish.episodes(root))

    def private(handler):
        async def checked(request: web.Request) -> web.StreamResponse:
            if not allowed(request):
                if request.path.startswith("/api/"):
                    return web.json_response({"error": FORBIDDEN}, status=403)
                return web.Response(text=pages.forbidden_page(language()), content_type="text/html", status=403)
            return await handler(request)

        return checked

    async def body(request: web.Request) -> object:
        try:
            return await request.json()
        except (ValueError, UnicodeDecodeError):
            raise Invalid("the body is not JSON; send a JSON object with Content-Type: application/json") from None

    def invalid(reason: str) -> web.Response:
        return web.json_response({"error": reason}, status=400)

    async def index(request: web.Request) -> web.Response:
        items = publish.episodes(root)
        done, shown_key = (kept.done(), request.query.get("key", "")) if allowed(request) else ({}, "")
        return web.Response(
            text=page.index(items, base(request) + publish.FEED, served=True, done=done, key=shown_key),
            content_type="text/html",
        )

    async def feed(request: web.Request) -> web.Response:
        return web.Response(text=publish.rss(publish.episodes(root), base(request)), content_type="application/rss+xml")

    async def file(request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if name.endswith((".chapters.json", ".html")):
            episode = next(
                (e for e in publish.episodes(root) if name in (f"{e.slug}.chapters.json", page.page_name(e))), None
            )
            if episode is None:
                raise web.HTTPNotFound()
            if name.endswith(".html"):
                return web.Response(text=page.session_page(episode, served=True), content_type="text/html")
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

    async def compose_form(request: web.Request) -> web.Response:
        return web.Response(text=pages.compose_page(language()), content_type="text/html")

    async def questions(request: web.Request) -> web.Response:
        asked = [
            {"id": q.id, "text": q.text, **({"follows": q.follows} if q.follows else {})}
            for q in screening.questions(language())
        ]
        return web.json_response({"questions": asked})

    @private
    async def compose(request: web.Request) -> web.Response:
        try:
            sent = await body(request)
            composed = await asyncio.get_running_loop().run_in_executor(None, prepare, sent, engine, language())
        except Invalid as error:
            return invalid(str(error))
        except screening.Refused as error:  # a sign that needs a doctor: the advice, and nothing composed
            return web.json_response({"refused": True, "error": str(error)}, status=422)
        except AcuguideError as error:  # a complaint not known, minutes too short for it...
            return web.json_response({"error": str(error)}, status=422)
        job = jobs.submit(composed)
        return web.json_response(job.to_dict(), status=202)

    @private
    async def job(request: web.Request) -> web.Response:
        found = jobs.get(request.match_info["id"])
        if found is None:
            return web.json_response({"error": "no such job (the server keeps jobs until it stops)"}, status=404)
        return web.json_response(found.to_dict())

    @private
    async def add_checkin(request: web.Request) -> web.Response:
        try:
            served = {e.slug: _session(e) for e in publish.episodes(root)}
            checkin = diary.check_in(await body(request), served)
        except Invalid as error:
            return invalid(str(error))
        new = kept.add(checkin)
        return web.json_response({"id": checkin.id, "kept": new, "duplicate": not new}, status=201 if new else 200)

    @private
    async def checkins(request: web.Request) -> web.Response:
        return web.json_response({"checkins": [asdict(c) for c in kept.all()]})

    @private
    async def diary_page(request: web.Request) -> web.Response:
        return web.Response(text=pages.diary_page(kept.all(), str(kept.path), language()), content_type="text/html")

    async def stop(application: web.Application) -> None:
        jobs.close()
        kept.close()

    application = web.Application(client_max_size=MAX_BODY)
    application.on_cleanup.append(stop)
    application.router.add_get("/", index)
    application.router.add_get("/" + publish.PAGE, index)
    application.router.add_get("/" + publish.FEED, feed)
    application.router.add_get(f"/{publish.ART}/{{name}}", picture)
    application.router.add_get("/compose", compose_form)
    application.router.add_get("/diary", diary_page)
    application.router.add_get("/api/screening", questions)
    application.router.add_post("/api/compose", compose)
    application.router.add_get("/api/jobs/{id}", job)
    application.router.add_post("/api/checkins", add_checkin)
    application.router.add_get("/api/checkins", checkins)
    application.router.add_get("/{name}", file)  # GET routes answer HEAD too
    return application


def _session(episode: publish.Episode) -> diary.Session:
    series = episode.series
    return diary.Session(episode.slug, episode.title, series.program if series else "", series.week if series else None)


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


def welcome(folder: Path, host: str, port: int, data: Path | None = None) -> str:
    """What `acuguide serve` says before it serves: how many sessions, where the diary is kept,
    and the address a phone opens (with the key, and as a QR code). Refuses a folder that is
    not there, or a port that is taken."""
    if not folder.is_dir():
        raise ServeError(
            f"{folder}: no such folder; render a session into it first (acuguide render lower-back -o {folder})"
        )
    check_port(host, port)
    data = Path(data) if data else data_dir()
    secret = key.secret_key(data)
    count = len(publish.episodes(folder))
    hint = f"; render one first: acuguide render lower-back -o {folder}" if not count else ""
    lines = [
        f"Serving {count} session{'s' if count != 1 else ''} from {folder}{hint}.",
        f"The pain diary and the key are kept in {data} (only you can read them).",
    ]
    if host.startswith("127.") or host in ("localhost", "::1"):
        url = f"http://{host}:{port}/?key={secret}"
        lines.append(
            f"Only this computer can reach it (--host {host}); for a phone, leave out --host. Open:\n\n  {url}\n"
        )
    else:
        url = f"http://{lan_address() or 'localhost'}:{port}/?key={secret}"
        lines += [
            f"On a phone on the same Wi-Fi, open (the key in it keeps your diary private):\n\n  {url}\n",
            qr_text(url),
        ]
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


def run(folder: Path, host: str, port: int, data: Path | None = None, engine: str | None = None,
        cache_dir: Path | None = None) -> None:  # fmt: skip
    """Serve until Ctrl-C or SIGTERM."""
    logging.getLogger("aiohttp.server").addFilter(_ClientMistakes())
    served = app(folder, data, engine, cache_dir)
    web.run_app(served, host=host, port=port, print=lambda line: None, access_log=None, handle_signals=True)
