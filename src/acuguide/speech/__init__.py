"""Speech: engines behind one interface (`engine`), and one synthesizer around them.

`registry` names the engines (espeak, piper, fake); `synthesizer` owns what is the same for
all of them: the cache, trimming, resampling and parallel workers.
"""

from ..routine import Voice
from .engine import Clip, Engine, EngineMissing, VoiceNotFound
from .registry import DEFAULT_ENGINE, ENGINE_NAMES, ENGINES, FOR_LISTENING, describe_engines, make_engine
from .synthesizer import Synthesizer

__all__ = [
    "DEFAULT_ENGINE",
    "ENGINE_NAMES",
    "ENGINES",
    "FOR_LISTENING",
    "describe_engines",
    "Clip",
    "Engine",
    "EngineMissing",
    "Synthesizer",
    "VoiceNotFound",
    "Voice",
    "make_engine",
]
