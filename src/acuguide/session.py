"""The pipeline end to end: routine -> plan -> speech -> script -> session files.

The CLI calls these, one function per command, so that it stays a thin layer of click.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from . import script as script_mod
from . import sounds
from .errors import AmbientNotFound
from .render import Progress
from .routine import AMBIENT_LEVEL, Ambient, Bells, Routine
from .safety import check_avoid
from .script import Script
from .speech import Synthesizer, VoiceSettings


@dataclass(frozen=True)
class Compiled:
    script: Script
    clips: dict[str, bytes]  # the audio of every cue, keyed by `Cue.clip`
    synthesized: int  # phrases that were not in the cache


def with_overrides(routine: Routine, ambient: str | None = None, bells: bool | None = None) -> Routine:
    """Command-line choices that replace the routine's own: an ambient bed, bells on or off."""
    if ambient is not None:
        if ambient in ("off", "none"):
            routine = replace(routine, ambient=None)
        elif ambient == "noise" or Path(ambient).is_file():
            level = routine.ambient.level if routine.ambient else AMBIENT_LEVEL
            sound = ambient if ambient == "noise" else str(Path(ambient).resolve())
            routine = replace(routine, ambient=Ambient(sound, level))
        else:
            raise AmbientNotFound(f"--ambient {ambient}: no such audio file; use noise, off, or a file path")
    if bells is not None:
        routine = replace(routine, bells=Bells(bells, bells, bells))
    return routine


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
        phrases = synth.phrases(plan.phrases, progress and (lambda done, total: progress("Speaking", done, total)))
        synthesized = synth.synthesized
    clips = {text: phrase.pcm for text, phrase in phrases.items()}
    clips.update((key, sounds.sound(key)) for key in plan.sounds)
    lengths = {key: len(pcm) // 2 for key, pcm in clips.items()}
    return Compiled(script_mod.lay_out(plan, lengths), clips, synthesized)
