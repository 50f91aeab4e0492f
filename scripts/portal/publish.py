"""Atomic builds: ``python -m portal build`` (``make build``, the pipelines).

MkDocs writes into its ``site_dir`` page by page, and a failed strict build
leaves whatever it wrote so far. A web server serving that folder would
show a half-written site, or none. So the portal is built into a fresh folder
beside the published one, and only a build that succeeded in strict mode
takes the published folder's place: on Linux in one step (``renameat2`` with
``RENAME_EXCHANGE`` swaps the two folders), elsewhere with two renames right
after another. A failed build leaves the published folder as it was.

The build runs MkDocs in a child process, so that the core does not import it.
"""

from __future__ import annotations

import argparse
import ctypes
import errno
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from portal.project import find_project

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def build_atomically(
    site_dir: Path,
    *,
    config_file: Path,
    cwd: Path,
    env: Mapping[str, str] | None = None,
    mkdocs_args: Sequence[str] = (),
) -> int:
    """Build strictly into a fresh folder; on success it replaces ``site_dir``.

    Returns MkDocs' exit code: 0 when the new site is in place, anything
    else when the build failed and ``site_dir`` was left untouched.
    """
    site_dir = site_dir.absolute()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    # Beside the published folder: a rename never crosses a file system.
    fresh = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.build-", dir=site_dir.parent))
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
        command += ["--config-file", str(config_file), "--site-dir", str(fresh), *mkdocs_args]
        result = subprocess.run(command, cwd=cwd, env=dict(env or os.environ), check=False)
        if result.returncode != 0:
            return result.returncode
        # mkdtemp makes the folder private (0700); the web server must read it.
        fresh.chmod(0o755)
        _swap_in(fresh, site_dir)
        return 0
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def _swap_in(fresh: Path, site_dir: Path) -> None:
    """Put ``fresh`` at ``site_dir``; afterwards ``fresh`` holds the old site (or nothing)."""
    if not site_dir.exists():
        fresh.rename(site_dir)
        return
    if _exchange(fresh, site_dir):
        return
    # No atomic exchange here (not Linux, or a file system without it): two
    # renames, so the address is empty for the moment between them only.
    parked = fresh.with_name(fresh.name + "-old")
    site_dir.rename(parked)
    fresh.rename(site_dir)
    parked.rename(fresh)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2``); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2: Any = libc.renameat2
    except (OSError, AttributeError):
        return False
    done = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "build",
        help="strenger Build in einen frischen Ordner, der erst bei Erfolg den alten ersetzt",
        description=(
            "Baut das Portal streng (wie mkdocs build --strict) in einen neuen Ordner neben "
            "dem Zielordner und tauscht ihn erst nach einem erfolgreichen Build ein. Scheitert "
            "der Build, bleibt der bisherige Zielordner unverändert."
        ),
    )
    parser.add_argument(
        "--site-dir",
        type=Path,
        default=None,
        metavar="ORDNER",
        help="Zielordner (Standard: site/ im Ordner des Portals)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project = find_project()
    site_dir: Path = args.site_dir or project.root / "site"
    code = build_atomically(site_dir, config_file=project.config_file, cwd=project.root)
    if code == 0:
        print(f"Neuer Stand in {site_dir}")
    else:
        print(
            f"Der Build ist gescheitert (siehe Meldungen oben); {site_dir} ist unverändert.",
            file=sys.stderr,
        )
    return 1 if code else 0
