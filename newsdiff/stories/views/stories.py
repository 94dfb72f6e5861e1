"""The story list (where stories are created) and one story with its articles and versions."""

from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods
from django_htmx.http import HttpResponseClientRedirect

from newsdiff.accounts.roles import Role, has_role, require_role
from newsdiff.collation.forms import OriginalForm, ParentForm
from newsdiff.collation.provenance import story_provenance
from newsdiff.jobs.services import job_status
from newsdiff.quotes.overview import story_overview
from newsdiff.stories import services
from newsdiff.stories.forms import StoryForm, UploadForm
from newsdiff.stories.models import Outlet, Story


@require_http_methods(["GET", "POST"])
@require_role(Role.VIEWER)
def story_list(request):
    if request.method == "POST":
        return _create_story(request)
    return _story_list(request, StoryForm())


@require_role(Role.EDITOR)
def _create_story(request):
    form = StoryForm(request.POST)
    if form.is_valid():
        story = services.create_story(
            title=form.cleaned_data["title"],
            notes=form.cleaned_data["notes"],
            created_by=request.user,
        )
        if request.htmx:
            return HttpResponseClientRedirect(story.get_absolute_url())
        return redirect(story)
    return _story_list(request, form)


def _story_list(request, form):
    stories = Story.objects.annotate(article_count=Count("articles"))
    template = "stories/story_list.html#new-story" if request.htmx else "stories/story_list.html"
    return render(request, template, {"stories": stories, "form": form})


@require_http_methods(["GET"])
@require_role(Role.VIEWER)
def story_detail(request, slug):
    """The story's outlets and versions, counted against the reference version, with the
    upload form inline for editors."""
    story = get_object_or_404(Story, slug=slug)
    return render(request, "stories/story_detail.html", story_detail_context(request, story))


def story_detail_context(request, story: Story) -> dict:
    """The story page's context; also used to show it again with a refused correction."""
    provenance = story_provenance(story)
    context = {
        "story": story,
        "overview": story_overview(story, provenance.reference),
        "provenance": provenance,
        "job_status": job_status(story),
    }
    if has_role(request.user, Role.EDITOR):
        context |= {
            "form": UploadForm(story=story),
            "outlets": Outlet.objects.values_list("name", flat=True),
            "parent_form": ParentForm(versions=provenance.versions, auto_id="parent_%s"),
            "original_form": OriginalForm(
                initial={"version": provenance.original.version_id if provenance.original else ""},
                versions=provenance.versions,
                auto_id="original_%s",
            ),
        }
    return context
