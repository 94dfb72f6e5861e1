"""Bring stored quotes and alignments up to date, e.g. after upgrading the engine."""

from django.core.management.base import BaseCommand, CommandError

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
            align_story(story)
            self.stdout.write(f"{story.slug}: aligned")
