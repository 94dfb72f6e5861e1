"""Every accepted format and encoding, through the real upload view, stored as the same text."""

import pytest

from newsdiff.stories.models import Version
from tests.samples import (
    ARTICLE,
    ARTICLE_LATIN_1,
    PAGE_TEXT,
    PARAGRAPHS,
    article_page,
    make_docx,
    make_pdf,
)
from tests.web.uploads import upload


def only_version():
    [version] = Version.objects.all()
    return version


def test_pasted_text_is_stored_as_typed_with_unix_line_endings(editor_client, editor, story):
    response = upload(
        editor_client, story, text=ARTICLE.replace("\n", "\r\n"), headline="Harbour wall"
    )
    assert response.status_code == 302
    assert response["Location"] == f"/stories/{story.slug}/"
    version = only_version()
    assert version.text == ARTICLE
    assert (version.number, version.source, version.uploaded_by) == (1, "paste", editor)
    assert version.article.headline == "Harbour wall"


ARTICLE_PARAGRAPHS_HTML = "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines() if line)
ARTICLE_AS_HTML = f"<html><body><article>{ARTICLE_PARAGRAPHS_HTML}</article></body></html>"


@pytest.mark.parametrize(
    "name, content, content_type, text",
    [
        ("harbour.txt", ARTICLE.encode("utf-8"), "text/plain", ARTICLE),
        ("harbour.md", ARTICLE.encode("utf-8"), "text/markdown", ARTICLE),
        # HTML paragraphs come out one per paragraph, blank line between, no trailing newline.
        ("harbour.html", ARTICLE_AS_HTML.encode("utf-8"), "text/html", ARTICLE.rstrip("\n")),
    ],
)
def test_text_formats_are_stored(editor_client, story, name, content, content_type, text):
    upload(editor_client, story, file=(name, content, content_type))
    version = only_version()
    assert version.text == text
    assert (version.source, version.filename, bytes(version.raw)) == ("file", name, content)


def test_htm_page_is_reduced_to_its_article(editor_client, story):
    upload(
        editor_client, story, outlet="", file=("harbour.htm", article_page().encode(), "text/html")
    )
    version = only_version()
    assert version.text == PAGE_TEXT
    assert version.article.outlet.name == "Harbour Gazette"


def test_docx_is_stored_as_its_paragraphs(editor_client, story):
    upload(editor_client, story, file=("harbour.docx", make_docx(PARAGRAPHS, title="Harbour wall")))
    version = only_version()
    assert version.text == "\n\n".join(PARAGRAPHS)
    assert version.article.headline == "Harbour wall"
    assert version.content_type.endswith("wordprocessingml.document")


def test_pdf_is_stored_as_its_text(editor_client, story):
    lines = ["The harbour wall will be rebuilt.", "“We are directly engaged,” said the café owner."]
    upload(editor_client, story, file=("harbour.pdf", make_pdf(lines), "application/pdf"))
    assert only_version().text == "\n".join(lines)


@pytest.mark.parametrize(
    "encoded",
    [
        ARTICLE.encode("utf-8"),
        ARTICLE.encode("utf-8-sig"),
        b"\xff\xfe" + ARTICLE.encode("utf-16-le"),
        b"\xfe\xff" + ARTICLE.encode("utf-16-be"),
        ARTICLE.encode("utf-16-le"),
        ARTICLE.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le-no-bom", "cp1252"],
)
def test_each_encoding_is_stored_without_mojibake(editor_client, story, encoded):
    upload(editor_client, story, file=("harbour.txt", encoded, "text/plain"))
    version = only_version()
    assert version.text == ARTICLE
    assert bytes(version.raw) == encoded


def test_latin_1_is_stored_without_mojibake(editor_client, story):
    upload(
        editor_client, story, file=("digue.txt", ARTICLE_LATIN_1.encode("latin-1"), "text/plain")
    )
    assert only_version().text == ARTICLE_LATIN_1


def test_metadata_found_in_the_page_fills_the_fields_left_empty(editor_client, story):
    upload(
        editor_client, story, outlet="", file=("harbour.html", article_page().encode(), "text/html")
    )
    version = only_version()
    assert version.article.headline == "Harbour wall to be rebuilt after storm, mayor says"
    assert version.article.url == "https://harbourgazette.example/2026/03/02/harbour-wall"
    assert (version.byline, str(version.published)) == ("Mara Quill", "2026-03-02")


def test_a_second_upload_to_the_article_is_version_two(editor_client, story):
    upload(editor_client, story, text="First text of the article.")
    article = only_version().article
    response = upload(
        editor_client, story, article=article.pk, outlet="", text="Second text of the article."
    )
    assert response.status_code == 302
    assert list(article.versions.values_list("number", "text")) == [
        (1, "First text of the article."),
        (2, "Second text of the article."),
    ]
