"""Editors' decisions: who and when, an audit event in the same transaction, and re-links
that survive new uploads and recomputation."""

import pytest

from newsdiff.audit.models import AuditEvent
from newsdiff.quotes import reviews, services
from newsdiff.quotes.models import Alignment, Quote, QuotePair, Review
from newsdiff.stories.models import Story
from tests.quotes.ferry import COASTLINE, ferry, upload

pytestmark = pytest.mark.django_db


def engine_pair(a_index):
    return QuotePair.objects.select_related("alignment", "quote_a", "quote_b").get(
        quote_a__index=a_index,
        origin="engine",
        alignment__version_b__article__outlet__name="Coastline Daily",
    )


def quote(version, index):
    return Quote.objects.select_related("version__article__story").get(version=version, index=index)


def test_confirming_records_who_when_and_an_audit_event(story, editor):
    ferry(story)
    pair = engine_pair(0)
    review = reviews.confirm(pair, editor)
    assert (review.decision, review.reviewed_by) == ("confirmed", editor)
    event = AuditEvent.objects.get(action="review.confirm")
    assert (event.actor, event.story_id, event.object_id) == (editor, story.pk, str(review.pk))
    assert event.before is None
    assert event.after["decision"] == "confirmed"


def test_rejecting_a_confirmed_pair_records_the_state_before(story, editor):
    ferry(story)
    pair = engine_pair(0)
    reviews.confirm(pair, editor)
    reviews.reject(pair, editor)
    event = AuditEvent.objects.get(action="review.reject")
    assert (event.before["decision"], event.after["decision"]) == ("confirmed", "rejected")
    assert Review.objects.get().decision == "rejected"


def test_a_note_keeps_the_decision(story, editor):
    ferry(story)
    pair = engine_pair(1)
    reviews.confirm(pair, editor)
    reviews.save_note(pair, editor, "  Checked against the audio.  ")
    review = Review.objects.get()
    assert (review.decision, review.note) == ("confirmed", "Checked against the audio.")
    assert (
        AuditEvent.objects.get(action="review.note").after["note"] == "Checked against the audio."
    )


def test_too_long_a_note_is_refused_and_nothing_is_saved(story, editor):
    ferry(story)
    with pytest.raises(reviews.ReviewRefused, match="at most 2000 characters"):
        reviews.save_note(engine_pair(1), editor, "x" * 2001)
    assert not Review.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="review.").exists()


def test_review_and_its_audit_event_commit_together(story, editor, monkeypatch):
    ferry(story)

    def broken(*args, **kwargs):
        raise RuntimeError("audit log unavailable")

    monkeypatch.setattr(reviews, "record", broken)
    with pytest.raises(RuntimeError):
        reviews.confirm(engine_pair(0), editor)
    assert not Review.objects.exists()


def test_relinking_an_unpaired_quote_makes_an_editor_pair(story, editor):
    gazette, coastline = ferry(story)
    hale, nobody = quote(gazette, 2), quote(coastline, 2)
    pair = reviews.relink(hale, nobody, editor)
    assert (pair.quote_a, pair.quote_b, pair.origin) == (hale, nobody, "editor")
    assert pair.kind == "reworded" and pair.diff
    assert Review.objects.get().decision == "linked"
    event = AuditEvent.objects.get(action="review.link")
    assert event.after["pair"] == pair.pk


def test_relinking_rejects_the_quotes_earlier_engine_pair(story, editor):
    gazette, coastline = ferry(story)
    old = engine_pair(0)
    pair = reviews.relink(quote(gazette, 0), quote(coastline, 1), editor)
    assert pair.origin == "editor"
    decisions = {(r.key_low, r.key_high): r.decision for r in Review.objects.all()}
    assert decisions[Review.keys(old.quote_a.key, old.quote_b.key)] == "rejected"
    assert AuditEvent.objects.filter(action="review.reject").count() == 1


def test_relinking_from_the_right_side_works_the_same(story, editor):
    gazette, coastline = ferry(story)
    pair = reviews.relink(quote(coastline, 2), quote(gazette, 2), editor)
    assert (pair.quote_a.version, pair.quote_b.version) == (gazette, coastline)


def test_link_survives_a_new_upload_and_shows_where_the_same_words_meet(story, editor):
    gazette, coastline = ferry(story)
    reviews.relink(quote(gazette, 2), quote(coastline, 2), editor)
    update = upload(
        story,
        COASTLINE + "\nThis article was updated.\n",
        "Coastline Daily",
        article=coastline.article,
    )
    alignment = Alignment.objects.get(version_a=gazette, version_b=update)
    linked = alignment.pairs.get(origin="editor")
    assert (linked.quote_a.index, linked.quote_b.text) == (2, quote(coastline, 2).text)


def test_link_survives_recomputation_by_a_new_engine(story, editor, monkeypatch):
    gazette, coastline = ferry(story)
    reviews.relink(quote(gazette, 2), quote(coastline, 2), editor)
    monkeypatch.setattr(services, "ENGINE_VERSION", "next")
    services.align_story(story)
    assert Alignment.objects.get().pairs.filter(origin="editor").count() == 1


def test_rejecting_an_editor_pair_unlinks_it(story, editor):
    gazette, coastline = ferry(story)
    pair = reviews.relink(quote(gazette, 2), quote(coastline, 2), editor)
    reviews.reject(
        QuotePair.objects.select_related("alignment", "quote_a", "quote_b").get(pk=pair.pk), editor
    )
    assert not QuotePair.objects.filter(origin="editor").exists()
    services.align_story(story)
    assert not QuotePair.objects.filter(origin="editor").exists()


def test_quote_of_another_story_cannot_be_linked(story, editor):
    gazette, _ = ferry(story)
    other = Story.objects.create(title="Other", slug="other")
    stranger = upload(other, COASTLINE, "Coastline Daily")
    with pytest.raises(reviews.ReviewRefused, match="another story"):
        reviews.relink(quote(gazette, 0), quote(stranger, 0), editor)
    assert not Review.objects.exists()


def test_candidates_put_the_most_similar_quote_first(story):
    gazette, coastline = ferry(story)
    ranked = reviews.candidates(quote(gazette, 1), list(Quote.objects.filter(version=coastline)))
    assert ranked[0][0].text.startswith("We will reopen the berth")
    assert [s for _, s in ranked] == sorted((s for _, s in ranked), reverse=True)


def test_versions_not_aligned_yet_cannot_be_linked(story, editor):
    gazette, coastline = ferry(story)
    Alignment.objects.all().delete()
    with pytest.raises(reviews.ReviewRefused, match="not been aligned yet"):
        reviews.relink(quote(gazette, 2), quote(coastline, 2), editor)
    assert not Review.objects.exists()
