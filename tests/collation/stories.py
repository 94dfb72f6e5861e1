"""Small invented stories for the collation tests (tests/quotes/ferry.py gives the first two
versions; the Ledger copies the Gazette's narration word for word).

Against the Gazette, the Ledger keeps quotes 0 and 1 verbatim, gives Tom Hale's words (quote 2)
to Ruth Kerr, and drops Ian Moss's (quote 3).
"""

from tests.quotes.ferry import COASTLINE, GAZETTE, upload

LEDGER = (
    "Harbour master Ruth Kerr said the ferry had been travelling too fast.\n\n"
    "“The vessel was doing fourteen knots in thick fog, which is far too fast,” Kerr said.\n\n"
    "“We will not reopen the berth until the inspectors are satisfied,” she added.\n\n"
    "Kerr was blunt. “Crews have warned about this for months,” said harbour master Ruth Kerr.\n\n"
    "The ferry operator declined to comment on how long the Kittiwake would be out of service.\n"
)


def three_versions(story, user=None):
    """(Gazette v1, Coastline v1, Ledger v1), uploaded in that order through the real service."""
    return (
        upload(story, GAZETTE, "Harbour Gazette", user),
        upload(story, COASTLINE, "Coastline Daily", user),
        upload(story, LEDGER, "Northern Ledger", user),
    )
