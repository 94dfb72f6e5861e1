import pytest
from django.db import IntegrityError

from newsdiff.stories.models import Article, ImmutableVersionError, Outlet, Version


@pytest.fixture
def article(story):
    return Article.objects.create(story=story, outlet=Outlet.objects.create(name="Harbour Gazette"))


def test_stored_version_cannot_be_saved_again(article):
    version = Version.objects.create(article=article, number=1, text="First text.", source="paste")
    version.text = "Changed text."
    with pytest.raises(ImmutableVersionError):
        version.save()
    assert Version.objects.get(pk=version.pk).text == "First text."


def test_version_hash_is_of_the_text(article):
    version = Version.objects.create(article=article, number=1, text="“Quoted.”", source="paste")
    assert version.sha256 == Version.hash_text("“Quoted.”")


def test_two_versions_cannot_share_a_number(article):
    Version.objects.create(article=article, number=1, text="One.", source="paste")
    with pytest.raises(IntegrityError):
        Version.objects.create(article=article, number=1, text="Two.", source="paste")


def test_two_versions_of_an_article_cannot_share_a_text(article):
    Version.objects.create(article=article, number=1, text="Same.", source="paste")
    with pytest.raises(IntegrityError):
        Version.objects.create(article=article, number=2, text="Same.", source="paste")
