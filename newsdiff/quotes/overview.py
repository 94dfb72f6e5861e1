"""A story's versions with their quote counts measured against a reference version — the
story's original as provenance has it (newsdiff.collation.provenance), else its first. Five
queries, however many versions and quotes the story has."""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from newsdiff.quotes.models import Alignment, QuotePair, Review
from newsdiff.stories.models import Article, Story, Version


@dataclass
class VersionRow:
    """`changed`: pairs with the reference that are not exact; `meaning_changed`: pairs with a
    meaning-change flag; `dropped`: reference quotes with no pair in this version. Rejected
    pairs do not count. None while the version is not aligned with the reference yet."""

    version: Version
    quotes: int
    reference: bool = False
    changed: int | None = None
    meaning_changed: int | None = None
    dropped: int | None = None


@dataclass
class ArticleRows:
    article: Article
    rows: list[VersionRow] = field(default_factory=list)


@dataclass
class StoryOverview:
    reference: Version | None
    articles: list[ArticleRows]
    versions: list[Version]


def reference_version(versions: list[Version], chosen: Version | None = None) -> Version | None:
    """The version the others are measured against: `chosen`, else the story's first."""
    found = next((v for v in versions if chosen is not None and v.pk == chosen.pk), None)
    return found or min(versions, key=lambda v: v.pk, default=None)


def story_overview(story: Story, reference: Version | None = None) -> StoryOverview:
    articles = {a.pk: ArticleRows(a) for a in story.articles.select_related("outlet")}
    versions = list(
        Version.objects.filter(article__story=story)
        .defer("text", "raw")
        .select_related("uploaded_by", "article__outlet")
        .annotate(quote_count=Count("quotes"))
        .order_by("pk")
    )
    reference = reference_version(versions, reference)
    counts = _counts_against(story, reference) if reference else {}
    for v in versions:
        row = VersionRow(v, v.quote_count, reference=v == reference)
        if v.pk in counts:
            row.changed, row.meaning_changed, paired = counts[v.pk]
            row.dropped = reference.quote_count - paired
        articles[v.article_id].rows.append(row)
    # An article whose versions were all deleted has nothing to show.
    return StoryOverview(reference, [a for a in articles.values() if a.rows], versions)


def _counts_against(story: Story, reference: Version) -> dict[int, tuple[int, int, int]]:
    """version id -> (changed, meaning changed, reference quotes paired)."""
    alignments = {
        al.pk: al
        for al in Alignment.objects.filter(Q(version_a=reference) | Q(version_b=reference))
    }
    rejected = set(
        Review.objects.filter(story=story, decision=Review.Decision.REJECTED).values_list(
            "key_low", "key_high"
        )
    )
    result = {
        (al.version_b_id if al.version_a_id == reference.pk else al.version_a_id): [0, 0, set()]
        for al in alignments.values()
    }
    pairs = QuotePair.objects.filter(alignment__in=alignments).values_list(
        "alignment_id", "kind", "flags", "quote_a_id", "quote_b_id", "quote_a__key", "quote_b__key"
    )
    for alignment_id, kind, flags, qa, qb, key_a, key_b in pairs:
        if Review.keys(key_a, key_b) in rejected:
            continue
        al = alignments[alignment_id]
        reference_is_a = al.version_a_id == reference.pk
        counts = result[al.version_b_id if reference_is_a else al.version_a_id]
        counts[0] += kind != "exact"
        counts[1] += bool(flags)
        counts[2].add(qa if reference_is_a else qb)
    return {v: (c, m, len(paired)) for v, (c, m, paired) in result.items()}
