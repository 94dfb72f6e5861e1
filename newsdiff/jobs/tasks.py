"""The one task every backend runs: `run_job(job_id, token)` claims the job, keeps its
heartbeat going from a side thread while the work runs, and records the outcome.

The work itself is idempotent (alignment recomputes only what is stale, an import skips files
already done), so a job retried after its worker died simply carries on."""

import logging
import threading
import traceback

from django.conf import settings
from django.db import close_old_connections, connection
from django.tasks import Task

from newsdiff.jobs import services, work
from newsdiff.jobs.models import Job

logger = logging.getLogger(__name__)

HANDLERS = {Job.Kind.ALIGN: work.align, Job.Kind.IMPORT: work.import_files}


def run_job(job_id: int, token: str) -> str:
    close_old_connections()
    job = services.claim(job_id, token)
    if job is None:
        return "skipped: superseded or not waiting"
    beat = _Heartbeat(job)
    beat.start()
    try:
        finished = HANDLERS[job.kind](job, lambda done, total: services.report(job, done, total))
    except services.Superseded:
        return "superseded"
    except Exception as error:  # noqa: BLE001 - recorded on the job, retried or failed
        logger.exception("Job %s failed", job_id)
        services.fail_or_retry(job, _describe(error))
        return "failed"
    finally:
        beat.stop()
    if finished:
        services.finish(job)
        return "done"
    services.continue_later(job)
    return "continued"


# Django's `@task` builds the Task class of the backend configured when this module is first
# imported — django-tasks-rq's is the django-tasks backport's, which the database backend
# refuses. Django's own class, which both backends accept, keeps a process that changes
# backends (the tests do) consistent.
run_job = Task(func=run_job)


class _Heartbeat(threading.Thread):
    """Touches the job's heartbeat every NEWSDIFF_JOB_HEARTBEAT_SECONDS while the work runs,
    even inside one long chunk, so only a dead worker's job ever goes stale."""

    def __init__(self, job: Job):
        super().__init__(daemon=True, name=f"heartbeat-job-{job.pk}")
        self.job = job
        self._stop_event = threading.Event()

    def run(self) -> None:
        try:
            while not self._stop_event.wait(settings.NEWSDIFF_JOB_HEARTBEAT_SECONDS):
                try:
                    services.report(self.job)
                except services.Superseded:
                    return
                except Exception:  # noqa: BLE001 - a busy database: try again next beat
                    logger.warning("Heartbeat of job %s missed", self.job.pk, exc_info=True)
        finally:
            connection.close()

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def _describe(error: Exception) -> str:
    return "".join(traceback.format_exception_only(error)).strip()[:2000]
