"""Invented stories with many versions: each version rewords a few of the same quotes."""

from newsdiff.ingest import document_from_text
from newsdiff.stories.services import add_version

SPEAKERS = ["Ruth Kerr", "Tom Hale", "Ian Moss", "Ada Vance"]


def version_text(n: int, quotes: int = 8) -> str:
    lines = [f"Update {n}: the harbour wall inquiry continued on day {n}."]
    for q in range(quotes):
        weeks = q + 2 + (n % 3 if q % 2 else 0)
        hedge = "probably " if (n + q) % 4 == 0 else ""
        lines.append(
            f"“Pier {q} will {hedge}reopen after {weeks} weeks of repairs to the wall,” said "
            f"{SPEAKERS[q % len(SPEAKERS)]}."
        )
    return "\n\n".join(lines) + "\n"


def add_versions(story, count: int, *, start: int = 0, align: bool = False, user=None):
    """`count` versions, one outlet each, stored without aligning (as a bulk import does)."""
    return [
        add_version(
            story,
            document_from_text(version_text(n)),
            source="paste",
            outlet_name=f"Outlet {n}",
            uploaded_by=user,
            align=align,
        ).version
        for n in range(start, start + count)
    ]
