"""Who said each quote: the attribution patterns around it, pronouns resolved to the nearest
fitting person named before it, and name variants unified within a version.

Strength of an attribution: 3 = a pattern touching the quote's marks (`,” Kirby said`,
`,” said Kirby`, `Kirby said: “`); 2 = a pattern elsewhere in the quote's sentence
(`Kirby told reporters that Iran sent a “small number”`, `…, the White House said`);
1 = a guess (a colon closing the previous paragraph, the previous quote's speaker, the nearest
person). A weaker attribution gives way to a repeat of the same words attributed more strongly
(a headline quoting the body).
"""

import bisect
from dataclasses import dataclass

import regex

from newsdiff.engine import attribution as pat
from newsdiff.engine.names import (
    NAME_RE, clean_name, fold_name, is_organisation, looks_like_person, surname,
)
from newsdiff.engine.quotes import Quote


@dataclass(frozen=True)
class Mention:
    at: int
    name: str  # cleaned display name
    person: bool
    gender: str | None
    rank: int  # 0 speaks in the text, 1 plain, 2 after a preposition (likely not a subject)


class Speakers:
    """The people and organisations one version names, to resolve surnames and pronouns."""

    def __init__(self, text: str, quoted: list[tuple[int, int]] = ()):
        """`quoted`: spans of the quotes; names inside quotes never speak for a pronoun."""
        self.text = text
        inside = sorted(quoted)
        starts = [s for s, _ in inside]

        def is_quoted(at: int) -> bool:
            k = bisect.bisect_right(starts, at) - 1
            return k >= 0 and inside[k][0] <= at < inside[k][1]

        headline_lines = _title_case_lines(text)
        mentions = []
        for m in NAME_RE.finditer(text):
            if is_quoted(m.start()) or _inside(headline_lines, m.start()):
                continue
            name, gender = clean_name(m.group())
            if not name:
                continue
            lead = text[max(0, m.start() - 16):m.start()]
            after_preposition = bool(pat.PREPOSITION_BEFORE.search(lead))
            the = lead.endswith(("the ", "The ")) or m.group().startswith(("The ", "the "))
            person = gender is not None or (looks_like_person(name) and not the)
            speaking = bool(pat.SPEAKS_AFTER.match(text, m.end()) or pat.SPOKEN_BEFORE.search(lead))
            rank = 0 if speaking else (2 if after_preposition else 1)
            mentions.append(Mention(m.start(), name, person, gender, rank))
        self.full_names: dict[str, list[str]] = {}
        for mention in mentions:
            if mention.person and len(mention.name.split()) >= 2:
                names = self.full_names.setdefault(surname(mention.name), [])
                if mention.name not in names:
                    names.append(mention.name)
        self.mentions = [
            Mention(m.at, m.name, m.person or (len(m.name.split()) == 1 and
                                                surname(m.name) in self.full_names),
                    m.gender, m.rank)
            for m in mentions
        ]
        self._positions = [m.at for m in self.mentions]
        ends = [m.end() for m in pat.SENTENCE_END.finditer(text)]
        ends += [m.start() for m in pat.PARAGRAPH_BREAK.finditer(text)]
        self._sentence_ends = sorted(ends)

    def add_speaker(self, at: int, name: str) -> None:
        """A quote at `at` was attributed to `name`: it counts as a mention that speaks."""
        k = bisect.bisect_left(self._positions, at)
        self._positions.insert(k, at)
        person = not is_organisation(name) and (looks_like_person(name) or
                                                surname(name) in self.full_names)
        self.mentions.insert(k, Mention(at, name, person, None, 0))

    def canonical(self, name: str, at: int) -> str:
        """The fullest form of `name` in this version: "Kirby" → "John Kirby" (the nearest full
        name before `at` when a surname is shared, else the first one)."""
        if len(name.split()) != 1 or is_organisation(name):
            return name
        candidates = self.full_names.get(surname(name), [])
        if not candidates:  # "Sir Malcolm" → "Malcolm Reid"
            firsts = {n for names in self.full_names.values() for n in names
                      if fold_name(n.split()[0]) == fold_name(name)}
            return firsts.pop() if len(firsts) == 1 else name
        before = [m.name for m in self.mentions[: bisect.bisect_left(self._positions, at)]
                  if m.name in candidates]
        return before[-1] if before else candidates[0]

    def nearest(self, at: int, *, pronoun: str = "", same_sentence: bool = False,
                reach: int = 6) -> str | None:
        """The fitting name nearest before `at`, sentence by sentence; within a sentence the
        one most likely its subject. A person for he/she, anyone for they."""
        plural = pronoun.lower() == "they"
        wanted = {"he": "m", "she": "f"}.get(pronoun.lower())
        here = bisect.bisect_right(self._sentence_ends, at)
        by_sentence: dict[int, list[Mention]] = {}
        for m in self.mentions[: bisect.bisect_left(self._positions, at)]:
            sentence = bisect.bisect_right(self._sentence_ends, m.at)
            if same_sentence or sentence != here:
                by_sentence.setdefault(sentence, []).append(m)
        for sentence in sorted(by_sentence, reverse=True)[:reach]:
            fitting = [m for m in by_sentence[sentence]
                       if (m.person or is_organisation(m.name)) if plural]
            fitting = fitting if plural else [
                m for m in by_sentence[sentence] if m.person and m.gender in (None, wanted)]
            if fitting:
                best = min(fitting, key=lambda m: (m.rank, m.at))
                return self.canonical(best.name, best.at)
        return None

    def speaker(self, match: regex.Match, offset: int) -> str | None:
        """The speaker a pattern match names, resolved."""
        groups = match.groupdict()
        if groups.get("pro"):
            return self.nearest(offset + match.start("pro"), pronoun=groups["pro"])
        if groups.get("who"):
            if pat.PREPOSITION_BEFORE.search(self.text[max(0, offset + match.start() - 16):
                                                       offset + match.start()]) and \
                    not match.group().lower().startswith("according"):
                return None  # "papers seen by the Herald say"
            name, _ = clean_name(groups["who"])
            return self.canonical(name, offset + match.start("who")) if name else None
        if groups.get("desc"):
            named = pat.APPOSED_NAME.search(groups.get("apposition") or "")
            if named:
                name, _ = clean_name(named.group("who"))
                return self.canonical(name, offset + match.start("apposition")) if name else None
            if pat.PREPOSITION_BEFORE.search(self.text[max(0, offset + match.start() - 12):
                                                       offset + match.start()]):
                return None  # "In a statement, …"
            words = groups["desc"].split()
            if words[0].lower() in ("the", "a", "an"):
                words = words[1:]
            if words and words[-1].lower() in _DOCUMENTS:
                # "…,” the statement said: the speaker is whoever issued it, named before.
                return self.nearest(offset + match.start("desc"), pronoun="they")
            return " ".join(words) or None
        return None


# Things that speak only for whoever wrote them.
_DOCUMENTS = {"statement", "release", "letter", "report", "email", "memo", "filing", "notice",
              "post", "document", "communique", "communiqué", "ruling", "note"}


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Headlines and mastheads capitalise every word: their runs of capitals are not names."""
    lines, pos = [], 0
    for line in text.split("\n"):
        if len(line) > 200:  # a paragraph, not a headline
            pos += len(line) + 1
            continue
        words = [w for w in line.split() if w[:1].isalpha()]
        if len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.75 * len(words):
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    return lines


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    k = bisect.bisect_right(spans, (at, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= at < spans[k][1]


def _sentence_after(text: str, start: int, limit: int) -> str:
    window = text[start:min(limit, start + 300)]
    opening = pat.OPENING.search(window, 1)
    if opening:
        window = window[: opening.start()]
    end = pat.SENTENCE_END.search(window)
    return window[: end.start()] if end else window


def _sentence_before(text: str, floor: int, end: int) -> tuple[str, int]:
    start = max(floor, end - 400)
    window = text[start:end]
    last = None
    for last in pat.SENTENCE_END.finditer(window):
        pass
    return (window[last.end():], start + last.end()) if last else (window, start)


def _first(speakers: Speakers, patterns, text: str, at: int, last: bool = False) -> str | None:
    for p in patterns:
        found = list(p.finditer(text, overlapped=True))
        for m in (reversed(found) if last else found):
            if who := speakers.speaker(m, at):
                return who
    return None


def _subject(speakers: Speakers, text: str, at: int) -> str | None:
    """The first name or pronoun of a sentence that is not after a preposition: "Kirby was
    blunt:", "In a letter to members, she set out the terms:"."""
    for m in pat.ANY_WHO.finditer(text):
        if m.group("who") and (
                pat.PREPOSITION_BEFORE.search(text[max(0, m.start() - 12):m.start()])
                or text[m.end():m.end() + 2] in ("’s", "'s")):
            continue  # "Under questioning from X", "Wearmouth’s oldest shop"
        who = speakers.speaker(m, at)
        if who and (m.group("pro") or (m.group("who") and not is_organisation(who))):
            return who
    return None


def attribute_one(speakers: Speakers, after: str, after_at: int, before: str,
                  before_at: int) -> tuple[str | None, int]:
    """(speaker, strength) from the text right after the closing mark and the sentence before
    the opening mark."""
    if who := _first(speakers, (pat.AFTER_VERB_NAME, pat.AFTER_VERB_FIRST, pat.AFTER_WHO_FIRST,
                                pat.AFTER_ACCORDING), after, after_at):
        return who, 3
    stripped = before.rstrip()
    if stripped.endswith((":", ",")) and (
            who := _first(speakers, (pat.WHO_VERB,), stripped, before_at, last=True)):
        return who, 3
    if stripped.endswith(":") and (who := _subject(speakers, stripped, before_at)):
        return who, 2
    if who := _first(speakers, (pat.WHO_VERB, pat.ACCORDING, pat.VERB_WHO), before, before_at,
                     last=True):
        return who, 2
    if who := _first(speakers, (pat.WHO_VERB, pat.ACCORDING, pat.VERB_WHO), after, after_at):
        return who, 2
    return None, 0


def attribute(text: str, quotes: list[Quote], paragraphs: list[tuple[int, int]],
              speakers: Speakers | None = None) -> list[tuple[str | None, int]]:
    """(speaker display name or None, strength) for each quote, in order."""
    speakers = speakers or Speakers(text, [(q.start, q.end) for q in quotes])
    result: list[tuple[str | None, int]] = []
    starts = [s for s, _ in paragraphs]
    for i, q in enumerate(quotes):
        para_start = paragraphs[q.paragraph][0]
        end_para = max(0, bisect.bisect_right(starts, q.end) - 1)
        after = _sentence_after(text, q.close_end, paragraphs[end_para][1])
        if after.rstrip().endswith(":"):
            after = ""  # `She added: “…”` introduces the next quote
        prev = quotes[i - 1] if i else None
        floor = para_start
        if prev and prev.close_end > para_start:
            floor = prev.close_end
        before, before_at = _sentence_before(text, floor, q.open_at)
        speaker, strength = attribute_one(speakers, after, q.close_end, before, before_at)
        if speaker is None and not before.strip() and floor == para_start and q.paragraph > 0:
            ps, pe = paragraphs[q.paragraph - 1]
            if text[ps:pe].rstrip().endswith(":"):
                lead, lead_at = _sentence_before(text, ps, pe)
                speaker, _ = attribute_one(speakers, "", pe, lead, lead_at)
                speaker = speaker or _subject(speakers, lead, lead_at)
                strength = 1
        if speaker is None and prev is not None and q.paragraph - prev.paragraph <= 1 and \
                (not before.strip() or prev.paragraph == q.paragraph):
            speaker, strength = result[-1][0], 1
        if speaker is None:
            speaker, strength = speakers.nearest(q.open_at, same_sentence=True, reach=3), 1
        if speaker:
            speakers.add_speaker(q.open_at, speaker)
        result.append((speaker, strength))
    return result
