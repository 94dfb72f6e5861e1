"""A story's data to take away: JSON, CSV, and a page made for printing."""

from collections import Counter

from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from newsdiff.accounts.roles import Role, require_role
from newsdiff.collation.report import story_report
from newsdiff.exports.story import load_story, story_export
from newsdiff.exports.table import pairs_csv
from newsdiff.stories.models import Story


@require_http_methods(["GET"])
@require_role(Role.VIEWER)
def story_export_json(request, slug):
    story = get_object_or_404(Story, slug=slug)
    response = JsonResponse(story_export(story), json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="{story.slug}.json"'
    return response


@require_http_methods(["GET"])
@require_role(Role.VIEWER)
def story_export_csv(request, slug):
    story = get_object_or_404(Story, slug=slug)
    # A byte-order mark so spreadsheet programs read the file as UTF-8.
    body = "\ufeff" + pairs_csv(load_story(story, with_text=False))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{story.slug}-pairs.csv"'
    return response


@require_http_methods(["GET"])
@require_role(Role.VIEWER)
def story_print(request, slug):
    story = get_object_or_404(Story, slug=slug)
    data = load_story(story, with_text=False)
    counts = Counter(q.version_id for q in data.quotes)
    for v in data.versions:
        v.quote_count = counts[v.pk]
    versions = {v.pk: v for v in data.versions}
    pairs = [
        p | {"a": versions[p["version_a"]], "b": versions[p["version_b"]]}
        for p in data.pair_dicts()
    ]
    context = {"story": story, "data": data, "pairs": pairs, "report": story_report(story)}
    return render(request, "exports/story_print.html", context)
