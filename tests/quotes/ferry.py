"""An invented ferry story in two versions, small enough to know every quote by heart.

Gazette → Coastline: quote 0 trimmed with a number changed (partial, number_changed); quote 1
with its negation dropped (minor, negation_changed); quote 2 (Hale) dropped; quote 3 (Moss)
left unquoted in Coastline's text; Coastline's quote 2 ("Nobody was hurt") only in Coastline.
"""

from newsdiff.ingest import document_from_text
from newsdiff.stories.services import add_version

GAZETTE = (
    "Harbour master Ruth Kerr said the ferry had been travelling too fast.\n\n"
    "“The vessel was doing fourteen knots in thick fog, which is far too fast,” Kerr said.\n\n"
    "“We will not reopen the berth until the inspectors are satisfied,” she added.\n\n"
    "Union organiser Tom Hale was blunt. “Crews have warned about this for months,” he said.\n\n"
    "“The Kittiwake will probably be out of service for a week,” said operator spokesman "
    "Ian Moss.\n"
)
COASTLINE = (
    "The ferry was speeding, according to harbour master Ruth Kerr.\n\n"
    "“The vessel was doing forty knots in thick fog,” Kerr told reporters.\n\n"
    "“We will reopen the berth when the inspectors are satisfied,” she said.\n\n"
    "Operator spokesman Ian Moss said the Kittiwake will probably be out of service for a week.\n\n"
    "“Nobody was hurt, and that is what matters,” said Moss.\n"
)


def upload(story, text, outlet, user=None, article=None):
    return add_version(
        story,
        document_from_text(text),
        source="paste",
        outlet_name=outlet,
        uploaded_by=user,
        article=article,
    ).version


def ferry(story, user=None):
    """(Gazette v1, Coastline v1) stored and aligned through the real upload service."""
    return upload(story, GAZETTE, "Harbour Gazette", user), upload(
        story, COASTLINE, "Coastline Daily", user
    )


def many_quotes(n: int) -> str:
    """A text with n quotations, for measuring how queries grow with quotes."""
    return "\n\n".join(
        f"“Pier {i} will reopen after {i + 2} weeks of repairs,” said engineer Ada Vance."
        for i in range(n)
    )
