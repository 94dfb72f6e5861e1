"""Import files as versions of a story's articles, in one go.

    python manage.py import_story --title "Harbour wall" [--outlet NAME] FILE...

Each file becomes one version (source: import) through the same service as an upload. The
outlet comes from --outlet or from the file's own site name or domain; files from one outlet
at one URL (or with none) become successive versions of one article. A file that cannot be
read is reported and skipped; the exit status is non-zero when any was.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from newsdiff.ingest import IngestError, document_from_bytes
from newsdiff.ingest.document import size_label
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
        parser.add_argument("files", nargs="+", metavar="FILE")

    def handle(self, *args, title, outlet, files, **options):
        story = Story.objects.filter(title=title).first() or services.create_story(title=title)
        failed = 0
        # tqdm draws with carriage returns, so it gets the raw stream, not Django's line wrapper.
        stream = self.stderr._out
        for name in tqdm(files, desc="Importing", unit="file", file=stream):
            try:
                message = self._import(story, Path(name), outlet)
            except (IngestError, services.UploadRejected, OSError) as error:
                failed += 1
                message = f"skipped {name}: {error}"
            tqdm.write(message, file=stream)
        self.stdout.write(f"Story “{story.title}”: {story.get_absolute_url()}")
        if failed:
            raise CommandError(f"{failed} of {len(files)} files could not be imported.")

    def _import(self, story: Story, path: Path, outlet: str) -> str:
        if path.stat().st_size > settings.NEWSDIFF_MAX_UPLOAD_BYTES:
            raise IngestError(
                f"larger than the {size_label(settings.NEWSDIFF_MAX_UPLOAD_BYTES)} limit"
            )
        document = document_from_bytes(path.read_bytes(), path.name)
        added = services.add_version(
            story, document, source=Version.Source.IMPORT, outlet_name=outlet
        )
        version = added.version
        if not added.created:
            return f"{path.name}: already stored as version {version.number} of {version.article}"
        return f"{path.name}: version {version.number} of {version.article}"
