"""Headless Debian chromium driven over the DevTools protocol (aiohttp's websocket client):
evaluate JavaScript in a page, take screenshots and print to PDF, for the browser tests."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.request import urlopen

import aiohttp

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class Browser:
    def __init__(self, width: int = 390, height: int = 844):
        self.profile = tempfile.TemporaryDirectory()
        self.process = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--mute-audio", "--no-first-run",
             "--autoplay-policy=no-user-gesture-required", f"--window-size={width},{height}", "--remote-debugging-port=0",
             f"--user-data-dir={self.profile.name}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
        port_file = Path(self.profile.name) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not port_file.is_file() or not port_file.read_text().strip():
            if time.monotonic() > deadline:
                self.close()
                raise RuntimeError("chromium did not start")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        targets = json.loads(urlopen(f"http://127.0.0.1:{port}/json", timeout=10).read())
        self.ws_url = next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page")
        self.loop = asyncio.new_event_loop()
        self.session = self.loop.run_until_complete(self._connect())
        self.ids = 0

    async def _connect(self):
        self.http = aiohttp.ClientSession()
        return await self.http.ws_connect(self.ws_url, max_msg_size=0)

    def send(self, method: str, timeout: float = 30, **params):
        self.ids += 1
        number = self.ids

        async def call():
            await self.session.send_json({"id": number, "method": method, "params": params})
            while True:
                message = await asyncio.wait_for(self.session.receive_json(), timeout)
                if message.get("id") == number:
                    if "error" in message:
                        raise RuntimeError(f"{method}: {message['error']}")
                    return message["result"]

        return self.loop.run_until_complete(call())

    def js(self, expression: str, timeout: float = 30):
        result = self.send("Runtime.evaluate", timeout, expression=expression, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, url: str, ready: str = "document.readyState === 'complete'", timeout: float = 30):
        self.send("Page.enable")
        self.send("Page.navigate", url=url)
        deadline = time.monotonic() + timeout
        time.sleep(0.2)
        while not self.js(f"!!({ready})"):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url}: not ready ({ready})")
            time.sleep(0.1)

    def wait(self, condition: str, timeout: float = 15):
        deadline = time.monotonic() + timeout
        while not self.js(f"!!({condition})"):
            if time.monotonic() > deadline:
                raise TimeoutError(condition)
            time.sleep(0.1)

    def screenshot(self, path: Path, full: bool = False) -> None:
        params = {"format": "png"}
        if full:
            params["captureBeyondViewport"] = True
            size = self.send("Page.getLayoutMetrics")["cssContentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        Path(path).write_bytes(base64.b64decode(self.send("Page.captureScreenshot", **params)["data"]))

    def pdf(self, path: Path) -> None:
        data = self.send("Page.printToPDF", 60, printBackground=True, preferCSSPageSize=True)["data"]
        Path(path).write_bytes(base64.b64decode(data))

    def close(self) -> None:
        if hasattr(self, "session"):
            self.loop.run_until_complete(self.session.close())
            self.loop.run_until_complete(self.http.close())
            self.loop.close()
        os.killpg(self.process.pid, signal.SIGTERM)  # the browser and its helpers, which write to the profile too
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        for _ in range(50):  # a helper may still be closing its files
            try:
                os.killpg(self.process.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        self.profile.cleanup()
