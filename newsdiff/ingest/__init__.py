"""Turn what an editor hands us (pasted text, a file, a URL) into one stored text.

Plain Python, no Django: the upload service and `manage.py compare` both call it.
The `text` of a Document is final: every quote offset later points into it.

INTERFACE STUB (skeleton): the Foundation work replaces the bodies, keeps the names.
"""

from dataclasses import dataclass
from datetime import date


class IngestError(ValueError):
    """Input we cannot use; the message is shown to the person who sent it."""


@dataclass(frozen=True)
class Document:
    text: str
    raw: bytes
    content_type: str
    filename: str = ""
    url: str = ""
    title: str = ""
    byline: str = ""
    published: date | None = None
    site_name: str = ""


def document_from_text(text: str) -> Document:
    """Pasted text: line endings unified, nothing else touched."""
    clean = text.replace("\r\n", "\n").replace("\r", "\n")
    if not clean.strip():
        raise IngestError("The text is empty.")
    return Document(text=clean, raw=text.encode("utf-8"), content_type="text/plain; charset=utf-8")


def document_from_bytes(data: bytes, filename: str = "", content_type: str = "") -> Document:
    """A file's bytes: decoded, and reduced to the article's main text when it is HTML/.docx/.pdf."""
    doc = document_from_text(data.decode("utf-8-sig"))
    return Document(text=doc.text, raw=data, content_type=content_type or "text/plain", filename=filename)


def fetch_document(url: str, *, timeout: float, max_bytes: int, allow_private: bool) -> Document:
    """An http(s) URL fetched with a time limit and a size cap, private addresses refused."""
    raise IngestError("Fetching URLs is not available yet.")
