"""Fetching a page as its user, and the expected failures of findings not fixed yet."""

import pytest

from tests.quality.pages import PAGES, Page
from tests.quality.reader import descendants, parse

# (check, page name) -> why it is expected to fail, for a finding not fixed yet (strict: the
# test fails once it is fixed, so the entry is removed then). Empty: every page passes.
KNOWN: dict[tuple[str, str], str] = {}


def cases(check: str, pages=PAGES):
    """`pages` as pytest params, the known findings of unfinished apps marked xfail(strict)."""
    params = []
    for page in pages:
        reason = KNOWN.get((check, page.name))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(page, id=page.name, marks=marks))
    return params


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def fetch(site, page: Page, client=None):
    """(path, response) of `page` as its user."""
    client = client or site.client_for(page.who)
    path = page.url(site)
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return path, response


def elements(site, page: Page, client=None):
    _path, response = fetch(site, page, client)
    return parse(body(response).decode())


def blank_form(site, page: Page):
    """(client, path, data): the page's form as a browser would send it untouched: hidden
    fields (version, CSRF token) kept, text, selects and choices left empty."""
    client = site.client_for(page.who)
    path, response = fetch(site, page, client)
    target = path.split("?")[0] if page.invalid == "." else page.invalid.format(
        code=site.last_dossier().code)
    nodes = parse(body(response).decode())
    forms = [n for n in nodes if n.tag == "form" and n.attrs.get("method", "").lower() == "post"
             and (n.attrs.get("action") or path).split("?")[0] == target]
    assert forms, f"no form posting to {target} on {path}"
    data = {}
    for field in descendants(forms[0]):
        name = field.attrs.get("name")
        if not name or field.tag not in {"input", "select", "textarea"}:
            continue
        kind = field.attrs.get("type", "text")
        if kind == "hidden":
            data[name] = field.attrs.get("value", "")
        elif kind not in {"radio", "checkbox", "file", "submit", "button"}:
            data.setdefault(name, "")
    return client, target, data
