"""Sharding inputs into partitions for ``clamor run``.

A partition is a list of shards; a shard is one input file, or every ``n``-th record
(``k`` of ``n``) of a large one, so a big JSONL, CSV, WARC or feed spreads over workers
while small files are packed together. Partition ids hash their shards, so the same
inputs give the same partitions and a re-run can skip those already done.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from clamor.errors import InputError
from clamor.ingest.sources import iter_sources
from clamor.models import Article, ReadError
from clamor.options import Options

#: Input bytes per partition: about 150-300 news articles, a minute or two of one worker's
#: parsing, so a lost partition costs little to redo and a cluster has enough of them to
#: balance, while per-partition overhead (task, Parquet file, manifest entry) stays small.
DEFAULT_PARTITION_BYTES = 1024 * 1024

#: Inputs that can hold many articles, the only ones split by record; any other file is
#: one article, however large.
MULTI_RECORD_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".tsv", ".warc", ".arc", ".xml", ".rss",
                         ".atom", ".json", ".gz")


@dataclass(frozen=True)
class Shard:
    """Records ``k``, ``k + n``, ``k + 2n``... of one input (every record when ``n == 1``)."""

    path: str
    k: int = 0
    n: int = 1


@dataclass(frozen=True)
class Partition:
    shards: tuple[Shard, ...]

    @property
    def id(self) -> str:
        spec = json.dumps([[s.path, s.k, s.n] for s in self.shards])
        return hashlib.sha1(spec.encode("utf-8")).hexdigest()[:12]


def plan(paths: Iterable[str], partition_bytes: int = DEFAULT_PARTITION_BYTES
         ) -> tuple[list[Partition], list[ReadError]]:
    """Partitions for ``paths`` (files, folders, globs) and the inputs that cannot be found."""
    partitions: list[Partition] = []
    errors: list[ReadError] = []
    pack: list[Shard] = []
    pack_bytes = 0
    for source in iter_sources(paths):
        if isinstance(source, InputError):
            errors.append(ReadError(source=source.source, line=source.line, message=source.message))
            continue
        if source.path is None:
            errors.append(ReadError(source="-", message="clamor run reads files, not stdin"))
            continue
        size = os.path.getsize(source.path)
        multi = source.path.lower().endswith(MULTI_RECORD_SUFFIXES)
        n = max(1, math.ceil(size / partition_bytes)) if multi else 1
        if n > 1:
            partitions += [Partition((Shard(source.path, k, n),)) for k in range(n)]
            continue
        pack.append(Shard(source.path))
        pack_bytes += size
        if pack_bytes >= partition_bytes:
            partitions.append(Partition(tuple(pack)))
            pack, pack_bytes = [], 0
    if pack:
        partitions.append(Partition(tuple(pack)))
    return partitions, errors


def read_partition(partition: Partition, options: Options) -> Iterator[Article | ReadError]:
    """The partition's articles (and read errors), shard by shard, in record order."""
    from clamor.ingest import read

    for shard in partition.shards:
        if shard.n == 1:
            yield from read([shard.path], options)
        else:
            yield from _read_shard(shard, options)


def _read_shard(shard: Shard, options: Options) -> Iterator[Article | ReadError]:
    """Records k, k + n, ... of a multi-record input: only those are cleaned into articles.
    Errors about the whole input are reported by shard 0 alone."""
    from clamor.ingest import read_bytes, to_read_error
    from clamor.ingest.sources import Source

    try:
        data = Source(name=shard.path, path=shard.path).load(options.max_bytes)
    except InputError as exc:
        if shard.k == 0:
            yield to_read_error(exc)
        return
    yield from read_bytes(data, shard.path, options, keep=lambda i: i % shard.n == shard.k)
