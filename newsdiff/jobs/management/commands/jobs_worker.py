"""Run background jobs on this machine: the configured backend's worker (NEWSDIFF_TASKS=db:
django-tasks-db's `db_worker`; rq: django-rq's `rqworker`) with a watchdog thread that queues
again any job whose worker died mid-task. Start as many as you like, on as many machines as
share the database (and Redis); see docs/jobs.md."""

import logging
import threading

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from newsdiff.jobs.services import requeue_stale

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run background jobs (alignment, bulk imports), retrying those of dead workers."

    def add_arguments(self, parser):
        parser.add_argument(
            "--burst", action="store_true", help="Exit once no task is waiting (for scripts)."
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds between looks for new tasks on the database queue (default 1).",
        )

    def handle(self, *args, burst, interval, verbosity, **options):
        backend = settings.NEWSDIFF_TASKS
        if backend == "immediate":
            raise CommandError(
                "NEWSDIFF_TASKS=immediate runs every task in the process that queued it; "
                "there is nothing for a worker to do."
            )
        requeue_stale()
        connection.close()  # the RQ worker forks: no connection may be shared with a child
        if not burst:
            _Watchdog().start()
        if backend == "db":
            call_command(
                "db_worker",
                interval=interval,
                batch=burst,
                reload=False,
                startup_delay=False,
                verbosity=verbosity,
            )
        else:
            call_command(
                "rqworker",
                "default",
                job_class="django_tasks_rq.Job",
                burst=burst,
                verbosity=verbosity,
            )


class _Watchdog(threading.Thread):
    """Every quarter of NEWSDIFF_JOB_STALE_SECONDS, re-queue jobs whose heartbeat went silent."""

    def __init__(self):
        super().__init__(daemon=True, name="jobs-watchdog")

    def run(self) -> None:
        every = max(settings.NEWSDIFF_JOB_STALE_SECONDS / 4, 0.5)
        stop = threading.Event()
        while not stop.wait(every):
            try:
                requeue_stale()
            except Exception:  # noqa: BLE001 - a busy database: look again next time
                logger.warning("Watchdog could not check for lost jobs", exc_info=True)
            finally:
                connection.close()
