from clamor.extract import classify_document
from clamor.models import Article


def test_short_protest_text():
    art = Article(article_id="x", text="On 3 May 2021, traders staged a peaceful protest in Nairobi over new taxes.")
    assert classify_document(art, None) == ("Protests", "Peaceful protest")


def test_disaster_is_none():
    assert classify_document("A cyclone struck the coast, killing 12 people and destroying homes.") is None


def test_accepts_plain_string():
    assert classify_document("Police opened fire on demonstrators, killing two protesters.")[0] == "Protests"
