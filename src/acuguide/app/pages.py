"""The app's own pages, in the phone pages' shell and words: making a session, the diary, and
what a phone without the key is told."""

from __future__ import annotations

import json
from html import escape as e

from ..compose import screening
from ..content.points import TOOLS
from ..publish.page import FEED_TITLE, WORDS, in_language, shell, short_time, w
from .chart import chart
from .diary import CheckIn, summary


def _back() -> str:
    return f'<header class="top"><nav><a href="./">{w("back")}</a></nav></header>'


def compose_page(language: str = "en") -> str:
    """The form: what hurts, minutes, tools, level, then every screening question `compose`
    asks (the same, from content/screening.yaml); the script sends it and shows the progress.
    In `language`, the served sessions' (so is the session it makes)."""
    with in_language(language):
        return _compose_page(language)


def _compose_page(language: str) -> str:
    tools = "".join(
        f'<label class="choice"><input type="checkbox" name="tools" value="{t}"{" checked" if t == "hands" else ""}> {w(f"tool.{t}")}</label>'
        for t in TOOLS
    )
    levels = "".join(
        f'<label class="choice"><input type="radio" name="level" value="{level}"{" checked" if level == "beginner" else ""}> {w(f"compose.{level}")}</label>'
        for level in ("beginner", "regular")
    )
    asked = []
    for question in screening.questions(language):
        follows = f' data-follows="{e(question.follows)}"' if question.follows else ""
        asked.append(
            f'<fieldset class="question{" follow-up" if question.follows else ""}" data-id="{e(question.id)}"{follows}>'
            f"<legend>{e(question.text)}</legend>"
            f'<label class="yn"><input type="radio" name="q-{e(question.id)}" value="yes"{"" if question.follows else " required"}> {w("compose.yes")}</label>'
            f'<label class="yn"><input type="radio" name="q-{e(question.id)}" value="no"> {w("compose.no")}</label></fieldset>'
        )
    body = f"""{_back()}
<main class="compose">
<h1>{w("compose.title")}</h1>
<p class="lead">{w("compose.lead")}</p>
<noscript><p class="error">{w("compose.needs_js")}</p></noscript>
<form id="compose" class="form">
  <label for="for">{w("compose.for")}</label>
  <input id="for" name="for" type="text" required maxlength="1000" placeholder="{w("compose.for_hint")}" autocomplete="off">
  <label for="minutes">{w("compose.minutes")}</label>
  <input id="minutes" name="minutes" type="number" required min="2" max="60" step="1" value="10" inputmode="numeric">
  <fieldset><legend>{w("compose.tools")}</legend>{tools}</fieldset>
  <fieldset><legend>{w("compose.level")}</legend>{levels}</fieldset>
  <h2>{w("compose.screening")}</h2>
  <p>{w("compose.screening_lead")}</p>
  {"".join(asked)}
  <button type="submit" class="button primary">{w("compose.submit")}</button>
  <p class="form-error" role="alert" hidden></p>
</form>
<section id="job" class="job" hidden aria-live="polite">
  <h2 class="job-title"></h2>
  <p class="job-state"></p>
  <progress class="job-bar" max="1" value="0"></progress>
  <p class="job-result"></p>
</section>
<p class="note">{w("note")}</p>
</main>
<script type="application/json" id="acuguide-compose-words">{_words("compose.")}</script>"""
    return shell(f"{w('compose.title')} · {FEED_TITLE}", body, script="compose.js")


def _words(prefix: str) -> str:
    return json.dumps({k: w(k) for k in WORDS if k.startswith(prefix)}).replace("<", "\\u003c")


def diary_page(checkins: list[CheckIn], where: str, language: str = "en") -> str:
    """The chart, how the last week compares with the first, and every check-in as a table."""
    with in_language(language):
        return _diary_page(checkins, where)


def _diary_page(checkins: list[CheckIn], where: str) -> str:
    if not checkins:
        shown = f'<p class="empty">{w("diary.empty")}</p>'
    else:
        found = summary(checkins)
        if found.first is None:  # no score before a session in the first week: no baseline yet
            said = ""
        elif found.last is None:
            said = w("diary.summary_first", first=f"{found.first:.1f}")
        else:
            said = w("diary.summary", first=f"{found.first:.1f}", last=f"{found.last:.1f}")
        if found.change is not None:
            percent = round(abs(found.change) * 100)
            said += " " + w("diary.change" if found.change >= 0 else "diary.change_more", percent=percent)
        rows = "".join(
            f"<tr><td>{short_time(c.when.astimezone())}</td><td>{e(c.title)}</td>"
            f"<td>{_score(c.before)}</td><td>{_score(c.after)}</td></tr>"
            for c in reversed(checkins)
        )
        shown = f"""<figure class="chart-box">{chart(checkins)}</figure>
<p class="summary">{e(said)}</p>
<details class="table" open><summary>{w("diary.table")}</summary>
<table><thead><tr><th>{w("diary.when")}</th><th>{w("diary.session")}</th><th>{w("diary.before_head")}</th><th>{w("diary.after_head")}</th></tr></thead>
<tbody>{rows}</tbody></table></details>"""
    body = f"""{_back()}
<main class="diary">
<h1>{w("diary.title")}</h1>
<p class="lead">{w("diary.lead")}</p>
{shown}
<p class="note">{e(w("diary.stored", path=where))}</p>
</main>"""
    return shell(f"{w('diary.title')} · {FEED_TITLE}", body, script="key.js")


def _score(value: int | None) -> str:
    return w("diary.skipped") if value is None else str(value)


def forbidden_page(language: str = "en") -> str:
    with in_language(language):
        body = f"""{_back()}
<main data-refused="yes"><h1>{w("forbidden.title")}</h1><p>{w("forbidden.text")}</p></main>"""
        return shell(w("forbidden.title"), body, script="key.js")
