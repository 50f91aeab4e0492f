"""The sub-commands of ``python -m portal``, one module each, above everything they use.

Each module has ``register(subparsers)`` (listed in `portal.cli.COMMANDS`)
and works on the site model (`portal.site.model.load_site`) and the core;
no module below imports a command. What the commands share is in `common`.
"""
