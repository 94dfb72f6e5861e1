"""Who said each quote: attribution patterns around the quote, pronouns resolved to the
nearest fitting person named before it, and name variants unified within a version.

Patterns, strongest first: right after the closing mark (`,” Kirby said`, `,” said Kirby`,
`,” he added`, `,” according to Kirby`); right before the opening mark (`Kirby said: “`);
elsewhere in the quote's sentence (`Kirby told reporters that Iran sent a “small number”`,
`…, the White House said on Thursday`, a colon after the speaker's sentence); and last, a quote
with no attribution of its own continues the previous quote's speaker.
"""

import bisect
from dataclasses import dataclass

import regex

from newsdiff.engine.names import (
    NAME, NAME_RE, clean_name, fold_name, is_organisation, looks_like_person, surname,
)
from newsdiff.engine.quotes import Quote

_VERBS = r"""(?:say|says|said|saying|tell|tells|told|telling|add|adds|added|adding|state|states|
stated|explain|explains|explained|note|notes|noted|write|writes|wrote|ask|asks|asked|answer|
answered|reply|replies|replied|warn|warns|warned|argue|argues|argued|insist|insists|insisted|
continue|continues|continued|declare|declared|announce|announced|claim|claims|claimed|tweet|
tweeted|post|posted|respond|responded|remark|remarked|recall|recalled|acknowledge|acknowledged|
admit|admits|admitted|concede|conceded|comment|commented|emphasize|emphasized|emphasise|
emphasised|stress|stressed|caution|cautioned|complain|complained|conclude|concluded|observe|
observed|predict|predicted|suggest|suggested|urge|urged|vow|vowed|pledge|pledged|promise|
promised|confirm|confirmed|deny|denied|maintain|maintained|contend|contended|assert|asserted|
agree|agreed|shout|shouted|accuse|accused|describe|described|call|called|quip|quipped|joke|
joked|recount|recounted|write|writes|wrote|exclaim|exclaimed|reiterate|reiterated|testify|
testified|counter|countered|allege|alleged|report|reported)""".replace("\n", "")
# Verbs that put the speaker after them ("said Kirby"); "told X", "accused X" name the listener.
_INVERTED = r"(?:said|says|added|adds|continued|wrote|writes|explained|noted|stated|warned|insisted|declared|recalled|replied|responded|argued|asked|concluded|remarked)"
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey)"
_WHO = rf"(?:(?P<pro>\b{_PRONOUN}\b)|(?:[Tt]he\s+)?(?P<who>{NAME}))"
_APPOSITION = r"(?:,[^,“”\"«»\n]{1,90},)?"
_ADVERB = r"(?:\s+(?:also|later|then|again|further|previously|earlier|once|had|has|have|\w+ly))?"

# Right after the closing mark.
_AFTER_VERB_FIRST = regex.compile(rf"^[\s,;—–-]*{_INVERTED}\s+{_WHO}")
_AFTER_WHO_FIRST = regex.compile(rf"^[\s,;—–-]*{_WHO}{_APPOSITION}{_ADVERB}\s+{_VERBS}\b")
_AFTER_ACCORDING = regex.compile(rf"^[\s,;—–-]*according\s+to\s+{_WHO}")
# Anywhere in the quote's sentence.
_WHO_VERB = regex.compile(rf"{_WHO}{_APPOSITION}{_ADVERB}\s+{_VERBS}\b")
_VERB_WHO = regex.compile(rf"\b{_INVERTED}\s+(?:[Tt]he\s+)?(?P<who>{NAME})")
_ACCORDING = regex.compile(rf"[Aa]ccording\s+to\s+{_WHO}")
_SUBJECT = regex.compile(rf"^\W*{_WHO}")
_SENTENCE_END = regex.compile(r"(?<!\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|No|\p{Lu}))[.!?](?=\s|$)")
_PARAGRAPH_BREAK = regex.compile(r"\n\s*\n")
_OPENING = regex.compile(r"[“„«\"‘‚]")


@dataclass(frozen=True)
class Mention:
    at: int
    name: str  # cleaned display name
    person: bool
    gender: str | None


class Speakers:
    """The named people and organisations of one version, for resolving surnames and pronouns."""

    def __init__(self, text: str, quoted: list[tuple[int, int]] = ()):
        """`quoted`: spans of the quotes; names inside them never speak for a pronoun."""
        self.text = text
        inside = sorted(quoted)
        starts = [s for s, _ in inside]
        mentions = []
        for m in NAME_RE.finditer(text):
            k = bisect.bisect_right(starts, m.start()) - 1
            if k >= 0 and inside[k][0] <= m.start() < inside[k][1]:
                continue
            name, gender = clean_name(m.group())
            if name:
                person = gender is not None or looks_like_person(name)
                mentions.append(Mention(m.start(), name, person, gender))
        self.full_names: dict[str, list[str]] = {}
        for mention in mentions:
            if mention.person and len(mention.name.split()) >= 2:
                names = self.full_names.setdefault(surname(mention.name), [])
                if mention.name not in names:
                    names.append(mention.name)
        self.mentions = [
            Mention(m.at, m.name, m.person or (len(m.name.split()) == 1 and
                                                surname(m.name) in self.full_names), m.gender)
            for m in mentions
        ]
        self._positions = [m.at for m in self.mentions]
        ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        ends += [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
        self._sentence_ends = sorted(ends)

    def canonical(self, name: str, at: int) -> str:
        """The fullest form of `name` in this version: "Kirby" → "John Kirby" (the nearest full
        name before `at` when a surname is shared, else the first one)."""
        if len(name.split()) != 1 or is_organisation(name):
            return name
        candidates = self.full_names.get(surname(name), [])
        if not candidates:
            return name
        before = [m.name for m in self.mentions[: bisect.bisect_left(self._positions, at)]
                  if m.name in candidates]
        return before[-1] if before else candidates[0]

    def resolve_pronoun(self, pronoun: str, at: int) -> str | None:
        """The fitting name nearest before `at`, sentence by sentence, taking the first one of a
        sentence (its subject, usually): a person for he/she, anyone for they."""
        plural = pronoun.lower() == "they"
        wanted = {"he": "m", "she": "f"}.get(pronoun.lower())
        by_sentence: dict[int, list[Mention]] = {}
        for m in self.mentions[: bisect.bisect_left(self._positions, at)]:
            by_sentence.setdefault(bisect.bisect_right(self._sentence_ends, m.at), []).append(m)
        for sentence in sorted(by_sentence, reverse=True)[:8]:
            for m in by_sentence[sentence]:
                fits = (m.person or is_organisation(m.name)) if plural else \
                    (m.person and m.gender in (None, wanted))
                if fits:
                    return self.canonical(m.name, m.at)
        return None

    def who(self, match: regex.Match, offset: int) -> str | None:
        """The speaker a pattern match names, resolved."""
        if match.group("who"):
            name, _ = clean_name(match.group("who"))
            if not name or (not is_organisation(name) and name.split()[0].lower() in ("it",)):
                return None
            return self.canonical(name, offset + match.start("who"))
        if match.group("pro"):
            return self.resolve_pronoun(match.group("pro"), offset + match.start("pro"))
        return None


def _sentence_after(text: str, start: int, limit: int) -> str:
    window = text[start:min(limit, start + 300)]
    opening = _OPENING.search(window, 1)
    if opening:
        window = window[: opening.start()]
    end = _SENTENCE_END.search(window)
    return window[: end.start()] if end else window


def _sentence_before(text: str, floor: int, end: int) -> tuple[str, int]:
    start = max(floor, end - 400)
    window = text[start:end]
    last = None
    for last in _SENTENCE_END.finditer(window):
        pass
    if last:
        return window[last.end():], start + last.end()
    return window, start


def attribute(text: str, quotes: list[Quote], paragraphs: list[tuple[int, int]],
              speakers: Speakers | None = None) -> list[str | None]:
    """The speaker of each quote (display name, None when nobody is named)."""
    speakers = speakers or Speakers(text, [(q.start, q.end) for q in quotes])
    result: list[str | None] = []
    for i, q in enumerate(quotes):
        para_start, para_end = paragraphs[q.paragraph]
        end_para = _paragraph_of(paragraphs, q.end)
        close_end = (q.close_at + 1) if q.close_at is not None else q.end
        after_limit = paragraphs[end_para][1]
        after = _sentence_after(text, close_end, after_limit)
        prev = quotes[i - 1] if i else None
        floor = para_start
        if prev and prev.close_at is not None and prev.close_at >= para_start:
            floor = prev.close_at + 1
        before, before_at = _sentence_before(text, floor, q.open_at)
        speaker = _attribute_one(speakers, after, close_end, before, before_at)
        if speaker is None and not before.strip() and floor == para_start and q.paragraph > 0:
            ps, pe = paragraphs[q.paragraph - 1]
            if text[ps:pe].rstrip().endswith(":"):
                lead, lead_at = _sentence_before(text, ps, pe)
                speaker = _attribute_one(speakers, "", pe, lead, lead_at)
        if speaker is None and prev is not None and q.paragraph - prev.paragraph <= 1:
            if not before.strip() or prev.paragraph == q.paragraph:
                speaker = result[-1]
        result.append(speaker)
    return result


def _attribute_one(speakers: Speakers, after: str, after_at: int, before: str,
                   before_at: int) -> str | None:
    for pattern in (_AFTER_VERB_FIRST, _AFTER_WHO_FIRST, _AFTER_ACCORDING):
        m = pattern.search(after)
        if m and (who := speakers.who(m, after_at)):
            return who
    stripped = before.rstrip()
    if stripped.endswith(":"):
        m = _SUBJECT.search(stripped)
        matches = list(_WHO_VERB.finditer(stripped))
        for candidate in ([matches[-1]] if matches else []) + ([m] if m else []):
            if who := speakers.who(candidate, before_at):
                return who
    for pattern in (_WHO_VERB, _ACCORDING, _VERB_WHO):
        matches = list(pattern.finditer(before))
        if matches and (who := speakers.who(matches[-1], before_at)):
            return who
    for pattern in (_WHO_VERB, _ACCORDING, _VERB_WHO):
        m = pattern.search(after)
        if m and (who := speakers.who(m, after_at)):
            return who
    return None


def _paragraph_of(paragraphs: list[tuple[int, int]], at: int) -> int:
    starts = [s for s, _ in paragraphs]
    return max(0, bisect.bisect_right(starts, at) - 1)
