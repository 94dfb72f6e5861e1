"""What ingest hands back: the stored text, the bytes it came from, and what the document says about itself."""

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


def size_label(size: int) -> str:
    """A byte count as people say it: 5242880 -> "5 MB", 1500 -> "1.5 KB"."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return f"{size} bytes"
