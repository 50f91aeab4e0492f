"""The real portal as readers get it: built for a local address, served by Debian's nginx with gzip.

The weight and Lighthouse measurements ask what a reader's browser receives,
so the site must be compressed as in operation; Python's test server sends
every file uncompressed. nginx runs as a child process of this one, on
127.0.0.1, with a configuration written to a temporary folder, and stops
when the measurement is done.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmark.portal_config import MKDOCS_YML, PROJECT_ROOT

NGINX = Path("/usr/sbin/nginx")
MIME_TYPES = Path("/etc/nginx/mime.types")

# gzip as a web server of the Land would send it: text, scripts, styles,
# JSON and SVG; fonts (WOFF2) are compressed already.
CONFIG = """\
daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
  include {mime_types};
  types {{ application/manifest+json webmanifest; }}
  access_log off;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  gzip on;
  gzip_comp_level 6;
  gzip_min_length 256;
  gzip_types text/css application/javascript application/json image/svg+xml
             application/xml text/xml text/plain;
  server {{
    listen 127.0.0.1:{port};
    root {root};
    error_page 404 /404.html;
  }}
}}
"""


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
    """Serve `site_dir` with gzip on a free port of 127.0.0.1; yield its base URL."""
    if not NGINX.is_file():
        raise RuntimeError(f"{NGINX} fehlt — `apt-get install nginx`")
    with tempfile.TemporaryDirectory(prefix="portal-nginx-") as temporary:
        tmp = Path(temporary)
        port = _free_port()
        config = tmp / "nginx.conf"
        config.write_text(
            CONFIG.format(tmp=tmp, mime_types=MIME_TYPES, port=port, root=site_dir.resolve()),
            encoding="utf-8",
        )
        process = subprocess.Popen(
            [str(NGINX), "-c", str(config), "-e", str(tmp / "error.log")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            _wait_for(port, process)
            yield f"http://127.0.0.1:{port}/"
        finally:
            process.terminate()
            process.wait(timeout=10)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read().decode() if process.stderr else ""
            raise RuntimeError(f"nginx beendet sich sofort: {error.strip()}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError("nginx antwortet nicht")
