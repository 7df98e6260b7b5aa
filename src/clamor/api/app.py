"""The FastAPI app: routers, JSON errors, security headers and the dashboard's files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from clamor._version import __version__
from clamor.api.security import MAX_BODY_BYTES, SecurityMiddleware, content_security_policy
from clamor.errors import ClamorError, StoreError
from clamor.options import Options
from clamor.store.review import EventNotFoundError, ReviewError

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, "status": status, **extra}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(x) for x in err.get("loc", ()) if x != "body")
        parts.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
    return "invalid request: " + "; ".join(parts)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        response = _error(exc.status_code, str(exc.detail))
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        return _error(422, _validation_message(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        import logging

        logging.getLogger("clamor.api").exception("%s %s", request.method, request.url.path)
        return _error(500, f"internal error: {type(exc).__name__}")

    @app.exception_handler(ClamorError)
    async def clamor_error(request: Request, exc: ClamorError):
        if isinstance(exc, EventNotFoundError):
            return _error(404, str(exc))
        if isinstance(exc, ReviewError):
            return _error(400, str(exc))
        if isinstance(exc, StoreError):
            return _error(503, str(exc))
        return _error(400, str(exc))


def _vendor_dirs() -> dict[str, str]:
    """Leaflet and its marker-cluster plugin, served from their XStatic packages."""
    import xstatic.pkg.leaflet as leaflet
    import xstatic.pkg.leaflet_markercluster as markercluster

    return {"leaflet": leaflet.BASE_DIR, "markercluster": markercluster.BASE_DIR}


def _add_pages(app: FastAPI) -> None:
    pages = {"/": "index.html", "/docs": "docs.html"}

    for route, name in pages.items():
        def page(name: str = name) -> FileResponse:
            return FileResponse(STATIC / name)
        app.api_route(route, methods=["GET", "HEAD"], include_in_schema=False)(page)

    @app.api_route("/event/{event_id}", methods=["GET", "HEAD"], include_in_schema=False)
    def event_page(event_id: str) -> FileResponse:
        return FileResponse(STATIC / "event.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for name, folder in _vendor_dirs().items():
        app.mount(f"/vendor/{name}", StaticFiles(directory=folder), name=name)


def create_app(db: str | os.PathLike | None = None, tokens: dict[str, str] | None = None,
               tile_url: str | None = None, options: Options | None = None,
               pipeline_factory=None, store=None) -> FastAPI:
    """The ASGI app over the store at ``db`` (or an open ``store``).

    ``tokens`` maps write tokens to reviewer names (none: every write is refused);
    ``tile_url`` is an optional ``https://{s}.tile.../{z}/{x}/{y}.png`` map background
    (without one the map draws the shipped country outlines only);
    ``pipeline_factory`` returns the :class:`clamor.pipeline.Pipeline` that posted
    articles go through (built on first use).
    """
    from clamor.api import articles, events, review
    from clamor.store import open_store

    options = options or Options()
    app = FastAPI(title="clamor", version=__version__, docs_url=None, redoc_url=None,
                  description="Protest events extracted from news articles, with their "
                  "evidence, sources and review. Reading is open; writing needs "
                  "`Authorization: Bearer TOKEN`.")
    app.state.store = store if store is not None else open_store(db)
    app.state.tokens = dict(tokens or {})
    app.state.options = options
    app.state.tile_url = tile_url
    app.state.pipeline = _lazy_pipeline(options, pipeline_factory)
    for module in (events, review, articles):
        app.include_router(module.router)

    @app.get("/api/settings", tags=["settings"], summary="What the dashboard needs to know")
    def settings() -> dict[str, Any]:
        return {"version": __version__, "tile_url": tile_url,
                "writes_enabled": bool(app.state.tokens), "max_body_bytes": MAX_BODY_BYTES}

    _add_error_handlers(app)
    _add_pages(app)
    app.add_middleware(SecurityMiddleware, csp=content_security_policy(tile_url))
    return app


def _lazy_pipeline(options: Options, factory=None):
    """A function returning one pipeline, built (spaCy loaded) on the first posted article."""
    built: list = []

    def get():
        if not built:
            if factory is not None:
                built.append(factory())
            else:
                from clamor.pipeline import Pipeline

                built.append(Pipeline(options))
        return built[0]

    return get
