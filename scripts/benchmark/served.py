"""The real portal as readers get it: built for a local address, served by Debian's nginx.

The weight and Lighthouse measurements ask what a reader's browser receives,
so the site is served as in operation: by nginx with the repository's own
configuration (scripts/deploy/nginx/, gzip included), started the way the
tests start it (portal_testkit.nginx), on a free port of 127.0.0.1.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmark.portal_config import MKDOCS_YML, PROJECT_ROOT
from portal_testkit.nginx import serve_with_nginx


def build_site(site_dir: Path, *, config: Path = MKDOCS_YML) -> None:
    """Build `config` strictly into `site_dir` (for the local address of the preview)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config)]
    result = subprocess.run(
        [*command, "--site-dir", str(site_dir)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).splitlines()[-15:])
        raise RuntimeError(f"Build von {config.name} gescheitert:\n{tail}")


@contextmanager
def nginx(site_dir: Path) -> Iterator[str]:
    """Serve `site_dir` with the portal's nginx configuration; yield its base URL."""
    with (
        tempfile.TemporaryDirectory(prefix="portal-nginx-") as prefix,
        serve_with_nginx(site_dir, Path(prefix)) as server,
    ):
        yield server.base_url
