"""Pages over many versions at once: the quote matrix, the fidelity reports, and editors'
provenance corrections (posted from the story page, which shows the provenance graph)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from newsdiff.accounts.roles import Role, require_role
from newsdiff.collation.forms import MatrixForm, OriginalForm, ParentForm
from newsdiff.collation.matrix import SORTS, story_matrix
from newsdiff.collation.provenance import (
    ProvenanceRefused,
    correct_parent,
    mark_original,
    story_versions,
)
from newsdiff.collation.report import LABELS, fidelity_report, story_report
from newsdiff.engine.fidelity import CATEGORIES, OVERLAYS
from newsdiff.stories.models import Story
from newsdiff.stories.views.stories import story_detail_context

COLUMNS = [(n, LABELS[n]) for n in CATEGORIES + OVERLAYS]


@require_http_methods(["GET"])
@require_role(Role.VIEWER)
def matrix(request, slug):
    story = get_object_or_404(Story, slug=slug)
    form = MatrixForm(request.GET, versions=story_versions([story.pk])[story.pk])
    sort, reference = form.selection()
    found = story_matrix(story, sort=sort, reference=reference)
    return render(
        request,
        "collation/matrix.html",
        {"story": story, "matrix": found, "form": form, "sorts": SORTS,
         "bad_query": bool(request.GET) and not form.is_valid()},
    )


@require_http_methods(["GET"])
@require_role(Role.VIEWER)
def report(request, slug):
    story = get_object_or_404(Story, slug=slug)
    return render(
        request,
        "collation/story_report.html",
        {"story": story, "report": story_report(story), "columns": COLUMNS},
    )


@require_http_methods(["GET"])
@require_role(Role.VIEWER)
def fidelity(request):
    return render(
        request,
        "collation/fidelity_report.html",
        {"report": fidelity_report(), "columns": COLUMNS},
    )


@require_http_methods(["POST"])
@require_role(Role.EDITOR)
def provenance_correct(request, slug):
    story = get_object_or_404(Story, slug=slug)
    form = ParentForm(request.POST, versions=story_versions([story.pk])[story.pk])
    if not form.is_valid():
        return _refused(request, story, "Choose a version of this story and its parent.")
    version, parent, reset = form.chosen()
    try:
        correct_parent(story, version, parent, request.user, reset=reset)
    except ProvenanceRefused as refusal:
        return _refused(request, story, str(refusal))
    messages.success(request, "Provenance updated.")
    return redirect(f"{story.get_absolute_url()}#provenance-title")


@require_http_methods(["POST"])
@require_role(Role.EDITOR)
def original(request, slug):
    story = get_object_or_404(Story, slug=slug)
    form = OriginalForm(request.POST, versions=story_versions([story.pk])[story.pk])
    if not form.is_valid():
        return _refused(request, story, "Choose a version of this story.")
    try:
        mark_original(story, form.chosen(), request.user)
    except ProvenanceRefused as refusal:
        return _refused(request, story, str(refusal))
    messages.success(request, "Original updated: the matrix and reports now compare with it.")
    return redirect(f"{story.get_absolute_url()}#provenance-title")


def _refused(request, story, message: str):
    """Nothing changed: say why, on the story page, with a 400."""
    messages.error(request, message)
    context = story_detail_context(request, story)
    return render(request, "stories/story_detail.html", context, status=400)
