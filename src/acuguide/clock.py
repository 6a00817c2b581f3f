"""Times as people read them: one way to write a clock, for transcripts, tags, pages and the CLI."""

from __future__ import annotations


def clock(seconds: float, always_hours: bool = False) -> str:
    """'03:07.250', or '01:03:07.250' past an hour (WebVTT, SRT with ',' and chapters)."""
    ms = round(seconds * 1000)
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, ms = divmod(rest, 1000)
    if hours or always_hours:
        return f"{hours:02d}:{minutes:02d}:{secs:02d}.{ms:03d}"
    return f"{minutes:02d}:{secs:02d}.{ms:03d}"


def minutes(seconds: float) -> str:
    """'13:04': a session's length, to the second."""
    whole_minutes, secs = divmod(round(seconds), 60)
    return f"{whole_minutes}:{secs:02d}"
