"""A story's stored pairs as the engine's `QuoteLink`s, with editors' reviews applied: a pair
an editor rejected is left out, a pair an editor linked by hand is in (it is a stored
QuotePair). Two queries, however many versions and quotes the story has."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q

from newsdiff.engine.statements import QuoteLink
from newsdiff.quotes.models import QuotePair, Review

Key = tuple[int, int]  # (version id, quote index)


@dataclass
class StoryLinks:
    """`pairs[(va, vb)]`: the links between two versions (va the older row, `a` indexes its
    quotes); `pair_ids[((va, i), (vb, j))]`: the QuotePair behind a link, either way round."""

    pairs: dict[tuple[int, int], list[QuoteLink]] = field(default_factory=dict)
    pair_ids: dict[tuple[Key, Key], int] = field(default_factory=dict)

    def with_version(self, version_id: int) -> dict[int, list[QuoteLink]]:
        """Each other version's links with `version_id`, turned so `a` indexes its quotes."""
        result: dict[int, list[QuoteLink]] = {}
        for (va, vb), found in self.pairs.items():
            if va == version_id:
                result[vb] = list(found)
            elif vb == version_id:
                result[va] = [link.swapped() for link in found]
        return result


def story_links(story_ids: Iterable[int], versions: Iterable[int] | None = None
                ) -> dict[int, StoryLinks]:
    """The reviewed links of each story, keyed by story id; with `versions`, only the pairs
    of alignments that involve one of them."""
    story_ids = list(story_ids)
    rejected = set(
        Review.objects.filter(story_id__in=story_ids, decision=Review.Decision.REJECTED)
        .values_list("story_id", "key_low", "key_high")
    )
    result = {s: StoryLinks() for s in story_ids}
    rows = QuotePair.objects.filter(alignment__story_id__in=story_ids)
    if versions is not None:
        versions = list(versions)
        rows = rows.filter(
            Q(alignment__version_a_id__in=versions) | Q(alignment__version_b_id__in=versions)
        )
    rows = rows.values_list(
        "pk", "alignment__story_id", "alignment__version_a_id", "alignment__version_b_id",
        "quote_a__index", "quote_b__index", "quote_a__key", "quote_b__key",
        "score", "kind", "flags", "spans_a", "spans_b",
    ).order_by("pk").iterator(chunk_size=5000)  # a 200-version story has 200,000 rows
    for pk, story, va, vb, ia, ib, ka, kb, score, kind, flags, spans_a, spans_b in rows:
        if (story, *Review.keys(ka, kb)) in rejected:
            continue
        links = result[story]
        links.pairs.setdefault((va, vb), []).append(QuoteLink(
            ia, ib, score, kind, tuple(flags or ()),
            tuple(tuple(s) for s in spans_a or ()), tuple(tuple(s) for s in spans_b or ()),
        ))
        links.pair_ids[((va, ia), (vb, ib))] = pk
        links.pair_ids[((vb, ib), (va, ia))] = pk
    return result
