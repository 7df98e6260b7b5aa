"""Actor1 per left-out country: the pattern baseline and the error categories."""

from clamor.evaluate.actors import actor_scores, actor_template, error_category, template_baseline
from clamor.evaluate.gold import AcledGold


def test_template_replaces_the_rows_country_and_drops_years():
    assert actor_template("Protesters (Kenya)", "Kenya") == "Protesters ({country})"
    assert actor_template("Military Forces of the Philippines (2016-)", "Philippines") == "Military Forces of {country}"
    assert actor_template("Taliban", "Afghanistan") == "Taliban"
    assert actor_template(None, "Kenya") is None


def test_baseline_names_the_commonest_pattern_with_the_left_out_country():
    train = [("Protesters (Kenya)", "Kenya"), ("Protesters (Ghana)", "Ghana"), ("Al Shabaab", "Somalia"),
             ("Al Shabaab", "Kenya")]
    assert template_baseline(train, "Benin") == "Protesters (Benin)"
    assert template_baseline([], "Benin") is None


def test_error_categories():
    assert error_category("Protesters (Kenya)", "protesters  (kenya)") == "ok"
    assert error_category(None, "Protesters (Kenya)") == "missing"
    assert error_category("Police Forces of Kenya", "Police Forces of Kenya (2013-)") == "years"
    assert error_category("Protesters (Uganda)", "Protesters (Kenya)") == "country"
    assert error_category("Police Forces of Kenya (2013-)", "Military Forces of Kenya (2013-)") == "state_kind"
    assert error_category("Unidentified Armed Group (Somalia)", "Al Shabaab") == "generic_for_named"
    assert error_category("Civilians (Kenya)", "Unidentified Armed Group (Kenya)") == "civilians"
    assert error_category("Protesters (Kenya)", "Rioters (Kenya)") == "role"
    assert error_category("Protesters (Kenya)", None) == "no_gold"


def test_matched_actor_figures_read_the_typed_matches():
    from clamor.evaluate.actors import matched_actor_figures

    art = {"dataset": "glocon", "typed_matches": [{"gold": 0, "predicted": 0}, {"gold": 1, "predicted": 1}],
           "gold": [{"actor1": "Police Forces of Kenya (2013-)"}, {"actor1": "Protesters (Kenya)"}],
           "predicted": [{"actor1": "Police Forces of Kenya"}, {"actor1": "Protesters (Kenya)"}]}
    got = matched_actor_figures({"articles": [art]})
    assert got["glocon"] == {"n": 2, "actor1_exact": 0.5, "actor1_match_without_years": 1.0}
    assert got["all"]["n"] == 2


def test_actor_scores_with_and_without_years_beside_the_baseline():
    rows = [AcledGold(event_id=str(i), text="", event_type="Protests", line=i, actor1=a, country="Kenya")
            for i, a in enumerate(["Police Forces of Kenya (2013-)", "Protesters (Kenya)"])]
    got = actor_scores(rows, ["Police Forces of Kenya", "Protesters (Kenya)"], "Protesters (Kenya)")
    assert got["figures"]["actor1_exact"] == {"pipeline": 0.5, "pattern_majority": 0.5}
    assert got["figures"]["actor1_match_without_years"] == {"pipeline": 1.0, "pattern_majority": 0.5}
    assert got["errors"] == {"years": 1, "ok": 1}
    no_pipeline = actor_scores(rows, None, None)
    assert no_pipeline["figures"]["actor1_exact"] == {"pattern_majority": 0.0}
    assert no_pipeline["errors"] == {}
