"""File types are recognised from their bytes; what cannot be read is refused with a reason."""

import io
import zipfile

import pytest

from newsdiff.ingest import IngestError, document_from_bytes
from tests.samples import ARTICLE, PARAGRAPHS, make_docx, make_pdf


def test_docx_paragraphs_become_paragraphs_with_title_and_author():
    data = make_docx(PARAGRAPHS, title="Harbour wall", author="Mara Quill")
    document = document_from_bytes(data, "harbour.docx")
    assert document.text == "\n\n".join(PARAGRAPHS)
    assert (document.title, document.byline) == ("Harbour wall", "Mara Quill")
    assert document.raw == data
    assert document.content_type.endswith("wordprocessingml.document")


def test_pdf_text_is_extracted_line_by_line():
    lines = ["The harbour wall will be rebuilt.", "“We are directly engaged,” said the café owner."]
    document = document_from_bytes(make_pdf(lines, title="Harbour wall"), "harbour.pdf")
    assert document.text == "\n".join(lines)
    assert document.title == "Harbour wall"
    assert document.content_type == "application/pdf"


def test_type_comes_from_the_bytes_not_the_name():
    assert (
        document_from_bytes(make_docx(["A docx saved as .txt."]), "note.txt").text
        == "A docx saved as .txt."
    )
    assert (
        document_from_bytes(make_pdf(["A PDF without an extension."]), "scan").text
        == "A PDF without an extension."
    )


def test_markdown_is_stored_as_written():
    text = "# Harbour wall\n\n*“We will rebuild,”* said the mayor.\n"
    assert document_from_bytes(text.encode(), "notes.md").text == text


def test_crlf_files_get_newlines():
    assert (
        document_from_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"), "a.txt").text == ARTICLE
    )


@pytest.mark.parametrize(
    "data, filename, message",
    [
        (b"a,b\n1,2\n", "table.csv", "not a file newsdiff can read"),
        (b"", "empty.txt", "The file is empty."),
        (b"  \r\n\t\n", "blank.txt", "The text is empty."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100), "photo.txt", "not text"),
        (b"PK\x03\x04" + bytes(100), "broken.docx", "zip archive, not a Word document"),
        (make_pdf([]), "blank.pdf", "no text layer"),
    ],
)
def test_unusable_files_are_refused_with_a_reason(data, filename, message):
    with pytest.raises(IngestError, match=message):
        document_from_bytes(data, filename)


def test_zip_archive_that_is_not_a_word_document_is_refused():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(IngestError, match="zip archive, not a Word document"):
        document_from_bytes(archive.getvalue(), "sheet.docx")


def test_password_protected_pdf_is_refused():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["Secret."]))))
    writer.encrypt("open-sesame", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(IngestError, match="password-protected"):
        document_from_bytes(out.getvalue(), "secret.pdf")
