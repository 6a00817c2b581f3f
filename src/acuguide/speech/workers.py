"""Speak many phrases on every core: spawned worker processes, each with its engine loaded.

Each worker is *spawned* (never forked: pyttsx3 hangs after a fork) and loads its engine
once for its life, so Piper's voice is read once per worker, not once per phrase. A worker
that does not answer within the timeout is killed, and the phrase it was speaking is named
in the error; a failure is an error, never silence.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
from collections.abc import Iterator
from multiprocessing.connection import Connection, wait

from ..errors import SpeechError
from .engine import Clip, Engine


class Workers:
    def __init__(self, engine: Engine, size: int, timeout: float):
        self.engine = engine
        self.size = max(1, size)
        self.timeout = timeout
        self._workers: list[_Worker] = []

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in self._workers:
            worker.stop()
        self._workers = []

    def speak(self, texts: list[str]) -> Iterator[tuple[str, Clip]]:
        """(text, clip) for every text, in the order they finish.

        The longest texts go first, each to whichever worker is free, so no core idles while
        another still has a queue (the longest-first rule of scheduling on parallel machines).
        Which worker speaks a phrase does not change its samples: every engine here speaks a
        phrase as a function of its text alone (eSpeak NG, which carries state from one
        utterance to the next, speaks each from a fresh engine).
        """
        pending = sorted(dict.fromkeys(texts), key=lambda text: (-len(text), text), reverse=True)
        while len(self._workers) < min(self.size, len(pending)):
            self._workers.append(_Worker(self.engine))
        busy: dict[Connection, tuple[_Worker, str]] = {}
        for worker in self._workers:
            worker.await_ready(self.timeout, self.engine.name)
        try:
            while pending or busy:
                for worker in self._workers:
                    if pending and worker.conn not in busy:
                        text = pending.pop()
                        worker.conn.send(text)
                        busy[worker.conn] = (worker, text)
                ready = wait(list(busy), self.timeout)
                if not ready:
                    stuck = ", ".join(repr(text) for _, text in busy.values())
                    raise SpeechError(
                        f"{self.engine.name} did not speak {stuck} within {self.timeout:g} s; it may be hung"
                    )
                for conn in ready:
                    worker, text = busy.pop(conn)  # type: ignore[index]
                    yield text, worker.reply(f"speak {text!r}", self.engine.name)
        except BaseException:
            self.close()  # a hung or failed worker is not reused; the next call starts afresh
            raise


class _Worker:
    def __init__(self, engine: Engine):
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_main, args=(child, engine), daemon=True, name=f"acuguide-{engine.name}")
        self.process.start()
        child.close()
        self.ready = False

    def await_ready(self, timeout: float, engine: str) -> None:
        if not self.ready:
            if not self.conn.poll(timeout):
                self.stop()
                raise SpeechError(f"{engine} did not start the speech engine within {timeout:g} s; it may be hung")
            self.reply("start the speech engine", engine)
            self.ready = True

    def reply(self, doing: str, engine: str) -> Clip:
        try:
            status, value = self.conn.recv()
        except (EOFError, OSError):
            self.stop()
            raise SpeechError(f"the {engine} speech worker died while trying to {doing}") from None
        if status != "ok":
            self.stop()
            raise SpeechError(str(value))
        return value

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):  # the worker may already be gone
            self.conn.send(None)
        self.process.join(2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def _main(conn: Connection, engine: Engine) -> None:  # runs in the worker process
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent stops us
    try:
        engine.load()
    except Exception as exc:  # noqa: BLE001 - any failure here is reported, not raised
        conn.send(
            ("error", f"cannot start {engine.name} ({type(exc).__name__}: {exc}); install it with: {engine.install}")
        )
        return
    conn.send(("ok", None))
    while (text := conn.recv()) is not None:
        try:
            clip = engine.speak(text)
        except Exception as exc:  # noqa: BLE001
            conn.send(("error", f"{engine.name} failed to speak {text!r}: {type(exc).__name__}: {exc}"))
            continue
        conn.send(("ok", clip))
