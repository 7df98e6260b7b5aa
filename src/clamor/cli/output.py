"""The one shared set of output options (``--table``, ``--json``, ``--csv``) and writers."""

from __future__ import annotations

import csv
import functools
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import click

FORMATS = ("table", "json", "csv")

#: Width of tables written to a pipe or file, wide enough for ids and dates unbroken.
PIPED_TABLE_WIDTH = 200


def output_options(default: str = "table") -> Callable:
    """Add ``--table/--json/--csv`` to a command; the command receives ``fmt``."""

    def decorator(func: Callable) -> Callable:
        @click.option("--table", "fmt", flag_value="table",
                      help="Print a table" + (" (default)." if default == "table" else "."))
        @click.option("--json", "fmt", flag_value="json",
                      help="Print JSON Lines: one object per record"
                      + (" (default)." if default == "json" else "."))
        @click.option("--csv", "fmt", flag_value="csv",
                      help="Print CSV with a header row" + (" (default)." if default == "csv" else "."))
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            # click gives flags that share a destination no reliable default: set it here.
            kwargs["fmt"] = kwargs.get("fmt") or default
            return func(*args, **kwargs)

        return wrapper

    return decorator


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def write_json_line(obj: dict[str, Any], stream=None) -> None:
    """Write one JSON object as a line (dates as ISO strings)."""
    stream = stream or sys.stdout
    stream.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")


class RowWriter:
    """Write rows as they come (JSON, CSV) or collect them for one table at the end."""

    def __init__(self, fmt: str, columns: Sequence[str], title: str | None = None):
        self.fmt = fmt
        self.columns = list(columns)
        self.title = title
        self._table_rows: list[list[str]] = []
        self._csv = None

    def write(self, row: dict[str, Any], full: dict[str, Any] | None = None) -> None:
        """Write ``row`` (table/CSV columns); JSON writes ``full`` when given."""
        if self.fmt == "json":
            write_json_line(full if full is not None else row)
        elif self.fmt == "csv":
            if self._csv is None:
                self._csv = csv.writer(sys.stdout)
                self._csv.writerow(self.columns)
            self._csv.writerow([_cell(row.get(c)) for c in self.columns])
        else:
            self._table_rows.append([_cell(row.get(c)) for c in self.columns])

    def write_all(self, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            self.write(row)

    def close(self) -> None:
        """Print the collected table (no-op for JSON and CSV)."""
        if self.fmt != "table" or not self._table_rows:
            return
        from rich.console import Console
        from rich.table import Table

        table = Table(title=self.title, show_lines=False)
        for column in self.columns:
            table.add_column(column, overflow="fold", no_wrap=column.endswith("_id"))
        for row in self._table_rows:
            table.add_row(*row)
        # Piped output has no terminal width: use a wide page rather than rich's 80.
        Console(width=None if sys.stdout.isatty() else PIPED_TABLE_WIDTH).print(table)
