"""Requests larger than the upload limit are refused before their body is read.

Django reads a body only up to its Content-Length, and a body without one (chunked) is not
read at all, so checking the declared length up front bounds what any request can make the
server hold. The upload page refuses oversized requests itself, with the message on its form
(`shows_size_refusal`); every other view gets a 413 page from this middleware (JSON under /api/).
"""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render

from newsdiff.ingest.document import size_label

# What a form adds to the text or file it carries (field names, boundaries, CSRF token).
FORM_ALLOWANCE = 64 * 1024


def request_limit() -> int:
    return settings.NEWSDIFF_MAX_UPLOAD_BYTES + FORM_ALLOWANCE


def declared_length(request) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


def shows_size_refusal(view):
    """Mark a view that answers an oversized request itself (without reading its body)."""
    view.shows_size_refusal = True
    return view


class RequestSizeLimitMiddleware:
    """Placed before CsrfViewMiddleware, which would read the body to find the token."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if declared_length(request) <= request_limit():
            return None
        if getattr(view_func, "shows_size_refusal", False):
            return None
        if request.path.startswith("/api/"):  # pipelines read JSON, not a page
            from newsdiff.stories.forms import too_large_message

            return JsonResponse({"detail": too_large_message()}, status=413)
        limit = size_label(settings.NEWSDIFF_MAX_UPLOAD_BYTES)
        return render(request, "413.html", {"limit": limit}, status=413)
