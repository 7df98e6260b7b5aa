from clamor.geo import geoparse, get_geoparser


def test_geoparse_empty_text():
    assert geoparse("") == [] and geoparse("   \n") == []


def test_geoparse_offsets_and_places():
    text = "Riot police fired tear gas in Kazerun, in Fars province of Iran, on Wednesday."
    toponyms = geoparse(text)
    by_text = {t.text: t for t in toponyms}
    for t in toponyms:
        assert text[t.start:t.end] == t.text
    kaz = by_text["Kazerun"].place
    assert (kaz.geonames_id, kaz.admin1, kaz.country_code) == (128321, "Fars", "IR")
    assert by_text["Kazerun"].precision == 1
    assert by_text["Iran"].precision == 3


def test_region_spanning_countries_is_not_a_town():
    toponyms = geoparse("Refugees crossed the Sahara and the Middle East last year.")
    for t in toponyms:
        assert t.place is None or t.place.feature_class != "P"


def test_seed_article(seed_path):
    toponyms = geoparse(seed_path.read_text(encoding="utf-8"))
    kazerun = [t for t in toponyms if t.text == "Kazerun"]
    assert len(kazerun) >= 10
    assert all(t.place and t.place.geonames_id == 128321 for t in kazerun)
    # every place the seed names is in Iran, the US or the Netherlands ("Dutch"); the
    # small model tags the surname "Pompeo" GPE, an alternate name of Pompéu, Brazil
    assert {t.place.country_code for t in toponyms if t.place} <= {"IR", "US", "NL"}


def test_geoparser_is_cached():
    assert get_geoparser() is get_geoparser()
