"""Debian's nginx with the repository's configuration, serving a built site on 127.0.0.1.

The server block here only says where (a free port on 127.0.0.1, the built
site as root); everything about *how* the site is served comes from the
files operators deploy, scripts/deploy/nginx/ (``http.conf`` in the http
context, ``site.conf`` in the server block). The configuration lives in a
temporary prefix with its own pid file, logs and temp folders, so nginx runs
the same for root and for any other user, beside a system nginx if one runs.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from portal.csp import HEADER_FILE

NGINX = Path("/usr/sbin/nginx")
# The test kit runs from the checkout (an editable install), beside the files
# operators deploy.
DEPLOY_DIR = Path(__file__).resolve().parent.parent / "deploy" / "nginx"
CONF_DIR_NAME = "hpv-portal"
"""Where the deployed files live below nginx's configuration folder (/etc/nginx/hpv-portal/)."""
MIME_TYPES = Path("/etc/nginx/mime.types")
"""Debian's list, included by /etc/nginx/nginx.conf on every Debian server."""
START_TIMEOUT = 10.0

MAIN_CONF = """\
# Written by portal_testkit/nginx.py: a throwaway nginx for one test run.
daemon off;
# One process that never switches user: the same for root and everyone else,
# and the site in the test's temporary folder stays readable.
master_process off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log notice;

events {{
    worker_connections 256;
}}

http {{
    include {mime_types};
    default_type application/octet-stream;
    access_log {prefix}/logs/access.log;
    client_body_temp_path {prefix}/temp/body;
    proxy_temp_path {prefix}/temp/proxy;
    fastcgi_temp_path {prefix}/temp/fastcgi;
    uwsgi_temp_path {prefix}/temp/uwsgi;
    scgi_temp_path {prefix}/temp/scgi;

    # Relative, as on a server: nginx resolves it against the folder of nginx.conf.
    include {conf_name}/http.conf;

    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root "{site_dir}";
        include {conf_name}/site.conf;
    }}
}}
"""


class NginxError(RuntimeError):
    """nginx did not start; the message carries its error log."""


@dataclass(frozen=True)
class NginxServer:
    base_url: str
    """``http://127.0.0.1:<port>/``"""
    prefix: Path
    """The temporary prefix: nginx.conf, the deployed files, logs/, temp/."""

    @property
    def error_log(self) -> str:
        return _read(self.prefix / "logs" / "error.log")

    @property
    def access_log(self) -> str:
        return _read(self.prefix / "logs" / "access.log")


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def write_config(site_dir: Path, prefix: Path, port: int) -> Path:
    """Lay out the prefix (deployed files, logs, temp) and return the path of nginx.conf."""
    conf_dir = prefix / CONF_DIR_NAME
    shutil.rmtree(conf_dir, ignore_errors=True)
    shutil.copytree(DEPLOY_DIR, conf_dir)
    # As on a server: the policy header comes from the published site (headers.conf).
    (conf_dir / "csp.conf").symlink_to(site_dir.resolve() / HEADER_FILE)
    for folder in ("logs", "temp"):
        (prefix / folder).mkdir(parents=True, exist_ok=True)
    config = prefix / "nginx.conf"
    config.write_text(
        MAIN_CONF.format(
            prefix=prefix,
            mime_types=MIME_TYPES,
            conf_name=CONF_DIR_NAME,
            port=port,
            site_dir=site_dir.resolve(),
        ),
        encoding="utf-8",
    )
    return config


def _wait_until_listening(process: subprocess.Popen[bytes], port: int, prefix: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise NginxError(_read(prefix / "logs" / "error.log") or f"exit {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise NginxError(f"nginx antwortet nach {START_TIMEOUT:.0f} s nicht auf Port {port}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGQUIT)  # finish open requests, then leave
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@contextmanager
def serve_with_nginx(site_dir: Path, prefix: Path, *, attempts: int = 3) -> Iterator[NginxServer]:
    """Serve ``site_dir`` with the repository's nginx configuration until the block ends.

    The port is free when chosen but could be taken before nginx binds it
    (another test worker); nginx then stops at once, and we try a new port.
    """
    if not os.access(NGINX, os.X_OK):
        raise NginxError(
            f"{NGINX} fehlt: die Tests des Webservers brauchen Debians nginx — `make nginx`"
        )
    for attempt in range(attempts):
        port = _free_port()
        config = write_config(site_dir, prefix, port)
        # -e: errors before the configuration is read go to the prefix as well.
        command = [str(NGINX), "-p", str(prefix), "-c", str(config)]
        command += ["-e", str(prefix / "logs" / "error.log")]
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=prefix
        )
        try:
            _wait_until_listening(process, port, prefix)
        except NginxError:
            _stop(process)
            if attempt + 1 < attempts and "Address already in use" in _read(
                prefix / "logs" / "error.log"
            ):
                continue
            raise
        try:
            yield NginxServer(base_url=f"http://127.0.0.1:{port}/", prefix=prefix)
        finally:
            _stop(process)
        return
