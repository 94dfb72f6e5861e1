"""Admins manage users on /accounts/users/: set a role, take it away, switch an account off.
Every change is in the audit log with before and after; an admin cannot lock themselves out."""

import pytest

from newsdiff.accounts.roles import Role, grant, role_of
from newsdiff.audit.models import AuditEvent


@pytest.fixture
def admin(django_user_model):
    user = django_user_model.objects.create_user("ada", password="correct-horse-battery")
    grant(user, Role.ADMIN)
    return user


@pytest.fixture
def admin_client(client, admin):
    client.force_login(admin)
    return client


def change(client, user, role, active=True):
    data = {f"u{user.pk}-role": role}
    if active:
        data[f"u{user.pk}-active"] = "on"
    return client.post(f"/accounts/users/{user.pk}/", data, follow=True)


def fresh(user):
    return type(user).objects.get(pk=user.pk)


def test_admin_sees_every_user_with_their_role(admin_client, viewer, editor):
    page = admin_client.get("/accounts/users/").content.decode()
    for name in ("ada", "vera", "eddie"):
        assert name in page
    assert '<option value="editor" selected>' in page


def test_users_link_is_shown_to_admins(admin_client):
    assert 'href="/accounts/users/"' in admin_client.get("/").content.decode()


def test_users_link_is_hidden_from_editors(editor_client):
    assert 'href="/accounts/users/"' not in editor_client.get("/").content.decode()


def test_admin_makes_a_viewer_an_editor_and_the_change_is_audited(admin_client, admin, viewer):
    response = change(admin_client, viewer, "editor")
    assert "Saved vera." in response.content.decode()
    assert role_of(fresh(viewer)) == Role.EDITOR
    event = AuditEvent.objects.get(action="user.change")
    assert event.actor == admin
    assert event.object_id == str(viewer.pk)
    assert event.before == {"role": "viewer", "active": True}
    assert event.after == {"role": "editor", "active": True}


def test_admin_takes_every_role_away(admin_client, editor):
    change(admin_client, editor, "")
    assert role_of(fresh(editor)) is None


def test_a_switched_off_user_is_logged_out_and_cannot_log_in(admin_client, editor, client):
    from django.test import Client

    theirs = Client()
    theirs.force_login(editor)
    assert theirs.get("/").status_code == 200
    change(admin_client, editor, "editor", active=False)
    assert not fresh(editor).is_active
    assert theirs.get("/").status_code == 302
    login = Client().post("/login/", {"username": "eddie", "password": "correct-horse-battery"})
    assert login.status_code == 200 and "_auth_user_id" not in login.client.session
    event = AuditEvent.objects.get(action="user.change")
    assert event.after == {"role": "editor", "active": False}


def test_admin_cannot_remove_their_own_admin_role(admin_client, admin):
    response = change(admin_client, admin, "editor")
    assert "cannot remove your own admin role" in response.content.decode()
    assert role_of(fresh(admin)) == Role.ADMIN
    assert not AuditEvent.objects.exists()


def test_admin_cannot_switch_themselves_off(admin_client, admin):
    change(admin_client, admin, "admin", active=False)
    assert fresh(admin).is_active


def test_an_unknown_role_changes_nothing_and_says_so(admin_client, viewer):
    response = change(admin_client, viewer, "owner")
    assert "choose a listed role" in response.content.decode()
    assert role_of(fresh(viewer)) == Role.VIEWER
    assert not AuditEvent.objects.exists()


def test_saving_without_a_change_records_nothing(admin_client, viewer):
    change(admin_client, viewer, "viewer")
    assert not AuditEvent.objects.exists()


def test_editor_cannot_change_roles(editor_client, editor, viewer):
    response = editor_client.post(f"/accounts/users/{viewer.pk}/", {f"u{viewer.pk}-role": "admin"})
    assert response.status_code == 403
    assert role_of(fresh(viewer)) == Role.VIEWER
