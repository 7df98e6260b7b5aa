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


@pytest.fixture
def notes_csv(tmp_path):
    path = tmp_path / "notes.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["event_id_cnty", "event_type", "sub_event_type", "country",
                         "fatalities", "notes", "taxonomy"])
        for country, places in COUNTRIES.items():
            for sub, template in TEMPLATES.items():
                for i, place in enumerate(places):
                    killed = i + 2 if sub == "Armed clash" else 0
                    writer.writerow([f"{country[:3]}{sub[:3]}{i}", TYPES[sub], sub, country,
                                     killed, template.format(n=i + 2, p=place), "2019+"])
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


def test_supported_macro_f1_skips_types_with_few_notes():
    from types import SimpleNamespace

    rows = [SimpleNamespace(event_type="Protests", sub_event_type="Peaceful protest")] * 4
    rows += [SimpleNamespace(event_type="Battles", sub_event_type="Armed clash")]
    preds = {"m": [("Protests", "Peaceful protest")] * 5}
    figures = loco._typing(rows, range(5), preds, "x_", supported={"Protests"})
    assert figures["x_event_type_macro_f1"]["m"] == pytest.approx(0.8 * 2 / 1.8 / 2)
    # the battle typed as a protest still costs the protests' precision
    assert figures["x_event_type_macro_f1_supported"]["m"] == pytest.approx(0.8 * 2 / 1.8)
