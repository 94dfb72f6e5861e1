def test_story_list_renders_in_chromium(logged_in_page, live_server):
    logged_in_page.goto(live_server.url + "/")
    assert logged_in_page.locator("h1").inner_text() == "Stories"
