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


def test_lead_is_the_first_paragraph_cut_at_three_sentences():
    from clamor.evaluate.baselines import lead

    assert lead("One. Two.\n\nThree.") == "One. Two."
    assert lead('A said "yes." B came. C went. D stayed.') == 'A said "yes." B came. C went.'
    assert lead("\n\nNo full stop") == "No full stop"


def test_most_named_place_counts_places_not_names():
    from types import SimpleNamespace as NS

    from clamor.evaluate.baselines import most_named_place

    a, b = NS(geonames_id=1, name="A"), NS(geonames_id=2, name="B")
    tops = [NS(place=a), NS(place=b), NS(place=None), NS(place=b), NS(place=None)]
    assert most_named_place(tops) is b
    assert most_named_place([NS(place=a), NS(place=b)]) is a  # ties: named first
    assert most_named_place([NS(place=None)]) is None
