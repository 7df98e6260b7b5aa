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
