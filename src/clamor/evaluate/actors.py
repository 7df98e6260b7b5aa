"""Actor naming on countries it was not written from: actor1 per left-out country.

Actor naming has no fitted weights: it is rules, lexicons and the regime-years table. So
"leave one country out" here means: score the full coder (:class:`clamor.pipeline.Pipeline`)
on the bounded sample of each country's ACLED notes that :mod:`clamor.evaluate.loco` runs
for fatalities (the same pass) for actor1 exact, with and without
ACLED's regime years, beside the baseline a coder without any actor rules would reach: the
most common actor1 *pattern* of every other country ("Protesters ({country})"), named with
the left-out country. Each error is put in one category (:func:`error_category`) so that
the largest kinds of error per country can be counted (``scripts/loco_actors.py``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from clamor.evaluate import baselines, gold
from clamor.evaluate.scorer import normalise_actor
from clamor.options import Options

#: ACLED's regime years, "(2013-)" or "(2010-2016)", at the end of a state force's name
_YEARS = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")
#: the country in an actor name: "... (Kenya)" or "... Forces of (the) Kenya"
_PAREN_COUNTRY = re.compile(r"\(([^()]+)\)\s*$")
_FORCES_OF = re.compile(r"^(?P<force>(?:Police|Military) Forces) of (?:the )?(?P<country>[^()]+?)\s*(?:\(|$)")
_GROUPS = ("Protesters", "Rioters", "Civilians", "Unidentified Armed Group")


def actor_template(actor: str | None, country: str | None) -> str | None:
    """``actor`` with its row's country replaced by ``{country}`` and the years dropped:
    "Protesters (Kenya)" -> "Protesters ({country})"; a named group stays as it is."""
    if not actor:
        return None
    name = _YEARS.sub("", actor).strip()
    if country:
        for form in (f"the {country}", country):
            name = name.replace(form, "{country}")
    return name


def template_baseline(train_actors: Sequence[tuple[str | None, str | None]], country: str) -> str | None:
    """The training countries' most common actor1 pattern named with ``country``.

    ``train_actors`` holds (actor1, the row's country) pairs."""
    templates = [t for t in (actor_template(a, c) for a, c in train_actors) if t]
    if not templates:
        return None
    return baselines.majority(templates).replace("{country}", country)


def _kind(name: str | None) -> str | None:
    """The kind of an actor name: a state force, a named group pattern, or "named"."""
    if not name:
        return None
    m = _FORCES_OF.match(name)
    if m:
        return m.group("force")
    for group in _GROUPS:
        if name.startswith(group + " ("):
            return group
    if re.search(r"\b(?:Ethnic|Clan|Communal) Militia\b", name):
        return "Identity Militia"
    return "named group"


def _country(name: str) -> str | None:
    m = _FORCES_OF.match(name)
    if m:
        return m.group("country").strip()
    m = _PAREN_COUNTRY.search(_YEARS.sub("", name))
    return m.group(1).strip() if m else None


def error_category(predicted: str | None, expected: str | None) -> str:
    """One word for how ``predicted`` misses ACLED's ``expected`` actor1 ("ok" when exact).

    Checked in this order: ``ok``; ``no_gold``; ``missing`` (no prediction); ``years``
    (right but for the regime years); ``country`` (same kind of actor, another or no
    country); ``state_kind`` (police for military or the reverse); ``generic_for_named``
    (an unidentified armed group for a named one, or the reverse); ``civilians`` (the victims
    named as actor1, or civilians expected); ``role`` (an actor of another kind: the victim
    picked for the perpetrator, protesters for rioters, ...); ``other``.
    """
    if normalise_actor(predicted) is not None and normalise_actor(predicted) == normalise_actor(expected):
        return "ok"
    if not expected:
        return "no_gold"
    if not predicted:
        return "missing"
    if normalise_actor(predicted, True) == normalise_actor(expected, True):
        return "years"
    pk, ek = _kind(predicted), _kind(expected)
    if pk == ek and pk != "named group":
        return "country" if _country(predicted) != _country(expected) else "other"
    if {pk, ek} == {"Police Forces", "Military Forces"}:
        return "state_kind"
    armed = {"Unidentified Armed Group", "named group", "Identity Militia"}
    if pk in armed and ek in armed:
        return "generic_for_named"
    if "Civilians" in (pk, ek):
        return "civilians"
    return "role"


def country_baseline(rows: Sequence[gold.AcledGold], country: str) -> str | None:
    """:func:`template_baseline` of every row not from ``country``, named with it."""
    return template_baseline([(r.actor1, r.country) for r in rows if r.country != country], country)


def actor_scores(rows: Sequence[gold.AcledGold], predicted: Sequence[str | None] | None,
                 baseline: str | None) -> dict:
    """Actor1 exact and without years of the ``predicted`` names (one per row; None: no
    pipeline, only the baseline is scored) beside the ``baseline`` name on every row;
    ``{"figures", "errors", "pairs"}``."""
    systems = {"pattern_majority": [baseline] * len(rows)}
    if predicted is not None:
        systems = {"pipeline": list(predicted), **systems}
    figures: dict[str, dict[str, float]] = {"actor1_exact": {}, "actor1_match_without_years": {}}
    for system, names in systems.items():
        for key, drop in (("actor1_exact", False), ("actor1_match_without_years", True)):
            hits = [normalise_actor(p, drop) is not None and normalise_actor(p, drop) == normalise_actor(r.actor1, drop)
                    for p, r in zip(names, rows)]
            figures[key][system] = round(sum(hits) / len(hits), 4) if hits else 0.0
    if predicted is None:
        return {"figures": figures, "errors": {}, "pairs": []}
    errors = Counter(error_category(p, r.actor1) for p, r in zip(predicted, rows))
    return {"figures": figures, "errors": dict(errors),
            "pairs": [(p, r.actor1) for p, r in zip(predicted, rows)]}


def leave_one_country_out_actors(paths: Sequence, countries: Sequence[str] | None = None,
                                 sample: int | None = None, options: Options | None = None) -> dict:
    """Per left-out country: actor1 figures of the full coder on the leave-one-country-out
    fatality sample of its notes (:func:`clamor.evaluate.loco.leave_one_country_out_fatalities`,
    the same pipeline pass) and the other countries' most common actor1 pattern;
    ``{"figures", "errors", "n", "baseline", "pairs"}``."""
    from clamor.evaluate import loco

    res = loco.leave_one_country_out_fatalities(
        paths, countries=countries, options=options,
        fatality_sample=loco.FATALITY_SAMPLE if sample is None else sample)
    details = res.get("actors", {})
    return {"figures": {k: v for k, v in res["figures"].items() if "_actor1_" in k},
            "errors": {c: d["errors"] for c, d in details.items() if d.get("errors")},
            "n": {c: res["n"][c]["fatalities"] for c in details},
            "baseline": {c: d["baseline"] for c, d in details.items()},
            "pairs": {c: d["pairs"] for c, d in details.items()}}


def matched_actor_figures(articles_result: dict) -> dict:
    """Actor1 exact (with and without years) of the typed matches of a whole-article run
    (the ``articles`` diagnostics of :func:`clamor.evaluate.articles.score_articles`), per
    dataset and ``all``: ``{dataset: {"n", "actor1_exact", "actor1_match_without_years"}}``."""
    hits: dict[str, list[tuple[bool, bool]]] = {}
    for art in articles_result.get("articles", []):
        for match in art["typed_matches"]:
            gold_actor = art["gold"][match["gold"]].get("actor1")
            pred_actor = art["predicted"][match["predicted"]].get("actor1")
            if not gold_actor:
                continue
            pair = tuple(normalise_actor(pred_actor, d) is not None
                         and normalise_actor(pred_actor, d) == normalise_actor(gold_actor, d)
                         for d in (False, True))
            for key in (art["dataset"], "all"):
                hits.setdefault(key, []).append(pair)
    return {k: {"n": len(v), "actor1_exact": round(sum(a for a, _ in v) / len(v), 4),
                "actor1_match_without_years": round(sum(b for _, b in v) / len(v), 4)}
            for k, v in hits.items()}
