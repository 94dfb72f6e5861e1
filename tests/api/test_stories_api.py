"""The JSON API through HTTP: tokens, roles, stories, versions (text, file, URL), quotes,
pairs and report, and bad input answered with 4xx JSON that changes nothing."""

import json

import pytest

from newsdiff.api.models import ApiToken
from newsdiff.audit.models import AuditEvent
from newsdiff.quotes import reviews
from newsdiff.quotes.models import QuotePair
from newsdiff.stories.models import Story, Version
from tests.api.conftest import bearer
from tests.quotes.ferry import COASTLINE, GAZETTE, ferry

API = "/api/v1"


def post_json(client, path, body, token):
    return client.post(
        API + path, data=json.dumps(body), content_type="application/json", headers=bearer(token)
    )


def test_editor_token_creates_a_story_and_adds_two_versions_that_get_aligned(
    client, editor_token, editor
):
    created = post_json(client, "/stories", {"title": "Gull Point ferry"}, editor_token)
    assert created.status_code == 201
    slug = created.json()["slug"]
    assert slug == "gull-point-ferry"
    first = post_json(
        client,
        f"/stories/{slug}/versions",
        {"text": GAZETTE, "outlet": "Harbour Gazette"},
        editor_token,
    )
    second = post_json(
        client,
        f"/stories/{slug}/versions",
        {"text": COASTLINE, "outlet": "Coastline Daily"},
        editor_token,
    )
    assert (first.status_code, second.status_code) == (201, 201)
    assert first.json()["version"]["outlet"] == "Harbour Gazette"
    assert first.json()["quotes"] == 4
    assert second.json()["compare_url"].startswith(f"/stories/{slug}/compare/?a=")
    pairs = client.get(f"{API}/stories/{slug}/pairs", headers=bearer(editor_token)).json()
    partial = next(p for p in pairs if p["kind"] == "partial")
    assert partial["flags"] == ["number_changed"]
    assert any(seg["op"] == "insert" and seg["text"] == "forty" for seg in partial["diff"])
    version = Version.objects.get(pk=first.json()["version"]["id"])
    assert version.uploaded_by == editor and version.source == "paste"
    assert AuditEvent.objects.get(action="story.add").actor == editor


def test_an_upload_through_the_api_is_in_the_audit_log(client, editor_token, editor, story):
    response = post_json(
        client,
        f"/stories/{story.slug}/versions",
        {"text": GAZETTE, "outlet": "Gazette"},
        editor_token,
    )
    event = AuditEvent.objects.get(action="version.add")
    assert event.actor == editor
    assert event.object_id == str(response.json()["version"]["id"])
    prefix = ApiToken.objects.get().prefix
    assert event.summary.endswith(f"via API token {prefix}…")
    assert event.after["via"] == f"API token {prefix}…"


def test_the_same_text_again_is_reported_not_stored(client, editor_token, story):
    body = {"text": GAZETTE, "outlet": "Gazette"}
    post_json(client, f"/stories/{story.slug}/versions", body, editor_token)
    again = post_json(client, f"/stories/{story.slug}/versions", body, editor_token)
    assert again.status_code == 200
    assert again.json()["created"] is False
    assert Version.objects.count() == 1


def test_a_file_upload_goes_through_the_same_ingest(client, editor_token, story):
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = (
        b"<html><head><title>Ferry</title></head><body><article><p>"
        + ("“The ferry will sail again on Monday,” said Ruth Kerr. " * 3).encode()
        + b"</p></article></body></html>"
    )
    response = client.post(
        f"{API}/stories/{story.slug}/versions/file",
        {"file": SimpleUploadedFile("ferry.html", page, "text/html"), "outlet": "Gazette"},
        headers=bearer(editor_token),
    )
    assert response.status_code == 201, response.content
    version = Version.objects.get()
    assert version.source == "file" and version.filename == "ferry.html"
    assert "<p>" not in version.text and "sail again on Monday" in version.text


def test_a_url_is_fetched_like_the_web_upload_does(
    client, editor_token, story, page_server, fetch_local
):
    page_server.add(
        "/ferry",
        b"<html><head><title>Ferry</title></head><body><article><p>"
        + ("“We expect to sail on Monday,” said Ruth Kerr. " * 3).encode()
        + b"</p></article></body></html>",
        content_type="text/html; charset=utf-8",
    )
    response = post_json(
        client,
        f"/stories/{story.slug}/versions",
        {"url": page_server.url("/ferry"), "outlet": "Gazette"},
        editor_token,
    )
    assert response.status_code == 201, response.content
    assert Version.objects.get().source == "url"


@pytest.mark.parametrize(
    "body, field, message",
    [
        ({"outlet": "Gazette"}, "__all__", "Paste the text, upload a file, or give a URL"),
        ({"text": "   ", "outlet": "Gazette"}, "text", "The text is empty."),
        ({"text": "Words.", "url": "not a url"}, "url", "Enter a valid URL."),
        ({"text": "Words.", "article": 999999}, "article", "Select a valid choice."),
    ],
)
def test_bad_upload_is_a_400_with_the_forms_message_and_nothing_is_stored(
    client, editor_token, story, body, field, message
):
    response = post_json(client, f"/stories/{story.slug}/versions", body, editor_token)
    assert response.status_code == 400
    assert message in response.json()["detail"]
    assert field in response.json()["errors"]
    assert Version.objects.count() == 0
    assert not AuditEvent.objects.filter(action="version.add").exists()


def test_an_upload_with_no_outlet_to_name_is_refused(client, editor_token, story):
    response = post_json(
        client, f"/stories/{story.slug}/versions", {"text": "Words."}, editor_token
    )
    assert response.status_code == 400
    assert "Name the outlet" in response.json()["detail"]
    assert Version.objects.count() == 0


def test_text_over_the_upload_limit_is_refused(client, editor_token, story, settings):
    settings.NEWSDIFF_MAX_UPLOAD_BYTES = 1000
    response = post_json(
        client,
        f"/stories/{story.slug}/versions",
        {"text": "word " * 300, "outlet": "G"},
        editor_token,
    )
    assert response.status_code == 400
    assert "larger than the" in response.json()["detail"]
    assert Version.objects.count() == 0


def test_a_body_over_the_limit_is_refused_before_it_is_read(client, editor_token, story, settings):
    settings.NEWSDIFF_MAX_UPLOAD_BYTES = 1000
    response = post_json(
        client,
        f"/stories/{story.slug}/versions",
        {"text": "word " * 30_000, "outlet": "G"},
        editor_token,
    )
    assert response.status_code == 413
    assert "limit" in response.json()["detail"]
    assert Version.objects.count() == 0


def test_malformed_json_is_a_4xx_json_answer(client, editor_token, story):
    response = client.post(
        f"{API}/stories/{story.slug}/versions",
        data="{not json",
        content_type="application/json",
        headers=bearer(editor_token),
    )
    assert 400 <= response.status_code < 500
    assert response["Content-Type"].startswith("application/json")
    assert Version.objects.count() == 0


def test_an_empty_story_title_is_refused(client, editor_token, db):
    response = post_json(client, "/stories", {"title": "   "}, editor_token)
    assert response.status_code == 400
    assert response.json()["detail"] == "The title is empty."
    assert Story.objects.count() == 0


def test_unknown_story_is_a_404_json(client, viewer_token):
    response = client.get(f"{API}/stories/nowhere/pairs", headers=bearer(viewer_token))
    assert response.status_code == 404
    assert "nowhere" in response.json()["detail"]


def test_viewer_token_reads_but_cannot_write(client, viewer_token, story):
    assert client.get(f"{API}/stories", headers=bearer(viewer_token)).status_code == 200
    response = post_json(
        client, f"/stories/{story.slug}/versions", {"text": GAZETTE, "outlet": "G"}, viewer_token
    )
    assert response.status_code == 403
    assert "editor role" in response.json()["detail"]
    assert post_json(client, "/stories", {"title": "New"}, viewer_token).status_code == 403
    assert Version.objects.count() == 0 and Story.objects.count() == 1


def test_story_versions_quotes_and_report_are_readable(client, viewer_token, story, editor):
    gazette, coastline = ferry(story)
    headers = bearer(viewer_token)
    detail = client.get(f"{API}/stories/{story.slug}", headers=headers).json()
    assert [v["id"] for v in detail["versions"]] == [gazette.pk, coastline.pk]
    assert "text" not in detail["versions"][0]
    version = client.get(f"{API}/stories/{story.slug}/versions/{gazette.pk}", headers=headers)
    assert version.json()["text"] == gazette.text
    assert len(version.json()["quotes"]) == 4
    quotes = client.get(
        f"{API}/stories/{story.slug}/quotes?version={coastline.pk}", headers=headers
    )
    assert {q["version"] for q in quotes.json()} == {coastline.pk}
    report = client.get(f"{API}/stories/{story.slug}/report", headers=headers).json()
    assert report["reference"]["version"] == gazette.pk
    assert report["outlets"][0]["label"] == "Coastline Daily"


def test_pairs_carry_the_review(client, viewer_token, story, editor):
    gazette, coastline = ferry(story)
    pair = QuotePair.objects.filter(kind="minor").get()
    reviews.reject(pair, editor)
    pairs = client.get(
        f"{API}/stories/{story.slug}/pairs?a={gazette.pk}&b={coastline.pk}",
        headers=bearer(viewer_token),
    ).json()
    assert next(p for p in pairs if p["id"] == pair.pk)["review"]["decision"] == "rejected"


def test_pairs_of_a_version_of_another_story_is_a_404(client, viewer_token, story):
    gazette, _ = ferry(story)
    other = Story.objects.create(title="Other", slug="other")
    response = client.get(
        f"{API}/stories/{other.slug}/pairs?a={gazette.pk}&b={gazette.pk}",
        headers=bearer(viewer_token),
    )
    assert response.status_code == 404


def test_a_private_address_is_not_fetched(client, editor_token, story):
    response = post_json(
        client,
        f"/stories/{story.slug}/versions",
        {"url": "http://127.0.0.1:9/ferry", "outlet": "Gazette"},
        editor_token,
    )
    assert response.status_code == 400
    assert "url" in response.json()["errors"]
    assert Version.objects.count() == 0


def test_reading_pairs_costs_the_same_queries_however_many_quotes(client, viewer_token, story):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.quotes.ferry import many_quotes, upload

    upload(story, many_quotes(2), "Gazette")
    upload(story, many_quotes(2).replace("weeks", "days"), "Courier")
    big = Story.objects.create(title="Big", slug="big")
    upload(big, many_quotes(40), "Gazette")
    upload(big, many_quotes(40).replace("weeks", "days"), "Courier")
    client.get(f"{API}/stories", headers=bearer(viewer_token))  # records the token's first use
    counts = []
    for slug in (story.slug, "big"):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"{API}/stories/{slug}/pairs", headers=bearer(viewer_token))
        assert response.status_code == 200
        counts.append(len(captured))
    assert len(response.json()) == 40
    assert counts[0] == counts[1]


@pytest.mark.parametrize(
    "path, body, field",
    [
        ("/stories", {}, "title"),
        ("/stories", {"title": "x" * 301}, "title"),
        ("/stories/harbour-wall/versions", {"text": "Words.", "article": "first"}, "article"),
        ("/stories/harbour-wall/versions", {"text": "Words.", "published": "soon"}, "published"),
    ],
)
def test_a_body_that_does_not_fit_the_schema_is_a_400_naming_the_field(
    client, editor_token, story, path, body, field
):
    response = post_json(client, path, body, editor_token)
    assert response.status_code == 400
    assert response.json()["detail"].startswith(f"{field}: ")
    assert field in response.json()["errors"]
    assert Story.objects.count() == 1 and Version.objects.count() == 0


def test_a_bad_query_parameter_is_a_400(client, viewer_token, story):
    response = client.get(
        f"{API}/stories/{story.slug}/pairs?a=one&b=2", headers=bearer(viewer_token)
    )
    assert response.status_code == 400
    assert response.json()["detail"].startswith("a: ")
