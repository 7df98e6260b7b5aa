"""``clamor schema``: print the JSON Schema of clamor's records."""

from __future__ import annotations

import json

import click

from clamor.cli import cli
from clamor.schema import RECORDS, json_schema


@cli.command("schema")
@click.argument("record", required=False, default="article",
                type=click.Choice(sorted(RECORDS), case_sensitive=False))
def schema_command(record: str) -> None:
    """Print the JSON Schema of a record type (default: article).

    \b
    Example:
      clamor schema article > article.schema.json
      clamor schema extraction
    """
    click.echo(json.dumps(json_schema(record), indent=2, ensure_ascii=False))
