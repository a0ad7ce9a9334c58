"""The main pages of each kind reflow at 320 px and work at 375 px (WCAG 2.1 1.4.10: no
sideways scrolling), and the keyboard reaches each page's main action with a visible focus
ring (2.1.1, 2.4.7)."""

import pytest

from motcua.dossiers.statuses import Channel, Status
from tests.e2e.session import sign_in
from tests.quality.conftest import Site

pytestmark = pytest.mark.e2e

WIDTHS = (320, 375)
MAX_TABS = 80

FOCUS_VISIBLE = """() => {
  const style = getComputedStyle(document.activeElement);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  return outline || (style.boxShadow && style.boxShadow !== 'none');
}"""
IS_MAIN_ACTION = "(selector) => document.activeElement === document.querySelector(selector)"


def _pages(site: Site):
    """(name, who, path, the main action's selector) of one page of each kind."""
    from motcua.submission.steps import step_url

    return [
        ("home", None, "/", "main form button"),
        ("procedure", None, f"/thu-tuc/{site.procedure.code}/", "main a[href^='/nop-ho-so/']"),
        ("lookup", None, "/tra-cuu/", "main form button"),
        ("wizard-step", "citizen", step_url(site.dossier(Status.DRAFT), "applicant"),
         "main form button[type=submit]"),
        ("my-dossier", "citizen",
         f"/ho-so/{site.dossier(Status.SUPPLEMENT_REQUESTED).code}/", "main a.button"),
        ("desk-queue", "desk_officer",
         (site.dossier(Status.SUBMITTED), "/mot-cua/")[1], "main table a"),
        ("processing-inbox", "specialist",
         (site.dossier(Status.PROCESSING, Channel.DIRECT), "/xu-ly/")[1], "main table a"),
    ]


@pytest.fixture
def site(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return Site(settings)


def _tab_to_main_action(page, selector: str) -> bool:
    assert page.locator(selector).count(), f"no main action {selector} on {page.url}"
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(IS_MAIN_ACTION, selector):
            return True
    return False


def test_main_pages_reflow_and_their_main_action_is_keyboard_reachable(
        page, context, live_server, site, screenshot, console_errors):
    problems = []
    for name, who, path, action in _pages(site):
        if who is None:
            context.clear_cookies()
        else:
            sign_in(context, live_server, getattr(site.world, who))
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            page.goto(f"{live_server.url}{path}")
            scroll = page.evaluate("document.documentElement.scrollWidth")
            inner = page.evaluate("window.innerWidth")
            if scroll > inner:
                problems.append(f"{name} scrolls sideways at {width} px ({scroll} > {inner})")
            if width == 375:
                if not _tab_to_main_action(page, action):
                    problems.append(f"{name}: Tab never reaches {action}")
                elif not page.evaluate(FOCUS_VISIBLE):
                    problems.append(f"{name}: the focused main action shows no focus style")
            screenshot(f"{name}-{width}")

    assert problems == [], "\n".join(problems)
    assert console_errors == []
