"""Hostile uploads end with a clear message or a correct result: never a 500, never half-saved.

Timing is not asserted here (benchmarks/ measures speed); the engine's bounds that keep these
inputs fast are in docs/engine.md ("Limits")."""

import io
import zipfile

import pytest

from newsdiff.quotes.models import Quote
from newsdiff.stories.models import Version
from tests.web.uploads import nothing_stored, upload


def zip_bomb(unpacked_mb: int) -> bytes:
    """A .docx whose main part unpacks to `unpacked_mb` MB of spaces (a few hundred KB packed),
    written in chunks so the test itself never holds it."""
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w") as part:
            chunk = b" " * (1024 * 1024)
            for _ in range(unpacked_mb):
                part.write(chunk)
    return archive.getvalue()


def test_docx_zip_bomb_is_refused_with_a_message(editor_client, story):
    bomb = zip_bomb(200)
    assert len(bomb) < 1024 * 1024
    response = upload(editor_client, story, file=("report.docx", bomb))
    assert response.status_code == 200
    assert "This Word document is too large once unpacked." in response.content.decode()
    assert nothing_stored()


def test_two_megabyte_single_line_is_stored_whole(editor_client, story):
    line = "The harbour wall " + "stone " * 350_000 + "ends here."
    assert "\n" not in line and len(line) > 2_000_000
    response = upload(editor_client, story, text=line)
    assert response.status_code == 302
    assert Version.objects.get().text == line


def test_nul_bytes_in_pasted_text_are_refused_with_a_message(editor_client, story):
    response = upload(editor_client, story, text="“We will\x00 rebuild,” said Ruth Kerr.")
    assert response.status_code == 200
    assert "Null characters are not allowed." in response.content.decode()
    assert nothing_stored()


def test_nul_bytes_in_a_file_are_refused_as_not_text(editor_client, story):
    data = b"The harbour\x00wall\x00" * 200
    response = upload(editor_client, story, file=("notes.txt", data, "text/plain"))
    assert response.status_code == 200
    assert "This file is not text" in response.content.decode()
    assert nothing_stored()


def test_nul_bytes_in_the_form_fields_are_refused(editor_client, story):
    response = upload(editor_client, story, text="Text.", headline="Harbour\x00 wall")
    assert response.status_code == 200
    assert "Null characters are not allowed." in response.content.decode()
    assert nothing_stored()


def ten_thousand_marks(ending: str = "") -> str:
    return " ".join(f"“Quote {i} stands,” said Kerr." for i in range(5000)) + ending


def test_article_with_ten_thousand_quotation_marks_is_stored_with_its_quotes(
    editor_client, story
):
    assert upload(editor_client, story, text=ten_thousand_marks()).status_code == 302
    assert Quote.objects.filter(version=Version.objects.get()).count() == 5000
    assert editor_client.get(f"/stories/{story.slug}/").status_code == 200


def test_a_quote_mark_on_every_word_is_stored(editor_client, story):
    text = " ".join(f"“w{i}”" for i in range(20_000))
    response = upload(editor_client, story, text=text)
    assert response.status_code == 302
    assert Version.objects.get().text == text


def test_an_opening_mark_before_every_word_is_stored(editor_client, story):
    text = " ".join(f"“w{i}" for i in range(20_000))
    assert upload(editor_client, story, text=text).status_code == 302
    assert Version.objects.count() == 1


@pytest.mark.parametrize("depth", [200, 5000, 100_000])
def test_deeply_nested_html_gives_its_text_or_a_clear_message(editor_client, story, depth):
    page = (
        "<html><body>" + "<div>" * depth
        + "<p>“We will rebuild the wall by spring,” said Ruth Kerr, the harbour master.</p>"
        + "</div>" * depth + "</body></html>"
    )
    response = upload(editor_client, story, file=("deep.html", page.encode(), "text/html"))
    if response.status_code == 302:
        assert Version.objects.get().text.startswith("“We will rebuild the wall by spring,”")
    else:
        assert response.status_code == 200
        assert "No article text was found in this web page." in response.content.decode()
        assert nothing_stored()


def test_refused_upload_leaves_the_stored_versions_as_they_were(editor_client, story):
    upload(editor_client, story, text="“We will rebuild,” said Ruth Kerr.")
    before = list(Version.objects.values_list("pk", "sha256"))
    upload(editor_client, story, file=("report.docx", zip_bomb(120)))
    assert list(Version.objects.values_list("pk", "sha256")) == before
