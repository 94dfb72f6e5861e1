"""The quote index follows the stored quotes: indexed on upload, gone with their version."""

from newsdiff.quotes.models import Quote
from newsdiff.search.features import quote_features
from newsdiff.search.finder import find_quotes
from newsdiff.search.models import QuoteFeature
from tests.search.corpus import ORCHARD, QUAY, QUAY_TRIMMED, add, make_story


def test_an_uploaded_version_has_its_quotes_indexed(db):
    version = add(make_story("Quay", "quay"), QUAY, "Gazette")
    for quote in Quote.objects.filter(version=version):
        indexed = set(QuoteFeature.objects.filter(quote=quote).values_list("hash", flat=True))
        assert indexed == set(quote_features(quote.text)) and indexed


def test_a_deleted_version_vanishes_from_search_results(db):
    kept = add(make_story("Quay", "quay"), QUAY, "Gazette")
    gone = add(make_story("Ferry", "ferry"), QUAY_TRIMMED, "Courier")
    query = "rebuild the eastern quay wall before the winter storms"
    assert {h.quote.version_id for h in find_quotes(query)} == {kept.pk, gone.pk}
    gone.article.delete()
    assert {h.quote.version_id for h in find_quotes(query)} == {kept.pk}
    assert not QuoteFeature.objects.filter(quote__version=gone.pk).exists()


def test_a_trimmed_variant_shares_features_with_its_original_and_an_unrelated_quote_none():
    whole = set(quote_features("We will rebuild the eastern quay wall before the winter storms"))
    trimmed = set(quote_features("rebuild the eastern quay wall before the winter"))
    other = set(quote_features("The cider apples ripened three weeks early this year"))
    assert trimmed and trimmed <= whole
    assert not other & whole


def test_search_ignores_quotes_from_a_text_without_them(db):
    add(make_story("Orchard", "orchard"), ORCHARD, "Gazette")
    assert find_quotes("rebuild the eastern quay wall") == []


def test_a_soft_deleted_version_or_story_vanishes_from_results_and_comes_back_restored(
    db, django_user_model
):
    from newsdiff.stories.deletion import delete_story, delete_version, restore_version

    admin = django_user_model.objects.create_superuser("ada", password="x-y-z-w-1")
    kept = add(make_story("Quay", "quay"), QUAY, "Gazette")
    gone = add(make_story("Ferry", "ferry"), QUAY_TRIMMED, "Courier")
    query = "rebuild the eastern quay wall before the winter storms"
    delete_version(gone, admin)
    assert {h.quote.version_id for h in find_quotes(query)} == {kept.pk}
    restore_version(gone.pk, admin)
    assert {h.quote.version_id for h in find_quotes(query)} == {kept.pk, gone.pk}
    delete_story(kept.article.story, admin)
    assert {h.quote.version_id for h in find_quotes(query)} == {gone.pk}
