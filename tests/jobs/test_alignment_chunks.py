"""align_story in chunks: progress, idempotence, versions arriving mid-run, and the
provisional alignment an upload to a big story stores."""

from itertools import combinations

import pytest

from newsdiff.engine import ENGINE_VERSION
from newsdiff.quotes.models import Alignment, QuotePair
from newsdiff.quotes.services import (
    PROVISIONAL_ENGINE,
    align_new_version,
    align_story,
    stale_pair_count,
)
from tests.jobs.stories import add_versions


def aligned_pairs(story):
    return set(
        Alignment.objects.filter(story=story, engine=ENGINE_VERSION).values_list(
            "version_a_id", "version_b_id"
        )
    )


def all_pairs(versions):
    return {(a.pk, b.pk) for a, b in combinations(sorted(versions, key=lambda v: v.pk), 2)}


def pair_rows(story):
    return sorted(
        QuotePair.objects.filter(alignment__story=story).values_list(
            "alignment__version_a_id",
            "alignment__version_b_id",
            "quote_a__index",
            "quote_b__index",
            "kind",
            "score",
        )
    )


def test_progress_is_reported_per_chunk_up_to_the_total(story):
    versions = add_versions(story, 6)
    reports = []
    aligned = align_story(story, chunk_size=4, progress=lambda d, t: reports.append((d, t)))
    assert aligned == 15
    assert reports == [(0, 15), (4, 15), (8, 15), (12, 15), (15, 15), (15, 15)]
    assert aligned_pairs(story) == all_pairs(versions)


def test_chunked_alignment_stores_what_one_pass_stores(story, django_user_model):
    add_versions(story, 5)
    align_story(story, chunk_size=1)
    chunked = pair_rows(story)
    Alignment.objects.filter(story=story).delete()
    align_story(story, chunk_size=100)
    assert pair_rows(story) == chunked
    assert chunked


def test_a_second_run_has_nothing_to_do(story):
    add_versions(story, 4)
    assert align_story(story) == 6
    assert align_story(story) == 0
    assert stale_pair_count(story) == 0


def test_a_version_added_during_a_run_is_aligned_by_that_run(story):
    versions = add_versions(story, 4)
    added = []

    def progress(done, total):
        if done == 2 and not added:
            added.extend(add_versions(story, 1, start=10))

    align_story(story, chunk_size=2, progress=progress)
    assert aligned_pairs(story) == all_pairs(versions + added)


def test_stale_pair_count_counts_pairs_without_a_current_alignment(story):
    add_versions(story, 4)
    assert stale_pair_count(story) == 6
    align_story(story, chunk_size=2)
    add_versions(story, 1, start=9)
    assert stale_pair_count(story) == 4


@pytest.mark.parametrize("chunk", [1, 50])
def test_a_provisional_alignment_is_replaced_by_the_full_run(story, chunk):
    reference, *_ = add_versions(story, 3)
    align_story(story)
    [newest] = add_versions(story, 1, start=3)
    align_new_version(newest, reference)
    provisional = Alignment.objects.get(story=story, version_b=newest)
    assert provisional.engine == PROVISIONAL_ENGINE
    assert (reference.pk, newest.pk) not in aligned_pairs(story)
    assert newest.quotes.exists() and provisional.pairs.exists()

    align_story(story, chunk_size=chunk)
    assert not Alignment.objects.filter(engine=PROVISIONAL_ENGINE).exists()
    assert (reference.pk, newest.pk) in aligned_pairs(story)
    assert len(aligned_pairs(story)) == 6
