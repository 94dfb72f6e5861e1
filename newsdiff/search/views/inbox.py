"""The inbox: an article for no story yet. newsdiff suggests the stories that share its quotes;
the editor adds it to one of them or starts a new story. Nothing is stored until they choose:
the read document waits in the (database-backed) session, under a token the choice must carry.
"""

import base64
import secrets
from datetime import date

from django.contrib import messages
from django.db import transaction
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from newsdiff.accounts.roles import Role, require_role
from newsdiff.ingest import Document
from newsdiff.search.suggest import suggest_stories
from newsdiff.stories import services
from newsdiff.stories.forms import StoryForm, UploadForm, too_large_message
from newsdiff.stories.models import Outlet, Story
from newsdiff.stories.request_size import declared_length, request_limit, shows_size_refusal
from newsdiff.stories.views.uploads import show_alignment

PENDING = "inbox_pending"
GONE = "That article is no longer waiting to be filed (it was filed or replaced). Send it again."


# CSRF is checked in _inbox after the size check, as for story_upload (see there).
@shows_size_refusal
@csrf_exempt
@require_http_methods(["GET", "POST"])
@require_role(Role.EDITOR)
def inbox_upload(request):
    if request.method == "POST" and declared_length(request) > request_limit():
        form = UploadForm(QueryDict(), story=None, refused=too_large_message())
        return _upload_page(request, form)
    return _inbox(request)


@csrf_protect
def _inbox(request):
    if request.method == "GET":
        return _upload_page(request, UploadForm(story=None))
    if request.POST.get("action") in ("add", "create"):
        return _file(request)
    form = UploadForm(request.POST, request.FILES, story=None)
    if not form.is_valid():
        return _upload_page(request, form)
    pending = _pending(form)
    request.session[PENDING] = pending
    story_form = StoryForm(initial={"title": pending["headline"] or pending["doc"]["title"]})
    return _choice_page(request, pending, story_form)


def _file(request):
    pending = request.session.get(PENDING)
    if not pending or request.POST.get("token") != pending["token"]:
        return _upload_page(request, UploadForm(story=None), GONE)
    story_form = StoryForm(request.POST if request.POST["action"] == "create" else None)
    try:
        with transaction.atomic():
            if request.POST["action"] == "create":
                if not story_form.is_valid():
                    return _choice_page(request, pending, story_form)
                story = services.create_story(
                    title=story_form.cleaned_data["title"], notes=story_form.cleaned_data["notes"]
                )
            else:
                story = Story.objects.filter(slug=request.POST.get("story", "")).first()
                if story is None:
                    return _choice_page(request, pending, story_form, "Choose a story to add to.")
            added = services.add_version(
                story,
                _document(pending["doc"]),
                source=pending["source"],
                uploaded_by=request.user,
                outlet_name=pending["outlet"],
                headline=pending["headline"],
                url=pending["url"],
                byline=pending["byline"],
                published=_date(pending["published"]),
            )
    except services.UploadRejected as rejected:
        return _choice_page(request, pending, story_form, str(rejected))
    del request.session[PENDING]
    version = added.version
    if not added.created:
        messages.info(
            request,
            f"Nothing was added: this exact text is already version {version.number} "
            f"of {version.article}.",
        )
        return redirect("version_text", version.article_id, version.number)
    messages.success(request, f"Added version {version.number} of {version.article} to {story}.")
    return show_alignment(request, story, version)


def _pending(form: UploadForm) -> dict:
    """The read document and the form's fields, as the session can hold them (JSON)."""
    doc, data = form.document, form.cleaned_data
    return {
        "token": secrets.token_urlsafe(16),
        "source": form.source,
        "outlet": data["outlet"],
        "headline": data["headline"],
        "url": data["url"],
        "byline": data["byline"],
        "published": data["published"].isoformat() if data["published"] else "",
        "doc": {
            "text": doc.text,
            "raw": base64.b64encode(doc.raw).decode("ascii"),
            "content_type": doc.content_type,
            "filename": doc.filename,
            "url": doc.url,
            "title": doc.title,
            "byline": doc.byline,
            "published": doc.published.isoformat() if doc.published else "",
            "site_name": doc.site_name,
        },
    }


def _document(doc: dict) -> Document:
    return Document(
        **doc
        | {
            "raw": base64.b64decode(doc["raw"]),
            "published": _date(doc["published"]),
        }
    )


def _date(iso: str) -> date | None:
    return date.fromisoformat(iso) if iso else None


def _upload_page(request, form, error=""):
    outlets = Outlet.objects.values_list("name", flat=True)
    context = {"form": form, "outlets": outlets, "error": error}
    return render(request, "search/inbox_upload.html", context)


def _choice_page(request, pending, story_form, error=""):
    doc = pending["doc"]
    context = {
        "pending": pending,
        "title": pending["headline"] or doc["title"] or doc["filename"] or "The article",
        "outlet": pending["outlet"] or doc["site_name"],
        "suggestions": suggest_stories(doc["text"]),
        "story_form": story_form,
        "error": error,
    }
    return render(request, "search/inbox_choose.html", context)
