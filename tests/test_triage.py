"""How compose reads a complaint's words: red flags, negations, doubt, pregnancy."""

from __future__ import annotations

import re

import pytest

from acuguide.compose import triage
from acuguide.content import wording

pytestmark = pytest.mark.pure  # text alone: no process, no file


@pytest.mark.parametrize("words,sign,said", [
    ("numb groin", "saddle", "numb groin"),
    ("saddle numbness", "saddle", "saddle numbness"),
    ("numbness between my legs", "saddle", "numbness between my legs"),
    ("my groin feels numb", "saddle", "groin feels numb"),
    ("tingling around my bottom", "saddle", "tingling around my bottom"),
    ("can't control my bladder", "continence", "can't control my bladder"),
    ("trouble controlling my bladder", "continence", "trouble controlling my bladder"),
    ("loss of bladder or bowel control", "continence", "loss of bladder"),
    ("wetting myself", "continence", "wetting myself"),
    ("bowel incontinence", "continence", "incontinence"),
    ("after a fall", "injury", "after a fall"),
    ("since a bad fall at work", "injury", "since a bad fall"),
    ("car accident", "injury", "car accident"),
    ("fell off a ladder", "injury", "fell off a ladder"),
    ("fever", "fever", "fever"),
    ("I've got a temperature", "fever", "a temperature"),
    ("running a high temperature", "fever", "high temperature"),
    ("chest pain", "chest", "chest pain"),
    ("chest tightness", "chest", "chest tightness"),
    ("pressure in my chest", "chest", "pressure in my chest"),
    ("lost weight without trying", "weight", "lost weight without trying"),
    ("lost ten kilos for no reason", "weight", "lost ten kilos for no reason"),
    ("history of cancer", "cancer", "history of cancer"),
    ("had cancer", "cancer", "had cancer"),
    ("pain at night", "rest", "pain at night"),
    ("wakes me at night", "rest", "wakes me at night"),
    ("pain at rest", "rest", "pain at rest"),
    ("it doesn't ease at rest", "rest", "doesn't ease at rest"),
    ("my leg feels weak", "leg", "leg feels weak"),
    ("weakness in my leg", "leg", "weakness in my leg"),
    ("I can't feel my foot", "leg", "can't feel my foot"),
    ("my knee keeps giving way", "leg", "knee keeps giving way"),
    ("can't hold my wee", "continence", "can't hold my wee"),
    ("and breathless", "heart", "breathless"),
    ("short of breath", "heart", "short of breath"),
    ("jaw pain", "heart", "jaw pain"),
    ("burning when I pee", "urine", "burning when i pee"),
    ("blood in my urine", "urine", "blood in my urine"),
    ("vomiting", "belly", "vomiting"),
    ("a pulsing lump in my belly", "belly", "pulsing lump"),
])  # fmt: skip
def test_each_way_of_writing_a_red_flag_is_read(words, sign, said):
    assert triage.red_flags(f"Lower back. {words.capitalize()}!") == [triage.Finding(sign, said)]


@pytest.mark.parametrize("words", [
    "no numbness", "no numbness in my groin", "no numbness or tingling in my groin", "no fever", "without chest pain",
    "not after a fall", "I don't have a fever", "I haven't had a fever", "never had cancer", "no history of cancer",
    "it doesn't wake me at night", "I didn't fall", "no loss of bladder control", "no weakness in my legs",
    "not breathless", "no vomiting",
])  # fmt: skip
def test_a_red_flag_said_not_to_be_there_is_not_read(words):
    assert triage.red_flags(f"lower back, {words}") == []


@pytest.mark.parametrize("words", [
    "hay fever", "I fell asleep at my desk", "in the fall I rake leaves", "sensitive to temperature changes",
    "my bladder control is fine", "numbness in my foot with sciatica", "the pain eases at rest", "tension headache",
    "tingling down my leg", "pain for three weeks", "I've had it for 6 weeks",
])  # fmt: skip
def test_words_that_only_look_like_a_red_flag_are_not_read(words):
    assert triage.red_flags(words) == []


def test_a_negation_reaches_only_a_few_words_back_and_not_past_its_clause():
    assert [f.sign for f in triage.red_flags("no fever and chest pain")] == ["chest"]  # "and" ends the clause
    assert [f.sign for f in triage.red_flags("no fever, chest pain")] == ["chest"]
    assert [f.sign for f in triage.red_flags("no idea why, but I fell off a ladder")] == ["injury"]
    assert [f.sign for f in triage.red_flags("not something I get often but after sitting my chest pain starts")] == ["chest"]
    assert triage.red_flags("I'm not sure if it's a fever")  # doubt is not denial
    assert triage.NEGATION_WINDOW == 4


def test_each_sign_is_reported_once_the_most_urgent_first():
    found = triage.red_flags("fever for a week, numb groin, numbness between my legs, chest pain")
    assert [f.sign for f in found] == ["saddle", "chest", "fever"]
    assert found[0].said == "numb groin"


@pytest.mark.parametrize("words,said", [
    ("I'm pregnant", "pregnant"), ("pregnant and my lower back hurts", "pregnant"), ("32 weeks pregnant", "pregnant"),
    ("expecting a baby", "expecting a baby"), ("might be pregnant", "pregnant"), ("could be pregnant", "pregnant"),
    ("not sure if I'm pregnant", "pregnant"), ("I don't know if I'm pregnant", "pregnant"),
    ("lower back, I'm expecting", "i'm expecting"), ("in my third trimester", "trimester"),
    ("I\u2019m pregnant", "pregnant"), ("lower back, I'm 30 weeks", "i'm 30 weeks"), ("6 months along", "6 months along"),
])  # fmt: skip
def test_pregnancy_is_read_in_its_many_phrasings(words, said):
    assert triage.pregnancy(words) == triage.Finding("pregnancy", said)


@pytest.mark.parametrize("words", ["not pregnant", "I'm not pregnant", "I am not pregnant, lower back", "lower back", "non-pregnant",
                                   "back pain for 3 weeks", "I'm 3 weeks into this back pain"])
def test_pregnancy_said_not_to_be_so_is_not_read(words):
    assert triage.pregnancy(words) is None


def test_every_sign_has_its_words_and_its_reason_and_every_pattern_compiles():
    assert set(wording.TRIAGE_RED_FLAG_WORDS) == set(wording.TRIAGE_RED_FLAGS)
    for what, why in wording.TRIAGE_RED_FLAGS.values():
        assert what and why.endswith(".") and ("doctor" in why or "ambulance" in why)
    for pattern in (*wording.TRIAGE_PREGNANCY_WORDS, *(p for ps in wording.TRIAGE_RED_FLAG_WORDS.values() for p in ps)):
        re.compile(pattern)
