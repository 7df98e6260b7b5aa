"""Named actors learned from the ACLED notes (extract/named_actors.py)."""

from __future__ import annotations

import pytest

from clamor.extract import named_actors
from clamor.extract.named_actors import Alias, excluding, find_named_actor

#: a made-up table: the forms, names and counts are invented for the tests
_TABLE = (
    Alias("XLF", True, "XLF: Xandar Liberation Front", 2, {"Atlantis": (40, 42), "Utopia": (6, 8)}),
    Alias("Xandar Liberation Front", False, "XLF: Xandar Liberation Front", 2, {"Atlantis": (9, 9)}),
    Alias("Blue Hand", False, "Blue Hand Gang", 2, {"Atlantis": (3, 4), "Utopia": (3, 3)}),
    Alias("Red Army", False, "Red Army Movement", 2, {"Atlantis": (10, 40)}),
    Alias("Pine Separatists", False, "Pine Separatists ({country})", 2, {"Utopia": (30, 31)}),
)


@pytest.fixture()
def table(monkeypatch):
    monkeypatch.setattr(named_actors, "_rows", lambda: _TABLE)
    named_actors._resolved.cache_clear()
    named_actors._patterns.cache_clear()
    yield
    named_actors._resolved.cache_clear()
    named_actors._patterns.cache_clear()


def test_first_named_actor_with_its_offsets(table):
    text = "Suspected XLF fighters ambushed soldiers."
    start, end, name, inter = find_named_actor(text)
    assert text[start:end] == "XLF" and name == "XLF: Xandar Liberation Front" and inter == 2


def test_acronyms_match_their_case_only(table):
    assert find_named_actor("the xlf said") is None
    assert find_named_actor("the xandar liberation front said")[2] == "XLF: Xandar Liberation Front"


def test_support_and_precision_floors(table):
    # pooled over two countries the gang reaches MIN_SUPPORT; "Red Army" mostly names others
    assert find_named_actor("Blue Hand members shot a driver")[2] == "Blue Hand Gang"
    assert find_named_actor("Red Army veterans marched") is None


def test_a_left_out_country_is_forgotten(table):
    with excluding("Atlantis"):
        assert find_named_actor("Xandar Liberation Front rebels") is None
        assert find_named_actor("XLF rebels")[2] == "XLF: Xandar Liberation Front"  # Utopia's 6 rows
        assert find_named_actor("Blue Hand members") is None  # 3 rows left
    with excluding("Utopia"):
        assert find_named_actor("Pine Separatists attacked") is None
    assert find_named_actor("Pine Separatists attacked")[2] == "Pine Separatists ({country})"


def test_shipped_table_reads_and_names_groups_it_was_built_from():
    named_actors._resolved.cache_clear()
    named_actors._patterns.cache_clear()
    assert named_actors._rows(), "named_actors.tsv is empty"
    assert find_named_actor("Al Shabaab militants attacked")[2] == "Al Shabaab"
