"""A JSON Schema (draft 2020-12) of the routine format, generated from the table of fields.

Editors use it for completion and squiggles (`# yaml-language-server: $schema=...`); it is
made from the same rows the loader validates with, so the two cannot drift. It checks shapes,
types and ranges; what needs the point library or the file system (a point code exists, an
ambient file is there) is left to `acuguide check`.
"""

from __future__ import annotations

import re

from ..yamlread import DURATION_PATTERN
from ..yamlread import OFF as OFF_WORDS
from ..yamlread import ON as ON_WORDS
from . import fields
from .fields import Field, Table

DIALECT = "https://json-schema.org/draft/2020-12/schema"
FLAG = {"anyOf": [{"type": "boolean"}, {"enum": [*ON_WORDS, *OFF_WORDS]}]}  # YAML 1.1 reads on/off as booleans
OFF = {"anyOf": [{"const": False}, {"enum": list(OFF_WORDS)}]}


PATTERN = re.sub(r"\?P<\w+>", "", DURATION_PATTERN)  # ECMA-262 regex, as editors run it: no Python group names


def duration(low: float, high: float) -> dict:
    return {"anyOf": [{"type": "number", "minimum": low, "maximum": high}, {"type": "string", "pattern": PATTERN}]}


def field_schema(field: Field) -> dict:
    described = {"description": field.help}
    low, high = field.range or (None, None)
    if field.type in ("text", "file"):
        return {**described, "type": "string", "minLength": 1}
    if field.type == "duration":
        return {**described, **duration(low, high)}
    if field.type in ("integer", "number"):
        return {**described, "type": field.type, "minimum": low, "maximum": high}
    if field.type == "choice":
        choices = {"enum": list(field.choices)}
        return {**described, "anyOf": [choices, OFF]} if "off" in field.choices else {**described, **choices}
    if field.type == "flag":
        return {**described, **FLAG}
    if field.type == "list" and field.range:
        return {**described, "type": "array", "items": duration(low, high)}
    if field.type == "list" and field.choices:
        return {**described, "type": "array", "items": {"enum": list(field.choices)}}
    if field.type == "list":
        return {**described, "type": "array", "items": {"type": "string", "minLength": 1}}
    if field.type == "breathing":
        return {**described, "anyOf": [{"type": "string", "minLength": 1}, OFF, table_schema(field.table)]}
    if field.type == "patterns":
        return {**described, "type": "object", "additionalProperties": table_schema(field.table)}
    if field.type in ("steps", "group steps"):
        ref = "#/$defs/step" if field.type == "steps" else "#/$defs/group_step"
        return {**described, "type": "array", "minItems": 1, "items": {"$ref": ref}}
    assert field.type == "mapping" and field.table is not None, field
    nested = table_schema(field.table)
    if field.name == "bells":
        return {**described, "anyOf": [FLAG, nested]}
    if field.name == "ambient":
        return {**described, "anyOf": [{"type": "string", "minLength": 1}, OFF, nested]}
    return {**described, **nested}


def table_schema(table: Table) -> dict:
    schema = {
        "type": "object",
        "properties": {f.name: field_schema(f) for f in table.fields},
        "additionalProperties": False,
    }
    return {**schema, "required": list(table.required)} if table.required else schema


def step_schema(grouped: bool = False) -> dict:
    """A step is exactly one of say, pause or breathe, a point with its own fields, or a group
    by side with its own fields (but not inside another group, where a point has no sides)."""
    single = [
        {"type": "object", "properties": {f.name: field_schema(f)}, "required": [f.name], "additionalProperties": False}
        for f in fields.STEP.fields
        if f.name not in ("point", "steps")  # these two have fields beside them
    ]
    if grouped:
        point = table_schema(fields.POINT)
        point = {**point, "properties": {k: v for k, v in point["properties"].items() if k != "sides"}}
        return {"oneOf": [*single, point]}
    return {"oneOf": [*single, table_schema(fields.POINT), table_schema(fields.GROUP)]}


def routine_schema() -> dict:
    return {
        "$schema": DIALECT,
        "$id": "https://acuguide.invalid/routine.schema.json",
        "title": "acuguide routine",
        "description": "A guided acupressure routine for acuguide (acuguide check validates it fully).",
        **table_schema(fields.TOP),
        "$defs": {"step": step_schema(), "group_step": step_schema(grouped=True)},
    }
