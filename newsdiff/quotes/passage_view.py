"""The compare view's passage mode: the whole text of two versions, sentence by sentence, each
passage marked shared, rewritten, moved, added or removed (engine: `align_passages`).

Not stored: computed on request and kept in a small per-process cache keyed by the two texts
(versions never change, so an entry never goes stale). Two 10,000-word texts take about 0.3 s
to align (`python -m benchmarks passage_mode`); a typical 1,000-word article a few tens of ms.
"""

from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace

from newsdiff.engine import ENGINE_VERSION
from newsdiff.engine.passages import KINDS, Passage, PassageAlignment, align_passages
from newsdiff.quotes.columns import Mark, Run, layout
from newsdiff.quotes.comparison import DiffPiece, _oriented_diff
from newsdiff.stories.models import Version

PASSAGE_LABELS = {
    "shared": "Shared",
    "rewritten": "Rewritten",
    "moved": "Moved",
    "added": "Added",
    "removed": "Removed",
}


@dataclass(eq=False)
class PassageView:
    """One aligned passage; `number` is its place in reading order (B's order)."""

    number: int
    passage: Passage
    diff: list[DiffPiece]

    @property
    def kind(self) -> str:
        return self.passage.kind

    @property
    def label(self) -> str:
        if self.kind == "moved" and self.passage.score < 100:
            return "Moved and rewritten"
        return PASSAGE_LABELS[self.kind]

    @property
    def anchor(self) -> str:
        return f"passage-{self.number}"

    def side_anchor(self, side: str) -> str:
        return f"p{side}-{self.number}"

    @property
    def listed(self) -> bool:
        """Shown in the list of changes below the columns, with its word diff."""
        return self.kind in ("rewritten", "moved")


@dataclass(frozen=True)
class PassageMark:
    """One span of a passage in one column; a passage over several paragraphs has one mark per
    paragraph, the first carrying the anchor, the last the label."""

    view: PassageView
    side: str
    first_span: bool
    last_span: bool
    mark_type = "passage"

    @property
    def anchor(self) -> str:
        return self.view.side_anchor(self.side)

    @property
    def href(self) -> str:
        """The same passage in the other column, or (added, removed) its own place."""
        other = "b" if self.side == "a" else "a"
        if self.view.kind in ("added", "removed"):
            return "#" + self.anchor
        return "#" + self.view.side_anchor(other)

    @property
    def where(self) -> str:
        """Where a moved passage went, for its label."""
        if self.view.kind != "moved":
            return ""
        return "was elsewhere in A" if self.side == "b" else "see where it went in B"


@dataclass
class PassageColumn:
    side: str
    version: Version
    paragraphs: list[list[Run]]
    share: float  # of this side's words aligned with the other side


@dataclass
class PassageComparison:
    left: PassageColumn
    right: PassageColumn
    passages: list[PassageView]

    @property
    def columns(self) -> tuple[PassageColumn, PassageColumn]:
        return self.left, self.right

    @property
    def kind_counts(self) -> list[tuple[str, str, int]]:
        return [(k, PASSAGE_LABELS[k], sum(p.kind == k for p in self.passages)) for k in KINDS]

    @property
    def changes(self) -> list[PassageView]:
        return [p for p in self.passages if p.listed]


@lru_cache(maxsize=16)
def _aligned(text_a: str, text_b: str, engine: str) -> PassageAlignment:
    return align_passages(text_a, text_b)


def compare_passages(left: Version, right: Version) -> PassageComparison:
    """Both versions' texts (loaded) aligned passage by passage, left as A."""
    alignment = _aligned(left.text, right.text, ENGINE_VERSION)
    views = []
    for n, passage in enumerate(alignment.passages, start=1):
        diff = []
        if passage.diff:
            stored = SimpleNamespace(diff=[s.to_dict() for s in passage.diff])
            diff = _oriented_diff(stored, False, left, right)
        views.append(PassageView(n, passage, diff))
    columns = []
    for side, version in (("a", left), ("b", right)):
        marks = []
        for view in views:
            spans = view.passage.spans_a if side == "a" else view.passage.spans_b
            for k, (start, end) in enumerate(spans):
                ref = PassageMark(view, side, k == 0, k == len(spans) - 1)
                marks.append(Mark(start, end, ref))
        columns.append(
            PassageColumn(side, version, layout(version.text, marks), alignment.share(side))
        )
    return PassageComparison(columns[0], columns[1], views)
