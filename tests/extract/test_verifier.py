"""The article verifier: features of what was extracted, the model, the pipeline switch."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from clamor.errors import ModelNotFoundError
from clamor.extract import verifier as ver
from clamor.models import Article, Evidence, Event
from clamor.options import Options

from .test_relevance import EVENT_ARTICLE, QUIET_ARTICLE

PUBLISHED = dt.date(2020, 5, 10)


def _event(**fields) -> Event:
    base = {"event_id": "a-e1", "article_id": "a", "event_type": "Protests",
            "sub_event_type": "Peaceful protest", "confidence": 0.6}
    return Event(**{**base, **fields})


def _f(vector: np.ndarray, name: str) -> float:
    names = ver.FEATURES if len(vector) == len(ver.FEATURES) else ver.ALL_FEATURES
    return float(vector[names.index(name)])


def test_features_follow_the_declared_order():
    x = ver.features(EVENT_ARTICLE, [_event()], PUBLISHED, 0.5)
    assert x.shape == (len(ver.FEATURES),)
    assert _f(x, "type:Protests") == 1.0 and _f(x, "type:Riots") == 0.0
    assert _f(x, "text_relevance") == pytest.approx(0.0)
    full = ver.features(EVENT_ARTICLE, [_event()], PUBLISHED, 0.5, ver.ALL_FEATURES)
    assert full.shape == (len(ver.ALL_FEATURES),) and _f(full, "trigger:protest") > 0
    assert set(ver.FEATURES) <= set(ver.ALL_FEATURES)


def test_an_event_dated_weeks_before_publication_is_old_news():
    old = ver.features(EVENT_ARTICLE, [_event(event_date=dt.date(2020, 3, 1))], PUBLISHED, 0.5)
    new = ver.features(EVENT_ARTICLE, [_event(event_date=dt.date(2020, 5, 9))], PUBLISHED, 0.5)
    assert (_f(old, "old_event"), _f(old, "recent_event")) == (1.0, 0.0)
    assert (_f(new, "old_event"), _f(new, "recent_event")) == (0.0, 1.0)


def test_counts_types_and_evidence_are_read_from_the_events():
    ev = [Evidence(field="event_type", start=0, end=6, text="police")] * 3
    x = ver.features(QUIET_ARTICLE, [_event(fatalities=3, evidence=ev, inter1=1,
                                            merged_types=["Riots"])], None, 0.01)
    assert _f(x, "fatalities") == pytest.approx(np.log1p(3))
    assert _f(x, "evidence_spans") == pytest.approx(np.log1p(3))
    assert _f(x, "state_interaction") == 1.0 and _f(x, "merged") == 1.0
    assert _f(x, "text_relevance") < 0


def test_planned_protests_weigh_as_future_triggers():
    planned = "Unions said they will march on parliament next week and threatened to strike. "
    x = ver.features(planned * 10, [_event()], None, 0.5, ver.ALL_FEATURES)
    assert _f(x, "status:future") > 0


def _told_at(text: str, phrase: str) -> Event:
    at = text.index(phrase)
    return _event(evidence=[Evidence(field="event_type", start=at, end=at + len(phrase),
                                     text=phrase)])


FILLER = "The council met to discuss the budget for the coming year. " * 8


def test_an_event_told_in_the_lead_differs_from_one_told_at_the_end():
    text = "Hundreds of workers marched in Durban on Monday. " + FILLER
    lead = ver.features(text, [_told_at(text, "marched")], None, 0.5, ver.ALL_FEATURES)
    text = FILLER + "Hundreds of workers marched in Durban on Monday. "
    late = ver.features(text, [_told_at(text, "marched")], None, 0.5, ver.ALL_FEATURES)
    assert _f(lead, "lead_event") == 1.0 and _f(lead, "first_event_position") == 0.0
    assert _f(late, "lead_event") == 0.0 and _f(late, "first_event_position") > 0.8
    assert _f(lead, "support_share") == pytest.approx(_f(late, "support_share"))
    assert _f(lead, "support_share") > 0


def test_the_framing_of_the_event_sentence_is_read_from_that_sentence_only():
    told = 'The union said workers will march on parliament next week, "we will strike". '
    text = told + FILLER + "Police arrested two men in Durban on Monday. "
    planned = ver.features(text, [_told_at(text, "march on")], None, 0.5, ver.ALL_FEATURES)
    other = ver.features(text, [_told_at(text, "arrested")], None, 0.5, ver.ALL_FEATURES)
    assert _f(planned, "evidence_status:future") == 1.0
    assert _f(planned, "evidence_quoted") == 1.0
    assert _f(other, "evidence_status:future") == 0.0 and _f(other, "evidence_quoted") == 0.0
    assert _f(planned, "status:future") == _f(other, "status:future") > 0


def test_events_without_evidence_have_no_evidence_features():
    x = ver.features(EVENT_ARTICLE, [_event()], None, 0.5, ver.ALL_FEATURES)
    assert all(_f(x, name) == 0.0 for name in ver.EVIDENCE_FEATURES)


def _model(threshold: float, weight_on: str = "text_relevance") -> ver.VerifierModel:
    n = len(ver.FEATURES)
    coef = np.zeros(n)
    coef[ver.FEATURES.index(weight_on)] = 1.0
    return ver.VerifierModel(np.zeros(n), np.ones(n), coef, 0.0, (1.0, 0.0), threshold)


def test_decision_names_the_features_that_weighed():
    model = _model(0.5)
    low = model.decide(ver.features(QUIET_ARTICLE, [_event()], None, 0.01))
    high = model.decide(ver.features(EVENT_ARTICLE, [_event()], None, 0.99))
    assert not low.relevant and high.relevant
    assert "text_relevance" in low.reason and low.reason.startswith("verifier ")


def test_round_trip_and_refusals(tmp_path):
    path = _model(0.3).save(tmp_path / "v.npz", {"name": "test"})
    again = ver.read_verifier_model(path)
    assert again.threshold == 0.3 and again.card["name"] == "test"
    assert again.names == ver.FEATURES
    with pytest.raises(ModelNotFoundError):
        ver.read_verifier_model(tmp_path / "none.npz")
    np.savez(tmp_path / "bad.npz", names=np.array(["other"]), mean=np.zeros(1))
    with pytest.raises(ModelNotFoundError):
        ver.read_verifier_model(tmp_path / "bad.npz")


def test_a_model_reads_the_features_it_was_trained_on(tmp_path):
    names = ver.FEATURE_SETS["events+evidence"]
    n = len(names)
    coef = np.zeros(n)
    coef[names.index("evidence_status:future")] = -5.0
    model = ver.VerifierModel(np.zeros(n), np.ones(n), coef, 0.0, (1.0, 0.0), 0.5, names)
    path = str(model.save(tmp_path / "ev.npz", {}))
    assert ver.read_verifier_model(path).names == names
    planned = 'The union said workers will march on parliament next week. ' + FILLER * 2
    at = planned.index("march on")
    told = [_event(evidence=[Evidence(field="event_type", start=at, end=at + 5, text="march")])]
    assert not ver.verify_article(planned, told, None, 0.5, path).relevant
    assert ver.verify_article(planned, [_event()], None, 0.5, path).relevant


def test_short_texts_and_articles_without_events_are_not_decided(tmp_path):
    path = str(_model(0.99).save(tmp_path / "v.npz", {}))
    assert ver.verify_article("Police fired tear gas at protesters.", [_event()], None, 0.9,
                              path) is None
    assert ver.verify_article(EVENT_ARTICLE, [], None, 0.9, path) is None
    assert not ver.verify_article(EVENT_ARTICLE, [_event()], None, 0.9, path).relevant


def _process(text: str, **options):
    from clamor.pipeline import Pipeline

    return Pipeline(Options(**options)).process(Article(article_id="v1", text=text))


def test_pipeline_withholds_events_only_when_the_verifier_is_on(tmp_path):
    strict = str(_model(1.0).save(tmp_path / "strict.npz", {}))
    gated = _process(EVENT_ARTICLE, article_verifier=True, verifier_model=strict)
    assert gated.events == [] and gated.relevance.reason.startswith("verifier ")
    kept = _process(EVENT_ARTICLE, article_verifier=False, verifier_model=strict)
    assert kept.events and not kept.relevance.reason.startswith("verifier ")


# --------------------------------------------------------------------------- training


def _script(name: str):
    import importlib.util
    import sys

    from .test_relevance import ROOT

    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _synthetic_dump(path) -> None:
    """Dump lines as scripts/dump_document_extractions.py writes them, for the synthetic
    layout of test_relevance (ids g0..g11 and 100..111)."""
    import json

    lines = []
    for i in range(12):
        for ds, doc_id in (("glocon", f"g{i}"), ("ipe", str(100 + i))):
            positive = i % 2
            text = (EVENT_ARTICLE if positive else QUIET_ARTICLE) + f" story {i}"
            event = _event(confidence=0.7 if positive else 0.3).model_dump(mode="json")
            labels = ({"protest": bool(positive)} if ds == "glocon" else
                      {"kill": False, "arrest": False, "force": bool(positive),
                       "any_action": bool(positive), "fail": False})
            lines.append(json.dumps({
                "dataset": ds, "id": doc_id, "raw_label": positive if ds == "glocon" else None,
                "labels": labels, "published": None,
                "extraction": {"article": {"text": text}, "events": [event]}}))
    path.write_text("\n".join(lines) + "\n")


def test_training_script_on_a_tiny_synthetic_set(tmp_path):
    pytest.importorskip("sklearn")
    from .test_relevance import _synthetic_data

    _synthetic_data(tmp_path / "data")
    _synthetic_dump(tmp_path / "dump.jsonl")
    script = _script("train_article_verifier")
    out = tmp_path / "model" / "verifier.npz"
    assert script.main([str(tmp_path / "dump.jsonl"), "--data", str(tmp_path / "data"),
                        "--out", str(out)]) == 0
    model = ver.read_verifier_model(out)
    card = model.card
    assert card["training_data"][0]["docs_decided"] == 10  # g1 and g2 are the gold's
    assert set(card["figures"]["transfer"]) == {"glocon->ipe", "ipe->glocon"}
    assert model.threshold in script.CURVE


def test_threshold_rule_keeps_the_budgeted_share_in_both_datasets():
    script = _script("train_article_verifier")
    rows = [{"threshold": 0.1, "glocon_kept": 0.95, "ipe_kept": 0.99},
            {"threshold": 0.2, "glocon_kept": 0.91, "ipe_kept": 0.85},
            {"threshold": 0.3, "glocon_kept": 0.5, "ipe_kept": 0.5}]
    assert script.choose_threshold(rows) == 0.1


def test_the_shipped_model_loads_and_is_off_by_default():
    model = ver.load_verifier_model()
    if model is None:
        pytest.skip("no verifier model ships in this tree")
    assert model.names == ver.FEATURES and 0 < model.threshold < 1
    assert model.card["excluded"].startswith("the 78 articles")
    assert Options().article_verifier is False
