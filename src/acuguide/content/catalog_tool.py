"""The catalogs' tools, the gettext way through Babel: `scripts/catalog extract|update|init|compile|check`.

`extract` writes the template from the code (N_, C_ and P_ markers) and the shipped YAML
(`extract.extract_yaml`); `update` merges it into each language; `check` says what a
language lacks. Complete means: every message of the template (`messages.pot`) translated in the language's
`messages.po`, not fuzzy, every plural form filled, and the same `{placeholders}` as the
English (a singular form may spell its count instead: "un minuto"). A gap is reported by
language and message, never filled with English.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from . import catalog
from .catalog import DOMAIN, SOURCE, languages

PLACEHOLDER = re.compile(r"\{(\w*)\}")


@dataclass(frozen=True)
class Gap:
    language: str
    message: str
    context: str | None
    why: str

    def __str__(self) -> str:
        where = f" [{self.context}]" if self.context else ""
        return f"{self.language}: {self.message!r}{where}: {self.why}"


def _read(path):
    from babel.messages.pofile import read_po

    with path.open("rb") as file:
        return read_po(file)


def template():
    return _read(catalog.locale_root().joinpath(f"{DOMAIN}.pot"))


def gaps(language: str) -> list[Gap]:
    """What the language's catalog lacks or gets wrong, against the template."""
    translated = _read(catalog.locale_root().joinpath(language, "LC_MESSAGES", f"{DOMAIN}.po"))
    found: list[Gap] = []
    for wanted in template():
        if not wanted.id:
            continue
        key = wanted.id if isinstance(wanted.id, str) else wanted.id[0]
        shown = key
        have = translated.get(wanted.id, context=wanted.context)
        forms = () if have is None else have.string if isinstance(have.string, (tuple, list)) else (have.string,)
        if have is None or not forms or not all(forms):
            found.append(Gap(language, shown, wanted.context, "not translated"))
            continue
        if have.fuzzy:
            found.append(Gap(language, shown, wanted.context, "marked fuzzy: review it and remove the fuzzy flag"))
            continue
        english = set(PLACEHOLDER.findall(key if isinstance(wanted.id, str) else wanted.id[1]))
        for index, form in enumerate(forms):
            names = set(PLACEHOLDER.findall(form))
            plural_singular = not isinstance(wanted.id, str) and index == 0
            missing = english - names - ({"n"} if plural_singular else set())
            if missing or names - english:
                found.append(
                    Gap(
                        language,
                        shown,
                        wanted.context,
                        f"placeholders {sorted(names)} where English has {sorted(english)}",
                    )
                )
                break
    return found


KEYWORDS = ("-k", "N_", "-k", "C_:1c,2", "-k", "P_:1,2")  # the markers in catalog.py


def pybabel(*args: str) -> None:
    """Babel's own command line (pybabel), in this process."""
    from babel.messages.frontend import CommandLineInterface

    CommandLineInterface().run(["pybabel", "-q", *args])


def extract(repository: Path, output: Path) -> None:
    """The template from the code and the shipped YAML of the checkout at `repository`."""
    here = Path.cwd()
    os.chdir(repository)  # the locations in the template are relative to the checkout
    try:
        pybabel("extract", "-F", "src/acuguide/locale/babel.cfg", *KEYWORDS, "-c", "TRANSLATORS:",
                "--project", "acuguide", "--copyright-holder", "the acuguide authors", "--msgid-bugs-address", "",
                "--sort-by-file", "--width=100", "-o", str(output.resolve()), ".")  # fmt: skip
    finally:
        os.chdir(here)


def check() -> int:
    every = [gap for language in languages() if language != SOURCE for gap in gaps(language)]
    for gap in every:
        print(gap)
    total = len([m for m in template() if m.id])
    for language in languages():
        if language != SOURCE:
            missing = sum(1 for gap in every if gap.language == language)
            print(f"{language}: {total - missing} of {total} messages complete", file=sys.stderr)
    return 1 if every else 0


def main(args: list[str]) -> int:
    locale = Path(str(catalog.locale_root()))
    command = args[0] if args else ""
    if command == "extract":
        extract(locale.parents[2], locale / f"{DOMAIN}.pot")
    elif command == "update":
        pybabel("update", "-i", str(locale / f"{DOMAIN}.pot"), "-d", str(locale), "--width=100", "--previous")
    elif command == "init" and len(args) == 2:
        pybabel("init", "-i", str(locale / f"{DOMAIN}.pot"), "-d", str(locale), "-l", args[1], "--width=100")
    elif command == "compile":
        pybabel("compile", "-d", str(locale), "--statistics")
    elif command == "check":
        return check()
    else:
        print("usage: scripts/catalog extract | update | init LANG | compile | check", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
