"""Normalisation for comparing quotations: quote marks, apostrophes, spaces, dashes and case.

Two quotes are the "same words" when their normalised texts are equal. Every normalised
string keeps a map back to the original offsets, so nothing downstream re-finds text.
"""

import hashlib
import re
from dataclasses import dataclass

# Every character we treat as a double or single quotation mark (or apostrophe).
DOUBLE_MARKS = '"“”„‟«»〝〞＂「」'
SINGLE_MARKS = "'‘’‚‛‹›`´ʼ′『』"
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\r\n\v\f"
_DASHES = "‐‑‒–—―−"

# Same-length replacements, so folding keeps offsets one to one.
_FOLD_MAP = {**{c: '"' for c in DOUBLE_MARKS}, **{c: "'" for c in SINGLE_MARKS},
             **{c: " " for c in _SPACES}, **{c: "-" for c in _DASHES}}
FOLD = str.maketrans(_FOLD_MAP)
# str.translate with a table this sparse is slow on long texts; a regex visits only the marks.
_FOLDABLE = re.compile("[" + re.escape("".join(c for c in _FOLD_MAP if c not in "\"' ")) + "]")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_RUN_OF_SPACE = re.compile(r" {2,}")
# Quote marks once folded: every ", and every ' that is not inside a word (Iran's stays).
_QUOTE_MARK = re.compile(r"\"|(?<!\w)'|'(?!\w)")
_EDGE_PUNCT = re.compile(r"""^[\s"'.,;:!?…\-()\[\]]+|[\s"'.,;:!?…\-()\[\]]+$""")


@dataclass(frozen=True)
class Normalised:
    """`text` normalised; `origin[i]` is the offset in the original of `text[i]`
    (with one extra entry for the end, so spans map back as origin[start], origin[end])."""

    text: str
    origin: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets covered by `text[start:end]`."""
        if start >= end:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def fold(text: str) -> str:
    """Quote marks to straight ones, odd spaces to " ", dashes to "-", lower case.

    Same length as the input whenever lower-casing is (almost always):
    >>> fold("“Iran’s”\u00a0DRONES")
    '"iran\\'s" drones'
    """
    folded = _FOLDABLE.sub(lambda m: _FOLD_MAP[m.group()], text)
    lowered = folded.lower()
    return lowered if len(lowered) == len(folded) else "".join(c.lower()[0] for c in folded)


def normalise(text: str, start: int = 0) -> Normalised:
    """`fold` plus invisible characters dropped and runs of spaces collapsed, with offsets
    (shifted by `start`, for text cut out of a longer document).

    >>> n = normalise("a  “B”")
    >>> n.text, n.original_span(2, 5)
    ('a "b"', (3, 6))
    """
    folded = fold(text)
    keep = [True] * len(folded)
    for m in _INVISIBLE.finditer(folded):
        keep[m.start()] = False
    for m in _RUN_OF_SPACE.finditer(folded):
        for i in range(m.start() + 1, m.end()):
            keep[i] = False
    chars, origin = [], []
    for i, c in enumerate(folded):
        if keep[i]:
            chars.append(c)
            origin.append(start + i)
    origin.append(start + len(text))
    return Normalised("".join(chars), tuple(origin))


def comparable(text: str) -> str:
    """The form two quotes are compared in for `exact`: folded, spaces collapsed, quote marks
    dropped, edge punctuation stripped.

    >>> comparable("  “Tehran is now directly engaged,”  ")
    'tehran is now directly engaged'
    """
    folded = _QUOTE_MARK.sub("", _INVISIBLE.sub("", fold(text)))
    return _EDGE_PUNCT.sub("", " ".join(folded.split()))


def quote_key(text: str) -> str:
    """A stable key for a quote's words, so editors' decisions carry over recomputation.

    >>> quote_key("“We can confirm,”") == quote_key('we can  confirm')
    True
    """
    return hashlib.blake2b(comparable(text).encode("utf-8"), digest_size=10).hexdigest()
