"""The printable story page under print media: the site's header and on-screen notes go."""

from playwright.sync_api import expect

from tests.quotes.ferry import upload
from tests.web.test_compare_passages import BEFORE


def test_printable_page_prints_without_the_site_chrome(logged_in_page, live_server, story):
    upload(story, BEFORE, "Gazette")
    page = logged_in_page
    page.goto(f"{live_server.url}/stories/{story.slug}/print/")
    expect(page.locator(".site-header")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".no-print").first).to_be_hidden()
    expect(page.get_by_role("heading", name="Pairs of quotes")).to_be_visible()
