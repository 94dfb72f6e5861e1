"""A story's background work as a status block: the story page includes it and, while a job
is active, htmx polls this view for a fresh copy; without JavaScript it is a page to reload."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from newsdiff.accounts.roles import Role, require_role
from newsdiff.jobs.services import job_status
from newsdiff.stories.models import Story


@require_http_methods(["GET"])
@require_role(Role.VIEWER)
def story_jobs(request, slug):
    story = get_object_or_404(Story, slug=slug)
    context = {"story": story, "job_status": job_status(story, polled=True)}
    template = "jobs/story_jobs.html#job-progress" if request.htmx else "jobs/story_jobs.html"
    return render(request, template, context)
