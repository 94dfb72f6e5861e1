"""Load the demo stories: newsdiff/stories/demo/<slug>/story.json and the files it names.

Idempotent: a story is found by its slug (the folder name) and a version by its text's hash,
so running it twice adds nothing the second time. story.json:

    {"title": "...", "notes": "...",
     "versions": [{"article": "gazette", "outlet": "Harbour Gazette", "domain": "harbourgazette.example",
                   "url": "https://...", "headline": "...", "file": "gazette-v1.txt",
                   "byline": "...", "published": "2026-03-02", "uploaded_at": "2026-03-02T09:15:00+00:00"}]}

Versions are listed in upload order; entries sharing an `article` key are successive versions
of one article.
"""

import json
from datetime import UTC, date, datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from newsdiff.ingest import IngestError, document_from_bytes
from newsdiff.stories import services
from newsdiff.stories.models import Story, Version

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"


class Command(BaseCommand):
    help = "Load the demo stories (safe to run again: nothing already loaded is added twice)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--from", dest="demo_dir", type=Path, default=DEMO_DIR, help="Folder of story folders."
        )

    def handle(self, *args, demo_dir: Path, **options):
        story_files = sorted(demo_dir.glob("*/story.json")) if demo_dir.is_dir() else []
        if not story_files:
            self.stdout.write(f"No demo stories in {demo_dir}.")
            return
        added = present = 0
        for story_file in story_files:
            try:
                with transaction.atomic():
                    new, old = self._load(story_file)
            except (
                KeyError,
                TypeError,
                ValueError,
                OSError,
                IngestError,
                services.UploadRejected,
            ) as error:
                raise CommandError(f"{story_file}: {error}") from None
            added, present = added + new, present + old
        self.stdout.write(
            f"Demo data: {len(story_files)} stories, {added} versions added, {present} already present."
        )

    def _load(self, story_file: Path) -> tuple[int, int]:
        spec = json.loads(story_file.read_text(encoding="utf-8"))
        slug = story_file.parent.name
        story, _ = Story.all_objects.get_or_create(
            slug=slug, defaults={"title": spec["title"], "notes": spec.get("notes", "")}
        )
        articles = {}
        added = present = 0
        if story.deleted_at is not None:
            # An admin deleted it; loading it again would undo that. /deleted/ restores it.
            return 0, len(spec["versions"])
        for entry in spec["versions"]:
            path = story_file.parent / entry["file"]
            document = document_from_bytes(path.read_bytes(), path.name)
            try:
                result = services.add_version(
                    story,
                    document,
                    source=Version.Source.IMPORT,
                    uploaded_at=_moment(entry.get("uploaded_at")),
                    article=articles.get(entry["article"]),
                    outlet_name=entry["outlet"],
                    outlet_domain=entry.get("domain", ""),
                    headline=entry.get("headline", ""),
                    url=entry.get("url", ""),
                    byline=entry.get("byline", ""),
                    published=date.fromisoformat(entry["published"])
                    if entry.get("published")
                    else None,
                )
            except services.DeletedVersionText as deleted:  # an admin deleted it: leave it so
                articles[entry["article"]] = deleted.version.article
                present += 1
                continue
            articles[entry["article"]] = result.version.article
            added, present = added + result.created, present + (not result.created)
        return added, present


def _moment(value: str | None) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment, UTC)
