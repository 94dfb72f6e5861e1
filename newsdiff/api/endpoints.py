"""The JSON API for newsroom pipelines (/api/v1/): stories, versions (text, file or URL, through
the same form and service as the web upload), quotes, pairs and the fidelity report.

Viewer tokens read; editor tokens also create stories and add versions."""

from django.core.exceptions import RequestDataTooBig
from django.http import QueryDict
from django.urls import reverse
from ninja import File, Form, NinjaAPI, Status
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.files import UploadedFile

from newsdiff.accounts.roles import Role
from newsdiff.api.auth import TokenAuth, require
from newsdiff.api.docs import viewer_or_token
from newsdiff.api.schemas import (
    AddedOut,
    Error,
    PairOut,
    QuoteOut,
    ReportOut,
    StoryDetailOut,
    StoryIn,
    StoryOut,
    VersionIn,
    VersionMeta,
    VersionOut,
    VersionTextOut,
)
from newsdiff.collation.report import story_report
from newsdiff.exports.story import (
    load_story,
    quote_dict,
    story_dict,
    story_versions,
    version_dict,
)
from newsdiff.quotes.models import Quote
from newsdiff.stories import services
from newsdiff.stories.forms import UploadForm, too_large_message
from newsdiff.stories.models import Story, Version

api = NinjaAPI(
    title="newsdiff API",
    version="1",
    description="Stories, versions, quotes, pairs and fidelity reports. "
    "Authenticate with `Authorization: Bearer <token>` (manage.py create_api_token USER).",
    auth=TokenAuth(),
    urls_namespace="api",
    docs_url=None,
    docs_decorator=viewer_or_token,
)

ERRORS = {400: Error, 401: Error, 403: Error, 404: Error}
UPLOAD_ERRORS = {**ERRORS, 413: Error}


@api.exception_handler(AuthenticationError)
def unauthorised(request, exc):
    response = api.create_response(
        request,
        {"detail": "Send a valid API token: Authorization: Bearer <token>."},
        status=401,
    )
    response["WWW-Authenticate"] = 'Bearer realm="newsdiff"'
    return response


# Where pydantic says an error is: the parameter group and schema name are not the sender's.
_LOCATION_PREFIXES = {"body", "query", "path", "form", "file", "payload", "meta"}


@api.exception_handler(ValidationError)
def invalid(request, exc):
    """A body or query that does not match the schema: 400, like any other bad input, with a
    sentence in `detail` and the messages per field in `errors`."""
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        where = [str(p) for p in error.get("loc", ()) if p not in _LOCATION_PREFIXES]
        errors.setdefault(".".join(where) or "__all__", []).append(error.get("msg", "Invalid."))
    field, messages = next(iter(errors.items()), ("__all__", ["Invalid request."]))
    detail = messages[0] if field == "__all__" else f"{field}: {messages[0]}"
    return api.create_response(request, {"detail": detail, "errors": errors}, status=400)


@api.exception_handler(RequestDataTooBig)
def too_large(request, exc):
    return api.create_response(request, {"detail": too_large_message()}, status=413)


def _story(slug: str) -> Story:
    story = Story.objects.filter(slug=slug).first()
    if story is None:
        raise HttpError(404, f"No story with the slug “{slug}”.")
    return story


def _version(story: Story, version_id: int) -> Version:
    version = (
        Version.objects.filter(pk=version_id, article__story=story)
        .select_related("article__outlet")
        .defer("raw")
        .first()
    )
    if version is None:
        raise HttpError(404, f"Story “{story.slug}” has no version {version_id}.")
    return version


@api.get("/stories", response={200: list[StoryOut], 401: Error, 403: Error}, tags=["stories"])
def list_stories(request):
    require(request, Role.VIEWER)
    return [story_dict(s) for s in Story.objects.all()]


@api.post("/stories", response={201: StoryOut, **UPLOAD_ERRORS}, tags=["stories"])
def create_story(request, payload: StoryIn):
    user = require(request, Role.EDITOR)
    if not payload.title.strip():
        raise HttpError(400, "The title is empty.")
    story = services.create_story(title=payload.title.strip(), notes=payload.notes, created_by=user)
    return Status(201, story_dict(story))


@api.get("/stories/{slug}", response={200: StoryDetailOut, **ERRORS}, tags=["stories"])
def read_story(request, slug: str):
    require(request, Role.VIEWER)
    story = _story(slug)
    versions = story_versions(story, with_text=False)
    return story_dict(story) | {"versions": [version_dict(v, text=False) for v in versions]}


@api.get("/stories/{slug}/versions", response={200: list[VersionOut], **ERRORS}, tags=["versions"])
def list_versions(request, slug: str):
    require(request, Role.VIEWER)
    return [version_dict(v, text=False) for v in story_versions(_story(slug), with_text=False)]


# Before /versions/{version_id}, which would otherwise take "file" for an id.
@api.post(
    "/stories/{slug}/versions/file",
    response={200: AddedOut, 201: AddedOut, **UPLOAD_ERRORS},
    tags=["versions"],
)
def add_version_file(request, slug: str, file: File[UploadedFile], meta: Form[VersionMeta]):
    """The same from a file: .txt, .md, .html, .docx or .pdf (multipart/form-data)."""
    user = require(request, Role.EDITOR)
    return _add(request, _story(slug), user, meta.model_dump(), {"file": file})


@api.get(
    "/stories/{slug}/versions/{version_id}",
    response={200: VersionTextOut, **ERRORS},
    tags=["versions"],
)
def read_version(request, slug: str, version_id: int):
    require(request, Role.VIEWER)
    version = _version(_story(slug), version_id)
    return version_dict(version) | {"quotes": [quote_dict(q) for q in version.quotes.all()]}


@api.post(
    "/stories/{slug}/versions",
    response={200: AddedOut, 201: AddedOut, **UPLOAD_ERRORS},
    tags=["versions"],
)
def add_version(request, slug: str, payload: VersionIn):
    """A new article or a new version of one, from `text`, or from `url` alone (fetched)."""
    user = require(request, Role.EDITOR)
    return _add(request, _story(slug), user, payload.model_dump(), {})


def _add(request, story: Story, user, fields: dict, files: dict):
    """Through the web upload's form and service: the same checks, limits and messages."""
    data = QueryDict(mutable=True)
    for name, value in fields.items():
        if value not in (None, ""):
            data[name] = str(value)
    form = UploadForm(data, files, story=story)
    if not form.is_valid():
        errors = {k: [str(m) for m in v] for k, v in form.errors.items()}
        first = next(iter(form.errors.values()))[0]
        return Status(400, {"detail": first, "errors": errors})
    clean = form.cleaned_data
    try:
        added = services.add_version(
            story,
            form.document,
            source=form.source,
            uploaded_by=user,
            article=clean["article"],
            outlet_name=clean["outlet"],
            headline=clean["headline"],
            url=clean["url"],
            byline=clean["byline"],
            published=clean["published"],
            via=f"API token {request.api_token.prefix}…",
        )
    except services.UploadRejected as rejected:
        raise HttpError(400, str(rejected)) from None
    version = (
        Version.objects.select_related("article__outlet").defer("raw").get(pk=added.version.pk)
    )
    reference = Version.objects.filter(article__story=story).order_by("pk").first()
    compare = None
    if reference is not None and reference.pk != version.pk:
        compare = f"{reverse('compare', args=[story.slug])}?a={reference.pk}&b={version.pk}"
    body = {
        "created": added.created,
        "version": version_dict(version, text=False),
        "quotes": Quote.objects.filter(version=version).count(),
        "compare_url": compare,
    }
    return Status(201 if added.created else 200, body)


@api.get("/stories/{slug}/quotes", response={200: list[QuoteOut], **ERRORS}, tags=["quotes"])
def list_quotes(request, slug: str, version: int | None = None):
    """Every quote of the story, or of one version."""
    require(request, Role.VIEWER)
    story = _story(slug)
    quotes = Quote.objects.filter(version__article__story=story).order_by("version_id", "index")
    if version is not None:
        quotes = quotes.filter(version=_version(story, version))
    return [quote_dict(q) for q in quotes]


@api.get("/stories/{slug}/pairs", response={200: list[PairOut], **ERRORS}, tags=["quotes"])
def list_pairs(request, slug: str, a: int | None = None, b: int | None = None):
    """Every pair of quotes across the story's versions, with word diffs, flags and review;
    with `a` and `b`, only those two versions' pairs."""
    require(request, Role.VIEWER)
    story = _story(slug)
    ids = None
    if (a is None) != (b is None):
        raise HttpError(400, "Give both versions, a and b, or neither.")
    if a is not None:
        ids = [_version(story, a).pk, _version(story, b).pk]
    return load_story(story, with_text=False, version_ids=ids).pair_dicts()


@api.get("/stories/{slug}/report", response={200: ReportOut, **ERRORS}, tags=["report"])
def read_report(request, slug: str):
    """How faithfully each outlet reproduced the reference version's quotes."""
    require(request, Role.VIEWER)
    return story_report(_story(slug)).to_dict()
