"""Every page stays light (≤ 200 KB with everything it loads: HTML, stylesheets, scripts,
images, icons, and what the stylesheets pull in) and loads nothing from another site."""

import re
from urllib.parse import urljoin

import pytest

from tests.quality.reader import parse
from tests.quality.support import body, cases, fetch

KB = 1024
BUDGET = 200 * KB
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


def _assets(elements) -> list[str]:
    found = []
    for node in elements:
        if node.tag == "link" and set(node.attrs.get("rel", "").split()) & {
                "stylesheet", "icon", "preload", "manifest"}:
            found.append(node.attrs["href"])
        elif node.tag in {"script", "img", "source", "iframe"} and node.attrs.get("src"):
            found.append(node.attrs["src"])
    return found


def _load(client, address: str, seen: dict[str, int]) -> None:
    """Fetch `address` (and, for a stylesheet, what it imports), counting each once."""
    if address in seen or address.startswith("data:"):
        return
    assert address.startswith("/") and not address.startswith("//"), address
    response = client.get(address)
    assert response.status_code == 200, (address, response.status_code)
    content = body(response)
    seen[address] = len(content)
    if address.split("?")[0].endswith(".css"):
        for ref in _CSS_URL.findall(content.decode()):
            _load(client, urljoin(address, ref), seen)


@pytest.mark.parametrize("page", cases("weight"))
def test_page_with_its_assets_weighs_at_most_200_kb(site, page):
    client = site.client_for(page.who)
    _path, response = fetch(site, page, client)
    html = body(response)
    loaded: dict[str, int] = {}

    for address in _assets(parse(html.decode())):
        _load(client, address, loaded)

    total = len(html) + sum(loaded.values())
    assert loaded, "no stylesheet loaded: the shell's CSS is missing"
    assert total <= BUDGET, f"{total / KB:.0f} KB: HTML {len(html) / KB:.0f} KB, {loaded}"
