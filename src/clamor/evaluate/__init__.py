"""Evaluation as code: gold readers, the one scorer, baselines and training.

- :mod:`clamor.evaluate.gold`       typed gold records from the development formats
- :mod:`clamor.evaluate.metrics`    plain metric functions (macro/weighted F1, confusion)
- :mod:`clamor.evaluate.scorer`     the one scorer: :func:`clamor.evaluate.scorer.evaluate`
- :mod:`clamor.evaluate.baselines`  majority class, keyword rules, lead and most-named place
- :mod:`clamor.evaluate.training`   fitting the event-type classifier from gold files
- :mod:`clamor.evaluate.geoparsing` LGL / GeoVirus: reader, metrics, most-populous baseline
- :mod:`clamor.evaluate.articles`   whole articles against hand-coded events (issue 12's rule)
- :mod:`clamor.evaluate.sources`    source-assessment false-alarm rates

Nothing heavy is imported here: each module loads what it needs when called.
"""
