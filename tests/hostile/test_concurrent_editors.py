"""Two editors at once, on real threads with their own database connections: nothing lost,
nothing stored twice, no "database is locked" (SQLite) and no deadlock error (PostgreSQL)."""

import threading

import pytest
from django.db import connections
from django.test import Client

from newsdiff.accounts.roles import Role, grant
from newsdiff.audit.models import AuditEvent
from newsdiff.quotes.models import QuotePair, Review
from newsdiff.stories.models import Article, Story, Version
from tests.quotes.ferry import ferry

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def editors(django_user_model):
    users = []
    for name in ("eddie", "erin", "ezra", "esme"):
        user = django_user_model.objects.create_user(name, password="correct-horse-battery")
        grant(user, Role.EDITOR)
        users.append(user)
    return users


@pytest.fixture
def shared_story():
    return Story.objects.create(title="Harbour wall", slug="harbour-wall")


def at_once(actions):
    """Run each action on its own thread, all released together; their results, in order.
    An exception in any thread fails the test with that exception."""
    barrier = threading.Barrier(len(actions))
    results: list = [None] * len(actions)
    errors: list = []

    def run(k, action):
        try:
            barrier.wait(timeout=10)
            results[k] = action()
        except Exception as error:  # noqa: BLE001 - re-raised in the test thread below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(k, a)) for k, a in enumerate(actions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    if errors:
        raise errors[0]
    return results


def poster(user, url, data):
    def post():
        client = Client()
        client.force_login(user)
        response = client.post(url, data)
        return response.status_code, response.content.decode()

    return post


def test_two_editors_uploading_different_texts_get_two_numbered_versions(editors, shared_story):
    url = f"/stories/{shared_story.slug}/upload/"
    texts = [f"“The wall will be rebuilt by {month},” said Ruth Kerr." for month in
             ("spring", "summer", "autumn", "winter")]
    results = at_once(
        [poster(user, url, {"outlet": "Harbour Gazette", "text": text})
         for user, text in zip(editors, texts)]
    )
    assert [status for status, _ in results] == [302] * 4
    assert Article.objects.count() == 1
    assert sorted(Version.objects.values_list("number", flat=True)) == [1, 2, 3, 4]
    assert sorted(Version.objects.values_list("text", flat=True)) == sorted(texts)
    assert AuditEvent.objects.filter(action="version.add").count() == 4


def test_two_editors_uploading_the_same_text_store_it_once(editors, shared_story):
    url = f"/stories/{shared_story.slug}/upload/"
    data = {"outlet": "Harbour Gazette", "text": "“We will rebuild,” said Ruth Kerr."}
    results = at_once([poster(user, url, data) for user in editors[:2]])
    assert sorted(status for status, _ in results) == [200, 302]
    refused = next(content for status, content in results if status == 200)
    assert "this exact text is already stored as version 1" in refused
    assert Version.objects.count() == 1
    assert AuditEvent.objects.filter(action="version.add").count() == 1


def test_two_editors_uploading_to_two_new_outlets_make_two_articles(editors, shared_story):
    url = f"/stories/{shared_story.slug}/upload/"
    results = at_once(
        [poster(editors[0], url, {"outlet": "Harbour Gazette", "text": "“Yes,” said Kerr."}),
         poster(editors[1], url, {"outlet": "Coastline Daily", "text": "“No,” said Kerr."})]
    )
    assert [status for status, _ in results] == [302, 302]
    assert sorted(Article.objects.values_list("outlet__name", flat=True)) == [
        "Coastline Daily", "Harbour Gazette"
    ]


def test_two_editors_reviewing_one_pair_leave_one_review_and_lose_no_decision(
    editors, shared_story
):
    ferry(shared_story)
    pair = QuotePair.objects.order_by("pk").first()
    base = f"/stories/{shared_story.slug}/pairs/{pair.pk}"
    results = at_once(
        [poster(editors[0], f"{base}/confirm/", {}),
         poster(editors[1], f"{base}/note/", {"note": "Checked against the recording."})]
    )
    assert all(status in (200, 302) for status, _ in results)
    review = Review.objects.get()
    assert review.decision == Review.Decision.CONFIRMED
    assert review.note == "Checked against the recording."
    actions = sorted(AuditEvent.objects.filter(action__startswith="review").values_list(
        "action", flat=True))
    assert actions == ["review.confirm", "review.note"]


def test_four_editors_noting_one_pair_at_once_leave_one_review_and_four_audit_events(
    editors, shared_story
):
    ferry(shared_story)
    pair = QuotePair.objects.order_by("pk").first()
    url = f"/stories/{shared_story.slug}/pairs/{pair.pk}/note/"
    notes = [f"Note from {user.username}." for user in editors]
    results = at_once([poster(user, url, {"note": n}) for user, n in zip(editors, notes)])
    assert all(status in (200, 302) for status, _ in results)
    review = Review.objects.get()
    assert review.note in notes
    events = AuditEvent.objects.filter(action="review.note").order_by("pk")
    assert events.count() == 4
    # Each change saw the one before it: the "before" of every event is the "after" of another.
    befores = [e.before for e in events]
    assert befores.count(None) == 1
