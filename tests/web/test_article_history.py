"""An article's history, a version's stored text, and the original upload as received."""

import pytest

from newsdiff.ingest import document_from_bytes, document_from_text
from newsdiff.stories import services
from tests.samples import ARTICLE, article_page


@pytest.fixture
def article(story, editor):
    services.add_version(
        story,
        document_from_text("First text."),
        source="paste",
        outlet_name="Harbour Gazette",
        uploaded_by=editor,
    )
    document = document_from_bytes(ARTICLE.encode("cp1252"), "harbour.txt")
    return services.add_version(
        story, document, source="file", outlet_name="Harbour Gazette"
    ).version.article


def test_history_lists_every_version_with_who_when_source_and_size(editor_client, article):
    content = editor_client.get(f"/articles/{article.pk}/history/").content.decode()
    assert f'<a href="/articles/{article.pk}/versions/1/">Version 1</a>' in content
    assert f'<a href="/articles/{article.pk}/versions/2/">Version 2</a>' in content
    assert "eddie" in content
    assert "Pasted text" in content and "Uploaded file" in content
    assert f"{len(ARTICLE)} characters" in content
    assert "harbour.txt" in content


def test_version_page_shows_the_stored_text(editor_client, article):
    content = editor_client.get(f"/articles/{article.pk}/versions/2/").content.decode()
    assert "“We are directly engaged on the ground with the engineers,”" in content.replace(
        "&quot;", '"'
    )


def test_original_upload_downloads_exactly_as_received(editor_client, article):
    response = editor_client.get(f"/articles/{article.pk}/versions/2/raw/")
    assert response.content == ARTICLE.encode("cp1252")
    assert response["Content-Type"] == "text/plain; charset=windows-1252"
    assert response["Content-Disposition"] == 'attachment; filename="harbour.txt"'


def test_pasted_text_downloads_under_a_made_up_name(editor_client, article):
    response = editor_client.get(f"/articles/{article.pk}/versions/1/raw/")
    assert response.content == b"First text."
    assert response["Content-Disposition"] == 'attachment; filename="harbour-gazette-v1.txt"'


def test_uploaded_html_is_never_served_as_a_page(editor_client, story):
    document = document_from_bytes(article_page().encode(), "harbour.html")
    article = services.add_version(story, document, source="file").version.article
    response = editor_client.get(f"/articles/{article.pk}/versions/1/raw/")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_unknown_version_is_404(editor_client, article):
    assert editor_client.get(f"/articles/{article.pk}/versions/9/").status_code == 404
    assert editor_client.get(f"/articles/{article.pk}/versions/9/raw/").status_code == 404
    assert editor_client.get("/articles/999999/history/").status_code == 404
