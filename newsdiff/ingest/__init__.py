"""Turn what an editor hands us (pasted text, a file, a URL) into one stored text.

Plain Python, no Django: the upload service and `manage.py compare` both call it, and settings
arrive as arguments. The `text` of a Document is final: every quote offset later points into it.

    >>> document_from_bytes("“We will rebuild,” she said.".encode("cp1252"), "quote.txt").text
    '“We will rebuild,” she said.'
"""

import re
from dataclasses import replace
from pathlib import PurePath

from newsdiff.ingest.decode import charset_label, decode_bytes
from newsdiff.ingest.document import Document, IngestError
from newsdiff.ingest.docx import is_docx, read_docx
from newsdiff.ingest.fetch import fetch_page
from newsdiff.ingest.html import HTML_TYPES, declared_charset, looks_like_html, read_html
from newsdiff.ingest.pdf import is_pdf, read_pdf
from newsdiff.ingest.text import stored_text

__all__ = ["Document", "IngestError", "document_from_bytes", "document_from_text", "fetch_document"]

HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
ACCEPTED_EXTENSIONS = {"", ".txt", ".text", ".md", ".markdown", ".docx", ".pdf"} | HTML_EXTENSIONS
_CHARSET_PARAM = re.compile(r";\s*charset\s*=\s*[\"']?([^;\"'\s]+)", re.IGNORECASE)


def document_from_text(text: str) -> Document:
    """Pasted text: stored as typed, with line endings unified."""
    return _finished(
        Document(text=text, raw=text.encode("utf-8"), content_type="text/plain; charset=utf-8")
    )


def document_from_bytes(
    data: bytes, filename: str = "", content_type: str = "", *, url: str = ""
) -> Document:
    """A file's bytes, read as what they are (the name and declared type are only hints):
    HTML is reduced to its article, .docx and .pdf to their text, anything else must be text."""
    extension = PurePath(filename).suffix.lower()
    if extension not in ACCEPTED_EXTENSIONS:
        raise IngestError(
            f"“{filename}” is not a file newsdiff can read: upload .txt, .md, .html, .docx or .pdf."
        )
    if not data:
        raise IngestError("The file is empty.")
    if is_pdf(data):
        document = read_pdf(data)
    elif is_docx(data):
        document = read_docx(data)
    elif data.startswith(b"PK\x03\x04"):
        raise IngestError(
            "This is a zip archive, not a Word document: upload .txt, .md, .html, .docx or .pdf."
        )
    else:
        document = _text_or_html(data, content_type, extension, url)
    return _finished(replace(document, filename=filename, url=document.url or url))


def _text_or_html(data: bytes, content_type: str, extension: str, url: str) -> Document:
    media_type = content_type.split(";")[0].strip().lower()
    charset = _CHARSET_PARAM.search(content_type)
    text, codec = decode_bytes(
        data, declared=charset.group(1) if charset else declared_charset(data)
    )
    label = charset_label(codec)
    if looks_like_html(text, expected=extension in HTML_EXTENSIONS or media_type in HTML_TYPES):
        return read_html(text, raw=data, charset=label, url=url)
    return Document(text=text, raw=data, content_type=f"text/plain; charset={label}")


def _finished(document: Document) -> Document:
    text = stored_text(document.text)
    if not text.strip():
        raise IngestError("The text is empty.")
    return replace(document, text=text)


def fetch_document(url: str, *, timeout: float, max_bytes: int, allow_private: bool) -> Document:
    """An http(s) URL fetched with a time limit and a size cap, private addresses refused
    (see fetch.py), then read like an uploaded file."""
    page = fetch_page(url, timeout=timeout, max_bytes=max_bytes, allow_private=allow_private)
    return document_from_bytes(page.data, content_type=page.content_type, url=page.url)
