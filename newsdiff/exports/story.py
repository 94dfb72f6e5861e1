"""A story as plain data: its versions, quotes, pairs (both wordings, kind, score, flags,
speakers, review) and fidelity report. The JSON and CSV exports, the printable page and the
JSON API all read it, so they say the same thing. Schema: docs/export.md and
docs/schemas/story-export.schema.json (SCHEMA_VERSION bumps when it changes).

A fixed number of queries however many versions and quotes the story has.
"""

from dataclasses import dataclass

from django.utils import timezone

from newsdiff.collation.report import story_report
from newsdiff.engine import ENGINE_VERSION
from newsdiff.quotes.models import FLAG_LABELS, Alignment, Kind, Quote, QuotePair, Review
from newsdiff.stories.models import Story, Version

SCHEMA = "newsdiff-story-export"
SCHEMA_VERSION = 1
KIND_LABELS = dict(Kind.choices)


def iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def story_dict(story: Story) -> dict:
    return {
        "slug": story.slug,
        "title": story.title,
        "notes": story.notes,
        "created_at": iso(story.created_at),
        "url": story.get_absolute_url(),
    }


def version_dict(v: Version, *, text: bool = True) -> dict:
    """`v` with its article and outlet loaded; `text` False leaves the (long) text out."""
    found = {
        "id": v.pk,
        "article": v.article_id,
        "outlet": v.article.outlet.name,
        "number": v.number,
        "article_url": v.article.url,
        "headline": v.article.headline,
        "title": v.title,
        "byline": v.byline,
        "published": iso(v.published),
        "uploaded_at": iso(v.uploaded_at),
        "source": v.source,
        "source_url": v.source_url,
        "sha256": v.sha256,
    }
    if text:
        found["text"] = v.text
    return found


def quote_dict(q: Quote) -> dict:
    return {
        "id": q.pk,
        "version": q.version_id,
        "index": q.index,
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "speaker": q.speaker,
        "speaker_key": q.speaker_key,
        "fragment": q.fragment,
        "key": q.key,
    }


def review_dict(r: Review | None) -> dict | None:
    if r is None:
        return None
    return {
        "key_low": r.key_low,
        "key_high": r.key_high,
        "decision": r.decision,
        "note": r.note,
        "reviewed_by": r.reviewed_by.get_username() if r.reviewed_by else None,
        "reviewed_at": iso(r.reviewed_at),
    }


def pair_dict(pair: QuotePair, alignment: Alignment, qa: Quote, qb: Quote, review) -> dict:
    return {
        "id": pair.pk,
        "version_a": alignment.version_a_id,
        "version_b": alignment.version_b_id,
        "quote_a": qa.pk,
        "quote_b": qb.pk,
        "text_a": qa.text,
        "text_b": qb.text,
        "speaker_a": qa.speaker,
        "speaker_b": qb.speaker,
        "kind": pair.kind,
        "kind_label": KIND_LABELS.get(pair.kind, pair.kind),
        "score": pair.score,
        "flags": list(pair.flags),
        "flag_labels": [FLAG_LABELS.get(f, f) for f in pair.flags],
        "origin": pair.origin,
        "spans_a": pair.spans_a,
        "spans_b": pair.spans_b,
        "diff": pair.diff,
        "review": review_dict(review),
    }


@dataclass
class StoryData:
    """The rows of one story, loaded once."""

    story: Story
    versions: list[Version]
    quotes: list[Quote]
    alignments: list[Alignment]
    pairs: list[QuotePair]
    reviews: dict[tuple[str, str], Review]

    def pair_dicts(self) -> list[dict]:
        quotes = {q.pk: q for q in self.quotes}
        alignments = {a.pk: a for a in self.alignments}
        result = []
        for pair in self.pairs:
            qa, qb = quotes.get(pair.quote_a_id), quotes.get(pair.quote_b_id)
            if qa is None or qb is None:
                continue
            review = self.reviews.get(Review.keys(qa.key, qb.key))
            result.append(pair_dict(pair, alignments[pair.alignment_id], qa, qb, review))
        return result


def story_versions(story: Story, *, with_text: bool = True):
    """The story's versions in upload order, with article and outlet, without the raw upload."""
    versions = Version.objects.filter(article__story=story).select_related("article__outlet")
    versions = versions.order_by("uploaded_at", "pk")
    return versions.defer("raw") if with_text else versions.defer("raw", "text")


def load_story(story: Story, *, with_text: bool = True, version_ids=None) -> StoryData:
    """Everything about `story` (or only the pairs among `version_ids`) in five queries."""
    versions = story_versions(story, with_text=with_text)
    alignments = Alignment.objects.filter(story=story).order_by("version_a", "version_b")
    if version_ids is not None:
        versions = versions.filter(pk__in=version_ids)
        alignments = alignments.filter(version_a__in=version_ids, version_b__in=version_ids)
    alignments = list(alignments)
    pairs = QuotePair.objects.filter(alignment__in=[a.pk for a in alignments]).order_by(
        "alignment_id", "quote_a__index", "quote_b__index"
    )
    reviews = Review.objects.filter(story=story).select_related("reviewed_by")
    versions = list(versions)
    return StoryData(
        story,
        versions,
        list(
            Quote.objects.filter(version__in=[v.pk for v in versions]).order_by(
                "version_id", "index"
            )
        ),
        alignments,
        list(pairs),
        {(r.key_low, r.key_high): r for r in reviews},
    )


def story_export(story: Story) -> dict:
    """The whole story as the JSON export describes it."""
    data = load_story(story)
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "engine": ENGINE_VERSION,
        "exported_at": iso(timezone.now()),
        "story": story_dict(story),
        "versions": [version_dict(v) for v in data.versions],
        "quotes": [quote_dict(q) for q in data.quotes],
        "pairs": data.pair_dicts(),
        "reviews": [review_dict(r) for r in data.reviews.values()],
        "report": story_report(story).to_dict(),
    }
