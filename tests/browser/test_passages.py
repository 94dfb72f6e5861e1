"""Passage mode in a real browser: the mode switch swaps the page body through htmx, the URL
follows, and the marked passages are there; back in quotes mode the pairs return."""

import re

from playwright.sync_api import expect

from tests.quotes.ferry import upload
from tests.web.test_compare_passages import AFTER, BEFORE


def test_switching_to_passages_marks_the_text_and_updates_the_address(
    logged_in_page, live_server, story
):
    a, b = upload(story, BEFORE, "Gazette"), upload(story, AFTER, "Courier")
    page = logged_in_page
    page.goto(f"{live_server.url}/stories/{story.slug}/compare/?a={a.pk}&b={b.pk}")
    expect(page.locator("#pairs-title")).to_be_visible()
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_role("link", name="Passages").click()
    expect(page).to_have_url(re.compile(r"mode=passages"))
    expect(page.locator(".column-b .pg.p-added")).to_contain_text("A shelter has opened")
    expect(page.locator(".column-a .pg.p-removed")).to_contain_text("council will meet")
    expect(page.locator(".pg.p-moved .p-tag").first).to_contain_text("Moved")
    expect(page.locator("#pairs-title")).to_have_count(0)
    assert page.evaluate("window.stillTheSamePage === true")  # swapped in by htmx, not reloaded
    page.locator(".column-a .pg.p-moved").click()
    expect(page).to_have_url(re.compile(r"#pb-\d+$"))
    page.get_by_role("link", name="Quotes").click()
    expect(page.locator("#pairs-title")).to_be_visible()
    expect(page).not_to_have_url(re.compile(r"mode=passages"))


def test_passage_mode_works_with_javascript_off(browser, live_server, story, client, editor):
    a, b = upload(story, BEFORE, "Gazette"), upload(story, AFTER, "Courier")
    client.force_login(editor)
    context = browser.new_context(java_script_enabled=False)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/stories/{story.slug}/compare/?a={a.pk}&b={b.pk}")
    page.get_by_role("link", name="Passages").click()
    expect(page).to_have_url(re.compile(r"mode=passages"))
    expect(page.locator(".column-a .pg.p-removed")).to_contain_text("council will meet")
    context.close()
