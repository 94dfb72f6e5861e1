"""Real worker processes: the database queue, RQ on the local Redis, a worker killed in the
middle of a job, a big upload that returns before its story is aligned, and a bulk import
queued from the command line."""

import io
from itertools import combinations

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from newsdiff.engine import ENGINE_VERSION
from newsdiff.jobs import services
from newsdiff.jobs.models import Job
from newsdiff.quotes.models import Alignment
from newsdiff.quotes.services import PROVISIONAL_ENGINE
from newsdiff.stories.models import Story, Version
from tests.jobs.stories import add_versions, version_text
from tests.jobs.workers import (
    TEST_REDIS_URL,
    kill_machine,
    run_burst,
    start_worker,
    stop,
    wait_until,
)

pytestmark = pytest.mark.django_db(transaction=True)


def fully_aligned(story) -> bool:
    ids = sorted(Version.objects.filter(article__story=story).values_list("pk", flat=True))
    current = set(
        Alignment.objects.filter(story=story, engine=ENGINE_VERSION).values_list(
            "version_a_id", "version_b_id"
        )
    )
    return current == set(combinations(ids, 2))


def queue_alignment(story) -> Job:
    with transaction.atomic():
        return services.request_alignment(story)


def test_a_database_worker_process_runs_a_queued_alignment():
    story = Story.objects.create(title="Queue", slug="queue")
    add_versions(story, 5)
    job = queue_alignment(story)
    run_burst("db")
    job.refresh_from_db()
    assert (job.status, job.done, job.total, job.attempts) == ("done", 10, 10, 1)
    assert fully_aligned(story)


@pytest.fixture
def redis_queue(settings):
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(TEST_REDIS_URL)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379 (the RQ backend needs one)")
    client.flushdb()  # database 13 is the tests' own
    settings.NEWSDIFF_TASKS = "rq"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    settings.RQ_QUEUES = {"default": {"URL": TEST_REDIS_URL}}
    yield client
    client.flushdb()


def test_an_rq_worker_runs_an_alignment_queued_through_redis(redis_queue):
    story = Story.objects.create(title="Redis", slug="redis")
    add_versions(story, 4)
    job = queue_alignment(story)
    job.refresh_from_db()
    assert redis_queue.llen("rq:queue:default") == 1
    assert job.task_id
    out = run_burst("rq")
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == ("done", 6, 6), out
    assert fully_aligned(story)
    assert redis_queue.llen("rq:queue:default") == 0


def test_a_job_whose_worker_is_killed_is_finished_by_another_worker():
    killed_and_finished_by_another_worker("db")


def test_an_rq_job_whose_worker_is_killed_is_finished_by_another_worker(redis_queue):
    killed_and_finished_by_another_worker("rq")


def killed_and_finished_by_another_worker(backend: str) -> None:
    story = Story.objects.create(title="Killed", slug="killed")
    add_versions(story, 24)  # 276 pairs, one per chunk: time to kill the worker mid-job
    job = queue_alignment(story)
    first = start_worker(backend)
    try:
        wait_until(
            lambda: Job.objects.filter(pk=job.pk, status="running", done__gte=5).exists(),
            "the first worker to get going",
        )
    finally:
        kill_machine(first)
    job.refresh_from_db()
    assert job.status == "running" and 5 <= job.done < job.total
    second = start_worker(backend)
    try:
        wait_until(
            lambda: Job.objects.filter(pk=job.pk, status="done").exists(),
            "the second worker to finish the job",
        )
    finally:
        out = stop(second)
    job.refresh_from_db()
    # Retried at least once (a heartbeat held up past STALE on a loaded machine can add a
    # retry, which the token fences off), finished, and every pair aligned exactly once.
    assert job.attempts >= 2, out
    assert job.done == job.total == 276, out
    assert fully_aligned(story)
    assert Alignment.objects.filter(story=story).count() == 276


def test_an_upload_to_a_big_story_returns_before_the_story_is_aligned(editor_client, settings):
    settings.NEWSDIFF_INLINE_ALIGNMENTS = 3
    story = Story.objects.create(title="Big", slug="big")
    reference, *_ = add_versions(story, 4, align=True)
    response = editor_client.post(
        f"/stories/{story.slug}/upload/",
        {"text": version_text(99), "outlet": "Late Outlet"},
    )
    new = Version.objects.get(article__outlet__name="Late Outlet")
    assert response.status_code == 302
    assert response["Location"] == f"/stories/big/compare/?a={reference.pk}&b={new.pk}"
    # Stored with its own quotes and its pair with the reference; the rest waits.
    assert new.quotes.count() == 8
    assert Alignment.objects.get(version_a=reference, version_b=new).engine == PROVISIONAL_ENGINE
    assert not Alignment.objects.filter(version_b=new, engine=ENGINE_VERSION).exists()
    job = Job.objects.get(story=story)
    assert job.status == "queued" and job.task_id

    compare = editor_client.get(response["Location"]).content.decode()
    assert "Aligning versions: waiting for a worker" in compare
    assert "in the background" in compare  # the message after the upload

    run_burst("db")
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == ("done", 4, 4)
    assert fully_aligned(story)
    assert not Alignment.objects.filter(engine=PROVISIONAL_ENGINE).exists()


def test_a_bulk_import_queued_from_the_command_line_is_imported_and_aligned(tmp_path):
    files = []
    for n in range(5):
        path = tmp_path / f"update-{n}.txt"
        path.write_text(version_text(n), encoding="utf-8")
        files.append(str(path))
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 damaged")
    worker = start_worker("db")
    err = io.StringIO()
    try:
        with pytest.raises(CommandError, match="1 of 6 files could not be imported"):
            call_command(
                "import_story",
                "--title",
                "Bulk",
                "--outlet",
                "Wire",
                "--background",
                "--wait",
                *files,
                str(tmp_path / "broken.pdf"),
                stdout=io.StringIO(),
                stderr=err,
            )
    finally:
        out = stop(worker)
    story = Story.objects.get(title="Bulk")
    assert story.articles.get().versions.count() == 5, out
    assert fully_aligned(story)
    kinds = list(Job.objects.filter(story=story).values_list("kind", "status", "done", "total"))
    assert kinds == [("import", "done", 6, 6), ("align", "done", 10, 10)]
    assert "skipped broken.pdf" in err.getvalue()
    assert "Importing files" in err.getvalue() and "Aligning versions" in err.getvalue()
