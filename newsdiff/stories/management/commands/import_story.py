"""Import files as versions of a story's articles.

    python manage.py import_story --title "Harbour wall" [--outlet NAME] FILE...
    python manage.py import_story --title "Harbour wall" --background [--wait] FILE...

Each file becomes one version (source: import) through the same service as an upload. The
outlet comes from --outlet or from the file's own site name or domain; files from one outlet
at one URL (or with none) become successive versions of one article. The story is aligned once,
after the last file, with a progress bar. A file that cannot be read is reported and skipped;
the exit status is non-zero when any was.

With --background the files are stored in the database as one import job, which workers
(`manage.py jobs_worker`, on any machine) work through in chunks, then align the story;
--wait shows their progress here until they are done.
"""

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from newsdiff.ingest import IngestError, document_from_bytes
from newsdiff.ingest.document import size_label
from newsdiff.jobs.models import Job
from newsdiff.jobs.services import start_import
from newsdiff.quotes.management.commands.align_stories import align_with_bar
from newsdiff.stories import services
from newsdiff.stories.models import Story, Version


class Command(BaseCommand):
    help = "Import files as versions of a story's articles (one version per file)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--title",
            required=True,
            help="The story's title; an existing story of that title is reused.",
        )
        parser.add_argument(
            "--outlet", default="", help="The outlet for every file (default: from each file)."
        )
        parser.add_argument(
            "--background",
            action="store_true",
            help="Queue the import for background workers instead of importing here.",
        )
        parser.add_argument(
            "--wait",
            action="store_true",
            help="With --background: show the workers' progress until they are done.",
        )
        parser.add_argument("files", nargs="+", metavar="FILE")

    def handle(self, *args, title, outlet, background, wait, files, **options):
        story = Story.objects.filter(title=title).first()
        # tqdm draws with carriage returns, so it gets the raw stream, not Django's line wrapper.
        stream = self.stderr._out
        if background:
            story = story or services.create_story(title=title)
            return self._queue(story, outlet, files, wait, stream)
        failed = 0
        for name in tqdm(files, desc="Importing", unit="file", file=stream):
            try:
                document = document_from_bytes(_read(Path(name)), Path(name).name)
                # The story is created with its first version: a failed import leaves nothing.
                with transaction.atomic():
                    target = story or services.create_story(title=title)
                    message = self._import(target, Path(name), document, outlet)
                story = target
            except (IngestError, services.UploadRejected, OSError) as error:
                failed += 1
                message = f"skipped {name}: {error}"
            tqdm.write(message, file=stream)
        if story is None:
            raise CommandError(f"None of the {len(files)} files could be imported; nothing stored.")
        align_with_bar(story, stream)
        self.stdout.write(f"Story “{story.title}”: {story.get_absolute_url()}")
        if failed:
            raise CommandError(f"{failed} of {len(files)} files could not be imported.")

    def _import(self, story: Story, path: Path, document, outlet: str) -> str:
        added = services.add_version(
            story, document, source=Version.Source.IMPORT, outlet_name=outlet, align=False
        )
        version = added.version
        if not added.created:
            return f"{path.name}: already stored as version {version.number} of {version.article}"
        return f"{path.name}: version {version.number} of {version.article}"

    def _queue(self, story: Story, outlet: str, files: list[str], wait: bool, stream) -> None:
        for name in files:  # refuse the whole batch before storing any of it
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"{name}: no such file")
            try:
                _check_size(path)
            except IngestError as error:
                raise CommandError(str(error)) from None
        since = timezone.now()
        job = start_import(
            story, ((Path(n).name, Path(n).read_bytes()) for n in files), outlet=outlet
        )
        self.stdout.write(
            f"Queued import job {job.pk}: {job.total} files for “{story.title}” "
            f"({story.get_absolute_url()}). Workers: python manage.py jobs_worker"
        )
        if wait:
            _wait_for(story, since, stream)
            failed = list(job.files.filter(outcome__startswith="skipped ").only("outcome"))
            for entry in failed:
                self.stderr.write(entry.outcome)
            if failed:
                raise CommandError(f"{len(failed)} of {job.total} files could not be imported.")


def _check_size(path: Path) -> None:
    if path.stat().st_size > settings.NEWSDIFF_MAX_UPLOAD_BYTES:
        raise IngestError(
            f"{path.name}: larger than the {size_label(settings.NEWSDIFF_MAX_UPLOAD_BYTES)} limit"
        )


def _read(path: Path) -> bytes:
    _check_size(path)
    return path.read_bytes()


def _wait_for(story: Story, since, stream, poll: float = 0.5) -> None:
    """A bar per job started for the story since `since` (the import, then the alignment it
    queues), driven by the jobs' rows, until none is active."""
    bars: dict[int, tqdm] = {}
    try:
        while True:
            jobs = list(Job.objects.filter(story=story, created_at__gte=since).order_by("pk"))
            for job in jobs:
                if job.pk not in bars:
                    bars[job.pk] = tqdm(desc=job.get_kind_display(), file=stream, total=job.total)
                bar = bars[job.pk]
                bar.total = max(job.total, job.done)
                bar.update(job.done - bar.n)
            if jobs and not any(j.active for j in jobs):
                failed = [j for j in jobs if j.status == Job.Status.FAILED]
                if failed:
                    raise CommandError(f"Job {failed[0].pk} failed: {failed[0].error}")
                return
            time.sleep(poll)
    finally:
        for bar in bars.values():
            bar.close()
