"""The keyword and majority baselines."""

from clamor.evaluate import baselines
from clamor.evaluate.taxonomy import SUB_TO_TYPE


def test_rule_files_load_and_name_real_types():
    assert all(label in SUB_TO_TYPE for _, label in baselines.keyword_rules())
    labels = {label for _, label in baselines.detection_rules()}
    assert labels == {"protest", "kill", "arrest", "force", "any_action"}


def test_keyword_sub_type_first_rule_wins():
    assert baselines.keyword_sub_type("Police fired TEAR GAS at protesters", None) == \
        "Protest with intervention"
    assert baselines.keyword_sub_type("A suicide bomber struck a market", None) == "Suicide bomb"
    assert baselines.keyword_sub_type("nothing here", "Other") == "Other"


def test_majority_and_first_date():
    assert baselines.majority(["a", "b", "b"]) == "b"
    assert baselines.majority([]) is None
    assert str(baselines.first_date("On 4 March 2021, and 5 May 2022")) == "2021-03-04"
    assert baselines.first_date("no date") is None
