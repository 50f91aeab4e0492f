"""A real HTTP server for a built site, on 127.0.0.1 and a free port."""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class _QuietHandler(SimpleHTTPRequestHandler):
    # One line per request would bury the test output.
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    # The browser drops connections it no longer needs (a page left early);
    # that is no error of the site.
    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve ``site_dir`` and yield its base URL (with a trailing slash)."""
    with serve_with_headers(site_dir, {}) as base_url:
        yield base_url


@contextmanager
def serve_with_headers(site_dir: Path, headers: dict[str, str]) -> Iterator[str]:
    """Serve ``site_dir`` with extra response headers; yield its base URL."""

    class Handler(_QuietHandler):
        def end_headers(self) -> None:
            for name, value in headers.items():
                self.send_header(name, value)
            super().end_headers()

    handler = functools.partial(Handler, directory=str(site_dir))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host!s}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
