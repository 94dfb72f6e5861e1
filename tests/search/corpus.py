"""Invented articles for the search tests: two stories sharing one quote in variants."""

from newsdiff.ingest import document_from_text
from newsdiff.stories import services
from newsdiff.stories.models import Story

QUAY = (
    'Harbourmaster Ilse Brandt said: "We will rebuild the eastern quay wall before the winter '
    'storms arrive, whatever the council decides." She added: "Nobody should fish from the '
    'breakwater until the engineers have finished their survey."'
)
# The same quote trimmed at both ends, and with two words swapped, in another story.
QUAY_TRIMMED = (
    'Speaking on Monday, Brandt said: "rebuild the eastern quay wall before the winter storms '
    'arrive", and the ferry operator Tomas Ek said: "Timetables stay as they are."'
)
QUAY_SWAPPED = (
    'Brandt told reporters: "We will rebuild the quay eastern wall before the winter storms '
    'arrive, whatever the council decides."'
)
ORCHARD = (
    'Grower Maud Penhallow said: "The cider apples ripened three weeks early this year, and '
    'the pickers were not ready." The cooperative said: "Prices will hold steady."'
)


def add(story: Story, text: str, outlet: str, **fields):
    return services.add_version(
        story, document_from_text(text), source="paste", outlet_name=outlet, **fields
    ).version


def make_story(title: str, slug: str) -> Story:
    return Story.objects.create(title=title, slug=slug)
