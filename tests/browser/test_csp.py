"""The main pages under the real Content Security Policy in Chromium: loading them and using
their htmx controls must not make the browser refuse anything (no inline script or style, no
eval), or the page would silently lose behaviour or looks in production."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_compare import compare_url

# Collects what the browser reports; added through the DevTools protocol, which the page's own
# policy does not govern.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture
def watched_page(logged_in_page):
    page = logged_in_page
    page.refused = []
    page.on(
        "console",
        lambda msg: (
            page.refused.append(msg.text)
            if "Refused to" in msg.text or "Content Security Policy" in msg.text
            else None
        ),
    )
    page.add_init_script(LISTEN)
    return page


def violations(page):
    return page.refused + page.evaluate("window.__cspViolations")


def pages(live_server, demo):
    story, versions = demo
    article = versions["Harbour Gazette v1"].article_id
    base = live_server.url
    return {
        "story list": f"{base}/",
        "story page": f"{base}/stories/{story.slug}/",
        "compare": compare_url(live_server, demo),
        "upload": f"{base}/stories/{story.slug}/upload/",
        "history": f"{base}/articles/{article}/history/",
    }


def test_main_pages_load_without_any_csp_violation(watched_page, live_server, demo):
    page = watched_page
    for name, url in pages(live_server, demo).items():
        response = page.goto(url)
        assert "script-src 'self'" in response.headers["content-security-policy"], name
        page.wait_for_load_state("networkidle")
        assert violations(page) == [], name


def test_admin_pages_load_without_any_csp_violation(
    watched_page, live_server, demo, django_user_model
):
    """The same browser, now an admin's: the users page, a delete confirmation and the
    Deleted page, after deleting a version for real."""
    from newsdiff.accounts.roles import Role, grant

    grant(django_user_model.objects.get(username="browser-editor"), Role.ADMIN)
    page = watched_page
    story, versions = demo
    gazette = versions["Harbour Gazette v1"]
    page.goto(f"{live_server.url}/accounts/users/")
    expect(page.locator("h1")).to_have_text("Users")
    page.goto(f"{live_server.url}/articles/{gazette.article_id}/versions/{gazette.number}/")
    page.get_by_role("link", name="Delete this version").click()
    page.get_by_role("button", name="Delete version 1 of Harbour Gazette").click()
    expect(page.locator(".messages")).to_contain_text("Deleted version 1 of Harbour Gazette")
    page.get_by_role("link", name="Deleted").click()
    page.get_by_role("button", name="Restore Harbour Gazette v1").click()
    expect(page.locator(".messages")).to_contain_text("Restored version 1 of Harbour Gazette")
    page.wait_for_load_state("networkidle")
    assert violations(page) == []


def test_htmx_swaps_on_the_compare_page_cause_no_csp_violation(watched_page, live_server, demo):
    page = watched_page
    page.goto(compare_url(live_server, demo))
    page.get_by_label("Kind").select_option("minor")
    expect(page.locator("#pairs-region .count")).to_contain_text("Showing 4 of 6 pairs")
    row = page.locator("#pairs-region .pair").first
    row.get_by_role("button", name="Confirm this pair").click()
    expect(page.locator("#pairs-region .pair").first).to_have_class(re.compile(r"state-confirmed"))
    page.wait_for_load_state("networkidle")
    assert violations(page) == []


def test_an_inline_script_would_be_reported(watched_page, live_server, demo):
    """The watch itself works: a page that breaks the policy is caught."""
    page = watched_page
    page.goto(f"{live_server.url}/")
    page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', '<div style=\"color: red\">x</div>')"
    )
    page.wait_for_timeout(200)
    assert any("style-src" in v for v in violations(page))
