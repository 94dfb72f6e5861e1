"""Quotation marks of a text, each told apart from apostrophes and given a role by context.

A mark's role depends on what is around it, the way Markdown decides emphasis: a mark with a
space before and a word after can open, one with a word before and a space after can close.
Curly marks have a usual role that context can override (German „…“, Swedish ”…”, French
« … », typewriter ``…''). An apostrophe (Iran’s, ’90s, rock ’n’ roll) is never a mark;
a plural possessive (the Smiths’) closes a quote only when nothing later in the paragraph can.
"""

from dataclasses import dataclass
from enum import Enum

import regex

MARK = regex.compile(r"``|''|[\"“”„‟«»〝〞＂「」'‘’‚‛‹›`ʼ『』]")
_ELISION = regex.compile(r"(?i)(?:em|til|cause|cos|tis|twas|bout|round|nuff|n)(?![\p{L}\p{N}])")
_DECADE = regex.compile(r"\d\d(?:s\b|(?![\p{L}\p{N}]))")
_OPEN_CONTEXT = set("([{<—–-/")
_CLOSE_CONTEXT = set(".,;:!?)]}>…—–-/")


class Family(Enum):
    DOUBLE = "double"
    SINGLE = "single"


class Role(Enum):
    OPEN = "open"
    CLOSE = "close"
    EITHER = "either"  # closes an open quote of its family, else opens one
    WEAK_CLOSE = "weak_close"  # closes only if no later mark of the family can


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    family: Family
    role: Role


def _is_word(c: str) -> bool:
    return c.isalnum()


def _flanking(text: str, start: int, end: int) -> tuple[bool, bool]:
    """(can open, can close) from the characters either side."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    quote_chars = "\"“”„‟«»'‘’‚‛‹›`"
    space_before = before.isspace() or before in _OPEN_CONTEXT or before in quote_chars
    space_after = after.isspace() or after in _CLOSE_CONTEXT or after in quote_chars
    return (space_before and not after.isspace(), not before.isspace() and space_after)


def _is_apostrophe(text: str, start: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[start + 1] if start + 1 < len(text) else " "
    if _is_word(before) and _is_word(after):
        return True  # Iran’s, don’t, O’Brien, rock ’n’ roll's second mark
    if not _is_word(before) and (_DECADE.match(text, start + 1) or _ELISION.match(text, start + 1)):
        return True  # ’90s, ’em, the first mark of ’n’
    if before == "n" and start >= 2 and text[start - 2] in "'‘’`" :
        return True  # ’n’
    return False


def _double(text: str, m: regex.Match) -> Role | None:
    c = m.group()
    can_open, can_close = _flanking(text, m.start(), m.end())
    if c in ("``", "„", "‟", "〝", "「"):
        return Role.OPEN
    if c in ("''", "」", "〞"):
        return Role.CLOSE
    if c in ("“", "«"):
        return Role.CLOSE if can_close and not can_open else Role.OPEN
    if c in ("”", "»"):
        return Role.EITHER if can_open and not can_close else Role.CLOSE
    # straight " and its full-width form: context alone decides
    if can_open and not can_close:
        return Role.OPEN
    if can_close and not can_open:
        return Role.CLOSE
    return Role.EITHER if can_open else None


def _single(text: str, m: regex.Match) -> Role | None:
    c, start = m.group(), m.start()
    if c == "ʼ" or (c != "`" and _is_apostrophe(text, start)):
        return None
    can_open, can_close = _flanking(text, start, m.end())
    if c in ("‚", "`", "『"):
        return Role.OPEN
    if c == "』":
        return Role.CLOSE
    if c in ("‘", "‛", "‹"):
        return Role.CLOSE if can_close and not can_open else Role.OPEN
    if c == "›":
        return Role.EITHER if can_open and not can_close else Role.CLOSE
    # ’ and straight '
    if can_close and not can_open:
        before = text[start - 1]
        nxt = text[start + 2] if start + 2 < len(text) else ""
        if before in "sS" and text[start + 1:start + 2] == " " and nxt.isalpha():
            return Role.WEAK_CLOSE  # the Smiths’ album
        return Role.CLOSE
    if can_open and not can_close:
        return Role.EITHER
    return None


def find_marks(text: str, start: int = 0, end: int | None = None) -> list[Mark]:
    """The quotation marks in `text[start:end]` with their roles; apostrophes left out.

    >>> [(m.start, m.role.value) for m in find_marks("‘Iran’s drones’ in the ’90s")]
    [(0, 'open'), (14, 'weak_close')]
    """
    marks = []
    for m in MARK.finditer(text, start, len(text) if end is None else end):
        c = m.group()
        family = Family.DOUBLE if len(c) == 2 or c in "\"“”„‟«»〝〞＂「」" else Family.SINGLE
        role = _double(text, m) if family is Family.DOUBLE else _single(text, m)
        if role is not None:
            marks.append(Mark(m.start(), m.end(), family, role))
    return marks
