"""The speech engines by name and pace: what a routine may choose, known without loading one.

The routine's fields and the composer need the names and the default paces; the engines
themselves (speech/) need pyttsx3, Piper and workers. Keeping the names here lets loading and
checking a routine import nothing of speech or audio.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_ENGINE = "piper"
# Words a minute each engine speaks when nobody says: each is calibrated so that `rate` is its
# real pace on the shipped phrases (scripts/bench_voices.py --calibrate).
DEFAULT_RATES = {"espeak": 140, "piper": 130, "fake": 150}
ENGINE_NAMES = tuple(DEFAULT_RATES)
FOR_LISTENING = tuple(name for name in ENGINE_NAMES if name != "fake")  # the test tones are not a voice

# eSpeak NG's voice for each language a session may be in (espeak-ng --voices); a language not
# listed here uses eSpeak's voice of its own code (hi, for Hindi), cmn is Mandarin for zh.
# eSpeak NG's voice per language. With the +m3 variant Whisper base tells the language far more
# often than with the plain voice or Klatt4 (desk-break: Spanish in 25 of 26 cues against 21
# plain, German in 22 of 25 against 18); French is told about as often (20 of 29 against 21) with
# fewer words wrong (WER 1.01 against 1.20); fr-fr+m8 (lower, darker) is told as French far more
# often again (26 of 29 cues against 21), its words heard about as well (WER 0.74 on cues of 5+ words
# against 0.75 and 1.16 in two runs of m3). scripts/bench_voices.py; the README's language table.
ESPEAK_VOICES = {"en": "en-us+klatt4", "es": "es+m3", "de": "de+m3", "fr": "fr-fr+m8", "zh": "cmn"}

# Piper voices for languages other than English are downloaded by the person (rhasspy's
# piper-voices: es_ES-davefx-medium.onnx with its .onnx.json), into this folder or the one
# $ACUGUIDE_VOICES names; each is found by its language prefix ("es_" for es).
VOICES_ENV = "ACUGUIDE_VOICES"


def voices_folder() -> Path:
    return Path(os.environ.get(VOICES_ENV) or Path.home() / ".local" / "share" / "acuguide" / "voices")


def piper_voices(language: str) -> list[Path]:
    """The Piper voice files for `language` in the voices folder, each with its .onnx.json beside it."""
    folder = voices_folder()
    if not folder.is_dir():
        return []
    found = sorted(folder.glob(f"{language}_*.onnx")) + sorted(folder.glob(f"{language}-*.onnx"))
    return [model for model in found if model.with_name(model.name + ".json").is_file()]


def best_engine(language: str) -> str:
    """The engine that speaks `language` best here, when nobody chose: Piper where it has a voice
    for it (joe for English, shipped; a downloaded voice file otherwise), else eSpeak NG."""
    if language == "en" or piper_voices(language):
        return DEFAULT_ENGINE
    return "espeak"
