"""Statements across many versions: the quote matrix, one row per statement and one column per
version, clustered from the pairwise quote pairs (what CollateX's alignment table does for
manuscripts, for quotes).

Clustering rule. Quotes aligned whole with each other (≥ 80 % of each, so exact, minor and
whole rewordings) are one *wording* and always share a row. Other pairs are then taken
strongest first (exact, minor, partial, reworded; higher score first), and each joins the
rows of its two quotes unless that would put two quotes of *different* versions that are not
the same statement in one row. Two wordings are the same statement when a pair links them,
or when a third wording is paired with both and either both lie inside it (≥ 80 % of each is
aligned with it: fragments, trims) or their aligned parts of it overlap by half. Every quote of
a row must be the same statement as at least one quote of each other version in the row;
quotes of one version need not be (a headline and a body, or a statement that version split in
two). So "A's long quote pairs with B1 and B2" is one row (B split it), while X ~ Y and
Y ~ Z, where X and Z are windows on Y's words that do not overlap, stay two rows: a chain of
partial overlaps does not glue a speech into one statement. A quote that holds more than a
refused partner's statement (< 80 % of it aligned) is also shown in the partner's row when its
version would otherwise look as if it had dropped that statement (Y appears in X's row and in
Z's, marked `shared`).

Drift: how far a version's wording is from the row's reference wording, 0 (the same words)
to 1. A pair's drift is its kind's floor (exact 0, minor 0.05, partial 0.15, reworded 0.4)
plus the rest scaled by how much the aligned words differ (1 − score / 100; the score is the
similarity of the aligned words, the size of the word diff). A cell paired with the reference
quote directly takes that pair's drift; otherwise the smallest sum of drifts along pairs
inside the row (at most 1).
"""

import heapq
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from newsdiff.engine.normalise import comparable

KIND_RANK = {"exact": 0, "minor": 1, "partial": 2, "reworded": 3}
KIND_FLOOR = {"exact": 0.0, "minor": 0.05, "partial": 0.15, "reworded": 0.4}
CONTAINED = 0.8  # share of a quote aligned with another for it to lie inside that quote

Span = tuple[int, int]
Node = tuple[Hashable, int]  # (version, quote index)


class QuoteLike(Protocol):
    """An engine `Quote` or a `quotes.Quote` row: offsets into its version's text."""

    start: int
    end: int
    text: str


class PairLike(Protocol):
    """An engine `Pair`, a `QuoteLink`, or anything with these fields (`a` indexes the first
    version's quotes, `b` the second's; spans are offsets into each version's text)."""

    a: int
    b: int
    score: float
    kind: str
    flags: Sequence[str]
    spans_a: Sequence[Sequence[int]]
    spans_b: Sequence[Sequence[int]]


@dataclass(frozen=True)
class QuoteLink:
    """A stored pair in plain form: build one from a `QuotePair` row with the two quotes'
    indices (`a` in `alignment.version_a`, `b` in `alignment.version_b`)."""

    a: int
    b: int
    score: float
    kind: str
    flags: tuple[str, ...] = ()
    spans_a: tuple[Span, ...] = ()
    spans_b: tuple[Span, ...] = ()

    def swapped(self) -> "QuoteLink":
        """The same pair seen from the other version."""
        return QuoteLink(self.b, self.a, self.score, self.kind, self.flags, self.spans_b,
                         self.spans_a)


@dataclass(frozen=True)
class Cell:
    """One version's wording of a statement: its quotes (in text order), drift from the
    reference wording, the kind and meaning flags of the pair with the reference (`direct`)
    or of the path of pairs through other versions, and whether its quotes also carry another
    row (`shared`: a long quote holding two statements other versions quote apart)."""

    version: Hashable
    quotes: tuple[int, ...]
    drift: float
    kind: str | None
    flags: tuple[str, ...]
    direct: bool
    shared: bool = False


@dataclass(frozen=True)
class Statement:
    """A row of the matrix: `reference` is the version whose wording the others are compared
    with (the chosen reference version when it has the statement, else the earliest that does),
    `wording` its text, `cells` one per version that carries it (in version order),
    `missing` the versions that dropped it; `drift` the largest cell drift and `flags` every
    meaning flag in the row, to sort rows by how far they drifted."""

    reference: Hashable
    wording: str
    cells: tuple[Cell, ...]
    missing: tuple[Hashable, ...]
    drift: float
    flags: tuple[str, ...]

    def cell(self, version: Hashable) -> Cell | None:
        return next((c for c in self.cells if c.version == version), None)


@dataclass(frozen=True)
class _Edge:
    x: Node
    z: Node
    drift: float
    kind: str
    score: float
    flags: tuple[str, ...]
    cover_x: float  # share of x aligned with z
    cover_z: float
    at_x: tuple[float, float]  # where the aligned part lies in x, as shares of x's length
    at_z: tuple[float, float]


def pair_drift(kind: str, score: float) -> float:
    """How far a pair's wording drifted, 0–1.

    >>> pair_drift("exact", 100), pair_drift("minor", 90), pair_drift("reworded", 60)
    (0.0, 0.145, 0.64)
    """
    if kind == "exact":
        return 0.0
    floor = KIND_FLOOR.get(kind, KIND_FLOOR["reworded"])
    return round(floor + (1 - floor) * (1 - min(100.0, score) / 100), 3)


def cluster_statements(quotes: Mapping[Hashable, Sequence[QuoteLike]],
                       pairs: Mapping[tuple[Hashable, Hashable], Iterable[PairLike]],
                       reference: Hashable | None = None) -> list[Statement]:
    """The statements of a story: `quotes` maps each version (earliest first) to its quotes by
    index, `pairs` each pair of versions (va, vb), once, to the pairs found between them
    (leave out pairs an editor rejected; add the ones an editor linked).

    >>> from types import SimpleNamespace as Q
    >>> quotes = {"v1": [Q(start=0, end=20, text="We will rebuild it.")],
    ...           "v2": [Q(start=5, end=25, text="We will rebuild it!")], "v3": []}
    >>> links = {("v1", "v2"): [QuoteLink(0, 0, 100.0, "exact", (), ((0, 20),), ((5, 25),))]}
    >>> [(s.wording, [c.version for c in s.cells], s.missing) for s in
    ...  cluster_statements(quotes, links)]
    [('We will rebuild it.', ['v1', 'v2'], ('v3',))]
    """
    order = list(quotes)
    reference = order[0] if reference is None and order else reference
    edges = _edges(quotes, pairs)
    by_node: dict[Node, dict[Node, _Edge]] = {}
    for e in edges:
        by_node.setdefault(e.x, {})[e.z] = e
        by_node.setdefault(e.z, {})[e.x] = _flip(e)

    same = _SameStatement(edges)
    rows: dict[int, dict[Hashable, set[int]]] = {}
    row_of: dict[Node, int] = {}
    row_of_wording: dict[Node, int] = {}
    for version in order:  # a row for each wording, to begin with
        for i in range(len(quotes[version])):
            row = row_of_wording.setdefault(same.wording((version, i)), len(rows))
            rows.setdefault(row, {}).setdefault(version, set()).add(i)
            row_of[(version, i)] = row
    refused: list[_Edge] = []
    position = {v: n for n, v in enumerate(order)}

    def strength(e: _Edge) -> tuple:
        return (KIND_RANK.get(e.kind, 9), -e.score, position[e.x[0]], e.x[1], position[e.z[0]],
                e.z[1])

    for e in sorted(edges, key=strength):
        rx, rz = row_of[e.x], row_of[e.z]
        if rx == rz:
            continue
        if same.rows_agree(rows[rx], rows[rz]):
            for version, members in rows.pop(rz).items():
                rows[rx].setdefault(version, set()).update(members)
                for i in members:
                    row_of[(version, i)] = rx
        else:
            refused.append(e)
    # A quote holding more than a refused partner's statement carries that row too.
    secondary: dict[int, set[Node]] = {}
    for e in refused:
        for node, other, cover in ((e.x, e.z, e.cover_x), (e.z, e.x, e.cover_z)):
            row = rows[row_of[other]]
            if cover < CONTAINED and node[0] not in row and \
                    same.rows_agree({node[0]: {node[1]}}, row):
                row[node[0]] = {node[1]}
                secondary.setdefault(row_of[other], set()).add(node)

    statements = [_statement(quotes, order, reference, rows[r], by_node, secondary.get(r, set()))
                  for r in rows]
    return sorted(statements, key=lambda s: _reading_key(s, reference, position))


def _edges(quotes, pairs) -> list[_Edge]:
    edges = []
    for (va, vb), found in pairs.items():
        for p in found:
            qa, qb = quotes[va][p.a], quotes[vb][p.b]
            on_a = tuple((s, e) for s, e in p.spans_a) or ((qa.start, qa.end),)
            on_b = tuple((s, e) for s, e in p.spans_b) or ((qb.start, qb.end),)
            edges.append(_Edge((va, p.a), (vb, p.b), pair_drift(p.kind, p.score), p.kind,
                               float(p.score), tuple(p.flags), _cover(on_a, qa), _cover(on_b, qb),
                               _at(on_a, qa), _at(on_b, qb)))
    return edges


def _cover(spans: tuple[Span, ...], quote: QuoteLike) -> float:
    length = max(1, quote.end - quote.start)
    return min(1.0, sum(max(0, min(e, quote.end) - max(s, quote.start)) for s, e in spans) / length)


def _at(spans: tuple[Span, ...], quote: QuoteLike) -> tuple[float, float]:
    length = max(1, quote.end - quote.start)
    return (max(0.0, (min(s for s, _ in spans) - quote.start) / length),
            min(1.0, (max(e for _, e in spans) - quote.start) / length))


def _flip(e: _Edge) -> _Edge:
    return _Edge(e.z, e.x, e.drift, e.kind, e.score, e.flags, e.cover_z, e.cover_x, e.at_z, e.at_x)


def _overlap(x: tuple[float, float], y: tuple[float, float]) -> bool:
    """Two stretches of one quote overlap by half the shorter."""
    shorter = min(x[1] - x[0], y[1] - y[0])
    return shorter > 0 and min(x[1], y[1]) - max(x[0], y[0]) >= 0.5 * shorter


class _SameStatement:
    """Whether two quotes of different versions are the same statement (the module's rule).

    Quotes aligned whole with each other (≥ 80 % of both) are one *wording* of a statement,
    reworded or not; the rule is applied between wordings, so a quote paired only with one
    copy of a wording relates to all its copies. Where a pair lands on a quote is kept as a
    share of that quote's length, comparable across the copies of a wording."""

    def __init__(self, edges: list[_Edge]):
        self.parent: dict[Node, Node] = {}
        for e in edges:
            if e.cover_x >= CONTAINED and e.cover_z >= CONTAINED:
                self.parent[self.wording(e.x)] = self.wording(e.z)
        # wording -> other wording -> [(share of this side aligned, where it lands there)]
        self.links: dict[Node, dict[Node, list[tuple[float, Span]]]] = {}
        for e in edges:
            wx, wz = self.wording(e.x), self.wording(e.z)
            if wx != wz:
                self.links.setdefault(wx, {}).setdefault(wz, []).append((e.cover_x, e.at_z))
                self.links.setdefault(wz, {}).setdefault(wx, []).append((e.cover_z, e.at_x))
        self.known: dict[frozenset[Node], bool] = {}

    def wording(self, node: Node) -> Node:
        root = node
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while node != root:  # path compression
            self.parent[node], node = root, self.parent[node]
        return root

    def __call__(self, x: Node, z: Node) -> bool:
        wx, wz = self.wording(x), self.wording(z)
        if wx == wz:
            return True
        key = frozenset((wx, wz))
        if key not in self.known:
            self.known[key] = self._decide(wx, wz)
        return self.known[key]

    def _decide(self, wx: Node, wz: Node) -> bool:
        mine, theirs = self.links.get(wx, {}), self.links.get(wz, {})
        if wz in mine:
            return True
        for hub in mine.keys() & theirs.keys():
            for cover_x, on_hub_x in mine[hub]:
                for cover_z, on_hub_z in theirs[hub]:
                    if (cover_x >= CONTAINED and cover_z >= CONTAINED) or \
                            _overlap(on_hub_x, on_hub_z):
                        return True
        return False

    def rows_agree(self, one: dict[Hashable, set[int]], other: dict[Hashable, set[int]]) -> bool:
        """Every quote of each row is the same statement as some quote of every other version
        in the other row (so a version's split halves each need only match one side)."""
        for left, right in ((one, other), (other, one)):
            for version, members in left.items():
                for i in members:
                    for w, theirs in right.items():
                        if w != version and not any(self((version, i), (w, j)) for j in theirs):
                            return False
        return True


def _statement(quotes, order, reference, row: dict[Hashable, set[int]], by_node,
               secondary: set[Node]) -> Statement:
    present = [v for v in order if v in row]
    ref = reference if reference in row else present[0]
    ref_nodes = {(ref, i) for i in row[ref]}
    members = {(v, i) for v in row for i in row[v]}
    distance, path_flags = _distances(ref_nodes, members, by_node)
    cells = []
    for v in present:
        nodes = sorted((v, i) for i in row[v])
        if v == ref:
            cells.append(Cell(v, tuple(i for _, i in nodes), 0.0, None, (), True,
                              any(n in secondary for n in nodes)))
            continue
        direct = [by_node[n][r] for n in nodes for r in ref_nodes if r in by_node.get(n, {})]
        if direct:
            best = min(direct, key=lambda e: (e.drift, KIND_RANK.get(e.kind, 9)))
            drift, kind, flags = best.drift, best.kind, best.flags
        else:
            near = min(nodes, key=lambda n: distance.get(n, 1.0))
            drift, kind, flags = min(1.0, distance.get(near, 1.0)), None, path_flags.get(near, ())
        cells.append(Cell(v, tuple(i for _, i in nodes), round(drift, 3), kind,
                          tuple(sorted(set(flags))), bool(direct),
                          any(n in secondary for n in nodes)))
    flags = tuple(sorted({f for c in cells for f in c.flags}))
    return Statement(ref, _wording([quotes[ref][i].text for i in sorted(row[ref])]), tuple(cells),
                     tuple(v for v in order if v not in row),
                     max((c.drift for c in cells), default=0.0), flags)


def _distances(sources: set[Node], members: set[Node], by_node):
    """Smallest summed drift from the reference quotes to each member, through the row's
    pairs, with the meaning flags met on the way."""
    distance = {n: 0.0 for n in sources}
    flags: dict[Node, tuple[str, ...]] = {n: () for n in sources}
    heap = [(0.0, k, n) for k, n in enumerate(sources)]  # k breaks ties: nodes need no order
    pushed = len(heap)
    while heap:
        d, _, n = heapq.heappop(heap)
        if d > distance.get(n, float("inf")):
            continue
        for other, e in by_node.get(n, {}).items():
            if other in members and d + e.drift < distance.get(other, float("inf")):
                distance[other] = d + e.drift
                flags[other] = tuple(set(flags[n]) | set(e.flags))
                heapq.heappush(heap, (d + e.drift, pushed, other))
                pushed += 1
    return distance, flags


def _wording(texts: list[str]) -> str:
    """The reference version's wording: its quotes in text order, leaving out any whose words
    another of them already holds (a headline repeating part of the body)."""
    kept: list[int] = []
    for n in sorted(range(len(texts)), key=lambda n: -len(texts[n])):
        if not any(comparable(texts[n]) in comparable(texts[k]) for k in kept):
            kept.append(n)
    return " … ".join(texts[n] for n in sorted(kept))


def _reading_key(s: Statement, reference, position) -> tuple:
    """Rows the reference version carries first, in its quote order; then the rest by the
    earliest version carrying them."""
    first = s.cell(reference) or s.cells[0]
    return (0 if s.cell(reference) else 1, position[first.version], first.quotes[0])
