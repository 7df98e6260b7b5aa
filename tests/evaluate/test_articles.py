"""Whole-article scoring on tiny hand-made gold and predictions (answers counted by hand)."""

import datetime as dt
import json

import pytest

from clamor.errors import FormatError
from clamor.evaluate import articles as A

PR, RI, VAC = "Protests", "Riots", "Violence against civilians"
D = dt.date(2024, 5, 10)


def gold_event(**kw):
    base = {"event_type": PR, "sub_event_type": "Peaceful protest", "event_date": D,
            "location": "Nairobi", "latitude": -1.28, "longitude": 36.82}
    base.update(kw)
    return A.GoldEvent(**base)


def pred(**kw):
    base = {"event_type": PR, "sub_event_type": "Peaceful protest", "event_date": D,
            "location": "Nairobi, Kenya", "latitude": -1.28, "longitude": 36.82}
    base.update(kw)
    return base


def article(aid, dataset, events):
    return A.ArticleGold(article_id=aid, dataset=dataset, events=events)


# ---------------------------------------------------------------- matching rule


def test_point_within_50_km_matches_and_farther_does_not():
    g = [gold_event()]
    near = A.PredictedEvent.of(pred(latitude=-1.28 + 0.4))   # ~44 km north
    far = A.PredictedEvent.of(pred(latitude=-1.28 + 0.5))    # ~56 km north
    assert A.match_events(g, [near]) == [(0, 0, 44.5)]
    assert A.match_events(g, [far]) == []


def test_dates_within_three_days_when_both_known():
    g = [gold_event()]
    assert A.match_events(g, [A.PredictedEvent.of(pred(event_date=D + dt.timedelta(3)))])
    assert not A.match_events(g, [A.PredictedEvent.of(pred(event_date=D + dt.timedelta(4)))])
    assert A.match_events(g, [A.PredictedEvent.of(pred(event_date=None))])
    assert A.match_events([gold_event(event_date=None)],
                          [A.PredictedEvent.of(pred(event_date=D - dt.timedelta(30)))])


def test_gold_without_coordinates_matches_by_name_inside_predicted_location():
    g = [gold_event(location="Oshabeni", latitude=None, longitude=None)]
    inside = A.PredictedEvent.of(pred(location="oshabeni, KwaZulu-Natal", latitude=-30.0))
    other = A.PredictedEvent.of(pred(location="Durban", latitude=-30.0))
    assert A.match_events(g, [inside]) == [(0, 0, 0.0)]
    assert A.match_events(g, [other]) == []


def test_gold_with_coordinates_needs_a_predicted_point():
    no_point = A.PredictedEvent.of(pred(latitude=None, longitude=None))
    assert A.match_events([gold_event()], [no_point]) == []


def test_greedy_one_to_one_nearest_first():
    # Two gold events 30 km apart; one prediction between them nearer the second, one
    # prediction on the first. Greedy by distance pairs each with its nearest.
    g = [gold_event(latitude=0.0, longitude=0.0), gold_event(latitude=0.27, longitude=0.0)]
    p = [A.PredictedEvent.of(pred(latitude=0.2, longitude=0.0)),   # 22 km / 8 km
         A.PredictedEvent.of(pred(latitude=0.01, longitude=0.0))]  # 1 km / 29 km
    assert A.match_events(g, p) == [(0, 1, 1.1), (1, 0, 7.8)]
    # One prediction for two gold events: only one match (one-to-one), the nearer gold.
    assert A.match_events(g, p[:1]) == [(1, 0, 7.8)]


def test_typed_matching_ignores_wrongly_typed_neighbours():
    g = [gold_event()]
    wrong_near = A.PredictedEvent.of(pred(event_type=RI, sub_event_type="Mob violence"))
    right_far = A.PredictedEvent.of(pred(latitude=-1.28 + 0.3))
    assert A.match_events(g, [wrong_near, right_far]) == [(0, 0, 0.0)]
    assert A.match_events(g, [wrong_near, right_far], typed=True) == [(0, 1, 33.4)]


# ---------------------------------------------------------------- figures


def test_score_articles_counts_by_hand():
    gold = [
        # glocon a1: one protest (alt type accepted) and one riot with 2 dead
        article("a1", "glocon", [
            gold_event(alt_types=["Protest with intervention"]),
            gold_event(event_type=RI, sub_event_type="Violent demonstration",
                       location="Mombasa", latitude=-4.05, longitude=39.67, fatalities=2),
        ]),
        # glocon a2: event-free, the system reports one
        article("a2", "glocon", []),
        # ipe b1: event-free, nothing reported
        article("b1", "ipe", []),
        # ipe b2: one killing; system places it right but types it as a protest
        article("b2", "ipe", [gold_event(event_type=VAC, sub_event_type="Attack",
                                         fatalities=1)]),
    ]
    preds = {
        "a1": [pred(sub_event_type="Protest with intervention"),
               pred(event_type=RI, sub_event_type="Mob violence", location="Mombasa",
                    latitude=-4.05, longitude=39.67, fatalities=2),
               pred(location="Kisumu", latitude=-0.1, longitude=34.75)],
        "a2": [pred()],
        "b2": [pred(fatalities=None)],
    }
    out = A.score_articles(gold, preds)
    f = out["figures"]
    # glocon: 2 typed matches of 4 predicted and 2 gold
    assert f["glocon_typed_precision"] == 0.5
    assert f["glocon_typed_recall"] == 1.0
    assert f["glocon_typed_f1"] == pytest.approx(0.6667, abs=1e-4)
    assert f["glocon_sub_type_accuracy"] == 0.5          # alt type right, Mob violence wrong
    assert f["glocon_fatalities_exact"] == 1.0
    assert f["glocon_event_free_with_events"] == 1.0
    # ipe: nothing typed right, found at the right place and date, no count read as 0
    assert f["ipe_typed_f1"] == 0.0
    assert f["ipe_place_date_recall"] == 1.0
    assert f["ipe_fatalities_exact"] == 0.0
    assert f["ipe_event_free_with_events"] == 0.0
    # all: counts summed (2 typed of 5 predicted, 3 gold; 1 of 2 event-free)
    assert f["all_typed_precision"] == 0.4
    assert f["all_typed_recall"] == pytest.approx(0.6667, abs=1e-4)
    assert f["all_place_date_recall"] == 1.0
    assert f["all_event_free_with_events"] == 0.5
    assert out["counts"]["all"]["articles"] == 4
    diag = {d["article_id"]: d for d in out["articles"]}
    assert diag["a1"]["unmatched_predicted"] == [2]
    assert diag["b2"]["unmatched_gold"] == [0]
    assert diag["b2"]["place_date_matches"] == [{"gold": 0, "predicted": 0, "km": 0.0}]
    json.dumps(out, default=str)  # diagnostics are JSON-ready


def test_predicted_event_from_a_clamor_event():
    from clamor.models import Event

    ev = Event(event_id="e", article_id="a", event_type=PR, sub_event_type="Peaceful protest",
               location="Nairobi", latitude=-1.28, longitude=36.82, event_date=D)
    out = A.score_articles([article("a", "ipe", [gold_event()])], {"a": [ev]})
    assert out["figures"]["ipe_typed_f1"] == 1.0


# ---------------------------------------------------------------- reading


def test_read_articles_gold(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"about": "x", "articles": [
        {"article_id": "1", "dataset": "ipe", "article_date": "2002-03-01",
         "article_date_source": "metadata", "notes": "",
         "events": [{"event_type": PR, "sub_event_type": "Peaceful protest",
                     "alt_types": [], "event_date": "2002-03-01", "location": "Surat",
                     "latitude": 21.17, "longitude": 72.83, "coords_from": "knowledge",
                     "date_basis": "article date", "fatalities": None}]},
        {"article_id": "2", "dataset": "ipe", "article_date": None, "events": []},
    ]}))
    gold = A.read_articles_gold(path)
    assert [len(a.events) for a in gold] == [1, 0]
    assert gold[0].events[0].event_date == dt.date(2002, 3, 1)
    assert len(A.read_articles_gold(path, limit=1)) == 1


def test_read_articles_gold_rejects_other_files(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"rows": []}))
    with pytest.raises(FormatError):
        A.read_articles_gold(path)


def test_dev_gold_reads_and_finds_its_texts(shared_data):
    path = shared_data / "articles_gold" / "articles_dev.json"
    if not path.is_file():
        pytest.skip(f"{path} absent")
    gold = A.read_articles_gold(path)
    texts = A.read_article_texts(shared_data, ((a.dataset, a.article_id) for a in gold))
    assert len(texts) == len(gold)
    assert {a.dataset for a in gold} == {"glocon", "ipe"}


# ---------------------------------------------------------------- running


class StubPipeline:
    """Answers by text: a protest in Nairobi when the text says 'Nairobi', else nothing."""

    def __init__(self):
        from clamor.options import Options

        self.options = Options()
        self.seen = []

    def pipe(self, arts):
        from clamor.models import Extraction

        for art in arts:
            self.seen.append(art)
            events = [pred()] if "nairobi" in art.text.casefold() else []
            yield Extraction.model_construct(article=art, events=events)


def test_evaluate_articles_reads_texts_and_dates(fixtures):
    path = fixtures / "evaluate" / "articles" / "articles_gold" / "articles_small.json"
    stub = StubPipeline()
    out = A.evaluate_articles(path, stub, systems=("pipeline",))
    assert [a.published for a in stub.seen] == [D, D, dt.date(2002, 3, 1)]
    assert "Hundreds of students" in stub.seen[0].text
    assert out["n"] == 3 and out["n_events"] == 2
    assert out["figures"]["glocon_typed_f1"] == {"pipeline": 1.0}
    assert out["figures"]["glocon_event_free_with_events"] == {"pipeline": 0.0}
    assert out["figures"]["ipe_place_date_recall"] == {"pipeline": 0.0}
    assert [d["article_id"] for d in out["diagnostics"]["pipeline"]] == ["g1", "g2", "i1"]


@pytest.mark.slow
def test_evaluate_articles_with_clamor_and_the_lead_baseline(fixtures):
    path = fixtures / "evaluate" / "articles" / "articles_gold" / "articles_small.json"
    out = A.evaluate_articles(path)
    # the lead baseline reports one event in every article, the event-free one too
    assert out["figures"]["all_event_free_with_events"]["lead"] == 1.0
    assert [len(d["predicted"]) for d in out["diagnostics"]["lead"]] == [1, 1, 1]
    assert set(out["figures"]["all_typed_f1"]) == {"pipeline", "lead"}


def test_figures_with_nothing_to_count_are_left_out():
    out = A.score_articles([article("a", "ipe", [])], {"a": []})
    assert out["figures"] == {"ipe_event_free_with_events": 0.0,
                              "all_event_free_with_events": 0.0}
