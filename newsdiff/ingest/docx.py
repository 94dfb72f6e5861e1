"""A Word document (.docx) to text with python-docx: one paragraph per paragraph, title and
author from the document's properties."""

import io
import zipfile

import docx

from newsdiff.ingest.document import Document, IngestError

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# The main part of a 5 MB .docx is rarely over a few MB unzipped; far more is a zip bomb.
_MAX_UNZIPPED = 100 * 1024 * 1024


def is_docx(data: bytes) -> bool:
    """A zip archive holding a Word main document part."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def read_docx(data: bytes) -> Document:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sum(info.file_size for info in archive.infolist()) > _MAX_UNZIPPED:
            raise IngestError("This Word document is too large once unpacked.")
    try:
        document = docx.Document(io.BytesIO(data))
    # A damaged file can break the parser in many ways; none of them may become a 500.
    except Exception:  # noqa: BLE001
        raise IngestError("This Word document could not be opened; it may be damaged.") from None
    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    properties = document.core_properties
    return Document(
        text="\n\n".join(paragraphs),
        raw=data,
        content_type=DOCX_TYPE,
        title=properties.title or "",
        byline=properties.author or "",
    )
