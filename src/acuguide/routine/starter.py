"""The commented starting routine `acuguide new` writes: every step kind, ready to change.

It names the schema for editors and passes `acuguide check` as written, so a new author
starts from something that works and sees the format by example.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..content import wording
from ..content.catalog import translator
from ..errors import RoutineExists, WriteError
from ..files import create_text, write_text
from ..yamlread import quote

STARTER = """\
# yaml-language-server: $schema=routine.schema.json
# {title} -- a starting routine written by `acuguide new`; change anything. Then:
#   acuguide check {name}     every problem with its line and how to fix it
#   acuguide script {name}    the timeline, without audio
#   acuguide render {name}    the session as an MP3 in output/
# For completion and squiggles as you type, save the schema beside this file:
#   acuguide schema > routine.schema.json
# Points: `acuguide points` lists them, `acuguide points sciatica` finds them by use.
# Say here which facts (articles) the routine uses, and why you chose its holds.
title: {title_yaml}
summary: {summary}
{language}defaults:                     # for every point step unless it says otherwise
  hold: 45s                   # 45s, 1m, 1m30s; default: the point's typical hold
  pressure: moderate          # gentle | moderate | firm
  breathing: calm             # calm | box | 4-7-8 | coherent | none, guided during holds
  rest: 10s                   # silence between sides and between repeats
  tool: hands                 # hands | ball | roller | gun (the session names the equipment)
intro:
  - say: {sit}
  - breathe: {{pattern: calm, cycles: 3}}
steps:
  - point: BL23               # any spelling: BL23, B23, bl 23
    sides: together           # together | each (left, then right) | left | right
    repeat: 2
  - say: {front}
  - point: BL40
    sides: each
    pressure: gentle
  - say: {ankle}
  - sides: each               # a group: both points on the left foot, then both on the right
    switch_sides: {other_foot}
    steps:
      - point: BL60
      - point: LR3
        pressure: firm
outro:
  - say: {rest}
  - pause: 20s
"""


def starter_text(path: Path, language: str = "en") -> str:
    """The starting routine for `path`, titled after its file name, written in `language`."""
    t = translator(language)
    words = re.sub(r"[\W_]+", " ", path.stem).split()  # letters of any script: mi-rutina, 我的练习
    title = " ".join(w.capitalize() for w in words) or t(wording.STARTER_TITLE)
    return STARTER.format(
        title=title,
        title_yaml=quote(title),
        name=path.name,
        summary=quote(t(wording.STARTER_SUMMARY)),
        language="" if language == "en" else f"language: {language}           # the language it is written in\n",
        sit=quote(t(wording.STARTER_SIT)),
        front=quote(t(wording.STARTER_FRONT)),
        ankle=quote(t(wording.STARTER_ANKLE)),
        other_foot=quote(t(wording.STARTER_OTHER_FOOT)),
        rest=quote(t(wording.STARTER_REST)),
    )


def write_starter(path: Path, language: str = "en") -> Path:
    """Write the starting routine to `path`; never over an existing file."""
    return save(path, starter_text(path, language))


def save(path: Path, text: str, replace: bool = False, how_to_replace: str = "") -> Path:
    """Write a routine file the user may edit: never over an existing one unless `replace`."""
    try:
        if replace:
            write_text(path, text)
        else:
            create_text(path, text)
    except FileExistsError:
        raise RoutineExists(
            f"{path} already exists, and acuguide never overwrites a routine you may have edited; "
            f"choose another name, or remove the file first{how_to_replace}"
        ) from None
    except OSError as exc:
        raise WriteError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path
