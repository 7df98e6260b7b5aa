"""Pipelines for the runner tests, importable by Dask worker processes."""

from __future__ import annotations

import os

from tests.store.store_fakes import SyntheticPipeline

#: An article containing this word makes PoisonPipeline raise (a partition that fails).
POISON = "Poisontown"


class PoisonPipeline(SyntheticPipeline):
    """The synthetic pipeline, failing on any article that names :data:`POISON`; records
    the process that ran each article in CLAMOR_FAKE_PIDS (a folder), when set."""

    def process(self, article):
        if POISON in article.text:
            raise RuntimeError("poisoned article")
        folder = os.environ.get("CLAMOR_FAKE_PIDS")
        if folder:
            open(os.path.join(folder, str(os.getpid())), "a").close()
        return super().process(article)
