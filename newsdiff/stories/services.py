"""Stories and versions as rows: every write the views and commands make goes through here.

`add_version` is the one way a text enters the database. It runs in one transaction: the
outlet and article are found or made, a text the article already has is reported instead of
stored, the version gets the next number under a row lock, and `after_version_added` runs on
the new version before anything commits (unless a bulk import asks to align once at the end).
"""

from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from newsdiff.audit.log import record
from newsdiff.ingest import Document
from newsdiff.stories.models import Article, Outlet, Story, Version

_ATTEMPTS = 3


class UploadRejected(ValueError):
    """A version that cannot be added; the message is shown to the person who sent it."""


class DeletedVersionText(UploadRejected):
    """The article already had this exact text, in a version an admin has deleted."""

    def __init__(self, version: "Version"):
        self.version = version
        super().__init__(
            f"This exact text was version {version.number} of {version.article}, which has been "
            "deleted. Nothing was added; an admin can restore that version from the Deleted page."
        )


@dataclass(frozen=True)
class AddedVersion:
    """The outcome of `add_version`: the new version (created) or, when the article already had
    exactly this text, the version that holds it (nothing was stored)."""

    version: Version
    created: bool


def create_story(*, title: str, notes: str = "", created_by=None) -> Story:
    """A new story with a slug no other story has (deleted stories' slugs included)."""
    for _ in range(_ATTEMPTS):
        try:
            with transaction.atomic():
                story = Story.objects.create(
                    title=title, notes=notes, slug=Story.unique_slug(title)
                )
                record(
                    created_by,
                    "story.add",
                    story,
                    story_id=story.pk,
                    summary=f"Created story “{title[:200]}”",
                    after={"title": story.title, "slug": story.slug, "notes": story.notes},
                )
                return story
        except IntegrityError:
            continue  # another story took the same slug between the check and the insert
    raise UploadRejected("Another story took that name at the same moment; please try again.")


def add_version(
    story: Story,
    document: Document,
    *,
    source: str,
    uploaded_by=None,
    uploaded_at: datetime | None = None,
    article: Article | None = None,
    outlet_name: str = "",
    outlet_domain: str = "",
    headline: str = "",
    url: str = "",
    byline: str = "",
    published: date | None = None,
    via: str = "",
    align: bool = True,
) -> AddedVersion:
    """Store `document` as the next version of `article`, or of the outlet's article at `url`
    in `story` (made if missing). Fields left empty are filled from what the document says
    about itself: outlet from its site name or domain, headline from its title, and so on.

    `via` names the channel for the audit log when it is not the web page (an API token).

    With `align=False` the version's quotes and alignments are left to a later `align_story`
    (bulk imports align once, after the last file).

    Raises UploadRejected when the outlet cannot be named or a concurrent upload kept winning
    the race for the next number.
    """
    for _ in range(_ATTEMPTS):
        try:
            with transaction.atomic():
                return _add_version(
                    story,
                    document,
                    source=source,
                    uploaded_by=uploaded_by,
                    uploaded_at=uploaded_at or timezone.now(),
                    article=article,
                    outlet_name=outlet_name,
                    outlet_domain=outlet_domain,
                    headline=headline,
                    url=url,
                    byline=byline,
                    published=published,
                    via=via,
                    align=align,
                )
        except _AlreadyStored as stored:
            return AddedVersion(version=stored.version, created=False)
        except IntegrityError:
            # Only a concurrent upload gets here (the row lock normally prevents it): the
            # unique constraints refused the second row; look again.
            continue
    raise UploadRejected(
        "Another upload to this article happened at the same moment; please try again."
    )


def after_version_added(version: Version) -> None:
    """Extract the new version's quotes and align it with the story.

    A small story (at most NEWSDIFF_INLINE_ALIGNMENTS pairs of versions to align) is aligned
    here, inside add_version's transaction, so a failure stores nothing at all. In a bigger
    one the upload stores only the version's own quotes and its provisional alignment with the
    reference version — what the editor is shown next — and queues the rest for a worker once
    the upload commits (docs/jobs.md)."""
    # quotes and jobs build on stories, not back
    from newsdiff.jobs.services import request_alignment
    from newsdiff.quotes.services import align_new_version, align_story, stale_pair_count

    story = version.article.story
    if stale_pair_count(story) <= settings.NEWSDIFF_INLINE_ALIGNMENTS:
        align_story(story)
        return
    reference = Version.objects.filter(article__story=story).order_by("pk").first()
    align_new_version(version, reference)
    request_alignment(story, user=version.uploaded_by)


class _AlreadyStored(Exception):
    def __init__(self, version: Version):
        self.version = version


def _add_version(
    story,
    document,
    *,
    source,
    uploaded_by,
    uploaded_at,
    article,
    outlet_name,
    outlet_domain,
    headline,
    url,
    byline,
    published,
    via,
    align,
) -> AddedVersion:
    if article is None:
        article = _article_for(story, document, outlet_name, outlet_domain, headline, url)
    elif article.story_id != story.pk:
        raise UploadRejected("That article belongs to another story.")
    # The lock makes concurrent uploads to one article take turns for the next number.
    article = Article.objects.select_for_update().get(pk=article.pk)
    text_hash = Version.hash_text(document.text)
    # Deleted versions included: their text and number stay taken until restored.
    stored = Version.all_objects.filter(article=article, sha256=text_hash).first()
    if stored is not None and stored.deleted_at is not None:
        raise DeletedVersionText(stored)
    if stored is not None:
        raise _AlreadyStored(stored)
    _fill_blank_article_fields(article, headline or document.title, url or document.url)
    number = (Version.all_objects.filter(article=article).aggregate(n=Max("number"))["n"] or 0) + 1
    version = Version(
        article=article,
        number=number,
        text=document.text,
        raw=document.raw,
        content_type=_fit(Version, "content_type", document.content_type),
        filename=_fit(Version, "filename", document.filename),
        source=source,
        source_url=_fit_url(
            Version, "source_url", document.url if source == Version.Source.URL else ""
        ),
        uploaded_by=uploaded_by,
        uploaded_at=uploaded_at,
        title=_fit(Version, "title", document.title),
        byline=_fit(Version, "byline", byline or document.byline),
        published=published or document.published,
        site_name=_fit(Version, "site_name", document.site_name),
    )
    version.save()
    record(
        uploaded_by,
        "version.add",
        version,
        story_id=story.pk,
        summary=f"{article.outlet} v{number} ({source}, {len(document.text):,} characters)"
        + (f" via {via}" if via else ""),
        after={"article": article.pk, "number": number, "sha256": version.sha256, "source": source}
        | ({"via": via} if via else {}),
    )
    if align:
        after_version_added(version)
    return AddedVersion(version=version, created=True)


def _article_for(story, document, outlet_name, outlet_domain, headline, url) -> Article:
    """The outlet's article at this URL in the story: an outlet's successive versions of one
    article share it, and an article without a URL is the outlet's one such article."""
    article_url = url or _fit_url(Article, "url", document.url)
    domain = outlet_domain or _domain(article_url)
    name = (outlet_name or document.site_name or domain).strip()
    if not name:
        raise UploadRejected("Name the outlet: the document does not say which site it comes from.")
    outlet = _outlet(_fit(Outlet, "name", name), _fit(Outlet, "domain", domain))
    # Two uploads creating the same article must not make two: take turns on the story row.
    Story.objects.select_for_update().filter(pk=story.pk).first()
    found = Article.objects.filter(story=story, outlet=outlet, url=article_url).first()
    if found:
        return found
    return Article.objects.create(
        story=story,
        outlet=outlet,
        url=article_url,
        headline=_fit(Article, "headline", headline or document.title),
    )


def _outlet(name: str, domain: str) -> Outlet:
    outlet = Outlet.objects.filter(name__iexact=name).first()
    if outlet is None:
        outlet, _ = Outlet.objects.get_or_create(name=name, defaults={"domain": domain})
    if domain and not outlet.domain:
        outlet.domain = domain
        outlet.save(update_fields=["domain"])
    return outlet


def _fill_blank_article_fields(article: Article, headline: str, url: str) -> None:
    changed = []
    if headline and not article.headline:
        article.headline = _fit(Article, "headline", headline)
        changed.append("headline")
    if url and not article.url and len(url) <= Article._meta.get_field("url").max_length:
        article.url = url
        changed.append("url")
    if changed:
        article.save(update_fields=changed)


def _domain(url: str) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.")


def _fit(model, field: str, value: str) -> str:
    """Document metadata can be longer than a column; PostgreSQL would refuse it, so trim."""
    return (value or "").strip()[: model._meta.get_field(field).max_length]


def _fit_url(model, field: str, value: str) -> str:
    """A URL cut short points somewhere else: keep it whole or not at all."""
    return value if len(value or "") <= model._meta.get_field(field).max_length else ""
