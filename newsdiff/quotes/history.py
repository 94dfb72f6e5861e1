"""An article's versions as a timeline: for each version after the first, the word-level
text diff from the version before and the quotes that changed between them (from the stored
alignment of those two versions). Five queries, however many versions."""

from dataclasses import dataclass

from django.db.models.functions import Length

from newsdiff.engine.textdiff import Change, changed_words, text_diff
from newsdiff.quotes.comparison import (
    Comparison,
    PairView,
    QuoteView,
    alignments_between,
    assemble,
    reviews_by_keys,
)
from newsdiff.quotes.models import Quote, QuotePair
from newsdiff.stories.models import Article, Version


@dataclass
class Step:
    """What changed from `older` to `newer`."""

    older: Version
    newer: Version
    changes: list[Change]
    comparison: Comparison | None  # None when the two are not aligned yet

    @property
    def words(self) -> tuple[int, int]:
        return changed_words(self.changes)

    @property
    def changed_pairs(self) -> list[PairView]:
        if self.comparison is None:
            return []
        return [
            p
            for p in self.comparison.pairs
            if p.pair.kind != "exact" or p.pair.flags or p.state == "rejected"
        ]

    @property
    def removed_quotes(self) -> list[QuoteView]:
        return self.comparison.left.only_here if self.comparison else []

    @property
    def added_quotes(self) -> list[QuoteView]:
        return self.comparison.right.only_here if self.comparison else []

    @property
    def unchanged(self) -> bool:
        return not any(c.op != "equal" for c in self.changes)


@dataclass
class Entry:
    version: Version
    step: Step | None  # from the version before; None for the first


def article_history(article: Article) -> list[Entry]:
    """Newest first, each version with what changed since the one before it."""
    versions = list(
        article.versions.defer("raw")
        .select_related("uploaded_by")
        .annotate(raw_size=Length("raw"))
        .order_by("number")
    )
    steps = list(zip(versions, versions[1:]))
    alignments = alignments_between([(a.pk, b.pk) for a, b in steps])
    quotes: dict[int, list[Quote]] = {v.pk: [] for v in versions}
    pairs: dict[int, list[QuotePair]] = {al.pk: [] for al in alignments.values()}
    if steps:
        for q in Quote.objects.filter(version__in=versions):
            quotes[q.version_id].append(q)
        for p in QuotePair.objects.filter(alignment__in=list(alignments.values())):
            pairs[p.alignment_id].append(p)
    reviews = reviews_by_keys(article.story_id) if steps else {}
    entries = [Entry(versions[0], None)] if versions else []
    for older, newer in steps:
        alignment = alignments.get(tuple(sorted((older.pk, newer.pk))))
        comparison = None
        if alignment is not None:
            comparison = assemble(
                older,
                newer,
                alignment,
                quotes[older.pk] + quotes[newer.pk],
                pairs[alignment.pk],
                reviews,
            )
        entries.append(
            Entry(newer, Step(older, newer, text_diff(older.text, newer.text), comparison))
        )
    return entries[::-1]
