"""Adding a version by URL: fetched from a real local server through the upload view."""

import pytest

from newsdiff.stories.models import Version
from tests.samples import PAGE_TEXT, article_page
from tests.web.uploads import nothing_stored, upload


def test_page_at_the_url_becomes_a_version(editor_client, story, page_server, fetch_local):
    url = page_server.add("/2026/harbour.html", article_page())
    response = upload(editor_client, story, outlet="", url=url)
    assert response.status_code == 302
    version = Version.objects.get()
    assert version.text == PAGE_TEXT
    assert (version.source, version.source_url) == ("url", url)
    assert version.article.url == url
    assert version.article.outlet.name == "Harbour Gazette"
    assert version.article.headline == "Harbour wall to be rebuilt after storm, mayor says"


def test_redirected_page_records_where_it_ended(editor_client, story, page_server, fetch_local):
    final = page_server.add("/final.html", article_page())
    page_server.redirect("/short", final)
    upload(editor_client, story, url=page_server.url("/short"))
    assert Version.objects.get().source_url == final


def test_url_given_with_pasted_text_is_the_articles_address_not_fetched(
    editor_client, story, page_server, fetch_local
):
    url = page_server.add("/harbour.html", article_page())
    upload(editor_client, story, url=url, text="Pasted text.")
    version = Version.objects.get()
    assert (version.text, version.source, version.article.url) == ("Pasted text.", "paste", url)
    assert page_server.requests == []


@pytest.mark.parametrize(
    "path, page, message",
    [
        ("/missing", None, "the site answered HTTP 404 (Not Found)"),
        ("/slow", {"body": article_page(), "delay": 2}, "did not answer within 1 second."),
        (
            "/photo.png",
            {"body": b"\x89PNG", "content_type": "image/png"},
            "returned image/png, not a web page",
        ),
        ("/huge", {"body": b"x" * 2000}, "The page is larger than the 1000 bytes limit."),
    ],
    ids=["404", "timeout", "not-html", "too-large"],
)
def test_failing_urls_are_explained_and_store_nothing(
    editor_client, story, page_server, fetch_local, path, page, message
):
    fetch_local.NEWSDIFF_FETCH_MAX_BYTES = 1000
    url = page_server.add(path, **page) if page else page_server.url(path)
    response = upload(editor_client, story, url=url)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert nothing_stored()


@pytest.mark.parametrize(
    "url, message",
    [
        ("ftp://files.example/harbour.txt", "Only http:// and https:// addresses can be fetched."),
        ("http://no-such-outlet.invalid/harbour", "could not be found (DNS lookup failed)"),
        ("not a web address", "Enter a valid URL."),
    ],
)
def test_unusable_urls_are_explained(editor_client, story, url, message):
    response = upload(editor_client, story, url=url)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert nothing_stored()


def test_private_addresses_are_refused_by_default(editor_client, story, page_server, settings):
    settings.NEWSDIFF_FETCH_ALLOW_PRIVATE = False
    response = upload(editor_client, story, url=page_server.add("/harbour.html", article_page()))
    assert "is a private or local address (127.0.0.1)" in response.content.decode()
    assert page_server.requests == []
    assert nothing_stored()
