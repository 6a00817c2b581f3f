"""The engines by name, and the one that speaks when nobody chooses.

This is the only place that names them. Each engine module is light to import; heavy
imports happen in `Engine.load`, inside a worker.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..content.catalog import languages
from ..engines import DEFAULT_ENGINE, ENGINE_NAMES, FOR_LISTENING, best_engine, voices_folder
from ..errors import SpeechError
from ..routine import Voice
from .engine import Engine, EngineMissing
from .espeak import Espeak
from .fake import Fake
from .piper import Piper

ENGINES: dict[str, type[Engine]] = {engine.name: engine for engine in (Espeak, Piper, Fake)}
assert tuple(ENGINES) == ENGINE_NAMES, "engines.py names the engines registered here, in the same order"
__all__ = ["DEFAULT_ENGINE", "ENGINES", "ENGINE_NAMES", "FOR_LISTENING", "describe_engines", "make_engine"]


def make_engine(settings: Voice) -> Engine:
    """The engine asked for, or an error: never another engine in its place. Cheap: nothing
    is probed until `Engine.check`."""
    engine = ENGINES.get(settings.engine or DEFAULT_ENGINE)
    if engine is None:
        raise EngineMissing(f"no speech engine {settings.engine!r}; engines: {', '.join(ENGINES)}")
    return engine(settings)


def describe_engines() -> Iterator[str]:
    """`acuguide voices`: each engine for listening, whether it is installed, its voices, and
    which is the default."""
    for name in FOR_LISTENING:
        engine = make_engine(Voice(name))
        default = " (the default engine)" if name == DEFAULT_ENGINE else ""
        try:
            engine.check()
        except EngineMissing as missing:
            yield f"{name}{default}: not installed. {engine.summary}.\n  {missing}\n"
            continue
        yield f"{name}{default}: {engine.summary}. Default: {engine.voice} at {engine.rate} words a minute."
        for voice in engine.voices():
            yield f"  {voice.name:<24} {voice.description}"
        yield ""
    yield from describe_languages()


def describe_languages() -> Iterator[str]:
    """Each language a session can be in, the voice it gets with no flag, and what else it can use."""
    yield f"Languages (render --language LANG); Piper voice files for other languages go in {voices_folder()}:"
    for language in languages():
        chosen = make_engine(Voice(best_engine(language), language=language))
        try:
            chosen.check()
            default = f"{chosen.name} {chosen.voice}"
        except EngineMissing as missing:
            default = f"none installed ({missing})"
        except SpeechError as error:
            default = f"none ({error})"
        yield f"  {language}: {default}"
        for name in FOR_LISTENING:
            for voice in ENGINES[name].voices(language):
                yield f"      {name:<7} {voice.name:<24} {voice.description}"
