"""Word-level difference of two aligned stretches of quotes, as segments a template renders
with <del>/<ins>; a change that touches only punctuation is told apart from a word change."""

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from newsdiff.engine.words import Words


@dataclass(frozen=True)
class Segment:
    """`op` is equal, delete (only in A) or insert (only in B); offsets point into the text of
    the side(s) the segment comes from; `text` is A's words for equal and delete, B's for insert."""

    op: str
    text: str
    punctuation: bool
    a_start: int | None = None
    a_end: int | None = None
    b_start: int | None = None
    b_end: int | None = None

    def to_dict(self) -> dict:
        return {"op": self.op, "text": self.text, "punctuation": self.punctuation,
                "a": [self.a_start, self.a_end] if self.a_start is not None else None,
                "b": [self.b_start, self.b_end] if self.b_start is not None else None}


Op = tuple[str, int, int, int, int]  # op, A's tokens [i1, i2), B's tokens [j1, j2)


def diff_ops(wa: Words, a_tokens: tuple[int, int], wb: Words, b_tokens: tuple[int, int]) -> list[Op]:
    """Token-level edit script from A's tokens [lo, hi) to B's; case and mark style are equal."""
    a_lo, b_lo = a_tokens[0], b_tokens[0]
    return [(op.tag, op.src_start + a_lo, op.src_end + a_lo, op.dest_start + b_lo, op.dest_end + b_lo)
            for op in Levenshtein.opcodes(list(wa.norms[a_lo:a_tokens[1]]),
                                          list(wb.norms[b_lo:b_tokens[1]]))]


def segments(text_a: str, wa: Words, text_b: str, wb: Words, ops: list[Op]) -> list[Segment]:
    """The edit script as segments with offsets into each text."""
    result: list[Segment] = []

    def side(text: str, w: Words, i: int, j: int) -> tuple[str, int, int, bool]:
        start, end = w.starts[i], w.ends[j - 1]
        return text[start:end], start, end, not any(w.is_word[i:j])

    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            text, s, e, punct = side(text_a, wa, i1, i2)
            _, bs, be, _ = side(text_b, wb, j1, j2)
            result.append(Segment("equal", text, punct, s, e, bs, be))
            continue
        if i2 > i1:
            text, s, e, punct = side(text_a, wa, i1, i2)
            result.append(Segment("delete", text, punct, a_start=s, a_end=e))
        if j2 > j1:
            text, s, e, punct = side(text_b, wb, j1, j2)
            result.append(Segment("insert", text, punct, b_start=s, b_end=e))
    return result


def word_diff(text_a: str, wa: Words, a_tokens: tuple[int, int],
              text_b: str, wb: Words, b_tokens: tuple[int, int]) -> list[Segment]:
    """Segments turning A's tokens [lo, hi) into B's; case and quote-mark style are not changes.

    >>> from newsdiff.engine.words import tokenise
    >>> a, b = "directly involved on the ground,", "directly engaged on the ground"
    >>> [(s.op, s.text, s.punctuation) for s in word_diff(
    ...     a, tokenise(a), (0, 6), b, tokenise(b), (0, 5))]
    [('equal', 'directly', False), ('delete', 'involved', False), ('insert', 'engaged', False), ('equal', 'on the ground', False), ('delete', ',', True)]
    """
    return segments(text_a, wa, text_b, wb, diff_ops(wa, a_tokens, wb, b_tokens))
