"""(b) Story alignment through the ORM, and (c) page times through Django's test client.

(b) A generated story (20 quotes a version, each version a rewrite of an earlier one) is
stored unaligned; `align_story` then analyses every version, stores the quotes and aligns all
version pairs (the cost of a bulk import or an engine upgrade). Then one more version is added
and aligned: what an editor's upload waits for at that size. Peak memory is tracemalloc's, in
a separate run on a copy of the story, so its overhead does not distort the times; at 200
versions that second run would take minutes, so the peak RSS growth of the timed run stands in.

(c) The story page and the compare view of the 50-version story, requested repeatedly by a
logged-in viewer: p50, p95 and the SQL queries of one request.
"""

import resource
import time

from benchmarks.corpus import story as generated_story
from benchmarks.database import store_story
from benchmarks.table import Row, peak_mib, percentile

QUOTES_PER_VERSION = 20
TRACED_UP_TO = 50  # versions; above this, memory is measured without tracemalloc


def _align_rows(sizes: list[int], page_size: int) -> tuple[list[Row], object]:
    from newsdiff.quotes.models import Quote, QuotePair
    from newsdiff.quotes.services import align_story

    rows, kept = [], None
    for n in sizes:
        texts = generated_story(seed=n, versions=n + 1, quotes=QUOTES_PER_VERSION)
        story = store_story(f"Bench story {n} versions", texts[:n])
        rss_before = _max_rss_mib()
        start = time.perf_counter()
        align_story(story)
        cold = (time.perf_counter() - start) * 1000
        pairs = QuotePair.objects.filter(alignment__story=story).count()
        quotes = Quote.objects.filter(version__article__story=story).count()
        if n <= TRACED_UP_TO:
            copy = store_story(f"Bench story {n} versions (memory)", texts[:n])
            peak, how = peak_mib(lambda: align_story(copy)), "tracemalloc peak"
        else:  # tracemalloc would double a run of minutes: the process's peak RSS growth
            copy, peak, how = story, _max_rss_mib() - rss_before, "peak RSS growth"
        section = "b. story alignment (ORM, SQLite)" if not rows else ""
        rows.append(Row(section, f"{n} versions, {n * (n - 1) // 2:,} version pairs",
                        "align_story: analyse all, store quotes, align every pair",
                        cold, peak_mib=peak, note=f"{pairs:,} quote pairs stored; MiB: {how}",
                        quotes_per_s=quotes / cold * 1000))
        _add_version(copy, texts[n])
        start = time.perf_counter()
        align_story(copy)
        upload = (time.perf_counter() - start) * 1000
        rows.append(Row("", f"  + 1 upload to {n} versions", "align_story after one new version",
                        upload, note=f"{n} new version pairs"))
        if n == page_size:
            kept = story
    return rows, kept


def _max_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _add_version(story, text: str) -> None:
    from django.db.models import Max

    from newsdiff.stories.models import Version

    article = story.articles.first()
    number = article.versions.aggregate(n=Max("number"))["n"] + 1
    Version(article=article, number=number, text=text, raw=text.encode(),
            source=Version.Source.IMPORT, content_type="text/plain").save()


def _page_rows(story, user, quick: bool) -> list[Row]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    client = Client()
    client.force_login(user)
    versions = sorted(story.articles.values_list("versions__pk", flat=True))
    pages = [
        ("story page", "GET /stories/<slug>/", reverse("story_detail", args=[story.slug])),
        ("compare view", "GET /stories/<slug>/compare/?a=&b=",
         reverse("compare", args=[story.slug]) + f"?a={versions[0]}&b={versions[1]}"),
    ]
    rows = []
    for name, timed, url in pages:
        client.get(url)  # warm: templates compiled, caches filled
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url).status_code
        count = len(queries)  # now: each request clears the log the context reads lazily
        times = []
        for _ in range(5 if quick else 40):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        section = f"c. pages, {len(versions)}-version story (test client)" if not rows else ""
        rows.append(Row(section, name, timed, percentile(times, 50), percentile(times, 95),
                        queries=count, note=f"HTTP {status}, {len(times)} requests"))
    return rows


def rows(quick: bool, user) -> tuple[list[Row], object]:
    """Rows of (b) and (c), and the story the pages were timed on (for the load test)."""
    sizes, page_size = ([5, 10], 10) if quick else ([10, 50, 200], 50)
    align, story = _align_rows(sizes, page_size)
    return align + _page_rows(story, user, quick), story
