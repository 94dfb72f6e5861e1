"""Invented news articles for the benchmarks: deterministic, quote-heavy, in English words so
extraction, attribution and stemming do their real work; no published text.

An article is paragraphs of narration and attributed quotes. A later version rewrites it the
way an outlet does: quotes kept, a word swapped, trimmed, split in two, dropped, new ones
added, paragraphs moved. Each generated quote carries an origin id, so a benchmark can check
which pairs a contender found against the truth.
"""

import random
import re
from dataclasses import dataclass

_FUNCTION = (
    "the a an of to in on for with at by from that this we they it is was will would not "
    "have has had be been are our their and but or as if when so there what which who all"
).split()
_CONTENT = (
    "council harbour wall flood budget minister police report school hospital water road bridge "
    "families workers union strike contract funding plan review inquiry evidence decision vote "
    "residents community safety risk storm damage repair cost million pounds year month week "
    "government agency board committee chair officer spokesman spokeswoman investigation court "
    "judge trial appeal ruling law policy tax energy prices market company jobs factory port "
    "ship cargo river coast beach town city village district region country border election "
    "campaign voters candidate party leader statement warning promise pledge failure success "
    "support opposition protest crowd meeting talks deal agreement offer demand response delay "
    "repairs engineers builders contractors residents tenants landlords rents homes housing "
    "children parents teachers doctors nurses patients ambulance emergency services response "
    "clear serious urgent difficult simple important necessary careful honest public private "
    "local national early late full fair safe open closed strong weak new old long short "
    "build fix close open fund cut raise lower protect warn promise deliver decide act expect "
    "believe know think understand accept reject confirm deny explain review listen ask answer"
).split()
_FIRST = ["Anna", "Ben", "Chidi", "Dana", "Emil", "Farah", "Goran", "Hana", "Ivo", "Jun", "Kemi",
          "Lars", "Maya", "Nils", "Olga", "Pavel", "Rosa", "Sami", "Tove", "Uma"]
_LAST = ["Okafor", "Lindqvist", "Marr", "Boland", "Varga", "Tull", "Reid", "Castellan", "Aas",
         "Rao", "Moreau", "Quist", "Haddad", "Novak", "Ferreira", "Byrne", "Sato", "Keane"]
_ROLES = ["the harbour master", "a council spokesman", "the union leader", "the chief engineer",
          "a local resident", "the minister", "the police chief", "the committee chair"]


@dataclass(frozen=True)
class Quote:
    origin: int  # the statement it renders; a split quote's parts share their origin
    words: tuple[str, ...]
    speaker: str

    @property
    def text(self) -> str:
        return " ".join(self.words)


def _words(rng: random.Random, n: int) -> list[str]:
    return [rng.choice(_FUNCTION) if rng.random() < 0.4 else rng.choice(_CONTENT)
            for _ in range(n)]


def _sentence(words: list[str]) -> str:
    return " ".join(words).capitalize() + "."


def _speakers(rng: random.Random, n: int = 12) -> list[str]:
    return [f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" for _ in range(n)]


def statements(rng: random.Random, n: int) -> list[Quote]:
    speakers = _speakers(rng)
    return [Quote(k, tuple(_words(rng, rng.randint(8, 40))), rng.choice(speakers))
            for k in range(n)]


def rewrite(rng: random.Random, quotes: list[Quote], fresh_from: int) -> list[Quote]:
    """Another outlet's (or a later) rendering: kept 55 %, word swapped 15 %, trimmed 10 %,
    split 5 %, dropped 10 %, plus 10 % new statements; order shuffled a little."""
    result: list[Quote] = []
    for q in quotes:
        roll, words = rng.random(), list(q.words)
        if roll < 0.10:
            continue  # dropped
        if roll < 0.25:
            for _ in range(rng.randint(1, 2)):
                words[rng.randrange(len(words))] = rng.choice(_CONTENT)
        elif roll < 0.35 and len(words) > 10:
            cut = rng.randint(3, len(words) // 3)
            words = words[cut:] if rng.random() < 0.5 else words[:-cut]
        elif roll < 0.40 and len(words) > 14:
            half = len(words) // 2
            result.append(Quote(q.origin, tuple(words[:half]), q.speaker))
            words = words[half:]
        result.append(Quote(q.origin, tuple(words), q.speaker))
    # In order of appearance, not a set's order: the same text in every process.
    speakers = list(dict.fromkeys(q.speaker for q in quotes)) or _speakers(rng)
    for k in range(max(1, len(quotes) // 10)):
        result.insert(rng.randrange(len(result) + 1),
                      Quote(fresh_from + k, tuple(_words(rng, rng.randint(8, 30))),
                            rng.choice(speakers)))
    for _ in range(max(1, len(result) // 15)):  # a few paragraphs moved
        result.insert(rng.randrange(len(result)), result.pop(rng.randrange(len(result))))
    return result


def render(rng: random.Random, quotes: list[Quote], narration_words: int = 30) -> str:
    """Paragraphs: narration, then a quote attributed in one of the usual shapes."""
    paragraphs = [_sentence(_words(rng, 25))]
    for q in quotes:
        narration = _sentence(_words(rng, rng.randint(narration_words // 2, narration_words)))
        quote = q.text.capitalize()
        role = rng.choice(_ROLES)
        shape = rng.random()
        if shape < 0.5:
            said = f"“{quote},” {q.speaker} said."
        elif shape < 0.8:
            said = f"“{quote},” said {q.speaker}, {role}."
        else:
            said = f"{q.speaker}, {role}, said: “{quote}.”"
        paragraphs.append(f"{narration} {said}")
    return "\n\n".join(paragraphs)


@dataclass(frozen=True)
class TwoVersions:
    text_a: str
    text_b: str
    quotes_a: list[Quote]
    quotes_b: list[Quote]


def two_versions(seed: int = 1, quotes: int = 200) -> TwoVersions:
    """Two long versions of one story (~10,000 words each at 200 quotes)."""
    rng = random.Random(seed)
    qa = statements(rng, quotes)
    qb = rewrite(rng, qa, fresh_from=quotes)
    return TwoVersions(render(rng, qa), render(rng, qb), qa, qb)


def story(seed: int = 2, versions: int = 50, quotes: int = 20) -> list[str]:
    """Versions of one story: each rewrites a random earlier one (outlets copy each other)."""
    rng = random.Random(seed)
    drafts = [statements(rng, quotes)]
    fresh = quotes
    for n in range(1, versions):
        drafts.append(rewrite(rng, drafts[rng.randrange(n)], fresh_from=fresh))
        fresh += quotes
    return [render(rng, d) for d in drafts]


_NON_WORD = re.compile(r"[^a-z]+")


def origin_key(text: str) -> str:
    """How a generated quote is found again among extracted quote texts."""
    return _NON_WORD.sub(" ", text.lower()).strip()
