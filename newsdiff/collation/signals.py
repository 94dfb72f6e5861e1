"""Provenance follows alignment: when a story's quotes are aligned again, the engine-made
derivations the new alignments can change are recomputed (in the same transaction)."""

from django.dispatch import receiver

from newsdiff.collation.provenance import trace_story
from newsdiff.quotes.services import story_aligned


@receiver(story_aligned)
def retrace_provenance(sender, story, **kwargs):
    trace_story(story, changed_only=True)
