"""clamor's command line: a thin layer over the library.

Each command lives in its own module and registers itself on :data:`cli`; errors the
user can act on (:class:`clamor.errors.ClamorError`) become one line on stderr.
Exit codes: 0 all inputs processed, 1 some inputs failed, 2 usage error.
"""

from __future__ import annotations

import importlib
import click

from clamor._version import __version__
from clamor.errors import ClamorError, UsageError

#: Modules under ``clamor.cli`` that define commands; each adds itself to ``cli``.
COMMAND_MODULES = (
    "read",
    "schema",
    "extract",
    "geoparse",
    "ingest",
    "events",
    "export",
    "db",
    "evaluate",
    "train",
    "assess",
    "serve",
    "run",
    "watch",
)

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2


class ClamorGroup(click.Group):
    """A group that turns :class:`ClamorError` into a one-line message and exit code 1
    (2 for a :class:`clamor.errors.UsageError`)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ClamorError as exc:
            error = click.ClickException(str(exc))
            if isinstance(exc, UsageError):
                error.exit_code = EXIT_USAGE
            raise error from None


@click.group(cls=ClamorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="clamor")
def cli() -> None:
    """Turn news articles into geocoded, evidence-linked records of protest events.

    \b
    Example:
      clamor read article.txt --json
    """


for _name in COMMAND_MODULES:
    importlib.import_module(f"clamor.cli.{_name}")


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="clamor")
