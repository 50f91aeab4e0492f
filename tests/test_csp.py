"""The Content Security Policy: computed from the built site, in every page and for nginx."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from portal import csp
from portal.findings import ConfigurationError
from sitebuilder import build, page, write_site

# The example of the CSP specification (Level 3, 2.3.1).
SPEC_SCRIPT = "alert('Hello, world.');"
SPEC_HASH = "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"

ALLOWED_SOURCES = {"'self'", "'none'"}


def directives(policy: str) -> dict[str, list[str]]:
    parsed: dict[str, list[str]] = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        assert name not in parsed, f"{name} doppelt in {policy}"
        parsed[name] = sources
    return parsed


def policy_problems(policy: str, *, meta: bool) -> list[str]:
    """What a policy allows beyond the portal's rules (empty when it keeps them)."""
    problems = []
    parsed = directives(policy)
    if parsed.get("default-src") != ["'none'"]:
        problems.append(f"default-src ist {parsed.get('default-src')}, nicht 'none'")
    if meta == ("frame-ancestors" in parsed):
        problems.append("frame-ancestors gehört in den Header, nicht in <meta>")
    for name, sources in parsed.items():
        for source in sources:
            if source in ALLOWED_SOURCES:
                continue
            if source.startswith("'sha256-") and name in ("script-src", "style-src"):
                continue
            if source == "data:" and name == "img-src":
                continue
            problems.append(f"{name} erlaubt {source}")
    return problems


def meta_policies(html: str) -> list[str]:
    tree = LexborHTMLParser(html)
    return [
        node.attributes.get("content") or ""
        for node in tree.css("meta[http-equiv]")
        if (node.attributes.get("http-equiv") or "").lower() == "content-security-policy"
    ]


def test_hash_is_the_one_browsers_compute() -> None:
    assert csp.source_hash(SPEC_SCRIPT) == SPEC_HASH


def test_inline_code_finds_scripts_styles_and_what_no_hash_allows() -> None:
    html = (
        '<!doctype html><html><head><meta charset="utf-8">\n'
        f"<script>{SPEC_SCRIPT}</script>\n"
        '<script type="application/json">{"daten": 1}</script>\n'
        '<script src="datei.js"></script><style>p{color:red}</style></head>\n'
        '<body><p style="color:red" onclick="x()">Text</p>\n'
        '<a href="javascript:void(0)">Link</a></body></html>'
    )
    code = csp.inline_code(html)
    assert code.script_hashes == [SPEC_HASH]
    assert code.styles == ["p{color:red}"]
    assert html[: code.meta_end].endswith('<meta charset="utf-8">')
    assert code.blocked == [
        csp.Blocked(5, "das Attribut style an <p>", "style="),
        csp.Blocked(5, "das Attribut onclick an <p>", "onclick="),
        csp.Blocked(6, "ein javascript:-Link an <a>", "javascript:"),
    ]


def test_policy_puts_header_only_directives_in_the_header_only() -> None:
    header = csp.policy(script_hashes=[SPEC_HASH], form_targets=["https://news.example.de"])
    meta = csp.policy(
        script_hashes=[SPEC_HASH], form_targets=["https://news.example.de"], meta=True
    )
    assert directives(header)["frame-ancestors"] == ["'none'"]
    assert "frame-ancestors" not in directives(meta)
    assert directives(meta)["script-src"] == ["'self'", SPEC_HASH]
    assert directives(meta)["form-action"] == ["'self'", "https://news.example.de"]


def test_form_targets_come_from_the_listed_modules_as_origins(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(csp, "FORM_TARGET_MODULES", ["test_csp"])
    assert csp.form_targets({"ziel": "https://News.Example.de/abo?x=1"}) == [
        "https://news.example.de"
    ]
    with pytest.raises(ConfigurationError) as error:
        csp.form_targets({"ziel": "http://news.example.de/abo"})
    assert str(error.value) == (
        "test_csp: „http://news.example.de/abo“ ist keine https-Adresse — ein Formular des "
        "Portals sendet nur verschlüsselt; tragen Sie die https-Adresse des Ziels ein."
    )


def form_targets(extra: dict[str, str]) -> list[str]:
    """Stands in for the newsletter module in the test above."""
    return [extra["ziel"]]


def test_every_page_carries_the_policy_before_any_script(portal_site: Path) -> None:
    problems = []
    for path in sorted(portal_site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        name = path.relative_to(portal_site).as_posix()
        policies = meta_policies(html)
        if len(policies) != 1:
            problems.append(f"{name}: {len(policies)} Richtlinien statt einer")
            continue
        code = csp.inline_code(html)
        expected = csp.policy(
            script_hashes=code.script_hashes, style_hashes=code.style_hashes, meta=True
        )
        if policies[0] != expected:
            problems.append(f"{name}: {policies[0]} statt {expected}")
        problems += [f"{name}: {problem}" for problem in policy_problems(policies[0], meta=True)]
        # A page without a script (the redirect pages of portal.stages.finish) passes.
        script = html.find("<script")
        if script != -1 and script < html.find("Content-Security-Policy"):
            problems.append(f"{name}: ein Skript steht vor der Richtlinie")
    assert problems == []


def test_theme_pages_carry_no_inline_code(portal_site: Path) -> None:
    """Hashes are for what the theme cannot avoid; pages from the theme need none."""
    hashed = sorted(
        path.relative_to(portal_site).as_posix()
        for path in portal_site.rglob("*.html")
        if csp.inline_code(path.read_text(encoding="utf-8")).script_hashes
        and "Redirecting..." not in path.read_text(encoding="utf-8")
    )
    assert hashed == []


def test_header_file_holds_every_hash_and_keeps_the_rules(portal_site: Path) -> None:
    text = (portal_site / csp.HEADER_FILE).read_text(encoding="utf-8")
    line = text.splitlines()[-1]
    assert line.startswith('add_header Content-Security-Policy "')
    assert line.endswith('" always;')
    header = line.split('"')[1]
    assert policy_problems(header, meta=False) == []
    hashes = {
        source
        for path in portal_site.rglob("*.html")
        for source in csp.inline_code(path.read_text(encoding="utf-8")).script_hashes
    }
    assert set(directives(header)["script-src"]) == {"'self'", *hashes}


def test_inline_style_in_a_page_is_reported(tmp_path: Path) -> None:
    config = write_site(
        tmp_path,
        {
            "index.md": page("Start", "# Start\n\nText."),
            "seite.md": page(
                "Seite", '# Seite\n\nText.\n\n<p style="color: red">Rot</p>\n', front_matter=None
            ),
        },
    )
    result = build(config)
    assert not result.ok
    assert (
        "docs/seite.md:14: Die Seite enthält das Attribut style an <p>; die Content Security "
        "Policy des Portals blockiert es im Browser — gestalten Sie mit einer Klasse in "
        "docs/stylesheets/ und schreiben Sie Skripte als Datei (overrides/assets/javascripts/), "
        "nicht in die Seite."
    ) in result.log


def test_preview_pages_stay_as_built_and_the_header_is_written(tmp_path: Path) -> None:
    """``mkdocs serve`` adds inline live-reload code that a policy in the page would block."""
    html = f'<!doctype html><html><head><meta charset="utf-8"><script>{SPEC_SCRIPT}</script>'
    (tmp_path / "index.html").write_text(html, encoding="utf-8")
    site_policy, findings = csp.secure_site(tmp_path, in_pages=False)
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == html
    assert findings == []
    assert SPEC_HASH in site_policy.header
    assert site_policy.header in (tmp_path / csp.HEADER_FILE).read_text(encoding="utf-8")


def test_a_second_run_replaces_the_policy_it_wrote(tmp_path: Path) -> None:
    html = '<!doctype html><html><head><meta charset="utf-8"><title>x</title></head></html>'
    (tmp_path / "index.html").write_text(html, encoding="utf-8")
    csp.secure_site(tmp_path)
    once = (tmp_path / "index.html").read_text(encoding="utf-8")
    csp.secure_site(tmp_path, targets=["https://news.example.de"])
    twice = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert len(meta_policies(once)) == len(meta_policies(twice)) == 1
    assert directives(meta_policies(twice)[0])["form-action"] == [
        "'self'",
        "https://news.example.de",
    ]
