"""schemathesis against the OpenAPI document: generated requests to every operation,
with a valid bearer token, never get a server error (5xx)."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis not installed")
from hypothesis import HealthCheck, settings  # noqa: E402

from tests.api.conftest import AUTH, REVIEWER, TOKEN, fill  # noqa: E402

#: Generated cases per operation: enough to hit every parameter's edge values (empty,
#: huge, odd characters, missing fields) while keeping the whole run to seconds.
MAX_EXAMPLES = 25


class EmptyPipeline:
    """Posted articles go through the real reading and storing, with no spaCy run."""

    def process(self, article):
        from clamor.models import Extraction

        return Extraction(article=article)


def _app():
    """The app over a fresh store in a temporary folder (built when the module loads:
    schemathesis reads the OpenAPI document to generate the tests)."""
    import atexit
    import shutil
    import tempfile
    from pathlib import Path

    from clamor.api import create_app
    from clamor.store import open_store

    folder = Path(tempfile.mkdtemp(prefix="clamor-openapi-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    store = open_store(folder / "api.db")
    fill(store)
    return create_app(store=store, tokens={TOKEN: REVIEWER}, pipeline_factory=EmptyPipeline)


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_server_error(case):
    response = case.call(headers=AUTH)
    assert response.status_code < 500, (case.method, case.formatted_path, response.text[:300])
