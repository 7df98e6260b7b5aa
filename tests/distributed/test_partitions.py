"""Sharding inputs for clamor run: every record in exactly one partition, stable ids."""

from __future__ import annotations

import json

from clamor.distributed.partitions import Shard, plan, read_partition
from clamor.options import Options
from tests.store.store_fakes import synthetic_text


def test_a_large_file_is_split_by_record_and_small_ones_are_packed(tmp_path):
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps({"id": str(i), "text": synthetic_text(i)}) + "\n"
                           for i in range(40)))
    for i in range(3):
        (tmp_path / f"small{i}.txt").write_text(synthetic_text(100 + i))
    size = big.stat().st_size
    partitions, errors = plan([str(tmp_path), str(tmp_path / "missing.txt")], -(-size // 4))
    assert len(errors) == 1 and "missing.txt" in errors[0].source
    split = [p for p in partitions if p.shards[0].path == str(big)]
    assert [p.shards for p in split] == [(Shard(str(big), k, 4),) for k in range(4)]
    assert sum(len(p.shards) for p in partitions if p not in split) == 3
    seen = [a.source_record for p in split for a in read_partition(p, Options())]
    assert sorted(seen) == list(range(1, 41))
    again, _ = plan([str(tmp_path)], -(-size // 4))
    assert [p.id for p in again] == [p.id for p in partitions]
    assert len({p.id for p in partitions}) == len(partitions)


def test_a_single_article_file_is_never_split(tmp_path):
    (tmp_path / "long.txt").write_text(synthetic_text(1) * 50)
    partitions, _ = plan([str(tmp_path)], 100)
    assert [p.shards for p in partitions] == [(Shard(str(tmp_path / "long.txt")),)]
