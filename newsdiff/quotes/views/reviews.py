"""Editors' review of pairs: confirm, reject, note (each updates its row in place with htmx, or
redirects back to the same comparison without JavaScript) and re-linking a quote."""

import re

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django_htmx.http import reswap, retarget

from newsdiff.accounts.roles import Role, require_role
from newsdiff.quotes import reviews
from newsdiff.quotes.comparison import pair_view
from newsdiff.quotes.forms import NoteForm, RelinkForm, compare_query
from newsdiff.quotes.models import Alignment, Quote, QuotePair
from newsdiff.quotes.views.compare import compare_context
from newsdiff.stories.models import Story

SLOT = re.compile(r"[a-z0-9-]{1,40}")


@require_http_methods(["POST"])
@require_role(Role.EDITOR)
def pair_confirm(request, slug, pair_id):
    return _review(request, slug, pair_id, lambda pair: reviews.confirm(pair, request.user))


@require_http_methods(["POST"])
@require_role(Role.EDITOR)
def pair_reject(request, slug, pair_id):
    return _review(request, slug, pair_id, lambda pair: reviews.reject(pair, request.user))


@require_http_methods(["POST"])
@require_role(Role.EDITOR)
def pair_note(request, slug, pair_id):
    form = NoteForm(request.POST)

    def save(pair):
        if not form.is_valid():
            raise reviews.ReviewRefused(" ".join(form.errors["note"]))
        reviews.save_note(pair, request.user, form.cleaned_data["note"])

    return _review(request, slug, pair_id, save)


def _review(request, slug, pair_id, action):
    story = get_object_or_404(Story, slug=slug)
    pair = get_object_or_404(
        QuotePair.objects.select_related("alignment", "quote_a", "quote_b"),
        pk=pair_id,
        alignment__story=story,
    )
    back = compare_query(request.POST.get("back", ""))
    error = ""
    try:
        action(pair)
    except reviews.ReviewRefused as refused:
        error = str(refused)
    if not request.htmx:
        if error:
            messages.error(request, error)
        return redirect(_compare_url(story, back, f"pair-{pair_id}"))
    context = {"story": story, "query": back.urlencode(), "row_error": error, "pair_id": pair_id}
    pair = (
        QuotePair.objects.select_related("alignment", "quote_a", "quote_b")
        .filter(pk=pair_id)
        .first()
    )
    if pair is None:  # an editor's link, unlinked
        return render(request, "quotes/compare.html#pair-removed", context)
    context["pv"] = pair_view(story.pk, pair, _int(back.get("a")))
    return render(request, "quotes/compare.html#pair-row", context)


@require_http_methods(["GET", "POST"])
@require_role(Role.EDITOR)
def relink(request, slug):
    """Choose another counterpart for a quote, from the other version's quotes, most similar
    first. GET shows the choice (a page, or a fragment for htmx); POST makes the link."""
    story = get_object_or_404(Story, slug=slug)
    source = request.POST if request.method == "POST" else request.GET
    back = compare_query(source.get("back", "") if request.method == "POST" else source)
    quote_id = _int(source.get("quote"))
    if quote_id is None:
        raise Http404("No quote given.")
    quote = get_object_or_404(
        Quote.objects.select_related("version__article__outlet", "version__article__story"),
        pk=quote_id,
        version__article__story=story,
    )
    a, b = _int(back.get("a")), _int(back.get("b"))
    other_id = b if quote.version_id == a else a if quote.version_id == b else None
    if other_id is None:
        raise Http404("That quote is not in the versions being compared.")
    others = list(
        Quote.objects.filter(version_id=other_id).select_related("version__article__outlet")
    )
    ranked = reviews.candidates(quote, others)
    form = RelinkForm(request.POST if request.method == "POST" else None, candidates=ranked)
    if request.method == "POST" and form.is_valid():
        counterpart = next(q for q in others if q.pk == form.cleaned_data["counterpart"])
        try:
            pair = reviews.relink(quote, counterpart, request.user)
        except reviews.ReviewRefused as refused:
            form.add_error(None, str(refused))
        else:
            if not request.htmx:
                messages.success(
                    request,
                    "Linked. The engine's earlier pairs for that quote are marked rejected.",
                )
                return redirect(_compare_url(story, back, f"pair-{pair.pk}"))
            context = compare_context(story, back, focus=f"pair-{pair.pk}")
            response = render(request, "quotes/compare.html#compare-body", context)
            response["HX-Push-Url"] = _compare_url(story, back)
            return response
    context = {
        "story": story,
        "quote": quote,
        "form": form,
        "ranked": ranked,
        "current": _current_counterparts(quote, other_id),
        "other_version": others[0].version if others else None,
        "back": back.urlencode(),
        "compare_url": _compare_url(
            story, back, f"q{'a' if quote.version_id == a else 'b'}-{quote.index}"
        ),
    }
    if not request.htmx:
        return render(request, "quotes/relink.html", context)
    # The form sits in a slot of the compare page; a refused POST shows it there again.
    slot = source.get("slot") if request.method == "POST" else request.htmx.target
    context["slot"] = slot if slot and SLOT.fullmatch(slot) else ""
    response = render(request, "quotes/relink.html#relink-form", context)
    if request.method == "POST" and context["slot"]:
        response = reswap(retarget(response, f"#{context['slot']}"), "innerHTML")
    return response


def _current_counterparts(quote: Quote, other_id: int) -> set[int]:
    low, high = sorted((quote.version_id, other_id))
    pairs = QuotePair.objects.filter(
        alignment__in=Alignment.objects.filter(version_a_id=low, version_b_id=high)
    )
    return {
        p.quote_b_id if p.quote_a_id == quote.pk else p.quote_a_id
        for p in pairs.filter(quote_a=quote) | pairs.filter(quote_b=quote)
    }


def _compare_url(story: Story, query, fragment: str = "") -> str:
    url = reverse("compare", args=[story.slug])
    if query:
        url += "?" + query.urlencode()
    return url + (f"#{fragment}" if fragment else "")


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
