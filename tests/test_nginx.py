"""The built portal as Debian's nginx serves it with scripts/deploy/nginx/."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from selectolax.lexbor import LexborHTMLParser

from nginx_server import NginxServer


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
