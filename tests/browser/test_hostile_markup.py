"""Uploaded markup never runs in a real browser: no dialog, no payload script, no payload
element, on the story, compare and history pages."""

import re

import pytest
from playwright.sync_api import expect

from newsdiff.stories.models import Story, Version

PAYLOADS = (
    "<script>alert(1)</script> "
    '<img src=x onerror="alert(2)"> '
    '<a href="javascript:alert(3)">click</a> '
    '<svg onload="alert(4)"><circle r="1"/></svg> '
    '<iframe srcdoc="<script>parent.alert(5)</script>"></iframe>'
)


def hostile_text(ending: str) -> str:
    return (
        f"Harbour report {PAYLOADS}\n\n"
        f"“The wall {PAYLOADS} will be rebuilt by spring,” said Ruth Kerr.\n\n"
        f"“We have the money {PAYLOADS},” she added.{ending}\n"
    )


@pytest.fixture
def dialogs(logged_in_page):
    fired = []
    logged_in_page.on("dialog", lambda dialog: (fired.append(dialog.message), dialog.dismiss()))
    return fired


def payload_elements(page) -> dict:
    return page.evaluate(
        """() => ({
            inlineScripts: [...document.scripts].filter(s => !s.src).length,
            injected: document.querySelectorAll(
                'main iframe, main svg circle, main img[src="x"], main [onerror], main [onload],'
                + ' a[href^="javascript:"]').length,
        })"""
    )


def test_hostile_upload_runs_nothing_on_story_compare_and_history_pages(
    logged_in_page, live_server, transactional_db, dialogs
):
    story = Story.objects.create(title=f"Harbour <b>wall</b> {PAYLOADS}", slug="harbour-wall")
    page = logged_in_page
    for ending in ("", " More later."):
        page.goto(f"{live_server.url}/stories/{story.slug}/upload/")
        page.get_by_label("Or upload a file").wait_for(state="attached")
        page.locator("input[name=outlet]").fill(f"Gazette {PAYLOADS}")
        page.locator("input[name=headline]").fill(f"Wall {PAYLOADS}")
        page.get_by_label("Paste the text").fill(hostile_text(ending))
        page.locator("form button[type=submit]").last.click()
        page.wait_for_load_state("networkidle")
    first, second = Version.objects.order_by("pk")
    assert "<script>alert(1)</script>" in first.text
    for path in (
        f"/stories/{story.slug}/",
        f"/stories/{story.slug}/compare/?a={first.pk}&b={second.pk}",
        f"/articles/{first.article_id}/history/",
        f"/articles/{first.article_id}/versions/1/",
    ):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        expect(page.locator("main")).to_contain_text(re.compile(r"<script>alert\(1\)</script>"))
        assert payload_elements(page) == {"inlineScripts": 0, "injected": 0}, path
    assert dialogs == []
