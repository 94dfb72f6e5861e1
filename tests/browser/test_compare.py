"""The compare view in a real browser, on the demo story loaded through the real services."""

import re

from playwright.sync_api import expect


def compare_url(live_server, demo, left="Harbour Gazette v1", right="Coastline Daily v1", **extra):
    story, versions = demo
    query = f"a={versions[left].pk}&b={versions[right].pk}"
    query += "".join(f"&{k}={v}" for k, v in extra.items())
    return f"{live_server.url}/stories/{story.slug}/compare/?{query}"


def test_clicking_a_quote_highlights_its_counterpart(logged_in_page, live_server, demo):
    page = logged_in_page
    page.goto(compare_url(live_server, demo))
    page.locator("#qa-0").click()
    counterpart = page.locator("#qb-0")
    expect(counterpart).to_have_class(re.compile(r"\bis-active\b"))
    expect(counterpart).to_be_focused()
    expect(counterpart).to_contain_text("under fifteen metres")
    expect(page.locator("#nav-status")).to_have_text("Counterpart highlighted")
    assert page.url.endswith("#qa-0")


def test_a_split_quote_highlights_both_counterparts(logged_in_page, live_server, demo):
    page = logged_in_page
    page.goto(compare_url(live_server, demo, right="The Northern Ledger v1"))
    crew = page.locator("#qa-1")
    anchors = crew.get_attribute("data-counterparts").split()
    assert len(anchors) == 2
    crew.click()
    for anchor in anchors:
        expect(page.locator(f"#{anchor}")).to_have_class(re.compile(r"\bis-active\b"))
    expect(page.locator("#nav-status")).to_have_text("2 counterparts highlighted")


def test_filtering_by_kind_updates_the_list_and_the_url_without_reloading(
    logged_in_page, live_server, demo
):
    page = logged_in_page
    page.goto(compare_url(live_server, demo))
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_label("Kind").select_option("minor")
    expect(page).to_have_url(re.compile(r"kind=minor"))
    expect(page.locator("#pairs-region .count")).to_contain_text("Showing 4 of 6 pairs")
    kinds = page.locator("#pairs-region .pair .pair-title .tag").all_inner_texts()
    assert kinds and set(kinds) == {"Minor edit"}
    assert page.evaluate("window.stillTheSamePage") is True
    page.reload()
    expect(page.get_by_label("Kind")).to_have_value("minor")
    expect(page.locator("#pairs-region .count")).to_contain_text("Showing 4 of 6 pairs")
    page.go_back()
    expect(page.locator("#pairs-region .count")).to_have_text("6 pairs, in the order of version A.")
    expect(page.get_by_label("Kind")).to_have_value("")


def test_changing_a_version_swaps_the_body_and_pushes_the_url(logged_in_page, live_server, demo):
    page = logged_in_page
    story, versions = demo
    page.goto(compare_url(live_server, demo))
    page.get_by_label("Right").focus()
    page.get_by_label("Right").select_option(str(versions["Coastline Daily v2"].pk))
    expect(page).to_have_url(re.compile(rf"b={versions['Coastline Daily v2'].pk}"))
    expect(page.locator("#column-b-title")).to_contain_text("Coastline Daily v2")
    expect(page.get_by_label("Right")).to_be_focused()


def test_confirmed_pair_is_still_confirmed_after_a_reload(logged_in_page, live_server, demo):
    page = logged_in_page
    page.goto(compare_url(live_server, demo))
    row = page.locator("#pairs-region .pair").first
    row_id = row.get_attribute("id")
    row.get_by_role("button", name="Confirm this pair").click()
    confirmed = page.locator(f"#{row_id}")
    expect(confirmed).to_have_class(re.compile(r"state-confirmed"))
    expect(confirmed.locator(".state")).to_contain_text("Confirmed by browser-editor")
    page.reload()
    expect(page.locator(f"#{row_id}")).to_have_class(re.compile(r"state-confirmed"))
    expect(page.locator(f"#{row_id} .state")).to_contain_text("Confirmed by browser-editor")


def test_relinking_an_unpaired_quote_makes_a_new_pair(logged_in_page, live_server, demo):
    page = logged_in_page
    page.goto(compare_url(live_server, demo))
    item = page.locator("#only-qa-3")  # "There was a horrible grinding noise…", only in the Gazette
    item.get_by_role("link", name=re.compile("Link to a quote in B")).click()
    form = item.locator("form.relink")
    expect(form).to_be_visible()
    form.locator("input[type=radio]").first.check()
    form.get_by_role("button", name="Link these quotes").click()
    new_row = page.locator(".pair.state-linked")
    expect(new_row).to_have_count(1)
    expect(new_row).to_be_focused()
    expect(new_row.locator(".state")).to_contain_text("Linked by hand by browser-editor")
    expect(page.locator("#only-qa-3")).to_have_count(0)
    page.reload()
    expect(page.locator(".pair.state-linked")).to_have_count(1)


def test_j_and_k_step_through_the_pairs(logged_in_page, live_server, demo):
    page = logged_in_page
    page.goto(compare_url(live_server, demo))
    rows = page.locator("#pairs-region .pair")
    page.locator("body").press("j")
    expect(rows.nth(0)).to_have_class(re.compile(r"is-current"))
    expect(page.locator("#nav-status")).to_contain_text("Pair 1 of 6")
    left = rows.nth(0).get_attribute("data-left")
    expect(page.locator(f"#{left}")).to_have_class(re.compile(r"is-active"))
    page.keyboard.press("j")
    expect(rows.nth(1)).to_have_class(re.compile(r"is-current"))
    expect(page.locator("#nav-status")).to_contain_text("Pair 2 of 6")
    page.keyboard.press("k")
    expect(rows.nth(0)).to_have_class(re.compile(r"is-current"))
    page.get_by_role("button", name=re.compile("Next pair")).click()
    expect(page.locator("#nav-status")).to_contain_text("Pair 2 of 6")


def test_typing_in_a_field_does_not_move_between_pairs(logged_in_page, live_server, demo):
    page = logged_in_page
    page.goto(compare_url(live_server, demo))
    page.get_by_label("Minimum score").fill("")
    page.get_by_label("Minimum score").press("j")
    expect(page.locator(".pair.is-current")).to_have_count(0)


def test_phone_layout_stacks_the_columns_and_nothing_overflows(logged_in_page, live_server, demo):
    page = logged_in_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(compare_url(live_server, demo))
    a = page.locator(".column-a").bounding_box()
    b = page.locator(".column-b").bounding_box()
    assert b["y"] >= a["y"] + a["height"]
    assert a["width"] <= 390 and b["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for path in ("", "upload/"):
        page.goto(f"{live_server.url}/stories/{demo[0].slug}/{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_with_javascript_off_the_compare_page_still_shows_everything(
    new_context, live_server, demo, client, django_user_model
):
    from newsdiff.accounts.roles import Role, grant

    user = django_user_model.objects.create_user("no-js-editor", password="unused")
    grant(user, Role.EDITOR)
    client.force_login(user)
    context = new_context(java_script_enabled=False)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.goto(compare_url(live_server, demo))
    expect(page.locator("#pairs-region .pair")).to_have_count(6)
    expect(page.locator("#only-qa-3")).to_be_visible()
    page.locator("#qa-0").click()
    assert page.url.endswith("#qb-0")
    expect(page.locator("#qb-0:target")).to_have_count(1)
    page.get_by_label("Kind").select_option("exact")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"kind=exact"))
    expect(page.locator("#pairs-region .pair")).to_have_count(1)
    page.locator("#pairs-region .pair").first.get_by_role(
        "button", name="Confirm this pair"
    ).click()
    expect(page.locator("#pairs-region .pair").first).to_have_class(re.compile("state-confirmed"))
