def test_story_list_sends_anonymous_users_to_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_story_list_shows_empty_state_to_logged_in_user(editor_client):
    response = editor_client.get("/")
    assert response.status_code == 200
    assert b"No stories yet" in response.content
