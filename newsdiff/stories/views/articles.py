"""An article's history: its versions, each version's stored text, and the original upload."""

import mimetypes

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods

from newsdiff.accounts.roles import Role, require_role
from newsdiff.quotes import history
from newsdiff.stories.models import Article, Version


@require_http_methods(["GET"])
@require_role(Role.VIEWER)
def article_history(request, article_id):
    """The article's versions, newest first, each with the word-level diff from the version
    before it and the quotes that changed between the two."""
    article = get_object_or_404(Article.objects.select_related("story", "outlet"), pk=article_id)
    return render(
        request,
        "stories/article_history.html",
        {"article": article, "entries": history.article_history(article)},
    )


@require_http_methods(["GET"])
@require_role(Role.VIEWER)
def version_text(request, article_id, number):
    version = get_object_or_404(
        Version.objects.defer("raw").select_related(
            "article__story", "article__outlet", "uploaded_by"
        ),
        article_id=article_id,
        number=number,
    )
    return render(
        request, "stories/version_text.html", {"version": version, "article": version.article}
    )


@require_http_methods(["GET"])
@require_role(Role.VIEWER)
def version_raw(request, article_id, number):
    """The bytes exactly as received, as a download: never rendered as a page of our own, since
    an uploaded HTML file could carry script."""
    version = get_object_or_404(
        Version.objects.select_related("article__outlet"), article_id=article_id, number=number
    )
    content_type = version.content_type or "application/octet-stream"
    response = HttpResponse(bytes(version.raw), content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        True, _download_name(version, content_type)
    )
    response["Content-Security-Policy"] = "sandbox"
    return response


def _download_name(version: Version, content_type: str) -> str:
    if version.filename:
        return version.filename
    media_type = content_type.split(";")[0].strip()
    extension = (
        {"text/plain": ".txt", "text/html": ".html"}.get(media_type)
        or mimetypes.guess_extension(media_type)
        or ""
    )
    return f"{slugify(version.article.outlet.name) or 'article'}-v{version.number}{extension}"
