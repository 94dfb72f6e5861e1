"""Uploading a version stores its quotes and aligns it with every other version of the story,
inside the upload's own transaction; editors' reviews outlive the recomputation."""

import io

import pytest
from django.core.management import CommandError, call_command

from newsdiff.audit.models import AuditEvent
from newsdiff.ingest import document_from_text
from newsdiff.quotes import services
from newsdiff.quotes.models import Alignment, Quote, QuotePair, Review
from newsdiff.stories.models import Version
from newsdiff.stories.services import add_version

ORIGINAL = (
    "Harbour master Ruth Kerr said the ferry had been travelling too fast.\n\n"
    "“The vessel was doing fourteen knots in thick fog, which is far too fast,” Kerr said.\n\n"
    "“We will not reopen the berth until the inspectors are satisfied,” she added.\n"
)
REWRITE = (
    "The ferry was speeding, according to harbour master Ruth Kerr.\n\n"
    "“The vessel was doing forty knots in thick fog,” Kerr told reporters.\n\n"
    "Officials declined to comment further.\n"
)
CORRECTION = REWRITE.replace("forty knots", "fourteen knots") + "\nThis article was corrected.\n"


def upload(story, text, outlet):
    return add_version(story, document_from_text(text), source="paste", outlet_name=outlet).version


@pytest.mark.django_db
def test_quotes_are_stored_with_offsets_into_the_version_text(story):
    version = upload(story, ORIGINAL, "Harbour Gazette")
    quotes = list(version.quotes.all())
    assert [q.text for q in quotes] == [
        "The vessel was doing fourteen knots in thick fog, which is far too fast,",
        "We will not reopen the berth until the inspectors are satisfied,",
    ]
    assert all(version.text[q.start : q.end] == q.text for q in quotes)
    assert {q.speaker_key for q in quotes} == {quotes[0].speaker_key}


@pytest.mark.django_db
def test_second_version_is_aligned_with_the_first(story):
    original = upload(story, ORIGINAL, "Harbour Gazette")
    rewrite = upload(story, REWRITE, "Coastline Daily")
    alignment = Alignment.objects.get(story=story)
    assert (alignment.version_a, alignment.version_b) == (original, rewrite)
    pair = QuotePair.objects.get(alignment=alignment)
    assert pair.kind == "partial"
    assert "number_changed" in pair.flags
    assert any(seg["op"] == "insert" and seg["text"] == "forty" for seg in pair.diff)


@pytest.mark.django_db
def test_new_version_adds_alignments_without_redoing_settled_ones(story):
    upload(story, ORIGINAL, "Harbour Gazette")
    upload(story, REWRITE, "Coastline Daily")
    settled = Alignment.objects.get(story=story).pk
    upload(story, CORRECTION, "Coastline Daily")
    assert Alignment.objects.filter(story=story).count() == 3
    assert Alignment.objects.filter(pk=settled).exists()


@pytest.mark.django_db
def test_review_survives_a_new_upload(story, editor):
    upload(story, ORIGINAL, "Harbour Gazette")
    upload(story, REWRITE, "Coastline Daily")
    pair = QuotePair.objects.select_related("quote_a", "quote_b").get()
    low, high = Review.keys(pair.quote_a.key, pair.quote_b.key)
    Review.objects.create(story=story, key_low=low, key_high=high, decision="confirmed",
                          reviewed_by=editor)
    upload(story, CORRECTION, "Coastline Daily")
    review = Review.objects.get(story=story)
    assert review.decision == "confirmed"
    # The corrected version repeats the rewrite's untouched quote words, so the decision
    # applies to its pair with the original too.
    keys = {Review.keys(p.quote_a.key, p.quote_b.key) for p in QuotePair.objects.all()}
    assert (low, high) in keys


@pytest.mark.django_db
def test_engine_upgrade_recomputes_every_alignment(story, monkeypatch):
    upload(story, ORIGINAL, "Harbour Gazette")
    upload(story, REWRITE, "Coastline Daily")
    old = Alignment.objects.get(story=story).pk
    monkeypatch.setattr(services, "ENGINE_VERSION", "next")
    services.align_story(story)
    alignment = Alignment.objects.get(story=story)
    assert alignment.pk != old and alignment.engine == "next"
    assert alignment.pairs.count() == 1


@pytest.mark.django_db
def test_failing_alignment_stores_no_version(story, monkeypatch):
    upload(story, ORIGINAL, "Harbour Gazette")

    def broken(*args):
        raise RuntimeError("engine failure")

    monkeypatch.setattr(services, "align_versions", broken)
    with pytest.raises(RuntimeError):
        upload(story, REWRITE, "Coastline Daily")
    assert Version.objects.count() == 1
    assert Quote.objects.count() == 2
    assert not Alignment.objects.exists()


@pytest.mark.django_db
def test_align_stories_command_fills_in_missing_alignments(story):
    upload(story, ORIGINAL, "Harbour Gazette")
    upload(story, REWRITE, "Coastline Daily")
    Alignment.objects.all().delete()
    call_command("align_stories", story.slug, stdout=io.StringIO())
    assert Alignment.objects.get(story=story).pairs.count() == 1


@pytest.mark.django_db
def test_align_stories_command_names_an_unknown_story(story):
    with pytest.raises(CommandError, match="no-such-story"):
        call_command("align_stories", "no-such-story")


@pytest.mark.django_db
def test_upload_is_recorded_in_the_audit_log(story, editor):
    version = add_version(story, document_from_text(ORIGINAL), source="paste",
                          outlet_name="Harbour Gazette", uploaded_by=editor).version
    event = AuditEvent.objects.get(action="version.add")
    assert (event.actor, event.object_id, event.story_id) == (editor, str(version.pk), story.pk)
    assert event.after["sha256"] == version.sha256

