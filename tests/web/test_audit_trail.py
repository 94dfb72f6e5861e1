"""Nothing happens unrecorded: one pass through the app — create a story, upload two versions,
review a pair, delete and restore a version, change a user's role — leaves one audit event per
change, each saying who did it, to what, and the state after."""

import pytest

from newsdiff.accounts.roles import Role, grant
from newsdiff.audit.models import AuditEvent
from newsdiff.quotes.models import QuotePair
from newsdiff.stories.models import Story, Version
from tests.quotes.ferry import COASTLINE, GAZETTE


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_user("ada", password="x-y-z-w-1")
    grant(user, Role.ADMIN)
    client.force_login(user)
    return client


def test_every_change_made_through_the_app_is_in_the_audit_log(admin_client, viewer):
    admin_client.post("/", {"title": "Ferry"})
    story = Story.objects.get()
    for outlet, text in [("Gazette", GAZETTE), ("Coastline", COASTLINE)]:
        admin_client.post(
            f"/stories/{story.slug}/upload/", {"outlet": outlet, "method": "paste", "text": text}
        )
    pair = QuotePair.objects.first()
    admin_client.post(f"/stories/{story.slug}/pairs/{pair.pk}/reject/", {"back": ""})
    admin_client.post(f"/stories/{story.slug}/pairs/{pair.pk}/note/", {"back": "", "note": "n"})
    second = Version.objects.get(article__outlet__name="Coastline")
    admin_client.post(f"/articles/{second.article_id}/versions/1/delete/")
    admin_client.post(f"/deleted/versions/{second.pk}/restore/")
    admin_client.post(f"/accounts/users/{viewer.pk}/", {f"u{viewer.pk}-role": "editor"})

    events = list(AuditEvent.objects.order_by("id"))
    assert [e.action for e in events] == [
        "story.add",
        "version.add",
        "version.add",
        "review.reject",
        "review.note",
        "version.delete",
        "version.restore",
        "user.change",
    ]
    assert all(e.actor_name == "ada" and e.at and e.after for e in events)
    assert {e.story_id for e in events[:-1]} == {story.pk}
