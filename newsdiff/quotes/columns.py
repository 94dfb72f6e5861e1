"""A version's text cut into paragraphs and runs for the compare view's columns.

Everything is placed by character offsets into the stored text — the quotes' start/end, the
aligned spans inside them, the places where the other version's quote words stand unquoted —
so the template only prints slices of the text (auto-escaped) and never searches it.
"""

import re
from dataclasses import dataclass, field

PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")


@dataclass(frozen=True)
class Mark:
    """A stretch of the text to mark: `ref` is what the template shows it with; `inner` are
    [start, end) sub-spans to emphasise (a quote's aligned part)."""

    start: int
    end: int
    ref: object
    inner: tuple[tuple[int, int], ...] = ()


@dataclass
class Run:
    """Plain text (`mark` is None), or one paragraph's piece of a mark. A mark crossing a
    paragraph break becomes several runs; `first` carries its anchor, `last` its label.
    `parts` are (text, emphasised) pieces of a marked run."""

    text: str
    mark: object | None = None
    first: bool = False
    last: bool = False
    parts: list[tuple[str, bool]] = field(default_factory=list)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) of each paragraph: blank lines separate paragraphs.

    >>> paragraphs("One.\\n\\nTwo\\nlines.\\n")
    [(0, 4), (6, 16)]
    """
    spans, start = [], 0
    for m in PARAGRAPH_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text.rstrip())))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _without_overlaps(marks: list[Mark], length: int) -> list[Mark]:
    """Marks in text order, each clipped to start where the one before ended: the engine's
    quotes never overlap, but a column must not break if two marks ever do."""
    result: list[Mark] = []
    edge = 0
    for m in sorted(marks, key=lambda m: (m.start, m.end)):
        start, end = max(m.start, edge, 0), min(m.end, length)
        if end > start:
            result.append(Mark(start, end, m.ref, m.inner))
            edge = end
    return result


def _parts(text: str, start: int, end: int, inner) -> list[tuple[str, bool]]:
    parts, pos = [], start
    for s, e in sorted(inner):
        s, e = max(s, pos), min(e, end)
        if e <= s:
            continue
        if s > pos:
            parts.append((text[pos:s], False))
        parts.append((text[s:e], True))
        pos = e
    if end > pos:
        parts.append((text[pos:end], False))
    return parts


def layout(text: str, marks: list[Mark]) -> list[list[Run]]:
    """The text as paragraphs of runs, marks placed by their offsets.

    >>> text = "He said: “Go now.”\\n\\nShe agreed."
    >>> [[(r.text, r.mark) for r in p] for p in layout(text, [Mark(10, 17, "q0")])]
    [[('He said: “', None), ('Go now.', 'q0'), ('”', None)], [('She agreed.', None)]]
    """
    marks = _without_overlaps(marks, len(text))
    result: list[list[Run]] = []
    k = 0  # first mark that may still reach into this paragraph
    for p_start, p_end in paragraphs(text):
        runs: list[Run] = []
        pos = p_start
        while k < len(marks) and marks[k].end <= p_start:
            k += 1
        j = k
        while j < len(marks) and marks[j].start < p_end:
            m = marks[j]
            s, e = max(m.start, p_start), min(m.end, p_end)
            if s > pos:
                runs.append(Run(text[pos:s]))
            if e > s:
                runs.append(Run(text[s:e], m, parts=_parts(text, s, e, m.inner)))
            pos = max(pos, e)
            j += 1
        if p_end > pos:
            runs.append(Run(text[pos:p_end]))
        result.append(runs)
    # A mark's first piece carries its anchor and its last its label, wherever they fell.
    pieces: dict[int, list[Run]] = {}
    for run in (r for runs in result for r in runs if r.mark is not None):
        pieces.setdefault(id(run.mark), []).append(run)
    for runs in pieces.values():
        runs[0].first = runs[-1].last = True
        for run in runs:
            run.mark = run.mark.ref
    return result
