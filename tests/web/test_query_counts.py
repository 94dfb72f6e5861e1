"""The story page and the compare view cost the same number of SQL queries whether a story's
versions hold 15 quotes or twice as many (issue 6: no query per quote, pair or version)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from benchmarks.corpus import story as generated_story
from newsdiff.ingest import document_from_text
from newsdiff.stories.models import Story, Version
from newsdiff.stories.services import add_version

OUTLETS = ["Harbour Gazette", "Coastline Daily", "Ferry Weekly"]


def generated(title: str, quotes: int) -> Story:
    """Three versions from three outlets, each rewriting an earlier one, uploaded for real."""
    story = Story.objects.create(title=title, slug=title.lower().replace(" ", "-"))
    for text, outlet in zip(generated_story(seed=7, versions=3, quotes=quotes), OUTLETS):
        add_version(story, document_from_text(text), source="paste", outlet_name=outlet)
    return story


def queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def compare_path(story: Story) -> str:
    first, last = Version.objects.filter(article__story=story).order_by("pk")[::2][:2]
    return f"/stories/{story.slug}/compare/?a={first.pk}&b={last.pk}"


@pytest.fixture
def small_and_large(db):
    small, large = generated("Small story", 15), generated("Large story", 30)
    counts = [Version.objects.filter(article__story=s).first().quotes.count()
              for s in (small, large)]
    assert counts[1] >= 2 * counts[0] - 2  # the large story really has about twice the quotes
    return small, large


@pytest.mark.parametrize("who", ["viewer_client", "editor_client"])
def test_story_page_queries_do_not_grow_when_quotes_double(request, who, small_and_large):
    client = request.getfixturevalue(who)
    small, large = small_and_large
    assert queries(client, f"/stories/{large.slug}/") == queries(client, f"/stories/{small.slug}/")


@pytest.mark.parametrize("who", ["viewer_client", "editor_client"])
def test_compare_view_queries_do_not_grow_when_quotes_double(request, who, small_and_large):
    client = request.getfixturevalue(who)
    small, large = small_and_large
    assert queries(client, compare_path(large)) == queries(client, compare_path(small))
