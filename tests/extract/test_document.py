from clamor.extract import classify_document
from clamor.models import Article


def test_short_protest_text():
    art = Article(article_id="x", text="On 3 May 2021, traders staged a peaceful protest in Nairobi over new taxes.")
    assert classify_document(art, None) == ("Protests", "Peaceful protest")


def test_disaster_is_none():
    assert classify_document("A cyclone struck the coast, killing 12 people and destroying homes.") is None


def test_accepts_plain_string():
    assert classify_document("Police opened fire on demonstrators, killing two protesters.")[0] == "Protests"


class _Typer:
    """A classifier giving every text the same label and probability; ``dense`` marks the
    averaged typer (as ``load_event_model`` attaches its head)."""

    def __init__(self, score: float, dense: bool):
        self.score, self.dense = score, (object() if dense else None)

    def predict(self, texts):
        from clamor.extract.classifier import TypePrediction

        return [TypePrediction("Battles", "Armed clash", self.score, self.score) for _ in texts]


def _bars(monkeypatch):
    import clamor.extract.document as document

    monkeypatch.setattr(document, "MODEL_OVER_RULES", 0.6)
    monkeypatch.setattr(document, "DENSE_MODEL_OVER_RULES", 0.8)
    monkeypatch.setattr(document, "MODEL_ALONE", 0.4)
    monkeypatch.setattr(document, "DENSE_MODEL_ALONE", 0.55)
    return document


def test_the_averaged_typer_overrules_the_rules_from_its_own_bar(monkeypatch):
    document = _bars(monkeypatch)
    text = "Police opened fire on demonstrators, killing two protesters."
    ruled = document.rule_classify(text)[:2]
    for dense, expected in ((False, ("Battles", "Armed clash")), (True, ruled)):
        monkeypatch.setattr(document, "_load_model", lambda options, d=dense: _Typer(0.7, d))
        assert classify_document(text) == expected


def test_the_averaged_typer_types_alone_from_its_own_bar(monkeypatch):
    document = _bars(monkeypatch)
    text = "A new militia leader was named in the district."
    assert document.rule_classify(text) is None
    for dense, expected in ((False, ("Battles", "Armed clash")), (True, None)):
        monkeypatch.setattr(document, "_load_model", lambda options, d=dense: _Typer(0.5, d))
        assert classify_document(text) == expected


def test_bars_are_keyed_to_the_typer():
    import clamor.extract.document as document

    assert document.over_rules_bar(_Typer(0.5, False)) == document.MODEL_OVER_RULES
    assert document.over_rules_bar(_Typer(0.5, True)) == document.DENSE_MODEL_OVER_RULES
    assert document.alone_bar(_Typer(0.5, True)) == document.DENSE_MODEL_ALONE
