"""Jobs as rows: claiming, fencing by token, retry after an error, the watchdog, and the
progress block editors see (polled by htmx, or reloaded without JavaScript)."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from newsdiff.jobs import services
from newsdiff.jobs.models import Job


@pytest.fixture
def job(story, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    return services.request_alignment(story)


def test_a_waiting_alignment_job_is_reused_for_the_next_upload(story, job):
    assert services.request_alignment(story) == job
    services.claim(job.pk, job.token)
    assert services.request_alignment(story) != job


def test_a_job_is_claimed_once_per_token(job):
    assert services.claim(job.pk, "not-the-token") is None
    running = services.claim(job.pk, job.token)
    assert (running.status, running.attempts) == ("running", 1)
    assert services.claim(job.pk, job.token) is None


def test_a_run_whose_job_was_requeued_is_stopped_at_its_next_report(job, settings):
    run = services.claim(job.pk, job.token)
    Job.objects.filter(pk=job.pk).update(heartbeat=timezone.now() - timedelta(hours=1))
    assert services.requeue_stale() == [job.pk]
    with pytest.raises(services.Superseded):
        services.report(run, 3, 10)
    services.finish(run)  # a stale run cannot mark the job done either
    job.refresh_from_db()
    assert (job.status, job.done) == ("queued", 0)
    assert job.token != run.token


def test_a_live_heartbeat_keeps_the_job_with_its_worker(job):
    run = services.claim(job.pk, job.token)
    services.report(run, 1, 4)
    assert services.requeue_stale() == []
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == ("running", 1, 4)


def test_a_job_whose_enqueue_failed_is_queued_again(job):
    Job.objects.filter(pk=job.pk).update(task_id="", heartbeat=timezone.now() - timedelta(hours=1))
    assert services.requeue_stale() == [job.pk]


def test_an_error_is_retried_until_the_attempts_run_out(job, settings):
    settings.NEWSDIFF_JOB_MAX_ATTEMPTS = 2
    for attempt in (1, 2):
        job.refresh_from_db()
        run = services.claim(job.pk, job.token)
        services.fail_or_retry(run, "ValueError: the engine broke")
        job.refresh_from_db()
        assert job.attempts == attempt
    assert (job.status, job.error) == ("failed", "ValueError: the engine broke")


def test_a_worker_that_dies_too_often_fails_the_job(job, settings):
    settings.NEWSDIFF_JOB_MAX_ATTEMPTS = 1
    services.claim(job.pk, job.token)
    Job.objects.filter(pk=job.pk).update(heartbeat=timezone.now() - timedelta(hours=1))
    assert services.requeue_stale() == []
    job.refresh_from_db()
    assert job.status == "failed"
    assert "stopped 1 times" in job.error


def test_progress_block_polls_while_a_job_runs(viewer_client, story, job):
    run = services.claim(job.pk, job.token)
    services.report(run, 37, 120)
    response = viewer_client.get(f"/stories/{story.slug}/jobs/", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Aligning 37/120 pairs of versions" in html
    assert 'hx-trigger="every 2s"' in html
    assert "<html" not in html


def test_progress_block_stops_polling_when_the_work_is_done(viewer_client, story, job):
    run = services.claim(job.pk, job.token)
    services.finish(run)
    html = viewer_client.get(
        f"/stories/{story.slug}/jobs/", headers={"HX-Request": "true"}
    ).content.decode()
    assert "hx-trigger" not in html
    assert "All background work on this story is done" in html


def test_without_javascript_the_progress_is_a_page_to_reload(viewer_client, story, job):
    html = viewer_client.get(f"/stories/{story.slug}/jobs/").content.decode()
    assert "<html" in html
    assert "Aligning versions: waiting for a worker" in html
    assert f'href="/stories/{story.slug}/jobs/">Refresh</a>' in html


def test_story_page_shows_progress_and_failures(viewer_client, story, job, settings):
    page = viewer_client.get(story.get_absolute_url()).content.decode()
    assert "waiting for a worker" in page
    assert 'hx-get="/stories/harbour-wall/jobs/"' in page
    settings.NEWSDIFF_JOB_MAX_ATTEMPTS = 1
    services.fail_or_retry(services.claim(job.pk, job.token), "ValueError: the engine broke")
    page = viewer_client.get(story.get_absolute_url()).content.decode()
    assert "Aligning versions failed: ValueError: the engine broke" in page
    assert "hx-trigger" not in page


def test_story_page_without_jobs_has_no_progress(viewer_client, story):
    page = viewer_client.get(story.get_absolute_url()).content.decode()
    assert 'id="job-progress"' in page
    assert 'hx-trigger="every' not in page


def test_the_worker_command_refuses_the_immediate_backend(settings):
    settings.NEWSDIFF_TASKS = "immediate"
    with pytest.raises(CommandError, match="nothing for a worker to do"):
        call_command("jobs_worker", "--burst")


def test_an_upload_is_stored_when_the_broker_is_down(
    story, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    settings.RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:1/0"}}  # nothing listens there
    with django_capture_on_commit_callbacks(execute=True):
        job = services.request_alignment(story)
    job.refresh_from_db()
    assert (job.status, job.task_id) == ("queued", "")
    Job.objects.filter(pk=job.pk).update(heartbeat=timezone.now() - timedelta(hours=1))
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        assert services.requeue_stale() == [job.pk]
    job.refresh_from_db()
    assert job.task_id  # queued for real this time
