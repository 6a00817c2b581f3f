"""In/out tests for the small pure functions: durations and spoken-text clean-up."""

from __future__ import annotations

import pytest

from acuguide.speech import normalize as spoken
from acuguide.yamlread import format_duration, parse_duration


@pytest.mark.parametrize(
    "text,seconds",
    [
        ("45s", 45),
        ("1m", 60),
        ("1m30s", 90),
        ("90", 90),
        (90, 90),
        ("1.5s", 1.5),
        (5.5, 5.5),
        ("2 min", 120),
        ("1h", 3600),
        (" 10 s ", 10),
        ("0", 0),
    ],
)
def test_parse_duration_accepts(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["abc", "", "-5", -5, "1x", "m", True, None, "1m 30", [1]])
def test_parse_duration_rejects(text):
    assert parse_duration(text) is None


@pytest.mark.parametrize(
    "seconds,text", [(45, "45s"), (60, "1m"), (90, "1m30s"), (3600, "1h"), (1.5, "1.5s"), (0, "0s")]
)
def test_format_duration(seconds, text):
    assert format_duration(seconds) == text
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    "function,before,after",
    [
        (spoken.collapse_whitespace, "Sit   down,\n  and relax ", "Sit down, and relax"),
        (spoken.expand_point_codes, "Press BL23 then LI-4.", "Press Bladder 23 then Large Intestine 4."),
        (spoken.expand_point_codes, "BLUE sky, GB 30", "BLUE sky, Gallbladder 30"),
        (spoken.expand_units, "about 2cm and 30 s", "about 2 centimetres and 30 seconds"),
        (spoken.expand_units, "1 s, 10 mm, 3 min", "1 second, 10 millimetres, 3 minutes"),
        (spoken.expand_units, "its 5 senses", "its 5 senses"),
        (spoken.expand_abbreviations, "e.g. a chair & a wall", "for example a chair and a wall"),
        (spoken.spell_number_sequences, "Try 4-7-8 breathing", "Try 4, 7, 8 breathing"),
        (spoken.parentheses_to_commas, "Sit (a chair is fine) and relax.", "Sit, a chair is fine, and relax."),
        (spoken.parentheses_to_commas, "Relax (slowly).", "Relax, slowly."),
        (spoken.end_with_punctuation, "Breathe in", "Breathe in."),
        (spoken.end_with_punctuation, "Ready?", "Ready?"),
        (spoken.end_with_punctuation, "and then,", "and then."),
    ],
)
def test_pre_processor(function, before, after):
    assert function(before) == after


def test_clean_applies_every_step_in_order():
    assert (
        spoken.clean("  Press BL23 (about 2cm out) for 30s")
        == "Press Bladder 23, about 2 centimetres out, for 30 seconds."
    )
