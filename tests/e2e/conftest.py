"""Playwright in Debian's Chromium against pytest-django's live server.

`playwright install` cannot download browsers here, so the system Chromium is launched by path.
One browser per session (start-up is the slow part), a fresh context per test (no cookies, no
language choice leak between tests). Screenshots go to tests/artifacts/ (gitignored), also
automatically when a test fails.
"""

import os
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM

# Playwright's sync API runs an event loop in the test thread, which makes Django refuse
# synchronous database access there (test set-up and teardown); nothing here is async code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",  # the tests run as root in CI
    "--disable-gpu",
    # No traffic beyond the live server: tests block the network, so should the browser.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 10_000


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    item.stash.setdefault(_REPORTS, {})[report.when] = report
    return report


_REPORTS = pytest.StashKey[dict]()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    # A browser that prefers English: the site must still open in Vietnamese.
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context, live_server, transactional_db, request):
    """A page of a fresh context; the live server and its database are up."""
    page = context.new_page()
    yield page
    call = request.node.stash.get(_REPORTS, {}).get("call")
    if call is not None and call.failed:
        _save(page, f"{request.node.name}-failed")


@pytest.fixture
def console_errors(page) -> list[str]:
    """Errors the page reports (script errors, Content-Security-Policy violations, 404s)."""
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


@pytest.fixture
def screenshot(page, request):
    """screenshot("label") saves tests/artifacts/<test>-<label>.png and returns its path."""

    def take(label: str) -> Path:
        return _save(page, f"{request.node.name}-{label}")

    return take


def _save(page, stem: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{stem}.png"
    page.screenshot(path=path, full_page=True)
    return path
