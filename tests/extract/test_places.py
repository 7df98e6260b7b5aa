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
