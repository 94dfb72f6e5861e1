"""Viewers read, editors also write; a logged-in user with no role sees nothing."""

import pytest

from newsdiff.stories.models import Story, Version


def test_viewer_can_read_the_story_page(viewer_client, story):
    assert viewer_client.get(f"/stories/{story.slug}/").status_code == 200


def test_viewer_cannot_open_the_upload_form(viewer_client, story):
    assert viewer_client.get(f"/stories/{story.slug}/upload/").status_code == 403


def test_viewer_cannot_upload_a_version(viewer_client, story):
    response = viewer_client.post(
        f"/stories/{story.slug}/upload/",
        {"outlet_name": "Gazette", "method": "paste", "text": "“Hello,” she said."},
    )
    assert response.status_code == 403
    assert not Version.objects.exists()


def test_viewer_cannot_create_a_story(viewer_client):
    response = viewer_client.post("/", {"title": "Secret story"})
    assert response.status_code == 403
    assert not Story.objects.filter(title="Secret story").exists()


@pytest.mark.django_db
def test_user_without_a_role_sees_nothing(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("nobody", password="x-y-z-w-1"))
    response = client.get("/")
    assert response.status_code == 403
    assert b"viewer role" in response.content
