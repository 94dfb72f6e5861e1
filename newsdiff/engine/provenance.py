"""Provenance: for each version of a story, which earlier version it most likely derives from.

Rule. A version can derive only from one published before it (the order the versions are
given in). For each earlier candidate the evidence is the share of the child's narration
(its sentences that are mostly outside quotes, weighted by their unquoted characters) in
sentences aligned with the candidate, shared or rewritten (`shared_text`), the share in
sentences the candidate has word for word (`same_sentences`), and the share of the child's
quotes paired with the candidate's (`shared_quotes`) and paired exactly (`exact_quotes`).
Narration and quotes are kept apart because outlets at one press conference print the same
quotes (and sentences built around them) in text each wrote itself. Candidates are ranked by
0.4 · same_sentences + 0.3 · shared_text + 0.2 · exact_quotes + 0.1 · shared_quotes: words
kept verbatim weigh most, because a rewrite of a rewrite keeps the changes (and the typos) of
the version it copied, which its grandparent does not have. A tie (within 0.01) goes to the
earlier candidate, the source a copy most often comes from. The best candidate is the parent
if at least 30 % of the child's narration is aligned with it; otherwise the version is an
original (parent None). A later version of the same article derives from the one before it
unless another candidate scores more than 0.15 higher.

Every candidate is cheaply ranked first (shared sentences and content words, no alignment);
passages are aligned only with the best few and the predecessor.
"""

from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from newsdiff.engine.passages import align_sentences
from newsdiff.engine.sentences import Sentence, split_sentences
from newsdiff.engine.statements import PairLike

MIN_SHARED_TEXT = 0.3
PREDECESSOR_MARGIN = 0.15
TIE = 0.01
STRONG = 0.5  # a score at which derivation is not in doubt
SHORTLIST = 3  # candidates aligned in full per version, besides the predecessor


@dataclass(frozen=True)
class Source:
    """A version as provenance sees it: `id` (a Version's pk), its stored text, its quotes'
    (start, end) offsets, and its article (versions of one article share it)."""

    id: Hashable
    text: str
    quotes: Sequence[tuple[int, int]] = ()
    article: Hashable | None = None


@dataclass(frozen=True)
class Evidence:
    """Shares of the child (0–1) that a candidate parent accounts for."""

    shared_text: float
    same_sentences: float
    shared_quotes: float
    exact_quotes: float

    @property
    def score(self) -> float:
        return round(0.4 * self.same_sentences + 0.3 * self.shared_text +
                     0.2 * self.exact_quotes + 0.1 * self.shared_quotes, 4)


@dataclass(frozen=True)
class Derivation:
    """`parent` None means an original. `confidence` 0–1: for a parent, how strongly the
    evidence supports derivation (full at a score of 0.5), halved when a runner-up that
    could also be the parent is as good; for an original, how far the best candidate falls
    short of the 30 % bar. `candidates`: the earlier versions looked at closely, best first,
    with their evidence (the parent's is `evidence`); `corrected`: an editor chose it."""

    version: Hashable
    parent: Hashable | None
    confidence: float
    evidence: Evidence | None
    candidates: tuple[tuple[Hashable, Evidence], ...]
    corrected: bool = False


def trace_provenance(sources: Sequence[Source],
                     pairs: Mapping[tuple[Hashable, Hashable], Iterable[PairLike]],
                     corrected: Mapping[Hashable, Hashable | None] | None = None,
                     children: Collection[Hashable] | None = None,
                     ) -> dict[Hashable, Derivation]:
    """The likely parent of every version (or only of `children`). `sources` earliest first
    (published, else uploaded); `pairs` the quote pairs of each pair of versions, keyed
    (va, vb) in either order; `corrected` an editor's parent for some versions, kept as given.

    >>> story = ("Heavy rain fell all week in the valley. The council opened a rest centre "
    ...          "in the school hall. About forty people spent the night there.")
    >>> copy = story.replace("forty", "fifty") + " Roads reopened on Sunday."
    >>> found = trace_provenance([Source(1, story), Source(2, copy)], {})
    >>> found[1].parent, found[2].parent, found[2].evidence.shared_text
    (None, 1, 0.8408)
    """
    corrected = corrected or {}
    split = {s.id: split_sentences(s.text) for s in sources}
    keys = {s.id: _sentence_words(split[s.id]) for s in sources}
    bags = {s.id: Counter("".join(x.content for x in split[s.id])) for s in sources}
    links = {}
    for (va, vb), found in pairs.items():
        found = list(found)
        links[(va, vb)] = [(p.a, p.b, p.kind) for p in found]  # (parent's, child's, kind)
        links[(vb, va)] = [(p.b, p.a, p.kind) for p in found]

    result: dict[Hashable, Derivation] = {}
    for k, child in enumerate(sources):
        if children is not None and child.id not in children:
            continue
        earlier = sources[:k]
        predecessor = next((p for p in reversed(earlier)
                            if child.article is not None and p.article == child.article), None)
        quick = sorted(earlier, key=lambda p: -_quick(keys[child.id], bags[child.id],
                                                      keys[p.id], bags[p.id]))
        shortlist = quick[:SHORTLIST]
        for extra in (predecessor, *(e for e in earlier if e.id == corrected.get(child.id))):
            if extra is not None and extra not in shortlist:
                shortlist.append(extra)
        evidence = {p.id: _evidence(child, split[child.id], p, split[p.id],
                                    links.get((p.id, child.id), ()))
                    for p in shortlist}
        position = {p.id: n for n, p in enumerate(earlier)}
        ranked = sorted(evidence.items(),
                        key=lambda item: (-round(item[1].score / TIE), position[item[0]]))
        result[child.id] = _decide(child, ranked, predecessor, corrected)
    return result


def _decide(child: Source, ranked, predecessor: Source | None, corrected) -> Derivation:
    candidates = tuple(ranked)
    if child.id in corrected:
        parent = corrected[child.id]
        chosen = next((e for v, e in ranked if v == parent), None)
        return Derivation(child.id, parent, 1.0, chosen, candidates, corrected=True)
    if not ranked:
        return Derivation(child.id, None, 1.0, None, candidates)
    best_id, best = ranked[0]
    if predecessor is not None and best_id != predecessor.id:
        mine = dict(ranked)[predecessor.id]
        if best.score - mine.score <= PREDECESSOR_MARGIN:
            best_id, best = predecessor.id, mine
    if best.shared_text < MIN_SHARED_TEXT and (predecessor is None or best_id != predecessor.id):
        # An original, as sure as the best candidate falls short of the bar.
        return Derivation(child.id, None, round(1 - best.shared_text / MIN_SHARED_TEXT, 2), None,
                          candidates)
    # Only a candidate that could itself be the parent competes with it.
    runner_up = max((e.score for v, e in ranked
                     if v != best_id and e.shared_text >= MIN_SHARED_TEXT), default=0.0)
    support = min(1.0, best.score / STRONG)
    distinct = 1 - runner_up / best.score if best.score else 0.0
    return Derivation(child.id, best_id, round(support * (0.5 + 0.5 * max(0.0, distinct)), 2),
                      best, candidates)


def _sentence_words(sentences: list[Sentence]) -> Counter:
    """Each sentence's words (as a key) weighted by its length, for the quick ranking."""
    return Counter({s.words: s.word_count for s in sentences if s.words})


def _quick(child_keys: Counter, child_bag: Counter, keys: Counter, bag: Counter) -> float:
    """A cheap stand-in for the evidence, to choose which candidates to align in full: the
    share of the child's words in sentences the candidate has verbatim, plus the share of its
    content words the candidate also uses."""
    words = sum(child_keys.values()) or 1
    content = sum(child_bag.values()) or 1
    same = sum(n for key, n in child_keys.items() if key in keys) / words
    return same + sum((child_bag & bag).values()) / content


def _evidence(child: Source, child_sentences, parent: Source, parent_sentences,
              links: Iterable[tuple[int, int, str]]) -> Evidence:
    passages = align_sentences(parent.text, parent_sentences, child.text, child_sentences)
    # The child's narration: sentences mostly outside quotes, weighted by their own characters.
    own = [_own(x.start, x.end, child.quotes) for x in child_sentences]
    narration = [n if n >= 0.5 * (x.end - x.start) else 0 for n, x in zip(own, child_sentences)]
    total = sum(narration) or 1
    aligned = same = 0
    for p in passages.passages:
        if p.a and p.b:
            chars = sum(narration[j] for j in p.b)
            aligned += chars
            same += chars if p.score == 100 else 0
    paired: set[int] = set()
    exact: set[int] = set()
    for _, mine, kind in links:
        paired.add(mine)
        if kind == "exact":
            exact.add(mine)
    quotes = len(child.quotes)
    return Evidence(
        round(min(1.0, aligned / total), 4), round(min(1.0, same / total), 4),
        round(len(paired) / quotes, 4) if quotes else 0.0,
        round(len(exact) / quotes, 4) if quotes else 0.0,
    )


def _own(start: int, end: int, quotes: Sequence[tuple[int, int]]) -> int:
    """Characters of text[start:end] outside the quotes."""
    return end - start - sum(max(0, min(e, end) - max(b, start)) for b, e in quotes)


def origin(derivations: Mapping[Hashable, Derivation], version: Hashable) -> Hashable:
    """The original a version's line of derivation starts from (itself if it is one): the
    matrix's default reference follows it.

    >>> d = {1: Derivation(1, None, 1.0, None, ()), 2: Derivation(2, 1, 0.9, None, ()),
    ...      3: Derivation(3, 2, 0.8, None, ())}
    >>> origin(d, 3)
    1
    """
    seen = {version}
    while (parent := derivations[version].parent) is not None and parent not in seen:
        seen.add(parent)
        version = parent
    return version
