"""Every built-in word in every language, through gettext catalogs read with Babel.

English is the source language: each message's id is its English text, so the English
output is the text as written here and in the YAML files, and a translator reads the
English beside their own. `locale/messages.pot` is the template (extracted by
`scripts/catalog extract`); `locale/<lang>/LC_MESSAGES/messages.po` is a language. The `.po`
files are read directly (no compiled `.mo` to go stale): a language is a catalog and a voice.

A message that a catalog lacks, or marks fuzzy, is an error (`MissingTranslation`), never a
silent English fallback: a listener with closed eyes must not hear a sentence in a language
they may not understand.

Markers (`N_`, `C_`, `P_`) only mark text for extraction and carry its context; they change
nothing for English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import NamedTuple

from ..errors import N_ as N_  # the one marker, defined below content for the floor's messages
from ..errors import AcuguideError

SOURCE = "en"
DOMAIN = "messages"


class MissingTranslation(AcuguideError):
    """A message has no translation in the catalog of the language asked for."""

    def __init__(self, language: str, message: str, context: str | None = None):
        self.language, self.message, self.context = language, message, context
        where = f" (context {context!r})" if context else ""
        super().__init__(
            f"the {language} catalog has no translation of {message!r}{where}; add it to "
            f"src/acuguide/locale/{language}/LC_MESSAGES/{DOMAIN}.po (scripts/catalog update, then translate)"
        )


class UnknownLanguage(AcuguideError):
    def __init__(self, language: str):
        self.language = language
        super().__init__(f"no catalog for the language {language!r}; known: {', '.join(languages())}")


class Msg(str):
    """An English text with the context that tells it apart from the same words elsewhere."""

    context: str | None = None


def C_(context: str, text: str) -> Msg:
    """A text whose translation depends on where it is used ('left' as a side)."""
    msg = Msg(text)
    msg.context = context
    return msg


class Plural(NamedTuple):
    """A text that changes with a count: '{n} hold', '{n} holds'."""

    singular: str
    plural: str


def P_(singular: str, plural: str) -> Plural:
    return Plural(singular, plural)


def locale_root():
    """The folder of the catalogs: `<lang>/LC_MESSAGES/messages.po` and the template."""
    return resources.files("acuguide").joinpath("locale")


def languages() -> tuple[str, ...]:
    """English and every language with a catalog, in order."""
    base = locale_root()
    found = sorted(d.name for d in base.iterdir() if d.joinpath("LC_MESSAGES", f"{DOMAIN}.po").is_file())
    return (SOURCE, *(code for code in found if code != SOURCE))


@dataclass
class Translator:
    """gettext-like callables for one language; English is the identity.

    `strict` (the default) raises `MissingTranslation` for a missing message; `missing` collects
    them instead when `strict` is off, for `check` to report all at once."""

    language: str
    messages: dict[tuple[str | None, str], str | tuple[str, ...]] = field(default_factory=dict)
    plural_index: object = None  # Babel's plural rule for the language: count -> form index
    strict: bool = True
    missing: list[MissingTranslation] = field(default_factory=list)

    @property
    def is_source(self) -> bool:
        return self.language == SOURCE

    def _lookup(self, context: str | None, text: str):
        found = self.messages.get((context, text))
        if found is None or found == "" or (isinstance(found, tuple) and not all(found)):
            problem = MissingTranslation(self.language, text, context)
            if self.strict:
                raise problem
            self.missing.append(problem)
            return None
        return found

    def gettext(self, text: str) -> str:
        """The translation of an English text (its context taken from a `C_` marker)."""
        if self.is_source:
            return str(text)
        found = self._lookup(getattr(text, "context", None), str(text))
        return str(text) if found is None else found if isinstance(found, str) else found[0]

    __call__ = gettext

    def pgettext(self, context: str, text: str) -> str:
        return self.gettext(C_(context, text))

    def has(self, text: str, context: str | None = None) -> bool:
        if self.is_source:
            return True
        found = self.messages.get((context, str(text)))
        return bool(found) and (isinstance(found, str) or all(found))

    def ngettext(self, singular: str | Plural, plural: str | None = None, count: int = 1) -> str:
        """The form for `count`, by the language's plural rule (ngettext's arguments, or a `Plural`)."""
        if isinstance(singular, Plural):
            singular, plural, count = singular.singular, singular.plural, plural if plural is not None else count
        if self.is_source:
            return singular if count == 1 else plural
        found = self._lookup(None, singular)
        if found is None:
            return singular if count == 1 else plural
        forms = found if isinstance(found, tuple) else (found,)
        return forms[min(self.plural_index(count), len(forms) - 1)]

    def decimal(self, value: float, places: int) -> str:
        """A number with `places` decimals as the language writes it: 3.5 in English, 3,5 in German."""
        if self.is_source:
            return f"{value:.{places}f}"
        from babel.numbers import format_decimal

        return format_decimal(value, format="0." + "0" * places, locale=self.language)

    def number(self, value: float) -> str:
        """A count or an amount as the language writes it: 1,000,000 and 7.5 in English,
        1.000.000 and 7,5 in German; 10 minutes, never 10.0."""
        if self.is_source:
            return f"{value:g}" if isinstance(value, float) else f"{value:,}"
        from babel.numbers import format_decimal

        return format_decimal(value, "#,##0.##", locale=self.language)

    def counted(self, forms: Plural, count: int, **values) -> str:
        """A plural text with its count filled in as it is written (digits): for screens."""
        return self.ngettext(forms, count).format(n=count, **values)


class NumbersUnsaid(AcuguideError):
    """num2words cannot say numbers in a language: its voice would get digits, read in English or not at all."""

    def __init__(self, language: str):
        self.language = language
        super().__init__(
            f"acuguide cannot say numbers in {language}: num2words has no {language} (it has "
            f"{', '.join(sorted(_converters()))}); a session in {language} needs it there first"
        )


def spell_number(value: float, language: str) -> str:
    """A number in words of the language (num2words), or `NumbersUnsaid`: never digits, never English."""
    from num2words import num2words  # only where numbers are said in words

    code = _NUM2WORDS.get(language, language)
    if code not in _converters():
        raise NumbersUnsaid(language)
    return num2words(int(value) if float(value).is_integer() else value, lang=code)


def _converters() -> set[str]:
    from num2words import CONVERTER_CLASSES

    return set(CONVERTER_CLASSES)


_NUM2WORDS = {"pt": "pt_BR"}  # num2words' own names where they differ from the language code


@cache
def _catalog(language: str) -> tuple[dict, object]:
    from babel.messages.pofile import read_po

    path = locale_root().joinpath(language, "LC_MESSAGES", f"{DOMAIN}.po")
    if not path.is_file():
        raise UnknownLanguage(language)
    with path.open("rb") as file:
        catalog = read_po(file, locale=language)
    messages: dict[tuple[str | None, str], str | tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        value = tuple(message.string) if isinstance(message.string, (tuple, list)) else message.string
        messages[(message.context, key)] = value
    return messages, catalog.plural_expr and _plural_rule(catalog.plural_expr)


def _plural_rule(expression: str):
    """The catalog's Plural-Forms expression (C syntax) as a function of a count, by gettext's own parser."""
    import gettext

    return gettext.c2py(expression)


def language_name(code: str, language: str = SOURCE) -> str:
    """A language as `language` names it ('es': 'Spanish', 'español', 'Spanisch'), for the
    sentences that tell a person which language to write in; the code if Babel knows none."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code).get_display_name(language) or code
    except (ValueError, UnknownLocaleError):
        return code


def translator(language: str = SOURCE, strict: bool = True) -> Translator:
    """gettext/ngettext-like callables for `language` (`.gettext` or calling it, `.pgettext`, `.ngettext`, `.counted`)."""
    if language == SOURCE:
        return Translator(SOURCE, strict=strict)
    messages, rule = _catalog(language)
    return Translator(language, messages, rule or (lambda n: int(n != 1)), strict)
