"""Two versions of a story side by side: their texts with every quote marked, the pairs with
their word diffs and review state, and the quotes found in only one of them."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from newsdiff.accounts.roles import Role, require_role
from newsdiff.jobs.services import job_status
from newsdiff.quotes.comparison import compare_versions
from newsdiff.quotes.forms import MODES, CompareForm, compare_query, effective_query
from newsdiff.quotes.passage_view import compare_passages
from newsdiff.stories.models import Story, Version


@require_http_methods(["GET"])
@require_role(Role.VIEWER)
def compare(request, slug):
    story = get_object_or_404(Story, slug=slug)
    context = compare_context(story, request.GET)
    if request.htmx and request.htmx.target == "pairs-region":
        return render(request, "quotes/compare.html#pairs", {**context, "oob": True})
    if request.htmx and request.htmx.target == "compare-body":
        return render(request, "quotes/compare.html#compare-body", context)
    return render(request, "quotes/compare.html", context | {"job_status": job_status(story)})


def story_versions(story: Story) -> list[Version]:
    return list(
        Version.objects.filter(article__story=story)
        .defer("text", "raw")
        .select_related("article__outlet")
        .order_by("pk")
    )


def compare_context(story: Story, query, *, focus: str = "") -> dict:
    """Everything the compare template needs for this query; also used to re-render the page
    after a re-link."""
    versions = story_versions(story)
    form = CompareForm(query, versions=versions)
    context = {"story": story, "form": form, "versions": versions, "focus": focus}
    if len(versions) < 2:
        return context
    a, b, filters = form.selection()
    mode = form.chosen_mode
    texts = Version.objects.select_related("article__outlet").defer("raw").in_bulk([a, b])
    if mode == "passages":
        context["passages"] = compare_passages(texts[a], texts[b])
    comparison = compare_versions(story.pk, texts[a], texts[b], filters)
    query = effective_query(a, b, filters, mode)
    swapped = query.copy()
    swapped["a"], swapped["b"] = str(b), str(a)
    return context | {
        "mode": mode,
        "mode_links": [
            (name, label, effective_query(a, b, filters, name).urlencode())
            for name, label in MODES.items()
        ],
        "comparison": comparison,
        "filters": filters,
        "query": query.urlencode(),
        "swap_query": swapped.urlencode(),
        "clear_query": compare_query({"a": a, "b": b}).urlencode(),
        "compare_url": reverse("compare", args=[story.slug]),
    }
