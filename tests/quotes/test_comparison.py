"""The compare view's read side: pairs turned to face the requested sides, rejected pairs'
quotes counted as unpaired, paraphrases placed in the other text, filters."""

import pytest

from newsdiff.quotes.comparison import PairFilters, compare_versions
from newsdiff.quotes.models import QuotePair, Review
from tests.quotes.ferry import ferry

pytestmark = pytest.mark.django_db


def diff_ops(pair_view):
    return [(d.op, d.text) for d in pair_view.diff if d.op in ("delete", "insert")]


def test_pairs_face_the_sides_asked_for(story):
    gazette, coastline = ferry(story)
    forward = compare_versions(story.pk, gazette, coastline)
    backward = compare_versions(story.pk, coastline, gazette)
    assert ("delete", "fourteen") in diff_ops(forward.pairs[0])
    assert ("insert", "forty") in diff_ops(forward.pairs[0])
    assert ("delete", "forty") in diff_ops(backward.pairs[0])
    assert ("insert", "fourteen") in diff_ops(backward.pairs[0])
    assert backward.pairs[0].left.quote.version_id == coastline.pk


def test_left_words_come_before_the_right_words_they_replace_in_both_directions(story):
    gazette, coastline = ferry(story)
    for left, right in ((gazette, coastline), (coastline, gazette)):
        ops = [d.op for d in compare_versions(story.pk, left, right).pairs[0].diff]
        assert ops.index("delete") < ops.index("insert")


def test_trimmed_quote_is_shown_whole_with_the_part_in_the_pair(story):
    gazette, coastline = ferry(story)
    pair = compare_versions(story.pk, gazette, coastline).pairs[0]
    [context] = pair.contexts
    assert context.side == "a"
    assert context.inside.endswith("in thick fog")
    assert context.after == ", which is far too fast,"
    assert context.before + context.inside + context.after == pair.left.quote.text


def test_each_quote_is_marked_at_its_offsets_in_the_column(story):
    gazette, coastline = ferry(story)
    comparison = compare_versions(story.pk, gazette, coastline)
    for column in comparison.columns:
        marked = {}
        for paragraph in column.paragraphs:
            for run in paragraph:
                if getattr(run.mark, "mark_type", "") == "quote":
                    marked[run.mark.anchor] = marked.get(run.mark.anchor, "") + run.text
        assert marked == {q.anchor: q.quote.text for q in column.quotes}
        assert all(
            column.version.text[q.quote.start : q.quote.end] == q.quote.text for q in column.quotes
        )


def test_quotes_without_a_counterpart_are_listed_as_only_here(story):
    gazette, coastline = ferry(story)
    comparison = compare_versions(story.pk, gazette, coastline)
    assert [q.quote.speaker for q in comparison.left.only_here] == ["Tom Hale", "Ian Moss"]
    assert [q.quote.text for q in comparison.right.only_here] == [
        "Nobody was hurt, and that is what matters,"
    ]


def test_quote_left_unquoted_in_the_other_text_points_at_where(story):
    gazette, coastline = ferry(story)
    comparison = compare_versions(story.pk, gazette, coastline)
    moss = comparison.left.only_here[1]
    start, end = moss.paraphrase_span
    assert "Kittiwake will probably be out of service for a week" in coastline.text[start:end]
    assert moss.href == "#para-qa-3"
    unquoted = [
        r
        for p in comparison.right.paragraphs
        for r in p
        if getattr(r.mark, "mark_type", "") == "paraphrase"
    ]
    assert [r.mark.anchor for r in unquoted] == ["para-qa-3"]


def test_rejected_pair_stays_listed_but_its_quotes_count_as_unpaired(story, editor):
    gazette, coastline = ferry(story)
    pair = QuotePair.objects.select_related("quote_a", "quote_b").get(quote_a__index=1)
    Review.objects.create(
        story=story,
        key_low=min(pair.quote_a.key, pair.quote_b.key),
        key_high=max(pair.quote_a.key, pair.quote_b.key),
        decision="rejected",
        reviewed_by=editor,
    )
    comparison = compare_versions(story.pk, gazette, coastline)
    assert [p.state for p in comparison.pairs] == ["unreviewed", "rejected"]
    assert "qa-1" in [q.anchor for q in comparison.left.only_here]
    assert "qb-1" in [q.anchor for q in comparison.right.only_here]
    assert dict((k, n) for k, _, n in comparison.kind_counts)["minor"] == 0


@pytest.mark.parametrize(
    "filters, kinds",
    [
        (PairFilters(), ["partial", "minor"]),
        (PairFilters(kind="minor"), ["minor"]),
        (PairFilters(flag="number_changed"), ["partial"]),
        (PairFilters(min_score=92), ["partial"]),
        (PairFilters(review="reviewed"), []),
        (PairFilters(review="unreviewed"), ["partial", "minor"]),
    ],
)
def test_filters_choose_the_pairs_listed(story, filters, kinds):
    gazette, coastline = ferry(story)
    comparison = compare_versions(story.pk, gazette, coastline, filters)
    assert [p.pair.kind for p in comparison.shown_pairs] == kinds
    assert len(comparison.pairs) == 2


def test_versions_not_aligned_yet_show_their_quotes_unpaired(story):
    gazette, coastline = ferry(story)
    story.alignments.all().delete()
    comparison = compare_versions(story.pk, gazette, coastline)
    assert comparison.alignment is None and comparison.pairs == []
    assert len(comparison.left.only_here) == 4
