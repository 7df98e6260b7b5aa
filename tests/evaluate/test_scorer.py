"""The one scorer on small files with answers counted by hand (the independent recount)."""

import datetime as dt
from types import SimpleNamespace

import pytest

from clamor.evaluate import scorer

ET, PR, BA = "Explosions/Remote violence", "Protests", "Battles"

#: A stub classifier's answers for case_small.tsv, row by row (gold in the comments).
CASE_STUB = {
    "Warplanes": (ET, "Shelling/artillery/missile attack"),  # ET / Air/drone strike
    "Hundreds": (PR, "Peaceful protest"),                    # PR / Peaceful protest
    "A flood": (BA, "Armed clash"),                           # out of taxonomy
    "The two": (PR, "Peaceful protest"),                      # out of taxonomy
    "Army": (BA, "Armed clash"),                              # BA / Armed clash
    "Police": (PR, "Peaceful protest"),                       # PR / Protest with intervention
}


class StubModel:
    def __init__(self, answers):
        self.answers = answers

    def predict(self, texts):
        out = []
        for text in texts:
            key = next(k for k in self.answers if text.startswith(k))
            etype, sub = self.answers[key]
            out.append(SimpleNamespace(event_type=etype, sub_event_type=sub, score=0.9))
        return out


@pytest.fixture
def stub_classifier(monkeypatch):
    monkeypatch.setattr(scorer, "load_classifier", lambda options: StubModel(CASE_STUB))


def test_case_figures_match_hand_count(fixtures, stub_classifier):
    res = scorer.evaluate("case2021", fixtures / "evaluate" / "case_small.tsv",
                          systems=("classifier", "majority"))
    f = res["figures"]
    assert res["n"] == 6 and res["n_in_taxonomy"] == 4
    # In-taxonomy rows: every event type right.
    assert f["event_type_macro_f1"]["classifier"] == pytest.approx(1.0)
    # Sub-types: Air 0, Peaceful P .5 R 1 -> 2/3, Armed 1, PWI 0; one row each.
    assert f["sub_event_type_weighted_f1"]["classifier"] == pytest.approx((2 / 3 + 1) / 4)
    # All rows, two gold "No event": ET 1, PR P 2/3 R 1 -> .8, No event 0, BA P .5 R 1 -> 2/3.
    assert f["all_event_type_macro_f1"]["classifier"] == pytest.approx((1 + 0.8 + 0 + 2 / 3) / 4)
    assert f["all_event_type_accuracy"]["classifier"] == pytest.approx(4 / 6)
    # Sub-types, all rows: Peaceful P 1/3 R 1 -> .5; Armed P .5 R 1 -> 2/3; the rest 0.
    assert f["all_sub_event_type_weighted_f1"]["classifier"] == pytest.approx((0.5 + 2 / 3) / 6)
    # Majority of the in-taxonomy rows (a four-way tie: the first, Air/drone strike).
    assert f["event_type_accuracy"]["majority"] == pytest.approx(1 / 4)
    cm = res["confusion"]["all_event_type"]["classifier"]
    assert sum(map(sum, cm["matrix"])) == 6
    assert res["corpus_sha256"] and len(res["corpus_sha256"]) == 64


def _event(date, fatalities, actor1):
    return SimpleNamespace(event_date=date, fatalities=fatalities, actor1=actor1, confidence=0.5)


def test_acled_fields_match_hand_count(fixtures, monkeypatch):
    d = dt.date
    answers = [
        [_event(d(2021, 3, 4), None, "protesters (testland)")],   # all right
        [_event(d(2021, 3, 7), 1, "Rioters (Testland)")],        # week precision: within
        [_event(d(2021, 4, 11), 4, "Military Forces of Testland"),  # wrong day and count;
         _event(d(2021, 4, 10), 5, "x")],                      # right only without years
        [_event(d(2021, 4, 2), 2, None)],                         # month precision: within
        [],                                                       # no event: all wrong
    ]
    answers[2][1].confidence = 0.1  # the most confident event is scored, not this one

    def fake_extractor(options):
        return lambda texts, published=None: [SimpleNamespace(events=a) for a in answers]

    monkeypatch.setattr(scorer, "pipeline_extractor", fake_extractor)
    monkeypatch.setattr(scorer, "pipeline_typer", lambda options: None)
    res = scorer.evaluate("acled", fixtures / "evaluate" / "acled_small.csv",
                          systems=("pipeline",), split="all")
    f = res["figures"]
    assert res["n"] == 5
    assert f["date_exact"]["pipeline"] == pytest.approx(1 / 5)
    assert f["date_within_precision"]["pipeline"] == pytest.approx(3 / 5)
    assert f["fatalities_exact"]["pipeline"] == pytest.approx(3 / 5)
    assert f["actor1_exact"]["pipeline"] == pytest.approx(2 / 5)
    assert f["actor1_match_without_years"]["pipeline"] == pytest.approx(3 / 5)
    assert any("pipeline: skipped" in n for n in res["notes"])


def test_keyword_detection_matches_hand_count(fixtures):
    res = scorer.evaluate("ipe-documents", fixtures / "evaluate" / "ipe" / "docs.csv",
                          systems=("keyword", "majority"))
    f = res["figures"]
    # doc 1: arrested + police; doc 2: nothing; doc 3: "opened fire" + police ("killing" is
    # not in the kill rule, so the kill label is missed).
    assert f["document_kill_f1"]["keyword"] == 0.0
    assert f["document_arrest_f1"]["keyword"] == 1.0
    assert f["document_force_f1"]["keyword"] == 1.0
    assert f["document_any_action_f1"]["keyword"] == 1.0
    assert f["document_kill_f1"]["majority"] == 0.0
    res = scorer.evaluate("glocon-documents", fixtures / "evaluate" / "glocon_documents.jsonl",
                          systems=("keyword",))
    # d1 found, d3 (planned only) a false alarm, d4 (blockade) missed: P .5 R .5.
    assert res["figures"]["document_protest_f1"]["keyword"] == pytest.approx(0.5)


def test_date_within_precision_windows():
    d = dt.date
    assert scorer.date_within_precision(d(2021, 1, 1), d(2021, 1, 1), 1)
    assert not scorer.date_within_precision(d(2021, 1, 2), d(2021, 1, 1), 1)
    assert scorer.date_within_precision(d(2021, 1, 4), d(2021, 1, 1), 2)
    assert not scorer.date_within_precision(d(2021, 1, 5), d(2021, 1, 1), 2)
    assert scorer.date_within_precision(d(2021, 1, 31), d(2021, 1, 1), 3)
    assert not scorer.date_within_precision(None, d(2021, 1, 1), 3)


def test_normalise_actor():
    assert scorer.normalise_actor(" Police Forces of Kenya  (2013-) ") == \
        "police forces of kenya (2013-)"
    assert scorer.normalise_actor("Police Forces of Kenya (2013-)", drop_years=True) == \
        "police forces of kenya"
    assert scorer.normalise_actor(None) is None


def test_detect_labels_from_events():
    ev = SimpleNamespace(event_type="Protests", sub_event_type="Protest with intervention",
                         actor1="Protesters (India)", actor2="Police Forces of India (2014-)",
                         state_response=["arrests"], fatalities=None, arrests=3)
    out = scorer.detect_labels(SimpleNamespace(events=[ev]))
    assert out == {"protest": True, "kill": False, "arrest": True, "force": True,
                   "any_action": True}
    assert not any(scorer.detect_labels(SimpleNamespace(events=[])).values())


def test_a_protest_merged_into_an_attack_is_still_a_protest_document():
    ev = SimpleNamespace(event_type="Explosions/Remote violence", sub_event_type="Grenade",
                         actor1=None, actor2=None, state_response=[], fatalities=None,
                         arrests=None, merged_types=["Protests"])
    assert scorer.detect_labels(SimpleNamespace(events=[ev]))["protest"]
    assert not scorer.detect_labels(SimpleNamespace(events=[
        SimpleNamespace(**{**vars(ev), "merged_types": []})]))["protest"]


def test_unknown_dataset():
    with pytest.raises(ValueError):
        scorer.evaluate("nope", "x")


@pytest.mark.devdata
def test_case_dev_runs_on_shared_data(shared_data):
    res = scorer.evaluate("case2021", shared_data / "case2021_task2" / "dev.tsv",
                          systems=("majority", "keyword"), limit=50)
    assert res["n"] == 50 and "keyword" in res["figures"]["sub_event_type_weighted_f1"]
