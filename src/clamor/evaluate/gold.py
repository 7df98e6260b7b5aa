"""Gold readers: each development format read into typed gold records.

Every reader takes a path (so a user can point it at their own file of the same format)
and an optional ``limit``, streams records, and raises :class:`clamor.errors.FormatError`
naming the file (and line) when the file is not in the format it claims.

Formats: ACLED CSV exports (``notes`` + coded fields, 2019+ and pre-2019 taxonomy), CASE
2021 task 2 TSV, GLOCON document and sentence JSONL, IndiaPoliceEvents CSV (docs, sents,
metadata). LGL and GeoVirus XML are read by :mod:`clamor.evaluate.geoparsing`.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from pydantic import Field

from clamor.errors import FormatError, InputError
from clamor.evaluate.taxonomy import (
    CASE_CODES,
    CASE_OUT_OF_TAXONOMY,
    OLD_TYPE_TO_NEW,
    event_type_of,
)
from clamor.models import Record

#: Share of ACLED rows (by a hash of ``event_id_cnty``) held out from training and used for
#: the reported scores. 20 % keeps ~1,900 held-out 2019+ rows: enough for a stable macro-F1
#: over six types while leaving ~7,800 rows to train on.
HELDOUT_PERCENT = 20

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def is_heldout(row_id: str, percent: int = HELDOUT_PERCENT) -> bool:
    """Whether a row belongs to the fixed held-out split (stable across runs and machines)."""
    digest = hashlib.sha1(row_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 100 < percent


# --------------------------------------------------------------------------- records


class AcledGold(Record):
    """One ACLED event as coded, with the coder's notes as the text."""

    event_id: str
    text: str = Field(description="the ACLED notes")
    event_date: dt.date | None = None
    time_precision: int | None = None
    event_type: str
    sub_event_type: str | None = None
    event_type_2019: str | None = Field(
        default=None, description="2019+ event type (mapped for pre-2019 rows where unambiguous)"
    )
    actor1: str | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    taxonomy: str = "2019+"
    line: int


class CaseGold(Record):
    """One CASE 2021 task 2 snippet and its label (None sub-type: out of taxonomy)."""

    id: str
    text: str
    code: str
    sub_event_type: str | None = None
    event_type: str | None = None
    line: int


class LabelledText(Record):
    """A document or sentence with binary labels (GLOCON, IndiaPoliceEvents)."""

    id: str
    text: str
    labels: dict[str, bool] = Field(default_factory=dict)
    raw_label: int | None = None
    url: str | None = None
    published: dt.date | None = None
    doc_id: str | None = None
    line: int


# --------------------------------------------------------------------------- helpers


def _open(path: str | Path):
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such file")
    return path.open(encoding="utf-8", newline="")


def _blank(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _int(value: str | None) -> int | None:
    value = _blank(value)
    return int(float(value)) if value is not None else None


def _float(value: str | None) -> float | None:
    value = _blank(value)
    return float(value) if value is not None else None


def _date(value: str | None) -> dt.date | None:
    value = _blank(value)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        for fmt in ("%d %B %Y", "%d-%B-%Y", "%d/%m/%Y"):
            try:
                return dt.datetime.strptime(value, fmt).date()
            except ValueError:
                pass
    raise ValueError(f"unreadable date {value!r}")


def _require(reader: csv.DictReader, columns: set[str], path) -> None:
    missing = columns - set(reader.fieldnames or ())
    if missing:
        raise FormatError(str(path), f"missing column(s): {', '.join(sorted(missing))}", line=1)


# --------------------------------------------------------------------------- ACLED


def read_acled(
    path: str | Path, taxonomy: str | None = "2019+", limit: int | None = None
) -> Iterator[AcledGold]:
    """ACLED CSV export rows with non-empty notes. ``taxonomy`` None keeps every row.

    Rows without a ``taxonomy`` column are taken as 2019+ when they carry a sub-event type.
    """
    with _open(path) as handle:
        reader = csv.DictReader(handle)
        _require(reader, {"event_id_cnty", "event_type", "notes"}, path)
        count = 0
        for line, row in enumerate(reader, start=2):
            tax = _blank(row.get("taxonomy")) or (
                "2019+" if _blank(row.get("sub_event_type")) else "pre-2019"
            )
            if taxonomy is not None and tax != taxonomy:
                continue
            text = _blank(row.get("notes"))
            if text is None:
                continue
            try:
                sub = _blank(row.get("sub_event_type"))
                etype = row["event_type"].strip()
                if tax == "2019+":
                    new_type = etype
                else:
                    new_type = OLD_TYPE_TO_NEW.get(etype)
                yield AcledGold(
                    event_id=row["event_id_cnty"].strip(),
                    text=text,
                    event_date=_date(row.get("event_date")),
                    time_precision=_int(row.get("time_precision")),
                    event_type=etype,
                    sub_event_type=sub,
                    event_type_2019=new_type if tax == "2019+" else (new_type or event_type_of(sub)),
                    actor1=_blank(row.get("actor1")),
                    assoc_actor_1=_blank(row.get("assoc_actor_1")),
                    actor2=_blank(row.get("actor2")),
                    assoc_actor_2=_blank(row.get("assoc_actor_2")),
                    country=_blank(row.get("country")),
                    admin1=_blank(row.get("admin1")),
                    admin2=_blank(row.get("admin2")),
                    location=_blank(row.get("location")),
                    latitude=_float(row.get("latitude")),
                    longitude=_float(row.get("longitude")),
                    geo_precision=_int(row.get("geo_precision")),
                    fatalities=_int(row.get("fatalities")),
                    taxonomy=tax,
                    line=line,
                )
            except (ValueError, KeyError) as exc:
                raise FormatError(str(path), str(exc), line=line) from None
            count += 1
            if limit is not None and count >= limit:
                return


# --------------------------------------------------------------------------- CASE 2021


def read_case(path: str | Path, limit: int | None = None) -> Iterator[CaseGold]:
    """CASE 2021 task 2 TSV (``id``, ``EventSnippet``, ``SubType``)."""
    with _open(path) as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        _require(reader, {"id", "EventSnippet", "SubType"}, path)
        for count, (line, row) in enumerate(enumerate(reader, start=2), start=1):
            code = (row.get("SubType") or "").strip().upper()
            if code in CASE_CODES:
                sub = CASE_CODES[code]
            elif code in CASE_OUT_OF_TAXONOMY:
                sub = None
            else:
                raise FormatError(str(path), f"unknown CASE label {code!r}", line=line)
            yield CaseGold(
                id=row["id"].strip(),
                text=(row.get("EventSnippet") or "").strip(),
                code=code,
                sub_event_type=sub,
                event_type=event_type_of(sub),
                line=line,
            )
            if limit is not None and count >= limit:
                return


# --------------------------------------------------------------------------- GLOCON


def _jsonl(path: str | Path) -> Iterator[tuple[int, dict]]:
    with _open(path) as handle:
        for line, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise FormatError(str(path), f"invalid JSON: {exc.msg}", line=line) from None
            if not isinstance(obj, dict):
                raise FormatError(str(path), "expected a JSON object", line=line)
            yield line, obj


def _glocon(path, text_key: str, limit: int | None) -> Iterator[LabelledText]:
    count = 0
    for line, obj in _jsonl(path):
        if text_key not in obj or "label" not in obj:
            raise FormatError(str(path), f"missing '{text_key}' or 'label'", line=line)
        label = int(obj["label"])
        # GLOCON: 1 = the text reports a protest that happened; 2 = a protest only planned,
        # threatened or called for (not an event by ACLED's rules); 0 = no protest.
        yield LabelledText(
            id=str(obj.get("id", line)),
            text=str(obj[text_key]),
            labels={"protest": label == 1},
            raw_label=label,
            url=obj.get("url"),
            line=line,
        )
        count += 1
        if limit is not None and count >= limit:
            return


def read_glocon_documents(path: str | Path, limit: int | None = None) -> Iterator[LabelledText]:
    """GLOCON document JSONL (``id``, ``url``, ``text``, ``label``)."""
    return _glocon(path, "text", limit)


def read_glocon_sentences(path: str | Path, limit: int | None = None) -> Iterator[LabelledText]:
    """GLOCON sentence JSONL (``id``, ``url``, ``sent_num``, ``sentence``, ``label``)."""
    return _glocon(path, "sentence", limit)


# --------------------------------------------------------------------------- IndiaPoliceEvents

#: Source and terms of the labelled document and sentence datasets, as model cards cite them.
DATASET_TERMS = {
    "glocon": "GLOCON gold sample (emerging-welfare/glocongold), public sample, research use.",
    "ipe": "IndiaPoliceEvents (Halterman et al. 2021, slanglab/IndiaPoliceEvents), research use.",
}

#: IndiaPoliceEvents label columns (Halterman et al. 2021).
IPE_LABELS = ("KILL", "ARREST", "FAIL", "FORCE", "ANY_ACTION")


def _ipe_metadata(folder: Path) -> dict[str, tuple[dt.date | None, str | None]]:
    meta = folder / "metadata.csv"
    if not meta.is_file():
        return {}
    out = {}
    with _open(meta) as handle:
        for row in csv.DictReader(handle):
            try:
                out[row["doc_id"].strip()] = (_date(row.get("date")), _blank(row.get("url")))
            except (ValueError, KeyError):
                continue
    return out


def read_india_police_events(
    path: str | Path, level: str = "document", limit: int | None = None
) -> Iterator[LabelledText]:
    """IndiaPoliceEvents ``docs.csv`` or ``sents.csv`` (or their folder, with ``level``).

    Publication dates and URLs come from ``metadata.csv`` beside the file when present.
    """
    path = Path(path)
    if path.is_dir():
        path = path / ("docs.csv" if level.startswith("doc") else "sents.csv")
    meta = _ipe_metadata(path.parent)
    with _open(path) as handle:
        reader = csv.DictReader(handle)
        sentence = "sent_text" in (reader.fieldnames or ())
        text_col = "sent_text" if sentence else "doc_text"
        _require(reader, {"doc_id", text_col, *IPE_LABELS}, path)
        for count, (line, row) in enumerate(enumerate(reader, start=2), start=1):
            doc_id = row["doc_id"].strip()
            published, url = meta.get(doc_id, (None, None))
            try:
                labels = {k.lower(): bool(int(row[k] or 0)) for k in IPE_LABELS}
            except ValueError:
                raise FormatError(str(path), "labels must be 0 or 1", line=line) from None
            yield LabelledText(
                id=f"{doc_id}_{row['sent_id'].strip()}" if sentence else doc_id,
                text=row[text_col],
                labels=labels,
                published=published,
                url=url,
                doc_id=doc_id,
                line=line,
            )
            if limit is not None and count >= limit:
                return
