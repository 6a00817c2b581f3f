"""The speech engines by name and pace: what a routine may choose, known without loading one.

The routine's fields and the composer need the names and the default paces; the engines
themselves (speech/) need pyttsx3, Piper and workers. Keeping the names here lets loading and
checking a routine import nothing of speech or audio.
"""

from __future__ import annotations

DEFAULT_ENGINE = "piper"
# Words a minute each engine speaks when nobody says: each is calibrated so that `rate` is its
# real pace on the shipped phrases (scripts/bench_voices.py --calibrate).
DEFAULT_RATES = {"espeak": 140, "piper": 130, "fake": 150}
ENGINE_NAMES = tuple(DEFAULT_RATES)
FOR_LISTENING = tuple(name for name in ENGINE_NAMES if name != "fake")  # the test tones are not a voice
