"""What a refusal names, for tests that ask whether a phrasing was read as its sign."""

from __future__ import annotations

from acuguide.compose import triage


def named(findings) -> list[str]:
    """The signs `findings` name, and the sign each more urgent form among them stands for: "fell
    off a ladder" is a fall (`injury`) named as a fall from a height (`trauma`)."""
    signs = triage.table()["signs"]
    return [s for f in findings for s in (f.sign, signs[f.sign].get("instead_of")) if s]


def naming(findings, sign: str):
    """The finding that names `sign`, itself or as a more urgent form of it; None if none does."""
    signs = triage.table()["signs"]
    return next((f for f in findings if sign in (f.sign, signs[f.sign].get("instead_of"))), None)
