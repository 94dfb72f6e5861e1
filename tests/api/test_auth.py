"""API authentication: only a live token of a user with a role gets in; a browser session does
not; every operation is in the OpenAPI document, which is valid and says each needs a token."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from openapi_spec_validator import validate

from newsdiff.accounts.roles import Role, grant
from newsdiff.api import tokens
from newsdiff.api.models import ApiToken
from newsdiff.audit.models import AuditEvent
from newsdiff.stories.models import Story
from tests.api.conftest import bearer

API = "/api/v1"


def openapi(client, token) -> dict:
    response = client.get(f"{API}/openapi.json", headers=bearer(token))
    assert response.status_code == 200
    return response.json()


def operations(schema):
    for path, item in schema["paths"].items():
        for method, op in item.items():
            yield method, path, op


def concrete(path: str) -> str:
    return path.replace("{slug}", "harbour-wall").replace("{version_id}", "1")


def test_openapi_document_is_valid(client, viewer_token):
    validate(openapi(client, viewer_token))


def test_every_operation_requires_a_bearer_token_in_the_document(client, viewer_token):
    schema = openapi(client, viewer_token)
    schemes = schema["components"]["securitySchemes"]
    assert {s["type"] for s in schemes.values()} == {"http"}
    assert {s["scheme"] for s in schemes.values()} == {"bearer"}
    found = list(operations(schema))
    assert len(found) == 10
    for method, path, op in found:
        assert op.get("security"), f"{method.upper()} {path} has no security requirement"


def test_every_operation_answers_401_json_without_a_token(client, viewer_token, story):
    for method, path, _ in operations(openapi(client, viewer_token)):
        response = getattr(Client(), method)(concrete(path))
        assert response.status_code == 401, f"{method.upper()} {path}"
        assert response["Content-Type"].startswith("application/json")
        assert "Bearer" in response.json()["detail"]
        assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_logged_in_browser_session_is_not_an_api_login(client, editor, story):
    client.force_login(editor)
    assert client.get(f"{API}/stories").status_code == 401
    response = client.post(
        f"{API}/stories/{story.slug}/versions",
        data=json.dumps({"text": "“Hello,” said Ada.", "outlet": "G"}),
        content_type="application/json",
    )
    assert response.status_code == 401
    assert story.articles.count() == 0


def test_a_token_request_needs_no_csrf_token(editor_token, db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"{API}/stories",
        data=json.dumps({"title": "Port strike"}),
        content_type="application/json",
        headers=bearer(editor_token),
    )
    assert response.status_code == 201
    assert Story.objects.filter(slug="port-strike").exists()


def test_openapi_document_needs_a_token_or_a_login(client, viewer):
    assert Client().get(f"{API}/openapi.json").status_code == 401
    client.force_login(viewer)
    assert client.get(f"{API}/openapi.json").status_code == 200


def test_only_the_tokens_hash_is_stored(editor):
    _, raw = tokens.issue(editor)
    stored = ApiToken.objects.get()
    assert raw not in (stored.digest, stored.prefix) and stored.digest == ApiToken.hash(raw)
    assert raw.startswith(stored.prefix)


def test_a_revoked_token_is_refused(client, editor):
    token, raw = tokens.issue(editor)
    assert client.get(f"{API}/stories", headers=bearer(raw)).status_code == 200
    assert tokens.revoke(token, None)
    assert client.get(f"{API}/stories", headers=bearer(raw)).status_code == 401


def test_a_deactivated_users_token_is_refused(client, editor, editor_token):
    editor.is_active = False
    editor.save()
    assert client.get(f"{API}/stories", headers=bearer(editor_token)).status_code == 401


def test_a_user_without_a_role_is_forbidden(client, django_user_model):
    user = django_user_model.objects.create_user("nobody", password="unused-here")
    raw = tokens.issue(user)[1]
    response = client.get(f"{API}/stories", headers=bearer(raw))
    assert response.status_code == 403
    assert "viewer role" in response.json()["detail"]


def test_a_wrong_or_malformed_header_is_refused(client, editor_token):
    for header in ("Bearer nd_wrong", f"Token {editor_token}", "Bearer", "Bearer " + "x" * 500):
        response = client.get(f"{API}/stories", headers={"Authorization": header})
        assert response.status_code == 401, header


def test_use_is_recorded_on_the_token(client, editor_token):
    assert ApiToken.objects.get().last_used_at is None
    client.get(f"{API}/stories", headers=bearer(editor_token))
    assert ApiToken.objects.get().last_used_at is not None


def test_create_api_token_prints_a_working_token_once(client, editor):
    out, err = io.StringIO(), io.StringIO()
    call_command("create_api_token", "eddie", "--name", "wire feed", stdout=out, stderr=err)
    raw = out.getvalue().strip()
    assert client.get(f"{API}/stories", headers=bearer(raw)).status_code == 200
    assert ApiToken.objects.get().name == "wire feed"
    assert "not shown again" in err.getvalue()
    assert AuditEvent.objects.filter(action="api_token.create").count() == 1


@pytest.mark.parametrize("username, message", [("ghost", "No user named"), ("idle", "no role")])
def test_create_api_token_refuses_unknown_users_and_users_without_a_role(
    django_user_model, username, message
):
    django_user_model.objects.create_user("idle", password="unused-here")
    with pytest.raises(CommandError, match=message):
        call_command("create_api_token", username, stdout=io.StringIO())
    assert ApiToken.objects.count() == 0


def test_an_admin_revokes_a_token_in_the_admin(client, django_user_model, editor):
    admin = django_user_model.objects.create_user("ada", password="unused-here", is_staff=True)
    grant(admin, Role.ADMIN)
    admin.is_superuser = True
    admin.save()
    token, raw = tokens.issue(editor)
    client.force_login(admin)
    response = client.post(
        "/admin/api/apitoken/",
        {"action": "revoke", "_selected_action": [token.pk]},
    )
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked
    assert AuditEvent.objects.get(action="api_token.revoke").actor == admin
    client.logout()
    assert client.get(f"{API}/stories", headers=bearer(raw)).status_code == 401


def test_api_docs_page_lists_every_operation_for_a_viewer(viewer_client, viewer_token):
    content = viewer_client.get(f"{API}/docs/").content.decode()
    for method, path, _ in operations(openapi(Client(), viewer_token)):
        assert f"<code>{method.upper()} {path}</code>" in content
