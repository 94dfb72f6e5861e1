"""A web page to its article: main text by trafilatura, one paragraph per block, and what the
page says about itself (headline, author, date, site name).

trafilatura drops navigation, share bars, related links and comments on its own; calls to
action written as ordinary paragraphs inside the article ("Join our Telegram channel") are
not markup it can recognise, so short paragraphs of that shape are dropped here.
"""

import re
from datetime import date

import trafilatura
from trafilatura.xml import xmltotxt

from newsdiff.ingest.document import Document, IngestError

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_DOCUMENT_START = re.compile(
    r"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_ANY_TAG = re.compile(r"<(p|div|br|article|span|h[1-6]|a|body|html)\b[^>]*>", re.IGNORECASE)
_CONTAINERS = {"quote", "div"}
_CALL_TO_ACTION = re.compile(
    r"^\W*(join|follow|subscribe|sign up|download|like|listen to|watch|get)\b.*"
    r"\b(channel|newsletter|telegram|whatsapp|facebook|twitter|instagram|tiktok|youtube|app|podcast|"
    r"updates|alerts|us)\b",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"^\W*(read more|read also|also read|related|see also|advertisement|recommended)\b",
    re.IGNORECASE,
)
# Opening marks only: "’" is also the apostrophe in "it’s free".
_QUOTE_MARKS = set('"“‘«„')

HTML_TYPE = "text/html"
HTML_TYPES = {HTML_TYPE, "application/xhtml+xml"}


def declared_charset(data: bytes) -> str:
    """The charset a page declares in its first bytes: <meta charset="windows-1252">."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else ""


def looks_like_html(text: str, *, expected: bool) -> bool:
    """A whole HTML document; or, when the name or server already said HTML, any markup at all."""
    head = text[:4096]
    return bool(_DOCUMENT_START.match(head) or (expected and _ANY_TAG.search(head)))


def read_html(page: str, *, raw: bytes, charset: str, url: str = "") -> Document:
    """The article inside an HTML page (already decoded); IngestError when there is none."""
    extracted = trafilatura.bare_extraction(
        page,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
    )
    paragraphs = [] if extracted is None else list(_paragraphs(extracted.body))
    paragraphs = [p for p in paragraphs if not _is_boilerplate(p)]
    if not paragraphs:
        raise IngestError("No article text was found in this web page.")
    return Document(
        text="\n\n".join(paragraphs),
        raw=raw,
        content_type=f"{HTML_TYPE}; charset={charset}",
        url=url or extracted.url or "",
        title=extracted.title or "",
        byline=extracted.author or "",
        published=_date(extracted.date),
        site_name=extracted.sitename or "",
    )


def _paragraphs(body):
    """One string per block (heading, paragraph, list, table); a blockquote's paragraphs stay
    paragraphs, so the text has the same blank-line shape as a pasted article."""
    for element in body:
        if element.tag in _CONTAINERS and any(
            child.tag in ("p", "head", "list") for child in element
        ):
            yield from _paragraphs(element)
            continue
        text = xmltotxt(element, include_formatting=False).strip()
        if text:
            yield text


def _is_boilerplate(paragraph: str) -> bool:
    if any(mark in paragraph for mark in _QUOTE_MARKS) or len(paragraph.split()) > 25:
        return False
    return bool(_CALL_TO_ACTION.match(paragraph) or _LABEL.match(paragraph))


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
