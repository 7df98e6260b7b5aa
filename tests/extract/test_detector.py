"""The sentence event detector: proposals, typing, the shipped model and its training."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from clamor.extract import detector as det
from clamor.extract import relevance as rel
from clamor.extract.sentences import Sentence
from clamor.options import Options

ROOT = Path(__file__).resolve().parents[2]


class _Detector:
    """Accepts sentences containing a marker word."""

    threshold = 0.5

    def score(self, text: str) -> float:
        return 0.9 if "marker" in text else 0.1


class _Typer:
    def __init__(self, event_type: str = "Riots", sub: str = "Mob violence"):
        self.event_type, self.sub = event_type, sub
        self.seen: list[str] = []

    def predict(self, texts):
        self.seen.extend(texts)
        return [SimpleNamespace(event_type=self.event_type, sub_event_type=self.sub,
                                score=0.8) for _ in texts]


def _sentence(i: int, text: str) -> Sentence:
    return Sentence(index=i, start=100 * i, end=100 * i + len(text), text=text, paragraph=0)


def test_accepted_sentences_become_typed_mentions_with_the_sentence_as_evidence():
    quiet, loud = _sentence(0, "the weather was fine"), _sentence(1, "a marker event here")
    typer = _Typer()
    ms = det.detect_mentions([quiet, loud], _Detector(), typer)
    assert [m.sentence.index for m in ms] == [1]
    m = ms[0]
    assert (m.event_type, m.sub_event_type, m.rule) == ("Riots", "Mob violence", "detector")
    assert (m.start, m.triggers[0].end) == (loud.start, loud.end)
    assert m.triggers[0].kind == det.DETECTOR_KIND and m.triggers[0].is_new
    assert typer.seen == [loud.text]  # only accepted sentences are typed


def test_types_outside_the_allowed_set_and_long_sentences_are_dropped():
    loud = _sentence(0, "a marker event here")
    strategic = _Typer("Strategic developments", "Arrests")
    assert det.detect_mentions([loud], _Detector(), strategic, det.DETECTOR_TYPES) == []
    long = _sentence(1, "marker " * (det.MAX_SENTENCE_CHARS // 7 + 1))
    assert det.detect_mentions([long], _Detector(), _Typer()) == []


def test_no_detector_or_no_typer_proposes_nothing():
    loud = _sentence(0, "a marker event here")
    assert det.detect_mentions([loud], None, _Typer()) == []
    assert det.detect_mentions([loud], _Detector(), None) == []


def test_off_by_default():
    assert Options().sentence_detector is False


def test_core_offers_only_untyped_sentences_with_no_not_new_trigger(monkeypatch):
    from clamor.extract import core

    offered: list[int] = []

    def fake(candidates, detector, typer, types=None):
        offered.extend(s.index for s in candidates)
        return []

    monkeypatch.setattr(det, "detect_mentions", fake)
    sents = [_sentence(i, f"s{i}") for i in range(5)]
    new, old = SimpleNamespace(is_new=True), SimpleNamespace(is_new=False)
    triggers = {0: [], 1: [old], 2: [], 3: [new], 4: [new, old]}
    core._detected(sents, triggers, {2}, model=None)
    assert offered == [0, 3]  # 2 typed or a reaction; 1 and 4 hold a not-new trigger


@pytest.fixture(scope="module")
def shipped():
    model = det.load_detector()
    if model is None:
        pytest.skip("no sentence detector ships in this tree")
    return model


def test_shipped_detector_has_a_card_and_separates_sentences(shipped):
    assert 0 < shipped.threshold < 1
    assert shipped.card["threshold"] == pytest.approx(shipped.threshold)
    assert "training_data" in shipped.card and "transfer" in shipped.card["figures"]
    event = "hundreds of protesters marched to the police station and police fired tear gas"
    quiet = "the council approved the budget for roads and schools this year"
    assert shipped.score(event) > shipped.score(quiet)


# --------------------------------------------------------------------------- training


def _train_script():
    spec = importlib.util.spec_from_file_location(
        "train_sentence_detector", ROOT / "scripts" / "train_sentence_detector.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_sentence_detector"] = module
    spec.loader.exec_module(module)
    return module


def _synthetic_data(root: Path, n: int = 60) -> None:
    """GLOCON + IPE sentence files and a gold naming one article of each."""
    event = "protesters marched and police fired tear gas at the crowd in the town"
    quiet = "the council approved the budget for roads and schools this year"
    for sub in ("glocon_sample", "india_police_events", "articles_gold"):
        (root / sub).mkdir(parents=True)
    with (root / "glocon_sample" / "sentence_Sabinet.json").open("w") as out:
        for i in range(n):
            label = i % 2
            out.write(json.dumps({"id": f"g{i // 2}_{i % 2}", "url": f"u{i // 2}",
                                  "sentence": f"{event if label else quiet} {i}",
                                  "label": label}) + "\n")
    (root / "glocon_sample" / "document_Sabinet_R.json").write_text(
        json.dumps({"id": "g0", "url": "u0", "text": "x", "label": 1}) + "\n")
    lines = [",doc_id,sent_id,sent_text,KILL,ARREST,ANY_ACTION,FAIL,FORCE"]
    for i in range(n):
        force = i % 2
        lines.append(f"{i},{100 + i // 2},{i % 2},{event if force else quiet} {i},"
                     f"0,0,{force},0,{force}")
    (root / "india_police_events" / "sents.csv").write_text("\n".join(lines) + "\n")
    gold = {"about": "synthetic", "articles": [
        {"dataset": "glocon", "article_id": "g0", "events": [{}]},
        {"dataset": "ipe", "article_id": "100", "events": []},
    ]}
    (root / "articles_gold" / "articles_dev.json").write_text(json.dumps(gold))


def test_training_script_on_a_tiny_synthetic_set(tmp_path):
    pytest.importorskip("sklearn")
    script = _train_script()
    _synthetic_data(tmp_path / "data")
    sents, dropped = script.read_sentences(tmp_path / "data")
    assert dropped == 4  # both sentences of each gold article
    out = tmp_path / "model" / "sentence_event.npz"
    assert script.main(["--data", str(tmp_path / "data"), "--out", str(out)]) == 0
    model = rel.read_relevance_model(out)
    assert set(model.card["figures"]["transfer"]) == {"glocon->ipe", "ipe->glocon"}
    assert model.card["threshold"] == pytest.approx(model.threshold)
    fitted = sum(d["sentences"] for d in model.card["training_data"])
    assert fitted == sum(not s.heldout for s in sents) < len(sents)  # held-out split unseen
    assert model.score("protesters marched and police fired tear gas") > model.score(
        "the council approved the budget for roads")


def test_unseen_copies_hold_exactly_the_sentences_left_out_of_training(tmp_path):
    script = _train_script()
    _synthetic_data(tmp_path / "data")
    assert script.main(["--data", str(tmp_path / "data"), "--unseen", str(tmp_path / "u")]) == 0
    sents, dropped = script.read_sentences(tmp_path / "data")
    counts = {ds: sum(s.heldout for s in sents if s.dataset == ds) for ds in ("glocon", "ipe")}
    glocon = (tmp_path / "u" / "sentence_Sabinet.json").read_text().splitlines()
    ipe = (tmp_path / "u" / "sents.csv").read_text().splitlines()
    assert len(glocon) + len(ipe) - 1 == counts["glocon"] + counts["ipe"] + dropped
    assert len(glocon) == counts["glocon"] + 2  # the gold GLOCON article's two sentences


def test_training_script_without_data_is_a_usage_error(tmp_path, capsys):
    assert _train_script().main(["--data", str(tmp_path)]) == 2
    assert "development data not found" in capsys.readouterr().err
