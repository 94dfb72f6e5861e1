"""`make run` gives a newcomer working editor and admin logins, stable across runs."""

import io

import pytest
from django.core.management import call_command
from django.test import Client

from newsdiff.accounts.roles import Role, role_of


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


def run():
    out = io.StringIO()
    call_command("ensure_local_user", stdout=out)
    return out.getvalue()


def login_of(var_dir, filename):
    return (var_dir / filename).read_text().strip().split(":", 1)


@pytest.mark.django_db
def test_prints_an_editor_and_an_admin_login_that_work(var_dir, django_user_model):
    output = run()
    for filename, role in [("local-login.txt", Role.EDITOR), ("local-admin-login.txt", Role.ADMIN)]:
        username, password = login_of(var_dir, filename)
        assert f"as {username!r} ({role.group}) with password {password!r}" in output
        client = Client()
        response = client.post("/login/", {"username": username, "password": password})
        assert response.status_code == 302, username
        assert role_of(django_user_model.objects.get(username=username)) == role
        assert (var_dir / filename).stat().st_mode & 0o077 == 0


@pytest.mark.django_db
def test_running_again_keeps_the_same_passwords(var_dir):
    run()
    first = login_of(var_dir, "local-admin-login.txt")
    run()
    assert login_of(var_dir, "local-admin-login.txt") == first
