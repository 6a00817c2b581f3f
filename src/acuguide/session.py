"""The pipeline end to end: routine -> plan -> speech -> script -> session files.

The CLI calls these, one function per command, so that it stays a thin layer of click.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import script as script_mod
from .routine import Routine
from .safety import check_avoid
from .script import Script
from .speech import Phrase, Progress, Synthesizer, VoiceSettings


@dataclass(frozen=True)
class Compiled:
    script: Script
    phrases: dict[str, Phrase]
    synthesized: int  # phrases that were not in the cache


def voice_settings(routine: Routine, voice: str | None = None, rate: int | None = None) -> VoiceSettings:
    """Command-line flags override the routine's own voice settings."""
    return VoiceSettings(voice or routine.voice.name, rate or routine.voice.rate)


def compile_routine(
    routine: Routine,
    settings: VoiceSettings,
    cache_dir: Path | None = None,
    avoid: frozenset[str] = frozenset(),
    progress: Progress | None = None,
) -> Compiled:
    check_avoid(routine, avoid)
    plan = script_mod.plan(routine)
    with Synthesizer(settings, cache_dir) as synth:
        phrases = synth.phrases(plan.phrases, progress)
        synthesized = synth.synthesized
    lengths = {text: phrase.samples for text, phrase in phrases.items()}
    return Compiled(script_mod.lay_out(plan, lengths), phrases, synthesized)
