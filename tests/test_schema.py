"""The JSON Schema is made from the loader's own table of fields: the shipped routines pass it,
and the mistakes `check` catches by shape fail it too."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from acuguide.cli import cli
from acuguide.routine import shipped_routines, shipped_routines_dir


@pytest.fixture(scope="module")
def validator():
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("name", shipped_routines())
def test_shipped_routines_pass_the_schema(name, validator):
    validator.validate(yaml.safe_load((shipped_routines_dir() / f"{name}.yaml").read_text()))


GOOD = "title: T\nsteps:\n  - point: BL23\n"
GOOD_GROUP = (
    "title: T\nsteps:\n  - sides: each\n    switch_sides: Other foot.\n    steps:\n"
    "      - say: Cross your ankle over your knee.\n      - point: BL60\n      - point: LR3\n        pressure: firm\n"
)
BAD = {
    "unknown key": "title: T\nsteps:\n  - point: BL23\n    hodl: 60s\n",
    "bad duration": "title: T\nsteps:\n  - point: BL23\n    hold: abc\n",
    "zero repeat": "title: T\nsteps:\n  - point: BL23\n    repeat: 0\n",
    "unknown sides": "title: T\nsteps:\n  - point: BL23\n    sides: both\n",
    "two step kinds": "title: T\nsteps:\n  - say: Hi.\n    pause: 5s\n",
    "bad pressure": "title: T\nsteps:\n  - point: BL23\n    pressure: hard\n",
    "hold as a list": "title: T\nsteps:\n  - point: BL23\n    hold: [60s]\n",
    "steps not a list": "title: T\nsteps:\n  point: BL23\n",
    "no title": "steps:\n  - point: BL23\n",
    "unknown top-level key": "title: T\ntitel: U\nsteps:\n  - say: Hi.\n",
    "group without sides": "title: T\nsteps:\n  - steps:\n      - point: BL60\n",
    "group done together": "title: T\nsteps:\n  - sides: together\n    steps:\n      - point: BL60\n",
    "sides inside a group": "title: T\nsteps:\n  - sides: each\n    steps:\n      - point: BL60\n        sides: left\n",
    "group in a group": "title: T\nsteps:\n  - sides: each\n    steps:\n      - sides: each\n        steps:\n          - point: BL60\n",
    "unknown key in a group": "title: T\nsteps:\n  - sides: each\n    swich_sides: Now.\n    steps:\n      - point: BL60\n",
    "group with a say beside it": "title: T\nsteps:\n  - sides: each\n    say: Hi.\n    steps:\n      - point: BL60\n",
}


@pytest.mark.parametrize("text", [GOOD, GOOD_GROUP], ids=["point", "group by side"])
def test_a_good_routine_passes_the_schema_and_check(text, validator, tmp_path):
    validator.validate(yaml.safe_load(text))
    path = tmp_path / "good.yaml"
    path.write_text(text)
    assert CliRunner().invoke(cli, ["check", str(path)]).exit_code == 0


@pytest.mark.parametrize("text", BAD.values(), ids=BAD.keys())
def test_mistakes_fail_the_schema_and_check_alike(text, validator, tmp_path):
    assert list(validator.iter_errors(yaml.safe_load(text)))
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    assert CliRunner().invoke(cli, ["check", str(path)]).exit_code == 1
