"""The quote matrix and the fidelity report in a real browser, on the demo ferry story."""

import re

from playwright.sync_api import expect

from newsdiff.quotes.models import QuotePair


def matrix_url(live_server, demo, query=""):
    story, _ = demo
    return f"{live_server.url}/stories/{story.slug}/matrix/{query}"


def test_clicking_a_cell_opens_that_pair_in_the_compare_view(logged_in_page, live_server, demo):
    page = logged_in_page
    _, versions = demo
    gazette, coastline = versions["Harbour Gazette v1"], versions["Coastline Daily v1"]
    page.goto(matrix_url(live_server, demo))
    column = [v.pk for v in sorted(versions.values(), key=lambda v: v.uploaded_at)].index(
        coastline.pk
    )
    row = page.locator("tr.matrix-row", has_text="Marine Casualty Board")
    cell = row.locator("td.cell").nth(column)
    expect(cell).to_contain_text("Maritime Safety Agency")
    cell.locator("a").click()
    expect(page).to_have_url(re.compile(rf"/compare/\?a={gazette.pk}&b={coastline.pk}#pair-\d+$"))
    pair_id = int(page.url.rsplit("#pair-", 1)[1])
    pair = QuotePair.objects.get(pk=pair_id)
    assert {pair.alignment.version_a_id, pair.alignment.version_b_id} == {gazette.pk, coastline.pk}
    target = page.locator(f"#pair-{pair_id}")
    expect(target).to_be_in_viewport()
    expect(target).to_contain_text("Maritime Safety Agency")
    expect(target).to_contain_text("Name changed")


def test_sorting_by_order_in_the_original_reloads_the_rows(logged_in_page, live_server, demo):
    page = logged_in_page
    page.goto(matrix_url(live_server, demo))
    page.get_by_label("Sort rows").select_option("original")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"sort=original"))
    numbers = page.locator("tbody .row-number").all_inner_texts()
    assert numbers == [f"#{n}" for n in range(1, len(numbers) + 1)]


def test_matrix_is_readable_on_a_phone(logged_in_page, live_server, demo):
    page = logged_in_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(matrix_url(live_server, demo))
    # The page keeps to the screen; the table scrolls sideways inside its frame.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    wrap = page.locator(".matrix-wrap")
    assert wrap.evaluate("el => el.scrollWidth > el.clientWidth")
    first_cell = page.locator("tbody td.cell").first
    size = first_cell.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    assert size >= 14
    box = first_cell.bounding_box()
    assert box["width"] >= 200  # a cell is wide enough to read a sentence per line or two
    # Scrolled sideways, the statement column stays in view.
    wrap.evaluate("el => el.scrollLeft = 400")
    head = page.locator("tbody th.row-head").first
    assert head.bounding_box()["x"] <= 20


def test_printing_the_report_hides_navigation_and_forms(logged_in_page, live_server, demo):
    page = logged_in_page
    story, _ = demo
    page.goto(f"{live_server.url}/stories/{story.slug}/report/")
    expect(page.locator(".site-header")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".crumbs")).to_be_hidden()
    expect(page.locator("svg.fidelity-chart")).to_be_visible()
    expect(page.locator("table.report-table").first).to_be_visible()
