"""Bad input gets a message on the form, HTTP 200, and nothing is stored."""

import io
import zipfile

import pytest

from newsdiff.stories.models import Version
from tests.web.uploads import nothing_stored, upload

FIVE_MB = 5 * 1024 * 1024


def assert_refused(response, message):
    assert response.status_code == 200
    assert message in response.content.decode()
    assert nothing_stored()


def test_empty_text_is_refused(editor_client, story):
    assert_refused(upload(editor_client, story, text="  \r\n  "), "The text is empty.")


def test_nothing_to_add_is_refused(editor_client, story):
    assert_refused(
        upload(editor_client, story), "Paste the text, upload a file, or give a URL to fetch."
    )


def test_text_and_file_together_are_refused(editor_client, story):
    response = upload(editor_client, story, text="Pasted.", file=("a.txt", b"Uploaded."))
    assert_refused(response, "Paste the text or upload a file, not both.")


def test_file_just_over_the_limit_is_refused(editor_client, story):
    response = upload(editor_client, story, file=("big.txt", b"a" * (FIVE_MB + 1), "text/plain"))
    assert_refused(response, "“big.txt” is larger than the 5 MB limit.")


def test_request_far_over_the_limit_is_refused_before_it_is_read(editor_client, story):
    response = upload(
        editor_client, story, file=("huge.txt", b"a" * (6 * 1024 * 1024), "text/plain")
    )
    assert_refused(response, "That upload is larger than the 5 MB limit. Nothing was stored.")


def test_pasted_text_over_the_limit_is_refused(editor_client, story):
    assert_refused(
        upload(editor_client, story, text="a" * (FIVE_MB + 1)),
        "The pasted text is larger than the 5 MB limit.",
    )


def test_pasted_text_far_over_the_limit_is_a_form_message_not_a_400(editor_client, story):
    assert_refused(
        upload(editor_client, story, text="a" * (8 * 1024 * 1024)), "larger than the 5 MB limit"
    )


def test_limit_comes_from_the_setting(editor_client, story, settings):
    settings.NEWSDIFF_MAX_UPLOAD_BYTES = 1000
    response = upload(editor_client, story, file=("a.txt", b"a" * 1001, "text/plain"))
    assert_refused(response, "“a.txt” is larger than the 1000 bytes limit.")


def test_oversized_request_without_csrf_token_still_gets_the_form(client, editor, story):
    client.force_login(editor)
    client.handler.enforce_csrf_checks = True
    response = upload(client, story, text="a" * (6 * 1024 * 1024))
    assert_refused(response, "That upload is larger than the 5 MB limit.")


def test_normal_upload_still_needs_the_csrf_token(client, editor, story):
    client.force_login(editor)
    client.handler.enforce_csrf_checks = True
    assert upload(client, story, text="Some text.").status_code == 403
    assert nothing_stored()


def zip_archive():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    return archive.getvalue()


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("sheet.xlsx", zip_archive(), "“sheet.xlsx” is not a file newsdiff can read"),
        ("sheet.docx", zip_archive(), "This is a zip archive, not a Word document"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "This file is not text"),
        ("data.txt", bytes(range(256)) * 8, "This file is not text"),
        ("empty.txt", b"", "The submitted file is empty."),
        (
            "odd.txt",
            b"The mayor said \x81\x8d\x8f\x90\x9d\x81 and then some more words.",
            "could not be read",
        ),
        (
            "nav.html",
            b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
            "No article text was found",
        ),
    ],
    ids=[
        "unsupported-extension",
        "zip-as-docx",
        "image",
        "binary",
        "empty",
        "undecodable",
        "no-article",
    ],
)
def test_unusable_files_are_refused(editor_client, story, name, content, message):
    assert_refused(upload(editor_client, story, file=(name, content)), message)


def test_text_without_an_outlet_is_refused(editor_client, story):
    assert_refused(
        upload(editor_client, story, outlet="", text="Text from nowhere."), "Name the outlet"
    )


def test_same_text_again_names_the_stored_version(editor_client, story):
    upload(editor_client, story, text="The mayor spoke.")
    response = upload(editor_client, story, text="The mayor spoke.")
    assert response.status_code == 200
    content = response.content.decode()
    assert "this exact text is already stored as version 1 of Harbour Gazette" in content
    version = Version.objects.get()
    assert f'href="/articles/{version.article_id}/versions/1/"' in content
    assert Version.objects.count() == 1
