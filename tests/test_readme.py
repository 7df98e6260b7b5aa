"""README.md's console examples, run as written, so the output it shows cannot drift.

Every ```console block is a transcript: lines starting with ``$ `` are commands, the lines
after one are what it prints (stdout and stderr, in the order a terminal shows them). The
commands run one by one in bash, in a scratch folder laid out as the README implies: the
repository's ``examples/``, a ``report.pdf`` that is a PDF, no ``missing.txt``, and
``../shared`` when the shared data is present. A command must exit 0 unless the next one
is ``echo $?``, which prints its real exit status.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED

README = ROOT / "README.md"
BLOCK = re.compile(r"^```console\n(.*?)^```", re.S | re.M)
PROMPT = "$ "
#: Commands that run the spaCy pipeline (seconds to a minute each): marked slow.
SLOW_COMMANDS = ("clamor ingest", "clamor extract")
#: The scratch folder's ``report.pdf``: a PDF's magic bytes and a binary tail.
PDF_BYTES = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n\x00\x01\x02"


@dataclass
class Step:
    """One ``$ command`` and the lines the README shows after it."""

    command: str
    expected: list[str] = field(default_factory=list)


def parse_block(text: str) -> list[Step]:
    steps: list[Step] = []
    for line in text.splitlines():
        if line.startswith(PROMPT):
            steps.append(Step(line[len(PROMPT):]))
        elif steps:
            steps[-1].expected.append(line.rstrip())
        else:
            raise ValueError(f"console block starts with output, not '$ ': {line!r}")
    return steps


def console_blocks() -> list[list[Step]]:
    return [parse_block(m.group(1)) for m in BLOCK.finditer(README.read_text(encoding="utf-8"))]


def is_interleaving(expected: list[str], out: list[str], err: list[str]) -> bool:
    """True when ``expected`` is ``out`` and ``err`` interleaved, each in its own order (a
    terminal shows the two streams merged, in an order the test cannot observe)."""
    if len(expected) != len(out) + len(err):
        return False
    reachable = {(0, 0)}  # lines of out and err consumed so far
    for line in expected:
        reachable = ({(i + 1, j) for i, j in reachable if i < len(out) and out[i] == line}
                     | {(i, j + 1) for i, j in reachable if j < len(err) and err[j] == line})
        if not reachable:
            return False
    return True


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def _missing_requirement(steps: list[Step]) -> str | None:
    """Why the block cannot run here (a tool or the shared data is absent), else None."""
    for step in steps:
        if "../shared/" in step.command and not SHARED.is_dir():
            return f"needs {SHARED}"
        for segment in re.split(r"[|;&]+", step.command):
            words = segment.split()
            tool = words[0] if words else None
            if tool and tool not in ("echo", "cd") and shutil.which(tool, path=_path()) is None:
                return f"needs {tool} on the PATH"
    return None


def _path() -> str:
    # clamor's console script sits beside the interpreter running the tests (.venv/bin).
    return os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])


def _scratch(tmp_path: Path) -> Path:
    work = tmp_path / "work"
    work.mkdir()
    (work / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    (work / "report.pdf").write_bytes(PDF_BYTES)
    if SHARED.is_dir():
        (tmp_path / "shared").symlink_to(SHARED, target_is_directory=True)
    return work


def _params() -> list:
    params = []
    for n, steps in enumerate(console_blocks()):
        marks = [pytest.mark.slow] if any(s.command.startswith(SLOW_COMMANDS) for s in steps) else []
        params.append(pytest.param(steps, id=f"block{n}:{steps[0].command[:40]}", marks=marks))
    return params


@pytest.mark.parametrize("steps", _params())
def test_console_block_prints_what_the_readme_shows(steps, tmp_path):
    reason = _missing_requirement(steps)
    if reason:
        pytest.skip(reason)
    work = _scratch(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "CLAMOR_DB"}
    env.update(PATH=_path(), NO_COLOR="1", TERM="dumb")
    status = 0
    for n, step in enumerate(steps):
        # ``(exit N)`` hands the previous command's status to ``echo $?``.
        done = subprocess.run(["bash", "-c", f"set -o pipefail; (exit {status}); {step.command}"],
                              cwd=work, env=env, capture_output=True, text=True, timeout=600)
        out, err = _lines(done.stdout), _lines(done.stderr)
        assert is_interleaving(step.expected, out, err), (
            f"$ {step.command}\nREADME shows:\n" + "\n".join(step.expected)
            + "\nbut stdout was:\n" + "\n".join(out) + "\nand stderr was:\n" + "\n".join(err))
        next_checks_status = n + 1 < len(steps) and steps[n + 1].command.strip() == "echo $?"
        if not next_checks_status:
            assert done.returncode == 0, f"$ {step.command} exited {done.returncode}:\n{done.stderr}"
        status = done.returncode


def test_interleaving_check_can_fail():
    assert is_interleaving(["a", "x", "b"], ["a", "b"], ["x"])
    assert not is_interleaving(["b", "a", "x"], ["a", "b"], ["x"])
    assert not is_interleaving(["a", "b"], ["a", "b"], ["x"])


def test_readme_has_console_examples():
    commands = [s.command for steps in console_blocks() for s in steps]
    assert any(c.startswith("clamor read") for c in commands)
    assert any(c.startswith("clamor ingest") for c in commands)


def test_readme_and_make_demo_say_how_to_get_clamor_on_the_path():
    text = README.read_text(encoding="utf-8")
    first_command = text.index("$ clamor")
    assert "source .venv/bin/activate" in text[:first_command]
    if shutil.which("make") is None:
        pytest.skip("needs make")
    dry_run = subprocess.run(["make", "-n", "demo"], cwd=ROOT, capture_output=True, text=True)
    assert "source .venv/bin/activate" in dry_run.stdout
