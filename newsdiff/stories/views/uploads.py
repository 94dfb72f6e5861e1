"""Adding an article, or a new version of one, to a story."""

from django.contrib import messages
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods
from django_htmx.http import HttpResponseClientRedirect

from newsdiff.accounts.roles import Role, require_role
from newsdiff.jobs.services import job_status
from newsdiff.stories import services
from newsdiff.stories.forms import UploadForm, too_large_message
from newsdiff.stories.models import Outlet, Story, Version
from newsdiff.stories.request_size import declared_length, request_limit, shows_size_refusal


# CSRF is checked in _story_upload, after the size check: the CSRF middleware would read
# (and parse) an oversized body to find the token, and Django would answer 400, not the form.
# Refusing an oversized request without reading it stores nothing, so it needs no token.
@shows_size_refusal
@csrf_exempt
@require_http_methods(["GET", "POST"])
@require_role(Role.EDITOR)
def story_upload(request, slug):
    story = get_object_or_404(Story, slug=slug)
    if (
        request.method == "POST"
        and declared_length(request) > request_limit()
    ):
        form = UploadForm(QueryDict(), story=story, refused=too_large_message())
        return _render(request, story, form)
    return _story_upload(request, story)


@csrf_protect
def _story_upload(request, story):
    if request.method == "GET":
        chosen = request.GET.get("article", "")
        article = story.articles.filter(pk=chosen).first() if chosen.isdigit() else None
        return _render(request, story, UploadForm(story=story, initial={"article": article}))
    form = UploadForm(request.POST, request.FILES, story=story)
    if not form.is_valid():
        return _render(request, story, form)
    data = form.cleaned_data
    try:
        added = services.add_version(
            story,
            form.document,
            source=form.source,
            uploaded_by=request.user,
            article=data["article"],
            outlet_name=data["outlet"],
            headline=data["headline"],
            url=data["url"],
            byline=data["byline"],
            published=data["published"],
        )
    except services.UploadRejected as rejected:
        form.add_error(None, str(rejected))
        return _render(request, story, form)
    version = added.version
    if not added.created:
        form.add_error(
            None,
            f"Nothing was added: this exact text is already stored as version {version.number} "
            f"of {version.article} (added {date_format(localtime(version.uploaded_at), 'j F Y')}).",
        )
        return _render(request, story, form, duplicate=version)
    messages.success(request, f"Added version {version.number} of {version.article}.")
    if job_status(story).active:
        messages.info(
            request,
            "The story’s other versions are being aligned with it in the background; "
            "the story page shows how far that has got.",
        )
    return show_alignment(request, story, version)


def show_alignment(request, story, version):
    """After an upload, the new version compared with the story's reference version (the
    story page when it is the first version); htmx is told to go there too."""
    reference = Version.objects.filter(article__story=story).order_by("pk").first()
    url = story.get_absolute_url()
    if reference is not None and reference.pk != version.pk:
        url = f"{reverse('compare', args=[story.slug])}?a={reference.pk}&b={version.pk}"
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def _render(request, story, form, duplicate=None):
    context = {
        "story": story,
        "form": form,
        "outlets": Outlet.objects.values_list("name", flat=True),
        "duplicate": duplicate,
    }
    template = (
        "stories/story_upload.html#upload-form" if request.htmx else "stories/story_upload.html"
    )
    return render(request, template, context)

