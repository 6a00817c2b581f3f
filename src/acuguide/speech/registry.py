"""The engines by name. Each module is light to import; heavy imports happen in `load`."""

from __future__ import annotations

from .engine import Engine, EngineMissing, VoiceSettings
from .espeak import Espeak
from .fake import Fake
from .piper import Piper

ENGINES: dict[str, type[Engine]] = {engine.name: engine for engine in (Espeak, Piper, Fake)}


def make_engine(settings: VoiceSettings) -> Engine:
    """The engine asked for, or an error: never another engine in its place."""
    engine = ENGINES.get(settings.engine)
    if engine is None:
        raise EngineMissing(f"no speech engine {settings.engine!r}; engines: {', '.join(ENGINES)}")
    return engine(settings)
