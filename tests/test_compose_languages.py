"""compose in Spanish, German and French: its own words (notes, refusals, the line it prints)
come from the language's catalog, and what a person types is read in the language asked.

The tests that read the real translations are marked `catalogs` (as in test_languages.py);
the reading of words alone is pure."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from acuguide.cli import cli
from acuguide.compose import composer, screening
from acuguide.content import wording
from acuguide.content.catalog import translator

LANGUAGES = ("es", "de", "fr")
# English that must not reach a person who asked for another language
ENGLISH = re.compile(
    r"\b(?:you wrote|you answered|left out|only hands|which reads as|see a doctor|note:|about \d)", re.I
)


@pytest.mark.catalogs
def test_compose_prints_its_notes_and_its_last_line_in_german(tmp_path):
    out = tmp_path / "c.yaml"
    result = CliRunner().invoke(
        cli,
        ["compose", "--for", "lower back, ball", "--tools", "ball", "--minutes", "10", "--language", "de",
         "--screened", "-o", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Hinweis: BL23" in result.output and "weggelassen: Nur Hände dürfen sie drücken" in result.output
    assert f"{out}  etwa " in result.output and "(geschätzt; acuguide script --exact misst es genau)" in result.output
    assert not ENGLISH.search(result.output), result.output
    assert out.read_text().startswith("# Composed by acuguide")  # the file's own header stays English


def test_english_compose_is_unchanged(tmp_path):
    out = tmp_path / "c.yaml"
    result = CliRunner().invoke(
        cli,
        ["compose", "--for", "lower back, ball", "--tools", "ball", "--minutes", "10", "--screened", "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    assert (
        "note: BL23, BL52, BL40, GV4, BL39, LR3, BL60, SI3 and LI4 left out: only hands may press them (no massage "
        "gun, roller or ball goes on the bones of the spine, over the kidneys or across the ribs); add hands "
        "(--tools ball,hands) to press them gently by hand\n"
    ) in result.output
    assert f"{out}  about 9:59 (estimated; acuguide script --exact measures it)\n" in result.output


@pytest.mark.catalogs
@pytest.mark.parametrize("language", LANGUAGES)
def test_one_point_left_out_is_said_in_the_singular_and_several_in_the_plural(language):
    t = translator(language)
    for forms in (wording.COMPOSE_HANDS_ONLY, wording.COMPOSE_OUT_OF_REACH, wording.COMPOSE_PARTNER_ONLY):
        assert t.ngettext(forms, 1) != t.ngettext(forms, 2) and "{them}" not in t.ngettext(forms, 1)
    notices = composer._left_out("lower back", composer.Answers("lower back", 10, ("gun",), language=language))
    assert notices and not any(ENGLISH.search(n) for n in notices), notices


@pytest.mark.catalogs
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_compose_note_is_translated(language):
    t = translator(language)
    for message in (wording.COMPOSE_PREGNANCY, wording.COMPOSE_MAPPED, wording.COMPOSE_UNUSED,
                    wording.COMPOSE_THINNERS_NOTICE, wording.COMPOSE_ALSO_OUTSIDE, wording.COMPOSE_ALL_AVOIDED,
                    wording.COMPOSE_NOTE, wording.COMPOSE_WRITTEN, wording.COMPOSE_UNKNOWN):  # fmt: skip
        assert t(message) != message
    for forms in (wording.COMPOSE_HANDS_ONLY, wording.COMPOSE_HANDS_ONLY_ADD, wording.COMPOSE_OUT_OF_REACH,
                  wording.COMPOSE_PARTNER_ONLY):  # fmt: skip
        assert t.ngettext(forms, 1) not in forms and t.ngettext(forms, 2) not in forms


@pytest.mark.catalogs
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unknown_complaint_and_an_outside_one_are_answered_in_the_language(language):
    with pytest.raises(composer.ComposeError) as unknown:
        composer.compose(composer.Answers("xyzzy plugh", 10, language=language))
    assert "'xyzzy plugh'" in str(unknown.value) and not str(unknown.value).startswith("unknown complaint")
    with pytest.raises(screening.Refused) as refused:
        screening.assess({"chest": True}, language)
    assert not ENGLISH.search(str(refused.value))
