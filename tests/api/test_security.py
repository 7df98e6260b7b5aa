"""Write tokens, the bearer check and the Content-Security-Policy."""

from __future__ import annotations

import pytest

from clamor.api.security import (
    TokenError,
    content_security_policy,
    load_tokens,
    reviewer_for,
)

LONG = "a" * 20


def test_tokens_from_the_environment_and_a_file(tmp_path):
    path = tmp_path / "tokens"
    path.write_text(f"# team\n\n{'b' * 20} Ben Coder\n{'c' * 24}   Chen\n", encoding="utf-8")
    env = {"CLAMOR_TOKEN": LONG, "CLAMOR_REVIEWER": "Ann"}
    assert load_tokens(path, env) == {LONG: "Ann", "b" * 20: "Ben Coder", "c" * 24: "Chen"}
    assert load_tokens(None, {"CLAMOR_TOKEN": LONG}) == {LONG: "reviewer"}
    assert load_tokens(None, {}) == {}


def test_bad_tokens_are_refused_at_start_up(tmp_path):
    with pytest.raises(TokenError, match="shorter than 16"):
        load_tokens(None, {"CLAMOR_TOKEN": "secret"})
    path = tmp_path / "tokens"
    path.write_text(f"{LONG}\n", encoding="utf-8")
    with pytest.raises(TokenError, match=":1: expected"):
        load_tokens(path, {})
    with pytest.raises(TokenError, match="cannot read"):
        load_tokens(tmp_path / "missing", {})


def test_only_a_bearer_header_with_a_known_token_names_a_reviewer():
    tokens = {LONG: "Ann", "b" * 20: "Ben"}
    assert reviewer_for(f"Bearer {LONG}", tokens) == "Ann"
    assert reviewer_for(f"bearer {'b' * 20}", tokens) == "Ben"
    for header in (None, "", LONG, f"Basic {LONG}", "Bearer ", f"Bearer {LONG}x",
                   f"Bearer {LONG[:-1]}"):
        assert reviewer_for(header, tokens) is None
    assert reviewer_for(f"Bearer {LONG}", {}) is None


def test_the_policy_forbids_inline_script_and_admits_only_the_tile_server():
    plain = content_security_policy()
    assert "script-src 'self';" in plain and "unsafe-inline" not in plain
    assert "img-src 'self' data:;" in plain
    tiles = content_security_policy("https://{s}.tile.example.org/{z}/{x}/{y}.png")
    assert "img-src 'self' data: https://*.tile.example.org;" in tiles
