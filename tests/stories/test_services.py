"""add_version: numbering, duplicates, article and outlet resolution, one transaction."""

import threading
from datetime import date

import pytest
from django.db import connection

from newsdiff.ingest import document_from_bytes, document_from_text
from newsdiff.stories import services
from newsdiff.stories.models import Article, Outlet, Story, Version
from tests.samples import article_page


def add(story, text, **kwargs):
    kwargs.setdefault("outlet_name", "Harbour Gazette")
    return services.add_version(story, document_from_text(text), source="paste", **kwargs)


def test_versions_of_an_article_are_numbered_from_one(story):
    numbers = [add(story, f"Text number {n}.").version.number for n in range(3)]
    assert numbers == [1, 2, 3]
    assert Article.objects.count() == 1


def test_each_article_has_its_own_numbering(story):
    add(story, "Gazette text.")
    assert add(story, "Courier text.", outlet_name="Coast Courier").version.number == 1


def test_same_text_again_is_reported_and_not_stored(story, editor):
    first = add(story, "The mayor spoke.", uploaded_by=editor)
    again = add(story, "The mayor spoke.\r\n".rstrip("\r\n"))
    assert not again.created
    assert again.version == first.version
    assert Version.objects.count() == 1


def test_same_text_in_another_article_is_stored(story):
    add(story, "Wire copy.")
    assert add(story, "Wire copy.", outlet_name="Coast Courier").created


def test_outlet_article_and_metadata_come_from_the_page_when_not_given(story):
    document = document_from_bytes(article_page().encode(), "harbour.html")
    version = services.add_version(story, document, source="file").version
    article = version.article
    assert article.outlet.name == "Harbour Gazette"
    assert article.outlet.domain == "harbourgazette.example"
    assert article.headline == "Harbour wall to be rebuilt after storm, mayor says"
    assert article.url == "https://harbourgazette.example/2026/03/02/harbour-wall"
    assert (version.byline, version.published, version.site_name) == (
        "Mara Quill",
        date(2026, 3, 2),
        "Harbour Gazette",
    )


def test_fields_given_win_over_the_document(story):
    document = document_from_bytes(article_page().encode(), "harbour.html")
    version = services.add_version(
        story,
        document,
        source="file",
        outlet_name="Gazette Weekend",
        headline="Wall",
        byline="Staff",
        published=date(2026, 3, 3),
    ).version
    assert (version.article.outlet.name, version.article.headline) == ("Gazette Weekend", "Wall")
    assert (version.byline, version.published) == ("Staff", date(2026, 3, 3))


def test_outlet_is_matched_whatever_the_case(story):
    Outlet.objects.create(name="Harbour Gazette")
    add(story, "Text.", outlet_name="harbour gazette")
    assert Outlet.objects.count() == 1


def test_outlet_falls_back_to_the_url_domain(story):
    version = add(
        story, "Text.", outlet_name="", url="https://www.coastcourier.example/harbour"
    ).version
    assert version.article.outlet.name == "coastcourier.example"


def test_text_without_any_outlet_is_rejected(story):
    with pytest.raises(services.UploadRejected, match="Name the outlet"):
        add(story, "Text.", outlet_name="")
    assert not Article.objects.exists()


def test_article_of_another_story_is_rejected(story):
    other = Story.objects.create(title="Other", slug="other")
    article = add(other, "Elsewhere.").version.article
    with pytest.raises(services.UploadRejected, match="another story"):
        add(story, "Here.", article=article)


def test_failure_after_the_version_is_saved_stores_nothing(story, monkeypatch):
    def engine_fails(version):
        raise RuntimeError("quote extraction failed")

    monkeypatch.setattr(services, "after_version_added", engine_fails)
    with pytest.raises(RuntimeError):
        add(story, "Text.")
    assert not Version.objects.exists()
    assert not Article.objects.exists()


def test_story_slugs_stay_unique(db):
    first = services.create_story(title="Harbour wall")
    second = services.create_story(title="Harbour wall")
    assert (first.slug, second.slug) == ("harbour-wall", "harbour-wall-2")


@pytest.mark.django_db(transaction=True)
def test_concurrent_uploads_to_one_article_get_distinct_numbers():
    story = Story.objects.create(title="Race", slug="race")
    article = add(story, "Version one.").version.article
    results, errors = [], []

    def upload(n):
        try:
            results.append(add(story, f"Concurrent version {n}.", article=article))
        except Exception as error:  # noqa: BLE001 - collected and asserted on below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=upload, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(Version.objects.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6, 7]
