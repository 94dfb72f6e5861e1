"""The story page's inline upload and the history page, in a real browser."""

import re

from playwright.sync_api import expect

from newsdiff.stories.models import Version

UPDATE = (
    "Ferry Hits Rocks Off Gull Point, 15 Hurt\n\n"
    "“The fog came down very quickly, and visibility in the channel was under fifty metres at "
    "the time,” said harbour master Ruth Aldane.\n\n"
    "“We are not aware of any fault with the vessel’s navigation equipment,” Percival said.\n\n"
    "“Passengers will be offered a full refund,” a spokeswoman said.\n"
)


def test_uploading_a_version_shows_its_alignment_with_the_reference(
    logged_in_page, live_server, demo
):
    story, versions = demo
    page = logged_in_page
    page.goto(f"{live_server.url}/stories/{story.slug}/")
    form = page.locator("#upload-form")
    form.get_by_label("Add to").select_option(str(versions["Coastline Daily v2"].article_id))
    form.get_by_label("Paste the text").fill(UPDATE)
    form.get_by_role("button", name="Add and align").click()
    reference = versions["Harbour Gazette v1"]
    expect(page).to_have_url(re.compile(rf"/compare/\?a={reference.pk}&b=\d+$"))
    new = Version.objects.get(article__story=story, number=3)
    assert page.url.endswith(f"b={new.pk}")
    expect(page.locator("#column-b-title")).to_contain_text("Coastline Daily v3")
    expect(page.locator("#pairs-region .pair")).to_have_count(2)
    expect(page.locator("#pairs-region")).to_contain_text("Exact")


def test_upload_errors_are_shown_in_place(logged_in_page, live_server, demo):
    story, _ = demo
    page = logged_in_page
    page.goto(f"{live_server.url}/stories/{story.slug}/")
    page.evaluate("window.stillTheSamePage = true")
    page.locator("#upload-form").get_by_role("button", name="Add and align").click()
    expect(page.locator("#upload-form .form-errors")).to_contain_text(
        "Paste the text, upload a file, or give a URL to fetch."
    )
    assert page.evaluate("window.stillTheSamePage") is True
    assert page.url == f"{live_server.url}/stories/{story.slug}/"


def test_the_version_picker_opens_a_comparison(logged_in_page, live_server, demo):
    story, versions = demo
    page = logged_in_page
    page.goto(f"{live_server.url}/stories/{story.slug}/")
    page.get_by_label("Compare", exact=True).select_option(label="Coastline Daily v1")
    page.get_by_label("with", exact=True).select_option(label="Coastline Daily v2")
    page.locator("form.compare-pick").get_by_role("button", name="Compare").click()
    a, b = versions["Coastline Daily v1"].pk, versions["Coastline Daily v2"].pk
    expect(page).to_have_url(re.compile(rf"/compare/\?a={a}&b={b}"))
    expect(page.locator(".columns")).to_be_visible()


def test_history_shows_the_correction_word_by_word(logged_in_page, live_server, demo):
    _, versions = demo
    page = logged_in_page
    page.goto(f"{live_server.url}/articles/{versions['Coastline Daily v2'].article_id}/history/")
    latest = page.locator("#version-2")
    expect(latest.locator(".textdiff del").first).to_be_visible()
    expect(latest.locator(".changed-quotes")).to_contain_text("Number changed")
    expect(latest.locator(".changed-quotes")).to_contain_text("Negation changed")
