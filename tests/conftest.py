"""Shared fixtures. Tests that need ../shared skip, in tiers, when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("CLAMOR_SHARED", ROOT.parent / "shared"))
DATA = Path(os.environ.get("CLAMOR_DATA", SHARED / "data"))
SEED = SHARED / "seed" / "000_b6cf2e3194669141.txt"


@pytest.fixture
def fixtures() -> Path:
    """The team-written fixture files under tests/fixtures."""
    return FIXTURES


@pytest.fixture
def seed_path() -> Path:
    """The founding example article; skips when ../shared/seed is absent."""
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}")
    return SEED


@pytest.fixture
def shared_data() -> Path:
    """The development data folder; skips when ../shared/data is absent."""
    if not DATA.is_dir():
        pytest.skip(f"development data not found at {DATA} (set CLAMOR_DATA)")
    return DATA
