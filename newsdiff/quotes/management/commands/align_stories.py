"""Bring stored quotes and alignments up to date, e.g. after upgrading the engine, with a
progress bar per story (pairs of versions aligned)."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from newsdiff.quotes.services import align_story
from newsdiff.stories.models import Story


class Command(BaseCommand):
    help = "Recompute what is missing or out of date in every story's quotes and alignments."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="only these stories (default: all)")

    def handle(self, *args, slugs, **options):
        stories = Story.objects.order_by("pk")
        if slugs:
            stories = stories.filter(slug__in=slugs)
            missing = set(slugs) - set(stories.values_list("slug", flat=True))
            if missing:
                raise CommandError(f"No story with slug {', '.join(sorted(missing))}")
        for story in stories:
            aligned = align_with_bar(story, self.stderr._out)
            self.stdout.write(f"{story.slug}: aligned ({aligned} pairs of versions recomputed)")


def align_with_bar(story: Story, stream) -> int:
    """align_story with a tqdm bar on `stream` (raw: tqdm draws with carriage returns)."""
    with tqdm(desc=story.slug[:30], unit="pair", file=stream, total=0) as bar:

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        return align_story(story, progress=progress)
