"""Gold readers on the team's small fixtures, and on malformed input."""

import datetime as dt

import pytest

from clamor.errors import FormatError, InputError
from clamor.evaluate import gold


def test_read_acled_2019(fixtures):
    rows = list(gold.read_acled(fixtures / "evaluate" / "acled_small.csv"))
    assert [r.event_id for r in rows] == ["TST1", "TST2", "TST3", "TST4", "TST5"]  # TST6: no notes
    r = rows[1]
    assert r.event_type == "Riots" and r.sub_event_type == "Violent demonstration"
    assert r.event_date == dt.date(2021, 3, 5) and r.time_precision == 2
    assert r.fatalities == 1 and r.actor2 == "Police Forces of Testland (2015-)"
    assert r.latitude == 1.5 and r.geo_precision == 1 and r.line == 3


def test_read_acled_old_taxonomy_maps_types(fixtures):
    rows = list(gold.read_acled(fixtures / "evaluate" / "acled_small.csv", taxonomy="pre-2019"))
    assert [r.event_id for r in rows] == ["OLD1", "OLD2"]
    assert rows[0].event_type_2019 is None  # Riots/Protests split in 2019
    assert rows[1].event_type_2019 == "Explosions/Remote violence"
    assert len(list(gold.read_acled(fixtures / "evaluate" / "acled_small.csv", None))) == 7


def test_read_acled_limit_and_missing(fixtures, tmp_path):
    assert len(list(gold.read_acled(fixtures / "evaluate" / "acled_small.csv", limit=2))) == 2
    with pytest.raises(InputError):
        list(gold.read_acled(tmp_path / "nope.csv"))
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n")
    with pytest.raises(FormatError, match="missing column"):
        list(gold.read_acled(bad))


def test_read_case(fixtures):
    rows = list(gold.read_case(fixtures / "evaluate" / "case_small.tsv"))
    assert len(rows) == 6
    assert rows[0].sub_event_type == "Air/drone strike"
    assert rows[0].event_type == "Explosions/Remote violence"
    assert rows[2].code == "NATURAL_DISASTER" and rows[2].sub_event_type is None
    with pytest.raises(FormatError, match="NOT_A_LABEL"):
        list(gold.read_case(fixtures / "evaluate" / "case_bad.tsv"))


def test_read_glocon(fixtures):
    docs = list(gold.read_glocon_documents(fixtures / "evaluate" / "glocon_documents.jsonl"))
    assert [d.labels["protest"] for d in docs] == [True, False, False, True]  # 2 = planned
    assert docs[2].raw_label == 2
    sents = list(gold.read_glocon_sentences(fixtures / "evaluate" / "glocon_sentences.jsonl"))
    assert sents[0].text.startswith("Residents") and sents[0].labels["protest"]
    with pytest.raises(FormatError) as err:
        list(gold.read_glocon_documents(fixtures / "evaluate" / "glocon_bad.jsonl"))
    assert err.value.line == 1


def test_read_india_police_events(fixtures):
    folder = fixtures / "evaluate" / "ipe"
    docs = list(gold.read_india_police_events(folder))
    assert [d.id for d in docs] == ["1", "2", "3"]
    assert docs[2].labels == {"kill": True, "arrest": False, "fail": False, "force": True,
                              "any_action": True}
    assert docs[0].published == dt.date(2002, 3, 5)
    sents = list(gold.read_india_police_events(folder / "sents.csv"))
    assert sents[0].id == "1_0" and sents[0].labels["arrest"]


def test_heldout_split_is_stable_and_about_a_fifth():
    ids = [f"ROW{i}" for i in range(2000)]
    held = [i for i in ids if gold.is_heldout(i)]
    assert held == [i for i in ids if gold.is_heldout(i)]
    assert 0.15 < len(held) / len(ids) < 0.25
