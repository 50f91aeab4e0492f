"""Warnings that look like MkDocs' own but do not fail a strict build.

Strict mode counts the warnings that reach the ``mkdocs`` logger tree. Some
notices must be seen without failing a preview or CI build (missing operator
details, chapters due for review): they go to a logger outside that tree,
which prints through MkDocs' console handler, so the line looks the same.
"""

from __future__ import annotations

import logging


def notice_logger(name: str) -> logging.Logger:
    """A logger outside ``mkdocs.*`` that prints through MkDocs' console handler."""
    if name == "mkdocs" or name.startswith("mkdocs."):
        raise ValueError(f"{name}: ein Hinweis-Logger darf nicht unter „mkdocs“ liegen")
    log = logging.getLogger(name)
    for handler in logging.getLogger("mkdocs").handlers:
        if handler.name == "MkDocsStreamHandler" and handler not in log.handlers:
            log.addHandler(handler)
            # Not passed on to the root logger as well: each notice prints once.
            log.propagate = False
    return log
