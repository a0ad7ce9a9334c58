"""The home page stays light: slow phones and old desk PCs, no CDN, no framework."""

from tests.portal.markup import find_all, parse

KB = 1024


def _stylesheets(elements):
    return [e.attrs["href"] for e in find_all(elements, "link", rel="stylesheet")]


def _body(response):
    assert response.status_code == 200, response.status_code
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_html_and_css_of_home_weigh_under_200_kb(client):
    html = client.get("/").content
    stylesheets = _stylesheets(parse(html.decode()))
    assert stylesheets

    css = [_body(client.get(href)) for href in stylesheets]

    assert len(html) + sum(map(len, css)) < 200 * KB
    assert all(len(sheet) < 20 * KB for sheet in css)


def test_nothing_is_loaded_from_another_site(client):
    elements = parse(client.get("/").content.decode())

    addresses = [e.attrs.get("src") or e.attrs.get("href") or "" for e in elements
                 if e.tag in {"link", "script", "img", "iframe"}]
    assert all(a.startswith("/") and not a.startswith("//") for a in addresses)
    assert not find_all(elements, "script")  # no JavaScript needed
