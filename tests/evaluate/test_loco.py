"""Leave-one-country-out: eligible countries, capped samples, folds that never see the country."""

import csv
import re

import pytest

from clamor.evaluate import loco

TEMPLATES = {
    "Peaceful protest": "{n} residents marched peacefully in {p} to demand clean water.",
    "Armed clash": "Soldiers clashed with militants near {p}; {n} fighters were killed.",
    "Arrests": "Police arrested {n} opposition leaders in {p} on charges of sedition.",
    "Attack": "Gunmen shot dead {n} villagers in {p}.",
}
TYPES = {"Peaceful protest": "Protests", "Armed clash": "Battles",
         "Arrests": "Strategic developments", "Attack": "Violence against civilians"}
COUNTRIES = {"Atlantis": "Alpha Beta Gamma Delta Epsilon Zeta".split(),
             "Erewhon": "Eta Theta Iota Kappa Lambda Mu".split(),
             "Lilliput": "Nu Xi Omicron Pi Rho Sigma".split()}


def _actor1(sub: str, country: str, i: int) -> str:
    """ACLED-like actor1: the military (with regime years) is every country's commonest."""
    if sub == "Peaceful protest":
        return f"Protesters ({country})"
    if sub == "Armed clash" or (sub == "Arrests" and i % 2):
        return f"Military Forces of {country} (2010-)"
    return f"Police Forces of {country}" if sub == "Arrests" else f"Gang {i}"


@pytest.fixture
def notes_csv(tmp_path):
    path = tmp_path / "notes.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["event_id_cnty", "event_type", "sub_event_type", "country",
                         "fatalities", "notes", "taxonomy", "actor1"])
        for country, places in COUNTRIES.items():
            for sub, template in TEMPLATES.items():
                for i, place in enumerate(places):
                    killed = i + 2 if sub == "Armed clash" else 0
                    writer.writerow([f"{country[:3]}{sub[:3]}{i}", TYPES[sub], sub, country,
                                     killed, template.format(n=i + 2, p=place), "2019+",
                                     _actor1(sub, country, i)])
    return path


def test_eligible_countries_need_notes_and_types(notes_csv):
    rows = loco.read_rows([notes_csv])
    kw = {"min_type_notes": 6}  # each country has 6 notes of each of its 4 types
    assert loco.eligible_countries(rows, min_notes=24, min_types=4, **kw) == sorted(COUNTRIES)
    assert loco.eligible_countries(rows, min_notes=25, min_types=4, **kw) == []
    assert loco.eligible_countries(rows, min_notes=1, min_types=5, **kw) == []
    # a type with fewer notes than min_type_notes does not count (Myanmar: explosions only)
    assert loco.eligible_countries(rows, min_notes=24, min_types=4, min_type_notes=7) == []


def test_capped_sample_keeps_every_label(monkeypatch):
    monkeypatch.setattr(loco, "MIN_PER_CLASS", 3)
    labels = ["a"] * 1000 + ["b"] * 5
    sample = loco.capped_sample(range(len(labels)), labels, cap=100)
    assert 95 <= len(sample) <= 105
    assert sum(labels[i] == "b" for i in sample) == 3
    assert loco.capped_sample(range(10), labels, cap=100) == list(range(10))
    assert sample == loco.capped_sample(range(len(labels)), labels, cap=100)  # seeded


def test_each_fold_scores_a_country_it_never_saw(notes_csv, monkeypatch):
    pytest.importorskip("sklearn")
    fitted = []
    original = loco._Folds.fit

    def spy(self, train):
        fitted.append({self.rows[i].country for i in train})
        return original(self, train)

    monkeypatch.setattr(loco._Folds, "fit", spy)
    res = loco.leave_one_country_out([notes_csv], countries=["Atlantis", "Erewhon"],
                                     fatality_sample=0)
    assert fitted[1:] == [{"Erewhon", "Lilliput"}, {"Atlantis", "Lilliput"}]
    figure = res["figures"]["atlantis_event_type_macro_f1"]
    assert set(figure) >= {"classifier", "majority", "keyword"}
    assert figure["classifier"] > figure["majority"]
    assert res["n"]["Atlantis"]["test"] == 24


def test_fatalities_against_always_zero(notes_csv, monkeypatch):
    class Event:
        def __init__(self, fatalities):
            self.fatalities, self.confidence = fatalities, 1.0

    class Extraction:
        def __init__(self, text):
            killed = re.search(r"(\d+) fighters were killed", text)
            self.events = [Event(int(killed[1]) if killed else 0)]

    monkeypatch.setattr(loco, "pipeline_extractor",
                        lambda options: lambda texts: [Extraction(t) for t in texts])
    rows = loco.read_rows([notes_csv])
    figures = loco.fatality_figures(rows)
    assert figures["always_0"] == pytest.approx(0.75)
    assert figures["pipeline"] == pytest.approx(1.0)


def test_fatality_selector_of_each_fold_never_sees_its_country(notes_csv, monkeypatch):
    pytest.importorskip("sklearn")
    fitted = []
    original = loco._FatalityFolds.fit

    def spy(self, country, folder):
        path, info = original(self, country, folder)
        fitted.append((country, info["n_notes"]))
        return path, info

    class Extraction:
        def __init__(self, text):
            self.events = [] if "marched" in text else [type("E", (), {"fatalities": 0, "confidence": 1.0})()]

    monkeypatch.setattr(loco._FatalityFolds, "fit", spy)
    monkeypatch.setattr(loco, "pipeline_extractor",
                        lambda options: lambda texts: [Extraction(t) for t in texts])
    res = loco.leave_one_country_out_fatalities([notes_csv], countries=["Atlantis"], fatality_sample=24,
                                                 fatality_selector=True)
    assert fitted == [("Atlantis", 48)]  # the two other countries' 24 notes each
    figure = res["figures"]["atlantis_fatalities_exact"]
    assert figure["no_event_share"] == pytest.approx(0.25)  # the protests: no event
    assert figure["pipeline_where_event"] == pytest.approx(figure["always_0_where_event"])
    component = res["figures"]["atlantis_fatalities_selector_exact"]
    assert component["always_0"] == pytest.approx(0.75)
    # the rules count the clashes' dead right and the attacks' (coded 0 here) wrong
    assert component["rules"] == pytest.approx(0.75)
    assert set(component) == {"selector", "rules", "always_0"}


def _actor_coder(calls: list):
    """A fake full coder: protesters and the military (no years) named with the note's country."""
    country_of = {p: c for c, places in COUNTRIES.items() for p in places}

    class Extraction:
        def __init__(self, text):
            country = next(c for p, c in country_of.items() if p in text)
            actor = (f"Protesters ({country})" if "marched" in text else
                     f"Military Forces of {country}" if "clashed" in text else None)
            self.events = [type("E", (), {"fatalities": 0, "confidence": 1.0, "actor1": actor})()]

    def runner(texts):
        calls.append(len(texts))
        return [Extraction(t) for t in texts]

    return lambda options: runner


def test_actors_scored_on_the_fatality_pass_beside_the_pattern_baseline(notes_csv, monkeypatch):
    calls: list = []
    monkeypatch.setattr(loco, "pipeline_extractor", _actor_coder(calls))
    res = loco.leave_one_country_out_fatalities([notes_csv], countries=["Atlantis", "Erewhon"],
                                                 fatality_sample=24)
    assert calls == [24, 24]  # one pass per country serves fatalities and actors
    exact, no_years = res["figures"]["atlantis_actor1_exact"], res["figures"]["atlantis_actor1_match_without_years"]
    assert exact["pipeline"] == pytest.approx(0.25)  # the protesters; the military lacks its years
    assert no_years["pipeline"] == pytest.approx(0.5)  # + the clashes
    # the other countries' commonest pattern, named with Atlantis, years dropped
    assert res["actors"]["Atlantis"]["baseline"] == "Military Forces of Atlantis"
    assert exact["pattern_majority"] == 0.0
    assert no_years["pattern_majority"] == pytest.approx(9 / 24)
    assert res["actors"]["Atlantis"]["errors"]["years"] == 6
    assert "atlantis_fatalities_exact" in res["figures"]


def test_loco_actors_script_reads_the_same_pass(notes_csv, monkeypatch):
    from clamor.evaluate import actors

    monkeypatch.setattr(loco, "pipeline_extractor", _actor_coder([]))
    res = loco.leave_one_country_out_fatalities([notes_csv], countries=["Lilliput"], fatality_sample=10)
    got = actors.leave_one_country_out_actors([notes_csv], ["Lilliput"], 10)
    assert got["figures"] == {k: v for k, v in res["figures"].items() if "_actor1_" in k}
    assert got["n"] == {"Lilliput": 10}
    assert got["baseline"] == {"Lilliput": "Military Forces of Lilliput"}
    assert len(got["pairs"]["Lilliput"]) == 10


def test_full_run_scores_actors_on_its_fatality_pass(notes_csv, monkeypatch):
    pytest.importorskip("sklearn")
    calls: list = []
    monkeypatch.setattr(loco, "pipeline_extractor", _actor_coder(calls))
    res = loco.leave_one_country_out([notes_csv], countries=["Atlantis"], fatality_sample=24)
    assert calls == [24]
    assert res["figures"]["atlantis_actor1_match_without_years"]["pipeline"] == pytest.approx(0.5)
    assert res["actors"]["Atlantis"]["baseline"] == "Military Forces of Atlantis"


def test_supported_macro_f1_skips_types_with_few_notes():
    from types import SimpleNamespace

    rows = [SimpleNamespace(event_type="Protests", sub_event_type="Peaceful protest")] * 4
    rows += [SimpleNamespace(event_type="Battles", sub_event_type="Armed clash")]
    preds = {"m": [("Protests", "Peaceful protest")] * 5}
    figures = loco._typing(rows, range(5), preds, "x_", supported={"Protests"})
    assert figures["x_event_type_macro_f1"]["m"] == pytest.approx(0.8 * 2 / 1.8 / 2)
    # the battle typed as a protest still costs the protests' precision
    assert figures["x_event_type_macro_f1_supported"]["m"] == pytest.approx(0.8 * 2 / 1.8)


def test_a_fold_scores_actors_without_the_left_out_countrys_named_actors(monkeypatch):
    from clamor.evaluate import loco
    from clamor.extract import named_actors

    seen = []
    monkeypatch.setattr(loco, "_fatality_fold_pass", lambda *a: seen.append(list(named_actors._EXCLUDED)) or {})
    loco._fatality_fold(None, "Atlantis", [], 10, None, {})
    assert seen == [["Atlantis"]] and named_actors._EXCLUDED == []


def _fake_cache(tmp_path, texts):
    """A MiniLM cache with a deterministic vector per text: the words' hashed buckets."""
    import hashlib

    import numpy as np

    from clamor.evaluate.dense_loco import text_key

    vectors = []
    for t in texts:
        v = np.zeros(384, dtype=np.float32)
        for w in t.lower().split():
            v[hashlib.sha1(w.encode()).digest()[0]] += 1.0
        vectors.append(v / max(np.linalg.norm(v), 1e-9))
    np.savez(tmp_path / "minilm_embeddings.npz", keys=np.array([text_key(t) for t in texts]),
             vectors=np.stack(vectors))
    return tmp_path


def test_dense_sample_scores_the_averaged_typer_beside_the_sparse(notes_csv, tmp_path,
                                                                   monkeypatch):
    pytest.importorskip("sklearn")
    from clamor.evaluate import dense_loco
    from clamor.evaluate.training import SEED_EXAMPLES, read_seed_examples

    texts = [r.text for r in loco.read_rows([notes_csv])]
    texts += [s.text for s in read_seed_examples(SEED_EXAMPLES)]
    cache = _fake_cache(tmp_path, texts)
    heads = []
    original = dense_loco.DenseFolds.train_rows

    def spy(self, country):
        rows = original(self, country)
        heads.append({self.rows[i].country for i in rows})
        return rows

    monkeypatch.setattr(dense_loco.DenseFolds, "train_rows", spy)
    res = loco.leave_one_country_out([notes_csv], countries=["Atlantis"], fatality_sample=0,
                                     dense_cache=cache)
    assert heads == [{"Erewhon", "Lilliput"}]
    figure = res["figures"]["atlantis_dense_sample_event_type_macro_f1"]
    assert set(figure) == {"sparse", "averaged"}
    assert figure["averaged"] > 0.5
    assert res["dense_sample"]["n"]["Atlantis"] == 24


def test_dense_sample_skipped_with_a_reason_without_the_cache(notes_csv, tmp_path):
    pytest.importorskip("sklearn")
    res = loco.leave_one_country_out([notes_csv], countries=["Atlantis"], fatality_sample=0,
                                     dense_cache=tmp_path / "none")
    assert "no MiniLM embedding cache" in res["dense_sample"]["skipped"]
    assert not any("dense_sample" in k for k in res["figures"])


def test_a_sample_wider_than_the_floored_prefix_scores_both(notes_csv, monkeypatch):
    """The whole sample under the wide names, its first FLOORED_PREFIX notes (the earlier
    rounds' sample, same hash order) under the floored names: one pipeline pass for both."""
    calls: list = []
    monkeypatch.setattr(loco, "pipeline_extractor", _actor_coder(calls))
    monkeypatch.setattr(loco, "FLOORED_PREFIX", 8)
    res = loco.leave_one_country_out_fatalities([notes_csv], countries=["Atlantis"],
                                                 fatality_sample=24)
    assert calls == [24]
    figures = res["figures"]
    wide = f"atlantis_actor1_match_without_years{loco.WIDE_SUFFIX}"
    assert figures[wide]["pipeline"] == pytest.approx(0.5)
    test = [r for r in loco.read_rows([notes_csv]) if r.country == "Atlantis"]
    head = sorted(test, key=loco._hash_order)[:8]
    named = sum(1 for r in head if "marched" in r.text or "clashed" in r.text)
    assert figures["atlantis_actor1_match_without_years"]["pipeline"] == pytest.approx(named / 8)
    assert f"atlantis_fatalities_exact{loco.WIDE_SUFFIX}" in figures
    assert "atlantis_fatalities_exact" in figures


def test_a_sample_within_the_prefix_has_no_wide_names(notes_csv, monkeypatch):
    monkeypatch.setattr(loco, "pipeline_extractor", _actor_coder([]))
    res = loco.leave_one_country_out_fatalities([notes_csv], countries=["Atlantis"],
                                                 fatality_sample=24)
    assert not any(k.endswith(loco.WIDE_SUFFIX) for k in res["figures"])
