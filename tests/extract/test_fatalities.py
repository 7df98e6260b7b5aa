"""The fatality count selector: candidates, features, the model's choice per sentence."""

import numpy as np
import pytest

from clamor.extract import fatalities as fat
from clamor.extract.quantities import Count, find_counts


def test_candidates_are_numbers_number_words_vague_quantities_and_single_victims():
    text = "Gunmen killed 3 people and wounded twenty-one; several were abducted. A woman was shot dead."
    found = [(text[c.start:c.end], c.value, c.kind) for c in fat.candidates(text)]
    assert ("3", 3, "digit") in found
    assert ("twenty-one", 21, "word") in found
    assert ("several", 3, "vague") in found  # the low end: ACLED keeps the lower figure
    assert ("A", 1, "single") in found


def test_features_name_the_context_and_the_rules_reading():
    text = "Gunmen killed 3 people and wounded 5 others."
    cands = fat.candidates(text)
    three, five = fat.candidate_features(text, cands)
    assert "L1=killed" in three and "rule=fatalities" in three
    assert "L1=wounded" in five and "rule=injuries" in five and "rule=fatalities" not in five


def _model(weights: dict[str, float], threshold: float = 0.5) -> fat.FatalityModel:
    coef = np.zeros(fat.N_FEATURES)
    for name, w in weights.items():
        coef[fat.hash_features([name])] += w
    return fat.FatalityModel(coef, -2.0, threshold)


def test_the_model_picks_the_dead_not_the_wounded():
    model = _model({"L1=killed": 4.0, "L1=wounded": -4.0})
    text = "Gunmen wounded 5 people and killed 2 others."
    counts = fat.select_fatalities(text, 100, find_counts(text, 100), model)
    dead = [c for c in counts if c.field == "fatalities"]
    assert [(c.value, text[c.start - 100:c.end - 100]) for c in dead] == [(2, "2")]
    assert any(c.field == "injuries" for c in counts)  # other counts are kept


def test_nothing_above_the_threshold_gives_no_count():
    model = _model({"L1=killed": 4.0}, threshold=0.99)
    text = "Gunmen killed 2 others."
    assert not [c for c in fat.select_fatalities(text, 0, find_counts(text), model) if c.field == "fatalities"]


def test_a_stated_figure_and_no_model_keep_the_rules_counts():
    model = _model({"L1=killed": 4.0})
    stated = [Count("fatalities", 0, None, 0, 5, stated=True)]
    assert fat.select_fatalities("3 killed. Fatalities coded as 0.", 0, stated, model) == stated
    rules = find_counts("Gunmen killed 2 others.")
    assert fat.select_fatalities("Gunmen killed 2 others.", 0, rules, None) == rules


def test_weights_round_trip_without_pickle(tmp_path):
    model = _model({"L1=killed": 4.0}, threshold=0.35)
    model.save(tmp_path / "m.npz")
    again = fat.FatalityModel.load(tmp_path / "m.npz")
    assert again.threshold == pytest.approx(0.35)
    text = "Gunmen killed 2 others."
    assert again.choose(text) == model.choose(text)
    assert fat.load_model("rules") is None


def test_a_named_model_that_is_missing_is_an_error_not_the_rules(tmp_path):
    from clamor.errors import ModelNotFoundError
    from clamor.extract.fatalities import load_model

    with pytest.raises(ModelNotFoundError, match="not a clamor fatality model"):
        load_model(str(tmp_path / "absent.npz"))
    assert load_model("rules") is None
