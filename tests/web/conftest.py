import pytest

from newsdiff.quotes.models import Quote, QuotePair
from tests.quotes.ferry import ferry


@pytest.fixture
def places(story, django_user_model):
    """Real objects for every placeholder, so an allowed request reaches the view's work."""
    gazette, coastline = ferry(story)
    return {
        "slug": story.slug,
        "story_id": story.pk,
        "article": gazette.article_id,
        "a": gazette.pk,
        "b": coastline.pk,
        "quote": Quote.objects.filter(version=gazette).first().pk,
        "pair": QuotePair.objects.first().pk,
        "user": django_user_model.objects.create_user("target", password="x-y-z-w-1").pk,
    }
