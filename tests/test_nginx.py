"""The built portal as Debian's nginx serves it with scripts/deploy/nginx/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from selectolax.lexbor import LexborHTMLParser

from portal import csp
from portal_testkit.nginx import DEPLOY_DIR, NginxServer, serve_with_nginx


@pytest.fixture(scope="module")
def client(nginx_portal: NginxServer) -> httpx.Client:
    return httpx.Client(base_url=nginx_portal.base_url, follow_redirects=False, timeout=10)


def _language(response: httpx.Response) -> str | None:
    html = LexborHTMLParser(response.text).css_first("html")
    return None if html is None else html.attributes.get("lang")


@pytest.mark.parametrize(
    ("path", "language"),
    [("", "de"), ("einarbeitung/", "de"), ("en/", "en"), ("en/einarbeitung/", "en")],
)
def test_pages_are_served_as_utf8_html(client: httpx.Client, path: str, language: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert _language(response) == language


@pytest.mark.parametrize(
    ("path", "not_found_page"),
    [
        ("gibt-es-nicht/", "404.html"),
        ("einarbeitung/fehlt.html", "404.html"),
        ("en/does-not-exist/", "en/404.html"),
        ("en/einarbeitung/missing.html", "en/404.html"),
    ],
)
def test_missing_pages_get_the_not_found_page_of_their_language(
    client: httpx.Client, portal_site: Path, path: str, not_found_page: str
) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.text == (portal_site / not_found_page).read_text(encoding="utf-8")


def test_a_folder_without_slash_is_redirected_on_the_same_host(client: httpx.Client) -> None:
    response = client.get("einarbeitung")
    assert response.status_code == 301
    # Relative, so that a proxy in front or another port keeps working.
    assert response.headers["location"] == "/einarbeitung/"


SECURITY_HEADERS = {
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "permissions-policy": (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
        "microphone=(), payment=(), usb=()"
    ),
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}


@pytest.mark.parametrize(
    "path",
    [
        "",
        "en/einarbeitung/",
        "gibt-es-nicht/",
        "stylesheets/portal.css",
        "search/portal-index.json",
    ],
)
def test_every_answer_carries_the_security_headers(
    client: httpx.Client, portal_site: Path, path: str
) -> None:
    response = client.get(path)
    header_file = (portal_site / csp.HEADER_FILE).read_text(encoding="utf-8")
    assert response.headers["content-security-policy"] == header_file.split('"')[1]
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, name
    # Plain HTTP: no HSTS (http.conf sends it over HTTPS only).
    assert "strict-transport-security" not in response.headers
    assert response.headers["server"] == "nginx"  # without its version


def test_https_answers_would_carry_hsts() -> None:
    http_conf = (DEPLOY_DIR / "http.conf").read_text(encoding="utf-8")
    assert 'https   "max-age=31536000; includeSubDomains";' in http_conf
    headers = (DEPLOY_DIR / "headers.conf").read_text(encoding="utf-8")
    assert "add_header Strict-Transport-Security $hpv_portal_hsts always;" in headers


def test_cache_lifetimes(client: httpx.Client, portal_site: Path) -> None:
    bundle = next((portal_site / "assets" / "javascripts").glob("bundle.*.min.js"))
    fingerprinted = client.get(bundle.relative_to(portal_site).as_posix())
    assert fingerprinted.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert client.get("einarbeitung/").headers["cache-control"] == "public, max-age=300"
    assert client.get("gibt-es-nicht/").headers["cache-control"] == "public, max-age=300"
    stylesheet = client.get("stylesheets/portal.css")
    assert stylesheet.headers["cache-control"] == "public, max-age=3600"


def test_text_is_compressed(client: httpx.Client) -> None:
    for path in ("", "stylesheets/portal.css", "search/portal-index.json"):
        response = client.get(path, headers={"accept-encoding": "gzip"})
        assert response.headers.get("content-encoding") == "gzip", path
        assert response.headers.get("vary") == "Accept-Encoding", path


def test_the_policy_file_and_other_dot_files_are_not_served(client: httpx.Client) -> None:
    response = client.get(csp.HEADER_FILE)
    assert response.status_code == 404
    assert "add_header" not in response.text


@pytest.fixture(scope="module")
def files_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A hand-made site with one file of each kind whose type nginx must get right."""
    site = tmp_path_factory.mktemp("files-site")
    (site / "index.html").write_text(
        '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>x</title></head>'
        "<body></body></html>",
        encoding="utf-8",
    )
    for name in FILE_TYPES:
        target = site / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("x\n" * 200, encoding="utf-8")
    csp.secure_site(site)
    with serve_with_nginx(site, tmp_path_factory.mktemp("files-nginx")) as server:
        yield server.base_url


FILE_TYPES = {
    "kalender.ics": "text/calendar; charset=utf-8",
    "en/veranstaltungen/tagung.ics": "text/calendar; charset=utf-8",
    "feed_rss_created.xml": "application/rss+xml; charset=utf-8",
    "en/newsletter/feed.xml": "application/rss+xml; charset=utf-8",
    "newsletter/atom.xml": "application/atom+xml; charset=utf-8",
    "newsletter/feed.atom.xml": "application/atom+xml; charset=utf-8",
    "en/newsletter/feed.rss.xml": "application/rss+xml; charset=utf-8",
    "sitemap.xml": "text/xml; charset=utf-8",
    "search/portal-index.json": "application/json; charset=utf-8",
    "assets/logo.svg": "image/svg+xml; charset=utf-8",
}


@pytest.mark.parametrize(("name", "content_type"), FILE_TYPES.items())
def test_feeds_calendars_and_assets_get_their_types(
    files_site: str, name: str, content_type: str
) -> None:
    response = httpx.get(files_site + name, headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["content-type"] == content_type
    assert response.headers["content-encoding"] == "gzip"
    assert "content-security-policy" in response.headers
