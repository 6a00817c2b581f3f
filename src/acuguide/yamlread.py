"""Read hand-written YAML by a table of its fields, keeping line numbers, collecting every problem.

PyYAML's `safe_load` forgets where values came from and silently keeps the last of two
duplicate keys. Walking the composed node tree instead gives each error its line, lets a
typo'd key be caught, and lets one run report all problems rather than the first.

A format is written down once, as `Table`s of `Field`s (name, type, range, choices, default,
help): `YamlReader.table` reads a mapping by its table, one reader per field type, so the
routine format, the program format and the point library are checked by the same code, and
the JSON Schema is generated from the same rows.
"""

from __future__ import annotations

import builtins
import difflib
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, Final, Protocol, TypeVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import LOCATION, N_, Problem, excerpt

E = TypeVar("E", bound=Enum)

DURATION_PATTERN = (
    r"^\s*(?:(?P<h>[0-9]+(?:\.[0-9]+)?)\s*h)?\s*(?:(?P<m>[0-9]+(?:\.[0-9]+)?)\s*m(?:in)?)?\s*"
    r"(?:(?P<s>[0-9]+(?:\.[0-9]+)?)\s*s(?:ec)?)?\s*$"
)  # also the JSON Schema's pattern for a duration written as text: ASCII digits in both ("١٠s" is not 10 s)
_DURATION = re.compile(DURATION_PATTERN)
MAX_DEPTH = 20  # levels of nested lists and mappings; a routine uses five at most
MAX_SPOKEN = 800  # characters of one spoken cue: about a minute of speech; the shipped routines' longest is 347
CORE = "tag:yaml.org,2002:"
# tags a hand-written routine may use to say what a scalar is (`!!str 2024`); `!` is YAML's "plain text"
SCALAR_TAGS = {"!", *(CORE + name for name in ("str", "int", "float", "bool", "null"))}
COLLECTION_TAGS = {yaml.SequenceStartEvent: CORE + "seq", yaml.MappingStartEvent: CORE + "map"}
# SSML-like tags, eSpeak's [[phoneme]] blocks, control characters other than tab and newline, and
# bidirectional overrides (which reorder how a title reads on the page and in a terminal)
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?][^<>]*>|\[\[|\]\]|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

_SURROGATE = re.compile(r"[\ud800-\udfff]")

OFF = ("off", "none", "no", "false")  # one vocabulary for "off" everywhere a thing can be turned off
ON = ("on", "yes", "true")

# The reader's messages, in English and marked for the catalogs: a reader given a language's
# words (`YamlReader.t`) says them in it. Keys, typed values and YAML's own words stay as written.
# TRANSLATORS: the YAML reader's problems with a routine a person wrote, after "file, line N: field: ".
# TRANSLATORS: {value} is what was written, quoted, or one of "a mapping", "a list", "nothing";
# TRANSLATORS: keep YAML keys, typed values (45s, on, off, none) and "- " as written.
UNKNOWN_VALUE = N_("unknown value {value}{hint}; known: {choices}")


@dataclass(frozen=True)
class Field:
    """One key of a mapping. `type` picks the reader: text, duration, integer, number, choice,
    flag and list are read here; the others (mapping, breathing, steps...) by the format's own."""

    name: str
    type: str
    help: str
    range: tuple[float, float] | None = None
    choices: tuple[str, ...] = ()
    default: object = None
    required: bool = False
    table: Table | None = None  # the fields of a mapping (or of a breathing or step object)
    enum: builtins.type[Enum] | None = None  # a choice's values as members of this enum
    unknown: str = UNKNOWN_VALUE  # the error for a word not among the choices, naming what they are: 'unknown tool'

    @classmethod
    def choice(
        cls,
        name: str,
        values: builtins.type[Enum] | tuple[str, ...],
        help: str,
        default: object = None,
        required: bool = False,
        only: tuple[str, ...] = (),
        unknown: str = UNKNOWN_VALUE,
    ) -> Field:
        """One of an enum's values (`only` narrows them) or of a tuple of words."""
        enum = values if isinstance(values, type) else None
        choices = only or (tuple(str(m.value) for m in values) if isinstance(values, type) else values)
        return cls(
            name, "choice", help, choices=choices, default=default, required=required, enum=enum, unknown=unknown
        )


@dataclass(frozen=True)
class Table:
    """The fields of one mapping: a routine file itself, its `voice`, a point step, a point..."""

    name: str
    fields: tuple[Field, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.required)

    def __getitem__(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


class _Invalid:
    """A value that was wrong and has been reported: the one sentinel a reader returns."""

    def __repr__(self) -> str:
        return "INVALID"

    def __bool__(self) -> bool:
        return False


INVALID: Final = _Invalid()


class Values(dict[str, Any]):
    """A mapping's values by field name, and the nodes that were written (`nodes`), whose lines
    a rule across fields quotes when it finds a problem."""

    def __init__(self, values: dict[str, object], nodes: dict[str, Node]):
        super().__init__(values)
        self.nodes = nodes

    @property
    def valid(self) -> bool:
        return not any(value is INVALID for value in self.values())


Reader = Callable[[Node, str], object]  # a format's own reader for a field type: (node, path) -> value or INVALID


def parse_duration(value: object) -> float | None:
    """Seconds for '45s', '1m30s', '1.5s', '2m' or a bare number; None if it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return (
            float(value) if 0 <= value < 1e9 else None
        )  # 1e9 s: beyond any range, and float() of a huge int overflows
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().lower()
    try:
        seconds = float(text)
    except ValueError:
        match = _DURATION.match(text)
        if not match or not any(match.groupdict().values()):
            return None
        parts = {k: float(v) if v else 0.0 for k, v in match.groupdict().items()}
        seconds = parts["h"] * 3600 + parts["m"] * 60 + parts["s"]
    return seconds if seconds >= 0 else None


def line_of(node: Node) -> int:
    return node.start_mark.line + 1


class Words(Protocol):
    """A language's words for the reader's messages: a `content.catalog.Translator`, which the
    floor cannot import."""

    def __call__(self, text: str) -> str: ...

    def number(self, value: float) -> str: ...


class English:
    """The reader's messages as written here."""

    def __call__(self, text: str) -> str:
        return text

    def number(self, value: float) -> str:
        return f"{value:g}" if isinstance(value, float) else f"{value:,}"


class YamlReader:
    """Typed accessors over YAML nodes; each records a `Problem` and returns None on error.

    Problems are said in `t`'s language, their location too; a reader that learns the file's
    language after composing it (a routine says it in a key) is given its words then."""

    def __init__(self, source: str, t: Words | None = None):
        self.source = source
        self.t = t or English()
        self.problems: list[Problem] = []
        self._constructor = yaml.SafeLoader("")
        self._tagged: set[tuple[int, int]] = set()  # where the text gives a scalar an explicit tag

    def problem(self, at: Node | int | None, field: str, message: str) -> None:
        line = line_of(at) if isinstance(at, Node) else at
        self.problems.append(Problem(self.source, line, field, message, self.t(LOCATION)))

    def say(self, message: str, /, **values: object) -> str:
        """A marked message in the reader's language, its placeholders filled (any name, `text` too)."""
        return self.t(message).format(**values)

    def compose(self, text: str, trusted: bool = False) -> Node | None:
        """The node tree, after refusing what a hand-written file never needs and a hostile
        one can abuse: anchors and aliases (an alias bomb expands exponentially), merge keys,
        and nesting deep enough to exhaust the recursive composer.

        `trusted` text (the point library shipped with acuguide, reviewed like code) is not
        screened and is read by libyaml where PyYAML has it: ten times faster, with the same
        line numbers, and the library is read by every command."""
        try:
            if trusted:
                node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            elif not self._screen(text):
                return None
            else:
                node = yaml.compose(text, Loader=yaml.SafeLoader)
                self._check_scalars(node)
        except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. a control character
            line = text[: exc.position].count("\n") + 1
            self.problem(
                line,
                "",
                self.say(
                    N_("the character {character} (U+{code}) is not allowed in YAML text; remove it"),
                    character=repr(chr(exc.character)),
                    code=f"{exc.character:04X}",
                ),
            )
            return None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            what = " ".join(x for x in (exc.context, exc.problem) if x)
            # TRANSLATORS: {what} is PyYAML's own explanation, in English ("could not find expected ':'").
            self.problem(
                line, "", self.say(N_("not valid YAML: {what}; check the indentation and quoting there"), what=what)
            )
            return None
        except yaml.YAMLError as exc:
            self.problem(None, "", self.say(N_("not valid YAML: {what}"), what=exc))
            return None
        if node is None:
            self.problem(1, "", self.say(N_("the file is empty")))
        return node

    def _screen(self, text: str) -> bool:
        depth, tags_fit = 0, True
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            line = event.start_mark.line + 1
            tag = getattr(event, "tag", None)
            if tag is not None and not self._tag_fits(event, tag):
                self.problem(
                    line,
                    "",
                    self.say(
                        N_("the tag {tag} means nothing in a routine; remove it and write the plain value"),
                        tag=shown_tag(tag),
                    ),
                )
                tags_fit = False
            elif tag is not None:
                self._tagged.add((event.start_mark.line, event.start_mark.column))
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                self.problem(
                    line,
                    "",
                    self.say(
                        N_(
                            "anchors and aliases (&name, *name) are not allowed in a routine; write the value out in full"
                        )
                    ),
                )
                return False
            if (
                isinstance(event, yaml.ScalarEvent)
                and event.value == "<<"
                and event.tag is None
                and event.style is None
            ):
                self.problem(
                    line, "", self.say(N_("merge keys (<<) are not allowed in a routine; write the keys out in full"))
                )
                return False
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    self.problem(
                        line,
                        "",
                        self.say(N_("nested more than {most} levels deep; a routine needs only a few"), most=MAX_DEPTH),
                    )
                    return False
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
        return tags_fit

    @staticmethod
    def _tag_fits(event: yaml.Event, tag: str) -> bool:
        if isinstance(event, yaml.ScalarEvent):
            return tag in SCALAR_TAGS
        return tag in ("!", COLLECTION_TAGS.get(type(event)))

    def _check_scalars(self, root: Node | None) -> None:
        """Every scalar can be read as its tag says, or is read as text. A tag the value does
        not fit (`!!int 20s`) is reported; an implicit one that cannot be read (a number of
        5,000 digits, the date 2024-13-45) leaves the text to the field's own reader, whose
        error says what the field expects."""
        nodes = [root] if root is not None else []
        while nodes:
            node = nodes.pop()
            if isinstance(node, SequenceNode):
                nodes.extend(node.value)
            elif isinstance(node, MappingNode):
                nodes.extend(n for pair in node.value for n in pair)
            elif isinstance(node, ScalarNode):
                try:
                    self._constructor.construct_object(node)
                except Exception:  # noqa: BLE001 - PyYAML's constructors raise whatever their conversion raises (IndexError for `!!int` of nothing)
                    self._constructor.recursive_objects.clear()  # left behind by the failed construction
                    if (node.start_mark.line, node.start_mark.column) in self._tagged:
                        # TRANSLATORS: {tag} is a YAML tag as written (!!int).
                        self.problem(
                            node,
                            "",
                            self.say(
                                N_("{value} is not a {tag}; remove the tag"),
                                value=self.shown(node),
                                tag=shown_tag(node.tag),
                            ),
                        )
                    node.tag = CORE + "str"

    @staticmethod
    def word(node: Node) -> str | None:
        """A scalar as written, lower-cased: YAML 1.1 would read 'off' or 'no' as false."""
        return node.value.strip().lower() if isinstance(node, ScalarNode) else None

    def value(self, node: Node) -> object:
        return self._constructor.construct_object(node, deep=True)

    def mapping(
        self,
        node: Node,
        field: str,
        allowed: tuple[str, ...],
        required: tuple[str, ...] = (),
    ) -> dict[str, Node] | None:
        if not isinstance(node, MappingNode):
            self.problem(
                node,
                field,
                self.say(
                    N_("expected a mapping of keys ({keys}), got {value}"),
                    keys=", ".join(allowed),
                    value=self.shown(node),
                ),
            )
            return None
        result: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = str(self.value(key_node))
            where = f"{field}.{key}" if field else key
            if key in result:
                # TRANSLATORS: a key written twice; {field} is the mapping it is in, as written (steps[0]).
                twice = N_("appears twice in {field}; keep one") if field else N_("appears twice in the file; keep one")
                self.problem(key_node, where, self.say(twice, field=field))
            elif key not in allowed:
                self.problem(
                    key_node,
                    where,
                    self.say(
                        N_("unknown key{hint}; allowed: {keys}"),
                        hint=self.suggest(key, allowed),
                        keys=", ".join(allowed),
                    ),
                )
            else:
                result[key] = value_node
        for key in required:
            if key not in result:
                # TRANSLATORS: a key not written that must be; {field} is the mapping that needs it, as written.
                needs = N_("missing; {field} needs it") if field else N_("missing; the file needs it")
                self.problem(node, f"{field}.{key}" if field else key, self.say(needs, field=field))
        return result

    def sequence(self, node: Node, field: str) -> list[Node] | None:
        if not isinstance(node, SequenceNode):
            self.problem(
                node,
                field,
                self.say(N_("expected a list (lines starting with '- '), got {value}"), value=self.shown(node)),
            )
            return None
        return list(node.value)

    def items(self, node: Node, field: str) -> Iterator[tuple[str, Node]]:
        """(field path, node) for each list entry, e.g. ('steps[2]', node)."""
        for index, item in enumerate(self.sequence(node, field) or ()):
            yield f"{field}[{index}]", item

    def string(self, node: Node, field: str) -> str | None:
        value = self.value(node) if isinstance(node, ScalarNode) else None
        if not isinstance(value, str) or not value.strip():
            self.problem(node, field, self.say(N_("expected some text, got {value}"), value=self.shown(node)))
            return None
        if _SURROGATE.search(value):  # "\ud83d\udd14" in double quotes: PyYAML leaves the halves unjoined
            value = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
            if "\ufffd" in value:
                self.problem(
                    node,
                    field,
                    self.say(
                        N_(
                            "a \\u escape names half a character (a lone surrogate); write the character "
                            "itself, or plain words"
                        )
                    ),
                )
                return None
        return " ".join(value.split())

    def spoken(self, node: Node, field: str) -> str | None:
        """Text that will be spoken: plain words only. Markup an engine would act on (SSML tags,
        eSpeak's [[phonemes]], control characters) is refused, never passed through."""
        raw = self.value(node) if isinstance(node, ScalarNode) else None
        text = self.string(node, field)
        if text is None or not isinstance(raw, str):
            return text
        found = _MARKUP.search(raw)
        if not found and not speakable(text):
            self.problem(
                node,
                field,
                self.say(
                    N_(
                        "nothing to speak: {value} has no letters or digits once invisible "
                        "characters are taken out; write words, or use a pause: step for silence"
                    ),
                    value=self.shown(node),
                ),
            )
            return None
        if not found and len(text) > MAX_SPOKEN:
            self.problem(
                node,
                field,
                self.say(
                    N_(
                        "{count} characters; one spoken text may be at most {most} "
                        "(about a minute of speech): split it into several say: steps"
                    ),
                    count=self.t.number(len(text)),
                    most=MAX_SPOKEN,
                ),
            )
            return None
        if found:
            mark = found.group(0)
            refused = (
                N_(
                    "the control character {mark} is not spoken text; acuguide passes no markup to an engine: "
                    "write plain words, and use a pause: step for silence"
                )
                if len(mark) == 1
                else N_(
                    "{mark} looks like speech-engine markup, which is not spoken text; acuguide passes no markup "
                    "to an engine: write plain words, and use a pause: step for silence"
                )
            )
            self.problem(node, field, self.say(refused, mark=repr(mark) if len(mark) == 1 else quoted(mark)))
            return None
        return text

    def integer(self, node: Node, field: str, minimum: int, maximum: int) -> int | None:
        value = self.value(node) if isinstance(node, ScalarNode) else None
        if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
            self.problem(
                node,
                field,
                self.say(
                    N_("expected a whole number from {low} to {high}, got {value}"),
                    low=minimum,
                    high=maximum,
                    value=self.shown(node),
                ),
            )
            return None
        return value

    def number(self, node: Node, field: str, minimum: float, maximum: float, what: str) -> float | None:
        """A number in a range; `what` is the field's help, marked for the catalogs, naming what it measures."""
        value = self.value(node) if isinstance(node, ScalarNode) else None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not minimum <= value <= maximum:
            # TRANSLATORS: {what} is what the number measures (dB below the speech); {low} and {high} as YAML writes them.
            self.problem(
                node,
                field,
                self.say(
                    N_("expected {what}, from {low} to {high}, got {value}"),
                    what=self.t(what),
                    low=f"{minimum:g}",
                    high=f"{maximum:g}",
                    value=self.shown(node),
                ),
            )
            return None
        return float(value)

    def duration(self, node: Node, field: str, minimum: float = 0.0, maximum: float = 3 * 3600) -> float | None:
        seconds = parse_duration(self.value(node)) if isinstance(node, ScalarNode) else None
        if seconds is None:
            self.problem(
                node,
                field,
                self.say(N_("expected a duration like 45s, 1m or 1m30s, got {value}"), value=self.shown(node)),
            )
            return None
        if not minimum <= seconds <= maximum:
            # TRANSLATORS: {low} and {high} are durations as a routine writes them (1s, 10m).
            self.problem(
                node,
                field,
                self.say(
                    N_("expected between {low} and {high}, got {value}"),
                    low=format_duration(minimum),
                    high=format_duration(maximum),
                    value=self.shown(node),
                ),
            )
            return None
        return seconds

    def choice(self, node: Node, field: str, enum: type[E], allowed: tuple[str, ...] = ()) -> E | None:
        """A member of `enum` by its value; `allowed` narrows the values a field accepts."""
        # The text as written: YAML 1.1 would read 'off' or 'no' as booleans.
        text = node.value.strip().lower() if isinstance(node, ScalarNode) else ""
        names = allowed or tuple(str(member.value) for member in enum)
        for member in enum:
            if text == member.value and text in names:
                return member
        self.problem(node, field, self.expected_one_of(node, names, self.suggest(text, names)))
        return None

    def expected_one_of(self, node: Node, choices: tuple[str, ...], hint: str) -> str:
        # TRANSLATORS: {choices} are the words the field takes, as written; {hint} is empty, a "did you mean",
        # TRANSLATORS: or the field's help in brackets.
        return self.say(
            N_("expected one of {choices}, got {value}{hint}"),
            choices=", ".join(choices),
            value=self.shown(node),
            hint=hint,
        )

    def table(
        self,
        node: Node,
        table: Table,
        path: str,
        readers: Mapping[str, Reader] | None = None,
        defaults: Mapping[str, object] | None = None,
    ) -> Values | None:
        """Every field of `table`: its value, INVALID (reported), or when absent its default
        (`defaults` first, then the row's). Fields are read in the table's order, so a reader
        may rely on an earlier field having been read. None if `node` is no such mapping."""
        found = self.mapping(node, path, table.keys, table.required)
        if found is None:
            return None
        values: dict[str, object] = {}
        for field in table.fields:
            where = f"{path}.{field.name}" if path else field.name
            if field.name in found:
                reader = (readers or {}).get(field.name) or (readers or {}).get(field.type)
                value = reader(found[field.name], where) if reader else self.field(found[field.name], field, where)
                values[field.name] = value if value is not None or reader else INVALID
            elif field.required:
                values[field.name] = INVALID  # reported by `mapping`
            else:
                default = (defaults or {}).get(field.name, field.default)
                values[field.name] = field.enum(default) if field.enum and isinstance(default, str) else default
        return Values(values, found)

    def field(self, node: Node, field: Field, path: str) -> Any:
        """A value of a scalar or list field by its type, or None (reported)."""
        low, high = field.range or (0, 0)
        if field.type == "text":
            return self.spoken(node, path)
        if field.type == "duration":
            return self.duration(node, path, low, high)
        if field.type == "integer":
            return self.integer(node, path, int(low), int(high))
        if field.type == "number":
            return self.number(node, path, low, high, field.help)
        if field.type == "choice":
            return self.one_of(node, field, path)
        if field.type == "flag":
            return self.flag(node, path)
        if field.type == "list":
            return self.list_of(node, field, path)
        raise ValueError(f"no reader for {field.type} fields ({path})")

    def one_of(self, node: Node, field: Field, path: str) -> object:
        """A choice: an enum member, or the word itself; 'none', 'no' or 'false' for 'off'."""
        if field.enum is not None:
            word = self.word(node)
            if "off" in field.choices and word in OFF:
                return field.enum("off")
            if word in field.choices:
                return field.enum(word)
            hint = self.suggest(word or "", field.choices) or f" ({self.t(field.help)})"
            self.problem(node, path, self.expected_one_of(node, field.choices, hint))
            return None
        text = self.string(node, path)
        if text is not None and text not in field.choices:
            self.problem(node, path, self.unknown(field, text))
            return None
        return text

    def flag(self, node: Node, path: str) -> bool | None:
        if self.word(node) in ON:
            return True
        if self.word(node) in OFF:
            return False
        self.problem(
            node,
            path,
            self.say(
                N_("expected on or off, got {value} (yes/no and true/false work too; none means off)"),
                value=self.shown(node),
            ),
        )
        return None

    def list_of(self, node: Node, field: Field, path: str) -> tuple | None:
        """A list of texts; of durations when the field has a range; of choices when it has choices."""
        if not isinstance(node, SequenceNode):
            self.sequence(node, path)  # reports it
            return None
        values: list[Any]
        if field.range:
            values = [self.duration(item, where, *field.range) for where, item in self.items(node, path)]
        else:
            values = [self.spoken(item, where) for where, item in self.items(node, path)]
        if None in values:
            return None
        for value in values if field.choices else ():
            if value not in field.choices:
                self.problem(node, path, self.unknown(field, value))
                return None
        return tuple(values)

    def unknown(self, field: Field, text: str) -> str:
        return self.say(
            field.unknown, value=quoted(text), hint=self.suggest(text, field.choices), choices=", ".join(field.choices)
        )

    def suggest(self, word: str, options: tuple[str, ...]) -> str:
        if len(word) > 2 * max(map(len, options), default=0):
            return ""  # nothing close, and difflib's time grows with the word
        close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
        # TRANSLATORS: completes a problem when a word is spelt nearly as one it takes; {word} is that one, as written.
        return self.say(N_("; did you mean '{word}'?"), word=close[0]) if close else ""

    def shown(self, node: Node) -> str:
        """A value as a message names it: quoted as written, or what it is."""
        if isinstance(node, MappingNode):
            return self.t(N_("a mapping"))
        if isinstance(node, SequenceNode):
            return self.t(N_("a list"))
        return quoted(node.value) if node.value != "" else self.t(N_("nothing"))


def quoted(value: object) -> str:
    """A value as a message quotes it: cut to a short excerpt, in quotes, control characters escaped."""
    return repr(excerpt(str(value)))


def shown_tag(tag: str) -> str:
    return excerpt("!!" + tag[len(CORE) :] if tag.startswith(CORE) else tag)


def speakable(text: str) -> bool:
    """Whether an engine has anything to say: a letter or a digit, not only invisible format
    characters (zero-width spaces, joiners, byte-order marks), punctuation or symbols."""
    return any(unicodedata.category(c)[0] in "LN" for c in text)


def format_duration(seconds: float) -> str:
    """The shortest duration text the routine format accepts: 90 -> '1m30s'."""
    if seconds != int(seconds):
        return f"{seconds:g}s"
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    text = "".join(f"{n}{unit}" for n, unit in ((hours, "h"), (minutes, "m"), (secs, "s")) if n)
    return text or "0s"


def quote(text: str) -> str:
    """`text` as a YAML double-quoted scalar, for the routine files acuguide writes."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
