"""ACLED-style notes written from an event's own fields."""

import datetime as dt

import pytest

from clamor.extract.lexicon import DATA_DIR
from clamor.extract.notes import make_notes, with_notes
from clamor.models import Event, Quantity


def ev(**kw) -> Event:
    base = dict(event_id="a:e1", article_id="a", event_type="Protests", sub_event_type="Peaceful protest",
                event_date=dt.date(2023, 11, 2), time_precision=1)
    base.update(kw)
    return Event(**base)


def test_placed_event_names_its_place_and_region():
    note = make_notes(ev(location="Gazipur", admin1="Dhaka", country="Bangladesh",
                         actor1="Protesters (Bangladesh)"))
    assert note == "On 2 November 2023, protesters held a demonstration in Gazipur (Dhaka, Bangladesh)."


def test_unplaced_event_says_so_and_names_the_country_it_knows():
    assert "at an unspecified location in Kenya." in make_notes(ev(country="Kenya"))
    assert "at an unspecified location." in make_notes(ev())


def test_attack_is_a_sentence_naming_both_actors():
    note = make_notes(ev(event_type="Violence against civilians", sub_event_type="Attack",
                         actor1="Police Forces of Bangladesh", actor2="Civilians (Bangladesh)",
                         location="Gazipur", injuries=20))
    assert note.startswith("On 2 November 2023, Police Forces of Bangladesh attacked civilians in Gazipur.")
    assert "event coded" not in note and note.endswith("Reported: 20 injuries.")


def _sub_event_types() -> list[str]:
    rows = (DATA_DIR / "types.tsv").read_text(encoding="utf-8").splitlines()
    return [r.split("\t")[1] for r in rows if r and not r.startswith("#")]


@pytest.mark.parametrize("sub_event_type", _sub_event_types())
def test_every_sub_event_type_has_its_own_clause_naming_both_actors(sub_event_type):
    note = make_notes(ev(sub_event_type=sub_event_type, actor1="Military Forces of Kenya (2022-)",
                         actor2="Al Shabaab", location="Lamu"))
    assert "event coded" not in note
    assert "Military Forces of Kenya" in note and "Al Shabaab" in note and "(2022-)" not in note


def test_actor1_missing_is_unidentified():
    assert ", unidentified actors held a demonstration" in make_notes(ev())


def test_date_phrases_follow_precision():
    assert make_notes(ev(time_precision=2)).startswith("Around 2 November 2023 (week of),")
    assert make_notes(ev(time_precision=3)).startswith("In November 2023 (month of),")
    assert make_notes(ev(event_date=None)).startswith("On an unknown date,")


def test_counts_exact_singular_and_vague():
    note = make_notes(ev(fatalities=1, injuries_estimate=Quantity(text="dozens", low=24, high=99)))
    assert note.endswith("Reported: 1 fatality; injuries: dozens.")


def test_details_and_participants():
    note = make_notes(ev(actor1="Protesters (Kenya)", participants=["traders"], tactics=["march"],
                         demands=["lower levies"], location="Nakuru"))
    assert "protesters (including traders) held a demonstration in Nakuru." in note
    assert "Tactics: march; demands: lower levies." in note


def test_with_notes_rewrites_stale_notes():
    (e,) = with_notes([ev(location="Herat", notes="in an unspecified location")])
    assert "in Herat." in e.notes and "unspecified" not in e.notes


def test_participants_go_with_the_crowd_even_when_it_is_actor2():
    note = make_notes(ev(sub_event_type="Excessive force against protesters",
                         actor1="Police Forces of Kenya", inter1=1, actor2="Protesters (Kenya)", inter2=6,
                         participants=["students"]))
    assert "Police Forces of Kenya used potentially lethal force against protesters (including students)" in note


def test_optional_actor2_is_named_only_when_known():
    assert "engaged in mob violence at" in make_notes(ev(sub_event_type="Mob violence", actor1="Rioters (India)"))
    note = make_notes(ev(sub_event_type="Mob violence", actor1="Rioters (India)", actor2="Civilians (India)"))
    assert "rioters engaged in mob violence against civilians at" in note
