"""A real HTTP server for a built site, on 127.0.0.1 and a free port.

Used where a built site must be read as a browser reads it, over HTTP: by the
browser tests, the benchmark's search measurement and the outside link check
(`portal_testkit.linkchecker`).
"""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class _QuietHandler(SimpleHTTPRequestHandler):
    # One line per request would bury the output of tests and checks.
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    # A browser drops connections it no longer needs (a page left early);
    # that is no error of the site.
    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(site_dir: Path, headers: Mapping[str, str] | None = None) -> Iterator[str]:
    """Serve ``site_dir`` (with extra response ``headers``); yield its base URL with a slash."""
    extra = dict(headers or {})

    class Handler(_QuietHandler):
        def end_headers(self) -> None:
            for name, value in extra.items():
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
