"""Shared fixtures: one strict build of the real portal per test run; golden files."""

from __future__ import annotations

import fcntl
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from golden import UPDATE_FLAG, Golden
from portal_testkit.nginx import NginxError, NginxServer, serve_with_nginx
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
def portal_build(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> BuildResult:
    """The portal as readers get it, built once in strict mode.

    pytest-xdist starts every worker with its own session; the first worker
    to get here builds into the run's shared folder, the others wait for the
    lock and read the result, so a test run builds the portal once.
    """
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent  # the run's folder, above each worker's own
    with (shared / "portal-build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        record = shared / "portal-build.json"
        if record.is_file():
            data = json.loads(record.read_text(encoding="utf-8"))
            result = BuildResult(data["returncode"], data["log"], Path(data["site_dir"]))
        else:
            result = build_portal(shared / "portal-site")
            record.write_text(
                json.dumps(
                    {
                        "returncode": result.returncode,
                        "log": result.log,
                        "site_dir": str(result.site_dir),
                    }
                ),
                encoding="utf-8",
            )
    assert result.ok, f"Der strenge Build des Portals ist gescheitert:\n{result.log}"
    return result


@pytest.fixture(scope="session")
def portal_site(portal_build: BuildResult) -> Path:
    return portal_build.site_dir


@pytest.fixture(scope="session")
def nginx_portal(
    portal_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[NginxServer]:
    """The built portal served by Debian's nginx with the repository's configuration.

    One nginx per test worker, on a free port of 127.0.0.1, for the whole run
    (scripts/deploy/nginx/, see portal_testkit/nginx.py).
    """
    try:
        with serve_with_nginx(portal_site, tmp_path_factory.mktemp("nginx")) as server:
            yield server
    except NginxError as error:
        pytest.fail(f"nginx startet nicht: {error}", pytrace=False)
