"""The browser tests serve built sites with the core's local server."""

from __future__ import annotations

from portal.local_server import serve

__all__ = ["serve"]
