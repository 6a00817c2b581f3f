"""Languages: the catalogs, the seam a language travels through, and spoken numbers.

Most tests run on a pseudo-translation made from the template (every message wrapped in
⟪ ⟫), so they prove that every word a session says went through a catalog before the real
Spanish, German and French land. The tests marked `catalogs` check the real catalogs: each
complete, and a shipped routine's script in each language without English. They go green
when the translations are merged (`pytest -m catalogs`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from conftest import compile_fake

from acuguide.content import catalog, catalog_tool, wording
from acuguide.content.catalog import MissingTranslation, translator
from acuguide.content.points import library
from acuguide.engines import VOICES_ENV
from acuguide.errors import RoutineError
from acuguide.pipeline import session
from acuguide.publish import export
from acuguide.routine import Voice, load, program
from acuguide.routine.find import shipped_names, shipped_routines
from acuguide.speech import make_engine
from acuguide.speech.normalize import clean
from acuguide.timeline.plan import ChapterStart, Speak, plan_routine

OPEN, CLOSE = "⟪", "⟫"
CODE = re.compile(r"\b[A-Z]{2}\d+\b|\b[A-Z]+(?:-[A-Z]+)+\b")  # point codes stay as written in every language


def pseudo(text: str) -> str:
    return f"{OPEN}{text}{CLOSE}"


def untranslated(text: str) -> str:
    """What is left of a text outside every ⟪ ⟫ (a cut chapter title may leave one open)."""
    depth, kept = 0, []
    for char in text:
        if char == OPEN:
            depth += 1
        elif char == CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            kept.append(char)
    return CODE.sub("", "".join(kept))


def write_pseudo(root: Path, language: str, leave_out: str | None = None) -> None:
    real = Path(str(catalog.locale_root()))
    with (real / "messages.pot").open("rb") as file:
        made = read_po(file, locale=language)
    for message in list(made):
        if not message.id:
            continue
        if message.id == leave_out:
            made.delete(message.id, message.context)
            continue
        if isinstance(message.id, tuple):
            message.string = tuple(pseudo(message.id[min(i, 1)]) for i in range(made.num_plurals))
        else:
            message.string = pseudo(message.id)
    folder = root / language / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "messages.po").open("wb") as file:
        write_po(file, made)
    (root / "messages.pot").write_bytes((real / "messages.pot").read_bytes())


@pytest.fixture
def pseudo_locale(tmp_path, monkeypatch):
    """es and de as pseudo-translations of the template: every message ⟪wrapped⟫."""
    root = tmp_path / "locale"
    for language in ("es", "de"):
        write_pseudo(root, language)
    monkeypatch.setattr(catalog, "locale_root", lambda: root)
    catalog._catalog.cache_clear()
    yield root
    catalog._catalog.cache_clear()


def spoken_and_shown(routine) -> list[str]:
    """Every text a plan speaks (bells and tones too, which a text timeline shows) and every chapter title."""
    return [item.text if isinstance(item, Speak) else item.title
            for item in plan_routine(routine).items if isinstance(item, Speak | ChapterStart)]  # fmt: skip


# -- the template ------------------------------------------------------------------------


def test_the_committed_template_is_what_extraction_gives_now(tmp_path):
    """A text added to wording.py, points.yaml or a shipped routine reaches the translators."""
    fresh = tmp_path / "messages.pot"
    catalog_tool.extract(Path(str(catalog.locale_root())).parents[2], fresh)

    def keys(path: Path) -> set:
        with path.open("rb") as file:
            return {(m.context, m.id) for m in read_po(file) if m.id}

    committed = Path(str(catalog.locale_root())) / "messages.pot"
    assert keys(fresh) == keys(committed), "run scripts/catalog extract, then scripts/catalog update"


def test_the_template_has_every_built_in_text_and_every_shipped_line():
    with (Path(str(catalog.locale_root())) / "messages.pot").open("rb") as file:
        template = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in read_po(file) if m.id}
    assert (None, wording.END) in template
    assert ("count", "Seven.") in template
    assert ("side", "left") in template
    assert (None, "{n} minute") in template
    point = library().get("BL23")
    assert ("point name", point.english) in template and (None, point.find) in template
    assert all((None, c) in template for p in library().points for c in p.cautions)
    desk = load("desk-break")
    assert (None, desk.title) in template and (None, desk.steps[0].find) in template


# -- a session in another language ------------------------------------------------------


def test_a_routine_or_program_in_another_language_than_written_is_named_apart():
    """Rendered into one folder, each language keeps its own files (desk-break-es.mp3)."""
    assert load("desk-break").slug == "desk-break" and load("desk-break", language="en").slug == "desk-break"
    assert load("desk-break", language="es").slug == "desk-break-es"
    weeks = program.load("back-care-build-up", language="de").stages
    assert [s.routine.slug for s in weeks][:2] == ["back-care-build-up-de-week-1", "back-care-build-up-de-week-2"]
    assert program.load("back-care-build-up").stages[0].routine.slug == "back-care-build-up-week-1"


@pytest.mark.parametrize("name", shipped_routines())
def test_every_word_of_a_shipped_routine_in_another_language_comes_from_the_catalog(pseudo_locale, name):
    routine = load(name, language="es")
    assert routine.language == "es"
    leftover = {text: untranslated(text) for text in spoken_and_shown(routine)}
    english = {text: rest for text, rest in leftover.items() if re.search(r"[^\W\d_]", rest)}
    assert not english, f"said or shown without the catalog: {english}"


@pytest.mark.parametrize("name", shipped_names("programs"))
def test_a_program_in_another_language_comes_from_the_catalog(pseudo_locale, name):
    for stage in program.load(name, "de").stages:
        texts = spoken_and_shown(stage.routine)
        assert not [t for t in texts if re.search(r"[^\W\d_]", untranslated(t))]
        assert OPEN in stage.routine.summary


def test_no_digit_reaches_the_engine_in_another_language(pseudo_locale):
    routine = load("lower-back", language="de")
    engine = make_engine(Voice("fake", language="de"))
    for text in plan_routine(routine).phrases:
        assert not re.search(r"\d", engine.normalize(text)), engine.normalize(text)


def test_point_codes_and_numbers_are_said_in_the_language(pseudo_locale):
    said = clean("Sea of Vitality. BL23. Round 2 of 3, 4-7-8.", "de")
    assert "dreiundzwanzig" in said and "zwei" in said and "vier, sieben, acht" in said
    assert pseudo("Bladder") in said
    assert "diez" in clean("Quedan 10 segundos.", "es")
    assert clean("Sea of Vitality. BL23.") == "Sea of Vitality. Bladder 23."  # English as it always was


def test_a_routine_written_in_spanish_gets_the_built_in_words_in_spanish(pseudo_locale, write_routine):
    path = write_routine("""
        title: Mi pausa
        language: es
        intro:
          - say: Siéntate cómodamente con los pies en el suelo.
        steps:
          - point: LI4
            hold: 20s
    """)
    routine = load(path)
    texts = spoken_and_shown(routine)
    assert routine.language == "es"
    assert "Siéntate cómodamente con los pies en el suelo." in texts
    assert pseudo(wording.END) in texts and pseudo(wording.RELEASE) in texts
    assert any(pseudo(library().get("LI4").find) == t for t in texts)  # the library's directions, translated
    assert compile_fake(routine).language == "es"


def test_an_english_routine_asked_in_another_language_is_refused_at_each_of_its_lines(pseudo_locale, write_routine):
    path = write_routine("""
        title: My break
        steps:
          - say: Sit comfortably.
          - point: LI4
            find: The web of the hand.
    """)
    with pytest.raises(RoutineError) as refused:
        load(path, language="es")
    where = {(p.line, p.field) for p in refused.value.problems}
    assert where == {(1, "title"), (3, "steps[0].say"), (5, "steps[1].find")}
    assert all("written in English" in p.message for p in refused.value.problems)
    assert load(path).language == "en"  # in English it is fine


def test_a_routine_in_spanish_is_not_translated_into_german(pseudo_locale, write_routine):
    path = write_routine("title: Mi pausa\nlanguage: es\nsteps:\n  - point: LI4\n")
    with pytest.raises(RoutineError, match="written in Spanisch"):
        load(path, language="de")


def test_a_built_in_word_the_catalog_lacks_is_an_error_never_english(tmp_path, monkeypatch):
    root = tmp_path / "locale"
    write_pseudo(root, "es", leave_out=wording.END)
    monkeypatch.setattr(catalog, "locale_root", lambda: root)
    catalog._catalog.cache_clear()
    try:
        with pytest.raises(MissingTranslation, match="This is the end of the session"):
            plan_routine(load("desk-break", language="es"))
        found: list[str] = []
        problems = session.check("desk-break", _Collect(found), "es")
        assert problems.problems == 1 and any("This is the end of the session" in line for line in found)
    finally:
        catalog._catalog.cache_clear()


class _Collect:
    """A report that keeps its lines."""

    def __init__(self, lines: list[str]):
        self.lines = lines

    def line(self, text: str) -> None:
        self.lines.append(text)


def test_a_missing_message_is_an_error_in_a_translator_and_english_is_itself():
    english = translator()
    assert english(wording.END) == wording.END
    assert english.ngettext(wording.MINUTES, 2).format(n=2) == "2 minutes"
    assert wording.duration(90) == "1 minute 30 seconds" and wording.time_left(10) == "10 seconds left."


# -- the timeline, the MP3 tag, the voice ----------------------------------------------


def test_the_timeline_says_its_language_and_reads_it_back(pseudo_locale):
    script = compile_fake(load("desk-break", language="es"))
    data = export.to_dict(script)
    assert data["language"] == "es"
    back = export.from_dict(data)
    assert back.language == "es"
    assert back.points == script.points  # the shipped points come back in Spanish, not written out as own points
    assert "points" not in data
    assert "language" not in export.to_dict(compile_fake(load("desk-break")))  # English as the golden files have it


def test_the_mp3_says_its_language_in_iso_639_2(pseudo_locale):
    from acuguide.audio.tags import ffmpeg_tags

    english = ffmpeg_tags(compile_fake(load("desk-break")), "mp3", "acuguide", None)
    assert "language=eng" in english
    spanish = ffmpeg_tags(compile_fake(load("desk-break", language="es")), "mp3", "acuguide", None)
    assert f"language={pseudo('eng')}" in spanish  # the catalog's code: 'spa' in the real one


def test_the_best_installed_voice_speaks_a_language(tmp_path, monkeypatch, pseudo_locale):
    monkeypatch.setenv(VOICES_ENV, str(tmp_path / "voices"))
    spanish = load("desk-break", language="es")
    settings = session.voice_settings(spanish)
    assert (settings.engine, settings.language) == ("espeak", "es")
    assert make_engine(settings).voice == "es+m3"
    assert make_engine(Voice("espeak", language="fr")).voice == "fr-fr+m8"
    (tmp_path / "voices").mkdir()
    for suffix in (".onnx", ".onnx.json"):
        (tmp_path / "voices" / f"es_ES-davefx-medium{suffix}").write_text("{}")
    settings = session.voice_settings(spanish)
    assert settings.engine == "piper"
    assert make_engine(settings).voice.endswith("es_ES-davefx-medium.onnx")
    english = session.voice_settings(load("desk-break"))
    assert (english.engine, make_engine(english).voice) == ("piper", "joe")
    asked = session.voice_settings(spanish, Voice(name=str(tmp_path / "voices" / "es_ES-davefx-medium.onnx")))
    assert asked.engine == "piper"


def test_the_speech_cache_keys_on_the_language():
    spanish = make_engine(Voice("fake", language="es")).identity()
    english = make_engine(Voice("fake")).identity()
    assert spanish["language"] == "es" and "language" not in english  # English keys as they were


def test_varicose_veins_are_a_flag_where_the_cautions_warn_of_them():
    for point in library().points:
        warned = any("varicose" in caution.lower() for caution in point.cautions)  # the English data, checked here only
        assert point.varicose == warned, point.code


# -- the real catalogs: green once the translations are merged -----------------------------

REAL = ("es", "de", "fr")
ENGLISH_WORDS = {"the", "your", "you", "and", "with", "press", "breathe", "seconds", "minutes", "this", "now", "side"}


@pytest.mark.catalogs
@pytest.mark.parametrize("language", REAL)
def test_every_catalog_is_complete(language):
    gaps = catalog_tool.gaps(language)
    assert not gaps, f"{len(gaps)} gaps, first: " + "; ".join(map(str, gaps[:5]))


@pytest.mark.catalogs
@pytest.mark.parametrize("language", REAL)
@pytest.mark.parametrize("name", ["desk-break", "lower-back", "sciatica-hip", "stress"])
def test_a_shipped_routine_in_each_language_has_no_english(language, name):
    routine = load(name, language=language)
    engine = make_engine(Voice("fake", language=language))
    for text in spoken_and_shown(routine):
        words = set(re.findall(r"[^\W\d_]+", untranslated(text).lower()))
        assert not words & ENGLISH_WORDS, f"{language}: {text!r}"
        assert not re.search(r"\d", engine.normalize(text)), text


def test_compose_writes_a_routine_in_the_language_asked(pseudo_locale):
    from acuguide.compose import composer

    answers = composer.Answers("lower back", 6, ("hands", "ball"), language="es", engine="espeak")
    composed = composer.compose(answers)
    assert "language: es" in composed.text
    assert composed.routine.language == "es"
    said = spoken_and_shown(composed.routine)
    assert not [t for t in said if re.search(r"[^\W\d_]", untranslated(t))]
    assert "language" not in composer.compose(composer.Answers("lower back", 6)).text


def test_every_complaint_has_a_name_in_the_catalogs():
    from acuguide.content.points import COMPLAINTS

    assert set(wording.COMPLAINT_NAMES) == set(COMPLAINTS)


def test_a_point_picture_is_labelled_in_the_language(pseudo_locale):
    from acuguide.content.pictures import point_svg

    point = load("desk-break", language="es").point_steps[-1].point  # BL23, localized
    svg = point_svg(point, "left", "es")
    assert pseudo("your left side") in svg and pseudo(wording.PICTURE_FOOTER) in svg
    assert pseudo("lowest rib") in svg  # a landmark its directions name
    assert "your left side" not in untranslated(svg)


@pytest.mark.process  # check probes the engine (espeak-ng --voices)
def test_check_in_another_language_names_each_untranslatable_line(pseudo_locale, write_routine):
    from click.testing import CliRunner

    from acuguide.cli import cli

    path = write_routine("title: My break\nsteps:\n  - say: Sit comfortably.\n  - point: LI4\n")
    result = CliRunner().invoke(cli, ["check", str(path), "--language", "es"])
    assert result.exit_code == 1
    assert f"{pseudo(f'{path}, line 1')}: title: {OPEN}'My break' has no español translation" in result.output
    assert (
        f"{pseudo(f'{path}, line 3')}: steps[0].say: {OPEN}'Sit comfortably.' has no español translation"
        in result.output
    )
    shipped = CliRunner().invoke(cli, ["check", "desk-break", "--language", "es"])
    assert shipped.exit_code == 0, shipped.output


def test_the_screening_questions_and_a_refusal_are_in_the_language(pseudo_locale):
    from acuguide.compose import screening

    asked = screening.questions("es")
    assert asked and all(q.text.startswith(OPEN) for q in asked)
    assert [q.id for q in asked] == [q.id for q in screening.questions()]
    chest = next(q for q in asked if q.id == "chest")
    with pytest.raises(screening.Refused) as refused:
        screening.assess({"chest": True}, "es")
    said = str(refused.value)
    assert said.startswith(OPEN) and chest.text in said
    assert not re.search(r"[^\W\d_]", untranslated(said).replace("chest", ""))


def test_a_language_num2words_cannot_count_in_is_an_error_not_digits():
    from acuguide.content.catalog import NumbersUnsaid, spell_number

    assert spell_number(23, "de") == "dreiundzwanzig" and spell_number(2, "fr") == "deux"
    with pytest.raises(NumbersUnsaid, match="cannot say numbers in hi"):
        spell_number(23, "hi")


def test_new_writes_a_starting_routine_in_the_language_that_checks_in_it(pseudo_locale, tmp_path):
    from acuguide.routine.starter import starter_text, write_starter

    path = write_starter(tmp_path / "mi-rutina.yaml", "es")
    routine = load(path)
    assert routine.language == "es" and routine.title == "Mi Rutina"
    assert routine.summary == pseudo(wording.STARTER_SUMMARY)
    assert not [
        t for t in spoken_and_shown(routine) if re.search(r"[^\W\d_]", untranslated(t).replace("Mi Rutina", ""))
    ]
    assert "language:" not in starter_text(tmp_path / "x.yaml")


def test_the_completeness_check_finds_a_missing_message_and_a_lost_placeholder(tmp_path, monkeypatch):
    root = tmp_path / "locale"
    write_pseudo(root, "es", leave_out=wording.END)
    monkeypatch.setattr(catalog, "locale_root", lambda: root)
    assert [gap.message for gap in catalog_tool.gaps("es")] == [wording.END]
    path = root / "es" / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as file:
        made = read_po(file, locale="es")
    made[wording.ROUND].string = "Ronda {round}."  # {rounds} lost
    with path.open("wb") as file:
        write_po(file, made)
    gaps = {gap.message: gap.why for gap in catalog_tool.gaps("es")}
    assert "placeholders ['round'] where English has ['round', 'rounds']" in gaps[wording.ROUND]


REFUSED = {  # a routine's refusal, in the language it is written in: the why, the fix, its line, and check's count
    "es": ("Valle de la Unión) se evita tradicionalmente en caso de embarazo; quita este paso", "Error: ", "línea", "1 problema encontrado"),
    "de": ("Vereinigtes Tal) wird bei Schwangerschaft traditionell gemieden", "Fehler: ", "Zeile", "1 Problem gefunden"),
    "fr": ("est traditionnellement évité en cas de grossesse ; retirez cette étape", "Erreur : ", "ligne", "1 problème trouvé"),
    "en": ("LI4 (Union Valley) is traditionally avoided in pregnancy; remove this step", "Error: ", "line", "1 problem found"),
}  # fmt: skip


@pytest.mark.process  # render checks that eSpeak is installed before it refuses
@pytest.mark.parametrize("language", REFUSED)
def test_a_point_to_avoid_is_refused_in_the_routines_own_language(language, tmp_path):
    from click.testing import CliRunner

    from acuguide.cli import cli

    path = tmp_path / "mine.yaml"
    path.write_text(f"title: Mine\nlanguage: {language}\navoid: [pregnancy]\nsteps:\n  - point: LI4\n    hold: 30s\n")
    why, prefix, line, count = REFUSED[language]
    checked = CliRunner().invoke(cli, ["check", str(path)])
    assert checked.exit_code == 1 and why in checked.output and checked.output.rstrip().endswith(count)
    rendered = CliRunner().invoke(cli, ["render", str(path), "-o", str(tmp_path / "out"), "--engine", "espeak"])
    assert rendered.exit_code != 0 and f"{prefix}{path}, {line} 5: steps[0].point: LI4 (" in rendered.output
    assert why in rendered.output and not (tmp_path / "out").exists()


def test_a_session_too_long_is_refused_in_its_language_with_its_decimals(tmp_path):
    path = tmp_path / "lang.yaml"
    path.write_text("title: Lang\nlanguage: de\nsteps:\n" + "  - pause: 1h\n" * 4 + "  - point: LI4\n    hold: 30s\n")
    with pytest.raises(RoutineError) as refused:
        session.check_safe(load(path), frozenset())
    assert refused.value.language == "de"
    assert "hier überschreitet die Sitzung 3 Stunden (4,0 Stunden Halten" in str(refused.value)


@pytest.mark.process  # check asks eSpeak which voices it has
def test_check_says_ok_in_the_routines_language():
    found: list[str] = []
    assert session.check("desk-break", _Collect(found), "fr").problems == 0
    assert found[-1] == "routines/desk-break.yaml: correcte (10 étapes, 3 étapes de point)"
