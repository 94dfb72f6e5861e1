"""What each kind of job does. A handler gets the job and a `progress(done, total)` callback,
and returns True when the job is finished, False when it should continue in a new task."""

from django.conf import settings
from django.db import transaction

from newsdiff.ingest import IngestError, document_from_bytes
from newsdiff.jobs.models import ImportFile, Job
from newsdiff.quotes.services import align_story
from newsdiff.stories import services as stories
from newsdiff.stories.models import Version


def align(job: Job, progress) -> bool:
    """Align what is stale. A retried job counts on from where its lost run got to, so the
    editor's "37/120" does not start again at zero: what is left is measured afresh, and the
    total only ever grows (versions arriving meanwhile)."""
    before, known_total = job.done, job.total

    def report(done: int, total: int) -> None:
        overall = max(known_total, before + total)
        progress(overall - (total - done), overall)

    align_story(job.story, progress=report)
    return True


def import_files(job: Job, progress) -> bool:
    """Import the next chunk of files in order, one transaction each (a file already stored
    in the article is reported, not stored twice); when none are left, queue the story's
    alignment."""
    pending = job.files.filter(done=False).order_by("position")
    chunk = list(pending.defer("data")[: settings.NEWSDIFF_IMPORT_CHUNK])
    done = job.files.filter(done=True).count()
    for entry in chunk:
        entry.outcome = _import_one(job, ImportFile.objects.get(pk=entry.pk))
        entry.done = True
        entry.save(update_fields=["outcome", "done"])
        done += 1
        progress(done, job.total)
    if pending.exists():
        return False
    from newsdiff.jobs.services import request_alignment

    with transaction.atomic():
        request_alignment(job.story, user=job.created_by)
    return True


def _import_one(job: Job, entry: ImportFile) -> str:
    if len(entry.data) > settings.NEWSDIFF_MAX_UPLOAD_BYTES:
        return f"skipped {entry.name}: larger than the upload limit"
    try:
        document = document_from_bytes(bytes(entry.data), entry.name)
        added = stories.add_version(
            job.story,
            document,
            source=Version.Source.IMPORT,
            uploaded_by=job.created_by,
            outlet_name=entry.outlet,
            align=False,
        )
    except (IngestError, stories.UploadRejected) as error:
        return f"skipped {entry.name}: {error}"
    version = added.version
    if not added.created:
        return f"{entry.name}: already stored as version {version.number} of {version.article}"
    return f"{entry.name}: version {version.number} of {version.article}"
