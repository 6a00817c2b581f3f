"""Read hand-written YAML while keeping line numbers, collecting every problem.

PyYAML's `safe_load` forgets where values came from and silently keeps the last of two
duplicate keys. Walking the composed node tree instead gives each error its line, lets a
typo'd key be caught, and lets one run report all problems rather than the first.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from enum import Enum
from typing import TypeVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Problem

E = TypeVar("E", bound=Enum)

DURATION_PATTERN = (
    r"^\s*(?:(?P<h>\d+(?:\.\d+)?)\s*h)?\s*(?:(?P<m>\d+(?:\.\d+)?)\s*m(?:in)?)?\s*"
    r"(?:(?P<s>\d+(?:\.\d+)?)\s*s(?:ec)?)?\s*$"
)  # also the JSON Schema's pattern for a duration written as text
_DURATION = re.compile(DURATION_PATTERN)
DURATION_HINT = "expected a duration like 45s, 1m or 1m30s"
MAX_DEPTH = 20  # levels of nested lists and mappings; a routine uses five at most
SHOWN = 60  # characters of a wrong value quoted in a message
# SSML-like tags, eSpeak's [[phoneme]] blocks, and control characters other than tab and newline
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?][^<>]*>|\[\[|\]\]|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def parse_duration(value: object) -> float | None:
    """Seconds for '45s', '1m30s', '1.5s', '2m' or a bare number; None if it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if 0 <= value < 1e9 else None  # 1e9 s: beyond any range, and float() of a huge int overflows
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


class YamlReader:
    """Typed accessors over YAML nodes; each records a `Problem` and returns None on error."""

    def __init__(self, source: str):
        self.source = source
        self.problems: list[Problem] = []
        self._constructor = yaml.SafeLoader("")

    def problem(self, at: Node | int | None, field: str, message: str) -> None:
        line = line_of(at) if isinstance(at, Node) else at
        self.problems.append(Problem(self.source, line, field, message))

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
        except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. a control character
            line = text[: exc.position].count("\n") + 1
            self.problem(line, "", f"the character {chr(exc.character)!r} (U+{exc.character:04X}) is not allowed in YAML text; remove it")
            return None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            what = " ".join(x for x in (exc.context, exc.problem) if x)
            self.problem(line, "", f"not valid YAML: {what}; check the indentation and quoting there")
            return None
        except yaml.YAMLError as exc:
            self.problem(None, "", f"not valid YAML: {exc}")
            return None
        if node is None:
            self.problem(1, "", "the file is empty")
        return node

    def _screen(self, text: str) -> bool:
        depth = 0
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                self.problem(line, "", "anchors and aliases (&name, *name) are not allowed in a routine; write the value out in full")
                return False
            if isinstance(event, yaml.ScalarEvent) and event.value == "<<" and event.tag is None and event.style is None:
                self.problem(line, "", "merge keys (<<) are not allowed in a routine; write the keys out in full")
                return False
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    self.problem(line, "", f"nested more than {MAX_DEPTH} levels deep; a routine needs only a few")
                    return False
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
        return True

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
        label = field or "the file"
        if not isinstance(node, MappingNode):
            self.problem(node, field, f"expected a mapping of keys ({', '.join(allowed)}), got {self._kind(node)}")
            return None
        result: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = str(self.value(key_node))
            where = f"{field}.{key}" if field else key
            if key in result:
                self.problem(key_node, where, f"appears twice in {label}; keep one")
            elif key not in allowed:
                self.problem(key_node, where, f"unknown key{self.suggest(key, allowed)}; allowed: {', '.join(allowed)}")
            else:
                result[key] = value_node
        for key in required:
            if key not in result:
                self.problem(node, f"{field}.{key}" if field else key, f"missing; {label} needs it")
        return result

    def sequence(self, node: Node, field: str) -> list[Node] | None:
        if not isinstance(node, SequenceNode):
            self.problem(node, field, f"expected a list (lines starting with '- '), got {self._kind(node)}")
            return None
        return list(node.value)

    def items(self, node: Node, field: str) -> Iterator[tuple[str, Node]]:
        """(field path, node) for each list entry, e.g. ('steps[2]', node)."""
        for index, item in enumerate(self.sequence(node, field) or ()):
            yield f"{field}[{index}]", item

    def string(self, node: Node, field: str) -> str | None:
        value = self.value(node) if isinstance(node, ScalarNode) else None
        if not isinstance(value, str) or not value.strip():
            self.problem(node, field, f"expected some text, got {self.shown(node)}")
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
        if found:
            mark = found.group(0)
            what = f"the control character {mark!r}" if len(mark) == 1 else f"{mark!r} looks like speech-engine markup, which"
            self.problem(node, field, f"{what} is not spoken text; acuguide passes no markup to an engine: "
                         "write plain words, and use a pause: step for silence")
            return None
        return text

    def strings(self, node: Node, field: str) -> tuple[str, ...] | None:
        values = [self.string(item, where) for where, item in self.items(node, field)]
        return None if any(v is None for v in values) else tuple(values)  # type: ignore[arg-type]

    def integer(self, node: Node, field: str, minimum: int, maximum: int) -> int | None:
        value = self.value(node) if isinstance(node, ScalarNode) else None
        if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
            self.problem(node, field, f"expected a whole number from {minimum} to {maximum}, got {self.shown(node)}")
            return None
        return value

    def number(self, node: Node, field: str, minimum: float, maximum: float, what: str) -> float | None:
        value = self.value(node) if isinstance(node, ScalarNode) else None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not minimum <= value <= maximum:
            self.problem(node, field, f"expected {what}, from {minimum:g} to {maximum:g}, got {self.shown(node)}")
            return None
        return float(value)

    def duration(self, node: Node, field: str, minimum: float = 0.0, maximum: float = 3 * 3600) -> float | None:
        seconds = parse_duration(self.value(node)) if isinstance(node, ScalarNode) else None
        if seconds is None:
            self.problem(node, field, f"{DURATION_HINT}, got {self.shown(node)}")
            return None
        if not minimum <= seconds <= maximum:
            self.problem(node, field, f"expected between {format_duration(minimum)} and {format_duration(maximum)}, got {self.shown(node)}")
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
        self.problem(node, field, f"expected one of {', '.join(names)}, got {self.shown(node)}{self.suggest(text, names)}")
        return None

    def suggest(self, word: str, options: tuple[str, ...]) -> str:
        close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
        return f"; did you mean '{close[0]}'?" if close else ""

    def shown(self, node: Node) -> str:
        if isinstance(node, ScalarNode):
            value = node.value if len(node.value) <= SHOWN else node.value[:SHOWN] + "..."
            return repr(value) if node.value != "" else "nothing"
        return self._kind(node)

    @staticmethod
    def _kind(node: Node) -> str:
        if isinstance(node, MappingNode):
            return "a mapping"
        if isinstance(node, SequenceNode):
            return "a list"
        return repr(node.value) if node.value != "" else "nothing"


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
