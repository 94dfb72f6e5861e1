"""The engine's findings as rows: each version's quotes, each pair of versions' alignment, and
the editors' review decisions, which outlive any recomputation."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from newsdiff.stories.models import Story, Version


class Kind(models.TextChoices):
    EXACT = "exact", "Exact"
    MINOR = "minor", "Minor edit"
    PARTIAL = "partial", "Partial"
    REWORDED = "reworded", "Reworded"


FLAG_LABELS = {
    "number_changed": "Number changed",
    "negation_changed": "Negation changed",
    "entity_changed": "Name changed",
    "hedge_changed": "Hedge changed",
    "speaker_changed": "Different speaker",
    "quoting_changed": "Quote marks moved",
}


class LiveQuotes(models.Manager):
    """Quotes of deleted versions and stories stay stored but are hidden, like their versions."""

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .filter(version__deleted_at=None, version__article__story__deleted_at=None)
        )


class Quote(models.Model):
    """A quotation in a version's text: `text == version.text[start:end]`, marks excluded."""

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="quotes")
    index = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()
    speaker = models.CharField(max_length=300, blank=True)
    # Unified across the whole story: "Kirby" and "John Kirby" share one key.
    speaker_key = models.CharField(max_length=300, blank=True)
    fragment = models.BooleanField(default=False)
    # The normalised words' hash: a review of these words carries over to any version.
    key = models.CharField(max_length=40, db_index=True)

    objects = LiveQuotes()
    all_objects = models.Manager()

    class Meta:
        ordering = ["version_id", "index"]
        constraints = [
            models.UniqueConstraint(fields=["version", "index"], name="quote_index_unique"),
        ]

    def __str__(self) -> str:
        return f"“{self.text[:60]}”"


class Alignment(models.Model):
    """The engine's alignment of two versions of one story (`version_a` the older row).

    `engine` records which engine computed it, so an upgraded engine knows what to redo;
    `paraphrased` holds, per side, unpaired quotes whose words the other text has outside
    quote marks: {"a": {"<quote index>": [start, end] in B's text}, "b": {...}}."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="alignments")
    version_a = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="+")
    version_b = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="+")
    engine = models.CharField(max_length=20)
    computed_at = models.DateTimeField(default=timezone.now)
    paraphrased = models.JSONField(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version_a", "version_b"], name="alignment_unique"),
            models.CheckConstraint(
                condition=Q(version_a__lt=F("version_b")), name="alignment_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.version_a} ↔ {self.version_b}"


class QuotePair(models.Model):
    """Two quotes that are the same statement, and how they differ.

    `spans_a`/`spans_b` are the aligned parts as [start, end] offsets into each version's
    text; `diff` is the engine's word-level segments. `origin` says whether the engine found
    the pair or an editor linked the two quotes by hand."""

    class Origin(models.TextChoices):
        ENGINE = "engine", "Found by newsdiff"
        EDITOR = "editor", "Linked by an editor"

    alignment = models.ForeignKey(Alignment, on_delete=models.CASCADE, related_name="pairs")
    quote_a = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="+")
    quote_b = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    flags = models.JSONField(default=list)
    spans_a = models.JSONField(default=list)
    spans_b = models.JSONField(default=list)
    diff = models.JSONField(default=list)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.ENGINE)

    class Meta:
        ordering = ["quote_a__index", "quote_b__index"]
        constraints = [
            models.UniqueConstraint(
                fields=["alignment", "quote_a", "quote_b"], name="quote_pair_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.score:.0f}: {self.quote_a} ↔ {self.quote_b}"

    @property
    def flag_labels(self) -> list[str]:
        return [FLAG_LABELS.get(f, f) for f in self.flags]


class Review(models.Model):
    """An editor's decision on two quotes, keyed by their words rather than by row, so it holds
    in every alignment of the story where those two texts meet, and survives recomputation.

    `key_low`/`key_high` are the two quotes' keys in sorted order: a decision made while
    comparing B with A applies when comparing A with B."""

    class Decision(models.TextChoices):
        CONFIRMED = "confirmed", "Confirmed"
        REJECTED = "rejected", "Rejected"
        LINKED = "linked", "Linked by hand"

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="reviews")
    key_low = models.CharField(max_length=40)
    key_high = models.CharField(max_length=40)
    decision = models.CharField(max_length=10, choices=Decision.choices, blank=True)
    note = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["story", "key_low", "key_high"], name="review_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_decision_display() or 'Note'} by {self.reviewed_by}"

    @staticmethod
    def keys(key_a: str, key_b: str) -> tuple[str, str]:
        return (key_a, key_b) if key_a <= key_b else (key_b, key_a)
