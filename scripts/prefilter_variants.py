#!/usr/bin/env python
"""Could a relevance model trained otherwise filter more before the parse? (issue 15)

Each variant is the shipped relevance model's recipe (``clamor.extract.relevance``, the
training script's label mapping, C and seed) with one change in its training data or
features. Its pre-parse threshold is chosen where it was not trained: the lowest
out-of-fold score among the GLOCON protest and IndiaPoliceEvents KILL/FORCE documents
(5 stratified folds), so every event document is kept out of fold. At that threshold:
recall and the share of event-free documents still parsed, out of fold, per dataset;
then the model fitted on all training data on the whole-article gold (held out of every
variant's training) and on the benchmark's template articles (sport, business, weather,
culture; never trained on). Texts under the gate's minimum length always pass. Then
whether the threshold travels: chosen on one dataset's event documents and applied to the
other's (out of fold, and its whole-article gold).

Variants: ``base`` (the shipped recipe); ``general`` (+ the LGL and GeoVirus news articles
as negatives: local news and outbreak reports, unlabelled for events); ``notes`` (+ 1,500
ACLED notes, seeded sample, as positives); ``kinds`` (+ one feature per trigger-lexicon
kind present in the text).

    CLAMOR_DATA=../shared/data .venv/bin/python scripts/prefilter_variants.py base general
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "benchmarks"))

from throughput import template_articles  # noqa: E402
from train_relevance import Doc, gold_articles, read_documents  # noqa: E402

from clamor.evaluate.geoparsing import read_gold  # noqa: E402
from clamor.evaluate.gold import read_acled, read_india_police_events  # noqa: E402
from clamor.extract import relevance as rel  # noqa: E402

VARIANTS = ("base", "general", "notes", "kinds")
#: ACLED notes added as positives in the ``notes`` variant (a seeded sample).
N_NOTES = 1500


def extra_docs(variant: str, data: Path) -> list[Doc]:
    if variant == "general":
        return [Doc("general", str(i), g.text, 0) for i, g in enumerate(
            g for ds, f in (("lgl", "lgl.xml"), ("geovirus", "GeoVirus.xml"))
            for g in read_gold(data / "geoparsing" / f, ds))]
    if variant == "notes":
        notes = [a.text for a in read_acled(data / "acled/acled_dev.csv")]
        random.Random(0).shuffle(notes)
        return [Doc("acled", str(i), t, 1) for i, t in enumerate(notes[:N_NOTES])]
    return []


#: ``kinds`` variant: each kind token is repeated this many times, so that with sublinear
#: tf it weighs 1 + ln 3 (about twice a word seen once) before idf; one value tried.
KIND_FEATURE_REPEAT = 3


def use_kind_features() -> None:
    """Add a token per trigger kind present (``kinds`` variant; a module-level patch)."""
    from clamor.extract.lexicon import load_lexicon

    patterns, words = load_lexicon().triggers, rel.features

    def features(text: str) -> list[str]:
        low = text.lower()
        kinds = [f"__kind_{k}" for k, p in patterns.items() if p.search(low)]
        return words(text) + kinds * KIND_FEATURE_REPEAT

    rel.features = features


def run(variant: str, data: Path) -> dict:
    if variant == "kinds":
        use_kind_features()
    docs, gold = read_documents(data), gold_articles(data)
    any_action = {d.id: d.labels["any_action"]
                  for d in read_india_police_events(data / "india_police_events/docs.csv")}
    train = [d for d in docs if (d.dataset, d.id) not in gold] + extra_docs(variant, data)
    texts, labels = [d.text for d in train], [d.label for d in train]
    oof = np.asarray(rel.out_of_fold_logits(texts, labels, rel.DEFAULT_C, 5, 0))
    model = rel.fit_linear(texts, labels, rel.DEFAULT_C)
    positives = [i for i, d in enumerate(train) if d.label and d.dataset in ("glocon", "ipe")]
    threshold = float(oof[positives].min())

    def passed(logit: float, text: str, at: float | None = None) -> bool:
        return logit >= (threshold if at is None else at) or len(
            rel.tokens(text)) < rel.MIN_GATE_WORDS

    out: dict = {"variant": variant, "threshold_logit": round(threshold, 3)}
    for ds in ("glocon", "ipe", "general"):
        idx = [i for i, d in enumerate(train) if d.dataset == ds]
        if idx:
            p = np.array([passed(oof[i], train[i].text) for i in idx])
            y = np.array([train[i].label for i in idx])
            out[f"{ds} out of fold"] = {
                "recall": round(float(p[y == 1].mean()), 3) if (y == 1).any() else None,
                "event_free_parsed": round(float(p[y == 0].mean()), 3)}
            if ds == "ipe":  # arrests and other police actions: events the pipeline may code
                action = np.array([any_action[train[i].id] for i in idx])
                out["ipe any_action out of fold"] = {"recall": round(float(p[action].mean()), 3)}
    by_key = {(d.dataset, d.id): d.text for d in docs}
    for ds in ("glocon", "ipe"):
        keys = [k for k in gold if k[0] == ds and k in by_key]
        p = np.array([passed(model.logit(by_key[k]), by_key[k]) for k in keys])
        y = np.array([gold[k] for k in keys])
        out[f"gold {ds}"] = {"recall": round(float(p[y].mean()), 3),
                             "event_free_parsed": round(float(p[~y].mean()), 3)}
    by_key_logit = {k: model.logit(t) for k, t in by_key.items() if k in gold}
    out.update(travel(train, oof, positives, gold, by_key, by_key_logit, passed))
    templates = template_articles(200, seed=1)
    out["templates parsed"] = round(float(np.mean(
        [passed(model.logit(t), t) for t in templates])), 3)
    return out


def travel(train, oof, positives, gold, by_key, gold_logits, passed) -> dict:
    """Does the threshold travel? Chosen on one dataset's event documents (their lowest
    out-of-fold score) and applied to the other dataset: its event documents kept and its
    event-free documents still parsed, out of fold, and its whole-article gold (held out)."""
    out: dict = {}
    for ds, other in (("glocon", "ipe"), ("ipe", "glocon")):
        at = float(oof[[i for i in positives if train[i].dataset == other]].min())
        idx = [i for i, d in enumerate(train) if d.dataset == ds]
        p = np.array([passed(oof[i], train[i].text, at) for i in idx])
        y = np.array([train[i].label for i in idx])
        keys = [k for k in gold if k[0] == ds and k in by_key]
        g = np.array([passed(gold_logits[k], by_key[k], at) for k in keys])
        gy = np.array([gold[k] for k in keys])
        out[f"{ds} at {other}'s threshold"] = {
            "threshold_logit": round(at, 3),
            "recall (oof)": round(float(p[y == 1].mean()), 3),
            "event_free_parsed (oof)": round(float(p[y == 0].mean()), 3),
            "gold kept": f"{int(g[gy].sum())}/{int(gy.sum())}",
            "gold event_free_parsed": round(float(g[~gy].mean()), 3)}
    return out


def main(argv: list[str]) -> int:
    data = Path(os.environ.get("CLAMOR_DATA", "../shared/data"))
    variants = argv or list(VARIANTS)
    if not set(variants) <= set(VARIANTS):
        print(f"variants: {', '.join(VARIANTS)}", file=sys.stderr)
        return 2
    for variant in variants:
        print(json.dumps(run(variant, data)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
