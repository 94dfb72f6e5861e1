"""Deleting a story or a version takes an admin and a confirmation page; it only hides them
(from lists, pages, comparisons and alignments), is audited, and an admin can undo it from the
Deleted page."""

import pytest

from newsdiff.accounts.roles import Role, grant
from newsdiff.audit.models import AuditEvent
from newsdiff.quotes.models import Alignment, Quote, QuotePair, Review
from newsdiff.stories.models import Story, Version
from tests.quotes.ferry import GAZETTE, ferry, upload


@pytest.fixture
def admin(django_user_model):
    user = django_user_model.objects.create_user("ada", password="correct-horse-battery")
    grant(user, Role.ADMIN)
    return user


@pytest.fixture
def admin_client(client, admin):
    client.force_login(admin)
    return client


@pytest.fixture
def versions(story):
    return ferry(story)


def version_path(version, action=""):
    return f"/articles/{version.article_id}/versions/{version.number}/{action}"


# --- stories ---------------------------------------------------------------------------


def test_deleting_a_story_first_asks_for_confirmation(admin_client, story, versions):
    response = admin_client.get(f"/stories/{story.slug}/delete/")
    page = response.content.decode()
    assert "Delete the story “Harbour wall”?" in page
    assert "Its 2 versions" in page
    assert '<form method="post">' in page
    assert Story.objects.filter(pk=story.pk).exists()
    assert not AuditEvent.objects.filter(action="story.delete").exists()


def test_a_deleted_story_is_hidden_from_every_page(admin_client, story, versions):
    gazette, coastline = versions
    response = admin_client.post(f"/stories/{story.slug}/delete/", follow=True)
    assert "Deleted the story “Harbour wall”" in response.content.decode()
    assert "Harbour wall" not in admin_client.get("/").content.decode().split("</h1>")[1]
    for path in [
        f"/stories/{story.slug}/",
        f"/stories/{story.slug}/compare/?a={gazette.pk}&b={coastline.pk}",
        f"/stories/{story.slug}/upload/",
        f"/articles/{gazette.article_id}/history/",
        version_path(gazette),
        version_path(gazette, "raw/"),
    ]:
        assert admin_client.get(path).status_code == 404, path
    assert not Quote.objects.filter(version__article__story_id=story.pk).exists()


def test_a_deleted_story_keeps_every_row(admin_client, story, versions):
    quotes, pairs = Quote.objects.count(), QuotePair.objects.count()
    admin_client.post(f"/stories/{story.slug}/delete/")
    assert Story.all_objects.get(pk=story.pk).deleted_at is not None
    assert Version.all_objects.filter(article__story_id=story.pk).count() == 2
    assert Quote.all_objects.count() == quotes
    assert QuotePair.objects.count() == pairs


def test_deleting_a_story_is_audited_with_before_and_after(admin_client, admin, story, versions):
    admin_client.post(f"/stories/{story.slug}/delete/")
    event = AuditEvent.objects.get(action="story.delete")
    assert event.actor == admin and event.story_id == story.pk
    assert event.before["deleted_at"] is None and event.before["versions"] == 2
    assert event.after["deleted_by"] == "ada" and event.after["deleted_at"]


def test_admin_restores_a_deleted_story_from_the_deleted_page(admin_client, story, versions):
    gazette, coastline = versions
    admin_client.post(f"/stories/{story.slug}/delete/")
    listing = admin_client.get("/deleted/").content.decode()
    assert f'id="deleted-story-{story.pk}"' in listing and "by ada" in listing
    response = admin_client.post(f"/deleted/stories/{story.pk}/restore/", follow=True)
    assert "Restored the story “Harbour wall”." in response.content.decode()
    compare = admin_client.get(f"/stories/{story.slug}/compare/?a={gazette.pk}&b={coastline.pk}")
    assert compare.status_code == 200
    event = AuditEvent.objects.get(action="story.restore")
    assert event.before["deleted_by"] == "ada" and event.after["deleted_at"] is None


def test_a_new_story_never_takes_a_deleted_storys_address(admin_client, story):
    admin_client.post(f"/stories/{story.slug}/delete/")
    admin_client.post("/", {"title": "Harbour wall"})
    assert Story.objects.get().slug == "harbour-wall-2"


# --- versions --------------------------------------------------------------------------


def test_deleting_a_version_first_asks_for_confirmation(admin_client, versions):
    gazette, _ = versions
    page = admin_client.get(version_path(gazette, "delete/")).content.decode()
    assert "Delete version 1 of Harbour Gazette?" in page
    assert Version.objects.filter(pk=gazette.pk).exists()


def test_a_deleted_version_leaves_the_story_page_its_comparisons_and_alignments(
    admin_client, story, versions
):
    gazette, coastline = versions
    response = admin_client.post(version_path(coastline, "delete/"), follow=True)
    assert "Deleted version 1 of Coastline Daily." in response.content.decode()
    page = admin_client.get(f"/stories/{story.slug}/").content.decode()
    assert f'id="article-{coastline.article_id}"' not in page
    assert version_path(coastline) not in page
    assert f'id="article-{gazette.article_id}"' in page
    assert admin_client.get(version_path(coastline)).status_code == 404
    assert not Alignment.objects.filter(version_b=coastline).exists()
    assert not Quote.objects.filter(version=coastline).exists()
    compare = admin_client.get(f"/stories/{story.slug}/compare/?a={gazette.pk}&b={coastline.pk}")
    assert f'value="{coastline.pk}"' not in compare.content.decode()
    event = AuditEvent.objects.get(action="version.delete")
    assert event.before["number"] == 1 and event.before["deleted_at"] is None
    assert event.after["deleted_by"] == "ada"


def test_a_restored_version_is_aligned_again_and_keeps_its_reviews(
    admin_client, admin, story, versions
):
    gazette, coastline = versions
    pair = QuotePair.objects.get(quote_a__index=0)
    admin_client.post(
        f"/stories/{story.slug}/pairs/{pair.pk}/confirm/", {"back": f"a={gazette.pk}"}
    )
    admin_client.post(version_path(coastline, "delete/"))
    assert not QuotePair.objects.exists()
    response = admin_client.post(f"/deleted/versions/{coastline.pk}/restore/", follow=True)
    assert "Restored version 1 of Coastline Daily." in response.content.decode()
    assert QuotePair.objects.filter(quote_a__index=0, quote_b__version=coastline).exists()
    compare = admin_client.get(f"/stories/{story.slug}/compare/?a={gazette.pk}&b={coastline.pk}")
    assert compare.status_code == 200
    assert Review.objects.get().decision == Review.Decision.CONFIRMED
    assert "Confirmed by ada" in compare.content.decode()
    event = AuditEvent.objects.get(action="version.restore")
    assert event.before["deleted_by"] == "ada" and event.after["deleted_at"] is None


def test_a_version_of_a_deleted_story_cannot_be_restored_alone(admin_client, story, versions):
    _, coastline = versions
    admin_client.post(version_path(coastline, "delete/"))
    admin_client.post(f"/stories/{story.slug}/delete/")
    response = admin_client.post(f"/deleted/versions/{coastline.pk}/restore/", follow=True)
    assert "restore the story first" in response.content.decode()
    assert Version.all_objects.get(pk=coastline.pk).deleted_at is not None


def test_uploading_the_text_of_a_deleted_version_says_so_and_stores_nothing(
    admin_client, story, versions
):
    gazette, _ = versions
    admin_client.post(version_path(gazette, "delete/"))
    response = admin_client.post(
        f"/stories/{story.slug}/upload/",
        {"outlet": "Gazette", "method": "paste", "text": GAZETTE, "article": gazette.article_id},
    )
    assert "which has been deleted" in response.content.decode()
    assert Version.all_objects.count() == 2


def test_a_new_version_after_a_deleted_one_takes_the_next_number(story, versions, admin):
    from newsdiff.stories.deletion import delete_version

    gazette, _ = versions
    delete_version(gazette, admin)
    added = upload(story, GAZETTE + "\nUpdated.", "Gazette", article=gazette.article)
    assert added.number == 2


def test_editor_sees_no_delete_controls_and_cannot_delete(editor_client, story, versions):
    gazette, _ = versions
    page = editor_client.get(f"/stories/{story.slug}/").content.decode()
    assert "/delete/" not in page and 'href="/deleted/"' not in page
    assert editor_client.post(f"/stories/{story.slug}/delete/").status_code == 403
    assert editor_client.post(version_path(gazette, "delete/")).status_code == 403
    assert Version.objects.count() == 2 and Story.objects.count() == 1


def test_admin_sees_delete_controls_and_the_deleted_link(admin_client, story, versions):
    page = admin_client.get(f"/stories/{story.slug}/").content.decode()
    assert f'href="/stories/{story.slug}/delete/"' in page
    assert 'href="/deleted/"' in page
    assert "/versions/1/delete/" in page
