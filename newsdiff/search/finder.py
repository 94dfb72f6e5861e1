"""Find stored quotes like a piece of text: candidates from the index, ranked by rapidfuzz.

The index narrows a million quotes to a few hundred. Only the query's rarest features are
looked up (a feature shared by a large part of the corpus tells little and costs the most to
read; its count is capped so even counting it stays cheap), and the quotes sharing the most of
them are the candidates. rapidfuzz's WRatio then scores each candidate's words against the
query, word by word (search.similarity): trimmed, reworded and reordered variants score
high, quotes that merely share common words do not. Only the hits shown get their story,
outlet and version loaded.
"""

from dataclasses import dataclass, field

from django.db import connection
from rapidfuzz import fuzz

from newsdiff.engine.textdiff import Change, text_diff
from newsdiff.quotes.models import Quote
from newsdiff.search.features import quote_features
from newsdiff.search.models import QuoteFeature
from newsdiff.search.similarity import similarity, word_code

RAREST = 12  # features looked up per query
COMMON = 5000  # a feature on this many quotes is common: looked up only if nothing rarer
CANDIDATES = 300  # quotes re-ranked per query
MIN_SCORE = 70.0  # below this a hit is not the same words


@dataclass
class Hit:
    """A stored quote like the query; `changes` (filled for the hits shown) is its word diff
    against the query."""

    quote_id: int
    score: float
    quote: Quote | None = None
    changes: list[Change] = field(default_factory=list)


def candidate_ids(text: str, *, limit: int = CANDIDATES) -> list[int]:
    """Ids of quotes sharing the most of the query's rarest features, best first."""
    features = quote_features(text)
    if not features:
        return []
    table = connection.ops.quote_name(QuoteFeature._meta.db_table)
    count_one = (
        f"SELECT %s, (SELECT COUNT(*) FROM (SELECT 1 FROM {table} WHERE hash = %s "
        f"LIMIT {COMMON}) c)"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            " UNION ALL ".join([count_one] * len(features)),
            [v for h in features for v in (h, h)],
        )
        counts = sorted((n, h) for h, n in cursor.fetchall() if n)
        rare = [h for n, h in counts if n < COMMON]
        rarest = (rare if len(rare) >= 3 else [h for _, h in counts])[:RAREST]
        if not rarest:
            return []
        marks = ", ".join(["%s"] * len(rarest))
        cursor.execute(
            f"SELECT quote_id FROM {table} WHERE hash IN ({marks}) "
            f"GROUP BY quote_id ORDER BY COUNT(*) DESC, quote_id LIMIT %s",
            [*rarest, limit],
        )
        return [row[0] for row in cursor.fetchall()]


def rank_quotes(
    text: str, *, exclude: int | None = None, min_score: float = MIN_SCORE
) -> list[Hit]:
    """Stored quotes like `text`, best first, without their rows (see `load`)."""
    ids = [i for i in candidate_ids(text) if i != exclude]
    query = word_code(text)
    ranked = []
    live = Quote.objects.filter(
        pk__in=ids, version__deleted_at=None, version__article__story__deleted_at=None
    )  # a deleted version or story keeps its rows (for restoring), not its place in results
    for pk, quote_text in live.values_list("pk", "text"):
        words = word_code(quote_text)
        score = similarity(query, words, score_cutoff=min_score)
        if score:
            # Equal scores: the closer letter for letter first.
            ranked.append((-score, -fuzz.ratio(text, quote_text), pk))
    return [Hit(quote_id=pk, score=-score) for score, _, pk in sorted(ranked)]


def load(hits: list[Hit], query: str | None = None) -> list[Hit]:
    """Fill in the hits' quotes with story, outlet and version, and their diffs against
    `query` when given."""
    rows = Quote.objects.select_related(
        "version__article__story", "version__article__outlet"
    ).in_bulk([h.quote_id for h in hits])
    for hit in hits:
        hit.quote = rows[hit.quote_id]
        if query is not None:
            hit.changes = text_diff(query, hit.quote.text)
    return hits


def find_quotes(
    text: str, *, exclude: int | None = None, min_score: float = MIN_SCORE
) -> list[Hit]:
    """Every stored quote like `text`, best first, rows loaded."""
    return load(rank_quotes(text, exclude=exclude, min_score=min_score))
