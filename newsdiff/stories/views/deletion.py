"""Deleting a story or a version (admins, after a confirmation page) and the Deleted page where
an admin restores them."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from newsdiff.accounts.roles import Role, require_role
from newsdiff.stories import deletion
from newsdiff.stories.models import Story, Version


@require_http_methods(["GET", "POST"])
@require_role(Role.ADMIN)
def story_delete(request, slug):
    story = get_object_or_404(Story, slug=slug)
    if request.method == "POST":
        deletion.delete_story(story, request.user)
        messages.success(
            request, f"Deleted the story “{story.title}”. An admin can restore it from Deleted."
        )
        return redirect("story_list")
    versions = Version.objects.filter(article__story=story).count()
    return render(
        request,
        "stories/confirm_delete.html",
        {
            "story": story,
            "what": f"the story “{story.title}”",
            "consequence": f"Its {versions} version{'s' if versions != 1 else ''}, quotes and "
            "reviews disappear from every page, comparison and list.",
        },
    )


@require_http_methods(["GET", "POST"])
@require_role(Role.ADMIN)
def version_delete(request, article_id, number):
    version = get_object_or_404(
        Version.objects.defer("text", "raw").select_related("article__story", "article__outlet"),
        article_id=article_id,
        number=number,
    )
    story = version.article.story
    label = f"version {version.number} of {version.article.outlet.name}"
    if request.method == "POST":
        deletion.delete_version(version, request.user)
        messages.success(request, f"Deleted {label}. An admin can restore it from Deleted.")
        return redirect(story)
    return render(
        request,
        "stories/confirm_delete.html",
        {
            "story": story,
            "version": version,
            "what": label,
            "consequence": "It disappears from the story page, its history and every "
            "comparison; the other versions are aligned again without it.",
        },
    )


@require_http_methods(["GET"])
@require_role(Role.ADMIN)
def deleted_list(request):
    stories = (
        Story.all_objects.exclude(deleted_at=None)
        .select_related("deleted_by")
        .annotate(article_count=Count("articles"))
        .order_by("-deleted_at")
    )
    versions = (
        Version.all_objects.exclude(deleted_at=None)
        .filter(article__story__deleted_at=None)
        .defer("text", "raw")
        .select_related("article__story", "article__outlet", "deleted_by")
        .order_by("-deleted_at")
    )
    return render(request, "stories/deleted_list.html", {"stories": stories, "versions": versions})


@require_http_methods(["POST"])
@require_role(Role.ADMIN)
def story_restore(request, story_id):
    story = get_object_or_404(Story.all_objects, pk=story_id)
    deletion.restore_story(story.pk, request.user)
    messages.success(request, f"Restored the story “{story.title}”.")
    return redirect("deleted_list")


@require_http_methods(["POST"])
@require_role(Role.ADMIN)
def version_restore(request, version_id):
    version = get_object_or_404(Version.all_objects.defer("text", "raw"), pk=version_id)
    try:
        version = deletion.restore_version(version.pk, request.user)
    except deletion.RestoreRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request, f"Restored version {version.number} of {version.article.outlet.name}."
        )
    return redirect("deleted_list")
