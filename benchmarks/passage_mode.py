"""The compare view's passage mode on two generated 10,000-word texts (benchmarks.passages'
texts): the alignment, the columns laid out for the template, and the rendered partial.
Measured to decide whether passage alignments need caching or storing (they do not: see
newsdiff/quotes/passage_view.py). Unsaved versions: no database involved."""

import os
import statistics
import time

RUNS = 5


def _median(work) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run() -> str:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdiff.settings")
    import django

    django.setup()
    from django.template.loader import get_template

    from benchmarks.passages import texts
    from newsdiff.engine.passages import align_passages
    from newsdiff.quotes.passage_view import compare_passages
    from newsdiff.stories.models import Article, Outlet, Version

    a, b = texts()
    article = Article(pk=1, outlet=Outlet(name="Gazette"))
    left, right = (
        Version(article=article, number=1, text=a),
        Version(article=article, number=2, text=b),
    )
    compare_passages(left, right)  # warm up
    template = get_template("quotes/compare.html#passage-mode")
    align = _median(lambda: align_passages(a, b))
    from newsdiff.quotes.passage_view import _aligned

    def uncached():
        _aligned.cache_clear()
        compare_passages(left, right)

    build = _median(uncached)
    cached = _median(lambda: compare_passages(left, right))
    passages = compare_passages(left, right)
    render = _median(lambda: template.render({"passages": passages}))
    size = len(template.render({"passages": passages}))
    return "\n".join(
        [
            (
                f"Passage mode, texts of {len(a.split()):,} and {len(b.split()):,} words "
                f"({len(passages.passages)} passages; medians of {RUNS})"
            ),
            "| measure | ms |",
            "|---|---|",
            f"| align_passages | {align * 1000:.1f} |",
            f"| compare_passages (align + diffs + columns) | {build * 1000:.1f} |",
            f"| compare_passages, alignment cached | {cached * 1000:.1f} |",
            f"| render the passage-mode partial ({size / 1024:.0f} KiB HTML) | {render * 1000:.1f} |",
            "",
        ]
    )
