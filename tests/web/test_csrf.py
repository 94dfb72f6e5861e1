"""Every POST needs the CSRF token, htmx requests included: without it the answer is 403 and
nothing changes; with the token htmx sends (base.html's hx-headers) it goes through."""

import pytest
from django.test import Client

from newsdiff.accounts.roles import Role, grant
from newsdiff.audit.models import AuditEvent
from tests.web.test_url_access import ACCESS, ANYONE, NOT_ALLOWED

POSTS = sorted(name for name, (_, _, post) in ACCESS.items() if post != NOT_ALLOWED)


@pytest.fixture
def admin_csrf_client(django_user_model):
    client = Client(enforce_csrf_checks=True)
    user = django_user_model.objects.create_user("ada", password="x-y-z-w-1")
    grant(user, Role.ADMIN)
    client.force_login(user)
    return client


@pytest.mark.parametrize("htmx", [False, True], ids=["form", "htmx"])
@pytest.mark.parametrize("name", POSTS)
def test_post_without_csrf_token_is_refused(admin_csrf_client, places, name, htmx):
    path, _, needs = ACCESS[name]
    client = Client(enforce_csrf_checks=True) if needs == ANYONE else admin_csrf_client
    events = AuditEvent.objects.count()
    headers = {"HX-Request": "true"} if htmx else {}
    response = client.post(path.format(**places), {}, headers=headers)
    assert response.status_code == 403
    assert b"CSRF" in response.content
    assert AuditEvent.objects.count() == events


def test_htmx_post_with_the_token_from_the_page_goes_through(admin_csrf_client, places):
    page = admin_csrf_client.get(f"/stories/{places['slug']}/").content.decode()
    token = page.split('hx-headers=\'{"X-CSRFToken": "')[1].split('"')[0]
    response = admin_csrf_client.post(
        f"/stories/{places['slug']}/pairs/{places['pair']}/confirm/",
        {"back": f"a={places['a']}&b={places['b']}"},
        headers={"HX-Request": "true", "X-CSRFToken": token},
    )
    assert response.status_code == 200
    assert AuditEvent.objects.filter(action="review.confirm").exists()
