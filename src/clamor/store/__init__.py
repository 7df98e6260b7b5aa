"""clamor's store: SQLite by default, PostgreSQL for teams.

>>> store = open_store("events.db")          # or a postgresql:// URL, or $CLAMOR_DB
>>> summary = store.ingest(extractions)       # or ingest_paths(store, ["articles/"])
>>> store.query_events(country="Kenya", min_sources=2)
>>> store.export("acled-csv", "events.csv")

SQLAlchemy loads on first use, not when ``clamor`` is imported. See docs/store.md.
"""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clamor.store.store import Store

_LAZY = {
    "Store": "clamor.store.store",
    "EventFilters": "clamor.store.records",
    "IngestSummary": "clamor.store.records",
    "SourceRef": "clamor.store.records",
    "StoredEvent": "clamor.store.records",
    "default_path": "clamor.store.engine",
    "resolve_url": "clamor.store.engine",
    "ingest_paths": "clamor.store.ingest",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'clamor.store' has no attribute {name!r}")


def open_store(url: str | os.PathLike | None = None, upgrade: bool = True) -> Store:
    """Open (and by default create or migrate) the store at ``url``.

    ``url`` is a SQLite file path, a SQLAlchemy URL (``postgresql://user@host/db``), or
    ``None`` for ``$CLAMOR_DB``, else ``clamor.db`` in the user data folder.
    """
    from clamor.store.engine import make_engine, resolve_url
    from clamor.store.migrate import head_revision
    from clamor.store.store import Store

    resolved = resolve_url(url)
    store = Store(make_engine(resolved), resolved)
    if upgrade and store.revision() != head_revision():
        store.upgrade()
    return store


__all__ = ["open_store", *_LAZY]
