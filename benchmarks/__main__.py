"""`python -m benchmarks`: the scale table (issue 6), one run, one table, printed at the end.

`python -m benchmarks passages` prints the passage/provenance/statement tables (issue 7)
instead. BENCH_QUICK=1 shrinks every input and the load test to a smoke test of seconds
(`tests/test_benchmarks.py` runs it so the bench cannot rot); its figures mean nothing.
"""

import os
import sys
import time

from benchmarks.table import render

OTHER = ["passages", "hostile", "passage_mode"]  # modules with a `run() -> str` of their own, run by name


def scale(quick: bool) -> str:
    from benchmarks.database import configure

    started = time.perf_counter()
    folder = configure()  # before any module touches Django
    from django.core.management import call_command
    from django.urls import reverse

    from benchmarks import load, pairing, stories
    from benchmarks.database import viewer_session

    rows = pairing.rows(quick)
    print("a. done", flush=True, file=sys.stderr)
    call_command("load_demo", verbosity=0)
    user, session = viewer_session()
    story_rows, story = stories.rows(quick, user)
    rows += story_rows
    print("b, c. done", flush=True, file=sys.stderr)
    from newsdiff.stories.models import Story, Version

    versions = list(Version.objects.filter(article__story=story).order_by("pk")
                    .values_list("pk", flat=True)[:2])
    demo = [reverse("story_detail", args=[s.slug])
            for s in Story.objects.exclude(title__startswith="Bench story")[:3]]
    paths = [reverse("story_list"), *demo, reverse("story_detail", args=[story.slug]),
             reverse("compare", args=[story.slug]) + f"?a={versions[0]}&b={versions[1]}"]
    rows += load.rows(paths, session, quick)
    title = (f"newsdiff scale benchmark{' (BENCH_QUICK: smoke test, figures meaningless)' if quick else ''}"
             f" — {time.perf_counter() - started:.0f} s, database {folder}")
    legend = [
        "",
        "ratio: time / the section's first row. (a) all contenders get the same two quote lists "
        "(the engine's extraction of the same texts);",
        "precision/recall against the generator's truth. (b) peak MiB: tracemalloc, separate "
        "run. (c) SQL: queries in one request. (d) errors: socket errors + HTTP >= 400.",
    ]
    return render(rows, title) + "\n" + "\n".join(legend)


def main(names: list[str]) -> None:
    quick = os.environ.get("BENCH_QUICK", "") not in ("", "0")
    if not names:
        print(scale(quick), flush=True)
        return
    import importlib

    for name in names:
        if name not in OTHER:
            raise SystemExit(f"unknown benchmark {name!r}; known: {', '.join(OTHER)}")
        print(importlib.import_module(f"benchmarks.{name}").run(), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
