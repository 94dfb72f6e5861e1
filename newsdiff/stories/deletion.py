"""Deleting and restoring stories and versions: only ever a mark, so an admin can undo it.

A deleted story or version keeps every row (text, raw upload, quotes, reviews) and is hidden
by the default managers from every page, comparison and alignment. Each change is audited in
the same transaction, with the state before and after.
"""

from django.db import transaction
from django.utils import timezone

from newsdiff.audit.log import record
from newsdiff.stories.models import Story, Version


class RestoreRefused(ValueError):
    """A restore that cannot happen as asked; the message says what to do instead."""


def _deleted_state(obj) -> dict:
    return {
        "deleted_at": obj.deleted_at.isoformat() if obj.deleted_at else None,
        "deleted_by": obj.deleted_by.get_username() if obj.deleted_by else None,
    }


def _story_facts(story: Story) -> dict:
    versions = Version.all_objects.filter(article__story=story)
    return {"title": story.title, "slug": story.slug, "versions": versions.count()}


def delete_story(story: Story, actor) -> None:
    with transaction.atomic():
        story = Story.all_objects.select_for_update().get(pk=story.pk)
        if story.deleted_at is not None:
            return
        before = _story_facts(story) | _deleted_state(story)
        story.deleted_at, story.deleted_by = timezone.now(), actor
        story.save(update_fields=["deleted_at", "deleted_by"])
        record(
            actor,
            "story.delete",
            story,
            story_id=story.pk,
            summary=f"Deleted story “{story.title}”",
            before=before,
            after=_story_facts(story) | _deleted_state(story),
        )


def restore_story(story_id: int, actor) -> Story:
    with transaction.atomic():
        story = Story.all_objects.select_for_update().get(pk=story_id)
        if story.deleted_at is None:
            return story
        before = _story_facts(story) | _deleted_state(story)
        story.deleted_at, story.deleted_by = None, None
        story.save(update_fields=["deleted_at", "deleted_by"])
        record(
            actor,
            "story.restore",
            story,
            story_id=story.pk,
            summary=f"Restored story “{story.title}”",
            before=before,
            after=_story_facts(story) | _deleted_state(story),
        )
    return story


def _version_facts(version: Version) -> dict:
    return {
        "article": version.article_id,
        "number": version.number,
        "sha256": version.sha256,
        "outlet": version.article.outlet.name,
    }


def delete_version(version: Version, actor) -> None:
    """Hide `version` and re-align the rest of its story without it."""
    from newsdiff.quotes.services import align_story, forget_alignments

    with transaction.atomic():
        version = _locked_version(version.pk)
        if version.deleted_at is not None:
            return
        before = _version_facts(version) | _deleted_state(version)
        _mark(version, timezone.now(), actor)
        forget_alignments(version)
        story = version.article.story
        align_story(story)
        record(
            actor,
            "version.delete",
            version,
            story_id=story.pk,
            summary=f"Deleted {version.article.outlet} v{version.number}",
            before=before,
            after=_version_facts(version) | _deleted_state(version),
        )


def restore_version(version_id: int, actor) -> Version:
    """Show the version again and align it with the rest of its story."""
    from newsdiff.quotes.services import align_story

    with transaction.atomic():
        version = _locked_version(version_id)
        story = version.article.story
        if story.deleted_at is not None:
            raise RestoreRefused(f"The story “{story.title}” is deleted; restore the story first.")
        if version.deleted_at is None:
            return version
        before = _version_facts(version) | _deleted_state(version)
        _mark(version, None, None)
        align_story(story)
        record(
            actor,
            "version.restore",
            version,
            story_id=story.pk,
            summary=f"Restored {version.article.outlet} v{version.number}",
            before=before,
            after=_version_facts(version) | _deleted_state(version),
        )
    return version


def _locked_version(pk: int) -> Version:
    return (
        Version.all_objects.select_for_update(of=("self",))
        .defer("text", "raw")
        .select_related("article__story", "article__outlet", "deleted_by")
        .get(pk=pk)
    )


def _mark(version: Version, at, by) -> None:
    """Versions are immutable through save(); the deletion mark is set by an update."""
    Version.all_objects.filter(pk=version.pk).update(deleted_at=at, deleted_by=by)
    version.deleted_at, version.deleted_by = at, by
