"""Background work as rows: what a job is doing, how far it got, and whether its worker is
still alive — kept here rather than in the task backend, so progress and retries work the
same on the database queue and on Redis."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from newsdiff.stories.models import Story


class Job(models.Model):
    """One piece of background work on a story.

    `token` fences runs: each time the job is queued it gets a new token, and a run whose
    token is no longer the job's (a retry replaced it) stops at its next heartbeat, so two
    workers never carry on with one job."""

    class Kind(models.TextChoices):
        ALIGN = "align", "Aligning versions"
        IMPORT = "import", "Importing files"

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting for a worker"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    kind = models.CharField(max_length=10, choices=Kind.choices)
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="jobs")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    token = models.CharField(max_length=32, blank=True)
    # The backend's id for the queued task; empty while the enqueue has not happened.
    task_id = models.CharField(max_length=64, blank=True)
    heartbeat = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["status", "heartbeat"], name="job_status_heartbeat")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.story} ({self.status} {self.done}/{self.total})"

    @property
    def active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


class ImportFile(models.Model):
    """A file waiting in a bulk import: the bytes travel in the database, so any worker on
    any machine can import it. `done` marks files already imported, so a retried import
    carries on where its worker stopped."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=255)
    data = models.BinaryField()
    outlet = models.CharField(max_length=200, blank=True)
    done = models.BooleanField(default=False)
    outcome = models.TextField(blank=True)

    class Meta:
        ordering = ["job_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["job", "position"], name="import_file_position"),
        ]
