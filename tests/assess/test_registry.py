"""The publisher registry: the shipped file is valid and cited; user files merge over it."""

import pytest

from clamor.assess.registry import (
    PUBLISHER_TYPES,
    RegistryError,
    load_registry,
    normalise_domain,
    parse_registry,
    shipped_registry_path,
)


def test_publisher_types_are_the_documented_six():
    assert PUBLISHER_TYPES == {
        "wire_service", "independent_outlet", "state_owned_outlet", "state_run_outlet",
        "opposition_or_advocacy", "party_to_conflict",
    }


def test_every_shipped_entry_has_type_country_and_public_citation():
    registry = load_registry()
    assert len(registry) >= 50
    for entry in registry:
        assert entry.type in PUBLISHER_TYPES, entry.name
        assert entry.country, entry.name
        assert entry.citation and entry.citation.startswith("https://"), entry.name
        assert entry.aliases or entry.domains, entry.name


def test_shipped_registry_covers_wires_and_iranian_outlets():
    registry = load_registry()
    for name, ptype in [("Reuters", "wire_service"), ("AP", "wire_service"),
                        ("AFP", "wire_service"), ("BBC", "state_owned_outlet"),
                        ("IRNA", "state_run_outlet"), ("Press TV", "state_run_outlet"),
                        ("Xinhua", "state_run_outlet"), ("TASS", "state_run_outlet")]:
        assert registry.by_name(name).type == ptype, name
    mek = registry.by_name("pmoi/mek")
    assert mek.type == "opposition_or_advocacy" and mek.party_to_conflict and mek.country == "Iran"
    assert mek.partisan


def test_lookup_by_domain_matches_subdomains_and_urls():
    registry = load_registry()
    assert registry.by_domain("https://www.reuters.com/world/x-2024").name == "Reuters"
    assert registry.by_domain("english.news.cn").name == "Xinhua"
    assert registry.by_domain("https://example.com/reuters.com") is None
    assert normalise_domain("HTTPS://WWW.BBC.co.uk:443/news?x=1") == "bbc.co.uk"


def test_lookup_by_masthead():
    registry = load_registry()
    assert registry.by_masthead("Sapa-AFP").name == "Agence France-Presse"
    assert registry.by_masthead("reuters").name == "Reuters"


def test_user_files_add_and_replace_entries(fixtures):
    user = fixtures / "assess"
    registry = load_registry((str(user / "my_registry.toml"), str(user / "my_registry.json")))
    assert registry.by_name("NCR Nakuru").name == "Nakuru Community Radio"
    assert registry.by_domain("harbourvoice.example").type == "opposition_or_advocacy"
    assert registry.by_name("Reuters").country == "Canada"  # replaced
    assert len(registry) == len(load_registry()) + 2
    assert registry.by_name("Reuters").source_file.endswith("my_registry.toml")


def test_bad_type_is_a_named_error(fixtures):
    with pytest.raises(RegistryError, match="tabloid"):
        load_registry((str(fixtures / "assess" / "bad_registry.toml"),))


def test_missing_file_and_bad_syntax_are_named_errors(tmp_path):
    with pytest.raises(RegistryError, match="not found"):
        load_registry((str(tmp_path / "absent.toml"),))
    with pytest.raises(RegistryError, match="not valid TOML"):
        parse_registry("[[publisher]\nname=", "x.toml")
    with pytest.raises(RegistryError, match="unknown field"):
        parse_registry('[[publisher]]\nname="A"\ntype="wire_service"\nowner="B"\n', "x.toml")


def test_shipped_registry_states_it_is_not_a_truth_verdict():
    header = shipped_registry_path().read_text(encoding="utf-8")[:1200]
    prose = " ".join(line.lstrip("# ") for line in header.splitlines()).casefold()
    assert "not verdicts on truthfulness" in prose
