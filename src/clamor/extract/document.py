"""The type of a short single-event text (an ACLED note, a CASE snippet, a headline story).

The statistical classifier (``clamor.extract.classifier``, when an artifact is shipped) is
the main tool for short texts; ACLED's rules decide the protest family (peaceful,
intervention, excessive force, violent demonstration) whenever they see its evidence, and
text outside the taxonomy (crime, disasters, diplomacy) gives None.
"""

from __future__ import annotations

from typing import Any

from clamor.extract.sentences import Sentence
from clamor.extract.triggers import find_triggers, trigger_status
from clamor.models import Article
from clamor.options import Options

#: The classifier's label wins over the rules when its probability is at least this; below
#: it, the rules decide. Chosen on the ACLED held-out split and CASE dev half together
#: (0.5..0.95 tried): the classifier is strong on ACLED-style notes, the rules on news prose.
MODEL_OVER_RULES = 0.7
#: With no rule evidence at all, the classifier's label is kept only from this probability.
MODEL_ALONE = 0.5
#: The same two bars when the averaged typer (sparse + MiniLM head, ``Options.dense_typer``)
#: types: its probabilities are sharper (temperature fitted out of country), so the sparse
#: bars let it overrule the rules more often. Chosen by ``scripts/dense_thresholds.py`` on the
#: calibration fold of the ACLED training split (neither model fitted on it; no CASE, no
#: held-out row) by a rule fixed in advance: the lowest bar from which on the averaged
#: typer's precision is at least the sparse model's at its bar above. See
#: docs/classifier.md, "The bars of the averaged typer".
DENSE_MODEL_OVER_RULES = 0.8
DENSE_MODEL_ALONE = 0.6
#: Sub-types that differ only by who acted: when the classifier and the rules both see a
#: change of territory, the rules decide which, since they apply the codebook's test (the
#: doer: state forces regain, a non-state group overtakes) and the classifier, trained on
#: notes with few battles, confuses the direction ("recaptured" is said of either side).
DOER_DECIDES = ("Government regains territory", "Non-state actor overtakes territory")
#: Likewise people taken (abducted, kidnapped, held hostage) make an Abduction rather than
#: an Attack by the codebook's own test; on the ACLED held-out notes the rules were right
#: in 4 of 5 such disagreements with a confident classifier.
RULES_DECIDE = (DOER_DECIDES, ("Abduction/forced disappearance", "Attack"))


def _load_model(options: Options):
    """The event-type model named in ``options`` (loaded once; None when it is missing)."""
    from clamor.extract.classifier import load_event_model

    return load_event_model(options.event_model, options.dense_typer)


def averaged(model: Any) -> bool:
    """Whether ``model`` types with its dense head averaged in (the bars differ)."""
    return getattr(model, "dense", None) is not None


def over_rules_bar(model: Any) -> float:
    """The probability from which ``model``'s label replaces the rules' (per typer)."""
    return DENSE_MODEL_OVER_RULES if averaged(model) else MODEL_OVER_RULES


def alone_bar(model: Any) -> float:
    """The probability from which ``model``'s label stands with no rule evidence."""
    return DENSE_MODEL_ALONE if averaged(model) else MODEL_ALONE


def _rule_verdict(text: str) -> tuple[str, tuple[str, str, str] | None]:
    """("out", None) outside the taxonomy, ("typed", type) or ("unsure", None)."""
    from clamor.extract.coding import out_of_taxonomy, rule_type

    sentence = Sentence(0, 0, len(text), text, 0)
    triggers = find_triggers(sentence)
    for t in triggers:
        status = trigger_status(t, [], None)
        t.status = status if status in ("negated", "hypothetical", "future") else None
    if out_of_taxonomy(triggers):
        return "out", None
    typed = rule_type(triggers, text)
    return ("unsure", None) if typed is None else ("typed", typed[:3])


def rule_classify(text: str) -> tuple[str, str, str] | None:
    """(event_type, sub_event_type, rule) by the rule cascade alone, or None."""
    return _rule_verdict(text)[1]


def classify_document(article: Article | str, doc: Any | None = None,
                      options: Options | None = None) -> tuple[str, str] | None:
    """(event_type, sub_event_type) of the article's main event, or None for no event.

    Text outside the taxonomy (disasters, accidents, ordinary crime) is None whatever the
    classifier says; otherwise a confident classifier wins, else the rules decide.
    """
    options = options or Options()
    text = article if isinstance(article, str) else article.text
    verdict, ruled = _rule_verdict(text)
    if verdict == "out":
        return None
    model = _load_model(options)
    if model is None:
        return None if ruled is None else ruled[:2]
    pred = model.predict([text])[0]
    if ruled is None:
        return (pred.event_type, pred.sub_event_type) if pred.score >= alone_bar(model) else None
    if any(pred.sub_event_type in pair and ruled[1] in pair for pair in RULES_DECIDE):
        return ruled[:2]
    if pred.score >= over_rules_bar(model):
        return pred.event_type, pred.sub_event_type
    return ruled[:2]
