"""Shared fixtures: one strict build of the real portal per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuilder import BuildResult, build_portal


@pytest.fixture(scope="session")
def portal_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The portal as readers get it, built once in strict mode."""
    result = build_portal(tmp_path_factory.mktemp("portal") / "site")
    assert result.ok, f"Der strenge Build des Portals ist gescheitert:\n{result.log}"
    return result


@pytest.fixture(scope="session")
def portal_site(portal_build: BuildResult) -> Path:
    return portal_build.site_dir
