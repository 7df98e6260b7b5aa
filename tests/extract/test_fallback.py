"""The short-text fallback (rule short-text-fallback): a short text no rule typed is coded
by the classifier when it is sure enough, once, from the whole text."""

import pytest

import clamor.extract.core as core
from clamor.extract.classifier import TypePrediction

#: A text with no rule trigger the team wrote: the rules type nothing in it.
QUIET = "On 10 June 2019, a new militia leader was named in Kisumu (Kisumu)."


class _Stub:
    """A classifier that gives every text the same type with probability ``score``."""

    def __init__(self, score: float):
        self.score = score

    def predict(self, texts):
        return [TypePrediction("Strategic developments", "Non-violent transfer of territory", self.score, self.score)
                for _ in texts]


@pytest.fixture
def typer(monkeypatch):
    def use(score: float):
        monkeypatch.setattr(core, "_load_model", lambda options: _Stub(score))
    return use


def test_rules_find_nothing_in_the_quiet_text(run, monkeypatch):
    monkeypatch.setattr(core, "FALLBACK_MIN_PROB", 1.01)
    monkeypatch.setattr(core, "DATED_FALLBACK_MIN_PROB", 1.01)
    assert run(QUIET)[0] == []


def test_confident_typer_codes_one_event_from_the_whole_text(run, typer):
    typer(core.FALLBACK_MIN_PROB + 0.1)
    (e,) = run(QUIET)[0]
    assert (e.event_type, e.sub_event_type) == ("Strategic developments", "Non-violent transfer of territory")
    assert e.confidence == round(core.FALLBACK_MIN_PROB + 0.1, 2)
    typed = [ev for ev in e.evidence if ev.field == "event_type"]
    assert [ev.text for ev in typed] == [QUIET]  # evidence: the whole text
    assert e.location == "Kisumu"  # the normal stages fill the place


def test_unsure_typer_codes_nothing(run, typer):
    typer(core.FALLBACK_MIN_PROB - 0.05)
    assert run(QUIET.replace("On 10 June 2019, a", "A"))[0] == []  # undated: the usual bar


def test_long_text_gets_no_fallback(run, typer):
    typer(0.99)
    long_text = " ".join([QUIET] * (core.THRESHOLD_MIN_WORDS // 10 + 1))
    assert len(long_text.split()) >= core.THRESHOLD_MIN_WORDS
    assert run(long_text)[0] == []


def test_out_of_taxonomy_and_future_texts_stay_event_free(run, typer):
    typer(0.99)
    assert run("Floods swept through Dhaka on Monday after heavy rains, killing five people.")[0] == []
    assert run("The teachers' union said it will hold a march in Kisumu next week.")[0] == []


def test_a_report_dated_to_a_calendar_day_is_coded_whatever_the_type_probability(run, typer, monkeypatch):
    monkeypatch.setattr(core, "DATED_FALLBACK_MIN_PROB", 0.2)
    typer(0.3)  # under FALLBACK_MIN_PROB, over the dated bar
    (e,) = run(QUIET, published=None)[0]  # QUIET opens "On 10 June 2019"
    assert e.confidence == 0.3
    assert run(QUIET)[0] == []  # a published text: its opening date may be the dispatch's
    undated = "A new militia leader was named in Kisumu (Kisumu) on Monday."
    assert run(undated, published=None)[0] == []  # a weekday is no calendar date: the usual bar
    no_year = "10 June. A new militia leader was named in Kisumu (Kisumu)."
    assert len(run(no_year, published=None)[0]) == 1  # a day and month with no year to resolve it
    in_passing = "A new militia leader was named in Kisumu (Kisumu), to take office on 10 June 2019."
    assert run(in_passing, published=None)[0] == []  # a day named late in the text: no dated report
    dateline = "KISUMU, June 10 (Xinhua) -- A new militia leader was named in Kisumu."
    assert run(dateline, published=None)[0] == []  # a dateline dates the dispatch


def test_a_dated_text_keeps_the_fallback_vetoes(run, typer):
    typer(0.99)
    assert run("On 10 June 2019, floods swept through Dhaka after heavy rains, killing five people.")[0] == []


class _Averaged(_Stub):
    """The same stub as the averaged typer (its head attached)."""

    dense = object()


def test_the_averaged_typer_has_its_own_fallback_bar(run, monkeypatch):
    monkeypatch.setattr(core, "FALLBACK_MIN_PROB", 0.6)
    monkeypatch.setattr(core, "DENSE_FALLBACK_MIN_PROB", 0.8)
    undated = QUIET.replace("On 10 June 2019, a", "A")
    monkeypatch.setattr(core, "_load_model", lambda options: _Stub(0.7))
    assert len(run(undated)[0]) == 1
    monkeypatch.setattr(core, "_load_model", lambda options: _Averaged(0.7))
    assert run(undated)[0] == []
    monkeypatch.setattr(core, "_load_model", lambda options: _Averaged(0.85))
    assert len(run(undated)[0]) == 1
