"""Quote search at scale: `python -m benchmarks.search [--quotes N] [--rebuild] [--pg-trgm]`.

Generates a deterministic corpus of invented quotes (N = 1,000,000 by default) with true
variants planted across stories — each seed quote trimmed, with two words swapped, and with a
word changed — stores it in a cached database (SQLite var/search-bench-<N>.sqlite3, or the
DATABASE_URL database, e.g. postgres://postgres@127.0.0.1:5432/nd_search_bench), and measures:

- latency of `newsdiff.search.finder.find_quotes` (index candidates + rapidfuzz re-rank + the
  ORM rows a results page shows): p50 / p95 over realistic queries;
- recall of the planted variants, and recall against brute force (rapidfuzz WRatio over every
  stored quote) on a sample of queries;
- with --pg-trgm on PostgreSQL: the same queries through a pg_trgm GIN index instead.

The corpus is generated once and reused; --rebuild makes it again.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = "v2"  # bump when the generator changes: a cached corpus is then rebuilt
TRUE_SCORE = 85  # brute force: a stored quote this close to the query is a true variant
SEEDS = 500  # planted seed quotes, three variants each
QUOTES_PER_VERSION = 20
VERSIONS_PER_STORY = 5
SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "bu",
    "da",
    "de",
    "di",
    "do",
    "du",
    "fa",
    "fe",
    "fi",
    "fo",
    "ga",
    "ge",
    "gi",
    "go",
    "ka",
    "ke",
    "ki",
    "ko",
    "ku",
    "la",
    "le",
    "li",
    "lo",
    "lu",
    "ma",
    "me",
    "mi",
    "mo",
    "mu",
    "na",
    "ne",
    "ni",
    "no",
    "nu",
    "pa",
    "pe",
    "pi",
    "po",
    "pu",
    "ra",
    "re",
    "ri",
    "ro",
    "ru",
    "sa",
    "se",
    "si",
    "so",
    "su",
    "ta",
    "te",
    "ti",
    "to",
    "tu",
    "va",
    "ve",
    "vi",
    "vo",
    "za",
    "ze",
    "zi",
    "zo",
    "an",
    "en",
    "in",
    "on",
    "ar",
    "er",
    "or",
    "ul",
]
FUNCTION_WORDS = [
    "the",
    "a",
    "to",
    "of",
    "and",
    "in",
    "that",
    "is",
    "for",
    "it",
    "on",
    "was",
    "with",
    "he",
    "as",
    "we",
    "be",
    "at",
    "by",
    "this",
    "have",
    "from",
    "or",
    "had",
    "not",
    "are",
    "but",
    "they",
    "which",
    "you",
    "were",
    "her",
    "all",
    "she",
    "there",
    "would",
    "their",
    "will",
    "when",
    "who",
    "them",
    "been",
    "has",
    "more",
    "if",
    "no",
    "out",
    "so",
    "said",
    "what",
    "up",
    "its",
    "about",
    "than",
    "into",
]


def setup_django(quotes: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdiff.settings")
    if "DATABASE_URL" not in os.environ:
        (ROOT / "var").mkdir(exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / f'search-bench-{quotes}.sqlite3'}"
    else:
        _create_pg_database(os.environ["DATABASE_URL"])
    import django

    django.setup()


def _create_pg_database(url: str) -> None:
    if not url.startswith("postgres"):
        return
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


class Corpus:
    """The invented quotes, with the planted variants of each seed."""

    def __init__(self, n: int):
        rng = random.Random(20261122)
        vocab = sorted(
            {"".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(40_000)}
        )
        rng.shuffle(vocab)
        weights = [1 / (rank + 1) ** 1.05 for rank in range(len(vocab))]
        cum, total = [], 0.0
        for w in weights:
            total += w
            cum.append(total)
        texts = []
        for _ in range(n):
            length = rng.randint(8, 32)
            content = rng.choices(vocab, cum_weights=cum, k=length)
            words = [
                rng.choice(FUNCTION_WORDS) if rng.random() < 0.45 else content[i]
                for i in range(length)
            ]
            words[0] = words[0].capitalize()
            texts.append(" ".join(words) + rng.choice(".,.!?"))
        # Seeds, and three variants each written over other quotes, in other stories.
        positions = rng.sample(range(n), SEEDS * 4)
        self.variants: dict[int, list[int]] = {}
        for s in range(SEEDS):
            seed, *others = positions[s * 4 : s * 4 + 4]
            words = texts[seed].rstrip(".,!?").split()
            if len(words) < 12:
                words += rng.choices(vocab[:2000], k=12 - len(words))
                texts[seed] = " ".join(words) + "."
            trimmed = words[rng.randint(1, 3) : len(words) - rng.randint(1, 3)]
            swapped = list(words)
            i = rng.randrange(1, len(words) - 2)
            swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
            changed = list(words)
            changed[rng.randrange(len(words))] = rng.choice(vocab)
            for pos, variant in zip(others, (trimmed, swapped, changed)):
                texts[pos] = " ".join(variant) + ","
            self.variants[seed] = others
        self.texts = texts
        self._coded = None

    def coded(self) -> list[str]:
        """Every quote's word code (search.similarity), for brute force; computed once."""
        if self._coded is None:
            from newsdiff.search.similarity import word_code

            self._coded = [word_code(t) for t in self.texts]
        return self._coded

    def queries(self, count: int) -> list[tuple[str, int | None]]:
        """(query, seed position or None): seeds, variants, and half-remembered quotes."""
        rng = random.Random(7)
        seeds = list(self.variants)
        out = []
        for k in range(count):
            kind = k % 4
            if kind == 0:
                seed = seeds[k // 4 % len(seeds)]
                out.append((self.texts[seed], seed))
            elif kind == 1:
                seed = seeds[k // 4 % len(seeds)]
                out.append((self.texts[self.variants[seed][0]], seed))
            else:  # a stretch of some stored quote, as someone remembers it
                words = self.texts[rng.randrange(len(self.texts))].split()
                start = rng.randrange(max(1, len(words) - 8))
                stretch = words[start : start + rng.randint(6, 12)]
                if kind == 3 and len(stretch) > 3:
                    i = rng.randrange(len(stretch) - 1)
                    stretch[i], stretch[i + 1] = stretch[i + 1], stretch[i]
                out.append((" ".join(stretch), None))
        return out


def build(corpus: Corpus, marker: str) -> None:
    from django.db import connection, transaction

    from newsdiff.quotes.models import Quote
    from newsdiff.search.features import quote_features
    from newsdiff.search.models import QuoteFeature
    from newsdiff.stories.models import Article, Outlet, Story, Version

    n = len(corpus.texts)
    versions = (n + QUOTES_PER_VERSION - 1) // QUOTES_PER_VERSION
    stories = (versions + VERSIONS_PER_STORY - 1) // VERSIONS_PER_STORY
    t0 = time.perf_counter()
    with transaction.atomic():
        for model in (QuoteFeature, Quote, Version, Article, Story, Outlet):
            model.objects.all().delete()
        Outlet.objects.bulk_create(
            [Outlet(id=i + 1, name=f"Outlet {i}") for i in range(50)], batch_size=5000
        )
        Story.objects.bulk_create(
            [Story(id=s + 1, title=f"Story {s}", slug=f"story-{s}") for s in range(stories)],
            batch_size=5000,
        )
        Story.objects.filter(pk=1).update(notes=marker)
        Article.objects.bulk_create(
            [
                Article(id=v + 1, story_id=v // VERSIONS_PER_STORY + 1, outlet_id=v % 50 + 1)
                for v in range(versions)
            ],
            batch_size=5000,
        )
        Version.objects.bulk_create(
            [
                Version(
                    id=v + 1,
                    article_id=v + 1,
                    number=1,
                    text="",
                    sha256=f"{v:064d}",
                    raw=b"",
                    source="paste",
                )
                for v in range(versions)
            ],
            batch_size=5000,
        )
        print(f"  stories/versions: {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        q = connection.ops.quote_name
        columns = [
            "id",
            "version_id",
            "index",
            "start",
            "end",
            "text",
            "speaker",
            "speaker_key",
            "fragment",
            "key",
        ]
        quote_rows = (
            (
                i + 1,
                i // QUOTES_PER_VERSION + 1,
                i % QUOTES_PER_VERSION,
                0,
                len(t),
                t,
                "",
                "",
                False,
                "",
            )
            for i, t in enumerate(corpus.texts)
        )
        _insert(connection, Quote._meta.db_table, [q(c) for c in columns], quote_rows)
        print(f"  quotes: {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        features = sorted((h, i + 1) for i, t in enumerate(corpus.texts) for h in quote_features(t))
        print(
            f"  {len(features):,} features computed: {time.perf_counter() - t0:.0f} s",
            file=sys.stderr,
        )
        _insert(connection, QuoteFeature._meta.db_table, ["hash", "quote_id"], features)
        print(f"  features stored: {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _insert(connection, table, columns, rows) -> None:
    """Bulk insert: COPY on PostgreSQL, executemany in big batches on SQLite."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        # 2 GB of page cache: the quote_id index takes its rows in random order.
        cursor.execute("PRAGMA cache_size = -2000000")
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        raw = cursor.cursor  # the sqlite3 cursor: Django's wrapper would rewrite every row
        batch = []
        for row in rows:
            batch.append(row)
            if len(batch) == 100_000:
                raw.executemany(sql, batch)
                batch = []
        raw.executemany(sql, batch)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def measure(corpus: Corpus, search, queries, brute: int) -> dict:
    """Latency over `queries`, recall of planted variants, recall against brute force."""
    import numpy as np
    from rapidfuzz import fuzz, process

    from newsdiff.search.similarity import PARTIAL, word_code

    times, found_variants, planted = [], 0, 0
    results = []
    for text, seed in queries:
        t = time.perf_counter()
        ids = search(text)
        times.append((time.perf_counter() - t) * 1000)
        results.append(ids)
        if seed is not None:
            family = {seed + 1, *(v + 1 for v in corpus.variants[seed])}
            planted += len(family)
            found_variants += len(family & set(ids))
    # Brute force: every stored quote scored against the query; truth = score >= TRUE_SCORE.
    # The same score as similarity(), from two native cdist runs (a Python scorer would take
    # minutes per query at a million quotes).
    truth_hits, truth_total = 0, 0
    if brute:
        coded = corpus.coded()
        sample = [word_code(t) for t, _ in queries[:brute]]
        whole = process.cdist(sample, coded, scorer=fuzz.ratio, workers=-1)
        part = process.cdist(sample, coded, scorer=fuzz.partial_ratio, workers=-1)
        scores = np.maximum(whole, PARTIAL * part * (whole < 100))
        for row, ids in zip(scores, results[:brute], strict=True):
            truth = {int(i) + 1 for i in np.flatnonzero(row >= TRUE_SCORE)}
            truth_total += len(truth)
            truth_hits += len(truth & set(ids))
    return {
        "p50": statistics.median(times),
        "p95": percentile(times, 95),
        "max": max(times),
        "planted_recall": found_variants / planted if planted else float("nan"),
        "brute_recall": truth_hits / truth_total if truth_total else float("nan"),
        "brute_truth": truth_total,
    }


def index_search(text: str) -> list[int]:
    """What a results page costs: rank every candidate, load the first page's rows."""
    from newsdiff.search.finder import load, rank_quotes

    hits = rank_quotes(text)
    load(hits[:20], text)
    return [hit.quote_id for hit in hits]


def trigram_search(threshold: float):
    """The same re-rank over candidates from a pg_trgm GIN index (word_similarity, `<%`)."""
    from django.db import connection

    from newsdiff.search.finder import CANDIDATES, MIN_SCORE
    from newsdiff.search.similarity import similarity, word_code

    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        t = time.perf_counter()
        cursor.execute(
            "CREATE INDEX IF NOT EXISTS bench_quote_text_trgm ON quotes_quote "
            "USING gin (text gin_trgm_ops)"
        )
        print(f"  trigram index ready: {time.perf_counter() - t:.0f} s", file=sys.stderr)
        cursor.execute(f"SET pg_trgm.word_similarity_threshold = {threshold}")

    def search(text: str) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, text FROM quotes_quote WHERE %s <%% text "
                "ORDER BY %s <<-> text LIMIT %s",
                [text, text, CANDIDATES],
            )
            rows = cursor.fetchall()
        query = word_code(text)
        return [i for i, t in rows if similarity(query, word_code(t), score_cutoff=MIN_SCORE)]

    return search


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search")
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--brute", type=int, default=20, help="queries checked by brute force")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument(
        "--pg-trgm",
        type=float,
        default=None,
        metavar="THRESHOLD",
        help="also measure pg_trgm word_similarity at this threshold (PostgreSQL)",
    )
    args = parser.parse_args(argv)
    setup_django(args.quotes)
    from django.core.management import call_command
    from django.db import connection

    from newsdiff.quotes.models import Quote
    from newsdiff.stories.models import Story

    call_command("migrate", verbosity=0)
    t = time.perf_counter()
    corpus = Corpus(args.quotes)
    print(
        f"corpus of {args.quotes:,} quotes generated in {time.perf_counter() - t:.0f} s",
        file=sys.stderr,
    )
    marker = f"search-bench {GENERATOR} {args.quotes}"
    cached = Story.objects.filter(pk=1, notes=marker).exists() and (
        Quote.objects.count() == args.quotes
    )
    if args.rebuild or not cached:
        print(f"storing it in {connection.vendor} …", file=sys.stderr)
        build(corpus, marker)
    queries = corpus.queries(args.queries)
    index_search(queries[0][0])  # warm the connection and the page cache once
    print(
        f"\nQuote search, {args.quotes:,} quotes on {connection.vendor}, "
        f"{len(queries)} queries ({args.brute} checked by brute force)"
    )
    print(
        f"{'candidates from':<22}{'p50 ms':>8}{'p95 ms':>8}{'max ms':>8}"
        f"{'planted recall':>16}{'brute-force recall':>20}"
    )
    show("feature index", measure(corpus, index_search, queries, args.brute))
    if args.pg_trgm is not None and connection.vendor == "postgresql":
        search = trigram_search(args.pg_trgm)
        search(queries[0][0])
        show(f"pg_trgm <% {args.pg_trgm}", measure(corpus, search, queries, args.brute))


def show(name: str, m: dict) -> None:
    print(
        f"{name:<22}{m['p50']:>8.1f}{m['p95']:>8.1f}{m['max']:>8.1f}"
        f"{m['planted_recall']:>16.3f}{m['brute_recall']:>14.3f} of {m['brute_truth']}",
        flush=True,
    )


if __name__ == "__main__":
    main(sys.argv[1:])
