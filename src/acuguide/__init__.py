"""acuguide: compile acupressure routines written in YAML into guided, exactly timed audio."""

__version__ = "0.1.0"
