"""A session written in Spanish, rendered end to end through eSpeak NG's Spanish voice and ffmpeg.

The catalog here is the pseudo-translation of test_languages with real Spanish for the
messages this routine hears, so the voice speaks Spanish; the MP3 is decoded and measured
like the English end-to-end tests: every hold exact, the language in the tag and the timeline.
"""

from __future__ import annotations

import json

import pytest
from audio import decode
from click.testing import CliRunner
from mutagen.id3 import ID3
from test_languages import write_pseudo

from acuguide.cli import cli
from acuguide.content import catalog
from acuguide.engines import VOICES_ENV

pytestmark = pytest.mark.audio
TOLERANCE = 0.020

SPANISH = {
    (None, "{title}: introduction"): "{title}: introducción",
    ("chapter", "End"): "Fin",
    (None, "This is the end of the session."): "Aquí termina la sesión.",
    (None, "Start on the left side."): "Empieza por el lado izquierdo.",
    (None, "Press firmly."): "Presiona con firmeza.",
    (None, "{duration} left."): ("Queda {duration}.", "Quedan {duration}.", "Quedan {duration}."),
    (None, "{n} second"): ("un segundo", "{n} de segundos", "{n} segundos"),  # one, many (millions), other
    (None, "{n} minute"): ("un minuto", "{n} de minutos", "{n} minutos"),
    ("duration", "{minutes} {seconds}"): "{minutes} y {seconds}",
    (None, "And release."): "Y suelta.",
    (None, "Now the right side, the same spot."): "Ahora el lado derecho, en el mismo punto.",
    (None, ", {side}"): ", {side}",
    ("side", "left"): "izquierdo",
    ("side", "right"): "derecho",
    ("point name", "Union Valley"): "Valle de la Unión",
    ("ISO 639-2 code", "eng"): "spa",
}


@pytest.fixture
def spanish(tmp_path, monkeypatch):
    from babel.messages.pofile import read_po, write_po

    root = tmp_path / "locale"
    write_pseudo(root, "es")
    path = root / "es" / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as file:
        made = read_po(file, locale="es")
    for message in made:
        key = (message.context, message.id if isinstance(message.id, str) else message.id[0])
        if key in SPANISH:
            message.string = SPANISH[key]
    with path.open("wb") as file:
        write_po(file, made)
    monkeypatch.setattr(catalog, "locale_root", lambda: root)
    monkeypatch.setenv(VOICES_ENV, str(tmp_path / "no-voices"))  # the voice a person without Piper voices gets
    catalog._catalog.cache_clear()
    yield
    catalog._catalog.cache_clear()


def test_a_spanish_routine_renders_in_spanish_with_exact_holds(spanish, tmp_path, write_routine):
    path = write_routine("""
        title: Prueba de tiempo
        language: es
        safety: off
        bells: off
        defaults: {breathing: none, rest: 3s, markers: [10s]}
        steps:
          - say: Siéntate cómodamente y relaja los hombros.
          - point: LI4
            say: Busca el punto entre el pulgar y el índice de la otra mano.
            hold: 15s
    """)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["render", str(path), "-o", str(out), "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code == 0, result.output
    timeline = json.loads((out / "routine.json").read_text())
    assert timeline["language"] == "es"
    assert timeline["speech"]["engine"] == "espeak" and timeline["speech"]["voice"] == "es+m3"  # no Piper voice for es
    spoken = {c["text"]: c.get("spoken") for c in timeline["cues"] if c["kind"] not in ("bell", "tone")}
    assert spoken["Quedan 10 segundos."] == "Quedan diez segundos."
    assert not [s for s in spoken.values() if s and any(ch.isdigit() for ch in s)]
    assert [c["title"] for c in timeline["chapters"]][-2:] == ["LI4 Valle de la Unión, derecho", "Fin"]
    assert str(ID3(out / "routine.mp3")["TLAN"]) == "spa"
    audio = decode(out / "routine.mp3", timeline["loudness"]["gain"])
    for hold in timeline["holds"]:
        press_end = audio.last_sound(hold["start"] - 3, hold["start"] + 0.5)
        release_start = audio.first_sound(hold["end"] - 0.5, hold["end"] + 1)
        assert abs((release_start - press_end) - (hold["end"] - hold["start"])) <= TOLERANCE, hold
