"""Sentences of a whole stored text, with offsets, for passage alignment.

Paragraphs come from `paragraphs.py`; sentences inside a paragraph from the engine's own rule
(`words.tokenise`: a full stop, ! or ? before a capitalised word, with an abbreviation list), so
quotes and passages split text the same way and every sentence is a span of the stored text.
Punctuation between two sentences goes with the one it touches: `said.” “We` splits as
`said.”` | `“We`.
"""

from dataclasses import dataclass, field
from itertools import accumulate

from newsdiff.engine.paragraphs import paragraphs
from newsdiff.engine.words import Words, tokenise


@dataclass(frozen=True)
class Sentence:
    """`text[start:end]` is the sentence; `paragraph` indexes `paragraphs(text)`.

    `words`: its words folded (case, quote and apostrophe style), punctuation left out;
    `tokens`: words and punctuation folded; `content`: one character per content-word stem,
    in order (see `words.code`), so rapidfuzz compares sentences word by word;
    `paragraph_words`: its paragraph's tokens, of which it is `token_range`, for word diffs
    without tokenising again."""

    start: int
    end: int
    paragraph: int
    words: tuple[str, ...] = field(repr=False)
    tokens: tuple[str, ...] = field(repr=False)
    content: str = field(repr=False)
    paragraph_words: Words = field(repr=False, compare=False)
    token_range: tuple[int, int] = field(repr=False, compare=False)

    @property
    def word_count(self) -> int:
        return len(self.words)


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of `text`, in order, paragraph by paragraph.

    >>> t = 'Kirby spoke. “We will go,” he said.\\n\\nMr. Aas agreed.'
    >>> [(t[s.start:s.end], s.paragraph) for s in split_sentences(t)]
    [('Kirby spoke.', 0), ('“We will go,” he said.', 0), ('Mr. Aas agreed.', 1)]
    """
    result: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(paragraphs(text)):
        w = tokenise(text, p_start, p_end)
        word_at = [k for k, is_word in enumerate(w.is_word) if is_word]
        if not word_at:  # a rule or a row of asterisks: a sentence with no words
            result.append(Sentence(p_start, p_end, number, (), tuple(w.norms), "", w,
                                   (0, len(w.norms))))
            continue
        # content_code has one character per content token: count them to slice it.
        content_before = [0, *accumulate(w.is_content)]
        first = 0
        ranges = w.sentences or ((0, len(word_at)),)
        for n, (lo, hi) in enumerate(ranges):
            if n + 1 < len(ranges):
                last = word_at[hi - 1] + 1
                while last < word_at[ranges[n + 1][0]] and w.starts[last] == w.ends[last - 1]:
                    last += 1  # punctuation touching the last word ends this sentence
            else:
                last = len(w.norms)
            tokens = range(first, last)
            result.append(Sentence(
                w.starts[first], w.ends[last - 1], number,
                tuple(w.norms[k] for k in tokens if w.is_word[k]),
                tuple(w.norms[k] for k in tokens),
                w.content_code[content_before[first]:content_before[last]], w, (first, last),
            ))
            first = last
    return result
