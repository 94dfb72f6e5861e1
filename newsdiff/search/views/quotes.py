"""Quote search: the search box's results, and "where else does this quote appear?"."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from newsdiff.accounts.roles import Role, require_role
from newsdiff.quotes.models import Quote
from newsdiff.search.finder import load, rank_quotes

PER_PAGE = 20
MAX_QUERY = 2000  # characters: a quote, not an article


@require_http_methods(["GET"])
@require_role(Role.VIEWER)
def quote_search(request):
    query = request.GET.get("q", "").strip()
    error = ""
    if len(query) > MAX_QUERY:
        error = f"That is longer than a quote: search with at most {MAX_QUERY:,} characters."
        query = query[:MAX_QUERY]
    hits = rank_quotes(query) if query and not error else []
    page_url = f"?{urlencode({'q': query})}&" if query else "?"
    context = {"query": query, "error": error, **_page(request, hits, query, page_url)}
    template = "search/quote_search.html#results" if request.htmx else "search/quote_search.html"
    return render(request, template, context)


@require_http_methods(["GET"])
@require_role(Role.VIEWER)
def quote_elsewhere(request, quote_id):
    quote = get_object_or_404(
        Quote.objects.select_related("version__article__story", "version__article__outlet"),
        pk=quote_id,
        version__deleted_at=None,
        version__article__story__deleted_at=None,
    )
    hits = rank_quotes(quote.text, exclude=quote.pk)
    context = {"quote": quote, "query": quote.text, **_page(request, hits, quote.text, "?")}
    template = (
        "search/quote_elsewhere.html#results" if request.htmx else "search/quote_elsewhere.html"
    )
    return render(request, template, context)


def _page(request, hits, query, page_url) -> dict:
    page = Paginator(hits, PER_PAGE).get_page(request.GET.get("page"))
    load(page.object_list, query)
    return {"page": page, "hit_count": len(hits), "page_url": page_url}
