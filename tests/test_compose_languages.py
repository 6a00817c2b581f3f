"""compose in Spanish, German and French: its own words (notes, refusals, the line it prints)
come from the language's catalog, and what a person types is read in the language asked.

The tests that read the real translations are marked `catalogs` (as in test_languages.py);
the reading of words alone is pure."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from signs import named, naming

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
    assert out.read_text().startswith("# Von acuguide zusammengestellt: compose --for")  # its header too


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


# -- what a person types, read in their language ------------------------------------------

from acuguide.compose import triage  # noqa: E402
from acuguide.content.points import COMPLAINTS  # noqa: E402

ENGLISH_TABLE = triage.table()


def own(language: str) -> dict:
    """The language's own file, without the English rows a reading adds to it."""
    return triage._load(f"screening.{language}.yaml")


def test_every_language_compose_reads_has_its_own_tables():
    assert set(triage.languages_read()) == {"en", *LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_covers_every_sign_and_table_of_the_english(language):
    """A sign added to screening.yaml cannot be silently missing in a language."""
    table = own(language)
    assert set(table["signs"]) == set(ENGLISH_TABLE["signs"])
    for key, sign in ENGLISH_TABLE["signs"].items():
        if sign["words"] or key == "pregnancy-signs":
            assert table["signs"][key]["words"], (language, key)
            assert all(row["says"] for row in table["signs"][key]["words"]), (language, key)
    assert table["modifiers"]["thinners"]["words"] and table["pregnancy"] and table["pregnancy_not"]
    for key in triage.OWN:
        assert key in table, (language, key)
    assert set(table["context"]) == set(ENGLISH_TABLE["context"])
    assert set(table["whose"]) == set(ENGLISH_TABLE["whose"])
    assert set(table["ages"]) == set(ENGLISH_TABLE["ages"])
    assert set(table["complaints"]) == set(COMPLAINTS)
    answers = {(o["about"], o["see"]) for o in ENGLISH_TABLE["outside"]}
    assert {(o["about"], o["see"]) for o in table["outside"]} == answers  # their texts are in the catalogs


ROWS = [(lang, key, n, row) for lang in LANGUAGES for key, sign in own(lang)["signs"].items()
        for n, row in enumerate(sign["words"])]  # fmt: skip


@pytest.mark.parametrize("language,key,number,row", ROWS, ids=[f"{la}-{k}-{n}" for la, k, n, _ in ROWS])
def test_each_row_of_a_language_reads_each_of_its_own_examples_as_its_sign(language, key, number, row):
    first = {"es": "Estoy embarazada.", "de": "Ich bin schwanger.", "fr": "Je suis enceinte."}[language]
    back = {"es": "Me duele la espalda.", "de": "Mir tut der Rücken weh.", "fr": "J'ai mal au dos."}[language]
    for said in row["says"]:
        found = named(triage.red_flags(f"{first if key == 'pregnancy-signs' else back} {said}", language))
        assert row.get("early", key) in found, (language, key, said, found)  # early in a pregnancy, if it says


NOTS = [(lang, key, words) for lang in LANGUAGES for key, sign in own(lang)["signs"].items() for words in sign["not"]]


@pytest.mark.parametrize("language,sign,words", NOTS)
def test_what_only_looks_like_a_sign_in_a_language_is_not_that_sign(language, sign, words):
    assert sign not in [f.sign for f in triage.red_flags(f"{words}.", language)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_pregnancy_and_blood_thinners_are_read_in_each_language(language):
    table = own(language)
    for row in table["pregnancy"]:
        assert all(triage.pregnancy(said, language) for said in row["says"]), row["says"]
    assert not any(triage.pregnancy(said, language) for said in table["pregnancy_not"])
    for row in table["modifiers"]["thinners"]["words"]:
        assert all(triage.read(said, language).thinners for said in row["says"])


RED_FLAGS = {
    "es": [
        ("no puedo orinar y me duele la espalda", "continence"), ("dolor lumbar, se me escapa el pis", "continence"),
        ("no siento nada al sentarme en el inodoro", "saddle"), ("dolor lumbar y hormigueo en la entrepierna", "saddle"),
        ("lumbago con fiebre", "fever"), ("me cai por las escaleras y me duele la espalda", "injury"),
        ("tuve cáncer de mama, dolor lumbar", "cancer"), ("dolor de espalda, arrastro el pie derecho", "legs"),
        ("me duele el pecho y la espalda", "chest"), ("he perdido peso sin querer, dolor lumbar", "weight"),
        ("dolor de espalda que me despierta por la noche", "rest"), ("tengo 14 años y me duele la espalda", "child"),
        ("mi abuela de 92 años tiene dolor de espalda", "older"), ("estoy embarazada y estoy sangrando", "pregnancy-signs"),
        ("me operaron de la columna hace un mes", "surgery"), ("la pantorrilla hinchada y roja, dolor lumbar", "calf"),
        ("no se si tengo fiebre, dolor de espalda", "fever"), ("sin fiebre pero con dolor en el pecho", "chest"),
    ],
    "de": [
        ("kann nicht pinkeln und Kreuzschmerzen", "continence"), ("Rückenschmerzen und Taubheit im Schritt", "saddle"),
        ("Kreuzschmerzen mit Fieber", "fever"), ("bin gestürzt, jetzt tut der Rücken weh", "injury"),
        ("ich hatte Brustkrebs, Rückenschmerzen", "cancer"), ("Ischias, und mein Fuß schleift", "legs"),
        ("Rückenschmerzen und Druck auf der Brust", "chest"), ("ungewollt abgenommen, Kreuzschmerzen", "weight"),
        ("Rückenschmerzen, die mich nachts wecken", "rest"), ("ich bin 14 und mein Rücken tut weh", "child"),
        ("meine Oma hat Rückenschmerzen", "older"), ("im 7. Monat schwanger mit Blutung", "pregnancy-signs"),
        ("Kreuzschmerzen nach einem Autounfall", "injury"), ("Rueckenschmerzen, Urinverlust", "continence"),
        ("kein Fieber aber Atemnot und Rückenschmerzen", "chest"), ("Osteoporose und neue Rückenschmerzen", "bones"),
    ],
    "fr": [
        ("je n'arrive plus à uriner et j'ai mal au dos", "continence"),
        ("mal au dos, engourdissement entre les jambes", "saddle"), ("mal au dos avec de la fièvre", "fever"),
        ("je suis tombé dans l'escalier, mal au dos", "injury"), ("mal au dos, j'ai eu un cancer du sein", "cancer"),
        ("sciatique et je traîne le pied", "legs"), ("mal au dos et mal à la poitrine", "chest"),
        ("perte de poids inexpliquée et mal au dos", "weight"), ("mal au dos qui me réveille la nuit", "rest"),
        ("j'ai 14 ans et mal au dos", "child"), ("ma grand-mère a mal au dos", "older"),
        ("je suis enceinte et je saigne", "pregnancy-signs"), ("lombalgie, fuites urinaires", "continence"),
        ("pas de fièvre mais des frissons, mal au dos", "fever"), ("mal au dos apres un accident de voiture", "injury"),
        ("opéré du dos il y a deux mois", "surgery"),
    ],
}  # fmt: skip
REFUSALS = [(lang, words, sign) for lang, rows in RED_FLAGS.items() for words, sign in rows]


@pytest.mark.catalogs
@pytest.mark.parametrize("language,words,sign", REFUSALS)
def test_red_flags_in_everyday_words_refuse_in_the_language_with_the_words_quoted(language, words, sign):
    with pytest.raises(composer.RedFlagError) as refused:
        composer.read_complaint(composer.Answers(words, 10, language=language))
    finding = naming(refused.value.findings, sign)
    assert finding, words
    message = str(refused.value)
    assert not ENGLISH.search(message) and "No session was composed" not in message, message
    said = finding.said
    assert said.lower() in words.lower().replace("-", " ") or said in words, (said, words)


ORDINARY = {
    "es": [("dolor lumbar", "lower back"), ("me duele la parte baja de la espalda", "lower back"),
           ("sin fiebre, dolor lumbar", "lower back"), ("mi madre tuvo cáncer y me duele la espalda", "lower back"),
           ("ciática en la pierna izquierda", "sciatica and hip"), ("estrés y tensión", "stress"),
           ("tengo 45 años y lumbago", "lower back"), ("no me he caído, pero me duele la espalda", "lower back"),
           ("dolor de espalda desde hace 3 años, no tengo fiebre", "lower back"), ("hombros cargados", "upper back and shoulders"),
           ("¿y si tengo fiebre después? me duele la espalda", "lower back"),
           ("dolor de cuello y espalda", "upper back and shoulders"), ("me duele la espalda y el cuello", "upper back and shoulders"),
           ("me duele la nuca", "upper back and shoulders"), ("tortícolis", "upper back and shoulders"),
           ("dolor de espalda alta", "upper back and shoulders"),
           ("cuello rígido y dolor de cabeza, sin fiebre ni náuseas", "upper back and shoulders")],
    "de": [("Kreuzschmerzen", "lower back"), ("Schmerzen im unteren Rücken", "lower back"),
           ("kein Fieber, Rückenschmerzen", "lower back"), ("meine Mutter hatte Brustkrebs, mein Rücken tut weh", "lower back"),
           ("Ischias links", "sciatica and hip"), ("Nacken verspannt, kein Unfall", "upper back and shoulders"),
           ("ich bin 45 und habe Rückenschmerzen", "lower back"), ("Stress bei der Arbeit", "stress"),
           ("was wenn ich Fieber bekomme? Kreuzschmerzen", "lower back"), ("nicht gestürzt, Hexenschuss", "lower back"),
           ("Nacken und Rücken verspannt", "upper back and shoulders"), ("Nackenverspannung", "upper back and shoulders"),
           ("Rückenverspannung", "lower back"), ("Nacken steif, aber kein Fieber, keine Übelkeit", "upper back and shoulders")],
    "fr": [("mal au bas du dos", "lower back"), ("sciatique", "sciatica and hip"), ("pas de fièvre, mal au dos", "lower back"),
           ("ma mère a eu un cancer du sein, j'ai mal au dos", "lower back"), ("lombalgie depuis 3 ans", "lower back"),
           ("j'ai 45 ans et mal au dos", "lower back"), ("je ne suis pas tombé, mal aux lombaires", "lower back"),
           ("stress et tensions", "stress"), ("et si j'ai de la fièvre ? mal au dos", "lower back"),
           ("je n'ai pas de fièvre, mal à la nuque", "upper back and shoulders"), ("dos et nuque tendus", "upper back and shoulders"),
           ("torticolis", "upper back and shoulders"), ("nuque raide, pas de fièvre ni de nausées", "upper back and shoulders")],
}  # fmt: skip
COMPOSED = [(lang, words, complaint) for lang, rows in ORDINARY.items() for words, complaint in rows]


@pytest.mark.parametrize("language,words,complaint", COMPOSED)
def test_ordinary_words_in_the_language_are_read_as_their_complaint(language, words, complaint):
    assert triage.red_flags(words, language) == [], words
    _, found, _ = composer.read_complaint(composer.Answers(words, 10, language=language))
    assert found == complaint


@pytest.mark.catalogs
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_complaint_in_the_language_composes_a_session_in_it(language):
    words = {"es": "sin fiebre, me duele la parte baja de la espalda", "de": "kein Fieber, Kreuzschmerzen",
             "fr": "pas de fièvre, mal au bas du dos"}[language]  # fmt: skip
    composed = composer.compose(composer.Answers(words, 10, ("hands",), language=language, engine="espeak"))
    assert composed.routine.language == language and not any(ENGLISH.search(n) for n in composed.notices)


@pytest.mark.parametrize("language", LANGUAGES)
def test_english_complaint_names_and_english_red_flags_are_still_read(language):
    assert composer.match_complaint("lower back", language) == "lower back"
    assert [f.sign for f in triage.red_flags("lower back, I can't pee", language)] == ["continence"]


# What a tester found composed: red flags in the words people use, each refused with its sign,
# the person's words quoted and whom to see, in the session's language; and the near-misses
# beside them that must still compose.
def _refused(language, words, sign):
    with pytest.raises(composer.RedFlagError) as refused:
        composer.read_complaint(composer.Answers(words, 10, language=language))
    finding = naming(refused.value.findings, sign)  # the sign, or a more urgent form of it
    assert finding, words
    said = finding.said
    message = str(refused.value)
    assert said in message and (said.lower() in words.lower() or said in words), (said, words)
    todo = translator(language)(triage.table()["urgency"][triage.urgency(finding)])
    assert todo in message, message
    if language != "en":
        assert not ENGLISH.search(message) and "No session was composed" not in message, message


def _composes(language, words):
    assert triage.red_flags(words, language) == [], words
    composer.read_complaint(composer.Answers(words, 10, language=language))


FOOT_DROP = [
    ("en", "my foot keeps flopping when i walk"), ("en", "my foot slapping on the floor, lower back pain"),
    ("en", "my toes catch on the stairs and my back aches"), ("en", "I can't pick my foot up properly"),
    ("de", "mein Fuß schlappt beim Gehen, ich bleib dauernd an der Treppe hängen"),
    ("de", "Rückenschmerzen, ich bleibe mit den Zehen an jeder Stufe hängen"), ("de", "Fußheberschwäche seit gestern"),
    ("de", "Kreuzschmerzen und ich kann den Fuß nicht hochziehen"),
    ("es", "dolor lumbar y se me cae el pie al andar"), ("es", "pie cae, me duele la espalda"),
    ("es", "se me engancha la punta del pie en los escalones"),
    ("fr", "mal au dos, je traîne le pied"), ("fr", "sciatique et pied qui tombe"),
    ("fr", "mes orteils accrochent les marches, mal au dos"),
]  # fmt: skip


@pytest.mark.catalogs
@pytest.mark.parametrize("language,words", FOOT_DROP)
def test_a_foot_that_drops_in_everyday_words_is_refused(language, words):
    _refused(language, words, "legs")


@pytest.mark.parametrize("language,words", [
    ("en", "my lower back aches, no weakness in my legs"), ("de", "Kreuzschmerzen, Kribbeln im Fuß"),
    ("es", "dolor lumbar, hormigueo en el pie"), ("fr", "mal au dos, fourmillements dans le pied"),
])  # fmt: skip
def test_a_foot_that_is_only_tingling_still_composes(language, words):
    _composes(language, words)


GERMAN_FALLS = [
    "bin gestern von der Leiter gefallen", "Rückenschmerzen, bin gestern von der Leiter gefallen",
    "bin aus dem Bett gefallen, seitdem Kreuzschmerzen", "die Treppe runtergefallen und jetzt Rückenschmerzen",
    "auf Glatteis ausgerutscht, Kreuzschmerzen", "vom Fahrrad gefallen, mein Rücken tut weh",
    "bin auf dem Eis gefallen, Rückenschmerzen",
]  # fmt: skip


@pytest.mark.catalogs
@pytest.mark.parametrize("words", GERMAN_FALLS)
def test_a_fall_in_german_is_refused(words):
    _refused("de", words, "injury")


@pytest.mark.parametrize("words", [
    "kein Sturz, Kreuzschmerzen", "nicht gestürzt, Rückenschmerzen", "mein Kind ist gefallen und ich habe Rückenschmerzen",
    "der Kurs hat mir gefallen, Kreuzschmerzen", "Rückenschmerzen, die Entscheidung ist mir schwer gefallen",
])  # fmt: skip
def test_what_is_no_fall_of_ones_own_in_german_still_composes(words):
    _composes("de", words)


def test_a_twisted_ankle_in_german_is_the_ankle_not_a_back_trauma():
    assert triage.red_flags("umgeknickt", "de") == []
    assert triage.read("umgeknickt", "de").outside[0].about == "a sprain or an ankle"


GERMAN_WEIGHT = [
    "hab 8 Kilo abgenommen ohne Diät", "hab 8 kilo abgenommen ohne diaet, Rückenschmerzen",
    "Kreuzschmerzen und ich habe 6 Kilo Gewicht verloren", "ich nehme ständig ab ohne Grund, Rückenschmerzen",
]  # fmt: skip


@pytest.mark.catalogs
@pytest.mark.parametrize("words", GERMAN_WEIGHT)
def test_weight_lost_without_trying_in_german_is_refused(words):
    _refused("de", words, "weight")


@pytest.mark.parametrize("words", [
    "mit Diät abgenommen, Kreuzschmerzen", "ich will abnehmen, Rückenschmerzen", "5 Kilo verloren mit Diät, Kreuzschmerzen",
])  # fmt: skip
def test_weight_lost_on_purpose_in_german_still_composes(words):
    _composes("de", words)


SPANISH_CHEST = [
    "me duele la espalda y el pecho como un peso que me aprieta", "dolor lumbar y me aprieta el pecho",
    "opresión en el pecho y dolor de espalda", "dolor en el pecho y en la espalda",
    "me duele la espalda y también el pecho",
]  # fmt: skip


@pytest.mark.catalogs
@pytest.mark.parametrize("words", SPANISH_CHEST)
def test_chest_pain_in_spanish_away_from_its_verb_is_refused(words):
    _refused("es", words, "chest")


@pytest.mark.parametrize("words", [
    "sin dolor en el pecho, me duele la espalda", "me duele la espalda pero no el pecho",
    "me duele la espalda, ni el pecho ni nada más",
])  # fmt: skip
def test_chest_pain_denied_in_spanish_still_composes(words):
    _composes("es", words)


PREGNANCY_SIGNS = [
    ("fr", "enceinte de 8 mois, mal au dos, le ventre se durcit toutes les 10 minutes"),
    ("fr", "je suis enceinte, ventre dur et mal au dos"), ("fr", "enceinte, mal au dos et des contractions"),
    ("fr", "enceinte, mal au dos et je perds de l'eau"), ("fr", "enceinte, perte des eaux et mal aux reins"),
    ("es", "embarazada de 34 semanas, se me pone duro el vientre"), ("es", "estoy embarazada y se me pone dura la barriga"),
    ("es", "embarazada, dolor lumbar y se me sale agua"), ("es", "embarazada de 38 semanas, rompí aguas"),
    ("de", "schwanger, Kreuzschmerzen und der Bauch wird hart"), ("de", "schwanger 35. SSW, Wehen und Rückenschmerzen"),
    ("de", "schwanger 36. woche, Kreuzschmerzen und es läuft ständig so wasser raus"),
    ("de", "schwanger 36. woche, rückenweh und es läuft ständig so wasser raus"),
    ("de", "schwanger, die Fruchtblase ist geplatzt"),
]  # fmt: skip


@pytest.mark.catalogs
@pytest.mark.parametrize("language,words", PREGNANCY_SIGNS)
def test_labour_and_waters_in_everyday_words_are_refused_for_the_midwife(language, words):
    _refused(language, words, "pregnancy-signs")


@pytest.mark.parametrize("language,words", [
    ("fr", "enceinte, mal au dos, pas de contractions"), ("es", "embarazada, sin contracciones, me duele la espalda"),
    ("de", "schwanger, keine Wehen, Kreuzschmerzen"), ("de", "schwanger, ich trinke viel Wasser, Kreuzschmerzen"),
])  # fmt: skip
def test_labour_denied_still_composes_with_the_pregnancy_noted(language, words):
    assert not any(f.sign == "pregnancy-signs" for f in triage.red_flags(words, language)), words
    _, _, notices = composer.read_complaint(composer.Answers(words, 10, language=language))
    assert notices


def test_a_red_flag_wins_over_a_complaint_compose_does_not_know():
    with pytest.raises(composer.RedFlagError):  # read before the complaint: the sign, not "unknown complaint"
        words = "schwanger, Wadenkrampf und es läuft ständig Wasser raus"
        composer.read_complaint(composer.Answers(words, 10, language="de"))


# What a second tester found composed: each red flag in everyday and regional wording (Québec,
# Latin America, Switzerland, Austria), refused with its sign and the words quoted; the wordings
# beside them that are no sign, or someone else's, still compose.
SECOND_TESTER = [
    ("fr", "mal au dos qui me réveille toutes les nuits, même couchée ça ne passe pas", "rest"),
    ("fr", "mal au dos qui me reveille toutes les nuits et meme couchee ca passe pas", "rest"),
    ("fr", "lombalgie, même allongé ça ne se calme pas", "rest"),
    ("fr", "mal aux reins, la douleur me réveille chaque nuit", "rest"),
    ("fr", "mal au dos, au lit ça passe pas", "rest"),
    ("fr", "j'ai mal au dos et je n'arrive plus à retenir mon pipi", "continence"),
    ("fr", "j'ai mal au dos pis chu pu capable de retenir mon pipi", "continence"),
    ("fr", "mal au dos, je me fais pipi dessus", "continence"),
    ("fr", "lumbago et fuites urinaires depuis hier", "continence"),
    ("fr", "mal au dos, je suis pas capable de faire pipi", "continence"),
    ("es", "me duele la espalda y ya no me aguanto la pipi, se me sale sola", "continence"),
    ("es", "dolor lumbar y no aguanto el pis", "continence"),
    ("es", "me duele la espalda, se me sale el pis", "continence"),
    ("es", "lumbago y me orino encima", "continence"),
    ("de", "Hexenschuss, und jetzt schleift mein rechter Fuß beim Gehen am Boden", "legs"),
    ("de", "Kreuzschmerzen, der Fuß schleift", "legs"),
    ("de", "Rückenschmerzen und meine Zehen bleiben hängen", "legs"),
    ("de", "Ischias, ich ziehe das linke Bein nach", "legs"),
    ("en", "tried to get up and my leg just gave out, back is killing me", "legs"),
    ("en", "lower back pain and my leg gave way", "legs"),
    ("en", "my knee buckled and my back aches", "legs"),
    ("en", "back spasm, then my legs went from under me", "legs"),
    ("es", "ayer me chocaron el carro y ahorita me duele toda la espalda", "injury"),
    ("es", "choqué con la moto y me duele la cintura", "injury"),
    ("es", "me atropellaron hace una semana, dolor lumbar", "injury"),
    ("es", "tuve un accidente de moto, me duele la espalda", "injury"),
    ("de", "hab mich gestern mit dem Velo hingelegt, seitdem Rückenschmerzen", "injury"),
    ("de", "Kreuzweh nach einem Velounfall", "injury"),
    ("de", "mit dem Rad hingelegt, Rücken tut weh", "injury"),
    ("de", "Auffahrunfall letzte Woche, Rückenschmerzen", "injury"),
    ("fr", "mal au bas du dos, j'ai pris une débarque dans l'escalier hier", "injury"),
    ("fr", "mal au dos après une chute à vélo", "injury"),
    ("fr", "je me suis fait accrocher en auto, mal au dos", "injury"),
    ("de", "Kreuzweh und i kann seit gestern ned richtig bieseln, es tröpfelt nur", "continence"),
    ("de", "Rückenweh, kann kaum pieseln", "continence"),
    ("de", "Kreuzschmerzen und es tröpfelt nur", "continence"),
    ("de", "Kreuzweh, i kann nimmer richtig brunzen", "continence"),
]  # fmt: skip


@pytest.mark.catalogs
@pytest.mark.parametrize("language,words,sign", SECOND_TESTER)
def test_red_flags_a_second_tester_found_composed_are_refused(language, words, sign):
    _refused(language, words, sign)


UNKNOWN_AND_A_FLAG = [
    ("es", "me duele la cintura y ya no me aguanto la pipi, se me sale sola", "continence"),
    ("es", "me duele el alma y no aguanto el pis", "continence"),
    ("fr", "je me sens bizarre et je me fais pipi dessus", "continence"),
    ("de", "irgendwas stimmt nicht und i kann ned bieseln", "continence"),
    ("en", "my whatsit is sore and my leg just gave out", "legs"),
]  # fmt: skip


@pytest.mark.catalogs
@pytest.mark.parametrize("language,words,sign", UNKNOWN_AND_A_FLAG)
def test_a_red_flag_is_answered_first_whatever_the_complaint(language, words, sign):
    _refused(language, words, sign)


def test_a_red_flag_beside_a_complaint_compose_does_not_know_is_refused_not_unknown():
    with pytest.raises(composer.ComposeError):  # the complaint alone is unknown...
        composer.match_complaint("me duele el alma", "es")
    with pytest.raises(composer.RedFlagError):  # ...and the sign beside it still refuses, first
        composer.read_complaint(composer.Answers("me duele el alma y no aguanto el pis", 10, language="es"))


@pytest.mark.parametrize("language,words", [
    ("es", "no me caí, pero me duele la cintura"), ("es", "me duele la cintura de cargar a mi hija"),
    ("es", "mi hija tuvo un accidente de moto y a mí me duele la cintura"), ("es", "no aguanto el dolor de cintura"),
    ("es", "me choca que me duela tanto la espalda"), ("es", "me duele la cintura de mi hija"),
    ("de", "kein Unfall, nur Kreuzweh vom Heben"), ("de", "Rückenschmerzen, hab mich gestern früh hingelegt"),
    ("de", "Ischias, der Schmerz zieht bis in den Fuß"), ("de", "kein Velounfall, Rückenweh vom Tragen"),
    ("fr", "je ne suis pas tombée, mal au dos"), ("fr", "je me réveille le matin avec mal au dos"),
    ("fr", "mal au dos, allongée ça passe"), ("fr", "je fais la plonge au restaurant, mal au dos"),
    ("en", "my leg is fine, my lower back hurts"), ("en", "my back gave out lifting a box"),
    ("en", "my back went out, no weakness in my legs"),
])  # fmt: skip
def test_what_only_sounds_like_those_signs_still_composes(language, words):
    _composes(language, words)


@pytest.mark.parametrize("words,complaint", [
    ("me duele mucho la cintura de cargar cajas", "lower back"), ("dolor de cintura", "lower back"),
    ("me duelen los riñones", "lower back"), ("lumbago", "lower back"), ("me duele la rabadilla", "sacral ache"),
    ("cintura", "lower back"),
])  # fmt: skip
def test_everyday_spanish_words_for_the_low_back_are_its_complaint(words, complaint):
    assert triage.red_flags(words, "es") == [], words
    _, found, _ = composer.read_complaint(composer.Answers(words, 10, language="es"))
    assert found == complaint


BACK_WORDS = [
    "Rückenweh vom Umzug",
    "Rückenweh",
    "Rückenschmerzen",
    "Kreuzweh",
    "Buckel tut weh",
    "rueckenweh",
    "Verspannung im Lendenbereich",
    "Schmerzen in der Lendengegend seit dem Umzug",
]  # the loins are a place, over tension


@pytest.mark.parametrize(
    "language,words,complaint",
    [
        ("de", "Mein Hausarzt hat was von Bandscheibenvorwölbung gesagt und ich bin jetzt total verwirrt was das eigentlich heißt. Hab Schmerzen unten im Rücken die hinten ins Bein ziehen bis zum Knie, sonst nix", "sciatica and hip"),
        ("es", "me siento hinchada y con gases", "bloating"),
        ("es", "tengo la barriga hinchada y me duele la espalda", "bloating"),
    ],
)  # fmt: skip
def test_pain_into_the_leg_is_sciatica_and_a_swelling_is_bloating_only_of_the_belly(language, words, complaint):
    _, found, _ = composer.read_complaint(composer.Answers(words, 10, language=language))
    assert found == complaint


@pytest.mark.parametrize("words", BACK_WORDS)
def test_everyday_german_words_for_back_pain_are_the_lower_back_as_in_english(words):
    assert composer.match_complaint("back pain", "en") == "lower back"
    _, found, _ = composer.read_complaint(composer.Answers(words, 10, language="de"))
    assert found == "lower back"


@pytest.mark.catalogs
@pytest.mark.parametrize("tools", [("hands",), ("ball",), ("roller",), ("gun",)])
def test_the_german_out_of_reach_note_keeps_its_cases_right_whatever_the_tools(tools):
    """The tool names are nominative ("Ihre eigenen Hände", "ein Massageball"): the note must not
    put them after "Mit" or as an object ("Mit Ihre eigenen Hände", "ergänzen Sie ein Massageball")."""
    notes = [n for c in COMPLAINTS for n in composer._left_out(c, composer.Answers(c, 10, tools, language="de"))]
    wrong = re.compile(r"\bMit (?:Ihre|ein|eine) |ergänzen Sie (?:Ihre|ein|eine) |\bMit Ihrer Auswahl \(")
    assert notes and not any(wrong.search(n) for n in notes), notes


# -- compose's errors and a composed file's comments, in the language ------------------------------------
PREFIX = {"en": "Error: ", "es": "Error: ", "de": "Fehler: ", "fr": "Erreur : "}
# English words of compose's errors; "Error" is Spanish too, "minutes" French
ERROR_WORDS = {
    "es": ("minutes", "tool", "too short", "too long", "ask for", "left out", "avoided", "holds", "rounds", "reached"),
    "de": ("minutes", "tool", "Error", "too short", "too long", "ask for", "left out", "avoided", "holds", "reached"),
    "fr": ("tool", "Error", "too short", "too long", "ask for", "left out", "avoided", "holds", "rounds", "reached"),
}
ERRORS = {  # what to type for each of compose's errors, and a word of it in each language
    "unknown tool": (["--for", "lower back", "--minutes", "10", "--tools", "foo"],
                     {"es": "accesorio desconocido 'foo'", "de": "unbekanntes Hilfsmittel 'foo'",
                      "fr": "accessoire inconnu : 'foo'"}),
    "none reached": (["--for", "stress", "--minutes", "10", "--tools", "ball,roller"],
                     {"es": "con una pelota de masaje y un rodillo de espuma", "de": "mit einem Massageball und einer",
                      "fr": "avec une balle de massage et un rouleau"}),
    "too short": (["--for", "lower back", "--minutes", "2"],
                  {"es": "2 minutos son muy poco tiempo para una sesión de dolor lumbar", "de": "2 Minuten sind zu kurz",
                   "fr": "2 minutes, c'est trop court"}),
    "too long": (["--for", "upper back", "--minutes", "60", "--tools", "gun,ball", "--avoid", "pregnancy"],
                 {"es": "1 punto (sin GB21 y LI4, por evitarse en caso de embarazo), recorrido 3 veces",
                  "de": "1 Punkt (ohne GB21 und LI4, bei Schwangerschaft gemieden), 3-mal",
                  "fr": "1 point (sans GB21 et LI4, à éviter en cas de grossesse), parcouru 3 fois"}),
    "none allowed": (["--for", "lower back", "--minutes", "10", "--avoid", "pregnancy"],
                     {"es": "se evitan tradicionalmente en caso de embarazo", "de": "bei Schwangerschaft traditionell",
                      "fr": "traditionnellement évités en cas de grossesse"}),
}  # fmt: skip


def _compose_error(args, language, monkeypatch, error):
    if error == "none allowed":  # no complaint has every point avoided today: as if the lower back's were
        monkeypatch.setattr(composer, "candidates", lambda complaint, tools, avoid: ([], composer._ranked(complaint)))
    extra = ["--language", language] if language != "en" else []
    result = CliRunner().invoke(cli, ["compose", *args, "--screened", *extra])
    assert result.exit_code == 2, result.output
    return result.output


@pytest.mark.catalogs
@pytest.mark.parametrize("error", ERRORS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_compose_errors_are_printed_in_the_language_with_its_own_prefix(language, error, monkeypatch):
    args, said = ERRORS[error]
    output = _compose_error(args, language, monkeypatch, error)
    assert output.startswith(PREFIX[language]) and output.count("\n") == 1, output
    assert said[language] in output, output
    words = re.sub(r"--\w+(?: [\w,]+)?|hands, ball, roller, gun", "", output)  # options stay as typed
    english = [w for w in ERROR_WORDS[language] if re.search(rf"\b{w}\b", words, re.I)]
    assert not english, (english, output)
    if error in ("too short", "too long"):  # minutes with the language's decimal comma
        assert re.search(r"\d,\d Minut", output, re.I) and not re.search(r"\d\.\d", output), output


@pytest.mark.parametrize("error, message", [
    ("unknown tool", "Error: unknown tool 'foo'; tools: hands, ball, roller, gun\n"),
    ("none reached", "Error: no point for stress can be reached with ball and roller; add a tool "
                     "(--tools hands,ball,roller,gun) or choose another complaint\n"),
    ("too long", "Error: 60 minutes is too long for upper back and shoulders with gun and ball at the beginner level: "
                 "its 1 point (GB21, LI4 left out, avoided in pregnancy), 3 times through, 4 rounds of 60 s holds, "
                 "last about 25.2 minutes; ask for fewer minutes, add a tool, or choose level regular\n"),
    ("none allowed", "Error: every point used for lower back (BL23, BL52, BL40, GV4, BL39, GB30, LR3, BL27, BL28, BL29, "
                     "BL60, SI3, BL53, LI4) is traditionally avoided in pregnancy; ask a doctor or midwife instead\n"),
])  # fmt: skip
def test_compose_errors_in_english_are_as_they_were(error, message, monkeypatch):
    assert _compose_error(ERRORS[error][0], "en", monkeypatch, error) == message


# English words of a composed file's comments, none of which another language's file may hold
HEADER_WORDS = re.compile(
    r"Composed by|Points for|point library|most typical|Located by|articles cited|Holds of|\brange\b|\brounds?\b|"
    r"\brests\b|seated points|one side|Left out|\bwith (?:hands|ball|roller|gun)\b|\bfrom \[|named by|red flags|"
    r"reminder|traditionally"
)


@pytest.mark.catalogs
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_composed_file_comments_in_its_language(language):
    result = CliRunner().invoke(
        cli,
        ["compose", "--for", "upper back", "--minutes", "10", "--tools", "ball,hands", "--avoid", "pregnancy",
         "--screened", "--language", language],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = result.stdout
    first, *comments = [line for line in text.splitlines() if line.startswith("#")]
    assert first.endswith(f": compose --for \"upper back and shoulders\" --minutes 10 --tools ball,hands "
                          f"--level beginner --avoid pregnancy --language {language}")  # fmt: skip
    assert not first.startswith("# Composed by"), first
    comments += [line.split("#", 1)[1] for line in text.splitlines() if not line.startswith("#") and "  # " in line]
    comments = [line for line in comments if not re.match(r"#   \[\d{3}\] ", line)]  # titles as published
    assert len(comments) >= 7, comments
    found = [line for line in comments if HEADER_WORDS.search(line)]
    assert not found, found
    composer.parse(text, "composed.yaml", "composed", composer.library())  # still a routine


def test_a_composed_english_file_comments_as_it_did():
    result = CliRunner().invoke(
        cli,
        ["compose", "--for", "upper back", "--minutes", "10", "--tools", "ball,hands", "--avoid", "pregnancy",
         "--screened"],
    )  # fmt: skip
    comments = [line for line in result.stdout.splitlines() if "#" in line]
    assert comments[:3] == [
        '# Composed by acuguide: compose --for "upper back and shoulders" --minutes 10 --tools ball,hands '
        "--level beginner --avoid pregnancy",
        "# Points for upper back and shoulders from the point library, most typical first:",
        "#   BL43 Vital Diaphragm (traditionally pressed for upper back ache and tension between the shoulder "
        "blades; with ball; from [003])",
    ], comments
    assert comments[-2:] == [
        "# Left out, traditionally avoided in pregnancy: GB21, LI4",
        "safety: screened  # the red flags were asked before it was composed; a reminder is said, not the full note",
    ], comments


# A third fresh-eyes round: the words that still composed, each refused now, and their near misses.
THIRD_ROUND = [
    ("fr", "enceinte de 7 mois, mal aux reins et j'ai perdu un peu de sang ce matin", "pregnancy-signs"),
    ("fr", "enceinte, j'ai vu du sang ce matin, mal au dos", "pregnancy-signs"),
    ("de", "schwanger in der 32. ssw, kreuzschmerzen und der bauch wird so alle 10 min steinhart", "pregnancy-signs"),
    ("de", "schwanger, Rückenweh und der bauch wird alle 10 minuten hart", "pregnancy-signs"),
    ("fr", "mon gamin de 12 ans se plaint du dos apres le foot", "child"),
    ("fr", "ma gosse de 9 ans a mal au dos", "child"),
    ("es", "tengo 74 tacos y hace una semana me empezo un dolor de espalda que nunca habia tenido", "older"),
    ("es", "ya tengo 78 abriles y esta semana me empezó a doler la espalda", "older"),
]  # fmt: skip


THIRD_ROUND_NEAR = [
    ("en", "sore back from moving house, no pins and needles, legs arent weak, peeing normally"),
    ("en", "stiff back, my legs werent weak at all"),
    ("fr", "enceinte de 5 mois, mal au dos, pas de sang, tout va bien"),
    ("de", "schwanger, der Bauch ist weich, Kreuzschmerzen"),
]  # fmt: skip


# A fourth fresh-eyes round (113 requests): red flags said in ways the tables missed, or new ones
# (a late period with pain, a painful testicle, vomiting blood or a blocked bowel), each refused now.
FOURTH_ROUND = [
    ("en", "back pain and when i wipe after the loo it feels numb like its someone elses bum", "saddle"),
    ("en", "sciatica and my willy feels numb, sex feels different since the back went", "saddle"),
    ("fr", "mal de dos et je sens plus mes parties, c'est bizarre", "saddle"),
    ("fr", "douleur brutale dans le dos comme un coup de poignard, mon père a un anévrisme connu", "aorta"),
    ("de", "Bauch pocht komisch, wie ein zweites Herz, und Kreuzschmerzen", "aorta"),
    ("en", "my back between my shoulders aches and it feels like an elephant is sitting on my chest", "chest"),
    ("en", "indigestion type pain and upper back ache, sweaty and grey, wife says i look awful", "chest"),
    ("de", "Rückenschmerzen oben und ein Ziehen im linken Arm, mir ist kotzübel und schwindelig", "chest"),
    ("es", "dolor de cuello y de repente no me salen las palabras y se me duerme media cara", "stroke"),
    ("en", "back of my leg hurts, one calf is bigger than the other, im on the pill", "calf"),
    ("en", "pain in my upper back when i breathe in, calf has been sore and swollen for a few days", "calf"),
    ("en", "period pain but way worse than usual, one sided, my period is late and i feel faint", "ectopic"),
    ("de", "Regelschmerzen, aber die Periode ist überfällig, einseitig stechend und mir wird schwarz vor Augen", "ectopic"),
    ("es", "dolor de regla muy fuerte y se me ha retrasado la regla", "ectopic"),
    ("fr", "douleurs de règles et mes règles sont en retard", "ectopic"),
    ("en", "34 weeks pregnant, back ache that comes and goes in waves", "pregnancy-signs"),
    ("de", "plötzlich Schmerzen in der Leiste, der Hoden tut höllisch weh", "testicle"),
    ("en", "lower back ache and my left testicle is swollen", "testicle"),
    ("en", "bloated and tummy pain, vomiting and havent pooed or passed wind in 2 days", "bowel"),
    ("en", "stomach ache and ive been throwing up blood", "bowel"),
    ("es", "me duele la tripa y he vomitado sangre", "bowel"),
    ("fr", "mal au ventre et j'ai vomi du sang", "bowel"),
]  # fmt: skip


FOURTH_ROUND_NEAR = [
    ("en", "legs went numb from sitting on the loo too long scrolling, back is a bit achy"),
    ("en", "achy all over after my first spin class, legs like jelly"),
    ("en", "my mum fell and broke her hip last year and ive been lifting her, now my back aches"),
    ("en", "period pain, my period is never late"),
    ("fr", "courbatures partout après le match de foot, j'ai pris un coup de vieux"),
    ("fr", "j'ai les reins en compote après le déménagement"),
    ("de", "Po eingeschlafen nach 3 Stunden Fahrrad, jetzt wieder normal, aber der untere Rücken ist verspannt"),
]  # fmt: skip


# The dangerous twins of the fourth round's harmless ones, from a reviewer's probes: a sign the
# new exceptions must not hide (numbness that stays, legs that give way, the chest beside the arm).
FOURTH_ROUND_TWINS = [
    ("de", "Taubheit im Schritt, geht nicht wieder weg", "saddle"),
    ("de", "der Hexenschuss ist weg, aber jetzt Taubheit zwischen den Beinen", "saddle"),
    ("en", "shooting pain down both legs after the gym", "legs"),
    ("en", "my legs gave way from under me after the gym", "legs"),
    ("en", "both legs numb and weak since sitting on the loo yesterday, still numb today", "legs"),
    ("en", "pain spreading from my chest into my right arm and neck", "chest"),
    ("en", "neck pain down my left arm when i turn my head, also when i climb the stairs", "chest"),
    ("en", "pain spreading into my left arm and jaw, pins and needles in my hand", "chest"),
    ("de", "Schmerz von der Brust in den rechten Arm und den Nacken", "chest"),
    ("fr", "mal à la poitrine qui descend dans le bras droit et le cou", "chest"),
    ("en", "car accident in the wet yesterday, my neck hurts", "trauma"),
    ("en", "i had a basal cell removed and now i have breast cancer", "cancer"),
    ("de", "Basaliom an der Nase und letztes Jahr Brustkrebs", "cancer"),
    ("es", "me extirparon un basocelular y ahora tengo cáncer de mama", "cancer"),
    ("fr", "j'ai pris un coup de tête au rugby, mal au cou", "injury"),
    ("en", "the words won't come out and half my face feels asleep", "stroke"),
    ("de", "Hodenschmerzen links seit einer Stunde", "testicle"),
    ("de", "ich kann keine Winde mehr lassen", "bowel"),
    ("en", "i threw up and there was blood", "bowel"),
]  # fmt: skip


FOURTH_ROUND_TWINS_NEAR = [
    ("en", "i can't stop passing wind, sore lower back"),
    ("en", "grey sweatshirt and my back aches"),
    ("en", "left arm sore from the vaccine, lower back aches"),
    ("en", "i'm 58, my period hasn't come for 5 years, back ache"),
    ("en", "lying on my ball hurts too much, lower back"),
    ("en", "i can't find the words to describe the pain in my back"),
    ("de", "die Periode ist nicht überfällig, Rückenschmerzen"),
    ("es", "hoy he comido huevos y me duele la espalda"),
    ("es", "no encuentro palabras para este dolor de espalda"),
    ("fr", "mes règles ne sont pas en retard, mal au dos"),
    ("fr", "j'ai du mal à parler de mon dos"),
]  # fmt: skip


def test_a_relative_named_beside_the_writers_own_pain_leaves_the_session_the_writers():
    assert triage.read("my wife is pregnant and her back aches, my back is ok").pregnancy
    assert not triage.read("my mum broke her hip last year, now my back aches").flags


def test_german_reasons_begin_a_sentence():
    """A German refusal puts each sign's reason after a full stop ("{what}. {why}")."""
    t = translator("de")
    table = screening.table()
    reasons = [entry["why"] for part in ("signs", "together") for entry in table[part].values() if "why" in entry]
    assert reasons and [r for r in reasons if not t(r)[0].isupper()] == []


@pytest.mark.parametrize(
    "language,theirs,mine",
    [
        ("en", "my husband has the flu and my lower back aches from nursing him", "I have the flu and my lower back aches"),
        ("es", "mi marido esta con gripe en la cama y yo agotada cuidandolo, a mi me duelen los riñones (la zona lumbar) de tanto agacharme", "tengo gripe y me duele la zona lumbar"),
    ],
)  # fmt: skip
def test_a_relatives_illness_beside_the_writers_own_pain_gets_no_note_of_its_own(language, theirs, mine):
    assert triage.read(theirs, language).outside == ()
    assert triage.read(mine, language).outside  # the writer's own flu is still noted


FOR_SOMEONE_ELSE = [
    ("en", "gran has a fever and back pain", "my back hurts and I have a fever"),
    ("es", "mi abuela tiene fiebre y le duele la espalda", "me duele la espalda y tengo fiebre"),
    ("de", "Oma hat Fieber und Rückenschmerzen", "ich habe Rückenschmerzen und Fieber"),
    ("fr", "mon père est confus depuis hier et il a mal au dos", "j'ai mal au dos et de la fièvre"),
]  # fmt: skip


@pytest.mark.parametrize("language,theirs,mine", FOR_SOMEONE_ELSE)
def test_a_refusal_for_a_relative_asks_for_their_doctor_not_the_writers(language, theirs, mine):
    """A carer is told that the doctor must see the person the session was for."""
    t = translator(language)
    table = screening.table()
    said = {}
    for who, text in (("theirs", theirs), ("mine", mine)):
        with pytest.raises(composer.RedFlagError) as refused:
            composer.read_complaint(composer.Answers(text, 10, language=language))
        said[who] = str(refused.value)
    for who, key in (("theirs", "refused_someone"), ("mine", "refused")):
        last = t(table[key]).split("{findings}")[1].strip()
        assert said[who].endswith(last), (who, said[who])
    assert said["theirs"] != said["mine"]


# A fifth fresh-eyes round (158 requests): red flags the tables still missed, each refused now,
# some only because a sign in pregnancy or a clot now wins over a complaint outside back care.
FIFTH_ROUND = [
    ("en", "lower back gone again, bit of a weird tingly numb feeling round my back passage and inside my thighs", "saddle"),
    ("en", "sciatica for 2 wks now and peeing feels weird like i dont know if ive finished or not", "continence"),
    ("en", "back ache, no problems with waterworks but both legs have gone numb from the knees down today", "legs"),
    ("en", "when i sit on the toilet i cant feel the seat properly, lower back agony", "saddle"),
    ("de", "Kreuzschmerzen und beim Sex merk ich untenrum nichts mehr", "saddle"),
    ("en", "mid back pain like a tight belt round my ribs and my legs are going stiff and jerky", "cord"),
    ("en", "on tamoxifen, back is sore after gardening", "cancer"),
    ("en", "probably just pulled something but my left arm and upper back ache when i walk the dog uphill and it stops when i rest", "chest"),
    ("de", "Brennen hinterm Brustbein, strahlt in den Rücken aus, mir ist übel, seit einer Stunde", "chest"),
    ("en", "neck crick and then everything went spinning, cant walk straight, throwing up", "stroke"),
    ("es", "me duele el cuello, de repente se me ha torcido la boca y no puedo mover el brazo", "stroke"),
    ("en", "sharp pain in my back when i take a deep breath and im coughing blood, had surgery 2 weeks ago", "chest"),
    ("fr", "douleur dans le dos quand je respire, je crache du sang, je prends la pilule", "chest"),
    ("en", "calf cramp that wont go away, leg swollen up to the knee since my knee op", "calf"),
    ("es", "tengo la pierna izquierda hinchada y caliente desde que volví del viaje, me duele la espalda baja", "calf"),
    ("en", "pregnancy test was positive last week and now sharp pain low down on one side and my shoulder tip hurts", "ectopic"),
    ("fr", "test de grossesse positif et douleur très forte d'un côté du bas-ventre, je me sens partir", "ectopic"),
    ("es", "a mi hijo de 13 años le duele mucho un testículo de repente", "testicle"),
    ("de", "mein Sohn (15) hat seit heute Nacht starke Schmerzen im Sack und Bauchweh", "testicle"),
    ("fr", "mon fils de 12 ans a très mal aux testicules depuis ce matin, c'est venu d'un coup", "testicle"),
    ("en", "stomach pain and my poo is black like tar", "bowel"),
    ("en", "been on ibuprofen for my back for weeks and now sicking up stuff like coffee grounds", "bowel"),
    ("de", "Stuhlgang ist schwarz und klebrig, Oberbauchschmerzen, nehme Ibu wegen Rücken", "bowel"),
    ("en", "tummy swollen like a drum, being sick green stuff and cant fart", "bowel"),
    ("fr", "ventre gonflé, je vomis, je suis pas allée à la selle et pas de gaz depuis 3 jours", "bowel"),
    ("en", "28 weeks and baby hasnt moved much today, lower back aching", "pregnancy-signs"),
    ("en", "pregnant with twins 33 wks, terrible headache and my face and hands have swelled up", "pregnancy-signs"),
    ("en", "36 wks pregnant pelvis aches, tummy keeps going hard every 5 mins", "pregnancy-signs"),
    ("es", "embarazada de 32 semanas, me duele la cabeza muchísimo y veo lucecitas", "pregnancy-signs"),
    ("en", "sore lower back, tired, stressed, and ive been peeing blood", "urine"),
]  # fmt: skip


FIFTH_ROUND_NEAR = [
    ("en", "lower back ache, had a cancer scare but the biopsy was clear"),
    ("en", "feel like ive been hit by a bus, achy all over with a cold"),
    ("en", "nightshift worker, lower back gets sore at night when im on the wards"),
    ("en", "tummy pain and constipated for a couple of days, otherwise fine, eating ok"),
    ("de", "mir tut alles weh, bin total erkältet aber kein Fieber"),
    ("fr", "mal au dos, je suis tombé des nues quand le médecin a dit que c'était juste musculaire"),
]  # fmt: skip


# A seventh round (a clinician, 80 new requests), after the signs for a road accident or a fall
# from a height, early pregnancy and a weakened immune system: each is the sign first named.
SEVENTH_ROUND = [
    ("en", "someone reversed into me in the car park at like 5mph, neck a bit stiff since", "injury"),
    ("en", "was rear ended on the motorway friday, whiplash, neck really stiff cant turn to look over my shoulder", "trauma"),
    ("en", "I'm 6 weeks pregnant (positive test last week) and I've got a sharp pain low down on my left side and my lower back aches", "ectopic"),
    ("en", "about 8 wks pregnant, back ache and a weird pain in the tip of my right shoulder since this morning", "ectopic"),
    ("en", "my daughter is 7 weeks pregnant and has a sharp pain on one side low down plus back ache", "ectopic"),
    ("en", "on chemo for breast cancer and my back is killing me", "immune"),
    ("en", "my husband is on chemo and has back pain and a fever", "fever"),
    ("es", "resbalé en el suelo mojado del baño y me di en la espalda, me duele al agacharme", "injury"),
    ("es", "estoy embarazada de 7 semanas y tengo un dolor fuerte en el lado derecho bajo de la barriga y me duele la espalda", "ectopic"),
    ("es", "mi marido está con quimio y tiene dolor de espalda con fiebre", "fever"),
    ("de", "Auffahrunfall auf der Autobahn, seitdem HWS-Schmerzen und Nacken steif", "trauma"),
    ("de", "bin die ganze Kellertreppe runtergefallen, Rücken tut höllisch weh", "trauma"),
    ("de", "meine Schwester ist in der 8. Woche schwanger und hat stechende Schmerzen rechts im Unterbauch und Kreuzschmerzen", "ectopic"),
    ("de", "ich bin in der 8. Woche schwanger, stechende Schmerzen rechts im Unterbauch und Kreuzschmerzen", "ectopic"),
    ("fr", "je suis tombé dans l'escalier, deux marches seulement, mal aux lombaires", "injury"),
]  # fmt: skip


SEVENTH_ROUND_NEAR = [
    ("en", "bad back ever since a car accident 10 years ago, flares up every winter"),
    ("en", "fell off a horse years ago as a teenager, lower back has never been right since"),
    ("de", "Verspannungen im Nacken vom Schreibtisch, fühl mich wie vom Laster überfahren"),
]  # fmt: skip


# An eighth round (a clinician, 104 new requests) and a code review's probes: each the sign first named.
EIGHTH_ROUND = [
    ("en", "had an epidural for my c-section 2 weeks ago and now my back hurts where the needle went in plus i have a fever", "surgery"),
    ("fr", "douleur au dos et fièvre depuis mon infiltration dans le dos la semaine passée", "surgery"),
    ("en", "neck pain and cant bend my head forward, banging headache, temp 39 and light hurts my eyes", "meningitis"),
    ("es", "me duele el cuello, tengo fiebre alta, no puedo doblar el cuello y me molesta la luz", "meningitis"),
    ("fr", "mal au cou, fièvre à 40, je peux pas pencher la tête en avant et la lumière me fait mal", "meningitis"),
    ("en", "excruciating pain in my loin coming in waves, going down to my groin, can't sit still", "urine"),
    ("es", "mi abuela tiene osteoporosis y se cayó en casa, ahora le duele mucho la espalda y no se puede mover", "injury"),
    ("fr", "ma mère a 82 ans, ostéoporose, elle a glissé dans la salle de bain, grosse douleur au dos", "injury"),
    ("de", "Bin in der 33. SSW, hab Kopfweh, sehe Sternchen, die Beine sind stark geschwollen und Rückenweh", "pregnancy-signs"),
    ("fr", "enceinte de 8 mois, j'ai mal au dos et le bébé bouge presque plus depuis hier", "pregnancy-signs"),
    ("en", "28 weeks pregnant and baby barely moving since yesterday", "pregnancy-signs"),
    ("de", "Seit 5 Monaten Rückenschmerzen, bin in der 8. Woche schwanger mit stechenden Schmerzen rechts im Unterbauch", "ectopic"),
    ("de", "Bin gestern von der Leiter gefallen, vor zwei Jahren hatte ich schon einen Bandscheibenvorfall", "trauma"),
    ("es", "Me caí esta mañana, hace unos años tuve una hernia", "injury"),
    ("fr", "Je suis tombé ce matin, il y a 5 ans on m'a opéré du dos", "injury"),
    # a ninth round
    ("en", "my lad is 9 and keeps saying his back hurts, its waking him at night and hes had temps on and off", "fever"),
    ("en", "pain in my back on the right under the ribs, comes in waves, cant sit still and my pee looks pinkish", "urine"),
    ("en", "my calf's swollen and hot since the flight back from oz and now my lower back aches as well", "calf"),
    ("en", "my son is 16, sudden pain in his lower back and one of his balls really hurts, started an hour ago", "testicle"),
    ("en", "36 weeks, pain under my right ribs going round to my back, bad headache and seeing flashing lights", "pregnancy-signs"),
    ("es", "tengo cancer de pulmon en tratamiento y me duele la espalda cada vez mas, sobre todo de noche, y se me duermen las piernas", "legs"),
    ("es", "me duele la espalda y la pierna derecha la tengo hinchada, roja y caliente", "calf"),
    ("es", "hace 3 semanas que me duele la espalda, he perdido 8 kilos sin hacer dieta y sudo por las noches", "fever"),
    ("de", "Nackenschmerzen nach Auffahrunfall heute morgen, Kribbeln in beiden Händen", "cord"),
    ("fr", "mal au cou et d'un coup je vois flou et je n'arrive plus à bouger le bras droit", "stroke"),
    # a code review's probes of the rules above: a relative's emergency beside the writer's own ache,
    # a side said plainly early in a pregnancy, a course of chemotherapy now, an injury told twice
    ("en", "My husband has had crushing chest pain since this morning and I have back pain from looking after him", "chest"),
    ("en", "My son was hit by a car, I get back ache from carrying him", "trauma"),
    ("fr", "Mon fils a été renversé par une voiture hier, j'ai du mal à le porter", "trauma"),
    ("de", "Meine Tochter ist in der 7. Woche schwanger und hat stechende Schmerzen rechts im Unterbauch, ich habe ihr Schmerzmittel gegeben", "ectopic"),
    ("en", "I'm 6 weeks pregnant with a sharp pain on my right side", "ectopic"),
    ("es", "estoy embarazada de 6 semanas y tengo un dolor punzante en el costado derecho", "ectopic"),
    ("fr", "enceinte de 7 semaines, douleur vive au côté droit", "ectopic"),
    ("de", "bin in der 6. Woche schwanger und habe stechende Schmerzen auf einer Seite", "ectopic"),
    ("es", "Estoy embarazada de 30 semanas y me duele la punta del hombro", "pregnancy-signs"),
    ("en", "I'm on chemo for breast cancer diagnosed 3 years ago, fever of 38.5", "fever"),
    ("en", "I get chemo every Tuesday and have a temperature of 38.6 and back pain", "fever"),
    ("en", "I attend the HIV clinic and my back hurts with a fever", "fever"),
    ("en", "there was a pile up on the motorway and my car was in it, my neck hurts", "trauma"),
    ("en", "we were going 60 mph when we hit a deer, back hurts", "trauma"),
    ("en", "I was hit by a car while crossing, the driver said it was just a tap", "trauma"),
    ("de", "Ich wurde gestern beim Joggen angefahren, Rücken tut weh", "trauma"),
    ("es", "Tuvimos un accidente y volcamos, me duele la espalda", "trauma"),
    ("en", "I fell off the ladder 3 years ago and again this morning", "trauma"),
    ("en", "Agonising pain in my side, I think it's kidney stones like I had 5 years ago", "urine"),
    # and a review of the whole session's changes against its start
    ("de", "bin heute angefahren worden und fühle mich wie vom Zug überrollt", "trauma"),
    ("en", "I'm about 6 weeks pregnant and have a bad pain on one side of my lower back and I'm dizzy", "ectopic"),
    ("en", "my legs go heavy after work and I've been dribbling urine", "legs"),
    ("en", "I had a car accident years ago. Another one this morning and my back is worse", "trauma"),
    ("es", "me caí hace dos años, y otra vez ayer", "injury"),
    ("fr", "je suis tombé il y a deux ans. Hier je suis retombé", "injury"),
    ("de", "Bandscheiben-OP 2022 und eine zweite OP vor zwei Monaten", "surgery"),
    ("es", "me operaron de la espalda en 2022 y me volvieron a operar hace dos meses", "surgery"),
    ("en", "my youngest is 10 and has had back pain for weeks", "child"),
    ("en", "I fell last year and broke a vertebra, the pain is back and worse", "injury"),
    # twenty new requests on the final change, and the helper's probes beside them
    ("en", "my mum has osteoporosis, sudden sharp mid back pain", "bones"),
    ("en", "my mum has osteoporosis. she has back pain", "bones"),
    ("en", "my mum has osteoporosis, she sat down hard on the bath edge yesterday and has sudden sharp mid back pain", "injury"),
    ("es", "mi hijo de 4 años tiene fiebre alta, llora si le muevo el cuello, esta muy adormilado y le han salido unas manchitas moradas en las piernas", "meningitis"),
    ("en", "high fever and a rash of purple spots that dont fade under a glass, back ache", "meningitis"),
    ("de", "bin in der 7. SSW, seit heute früh ziehende Schmerzen unten links im Rücken und Bauch, leichte Blutung und mir wird immer wieder schwarz vor Augen", "ectopic"),
    ("de", "bin in der 7. SSW, Rückenschmerzen, mir wird schwarz vor Augen", "ectopic"),
]  # fmt: skip


EIGHTH_ROUND_NEAR = [
    ("en", "stiff back, had a kidney stone years ago but thats long gone, this is just muscular from the gym"),
    ("en", "I'm a midwife and my back is wrecked from bending over the beds all shift"),
    ("es", "soy matrona y tengo la espalda fatal de tanto agacharme"),
    ("de", "Ich bin Hebamme und mein Kreuz tut vom vielen Bücken weh"),
    ("fr", "je suis sage-femme et j'ai mal au dos à force de me pencher sur les patientes"),
    ("en", "neck clicks when i turn it. had whiplash in a car crash back in 2012 but this is just from gaming too long"),
    ("es", "me cai por las escaleras de pequeña, ahora tengo 35 y me duele la espalda de estar sentada en la oficina"),
    ("fr", "sage-femme, je passe mes journées penchée, mal aux lombaires"),
    ("en", "I'm pregnant, shooting pain down the right side of my lower back"),
    ("en", "pregnant, my lower back aches and a bad pain on the left when I turn in bed"),
    ("en", "since I had an epidural with my first child my back aches"),
    ("en", "I fell off a horse when I was a child, my back aches"),
    ("en", "I fell off a ladder years ago and now my back is agony"),
]  # fmt: skip

# A headache that comes on in seconds is bleeding around the brain until shown otherwise: in
# Spanish, German and French most everyday ways of saying it composed a session, and in
# English its refusal named the aorta first.
SUDDEN_HEADACHES = [
    ("en", "sudden severe headache and back pain", "meningitis"),
    ("en", "a headache like being hit on the head, came on in seconds, and back pain", "meningitis"),
    ("en", "my head suddenly exploded with pain, back aches too", "meningitis"),
    ("es", "dolor de cabeza repentino, el peor de mi vida, y me duele la espalda", "meningitis"),
    ("es", "de repente me duele muchísimo la cabeza y la espalda", "meningitis"),
    ("es", "cefalea súbita e intensa y dolor de espalda", "meningitis"),
    ("de", "plötzlich Kopfweh wie noch nie und Rückenschmerzen", "meningitis"),
    ("de", "Kopfschmerzen, die schlimmsten meines Lebens, und der Rücken tut weh", "meningitis"),
    ("de", "plötzlich extrem starke Kopfschmerzen und Rückenschmerzen", "meningitis"),
    ("fr", "d'un coup j'ai eu très mal à la tête, le pire de ma vie, et mal au dos", "meningitis"),
    ("fr", "mal à la tête brutal et mal au dos", "meningitis"),
    ("fr", "d'un coup une douleur atroce dans le dos", "aorta"),  # "d'un coup" is "suddenly", not a blow
]  # fmt: skip

# Pain in the belly and the back together, come on suddenly or with feeling faint, is the aorta
# leaking until shown otherwise: it composed a session, or went to a doctor in days for age alone,
# or was named a stroke for the faint.
BELLY_AND_BACK = [
    ("en", "sudden pain in my tummy going through to my back, I feel faint", "aorta"),
    ("en", "I'm 75, sudden pain in my belly and back and I nearly fainted", "aorta"),
    ("en", "belly pain going through to my back, came on suddenly, i'm 80", "aorta"),
    ("es", "tengo 78 años, de repente un dolor en la tripa que va a la espalda y me he mareado", "aorta"),
    ("de", "plötzlich Bauchschmerzen, die in den Rücken ziehen, mir wird schwindelig, ich bin 79", "aorta"),
    ("fr", "j'ai 76 ans, douleur brutale au ventre qui irradie dans le dos, malaise", "aorta"),
    ("fr", "douleur d'un coup dans le ventre et le dos, j'ai 75 ans, je fume, je me sens partir", "aorta"),
    ("de", "Mein 13-jähriger Sohn hat plötzlich starke Hodenschmerzen und jetzt auch Bauch- und Rückenweh", "testicle"),
]  # fmt: skip

BELLY_AND_BACK_NEAR = [
    ("en", "tummy ache and back ache for weeks"),
    ("en", "i sleep on my stomach and my back suddenly hurts"),
    ("en", "period pain in my tummy and back, came on suddenly as usual"),
    ("es", "me duele la barriga y la espalda desde hace semanas"),
    ("de", "seit Wochen Bauch- und Rückenschmerzen"),
    ("fr", "mal au ventre et au dos depuis des semaines"),
]  # fmt: skip

# Round 10: a clinician's sixty requests on f89cf46 found two red flags composing (a torn neck
# artery by its eyelid and pupil; German double vision with the verb first) and others named
# for the wrong sign or sent too low.
TENTH_ROUND = [
    ("en", "neck pain one side came on lifting weights at the gym, now my eyelid is droopy and one pupil looks smaller", "stroke"),
    ("de", "nach dem Kitesurfen Nackenschmerzen links, jetzt sehe ich doppelt und mir ist schwindelig", "stroke"),
    ("es", "dolor de cuello de un lado y se me cae el párpado", "stroke"),
    ("fr", "mal au cou d'un côté et la paupière qui tombe", "stroke"),
    ("en", "had a spinal epidural for my c section 5 days ago, now the injection spot is red and my back hurts and i feel feverish", "wound"),
    ("es", "hace tres semanas fue la cesarea, tengo un dolor en la espalda alta del lado derecho que me pincha cuando respiro hondo y me agito subiendo la escalera, la pantorrilla tambien la tengo hinchada", "chest"),
    ("fr", "mal dans le dos a droite qd je respire fort, chu essouflee depuis a matin pis mon mollet est enfle depuis mon vol de paris", "chest"),  # the red spot itself, with the fever
    ("en", "ex IV user, clean 2 months now, but my upper back is really sore and i get sweats at night and feel hot all the time", "fever"),
    ("de", "Nackenschmerzen seit heute früh, dazu hohes Fieber, mir ist übel und ich krieg das Kinn nicht auf die Brust", "meningitis"),
    ("es", "dolor de cervicales, fiebre alta y me molesta la luz", "meningitis"),
    ("fr", "douleurs cervicales, fièvre et la lumière me fait mal", "meningitis"),
]  # fmt: skip

# Round 11: a clinician's sixty requests on dc68574, weighted to Spanish, German and French,
# found an ectopic pregnancy said as "7 semanas de retraso, test positivo" and a French neck
# squeezing its cord ("moins adroite", "comme sur du coton") composing, and German bowels that
# would not hold composing on their own.
ELEVENTH_ROUND = [
    ("es", "tengo 7 semanas de retraso, test positivo, dolor en la parte baja de la espalda y en un lado de la barriga y me duele la punta del hombro", "ectopic"),
    ("fr", "j'ai mal à la nuque depuis deux jours, je suis de moins en moins adroite avec mes mains et je marche comme sur du coton, ça s'aggrave", "cord"),
    ("de", "Hexenschuss, kann den Stuhlgang nicht mehr halten", "continence"),
    ("de", "Ich hatte Prostatakrebs, jetzt habe ich nachts immer Rückenschmerzen und meine Beine sind seit ein paar Tagen schwach geworden", "legs"),
    ("fr", "douleur lombaire depuis 3 semaines, je me suis injecté de l'héro il y a un mois et j'ai de la fièvre la nuit", "fever"),
    ("de", "Nackenschmerzen nach einem Auffahrunfall gestern, jetzt sind beide Arme taub und ich kann den Kopf kaum drehen", "cord"),
    ("es", "mi mamá tiene 78 años, toma prednisona desde hace años por la artritis, se agachó a levantar una cubeta y le tronó la espalda, no se puede mover", "crack"),
    ("en", "my 8 yr old keeps saying her back hurts, it wakes her up at night and shes been off her food", "child"),
    ("es", "tengo un dolor de riñones horrible que me viene en oleadas, no encuentro postura, vomito y la orina me sale rosada", "urine"),
]  # fmt: skip

LATER_ROUNDS_URGENCY = {  # what each must be sent to, where that is more than its sign's own
    "Ich hatte Prostatakrebs": "emergency", "je me suis injecté de l'héro": "emergency",
    "Auffahrunfall gestern": "ambulance", "toma prednisona": "emergency", "my 8 yr old": "today",
    "treppe gestürzt": "ambulance", "mein sohn (8)": "today", "85F on alendronate": "today", "varon 79": "today",
    "ma mere 88 ans": "emergency", "my mom is 79": "emergency", "mi abuela tiene 85": "emergency",
    "been using again": "emergency", "his privates": "emergency",
}  # fmt: skip

ELEVENTH_ROUND_NEAR = [
    ("es", "test positivo de covid la semana pasada y me duele la espalda de estar en la cama"),
]  # fmt: skip

# Round 12: a clinician's sixty requests on 3cd6f39, built to probe the rules just added, found
# seven red flags composing: the aorta "out of the blue" and "woozy", "went grey and nearly
# keeled over", a headache like no other during sex, upper back pain with a cold sweat, German
# bowels that "go", a single "nut", French "aux testicules".
TWELFTH_ROUND = [
    ("en", "pain in my tummy went straight through to my back out of the blue about an hour ago, feel proper woozy and sweaty", "aorta"),
    ("en", "dad 68 has awful low back pain and his belly, he went grey and nearly keeled over on the loo just now", "aorta"),
    ("en", "felt an explosion at the back of my head during sex last night, never had a headache like it, now my neck is sore", "meningitis"),
    ("en", "pain between my shoulder blades came on while mowing, feel sick and sweaty, im diabetic on metformin", "chest"),
    ("de", "seit gestern geht mir der stuhl einfach ab ohne dass ichs merke, ischias beidseits", "continence"),
    ("en", "lower back ache and my left nut is swollen and really sore since this morning", "testicle"),
    ("fr", "douleur au dos et aux testicules depuis une heure, c'est venu d'un coup", "testicle"),
    ("de", "bin heute auf der treppe gestürzt, seitdem kribbeln beide hände und der nacken tut weh", "cord"),
    ("fr", "jai l'impression de marcher sur des nuages, les jambes raides, et une cervicalgie depuis 2 mois", "cord"),
    ("de", "flankenschmerzen rechts in wellen bis in die leiste, urin ist rötlich", "urine"),
    ("de", "mein sohn (8) wacht seit 2 wochen nachts wegen rückenschmerzen auf", "child"),
    ("en", "85F on alendronate for her bones, new back pain since she reached up for the kettle yesterday", "bones"),
    ("es", "varon 79, osteoporosis, dolor lumbar nuevo desde ayer", "bones"),
    ("es", "dolor de cabeza brutal que me vino de repente como un latigazo estando en el baño, ahora la nuca rigida", "meningitis"),
]  # fmt: skip

TWELFTH_ROUND_NEAR = [
    ("en", "upper back sore after the gym, all sweaty"),
    ("es", "la prueba de embarazo salio negativa, me duele la zona lumbar de cargar cajas en la mudanza"),
]  # fmt: skip

# Round 13: a clinician's sixty requests on 3d952ba (24 in four Englishes) found five red flags
# composing: a German dissection that travels into the belly, a clot in the lung after a flight
# said as "puffed", a baby German hardly feels, a French mother's fall, and (sent too low) a
# throbbing belly with pale and clammy skin, a boy's "privates", "been using again".
THIRTEENTH_ROUND = [
    ("de", "mein mann 66 hat bluthochdruck und hat plötzlich einen wahnsinnigen schmerz zwischen den schulterblättern der runter in den bauch wandert", "aorta"),
    ("en", "flew back from LA 3 days ago, now got a stabbing pain under my right shoulder blade every time i breathe in and im puffed just walking to the loo", "chest"),
    ("de", "bin in der 36. ssw, seit gestern spür ich das baby kaum noch, dazu kreuzschmerzen", "pregnancy-signs"),
    ("fr", "ma mere 88 ans est tombée de sa hauteur hier soir, depuis elle a tres mal dans le bas du dos et ne peut plus se lever", "injury"),
    ("en", "dad is 71 and smokes, all of a sudden bad pain in his back and he says his tummy feels like its throbbing, gone pale and clammy", "aorta"),
    ("en", "my 14 yr old woke up screaming with pain in his privates that goes up into his lower back and hes been sick", "testicle"),
    ("en", "mate me back is stuffed right in the middle of me spine, been using again and got fevers n sweats last 3 nights, hurts to even touch it", "fever"),
    ("en", "my mom is 79, she slipped getting out of the tub and landed on her butt, now she can barely stand up", "injury"),
    ("es", "mi abuela tiene 85 años y osteoporosis, se cayo en la cocina estando de pie y ahora no puede moverse del dolor de espalda", "injury"),
]  # fmt: skip

# Round 14: a clinician's forty-eight requests on 0d585a3, each red flag said the way a
# frightened or casual person says it, found six composing: a German child's meningitis
# ("sie glueht", spots that stay under a glass), German cauda equina ("merk beim abputzen nix
# mehr untenrum"), a French stroke ("je vois flou", "main toute molle"), a Spanish foot drop and
# kidney stone ("como cocacola"), a Spanish "nene de 6 anos" woken at night.
FOURTEENTH_ROUND = [
    ("de", "unsere kleine 4 jahre will den kopf nicht bewegen, nacken ganz steif, sie glueht und hat so rote punkte am bauch die beim glas nicht weggehen", "meningitis"),
    ("de", "seit gestern hexenschuss und jetzt merk ich beim abputzen nix mehr untenrum, muss dauernd aufs klo aber es kommt nix raus", "saddle"),
    ("fr", "depuis mon cours de yoga j'ai mal a la nuque d'un cote et un mal de crane comme jamais, je vois flou et ma main gauche est toute molle", "meningitis"),
    ("es", "llevo con la ciatica una semana pero hoy el pie derecho se me cae al andar, arrastro la punta y me tropiezo con todo", "legs"),
    ("es", "tengo un dolor en el costado de la espalda que viene en oleadas, no encuentro postura, me retuerzo y el pis me sale como cocacola", "urine"),
    ("es", "mi nene de 6 anos se queja de la espalda hace 2 semanas, por la noche se despierta llorando y esta cojeando un poco", "child"),
    ("fr", "mal dans le haut du dos et la machoire, comme un etau qui serre, j'ai des sueurs et envie de vomir, je suis diabetique", "chest"),
    ("en", "my son is 19 and his neck is so stiff he cant touch his chin on his chest, head pounding, the light hurts his eyes and hes burning up", "meningitis"),
    ("fr", "mon fils 13 ans s'est reveille en pleine nuit avec une douleur horrible a une bourse qui remonte dans le dos, il vomit", "testicle"),
    ("fr", "ma grand mere 88 ans a loupe une marche hier, depuis elle a tres mal au dos, elle prend du cortancyl depuis longtemps", "injury"),
    ("de", "hatte vor 4 jahren prostata ca, jetzt seit wochen rueckenschmerzen, nachts am schlimmsten und die hosen rutschen mir runter", "cancer"),
    ("fr", "ma fille de 8 ans se plaint du dos depuis 3 semaines, elle est chaude le soir", "fever"),
]  # fmt: skip

# Round 15: forty-eight requests in Spanish, German and French (dialects included) on b7a590e
# found nine red flags composing, most of them a pregnancy's warning signs and cauda equina said
# in everyday or Québec words.
FIFTEENTH_ROUND = [
    ("fr", "je me suis fait mal au cou en faisant du yoga, pis la j'ai la face engourdie d'un bord pis je marche tout croche, etourdi", "stroke"),
    ("de", "meine Tochter 19 hat seit heut morgen Nackenschmerzen, kriegt das Kinn nicht auf die Brust, glueht richtig und das Licht tut ihr in den Augen weh", "meningitis"),
    ("fr", "enceinte de 35 semaines, mal au dos en haut a droite sous les cotes, mal de tete qui passe pas, je vois des etoiles et j'ai les pieds tout gonfles", "pregnancy-signs"),
    ("es", "estoy embarazada de 33 semanas, me duele la espalda abajo como en olas cada 5 minutos y me esta saliendo aguita por abajo", "pregnancy-signs"),
    ("es", "llevo 3 dias con la lumbalgia de siempre pero hoy al limpiarme con el papel no noto nada ahi abajo, como acorchado, y se me ha escapado la caca sin enterarme", "saddle"),
    ("fr", "depuis hier j'ai mal dans le bas du dos pis la j'ai pu de controle, j'ai fait pipi dans mes culottes sans m'en rendre compte", "continence"),
    ("fr", "j'ai une sciatique depuis 15 jours et depuis ce matin mon pied gauche claque par terre quand je marche, j'arrive plus a marcher sur les talons", "legs"),
    ("es", "mi hijo de nueve años se queja de dolor de espalda hace 3 semanas, lo despierta de noche y ya no quiere ni jugar al futbol", "child"),
    ("fr", "mon pere 74 ans a eu une douleur d'un coup dans le dos qui descend vers le ventre, comme un coup de poignard, il sent son ventre battre et il est tout blanc", "aorta"),
]  # fmt: skip

FIFTEENTH_ROUND_NEAR = [
    ("de", "Hatte letzte Woche Grippe mit Fieber, jetzt wieder gesund, nur der Ruecken ist noch verspannt vom vielen Liegen"),
]  # fmt: skip

# Round 16: half near-misses, on 65a1c56: two red flags composed (a French heart by the jaw
# and the sweat, a German foot that will not lift), two meningitis pictures went to a doctor
# today, and a numb bottom that had passed, or a fever of a month ago, was still refused.
SIXTEENTH_ROUND = [
    ("fr", "douleur dans le dos entre les omoplates qui serre, avec la mâchoire qui fait mal et des sueurs, j'ai 62 ans", "chest"),
    ("de", "ischias seit 2 wochen, jetzt kann ich den rechten fuß nicht mehr hochziehen und stolpere ständig", "legs"),
    ("fr", "mon fils de 4 ans a de la fièvre, il pleure quand on lui bouge le cou et il a des petites taches rouges sur les jambes", "meningitis"),
    ("es", "me duele mucho el cuello, no puedo bajar la barbilla al pecho, tengo fiebre alta y me molesta mucho la luz", "meningitis"),
    ("de", "HWS-Syndrom, seit Wochen Kribbeln in beiden Händen und ich stolpere ständig", "cord"),  # the cord's, not a foot drop
]  # fmt: skip

SIXTEENTH_ROUND_NEAR = [
    ("fr", "après 8h de route j'avais les fesses engourdies mais c'est passé dès que j'ai marché, il me reste le bas du dos raide"),
    ("es", "hace un mes tuve fiebre por una gripe, ya estoy bien, pero me ha quedado el cuello cargado de tanto sofá"),
]  # fmt: skip

# Round 17, on 77e79d4: three red flags composed (spots that do not fade under a glass said as
# "spots", German pre-eclampsia said "bin in der 35. Woche ... sehe so Flimmern", a French
# kidney stone with "du sang dans le pipi"), and two went too low.
SEVENTEENTH_ROUND = [
    ("en", "my 19yo son has a stiff neck and bad headache, cant stand the light and has spots that dont fade when i press a glass on them", "meningitis"),
    ("de", "bin in der 35. Woche, starke Schmerzen unter den Rippen rechts bis in den Rücken, Kopfweh und sehe so Flimmern", "pregnancy-signs"),
    ("fr", "douleur atroce dans le bas du dos d'un côté qui descend vers l'aine, je tiens pas en place et j'ai du sang dans le pipi", "urine"),
    ("de", "Nackenschmerzen und auf einmal hängt mein Mundwinkel runter und der rechte Arm ist ganz schwach", "stroke"),
    ("fr", "j'ai super mal à la nuque, 40 de fièvre, je supporte pas la lumière et je vomis", "meningitis"),
    # and twenty more requests on 1f843b7: a German child whose age came after "ist" composed
    ("de", "mein Sohn ist 4 und klagt seit einer Woche über Rückenschmerzen, will nicht mehr laufen", "child"),
]  # fmt: skip

# The last stop's known shortfalls, mended on this one: a crack felt in the back with thin bones
# or after seventy is A&E (a bone may have broken), a small child who will not walk is a doctor
# today, and a fever after a drip or a line in a vein is A&E, as after injecting drugs.
SENT_SOONER = [
    ("en", "been on prednisolone for my lungs for years, bent down to pick up the cat and felt a crack in my back, now cant straighten up", "crack", "emergency"),
    ("es", "llevo años tomando prednisona, me agaché y noté un crujido en la espalda", "crack", "emergency"),
    ("de", "nehme seit Jahren Cortison, beim Niesen hat es im Rücken geknackt, jetzt kann ich mich kaum bewegen", "crack", "emergency"),
    ("fr", "ma mère a 84 ans, elle a senti un craquement dans le dos en se penchant", "crack", "emergency"),
    ("en", "my 3 year old won't walk and cries when i touch her back", "child", "today"),
    ("es", "mi hija de 4 años no quiere caminar y le duele la espalda", "child", "today"),
    ("de", "mein Sohn ist 4 und klagt seit einer Woche über Rückenschmerzen, will nicht mehr laufen", "child", "today"),
    ("fr", "mon fils de 3 ans veut plus marcher et pleure quand je lui touche le dos", "child", "today"),
    ("en", "had a cannula in hospital 2 weeks ago, now mid back pain and shivering with fevers at night", "fever", "emergency"),
    ("es", "me pusieron un cateter en la vena en el hospital hace 2 semanas y desde entonces tengo dolor en medio de la espalda, por las noches tiritando y empapo las sabanas de sudor", "fever", "emergency"),
    ("de", "hatte vor zehn Tagen im Krankenhaus eine Braunüle, jetzt Rückenschmerzen und Schüttelfrost mit Fieber", "fever", "emergency"),
    ("fr", "j'étais sous perfusion à l'hôpital il y a deux semaines, depuis j'ai mal au milieu du dos et de la fièvre avec des frissons", "fever", "emergency"),
    # and what a fresh-eyes round on 59bd138 found still too low or too high: an age after "Mum's"
    # at the start, a drip "in my arm" read as pain into the arm (the heart), a child who will
    # not walk with a fever (A&E, not today), and German's spoken "geknackst"
    ("en", "Mum's 81, slipped in the bath last night and now her back hurts whenever she moves. can u do a session for her", "injury", "emergency"),
    ("en", "had a drip in my arm in hospital last week, now my back is killing me and im hot and shivery", "fever", "emergency"),
    ("fr", "on m'a posé un cathéter dans le bras à l'hôpital, maintenant mal au dos et fièvre", "fever", "emergency"),
    ("es", "mi hija de 4 años no quiere caminar y se queja de la espalda, tiene algo de fiebre", "walking", "emergency"),
    ("de", "hab osteoporose und beim husten hat es im ruecken geknackst, jetzt tut jede bewegung hoellisch weh", "crack", "emergency"),
    # and a second round, on ccdd11a: Quebec French for cauda equina, a stiff neck and a fever
    # far apart in one sentence, ages in words ("ochenta y cinco", Belgian "septante-neuf"),
    # bone pills, "me inyecto" alone, a German period "seit sieben Wochen ausgeblieben" (an
    # ectopic, not the aorta), an injection at a nerve root, and a full bladder that will not empty
    ("fr", "j'ai mal dans le bas du dos depuis 3 jours pis là à matin j'ai pu de sensation entre les jambes quand j'm'essuie, pis j'ai de la misère à retenir mes selles", "saddle", "emergency"),
    ("en", "temp of 39 since last night and been sick twice, and now my neck is so stiff and sore I cant put my chin down, the light is hurting my eyes", "meningitis", "ambulance"),
    ("es", "mi abuelita de ochenta y cinco años se cayo de sentón en el baño el domingo y desde entonces no se puede ni parar del dolor de espalda, toma pastillas para los huesos porque los tiene bien debiles", "injury", "emergency"),
    ("es", "me inyecto, ya se que no deberia, y desde hace unos dias tengo calentura y la espalda me duele muchisimo en un punto, no aguanto que me toquen ahi", "fever", "emergency"),
    ("de", "meine Tage sind seit sieben Wochen ausgeblieben, Test hab ich noch keinen gemacht. seit heute Mittag stechender Schmerz unten rechts im Bauch, zieht in den Rücken, bisschen Schmierblutung und mir wird schwarz vor Augen", "ectopic", "emergency"),
    ("de", "Nach der Spritze an die Nervenwurzel (PRT) letzte Woche wird's nicht besser sondern schlimmer, und jetzt hab ich Schüttelfrost", "surgery", "emergency"),
    ("fr", "ma mère a septante-neuf ans, elle a raté une marche dans l'escalier hier et depuis elle a une douleur au milieu du dos qui l'empêche de se lever, elle prend de la cortisone depuis longtemps", "injury", "emergency"),
    ("en", "lower back pain, went to pee and nothing came out even tho I felt really full", "continence", "emergency"),
    ("en", "my dad is eighty five and his back hurts", "older", "soon"),
    # a third round, on 8ba8468, as often near-misses as red flags: German legs "immer
    # schwächer", a heart beating in the belly (the aorta), "une couille", numb heavy legs during
    # chemotherapy, a shoulder that hurts "komisch" at 7 weeks, "felt something go" on steroids
    ("de", "seit gestern kreuzschmerzen und meine beine werden immer schwächer, bin heute zweimal fast umgeknickt weil die füße nicht mehr wollen", "legs", "emergency"),
    ("fr", "j'ai 70 ans, mal au dos d'un coup et je sens comme un coeur qui bat dans mon ventre, la tête me tourne", "aorta", "ambulance"),
    ("fr", "mon fils de 14 ans a super mal en bas du dos et a une couille depuis 1h, c'est venu d'un coup et il a vomi", "testicle", "emergency"),
    ("fr", "je suis sous chimio et depuis quelques jours j'ai mal au milieu du dos, et mes jambes sont lourdes et engourdies", "legs", "emergency"),
    ("de", "bin glaub ich in der 7. woche schwanger, stechende schmerzen unten rechts im rücken und leichte schmierblutung, schulter tut auch komisch weh", "ectopic", "emergency"),
    ("en", "been on prednisolone for my copd for years, bent down to pick up the cat and felt something go in the middle of my back, agony since", "crack", "emergency"),
    # a fourth, on cabdc57: a care home's resident, a boy's testicle after "unten im Rücken",
    # legs that "se le duermen" with a cancer, an hour of morning stiffness at 27 (inflammatory
    # back pain, a GP in days), a nan who "slid off the commode" with brittle bones
    ("fr", "message de l'ehpad : résident de 84 ans, mal au dos depuis une semaine, ce matin il n'arrive plus à se lever, jambes molles, il s'est uriné dessus alors qu'il est continent d'habitude", "continence", "emergency"),
    ("de", "mein sohn ist 14 und hat seit einer stunde heftige schmerzen unten im rücken und im hoden, er hat schon gekotzt", "testicle", "emergency"),
    ("es", "escribo por mi padre de 68 años tiene cancer de prostata y ahora le duele muchisimo la espalda por las noches y se le duermen las piernas le cuesta andar", "legs", "emergency"),
    ("de", "seit ein paar monaten morgens total steifer rücken über ne stunde lang, wird mit bewegung besser, nachts wach ich um 4 auf vor schmerzen, bin 27", "rest", "soon"),
    ("en", "stiff every morning for more than an hour, better once i get moving, im 26", "stiffness", "soon"),
    ("en", "typing this for my nan at the care home, she slid off the commode yesterday, shes 88 with brittle bones and now her back is agony whenever she moves", "injury", "emergency"),
    ("de", "Grüezi. Ich han sit zwei Tag huere Rückeschmerze und sit geschter Abig Fieber, bin grad i de Chemo wäge me Lymphom", "fever", "emergency"),
    # a fifth, on 7786060: German in the third person ("sieht er doppelt", "redet so
    # verwaschen") after a chiropractor, and a girl who "wacht nachts davon auf"
    ("de", "mein mann hat seit gestern nackenschmerzen nach dem chiropraktiker, jetzt sieht er doppelt und redet so verwaschen", "stroke", "ambulance"),
    ("de", "meine tochter ist 7 und hat seit 3 wochen rückenschmerzen, wacht nachts davon auf und humpelt seit ein paar tagen", "child", "today"),
    # a sixth, on ea650e8: the aorta in Spanish said with words between ("de repente le ha dado
    # un dolor muy fuerte ... le late en la tripa"), German inflammatory back pain in "fast ne
    # Stunde" and "in Ruhe schlimmer", and a bladder that "i cant really tell" about
    ("es", "mi padre tiene 74 años, fuma, y de repente le ha dado un dolor muy fuerte en la espalda baja y en la barriga, dice que nota como algo que le late en la tripa, esta palido y mareado. el dice que es lumbago", "aorta", "ambulance"),
    ("de", "bin 26, seit über 4 monaten kreuzschmerzen, morgens fast ne stunde total steif, wird mit bewegung besser und in ruhe schlimmer, wach in der zweiten nachthälfte davon auf", "rest", "soon"),
    ("en", "back ache for weeks and i cant really tell when i need a wee", "continence", "emergency"),
    # a seventh, on dbe309c: Spanish meningitis in the third person ("no puede bajar la
    # barbilla al pecho ... le molesta mucho la luz"), an English chin "on her chest" (not the
    # heart), and weight loss with pain at night after fifty (a doctor today)
    ("es", "mi hija de 19 tiene dolor de cuello y espalda, no puede bajar la barbilla al pecho, fiebre de 39,5, le molesta mucho la luz y ha vomitado dos veces", "meningitis", "ambulance"),
    ("en", "my daughter cant put her chin on her chest and has a temperature, her back aches", "meningitis", "ambulance"),
    ("fr", "j'ai 67 ans, mal au dos depuis 2 mois, de pire en pire meme allonge la nuit, j'ai perdu 8 kilos sans faire de regime et je suis tout le temps fatigue", "weight", "today"),
    # an eighth, on 4b648bc: heavy legs and stumbling after a breast cancer, and a bladder
    # that "rien ne sort"
    ("de", "Hatte vor 5 Jahren Brustkrebs. Seit ein paar Wochen Rückenschmerzen in der Mitte vom Rücken, zieht wie ein Gürtel rum, und jetzt fühlen sich die Beine schwer an und ich stolper dauernd", "legs", "emergency"),
    ("fr", "mal de dos enorme depuis hier soir, j'ai envie de faire pipi mais rien ne sort depuis ce matin", "continence", "emergency"),
    # and a ninth, on 19a5147: French "je me shoote" with a fever
    ("fr", "je me shoote (injections) et depuis quelques jours j'ai de la fievre et mal au milieu du dos, ca empire", "fever", "emergency"),
    ("en", "my dad is 68, hes had backache for weeks and now his legs feel wobbly and heavy, nearly fell on the stairs twice. he had prostate cancer a few yrs back", "legs", "emergency"),
    # and a tenth, on 5b4db12: legs that "se me doblan", "mes jambes flanchent" with night pain
    # during a cancer, "mums 78" without its apostrophe, German "schwitze nachts alles durch"
    ("es", "tengo dolor de espalda y desde esta mañana no siento bien las piernas, se me doblan al andar", "legs", "emergency"),
    ("fr", "j'ai mal au dos et je suis sous traitement pour un cancer du sein, ça empire la nuit et mes jambes flanchent", "legs", "emergency"),
    ("en", "mums 78 with osteoporosis, she bent down to pick up the cat last nite and now her mid back is agony, cant get comfy at all", "bones", "today"),
    ("de", "Rückenschmerzen, hab in den letzten Monaten 8 Kilo abgenommen ohne Diät und schwitze nachts alles durch", "fever", "today"),
    # and twenty more on 27a8144: a sudden worst-ever neck pain in Spanish, "been using
    # (injecting) again" with shivers
    ("es", "me dio un dolor de cuello fortisimo de repente, el peor de mi vida, vomite y no aguanto la luz", "meningitis", "ambulance"),
    ("en", "been using (injecting) again, low back pain getting worse over 2 wks, hot and shivery at night, cant really sleep on it", "fever", "emergency"),
    # and a twenty-eighth round, on 553d216 (four reviewers, forty requests a language)
    ("en", "Writing for my dad, he's 74 and still smokes. His back ache came on out of nowhere about an hour ago, he says he can feel a throbbing in his tummy like a second heartbeat and he's gone a grey colour", "aorta", "ambulance"),
    ("en", "been on prednisolone for my lungs for about a year, sneezed this morning and got a sharp band of pain round my middle back", "crack", "emergency"),
    ("en", "burning stinging strip of pain going round from my spine to under my boob on the left side only, and now little blistery spots coming up along it", "shingles", "today"),
    ("en", "neck and upper back so stiff i cant get my chin to my chest, pounding headache, lights hurt my eyes and i feel hot and rough", "meningitis", "ambulance"),
    ("en", "back pain and I cant feel when I pee, numb bum", "saddle", "emergency"),
    ("es", "llevo dos años tomando prednisona por el asma y ayer al toser fuerte me dio un pinchazo en la mitad de la espalda que no me deja ni darme la vuelta en la cama", "crack", "emergency"),
    ("es", "mi chaval de 14 se ha despertado con un dolor horrible en un huevo que le sube a la tripa y a la espalda, esta vomitando y no se deja ni tocar", "testicle", "emergency"),
    ("es", "tengo 26 años y hace como 6 meses que me despierto a las 4 de la mañana por el dolor de espalda, al levantarme estoy tieso como una tabla mas de una hora, se me pasa moviendome y con reposo empeora", "stiffness", "soon"),
    ("de", "Grueezi, sit geschter morge han i im chruez huere weh und am fudi und zwuesched de bei isch alles wie taub, und bisle gaht nur no wenn i fescht drucke. Was chan i drucke?", "saddle", "emergency"),
    ("de", "bin gestern vom geruest gfallen so 3 meter, voll aufn hintern, jetzt tuts im kreuz extrem weh wenn ich mich beweg", "trauma", "emergency"),
    ("de", "Oma ist 84 und hat sich gestern beim Buecken nach der Zeitung was im Ruecken gemacht, seit dem kommt sie kaum aus dem Sessel. Sie hat Knochenschwund und nimmt da Tabletten dafuer", "bones", "today"),
    ("de", "mein sohn (14) hat seit einer stunde ganz starke schmerzen unten im ruecken und in der leiste, er sagt verschaemt dass ihm unten ein ei weh tut und er hat grad erbrochen", "testicle", "emergency"),
    ("de", "bin 26 und hab seit nem dreivierteljahr kreuzweh, komischerweise in der frueh immer stocksteif fuer ueber ne stunde, beim bewegen wirds besser, beim ausruhen schlechter, und in der zweiten nachthaelfte weckts mich auf", "stiffness", "soon"),
    ("de", "war gestern beim chiropraktiker der hat mir den hals eingerenkt, seitdem einseitig starke nackenschmerzen rechts und ich seh manchmal doppelt, mir ist schwummrig", "stroke", "ambulance"),
    ("fr", "jai mal au dos depuis 3 jours et le soir je claque des dents sous la couette, le thermometre marquait 39,2 hier", "fever", "today"),
    ("fr", "je me suis ramasse de l'echelle en taillant la haie samedi, atterri a plat sur le dos sur les paves, depuis ca fait super mal au milieu du dos quand je respire", "trauma", "emergency"),
    ("fr", "mon fils de 14 ans a mal d'un coup a un testicule depuis ce matin, ca remonte dans le bas du ventre et le dos, il a vomi, il ose pas trop en parler", "testicle", "emergency"),
    ("fr", "chu tombee su'a glace en fin de semaine, j'ai 74 ans pis depuis ca m'elance dans le bas du dos quand je me leve du lit, j'ai de la misere a marcher", "injury", "emergency"),
    ("en", "had a discectomy 3 weeks ago and the wound has gone red and weepy and my back is way worse than before the op", "wound", "today"),
    ("es", "tengo 63 y baje 8 kilos en dos meses sin proponermelo, me duele la espalda de noche tumbado y sudo tanto que tengo que cambiar las sabanas", "weight", "today"),
    ("de", "hatte vor 5 jahren prostata-ca, damals bestrahlt. jetzt seit 2 monaten zunehmend kreuzweh, auch in ruhe und nachts, ich schlaf kaum noch", "cancer", "today"),
    # and a thirtieth round, on b07378c: a fall onto the sofa on steroids, shingles in plain Spanish
    ("de", "Meine Mama ist 83, hat Osteoporose und nimmt seit Jahren Kortison. Sie hat sich gestern nur aufs Sofa plumpsen lassen und seitdem kann sie sich vor Schmerz im Rücken kaum rühren", "injury", "emergency"),
    ("es", "me salieron unas ampollitas en fila en un solo lado de la espalda y me arde horrible como quemadura, no puedo ni rozarme con la ropa", "shingles", "today"),
    ("fr", "la cicatrice de mon operation du dos est rouge et chaude, ca coule du jaune et j ai de plus en plus mal autour", "wound", "today"),
    ("fr", "mon fils de 8 ans se plaint du dos la nuit, ca le reveille et il a maigri ces derniers temps", "child", "today"),
    ("de", "seit gestern kann ich mein linkes bein kaum noch heben, stolpere dauernd und der ruecken tut auch weh", "legs", "emergency"),
    # a fall on a blood thinner with a bruise that grows (three reviewers, three languages)
    ("en", "I'm on warfarin for my heart valve and went down the last few stairs on my backside yesterday. My lower back is really sore and there's a big purple swelling that's getting bigger", "bleed", "emergency"),
    ("es", "mi abuelito toma warfarina, se resbalo en el baño ayer y ahora se queja de la espalda baja y le salio un moreton grande en el costado, esta medio palido", "bleed", "emergency"),
    ("fr", "mon pere est sous coumadine pour son coeur, il a glisse dans la baignoire avant hier et depuis il a tres mal dans le bas du dos, ca a gonfle et c est tout bleu sur le cote", "bleed", "emergency"),
    # and a twenty-ninth round, on 87ee6b8 (carers, medicines, pregnancy and after birth, long messages)
    ('en', "Mum has dementia and keeps holding her back. She slipped off the commode on Tuesday and since then she won't put any weight on her right leg and cries when we turn her. Which pressure points can I do for her back?", 'injury', 'emergency'),
    ('en', "Been clean 2 years, on methadone now, used to inject. Back's been agony for 10 days, worse every day, and I keep getting sweats and shakes at night. Just want something that takes the edge off.", 'fever', 'emergency'),
    ('en', 'Had my baby 5 days ago with an epidural. The spot where the needle went in is red and hot and getting more painful each day, and I feel feverish and achy.', 'wound', 'emergency'),
    ('en', "28 weeks pregnant, pain in the right side of my back just under my ribs, it stings when I pee and I've got a temperature of 38.5", 'pregnancy-signs', 'midwife'),
    ('en', 'Came off my mountain bike at speed and landed flat on my back. I can walk OK but since then the fingers on both hands are tingling and my neck feels odd.', 'cord', 'ambulance'),
    ('en', "Hi, so I'm a nurse doing long shifts, lifting patients all day, usually my back is fine if I stretch. The kids have been off school too so it's all been a bit hectic. For the last couple of days my feet feel weird, like I'm walking on cotton wool, and I nearly went over on the stairs, and my back's stiff. Anyway I'd love a relaxing 10 min session for the evening if possible!", 'legs', 'emergency'),
    ('en', "Been gardening loads since we moved, lifting big bags of compost, typical weekend warrior stuff lol. Back's been sore for a week. Funny thing is I have to really strain to get a wee going and it feels like I never quite empty, which has never happened before. Otherwise fine, just want something to ease the ache.", 'continence', 'emergency'),
    ('en', "Dad has dementia and keeps pointing at his lower back and groaning. He's hot to the touch, much more muddled than usual today and won't eat. Could I try some gentle pressure points on his back?", 'fever', 'today'),
    ('es', 'mi padre tiene 79 años y lleva 3 dias con dolor de riñones, hoy me dice q no nota el papel cuando se limpia y q se le escapa la orina sin darse cuenta, q le puedo hacer yo en casa para aliviarle', 'saddle', 'emergency'),
    ('es', 'hace 12 dias tuve a mi bebe con peridural, ahora me duele justo donde me pincharon, esta colorado y anoche tuve escalofrios y 38 y medio, hay algun punto q me calme?', 'wound', 'emergency'),
    ('es', 'tomo tramadol por la hernia y desde ayer tengo ganas de hacer pipi pero no me sale nada, la panza abajo la tengo hinchada, y la espalda me sigue matando', 'continence', 'emergency'),
    ('es', 'mi hijo de 14 juega al futbol, hace como dos meses se queja de la espalda, lo despierta a la noche y bajo de peso sin hacer dieta, el pediatra dijo que es de crecimiento pero yo quiero algo para aliviarlo', 'weight', 'today'),
    ('es', 'mi marido tiene 71, fumador de toda la vida, de repente le ha dado un dolor en la espalda como si le rasgaran por dentro y esta sudando y mareado, le hago un masaje?', 'aorta', 'ambulance'),
    ('es', 'hola, les cuento, trabajo en un call center 9 horas sentada, la silla es malisima, ademas tengo dos niños y cuando llego a la casa toca hacer oficio, la espalda baja la tengo como un ladrillo desde el lunes, ademas como que no siento bien la cola cuando me siento en el inodoro y ayer me toco ponerme toalla porque se me salio el chichi sin darme cuenta, bueno y tambien el cuello, quiero algo relajante para dormir', 'saddle', 'emergency'),
    ('es', 'mi abuela de 85 se fue a sentar en la silla y fallo, cayo sentada al piso, desde ahi no se puede parar del dolor de espalda, le duele mas al moverla', 'injury', 'emergency'),
    ('es', 'tengo 35 semanas, me duele la espalda y la boca del estomago, veo lucecitas y tengo un dolor de cabeza horrible, las manos hinchadas', 'pregnancy-signs', 'midwife'),
    ('de', 'Schreibe für meinen Vater (82), der hat seit 3 Tagen Kreuzweh. Was mir komisch vorkommt: seine Einlage ist seit gestern früh trocken, er war nicht mehr Wasser lassen und der Unterbauch ist ganz prall. Kann ich ihm was gegen die Rückenschmerzen drücken?', 'continence', 'emergency'),
    ('de', 'Bin nierentransplantiert und nehm Tacrolimus und Cellcept. Seit 2 Tagen tut mir mitten im Rücken eine Stelle weh wenn ich draufklopf, abends hatte ich 38,6.', 'fever', 'emergency'),
    ('de', "Trotz Tilidin ist mein Ischias brutal, und heut beim Aufstehen ist mir einfach was in die Hose gegangen ohne dass ich's gemerkt hab. Peinlich. Welche Punkte helfen beim Ischias?", 'continence', 'emergency'),
    ('de', "Bin am Samstag beim Skifoan voll auf'n Hintern gfoin, seitdem Rücken, und seit heut kribbeln beide Haxn und die Füß fühlen sich an wie eingschlafen.", 'legs', 'emergency'),
    ('de', 'Also ich erzähl mal von vorne, bin 52, Büro, viel Sitzen, hab schon immer mal Rücken, hab letztes Jahr mit Yoga angefangen, das hat gut getan, dann kam der Umzug und der ganze Stress mit der Firma, Chef wechselt, naja, und seit einer Woche ist der Ischias links wieder da, und vorgestern wollte ich die Zehen hochziehen und der linke Fuß macht einfach nicht mit, ich stolper dauernd über die Teppichkante, aber gut, das wird schon, jedenfalls hätte ich gern was zum Entspannen für abends, so 10 Minuten.', 'legs', 'emergency'),
    ('de', 'Ischias jetzt seit gestern auf beiden Seiten, und beim Abputzen nach dem Klo spür ich hinten irgendwie gar nix mehr, ist das normal?', 'saddle', 'emergency'),
    ('de', "Mein Freund ist auf'm Bau, hat eh dauernd Rücken, meckert viel, heut nach der Schicht meinte er aber, er kann das rechte Bein nicht mehr richtig anheben und das Knie knickt beim Treppensteigen weg. Er will nicht zum Arzt, nur ne Massage.", 'legs', 'emergency'),
    ('fr', 'j ai accouche il y a 10 jours sous peri, depuis 2 jours j ai mal au dos pile a l endroit de la piqure, c est rouge et chaud et j ai 38,5', 'wound', 'emergency'),
    ('fr', 'sous cortisone depuis 1 an pour ma polyarthrite, j ai eternue tres fort hier et depuis douleur d un coup au milieu du dos, j arrive plus a me retourner dans le lit', 'crack', 'emergency'),
    ('fr', 'je prends du tramadol pour mon dos depuis 1 mois, mais depuis 3 jours quand je m essuie apres la selle je sens quasi plus rien entre les fesses, c est bizarre non', 'saddle', 'emergency'),
    ('fr', 'match de rugby samedi, gros placage, depuis j ai mal au cou et en haut du dos et j ai des fourmis dans les 2 mains des que je baisse la tete', 'cord', 'ambulance'),
    ('fr', 'chute en ski hier, je suis retombe sur les fesses de haut apres une bosse, douleur en plein milieu du dos quand j appuie sur l os de la colonne, je marche mais ca lance', 'injury', 'today'),
    ('fr', 'ma fille 16 ans fait de la gym a haut niveau, elle a mal au dos depuis une semaine et depuis 2 nuits elle mouille son lit alors qu elle le faisait plus depuis toute petite', 'continence', 'emergency'),
    ('fr', 'je suis sous eliquis pour ma fibrillation, ce matin en me levant douleur dans le dos d un coup, la pire de ma vie, comme un coup de couteau qui descend vers le ventre', 'aorta', 'ambulance'),
    # new confusion (delirium), with a fever sepsis, and a grandparent named bare whose back it is
    ('en', 'lower back pain, fever and confusion since this morning', 'confused', 'ambulance'),
    ('en', "my mum is 84, her back hurts and since yesterday she's been really confused", 'confused', 'today'),
    ('en', 'gran has a fever and back pain', 'fever', 'today'),
    ('es', 'dolor de espalda, fiebre y estoy confundido', 'confused', 'ambulance'),
    ('es', 'mi abuela esta confundida desde ayer y le duele la espalda', 'confused', 'today'),
    ('de', 'Rückenschmerzen, Fieber und ich bin ganz verwirrt', 'confused', 'ambulance'),
    ('de', 'Oma ist seit gestern total verwirrt und hat Rückenschmerzen', 'confused', 'today'),
    ('de', 'Oma hat Fieber und Rückenschmerzen', 'fever', 'today'),
    ('fr', 'mal au dos, de la fièvre et je suis confus', 'confused', 'ambulance'),
    ('fr', 'mon père est confus depuis hier et il a mal au dos', 'confused', 'today'),
    # a tattoo or piercing with pus on the back it would press
    ('en', 'my new tattoo on my lower back is red and hot and oozing pus', 'skin', 'today'),
    ('es', 'el tatuaje nuevo de la espalda esta rojo, caliente y le sale pus', 'skin', 'today'),
    ('de', 'das neue Tattoo am Rücken eitert, Kreuzweh', 'skin', 'today'),
    ('fr', 'mon nouveau tatouage dans le bas du dos est rouge, chaud et il y a du pus', 'skin', 'today'),
    # a thirty-eighth round (20 requests, on deb7a2c): wetting oneself in everyday French
    ('fr', "j'ai mal au dos et je fais pipi sur moi sans m'en rendre compte depuis ce matin", 'continence', 'emergency'),
    # a thirty-seventh round (20 requests, on fab3063): a father who cannot feel his bum, a husband who injects
    ('en', 'my dad is 78, been moaning about his back for a wk and since this morning he says he cant feel his bum when he wipes and hes wet himself twice, is there anything i can press for him', 'saddle', 'emergency'),
    ('de', 'rueckenschmerzen seit 2 wochen und seit gestern kann ich den rechten fuss nicht mehr richtig hochziehen, stolpere dauernd ueber die teppichkante', 'legs', 'emergency'),
    ('de', 'mein mann spritzt sich leider drogen, hat jetzt seit 3 tagen fieber und so starke rueckenschmerzen dass er nicht mehr liegen kann', 'fever', 'emergency'),
    ('fr', 'je prends de la cortisone depuis des annees pour mon asthme et ce matin apres une quinte de toux une douleur tres vive au milieu du dos, je peux a peine bouger', 'crack', 'emergency'),
    # a thirty-sixth round (20 requests, on 90a51de): a throb in the belly, labour at 32 weeks, 'went down on her bottom'
    ('en', "my nan is 84, went down on her bottom getting out the bath sunday night. since then her lower back is agony when she tries to stand up, she's been on steroid tablets for her chest for years. can she do some of these pressure points or not", 'injury', 'emergency'),
    ('es', 'mi marido tiene 72 años, fumador de toda la vida, y desde esta tarde le duele muchisimo la parte baja de la espalda y la barriga, dice que nota como un latido en la tripa y esta palido y sudando', 'aorta', 'ambulance'),
    ('es', 'estoy de 32 semanas y desde hace unas horas me da un dolor en los riñones que va y viene cada 10 min mas o menos y noto la tripa como dura. me dan un masajito en la espalda?', 'pregnancy-signs', 'midwife'),
    ('de', 'Ischias rechts seit 3 Wochen, jetzt bleibt mein rechter Fuss beim Gehen haengen und ich stolper ueber jede Teppichkante, auf der Ferse stehen geht rechts gar nicht mehr', 'legs', 'emergency'),
    # a thirty-fifth round (20 requests, on 3d1010f): a grandfather's fall on thin bones, a foot that hangs
    ('de', 'Mein Mann (45) nimmt seit Jahren Kortison und Methotrexat wegen Rheuma. Seit einer Woche hat er starke Schmerzen mitten im Rücken, nachts schlimmer, und gestern Abend hatte er 38,5.', 'fever', 'emergency'),
    ('es', 'mi abuelo se cayo de culo en la ducha hace dos dias, tiene 85 y los huesos muy flojos, desde entonces le duele muchisimo la espalda por el medio y casi no puede levantarse de la cama', 'injury', 'emergency'),
    ('de', 'seit 3 tagen ischias links, heute stolper ich dauernd weil der linke fuss irgendwie runterhängt und ich kann nicht mehr auf der ferse laufen', 'legs', 'emergency'),
    # a thirty-fourth round (20 requests, on 02b5a39): muddled days, a sudden pain into the belly, an operated hip
    ('en', 'my dad (78) has had bad low back pain for a week, now hes got a temperature and the shivers and keeps getting muddled about what day it is. can u give him a massage routine', 'confused', 'ambulance'),
    ('es', 'mi marido tiene 70 años y fuma, le ha dado de golpe un dolor fortisimo en la espalda baja que le va hacia la tripa y esta sudando y palido', 'aorta', 'ambulance'),
    ('fr', 'Ma mère, 74 ans, diabétique, a été opérée de la hanche il y a 3 semaines, depuis 2 jours elle a de la fievre et sa hanche est rouge et chaude et elle souffre beaucoup', 'wound', 'emergency'),
    # a thirty-third round (24 requests, on e9c56b0): a child's night pain, a carer's 'she', a spot that grows
    ('en', 'my lad is 9 and keeps waking up in the night crying about his back, been going on 3 weeks now, hes gone off his food and lost a bit of weight', 'weight', 'today'),
    ('es', 'mi padre tiene 80 años, lleva 2 dias con dolor de espalda y hoy esta como ido, no sabe donde esta, no me reconoce y esta ardiendo de fiebre', 'confused', 'ambulance'),
    ('es', 'me salio un grano en la espalda que se ha puesto rojo caliente e hinchado, cada dia mas grande, me duele un monton y esta noche tenia escalofrios', 'fever', 'today'),
    ('de', 'Meine Oma (84) hat Rückenschmerzen und ist seit gestern so schläfrig, man kriegt sie kaum wach und sie redet wirres Zeug', 'drowsy', 'ambulance'),
    ('fr', 'mon fils de 7 ans se plaint du dos la nuit, il se reveille en pleurant, et depuis quelques jours il boite un peu', 'child', 'today'),
    # a thirty-second round (24 requests, on f203f19): drowsiness that is hard to wake, boils, bites
    ('en', "my dad is 82 and since yesterday hes gone all muddled, talking rubbish and keeps dropping off in his chair, hes shivery and hot too. his lower back is sore so thought i'd try some pressure points for him", 'confused', 'ambulance'),
    ('en', "Gran's been really hard to wake this morning and when she does she isn't making any sense, keeps asking where she is. Her back's aching again, what points can I press for her", 'drowsy', 'ambulance'),
    ('en', 'got a tattoo on my lower back last week and its gone really hot n swollen, yellowy pus coming out and the red is spreading round to my side. back aches too', 'skin', 'today'),
    ('es', 'la abuela esta muy rara desde ayer, no sabe donde esta, dice cosas sin sentido y tiene escalofrios y fiebre. se queja mucho de la espalda, que puntos le puedo apretar', 'confused', 'ambulance'),
    ('es', 'tengo 24 años, llevo 2 dias con fiebre y hoy estoy como atontado, me cuesta pensar y me quedo dormido todo el rato. me duele la parte baja de la espalda', 'confused', 'ambulance'),
    ('es', 'me ha salido un forunculo enorme en la espalda, esta rojo, caliente, con pus y cada dia mas grande, la rojez se va extendiendo. me duele la espalda alta', 'skin', 'today'),
    ('de', 'Oma ist seit heute früh total durcheinander, redet wirres zeug und ist kaum wach zu kriegen. Fieber hat sie keins. Rücken tut ihr auch weh, kann man da was drücken', 'drowsy', 'ambulance'),
    ('de', 'hab nen stich am rücken von ner wespe oder so, ist jetzt dick rot und heiss, ein roter streifen geht richtung achsel und ich hab schüttelfrost. rücken oben tut weh', 'fever', 'today'),
    ('de', 'seit gestern kreuzweh und ich kann nicht mehr richtig pinkeln, untenrum am po und zwischen den beinen ist alles taub, beide beine kribbeln', 'saddle', 'emergency'),
    ('fr', "Mamie est bizarre depuis hier soir, elle dit n'importe quoi, elle a de la fievre et elle dort tout le temps, on arrive presque pas a la reveiller. elle a mal au dos aussi", 'confused', 'ambulance'),
    ('fr', 'mon fils de 9 ans a de la fievre depuis 2 jours, il est tout mou, il somnole et il repond bizarre quand on lui parle, il se plaint du dos', 'confused', 'ambulance'),
    ('fr', "j'ai un piercing dans le bas du dos (microdermal) qui suinte du pus depuis 3 jours, tout autour c'est rouge, gonfle et ca s'etend, j'ai des frissons ce soir", 'fever', 'today'),
]  # fmt: skip

SENT_SOONER_NEAR = [
    # the twenty-eighth round's near-misses: old accidents said first, a slip without a fall, a
    # phone that fell, Saturday night fever, a fever denied after it, pain "like it always has"
    ("en", "I'm 72, fit as a fiddle, walk 5 miles a day, back just gets a bit stiff after long drives like it always has"),
    ("en", "fixing shingles on the roof all day, now my lower back aches"),
    ("es", "hace 15 años tuve un accidente de coche, sin fracturas ni nada, y ahora de vez en cuando me da una contractura en la espalda alta cuando duermo mal"),
    ("es", "me duele la espalda de noche solo cuando me duermo en el sofa, en mi cama no, y por la mañana a los 5 minutos ya estoy bien"),
    ("es", "me resbale en la ducha pero no me cai, solo hice un movimiento brusco para agarrarme y se me cargo la zona lumbar, camino bien"),
    ("de", "hatte vor 15 jahren nen autounfall mit schleudertrauma, ist laengst alles verheilt. jetzt nur normales kreuzweh vom vielen sitzen im homeoffice"),
    ("de", "also ich weiss gar nicht wo ich anfangen soll, die kinder sind krank gewesen, also nur schnupfen, ich hab die ganze woche den kleinen rumgetragen, dann noch der einkauf und die waesche und mein mann ist auf montage, und jetzt tut mir der ruecken unten so weh dass ich abends kaum mehr gerade steh, ist aber eher so muskulaer, fieber oder so hab ich keins, einfach fertig. vielleicht hilft ja drucken"),
    ("de", "Grueezi mitenand, han sit vorgeschter rueggeweh vom zuegle, all die chischte gschleppt, suscht isch alles tiptop"),
    ("fr", "fievre du samedi soir hahaha j'ai danse toute la nuit en talons, ce matin jai le bas du dos en compote"),
    ("fr", "j'ai mal dans l'dos a force de pelleter la neige a matin, chu pas capable de me pencher comme il faut, sinon ca va correct"),
    ("fr", "mon telephone est tombe derriere le lit et en me contorsionnant pour le recuperer je me suis coince le bas du dos"),
    ("en", "i cut my finger chopping onions and it is a bit red, and my lower back aches"),
    ("en", "I was pregnant three years ago and had back pain then, now my back just aches from carrying my toddler around all day"),
    ("de", "Oma hat grad Gürtelrose und ich pfleg sie, vom vielen Heben hab ich jetzt selber Kreuzweh, keine Bläschen oder so bei mir"),
    ("de", "Ha sit em Zügle Rüggeweh, kei Fieber, nüt taub, nume verspannt im undere Rugge"),
    ("es", "me queme con la bolsa de agua caliente y me salio una ampolla en la espalda"),
    ("fr", "j ai eu un zona l an dernier c est gueri, la c est juste le dos raide apres le ski"),
    ("fr", "ca me tire dans les reins depuis le foot dimanche, pas de fievre, pipi normal"),
    ("en", "big bruise on my thigh from football and my lower back aches"),
    ("de", "hexenschuss vom kisten schleppen, kein fieber, beine nicht taub, pinkeln ganz normal"),
    ('en', '8 weeks since I had my baby, all healed and checked at the 6 week check. Back aches from feeding and lugging the car seat around.'),
    ('en', "I'm 76 and fit, walk the dog every day. My back gets stiff after weeding the allotment, no falls, no other problems."),
    ('en', 'My foot goes to sleep when I sit cross-legged on the floor playing with the kids, which is funny, but the actual problem is my lower back aches since we got a new mattress.'),
    ('en', "Long story but I work night shifts as a carer so I'm on my feet all night, then school run, then sleep, then my sister's been staying with her two dogs which is chaos. My back aches after a shift, it doesn't wake me or anything, I'm just shattered and want to unwind."),
    ('en', "My grandad fell last year and broke his hip, so I'm being careful. I'm 30 and my back's sore from carrying my gran's shopping up the hill."),
    ('es', 'la semana pasada tuve gripa con fiebre pero ya se me quito hace 5 dias, me quede con la espalda adolorida de tanto estar acostado'),
    ('de', 'Hab mit Weight Watchers 10 Kilo abgenommen, bin voll stolz, aber vom vielen Joggen zwickts jetzt im unteren Rücken.'),
    ('de', 'Ich bin 78, hab seit Jahrzehnten Arthrose im Kreuz, morgens steif, nach zehn Minuten Bewegung wirds besser. Nichts Neues, möcht nur was zur Entspannung.'),
    ('de', 'Mi zwickts im Kreiz seit i gestern Holz ghackt hab, sonst passt ois, koa Fieber, nix.'),
    ('fr', 'j ai mal au dos depuis que je m occupe de ma mere qui a un cancer, je la porte pour la toilette et pour la mettre au fauteuil, moi je vais bien a part le dos'),
    ('fr', 'salut, alors en gros c est ma grand mere qui est tombee la semaine derniere et qui est a l hopital (elle va mieux), du coup j ai fait beaucoup d allers retours en voiture, j ai porte ses affaires, et moi j ai le bas du dos en vrac, aucun autre symptome, je voudrais juste me detendre'),
    ("en", "my back cracked when i stretched and it felt great, still a bit stiff in my lower back"),
    ("es", "me crujo la espalda cada mañana y me alivia, pero hoy me duele la zona lumbar"),
    ("de", "ich lasse meinen Rücken jeden Morgen knacken, tut gut, aber heute zieht es im unteren Rücken"),
    ("fr", "je fais craquer mon dos et ça soulage, mais j'ai mal en bas du dos"),
    ("en", "post nasal drip and a sore lower back from the sofa"),
    ("fr", "Mon chum dit que j'devrais consulter mais c'est juste un tour de rein en soulevant le bac de recyclage, ça fait 2 jours pis ça va déjà un peu mieux"),
    ("en", "the pain is seventy five percent better since physio, lower back still a bit stiff"),
    ("es", "me inyecto insulina por la diabetes y me duele la espalda de estar sentado"),
    ("fr", "j'ai mal au bas du dos, il y a septante ans que mon grand-père a construit cette maison"),
    ("en", "helped my 80 year old neighbour move her wardrobe yesterday and now my lower back is sore"),
    ("es", "la semana pasada me pusieron suero en el hospital por una gastroenteritis, ya estoy bien, pero la cama era malisima y tengo la espalda cargada"),
    ("fr", "j'ai eu une perf a l'hopital il y a un mois pour une deshydratation, tout va bien maintenant, mais j'ai mal aux lombaires depuis que j'ai repris le jardinage"),
    ("fr", "j'avais de la fievre la semaine derniere (grippe), c'est passé, pas de perte de poids ni rien, mais j'ai le dos bloqué depuis que j'ai porté les packs d'eau"),
    ("en", "felt something go in my back lifting the shopping, lower back sore since"),
    ("fr", "j'ai eu un calcul renal il y a 2 ans, c'est reglé, la c'est juste le dos bloqué apres le jardinage"),
    ("en", "bit stiff in the morning but loosens up after a shower, lower back"),
    ("fr", "le matin j'ai le dos un peu raide, ça passe en 10 minutes"),
    ("es", "me duele la zona lumbar despues de cargar todo el dia a mi nieto de 2 años, tengo 60, ni fiebre ni nada raro"),
    ("es", "hace 10 años me operaron de una hernia discal pero eso ya esta bien, ahora solo tengo las contracturas de siempre por el trabajo en el jardin"),
    ("en", "10 years ago i had back surgery, all fine since, now sore from gardening"),
    ("de", "schreibe für meinen opa (75), er hat wie jedes jahr im frühling vom rasenmähen muskelkater im unteren rücken, ist nicht gestürzt"),
    ("en", "my mum is 79, her lower back has been stiff for years, same as always, can you do her a gentle session"),
    ("fr", "je suis en compote apres le match de foot de dimanche, j'ai 41 ans et j'ai cru mourir sur le terrain mdr"),
    ("en", "bit stiff for half an hour in the morning, lower back, fine once i'm moving"),
    ("fr", "le matin j'ai le dos raide pendant une demi heure, après ça va"),
    ("es", "Mi abuela murio de un aneurisma y mi tio tuvo un infarto, pero yo solo tengo lumbago de cargar con el niño en brazos, tengo 30 años"),
    ("en", "my grandma died of an aneurysm, i just have lumbago from lifting the kids"),
    ("en", "had a kidney stone back in 2019 (all cleared, never again!). this is totally different, just a stiff low back from sitting at my desk. no blood in my wee, no temp"),
    ("fr", "j'ai eu 40 de fièvre en janvier avec la grippe (bien fini), là c'est juste le dos raide depuis le déménagement du week-end, 3e étage sans ascenseur"),
    ("en", "pins and needles in my hands when i sleep on my arms, goes when i move, lower back aches from work"),
    ("fr", "j'ai mal au dos et des fourmis dans les mains quand je dors sur les bras, ca passe des que je bouge"),
    ("de", "Rückenschmerzen, ich schwitze viel bei der Arbeit im Lager"),
    ("es", "no siento nada de dolor en las piernas, solo la espalda cargada del trabajo"),
    ("en", "i'm confused about which points help my lower back"),
    ("en", "mum has dementia and her lower back aches from the new chair"),
    ("en", "gran has a fever and my back hurts from lifting her"),
    ("de", "bin verwirrt, welche Punkte ich nehmen soll, Kreuzweh vom Sitzen"),
    ("de", "Oma hat grad Fieber und ich pfleg sie, mir tut vom Heben der Rücken weh"),
    ("fr", "je suis confus sur les points à utiliser, mal au bas du dos"),
    ("es", "estoy confundida con los puntos, me duele la espalda baja"),
    ("es", "mi marido esta con fiebre y a mi me duele la espalda"),
    ("de", "mein Mann liegt mit Fieber im Bett und mir tut der Rücken weh"),
    ("fr", "mon mari est au lit avec de la fièvre et moi j'ai mal au dos"),
    ('en', 'lower back killing me after a week of night shifts, im knackered and keep nodding off on the sofa lol, just want something to ease it'),
    ('en', 'sore between my shoulder blades from hunching over the laptop. got a mozzie bite on my arm thats driving me mad and my backs covered in spots (acne, had it since i was a teen) is it ok to still do this'),
    ('es', 'tengo un bebe de 2 meses y no duermo nada, estoy muerta de sueño todo el dia, y me duele la parte baja de la espalda de tanto cargarlo en brazos'),
    ('es', 'el finde me queme la cara y los brazos en la playa jaja pero lo q me duele de verdad es la zona lumbar de estar sentado en la ofi todo el dia'),
    ('es', 'hace 5 años tuve una hernia discal que se me curo del todo con fisio, ahora lo que tengo son contracturas en la espalda alta por el movil'),
    ('de', 'bin total kaputt nach der arbeit, penn abends immer vorm fernseher auf dem sofa ein und dann tut mir morgens das kreuz weh'),
    ('de', 'hab ein altes bauchnabelpiercing, ist schon ewig verheilt, falls das wichtig is. seit dem umzug ziehts halt im unteren ruecken vom kisten schleppen'),
    ('de', 'Mein Hausarzt hat was von Bandscheibenvorwölbung gesagt und ich bin jetzt total verwirrt was das eigentlich heißt. Hab Schmerzen unten im Rücken die hinten ins Bein ziehen bis zum Knie, sonst nix'),
    ('fr', "jsuis creve avec les gardes de nuit a l'hosto, j'ai mal en bas du dos a force de rester debout toute la nuit"),
    ('fr', "j'ai de l'acne sur le dos et une piqure de moustique au bras mais c'est surtout le haut du dos qui me fait mal, des tensions entre les omoplates"),
    ('fr', "ma mere a un cancer du sein, elle est en chimio et je m'occupe d'elle, moi j'ai juste mal au bas du dos a force de l'aider a se lever"),
    ("es", "tengo un granito en la espalda, nada raro, me duele la zona lumbar"),
    ("fr", "un bouton dans le dos et mal aux lombaires"),
    ('en', 'lower back aching after gardening all weekend. bit worried cos my mum had bone cancer but im fine in myself, no other symptoms, just stiff'),
    ('en', 'stiff neck from sitting at my laptop all day. had a kidney stone 3 yrs ago, all sorted. the amlodipine makes my ankles a bit puffy but GP knows about it'),
    ('es', 'me duele la parte de arriba de la espalda entre los omoplatos de tanto estar con el movil, ando cansadisima pq tengo un bebe de 4 meses q no duerme nada'),
    ('es', 'tengo dolor en la cadera derecha cuando camino mucho, y por cierto me ha salido un lunar nuevo en la espalda pero la dermatologa dijo que es benigno'),
    ('de', 'Hab seit paar Tagen Kreuzschmerzen vom Umzug, Kisten schleppen. Hatte vor 10 Jahren mal nen Bandscheibenvorfall, der ist aber ausgeheilt, keine Taubheit oder so'),
    ('de', 'Nacken und Schultern total verspannt vom Büro. Nehme seit kurzem Statine und hab gelesen die machen Muskelschmerzen, Hausarzt weiß Bescheid, ist aber nur der Nacken'),
    ('de', 'rücken unten tut weh nach dem fitnessstudio, kreuzheben übertrieben. mein vater hatte letztes jahr nen schlaganfall, deshalb bin ich vorsichtig, aber mir gehts sonst gut'),
    ('fr', "jai mal au bas du dos depuis que je porte ma fille de 2 ans, je suis creve. ma soeur a une sclerose en plaques, j'espere que c pas ca chez moi"),
    ('fr', "douleur dans la nuque et les épaules, stress au boulot. j'ai un peu d'eczema sur les mains mais rien de grave"),
    ('fr', "mal à la hanche gauche après le footing. j'ai eu une embolie pulmonaire il y a 8 ans, soignée, je prends plus aucun traitement"),
    ("en", "i get muddled about which point comes next, lower back ache"),
    ("en", "my knee is red and hot after football, lower back aches"),
    ('en', 'lower back aching and stiff, spent most of this week sat on plastic chairs at the hospital with my dad who has bowel cancer. im 38, fit, nothing else going on, just sore from the sitting'),
    ('en', 'neck n shoulders really tight from work. started sertraline last month and i get a bit drowsy in the evenings which the gp said is normal and will settle. just want something to loosen my neck'),
    ('es', 'tengo la zona lumbar cargada de tanto agacharme en el huerto. hace 10 años me operaron de una hernia discal pero quede perfecto, ahora es solo cansancio muscular'),
    ('es', 'me duele el cuello y los hombros de estar todo el dia con el ordenador. tengo un lunar en la espalda que me miro la dermatologa y dijo que es normal, y algo de acne en la espalda, nada mas'),
    ('de', 'bin voll fertig, schichtdienst, nacken und oberer ruecken total verspannt, schlafe schlecht und bin tagsueber nur muede. brauche was zum entspannen'),
    ('de', 'Hexenschuss beim Koffer heben gestern, Schmerzen unten im Ruecken links, strahlt nicht aus. Mein Vater hatte mal einen Bandscheibenvorfall mit Laehmung, deshalb bin ich etwas besorgt, aber mir gehts sonst gut'),
    ('fr', "mal au bas du dos depuis que j'ai repeint la chambre du bebe, ma fille a 4 mois, j'allaite, sinon tout va bien"),
    ('fr', "douleur a la hanche droite apres mon footing, j'ai 45 ans. ma mere a une osteoporose severe et une prothese de hanche, moi j'ai juste une raideur le matin qui passe en 10 min"),
    ('fr', "torticolis au reveil, j'ai mal au cou a droite. mon fils a eu la varicelle la semaine derniere et moi j'ai un bouton de fievre sur la levre, rien de grave"),
    ("en", "cold sore, a fever blister on my lip, and a stiff lower back"),
    ('en', 'stiff neck from sleeping funny, cant turn my head to the left, bit of a headache from the tension at the base of my skull'),
    ('es', 'me duele la cadera derecha cuando subo escaleras y al levantarme del sofa, llevo meses asi, tengo 60 años'),
    ('es', 'tengo lumbago de estar todo el dia sentada en la ofi, se me carga muchisimo la zona baja al final del dia'),
    ('de', 'hexenschuss beim schuhe zubinden, seitdem tut es hoellisch weh und ich komm kaum aus dem bett, sonst alles normal'),
    ('de', 'Nacken total verspannt vom vielen aufs Handy schauen, zieht bis in die Schulter rein'),
    ('fr', 'jai mal au bas du dos depuis que je porte mon bebe toute la journee, il a 4 mois'),
    ('fr', 'torticolis au reveil, jarrive plus a tourner la tete a droite, sinon ca va'),
    ('fr', 'sciatique qui descend derriere la cuisse jusquau genou, ca me lance quand jeternue, pas de perte de force et pas de souci pour uriner'),
    ('en', "My mum had breast cancer 10 yrs ago (she's absolutely fine now touch wood) so I worry about everything lol, but my own lower back is just stiff from sitting at the desk all day. I'm 34, no other problems."),
    ('en', 'the statins give me achy legs sometimes, doc knows about it and is fine with it. what i actually want help with is my neck, slept on it funny and cant turn my head fully to the left since yesterday'),
    ('es', 'me duele la zona lumbar de estar todo el dia de pie en el super. tengo un lunar en la espalda que tengo desde pequeña, no ha cambiado nada, solo lo digo por si acaso para no apretar ahi'),
    ('es', 'hola escribo yo por mi madre q tiene 80 años y no sabe usar el movil. le duele el cuello y los hombros de estar cosiendo, nada raro, el medico ya la vio el mes pasado y dijo q es artrosis de la edad. lleva años asi'),
    ('de', 'Bin total übermüdet weil unser Baby (5 Monate) nachts kaum schläft, und vom ständigen Tragen tut mir der untere Rücken weh. Stille noch, falls das wichtig ist.'),
    ('de', 'Meine Schwester hat MS und jetzt mach ich mir Sorgen, aber bei mir ist es nur Verspannung im Nacken vom Homeoffice. Kein Kribbeln, nichts taub, Arme ganz normal.'),
    ('fr', "Depuis que je prends mon traitement pour la tension (amlodipine) j'ai les chevilles un peu gonflées le soir, le médecin est au courant. Sinon j'ai mal à la hanche droite quand je reste assise longtemps au bureau."),
    ('fr', "j'ai été opéré d'une hernie discale il y a 8 ans, plus aucun souci depuis. la j'ai juste le haut du dos tout raide apres le demenagement, rien dans les jambes"),
    ('fr', "j'ai des boutons d'acné sur les épaules (rien de grave, ça date de l'ado) et le bas du dos qui tire depuis le jardinage ce weekend"),
    ("en", "got a tattoo last year, now lower back ache from the gym, no pus or anything"),
    ("de", "Tattoo ist gut verheilt, kein Eiter, nur Kreuzweh"),
    ('en', 'honestly im a bit confused by this app and all the points lol, where am i meant to press? just my usual lower back ache from sitting at a desk all day'),
    ('en', "Mum's had Alzheimer's for about 6 years, nothing new, she's the same as always, but her upper back gets stiff and achy from sitting in her chair all day. Could you do her a gentle routine"),
    ('en', 'my brother is in hospital with sepsis and im worried sick, been sleeping in the chair next to his bed for 3 nights and now my own lower back is killing me'),
    ('es', 'me hice un tatu en la espalda hace una semana y esta curando bien, pica un poco y se pela, nada raro. pero tengo una contractura en la parte de arriba de la espalda'),
    ('es', 'mi marido esta con gripe en la cama y yo agotada cuidandolo, a mi me duelen los riñones (la zona lumbar) de tanto agacharme'),
    ('es', 'mi hijo adolescente se pasa el dia dormido y de mala leche jaja lo normal a su edad. yo tengo la espalda baja fatal de cargar cajas en el curro'),
    ('de', 'bin bissl verwirrt wegen den punkten, welcher ist jetzt wo?? hab halt kreuzschmerzen seit paar tagen vom umzug, kisten schleppen'),
    ('de', 'Mein Vater hat seit Jahren Demenz, ist nix neues, er ist wie immer. Sein unterer Rücken tut halt wie immer weh vom vielen Sitzen, kann ich ihm was Gutes tun?'),
    ('de', 'Meine Mutter liegt mit Lungenentzündung im Krankenhaus, ich bin total gestresst und mein Nacken und oberer Rücken sind komplett verspannt'),
    ('fr', "tatouage dans le dos fait il y a 10 jours, il cicatrise bien, un peu de croutes, rien d'anormal. par contre j'ai mal au bas du dos depuis que je jardine"),
    ('fr', "je comprends rien a l'appli, je suis perdue avec tous ces points mdr. j'ai juste mal entre les omoplates a cause de l'ordi"),
]  # fmt: skip


SUDDEN_HEADACHES_NEAR = [
    ("en", "my head is bursting after a stressful week and my back aches"),
    ("es", "me duele la cabeza de estar con el ordenador y la espalda"),
    ("de", "Kopfschmerzen vom Bildschirm und Rückenschmerzen"),
    ("fr", "j'ai mal à la tête à cause des écrans et mal au dos"),
    ("fr", "tout à coup j'ai eu mal au dos en me penchant"),
]  # fmt: skip


@pytest.mark.catalogs
@pytest.mark.parametrize(
    "language,words,sign",
    [
        *SEVENTH_ROUND,
        *EIGHTH_ROUND,
        *SUDDEN_HEADACHES,
        *BELLY_AND_BACK,
        *TENTH_ROUND,
        *ELEVENTH_ROUND,
        *TWELFTH_ROUND,
        *THIRTEENTH_ROUND,
        *FOURTEENTH_ROUND,
        *FIFTEENTH_ROUND,
        *SIXTEENTH_ROUND,
        *SEVENTEENTH_ROUND,
    ],
)
def test_the_later_rounds_requests_are_refused_for_the_sign_first_named(language, words, sign):
    assert triage.red_flags(words, language)[0].sign == sign, words  # not a milder or a graver one
    _refused(language, words, sign)


@pytest.mark.parametrize("language,words,urgency,named", [
    ("en", "had a spinal epidural for my c section 5 days ago, now the injection spot is red and my back hurts and i feel feverish", "emergency", "surgery"),
    ("en", "ex IV user, clean 2 months now, but my upper back is really sore and i get sweats at night and feel hot all the time", "emergency", "immune"),
    ("de", "Nackenschmerzen seit heute früh, dazu hohes Fieber, mir ist übel und ich krieg das Kinn nicht auf die Brust", "ambulance", None),
    ("en", "my daughter 17 has a stiff neck and headache, cant stand the light and theres a rash that doesnt go away when i press a glass on it", "ambulance", None),
])  # fmt: skip
def test_the_tenth_rounds_requests_are_sent_as_soon_as_they_must_be_for_what_they_say(language, words, urgency, named):
    """A fever after a spinal injection or with drug injecting is A&E, not a doctor today; a
    chin that will not reach the chest is not chest pain; a rash that does not go away under a
    glass is not pain that never goes away."""
    flags = triage.red_flags(words, language)
    assert triage.urgency(flags[0]) == urgency, flags
    signs = [f.sign for f in flags]
    assert named in signs if named else not {"chest", "rest"} & set(signs), signs


@pytest.mark.parametrize(
    "language,words,sign",
    [r for r in ELEVENTH_ROUND + TWELFTH_ROUND + THIRTEENTH_ROUND if any(k in r[1] for k in LATER_ROUNDS_URGENCY)],
)
def test_the_later_rounds_signs_together_are_sent_sooner(language, words, sign):
    """Cancer with night pain and weak legs, a fever after injecting, or a fall after seventy, is
    A&E; an injury with numb arms an ambulance; long steroids after seventy, or a child woken by
    the pain, today."""
    want = next(u for k, u in LATER_ROUNDS_URGENCY.items() if k in words)
    assert triage.urgency(triage.red_flags(words, language)[0]) == want, words


@pytest.mark.catalogs
@pytest.mark.parametrize("language,words,sign,urgency", SENT_SOONER)
def test_a_crack_with_thin_bones_a_child_not_walking_and_a_fever_after_a_drip_are_sent_as_soon_as_they_must_be(
    language, words, sign, urgency
):
    flags = triage.red_flags(words, language)
    assert triage.urgency(flags[0]) == urgency, words
    assert "chest" not in [f.sign for f in flags], words  # a drip in the arm is not pain into it
    _refused(language, words, sign)


@pytest.mark.parametrize("language,words", [
    ("en", "wife is 7 months pregnant so ive been doing all the lifting and carrying, my back is wrecked lol"),
    ("es", "me duele la espalda de la mudanza, mi mujer esta embarazada y cargue todo yo"),
    ("de", "Rückenschmerzen vom Umzug, meine Frau ist schwanger und ich hab alles alleine geschleppt"),
    ("fr", "ma soeur est enceinte, je l'aide a peindre la chambre du bebe et j'ai mal en haut du dos"),
    ("en", "I was pregnant three years ago and had back pain then, now my back just aches from carrying my toddler around all day"),
    ("es", "mi hermana esta embarazada y le estoy ayudando con la mudanza, de tanto cargar cajas me duele la parte baja de la espalda"),
    ("es", "mi mujer esta embarazada de 6 meses y el que tiene dolor de espalda soy yo, de montar los muebles del cuarto del bebe"),
    ("de", "meine frau ist schwanger im 6. monat und ich hab vom babybett zusammenbauen kreuzweh, wollt was zum entspannen fuer mich"),
])  # fmt: skip
def test_a_relatives_pregnancy_beside_the_writers_own_pain_leaves_the_session_as_it_is(language, words):
    """The writer who carries for a pregnant wife needs no midwife and keeps every point."""
    assert triage.read(words, language).pregnancy is None


@pytest.mark.parametrize("words,urgency", [
    ("Oma (83) hat seit gestern starke Rückenschmerzen, sie hat Osteoporose", "today"),
    ("Rücken tut nachts weh, hab Lymphdrüsenkrebs gehabt", "today"),
])  # fmt: skip
def test_two_signs_together_in_german_are_seen_today(words, urgency):
    flags = triage.red_flags(words, "de")
    assert triage.urgency(flags[0]) == urgency, flags


@pytest.mark.catalogs
@pytest.mark.parametrize("language,words,sign", [*THIRD_ROUND, *FOURTH_ROUND, *FOURTH_ROUND_TWINS, *FIFTH_ROUND])
def test_the_red_flags_the_fresh_eyes_rounds_found_composing_are_refused(language, words, sign):
    _refused(language, words, sign)


@pytest.mark.parametrize(
    "language,words",
    [
        *THIRD_ROUND_NEAR,
        *FOURTH_ROUND_NEAR,
        *FOURTH_ROUND_TWINS_NEAR,
        *FIFTH_ROUND_NEAR,
        *SEVENTH_ROUND_NEAR,
        *EIGHTH_ROUND_NEAR,
        *SUDDEN_HEADACHES_NEAR,
        *BELLY_AND_BACK_NEAR,
        *ELEVENTH_ROUND_NEAR,
        *TWELFTH_ROUND_NEAR,
        *FIFTEENTH_ROUND_NEAR,
        *SIXTEENTH_ROUND_NEAR,
        *SENT_SOONER_NEAR,
    ],
)
def test_the_fresh_eyes_rounds_near_misses_still_compose(language, words):
    _composes(language, words)


# A sixth round: a relative's sign that needs an ambulance or A&E now, from a writer asking what to
# massage on them, is refused; a relative's past or known condition beside the writer's own pain is not.
@pytest.mark.catalogs
@pytest.mark.parametrize("language,words,sign", [
    ("fr", "mon mari a la bouche de travers depuis ce matin et il arrive plus a lever le bras droit, il a mal a la nuque, je peux lui masser quoi", "stroke"),
    ("es", "mi marido tiene la boca torcida desde esta mañana y no levanta el brazo derecho, le duele la nuca", "stroke"),
    ("fr", "ma femme a une douleur thoracique qui irradie dans le bras gauche, elle a mal au dos", "chest"),
    ("en", "my wife has chest pain going into her left arm and back pain", "chest"),
    ("fr", "mon fils a une douleur au testicule depuis une heure", "testicle"),
])  # fmt: skip
def test_a_relatives_sign_that_needs_help_now_is_refused(language, words, sign):
    _refused(language, words, sign)


@pytest.mark.parametrize("language,words", [
    ("en", "my dad has an aneurysm, my back is stiff"),
    ("en", "my mum passed out last week, my back hurts from lifting her"),
    ("fr", "mon père a un anévrisme connu et j'ai mal au dos"),
])  # fmt: skip
def test_a_relatives_known_condition_beside_the_writers_own_pain_still_composes(language, words):
    _composes(language, words)
