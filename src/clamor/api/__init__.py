"""clamor's REST API and dashboard server (``clamor serve``), built with FastAPI.

>>> from clamor.api import create_app
>>> app = create_app("events.db", tokens={"a-long-random-token": "ann"})

FastAPI loads on first use, not when ``clamor`` is imported. See docs/serve.md.
"""

from __future__ import annotations

from typing import Any


def create_app(*args: Any, **kwargs: Any):
    """The ASGI app over a store: see :func:`clamor.api.app.create_app`."""
    from clamor.api.app import create_app as _create

    return _create(*args, **kwargs)


__all__ = ["create_app"]
