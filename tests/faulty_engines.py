"""Engines that fail on purpose, importable by spawned speech workers."""

from __future__ import annotations

import os
import time

from acuguide.speech.fake import Fake


class Hanging(Fake):
    """Hangs on 'Hang.', as a stuck TTS engine would."""

    def speak(self, text: str):
        if text == "Hang.":
            time.sleep(3600)
        return super().speak(text)


class Dying(Fake):
    """Dies on 'Die.', as a crashing TTS engine would."""

    def speak(self, text: str):
        if text == "Die.":
            os._exit(9)
        return super().speak(text)
