"""Provenance as rows: which version each version derives from, and the version an editor
marked as the story's original. Both steer the reference the matrix and reports compare with."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from newsdiff.stories.models import Story, Version


class SetBy(models.TextChoices):
    ENGINE = "engine", "newsdiff"
    EDITOR = "editor", "an editor"


class Derivation(models.Model):
    """`derived_from` None: the version is an original. Rows set by the engine are recomputed
    after every alignment of the story; a row an editor set is kept until an editor resets it.
    `evidence` holds the engine's shares for the chosen parent (empty for an original)."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="derivations")
    version = models.OneToOneField(Version, on_delete=models.CASCADE, related_name="derivation")
    derived_from = models.ForeignKey(
        Version, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    confidence = models.FloatField(default=1.0)
    evidence = models.JSONField(default=dict, blank=True)
    set_by = models.CharField(max_length=10, choices=SetBy.choices, default=SetBy.ENGINE)
    set_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    set_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["story_id", "version_id"]

    def __str__(self) -> str:
        return f"{self.version_id} ← {self.derived_from_id or 'original'}"


class Original(models.Model):
    """The version an editor marked as the story's original: the reference for the matrix and
    the fidelity report, whatever provenance says."""

    story = models.OneToOneField(Story, on_delete=models.CASCADE, related_name="original")
    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="+")
    set_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    set_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.story_id}: original {self.version_id}"
