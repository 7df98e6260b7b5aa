"""The shipped migrations build exactly the schema in clamor.store.schema."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from clamor.store import open_store
from clamor.store.migrate import MIGRATIONS, head_revision
from clamor.store.schema import include_name, metadata

VIEWS = {"event_list", "event_source_list", "article_list", "reaction_list"}


def test_migrations_ship_inside_the_package():
    assert (MIGRATIONS / "env.py").is_file()
    assert head_revision() == "0003"


def test_upgraded_database_matches_the_schema(db_url):
    store = open_store(db_url)
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        diff = compare_metadata(context, metadata)
    assert diff == []
    assert VIEWS <= set(inspect(store.engine).get_view_names())
    store.close()


def test_upgrade_is_idempotent_and_downgrade_drops_everything(db_url):
    from alembic import command

    from clamor.store.migrate import alembic_config

    store = open_store(db_url)
    assert store.upgrade() == "0003"
    config = alembic_config()
    with store.engine.connect().execution_options(clamor_write=True) as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "base")
        conn.commit()
    names = set(inspect(store.engine).get_table_names()) | set(
        inspect(store.engine).get_view_names())
    assert names <= {"alembic_version"}
    assert store.upgrade() == "0003"
    store.close()
