"""Starting, claiming, reporting and rescuing jobs. Every state change is a conditional update
on the job's row keyed by its token, so a stale run, a second watchdog or a late enqueue can
never overwrite a newer one."""

import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from itertools import batched

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from newsdiff.jobs.models import ImportFile, Job
from newsdiff.stories.models import Story

logger = logging.getLogger(__name__)


class Superseded(Exception):
    """This run's token is no longer the job's: a retry took the job over."""


def request_alignment(story: Story, *, user=None) -> Job:
    """An alignment job for the story, queued after the current transaction commits. A job
    still waiting for a worker is reused: when it starts it sees every version there is."""
    with transaction.atomic():
        waiting = (
            Job.objects.select_for_update()
            .filter(story=story, kind=Job.Kind.ALIGN, status=Job.Status.QUEUED)
            .first()
        )
        if waiting is not None:
            return waiting
        job = Job.objects.create(kind=Job.Kind.ALIGN, story=story, created_by=user)
        dispatch(job)
        return job


def start_import(
    story: Story, files: Iterable[tuple[str, bytes]], *, outlet: str = "", user=None
) -> Job:
    """A bulk-import job holding these (name, bytes) files in order, queued on commit. The
    files are stored a hundred at a time, so thousands never sit in memory at once."""
    with transaction.atomic():
        job = Job.objects.create(kind=Job.Kind.IMPORT, story=story, created_by=user)
        count = 0
        for batch in batched(files, 100):
            ImportFile.objects.bulk_create(
                [
                    ImportFile(
                        job=job, position=count + n, name=name[:255], data=data, outlet=outlet
                    )
                    for n, (name, data) in enumerate(batch)
                ]
            )
            count += len(batch)
        job.total = count
        job.save(update_fields=["total"])
        dispatch(job)
        return job


def dispatch(job: Job) -> None:
    """Give the job a new token and queue a task for it once the transaction commits."""
    job.token = uuid.uuid4().hex
    job.status, job.task_id, job.heartbeat = Job.Status.QUEUED, "", timezone.now()
    job.save(update_fields=["token", "status", "task_id", "heartbeat"])
    token = job.token
    transaction.on_commit(lambda: _enqueue(job.pk, token))


def _enqueue(job_id: int, token: str) -> None:
    from newsdiff.jobs.tasks import run_job  # the task module imports the handlers

    try:
        result = run_job.enqueue(job_id, token)
    except Exception:  # noqa: BLE001 - the broker being down must not fail the upload
        # The job stays queued without a task id; a worker's watchdog queues it again.
        logger.exception("Could not queue job %s; a watchdog will retry", job_id)
        return
    Job.objects.filter(pk=job_id, token=token).update(task_id=str(result.id)[:64])


def claim(job_id: int, token: str) -> Job | None:
    """Mark the job running for this run, or None when the token is stale or the job is not
    waiting (another run has it, or it finished)."""
    claimed = Job.objects.filter(pk=job_id, token=token, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING, attempts=F("attempts") + 1, heartbeat=timezone.now()
    )
    return Job.objects.get(pk=job_id) if claimed else None


def report(job: Job, done: int | None = None, total: int | None = None) -> None:
    """Progress and a heartbeat; raises Superseded when the job was taken over."""
    fields = {"heartbeat": timezone.now()}
    if done is not None:
        fields["done"] = done
    if total is not None:
        fields["total"] = total
    if not Job.objects.filter(pk=job.pk, token=job.token).update(**fields):
        raise Superseded(job.pk)


def finish(job: Job) -> None:
    Job.objects.filter(pk=job.pk, token=job.token).update(
        status=Job.Status.DONE, finished_at=timezone.now(), heartbeat=timezone.now(), error=""
    )


def continue_later(job: Job) -> None:
    """Queue the job's next chunk as a new task, so other work gets a worker in between."""
    with transaction.atomic():
        fresh = Job.objects.select_for_update().filter(pk=job.pk, token=job.token).first()
        if fresh is None:
            raise Superseded(job.pk)
        fresh.attempts = 0
        fresh.save(update_fields=["attempts"])
        dispatch(fresh)


def fail_or_retry(job: Job, error: str) -> None:
    """After an exception: queue the job again unless it has used up its attempts."""
    with transaction.atomic():
        fresh = Job.objects.select_for_update().filter(pk=job.pk, token=job.token).first()
        if fresh is None:
            return
        fresh.error = error
        if fresh.attempts >= settings.NEWSDIFF_JOB_MAX_ATTEMPTS:
            fresh.status, fresh.finished_at = Job.Status.FAILED, timezone.now()
            fresh.save(update_fields=["error", "status", "finished_at"])
            return
        fresh.save(update_fields=["error"])
        dispatch(fresh)


def requeue_stale(now=None) -> list[int]:
    """Queue again the jobs whose worker died: running with a silent heartbeat, or waiting
    with no task because the enqueue failed. Returns their ids. Safe to run from every
    worker at once: each job is taken by one conditional update."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.NEWSDIFF_JOB_STALE_SECONDS)
    lost = list(
        Job.objects.filter(status=Job.Status.RUNNING, heartbeat__lt=cutoff).values_list(
            "pk", "token", "attempts"
        )
    ) + list(
        Job.objects.filter(status=Job.Status.QUEUED, task_id="", heartbeat__lt=cutoff).values_list(
            "pk", "token", "attempts"
        )
    )
    requeued = []
    for pk, token, attempts in lost:
        with transaction.atomic():
            job = Job.objects.select_for_update().filter(pk=pk, token=token).first()
            if job is None or job.heartbeat is None or job.heartbeat >= cutoff:
                continue
            if attempts >= settings.NEWSDIFF_JOB_MAX_ATTEMPTS:
                job.status, job.finished_at = Job.Status.FAILED, now
                job.error = f"Its worker stopped {attempts} times; not retried again."
                job.save(update_fields=["status", "finished_at", "error"])
                continue
            logger.warning("Job %s lost its worker; queued again", pk)
            dispatch(job)
            requeued.append(pk)
    return requeued


@dataclass
class JobStatus:
    """What the story page says about background work: jobs still active, failures since the
    last success, and (for a poll) whether everything has just finished."""

    active: list[Job]
    failed: list[Job]
    polled: bool = False

    @property
    def finished(self) -> bool:
        return self.polled and not self.active


def job_status(story: Story, *, polled: bool = False) -> JobStatus:
    """In one query: the story's active jobs, and its failed ones newer than its last success."""
    last_done = (
        Job.objects.filter(story=story, status=Job.Status.DONE).order_by("-pk").values("pk")[:1]
    )
    jobs = list(
        Job.objects.filter(story=story)
        .filter(
            Q(status__in=Job.ACTIVE)
            | Q(status=Job.Status.FAILED, pk__gt=Coalesce(Subquery(last_done), 0))
        )
        .order_by("pk")
    )
    return JobStatus(
        [j for j in jobs if j.active], [j for j in jobs if j.status == Job.Status.FAILED], polled
    )
