"""A 100 MB request is refused from its declared length, before a byte of the body is read."""

import pytest

from newsdiff.quotes.models import Review
from newsdiff.stories.models import Version
from tests.web.uploads import nothing_stored

HUNDRED_MB = 100 * 1024 * 1024


class EndlessBody:
    """A request body of `size` bytes that is never built: it counts what is read from it."""

    def __init__(self, size: int):
        self.size = size
        self.read_bytes = 0

    def read(self, n: int = -1) -> bytes:
        n = self.size - self.read_bytes if n is None or n < 0 else n
        chunk = min(n, self.size - self.read_bytes)
        self.read_bytes += chunk
        return b"x" * chunk

    def readline(self, n: int = -1) -> bytes:
        return self.read(n if n and n > 0 else 1024)


def post_body(client, url, body, content_length):
    return client.generic(
        "POST",
        url,
        b"",
        content_type="multipart/form-data; boundary=BoUnDaRy",
        CONTENT_LENGTH=content_length,
        **{"wsgi.input": body},
    )


def test_hundred_megabyte_upload_gets_the_form_message_without_being_read(
    editor_client, story
):
    body = EndlessBody(HUNDRED_MB)
    response = post_body(editor_client, f"/stories/{story.slug}/upload/", body, str(HUNDRED_MB))
    assert response.status_code == 200
    assert "That upload is larger than the 5 MB limit. Nothing was stored." in (
        response.content.decode()
    )
    assert body.read_bytes == 0
    assert nothing_stored()


@pytest.mark.parametrize("path", ["/stories/{slug}/pairs/1/note/", "/stories/{slug}/compare/link/"])
def test_oversized_post_anywhere_else_is_a_413_page_without_being_read(
    editor_client, story, path
):
    body = EndlessBody(HUNDRED_MB)
    response = post_body(editor_client, path.format(slug=story.slug), body, str(HUNDRED_MB))
    assert response.status_code == 413
    assert "larger than the 5 MB limit, so it was not read" in response.content.decode()
    assert body.read_bytes == 0
    assert not Review.objects.exists()


def test_oversized_post_is_refused_before_the_login_check(client, story):
    body = EndlessBody(HUNDRED_MB)
    response = post_body(client, f"/stories/{story.slug}/pairs/1/note/", body, str(HUNDRED_MB))
    assert response.status_code == 413
    assert body.read_bytes == 0


def test_body_without_a_length_is_not_read_at_all(editor_client, story):
    """Chunked uploads arrive without Content-Length; Django then reads no body."""
    body = EndlessBody(HUNDRED_MB)
    response = post_body(editor_client, f"/stories/{story.slug}/upload/", body, "")
    assert response.status_code == 200
    assert "Paste the text, upload a file, or give a URL to fetch." in response.content.decode()
    assert body.read_bytes == 0
    assert Version.objects.count() == 0


def test_limit_follows_the_setting(editor_client, story, settings):
    settings.NEWSDIFF_MAX_UPLOAD_BYTES = 1000
    body = EndlessBody(200_000)
    response = post_body(editor_client, f"/stories/{story.slug}/pairs/1/note/", body, "200000")
    assert response.status_code == 413
    assert "larger than the 1000 bytes limit" in response.content.decode()
