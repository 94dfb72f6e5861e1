"""Typing in the quote search box swaps the results in without reloading the page."""

import re
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect


def test_typing_a_remembered_quote_swaps_in_the_hits_and_the_address_follows(
    logged_in_page, live_server, demo
):
    page = logged_in_page
    page.goto(live_server.url + "/quotes/search/")
    page.evaluate("window.stillHere = true")  # gone if the page reloads instead of swapping
    page.locator("#quote-search-q").press_sequentially("the crew did what they were trained")
    hits = page.locator("#hits .hit")
    expect(hits.first).to_be_visible()
    expect(hits.first.locator(".hit-diff")).to_contain_text("exactly")
    expect(page.locator("#hits")).to_contain_text("Gull Point")
    assert page.evaluate("window.stillHere") is True
    expect(page).to_have_url(re.compile(r"/quotes/search/\?q=the(\+|%20)crew(\+|%20)did"))
    url = urlsplit(page.url)
    assert parse_qs(url.query) == {"q": ["the crew did what they were trained"]}


def test_the_header_search_box_leads_to_the_results_page(logged_in_page, live_server, demo):
    page = logged_in_page
    page.goto(live_server.url + "/")
    page.locator("#header-search-q").fill("passenger was off the vessel")
    page.locator("#header-search-q").press("Enter")
    expect(page.locator("#hits .hit").first).to_contain_text("forty minutes")
