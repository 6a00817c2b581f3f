"""A routine: its model (`model`), where it comes from (`find`), its format as one table of
fields (`fields`) and the loader that validates a YAML file against it (`load`)."""

from .find import display_name, find_routine, shipped_routines, shipped_routines_dir, slug_for
from .load import load, parse
from .model import (
    AMBIENT_LEVEL,
    Ambient,
    Bells,
    Breathe,
    Breathing,
    BreathStyle,
    Pause,
    Phrases,
    PointStep,
    Routine,
    Safety,
    Say,
    Series,
    SideGroup,
    Sides,
    Step,
    Tool,
    Voice,
    Where,
)

__all__ = [
    "AMBIENT_LEVEL", "Ambient", "Bells", "Breathe", "Breathing", "BreathStyle", "Pause", "Phrases",
    "PointStep", "Routine", "Safety", "Say", "Series", "SideGroup", "Sides", "Step", "Tool", "Voice", "Where", "display_name", "find_routine",
    "load", "parse", "shipped_routines", "shipped_routines_dir", "slug_for",
]  # fmt: skip
