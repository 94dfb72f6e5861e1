"""A PDF to text with pypdf: pages in order, a blank line between them, the lines as the PDF
lays them out. Scans without a text layer and encrypted files are refused, not guessed at."""

import io
import logging

from pypdf import PdfReader

from newsdiff.ingest.document import Document, IngestError

PDF_TYPE = "application/pdf"
# pypdf logs a warning for every small defect it repairs; whether text came out is what matters.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF-")


def read_pdf(data: bytes) -> Document:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise IngestError("This PDF is password-protected; upload an unprotected copy.")
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        metadata = reader.metadata
    except IngestError:
        raise
    # A damaged file can break the parser in many ways; none of them may become a 500.
    except Exception:  # noqa: BLE001
        raise IngestError("This PDF could not be read; it may be damaged.") from None
    text = "\n\n".join(page for page in pages if page)
    if not text.strip():
        raise IngestError("This PDF has no text layer (it may be a scan); upload the text instead.")
    return Document(
        text=text,
        raw=data,
        content_type=PDF_TYPE,
        title=(metadata.title or "") if metadata else "",
        byline=(metadata.author or "") if metadata else "",
    )
