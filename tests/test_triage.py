"""How compose reads a person's words: every phrase table row, negation and its scope, whose
it is, ages, pregnancy, and complaints outside back care (content/screening.yaml)."""

from __future__ import annotations

import pytest
from signs import named

from acuguide.compose import composer, triage

pytestmark = pytest.mark.pure  # text alone: no process, no file

TABLE = triage.table()
ROWS = [(key, n, row) for key, sign in TABLE["signs"].items() for n, row in enumerate(sign["words"])]
SAID = [(key, said) for key, n, row in ROWS for said in row["says"] if key != "pregnancy-signs"]
NOT = [(key, words) for key, sign in TABLE["signs"].items() for words in sign["not"]]


@pytest.mark.parametrize("key,number,row", ROWS, ids=[f"{k}-{n}" for k, n, _ in ROWS])
def test_each_table_row_reads_each_of_its_own_examples(key, number, row):
    pattern = triage._compiled(row["match"])
    for said in row["says"]:
        assert pattern.search(triage._sentences(triage.normalise(said))[0].plain), (key, number, said)


@pytest.mark.parametrize("sign,words", SAID)
def test_each_phrasing_refuses_as_its_sign_beside_back_pain(sign, words):
    found = named(triage.red_flags(f"My lower back hurts. {words.capitalize()}!"))
    assert sign in found, (words, found)


@pytest.mark.parametrize("sign,words", NOT)
def test_what_only_looks_like_a_sign_is_not_that_sign(sign, words):
    assert sign not in named(triage.red_flags(f"lower back, {words}"))


@pytest.mark.parametrize("words,sign", [
    ("feaver and my back aches", "fever"), ("back pain + temp", "fever"), ("high temp, sore back", "fever"),
    ("back \u2013 numb down below", "saddle"), ("lower back & can't hold my wee", "continence"),
    ("NUMBNESS IN MY GROIN", "saddle"), ("lower back, numbess in my bum", "saddle"),
    ("back ache after I was bumped in traffic", "injury"), ("thrown from a horse, sore back", "injury"),
    ("knocked over by a cyclist yesterday", "injury"), ("sciatica in both legs", "legs"),
    ("pins and needles in both feet and back pain", "legs"), ("my back hurts and the pain goes into my left arm", "chest"),
    ("sudden tearing pain in my back", "aorta"), ("back pain that never eases at night", "rest"),
    ("my teenager's back hurts", "child"), ("my gran, 92, has back pain", "older"), ("I'm 14 and my back hurts", "child"),
    ("i'm 78 with new back pain", "older"), ("my 12 year old's back aches", "child"),
    ("had a discectomy in March, back still sore", "surgery"), ("osteoporosis and sudden back pain", "bones"),
    ("not only my back, my chest hurts as well", "chest"), ("no fever and chest pain", "chest"),
    ("no idea why, but I fell off a ladder", "injury"), ("I'm not sure if it's a fever", "fever"),
    ("lower back, I went to A&E after a fall", "injury"), ("I'm 30 weeks pregnant and bleeding", "pregnancy-signs"),
    ("pregnant, with a swollen painful calf", "calf"), ("26 weeks, my waters are leaking, back ache", "pregnancy-signs"),
    ("82M osteoporosis back pain", "older"), ("82, osteoporosis, back pain", "older"), ("82 w osteoporosis", "older"),
    ("12, sore back from football", "child"),
])  # fmt: skip
def test_everyday_wording_is_read(words, sign):
    assert sign in named(triage.red_flags(words)), words


@pytest.mark.parametrize("words", [
    "lower back, no numbness", "no fever, no chest pain", "I don't have a fever", "never had cancer",
    "my father had a tumour, my lower back aches", "cancer runs in my family and my back hurts",
    "I lift my 3 year old all day and my lower back aches", "hay fever and a stiff back", "I fell asleep at my desk",
    "slipped disc in my lower back", "hot and cold packs don't help my back", "I am 5 foot 2 with lower back pain",
    "pain is 7 out of 10", "sciatica down the back of my left leg", "tingling down my leg to the foot",
    "my back aches after a long car trip", "no weakness in my legs", "back pain for 3 weeks",
    "what if I get a fever during the session?", "sore back from gardening", "my lower back aches from sitting",
    "I'm 45 and my back is stiff", "stiff neck and shoulders from the computer", "36f, back pain",
    "45 minutes of back pain relief please", "i hurt it 3 weeks back",
])  # fmt: skip
def test_plain_requests_are_not_refused(words):
    assert triage.red_flags(words) == [], words


def test_each_sign_is_reported_once_the_most_urgent_first():
    found = triage.red_flags("fever for a week, numb groin, numbness between my legs, chest pain")
    assert [f.sign for f in found] == ["chest", "saddle", "fever"]
    assert found[1].said == "numb groin"


@pytest.mark.parametrize("words", [
    "I'm pregnant", "32 weeks pregnant, lower back", "expecting a baby", "might be pregnant", "not sure if I'm pregnant",
    "lower back, I'm expecting", "in my third trimester", "I\u2019m pregnant", "lower back, I'm 30 weeks",
    "I'm 28 weeks and my back aches", "6 months along", "due in March and my back is killing me", "my due date is in May",
    "the bump is making my back ache", "2nd tri, sore back", "we're doing IVF and my back hurts", "34w with back ache",
    "preggers and sore", "pregant, lower back", "my pregnant wife's back hurts", "baby is kicking my ribs and my back aches",
    "i'm 30 weeks, back aches", "30 weeks, back is killing me", "30 w, back pain",
])  # fmt: skip
def test_pregnancy_is_read_in_its_many_phrasings(words):
    assert triage.pregnancy(words), words


@pytest.mark.parametrize(
    "words",
    [
        *TABLE["pregnancy_not"],
        "my wife is pregnant, my back hurts",
        "lower back",
        "my baby is 4 months old and lifting her hurts my back",
        "82 w osteoporosis, back pain",  # 82 is years: no pregnancy lasts 82 weeks
        "i'm 3 weeks back at work and my back aches",
    ],
)
def test_pregnancy_denied_over_or_someone_elses_is_not_read(words):
    assert triage.pregnancy(words) is None, words


@pytest.mark.parametrize("words,about", [
    ("my knee hurts", "the knee"), ("migraine", "headaches"), ("toothache", "teeth"), ("sprained ankle", "a sprain or an ankle"),
    ("my wrist hurts from typing", "the wrist, hand or elbow"), ("a sore throat", "the eyes, ears, throat, chest infections or skin"),
])  # fmt: skip
def test_complaints_outside_back_care_are_recognised(words, about):
    assert triage.read(words).outside[0].about == about


ARM_NERVE = "pain, tingling or numbness down an arm, which can come from a nerve in the neck"


@pytest.mark.parametrize("words,language", [
    ("neck pain and my arm tingles", "en"), ("pins and needles down my left arm, stiff neck", "en"),
    ("neck pain and pins and needles in my left arm", "en"), ("dolor de cuello con hormigueo que baja por el brazo", "es"),
    ("douleur dans le cou qui descend dans le bras avec des fourmillements", "fr"),
    ("dolor en el cuello y el brazo me hormiguea", "es"), ("Nackenschmerzen und Kribbeln im Arm", "de"),
])  # fmt: skip
def test_a_tingling_arm_is_a_nerve_in_the_neck_said_once_not_another_joint_nor_the_heart(words, language):
    reading = triage.read(words, language)
    assert [o.about for o in reading.outside] == [
        ARM_NERVE
    ]  # the wider "other joints" row does not read the same words
    assert reading.flags == ()  # pain spreading into an arm is the chest sign; tingling down it is a nerve


@pytest.mark.parametrize("words,language", [
    ("neck pain, both hands tingling and I keep dropping things", "en"), ("stiff neck, my hands are clumsy and numb", "en"),
    ("neck pain, my right hand is weak and tingling", "en"), ("electric shocks down my spine when I bend my neck", "en"),
    ("sore neck and walking feels unsteady", "en"), ("dolor de cuello y se me duermen las dos manos", "es"),
    ("Nackenschmerzen, mir fällt alles aus der Hand", "de"), ("mal au cou et la main droite est faible", "fr"),
])  # fmt: skip
def test_a_weak_hand_both_hands_or_clumsy_hands_refuse_for_a_doctor_today_not_a_neck_session(words, language):
    flags = triage.read(words, language).flags
    assert [f.sign for f in flags][:1] == ["cord"] and triage.urgency(flags[0]) == "today", (words, flags)


@pytest.mark.parametrize("words,language", [
    ("neck pain going down my right arm", "en"), ("my neck hurts and it shoots into my right arm", "en"),
    ("dolor de cuello que baja por el brazo derecho", "es"), ("Nackenschmerzen, die in den rechten Arm ausstrahlen", "de"),
    ("douleur dans le cou qui descend dans le bras droit", "fr"),
])  # fmt: skip
def test_neck_pain_down_the_right_arm_alone_is_a_nerve_noted_not_the_heart(words, language):
    reading = triage.read(words, language)
    assert reading.flags == () and [o.about for o in reading.outside] == [ARM_NERVE], words


@pytest.mark.parametrize("words", [
    "neck pain going down my left arm", "neck pain going down my right arm and my chest feels tight",
    "neck ache into my right arm, all sweaty", "pain going into my right arm and jaw",
])  # fmt: skip
def test_the_arm_beside_the_left_side_the_chest_the_jaw_or_sweat_is_still_the_heart(words):
    assert "chest" in [f.sign for f in triage.red_flags(words)], words


@pytest.mark.parametrize("words,urgency", [
    ("had breast cancer 5 years ago, new back pain that wakes me at night", "today"),
    ("lymphoma in remission, lost weight without trying, sore back", "today"),
    ("had breast cancer 5 years ago, lower back aches after gardening", "soon"),
])  # fmt: skip
def test_cancer_beside_night_pain_or_weight_loss_is_raised_to_today(words, urgency):
    flags = triage.red_flags(words)
    assert flags[0].sign == "cancer" and triage.urgency(flags[0]) == urgency, flags


@pytest.mark.parametrize("words,urgency", [
    ("my mum is 77 and bent over to pick up the cat and now her back is agony, she has osteoporosis", "today"),
    ("osteoporosis and a sore lower back, I'm 52", "soon"),
    ("82 w osteoporosis, back pain after lifting", "today"),  # a clinician's shorthand: 82 years, with
])  # fmt: skip
def test_thin_bones_after_seventy_are_raised_to_today(words, urgency):
    flags = [f for f in triage.red_flags(words) if f.sign == "bones"]
    assert flags and triage.urgency(flags[0]) == urgency, flags


@pytest.mark.parametrize(
    "words", ["lower back, no headache", "sore back but no knee pain", "lower back, no arm tingling"]
)
def test_a_complaint_outside_back_care_that_is_denied_is_not_noted(words):
    assert triage.read(words).outside == (), words


def test_blood_thinners_are_read():
    assert triage.read("lower back, I take warfarin").thinners
    assert triage.read("lower back, no blood thinners").thinners is None


def test_the_phrasings_of_the_tables_number_at_least_150():
    pregnancy = [s for row in TABLE["pregnancy"] for s in row["says"]]
    assert len(SAID) + len(NOT) + len(pregnancy) + len(TABLE["pregnancy_not"]) >= 150


@pytest.mark.parametrize("words,said", [
    ("im 78 and my back hurts", "im 78"), ("I\u2019m 78 with new back pain", "I\u2019m 78"),
    ("NUMBNESS IN MY GROIN", "NUMBNESS IN MY GROIN"), ("feaver and my back aches", "feaver"),
    ("My foot keeps flopping when I walk", "foot keeps flopping"),
])  # fmt: skip
def test_the_words_of_a_sign_are_quoted_as_the_person_typed_them(words, said):
    assert said in [f.said for f in triage.red_flags(words)], words


def test_a_refusal_quotes_the_english_as_typed():
    with pytest.raises(composer.RedFlagError) as refused:
        composer.read_complaint(composer.Answers("im 78 and my back hurts", 10))
    assert '"im 78"' in str(refused.value) and "i'm 78" not in str(refused.value)


@pytest.mark.parametrize("words", [
    "hit by a car on my bike yesterday, my back hurts", "fell off a ladder clearing the gutters, sore back",
    "car crash on the motorway last night, neck and back ache", "I fell down the stairs and my lower back is sore",
])  # fmt: skip
def test_a_road_accident_or_a_fall_from_a_height_is_for_a_and_e_named_once(words):
    found = triage.red_flags(words)
    assert [f.sign for f in found] == ["trauma"], (words, found)  # not also "a fall, a blow or an accident"
    assert triage.urgency(found[0]) == "emergency"


@pytest.mark.parametrize("words", [
    "I slipped on ice and my back hurts", "a minor prang in the car park, my neck is stiff",
    "banged my back on the door", "rear ended at walking pace, sore neck",
])  # fmt: skip
def test_a_smaller_knock_is_still_a_doctor_today(words):
    assert [f.sign for f in triage.red_flags(words)] == ["injury"], words


@pytest.mark.parametrize("words,sign", [
    ("I'm 6 weeks pregnant and have a sharp pain low down on one side", "ectopic"),
    ("pregnant, my back aches and my shoulder tip hurts", "ectopic"),  # no weeks said: it may be early
    ("I'm 30 weeks pregnant and have a sharp pain on one side", "pregnancy-signs"),
    ("third trimester, bad pain on one side of my tummy", "pregnancy-signs"),
    ("30 weeks pregnant and my shoulder tip hurts", "pregnancy-signs"),
    # an early stage said wins over a late-sounding word or a long ache
    ("I'm 7 weeks pregnant, not in my second trimester yet, sharp pain low down on one side", "ectopic"),
    ("back pain for almost 6 months, I'm 8 weeks pregnant with a sharp pain on one side of my tummy", "ectopic"),
])  # fmt: skip
def test_sharp_pain_on_one_side_early_in_a_pregnancy_is_for_a_and_e_later_for_the_midwife(words, sign):
    assert [f.sign for f in triage.red_flags(words)] == [sign], words


@pytest.mark.parametrize("words", [
    "I fell off a ladder when I was 3 metres up, my back hurts", "I was hit by a car when I was 5 minutes from home",
    "fell down the stairs yesterday when I was 30 weeks pregnant", "Car accident this morning as a student driver",
    "I fell again, like I did 2 years ago", "crashed my car, my back was broken 20 years ago",
    "I fell off a ladder yesterday and years ago I broke my leg", "fell off the roof, my back hurts a little",
])  # fmt: skip
def test_a_new_injury_beside_an_old_one_or_a_small_word_is_still_read(words):
    assert "injury" in named(triage.red_flags(words)), words


@pytest.mark.parametrize("words", [
    "I'm pregnant and have a sharp pain on my right buttock", "pregnant, bad sciatica on my left",
    "My wife is pregnant so I've been doing all the lifting, now a sharp pain on the right side of my lower back",
    "i wear hearing aids and my back aches", "sharp pain shooting up my back", "I drive at 70 mph on the motorway",
    "I came down from the loft with boxes and my back aches", "I'm a midwife and my back aches from the shifts",
])  # fmt: skip
def test_a_side_a_word_or_a_job_near_a_sign_is_not_one(words):
    assert triage.red_flags(words) == [], words
