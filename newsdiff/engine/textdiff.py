"""Word-level difference of two whole texts, as NewsDiffs shows an article's edits.

The texts are cut into tokens — words, punctuation marks, and line breaks — and rapidfuzz's
Indel opcodes (a longest common subsequence) over the words, then over the punctuation between
matched words, say which tokens stayed, went or came. The result
is a list of changes with offsets into the texts, so a template can show the newer text with
<del>/<ins> marks without searching for anything: the `equal` and `insert` changes, in order,
are exactly text B; each `delete` is a slice of text A placed where it was removed.
"""

from dataclasses import dataclass

import regex
from rapidfuzz.distance import Indel

# A word with inner apostrophes, hyphens and dots ("Iran’s", "22-year-old", "2.5"); a run of
# line breaks (a paragraph break is one token, so a gap between tokens never holds one); or
# any other single non-space character.
TOKEN = regex.compile(
    r"[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’\-.][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*"
    r"|\n(?:[^\S\n]*\n)*"
    r"|[^\s]"
)


@dataclass(frozen=True)
class Change:
    """`op` is equal, delete (only in A) or insert (only in B). `start`/`end` point into B for
    equal and insert, into A for delete; `text` is that slice. `punctuation` says the change
    touches no word (a comma, a quote mark, a line break)."""

    op: str
    start: int
    end: int
    text: str
    punctuation: bool

    @property
    def lead(self) -> str:
        """The spaces a deletion or insertion starts with: shown outside its mark."""
        return self.text[: len(self.text) - len(self.text.lstrip(" \t"))]

    @property
    def body(self) -> str:
        return self.text[len(self.lead) :]


def _tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in TOKEN.finditer(text)]


def _matches(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """Token pairs that stay, in order. Words anchor the alignment; punctuation and line breaks
    are matched only between two anchors, so a full stop never pulls an unrelated sentence
    into line with another."""
    wa = [i for i, t in enumerate(a) if t[0].isalnum()]
    wb = [j for j, t in enumerate(b) if t[0].isalnum()]
    anchors = [
        (wa[op.src_start + k], wb[op.dest_start + k])
        for op in Indel.opcodes([a[i] for i in wa], [b[j] for j in wb])
        if op.tag == "equal"
        for k in range(op.src_end - op.src_start)
    ]
    matches: list[tuple[int, int]] = []
    prev_a, prev_b = 0, 0
    for i, j in anchors + [(len(a), len(b))]:
        gap_a, gap_b = a[prev_a:i], b[prev_b:j]
        if gap_a and gap_b:
            matches.extend(
                (prev_a + op.src_start + k, prev_b + op.dest_start + k)
                for op in Indel.opcodes(gap_a, gap_b)
                if op.tag == "equal"
                for k in range(op.src_end - op.src_start)
            )
        if i < len(a):
            matches.append((i, j))
        prev_a, prev_b = i + 1, j + 1
    return matches


def _opcodes(n_a: int, n_b: int, matches: list[tuple[int, int]]):
    """(tag, i1, i2, j1, j2) runs: equal for consecutive matches, delete/insert between them."""
    i = j = 0
    k = 0
    while i < n_a or j < n_b:
        next_i, next_j = matches[k] if k < len(matches) else (n_a, n_b)
        if next_i > i:
            yield "delete", i, next_i, j, j
        if next_j > j:
            yield "insert", next_i, next_i, j, next_j
        i, j = next_i, next_j
        run = 0
        while k + run < len(matches) and matches[k + run] == (i + run, j + run):
            run += 1
        if run:
            yield "equal", i, i + run, j, j + run
        i, j, k = i + run, j + run, k + run


def text_diff(a: str, b: str) -> list[Change]:
    """The changes turning text A into text B, word by word.

    >>> [(c.op, c.text) for c in text_diff("A ferry sank.", "A old ferry sank!")]
    [('equal', 'A'), ('insert', ' old'), ('equal', ' ferry sank'), ('delete', '.'), ('insert', '!')]

    A removed word takes the space before it along, so the remaining text reads naturally:

    >>> [(c.op, c.text) for c in text_diff("We are not aware", "We are aware")]
    [('equal', 'We are'), ('delete', ' not'), ('equal', ' aware')]
    """
    ta, tb = _tokens(a), _tokens(b)
    changes: list[Change] = []
    b_pos = 0  # how much of B the changes so far cover

    def add(op: str, text: str, start: int, end: int) -> None:
        if end > start:
            piece = text[start:end]
            changes.append(Change(op, start, end, piece, not any(ch.isalnum() for ch in piece)))

    matches = _matches([a[s:e] for s, e in ta], [b[s:e] for s, e in tb])
    for tag, i1, i2, j1, j2 in _opcodes(len(ta), len(tb), matches):
        if tag == "delete":
            # The space before the removed words goes with them (or, at the very start of A,
            # the space after), so what remains reads naturally.
            if i1:
                add("delete", a, ta[i1 - 1][1], ta[i2 - 1][1])
            else:
                add("delete", a, ta[0][0], ta[i2][0] if i2 < len(ta) else ta[i2 - 1][1])
        else:
            add(tag, b, b_pos, tb[j2 - 1][1])
            b_pos = tb[j2 - 1][1]
    add("equal", b, b_pos, len(b))
    return _deletions_first(changes)


def _deletions_first(changes: list[Change]) -> list[Change]:
    """Within each run of changes between two equal stretches, show what went before what came,
    so a replaced word reads "<del>old</del><ins>new</ins>"."""
    ordered: list[Change] = []
    run: list[Change] = []
    for change in changes + [None]:
        if change is None or change.op == "equal":
            ordered.extend(c for c in run if c.op == "delete")
            ordered.extend(c for c in run if c.op == "insert")
            run = []
            if change is not None:
                ordered.append(change)
        else:
            run.append(change)
    return ordered


def changed_words(changes: list[Change]) -> tuple[int, int]:
    """How many words the changes remove and add.

    >>> changed_words(text_diff("under fifty metres", "under fifteen metres"))
    (1, 1)
    """

    def words(c: Change) -> int:
        return sum(1 for s, e in _tokens(c.text) if c.text[s].isalnum())

    removed = sum(words(c) for c in changes if c.op == "delete")
    added = sum(words(c) for c in changes if c.op == "insert")
    return removed, added
