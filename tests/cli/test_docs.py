"""Every command shows an example in --help and is documented in the README."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from clamor.cli import cli

README = Path(__file__).resolve().parents[2] / "README.md"


def _commands():
    return sorted(cli.commands)


@pytest.mark.parametrize("name", _commands())
def test_help_has_an_example(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
    assert f"clamor {name}" in result.output


@pytest.mark.parametrize("name", _commands())
def test_command_is_in_readme(name):
    assert f"clamor {name}" in README.read_text(encoding="utf-8")


def test_schema_prints_valid_json_schema():
    import json

    import jsonschema

    result = CliRunner().invoke(cli, ["schema", "article"])
    schema = json.loads(result.output)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert "article_id" in schema["properties"]
