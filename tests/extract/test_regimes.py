"""ACLED's state force names: country spelling, "the" and regime years by date."""

import datetime as dt

from clamor.extract.regimes import acled_country, regime, state_force_name, with_regime


def test_regime_years_follow_the_date():
    # Kenya's regime changed in 2013: a year both regimes share goes by the date
    assert state_force_name("Police", "Kenya", dt.date(2010, 1, 1)) == "Police Forces of Kenya (2002-2013)"
    assert state_force_name("Police", "Kenya", dt.date(2013, 1, 1)) == "Police Forces of Kenya (2002-2013)"
    assert state_force_name("Police", "Kenya", dt.date(2019, 1, 1)) == "Police Forces of Kenya (2013-)"


def test_the_and_acled_spelling():
    assert state_force_name("Military", "Philippines", dt.date(2018, 1, 1)) == "Military Forces of the Philippines (2016-)"
    assert acled_country("Palestinian Territory") == "Palestine"
    assert state_force_name("Police", "Democratic Republic of the Congo").startswith(
        "Police Forces of Democratic Republic of Congo (")


def test_unknown_country_keeps_the_name_without_years():
    assert state_force_name("Military", "Atlantis", dt.date(2020, 1, 1)) == "Military Forces of Atlantis"
    assert state_force_name("Police", "United Kingdom") == "Police Forces of the United Kingdom"
    assert state_force_name("Police", None) == "Police Forces"
    assert regime("Atlantis", "Police", None) is None


def test_police_borrows_the_military_regime_when_alone():
    assert regime("Israel", "Police", dt.date(2024, 1, 1)) is not None


def test_with_regime_only_touches_state_forces():
    assert with_regime("Protesters (Kenya)", "Kenya", None) == "Protesters (Kenya)"
    assert with_regime("Military Forces of Israel", "Palestinian Territory", dt.date(2024, 1, 1)).startswith(
        "Military Forces of Israel (")
    assert with_regime("Police Forces", "Kenya", dt.date(2019, 1, 1)) == "Police Forces of Kenya (2013-)"
    assert with_regime(None, "Kenya", None) is None
