import pytest

from clamor.geo import locate_events
from clamor.models import Article, Event, Evidence
from clamor.nlp import load_spacy


def _event(text: str, trigger: str, **kw) -> Event:
    start = text.index(trigger)
    ev = [Evidence(field="event_type", start=start, end=start + len(trigger), text=trigger)]
    return Event(event_id="e1", article_id="a1", event_type="Protests",
                 sub_event_type="Peaceful protest", evidence=ev + kw.pop("evidence", []), **kw)


def _run(text, events, **article_kw):
    article = Article(article_id="a1", text=text, **article_kw)
    return locate_events(article, load_spacy()(text), events, None)


def test_seed_events_sit_in_kazerun(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    events = [_event(text, "protests in Kazerun became violent"),
              _event(text, "forcing senior officials to call for reinforcements"),
              _event(text, "Senator Marco Rubio of Florida")]
    for e in _run(text, events):
        assert (e.location, e.admin1, e.country, e.country_code) == ("Kāzerūn", "Fars", "Iran", "IR")
        assert abs(e.latitude - 29.62) < 0.05 and abs(e.longitude - 51.65) < 0.05
        assert e.geo_precision == 1 and e.geonames_id == 128321
        assert any(ev.field == "location" for ev in e.evidence)


def test_raw_location_mention_is_resolved():
    text = "Dozens protested in Kazeroon on Monday. Iran's police made arrests."
    start = text.index("Kazeroon")
    loc = Evidence(field="location", start=start, end=start + 8, text="Kazeroon")
    (e,) = _run(text, [_event(text, "protested", location="Kazeroon", evidence=[loc])])
    assert e.geonames_id == 128321 and e.geo_precision == 1
    assert [ev for ev in e.evidence if ev.field == "location"] == [loc]


def test_not_reinforcements_or_senators_home_state():
    text = ("Workers protested in Kazerun on Monday. Police sent reinforcements from Shiraz. "
            "Senator Marco Rubio of Florida praised the protesters.")
    (e,) = _run(text, [_event(text, "reinforcements")])
    assert e.geonames_id == 128321


def test_near_is_precision_2():
    text = "Farmers blocked a road near Kazerun, Iran, on Sunday."
    (e,) = _run(text, [_event(text, "blocked")])
    assert e.geonames_id == 128321 and e.geo_precision == 2


def test_no_place_leaves_event_unchanged():
    text = "Traders staged a protest over market fees on Tuesday morning."
    event = _event(text, "protest")
    (e,) = _run(text, [event])
    assert e == event and e.latitude is None


def test_empty_event_list():
    assert _run("Nothing happened.", []) == []


def test_road_endpoints_are_not_the_place():
    from clamor.geo.events import road_endpoints
    from clamor.geo.resolve import Mention

    text = "Workers blocked the Dhaka-Tangail highway in Gazipur city on Monday."
    ms = [Mention(text=w, start=text.index(w), end=text.index(w) + len(w))
          for w in ("Dhaka", "Tangail", "Gazipur")]
    assert road_endpoints(text, ms) == {0, 1}


def test_known_country_and_region_seat():
    text = "Clashes between clans destroyed homes in Garissa county on Friday."
    event = _event(text, "Clashes", country="Kenya")
    (e,) = _run(text, [event])
    assert e.country_code == "KE" and e.admin1 == "Garissa" and e.geo_precision == 3
    # coded at the county's namesake town, as ACLED does, not at the county's centroid
    assert abs(e.latitude - (-0.45)) < 0.2 and abs(e.longitude - 39.65) < 0.2


@pytest.mark.parametrize("raw", ["", "Xqzzyvillebrook", "Mediterranean Sea"])
def test_bad_location_mentions_never_land_on_a_random_town(raw):
    text = f"Fishermen protested at {raw or 'the port'} on Monday."
    event = _event(text, "protested", location=raw)
    (e,) = _run(text, [event])
    assert e.latitude is None or e.geo_precision == 3


def test_unknown_place_falls_to_its_qualifier():
    # Mohammadpur of Magura is not in the gazetteer: the event goes to Magura, approximate
    text = "Villagers clashed in Mohammadpur upazila (Magura, Khulna) over land."
    (e,) = _run(text, [_event(text, "clashed", country="Bangladesh")])
    assert e.location == "Magura" and e.admin1 == "Khulna" and e.geo_precision == 2


def test_an_extracted_place_the_gazetteer_lacks_falls_to_its_qualifier():
    # rule place-qualifier: "Kasipul" is not in the gazetteer, "Homa Bay" after it is
    text = "Residents rioted in Kasipul, Homa Bay, over a land dispute."
    start = text.index("Kasipul")
    loc = Evidence(field="location", start=start, end=start + 7, text="Kasipul")
    (e,) = _run(text, [_event(text, "rioted", location="Kasipul", evidence=[loc])])
    assert (e.location, e.country) == ("Homa Bay", "Kenya")
    # with no qualifier the event keeps no place rather than a guessed one
    text = "Residents rioted in Kasipul over a land dispute."
    loc = Evidence(field="location", start=start, end=start + 7, text="Kasipul")
    (e,) = _run(text, [_event(text, "rioted", location="Kasipul", evidence=[loc])])
    assert e.country is None


def test_part_of_a_city_falls_to_the_city():
    text = "Students clashed with police in Dhaka - Rampura (Rampura) on Sunday."
    (e,) = _run(text, [_event(text, "clashed", country="Bangladesh")])
    assert e.location == "Dhaka" and e.geo_precision == 2


def test_region_in_qualifier_position_is_not_the_place():
    # "Rajshahi" only encloses the place ("Bogra Sadar" is the district of Bogra town)
    text = "Traders rallied in Bogra district (Bogra, Bogra Sadar, Rajshahi) on Friday."
    (e,) = _run(text, [_event(text, "rallied", country="Bangladesh")])
    assert e.location in ("Bogra", "Bogra District") and e.admin1 == "Rajshahi"


def test_a_destination_is_not_the_place():
    text = "Gunmen attacked a Nairobi-bound bus on the highway, killing two."
    (e,) = _run(text, [_event(text, "attacked", country="Kenya")])
    assert e.location is None


def test_far_namesake_in_a_qualified_unit_falls_to_the_qualifier():
    # Azimpur is a part of Dhaka; this Azimpur lies in Biral upazila of Dinajpur
    text = "Villagers clashed in Azimpur union, Biral upazila (Dinajpur, Rangpur) on Friday."
    (e,) = _run(text, [_event(text, "clashed", country="Bangladesh")])
    assert e.location == "Dinajpur" and e.admin1 == "Rangpur" and e.geo_precision == 2


def test_pointless_district_named_for_a_town_part_sits_at_the_town():
    # "Kaduna South" has no point of its own: Kaduna town, not Kaduna State's centroid
    text = "Gunmen attacked travellers in Kaduna South, Kaduna, on Sunday."
    (e,) = _run(text, [_event(text, "attacked", country="Nigeria")])
    assert e.admin1 == "Kaduna" and e.geo_precision == 2
    assert abs(e.latitude - 10.52) < 0.1 and abs(e.longitude - 7.44) < 0.1


def test_focus_prefers_the_place_after_a_locative_to_a_label():
    # no evidence sentence to choose from (an event with only its country known): the
    # article's focus decides, and "the Mombasa attack" names a topic, "in Kisumu" a place
    text = "Students marched against the Mombasa attack in Kisumu. Traders closed their shops."
    event = Event(event_id="e1", article_id="a1", event_type="Protests",
                  sub_event_type="Peaceful protest", country="Kenya")
    (e,) = _run(text, [event])
    assert e.location == "Kisumu"


def test_dateline_place_when_the_text_names_none_the_geoparser_resolves():
    # the dateline comes from metadata here; in the text no place is named
    text = "police fired ten rounds in the air to scare away an unruly mob last night."
    (e,) = _run(text, [_event(text, "fired ten rounds")], dateline_place="surat")
    assert e.location == "Surat" and e.country_code == "IN"


def test_a_country_only_event_sits_at_the_capital():
    # rule region-seat: a country-level event is coded at the capital, not the centroid
    text = "Thousands protested across Greece on Friday against the new austerity laws."
    (e,) = _run(text, [_event(text, "protested", country="Greece")])
    assert e.country_code == "GR" and e.geo_precision == 3
    assert abs(e.latitude - 37.98) < 0.2 and abs(e.longitude - 23.73) < 0.2


def test_a_province_with_no_namesake_town_sits_at_its_largest_town():
    text = "Residents blocked roads in Limpopo province on Friday over water shortages."
    (e,) = _run(text, [_event(text, "blocked", country="South Africa")])
    assert e.admin1 == "Limpopo" and e.geo_precision == 3
    assert abs(e.latitude - (-23.90)) < 0.2 and abs(e.longitude - 29.47) < 0.2  # Polokwane


@pytest.mark.parametrize("demonym, place, country, expected", [
    ("Israeli", "Gaza", "Israel", "PS"),
    ("Russian", "Donetsk", "Russia", "UA"),
    ("Kenyan", "Kisumu", "Kenya", "KE"),
])
def test_a_country_read_from_a_demonym_does_not_force_the_place(demonym, place, country, expected):
    text = f"{demonym} forces shelled houses in {place} on Monday, killing three."
    s = text.index(demonym)
    said = Evidence(field="country", start=s, end=s + len(demonym), text=demonym)
    (e,) = _run(text, [_event(text, "shelled", country=country, evidence=[said])])
    assert e.country_code == expected


def test_a_country_named_in_the_text_still_forces_the_place():
    text = "Police dispersed protesters in Alexandria, Egypt on Monday."
    s = text.index("Egypt")
    said = Evidence(field="country", start=s, end=s + 5, text="Egypt")
    (e,) = _run(text, [_event(text, "dispersed", country="Egypt", country_code="EG", evidence=[said])])
    assert e.country_code == "EG"
