"""A team-written story credited to an outlet the shipped registry does not know, and a
user registry that documents it, for the ``--registry`` tests of extract, ingest and assess."""

from __future__ import annotations

from pathlib import Path

PUBLISHER = "Rift Valley Herald"

STORY = f"""Traders march against market levies in Nakuru

NAKURU, Kenya, March 12, 2019 ({PUBLISHER}) - Hundreds of traders marched through the centre
of Nakuru on Tuesday to protest against new market levies. Police fired tear gas and
arrested 12.
"""

REGISTRY = f"""[[publisher]]
name = "{PUBLISHER}"
type = "opposition_or_advocacy"
country = "Kenya"
mastheads = ["{PUBLISHER}"]
citation = "written for clamor's tests"
"""


def write_story_and_registry(folder: Path) -> tuple[Path, Path]:
    """The story and the registry as files in ``folder``."""
    story, registry = folder / "herald.txt", folder / "outlets.toml"
    story.write_text(STORY, encoding="utf-8")
    registry.write_text(REGISTRY, encoding="utf-8")
    return story, registry
