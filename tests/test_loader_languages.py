"""The loader's problems in the routine's language, from the real catalogs.

A person who writes a routine in Spanish reads what is wrong with it in Spanish: the loader's
messages, the word for "line" and check's count. YAML keys, field paths, the values a person
typed and file names stay as written. English stays as it was, to the byte.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from acuguide.cli import cli

MISTAKES = """\
language: {language}
sumary: {summary}
bells:
  start: maybe
steps:
  - point: BL233
    hold: abc
"""
SUMMARY = {"en": "A short break", "es": "Una pausa corta", "de": "Eine kurze Pause", "fr": "Une courte pause"}
KEYS = "title, summary, language, voice, warning, safety, avoid, equipment, breathing, points, defaults, bells, ambient, phrases, intro, steps, outro"  # fmt: skip

SAID = {  # after "<file>, ": one line a mistake (a misspelt key, a missing title, a bad on/off, an unknown point, a bad duration), then the count
    "en": [
        f"line 2: sumary: unknown key; did you mean 'summary'?; allowed: {KEYS}",
        "line 1: title: missing; the file needs it",
        "line 4: bells.start: expected on or off, got 'maybe' (yes/no and true/false work too; none means off)",
        "line 6: steps[0].point: unknown point 'BL233'; did you mean BL33 or BL23? (acuguide points lists them all; add your own with points: FILE)",
        "line 7: steps[0].hold: expected a duration like 45s, 1m or 1m30s, got 'abc'",
        "5 problems found",
    ],
    "es": [
        f"línea 2: sumary: clave desconocida; ¿querías decir 'summary'?; se admiten: {KEYS}",
        "línea 1: title: falta; el archivo la necesita",
        "línea 4: bells.start: se esperaba on u off, pero hay 'maybe' (también valen yes/no y true/false; none equivale a off)",
        "línea 6: steps[0].point: punto desconocido: 'BL233'; ¿querías decir BL33 o BL23? (acuguide points los muestra todos; añade los tuyos con points: ARCHIVO)",
        "línea 7: steps[0].hold: se esperaba una duración como 45s, 1m o 1m30s, pero hay 'abc'",
        "5 problemas encontrados",
    ],
    "de": [
        f"Zeile 2: sumary: unbekannter Schlüssel; meinten Sie 'summary'?; erlaubt sind: {KEYS}",
        "Zeile 1: title: fehlt; die Datei braucht ihn",
        "Zeile 4: bells.start: erwartet wird on oder off, angegeben ist 'maybe' (yes/no und true/false gehen auch; none bedeutet off)",
        "Zeile 6: steps[0].point: unbekannter Punkt 'BL233'; meinten Sie BL33 oder BL23? (acuguide points listet alle auf; eigene fügen Sie mit points: DATEI hinzu)",
        "Zeile 7: steps[0].hold: erwartet wird eine Dauer wie 45s, 1m oder 1m30s, angegeben ist 'abc'",
        "5 Probleme gefunden",
    ],
    "fr": [
        f"ligne 2: sumary: clé inconnue ; vouliez-vous dire 'summary' ? ; clés autorisées : {KEYS}",
        "ligne 1: title: manquante ; le fichier en a besoin",
        "ligne 4: bells.start: valeur attendue : on ou off ; trouvé : 'maybe' (yes/no et true/false conviennent aussi ; none veut dire off)",
        "ligne 6: steps[0].point: point inconnu : 'BL233' ; vouliez-vous dire BL33 ou BL23 ? (acuguide points les liste tous ; ajoutez les vôtres avec points: FICHIER)",
        "ligne 7: steps[0].hold: on attend une durée comme 45s, 1m ou 1m30s ; trouvé : 'abc'",
        "5 problèmes trouvés",
    ],
}  # fmt: skip


def check(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["check", *args])
    return result.exit_code, result.output.splitlines()


@pytest.mark.parametrize("language", SAID)
def test_check_says_a_routines_mistakes_in_its_language(language, tmp_path):
    path = tmp_path / f"mine-{language}.yaml"
    path.write_text(MISTAKES.format(language=language, summary=SUMMARY[language]), encoding="utf-8")
    code, lines = check(str(path))
    *problems, count = SAID[language]
    assert code == 1
    assert lines == [f"{path}, {problem}" for problem in problems] + [count]


def test_a_routine_asked_in_another_language_is_refused_in_that_one(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("title: My break\nsteps:\n  - say: Sit comfortably.\n", encoding="utf-8")
    code, lines = check(str(path), "--language", "de")
    assert code == 1 and lines[-1] == "2 Probleme gefunden"
    assert lines[0].startswith(f"{path}, Zeile 1: title: 'My break' liegt nicht auf Deutsch vor: diese Routine ist")


def test_yaml_that_does_not_parse_is_told_in_the_language_asked_else_in_english(tmp_path):
    path = tmp_path / "roto.yaml"
    path.write_text("language: es\ntitle: [Mi pausa\n", encoding="utf-8")
    _, asked = check(str(path), "--language", "fr")
    _, unasked = check(str(path))
    assert asked[0].startswith(f"{path}, ligne 3: YAML non valide : ") and asked[-1] == "1 problème trouvé"
    assert unasked[0].startswith(f"{path}, line 3: not valid YAML: ") and unasked[-1] == "1 problem found"


def test_a_file_too_big_is_refused_in_the_language_asked_with_its_numbers_grouped(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"#" * 1_000_001)
    _, lines = check(str(path), "--language", "de")
    assert lines[0] == (
        f"{path}: die Datei ist 1.000.001 Bytes groß; eine Routine darf höchstens 1.000.000 Bytes (1 MB) groß sein"
    )
    _, english = check(str(path))
    assert english[0] == f"{path}: the file is 1,000,001 bytes; a routine may be at most 1,000,000 (1 MB)"


def test_a_tool_refused_on_a_point_is_said_in_the_routines_language_with_the_keys_as_written(tmp_path):
    path = tmp_path / "bola.yaml"
    path.write_text("title: Bola\nlanguage: es\nsteps:\n  - point: GV4\n    tool: gun\n", encoding="utf-8")
    _, lines = check(str(path))
    assert lines[0].startswith(f"{path}, línea 4: steps[0].tool: no se puede usar gun en GV4 (")
    assert "su entrada en la biblioteca de puntos solo admite " in lines[0] and "escribe tool: hands" in lines[0]


def test_a_routine_in_a_language_without_a_catalog_is_told_so_not_a_traceback(tmp_path):
    path = tmp_path / "xx.yaml"
    path.write_text("title: X\nlanguage: xx\nsteps:\n  - pause: 5s\n", encoding="utf-8")
    code, lines = check(str(path))
    assert code == 1
    assert lines == [f"{path}, line 2: language: unknown language 'xx'; known: en, de, es, fr", "1 problem found"]
