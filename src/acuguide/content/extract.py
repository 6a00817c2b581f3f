"""A Babel extractor for acuguide's YAML: the point library, the screening, routines and programs.

Named by its dotted path in `locale/babel.cfg` (and registered as the `acuguide_yaml` method, an
entry point in pyproject.toml, for other Babel tools), so `scripts/catalog extract` finds every text a listener hears or a reader sees in the shipped YAML,
each with a comment that tells the translator what it is. Codes, pinyin names, regular
expressions and settings are not text and are never extracted.
"""

from __future__ import annotations

from collections.abc import Iterator

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

# What a translator is told about each field, by the kind of file it is in.
POINT_FIELDS = {
    "english": "a point's descriptive name, spoken before its code (keep it a name, not a sentence)",
    "location": "a point's standard location by the WHO 2008 standard, shown to a reader; keep anatomical terms exact",
    "find": "spoken to a person with closed eyes: how to find the point on their own body; no digits or codes",
    "uses": "what the point is traditionally pressed for, shown to a reader",
    "place": 'spoken, completing "Place the ball under ..." or "Hold the massage gun on ...": where the point is',
    "cautions": "spoken before pressing the point, and shown: a caution",
}
ROUTINE_FIELDS = {
    "title": "a session's title, spoken first and shown in players",
    "summary": "one line about a session, shown in players and feeds",
    "warning": "spoken first, before the safety note: a warning this session's listeners need",
    "say": "spoken, to a person following the session with closed eyes",
    "find": "spoken, to a person with closed eyes: how to find the point",
    "name": "spoken: a point's name as this session says it",
    "switch_sides": "spoken before the right side",
    "release": "spoken at the end of every hold",
}
SCREENING_FIELDS = {
    "ask": "a yes/no question asked before a session is composed; plain words, to a person in pain",
    "what": 'how a refusal names a sign: completes "which reads as ..."',
    "why": "why the sign needs a doctor, shown in a refusal",
    "about": 'what acuguide makes no session for: completes "and ... is outside them"',
    "see": 'whom to see instead: completes "For that, see ..."',
}


def _scalar(node: Node) -> str | None:
    return node.value if isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:str" and node.value else None


def _items(node: Node) -> Iterator[tuple[str, Node]]:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode):
                yield key.value, value


def _texts(node: Node) -> Iterator[ScalarNode]:
    """A text, or each text of a list of texts."""
    if _scalar(node):
        yield node
    elif isinstance(node, SequenceNode):
        for item in node.value:
            if _scalar(item):
                yield item


def _message(node: ScalarNode, comment: str, context: str | None = None):
    line = node.start_mark.line + 1
    if context:
        return line, "pgettext", (context, node.value), [comment]
    return line, "gettext", node.value, [comment]


def _points(root: Node, source: str):
    for _, entries in (item for item in _items(root) if item[0] == "points"):
        for entry in entries.value if isinstance(entries, SequenceNode) else ():
            code = next((_scalar(v) for k, v in _items(entry) if k == "code"), "?")
            for key, value in _items(entry):
                if key in POINT_FIELDS:
                    context = "point name" if key == "english" else None
                    for text in _texts(value):
                        yield _message(text, f"{code}: {POINT_FIELDS[key]}", context)


def _steps(node: Node, path: str) -> Iterator[tuple[ScalarNode, str, str]]:
    for i, step in enumerate(node.value if isinstance(node, SequenceNode) else ()):
        for key, value in _items(step):
            if key == "steps":
                yield from _steps(value, f"{path}[{i}].steps")
            elif key in ROUTINE_FIELDS:
                for text in _texts(value):
                    yield text, f"{path}[{i}].{key}", ROUTINE_FIELDS[key]


def routine_texts(root: Node) -> Iterator[tuple[ScalarNode, str, str]]:
    """Every text a routine (or a program) writes in its own words: (node, field path, what it is).
    The loader translates exactly these when a routine is rendered in another language."""
    for key, value in _items(root):
        if key in ("title", "summary", "warning"):
            for text in _texts(value):
                yield text, key, ROUTINE_FIELDS[key]
        elif key == "equipment":
            for i, text in enumerate(_texts(value)):
                yield text, f"equipment[{i}]", 'a thing to have at hand, completing "you will need ..."'
        elif key == "phrases":
            for name, phrase in _items(value):
                for text in _texts(phrase):
                    yield text, f"phrases.{name}", ROUTINE_FIELDS.get(name, "spoken")
        elif key in ("intro", "steps", "outro"):
            yield from _steps(value, key)


def _routine(root: Node, source: str):
    for node, _, comment in routine_texts(root):
        yield _message(node, f"{source}: {comment}")


def _screening(root: Node, source: str):
    for key, value in _items(root):
        if key == "urgency":
            for level, text in _items(value):
                for node in _texts(text):
                    yield _message(node, f"whom to see and how soon ({level}), shown after a refusal")
        elif key in ("refused", "refused_someone", "finding_said", "finding_answered", "outside_answer"):
            for node in _texts(value):
                yield _message(node, "shown when no session is composed; keep every {placeholder}")
        elif key in ("signs", "modifiers", "together"):
            for name, sign in _items(value):
                for field, text in _items(sign):
                    if field in SCREENING_FIELDS or field == "follow_up":
                        comment = SCREENING_FIELDS.get(field, SCREENING_FIELDS["ask"])
                        for node in _texts(text):
                            yield _message(node, f"screening, {name}: {comment}")
        elif key == "outside":
            for entry in value.value if isinstance(value, SequenceNode) else ():
                for field, text in _items(entry):
                    if field in SCREENING_FIELDS:
                        for node in _texts(text):
                            yield _message(node, f"screening: {SCREENING_FIELDS[field]}")


def extract_yaml(fileobj, keywords, comment_tags, options):
    """Babel's extractor interface: (line, function, message, comments) for each text."""
    source = getattr(fileobj, "name", "")
    root = yaml.compose(fileobj.read().decode(options.get("encoding", "utf-8")))
    if root is None:
        return
    keys = {key for key, _ in _items(root)}
    name = str(source).rsplit("/", 1)[-1].removesuffix(".yaml")
    if "points" in keys:
        yield from _points(root, name)
    elif "signs" in keys:
        yield from _screening(root, name)
    elif "weeks" in keys:
        yield from _routine(root, f"program {name}")
    elif "steps" in keys:
        yield from _routine(root, f"routine {name}")
