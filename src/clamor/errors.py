"""Named exceptions. The CLI turns each into a one-line message and an exit code."""


class ClamorError(Exception):
    """Base class for errors clamor reports to the user without a traceback."""


class InputError(ClamorError):
    """An input file or record could not be read."""

    def __init__(self, source: str, message: str, line: int | None = None):
        self.source = source
        self.line = line
        self.message = message
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {message}")


class EmptyInputError(InputError):
    """The input holds no text."""


class BinaryInputError(InputError):
    """The input is a binary file (PDF, image, archive) clamor cannot read."""


class TooLargeError(InputError):
    """The input is larger than the configured size limit."""


class FormatError(InputError):
    """The input is malformed for the format it claims to be."""


class ModelNotFoundError(ClamorError):
    """The configured spaCy model (or clamor model artifact) is not installed."""


class StoreError(ClamorError):
    """The database could not be opened or written."""


class UsageError(ClamorError):
    """The command was called wrongly; the CLI exits with status 2, not 1."""


class DatabaseNotFoundError(UsageError, StoreError):
    """A command that only reads was given a SQLite database file that does not exist."""

    def __init__(self, path: str):
        self.path = path
        super().__init__(f"{path}: no such database (only 'clamor ingest' and "
                         "'clamor db upgrade' create one)")
