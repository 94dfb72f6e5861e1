"""Failed logins are rate-limited by django-axes: after AXES_FAILURE_LIMIT wrong passwords for
one username from one address, even the right password is refused for the cool-off time, with a
page that says so."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings

LIMIT = settings.AXES_FAILURE_LIMIT


def log_in(client, password, username="eddie"):
    return client.post("/login/", {"username": username, "password": password})


def test_a_wrong_password_shows_the_form_again_with_an_error(client, editor):
    response = log_in(client, "wrong")
    assert response.status_code == 200
    assert b"Please enter a correct username and password" in response.content


def test_after_the_limit_of_failures_even_the_right_password_is_refused(client, editor):
    for _ in range(LIMIT):
        log_in(client, "wrong")
    response = log_in(client, "correct-horse-battery")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.get("/").status_code == 302


def test_the_lockout_page_says_what_happened_and_for_how_long(client, editor):
    for _ in range(LIMIT - 1):
        assert log_in(client, "wrong").status_code == 200
    response = log_in(client, "wrong")
    assert response.status_code == 429
    text = response.content.decode()
    assert "Too many failed logins" in text
    assert f"failed {LIMIT} times" in text
    assert f"locked for {settings.AXES_COOLOFF_TIME.seconds // 60} minutes" in text
    assert "eddie" in text


def test_fewer_failures_than_the_limit_still_let_the_right_password_in(client, editor):
    for _ in range(LIMIT - 1):
        log_in(client, "wrong")
    response = log_in(client, "correct-horse-battery")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)
    assert not AccessAttempt.objects.filter(username="eddie").exists()  # reset on success


def test_a_locked_username_does_not_lock_another_user(client, editor, viewer):
    for _ in range(LIMIT):
        log_in(client, "wrong")
    response = log_in(client, "correct-horse-battery", username="vera")
    assert response.status_code == 302


@pytest.mark.django_db
def test_failures_are_recorded_per_username_and_address(client):
    for _ in range(2):
        log_in(client, "wrong", username="nobody-here")
    attempt = AccessAttempt.objects.get(username="nobody-here")
    assert attempt.failures_since_start == 2
    assert attempt.ip_address == "127.0.0.1"


def test_behind_a_proxy_each_client_address_is_counted_apart(client, editor, settings):
    settings.NEWSDIFF_TRUSTED_PROXIES = 1
    for _ in range(LIMIT):
        client.post(
            "/login/",
            {"username": "eddie", "password": "wrong"},
            headers={"X-Forwarded-For": "203.0.113.7"},
        )
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"
    other = client.post(
        "/login/",
        {"username": "eddie", "password": "correct-horse-battery"},
        headers={"X-Forwarded-For": "198.51.100.2"},
    )
    assert other.status_code == 302


def test_an_address_the_client_adds_to_x_forwarded_for_is_not_believed(client, editor, settings):
    settings.NEWSDIFF_TRUSTED_PROXIES = 1
    for n in range(LIMIT):
        client.post(
            "/login/",
            {"username": "eddie", "password": "wrong"},
            headers={"X-Forwarded-For": f"10.0.0.{n}, 203.0.113.7"},
        )
    response = client.post(
        "/login/",
        {"username": "eddie", "password": "correct-horse-battery"},
        headers={"X-Forwarded-For": "10.9.9.9, 203.0.113.7"},
    )
    assert response.status_code == 429
