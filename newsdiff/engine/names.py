"""Names of people and organisations as they appear in news copy, and their variants.

"National Security Council spokesman John Kirby", "Mr. Kirby" and "Kirby" are one person:
titles and roles are stripped, and a lone surname is resolved to the full name it stands for.
"""

import unicodedata
from functools import lru_cache

import regex

_CAP = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Maj|Rev|St|Pres|Amb)\.(?=\s)"
    r"|\p{Lu}\.(?:\p{Lu}\.)*(?=\s)"
    r"|(?:Mc|Mac|O['’])?\p{Lu}[\p{L}\p{M}]*(?:[\-'’](?!s\b)\p{Lu}?[\p{L}\p{M}]+)*)"
)
_PARTICLE = r"(?:of|for|de|da|van|von|bin|ibn|abu|al|el|der|den|le|la|di|du|del|della|dos|das|y)"
_GAP = r"[^\S\n]+"  # names never run over a line break
NAME = rf"(?:(?:al|el)-)?{_CAP}(?:{_GAP}(?:{_PARTICLE}(?:-|{_GAP}))?{_CAP})*"
NAME_RE = regex.compile(NAME)

TITLES = frozenset(
    """mr mrs ms miss dr prof professor sir dame lord lady president vice prime minister
    secretary foreign defence defense interior finance state deputy chief spokesman spokeswoman
    spokesperson senator sen rep representative gov governor general gen lt col colonel major maj
    capt captain sgt adm admiral commander chancellor ambassador amb mayor judge justice king
    queen prince princess pope rev reverend sheikh ayatollah chairman chairwoman chair ceo
    director leader officer commissioner envoy attorney coordinator pres st premier
    lawmaker cllr councillor councilman councilwoman executive inspector sergeant constable superintendent detective supt insp det sgt congressman congresswoman mp m mme mlle herr frau""".split()
)
ORG_WORDS = frozenset(
    """house ministry department council office agency committee party kremlin pentagon army
    police court commission company inc corp corporation group government embassy union bank
    fund organization organisation institute university service services forces force guard
    corps network news times post press reuters associated nations administration parliament
    congress senate assembly authority authorities federation association foundation
    board bureau cabinet centre center command navy united states kingdom republic emirates
    arabia korea city county province region island islands union europe radio tv""".split()
)
NOT_NAMES = frozenset(
    """the a an he she they it we i you her his its our their my your this that these those there here but and or if when
    while after before as at in on by for to of from with without however meanwhile yet so
    then now also still yes no maybe perhaps later earlier today yesterday tomorrow last next
    instead thus indeed although though because since until what who why how where which whose
    all some many most several both each every one two asked said says we'll i'm it's there's
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december""".split()
)
_SUFFIXES = frozenset("kc qc jr sr mp ii iii iv phd".split())
_HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
                     "miss": "f", "sir": "m", "dame": "f", "lord": "m", "lady": "f",
                     "king": "m", "queen": "f", "prince": "m", "princess": "f",
                     "spokesman": "m", "spokeswoman": "f", "chairman": "m", "chairwoman": "f",
                     "congressman": "m", "congresswoman": "f"}


@lru_cache(maxsize=65536)
def fold_name(name: str) -> str:
    """Lower case without accents: the form names are compared in."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().replace("’", "'")


@lru_cache(maxsize=65536)
def is_organisation(name: str) -> bool:
    return any(fold_name(w).strip(".") in ORG_WORDS for w in name.split())


def clean_name(run: str) -> tuple[str, str | None]:
    """(display name, gender if a title told it) for a run of capitalised words.

    >>> clean_name("Foreign Secretary James Cleverley")
    ('James Cleverley', None)
    >>> clean_name("Mr. Kirby")
    ('Kirby', 'm')
    >>> clean_name("The White House")
    ('White House', None)
    """
    words = run.split()
    while words and fold_name(words[-1]).strip(".,") in _SUFFIXES:
        words = words[:-1]
    while words and fold_name(words[0]) in NOT_NAMES:
        words = words[1:]
    if not words:
        return "", None
    if is_organisation(" ".join(words)):
        return " ".join(words), None
    folded = [fold_name(w).rstrip(".") for w in words]
    last_title = max((i for i, w in enumerate(folded) if w in TITLES), default=-1)
    gender = next((_HONORIFIC_GENDER.get(w) for w in folded[: last_title + 1]
                   if w in _HONORIFIC_GENDER), None)
    rest = words[last_title + 1:]
    return " ".join(rest), gender  # nothing but a role ("Lumora Chief") names nobody


def surname(name: str) -> str:
    return fold_name(name.split()[-1]) if name.split() else ""


@lru_cache(maxsize=65536)
def looks_like_person(name: str) -> bool:
    """Two to four capitalised words that are not an organisation, a place or a nationality
    with a noun ("John Kirby", not "Iranian UAVs")."""
    words = name.split()
    if not 2 <= len(words) <= 4 or is_organisation(name) or not all(w[0].isupper() for w in words):
        return False
    first = fold_name(words[0])
    if words[0].isupper() and len(words[0]) > 1 and not words[0].endswith("."):
        return False
    if len(first) > 5 and first.endswith(("ian", "ese", "ish", "ean")) or \
            any(regex.search(r"-\p{Ll}", w) for w in words):
        return False
    return all(fold_name(w) not in NOT_NAMES for w in words)


def _same_surname(x: str, y: str) -> bool:
    """Equal, or a spelling variant of a long surname ("cleverly" / "cleverley")."""
    from rapidfuzz.distance import Levenshtein

    return x == y or (min(len(x), len(y)) >= 5 and Levenshtein.distance(x, y) <= 1)


def story_keys(speakers: list[list[str | None]]) -> list[list[str | None]]:
    """A key per speaker that is the same for one person across a story's versions.

    >>> story_keys([["John Kirby", "Kirby"], ["Kirby", "James Cleverly"], ["James Cleverley"]])
    [['john kirby', 'john kirby'], ['john kirby', 'james cleverley'], ['james cleverley']]
    """
    names = sorted({n for version in speakers for n in version if n})
    by_surname: dict[str, list[list[str]]] = {}  # people: names sharing a (variant) surname
    groups: list[list[str]] = []
    for name in names:
        if is_organisation(name) or not looks_like_speaker(name):
            groups.append([name])
            continue
        family = surname(name)
        similar = [s for s in by_surname if _same_surname(s, family)]
        for group in (g for s in similar for g in by_surname[s]):
            if all(_first_names_agree(member, name) for member in group):
                group.append(name)
                break
        else:
            group = [name]
            groups.append(group)
            by_surname.setdefault(family, []).append(group)
    key_of: dict[str, str] = {}
    for group in groups:
        fullest = max(group, key=lambda n: (len(n.split()), len(n), n))
        for name in group:
            key_of[name] = fold_name(fullest)
    return [[key_of[n] if n else None for n in version] for version in speakers]


def _first_names_agree(x: str, y: str) -> bool:
    fx, fy = x.split()[:-1], y.split()[:-1]
    if not fx or not fy:
        return True
    a, b = fold_name(fx[0]).rstrip("."), fold_name(fy[0]).rstrip(".")
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def looks_like_speaker(name: str | None) -> bool:
    """A person's name rather than a description or an organisation."""
    return bool(name) and (looks_like_person(name) or (
        len(name.split()) == 1 and name[:1].isupper() and not is_organisation(name)))
