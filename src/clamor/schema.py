"""JSON Schemas of clamor's public records, generated from :mod:`clamor.models`."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from clamor import models

RECORDS: dict[str, type[BaseModel]] = {
    "article": models.Article,
    "event": models.Event,
    "reaction": models.Reaction,
    "source": models.SourceAssessment,
    "extraction": models.Extraction,
    "read-error": models.ReadError,
}


def json_schema(record: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``record``, one of :data:`RECORDS`."""
    model = RECORDS[record.lower()]
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://clamor.invalid/schema/{record.lower()}.json"
    return schema
