"""``clamor serve``: the REST API and the map and timeline dashboard over a store."""

from __future__ import annotations

import click

from clamor.cli import cli
from clamor.cli.db import db_option, open_existing_store


@cli.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback exposes the dashboard "
                   "(reading is open) to the network.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--tokens", "tokens_file", type=click.Path(dir_okay=False, exists=True),
              help="File of write tokens, one 'TOKEN REVIEWER NAME' a line "
                   "(also: $CLAMOR_TOKEN, reviewer $CLAMOR_REVIEWER).")
@click.option("--tile-url", metavar="URL",
              help="A map tile layer, e.g. https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png "
                   "(default: none, the shipped country outlines work offline).")
def serve_command(db, host, port, tokens_file, tile_url) -> None:
    """Serve the REST API (/api, OpenAPI at /docs) and the dashboard (/) over a store.

    Reading is open; accepting, editing, rejecting, merging and splitting events and
    posting articles need 'Authorization: Bearer TOKEN', a token from $CLAMOR_TOKEN or
    --tokens. Without any token the dashboard is read-only.

    \b
    Example:
      clamor serve --db .demo/clamor.db
      CLAMOR_TOKEN=$(openssl rand -hex 16) CLAMOR_REVIEWER=ann clamor serve --db events.db
    """
    try:
        import uvicorn

        from clamor.api import create_app
        from clamor.api.security import load_tokens
    except ModuleNotFoundError as exc:
        raise click.UsageError(f"clamor serve needs the web extra ({exc.name} is missing): "
                               "pip install 'clamor[web]'") from None
    tokens = load_tokens(tokens_file)
    store = open_existing_store(db)
    app = create_app(store=store, tokens=tokens, tile_url=tile_url)
    click.echo(f"clamor serve: {store.url} at http://{host}:{port}/ "
               f"({'writes need a bearer token' if tokens else 'read-only: no write token'})",
               err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
