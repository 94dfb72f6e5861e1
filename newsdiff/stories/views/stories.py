"""The story list (where stories are created) and one story with its articles and versions."""

from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from newsdiff.accounts.roles import Role, require_role

from newsdiff.stories import services
from newsdiff.stories.forms import StoryForm
from newsdiff.stories.models import Article, Story, Version


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
            title=form.cleaned_data["title"], notes=form.cleaned_data["notes"]
        )
        return redirect(story)
    return _story_list(request, form)


def _story_list(request, form):
    stories = Story.objects.annotate(article_count=Count("articles"))
    template = "stories/story_list.html#new-story" if request.htmx else "stories/story_list.html"
    return render(request, template, {"stories": stories, "form": form})


@require_http_methods(["GET"])
@require_role(Role.VIEWER)
def story_detail(request, slug):
    versions = Version.objects.defer("text", "raw").select_related("uploaded_by")
    articles = Article.objects.select_related("outlet").prefetch_related(
        Prefetch("versions", queryset=versions)
    )
    story = get_object_or_404(
        Story.objects.prefetch_related(Prefetch("articles", queryset=articles)), slug=slug
    )
    return render(request, "stories/story_detail.html", {"story": story})
