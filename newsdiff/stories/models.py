"""Stories, the outlets that ran them, their articles, and each article's immutable versions."""

import hashlib

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify


class Outlet(models.Model):
    name = models.CharField(max_length=200, unique=True)
    domain = models.CharField(max_length=253, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LiveStories(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(deleted_at=None)


class LiveArticles(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(story__deleted_at=None)


class LiveVersions(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(deleted_at=None, article__story__deleted_at=None)


class Story(models.Model):
    """A deleted story keeps its rows (`deleted_at` set) until an admin restores it: the default
    manager hides it, and everything in it, from every page; `all_objects` still sees it."""

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=120, unique=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    deleted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = LiveStories()
    all_objects = models.Manager()

    class Meta:
        ordering = ["-created_at", "title"]
        verbose_name_plural = "stories"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("story_detail", args=[self.slug])

    @staticmethod
    def unique_slug(title: str) -> str:
        """A slug for `title` that no story has yet: "kirby-briefing", "kirby-briefing-2", ..."""
        base = slugify(title)[:100] or "story"
        slug, n = base, 1
        while Story.all_objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug


class Article(models.Model):
    """One outlet's article within a story; its text lives in its versions."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="articles")
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="articles")
    url = models.URLField(max_length=2000, blank=True)
    headline = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = LiveArticles()
    all_objects = models.Manager()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.outlet}: {self.headline or self.url or self.story}"

    def get_absolute_url(self) -> str:
        return reverse("article_history", args=[self.pk])


class ImmutableVersionError(Exception):
    """A stored version was about to be changed; versions are only ever added."""


class Version(models.Model):
    """One text of an article, exactly as received. Never edited, never overwritten:
    every quote offset and every review points into `text`. Deleting one only marks it
    (`deleted_at`, set by a queryset update, outside `save`): the default manager then hides it,
    and an admin can restore it."""

    class Source(models.TextChoices):
        PASTE = "paste", "Pasted text"
        FILE = "file", "Uploaded file"
        URL = "url", "Fetched from URL"
        IMPORT = "import", "Bulk import"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.TextField()
    sha256 = models.CharField(max_length=64)
    raw = models.BinaryField()
    content_type = models.CharField(max_length=200, blank=True)
    filename = models.CharField(max_length=255, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices)
    source_url = models.URLField(max_length=2000, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    # Metadata found in the document itself.
    title = models.CharField(max_length=500, blank=True)
    byline = models.CharField(max_length=500, blank=True)
    published = models.DateField(null=True, blank=True)
    site_name = models.CharField(max_length=200, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = LiveVersions()
    all_objects = models.Manager()

    class Meta:
        ordering = ["article_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="version_number_unique"),
            models.UniqueConstraint(fields=["article", "sha256"], name="version_text_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.article.outlet} v{self.number}"

    @staticmethod
    def hash_text(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableVersionError(f"version {self.pk} is stored and cannot change")
        self.sha256 = self.hash_text(self.text)
        super().save(*args, **kwargs)
