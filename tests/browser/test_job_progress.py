"""Background alignment as an editor sees it: the upload lands on its comparison at once, the
progress block polls while a real worker runs the job, then says so and stops polling."""

from playwright.sync_api import expect

from newsdiff.jobs.models import Job
from tests.browser.test_story_page import UPDATE
from tests.jobs.workers import run_burst


def test_progress_is_polled_until_the_worker_has_aligned_the_story(
    logged_in_page, live_server, demo, settings
):
    settings.NEWSDIFF_INLINE_ALIGNMENTS = 0  # every upload's alignment goes to a worker
    story, versions = demo
    page = logged_in_page
    page.goto(f"{live_server.url}/stories/{story.slug}/")
    form = page.locator("#upload-form")
    form.get_by_label("Add to").select_option(str(versions["Coastline Daily v2"].article_id))
    form.get_by_label("Paste the text").fill(UPDATE)
    form.get_by_role("button", name="Add and align").click()

    progress = page.locator("#job-progress")
    expect(progress).to_contain_text("Aligning versions: waiting for a worker")
    # The editor's own result is there already: the provisional pairing with the reference.
    expect(page.locator("#pairs-region .pair")).to_have_count(2)
    expect(progress.get_by_role("link", name="Refresh")).to_be_hidden()

    run_burst("db")
    assert Job.objects.get(story=story).status == "done"
    expect(progress).to_contain_text("All background work on this story is done", timeout=15_000)

    polls = []
    page.on("request", lambda request: polls.append(request.url) if "/jobs/" in request.url else 0)
    page.wait_for_timeout(3_000)  # longer than one polling interval
    assert polls == []
