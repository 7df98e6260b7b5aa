from clamor.extract.places import country_mentions, country_of, find_places
from clamor.extract.sentences import Sentence


def places(nlp, text):
    return [(p.text, p.role) for p in find_places(Sentence(0, 0, len(text), text, 0), nlp(text))]


def test_event_place(nlp):
    assert ("Kazerun", "event") in places(nlp, "The recent protests in Kazerun became violent.")


def test_origin_of_reinforcements_is_not_an_event_place(nlp):
    got = dict(places(nlp, "Officials called for reinforcements from Shiraz and Kashan, and as far away as Tehran."))
    assert got and all(role == "origin" for role in got.values())


def test_home_of_a_commentator(nlp):
    got = dict(places(nlp, "Senator Marco Rubio of Florida backed the protesters."))
    assert got.get("Florida") == "home"


def test_lower_case_text_uses_the_gazetteer(nlp):
    assert ("ahmedabad", "event") in places(nlp, "a mob set fire to shops in ahmedabad on tuesday.")


def test_countries_and_demonyms():
    assert country_of("Iran") == ("Iran", "IR")
    assert country_of("Dutch") == ("The Netherlands", "NL")
    assert [p.country for p in country_mentions("U.S. and Iranian officials")] == ["United States", "Iran"]


def test_a_place_named_after_a_town_is_not_the_town(nlp):
    got = [t for t, _ in places(nlp, "The man was shot in Durban Deep in Roodepoort on Thursday.")]
    assert "Durban" not in got
    assert ("Kisumu", "event") in places(nlp, "Traders protested in Kisumu County on Monday.") or \
        ("Kisumu County", "event") in places(nlp, "Traders protested in Kisumu County on Monday.")


def test_function_words_are_never_places_by_the_gazetteer(nlp):
    assert places(nlp, "at least 22 persons were arrested in the same offence.") == []


def test_town_names_match_without_diacritics(nlp):
    assert ("prantij", "event") in places(nlp, "police burst teargas shells at prantij town on sunday.")


def test_country_name_without_its_inner_article():
    assert [p.country_code for p in country_mentions("rebels killed 16 people in Democratic Republic of Congo")] == ["CD"]


def listed(nlp, text):
    from clamor.extract.places import coordinated_places

    s = Sentence(0, 0, len(text), text, 0)
    found = find_places(s, nlp(text))
    head = next(p for p in found if p.role == "event")
    return [(p.text, p.role) for p in coordinated_places(s, head, found)]


def test_towns_listed_after_one_locative_share_it(nlp):
    assert listed(nlp, "Protests spread on Thursday to towns in Brasilia and Sao Paulo.") == [
        ("Brasilia", "event"), ("Sao Paulo", "event")]
    assert listed(nlp, "Protesters gathered in Durban, South Africa, and Johannesburg on Monday.") == [
        ("Durban", "event"), ("Johannesburg", "event")]


def test_a_region_after_a_town_or_a_clause_ends_the_list(nlp):
    assert listed(nlp, "riots broke out at prantij town in sabarkantha district, gujarat.") == [("prantij", "event")]
    assert listed(nlp, "Thousands marched in Brasilia, where the congress sits, and in Rio.") == [("Brasilia", "event")]
