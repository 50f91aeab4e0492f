"""The test kit: how the tests and the benchmark drive a built site from outside.

- ``chromium``: Debian's Chromium and the arguments every browser run starts it with;
- ``local_server``: a plain HTTP server for a built site on 127.0.0.1;
- ``nginx``: Debian's nginx with the repository's deployed configuration;
- ``linkchecker``: LinkChecker over a built site, one line per problem.

Tests and benchmark share it, so both measure the site the same way, and the
benchmark needs nothing from ``tests/``. The runtime package ``portal`` never
imports it (tests/test_layout.py): building and checking the portal needs
no browser, web server or LinkChecker.
"""
