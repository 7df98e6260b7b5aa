import pytest

from clamor.geo import get_geoparser
from clamor.geo.resolve import precision_of


@pytest.fixture(scope="module")
def gp():
    return get_geoparser()


def _resolve(gp, text, names):
    spans = []
    for name in names:
        start = text.index(name)
        spans.append((start, start + len(name)))
    return {t.text: t for t in gp.resolve_spans(text, spans)}


def test_context_admin1_picks_the_local_town(gp):
    text = "Alexandria police and Rapides Parish deputies searched the house."
    out = _resolve(gp, text, ["Alexandria", "Rapides Parish"])
    assert out["Alexandria"].place.country_code == "US"
    assert out["Alexandria"].place.admin1 == "Louisiana"
    assert out["Rapides Parish"].precision == 2


def test_population_prior_without_context(gp):
    out = _resolve(gp, "Protesters gathered in Alexandria.", ["Alexandria"])
    assert out["Alexandria"].place.country_code == "EG"


def test_qualifier_in_parentheses(gp):
    text = "Protests spread to Kazerun (Fars) on Tuesday."
    out = _resolve(gp, text, ["Kazerun", "Fars"])
    assert out["Kazerun"].place.admin1 == "Fars" and out["Kazerun"].precision == 1
    assert out["Fars"].place.feature_code == "ADM1" and out["Fars"].precision == 3


def test_us_state_abbreviation_qualifier(gp):
    text = "He was born in Paris, Tenn., and moved away."
    out = _resolve(gp, text, ["Paris"])
    assert out["Paris"].place.country_code == "US"


def test_near_gives_precision_2(gp):
    text = "Clashes broke out near Kazerun, Iran."
    out = _resolve(gp, text, ["Kazerun", "Iran"])
    assert out["Kazerun"].precision == 2 and out["Iran"].precision == 3


def test_unknown_and_seas_resolve_to_nothing(gp):
    text = "Ships in the Mediterranean Sea sailed from Xqzzyvillebrook."
    out = _resolve(gp, text, ["Mediterranean Sea", "Xqzzyvillebrook"])
    assert out["Mediterranean Sea"].place is None
    assert out["Xqzzyvillebrook"].place is None


def test_precision_of_none():
    assert precision_of(None) is None


def test_strict_qualifier_keeps_a_town_inside_its_region(gp):
    # "Rampura" is an alternate name of Rangpur, a city far from Dhaka: a part of Dhaka
    # must lie in Dhaka's region, so it stays unresolved rather than jump to Rangpur
    text = "Students marched in Dhaka - Rampura on Sunday."
    out = _resolve(gp, text, ["Dhaka", "Rampura"])
    assert out["Rampura"].place is None and out["Dhaka"].place.name == "Dhaka"
    # a district qualifier names its admin1: a namesake town in another division is out
    text = "Villagers clashed in Mohammadpur upazila (Magura, Khulna) on Monday."
    out = _resolve(gp, text, ["Mohammadpur", "Magura", "Khulna"])
    assert out["Mohammadpur"].place is None
    assert out["Magura"].place.admin1 == "Khulna"


def test_soft_qualifier_is_only_a_bonus(gp):
    # "X, Y" with Y a region is a preference, not a constraint: lists stay intact
    text = "Rallies were held in Nairobi, Garissa and Wajir."
    out = _resolve(gp, text, ["Nairobi", "Garissa", "Wajir"])
    assert out["Nairobi"].place.country_code == "KE" and out["Nairobi"].place.feature_class == "P"


def test_official_name_beats_an_alias_of_a_bigger_place(gp):
    # "Berea" is a historical name of Aleppo, and the official name of US towns
    out = _resolve(gp, "The Berea city council met on Tuesday.", ["Berea"])
    assert out["Berea"].place.name == "Berea"


def test_unknown_directional_part_resolves_to_the_whole(gp):
    text = "Police patrolled South Los Angeles and Lamu West after the attacks."
    out = _resolve(gp, text, ["South Los Angeles", "Lamu West"])
    assert out["South Los Angeles"].place.name == "Los Angeles"
    assert out["South Los Angeles"].precision == 2  # a part of the city: approximate
    assert out["Lamu West"].place.country_code == "KE"
    # a country's part is not the country ("Northern X" may be another state)
    from clamor.geo.resolve import Mention
    assert gp.resolver.part_of(Mention(text="Northern Kenya", start=0, end=14)) == ()


def test_district_without_a_district_entry_falls_to_its_namesake_town(gp):
    # the gazetteer has the town Kuhsan (alternate name Kohsan) but no district of that name
    text = "A police officer was killed in Kohsan district, Herat, on Tuesday."
    out = _resolve(gp, text, ["Kohsan district", "Herat"])
    assert out["Kohsan district"].place.feature_class == "P"
    assert out["Kohsan district"].place.admin1 == "Herat"
    assert out["Kohsan district"].precision == 2
    # a name with a district entry keeps to it
    out = _resolve(gp, "Clashes in Helmand province.", ["Helmand province"])
    assert out["Helmand province"].place.feature_code == "ADM1"


@pytest.mark.parametrize("county", ["Orange County", "Nassau County"])
def test_named_county_picks_the_town_inside_it(gp, county):
    # two Woodburys in New York state, one in each county: only the county tells them apart
    text = f"Residents of Woodbury, New York, met {county} officials."
    out = _resolve(gp, text, ["Woodbury", "New York", county])
    assert out["Woodbury"].place.admin2 == county
    assert out[county].place.admin1 == "New York"


def test_loc_label_small_town_resolves_in_the_known_country(gp):
    # the small model tags Mbita as LOC (a natural feature's label): a town of the
    # article's country still counts; with no country known only big towns do
    doc = gp.nlp("Kenyatta and Ruto arrived in Mbita for a rally, but youths chased them away.")
    (m,) = [m for m in gp.mentions(doc, {"KE"}) if m.text == "Mbita"]
    assert m.source == "LOC" and m.best is not None and m.best.country_code == "KE"
    (m,) = [m for m in gp.mentions(doc) if m.text == "Mbita"]
    assert m.best is None


@pytest.mark.parametrize("text, town, county, state", [
    ("Residents of Paris and Henry County will vote on a new school tax.",
     "Paris", "Henry County", "Tennessee"),
    ("Hamilton police and Butler County deputies searched the house.",
     "Hamilton", "Butler County", "Ohio"),
])
def test_a_town_inside_a_named_county_beats_a_famous_namesake(gp, text, town, county, state):
    out = _resolve(gp, text, [town, county])
    assert (out[town].place.admin1, out[county].place.admin1) == (state, state)


def test_coherence_does_not_drag_capitals_to_small_namesakes(gp):
    # Paris and London, Ontario are 150 km apart: no pair of small namesakes is coherent
    out = _resolve(gp, "Flights from Paris and London were cancelled.", ["Paris", "London"])
    assert (out["Paris"].place.country_code, out["London"].place.country_code) == ("FR", "GB")


@pytest.mark.parametrize("text, name, place", [
    ("Students protested in Chittagong.", "Chittagong", "Chattogram"),
    ("Protesters marched in New York on Saturday.", "New York", "New York City"),
])
def test_a_city_known_by_its_region_s_name_is_the_city(gp, text, name, place):
    # GeoNames names the city officially otherwise: the region officially bearing the
    # name it lies in must not shadow it
    out = _resolve(gp, text, [name])
    assert out[name].place.name == place and out[name].precision == 1


@pytest.mark.parametrize("text, name, country", [
    ("Israeli forces shelled houses in Gaza, killing three.", "Gaza", "PS"),
    ("Russian forces shelled Donetsk, killing two civilians.", "Donetsk", "UA"),
])
def test_a_demonym_hardly_pulls_a_place_to_its_country(gp, text, name, country):
    # an actor's nationality is not the country the event is in
    demonym = text.split()[0]
    out = _resolve(gp, text, [demonym, name])
    assert out[name].place.country_code == country
