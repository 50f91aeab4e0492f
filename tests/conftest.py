"""Shared fixtures: one strict build of the real portal per test session; golden files."""

from __future__ import annotations

from pathlib import Path

import pytest

from golden import UPDATE_FLAG, Golden
from sitebuilder import BuildResult, build_portal


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        UPDATE_FLAG,
        action="store_true",
        help="rewrite the expected files in tests/expected/ from the generated output",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    """``golden("name.html", text)`` compares `text` with tests/expected/name.html."""
    return Golden(update=bool(request.config.getoption(UPDATE_FLAG)))


@pytest.fixture(scope="session")
def portal_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The portal as readers get it, built once in strict mode."""
    result = build_portal(tmp_path_factory.mktemp("portal") / "site")
    assert result.ok, f"Der strenge Build des Portals ist gescheitert:\n{result.log}"
    return result


@pytest.fixture(scope="session")
def portal_site(portal_build: BuildResult) -> Path:
    return portal_build.site_dir
