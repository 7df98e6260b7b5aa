"""Expand what the user named (files, directories, globs, ``-``) into inputs to read."""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from clamor.errors import EmptyInputError, InputError, TooLargeError

STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class Source:
    """One input: a file path, or standard input."""

    name: str
    path: str | None = None

    def load(self, max_bytes: int, stdin: BinaryIO | None = None) -> bytes:
        """Read the whole input, refusing empty files and files over ``max_bytes``."""
        if self.path is None:
            stream = stdin or sys.stdin.buffer
            data = stream.read(max_bytes + 1)
        else:
            data = self._read_file(max_bytes)
        if len(data) > max_bytes:
            raise TooLargeError(self.name, f"larger than the size limit of {max_bytes:,} bytes (--max-size)")
        if not data.strip():
            raise EmptyInputError(self.name, "empty file")
        return data

    def _read_file(self, max_bytes: int) -> bytes:
        try:
            size = os.path.getsize(self.path)
            if size > max_bytes:
                raise TooLargeError(
                    self.name, f"{size:,} bytes, over the size limit of {max_bytes:,} (--max-size)"
                )
            with open(self.path, "rb") as handle:
                return handle.read(max_bytes + 1)
        except PermissionError:
            raise InputError(self.name, "permission denied") from None
        except IsADirectoryError:
            raise InputError(self.name, "is a directory") from None
        except FileNotFoundError:
            raise InputError(self.name, "no such file (or a broken link)") from None
        except OSError as exc:
            raise InputError(self.name, f"cannot read: {exc.strerror or exc}") from None


def _has_glob(pattern: str) -> bool:
    return any(ch in pattern for ch in "*?[")


def _walk(directory: str) -> Iterator[Source | InputError]:
    def on_error(exc: OSError) -> None:
        errors.append(InputError(exc.filename or directory, "cannot list directory: permission denied"
                                 if isinstance(exc, PermissionError) else f"cannot list directory: {exc}"))

    errors: list[InputError] = []
    for root, dirs, files in os.walk(directory, onerror=on_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Source(os.path.join(root, name), os.path.join(root, name))
        yield from errors
        errors.clear()
    yield from errors


def iter_sources(paths: Iterable[str]) -> Iterator[Source | InputError]:
    """Inputs in a stable order; names that match nothing come back as errors."""
    for given in paths:
        if given == "-":
            yield Source(STDIN_NAME)
        elif os.path.isdir(given):
            yield from _walk(given)
        elif os.path.lexists(given):
            yield Source(given, given)
        elif _has_glob(given):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                yield InputError(given, "no file matches this pattern")
            for match in matches:
                yield from _walk(match) if os.path.isdir(match) else iter([Source(match, match)])
        else:
            yield InputError(given, "no such file or directory")
