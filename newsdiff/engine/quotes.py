"""Direct quotations of a text, with offsets of their words (marks excluded).

Marks are matched per paragraph with a stack, so nested quotes stay inside their outer quote.
A quotation running over several paragraphs (opening mark repeated at each, closing only at
the end) is one quote. An unclosed double quote stops at its paragraph's end; an unclosed
single one is dropped (it was most likely an apostrophe).
"""

from dataclasses import dataclass

from newsdiff.engine.marks import Family, Mark, Role, find_marks
from newsdiff.engine.normalise import quote_key
from newsdiff.engine.paragraphs import paragraphs

FRAGMENT_WORDS = 2


@dataclass(frozen=True)
class Quote:
    """One quotation. `text == version_text[start:end]`; `open_at` is where its opening mark
    starts, `close_at`/`close_end` where its closing mark starts/ends (`close_at` is None when
    it was left unclosed and ended with its paragraph; `close_end` is then `end`)."""

    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_key: str | None = None
    fragment: bool = False
    key: str = ""
    open_at: int = 0
    close_at: int | None = None
    close_end: int = 0
    paragraph: int = 0


@dataclass
class _Open:
    mark: Mark
    paragraph: int


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _make(text: str, opened: _Open, end: int, close: Mark | None) -> Quote | None:
    start, end = _trimmed(text, opened.mark.end, end)
    body = text[start:end]
    if not any(c.isalnum() for c in body):
        return None
    return Quote(
        start=start, end=end, text=body, fragment=len(body.split()) <= FRAGMENT_WORDS,
        key=quote_key(body), open_at=opened.mark.start,
        close_at=close.start if close else None, close_end=close.end if close else end,
        paragraph=opened.paragraph,
    )


def _closes(marks: list[Mark], i: int, stack: list[_Open]) -> int | None:
    """Index in `stack` of the quote that marks[i] closes, or None."""
    mark = marks[i]
    at = next((k for k in range(len(stack) - 1, -1, -1)
               if stack[k].mark.family is mark.family), None)
    if at is None or mark.role is Role.OPEN:
        return None
    if mark.role is Role.WEAK_CLOSE and any(
        m.family is mark.family and m.role is not Role.OPEN for m in marks[i + 1:]
    ):
        return None
    return at


def _opens_continuation(marks: list[Mark], text: str, para: tuple[int, int],
                        family: Family) -> bool:
    """Whether a paragraph begins with an opening mark that continues a quote left open."""
    return bool(marks) and marks[0].start == para[0] and marks[0].family is family and \
        marks[0].role in (Role.OPEN, Role.EITHER)


def extract_quotes(text: str) -> list[Quote]:
    """Every top-level quotation in `text`, in order, without speakers (see `analyse_version`).

    >>> [q.text for q in extract_quotes('“We can confirm,” Kirby said of Iran’s ‘drones’.')]
    ['We can confirm,', 'drones']
    """
    paras = paragraphs(text)
    per_para = [find_marks(text, s, e) for s, e in paras]
    quotes: list[Quote] = []
    carried: _Open | None = None  # a quote continuing from the previous paragraph
    for p, ((ps, pe), marks) in enumerate(zip(paras, per_para)):
        stack: list[_Open] = [carried] if carried else []
        if carried:
            marks = marks[1:]  # the repeated opening mark of a continued quotation
        carried = None
        for i, mark in enumerate(marks):
            at = _closes(marks, i, stack)
            if at is not None:
                opened = stack[at]
                del stack[at:]
                if not stack:
                    q = _make(text, opened, mark.start, mark)
                    if q:
                        quotes.append(q)
            elif mark.role in (Role.OPEN, Role.EITHER):
                stack.append(_Open(mark, p))
        if not stack:
            continue
        outer = stack[0]
        nxt = per_para[p + 1] if p + 1 < len(paras) else []
        if p + 1 < len(paras) and _opens_continuation(nxt, text, paras[p + 1], outer.mark.family):
            carried = outer
        elif outer.mark.family is Family.DOUBLE:
            q = _make(text, outer, pe, None)
            if q:
                quotes.append(q)
    return quotes
