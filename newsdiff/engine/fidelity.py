"""Fidelity: how faithfully each version (and so each outlet) reproduced the reference
version's quotes, counted per version, summed per outlet and across stories.

Each reference quote counts once per version, in exactly one of verbatim (an exact pair),
minor, partial, reworded (its best pair's kind) or dropped (no pair). Two overlays count
beside that: meaning-changed (a pair with any meaning flag other than `speaker_changed`) and
misattributed (`speaker_changed`); a quote the version prints twice (headline and body) is
meaning-changed if either copy is.
"""

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, fields

from newsdiff.engine.statements import KIND_RANK, PairLike

KIND_COUNT = {"exact": "verbatim", "minor": "minor", "partial": "partial", "reworded": "reworded"}
CATEGORIES = ("verbatim", "minor", "partial", "reworded", "dropped")
OVERLAYS = ("meaning_changed", "misattributed")


@dataclass(frozen=True)
class Tally:
    """Counts of reference quotes; `total` = the five categories' sum. Tallies add up
    (`sum(tallies, Tally())`), so one outlet's versions, or all stories, combine.

    >>> t = Tally(total=4, verbatim=2, reworded=1, dropped=1, meaning_changed=1)
    >>> t.share("verbatim"), (t + t).dropped
    (0.5, 2)
    """

    total: int = 0
    verbatim: int = 0
    minor: int = 0
    partial: int = 0
    reworded: int = 0
    dropped: int = 0
    meaning_changed: int = 0
    misattributed: int = 0

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def share(self, name: str) -> float:
        """A count as a share of `total` (0 when there is nothing to count)."""
        return getattr(self, name) / self.total if self.total else 0.0

    @property
    def shares(self) -> dict[str, float]:
        return {name: self.share(name) for name in CATEGORIES + OVERLAYS}


def tally_version(reference_quotes: Iterable[int], pairs: Iterable[PairLike]) -> Tally:
    """How one version reproduced the reference quotes. `pairs` are its pairs with the
    reference version, `a` the reference quote's index (`QuoteLink.swapped()` turns a stored
    pair around); only the `reference_quotes` listed are counted (leave out fragments).

    >>> from newsdiff.engine.statements import QuoteLink
    >>> t = tally_version([0, 1, 2], [QuoteLink(0, 3, 100.0, "exact"),
    ...     QuoteLink(1, 0, 80.0, "minor", ("number_changed", "speaker_changed"))])
    >>> t.total, t.verbatim, t.minor, t.dropped, t.meaning_changed, t.misattributed
    (3, 1, 1, 1, 1, 1)
    """
    wanted = list(dict.fromkeys(reference_quotes))
    by_quote: dict[int, list[PairLike]] = {}
    for p in pairs:
        by_quote.setdefault(p.a, []).append(p)
    counts = dict.fromkeys(CATEGORIES + OVERLAYS, 0)
    for i in wanted:
        found = by_quote.get(i, [])
        if not found:
            counts["dropped"] += 1
            continue
        best = min(found, key=lambda p: (KIND_RANK.get(p.kind, 9), -p.score))
        counts[KIND_COUNT.get(best.kind, "reworded")] += 1
        flags = {f for p in found for f in p.flags}
        counts["meaning_changed"] += bool(flags - {"speaker_changed"})
        counts["misattributed"] += "speaker_changed" in flags
    return Tally(total=len(wanted), **counts)


def tally_story(reference_quotes: Iterable[int],
                pairs: Mapping[Hashable, Iterable[PairLike]]) -> dict[Hashable, Tally]:
    """`tally_version` for every version of a story: `pairs` maps each version (not the
    reference) to its pairs with the reference."""
    wanted = list(reference_quotes)
    return {version: tally_version(wanted, found) for version, found in pairs.items()}


def by_outlet(tallies: Mapping[Hashable, Tally],
              outlet: Mapping[Hashable, Hashable]) -> dict[Hashable, Tally]:
    """Tallies summed per outlet (`outlet` maps each version to its outlet). Pass one version
    per article (its latest, say) unless successive versions should each count.

    >>> by_outlet({1: Tally(total=1, verbatim=1), 2: Tally(total=1, dropped=1)},
    ...           {1: "Daily", 2: "Daily"})["Daily"].total
    2
    """
    result: dict[Hashable, Tally] = {}
    for version, t in tallies.items():
        result[outlet[version]] = result.get(outlet[version], Tally()) + t
    return result
