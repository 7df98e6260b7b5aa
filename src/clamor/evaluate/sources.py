"""False-alarm measurement of source assessment on wire-style news.

GLOCON's South African agency copy (Sapa, ANA, AFP) and IndiaPoliceEvents' Times of India
articles are ordinary news: a source assessment that flags them partisan, or finds loaded
language in them at the seed's rate, raises false alarms. The seed article (published by
PMOI/MEK) is measured beside them for contrast.

Every text goes through the reader (:func:`clamor.read_text`) first, as in the pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from clamor.assess import assess_source
from clamor.models import Article, SourceAssessment
from clamor.options import Options

#: Folder of the seed article relative to the data folder (``../seed`` beside ``data``).
SEED_RELATIVE = Path("..") / "seed" / "000_b6cf2e3194669141.txt"


def _article(text: str, article_id: str, url: str | None = None) -> Article:
    try:
        from clamor.ingest import read_text

        meta = {"url": url} if url else {}
        return read_text(text, **meta)
    except Exception:  # noqa: BLE001 - the reader is another stage; measure raw text then
        return Article(article_id=article_id, text=text, url=url)


def _percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100.0
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def summarise(assessments: Iterable[SourceAssessment], prefix: str) -> dict[str, float | int]:
    """Counts and rates over a corpus of assessments, keys prefixed ``prefix_``."""
    items = list(assessments)
    n = len(items)
    loaded = [a.rates.get("loaded_term", 0.0) for a in items]
    unattributed = [a.rates.get("unattributed_claim", 0.0) for a in items]
    out: dict[str, float | int] = {
        f"{prefix}_docs": n,
        f"{prefix}_partisan_share": round(sum(a.partisan for a in items) / n, 4) if n else 0.0,
        # partisan flags not explained by a state-run outlet reporting on its own state:
        # on wire corpora every one of these is a false alarm
        f"{prefix}_partisan_not_state_run_share": round(
            sum(a.partisan and a.publisher_type != "state_run_outlet" for a in items) / n, 4)
            if n else 0.0,
        f"{prefix}_publisher_identified_share":
            round(sum(a.publisher_type is not None for a in items) / n, 4) if n else 0.0,
        f"{prefix}_loaded_rate_mean": round(sum(loaded) / n, 2) if n else 0.0,
        f"{prefix}_loaded_rate_p90": round(_percentile(loaded, 90), 2),
        f"{prefix}_any_loaded_share":
            round(sum(r > 0 for r in loaded) / n, 4) if n else 0.0,
        f"{prefix}_unattributed_rate_mean": round(sum(unattributed) / n, 2) if n else 0.0,
        f"{prefix}_attributed_rate_mean": round(
            sum(a.rates.get("attributed_claim", 0.0) for a in items) / n, 2) if n else 0.0,
        f"{prefix}_advocacy_or_call_share": round(
            sum(any(s.kind in ("first_person_advocacy", "call_to_action") for s in a.signals)
                for a in items) / n, 4) if n else 0.0,
    }
    return out


def evaluate(data_dir: Path, limit: int | None = None,
             options: Options | None = None) -> dict[str, float | int]:
    """False alarms on GLOCON documents and IndiaPoliceEvents articles, and the seed.

    Returns flat figures: ``glocon_*``, ``ipe_*`` and ``wire_*`` (both together) with
    ``_docs``, ``_partisan_share``, ``_partisan_not_state_run_share``, ``_loaded_rate_mean``,
    ``_loaded_rate_p90`` (loaded terms per 1,000 words), ``_any_loaded_share``,
    ``_unattributed_rate_mean``, ``_attributed_rate_mean``,
    ``_advocacy_or_call_share``, ``_publisher_identified_share``; and ``seed_*`` (partisan
    0/1, loaded rate) when the seed sits at ``data_dir/../seed``.
    ``limit`` caps the documents read from each corpus.
    """
    from clamor.evaluate.gold import read_glocon_documents, read_india_police_events

    options = options or Options()
    data_dir = Path(data_dir)
    glocon = [
        assess_source(_article(doc.text, doc.id), options)
        for doc in read_glocon_documents(data_dir / "glocon_sample" / "document_Sabinet_R.json",
                                         limit=limit)
    ]
    ipe = [
        assess_source(_article(doc.text, doc.id, doc.url), options)
        for doc in read_india_police_events(data_dir / "india_police_events", level="document",
                                            limit=limit)
    ]
    results: dict[str, float | int] = {}
    results.update(summarise(glocon, "glocon"))
    results.update(summarise(ipe, "ipe"))
    results.update(summarise(glocon + ipe, "wire"))
    seed = data_dir / SEED_RELATIVE
    if seed.is_file():
        text = seed.read_text(encoding="utf-8")
        a = assess_source(_article(text, "seed"), options)
        results["seed_partisan"] = int(a.partisan)
        results["seed_loaded_rate"] = a.rates.get("loaded_term", 0.0)
        results["seed_unattributed_rate"] = a.rates.get("unattributed_claim", 0.0)
        results["seed_attributed_rate"] = a.rates.get("attributed_claim", 0.0)
    return results


def main(argv: list[str] | None = None) -> None:
    """``python -m clamor.evaluate.sources [DATA_DIR] [LIMIT]``: print the figures."""
    import json
    import os
    import sys

    args = sys.argv[1:] if argv is None else argv
    data = Path(args[0] if args else os.environ.get("CLAMOR_DATA", "../shared/data"))
    limit = int(args[1]) if len(args) > 1 else None
    print(json.dumps(evaluate(data, limit), indent=2))


if __name__ == "__main__":
    main()
