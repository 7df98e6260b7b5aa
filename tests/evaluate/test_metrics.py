"""Metric functions against counts done by hand."""

import pytest

from clamor.evaluate.metrics import binary_scores, classification_report, confusion_matrix, share
from clamor.evaluate.taxonomy import NO_EVENT


def test_classification_report_by_hand():
    gold = ["A", "A", "B", "C"]
    pred = ["A", "B", "B", None]
    r = classification_report(gold, pred)
    # A: 1 of 1 predicted right, 1 of 2 found -> P 1, R .5, F1 2/3; B: P .5, R 1 -> 2/3; C: 0
    assert r["per_class"]["A"]["precision"] == 1.0
    assert r["per_class"]["A"]["recall"] == 0.5
    assert r["per_class"]["B"]["f1"] == pytest.approx(2 / 3)
    assert r["per_class"]["C"]["f1"] == 0.0
    assert r["macro_f1"] == pytest.approx((2 / 3 + 2 / 3 + 0) / 3)
    assert r["weighted_f1"] == pytest.approx((2 / 3 * 2 + 2 / 3) / 4)
    assert r["accuracy"] == 0.5
    # "No event" was predicted but is not a gold class: not averaged in.
    assert NO_EVENT not in r["per_class"]


def test_no_event_gold_class_counts():
    r = classification_report([None, "A"], [None, None])
    assert r["per_class"][NO_EVENT]["f1"] == pytest.approx(2 / 3)
    assert r["per_class"]["A"]["f1"] == 0.0


def test_length_mismatch_is_an_error():
    with pytest.raises(ValueError):
        classification_report(["A"], [])
    with pytest.raises(ValueError):
        binary_scores([True], [])


def test_confusion_matrix_rows_gold_columns_pred():
    cm = confusion_matrix(["A", "A", "B"], ["A", "B", None])
    labels = cm["labels"]
    assert labels == sorted(["A", "B", NO_EVENT])
    a, b, none = labels.index("A"), labels.index("B"), labels.index(NO_EVENT)
    assert cm["matrix"][a][a] == 1 and cm["matrix"][a][b] == 1
    assert cm["matrix"][b][none] == 1
    assert sum(map(sum, cm["matrix"])) == 3


def test_binary_scores_by_hand():
    s = binary_scores([True, True, False, False, True], [True, False, True, False, True])
    assert (s["tp"], s["fp"], s["fn"], s["tn"]) == (2, 1, 1, 1)
    assert s["precision"] == pytest.approx(2 / 3)
    assert s["recall"] == pytest.approx(2 / 3)
    assert s["f1"] == pytest.approx(2 / 3)
    assert binary_scores([False], [False])["f1"] == 0.0


def test_share():
    assert share([True, False, True, True]) == 0.75
    assert share([]) == 0.0
