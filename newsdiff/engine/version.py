"""One version of a story analysed once: its quotes with speakers and their words, ready to be
aligned against any number of other versions cheaply."""

from dataclasses import dataclass, field, replace
from functools import cached_property

from newsdiff.engine.names import fold_name, looks_like_speaker, story_keys
from newsdiff.engine.paragraphs import paragraphs
from newsdiff.engine.quotes import Quote, extract_quotes as _marks_only
from newsdiff.engine.speakers import Speakers, attribute
from newsdiff.engine.words import Words, tokenise


@dataclass(frozen=True)
class ExtractedVersion:
    """A version's text, its quotes (with speakers) and each quote's words."""

    text: str
    quotes: tuple[Quote, ...]
    words: tuple[Words, ...] = field(repr=False)

    @cached_property
    def echoes(self) -> dict[int, frozenset[int]]:
        """Quotes of this version that repeat another of its quotes, whole or in part
        (a headline quoting a phrase of the body): they may share a counterpart."""
        from newsdiff.engine.align import echoes

        return echoes(self)

    @cached_property
    def persons(self) -> tuple[str | None, ...]:
        """Each quote's speaker key when the speaker is a named person, else None (a
        description such as "a spokesman" may be the same person as a name)."""
        return tuple(q.speaker_key if q.speaker_key and looks_like_speaker(q.speaker) else None
                     for q in self.quotes)

    @cached_property
    def beside_quotes(self) -> dict[int, tuple[frozenset[str], ...]]:
        """Memo of paraphrase's look at the words around each quote, filled on demand."""
        return {}

    @cached_property
    def outside_words(self) -> Words:
        """The words of the text outside quotation marks, for spotting paraphrase."""
        from newsdiff.engine.paraphrase import words_outside_quotes

        return words_outside_quotes(self)


def analyse_version(text: str) -> ExtractedVersion:
    """Extract quotes, attribute speakers and tokenise, once per version.

    >>> v = analyse_version('“We can confirm it,” Kirby said.')
    >>> v.quotes[0].speaker, len(v.words[0].norms)
    ('Kirby', 5)
    """
    quotes = _marks_only(text)
    version = ExtractedVersion(text, tuple(quotes),
                               tuple(tokenise(text, q.start, q.end) for q in quotes))
    paras = paragraphs(text)
    flat = _unwrapped(text, paras)
    speakers = Speakers(flat, [(q.start, q.end) for q in quotes])
    found = attribute(flat, quotes, paras, speakers)
    names = []
    for i, (name, strength) in enumerate(found):
        if strength < 2:  # a repeat of these words, attributed more surely, knows better
            echoed = sorted(version.echoes.get(i, ()))
            surer = [found[j] for j in echoed if found[j][1] >= 2]
            # Unattributed words (a headline's) take even a guessed speaker of their repeat, or
            # of the one quote that holds all their content words ("Painful but Necessary").
            if name is None:
                surer = surer or [found[j] for j in echoed if found[j][0]]
                surer = surer or _holding_all_words(version, i, found)
            if surer:
                name = surer[0][0]
        names.append(name)
    return _with_quotes(version, tuple(
        replace(q, speaker=name, speaker_key=fold_name(name) if name else None)
        for q, name in zip(quotes, names)
    ))


def _holding_all_words(version: ExtractedVersion, i: int,
                       found: list[tuple[str | None, int]]) -> list[tuple[str | None, int]]:
    words = version.words[i]
    wanted = {s for s, c in zip(words.stems, words.is_content) if c}
    if len(wanted) < 2:
        return []
    holders = [found[j] for j, other in enumerate(version.words)
               if j != i and found[j][0] and wanted <= set(other.stems)]
    return holders[:1] if len({name for name, _ in holders}) == 1 else []


def _unwrapped(text: str, paras: list[tuple[int, int]]) -> str:
    """The text with line breaks inside paragraphs (hard-wrapped copy) turned into spaces, so
    "Irene\nSolberg" is one name; same length, so offsets hold."""
    pieces, pos = [], 0
    for start, end in paras:
        if "\n" in text[start:end]:
            pieces += [text[pos:start], text[start:end].replace("\n", " ")]
            pos = end
    return "".join(pieces) + text[pos:]


def extract_quotes(text: str) -> list[Quote]:
    """Every quotation in `text` with its speaker.

    >>> [(q.text, q.speaker) for q in extract_quotes('“Not now,” said Mr. Kirby.')]
    [('Not now,', 'Kirby')]
    """
    return list(analyse_version(text).quotes)


def unify_speakers(versions: list[ExtractedVersion]) -> list[ExtractedVersion]:
    """The same versions with `speaker_key`s unified across the whole story: "Kirby" in one
    outlet and "John Kirby" in another get one key; so do "Cleverly" and "Cleverley"."""
    keys = story_keys([[q.speaker for q in v.quotes] for v in versions])
    return [_with_quotes(v, tuple(replace(q, speaker_key=k) for q, k in zip(v.quotes, vk)))
            for v, vk in zip(versions, keys)]


def _with_quotes(version: ExtractedVersion, quotes: tuple[Quote, ...]) -> ExtractedVersion:
    """The version with new quote records (same spans): what was derived from spans carries."""
    new = replace(version, quotes=quotes)
    for derived in ("echoes", "outside_words"):
        if derived in version.__dict__:
            new.__dict__[derived] = version.__dict__[derived]
    return new
