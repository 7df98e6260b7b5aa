"""``clamor serve``: refuses what it cannot serve before starting; binds loopback."""

from __future__ import annotations

from click.testing import CliRunner

from clamor.cli import cli
from clamor.cli.serve import serve_command


def test_a_missing_database_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "no such database" in result.output


def test_a_short_token_is_a_usage_error(tmp_path):
    from clamor.store import open_store

    open_store(tmp_path / "ok.db").close()
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "ok.db")],
                                env={"CLAMOR_TOKEN": "short"})
    assert result.exit_code == 2
    assert "shorter than 16" in result.output


def test_it_binds_loopback_unless_told():
    host = next(p for p in serve_command.params if p.name == "host")
    assert host.default == "127.0.0.1"
