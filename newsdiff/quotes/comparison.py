"""What an editor sees when comparing two versions of a story, as plain dataclasses.

The stored alignment always has the older row as version A; here every pair, span and diff is
turned to face the sides the editor asked for (left and right). Rejected pairs stay listed but
their quotes count as unpaired. The queries are few and fixed — versions, alignment, pairs,
quotes, reviews — however many quotes the story has.
"""

from dataclasses import dataclass, field

from django.db.models import Q

from newsdiff.quotes.columns import Mark, Run, layout
from newsdiff.quotes.models import FLAG_LABELS, Alignment, Kind, Quote, QuotePair, Review
from newsdiff.stories.models import Version

KIND_LABELS = dict(Kind.choices)
STATE_LABELS = {
    "unreviewed": "Not reviewed",
    "confirmed": "Confirmed",
    "rejected": "Rejected",
    "linked": "Linked by hand",
}
REVIEW_FILTERS = {
    "unreviewed": "Not reviewed",
    "reviewed": "Reviewed",
    **{k: v for k, v in STATE_LABELS.items() if k != "unreviewed"},
}


@dataclass(eq=False)
class QuoteView:
    """A quote in one column (`side` "a" is the left column, "b" the right)."""

    quote: Quote
    side: str
    pairs: list["PairView"] = field(default_factory=list)  # not rejected
    rejected: list["PairView"] = field(default_factory=list)
    # Unpaired, but the other version has its words outside quote marks, at this span of
    # the other version's text:
    paraphrase_span: tuple[int, int] | None = None
    mark_type = "quote"

    @property
    def paraphrase_anchor(self) -> str:
        return f"para-{self.anchor}" if self.paraphrase_span else ""

    @property
    def anchor(self) -> str:
        return f"q{self.side}-{self.quote.index}"

    @property
    def best(self) -> "PairView | None":
        return max(self.pairs, key=lambda p: p.pair.score, default=None)

    @property
    def kind(self) -> str:
        return self.best.pair.kind if self.pairs else ""

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, "Only here")

    @property
    def flag_labels(self) -> list[str]:
        flags = {f for p in self.pairs for f in p.pair.flags}
        return [label for f, label in FLAG_LABELS.items() if f in flags]

    @property
    def counterparts(self) -> list[str]:
        return [p.other(self).anchor for p in self.pairs]

    @property
    def href(self) -> str:
        """Where a click on the quote goes with JavaScript off: its counterpart, or the
        place the other version paraphrases it, or its entry in the "only in" list."""
        if self.pairs:
            return "#" + self.counterparts[0]
        return "#" + (self.paraphrase_anchor or f"only-{self.anchor}")


@dataclass(frozen=True)
class DiffPiece:
    """One piece of a pair's word diff, facing the requested sides: equal, delete (left only),
    insert (right only), or gap (words skipped between two aligned stretches). `space` puts a
    space before it."""

    op: str
    text: str
    punctuation: bool = False
    space: bool = False


@dataclass(eq=False)
class PairView:
    pair: QuotePair
    left: QuoteView
    right: QuoteView
    diff: list[DiffPiece]
    review: Review | None
    contexts: list["QuoteContext"] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"pair-{self.pair.pk}"

    @property
    def state(self) -> str:
        if self.review and self.review.decision:
            return self.review.decision
        return "linked" if self.pair.origin == QuotePair.Origin.EDITOR else "unreviewed"

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.pair.kind, self.pair.kind)

    @property
    def flag_labels(self) -> list[str]:
        return self.pair.flag_labels

    @property
    def note(self) -> str:
        return self.review.note if self.review else ""

    def other(self, quote: QuoteView) -> QuoteView:
        return self.right if quote is self.left else self.left


@dataclass(frozen=True)
class PairFilters:
    """Which pairs the list shows; the text columns always show every quote."""

    kind: str = ""
    flag: str = ""
    min_score: float | None = None
    review: str = ""

    def keeps(self, p: PairView) -> bool:
        if self.kind and p.pair.kind != self.kind:
            return False
        if self.flag and self.flag not in p.pair.flags:
            return False
        if self.min_score is not None and p.pair.score < self.min_score:
            return False
        if self.review == "reviewed":
            return p.state != "unreviewed"
        return not self.review or p.state == self.review

    @property
    def active(self) -> bool:
        return bool(self.kind or self.flag or self.min_score is not None or self.review)


@dataclass
class Column:
    side: str
    version: Version
    quotes: list[QuoteView]
    paragraphs: list[list[Run]] = field(default_factory=list)

    @property
    def only_here(self) -> list[QuoteView]:
        return [q for q in self.quotes if not q.pairs]


@dataclass
class Comparison:
    left: Column
    right: Column
    alignment: Alignment | None
    pairs: list[PairView]
    filters: PairFilters = PairFilters()

    @property
    def columns(self) -> tuple[Column, Column]:
        return self.left, self.right

    @property
    def shown_pairs(self) -> list[PairView]:
        return [p for p in self.pairs if self.filters.keeps(p)]

    @property
    def kind_counts(self) -> list[tuple[str, str, int]]:
        active = [p for p in self.pairs if p.state != "rejected"]
        return [(k, label, sum(p.pair.kind == k for p in active)) for k, label in Kind.choices]


def compare_versions(
    story_id: int, left: Version, right: Version, filters: PairFilters = PairFilters()
) -> Comparison:
    """Both versions (with their text) compared through their stored alignment; with no
    alignment yet, both texts with their quotes, all unpaired."""
    low, high = sorted((left.pk, right.pk))
    alignment = Alignment.objects.filter(version_a_id=low, version_b_id=high).first()
    quotes = Quote.objects.filter(version__in=[left.pk, right.pk])
    pairs = QuotePair.objects.filter(alignment=alignment) if alignment else []
    comparison = assemble(
        left, right, alignment, list(quotes), list(pairs), reviews_by_keys(story_id)
    )
    comparison.filters = filters
    for column, other in ((comparison.left, comparison.right), (comparison.right, comparison.left)):
        column.paragraphs = layout(column.version.text, _marks(column, other))
    return comparison


def pair_view(story_id: int, pair: QuotePair, left_version_id: int | None) -> PairView:
    """One pair (quotes and alignment loaded), facing the sides of the comparison it is shown
    in: `left_version_id` is the left column's version."""
    al = pair.alignment
    left_id, right_id = (al.version_a_id, al.version_b_id)
    if left_version_id == al.version_b_id:
        left_id, right_id = right_id, left_id
    versions = Version.objects.defer("raw").in_bulk([left_id, right_id])
    review = Review.objects.filter(
        story_id=story_id,
        key_low__in=[pair.quote_a.key, pair.quote_b.key],
        key_high__in=[pair.quote_a.key, pair.quote_b.key],
    ).select_related("reviewed_by")
    comparison = assemble(
        versions[left_id],
        versions[right_id],
        al,
        [pair.quote_a, pair.quote_b],
        [pair],
        {(r.key_low, r.key_high): r for r in review},
    )
    return comparison.pairs[0]


def reviews_by_keys(story_id: int) -> dict[tuple[str, str], Review]:
    reviews = Review.objects.filter(story_id=story_id).select_related("reviewed_by")
    return {(r.key_low, r.key_high): r for r in reviews}


def assemble(
    left: Version,
    right: Version,
    alignment: Alignment | None,
    quotes: list[Quote],
    pairs: list[QuotePair],
    reviews: dict[tuple[str, str], Review],
) -> Comparison:
    """Quotes and pairs already loaded, turned to face left and right."""
    sides = {left.pk: "a", right.pk: "b"}
    views = {q.pk: QuoteView(q, sides[q.version_id]) for q in quotes if q.version_id in sides}
    flipped = alignment is not None and alignment.version_a_id != left.pk
    pair_views = []
    for pair in pairs:
        qa, qb = views.get(pair.quote_a_id), views.get(pair.quote_b_id)
        if qa is None or qb is None:
            continue
        lq, rq = (qb, qa) if flipped else (qa, qb)
        view = PairView(
            pair,
            lq,
            rq,
            _oriented_diff(pair, flipped, left, right),
            reviews.get(Review.keys(qa.quote.key, qb.quote.key)),
            _contexts(pair, flipped, lq, rq, left, right),
        )
        for q in (lq, rq):
            (q.rejected if view.state == "rejected" else q.pairs).append(view)
        pair_views.append(view)
    pair_views.sort(key=lambda p: (p.left.quote.index, p.right.quote.index))
    columns = {}
    for version, side in ((left, "a"), (right, "b")):
        column_quotes = sorted(
            (v for v in views.values() if v.side == side), key=lambda v: v.quote.index
        )
        columns[side] = Column(side, version, column_quotes)
    if alignment is not None:
        for stored_side, spans in (alignment.paraphrased or {}).items():
            side = stored_side if not flipped else {"a": "b", "b": "a"}[stored_side]
            by_index = {v.quote.index: v for v in columns[side].quotes}
            for index in spans:
                view = by_index.get(int(index))
                if view is not None and not view.pairs:
                    view.paraphrase_span = tuple(spans[index])
    return Comparison(columns["a"], columns["b"], alignment, pair_views)


def _marks(column: Column, other: Column) -> list[Mark]:
    """This column's quotes (aligned parts emphasised) and the places where it has the other
    version's unpaired quotes' words outside quote marks."""
    marks = []
    for view in column.quotes:
        inner = tuple(
            tuple(span)
            for p in view.pairs
            for span in (p.pair.spans_a if _is_stored_a(p, view) else p.pair.spans_b)
        )
        marks.append(Mark(view.quote.start, view.quote.end, view, inner))
    return marks + [
        Mark(q.paraphrase_span[0], q.paraphrase_span[1], ParaphraseView(q))
        for q in other.quotes
        if q.paraphrase_span
    ]


@dataclass(frozen=True)
class ParaphraseView:
    """Where this column has, outside quote marks, the words of `quote` (other column)."""

    quote: QuoteView
    mark_type = "paraphrase"

    @property
    def anchor(self) -> str:
        return self.quote.paraphrase_anchor


def _is_stored_a(pair_view: PairView, quote: QuoteView) -> bool:
    return pair_view.pair.quote_a_id == quote.quote.pk


def _oriented_diff(
    pair: QuotePair,
    flipped: bool,
    left_version: Version,
    right_version: Version,
) -> list[DiffPiece]:
    """The stored word diff with left = the left column: offsets give each piece's text from
    its own side, and whether a space (or, across skipped words, "…") comes before it."""
    texts = {"l": left_version.text, "r": right_version.text}
    pieces: list[DiffPiece] = []
    last: dict[str, int | None] = {"l": None, "r": None}
    for seg in pair.diff:
        op, at = seg["op"], {"l": seg.get("a"), "r": seg.get("b")}
        if flipped:
            op = {"delete": "insert", "insert": "delete"}.get(op, op)
            at = {"l": at["r"], "r": at["l"]}
        side = "r" if op == "insert" else "l"
        span = at[side]
        text = texts[side][span[0] : span[1]] if span else seg["text"]
        space = bool(pieces)
        if span and last[side] is not None:
            between = texts[side][last[side] : span[0]]
            space = bool(between)
            if between.strip():
                pieces.append(DiffPiece("gap", "…", space=True))
        pieces.append(DiffPiece(op, text, bool(seg.get("punctuation")), space))
        for s in ("l", "r"):
            if at[s] and (op == "equal" or s == side):
                last[s] = at[s][1]
    return _deletions_first(pieces)


@dataclass(frozen=True)
class QuoteContext:
    """A quote that reaches beyond its pair (trimmed, or one piece of a split quote): the
    words before, inside and after the part the pair covers."""

    side: str
    before: str
    inside: str
    after: str


def _contexts(
    pair: QuotePair,
    flipped: bool,
    left: QuoteView,
    right: QuoteView,
    left_version: Version,
    right_version: Version,
) -> list[QuoteContext]:
    result = []
    for side, view, version, spans in (
        ("a", left, left_version, pair.spans_b if flipped else pair.spans_a),
        ("b", right, right_version, pair.spans_a if flipped else pair.spans_b),
    ):
        q = view.quote
        if not spans:
            continue
        lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
        before, after = version.text[q.start : lo], version.text[hi : q.end]
        if before.strip() or after.strip():
            result.append(QuoteContext(side, before, version.text[lo:hi], after))
    return result


def _deletions_first(pieces: list[DiffPiece]) -> list[DiffPiece]:
    """Turned around, the stored "insert then delete" reads backwards: between two equal
    pieces, show what the left side has before what the right side has instead."""
    result: list[DiffPiece] = []
    run: list[DiffPiece] = []
    for piece in pieces + [None]:
        if piece is not None and piece.op in ("delete", "insert"):
            run.append(piece)
            continue
        result.extend(sorted(run, key=lambda p: p.op != "delete"))
        run = []
        if piece is not None:
            result.append(piece)
    return result


def alignments_between(
    pairs_of_versions: list[tuple[int, int]],
) -> dict[tuple[int, int], Alignment]:
    """The stored alignments of these (version, version) pairs, keyed by sorted ids, one query."""
    wanted = {tuple(sorted(p)) for p in pairs_of_versions}
    if not wanted:
        return {}
    condition = Q()
    for low, high in wanted:
        condition |= Q(version_a_id=low, version_b_id=high)
    return {(a.version_a_id, a.version_b_id): a for a in Alignment.objects.filter(condition)}
