"""Language identification and the shared spaCy pipeline."""

from clamor.nlp.language import identify_language
from clamor.nlp.model import load_spacy

__all__ = ["identify_language", "load_spacy"]
