"""Ask, don't guess: the red-flag screen a person answers before a session is composed.

The questions are the ones a physiotherapist's intake asks, one sign each, as short yes/no
questions (content/screening.yaml, shared with the phone's compose form). A yes to a red flag
refuses, with what to do and whom to see by urgency; pregnancy and blood thinners change the
session instead. The person's words are read as well (`triage`): a second net, not the first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from ..content.catalog import translator
from . import ComposeError
from .triage import Finding, described, ranked, table, urgency, urgency_order

PREGNANCY, THINNERS = "pregnancy", "thinners"


@dataclass(frozen=True)
class Question:
    id: str  # the sign it asks about; pregnancy's own follow-ups are pregnancy-1 ... pregnancy-6
    text: str
    follows: str | None = None  # asked only after a yes to this question
    sign: str | None = None  # the red flag a yes means; None where a yes changes the session instead


@dataclass(frozen=True)
class Screen:
    """What the answers change: the session is composed with these."""

    pregnancy: bool = False
    thinners: bool = False


def questions(language: str = "en") -> list[Question]:
    """Every question, the most urgent signs first, then pregnancy (with its follow-ups) and blood
    thinners, each followed by the signs asked only after a yes to it (a road accident after "a
    fall, a blow or an accident"); in `language` from the catalogs (screening.yaml is their English)."""
    t = translator(language)
    signs = table()["signs"]
    order = urgency_order()
    asked = [k for k, s in signs.items() if s.get("ask") and not s.get("follows")]
    asked.sort(key=lambda k: order.index(signs[k]["urgency"]))

    def then(parent: str) -> list[Question]:
        return [
            Question(k, t(s["ask"]), parent, k) for k, s in signs.items() if s.get("ask") and s.get("follows") == parent
        ]

    found = [q for key in asked for q in (Question(key, t(signs[key]["ask"]), sign=key), *then(key))]
    pregnancy = table()["modifiers"][PREGNANCY]
    found += [Question(PREGNANCY, t(pregnancy["ask"])), *then(PREGNANCY)]
    found += [
        Question(f"{PREGNANCY}-{n}", t(text), PREGNANCY, pregnancy["follow_up_sign"])
        for n, text in enumerate(pregnancy["follow_up"], 1)
    ]
    found.append(Question(THINNERS, t(table()["modifiers"][THINNERS]["ask"])))
    return found


def interview(ask: Callable[[Question], bool], language: str = "en") -> dict[str, bool]:
    """The answers a person gives at a terminal, asked one by one (`ask`): a follow-up only after a
    yes to its question, and after a yes to a sign only the questions that could make the refusal
    more urgent than it already is (a road accident after a fall; pregnancy and its signs after a
    fever; nothing after chest pain, which is an ambulance already)."""
    answers: dict[str, bool] = {}
    yes: list[Question] = []
    for question in questions(language):
        if question.follows and not answers.get(question.follows):
            continue
        if yes and not _more_urgent(question, yes):
            continue
        answers[question.id] = ask(question)
        if answers[question.id] and question.sign:
            yes.append(question)
    return answers


def _more_urgent(question: Question, yes: list[Question]) -> bool:
    """Whether a yes to `question` (or to what follows it, or beside what was answered) could be
    more urgent than the signs already answered yes."""
    order = urgency_order()
    now = min(order.index(urgency(f)) for f in ranked([Finding(q.sign, q.text) for q in yes if q.sign]))
    return any(order.index(level) < now for level in _reachable(question))


def _reachable(question: Question) -> set[str]:
    """The urgencies a yes to `question` can lead to: its sign's, its follow-ups' and those of the
    `together` rules its sign is in that answers alone can meet (confusion is read from words,
    never asked, so its rule with a fever is no reason to ask about a fever)."""
    signs, together = table()["signs"], table()["together"]
    reached = {question.sign} if question.sign else set()
    reached |= {key for key, sign in signs.items() if sign.get("follows") == question.id}
    if question.id == PREGNANCY:
        reached.add(table()["modifiers"][PREGNANCY]["follow_up_sign"])
    asked = _asked_signs()
    levels = {signs[key]["urgency"] for key in reached}
    levels |= {
        rule["urgency"]
        for raised, rule in together.items()
        if reached & {raised, *rule["with"]} and raised in asked and asked & set(rule["with"])
    }
    return levels


@cache
def _asked_signs() -> frozenset[str]:
    """The signs a question asks about (the same in every language): worked out once, not for
    every question of every interview."""
    return frozenset(q.sign for q in questions() if q.sign)


# The urgency a doctor's visit answers: a sign that needs a GP in the next few days, before any
# self-massage, is answered once a doctor has seen the pain and said self-massage is safe
# (`--doctor-cleared`); a sign that needs a doctor today or sooner is never answered so.
VISIT = "soon"


def cleared(findings: tuple[Finding, ...] | list[Finding]) -> tuple[Finding, ...]:
    """The findings a doctor's visit does not answer: those more urgent than a GP in days."""
    return tuple(f for f in findings if urgency(f) != VISIT)


def assess(answers: dict[str, bool], language: str = "en", doctor_cleared: bool = False) -> Screen:
    """The session the answers allow, or `Refused` naming every yes that needs a doctor (with
    `doctor_cleared`, every yes that needs one sooner than a GP in days).
    A question not answered counts as no: `--screened` says the person read them all."""
    by_id = {q.id: q for q in questions(language)}
    unknown = sorted(set(answers) - set(by_id))
    if unknown:
        raise ValueError(f"unknown screening question {unknown[0]!r}; questions: {', '.join(by_id)}")
    yes = [
        by_id[i]
        for i in by_id
        if answers.get(i) and by_id[i].sign and (by_id[i].follows is None or answers.get(by_id[i].follows))
    ]
    if yes:
        findings = ranked([Finding(q.sign, q.text) for q in yes])  # type: ignore[arg-type]
        findings = list(cleared(findings)) if doctor_cleared else findings
        if findings:
            raise Refused(tuple(replace(f, said="") for f in findings), tuple(f.said for f in findings), language)
    return Screen(pregnancy=bool(answers.get(PREGNANCY)), thinners=bool(answers.get(THINNERS)))


def advice(
    findings: tuple[Finding, ...], asked: tuple[str, ...] = (), language: str = "en", someone_else: bool = False
) -> str:
    """The refusal: each sign and why it needs a doctor, the most urgent first, and what to do
    for the most urgent; when the session was for someone else (a carer writing of a parent),
    it is they whom a doctor must see before the session is made again."""
    t = translator(language)
    order = urgency_order()
    pairs = sorted(zip(findings, asked or ("",) * len(findings)), key=lambda p: order.index(urgency(p[0])))
    parts = []
    for index, (finding, question) in enumerate(pairs):
        sign = described(finding)
        template = t(table()["finding_answered"] if question else table()["finding_said"])
        # what to do is said once, for the most urgent sign, after every sign: "call an ambulance
        # now" is the last word, not followed by a gentler sign's "needs a doctor first"
        todo = t(table()["urgency"][urgency(pairs[0][0])]) if index == len(pairs) - 1 else ""
        part = template.format(said=finding.said, ask=question, what=t(sign["what"]), why=t(sign["why"]), todo=todo)
        parts.append(part.rstrip())
    refused = table()["refused_someone" if someone_else else "refused"]
    return t(refused).format(findings=" ".join(parts)).strip()


class Refused(ComposeError):
    """A sign that needs a doctor first, answered or written: no session is composed."""

    def __init__(
        self,
        findings: tuple[Finding, ...],
        asked: tuple[str, ...] = (),
        language: str = "en",
        someone_else: bool = False,
    ):
        self.findings, self.asked = findings, asked
        self.visit_is_enough = not cleared(findings)  # a GP in days for every sign: --doctor-cleared answers it
        super().__init__(advice(findings, asked, language, someone_else), language)
