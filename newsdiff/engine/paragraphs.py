"""Paragraphs of a stored text, with offsets.

Quote marks are matched within a paragraph (an unclosed mark stops at the paragraph's end
instead of swallowing the article), so finding paragraphs right matters: blank lines always
separate them; single line breaks separate them too, except in hard-wrapped copy (wire
stories wrapped at ~70 columns) and where a line plainly breaks mid-sentence.
"""

import re

_SENTENCE_END = tuple('.!?:"”’»)]…')
_FIRST_WORD = re.compile(r"\S+")


def _looks_hard_wrapped(lengths: list[int], ends_sentence: list[bool]) -> tuple[bool, int]:
    if len(lengths) < 4:
        return False, 0
    width = sorted(lengths)[int(0.95 * (len(lengths) - 1))]
    full = sum(1 for n in lengths if n >= 0.6 * width) / len(lengths)
    mid_sentence = ends_sentence.count(False) / len(lengths)
    return 40 <= width <= 100 and full >= 0.5 and mid_sentence >= 0.4, width


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, trimmed of surrounding space.

    >>> t = "“One,\\ntwo.”\\n\\nThree."
    >>> [t[s:e] for s, e in paragraphs(t)]
    ['“One,\\ntwo.”', 'Three.']
    """
    lines, pos = [], 0
    for raw in text.split("\n"):
        lines.append((pos, pos + len(raw)))
        pos += len(raw) + 1
    body = [(s, e) for s, e in lines if text[s:e].strip()]
    lengths = [len(text[s:e].rstrip()) for s, e in body]
    ends = [text[s:e].rstrip().endswith(_SENTENCE_END) for s, e in body]
    wrapped, width = _looks_hard_wrapped(lengths, ends)

    result: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    previous: tuple[int, int] | None = None
    for s, e in lines:
        line = text[s:e]
        if not line.strip():
            if current:
                result.append(current)
            current = previous = None
            continue
        if current and previous and _continues(text, previous, (s, e), wrapped, width):
            current = (current[0], e)
        else:
            if current:
                result.append(current)
            current = (s, e)
        previous = (s, e)
    if current:
        result.append(current)
    return [_trim(text, s, e) for s, e in result]


def _continues(text: str, prev: tuple[int, int], line: tuple[int, int], wrapped: bool,
               width: int) -> bool:
    """Whether `line` goes on the paragraph that `prev` ends."""
    before = text[prev[0]:prev[1]].rstrip()
    after = text[line[0]:line[1]]
    if after[:1].isspace() or after.lstrip()[:1] in ("•", "*", "-", "–", "—", "·"):
        return False  # indented or bulleted: a new paragraph
    first = _FIRST_WORD.match(after)
    mid_sentence = not before.endswith(_SENTENCE_END)
    if mid_sentence and first and first.group()[0].islower():
        return True
    if wrapped:
        return mid_sentence or len(before) + 1 + len(first.group()) > width - 2
    return False


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
