"""Browser fixtures: the demo's events (examples/ through the real pipeline) plus one
hostile article, served by ``clamor serve``'s app on a loopback port, and Debian's
Chromium driven by Playwright. Every test saves a screenshot under pytest's temporary
folder (``screenshots`` below, printed at the end of the session)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.api.conftest import REVIEWER, TOKEN, hostile_extraction
from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
#: Flags for a sandbox with no network but loopback: no background connections to Google.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.skip("no Chromium (bash .ci/install-chromium.sh installs Debian's)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory, browser):
    """The events ``make demo`` stores, and a hostile article."""
    from clamor.store import ingest_paths, open_store

    store = open_store(tmp_path_factory.mktemp("web") / "demo.db")
    ingest_paths(store, [str(ROOT / "examples")])
    store.ingest([hostile_extraction()])
    yield store
    store.close()


@pytest.fixture(scope="session")
def server(demo_store):
    """The base URL of the app, served by uvicorn in a thread on a free loopback port."""
    import uvicorn

    from clamor.api import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    app = create_app(store=demo_store, tokens={TOKEN: REVIEWER})
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(200):  # bounded wait for start-up
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory):
    folder = tmp_path_factory.mktemp("screenshots")
    yield folder
    print(f"\nscreenshots: {folder}")


@pytest.fixture
def page(browser, server, screenshots, request):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=server)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.errors = errors
    yield pg
    pg.screenshot(path=str(screenshots / f"{request.node.name}.png"), full_page=True)
    context.close()
