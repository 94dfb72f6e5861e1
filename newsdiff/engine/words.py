"""Words of a quotation with their offsets, normal forms and stems.

Alignment compares stems so that "focusing" meets "focused"; it weighs content words above
function words so that "on the ground" alone never makes two quotes the same statement.
"""

import zlib
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import regex
import Stemmer

from newsdiff.engine.normalise import comparable, fold

if TYPE_CHECKING:
    from newsdiff.engine.meaning import TokenMarks

# A word: letters/digits, with inner apostrophes, hyphens and dots ("Iran’s", "22-year-old",
# "2.5", "U.S"); anything else that is not a space is a punctuation token of its own.
TOKEN = regex.compile(
    r"(?P<w>[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’\-.][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*)"
    r"|(?P<p>[^\s\p{L}\p{N}\p{M}])"
)

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can could couldn't did didn't do does doesn't doing
    don't down during each few for from further had hadn't has hasn't have haven't having he he'd
    he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in
    into is isn't it it's its itself just let's me more most my myself now of off on once only or
    other ought our ours ourselves out over own same she she'd she'll she's should shouldn't so
    some such than that that's the their theirs them themselves then there there's these they
    they'd they'll they're they've this those through to too under until up very was wasn't we
    we'd we'll we're we've were weren't what what's when when's where where's which while who
    who's whom why why's with won't would wouldn't you you'd you'll you're you've your yours
    yourself yourselves will shall s t""".split()
)
# Negations carry meaning even though they are short: never stop words.
NEGATIONS = frozenset(
    "not no never none nobody nothing neither nor cannot can't won't don't doesn't didn't isn't "
    "aren't wasn't weren't hasn't haven't hadn't shouldn't wouldn't couldn't without n't".split()
)

ABBREVIATIONS = frozenset("mr mrs ms dr st gen sen rep gov lt col no prof u.s u.k jr sr vs".split())
_stemmer = Stemmer.Stemmer("english")
_stems: dict[str, str] = {}


def stems(norms: list[str]) -> list[str]:
    """Snowball stems, cached: a story repeats its vocabulary."""
    missing = [w for w in set(norms) if w not in _stems]
    if missing:
        _stems.update(zip(missing, _stemmer.stemWords(missing)))
    return [_stems[w] for w in norms]


_codes: dict[str, str] = {}


def code(stem: str) -> str:
    """One character standing for a stem, the same in every process, so rapidfuzz can compare
    quotes word by word (an LCS over these characters is an LCS over words)."""
    c = _codes.get(stem)
    if c is None:
        c = _codes[stem] = chr(0x10000 + zlib.crc32(stem.encode("utf-8")) % 0xF0000)
    return c


@dataclass(frozen=True)
class Words:
    """The tokens of one quotation: parallel tuples, offsets absolute in the version's text."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    norms: tuple[str, ...]  # folded token ("iran's", ",")
    stems: tuple[str, ...]  # stem for words, the folded mark for punctuation
    is_word: tuple[bool, ...]
    is_content: tuple[bool, ...]
    content_code: str  # one character per content word, in order
    sentences: tuple[tuple[int, int], ...] = ()  # word-index ranges of the quote's sentences
    capitalised: tuple[bool, ...] = ()  # the token starts with an upper-case letter

    @cached_property
    def word_count(self) -> int:
        return sum(self.is_word)

    # Views over words only (punctuation left out), computed once: alignment asks for them
    # for every candidate pair a quote is in.
    @cached_property
    def positions(self) -> tuple[int, ...]:
        """Token index of each word."""
        return tuple(k for k, is_word in enumerate(self.is_word) if is_word)

    @cached_property
    def word_stems(self) -> tuple[str, ...]:
        return tuple(self.stems[k] for k in self.positions)

    @cached_property
    def word_norms(self) -> tuple[str, ...]:
        return tuple(self.norms[k] for k in self.positions)

    @cached_property
    def word_content(self) -> tuple[bool, ...]:
        return tuple(self.is_content[k] for k in self.positions)

    @cached_property
    def content_before(self) -> tuple[int, ...]:
        """Content words among the first k words, for k = 0..word_count."""
        counts, n = [0], 0
        for c in self.word_content:
            n += c
            counts.append(n)
        return tuple(counts)

    @cached_property
    def marks(self) -> "TokenMarks":
        """Each token's meaning marks (see meaning.TokenMarks), for meaning flags."""
        from newsdiff.engine.meaning import token_marks

        return token_marks(self)

    @cached_property
    def comparable(self) -> str:
        """The tokens in the form `exact` compares (see normalise.comparable)."""
        return comparable(" ".join(self.norms))


def tokenise(text: str, start: int = 0, end: int | None = None) -> Words:
    """Tokens of `text[start:end]` with absolute offsets.

    >>> w = tokenise("He said “Iran’s drones,” twice.", 9, 23)
    >>> w.norms, w.stems[:1], w.is_content
    (("iran's", 'drones', ','), ('iran',), (True, True, False))
    """
    end = len(text) if end is None else end
    piece = text[start:end]
    folded = fold(piece)
    spans = [m.span() for m in TOKEN.finditer(piece)]
    norms = [folded[s:e] for s, e in spans]
    is_word = [n[0].isalnum() for n in norms]
    words = [n for n, w in zip(norms, is_word) if w]
    it = iter(stems(words))
    all_stems = [next(it) if w else n for n, w in zip(norms, is_word)]
    content = [w and (n not in STOPWORDS or n in NEGATIONS) for n, w in zip(norms, is_word)]
    starts = [start + s for s, _ in spans]
    return Words(
        tuple(starts), tuple(start + e for _, e in spans), tuple(norms), tuple(all_stems),
        tuple(is_word), tuple(content),
        "".join([code(s) for s, c in zip(all_stems, content) if c]),
        _sentences(text, starts, norms, is_word),
        tuple(text[s].isupper() for s in starts),
    )


def _sentences(text: str, starts: list[int], norms: list[str], is_word: list[bool]):
    """Word-index ranges of sentences: a full stop, ! or ? before a capitalised word."""
    ranges, first, words, ended, previous = [], 0, 0, False, ""
    for start, norm, word in zip(starts, norms, is_word):
        if word:
            if ended and text[start].isupper() and words > first:
                ranges.append((first, words))
                first = words
            ended = False
            words += 1
            previous = norm
        elif norm in ".!?":
            ended = previous not in ABBREVIATIONS and len(previous) > 1
    if words > first:
        ranges.append((first, words))
    return tuple(ranges)
