"""The quote matrix of a story: one row per statement (the same quote across every version,
clustered from the stored pairwise alignments by newsdiff.engine.statements), one column per
version, each cell that version's wording with its word diff against the row's reference
wording, and an empty cell where a version dropped the statement.

Public: `story_matrix(story, *, sort="drift", reference=None) -> Matrix`, `SORTS`.
A fixed number of queries however many versions and quotes: provenance (4), quotes (1),
pairs and reviews (2).
"""

from dataclasses import dataclass, field

from newsdiff.collation.links import story_links
from newsdiff.collation.provenance import story_provenance
from newsdiff.engine.diff import word_diff
from newsdiff.engine.statements import Statement, cluster_statements
from newsdiff.engine.words import tokenise
from newsdiff.quotes.models import FLAG_LABELS, Kind, Quote
from newsdiff.stories.models import Story, Version

SORTS = {"drift": "Most drift first", "original": "Order in the original"}
KIND_LABELS = dict(Kind.choices)


@dataclass(frozen=True)
class Piece:
    """A piece of a cell's word diff: `op` equal, delete (reference words the cell lacks) or
    insert (the cell's words the reference lacks); `space` puts a space before it."""

    op: str
    text: str
    space: bool


@dataclass
class MatrixCell:
    """One version's wording of a row. `pair_id`: the stored pair with the row's reference
    quote (None when the cell relates to it only through other versions, or is the
    reference); `quotes` the version's quotes in the row, in text order."""

    version: Version
    quotes: list[Quote]
    drift: float
    kind: str | None
    flags: tuple[str, ...]
    reference: bool
    shared: bool
    pair_id: int | None
    diff: list[Piece] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " … ".join(q.text for q in self.quotes)

    @property
    def speaker(self) -> str:
        return next((q.speaker for q in self.quotes if q.speaker), "")

    @property
    def kind_label(self) -> str:
        if self.reference:
            return "Reference"
        return KIND_LABELS.get(self.kind or "", "Via other versions")

    @property
    def flag_labels(self) -> list[str]:
        return [FLAG_LABELS.get(f, f) for f in self.flags]

    @property
    def anchor(self) -> str:
        """Where in the compare view (a = the row's reference, b = this version) to land."""
        return f"pair-{self.pair_id}" if self.pair_id else f"qb-{self.quotes[0].index}"

    def to_dict(self) -> dict:
        return {
            "version": self.version.pk,
            "quotes": [q.index for q in self.quotes],
            "text": self.text,
            "speaker": self.speaker,
            "drift": self.drift,
            "kind": "reference" if self.reference else self.kind,
            "flags": list(self.flags),
            "shared": self.shared,
            "pair": self.pair_id,
            "diff": [{"op": p.op, "text": p.text} for p in self.diff],
        }


@dataclass
class Row:
    """A statement: `position` its place in reading order (the reference version's quote
    order first), `cells` one per column (None: the version dropped it)."""

    position: int
    reference: Version
    wording: str
    drift: float
    flags: tuple[str, ...]
    cells: list[MatrixCell | None]
    reference_quotes: list[Quote]

    @property
    def flag_labels(self) -> list[str]:
        return [FLAG_LABELS.get(f, f) for f in self.flags]

    @property
    def dropped(self) -> int:
        return sum(c is None for c in self.cells)

    @property
    def anchor(self) -> str:
        return f"row-{self.position}"

    def to_dict(self) -> dict:
        return {
            "position": self.position,
            "reference": self.reference.pk,
            "wording": self.wording,
            "drift": self.drift,
            "flags": list(self.flags),
            "cells": [c.to_dict() if c else None for c in self.cells],
        }


@dataclass
class Matrix:
    """`columns` the versions in publication order; `reference` the version the rows'
    wordings come from where it has the statement."""

    story: Story
    columns: list[Version]
    reference: Version | None
    rows: list[Row]
    sort: str = "drift"

    def to_dict(self) -> dict:
        return {
            "story": self.story.slug,
            "reference": self.reference.pk if self.reference else None,
            "sort": self.sort,
            "columns": [
                {
                    "version": v.pk,
                    "outlet": v.article.outlet.name,
                    "number": v.number,
                    "published": v.published.isoformat() if v.published else None,
                    "uploaded_at": v.uploaded_at.isoformat(),
                }
                for v in self.columns
            ],
            "rows": [r.to_dict() for r in self.rows],
        }


def story_matrix(story: Story, *, sort: str = "drift", reference: Version | None = None) -> Matrix:
    """The story's matrix against `reference` (default: the story's reference, see
    collation.provenance), rows sorted by `sort` (a key of SORTS; unknown means "drift")."""
    provenance = story_provenance(story)
    columns = provenance.versions
    by_id = {v.pk: v for v in columns}
    if reference is None or reference.pk not in by_id:
        reference = provenance.reference
    else:
        reference = by_id[reference.pk]
    quotes: dict[int, list[Quote]] = {v.pk: [] for v in columns}
    for q in Quote.objects.filter(version__in=list(by_id)).order_by("version_id", "index"):
        quotes[q.version_id].append(q)
    links = story_links([story.pk])[story.pk]
    statements = cluster_statements(quotes, links.pairs, reference.pk if reference else None)
    rows = [
        _row(n, s, columns, by_id, quotes, links.pair_ids) for n, s in enumerate(statements)
    ]
    sort = sort if sort in SORTS else "drift"
    if sort == "drift":
        rows.sort(key=lambda r: (-r.drift, -len(r.flags), -r.dropped, r.position))
    return Matrix(story, columns, reference, rows, sort)


def _row(position: int, s: Statement, columns, by_id, quotes, pair_ids) -> Row:
    ref_quotes = [quotes[s.reference][i] for i in s.cell(s.reference).quotes]
    cells: list[MatrixCell | None] = []
    for version in columns:
        c = s.cell(version.pk)
        if c is None:
            cells.append(None)
            continue
        mine = [quotes[version.pk][i] for i in c.quotes]
        is_reference = version.pk == s.reference
        pair_id = None
        if not is_reference:
            pair_id = next(
                (
                    pair_ids[key]
                    for r in ref_quotes
                    for q in mine
                    if (key := ((s.reference, r.index), (version.pk, q.index))) in pair_ids
                ),
                None,
            )
        cell = MatrixCell(by_id[version.pk], mine, c.drift, c.kind, c.flags, is_reference,
                          c.shared, pair_id)
        if not is_reference:
            cell.diff = word_pieces(s.wording, cell.text)
        cells.append(cell)
    return Row(position, by_id[s.reference], s.wording, s.drift, s.flags, cells, ref_quotes)


def word_pieces(reference: str, text: str) -> list[Piece]:
    """`text` against `reference`, word by word (case and quote-mark style are no change).

    >>> [(p.op, p.text) for p in word_pieces("We will not close it.", "We will close it")]
    [('equal', 'We will'), ('delete', 'not'), ('equal', 'close it'), ('delete', '.')]
    """
    wa, wb = tokenise(reference), tokenise(text)
    pieces = []
    for seg in word_diff(reference, wa, (0, len(wa.norms)), text, wb, (0, len(wb.norms))):
        source, start = (reference, seg.a_start) if seg.op == "delete" else (text, seg.b_start)
        space = bool(pieces) and start > 0 and source[start - 1].isspace()
        pieces.append(Piece(seg.op, seg.text, space))
    return pieces
