"""Options shared by every command that reads articles, and the batch report they print."""

from __future__ import annotations

import functools
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import click

from clamor.models import Article, ReadError
from clamor.options import (DEFAULT_FAST_PATH, DEFAULT_MAX_BYTES, DEFAULT_PREFILTER_THRESHOLD,
                            ColumnNames, Options)

T = TypeVar("T")

_SIZE_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3, "gb": 1024**3}


class ByteSize(click.ParamType):
    """A size such as ``500k``, ``50MB`` or ``1048576``."""

    name = "size"

    def convert(self, value: Any, param, ctx) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip().lower()
        number = text.rstrip("kmgb")
        unit = text[len(number):]
        try:
            return int(float(number) * _SIZE_UNITS[unit])
        except (ValueError, KeyError):
            self.fail(f"{value!r} is not a size like 500k, 50MB or 1048576", param, ctx)


def input_options(func: Callable) -> Callable:
    """PATHS, size limit, column names for JSONL/CSV, and the progress switch."""
    decorators = [
        click.argument("paths", nargs=-1, required=True, metavar="PATH..."),
        click.option("--max-size", type=ByteSize(), default=DEFAULT_MAX_BYTES, show_default="50MB",
                     help="Refuse inputs larger than this."),
        click.option("--id-column", default="id", show_default=True, help="JSONL/CSV id column."),
        click.option("--url-column", default="url", show_default=True, help="JSONL/CSV url column."),
        click.option("--title-column", default="title", show_default=True, help="JSONL/CSV title column."),
        click.option("--text-column", default="text", show_default=True, help="JSONL/CSV text column."),
        click.option("--published-column", default="published", show_default=True,
                     help="JSONL/CSV publication-date column."),
        click.option("--progress/--no-progress", default=None,
                     help="Show a progress bar on stderr (default: when stderr is a terminal)."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def _check_spacy_model(ctx: click.Context, param: click.Parameter, name: str | None) -> str | None:
    """A model that is neither an installed package nor a folder is a usage error, found
    before the batch starts rather than once per article."""
    import importlib.util
    from pathlib import Path

    if name is None or Path(name).is_dir() or importlib.util.find_spec(name) is not None:
        return name
    raise click.BadParameter(f"spaCy model {name!r} is not installed (a package name or a model folder)")


def model_options(command: Callable) -> Callable:
    """``--spacy-model`` and ``--model``: the models behind every extracting command."""
    command = click.option(
        "--model", "event_model", type=click.Path(exists=True, dir_okay=False), default=None,
        help="Event-type model artifact (.npz) to use instead of the shipped one.")(command)
    return click.option(
        "--spacy-model", default=None, metavar="NAME", callback=_check_spacy_model,
        help="spaCy English pipeline to load (default: $CLAMOR_SPACY_MODEL, else en_core_web_sm).",
    )(command)


def prefilter_option(command: Callable) -> Callable:
    """``--prefilter/--no-prefilter`` and ``--prefilter-threshold``: the pre-parse relevance
    filter (``Options.prefilter``), and ``--fast-path/--full-parse`` (``Options.fast_path``);
    the command receives ``prefilter``, ``prefilter_threshold`` and ``fast_path``."""
    command = click.option(
        "--fast-path/--full-parse", default=DEFAULT_FAST_PATH, show_default=True,
        help="Parse only the sentences that can hold an event (a trigger word, its neighbours, "
             "the lead); skip, unparsed, articles with no trigger word (status not_relevant)."
    )(command)
    command = click.option(
        "--prefilter-threshold", type=click.FloatRange(0, 1), default=DEFAULT_PREFILTER_THRESHOLD,
        show_default=True, help="Relevance score below which --prefilter skips an article.")(command)
    return click.option(
        "--prefilter/--no-prefilter", default=False, show_default=True,
        help="Skip, unparsed, articles the relevance model sees no sign of a codable event in "
             "(status not_relevant, counted in the summary).")(command)


def workers_option(command: Callable) -> Callable:
    """``--workers N``: extract in N processes (same output, same order as one)."""
    return click.option(
        "--workers", type=click.IntRange(1), default=1, show_default=True,
        help="Worker processes extracting at once (output order and results as with 1).")(command)


def registry_option(command: Callable) -> Callable:
    """``--registry FILE`` (repeatable): publisher registries merged over the shipped one,
    for every command that assesses sources; the command receives ``registries``."""
    return click.option(
        "--registry", "registries", multiple=True, type=click.Path(exists=True, dir_okay=False),
        help="Extra publisher registry file (TOML or JSON), merged over the shipped one. "
             "Repeatable.")(command)


def build_options(max_size: int, id_column: str, url_column: str, title_column: str,
                  text_column: str, published_column: str, **extra: Any) -> Options:
    """The :class:`Options` for the values of :func:`input_options` (and of
    :func:`model_options` and :func:`registry_option` when the command has them)."""
    columns = ColumnNames(id=id_column, url=url_column, title=title_column, text=text_column,
                          published=published_column)
    if "registries" in extra:
        extra["registry_paths"] = tuple(extra.pop("registries"))
    if extra.get("spacy_model") is None:
        extra.pop("spacy_model", None)  # keep the $CLAMOR_SPACY_MODEL default
    return Options(max_bytes=max_size, columns=columns, **extra)


def with_progress(items: Iterable[T], enabled: bool | None, label: str = "reading") -> Iterator[T]:
    """Yield ``items`` while a progress counter runs on stderr."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield from items
        return
    from rich.console import Console
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn(f"{label}"), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(label, total=None)
        for item in items:
            yield item
            progress.advance(task)


class BatchReport:
    """Counts what a batch read and failed; errors go to stderr as they happen."""

    def __init__(self) -> None:
        self.read = 0
        self.failed = 0
        self.statuses: Counter[str] = Counter()

    def articles(self, items: Iterable[Article | ReadError]) -> Iterator[Article]:
        """Pass articles on; print each error as one line and count it."""
        for item in items:
            if isinstance(item, ReadError):
                self.failed += 1
                click.echo(f"error: {item}", err=True)
                continue
            self.read += 1
            self.statuses[item.status.value] += 1
            yield item

    def extracted(self, extraction) -> None:
        """Count a status the pipeline gave (``not_relevant``: dropped by the prefilter)."""
        status = extraction.article.status.value
        if status == "not_relevant":
            self.statuses["ok"] -= 1
            self.statuses[status] += 1

    def summary(self) -> str:
        parts = [f"{self.read} article{'s' if self.read != 1 else ''} read"]
        parts += [f"{n} {status.replace('_', ' ')}" for status, n in sorted(self.statuses.items())
                  if status != "ok"]
        parts.append(f"{self.failed} input{'s' if self.failed != 1 else ''} failed")
        return ", ".join(parts)

    def finish(self) -> int:
        """Print the summary; return the exit code (1 when anything failed)."""
        click.echo(self.summary(), err=True)
        return 1 if self.failed else 0


def input_command(func: Callable) -> Callable:
    """Mark a command that reads inputs: exit with the code the command returns."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        code = func(*args, **kwargs)
        click.get_current_context().exit(code or 0)

    return wrapper
