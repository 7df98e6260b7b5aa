import clamor.extract  # noqa: F401  (registers the factory)


def test_spacy_component_sets_doc_extensions(nlp):
    # a fresh pipeline sourced from the shared one, so the cached model is left untouched
    local = nlp.__class__(vocab=nlp.vocab)
    for name in nlp.pipe_names:
        local.add_pipe(name, source=nlp)
    local.add_pipe("clamor", config={"published": "2019-06-14"})
    doc = local("Protesters burned tyres in Lagos on Tuesday, and police fired tear gas.")
    assert doc._.clamor_events and doc._.clamor_events[0].event_type == "Riots"
    assert doc._.clamor_reactions == []


def test_factory_is_found_through_the_entry_point_without_importing_clamor():
    # A fresh interpreter: spaCy alone must find "clamor" through the spacy_factories entry
    # point that pyproject.toml declares.
    import subprocess
    import sys

    code = ("import sys, spacy; nlp = spacy.blank('en'); nlp.add_pipe('sentencizer'); "
            "nlp.add_pipe('clamor'); print('clamor' in nlp.pipe_names)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def _with_clamor(nlp, **config):
    local = nlp.__class__(vocab=nlp.vocab)
    for name in nlp.pipe_names:
        local.add_pipe(name, source=nlp)
    local.add_pipe("clamor", config=config)
    return local


def _same_events(component_nlp, text: str):
    import clamor

    doc = component_nlp(text)
    expected = clamor.extract(text)
    assert expected.events, "the text should report an event"
    assert doc._.clamor_events == expected.events
    assert doc._.clamor_reactions == expected.reactions
    assert doc._.clamor_extraction.source == expected.source
    return doc._.clamor_events


def test_component_gives_the_events_clamor_extract_gives_on_the_seed(nlp, seed_path):
    events = _same_events(_with_clamor(nlp), seed_path.read_text(encoding="utf-8"))
    assert any(e.location for e in events)
    assert not any("(International)" in (e.actor1 or "") for e in events if e.country)


def test_component_gives_the_events_clamor_extract_gives_on_an_example(nlp):
    from pathlib import Path

    from clamor.ingest.decode import decode_bytes

    example = Path(__file__).resolve().parents[2] / "examples" / "khulna_garment_workers.txt"
    text, _ = decode_bytes(example.read_bytes())  # the example is Windows-1252
    (e,) = _same_events(_with_clamor(nlp), text)
    assert e.location and e.latitude is not None and e.actor1 == "Protesters (Bangladesh)"
    assert e.location in e.notes


def test_component_on_an_empty_doc_sets_no_events(nlp):
    doc = _with_clamor(nlp)("   ")
    assert doc._.clamor_events == [] and doc._.clamor_reactions == []
