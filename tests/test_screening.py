"""compose asks before it presses: the screening questions at a real terminal (pexpect), and without one."""

from __future__ import annotations

import sys

import pexpect
import pytest
from click.testing import CliRunner

from acuguide.cli import cli
from acuguide.compose import screening

ACUGUIDE = [sys.executable, "-m", "acuguide"]


def _spawn(tmp_path, *args):
    return pexpect.spawn(
        ACUGUIDE[0],
        [*ACUGUIDE[1:], "compose", *args],
        cwd=str(tmp_path),
        encoding="utf-8",
        timeout=60,
        dimensions=(50, 200),
    )


@pytest.mark.process
def test_at_a_terminal_every_question_is_asked_and_all_no_composes(tmp_path):
    child = _spawn(tmp_path, "--for", "lower back", "--minutes", "5", "-o", "mine.yaml")
    asked = 0
    for question in screening.questions():
        if question.follows:
            continue  # asked only after a yes
        child.expect_exact(question.text)
        child.expect_exact("[y/N]")
        child.sendline("n")
        asked += 1
    child.expect(pexpect.EOF)
    child.close()
    assert asked >= 6 and child.exitstatus == 0
    assert (tmp_path / "mine.yaml").read_text().startswith("# Composed by acuguide")


@pytest.mark.process
def test_a_yes_refuses_at_once_with_whom_to_see_and_writes_nothing(tmp_path):
    child = _spawn(tmp_path, "--for", "lower back", "--minutes", "5", "-o", "mine.yaml")
    questions = [q for q in screening.questions() if not q.follows]
    saddle = [q.id for q in questions].index("saddle")  # numbness in the saddle area
    for question in questions[:saddle]:
        child.expect_exact(question.text)
        child.sendline("n")
    child.expect_exact(questions[saddle].text)
    child.sendline("y")
    # only what could still make it more urgent is asked (an injury with signs of the cord: an ambulance)
    while child.expect([r"\[\w/N\]", "Go to an emergency department"]) == 0:
        child.sendline("n")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2 and not (tmp_path / "mine.yaml").exists()


@pytest.mark.process
def test_pregnancy_asks_its_own_signs_and_then_leaves_its_points_out(tmp_path):
    child = _spawn(tmp_path, "--for", "lower back", "--minutes", "10")
    for question in screening.questions():
        if question.follows not in (None, "pregnancy"):
            continue  # asked only after a yes to its own question
        child.expect_exact(question.text)
        child.sendline("y" if question.id == "pregnancy" else "n")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and "avoid: [pregnancy]" in child.before


@pytest.mark.pure
def test_without_a_terminal_nor_screened_it_prints_the_questions_and_writes_nothing(tmp_path):
    out = tmp_path / "mine.yaml"
    result = CliRunner().invoke(cli, ["compose", "--for", "lower back", "--minutes", "10", "-o", str(out)])
    assert result.exit_code == 2 and not out.exists()
    assert screening.questions()[0].text in result.output and "add --screened" in result.output
    listed = CliRunner().invoke(cli, ["compose", "--questions"])
    assert listed.exit_code == 0 and all(q.text in listed.output for q in screening.questions())


@pytest.mark.pure
@pytest.mark.parametrize("question", [q for q in screening.questions() if q.sign], ids=lambda q: q.id)
def test_each_yes_refuses_with_its_urgency(question):
    answers = {question.id: True, **({question.follows: True} if question.follows else {})}
    with pytest.raises(screening.Refused) as refused:
        screening.assess(answers)
    sign = screening.table()["signs"][question.sign]
    assert screening.table()["urgency"][sign["urgency"]] in str(refused.value) and question.text in str(refused.value)


@pytest.mark.pure
@pytest.mark.parametrize("other", ["rest", "weight"])
def test_a_yes_to_cancer_beside_night_pain_or_weight_loss_is_seen_today_not_in_days(other):
    with pytest.raises(screening.Refused) as refused:
        screening.assess({"cancer": True, other: True})
    urgency = screening.table()["urgency"]
    assert urgency["today"] in str(refused.value) and urgency["soon"] not in str(refused.value)
    together = screening.table()["together"]["cancer"]["why"]  # a cancer reaching the spine, said once
    assert together in str(refused.value)
    with pytest.raises(screening.Refused) as alone:
        screening.assess({"cancer": True})
    assert urgency["soon"] in str(alone.value) and together not in str(alone.value)


@pytest.mark.pure
def test_pregnancy_and_blood_thinners_change_the_session_instead():
    assert screening.assess({"pregnancy": True, "thinners": True}) == screening.Screen(pregnancy=True, thinners=True)
    assert screening.assess({"pregnancy-1": True}) == screening.Screen()  # a follow-up counts only after a yes


@pytest.mark.pure
def test_out_of_scope_is_answered_with_whom_to_see(tmp_path):
    for words, see in [
        ("my knee hurts", "a GP or a physiotherapist"),
        ("toothache", "a dentist"),
        ("migraine", "a pharmacist"),
    ]:
        result = CliRunner().invoke(cli, ["compose", "--screened", "--for", words, "--minutes", "10"])
        assert (
            result.exit_code == 2 and "outside them: no session was composed" in result.output and see in result.output
        )


@pytest.mark.process
@pytest.mark.parametrize(
    "language,yes,refusal", [("es", "sí", "urgencias"), ("de", "ja", "Notaufnahme"), ("fr", "oui", "urgences")]
)
def test_a_yes_in_the_sessions_language_refuses_and_a_word_it_does_not_know_is_asked_again(
    tmp_path, language, yes, refusal
):
    child = _spawn(tmp_path, "--for", "lower back", "--minutes", "5", "--language", language, "-o", "mine.yaml")
    questions = [q for q in screening.questions(language) if not q.follows]
    saddle = [q.id for q in questions].index("saddle")  # numbness in the saddle area
    child.expect_exact(questions[0].text)
    child.sendline("n")
    for question in questions[1:saddle]:
        child.expect_exact(question.text)
        child.sendline("")  # Enter is no
    child.expect_exact(questions[saddle].text)
    child.sendline("maybe")  # neither: asked again, never taken as a no
    child.expect_exact(questions[saddle].text)
    child.sendline(yes)
    while child.expect([r"\[\w/N\]", refusal]) == 0:  # what could still make it more urgent
        child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2 and not (tmp_path / "mine.yaml").exists()


@pytest.mark.pure
def test_a_follow_up_names_the_more_urgent_form_of_its_sign_alone():
    with pytest.raises(screening.Refused) as fall:
        screening.assess({"injury": True})
    with pytest.raises(screening.Refused) as crash:
        screening.assess({"injury": True, "trauma": True})
    urgency, injury = screening.table()["urgency"], screening.table()["signs"]["injury"]
    assert urgency["today"] in str(fall.value) and urgency["emergency"] not in str(fall.value)
    assert urgency["emergency"] in str(crash.value) and injury["why"] not in str(crash.value)  # named once
    assert [f.sign for f in crash.value.findings] == ["trauma"]
    follow_ups = {q.id: q.follows for q in screening.questions() if q.follows}
    assert follow_ups["trauma"] == "injury" and follow_ups["ectopic"] == "pregnancy"


@pytest.mark.process
def test_at_a_terminal_a_yes_to_a_fall_asks_how_it_happened_before_refusing(tmp_path):
    child = _spawn(tmp_path, "--for", "lower back", "--minutes", "5", "-o", "mine.yaml")
    questions = screening.questions()
    for question in questions:
        if question.follows:
            continue
        child.expect_exact(question.text)
        child.sendline("y" if question.id == "injury" else "n")
        if question.id == "injury":
            break
    child.expect_exact(next(q.text for q in questions if q.id == "trauma"))
    child.sendline("y")
    child.expect_exact("an injury with that much force can break a bone of the spine")  # why, then whom to see
    child.expect("Go to an emergency department")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2 and not (tmp_path / "mine.yaml").exists()
    assert screening.table()["signs"]["injury"]["why"] not in child.before  # the fall is named once, as the crash


@pytest.mark.pure
def test_every_follow_up_follows_a_question_that_is_asked():
    ids = {q.id for q in screening.questions() if not q.follows}
    signs = screening.table()["signs"]
    assert all(s["follows"] in ids for s in signs.values() if "follows" in s)
    assert all(s["instead_of"] in signs for s in signs.values() if "instead_of" in s)


@pytest.mark.pure
def test_the_terminal_asks_enough_to_refuse_as_urgently_as_every_answer_would():
    """Every set of one to three yes answers (follow-ups with their question): the questions the
    terminal still asks after a yes refuse as urgently as all the answers would."""
    import itertools

    from acuguide.compose import triage

    questions = screening.questions()
    order = triage.urgency_order()

    def top(answers):
        try:
            screening.assess(answers)
        except screening.Refused as refused:
            return order.index(triage.urgency(refused.findings[0]))
        return len(order)

    checked = 0
    for size in (1, 2, 3):
        for chosen in itertools.combinations([q for q in questions if q.id != "thinners"], size):
            yes = {q.id for q in chosen} | {q.follows for q in chosen if q.follows}
            asked = screening.interview(lambda q, yes=yes: q.id in yes)
            assert top(asked) == top(dict.fromkeys(yes, True)), sorted(yes)
            checked += 1
    assert checked > 1000
    asked = screening.interview(lambda q: q.id == "chest")
    assert list(asked)[-1] == "chest"  # an ambulance already: nothing more is asked
